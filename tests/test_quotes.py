"""Direct quotations: mark pairing, attribution, and the sample's tricky cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from briefing.analysis.quotes import Attribution, find_quotes, quote_groups

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"

VOCAB = spacy.blank("en").vocab


def parsed(words, spaces, heads, deps, pos, lemmas):
    """A Doc built by hand: heads are absolute token indices."""
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def texts(text, groups):
    return [[text[s.start:s.end] for s in g] for g in groups]


# -- pairing marks (no model) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will win,” she said.", [["We will win,"]]),
        ('"We will win," she said.', [["We will win,"]]),
        ("''We will win,'' she said.", [["We will win,"]]),
        # apostrophes are not quote marks
        ("“I don’t take Jones’ view of the ’90s,” Kim said.", [["I don’t take Jones’ view of the ’90s,"]]),
        # a quote inside a quote stays inside
        ("“He called it ‘a disaster’ today,” she said.", [["He called it ‘a disaster’ today,"]]),
        # a headline's single quotes
        ("Sanders: ‘Of Course’ She Is Qualified", [["Of Course"]]),
        # an unclosed mark spoils only its paragraph
        ("“Never closed, she said.\nThen “fine” here.", [["fine"]]),
        # a quote over two paragraphs: no closing mark, the next opens again
        ("“First part.\n\n“Second part,” he said.", [["First part.", "Second part,"]]),
        ("", []),
        ("no marks at all", []),
        ("“”", []),
    ],
)
def test_quotes_pairs_marks_by_paragraph(text, expected):
    assert texts(text, quote_groups(text)) == expected


@pytest.mark.parametrize("text", ["“", "”", '"', "a “b” c ” d “", "\n\n“\n”\n", "’’’", "''''", "“ ” “"])
def test_quotes_pairing_survives_odd_marks(text):
    for group in quote_groups(text):
        for seg in group:
            assert 0 <= seg.start <= seg.end <= len(text)


# -- attribution on hand-built parses (no model) -------------------------------------------


def she_said_doc():
    # “We will win,” she said.
    words = ["“", "We", "will", "win", ",", "”", "she", "said", "."]
    spaces = [False, True, True, False, False, True, True, False, False]
    heads = [7, 3, 3, 7, 7, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    lemmas = ["“", "we", "will", "win", ",", "”", "she", "say", "."]
    return parsed(words, spaces, heads, deps, pos, lemmas)


def scare_quote_doc():
    # Before the “2+2” meeting they met.
    words = ["Before", "the", "“", "2+2", "”", "meeting", "they", "met", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    heads = [7, 5, 5, 5, 5, 0, 7, 7, 7]
    deps = ["prep", "det", "punct", "compound", "punct", "pobj", "nsubj", "ROOT", "punct"]
    pos = ["ADP", "DET", "PUNCT", "NUM", "PUNCT", "NOUN", "PRON", "VERB", "PUNCT"]
    lemmas = ["before", "the", "“", "2+2", "”", "meeting", "they", "meet", "."]
    return parsed(words, spaces, heads, deps, pos, lemmas)


@pytest.mark.parametrize("make", [she_said_doc])
def test_quotes_pronoun_speaker_and_cue(make):
    doc = make()
    (quote,) = find_quotes(doc)
    assert [doc.text[s:e] for s, e in quote.spans] == ["We will win,"]
    assert doc.text[slice(*quote.speaker)] == "she"
    assert doc.text[slice(*quote.cue)] == "said"
    assert not quote.partial


@pytest.mark.parametrize("make", [scare_quote_doc])
def test_quotes_term_without_cue_is_no_quote(make):
    assert find_quotes(make()) == []


@pytest.mark.parametrize(
    "doc",
    [
        Doc(VOCAB, words=[]),
        Doc(VOCAB, words=["“", "Unparsed", "words", "”"]),  # no sentences, no parse
        spacy.blank("en")("“ ” “ '' '' “a” ” ’s"),
    ],
)
def test_quotes_never_crash_on_odd_docs(doc):
    for quote in find_quotes(doc):
        assert isinstance(quote, Attribution)


# -- the sample article (model) ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_doc():
    from briefing.nlp import load_pipeline

    return load_pipeline()(SAMPLE.read_text(encoding="utf-8"))


def quote_starting(doc, opening):
    found = [q for q in find_quotes(doc) if doc.text[q.spans[0][0]:].startswith(opening)]
    assert len(found) == 1, opening
    return found[0]


def said(doc, span):
    return doc.text[span[0]:span[1]] if span else None


@pytest.mark.model
@pytest.mark.parametrize(
    "opening, speaker, cue, partial",
    [
        ("We hope that the Korea-U.S.", "South Korean Foreign Minister Chung Eui-yong", "said", False),
        ("linchpin for peace", "Blinken", "agreed", True),
        ("to ensure the security", "Blinken", "emphasized", True),
        ("We’ll continue to work together", "Blinken", "said", False),
        ("hostile acts against", "Kim Yo Jong, sister of North Korean leader Kim Jong Un", "defined", True),
        ("Whatever and however", "she", "warned", False),
        ("[W]e cannot but put", "She", "added", False),
        ("causing a stink", "Kim", "warned", True),
    ],
)
def test_quotes_sample_speakers(sample_doc, opening, speaker, cue, partial):
    quote = quote_starting(sample_doc, opening)
    assert said(sample_doc, quote.speaker) == speaker
    assert said(sample_doc, quote.cue) == cue
    assert quote.partial is partial


@pytest.mark.model
@pytest.mark.parametrize("opening", ["I don’t take Kim Yo Jong’s statement"])
def test_quotes_sample_interrupted_quote_is_one_attribution(sample_doc, opening):
    quote = quote_starting(sample_doc, opening)
    parts = [sample_doc.text[s:e] for s, e in quote.spans]
    assert len(parts) == 2
    assert parts[1].startswith("It is important to pay attention")
    assert said(sample_doc, quote.speaker) == "Kim"
    assert said(sample_doc, quote.cue) == "said"


@pytest.mark.model
@pytest.mark.parametrize("term", ["2+2"])
def test_quotes_sample_meeting_name_is_no_quote(sample_doc, term):
    assert not any(term in sample_doc.text[s:e] for q in find_quotes(sample_doc) for s, e in q.spans)


@pytest.mark.model
@pytest.mark.parametrize("marks", ["“”\"‘’"])
def test_quotes_sample_spans_hold_no_outer_marks(sample_doc, marks):
    for quote in find_quotes(sample_doc):
        for s, e in quote.spans:
            words = sample_doc.text[s:e]
            assert words and words[0] not in marks and words[-1] not in marks and words == words.strip()


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # the speaker comes in the next sentence
        ("“We are ready. We will win.” Kim said.\n", "We are ready", "Kim"),
        # a paragraph of pure quote after "X said:"
        ("The minister said:\n“We will not give up the talks.”\n", "We will not give up", "The minister"),
        # descriptive speakers keep their description
        ("“The talks failed,” a senior official told reporters.\n", "The talks failed", "a senior official"),
    ],
)
def test_quotes_speaker_outside_the_quote_sentence(nlp, text, opening, speaker):
    doc = nlp(text)
    quote = quote_starting(doc, opening)
    assert said(doc, quote.speaker) == speaker
