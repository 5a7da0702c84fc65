"""Combining reported clauses: repeats, quotations they hold, cues inside them (briefing.analysis)."""

from __future__ import annotations

import pytest

from briefing.analysis import analyze, combine_reports
from briefing.analysis.quotes import Attribution
from briefing.model import Source


def report(text, clause, cue, speaker=None):
    """A report of ``clause`` under the cue word ``cue`` (first occurrences), said by ``speaker``."""
    start, at = text.index(clause), text.index(cue)
    who = (text.index(speaker), text.index(speaker) + len(speaker)) if speaker else None
    return Attribution(spans=((start, start + len(clause)),), cue=(at, at + len(cue)), speaker=who)


def contents(text, reports):
    return [" | ".join(text[s:e] for s, e in r.spans) for r in reports]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, outer, inner",
    [
        # read once from the verb's object, once from its clause: the clause starts the content
        ("Sanders tells reporters that “we will do just fine. It may be another story.”\n",
         "reporters that “we will do just fine. It may be another story.”",
         "that “we will do just fine. It may be another story.”"),
        ("She said on Saturday that “this cannot be an American fight.”\n",
         "on Saturday that “this cannot be an American fight.”", "that “this cannot be an American fight.”"),
    ],
)
def test_analysis_combine_same_cue_same_end_keeps_later_start(nlp, text, outer, inner):
    cue = text.split()[1]
    reports = [report(text, outer, cue), report(text, inner, cue)]
    assert contents(text, combine_reports(reports, nlp(text))) == [inner]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, outer, inner",
    [
        # a clause inside another with the same cue that ends earlier is a part read twice: the whole stays
        ("Officials said the plan will fail and taxes will rise.\n", "the plan will fail and taxes will rise",
         "the plan will fail"),
    ],
)
def test_analysis_combine_nested_repeat_keeps_whole(nlp, text, outer, inner):
    reports = [report(text, outer, "said"), report(text, inner, "said")]
    assert contents(text, combine_reports(reports, nlp(text))) == [outer]


def brief_of(nlp, text):
    return analyze(Source(text=text, sha256="0" * 64), nlp=nlp)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, content",
    [
        ("Sanders tells reporters that “if there is a large turnout we will do just fine. "
         "If it is a low turnout, that may be another story.”\n",
         "that “if there is a large turnout we will do just fine. If it is a low turnout, that may be another story.”"),
    ],
)
def test_analysis_combine_told_whom_is_not_content(nlp, text, content):
    brief = brief_of(nlp, text)
    assert [p.text for p in brief.positions] == [content]
