"""Timeline: date expressions resolved against the article's date, and dated events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from briefing.analysis.timeline import When, build_timeline, reference_date, resolve_date

SEOUL = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"
WEDNESDAY = When(2021, 3, 17)  # the Seoul sample's reference date


@pytest.fixture(scope="module")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def blank_nlp():
    """Sentences without a model: enough for the rules that need no parse."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    "expression, reference, tense, expected",
    [
        ("March 17, 2021", None, None, "2021-03-17"),
        ("on 17 March 2021", None, None, "2021-03-17"),
        ("Sept. 11, 2001", WEDNESDAY, None, "2001-09-11"),
        ("2021-03-17", None, None, "2021-03-17"),
        ("June 2020", None, None, "2020-06"),
        ("in June of 2020", None, None, "2020-06"),
        ("in 2006", None, None, "2006"),
        ("since 2006", WEDNESDAY, None, "2006"),
        ("March 17", WEDNESDAY, None, "2021-03-17"),
        ("March 18", WEDNESDAY, "past", "2021-03-18"),
        ("December 20", WEDNESDAY, None, "2020-12-20"),
        ("October 5", WEDNESDAY, "past", "2020-10-05"),
        ("October 5", WEDNESDAY, "future", "2021-10-05"),
        ("January 5", When(2021, 12, 20), None, "2022-01-05"),
        ("in October", When(2016, 4, 23), "past", "2015-10"),
        ("last June", WEDNESDAY, None, "2020-06"),
        ("by March of next year", WEDNESDAY, None, "2022-03"),
        ("in June of last year", WEDNESDAY, None, "2020-06"),
        ("next June", WEDNESDAY, None, "2021-06"),
        ("March 17", When(2021), None, "2021-03-17"),
        ("last year", WEDNESDAY, None, "2020"),
        ("last year", When(2021), None, "2020"),
        ("next year", WEDNESDAY, None, "2022"),
        ("three years ago", WEDNESDAY, None, "2018"),
        ("spring days three years ago", WEDNESDAY, None, "2018"),
        ("a year ago", WEDNESDAY, None, "2020"),
        ("six months ago", WEDNESDAY, None, "2020-09"),
        ("10 days ago", WEDNESDAY, None, "2021-03-07"),
        ("last month", WEDNESDAY, None, "2021-02"),
        ("last week", WEDNESDAY, None, "2021-03"),
        ("yesterday", WEDNESDAY, None, "2021-03-16"),
        ("today", WEDNESDAY, None, "2021-03-17"),
        ("tomorrow", WEDNESDAY, None, "2021-03-18"),
        ("on Thursday", WEDNESDAY, None, "2021-03-11"),
        ("on Thursday", WEDNESDAY, "past", "2021-03-11"),
        ("on Thursday", WEDNESDAY, "future", "2021-03-18"),
        ("Wednesday", WEDNESDAY, None, "2021-03-17"),
        ("last Wednesday", WEDNESDAY, None, "2021-03-10"),
        ("next Wednesday", WEDNESDAY, None, "2021-03-24"),
        ("Thursday night", WEDNESDAY, None, "2021-03-11"),
    ],
)
def test_timeline_resolve_date(expression, reference, tense, expected):
    when = resolve_date(expression, reference, tense=tense)
    assert when is not None and when.iso() == expected


