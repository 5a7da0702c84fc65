"""PDF writer (reportlab platypus).

A4 pages (or the house style's size) with the handling marking as a banner at
the top and bottom of every page, the title in the running header, "Page X of
Y" in the footer with the copy number and recipient, a light diagonal
watermark when the document asks for one, outline bookmarks for headings and
document info from the front matter. Text is set in the embedded DejaVu fonts
(Latin, Greek, Cyrillic, ...) or the house style's TrueType fonts, which fall
back to DejaVu for characters they lack; runs of Chinese, Japanese and Korean
characters switch to reportlab's standard CID fonts, which PDF readers supply.
Hebrew and Arabic are wrapped in logical order and each line drawn in visual
order (python-bidi's levels; Arabic letters joined by arabic-reshaper first);
a right-to-left paragraph is right-aligned.
The house style's logo opens the first page and its colours mark headings,
rules, quote bars, table headers and the banner. Output is deterministic
(reportlab's invariant mode).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_base_level, get_display  # python-bidi's Rust engine: bidi.algorithm fails on some marks
from bidi.mirror import MIRRORED
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
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
from briefing.render import body_blocks, copy_label, masthead_lines, printable
from briefing.style import BUILTIN_PDF_FONTS, HouseStyle

FONT_DIR = Path(__file__).parent / "fonts"
# Registered name -> file in FONT_DIR.
FONT_FILES = {
    "Brief": "DejaVuSansCondensed.ttf",
    "Brief-Bold": "DejaVuSansCondensed-Bold.ttf",
    "Brief-Italic": "DejaVuSansCondensed-Oblique.ttf",
    "Brief-BoldItalic": "DejaVuSansCondensed-BoldOblique.ttf",
    "BriefMono": "DejaVuSansMono.ttf",
    # DejaVu's slanted faces lack Arabic (and other scripts): such letters in italics stay upright.
    "BriefUpright": "DejaVuSansCondensed.ttf",
    "BriefUpright-Bold": "DejaVuSansCondensed-Bold.ttf",
}
# reportlab's standard CID fonts: readers supply the glyphs, so nothing is embedded.
CJK_FONTS = {"zh": "STSong-Light", "ja": "HeiseiKakuGo-W5", "ko": "HYGothic-Medium"}
# Unicode bidi classes of right-to-left letters: Hebrew (R) and Arabic script (AL).
RTL_CLASSES = ("R", "AL")
# One resolved level in python-bidi's debug output ("Level(\n 1,\n)").
LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")

PAGE_SIZE = A4  # when no house style sets one
MARGIN = 2 * cm
HEADER_SPACE = 0.6 * cm  # extra room at top and bottom for the running header and footer

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f3a5f")
TINT = colors.HexColor("#f1f4f8")
RULE = colors.HexColor("#c8ccd2")
MARKING_COLOUR = colors.HexColor("#b00020")
WATERMARK_COLOUR = colors.HexColor("#e3e3e3")  # about 11 % grey: visible, never hiding the text
WATERMARK_MAX_SIZE = 96  # points; shorter texts stop growing here

# The logo is scaled to fit this box, keeping its shape.
LOGO_BOX = (5.5 * cm, 2.2 * cm)

# Heading font sizes by level; deeper levels reuse the last.
HEADING_SIZES = {1: 15, 2: 12.5, 3: 11, 4: 10.5, 5: 10.5, 6: 10.5}
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
HEADING_ROOM = 3.2 * cm  # space a heading needs below it, else it moves to the next page
LIST_INDENT = 16  # points per list level
BULLETS = ("•", "–", "◦")  # by depth; all in DejaVu
# Column widths: a cell longer than this (in characters) claims no more room.
MAX_TEXT_WEIGHT = 60


def write(document: Document, style: HouseStyle | None = None) -> bytes:
    """The brief as PDF, in the house ``style`` (None: briefing's own look)."""
    _register_fonts()
    import io

    look = _look(style or HouseStyle())
    buffer = io.BytesIO()
    template = _BriefTemplate(buffer, document, look)
    template.build(_flowables(document, look), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Look:
    """The house style turned into what reportlab draws with."""

    page: tuple[float, float]
    heading: colors.Color
    accent: colors.Color
    banner: colors.Color
    styles: dict
    logo: Path | None

    @property
    def text_width(self) -> float:
        return self.page[0] - 2 * MARGIN


@functools.cache
def _look(style: HouseStyle) -> _Look:
    heading = _colour(style.colors.heading, ACCENT)
    accent = _colour(style.colors.accent, ACCENT)
    banner = _colour(style.colors.banner, MARKING_COLOUR)
    body, bold, heading_font = _house_fonts(style)
    page = style.page_points if style.page_size else PAGE_SIZE
    return _Look(page=page, heading=heading, accent=accent, banner=banner,
                 styles=_styles(body, bold, heading_font, heading, banner, accent), logo=style.logo)


def _colour(value: str | None, default: colors.Color) -> colors.Color:
    return colors.HexColor(value) if value else default


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
    pdfmetrics.registerFontFamily(
        "BriefUpright", normal="BriefUpright", bold="BriefUpright-Bold", italic="BriefUpright",
        boldItalic="BriefUpright-Bold",
    )
    # CID fonts have no bold or italic faces: <b> and <i> inside CJK runs keep the face.
    for face in CJK_FONTS.values():
        pdfmetrics.registerFont(UnicodeCIDFont(face))
        pdfmetrics.registerFontFamily(face, normal=face, bold=face, italic=face, boldItalic=face)


def _house_fonts(style: HouseStyle) -> tuple[str, str, str]:
    """The registered (body, bold, heading) font names for a house style.

    A body file becomes a family of its own; faces not given fall back to the
    regular one. Headings default to the body's bold face.
    """
    fonts = style.fonts
    body, bold = "Brief", "Brief-Bold"
    if fonts.pdf_body and str(fonts.pdf_body) not in BUILTIN_PDF_FONTS:
        body = _register_file(fonts.pdf_body)
        bold = _register_file(fonts.pdf_body_bold) if fonts.pdf_body_bold else body
        italic = _register_file(fonts.pdf_body_italic) if fonts.pdf_body_italic else body
        bold_italic = _register_file(fonts.pdf_body_bold_italic) if fonts.pdf_body_bold_italic else bold
        pdfmetrics.registerFontFamily(body, normal=body, bold=bold, italic=italic, boldItalic=bold_italic)
    heading = bold
    if fonts.pdf_heading:
        heading = "Brief-Bold" if str(fonts.pdf_heading) in BUILTIN_PDF_FONTS else _register_file(fonts.pdf_heading)
    return body, bold, heading


@functools.cache
def _register_file(path: Path) -> str:
    """Register a TrueType file under a name fixed by its path; bold and italic keep the face."""
    name = "House-" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]
    pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


@functools.cache
def _covered(font: str = "Brief") -> frozenset:
    """Code points ``font`` has glyphs for."""
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


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


def _face_for(ch: str, font: str, italic: bool = False) -> str | None:
    """The font a character must switch to: a CID font for CJK the body font lacks,
    upright DejaVu for italic letters the slanted DejaVu lacks (Arabic), DejaVu for
    anything else a house font lacks, else None (keep the font)."""
    if _is_cjk(ch) and ord(ch) not in _covered():
        return "cid"
    if (italic and ord(ch) not in _covered("Brief-Italic") and ord(ch) in _covered()
            and (font in FONT_FILES or ord(ch) not in _covered(font))):
        return "BriefUpright"
    if font not in FONT_FILES and ord(ch) not in _covered(font) and ch not in "\n":
        return "Brief"
    return None


def _shaped(text: str) -> str:
    """``text`` with Arabic letters in their joined (initial, medial, final) forms.

    Shaping looks at neighbouring letters in logical order, so it comes before
    line wrapping; reordering for display comes after it (:class:`_BidiParagraph`).
    """
    if any(unicodedata.bidirectional(c) == "AL" for c in text):
        return arabic_reshaper.reshape(text)
    return text


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in RTL_CLASSES for c in text)


