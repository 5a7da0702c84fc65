"""Distribution lists and the copies made from them: one marked copy per recipient.

A list is a CSV file with a header row, or a TOML file of ``[[recipient]]`` tables,
with the columns (keys) ``name``, ``email``, ``audience`` and optionally ``role`` and
``formats`` (``"pdf docx"``; default PDF and Word)::

    name,email,audience,role,formats
    Jane Doe,jane.doe@example.org,executive,Deputy Director,pdf
    Sam Lee,sam.lee@example.org,analyst,,pdf docx

    [[recipient]]
    name = "Jane Doe"
    email = "jane.doe@example.org"
    audience = "executive"
    role = "Deputy Director"
    formats = ["pdf"]

Every copy is rendered for its recipient's audience and marked in the document's
front matter (``Document.meta``): ``prepared_for`` ("Jane Doe, Deputy Director"),
``copy`` ("Copy 2 of 5"), ``dtg`` (a date-time group in UTC, "291430Z NOV 26") and
``watermark``, which the writers print in the masthead and across PDF pages.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from .errors import UsageError

LIST_COLUMNS = ("name", "email", "audience", "role", "formats")
REQUIRED_COLUMNS = ("name", "email", "audience")
# Formats a copy can be sent in: JSON is the unmarked model, so it is never distributed.
COPY_FORMATS = ("pdf", "docx", "md", "html")
DEFAULT_COPY_FORMATS = ("pdf", "docx")
TOML_TABLE = "recipient"
# Deliberately simple: one "@", no spaces, a dot in the domain. The server has the last word.
EMAIL_PATTERN = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+")
DTG_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MARK_SEPARATOR = " · "


@dataclass(frozen=True)
class Recipient:
    """One line of a distribution list."""

    name: str
    email: str
    audience: str
    role: str = ""
    formats: tuple[str, ...] = DEFAULT_COPY_FORMATS
    line: int = 0  # where it is in the list file, for messages

    @property
    def prepared_for(self) -> str:
        """"Jane Doe, Deputy Director", or just the name."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class Copy:
    """One recipient's copy: who, which of how many, and when it was prepared."""

    recipient: Recipient
    number: int
    total: int
    dtg: str
    slug: str  # the recipient's folder name, unique within the list

    @property
    def label(self) -> str:
        return f"Copy {self.number} of {self.total}"

    @property
    def watermark(self) -> str:
        return f"Prepared for {self.recipient.name}{MARK_SEPARATOR}{self.label}"

    @property
    def marks(self) -> dict[str, str]:
        """What goes into the copy's ``Document.meta``."""
        return {"prepared_for": self.recipient.prepared_for, "copy": self.label, "dtg": self.dtg,
                "watermark": self.watermark}


# -- reading the list --------------------------------------------------------------------