@pytest.mark.parametrize(
    "expression, reference",
    [
        # durations, ages, times of day and vague spans are not dates
        ("two-day", WEDNESDAY),
        ("four years", WEDNESDAY),
        ("coming four years", WEDNESDAY),
        ("weeks", WEDNESDAY),
        ("recent weeks", WEDNESDAY),
        ("the future", WEDNESDAY),
        ("at any time", WEDNESDAY),
        ("the same day", WEDNESDAY),
        ("42 years old", WEDNESDAY),
        ("3 p.m.", WEDNESDAY),
        ("the 1990s", WEDNESDAY),
        ("a tomorrow where hard work is honored", WEDNESDAY),
        ("Mar-a-Lago", WEDNESDAY),
        # relative dates need a reference precise enough
        ("March 17", None),
        ("last year", None),
        ("on Thursday", When(2021)),
        ("last month", When(2021)),
        ("yesterday", When(2021, 3)),
    ],
)
def test_timeline_resolve_date_refuses(expression, reference):
    assert resolve_date(expression, reference) is None


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("He left on March 3. She came back on March 17, 2021.", dt.date(2021, 3, 18), When(2021, 3, 18)),
        ("It began on June 1, 2019, and ended on March 17, 2021.", None, When(2021, 3, 17)),
        ("It began in 2006 and went on until June 2020.", None, When(2020)),
        ("Nothing here is dated.", None, None),
    ],
)
def test_timeline_reference_date(blank_nlp, text, published, expected):
    assert reference_date(blank_nlp(text), published) == expected


@pytest.mark.parametrize(
    "debris, expected",
    [("Photo taken on March 17, 2021.", When(2021, 3, 17)), ("Photo by a reporter.", When(2020))],
)
def test_timeline_reference_date_reads_blanked_debris(blank_nlp, debris, expected):
    body = "The talks began in June 2020."
    text = debris + "\n" + body
    blanked = " " * len(debris) + "\n" + body
    assert reference_date(blank_nlp(blanked), text=text) == expected


@pytest.mark.parametrize("published", [dt.date(2021, 3, 17)])
def test_timeline_events_sorted_deduplicated_and_verbatim(blank_nlp, published):
    text = (
        "The ministers met on March 16. "
        "Tensions rose in June 2020, in June 2020 again; talks began in 2006. "
        "The visit lasted two days and the talks went on for weeks. "
        "Last year, the plan stalled."
    )
    events = build_timeline(blank_nlp(text), published=published)
    assert [(e.date, e.text) for e in events] == [
        ("2006", "talks began in 2006."),
        ("2020", "Last year, the plan stalled."),
        ("2020-06", "Tensions rose in June 2020, in June 2020 again"),
        ("2021-03-16", "The ministers met on March 16."),
    ]
    for e in events:
        assert text[e.start:e.end] == e.text
        assert e.date_mention is not None and e.start <= e.date_mention.start < e.date_mention.end <= e.end


@pytest.mark.parametrize("text", ["", "   \n\n  ", "No dates in this one."])
def test_timeline_without_dates_is_empty(blank_nlp, text):
    assert build_timeline(blank_nlp(text)) == []


def _seoul_analysis_text(raw: str) -> str:
    """The sample with its page furniture (everything above the first body paragraph) blanked."""
    body = raw.index("U.S. Secretary of State Antony Blinken and")
    return "".join(c if c == "\n" else " " for c in raw[:body]) + raw[body:]


# (date, words the event's text must hold): read off the sample by a person.
SEOUL_EVENTS = [
    ("2006", "transfer wartime operational control"),
    ("2018", "inter-Korean relations in 2018"),
    ("2020-06", "distribution of leaflets"),
    ("2020", "intelligence-sharing agreement"),
    ("2021-03-16", "in a statement on March 16"),
    ("2021-03-17", "arrived in South Korea"),
    ("2021-03-17", "Choi Sun Hee also issued a statement"),
    ("2021-03-18", "ministerial meeting held on March 18"),
]


@pytest.mark.model
@pytest.mark.parametrize("published", [None, dt.date(2021, 3, 17)])
def test_timeline_seoul_sample(nlp, published):
    raw = SEOUL.read_text(encoding="utf-8")
    events = build_timeline(nlp(_seoul_analysis_text(raw)), published=published, text=raw)
    found = [(e.date, e.text) for e in events]
    for date, words in SEOUL_EVENTS:
        assert any(d == date and words in t for d, t in found), (date, words, found)
    assert [e.date for e in events] == sorted(e.date for e in events)
    for e in events:
        assert raw[e.start:e.end] == e.text and e.text == e.text.strip()
        mention = raw[e.date_mention.start:e.date_mention.end]
        assert mention not in ("two-day", "four years", "recent weeks", "the same day")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [("Not today.", "2021-03-17"), ("Tuesday.", "2021-03-16"), ("Only yesterday?", "2021-03-16")])