def _levels(line: str, base: int) -> list[int]:
    """The resolved bidi embedding level of each character of one line of a paragraph
    whose base level is ``base`` (0 left to right, 1 right to left).

    python-bidi reports the levels only in its debug form, one per UTF-8 byte;
    trailing spaces go back to the base level (rule L1), as python-bidi does
    for the whole text in ``get_display``.
    """
    info = get_display(line, base_dir="LR"[base], debug=True)
    by_byte = [int(n) for n in LEVEL.findall(info.split("levels: [", 1)[1].split("]", 1)[0])]
    levels, offset = [], 0
    for ch in line:
        levels.append(by_byte[offset])
        offset += len(ch.encode("utf-8"))
    trailing = len(line) - len(line.rstrip())
    return levels[: len(levels) - trailing] + [base] * trailing


def _visual_order(levels: list[int]) -> list[int]:
    """Logical indices in the order they are drawn, left to right (Unicode rule L2):
    from the highest level down to the lowest odd one, reverse every run at that level or above."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    for level in range(max(levels, default=0), min(odd, default=1) - 1, -1):
        start = None
        for i in range(len(order) + 1):
            inside = i < len(order) and levels[order[i]] >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                order[start:i] = order[start:i][::-1]
                start = None
    return order


def _visual(line: str, base: int) -> str:
    """One line of text in the order its characters are drawn, with brackets mirrored
    inside right-to-left runs (rule L4)."""
    levels = _levels(line, base)
    return "".join(_mirror(line[i], levels[i]) for i in _visual_order(levels))


def _mirror(ch: str, level: int) -> str:
    return MIRRORED.get(ch, ch) if level % 2 else ch


def _drawn(text: str) -> str:
    """One line drawn outside a paragraph (the watermark): Arabic joined, in visual order."""
    return _visual(_shaped(text), get_base_level(text)) if _has_rtl(text) else text


def _text_markup(text: str, font: str = "Brief", italic: bool = False) -> str:
    """reportlab paragraph markup for plain text set in ``font``: escaped, with CJK runs in
    CID fonts, characters a house font lacks in DejaVu, Arabic letters joined (still in
    logical order: :class:`_BidiParagraph` draws each wrapped line in visual order)."""
    out = []
    chars = _shaped(printable(text).replace("\t", " "))
    for face, group in itertools.groupby(chars, key=lambda ch: _face_for(ch, font, italic)):
        chunk = "".join(group)
        markup = escape(chunk).replace("\n", "<br/>")
        if face == "cid":
            markup = f'<font face="{_cjk_font(chunk)}">{markup}</font>'
        elif face:
            markup = f'<font face="{face}">{markup}</font>'
        out.append(markup)
    return "".join(out)


def _markup(runs: Inlines, links: bool = True, font: str = "Brief", link_colour: str = "#1f3a5f") -> str:
    out = []
    for run in runs:
        text = _text_markup(run.text, font, run.italic)
        if run.code:
            text = f'<font face="BriefMono">{text}</font>'
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        if links and run.link and run.link.lower().startswith(SAFE_LINK_SCHEMES):
            href = escape(printable(run.link), {'"': "&quot;"})
            text = f'<a href="{href}" color="{link_colour}"><u>{text}</u></a>'
        out.append(text)
    return "".join(out)


def _has_cjk(runs: Inlines) -> bool:
    return any(_is_cjk(ch) for ch in plain(runs))


# -- styles ---------------------------------------------------------------------------------


def _styles(font: str, bold: str, heading_font: str, heading: colors.Color, banner: colors.Color,
            accent: colors.Color = ACCENT) -> dict[str, ParagraphStyle]:
    # houseLink: the colour of links, read by _para (reportlab styles have no such setting).
    body = ParagraphStyle(
        "Body", fontName=font, fontSize=10.5, leading=14.5, textColor=INK, spaceAfter=6,
        splitLongWords=1, bulletFontName=font, houseLink=accent.hexval().replace("0x", "#"),
    )
    styles = {
        "body": body,
        "title": ParagraphStyle("Title", parent=body, fontName=heading_font, fontSize=21, leading=25,
                                textColor=heading, spaceAfter=4),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontSize=12.5, leading=16, textColor=MUTED,
                                   spaceAfter=6),
        "meta": ParagraphStyle("Meta", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=1),
        "quote": ParagraphStyle("Quote", parent=body, textColor=colors.HexColor("#262626"), spaceAfter=3),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle("HeadCell", parent=body, fontName=bold, fontSize=9, leading=11.5,
                               spaceAfter=0, textColor=colors.white),
        "running": ParagraphStyle("Running", parent=body, fontSize=8, leading=10, textColor=MUTED,
                                  spaceAfter=0),
        "marking": ParagraphStyle("Marking", parent=body, fontName=bold, fontSize=9.5, leading=11,
                                  textColor=banner, alignment=TA_CENTER, spaceAfter=0),
    }
    for level, size in HEADING_SIZES.items():
        styles[f"h{level}"] = ParagraphStyle(
            f"Heading{level}", parent=body, fontName=heading_font, fontSize=size, leading=size * 1.25,
            textColor=heading, spaceBefore=14 if level == 1 else 10, spaceAfter=4,
        )
    return styles


def _para(runs: Inlines, style: ParagraphStyle) -> RLParagraph:
    if _has_cjk(runs):
        # CJK text has no spaces to break at: let lines break between any characters.
        style = ParagraphStyle(style.name + "CJK", parent=style, wordWrap="CJK")
    markup = _markup(runs, font=style.fontName, link_colour=style.houseLink)
    text = plain(runs)
    if not _has_rtl(text):
        return RLParagraph(markup, style)
    # The first strong letter sets the direction (Unicode rules P2, P3); a
    # right-to-left paragraph starts at the right margin.
    base = get_base_level(printable(text))
    alignment = TA_RIGHT if base and style.alignment == TA_LEFT else style.alignment
    return _BidiParagraph(markup, ParagraphStyle(style.name + "Bidi", parent=style, alignment=alignment,
                                                 bidiBase=base))


class _BidiParagraph(RLParagraph):
    """A paragraph holding right-to-left text: wrapped in logical order, each line drawn in visual order.

    reportlab draws characters left to right as given; reordering the whole
    text before wrapping would put a right-to-left paragraph's lines in reverse
    order. Wrapping and splitting across pages keep the logical lines; only
    drawing sees the visual ones. The direction (``bidiBase`` in the style) is
    the whole paragraph's, so a part split onto the next page keeps it.
    """

    def drawPara(self, debug=0):
        logical = self.blPara
        self.blPara = _visual_lines(logical, self.style.bidiBase)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


def _visual_lines(para, base: int):
    """reportlab's wrapped lines (``breakLines``) with each line in visual order."""
    if para.kind == 0:  # one style: each line is (spare width, words)
        lines = [(spare, _visual(" ".join(words), base).split(" ")) for spare, words in para.lines]
    else:  # each line is a bag of fragments, each with its own style
        lines = [line.clone(words=_visual_fragments(line.words, base)) for line in para.lines]
    return para.clone(lines=lines)


