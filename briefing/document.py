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
        """The front matter title, else a level-1 heading the body opens with, else "Brief"."""
        if self.text("title"):
            return self.text("title")
        first = self.blocks[0] if self.blocks else None
        if isinstance(first, Heading) and first.level == 1 and plain(first.content).strip():
            return " ".join(plain(first.content).split())
        return "Brief"

    @property
    def marking(self) -> str:
        """The handling marking for banners; empty means no banner."""
        return self.text("marking").strip()

    def text(self, key: str) -> str:
        """A front matter value as one line of text for writers ("" when absent).

        YAML gives dates as dates and keywords as lists; writers want strings.
        """
        return meta_text(self.meta.get(key))


def meta_text(value) -> str:
    """One front matter value as display text: dates as "17 March 2021", lists joined."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, (list, tuple)):
        return ", ".join(meta_text(v) for v in value if v is not None)
    if isinstance(value, dict):
        return ", ".join(meta_text(v) for v in value.values() if v is not None)
    return " ".join(str(value).split())


def plain(content: Inlines) -> str:
    """The text of inline content without formatting."""
    return "".join(r.text for r in content)


# -- parsing -----------------------------------------------------------------------------

# Inline markup is read with markdown-it's CommonMark preset plus tables. Raw HTML
# is switched off so "<b>" in article text stays text in every format.
_MARKDOWN_OPTIONS = {"html": False}


def _markdown():
    # Imported here: parsing is only needed when a brief is rendered.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", _MARKDOWN_OPTIONS).enable("table").use(front_matter_plugin)


def parse(text: str) -> Document:
    """Read Markdown with optional YAML front matter into a :class:`Document`.

    Backslash escapes give ASCII punctuation back literally, so article text the
    template escaped cannot turn into markup. Raises
    :class:`~briefing.errors.TemplateError` when the front matter is not a YAML
    mapping.
    """
    from markdown_it.tree import SyntaxTreeNode

    root = SyntaxTreeNode(_markdown().parse(text))
    meta: dict = {}
    blocks: list[Block] = []
    for node in root.children:
        if node.type == "front_matter":
            meta = _front_matter(node.content)
        else:
            blocks.extend(_blocks(node))
    return Document(meta=meta, blocks=blocks)


def _front_matter(yaml_text: str) -> dict:
    import yaml

    from briefing.errors import TemplateError

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise TemplateError(
            f"the template's front matter is not valid YAML{line}: {getattr(error, 'problem', error)}; "
            "quote values that contain ':' or '#'"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TemplateError(
            "the template's front matter must be a YAML mapping of keys to values (title: ...), "
            f"not a {type(data).__name__}"
        )
    return {str(key): value for key, value in data.items()}


def _blocks(node) -> list[Block]:
    """The blocks one markdown-it syntax-tree node stands for."""
    kind = node.type
    if kind == "heading":
        return [Heading(level=int(node.tag[1]), content=_inlines(node.children[0]))]
    if kind == "paragraph":
        content = _inlines(node.children[0])
        return [Paragraph(content)] if content else []
    if kind in ("code_block", "fence"):
        # Briefs have no code listings; keep the text, lines and all.
        return [Paragraph([Run(node.content.rstrip("\n"), code=True)])]
    if kind == "bullet_list":
        return [BulletList(items=[_children(item) for item in node.children])]
    if kind == "ordered_list":
        start = int(node.attrs.get("start", 1))
        return [OrderedList(items=[_children(item) for item in node.children], start=start)]
    if kind == "blockquote":
        return [BlockQuote(blocks=_children(node))]
    if kind == "table":
        return [_table(node)]
    if kind == "hr":
        return [Rule()]
    return []  # html_block cannot occur with html off; anything else is not content


def _children(node) -> list[Block]:
    return [block for child in node.children for block in _blocks(child)]


def _table(node) -> Table:
    header: list[Inlines] = []
    rows: list[list[Inlines]] = []
    for section in node.children:
        for tr in section.children:
            cells = [_inlines(cell.children[0]) if cell.children else [] for cell in tr.children]
            if section.type == "thead":
                header = cells
            else:
                rows.append(cells)
    return Table(header=header, rows=rows)


def _inlines(inline) -> Inlines:
    """Flatten markdown-it inline nodes into runs, merging neighbours formatted alike."""
    runs: list[Run] = []

    def walk(node, bold: bool, italic: bool, link: str | None) -> None:
        for child in node.children:
            kind = child.type
            if kind == "text":
                runs.append(Run(child.content, bold, italic, False, link))
            elif kind == "softbreak":
                runs.append(Run(" ", bold, italic, False, link))
            elif kind == "hardbreak":
                runs.append(Run("\n", bold, italic, False, link))
            elif kind == "code_inline":
                runs.append(Run(child.content, bold, italic, True, link))
            elif kind == "strong":
                walk(child, True, italic, link)
            elif kind == "em":
                walk(child, bold, True, link)
            elif kind == "link":
                walk(child, bold, italic, str(child.attrs.get("href", "")))
            elif kind == "image":
                walk(child, bold, italic, link)  # an image in a brief is its alt text
            else:
                walk(child, bold, italic, link)

    walk(inline, False, False, None)
    return _merge(runs)


def _merge(runs: list[Run]) -> Inlines:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and (last.bold, last.italic, last.code, last.link) == (
            run.bold, run.italic, run.code, run.link
        ):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.code, run.link)
        else:
            merged.append(run)
    return merged
