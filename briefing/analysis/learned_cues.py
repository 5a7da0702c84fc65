"""Cue frames learned from PolNeAR train: ``lemma/POS/frame`` -> (gold hits, candidates).

A cue in one of these frames, with a source-like holder, reports the frame's
dependent where no hand-written rule found a report (see
``reported.cue_frames``). Generated; do not edit by hand. Regenerate with:

    python -m benchmarks.mine_cues /work/shared/corpus/polnear/train --every 2 --cache /tmp/A-train-docs --min-support 4 --min-precision 0.6 --min-articles 3 --write
"""

LEARNED_FRAMES: dict[str, tuple[int, int]] = {
    '*/VERB/prep:about': (47, 85),
    'bemoan/VERB/dobj': (4, 4),
    'campaign/VERB/prep:for': (6, 6),
    'cast/VERB/prep:on': (3, 4),
    'challenge/VERB/xcomp': (3, 4),
    'come/VERB/prep:against': (4, 5),
    'consider/VERB/xcomp': (4, 6),
    'contemplate/VERB/dobj': (3, 4),
    'convince/VERB/ccomp': (4, 5),
    'declare/VERB/dobj': (6, 8),
    'distance/VERB/prep:from': (4, 6),
    'explain/VERB/dobj': (8, 12),
    'failure/NOUN/acl': (3, 5),
    'fear/VERB/dobj': (3, 5),
    'frame/VERB/prep:as': (3, 4),
    'hammer/VERB/dobj': (3, 5),
    'hint/VERB/prep:at': (5, 7),
    'hope/VERB/prep:for': (3, 4),
    'learn/VERB/dobj': (4, 4),
    'look/VERB/prep:to': (5, 8),
    'note/VERB/dobj': (8, 10),
    'order/VERB/xcomp': (4, 6),
    'pay/VERB/prep:to': (4, 6),
    'rebut/VERB/dobj': (4, 6),
    'recite/VERB/dobj': (4, 5),
    'recognize/VERB/dobj': (5, 8),
    'recount/VERB/dobj': (3, 4),
    'remember/VERB/dobj': (3, 5),
    'side/VERB/prep:with': (4, 6),
    'suggest/VERB/dobj': (6, 10),
    'think/VERB/prep:about': (5, 7),
    'throw/VERB/prep:behind': (4, 5),
    'touch/VERB/prep:on': (4, 4),
    'view/VERB/dobj': (3, 4),
    'vote/VERB/xcomp': (8, 10),
    'vouch/VERB/prep:for': (4, 4),
    'withhold/VERB/dobj': (3, 4),
}
