"""Where the quote rules go wrong, by construction, on a PolNeAR split (develop on ``train``).

Runs the product (``analyze``, as :mod:`benchmarks.extraction` does) over
articles, matches predictions to gold the benchmark's way, and sorts each
missed gold quotation (direct or mixed) and each spurious quoted prediction
into a bucket: missed entirely, prediction too narrow (the partial quote
without its reported clause), too wide, split or merged, or no gold at all
(titles, scare quotes). Parsed docs are cached in ``--cache`` so a rule
change re-runs in seconds.

    python -m benchmarks.dev_quotes_buckets /work/shared/corpus/polnear/train --limit 300 --show 8
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.extraction import (
    content_class,
    match,
    normalize,
    offset_map,
    overlap,
    parse_text,
    predict,
    read_source,
    remap,
    source_ok,
    spans_text,
    widen_to_quote_marks,
)
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.nlp import load_pipeline

QUOTED = ("direct", "mixed")


def _extent(spans) -> tuple[int, int]:
    return spans[0][0], spans[-1][1]


def _paragraphs(text: str, spans) -> int:
    s, e = _extent(spans)
    return text[s:e].count("\n") + 1


def miss_bucket(text: str, gold, cls: str, preds, used: set[int]) -> str:
    """Why a gold quotation matched nothing."""
    g = normalize(gold.content)
    touching = [(pi, p) for pi, p in enumerate(preds) if overlap(g, normalize(p.spans))]
    if not touching:
        return "missed entirely"
    if len(touching) > 1:
        return "split into several predictions"
    pi, p = touching[0]
    pn = normalize(p.spans)
    inter = overlap(g, pn)
    glen, plen = sum(e - s for s, e in g), sum(e - s for s, e in pn)
    if pi in used:
        return "overlaps a prediction matched elsewhere (merged)"
    if inter >= 0.9 * plen:  # prediction inside gold
        pc = content_class(spans_text(text, widen_to_quote_marks(text, p.spans)))
        if cls == "mixed" and pc == "direct":
            return "too narrow: quote without its reported clause"
        if _paragraphs(text, gold.content) > _paragraphs(text, p.spans):
            return "too narrow: gold runs over more paragraphs"
        return "too narrow: other"
    if inter >= 0.9 * glen:
        if _paragraphs(text, p.spans) > _paragraphs(text, gold.content):
            return "too wide: prediction runs over more paragraphs"
        return "too wide: other"
    return "boundaries cross"


def spurious_bucket(text: str, pred, gold, gold_used: set[int]) -> str:
    """Why a quoted prediction matched nothing."""
    p = normalize(pred.spans)
    touching = [gi for gi, g in enumerate(gold) if overlap(p, normalize(g.content))]
    if not touching:
        return "no gold (title, scare quote, unannotated)" + ("" if pred.speaker else ", no speaker")
    if all(gi in gold_used for gi in touching):
        return "gold already matched (duplicate or split)"
    return "overlaps unmatched gold (boundaries)"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="examples shown per bucket")
    ap.add_argument("--bucket", help="show only buckets whose name contains this")
    ap.add_argument("--cache", default="/tmp/dev_quotes_cache")
    args = ap.parse_args(argv)

    articles = read_folder(args.folder)[args.skip:]
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_pipeline()
    sources = [read_source(a) for a in articles]
    docs = parsed(nlp, [parse_text(s) for s in sources], Path(args.cache))

    buckets: dict[str, list[str]] = defaultdict(list)
    tally = Counter()
    for art, source, doc in zip(articles, sources, docs):
        text = art.text
        preds = predict(source, doc, nlp)
        if source.text != text:
            preds = remap(preds, offset_map(source.text, text))
        pairs = match([g.content for g in art.gold], [p.spans for p in preds])
        gold_used = {gi for gi, _, _ in pairs}
        pred_used = {pi for _, pi, _ in pairs}
        gold_cls = [content_class(spans_text(text, g.content)) for g in art.gold]
        pred_cls = [content_class(spans_text(text, widen_to_quote_marks(text, p.spans))) for p in preds]
        for gi, pi, _ in pairs:
            if gold_cls[gi] in QUOTED:
                tally[f"{gold_cls[gi]} matched"] += 1
                if not source_ok(art.gold[gi].source, preds[pi].speaker):
                    g, p = art.gold[gi], preds[pi]
                    buckets[f"{gold_cls[gi]} wrong source"].append(
                        f"{art.name}: gold={spans_text(text, g.source) if g.source else None!r} "
                        f"pred={spans_text(text, (p.speaker,)) if p.speaker else None!r} | {spans_text(text, g.content)[:120]!r}")
        for gi, g in enumerate(art.gold):
            if gi in gold_used or gold_cls[gi] not in QUOTED:
                continue
            bucket = f"FN {gold_cls[gi]}: " + miss_bucket(text, g, gold_cls[gi], preds, pred_used)
            near = [spans_text(text, p.spans)[:100] for p in preds if overlap(normalize(g.content), normalize(p.spans))]
            buckets[bucket].append(f"{art.name}: [{spans_text(text, g.cue) if g.cue else None}] "
                                   f"{spans_text(text, g.content)[:220]!r}  PRED {near!r}")
        for pi, p in enumerate(preds):
            if pi in pred_used or pred_cls[pi] not in QUOTED:
                continue
            bucket = f"FP {pred_cls[pi]}: " + spurious_bucket(text, p, art.gold, gold_used)
            buckets[bucket].append(f"{art.name}: speaker={spans_text(text, (p.speaker,)) if p.speaker else None!r} "
                                   f"{spans_text(text, p.spans)[:200]!r}")
    print(f"{len(articles)} articles; matched: {dict(tally)}")
    for name, items in sorted(buckets.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5d}  {name}")
        if args.show and (not args.bucket or args.bucket in name):
            for item in items[: args.show]:
                print("        " + " ".join(item.split()))


if __name__ == "__main__":
    main()
