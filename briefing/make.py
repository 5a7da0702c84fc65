"""Making briefs: the library calls behind ``briefing make``, ``extract`` and ``render``.

    >>> from briefing.make import extract, write_brief
    >>> brief = extract("article.txt")
    >>> write_brief(brief, {"pdf": Path("article-brief.pdf")}, audience="executive")

Outputs are planned and checked before the slow work, written to a
temporary file and renamed into place, and never replace the article or an
existing file unless asked to (``force``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Mapping, Sequence

from .errors import InputError, OutputError
from .model import Briefing

EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "html": ".html", "json": ".json"}
DEFAULT_FORMATS = ("pdf", "docx")
OUTPUT_SUFFIX = "-brief"


def extract(article: str | os.PathLike, *, pipeline: str | None = None, encoding: str | None = None,
            max_bytes: int | None = None) -> Briefing:
    """Read an article (a path, or ``"-"`` for stdin) and analyse it into a briefing model."""
    from .analysis import analysis_text, analyze
    from .ingest import DEFAULT_MAX_BYTES, read_article
    from .nlp import load_pipeline, parse_beside

    source = read_article(article, encoding=encoding, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    # One article leaves a core idle while it is parsed: the entity recognizer uses it.
    nlp = load_pipeline(pipeline)
    doc = parse_beside(nlp, analysis_text(source))
    return analyze(source, nlp=nlp, doc=doc)


def load_brief(path: str | os.PathLike) -> Briefing:
    """A briefing model from a JSON file (``"-"`` for stdin), validated."""
    return load_json_model(path, Briefing, "brief")


def load_json_model(path: str | os.PathLike, model, what: str):
    """A ``model`` (Briefing, Digest) from a JSON file (``"-"`` for stdin), validated;
    a problem is an :class:`InputError` naming the file, the field and ``what`` it should be."""
    import sys

    from pydantic import ValidationError

    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from None
    try:
        return model.from_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or what
        raise InputError(f"{path}: not a valid {what}: {where}: {first.get('msg')}") from None


def plan_outputs(article: str | os.PathLike, formats: Sequence[str], output: str | os.PathLike | None = None,
                 *, force: bool = False) -> dict[str, Path]:
    """Where each format goes, checked before any work is done.

    ``output`` is a file (one format only) or an existing folder; by default
    the outputs go beside the article (the current folder for stdin) as
    ``NAME-brief.EXT``.
    """
    article_path = None if str(article) == "-" else Path(article)
    stem = (article_path.stem if article_path else "brief") + OUTPUT_SUFFIX
    if article_path is not None and stem.endswith(OUTPUT_SUFFIX * 2):
        stem = stem[: -len(OUTPUT_SUFFIX)]
    plan = output_paths(stem, formats, output, folder=article_path.parent if article_path else Path("."))
    for path in plan.values():
        check_writable(path, article_path, force=force)
    return plan


def output_paths(stem: str, formats: Sequence[str], output: str | os.PathLike | None = None, *,
                 folder: Path = Path(".")) -> dict[str, Path]:
    """Each format's path: ``STEM.EXT`` in ``folder``, or in the folder ``output``, or ``output``
    itself when it names a file and one format is asked for."""
    if output is None:
        return {f: folder / (stem + EXTENSIONS[f]) for f in formats}
    out = Path(output)
    if out.is_dir() or str(output).endswith(os.sep):
        return {f: out / (stem + EXTENSIONS[f]) for f in formats}
    if len(formats) == 1:
        return {formats[0]: out}
    raise OutputError(f"{out}: -o names one file but {len(formats)} formats were asked for; "
                      "give a folder or a single format flag")


def check_writable(path: Path, article: Path | None = None, *, force: bool = False) -> None:
    """Raise :class:`OutputError` now if ``path`` cannot or must not be written."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist; create it or choose another with -o")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: the folder {folder} is not writable; choose another with -o")
    if article is not None and path.exists() and article.exists() and os.path.samefile(path, article):
        raise OutputError(f"{path}: would overwrite the article itself; choose another output with -o")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name or use the folder as -o")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; pass --force to replace it, or choose another with -o")


def render_brief(brief: Briefing, fmt: str, *, audience: str = "analyst", templates: Sequence[Path] = (),
                 settings: Mapping | None = None, style=None) -> bytes:
    """The brief in one format: JSON is the model itself; every other format goes
    through the audience template and the shared document blocks."""
    if fmt == "json":
        return (brief.to_json() + "\n").encode("utf-8")
    return render_document(document_for(brief, audience=audience, templates=templates, settings=settings), fmt,
                           style=style)


def document_for(brief: Briefing, *, audience: str = "analyst", templates: Sequence[Path] = (),
                 settings: Mapping | None = None):
    from .document import parse
    from .templates import render_markdown

    return parse(render_markdown(brief, audience, extra_dirs=templates, settings=settings))


def render_document(document, fmt: str, *, style=None) -> bytes:
    """One format of a parsed document, in the house ``style`` (a :class:`~briefing.style.HouseStyle`)."""
    from .render import render

    return render(document, fmt, style)


def render_all(brief: Briefing, formats: Sequence[str], *, audience: str = "analyst",
               templates: Sequence[Path] = (), settings: Mapping | None = None, style=None) -> dict[str, bytes]:
    """Every format of the brief, as bytes; the template runs once for all of them."""
    document = None
    data: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "json":
            data[fmt] = render_brief(brief, "json")
            continue
        if document is None:
            document = document_for(brief, audience=audience, templates=templates, settings=settings)
        data[fmt] = render_document(document, fmt, style=style)
    return data


def write_brief(brief: Briefing, plan: Mapping[str, Path], *, audience: str = "analyst",
                templates: Sequence[Path] = (), settings: Mapping | None = None, style=None,
                renderer: Callable[..., dict[str, bytes]] = render_all) -> list[Path]:
    """Render every planned format, then write them all; returns the paths written.

    Everything is rendered before anything is written, so a template error
    leaves no output behind. ``renderer`` is :func:`render_all` or a stand-in
    for it, such as the warmed-up render process of :func:`make_one`.
    """
    from .render import atomic_write

    data = renderer(brief, tuple(plan), audience=audience, templates=tuple(templates), settings=settings,
                    style=style)
    written = []
    for fmt, path in plan.items():
        atomic_write(path, data[fmt])
        written.append(path)
    return written


def make_one(article: str | os.PathLike, plan: Mapping[str, Path], *, pipeline: str | None = None,
             encoding: str | None = None, max_bytes: int | None = None, audience: str = "analyst",
             templates: Sequence[Path] = (), settings: Mapping | None = None,
             style=None) -> tuple[Briefing, list[Path]]:
    """``briefing make`` for one article: analyse it and write the planned outputs.

    The PDF and Word writers warm up in a second process while the language
    model loads (see :mod:`briefing.render.warm`), so a single brief costs
    little more than loading spaCy.
    """
    from .render.warm import warm_renderers

    with warm_renderers(tuple(plan), audience=audience, templates=tuple(templates), settings=settings,
                        style=style) as renderer:
        brief = extract(article, pipeline=pipeline, encoding=encoding, max_bytes=max_bytes)
        written = write_brief(brief, plan, audience=audience, templates=templates, settings=settings, style=style,
                              renderer=renderer)
    return brief, written