def read_list(path: str | Path, *, audiences: Sequence[str] | None = None) -> list[Recipient]:
    """The recipients in a CSV or TOML list, checked.

    ``audiences`` are the audience names that exist (see
    :func:`briefing.templates.find_audiences`); ``None`` skips that check. Raises
    :class:`~briefing.errors.UsageError` naming the file and line for an unreadable or
    empty list, a missing column, a bad email, an unknown audience or format, or a
    recipient listed twice.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{path}: distribution list not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the distribution list ({getattr(exc, 'strerror', None) or exc})") from None
    rows = _toml_rows(path, text) if path.suffix.lower() == ".toml" else _csv_rows(path, text)
    recipients = [_recipient(path, line, row, audiences) for line, row in rows]
    if not recipients:
        raise UsageError(f"{path}: the distribution list has no recipients; add one per line "
                         f"({', '.join(REQUIRED_COLUMNS)})")
    _refuse_duplicates(path, recipients)
    return recipients


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines(), skipinitialspace=True)
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if not header:
        raise UsageError(f"{path}: the distribution list is empty; its first line must be the header "
                         f"{','.join(REQUIRED_COLUMNS)}[,role][,formats]")
    _check_columns(path, 1, header, is_header=True)
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise UsageError(f"{path}:{reader.line_num}: more values than columns; quote a value that has a comma")
        if not any((v or "").strip() for v in row.values()):
            continue  # a blank line
        rows.append((reader.line_num, row))
    return rows


def _toml_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
    tables = data.get(TOML_TABLE, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise UsageError(f"{path}: recipients must be [[{TOML_TABLE}]] tables")
    # TOML tables have no line numbers once parsed; find each [[recipient]] header instead.
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f"[[{TOML_TABLE}]]")]
    rows = []
    for index, table in enumerate(tables):
        line = lines[index] if index < len(lines) else 0
        _check_columns(path, line, list(table))
        rows.append((line, table))
    return rows


def _check_columns(path: Path, line: int, columns: Sequence[str], *, is_header: bool = False) -> None:
    unknown = [c for c in columns if c not in LIST_COLUMNS]
    if unknown:
        raise UsageError(f"{path}:{line}: unknown column(s) {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(LIST_COLUMNS)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing and is_header:
        raise UsageError(f"{path}:1: the header lacks {', '.join(missing)}; it needs "
                         f"{','.join(REQUIRED_COLUMNS)}[,role][,formats]")


def _recipient(path: Path, line: int, row: Mapping, audiences: Sequence[str] | None) -> Recipient:
    where = f"{path}:{line}"
    values = {key: _text(row.get(key)) for key in REQUIRED_COLUMNS + ("role",)}
    for key in REQUIRED_COLUMNS:
        if not values[key]:
            raise UsageError(f"{where}: the recipient has no {key}")
    if not EMAIL_PATTERN.fullmatch(values["email"]):
        raise UsageError(f"{where}: {values['email']!r} is not an email address (name@example.org)")
    if audiences is not None and values["audience"] not in audiences:
        raise UsageError(f"{where}: unknown audience {values['audience']!r}; available: {', '.join(audiences)}")
    return Recipient(name=values["name"], email=values["email"], audience=values["audience"],
                     role=values["role"], formats=_formats(where, row.get("formats")), line=line)


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _formats(where: str, value) -> tuple[str, ...]:
    if value is None or value == "" or value == []:
        return DEFAULT_COPY_FORMATS
    names = value if isinstance(value, list) else re.split(r"[\s,;+]+", str(value))
    formats = tuple(dict.fromkeys(str(n).strip().lower().lstrip(".") for n in names if str(n).strip()))
    unknown = [f for f in formats if f not in COPY_FORMATS]
    if unknown or not formats:
        raise UsageError(f"{where}: unknown format(s) {', '.join(map(repr, unknown))}; "
                         f"choose from {', '.join(COPY_FORMATS)}")
    return formats


def _refuse_duplicates(path: Path, recipients: Sequence[Recipient]) -> None:
    seen: dict[str, Recipient] = {}
    for r in recipients:
        key = r.email.lower()
        if key in seen:
            raise UsageError(f"{path}:{r.line}: {r.email} is already listed on line {seen[key].line}; "
                             "each recipient gets one copy")
        seen[key] = r


# -- planning the copies -----------------------------------------------------------------


def date_time_group(when: dt.datetime) -> str:
    """A military date-time group in UTC: day, hours, minutes, "Z", month, two-digit year."""
    if when.tzinfo is None:
        raise ValueError("date_time_group needs an aware datetime")
    utc = when.astimezone(dt.timezone.utc)
    return f"{utc:%d%H%M}Z {DTG_MONTHS[utc.month - 1]} {utc:%y}"


def slugify(text: str) -> str:
    """A file-name-safe ASCII form of a name: "Zoë O'Brien" -> "zoe-obrien"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")
    return slug or "recipient"


def plan_copies(recipients: Sequence[Recipient], *, when: dt.datetime | None = None) -> list[Copy]:
    """One copy per recipient, numbered in list order, all with the same date-time group."""
    stamp = date_time_group(when or dt.datetime.now(dt.timezone.utc))
    used: set[str] = set()
    copies = []
    for number, recipient in enumerate(recipients, 1):
        slug = base = slugify(recipient.name)
        suffix = 2
        while slug in used:  # two people with one name: keep their folders apart
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used.add(slug)
        copies.append(Copy(recipient, number, len(recipients), stamp, slug))
    return copies


