"""Developer look at quote and reported-speech rules against PolNeAR gold.

Lists misses (FN) and false alarms (FP) per article, and a quick score, so
rules can be developed on ``train``. The official numbers come from
``benchmarks.extraction``. Parsed docs are cached with ``--cache DIR``.

    python -m benchmarks.dev_quotes /work/shared/corpus/polnear/train --limit 20 --show
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.extraction import content_class, spans_text, widen_to_quote_marks
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.analysis.quotes import find_quotes
from briefing.analysis.reported import find_reported
from briefing.nlp import load_pipeline

def _chars(spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _kind(text: str, spans) -> str:
    return content_class(spans_text(text, spans))


def _widen(text: str, spans) -> tuple:
    return widen_to_quote_marks(text, tuple(spans))


def predictions(doc):
    quotes = find_quotes(doc)
    reported = find_reported(doc, quotes)
    # A quote inside a reported clause is part of it (PolNeAR is univocal).
    kept = [q for q in quotes if not any(_chars(q.spans) <= _chars(r.spans) for r in reported)]
    return kept + reported


def match(gold, preds):
    pairs = []
    for gi, g in enumerate(gold):
        gc = _chars(g.content)
        for pi, p in enumerate(preds):
            pc = _chars(p.spans)
            inter = len(gc & pc)
            if inter:
                iou = inter / len(gc | pc)
                if iou >= 0.5:
                    pairs.append((iou, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for iou, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--kind", help="only show FNs/FPs of this class")
    ap.add_argument("--cache", help="folder that keeps the parsed docs of each sample")
    args = ap.parse_args(argv)

    articles = read_folder(args.folder)[args.skip:]
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_pipeline()
    docs = dict(zip((a.name for a in articles), parsed(nlp, [a.text for a in articles], args.cache)))
    tp, fp, fn, src_ok = Counter(), Counter(), Counter(), Counter()
    for art in articles:
        doc = docs[art.name]
        text = art.text
        preds = predictions(doc)
        pairs = match(art.gold, preds)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for gi, pi in pairs:
            k = _kind(text, art.gold[gi].content)
            tp[k] += 1
            g, p = art.gold[gi], preds[pi]
            ok = (g.source is None and p.speaker is None) or (
                g.source is not None and p.speaker is not None and _chars(g.source) & _chars([p.speaker])
            )
            src_ok[k] += bool(ok)
            if args.show and not ok and (not args.kind or args.kind == k):
                print(f"  SRC {art.name}: gold={[text[s:e] for s, e in g.source or ()]} pred={text[p.speaker[0]:p.speaker[1]] if p.speaker else None} | {text[g.content[0][0]:g.content[-1][1]][:100]!r}")
        for gi, g in enumerate(art.gold):
            if gi not in mg:
                k = _kind(text, g.content)
                fn[k] += 1
                if args.show and (not args.kind or args.kind == k):
                    cue = " ".join(text[s:e] for s, e in g.cue or ())
                    print(f"  FN {k} {art.name} [{cue}] {' | '.join(text[s:e] for s, e in g.content)[:200]!r}")
        for pi, p in enumerate(preds):
            if pi not in mp:
                k = _kind(text, _widen(text, p.spans))
                fp[k] += 1
                if args.show and (not args.kind or args.kind == k):
                    cue = text[p.cue[0]:p.cue[1]] if p.cue else None
                    print(f"  FP {k} {art.name} [{cue}] {' | '.join(text[s:e] for s, e in p.spans)[:200]!r}")
    for k in ("direct", "mixed", "indirect", "all"):
        if k == "all":
            t, f_p, f_n, s = (sum(c.values()) for c in (tp, fp, fn, src_ok))
        else:
            t, f_p, f_n, s = tp[k], fp[k], fn[k], src_ok[k]
        p = t / (t + f_p) if t + f_p else 0
        r = t / (t + f_n) if t + f_n else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{k:9s} gold={t + f_n:5d} tp={t:5d} fp={f_p:5d} P={p:.3f} R={r:.3f} F1={f:.3f} src={s / t if t else 0:.3f}")


if __name__ == "__main__":
    main()
