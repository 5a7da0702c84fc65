"""Developer look at reported speech (indirect attributions) against PolNeAR gold.

Runs the product's ``analyze`` over a sample of articles and tabulates the
indirect gold attributions it misses by the gold cue's lemma, the spurious
predictions by their cue's lemma, and near misses (overlap below the match
threshold) so content boundaries can be checked. Meant for ``train``; the
official numbers come from ``benchmarks.extraction`` on ``dev``. Parsed docs
are cached (``--cache DIR``) so a rule change reruns in seconds.

    python -m benchmarks.dev_reported /work/shared/corpus/polnear/train --skip 1 --every 4 --cache /tmp/train-docs
    ... --show fn,near,fp,inexact,src --cue say/   (examples of one bucket)
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.extraction import (
    content_class,
    from_briefing,
    iou,
    is_exact,
    match,
    source_ok,
    parse_text,
    read_source,
    spans_text,
    widen_to_quote_marks,
)
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.analysis import analyze
from briefing.analysis.lexicon import REPORTING_VERBS
from briefing.nlp import load_pipeline


def _cue_lemma(doc, cue) -> str:
    """The lemmas of a cue's words, lowercased ("say", "according to", "view")."""
    if not cue:
        return "-"
    span = doc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand")
    if span is None:
        return "?"
    words = [t for t in span if not t.is_punct]
    if not words:
        return "?"
    # the cue's syntactic head: the word whose head lies outside the cue
    head = next((t for t in words if not span.start <= t.head.i < span.end or t.head.i == t.i), words[0])
    return f"{head.lemma_.lower()}/{head.pos_}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--every", type=int, default=1, help="take every Nth article (a spread-out sample)")
    ap.add_argument("--cache", help="folder that keeps the parsed docs of each sample")
    ap.add_argument("--show", help="print examples for these comma-separated buckets: fn,fp,near,inexact,src")
    ap.add_argument("--cue", help="only show examples whose cue lemma contains this")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)

    articles = read_folder(args.folder)[args.skip::args.every]
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_pipeline()
    sources = [read_source(a) for a in articles]
    docs = parsed(nlp, [parse_text(s) for s in sources], args.cache)
    show = set((args.show or "").split(","))
    fn, fp, tp, near, inexact, wrong_source = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    gold_n = pred_n = 0
    every = Counter()  # all classes: gold, pred, matched
    for art, source, doc in zip(articles, sources, docs):
        text = art.text
        brief = analyze(source, nlp=nlp, doc=doc)
        preds = from_briefing(brief)
        cues = {(p.start, p.end): p.cue for p in brief.positions}
        gold = art.gold
        pairs = match([g.content for g in gold], [p.spans for p in preds])
        mg = {g: p for g, p, _ in pairs}
        mp = {p for _, p, _ in pairs}
        every.update(gold=len(gold), pred=len(preds), matched=len(pairs))

        def pred_cue(p):
            c = cues.get(p.spans[0] if len(p.spans) == 1 else None)
            return _cue_lemma(doc, ((c.start, c.end),)) if c else "(quote)"

        for gi, g in enumerate(gold):
            if content_class(spans_text(text, g.content)) != "indirect":
                continue
            gold_n += 1
            lemma = _cue_lemma(doc, g.cue)
            content = " | ".join(text[s:e] for s, e in g.content)
            if gi in mg:
                tp[lemma] += 1
                p = preds[mg[gi]]
                if not source_ok(g.source, p.speaker):
                    wrong_source[lemma] += 1
                    if "src" in show and (not args.cue or args.cue in lemma):
                        src = " ".join(text[s:e] for s, e in g.source or ())
                        said = text[p.speaker[0]:p.speaker[1]] if p.speaker else None
                        print(f"SRC [{lemma}] gold={src[:40]!r} pred={said!r} {content[:120]!r}")
                if not is_exact(text, g.content, p.spans):
                    inexact[lemma] += 1
                    if "inexact" in show and (not args.cue or args.cue in lemma):
                        print(f"INEXACT [{lemma}]\n   gold: {content[:220]!r}\n   pred: {spans_text(text, p.spans)[:220]!r}")
                continue
            fn[lemma] += 1
            best = max(((iou(g.content, p.spans), p) for p in preds), key=lambda x: x[0], default=(0, None))
            if best[0] > 0:
                near[lemma] += 1
            if not args.cue or args.cue in lemma:
                if best[0] > 0 and "near" in show:
                    print(f"NEAR [{lemma}] {best[0]:.2f}\n   gold: {content[:220]!r}\n   pred: {spans_text(text, best[1].spans)[:220]!r}")
                elif best[0] == 0 and "fn" in show:
                    src = " ".join(text[s:e] for s, e in g.source or ())
                    cue = " ".join(text[s:e] for s, e in g.cue or ())
                    print(f"FN [{lemma}] cue={cue!r} src={src[:30]!r} {content[:160]!r}")
        for pi, p in enumerate(preds):
            if content_class(spans_text(text, widen_to_quote_marks(text, p.spans))) != "indirect":
                continue
            pred_n += 1
            if pi in mp:
                continue
            lemma = pred_cue(p)
            fp[lemma] += 1
            if "fp" in show and (not args.cue or args.cue in lemma):
                print(f"FP [{lemma}] {spans_text(text, p.spans)[:220]!r}")
    found = sum(tp.values())
    print(f"\nindirect gold {gold_n} pred {pred_n} matched {found} "
          f"R {found / max(gold_n, 1):.3f} P~ {(pred_n - sum(fp.values())) / max(pred_n, 1):.3f} "
          f"exact {found - sum(inexact.values())} source right {found - sum(wrong_source.values())}")
    p_all, r_all = every["matched"] / max(every["pred"], 1), every["matched"] / max(every["gold"], 1)
    print(f"all classes gold {every['gold']} pred {every['pred']} P {p_all:.3f} R {r_all:.3f} "
          f"F1 {2 * p_all * r_all / max(p_all + r_all, 1e-9):.3f}")
    by_pos = Counter()
    for lemma, n in fn.items():
        word, _, pos = lemma.partition("/")
        by_pos[pos + (" (listed)" if word in REPORTING_VERBS else "")] += n
    print("missed by cue part of speech:", dict(by_pos.most_common()))
    for name, counter in (("missed (no overlap / near)", fn), ("spurious", fp), ("inexact", inexact), ("wrong source", wrong_source)):
        print(f"\n{name}: {sum(counter.values())}")
        for lemma, n in counter.most_common(args.top):
            extra = f" near {near[lemma]}" if counter is fn else ""
            print(f"  {n:4d}  {lemma}{extra}  (matched {tp[lemma]})")


if __name__ == "__main__":
    main()
