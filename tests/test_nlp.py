"""Parsing long articles in paragraph-aligned pieces (briefing.nlp)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp import CHUNK_CHARS, chunks, parse, parse_stream


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
