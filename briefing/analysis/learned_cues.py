"""Cue frames learned from PolNeAR train: ``lemma/POS/frame`` -> (gold hits, candidates).

A cue in one of these frames, with a source-like holder, reports the frame's
dependent where no hand-written rule found a report (see
``reported.cue_frames``). Generated; do not edit by hand. Regenerate with:

    python -m benchmarks.mine_cues /work/shared/corpus/polnear/train --every 2 --cache /tmp/A-train-docs --min-support 4 --min-precision 0.6 --write
"""

LEARNED_FRAMES: dict[str, tuple[int, int]] = {
    'bemoan/VERB/dobj': (4, 4),
    'campaign/VERB/prep:against': (3, 4),
    'campaign/VERB/prep:for': (6, 6),
    'cast/VERB/prep:on': (3, 4),
    'challenge/VERB/xcomp': (3, 4),
    'come/VERB/prep:against': (4, 5),
    'contemplate/VERB/dobj': (3, 4),
    'distance/VERB/prep:from': (4, 6),
    'failure/NOUN/acl': (3, 5),
    'frame/VERB/prep:as': (3, 4),
    'hammer/VERB/dobj': (3, 5),
    'pay/VERB/prep:to': (4, 6),
    'rebut/VERB/dobj': (4, 6),
    'recite/VERB/dobj': (4, 5),
    'recount/VERB/dobj': (3, 4),
    'side/VERB/prep:with': (4, 6),
    'throw/VERB/prep:behind': (4, 5),
    'touch/VERB/prep:on': (4, 4),
    'vote/VERB/xcomp': (8, 10),
    'vouch/VERB/prep:for': (4, 4),
    'withhold/VERB/dobj': (3, 4),
}
