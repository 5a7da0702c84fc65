"""Mine cue frames from PolNeAR gold: which ``lemma/POS/frame`` reliably reports what the other rules miss.

For every cue candidate in the articles (a verb, noun or adjective from which
no hand-written rule reads a report, with a source-like holder, see ``briefing.analysis.reported.cue_frames`` and
``frame_holder``) whose content the product does not already cover, the
frame's content is compared with the gold: a hit when it matches a gold
attribution no prediction matched (character IoU >= 0.5). Frames with at
least ``--min-support`` candidates, ``--min-precision`` hits per
candidate and hits in ``--min-articles`` articles are kept; a frame summed
over all words (``*/VERB/prep:about``) is kept by ``--backoff-support`` and
``--backoff-precision``. ``--write`` puts the table into
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
from briefing.analysis.reported import ANY_WORD, cue_frames, frame_content, frame_holder, frame_key, rule_for

TABLE = Path(__file__).resolve().parent.parent / "briefing" / "analysis" / "learned_cues.py"


def _free(spans_taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans_taken)


def mine(articles, docs, nlp) -> tuple[Counter, Counter, Counter]:
    """(candidates, hits, articles with a hit) per ``lemma/POS/frame`` over ``articles``, beside the product as it is."""
    support, hits, spread = Counter(), Counter(), Counter()
    for art, doc in zip(articles, docs):
        brief = analyze(read_source(art), nlp=nlp, doc=doc)
        preds = from_briefing(brief)
        matched = {g for g, _, _ in match([g.content for g in art.gold], [p.spans for p in preds])}
        open_gold = [g.content for k, g in enumerate(art.gold) if k not in matched]
        taken = [span for p in preds for span in p.spans]
        text = doc_text(doc)
        hit_here = set()
        for sent in sentences(doc):
            for token in sent:
                if token.pos_ not in FRAME_POS:
                    continue
                rule = rule_for(token)
                if rule is not None and rule(token, sent, text) is not None:
                    continue  # a listed cue: its own rule decides where it finds a report
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
                        hit_here.add(key)
        spread.update(hit_here)
    return support, hits, spread


def kept(support: Counter, hits: Counter, spread: Counter, min_support: int, min_precision: float,
         min_articles: int) -> dict[str, tuple[int, int]]:
    """The frames seen often enough, right often enough, and right in enough articles (one article's
    habit of phrase is no rule)."""
    return {key: (hits[key], n) for key, n in sorted(support.items())
            if n >= min_support and hits[key] / n >= min_precision and spread[key] >= min_articles}


def any_word(*counts: Counter) -> tuple[Counter, ...]:
    """The counts summed over words: ``*/POS/frame``, a frame that may report whatever word heads it."""
    summed = []
    for count in counts:
        total = Counter()
        for key, n in count.items():
            total[ANY_WORD + "/" + key.split("/", 1)[1]] += n
        summed.append(total)
    return tuple(summed)


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
    ap.add_argument("--backoff-support", type=int, default=40, help="candidates a frame needs to hold for any word")
    ap.add_argument("--backoff-precision", type=float, default=0.45)
    ap.add_argument("--min-articles", type=int, default=2, help="articles in which the frame found a gold report")
    ap.add_argument("--write", action="store_true", help="write the table into briefing/analysis/learned_cues.py")
    args = ap.parse_args(argv)

    from briefing.nlp import load_pipeline

    everything = read_folder(args.folder)
    nlp = load_pipeline()
    learned_cues.LEARNED_FRAMES = {}  # mine beside the hand-written rules alone
    support, hits, spread = Counter(), Counter(), Counter()
    # Without --skip, every share of --every articles in turn (each its own parse cache file),
    # so the halves parsed for development serve for the whole folder too.
    for skip in range(args.every) if args.skip is None else [args.skip]:
        articles = everything[skip::args.every]
        docs = parsed(nlp, [parse_text(read_source(a)) for a in articles], args.cache)
        found, right, where = mine(articles, docs, nlp)
        support.update(found)
        hits.update(right)
        spread.update(where)
    table = kept(support, hits, spread, args.min_support, args.min_precision, args.min_articles)
    summed = any_word(support, hits, spread)
    table.update(kept(*summed, args.backoff_support, args.backoff_precision, args.min_articles))
    spread += summed[2]
    table = dict(sorted(table.items()))
    for key, (h, n) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        print(f"{h:4d}/{n:<4d} {h / n:.2f} {spread[key]:4d}  {key}")
    print(f"{len(table)} frames, {sum(h for h, _ in table.values())} hits in {sum(n for _, n in table.values())} candidates")
    if args.write:
        write_table(table, "python -m benchmarks.mine_cues " + " ".join(argv if argv is not None else sys.argv[1:]))


if __name__ == "__main__":
    main()