def _visual_fragments(fragments: list, base: int) -> list:
    """A line's styled fragments cut and reordered so their characters read in visual order.

    Fragments without text (anchors, breaks) draw nothing and go first.
    """
    def has_text(fragment) -> bool:
        return bool(fragment.text) and not hasattr(fragment, "cbDefn")

    texts = [f for f in fragments if has_text(f)]
    out = [f for f in fragments if not has_text(f)]
    owner = [k for k, f in enumerate(texts) for _ in f.text]
    line = "".join(f.text for f in texts)
    levels = _levels(line, base)
    for k, indices in itertools.groupby(_visual_order(levels), key=lambda i: owner[i]):
        out.append(texts[k].clone(text="".join(_mirror(line[i], levels[i]) for i in indices)))
    return out


# -- blocks ---------------------------------------------------------------------------------


def _flowables(document: Document, look: _Look) -> list:
    styles = look.styles
    title = _para([Run(document.title)], styles["title"])
    title._outline = (0, plain([Run(document.title)]))
    story = [_logo(look.logo)] if look.logo else []
    story.append(title)
    if document.text("subtitle"):
        story.append(_para([Run(document.text("subtitle"))], styles["subtitle"]))
    for line in masthead_lines(document):
        story.append(_para([Run(line)], styles["meta"]))
    story.append(Spacer(1, 4))
    story.append(HRFlowable(width="100%", thickness=1.2, color=look.accent, spaceBefore=2, spaceAfter=10))
    for block in body_blocks(document):
        story.extend(_block(block, styles["body"], look))
    return story