# -- rendering a copy ----------------------------------------------------------------------


def mark_document(document, copy: Copy):
    """The document with the copy's marks in its front matter."""
    return dataclasses.replace(document, meta={**document.meta, **copy.marks})


def copy_document(brief, copy: Copy, *, templates: Sequence[Path] = (), settings: Mapping | None = None):
    """The copy's :class:`~briefing.document.Document`: the recipient's audience, marked for them."""
    from .make import document_for

    settings = {**(settings or {}), "prepared_for": copy.recipient.prepared_for}
    document = document_for(brief, audience=copy.recipient.audience, templates=templates, settings=settings)
    return mark_document(document, copy)


def render_copy(brief, copy: Copy, *, templates: Sequence[Path] = (), settings: Mapping | None = None,
                style=None) -> tuple[object, dict[str, bytes]]:
    """The copy's document and its bytes in each of the recipient's formats."""
    from .make import render_document

    document = copy_document(brief, copy, templates=templates, settings=settings)
    # House style is passed only when there is one, so this works with writers that predate it.
    extra = {"style": style} if style is not None else {}
    return document, {fmt: render_document(document, fmt, **extra) for fmt in copy.recipient.formats}


# -- what goes to each recipient ---------------------------------------------------------

FILE_EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "html": ".html"}


@dataclass(frozen=True)
class PreparedCopy:
    """A copy ready for the outbox: its files, and the subject and text of its email."""

    copy: Copy
    subject: str
    body: str
    files: dict[str, bytes]  # file name -> content


def file_names(stem: str, copy: Copy) -> dict[str, str]:
    """Each format's attachment name: ``STEM-brief-copy2of5.pdf``."""
    return {fmt: f"{stem}-brief-copy{copy.number}of{copy.total}{FILE_EXTENSIONS[fmt]}"
            for fmt in copy.recipient.formats}


LABELLED_TITLE = re.compile(r"[^:]{1,30}: \S")


def subject_line(title: str, marking: str, copy: Copy) -> str:
    """"[OFFICIAL] Brief: TITLE (Copy 2 of 5)"; no brackets when the audience carries no marking."""
    prefix = f"[{marking}] " if marking else ""
    title = " ".join(title.split())
    # Built-in templates label their titles ("Analyst brief: ...", "Press lines: ..."); a bare
    # headline from a user's template is labelled here, so the inbox shows what it is.
    if "brief" not in title.lower() and not LABELLED_TITLE.match(title):
        title = f"Brief: {title}"
    return f"{prefix}{title} ({copy.label})"


def body_text(title: str, marking: str, copy: Copy, names: Sequence[str]) -> str:
    """The short plain text of the email that carries a copy."""
    lines = [
        f"{copy.recipient.name},",
        "",
        f"Attached is your copy of the brief \"{' '.join(title.split())}\" "
        f"({copy.recipient.audience} audience), prepared for you.",
        f"{copy.label}, date-time group {copy.dtg}.",
    ]
    if marking:
        lines.append(f"Handling marking: {marking}. Do not forward: this copy is marked for you.")
    lines += ["", "Attached:", *(f"  {name}" for name in names), ""]
    return "\n".join(lines)


def prepare_copies(brief, copies: Sequence[Copy], stem: str, *, templates: Sequence[Path] = (),
                   settings: Mapping | None = None, style=None) -> list[PreparedCopy]:
    """Render every copy, all of them before anything is written (a template error stops it cleanly)."""
    prepared = []
    for copy in copies:
        document, data = render_copy(brief, copy, templates=templates, settings=settings, style=style)
        names = file_names(stem, copy)
        title, marking = document.title, document.marking
        prepared.append(PreparedCopy(
            copy=copy,
            subject=subject_line(title, marking, copy),
            body=body_text(title, marking, copy, list(names.values())),
            files={names[fmt]: data[fmt] for fmt in copy.recipient.formats},
        ))
    return prepared