def test_timeline_date_as_sentence_root(nlp, text, expected):
    """A date that is its own sentence has no verb above it (this once looped forever)."""
    events = build_timeline(nlp(text), published=dt.date(2021, 3, 17))
    assert [e.date for e in events] == [expected]


@pytest.mark.parametrize("published", [dt.date(2021, 3, 17)])
def test_timeline_cuts_events_from_the_source_text(blank_nlp, published):
    """The analysis text evens out no-break spaces; the brief must still quote the source."""
    analysed = "The ministers met on March 16 in Seoul."
    source = analysed.replace("met on", "met\u00a0on")
    events = build_timeline(blank_nlp(analysed), published=published, text=source)
    assert [e.text for e in events] == [source]
    with pytest.raises(ValueError):
        build_timeline(blank_nlp(analysed), text=source + " ")


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police reported 2,521 shooting incidents since January 1.", "2016-01-01"),
        ("He told Bloomberg News in December that rates were too low.", "2015-12"),
        ("The vote will be held on Tuesday.", "2016-10-04"),
        ("Polls show him trailing just ahead of Tuesday's vote.", "2016-10-04"),
        ("The senator voted against the bill on Tuesday.", "2016-09-27"),
    ],
)
def test_timeline_tense_decides_the_date(nlp, text, expected):
    events = build_timeline(nlp(text), published=dt.date(2016, 9, 29))  # a Thursday
    assert [e.date for e in events] == [expected]


@pytest.mark.model
def test_timeline_two_dates_in_a_sentence_each_get_their_clause(nlp):
    text = ("That might be difficult — although the 2012 Deferred Action for Childhood Arrivals program, or DACA, "
            "is currently operating, the 2014 executive actions by Obama are blocked in the courts.")
    events = {e.date: e.text for e in build_timeline(nlp(text), published=dt.date(2015, 11, 9))}
    assert events["2012"] == "the 2012 Deferred Action for Childhood Arrivals program, or DACA, is currently operating"
    # the 2014 clause has no subject of its own apart from the sentence's: the sentence stays
    assert events["2014"] == text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one date alone keeps its whole sentence
    "Although the program is operating, the 2014 executive actions by Obama are blocked in the courts.",
    # two dates in one clause: nothing to tell them apart
    "The plan would cut emissions 80 percent from 2005 levels by 2050.",
    # a clause without its own finite verb and subject ("to drop ...") is no event of its own
    "After the collapse of the market of the 1980s, the company was left holding debt, causing his worth to "
    "drop to a low by 1991.",
])
def test_timeline_sentence_stays_whole_without_a_clause_of_its_own(nlp, text):
    events = build_timeline(nlp(text), published=dt.date(2015, 11, 9))
    assert events and all(e.text == text for e in events)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # what a report dates is the thing, not the saying
    ("Sanders said deportation relief would cover anyone eligible under the 2013 immigration reform bill that "
     "passed the Senate but never got a vote in the House.",
     "the 2013 immigration reform bill that passed the Senate but never got a vote in the House"),
    # the dated thing that reports, or the occasion of the saying, leaves the sentence whole
    ("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter impersonation.", None),
    ("In her 2003 book, Living History, Clinton noted the clot's existence.", None),
])
def test_timeline_year_of_a_thing_in_a_report_dates_the_thing(nlp, text, expected):
    [event] = build_timeline(nlp(text), published=dt.date(2015, 11, 9))
    assert event.text == (expected or text)
