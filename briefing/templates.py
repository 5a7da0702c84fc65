"""Audience templates: the briefing model rendered as Markdown for one audience.

An audience is a Jinja2 file ``NAME.md.j2`` that turns a :class:`~briefing.model.Briefing`
into Markdown with YAML front matter, which :func:`briefing.document.parse` then reads
for every writer. Templates are looked up, first match wins, in:

1. each ``--templates DIR`` the caller passes (``extra_dirs``);
2. the user's config folder, ``platformdirs.user_config_dir("briefing")/templates``;
3. installed packages that register an entry point in the group ``briefing.audiences``
   whose value is a package (``mypkg.templates``) or a folder holding ``NAME.md.j2`` files;
4. the built-ins shipped with briefing.

A template can extend the built-in it replaces: ``{% extends "builtin:analyst.md.j2" %}``.
Its first line may describe it: ``{# description: One page for a minister. #}``.
Files whose names start with ``_`` are partials (macros, includes), not audiences.

Escaping is on by default, because article text must never become Markdown: every
``{{ expr }}`` is backslash-escaped by :func:`md_escape` unless the template author marks
their own markup with ``|raw``. Front matter values go through ``|yaml`` instead, which
writes a quoted YAML scalar (or a flow list) that reads back as the same plain text.
Templates run sandboxed, with undefined names an error, and without a clock: the date of
a brief comes from ``settings["date"]`` or the article, so two runs give the same text.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.resources
import importlib.util
import re
import string
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

import jinja2
import platformdirs
import yaml
from jinja2.sandbox import SandboxedEnvironment

from .errors import BriefingError, TemplateError
from .model import Actor, Briefing, Position, Quote, Span

SUFFIX = ".md.j2"
DEFAULT_AUDIENCE = "analyst"
ENTRY_POINT_GROUP = "briefing.audiences"
BUILTIN_PREFIX = "builtin"  # {% extends "builtin:analyst.md.j2" %}
BUILTIN_ORIGIN = "built-in"
AUDIENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
DESCRIPTION = re.compile(r"\{#\s*description:\s*(.*?)\s*#\}")
# A digest template's first line: {# digest: description #}. It renders a Digest, not a
# Briefing, so it is not an audience (not listed, not checked against briefs).
DIGEST_MARK = re.compile(r"\{#\s*digest:\s*(.*?)\s*#\}")
DEFAULT_DIGEST_TEMPLATE = "digest"

# Where the built-ins live: installed as a package inside briefing, or beside the
# package in a checkout (the repository's templates/ folder).
_HERE = Path(__file__).resolve().parent
BUILTIN_DIR_CANDIDATES = (_HERE / "templates", _HERE / "builtin_templates", _HERE.parent / "templates")

QUOTE_JOINER = " … "  # between the parts of a quote its attribution interrupts
# A holder named only by these tells a reader nothing.
BARE_PRONOUNS = frozenset("i you he she it we they who which that this these those one someone".split())
# "the Latino community, which": the relative pronoun and the punctuation before it go.
HOLDER_TAIL_WORDS = frozenset("who which that whom whose".split())
HOLDER_TAIL_MARKS = " ,;:—–-"
TRAILING_QUOTE_PUNCTUATION = ",;:"  # left by the attribution that follows a quote
# Words that, standing alone as a position ("*Recognizing* this", "*praised* him"), tell a reader nothing.
EMPTY_CONTENTS = BARE_PRONOUNS | frozenset("him her them what".split())
SHORT_HASH_LENGTH = 12
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
DEFAULT_SETTINGS: Mapping[str, Any] = {
    "organization": "",
    "marking": "",  # handling marking, e.g. "UNCLASSIFIED"; empty means no banner
    "prepared_for": "",
    "author": "",
    "date": None,  # date of the brief; templates fall back to the article's date
}

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and an
# escaped one is always literal, so escaping all of them needs no knowledge of context.
# Line breaks become spaces so a value cannot end a table row, list item or paragraph.
_MD_ESCAPES = str.maketrans(
    {c: "\\" + c for c in string.punctuation} | {"\r": " ", "\n": " "}
)


def md_escape(text: str) -> str:
    """``text`` as Markdown that reads back as exactly that text, on one line.

    Leading and trailing spaces are dropped too: leading ones could start a code block
    and two trailing ones a hard line break.
    """
    return text.replace("\r\n", "\n").translate(_MD_ESCAPES).strip(" \t")


class Raw(str):
    """Markup the template author wrote, passed through unescaped (made by ``|raw``)."""


def _finalize(value: Any) -> str:
    """What every ``{{ expr }}`` prints: escaped text, unless marked :class:`Raw`."""
    if isinstance(value, Raw):
        return value
    if value is None:  # an optional field the analysis left empty
        return ""
    return md_escape(str(value))


def _yaml(value: Any) -> Raw:
    """A front matter value: a double-quoted YAML scalar, or a flow list of them."""
    if value is None:
        value = ""
    if isinstance(value, (list, tuple)):
        value = [str(v) for v in value]
    else:
        value = str(value)
    dumped = yaml.safe_dump(
        value, default_style='"', default_flow_style=True, allow_unicode=True, width=float("inf")
    )
    return Raw(dumped.strip())


# -- finding templates -------------------------------------------------------------------


@dataclass(frozen=True)
class Audience:
    """An audience template and where it was found."""

    name: str
    description: str
    origin: str  # "--templates DIR" | "user config (<dir>)" | "package <dist>" | "built-in"
    path: str


@dataclass(frozen=True)
class _Place:
    """One folder on the search path."""

    origin: str
    folder: Path

    @property
    def label(self) -> str:
        """The place as an error message names it, folder included."""
        return self.origin if str(self.folder) in self.origin else f"{self.origin} ({self.folder})"


def builtin_dir() -> Path:
    """The folder of the built-in audience templates."""
    for folder in BUILTIN_DIR_CANDIDATES:
        if any(folder.glob(f"*{SUFFIX}")):
            return folder
    raise TemplateError(
        f"the built-in audience templates are missing (looked in "
        f"{', '.join(map(str, BUILTIN_DIR_CANDIDATES))}): reinstall briefing"
    )


def user_template_dir() -> Path:
    """The user's own templates: ``<user config dir>/templates``."""
    return Path(platformdirs.user_config_dir("briefing")) / "templates"


