"""Developer look at speaker (source) errors against PolNeAR gold, on cached parses.

Parses each article once and keeps the parse in ``--cache DIR`` (a spaCy
DocBin), so that rule changes can be re-scored in seconds. Prints each
matched pair whose speaker is wrong, with its sentence, bucketed as the
issue does (none for a gold source, one where gold has none, a wrong one),
then source accuracy per class. The official numbers come from
``benchmarks.extraction``.

    python -m benchmarks.dev_source /work/shared/corpus/polnear/train --limit 150 --cache /tmp/train150
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from benchmarks.extraction import Scores, content_class, match, parse_text, predict, read_source, source_ok, spans_text
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.nlp import load_pipeline


def bucket(gold_source, speaker) -> str:
    if gold_source and speaker is None:
        return "none predicted"
    if not gold_source:
        return "none in gold"
    return "wrong one"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args(argv)

    articles = read_folder(args.folder, args.limit)
    sources = {a.name: read_source(a) for a in articles}
    nlp = load_pipeline()
    docs = parsed(nlp, [parse_text(sources[a.name]) for a in articles], args.cache)
    scores, buckets = Scores(), Counter()
    for article, doc in zip(articles, docs):
        preds = predict(sources[article.name], doc, nlp)
        scores.add(article.text, article.gold, preds, article.name)
        text = article.text
        for gi, pi, _ in match([g.content for g in article.gold], [p.spans for p in preds]):
            gold, pred = article.gold[gi], preds[pi]
            if source_ok(gold.source, pred.speaker):
                continue
            kind = bucket(gold.source, pred.speaker)
            cls = content_class(spans_text(text, gold.content))
            buckets[kind, cls] += 1
            if args.quiet:
                continue
            said = pred.speaker and text[pred.speaker[0]:pred.speaker[1]]
            start = min(s for s, _ in gold.content + (gold.source or ()))
            end = max(e for _, e in gold.content + (gold.source or ()))
            sentence = text[max(0, start - 80):end + 40].replace("\n", " / ")
            print(f"{article.name} [{kind}, {cls}] gold={gold.source and spans_text(text, gold.source)!r} "
                  f"pred={said!r}\n    {sentence}")
    for (kind, cls), n in sorted(buckets.items()):
        print(f"{kind:15} {cls:9} {n}")
    for cls, row in scores.table().items():
        print(f"{cls:9} src acc {row['source_accuracy']:.3f}  e2e F1 {row['e2e_f1']:.3f}  F1 {row['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