def _logo(path: Path) -> Image:
    """The logo, scaled down (never up) to fit :data:`LOGO_BOX`, keeping its shape."""
    width, height = ImageReader(str(path)).getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height, 1.0)
    logo = Image(str(path), width=width * scale, height=height * scale, hAlign="LEFT")
    logo.spaceAfter = 8
    return logo


def _block(block, style: ParagraphStyle, look: _Look) -> list:
    styles = look.styles
    if isinstance(block, Heading):
        paragraph = _para(block.content, styles[f"h{min(block.level, 6)}"])
        paragraph._outline = (block.level, plain(block.content))
        # A heading needs room for a few lines under it, or it starts the next page.
        return [CondPageBreak(HEADING_ROOM), paragraph]
    if isinstance(block, Paragraph):
        return [_para(block.content, style)]
    if isinstance(block, (BulletList, OrderedList)):
        return _list(block, style, look)
    if isinstance(block, BlockQuote):
        return [_quote(block, look)]
    if isinstance(block, Table):
        return [_table(block, look)]
    if isinstance(block, Rule):
        return [HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=6, spaceAfter=8)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _list(block, style: ParagraphStyle, look: _Look, depth: int = 0) -> list:
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
                flowables.extend(_list(inner, item_style, look, depth + 1))
                continue
            for flowable in _block(inner, item_style, look):
                if first and isinstance(flowable, RLParagraph):
                    flowable.bulletText = bullet
                    flowable.style = ParagraphStyle(flowable.style.name + "B", parent=flowable.style)
                    first = False
                flowables.append(flowable)
    if flowables and depth == 0:
        flowables.append(Spacer(1, 4))
    return flowables