def _entry_point_places() -> list[_Place]:
    places = []
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.name if ep.dist is not None else ep.name
        places.append(_Place(f"package {dist}", _entry_point_folder(ep, dist)))
    return places


def _entry_point_folder(ep: importlib.metadata.EntryPoint, dist: str) -> Path:
    """The folder an entry point names: a package (``pkg.templates``) or a path."""
    value = ep.value.strip()
    try:
        if ":" not in value and importlib.util.find_spec(value) is not None:
            return Path(str(importlib.resources.files(value)))
    except (ImportError, ValueError, TypeError):
        pass  # not an importable package name: try it as a folder
    folder = Path(value).expanduser()
    if not folder.is_dir():
        raise TemplateError(
            f"package {dist} registers audience templates at {value!r} (entry point "
            f"{ep.name!r} in group {ENTRY_POINT_GROUP}), which is neither an importable "
            f"package nor a folder: fix or uninstall {dist}"
        )
    return folder


def _search_path(extra_dirs: Sequence[Path]) -> list[_Place]:
    places = [_Place(f"--templates {Path(d)}", Path(d)) for d in extra_dirs]
    user = user_template_dir()
    places.append(_Place(f"user config ({user})", user))
    places.extend(_entry_point_places())
    places.append(_Place(BUILTIN_ORIGIN, builtin_dir()))
    return places


def _describe(path: Path) -> str:
    """The description in a template's first-line comment, or ""."""
    with path.open(encoding="utf-8", errors="replace") as f:
        first = f.readline()
    match = DESCRIPTION.match(first.strip())
    return match.group(1) if match else ""


def _audiences_in(place: _Place) -> list[Audience]:
    if not place.folder.is_dir():
        return []
    return [
        Audience(path.name[: -len(SUFFIX)], _describe(path), place.origin, str(path))
        for path in sorted(place.folder.glob(f"*{SUFFIX}"))
        if not path.name.startswith("_") and path.is_file() and not _is_digest_template(path)
    ]


def _is_digest_template(path: Path) -> bool:
    """Whether the template renders a digest (its first line says so), not a brief's audience."""
    with path.open(encoding="utf-8", errors="replace") as f:
        return DIGEST_MARK.match(f.readline().strip()) is not None


