"""The briefing model: validation and the JSON round trip."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from briefing.model import SCHEMA_VERSION, Actor, Briefing, Position, Quote, Source, Span, json_schema

TEXT = 'Kim said: "We will not talk." The talks failed.'


def make(**changes) -> Briefing:
    start = TEXT.index("We")
    end = TEXT.index('."') + 1
    data = dict(
        source=Source(text=TEXT, sha256="0" * 64),
        actors=[Actor(id="kim", name="Kim", kind="person", mentions=[Span(start=0, end=3)], salience=1.0)],
        quotes=[Quote(id="q1", text=TEXT[start:end], start=start, end=end, spans=[(start, end)],
                      speaker="kim", speaker_mention=Span(start=0, end=3), cue=Span(start=4, end=8))],
    )
    data.update(changes)
    return Briefing(**data)


def test_model_round_trips_through_json():
    brief = make()
    again = Briefing.from_json(brief.to_json())
    assert again == brief
    assert json.loads(brief.to_json())["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("field, value, words", [
    ("text", "We will talk.", "not verbatim"),
    ("speaker", "nobody", "not an actor"),
    ("end", 999, "outside"),
])
def test_model_rejects_a_quote_that_does_not_hold(field, value, words):
    data = json.loads(make().to_json())
    data["quotes"][0][field] = value
    with pytest.raises(ValidationError, match=words):
        Briefing.model_validate(data)


def test_model_rejects_an_unknown_major_schema_version():
    data = json.loads(make().to_json())
    data["schema_version"] = "2.0"
    with pytest.raises(ValidationError, match="not supported"):
        Briefing.model_validate(data)


def test_model_rejects_unknown_fields():
    data = json.loads(make().to_json())
    data["actors"][0]["nickname"] = "x"
    with pytest.raises(ValidationError):
        Briefing.model_validate(data)


def test_model_span_must_not_end_before_it_starts():
    with pytest.raises(ValidationError):
        Span(start=5, end=2)


def test_model_json_schema_names_the_contract_fields():
    schema = json.loads(json_schema())
    defs = schema["$defs"]
    assert {"id", "text", "start", "end", "spans", "partial", "speaker", "speaker_mention", "cue"} <= set(
        defs["Quote"]["properties"])
    assert {"id", "name", "kind", "aliases", "role", "affiliation", "mentions", "salience"} <= set(
        defs["Actor"]["properties"])


# A report that wraps its cue: two parts, the aside between them left out.
REPORTED = "The plan, officials said, will fail."
PLAN, FAIL = (0, 8), (REPORTED.index("will"), REPORTED.index("."))


def with_position(**changes) -> Briefing:
    data = dict(id="p1", text=REPORTED[0:FAIL[1]], start=0, end=FAIL[1], spans=[PLAN, FAIL],
                cue=Span(start=REPORTED.index("said"), end=REPORTED.index("said") + 4))
    data.update(changes)
    return Briefing(source=Source(text=REPORTED, sha256="0" * 64), positions=[Position(**data)])


def test_model_position_parts_leave_out_the_cue():
    brief = with_position()
    assert brief.positions[0].parts(REPORTED) == ["The plan", "will fail"]
    assert Briefing.from_json(brief.to_json()) == brief


@pytest.mark.parametrize("spans", [None, []])
def test_model_position_without_spans_has_one(spans):
    """A 1.0 brief's position (no spans) loads as one span from start to end."""
    data = json.loads(with_position().to_json())
    data["schema_version"] = "1.0"
    if spans is None:
        del data["positions"][0]["spans"]
    else:
        data["positions"][0]["spans"] = spans
    position = Briefing.model_validate(data).positions[0]
    assert position.spans == [(0, FAIL[1])]


@pytest.mark.parametrize("spans, words", [
    ([(0, 8), (20, 99)], "outside"),
    ([(0, 8), (20, FAIL[1] + 1)], "lies outside"),
])
def test_model_rejects_a_position_span_that_does_not_hold(spans, words):
    data = json.loads(with_position().to_json())
    data["positions"][0]["spans"] = spans
    with pytest.raises(ValidationError, match=words):
        Briefing.model_validate(data)


def test_model_json_schema_gives_positions_spans():
    assert "spans" in json.loads(json_schema())["$defs"]["Position"]["properties"]


@pytest.mark.parametrize("actor, co_actors, words", [
    ("kim", ["lee"], "co-actor 'lee' is not another actor"),
    ("kim", ["kim"], "co-actor 'kim' is not another actor"),
    (None, ["kim"], "co_actors without an actor"),
])
def test_model_rejects_co_actors_that_do_not_hold(actor, co_actors, words):
    brief = with_position()
    data = json.loads(brief.to_json())
    data["actors"] = [json.loads(make().actors[0].model_dump_json())]
    data["positions"][0].update(actor=actor, co_actors=co_actors)
    with pytest.raises(ValidationError, match=words):
        Briefing.model_validate(data)


def test_model_position_held_jointly_is_each_holders():
    kim = json.loads(make().actors[0].model_dump_json())
    data = json.loads(with_position().to_json())
    data["actors"] = [kim, {**kim, "id": "lee", "name": "Lee"}]
    data["positions"][0].update(actor="kim", co_actors=["lee"])
    brief = Briefing.model_validate(data)
    assert brief.positions_of("kim") == brief.positions_of("lee") == brief.positions
    assert Briefing.from_json(brief.to_json()) == brief


@pytest.mark.parametrize("text, cue, content, lead_in", [
    ("Kim did not comment on the remarks.", "did not comment on", "the remarks", "did not comment on"),
    # after its content, or set off by a comma, a cue does not read before it
    ("The plan will fail, officials said.", "said", "The plan will fail", ""),
    ("According to the ministry, Suh agreed.", "According to", "Suh agreed", ""),
    # a verb before a colon and a "that" clause still does
    ("Both emphasized the same point: that the alliance matters.", "emphasized", "that the alliance matters",
     "emphasized"),
])
def test_model_position_lead_in_is_the_cue_as_it_reads_before_it(text, cue, content, lead_in):
    c, s = text.index(cue), text.index(content)
    position = Position(id="p1", text=content, start=s, end=s + len(content), cue=Span(start=c, end=c + len(cue)))
    assert position.lead_in(text) == lead_in


@pytest.mark.parametrize("text, cue, content, lead_out", [
    # what was acted on reads with the cue that follows it
    ("These policy proposals have been applauded by critics.", "have been applauded", "These policy proposals",
     "have been applauded"),
    # a cue set off by punctuation does not: the content is a clause of its own
    ("The plan will fail, officials said.", "said", "The plan will fail", ""),
    ("“The plan will fail,” said Kim.", "said", "“The plan will fail,”", ""),
    # nor one before the content
    ("Kim did not comment on the remarks.", "did not comment on", "the remarks", ""),
])
def test_model_position_lead_out_is_the_cue_as_it_reads_after_it(text, cue, content, lead_out):
    c, s = text.index(cue), text.index(content)
    position = Position(id="p1", text=content, start=s, end=s + len(content), cue=Span(start=c, end=c + len(cue)))
    assert position.lead_out(text) == lead_out