class _QuoteBox(RLTable):
    """A quote's box: a short one goes to the next page whole rather than leave its cue line
    behind, and a long one splits but never leaves an empty tinted strip at a page's foot
    (reportlab splits a row even where none of its text fits)."""

    def split(self, availWidth, availHeight):
        _, height = self.wrap(availWidth, availHeight)
        if height <= QUOTE_KEPT_WHOLE:
            return []
        parts = super().split(availWidth, availHeight)
        if parts and not any(getattr(parts[0], "_cellvalues", [[[None]]])[0][0]):
            return []
        return parts


# Points: a quote box up to this tall is never split over two pages (about ten lines).
QUOTE_KEPT_WHOLE = 150


def _quote(block: BlockQuote, look: _Look) -> RLTable:
    """A block quote: indented, on a light tint, with a rule down its left side."""
    inner = [f for b in block.blocks for f in _block(b, look.styles["quote"], look)]
    box = _QuoteBox([[inner or [Spacer(1, 0)]]], colWidths=["100%"], splitInRow=1, hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, look.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    box.spaceBefore, box.spaceAfter = 2, 8
    return box


def _table(table: Table, look: _Look) -> RLTable:
    styles = look.styles
    width = max([len(table.header)] + [len(row) for row in table.rows])
    if width == 0:
        return Spacer(1, 0)
    rows = [list(table.header) + [[]] * (width - len(table.header))]
    rows += [list(row) + [[]] * (width - len(row)) for row in table.rows]
    cells = [[_para(cell, styles["head"] if r == 0 else styles["cell"]) for cell in row] for r, row in enumerate(rows)]
    grid = RLTable(cells, colWidths=_column_widths(rows, width, look.text_width, styles), repeatRows=1,
                   splitInRow=1, hAlign="LEFT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), look.accent),
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


def _column_widths(rows, width: int, text_width: float, styles: dict) -> list[float]:
    """Column widths: each at least its longest word (measured), the rest shared by text length.

    The minimum keeps words like "organization" whole; the cap on it lets a URL
    wrap instead of taking the page.
    """
    padding = 10
    minimums, shares = [], []
    for c in range(width):
        texts = [(plain(row[c]), r == 0) for r, row in enumerate(rows)]
        longest = max(
            (pdfmetrics.stringWidth(word, styles["head" if head else "cell"].fontName, 9)
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
    """Pages with banners, copy label and watermark; records headings as PDF outline entries."""

    def __init__(self, buffer, document: Document, look: _Look):
        super().__init__(
            buffer,
            pagesize=look.page,
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
        self.look = look
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        self._outline_level = -1
        self._outline_count = 0

    def _decorate(self, canvas, doc) -> None:
        """Watermark, banners, running title and copy label; the page number is drawn at save time.

        Called as the page begins, so everything here lies under the text.
        """
        canvas.saveState()
        width, height = self.look.page
        styles = self.look.styles
        if self.brief.text("watermark"):
            _watermark(canvas, self.brief.text("watermark"), styles["marking"].fontName, width, height)
        # Read back when the page number is drawn at save time (the canvas keeps one dict per page).
        canvas.number_font = styles["running"].fontName
        marking = self.brief.marking
        if marking:
            _draw(canvas, [Run(marking)], styles["marking"], MARGIN, height - MARGIN * 0.6, width - 2 * MARGIN)
            _draw(canvas, [Run(marking)], styles["marking"], MARGIN, MARGIN * 0.45, width - 2 * MARGIN)
        if doc.page > 1:
            running = styles["running"]
            _draw(canvas, [Run(self.brief.title)], running, MARGIN,
                  height - MARGIN - 0.3 * cm + running.leading + 1, width - 2 * MARGIN, max_lines=1)
        label = copy_label(self.brief)
        if label:
            # Left of the page number, on every page: whose copy this is.
            _draw(canvas, [Run(label)], styles["running"], MARGIN, MARGIN - 0.05 * cm + 8,
                  (width - 2 * MARGIN) * 0.7, max_lines=1)
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


def _watermark(canvas, text: str, face: str, width: float, height: float) -> None:
    """``text`` in light grey across the page's diagonal, sized to fit it."""
    text = _drawn(" ".join(printable(text).split()))
    diagonal = (width**2 + height**2) ** 0.5
    size = min(WATERMARK_MAX_SIZE, diagonal * 0.75 / max(pdfmetrics.stringWidth(text, face, 1), 1))
    canvas.saveState()
    canvas.setFillColor(WATERMARK_COLOUR)
    canvas.setFont(face, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(_degrees(height, width))
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def _degrees(rise: float, run: float) -> float:
    import math

    return math.degrees(math.atan2(rise, run))


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
        width, _ = self._pagesize
        self.saveState()
        self.setFont(getattr(self, "number_font", "Brief"), 8)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGIN, MARGIN - 0.05 * cm, f"Page {self._pageNumber} of {total}")
        self.restoreState()
