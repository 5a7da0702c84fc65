"""Writers: one :class:`~briefing.document.Document`, four output formats.

Each writer module has ``write(document) -> bytes``; the PDF, Word and HTML
writers also take a :class:`~briefing.style.HouseStyle` (Markdown has no look
to set). They are imported only when asked for, because reportlab and
python-docx take a while to load.
"""

from __future__ import annotations

import importlib
import os
import re
import tempfile
from pathlib import Path

from briefing.document import BlockQuote, BulletList, Document, Heading, OrderedList, plain
from briefing.errors import OutputError, UsageError

# Format name -> file extension. The writer for "x" is briefing.render.<_MODULES[x]>.
FORMATS = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "md": ".md"}
_MODULES = {"pdf": "pdf", "docx": "docx", "html": "html", "md": "markdown"}
STYLED_FORMATS = ("pdf", "docx", "html")

# Characters XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates,
# U+FFFE/U+FFFF): Word refuses them and they are noise in a brief, so writers drop them.
# Bidi embeddings, overrides and isolates are dropped as well: kept, they would make a
# viewer show a verbatim quote's letters in an order that says something else.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def render(document: Document, fmt: str, style=None) -> bytes:
    """The document written in format ``fmt`` (a key of :data:`FORMATS`), in the house ``style``
    (a :class:`~briefing.style.HouseStyle`; None is briefing's own look)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    writer = importlib.import_module(f"briefing.render.{_MODULES[fmt]}")
    if fmt in STYLED_FORMATS:
        return writer.write(document, style=style)
    return writer.write(document)


def printable(text: str) -> str:
    """``text`` without the characters XML cannot hold or bidi controls; carriage returns become newlines."""
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def masthead_lines(document: Document) -> list[str]:
    """The lines under the title every writer prints: who it is for, which copy, when, by whom; the source."""
    first = " · ".join(
        value
        for value in (
            document.text("prepared_for") and f"Prepared for {document.text('prepared_for')}",
            document.text("copy"),
            document.text("dtg"),
            document.text("date"),
            document.text("author"),
            document.text("organization"),
        )
        if value
    )
    lines = [first] if first else []
    if document.text("source"):
        lines.append(f"Source: {document.text('source')}")
    return lines


def copy_label(document: Document) -> str:
    """"Copy 2 of 5 · Prepared for X": the per-copy marks that page headers or footers repeat."""
    prepared = document.text("prepared_for")
    return " · ".join(v for v in (document.text("copy"), prepared and f"Prepared for {prepared}") if v)


def body_blocks(document: Document) -> list:
    """The blocks printed under the masthead, top heading level made 1.

    Writers print the title in the masthead, so a level-1 heading that opens
    the body and repeats the title is dropped. Headings are shifted so the
    shallowest becomes level 1 (templates start their sections at "##").
    """
    blocks = list(document.blocks)
    if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        if " ".join(plain(blocks[0].content).split()) == " ".join(document.title.split()):
            blocks = blocks[1:]
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    shift = min(levels) - 1 if levels else 0
    return [_shift_headings(b, shift) for b in blocks] if shift else blocks


def _shift_headings(block, shift: int):
    if isinstance(block, Heading):
        return Heading(max(1, block.level - shift), block.content)
    if isinstance(block, BlockQuote):
        return BlockQuote([_shift_headings(b, shift) for b in block.blocks])
    if isinstance(block, (BulletList, OrderedList)):
        items = [[_shift_headings(b, shift) for b in item] for item in block.items]
        return BulletList(items) if isinstance(block, BulletList) else OrderedList(items, block.start)
    return block


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    The bytes go to a temporary file in the same folder, which then replaces
    ``path``; on any failure the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}; check the folder exists and is writable") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
