"""The learned scorer of found reports: its features, its arithmetic, and what the shipped weights keep."""

from __future__ import annotations

import math

import pytest

from briefing.analysis import learned_weights, scoring
from briefing.analysis.quotes import Attribution, find_quotes
from briefing.analysis.reading import doc_text
from briefing.analysis.reported import find_reported


def _reports(nlp, text):
    doc = nlp(text)
    return doc, find_reported(doc, find_quotes(doc))


@pytest.mark.model
def test_features_name_cue_relation_and_holder(nlp):
    doc, (att,) = _reports(nlp, "The senator said that the bill would fail.")
    names = scoring.features(att, doc, doc_text(doc))
    assert {"bias", "cue=say", "cue=say/VERB", "rel=ccomp", "cue_rel=say/ccomp", "first=that",
            "cue_after=False", "quoted=False", "cue_neg=False"} <= set(names)
    assert any(n.startswith("holder=") and n != "holder=none" for n in names)


@pytest.mark.model
def test_features_see_a_pronoun_holder_a_negation_and_quote_marks(nlp):
    doc, (att,) = _reports(nlp, "She did not say that the plan was “a disaster” at all.")
    names = set(scoring.features(att, doc, doc_text(doc)))
    assert {"holder=pron:she", "cue_neg=True", "quoted=True"} <= names


@pytest.mark.model
def test_features_of_a_report_without_cue_or_holder(nlp):
    doc = nlp("The plan was a disaster.")
    att = Attribution(spans=((0, 8),), cue=None, speaker=None)
    names = scoring.features(att, doc, doc_text(doc))
    assert "cue=-" in names and "holder=none" in names and "rel=none" in names


def test_score_is_the_logistic_of_the_summed_weights(monkeypatch):
    monkeypatch.setattr(learned_weights, "WEIGHTS", {"bias": -1.0, "cue=say": 3.0})
    assert scoring.score(["bias", "cue=say"]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert scoring.score(["bias", "cue=unknown"]) == pytest.approx(1 / (1 + math.exp(1.0)))
    # however many features fire, the score stays a probability
    assert 0.0 < scoring.score(["bias"] * 10_000) < 1.0


@pytest.mark.model
def test_keep_drops_reports_below_the_threshold(nlp, monkeypatch):
    doc, found = _reports(nlp, "Rubio said the plan was a disaster. Trump focused on the economy.")
    text = doc_text(doc)
    assert len(found) == 2
    monkeypatch.setattr(learned_weights, "WEIGHTS", {"bias": 0.0, "cue=say": 2.0, "cue=focus": -2.0})
    monkeypatch.setattr(learned_weights, "THRESHOLD", 0.5)
    kept = scoring.keep(found, doc, text)
    assert [text[a.spans[0][0]:a.spans[-1][1]] for a in kept] == ["the plan was a disaster"]


@pytest.mark.model
def test_keep_without_weights_keeps_everything(nlp, monkeypatch):
    doc, found = _reports(nlp, "Trump focused on the economy.")
    monkeypatch.setattr(learned_weights, "WEIGHTS", {})
    assert scoring.keep(found, doc, doc_text(doc)) == found


def test_learned_weights_are_well_formed():
    assert 0.0 < learned_weights.THRESHOLD < 1.0
    assert learned_weights.WEIGHTS, "the shipped table is empty: regenerate it with benchmarks.train_scorer"
    for name, weight in learned_weights.WEIGHTS.items():
        assert "=" in name or name == "bias"
        assert isinstance(weight, float) and math.isfinite(weight) and abs(weight) < 10


# -- what the shipped weights do ---------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The senator said that the bill would fail.",
    "Rubio said the plan was a disaster.",
    "Clinton pledged to raise taxes.",
    "Many said they liked him.",
])
def test_shipped_weights_keep_plain_reported_speech(nlp, text):
    doc, found = _reports(nlp, text)
    assert found and scoring.keep(found, doc, doc_text(doc)) == found


@pytest.mark.model
def test_shipped_weights_drop_the_samples_non_attributions(sample_briefs):
    """Two finds that were never anybody's position: a Title Case headline's 'Talks | in South Korea'
    and 'support | a united Jerusalem' with no one to hold it."""
    seoul = {p.text for p in sample_briefs["us-secretaries-of-state-and-defense-in-seoul.txt"].positions}
    politico = {p.text for p in sample_briefs["politico-trump-carson-flop-with-jewish-republicans.txt"].positions}
    assert "in South Korea" not in seoul
    assert "a united Jerusalem" not in politico
    # while the real positions around them stay
    assert any(t.startswith("that the U.S.-ROK Alliance is the linchpin") for t in seoul)
    assert "to affirm his support for a united Jerusalem" in politico
