"""Markdown writer: clean Markdown regenerated from the blocks.

Text is escaped just enough that the output parses back to the same blocks:
characters that are markup anywhere are always escaped, and characters that
are markup only at the start of a line are escaped there.
"""

from __future__ import annotations

import re

import yaml

from briefing.render import printable
from briefing.document import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inlines,
    OrderedList,
    Paragraph,
    Rule,
    Run,
    Table,
)

# Markup anywhere in a line: emphasis, code, links, entities, autolinks, table cells,
# and '#' (a closing sequence at the end of a heading).
ALWAYS_ESCAPED = set("\\`*_[]<>&|#")
# At the start of a line these begin a list, quote, heading, rule or fence.
LINE_START_ESCAPED = set("-+=~>#")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")

# Front matter keys written first, in this order; others follow.
META_ORDER = ("title", "subtitle", "marking", "audience", "date", "author", "organization", "source", "keywords")


def write(document: Document) -> bytes:
    parts = []
    if document.meta:
        parts.append(_front_matter(document.meta))
    body = "\n\n".join(_block(block) for block in document.blocks)
    parts.append(body)
    return printable("\n".join(parts).rstrip("\n") + "\n").encode("utf-8")


def _front_matter(meta: dict) -> str:
    ordered = {k: meta[k] for k in META_ORDER if k in meta}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    text = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{text}---\n"


def _block(block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + _inline(block.content, single_line=True)
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, BulletList):
        return "\n".join(_item("- ", item, tight=_is_tight(block.items)) for item in block.items)
    if isinstance(block, OrderedList):
        tight = _is_tight(block.items)
        return "\n".join(
            _item(f"{block.start + i}. ", item, tight) for i, item in enumerate(block.items)
        )
    if isinstance(block, BlockQuote):
        inner = "\n\n".join(_block(b) for b in block.blocks)
        return "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Rule):
        return "---"
    raise TypeError(f"unknown block {type(block).__name__}")


def _paragraph(block: Paragraph) -> str:
    runs = block.content
    if len(runs) == 1 and runs[0].code and "\n" in runs[0].text:
        # A code block read from the template: give it back as a fence.
        fence = "`" * max(3, _longest_backticks(runs[0].text) + 1)
        return f"{fence}\n{runs[0].text}\n{fence}"
    return _inline(runs)


def _is_tight(items) -> bool:
    # A list whose items are each one paragraph reads best without blank lines.
    return all(len(item) <= 1 for item in items)


def _item(marker: str, blocks, tight: bool) -> str:
    indent = " " * len(marker)
    inner = ("\n" if tight else "\n\n").join(_block(b) for b in blocks) or ""
    lines = inner.split("\n")
    out = [marker + lines[0]] + [(indent + line) if line else "" for line in lines[1:]]
    text = "\n".join(out).rstrip()
    return text if tight else text + "\n"


def _table(table: Table) -> str:
    width = max([len(table.header)] + [len(r) for r in table.rows])
    header = list(table.header) + [[]] * (width - len(table.header))

    def row(cells) -> str:
        cells = list(cells) + [[]] * (width - len(cells))
        return "| " + " | ".join(_inline(c, single_line=True) for c in cells) + " |"

    lines = [row(header), "|" + "|".join(["---"] * width) + "|"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)


# -- inline ------------------------------------------------------------------------------


def _inline(runs: Inlines, single_line: bool = False) -> str:
    text = _links(runs)
    if single_line:
        text = text.replace("\\\n", " ")
    return text


def _group(runs, key):
    """Split runs into maximal stretches with the same ``key(run)``."""
    groups: list[tuple[object, list[Run]]] = []
    for run in runs:
        if groups and groups[-1][0] == key(run):
            groups[-1][1].append(run)
        else:
            groups.append((key(run), [run]))
    return groups


def _links(runs) -> str:
    out = []
    for link, group in _group(runs, lambda r: r.link):
        inner = _emphasis(group, "bold")
        if link is None:
            out.append(inner)
        else:
            destination = re.sub(r"([\\<>])", r"\\\1", link)
            out.append(f"[{inner}](<{destination}>)")
    return _escape_line_starts("".join(out))


def _emphasis(runs, flag: str) -> str:
    out = []
    for on, group in _group(runs, lambda r: getattr(r, flag)):
        inner = _emphasis(group, "italic") if flag == "bold" else "".join(_run(r) for r in group)
        if on:
            # Delimiters must touch the words: keep edge spaces outside them.
            marker = "**" if flag == "bold" else "*"
            core = inner.strip(" ")
            lead = inner[: len(inner) - len(inner.lstrip(" "))]
            trail = inner[len(inner.rstrip(" ")):]
            out.append(f"{lead}{marker}{core}{marker}{trail}" if core else inner)
        else:
            out.append(inner)
    return "".join(out)


def _run(run: Run) -> str:
    if run.code:
        text = run.text.replace("\n", " ")
        fence = "`" * (_longest_backticks(text) + 1)
        pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ") and text.strip()) else ""
        return f"{fence}{pad}{text}{pad}{fence}"
    return "\\\n".join(_escape(line) for line in run.text.split("\n"))


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in ALWAYS_ESCAPED else ch for ch in text)


def _escape_line_starts(text: str) -> str:
    """Escape what would start a block at the beginning of each line."""
    lines = text.split("\n")
    return "\n".join(_escape_line_start(line) for line in lines)


def _escape_line_start(line: str) -> str:
    stripped = line.lstrip(" ")
    if not stripped:
        return line
    if stripped[0] in LINE_START_ESCAPED:
        stripped = "\\" + stripped
    else:
        marker = _ORDERED_MARKER.match(stripped)
        if marker:
            stripped = marker.group(1) + "\\" + stripped[len(marker.group(1)):]
    # Leading spaces would be dropped or make an indented code block.
    return stripped


def _longest_backticks(text: str) -> int:
    return max((len(m) for m in re.findall(r"`+", text)), default=0)
