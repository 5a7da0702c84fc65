"""The briefing model: validation and the JSON round trip."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from briefing.model import SCHEMA_VERSION, Actor, Briefing, Quote, Source, Span, json_schema

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
