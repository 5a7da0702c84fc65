"""How likely a found report is an attribution: a linear model over its words and parse.

The rules in :mod:`.reported` find a report wherever a cue word governs a
clause or phrase; many such finds are no attribution at all ("focused on
the economy", "offered a plan"). :func:`score` weighs what the rules cannot
see at once: the cue's word and form, how the content hangs from it, who the
holder is, how long the content runs. The weights are learned from PolNeAR
train by ``benchmarks.train_scorer`` and kept in :mod:`.learned_weights`;
:func:`keep` drops the reports whose score falls below the learned threshold.
"""

from __future__ import annotations

import math

from . import learned_weights
from . import lexicon as lx
from .quotes import Attribution

__all__ = ["features", "score", "keep"]


def _bucket(n: int) -> str:
    """A count as a coarse size class: 1, 2, 3-4, 5-8, 9-16, 17-32, 33+."""
    for top in (1, 2, 4, 8, 16, 32):
        if n <= top:
            return str(top)
    return "33+"


def _tokens(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _head(tokens: list):
    """The token of ``tokens`` whose head lies outside them (the first such), or None."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)


def _holder_kind(tokens: list) -> str:
    """What a speaker mention is: a pronoun by its word, else its entity type or part of speech."""
    if not tokens:
        return "none"
    head = _head(tokens) or tokens[-1]
    if head.pos_ == "PRON" or head.lower_ in lx.SPEAKER_PRONOUNS:
        return "pron:" + head.lower_
    if head.ent_type_:
        return "ent:" + head.ent_type_
    return "pos:" + head.pos_


def features(att: Attribution, doc, text: str) -> list[str]:
    """The named features of one report ``att`` in ``doc`` (``text`` is ``doc.text``)."""
    cue = _tokens(doc, *att.cue) if att.cue else []
    cue_head = _head([t for t in cue if not t.is_punct]) if cue else None
    if cue_head is None:
        cue_word, cue_pos = (text[att.cue[0]:att.cue[1]].strip().lower() or "-", "X") if att.cue else ("-", "-")
    else:
        cue_word, cue_pos = cue_head.lemma_.lower(), cue_head.pos_
    parts = [t for s, e in att.spans for t in _tokens(doc, s, e)]
    words = [t for t in parts if not t.is_punct and not t.is_space]
    head = _head(parts)
    said = _tokens(doc, *att.speaker) if att.speaker else []
    holder = _holder_kind(said)
    start, end = att.spans[0][0], att.spans[-1][1]
    quoted = any(c in lx.QUOTE_MARKS for s, e in att.spans for c in text[s:e])
    if head is not None and cue_head is not None:
        if head.head.i == cue_head.i:
            relation = head.dep_
        elif head.head.head.i == cue_head.i:
            relation = head.head.dep_ + ">" + head.dep_
        else:
            relation = "far"
    else:
        relation = "none"
    first = words[0] if words else None
    found = [
        "bias",
        f"cue={cue_word}",
        f"cue_pos={cue_pos}",
        f"cue={cue_word}/{cue_pos}",
        f"rel={relation}",
        f"cue_rel={cue_word}/{relation}",
        f"pos_rel={cue_pos}/{relation}",
        f"holder={holder}",
        f"holder_kind={holder.split(':')[0]}",
        f"cue_holder={cue_word}/{holder.split(':')[0]}",
        f"len={_bucket(len(words))}",
        f"rel_len={relation}/{_bucket(len(words))}",
        f"parts={len(att.spans)}",
        f"quoted={quoted}",
        f"first={first.lower_ if first is not None and (first.is_stop or first.pos_ in ('ADP', 'SCONJ', 'PART')) else first.pos_ if first is not None else '-'}",
        f"content_head={head.pos_ if head is not None else '-'}",
        f"has_verb={any(t.pos_ in ('VERB', 'AUX') for t in words)}",
        f"cue_after={att.cue is not None and att.cue[0] >= end}",
        f"holder_after={att.speaker is not None and att.cue is not None and att.speaker[0] > att.cue[0]}",
    ]
    if cue_head is not None:
        found += [
            f"cue_tag={cue_head.tag_}",
            f"cue_dep={cue_head.dep_}",
            f"cue_neg={any(c.dep_ == 'neg' for c in cue_head.children)}",
            f"cue_passive={any(c.dep_ == 'auxpass' for c in cue_head.children)}",
            f"cue_modal={any(c.tag_ == 'MD' for c in cue_head.children)}",
            f"cue_tag_rel={cue_head.tag_}/{relation}",
        ]
    if head is not None and head.ent_type_:
        found.append(f"content_ent={head.ent_type_}/{len(words) <= 4}")
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[max(0, line_start - 2):line_start].count("\n"):
        found.append(f"line_first={not text[line_start:start].strip()}")
    return found


def score(names: list[str]) -> float:
    """The probability, by the learned weights, that a report with these features is an attribution."""
    weights = learned_weights.WEIGHTS
    z = sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(reported: list[Attribution], doc, text: str) -> list[Attribution]:
    """The reports whose score reaches the learned threshold."""
    if not learned_weights.WEIGHTS:
        return reported
    return [a for a in reported if score(features(a, doc, text)) >= learned_weights.THRESHOLD]
