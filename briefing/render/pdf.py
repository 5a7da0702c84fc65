"""PDF writer (reportlab platypus).

A4 pages with the handling marking as a banner at the top and bottom of every
page, the title in the running header, "Page X of Y" in the footer, outline
bookmarks for headings and document info from the front matter. Text is set
in the embedded DejaVu fonts (Latin, Greek, Cyrillic, ...); runs of Chinese,
Japanese and Korean characters switch to reportlab's standard CID fonts, which
PDF readers supply. Output is deterministic (reportlab's invariant mode).
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display  # python-bidi's Rust engine: bidi.algorithm fails on some marks
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageTemplate,
    Paragraph as RLParagraph,
    Spacer,
    Table as RLTable,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

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
    plain,
)
from briefing.render import body_blocks, masthead_lines, printable

FONT_DIR = Path(__file__).parent / "fonts"
# Registered name -> file in FONT_DIR.
FONT_FILES = {
    "Brief": "DejaVuSansCondensed.ttf",
    "Brief-Bold": "DejaVuSansCondensed-Bold.ttf",
    "Brief-Italic": "DejaVuSansCondensed-Oblique.ttf",
    "Brief-BoldItalic": "DejaVuSansCondensed-BoldOblique.ttf",
    "BriefMono": "DejaVuSansMono.ttf",
}
# reportlab's standard CID fonts: readers supply the glyphs, so nothing is embedded.
CJK_FONTS = {"zh": "STSong-Light", "ja": "HeiseiKakuGo-W5", "ko": "HYGothic-Medium"}
# Unicode bidi classes of right-to-left letters: Hebrew (R) and Arabic script (AL).
RTL_CLASSES = ("R", "AL")

PAGE_SIZE = A4
MARGIN = 2 * cm
HEADER_SPACE = 0.6 * cm  # extra room at top and bottom for the running header and footer

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f3a5f")
TINT = colors.HexColor("#f1f4f8")
RULE = colors.HexColor("#c8ccd2")
MARKING_COLOUR = colors.HexColor("#b00020")

# Heading font sizes by level; deeper levels reuse the last.
HEADING_SIZES = {1: 15, 2: 12.5, 3: 11, 4: 10.5, 5: 10.5, 6: 10.5}
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
HEADING_ROOM = 3.2 * cm  # space a heading needs below it, else it moves to the next page
LIST_INDENT = 16  # points per list level
BULLETS = ("•", "–", "◦")  # by depth; all in DejaVu
# Column widths: a cell longer than this (in characters) claims no more room.
MAX_TEXT_WEIGHT = 60


def write(document: Document, style=None) -> bytes:
    _register_fonts()
    import io

    buffer = io.BytesIO()
    template = _BriefTemplate(buffer, document)
    template.build(_flowables(document), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


# -- fonts and text -----------------------------------------------------------------------


@functools.cache
def _register_fonts() -> None:
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        "Brief", normal="Brief", bold="Brief-Bold", italic="Brief-Italic", boldItalic="Brief-BoldItalic"
    )
    pdfmetrics.registerFontFamily(
        "BriefMono", normal="BriefMono", bold="BriefMono", italic="BriefMono", boldItalic="BriefMono"
    )
    # CID fonts have no bold or italic faces: <b> and <i> inside CJK runs keep the face.
    for face in CJK_FONTS.values():
        pdfmetrics.registerFont(UnicodeCIDFont(face))
        pdfmetrics.registerFontFamily(face, normal=face, bold=face, italic=face, boldItalic=face)


@functools.cache
def _covered() -> frozenset:
    """Code points the body font has glyphs for."""
    return frozenset(pdfmetrics.getFont("Brief").face.charToGlyph)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1100 <= code <= 0x11FF  # Hangul Jamo
        or 0x2E80 <= code <= 0x9FFF  # CJK radicals, punctuation, kana, ideographs
        or 0xA960 <= code <= 0xA97F
        or 0xAC00 <= code <= 0xD7FF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


def _cjk_font(segment: str) -> str:
    """The CID font for a run of CJK characters: kana means Japanese, Hangul Korean.

    Han characters alone go to the Chinese font, whose GBK-based character set
    also holds traditional forms and most Japanese kanji.
    """
    if any(0xAC00 <= ord(ch) <= 0xD7AF or 0x1100 <= ord(ch) <= 0x11FF or 0xA960 <= ord(ch) <= 0xA97F
           for ch in segment):
        return CJK_FONTS["ko"]
    if any(0x3040 <= ord(ch) <= 0x30FF for ch in segment):
        return CJK_FONTS["ja"]
    return CJK_FONTS["zh"]


def _needs_cid(ch: str) -> bool:
    return _is_cjk(ch) and ord(ch) not in _covered()


def _visual(text: str) -> str:
    """``text`` in the order its letters are drawn, line by line.

    reportlab draws characters left to right in the order given, so Hebrew and
    Arabic runs are reordered by the Unicode bidi algorithm, and Arabic letters
    first take their joined (initial, medial, final) forms. The reordering comes
    before line wrapping: a right-to-left run long enough to wrap has its lines
    in the wrong order, though each line reads right.
    """
    if not any(unicodedata.bidirectional(c) in RTL_CLASSES for c in text):
        return text
    if any(unicodedata.bidirectional(c) == "AL" for c in text):
        text = arabic_reshaper.reshape(text)
    return "\n".join(get_display(line) for line in text.split("\n"))


def _text_markup(text: str) -> str:
    """reportlab paragraph markup for plain text: escaped, with CJK runs in CID fonts
    and right-to-left runs in visual order."""
    out = []
    for cjk, chars in itertools.groupby(_visual(printable(text).replace("\t", " ")), key=_needs_cid):
        chunk = "".join(chars)
        markup = escape(chunk).replace("\n", "<br/>")
        out.append(f'<font face="{_cjk_font(chunk)}">{markup}</font>' if cjk else markup)
    return "".join(out)


def _markup(runs: Inlines, links: bool = True) -> str:
    out = []
    for run in runs:
        text = _text_markup(run.text)
        if run.code:
            text = f'<font face="BriefMono">{text}</font>'
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        if links and run.link and run.link.lower().startswith(SAFE_LINK_SCHEMES):
            href = escape(printable(run.link), {'"': "&quot;"})
            text = f'<a href="{href}" color="#1f3a5f"><u>{text}</u></a>'
        out.append(text)
    return "".join(out)


def _has_cjk(runs: Inlines) -> bool:
    return any(_is_cjk(ch) for ch in plain(runs))


# -- styles ---------------------------------------------------------------------------------


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "Body", fontName="Brief", fontSize=10.5, leading=14.5, textColor=INK, spaceAfter=6,
        splitLongWords=1, bulletFontName="Brief",
    )
    styles = {
        "body": body,
        "title": ParagraphStyle("Title", parent=body, fontName="Brief-Bold", fontSize=21, leading=25,
                                textColor=ACCENT, spaceAfter=4),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontSize=12.5, leading=16, textColor=MUTED,
                                   spaceAfter=6),
        "meta": ParagraphStyle("Meta", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=1),
        "quote": ParagraphStyle("Quote", parent=body, textColor=colors.HexColor("#262626"), spaceAfter=3),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle("HeadCell", parent=body, fontName="Brief-Bold", fontSize=9, leading=11.5,
                               spaceAfter=0, textColor=colors.white),
        "running": ParagraphStyle("Running", parent=body, fontSize=8, leading=10, textColor=MUTED,
                                  spaceAfter=0),
        "marking": ParagraphStyle("Marking", parent=body, fontName="Brief-Bold", fontSize=9.5, leading=11,
                                  textColor=MARKING_COLOUR, alignment=TA_CENTER, spaceAfter=0),
    }
    for level, size in HEADING_SIZES.items():
        styles[f"h{level}"] = ParagraphStyle(
            f"Heading{level}", parent=body, fontName="Brief-Bold", fontSize=size, leading=size * 1.25,
            textColor=ACCENT, spaceBefore=14 if level == 1 else 10, spaceAfter=4,
        )
    return styles


def _para(runs: Inlines, style: ParagraphStyle) -> RLParagraph:
    if _has_cjk(runs):
        # CJK text has no spaces to break at: let lines break between any characters.
        style = ParagraphStyle(style.name + "CJK", parent=style, wordWrap="CJK")
    return RLParagraph(_markup(runs), style)


# -- blocks ---------------------------------------------------------------------------------


def _flowables(document: Document) -> list:
    styles = _styles()
    title = _para([Run(document.title)], styles["title"])
    title._outline = (0, plain([Run(document.title)]))
    story = [title]
    if document.text("subtitle"):
        story.append(_para([Run(document.text("subtitle"))], styles["subtitle"]))
    for line in masthead_lines(document):
        story.append(_para([Run(line)], styles["meta"]))
    story.append(Spacer(1, 4))
    story.append(HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=10))
    for block in body_blocks(document):
        story.extend(_block(block, styles["body"]))
    return story


def _block(block, style: ParagraphStyle, width: float | None = None) -> list:
    styles = _styles()
    if isinstance(block, Heading):
        paragraph = _para(block.content, styles[f"h{min(block.level, 6)}"])
        paragraph._outline = (block.level, plain(block.content))
        # A heading needs room for a few lines under it, or it starts the next page.
        return [CondPageBreak(HEADING_ROOM), paragraph]
    if isinstance(block, Paragraph):
        return [_para(block.content, style)]
    if isinstance(block, (BulletList, OrderedList)):
        return _list(block, style)
    if isinstance(block, BlockQuote):
        return [_quote(block)]
    if isinstance(block, Table):
        return [_table(block)]
    if isinstance(block, Rule):
        return [HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=6, spaceAfter=8)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _list(block, style: ParagraphStyle, depth: int = 0) -> list:
    """A list as indented paragraphs with bullets or numbers.

    Plain paragraphs (not reportlab's ListFlowable) so that page breaks can fall
    between items and a heading stays with the first item.
    """
    indent = style.leftIndent + LIST_INDENT
    item_style = ParagraphStyle(f"{style.name}Item{depth}", parent=style, leftIndent=indent,
                                bulletIndent=indent - LIST_INDENT + 2, spaceAfter=2.5)
    flowables = []
    for number, item in enumerate(block.items, start=getattr(block, "start", 1)):
        bullet = f"{number}." if isinstance(block, OrderedList) else BULLETS[depth % len(BULLETS)]
        first = True
        for inner in item:
            if isinstance(inner, (BulletList, OrderedList)):
                flowables.extend(_list(inner, item_style, depth + 1))
                continue
            for flowable in _block(inner, item_style):
                if first and isinstance(flowable, RLParagraph):
                    flowable.bulletText = bullet
                    flowable.style = ParagraphStyle(flowable.style.name + "B", parent=flowable.style)
                    first = False
                flowables.append(flowable)
    if flowables and depth == 0:
        flowables.append(Spacer(1, 4))
    return flowables


def _quote(block: BlockQuote) -> RLTable:
    """A block quote: indented, on a light tint, with a rule down its left side."""
    inner = [f for b in block.blocks for f in _block(b, _styles()["quote"])]
    box = RLTable([[inner or [Spacer(1, 0)]]], colWidths=["100%"], splitInRow=1, hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    box.spaceBefore, box.spaceAfter = 2, 8
    return box


def _table(table: Table) -> RLTable:
    styles = _styles()
    width = max([len(table.header)] + [len(row) for row in table.rows])
    if width == 0:
        return Spacer(1, 0)
    rows = [list(table.header) + [[]] * (width - len(table.header))]
    rows += [list(row) + [[]] * (width - len(row)) for row in table.rows]
    cells = [[_para(cell, styles["head"] if r == 0 else styles["cell"]) for cell in row] for r, row in enumerate(rows)]
    text_width = PAGE_SIZE[0] - 2 * MARGIN
    grid = RLTable(cells, colWidths=_column_widths(rows, width, text_width), repeatRows=1, splitInRow=1,
                   hAlign="LEFT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), TINT) for r in range(2, len(rows), 2)]
    grid.setStyle(TableStyle(commands))
    grid.spaceBefore, grid.spaceAfter = 4, 10
    return grid


def _column_widths(rows, width: int, text_width: float) -> list[float]:
    """Column widths: each at least its longest word (measured), the rest shared by text length.

    The minimum keeps words like "organization" whole; the cap on it lets a URL
    wrap instead of taking the page.
    """
    padding = 10
    minimums, shares = [], []
    for c in range(width):
        texts = [(plain(row[c]), r == 0) for r, row in enumerate(rows)]
        longest = max(
            (pdfmetrics.stringWidth(word, "Brief-Bold" if head else "Brief", 9)
             for text, head in texts for word in text.split()),
            default=0,
        )
        longest_word = max((len(word) for text, _ in texts for word in text.split()), default=0)
        longest_text = max((len(text) for text, _ in texts), default=0)
        minimums.append(min(longest, text_width * 0.3) + padding + 1)
        # Spare width goes to columns whose text is longer than one word.
        shares.append(max(0, min(longest_text, MAX_TEXT_WEIGHT) - longest_word) + 1)
    spare = text_width - sum(minimums)
    if spare <= 0:
        return [text_width * m / sum(minimums) for m in minimums]
    return [m + spare * s / sum(shares) for m, s in zip(minimums, shares)]


# -- pages ----------------------------------------------------------------------------------


class _BriefTemplate(BaseDocTemplate):
    """A4 pages with banners; records headings as PDF outline entries."""

    def __init__(self, buffer, document: Document):
        width, height = PAGE_SIZE
        super().__init__(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE,
            bottomMargin=MARGIN + HEADER_SPACE,
            title=printable(document.title),
            author=printable(document.text("author") or document.text("organization")),
            subject=printable(document.text("subtitle")),
            keywords=printable(document.text("keywords")),
            creator="briefing",
            invariant=1,
        )
        self.brief = document
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        self._outline_level = -1
        self._outline_count = 0

    def _decorate(self, canvas, doc) -> None:
        """Banner and running title at the top; the footer's page number is drawn at save time."""
        canvas.saveState()
        width, height = PAGE_SIZE
        styles = _styles()
        marking = self.brief.marking
        if marking:
            _draw(canvas, [Run(marking)], styles["marking"], MARGIN, height - MARGIN * 0.6, width - 2 * MARGIN)
            _draw(canvas, [Run(marking)], styles["marking"], MARGIN, MARGIN * 0.45, width - 2 * MARGIN)
        if doc.page > 1:
            running = styles["running"]
            _draw(canvas, [Run(self.brief.title)], running, MARGIN,
                  height - MARGIN - 0.3 * cm + running.leading + 1, width - 2 * MARGIN, max_lines=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - MARGIN - 0.25 * cm, width - MARGIN, height - MARGIN - 0.25 * cm)
        canvas.line(MARGIN, MARGIN + 0.25 * cm, width - MARGIN, MARGIN + 0.25 * cm)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline is None:
            return
        level, title = outline
        # The PDF outline cannot skip levels (a level 3 straight under level 1).
        level = max(0, min(level, self._outline_level + 1))
        self._outline_level = level
        self._outline_count += 1
        key = f"h{self._outline_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(" ".join(title.split()) or "-", key, level=level, closed=False)


def _draw(canvas, runs: Inlines, style: ParagraphStyle, x: float, top: float, width: float,
          max_lines: int | None = None) -> None:
    """Draw inline text as a paragraph whose top edge sits at ``top``."""
    paragraph = _para(runs, style)
    _, h = paragraph.wrap(width, 10 * cm)
    text = plain(runs)
    while max_lines is not None and text and h > style.leading * max_lines * 1.01:
        # Too long for the running header: shorten with an ellipsis.
        text = text[: int(len(text) * 0.9)].rstrip()
        paragraph = _para([Run(text + " …")], style)
        _, h = paragraph.wrap(width, 10 * cm)
    paragraph.drawOn(canvas, x, top - h)


class _NumberedCanvas(Canvas):
    """A canvas that knows the page count when it saves, for "Page X of Y"."""

    def __init__(self, *args, **kwargs):
        # Start pages in the embedded font, not reportlab's default Helvetica.
        kwargs.setdefault("initialFontName", "Brief")
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._page_number(total)
            super().showPage()
        super().save()

    def _page_number(self, total: int) -> None:
        width, _ = PAGE_SIZE
        self.saveState()
        self.setFont("Brief", 8)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGIN, MARGIN - 0.05 * cm, f"Page {self._pageNumber} of {total}")
        self.restoreState()
