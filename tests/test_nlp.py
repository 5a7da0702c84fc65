"""Parsing: long articles in paragraph-aligned pieces, one article with the recognizer
beside the parser (briefing.nlp). Either way the Doc is the one plain spaCy gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp import CHUNK_CHARS, _separable_recognizer, chunks, parse, parse_beside, parse_stream

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@given(st.text(alphabet=st.sampled_from("ab. \n"), max_size=3000), st.integers(min_value=4, max_value=400))
@settings(max_examples=200, deadline=None)
def test_nlp_chunks_join_back_and_stay_small(text, size):
    pieces = chunks(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert all(pieces) or text == ""


def test_nlp_chunks_cut_after_a_blank_line():
    text = ("A paragraph of words. " * 5 + "\n\n") * 4
    for piece in chunks(text, 300)[:-1]:
        assert piece.endswith("\n\n")


@pytest.mark.model
def test_nlp_parse_of_a_long_text_is_one_doc_of_the_same_text(nlp):
    paragraph = 'Foreign Minister Chung Eui-yong said on Thursday that "talks will resume," officials said.\n\n'
    text = paragraph * (CHUNK_CHARS // len(paragraph) * 3)
    doc = parse(nlp, text)
    assert doc.text == text
    assert doc.has_annotation("DEP") and len(list(doc.sents)) >= text.count("\n\n")
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert len(people) >= text.count("Chung") * 0.9  # the recognizer ran on every piece


@pytest.mark.model
def test_nlp_parse_stream_keeps_order_with_long_texts_among_short(nlp):
    short, long = "One short article.", "A long one. " * (CHUNK_CHARS // 10)
    items = [(short, 0), (long, 1), (short, 2), (short, 3), (long, 4)]
    out = list(parse_stream(nlp, items, batch_size=2))
    assert [context for _, context in out] == [0, 1, 2, 3, 4]
    assert [doc.text for doc, _ in out] == [text for text, _ in items]


# A headline the recognizer, not told where sentences are, runs on into the next sentence with.
HEADLINE = ("Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental Issues.\n\n"
            "The Washington Post ran a feature Saturday that extensively profiled a female Trump supporter.")


def _same_doc(a, b) -> bool:
    return a.to_bytes(exclude=["user_data"]) == b.to_bytes(exclude=["user_data"])


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_nlp_parse_beside_gives_the_doc_parse_gives(nlp, name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert _same_doc(parse_beside(nlp, text), parse(nlp, text))


@pytest.mark.model
def test_nlp_parse_beside_recognizes_again_when_an_entity_crossed_a_sentence(nlp):
    alone = nlp.get_pipe("ner")(nlp.make_doc(HEADLINE))
    doc = parse(nlp, HEADLINE)
    # The case is real: alone, the recognizer would take "Who Was" into the headline's name.
    assert any(doc[i].is_sent_start for e in alone.ents for i in range(e.start + 1, e.end))
    beside = parse_beside(nlp, HEADLINE)
    assert _same_doc(beside, doc)
    assert beside.ents[0].text == "Washington Post Hit Piece Exploits Trump Supporter"


@pytest.mark.model
def test_nlp_parse_beside_recognizes_here_when_nothing_can_be_forked(nlp, monkeypatch):
    import briefing.forking

    monkeypatch.setattr(briefing.forking, "call_forked", lambda work: None)
    text = (SAMPLES / "us-secretaries-of-state-and-defense-in-seoul.txt").read_text(encoding="utf-8")
    assert _same_doc(parse_beside(nlp, text), parse(nlp, text))


@pytest.mark.model
def test_nlp_only_a_last_greedy_recognizer_with_its_own_vectors_runs_apart(nlp):
    import spacy

    assert _separable_recognizer(nlp) == "ner"
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    assert _separable_recognizer(blank) is None
    text = "Mr. Blinken spoke. Then he left."
    assert parse_beside(blank, text).text == text  # plain parsing, no recognizer to move
    listening = spacy.blank("en")
    listening.add_pipe("tok2vec")
    listening.add_pipe("ner", config={"model": {"tok2vec": {"@architectures": "spacy.Tok2VecListener.v1",
                                                            "width": 96}}})
    assert _separable_recognizer(listening) is None


@pytest.mark.model
def test_nlp_a_line_break_starts_a_sentence_and_its_opening_mark_goes_with_it(nlp):
    # Left alone, the parser runs the headline on into the sentence below it.
    doc = nlp("China rebuts American criticism on overcapacity; \n\n\nWashington did not complain when China's "
              "spending helped growth, a Chinese official said.\n\n''It is good that my voice is low,'' he said.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts == ["China rebuts American criticism on overcapacity;",
                      "Washington did not complain when China's spending helped growth, a Chinese official said.",
                      "''It is good that my voice is low,'' he said."]
    assert [s.root.text for s in doc.sents][1] == "said"


@pytest.mark.model
def test_nlp_a_paragraph_opening_with_an_abbreviation_is_one_sentence(nlp):
    doc = nlp("Credit: State Department photo by Ron Przysucha\n\nU.S. Secretary of State Antony Blinken and Secretary "
              "of Defense Lloyd Austin III arrived in South Korea on March 17.")
    assert [s.text.strip() for s in doc.sents][-1].startswith("U.S. Secretary of State Antony Blinken")