def find_audiences(extra_dirs: Sequence[Path] = ()) -> list[Audience]:
    """Every audience by name, as the search path resolves it (first match wins)."""
    found: dict[str, Audience] = {}
    for place in _search_path(extra_dirs):
        for audience in _audiences_in(place):
            found.setdefault(audience.name, audience)
    return sorted(found.values(), key=lambda a: a.name)


# -- the environment ---------------------------------------------------------------------


def _environment(places: Sequence[_Place]) -> SandboxedEnvironment:
    builtin = jinja2.FileSystemLoader(str(builtin_dir()))
    loader = jinja2.ChoiceLoader(
        [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}, delimiter=":")]
        + [jinja2.FileSystemLoader(str(p.folder)) for p in places]
    )
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,  # Markdown, not HTML: _finalize does the escaping
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["raw"] = Raw
    env.filters["yaml"] = _yaml
    env.filters["md"] = md_escape  # explicit, for building a value before |raw
    env.filters["fmt_date"] = fmt_date
    env.filters["budget"] = budget
    return env


# -- helpers templates call --------------------------------------------------------------


def fmt_date(value: Any) -> str:
    """A date as policy staff write it: "17 March 2021", "March 2021", "2021".

    Takes a date, or an ISO string as precise as the article allows; anything else
    comes back as it was, and None as "".
    """
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    text = str(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        return text
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return text
    if day is None:
        return f"{MONTHS[int(month) - 1]} {year}"
    try:
        return fmt_date(dt.date(int(year), int(month), int(day)))
    except ValueError:
        return text


def budget(items: Sequence, max_chars: int, at_least: int = 1, at_most: int | None = None) -> list:
    """The leading items whose ``text`` fits in ``max_chars``, keeping ``at_least`` of them.

    For audiences with a page limit: the executive brief must stay one page however
    long the article's sentences are.
    """
    chosen: list = []
    used = 0
    for item in list(items)[:at_most]:
        used += len(item.text)
        if used > max_chars and len(chosen) >= at_least:
            break
        chosen.append(item)
    return chosen


def _sorted_actors(brief: Briefing) -> list[Actor]:
    """Most salient first; ties by mentions, then by name, so the order is stable."""
    return sorted(brief.actors, key=lambda a: (-a.salience, -len(a.mentions), a.name))


class _Helpers:
    """The functions a template may call, bound to one brief."""

    def __init__(self, brief: Briefing, actors: list[Actor]):
        self.brief = brief
        self.actors = actors
        self.rank = {a.id: i for i, a in enumerate(actors)}

    def _actor_id(self, actor: Actor | str | None) -> Optional[str]:
        return actor.id if isinstance(actor, Actor) else actor

    def quote_text(self, quote: Quote, tidy: bool = False) -> str:
        """The quoted words, verbatim, parts joined by " … ".

        ``tidy`` drops the comma or colon a quote ends on when its attribution follows
        (``"…of the DPRK," he said``): what remains is still the speaker's exact words.
        """
        text = QUOTE_JOINER.join(quote.parts(self.brief.source.text))
        return text.rstrip().rstrip(TRAILING_QUOTE_PUNCTUATION).rstrip() if tidy else text

    def position_text(self, position: Position) -> str:
        """The position's words, verbatim, parts joined by " … ": the cue and speaker between them left out."""
        return QUOTE_JOINER.join(position.parts(self.brief.source.text))

    def position_cue(self, position: Position) -> str:
        """The words that put the position before it ("did not comment on", "pledged"), or ""
        (see :meth:`briefing.model.Position.lead_in`)."""
        return position.lead_in(self.brief.source.text)

    def position_cue_after(self, position: Position) -> str:
        """The words that follow the position and make it read ("was rejected"), or ""
        (see :meth:`briefing.model.Position.lead_out`)."""
        return position.lead_out(self.brief.source.text)

    def quote_cue(self, quote: Quote) -> str:
        """The words that introduce a quote ("said", "— Donald J. Trump (@realDonaldTrump) June 29, 2016"),
        or "" when its cue is only a mark (the colon of "Sanders: ...", the dash of a signature)."""
        cue = self.text_of(quote.cue)
        return cue if any(c.isalnum() for c in cue) else ""

    def holder_as_written(self, record: Position | Quote) -> str:
        """Who holds a position not matched to an actor, as the article names them, or "".

        "All three candidates have said ..." has no actor, but "All three candidates"
        tells a reader whose position it is. A bare pronoun ("they") tells nothing
        and gives ""; a relative pronoun the mention ends on ("the community, which") goes.
        """
        words = " ".join(self.text_of(record.speaker_mention).split()).rstrip(HOLDER_TAIL_MARKS).split(" ")
        if words[-1].lower() in HOLDER_TAIL_WORDS:
            words.pop()
        mention = " ".join(words).rstrip(HOLDER_TAIL_MARKS)
        return "" if mention.lower() in BARE_PRONOUNS else mention

    def text_of(self, span: Span | tuple[int, int] | None) -> str:
        """The article text a span covers (a cue, a mention), or ""."""
        if span is None:
            return ""
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self.brief.source.text[start:end]

    def find_actor(self, actor: Actor | str | None) -> Optional[Actor]:
        actor_id = self._actor_id(actor)
        if actor_id is None:
            return None
        found = self.brief.actor(actor_id)
        if found is None:
            raise TemplateError(f"there is no actor with id {actor_id!r} in this brief")
        return found

    def actor_name(self, actor: Actor | str | None) -> str:
        found = self.find_actor(actor)
        return found.name if found is not None else ""

    def affiliation_of(self, actor: Actor | str) -> str:
        """The actor's affiliation as written, else the name of the actor it points to."""
        found = self.find_actor(actor)
        if found is None:
            return ""
        return found.affiliation or self.actor_name(found.affiliation_id)

    def quotes_by(self, actor: Actor | str) -> list[Quote]:
        return self.brief.quotes_by(self._actor_id(actor))

    def positions_of(self, actor: Actor | str) -> list[Position]:
        """The positions of ``actor`` a reader can read: one whose words are a lone pronoun
        ("*praised* him") is left out of the brief (the model and its JSON keep it)."""
        text = self.brief.source.text
        return [p for p in self.brief.positions_of(self._actor_id(actor))
                if " ".join(p.parts(text)).strip().lower() not in EMPTY_CONTENTS]

    def held_with(self, position: Position, actor: Actor | str) -> list[str]:
        """The names of those who hold ``position`` with ``actor``: "Lloyd Austin" under Blinken for
        "Blinken and Austin both emphasized ..."; [] when ``actor`` holds it alone."""
        return _held_with(position, self._actor_id(actor), self.actor_name)

    def key_quotes(self, limit: int = 3) -> list[Quote]:
        """The quotes that matter: one from each of the most salient speakers first.

        Whole quotations come before partial ones: a two-word fragment says little alone.
        """
        attributed = [q for q in self.brief.quotes if q.speaker in self.rank]
        # A speaker's first quotation is usually the news (the article's own ranking).
        by_rank = sorted(attributed, key=lambda q: (q.partial, self.rank[q.speaker], q.start))
        seen: set[str] = set()
        firsts, rest = [], []
        for q in by_rank:
            (rest if q.speaker in seen else firsts).append(q)
            seen.add(q.speaker)
        return (firsts + rest)[:limit]

    def as_dict(self) -> dict[str, Callable]:
        names = ("quote_text", "quote_cue", "position_text", "position_cue", "position_cue_after",
                 "holder_as_written", "text_of", "find_actor", "actor_name", "affiliation_of", "quotes_by",
                 "positions_of", "held_with", "key_quotes")
        return {name: getattr(self, name) for name in names} | {"fmt_date": fmt_date}


def _held_with(position, actor_id: Optional[str], name_of: Callable[[str], str]) -> list[str]:
    """The names of a position's holders other than ``actor_id`` (a brief's or a digest's)."""
    return [name_of(a) for a in [position.actor, *position.co_actors] if a is not None and a != actor_id]


def _citation(source) -> str:
    """The article in one line: title, publisher, date, address (whichever are known)."""
    parts = [source.title, source.publisher, fmt_date(source.published)]
    cited = ", ".join(p for p in parts if p)
    if cited and source.url:
        return f"{cited} ({source.url})"
    return cited or source.url or source.path or "Untitled article"


def _context(brief: Briefing, audience: str, settings: Mapping | None) -> dict[str, Any]:
    actors = _sorted_actors(brief)
    source = brief.source
    helpers = _Helpers(brief, actors)
    return {
        "brief": brief,
        "source": source,
        "actors": actors,
        "quotes": brief.quotes,
        "unattributed_quotes": [q for q in brief.quotes if q.speaker is None],
        "positions": brief.positions,
        # everyone who holds a position the brief shows, alone or with others
        "position_holders": [a for a in actors if helpers.positions_of(a)],
        "summary": brief.summary,
        "timeline": brief.timeline,
        "settings": dict(DEFAULT_SETTINGS) | dict(settings or {}),
        "audience": audience,
        "article_title": source.title or "Untitled article",
        "short_hash": source.sha256[:SHORT_HASH_LENGTH],
        "citation": _citation(source),
        **helpers.as_dict(),
    }


# -- rendering ---------------------------------------------------------------------------


def _template_line(exc: BaseException) -> Optional[str]:
    """"file:line" of the innermost template frame the error passed through."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return None


def _missing(name: str, places: Sequence[_Place], extra_dirs: Sequence[Path]) -> TemplateError:
    searched = ", ".join(p.label for p in places)
    available = ", ".join(a.name for a in find_audiences(extra_dirs)) or "none"
    return TemplateError(
        f"no audience template {name!r} ({name}{SUFFIX}); searched {searched}; available: {available}"
    )


def _syntax_error(exc: jinja2.TemplateSyntaxError) -> TemplateError:
    return TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}")


def _load(env: SandboxedEnvironment, name: str, places, extra_dirs) -> jinja2.Template:
    if not AUDIENCE_NAME.fullmatch(name):
        raise TemplateError(
            f"{name!r} is not an audience name: use letters, digits, '-' and '_' (e.g. 'analyst')"
        )
    try:
        return env.get_template(name + SUFFIX)
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    except jinja2.TemplateNotFound as exc:
        raise _missing(name, places, extra_dirs) from exc


def render_markdown(
    brief: Briefing,
    audience: str = DEFAULT_AUDIENCE,
    *,
    extra_dirs: Sequence[Path] = (),
    settings: Mapping | None = None,
) -> str:
    """The brief as Markdown with YAML front matter, written for ``audience``.

    ``settings`` fills the front matter: ``organization``, ``marking``, ``prepared_for``,
    ``author`` and ``date`` (see :data:`DEFAULT_SETTINGS`). Raises
    :class:`~briefing.errors.TemplateError` for a missing audience or a broken template,
    naming the template file and line.
    """
    places = _search_path(extra_dirs)
    env = _environment(places)
    template = _load(env, audience, places, extra_dirs)
    try:
        return template.render(_context(brief, audience, settings))
    except jinja2.TemplateSyntaxError as exc:  # in a template it extends or includes
        raise _syntax_error(exc) from exc
    except jinja2.TemplateNotFound as exc:
        where = _template_line(exc) or template.filename
        raise TemplateError(f"{where}: template {exc.name!r} not found") from exc
    except (jinja2.TemplateError, BriefingError) as exc:
        where = _template_line(exc) or template.filename
        raise TemplateError(f"{where}: {exc}") from exc
    except Exception as exc:
        # A template's own mistake (calling a helper wrongly, dividing by zero) is reported
        # with its file and line; anything raised outside a template is a bug here.
        where = _template_line(exc)
        if where is None:
            raise
        raise TemplateError(f"{where}: {type(exc).__name__}: {exc}") from exc


# -- digests -------------------------------------------------------------------------------


class _DigestHelpers:
    """The functions a digest template may call, bound to one digest."""

    def __init__(self, digest):
        self.digest = digest

    def cite(self, number: int) -> str:
        """An article as items cite it: "[2] Politico, 12 September 2016"."""
        return f"[{number}] {self.digest.article(number).label}"

    def cite_all(self, item) -> str:
        """Every article an item (quote, event) comes from: "[1] HuffPost; [3] Politico"."""
        return "; ".join(self.cite(n) for n in [item.article, *getattr(item, "also_in", [])])

    def refs(self, numbers, limit: int | None = None) -> str:
        """Article numbers as references: "[1], [3]"; past ``limit`` of them, "30 of 40 articles"."""
        numbers = list(numbers)
        if limit is not None and len(numbers) > limit:
            return f"{len(numbers)} of {len(self.digest.articles)} articles"
        return ", ".join(f"[{n}]" for n in numbers)

    def find_actor(self, actor):
        actor_id = getattr(actor, "id", actor)
        if actor_id is None:
            return None
        found = self.digest.actor(actor_id)
        if found is None:
            raise TemplateError(f"there is no actor with id {actor_id!r} in this digest")
        return found

    def actor_name(self, actor) -> str:
        found = self.find_actor(actor)
        return found.name if found is not None else ""

    def quote_text(self, quote, tidy: bool = False) -> str:
        return quote.text(tidy=tidy)

    def quotes_by(self, actor):
        return self.digest.quotes_by(getattr(actor, "id", actor))

    def positions_of(self, actor):
        return self.digest.positions_of(getattr(actor, "id", actor))

    def held_with(self, position, actor) -> list[str]:
        """The names of those who hold ``position`` with ``actor`` (see the brief's ``held_with``)."""
        return _held_with(position, getattr(actor, "id", actor), self.actor_name)

    def article(self, number: int):
        return self.digest.article(number)

    def as_dict(self) -> dict[str, Callable]:
        names = ("cite", "cite_all", "refs", "find_actor", "actor_name", "quote_text", "quotes_by",
                 "positions_of", "held_with", "article")
        return {name: getattr(self, name) for name in names} | {"fmt_date": fmt_date}


def _digest_context(digest, template: str, settings: Mapping | None) -> dict[str, Any]:
    actors = digest.actors
    return {
        "digest": digest,
        "overview": digest.overview,
        "articles": digest.articles,
        "actors": actors,
        # Actors with something said, most covered first: the body of the digest.
        "speakers": [a for a in actors if a.quotes or a.positions],
        "quotes": digest.quotes,
        "unattributed_quotes": [q for q in digest.quotes if q.actor is None],
        "positions": digest.positions,
        "unattributed_positions": [p for p in digest.positions if p.actor is None],
        "timeline": digest.timeline,
        "settings": dict(DEFAULT_SETTINGS) | {"title": ""} | dict(settings or {}),
        "template": template,
        **_DigestHelpers(digest).as_dict(),
    }


def _missing_digest(name: str, places: Sequence[_Place]) -> TemplateError:
    searched = ", ".join(p.label for p in places)
    available = sorted({path.name[: -len(SUFFIX)] for p in places if p.folder.is_dir()
                        for path in p.folder.glob(f"*{SUFFIX}") if _is_digest_template(path)})
    return TemplateError(f"no digest template {name!r} ({name}{SUFFIX}); searched {searched}; "
                         f"available: {', '.join(available) or 'none'}")


def render_digest_markdown(digest, *, template: str = DEFAULT_DIGEST_TEMPLATE, extra_dirs: Sequence[Path] = (),
                           settings: Mapping | None = None) -> str:
    """A :class:`~briefing.digest.Digest` as Markdown with YAML front matter.

    The template is found on the audiences' search path, escaped and sandboxed the same
    way; ``settings`` adds ``title`` to the audience settings. Raises
    :class:`~briefing.errors.TemplateError` naming the template file and line.
    """
    places = _search_path(extra_dirs)
    env = _environment(places)
    if not AUDIENCE_NAME.fullmatch(template):
        raise TemplateError(f"{template!r} is not a template name: use letters, digits, '-' and '_' (e.g. 'digest')")
    try:
        loaded = env.get_template(template + SUFFIX)
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    except jinja2.TemplateNotFound as exc:
        raise _missing_digest(template, places) from exc
    if loaded.filename and not _is_digest_template(Path(loaded.filename)):
        raise TemplateError(f"{loaded.filename}: is an audience template, not a digest template "
                            "(a digest template's first line is {# digest: description #})")
    try:
        return loaded.render(_digest_context(digest, template, settings))
    except jinja2.TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"{_template_line(exc) or loaded.filename}: template {exc.name!r} not found") from exc
    except (jinja2.TemplateError, BriefingError) as exc:
        raise TemplateError(f"{_template_line(exc) or loaded.filename}: {exc}") from exc
    except Exception as exc:
        where = _template_line(exc)
        if where is None:
            raise
        raise TemplateError(f"{where}: {type(exc).__name__}: {exc}") from exc


# -- tools for template authors ------------------------------------------------------------


def copy_builtin(name: str, dest: Path, *, force: bool = False) -> Path:
    """Copy the built-in audience ``name`` to ``dest`` (a folder or a file) to edit it."""
    source = builtin_dir() / f"{name}{SUFFIX}"
    if not source.is_file():
        names = ", ".join(a.name for a in _audiences_in(_Place(BUILTIN_ORIGIN, builtin_dir())))
        raise TemplateError(f"no built-in audience {name!r}; the built-ins are: {names}")
    target = copy_target(dest, source.name, SUFFIX, force=force)
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def copy_target(dest: str | Path, name: str, suffix: str, *, force: bool = False) -> Path:
    """Where a copied file named ``name`` goes: into ``dest`` when it is a folder, else ``dest`` itself.

    A ``dest`` that does not end in ``suffix`` ("mytemplates/", "house") is a
    folder and is created: a template copied to a file without its suffix
    would not be found as an audience.
    """
    from .errors import OutputError

    dest = Path(dest)
    if dest.is_dir() or not dest.name.lower().endswith(suffix):
        if dest.exists() and not dest.is_dir():
            raise OutputError(f"{dest}: is a file; give a folder, or a file name ending in {suffix}")
        try:
            dest.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{dest}: cannot create the folder ({error.strerror or error})") from None
        dest = dest / name
    if not dest.parent.is_dir():
        raise OutputError(f"{dest}: the folder {dest.parent} does not exist; create it first")
    if dest.exists() and not force:
        raise OutputError(f"{dest}: already exists; pass --force to replace it")
    return dest


def check(targets: Sequence[str] = (), briefs: Sequence[Briefing] = (), *,
          extra_dirs: Sequence[Path] = ()) -> list[str]:
    """Render each audience (a name, or a template file's path) against ``briefs``.

    Returns one line per problem found ("file:line: what"), empty when all
    render. With no targets every audience on the search path is checked;
    with no briefs, :func:`probe_briefs` stand in for real articles.
    """
    extra = list(extra_dirs)
    names = []
    for target in targets or [a.name for a in find_audiences(extra)]:
        path = Path(target)
        if target.endswith(SUFFIX) or path.is_file():
            extra.insert(0, path.parent)
            names.append(path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem)
        else:
            names.append(target)
    problems: list[str] = []
    for name in names:
        for brief in briefs or probe_briefs():
            try:
                from .document import parse

                parse(render_markdown(brief, name, extra_dirs=extra,
                                      settings={"marking": "OFFICIAL", "organization": "Check"}))
            except TemplateError as error:
                if str(error) not in problems:
                    problems.append(str(error))
    return problems


def probe_briefs() -> list[Briefing]:
    """Two hand-made briefs, one with every field filled and one with nothing found,
    so a check reaches both sides of a template's ``if``s without a model."""
    from .model import Actor, KeyPoint, Source, Summary, TimelineEvent

    text = ('Talks end.\n\nForeign Minister Ana Ruiz said: "We will not sign," she added. '
            "Ruiz said that the deal was dead. On March 3, 2021, the talks ended.")
    q = text.index("We will")
    said = text.index("that the deal")
    ended = text.index("On March")
    source = Source(text=text, title="Talks end", publisher="Example Times", sha256="0" * 64,
                    path="probe.txt", debris=[])
    ruiz = Actor(id="ana-ruiz", name="Ana Ruiz", kind="person", aliases=["Ruiz"], role="Foreign Minister",
                 affiliation="Spain", mentions=[Span(start=text.index("Ana"), end=text.index("Ana") + 8)],
                 salience=1.0)
    full = Briefing(
        source=source,
        actors=[ruiz, Actor(id="spain", name="Spain", kind="country", salience=0.5)],
        quotes=[Quote(id="q1", text=text[q:q + 19], start=q, end=q + 19, spans=[(q, q + 19)], speaker="ana-ruiz",
                      speaker_mention=Span(start=text.index("Ana"), end=text.index("Ana") + 8),
                      cue=Span(start=text.index("said"), end=text.index("said") + 4)),
                Quote(id="q2", text=text[q:q + 7], start=q, end=q + 7, spans=[(q, q + 7)], partial=True)],
        positions=[Position(id="p1", actor="ana-ruiz", text=text[said:said + 26], start=said, end=said + 26),
                   Position(id="p2", text=text[said:said + 26], start=said, end=said + 26)],
        summary=Summary(bluf=text[ended:], bluf_sources=[Span(start=ended, end=len(text))],
                        key_points=[KeyPoint(text=text[ended:], start=ended, end=len(text))]),
        timeline=[TimelineEvent(date="2021-03-03", text=text[ended:], start=ended, end=len(text))],
    )
    empty = Briefing(source=Source(text="Nothing happened.", sha256="1" * 64))
    return [full, empty]
