"""Rendering in a second process that warms up while the language model loads.

A one-article ``briefing make`` spends most of its time loading spaCy. The
PDF and Word writers then pay again: importing reportlab and python-docx,
reading fonts, opening the reference document. Started first, a render
process does that work on another core at the same time and renders the
brief once the analysis hands it over, so the brief is written moments after
the analysis ends.

The process is forked, so it is used only where fork is the safe default
(Linux); elsewhere, and when no PDF or Word is asked for, rendering simply
happens in this process.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from typing import Callable, Iterator, Sequence

# Formats whose writers are slow to start; Markdown, HTML and JSON are not worth a process.
SLOW_FORMATS = frozenset({"pdf", "docx"})


@contextlib.contextmanager
def warm_renderers(formats: Sequence[str], **options) -> Iterator[Callable[..., dict[str, bytes]]]:
    """A stand-in for :func:`briefing.make.render_all` whose writers are warming up already.

    ``options`` are the ones the brief will be rendered with (audience, templates,
    settings, style), so the warm-up compiles the same template too.

        with warm_renderers(("pdf", "docx"), audience="executive") as render_all:
            brief = extract("article.txt")            # meanwhile the writers warm up
            data = render_all(brief, ("pdf", "docx"), audience="executive")
    """
    from ..make import render_all

    slow = [fmt for fmt in formats if fmt in SLOW_FORMATS]
    if not slow or not sys.platform.startswith("linux"):
        yield render_all
        return
    import concurrent.futures
    import multiprocessing

    pool = concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                                  initializer=_ignore_interrupts)
    try:
        pool.submit(_warm_up, tuple(slow), options)

        def render_in_pool(brief, formats, **options) -> dict[str, bytes]:
            return pool.submit(render_all, brief, tuple(formats), **options).result()

        yield render_in_pool
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _ignore_interrupts() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and reports once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up(formats: tuple[str, ...], options: dict) -> None:
    """Render a small made-up brief: imports, fonts, the template and caches are then ready."""
    from ..make import render_all
    from ..templates import probe_briefs

    try:
        render_all(probe_briefs()[0], formats, **options)
    except Exception:
        # A problem here (a template error, a broken house font) is reported by the real render.
        pass
