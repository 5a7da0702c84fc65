"""Rendering in a second process that warms up while the language model loads.

A one-article ``briefing make`` spends most of its time loading spaCy. The
PDF and Word writers then pay again: importing reportlab and python-docx,
reading fonts, opening the reference document, compiling the template.
Started first, a render process does that work on another core at the same
time and renders the brief once the analysis hands it over, so the brief is
written moments after the analysis ends. The parent writes the files; the
render process only returns bytes, so stopping it can leave nothing half done.

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

    slow = tuple(fmt for fmt in formats if fmt in SLOW_FORMATS)
    if not slow or not sys.platform.startswith("linux"):
        yield render_all
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    here, there = context.Pipe()
    process = context.Process(target=_serve, args=(there, slow, options), daemon=True, name="briefing-render")
    process.start()
    there.close()

    def render_in_process(brief, formats, **options) -> dict[str, bytes]:
        try:
            here.send((brief, tuple(formats), options))
            ok, result = here.recv()
        except (EOFError, OSError):
            # The render process is gone (killed, out of memory): render here instead.
            return render_all(brief, formats, **options)
        if not ok:
            raise result
        return result

    try:
        yield render_in_process
    finally:
        # Its work is done or no longer wanted; it holds no file of ours.
        process.kill()
        process.join()
        here.close()


def _serve(connection, formats: tuple[str, ...], options: dict) -> None:
    """The render process: warm up, then render each brief it is sent until the pipe closes."""
    # Ctrl-C is the parent's to handle: it stops this process and reports once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up(formats, options)
    while True:
        try:
            brief, wanted, given = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = (True, render_side_by_side(brief, wanted, **given))
        except Exception as error:  # noqa: BLE001 - the parent raises it as its own
            reply = (False, error)
        connection.send(reply)


def render_side_by_side(brief, formats: Sequence[str], **options) -> dict[str, bytes]:
    """:func:`briefing.make.render_all`, with the last slow format rendered at the same time
    in a forked copy of this process: the one that asked for the brief waits on the other core."""
    from ..forking import call_forked
    from ..make import render_all

    slow = [fmt for fmt in formats if fmt in SLOW_FORMATS]
    if len(slow) < 2:
        return render_all(brief, formats, **options)
    apart = slow[-1]
    pending = call_forked(lambda: render_all(brief, (apart,), **options)[apart])
    try:
        data = render_all(brief, [fmt for fmt in formats if fmt != apart], **options)
    finally:
        there = pending.result() if pending else None
    # Rendered here again if it failed there, so a template or font error is raised as usual.
    data[apart] = there if there is not None else render_all(brief, (apart,), **options)[apart]
    return {fmt: data[fmt] for fmt in formats}


def _warm_up(formats: tuple[str, ...], options: dict) -> None:
    """Render a small made-up brief: imports, fonts, the template and caches are then ready."""
    from ..make import render_all
    from ..templates import probe_briefs

    try:
        render_all(probe_briefs()[0], formats, **options)
    except Exception:
        # A problem here (a template error, a broken house font) is reported by the real render.
        pass
