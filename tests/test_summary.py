"""Summary: a verbatim BLUF and 3-5 verbatim key points that cover the article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.analysis.summary import summarize
from briefing.model import Actor, Position, Quote, Span, Summary

pytestmark = pytest.mark.model

SEOUL = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"
SEOUL_TITLE = "US Secretaries of State and Defense Hold Talks in South Korea"

# A short wire story written for these tests: a lead, a follow-up that leans on the lead
# ("He"), a mostly quoted sentence, dated events and a near-duplicate of the lead.
STORY = (
    "Finance ministers of the Group of Seven agreed on Friday to tax large multinational "
    "companies at a minimum rate of 15 percent, ending years of dispute over digital services.\n\n"
    "He said the deal would be signed in July.\n\n"
    "\u201cThis is a historic day for fair taxation and for our citizens,\u201d said German Finance "
    "Minister Olaf Scholz.\n\n"
    "The United States had proposed the minimum rate in April, after talks stalled in 2020.\n\n"
    "France and Britain dropped their objections to the plan after the United States offered "
    "to scrap its tariffs on European goods.\n\n"
    "The ministers agreed on Friday to tax large multinational companies at a minimum rate of 15 percent.\n\n"
    "Ireland, which taxes companies at 12.5 percent, said it would study the agreement before "
    "deciding whether to join it.\n\n"
    "The agreement will be put to the leaders of the Group of Twenty in Venice next month.\n"
)


@pytest.fixture(scope="module")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline()


def _actors(doc) -> list[Actor]:
    """A stand-in for the actors step: one actor per entity text, salience by mention count."""
    mentions: dict[str, list[Span]] = {}
    for e in doc.ents:
        if e.label_ in ("PERSON", "ORG", "GPE"):
            mentions.setdefault(e.text, []).append(Span(start=e.start_char, end=e.end_char))
    top = max((len(m) for m in mentions.values()), default=1)
    return [
        Actor(id=f"a{i}", name=name, kind="organization", mentions=m, salience=len(m) / top)
        for i, (name, m) in enumerate(mentions.items())
    ]


def _summarize(nlp, text: str, title: str | None = None, **kw) -> tuple[Summary, str]:
    doc = nlp(text)
    kw.setdefault("quotes", [])
    kw.setdefault("positions", [])
    return summarize(doc, actors=_actors(doc), title=title, **kw), text


def _check_verbatim(summary: Summary, text: str) -> None:
    assert summary.bluf == " ".join(text[s.start:s.end] for s in summary.bluf_sources)
    for k in summary.key_points:
        assert text[k.start:k.end] == k.text and k.text == k.text.strip()


def _seoul_analysis_text(raw: str) -> str:
    """The sample with its page furniture (everything above the first body paragraph) blanked."""
    body = raw.index("U.S. Secretary of State Antony Blinken and")
    return "".join(c if c == "\n" else " " for c in raw[:body]) + raw[body:]


@pytest.mark.parametrize("title", [None, "G7 agrees minimum tax on multinationals"])
def test_summary_bluf_is_the_lead(nlp, title):
    summary, text = _summarize(nlp, STORY, title)
    assert summary.bluf.startswith("Finance ministers of the Group of Seven agreed on Friday")
    assert len(summary.bluf_sources) == 1
    _check_verbatim(summary, text)


@pytest.mark.parametrize("title", [None])
def test_summary_key_points_stand_alone_and_do_not_repeat(nlp, title):
    summary, text = _summarize(nlp, STORY, title)
    points = [k.text for k in summary.key_points]
    assert 3 <= len(points) <= 5
    assert not any(p.startswith("He said") for p in points)  # leans on the sentence before
    assert not any("historic day" in p for p in points)  # mostly a direct quote
    assert not any(p.startswith("The ministers agreed on Friday") for p in points)  # repeats the BLUF
    assert [k.start for k in summary.key_points] == sorted(k.start for k in summary.key_points)
    _check_verbatim(summary, text)


@pytest.mark.parametrize("reported", [True, False])
def test_summary_prefers_sentences_with_positions(nlp, reported):
    doc = nlp(STORY)
    ireland = STORY.index("Ireland, which taxes")
    clause = STORY.index("it would study the agreement")
    end = STORY.index(" before deciding whether")
    position = Position(id="p1", text=STORY[clause:end], start=clause, end=end,
                        speaker_mention=Span(start=ireland, end=ireland + 7))
    positions = [position] if reported else []
    summary = summarize(doc, actors=_actors(doc), quotes=[], positions=positions, title=None)
    assert any(k.text.startswith("Ireland, which taxes") for k in summary.key_points) is reported


@pytest.mark.parametrize(
    "opening, expected",
    [
        ("However, North Korea rejected the offer of talks with the United States on Monday.",
         "North Korea rejected the offer of talks"),
        # a lower-case word would follow, so the connective stays and the text stays verbatim
        ("However, the North rejected the offer of talks with the United States on Monday.",
         "However, the North rejected"),
    ],
)
def test_summary_bluf_trims_leading_connective(nlp, opening, expected):
    summary, text = _summarize(nlp, opening + "\n\nThe offer was made in a letter sent by the State Department last week.")
    assert summary.bluf.startswith(expected)
    _check_verbatim(summary, text)


@pytest.mark.parametrize("text", ["", "   \n\n   ", "\n"])
def test_summary_empty_article(nlp, text):
    assert _summarize(nlp, text)[0] == Summary()


@pytest.mark.parametrize(
    "text, points",
    [
        ("The Senate passed the budget bill by a vote of 51 to 49 on Thursday.", 0),
        ("The Senate passed the budget bill by a vote of 51 to 49 on Thursday.\n\n"
         "The House is expected to take up the measure next week after the recess.", 1),
        ("Budget passes.", 0),
    ],
)
def test_summary_tiny_article(nlp, text, points):
    summary, text = _summarize(nlp, text)
    assert summary.bluf and len(summary.key_points) <= points
    _check_verbatim(summary, text)


@pytest.mark.parametrize("title", ["Ministers Agree On A Minimum Tax For Large Companies"])
def test_summary_skips_a_headline_left_in_the_text(nlp, title):
    summary, text = _summarize(nlp, title + "\n\n" + STORY, title)
    assert summary.bluf.startswith("Finance ministers")
    assert not any(k.text.startswith("Ministers Agree") for k in summary.key_points)


def test_summary_never_chooses_the_standfirst(nlp):
    # the deck under a headline is read for attributions, but leans on the headline
    doc = nlp(STORY)
    first = next(doc.sents)
    summary = summarize(doc, actors=_actors(doc), quotes=[], positions=[],
                        furniture=[(first.start_char, first.end_char)])
    assert summary.bluf and not summary.bluf.startswith("Finance ministers")
    assert not any(k.text.startswith("Finance ministers") for k in summary.key_points)


@pytest.mark.parametrize("quoted", [True, False])
def test_summary_avoids_quotes_found_by_the_quotes_step(nlp, quoted):
    """A quote without quote marks in the sentence (a paragraph-long quotation) still counts."""
    text = (
        "The mayor of Springfield announced on Monday a plan to rebuild the city's main bridge by 2025.\n\n"
        "\u201cWe will not wait any longer for the state to act. "
        "The bridge is our city's lifeline and it must be rebuilt for our children.\n\n"
        "The city council approved the funding for the bridge in a vote on Tuesday evening.\n\n"
        "Engineers warned last year that the bridge could close within a decade without repairs.\n\n"
        "The state transport agency said it would review the plan for the bridge next month.\n"
    )
    start = text.index("We will")
    end = text.index("children.") + len("children.")
    quotes = [Quote(id="q1", text=text[start:end], start=start, end=end, spans=[(start, end)])] if quoted else []
    summary, _ = _summarize(nlp, text, quotes=quotes)
    chosen = [k.text for k in summary.key_points]
    assert any(p.startswith("The bridge is our city's lifeline") for p in chosen) is not quoted


def test_summary_seoul_sample(nlp):
    raw = SEOUL.read_text(encoding="utf-8")
    doc = nlp(_seoul_analysis_text(raw))
    summary = summarize(doc, actors=_actors(doc), quotes=[], positions=[], title=SEOUL_TITLE)
    _check_verbatim(summary, raw)
    assert "Blinken" in summary.bluf and "Austin" in summary.bluf and "South Korea" in summary.bluf
    points = [k.text for k in summary.key_points]
    assert 3 <= len(points) <= 5
    # the article's two sides: the allies' talks and North Korea's warnings
    assert any(re.search(r"\bSuh\b|Defense Ministry|operational control", p) for p in points)
    assert any("Kim Yo Jong" in p or "Choi Sun Hee" in p for p in points)
    assert all(not p.startswith(("“", '"', "He ", "She ", "They ")) for p in points)
    assert all(s.start >= raw.index("U.S. Secretary of State") for s in summary.bluf_sources)


@pytest.mark.parametrize("space", ["\u00a0", "\u2009"])
def test_summary_cuts_points_from_the_source_text(nlp, space):
    """The analysis text evens out no-break spaces; the brief must still quote the source."""
    source = STORY.replace("Finance ministers", f"Finance{space}ministers").replace("France and", f"France{space}and")
    doc = nlp(STORY)
    summary = summarize(doc, actors=_actors(doc), quotes=[], positions=[], text=source)
    assert summary.bluf.startswith(f"Finance{space}ministers")
    _check_verbatim(summary, source)
    assert any(k.text.startswith(f"France{space}and") for k in summary.key_points)


def test_summary_refuses_text_of_another_length(nlp):
    with pytest.raises(ValueError):
        summarize(nlp(STORY), actors=[], quotes=[], positions=[], text=STORY + " ")
