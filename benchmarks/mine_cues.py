"""Mine cue frames from PolNeAR gold: which ``lemma/POS/frame`` reliably reports what the other rules miss.

For every cue candidate in the articles (a verb, noun or adjective that no
hand-written rule reads, with a source-like holder, see ``briefing.analysis.reported.cue_frames`` and
``frame_holder``) whose content the product does not already cover, the
frame's content is compared with the gold: a hit when it matches a gold
attribution no prediction matched (character IoU >= 0.5). Frames with at
least ``--min-support`` candidates and ``--min-precision`` hits per
candidate are kept. ``--write`` puts the table into
``briefing/analysis/learned_cues.py``; without it the frames are printed.

    python -m benchmarks.mine_cues /work/shared/corpus/polnear/train --skip 0 --every 2 --cache /tmp/train-docs-even
    python -m benchmarks.mine_cues /work/shared/corpus/polnear/train --every 2 --cache DIR --write  (all of train)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from benchmarks.extraction import from_briefing, iou, match, parse_text, read_source
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.analysis import analyze, learned_cues
from briefing.analysis.lexicon import FRAME_POS
from briefing.analysis.quotes import sentences
from briefing.analysis.reading import doc_text
from briefing.analysis.reported import cue_frames, frame_content, frame_holder, frame_key, rule_for

TABLE = Path(__file__).resolve().parent.parent / "briefing" / "analysis" / "learned_cues.py"


def _free(spans_taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans_taken)


def mine(articles, docs, nlp) -> tuple[Counter, Counter]:
    """(candidates, hits) per ``lemma/POS/frame`` over ``articles``, beside the product as it is."""
    support, hits = Counter(), Counter()
    for art, doc in zip(articles, docs):
        brief = analyze(read_source(art), nlp=nlp, doc=doc)
        preds = from_briefing(brief)
        matched = {g for g, _, _ in match([g.content for g in art.gold], [p.spans for p in preds])}
        open_gold = [g.content for k, g in enumerate(art.gold) if k not in matched]
        taken = [span for p in preds for span in p.spans]
        text = doc_text(doc)
        for sent in sentences(doc):
            for token in sent:
                if token.pos_ not in FRAME_POS or rule_for(token) is not None:
                    continue  # a listed cue: its own rule decides
                if not _free(taken, token.idx, token.idx + len(token.text)):
                    continue
                frames = cue_frames(token)
                if not frames or frame_holder(token) is None:
                    continue
                for frame, dependent in frames:
                    content = frame_content(dependent, sent, text)
                    if content is None or not _free(taken, *content):
                        continue
                    key = frame_key(token, frame)
                    support[key] += 1
                    if any(iou(g, (content,)) >= 0.5 for g in open_gold):
                        hits[key] += 1
    return support, hits


def kept(support: Counter, hits: Counter, min_support: int, min_precision: float) -> dict[str, tuple[int, int]]:
    return {key: (hits[key], n) for key, n in sorted(support.items())
            if n >= min_support and hits[key] / n >= min_precision}


def write_table(table: dict[str, tuple[int, int]], command: str) -> None:
    lines = [
        '"""Cue frames learned from PolNeAR train: ``lemma/POS/frame`` -> (gold hits, candidates).',
        "",
        "A cue in one of these frames, with a source-like holder, reports the frame's",
        "dependent where no hand-written rule found a report (see",
        "``reported.cue_frames``). Generated; do not edit by hand. Regenerate with:",
        "",
        f"    {command}",
        '"""',
        "",
        "LEARNED_FRAMES: dict[str, tuple[int, int]] = {",
    ]
    lines += [f"    {key!r}: {value!r}," for key, value in table.items()]
    lines.append("}")
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--skip", type=int, help="only the share starting at this article (default: all shares)")
    ap.add_argument("--every", type=int, default=1, help="take every Nth article")
    ap.add_argument("--cache")
    ap.add_argument("--min-support", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--write", action="store_true", help="write the table into briefing/analysis/learned_cues.py")
    args = ap.parse_args(argv)

    from briefing.nlp import load_pipeline

    everything = read_folder(args.folder)
    nlp = load_pipeline()
    learned_cues.LEARNED_FRAMES = {}  # mine beside the hand-written rules alone
    support, hits = Counter(), Counter()
    # Without --skip, every share of --every articles in turn (each its own parse cache file),
    # so the halves parsed for development serve for the whole folder too.
    for skip in range(args.every) if args.skip is None else [args.skip]:
        articles = everything[skip::args.every]
        docs = parsed(nlp, [parse_text(read_source(a)) for a in articles], args.cache)
        found, right = mine(articles, docs, nlp)
        support.update(found)
        hits.update(right)
    table = kept(support, hits, args.min_support, args.min_precision)
    for key, (h, n) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        print(f"{h:4d}/{n:<4d} {h / n:.2f}  {key}")
    print(f"{len(table)} frames, {sum(h for h, _ in table.values())} hits in {sum(n for _, n in table.values())} candidates")
    if args.write:
        write_table(table, "python -m benchmarks.mine_cues " + " ".join(argv if argv is not None else sys.argv[1:]))


if __name__ == "__main__":
    main()
