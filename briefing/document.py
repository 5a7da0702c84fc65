"""One document model, many writers.

An audience template renders the briefing into Markdown with YAML front
matter. :func:`parse` reads that once into a :class:`Document` of blocks, and
every writer (Word, PDF, HTML, Markdown) walks the same blocks, so a feature
added here appears in every format.

Inline content is a list of :class:`Run` (text with emphasis flags). Block
types: :class:`Heading`, :class:`Paragraph`, :class:`BulletList`,
:class:`OrderedList`, :class:`BlockQuote`, :class:`Table`, :class:`Rule`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


Inlines = list[Run]


@dataclass(frozen=True)
class Heading:
    level: int  # 1..6
    content: Inlines


@dataclass(frozen=True)
class Paragraph:
    content: Inlines


@dataclass(frozen=True)
class BulletList:
    items: list[list["Block"]]


@dataclass(frozen=True)
class OrderedList:
    items: list[list["Block"]]
    start: int = 1


@dataclass(frozen=True)
class BlockQuote:
    """A quotation; writers give it their quote style."""

    blocks: list["Block"]


@dataclass(frozen=True)
class Table:
    header: list[Inlines]
    rows: list[list[Inlines]]


@dataclass(frozen=True)
class Rule:
    """A thematic break."""


Block = Union[Heading, Paragraph, BulletList, OrderedList, BlockQuote, Table, Rule]


@dataclass(frozen=True)
class Document:
    """What every writer consumes.

    ``meta`` is the template's front matter: ``title``, ``subtitle``,
    ``marking`` (handling marking for header and footer banners, or absent),
    ``audience``, ``date``, ``author``, ``publisher``, ``source`` and anything
    else a template chooses to set.
    """

    meta: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "Brief")


def plain(content: Inlines) -> str:
    """The text of inline content without formatting."""
    return "".join(r.text for r in content)
