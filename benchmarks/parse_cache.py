"""Parsed docs kept on disk, so the dev scripts re-score a rule change in seconds, not minutes."""

from __future__ import annotations

import hashlib
from pathlib import Path


def parsed(nlp, texts: list[str], cache: str | Path | None = None) -> list:
    """Docs for ``texts``: read from the folder ``cache`` when it holds these very texts
    (files are named by the texts' hash), else parsed with ``nlp.pipe`` and kept there."""
    from spacy.tokens import DocBin

    if cache is None:
        return list(nlp.pipe(texts))
    key = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = Path(cache) / f"{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    # The analysis keeps its own caches in user_data; the parse alone is stored.
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs
