"""Word writer (python-docx): real Word styles, banners, page numbers, properties.

The brief uses Word's own styles (Title, Heading 1-6, List Bullet, List Number,
Quote, a table style with a header row) so a user can restyle it in Word. The
handling marking is a banner in every page's header and footer; the header
also names the copy and its recipient, the footer carries "Page X of Y" as
Word fields.

The styles and page setup come from a reference document: the built-in one,
or the house style's (``reference_docx``). The house style's fonts, colours,
page size and logo are then applied on top, only where it sets them.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from briefing.document import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inlines,
    OrderedList,
    Paragraph,
    Rule,
    Table,
    plain,
)
from briefing.errors import UsageError
from briefing.render import body_blocks, copy_label, masthead_lines, printable
from briefing.style import HouseStyle

# A4 with ~2 cm margins, the same page as the PDF.
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.0)

BODY_FONT = "Calibri"
HEADING_FONT = "Calibri"
CODE_FONT = "Consolas"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x59, 0x59, 0x59)
MARKING_COLOUR = RGBColor(0xB0, 0x00, 0x20)
TABLE_STYLE = "Light List Accent 1"

# Heading sizes in points by level; deeper levels reuse the last.
HEADING_SIZES = {1: 15, 2: 13, 3: 11.5, 4: 11, 5: 11, 6: 11}
# Word's list styles go three levels deep.
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBER_STYLES = ("List Number", "List Number 2", "List Number 3")
CONTINUE_STYLES = ("List Continue", "List Continue 2", "List Continue 3")

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")

# How templates write the front matter date ("17 March 2021", "2021-03-17", ...).
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%Y-%m", "%Y")

# Column widths: a generous average width of one 9.5 pt character (bold, or a wider
# substitute font), the cell's side padding, and the length past which a cell claims no more.
CHAR_WIDTH = Cm(0.23)
CELL_PADDING = Cm(0.45)
MAX_TEXT_WEIGHT = 60
# The logo is scaled to fit this box (as in the PDF), keeping its shape.
LOGO_BOX = (Cm(5.5), Cm(2.2))
HEADING_STYLES = ("Title", "Subtitle", *(f"Heading {level}" for level in HEADING_SIZES))
WHITE = RGBColor(0xFF, 0xFF, 0xFF)


@dataclass(frozen=True)
class _Look:
    """The colours the writer draws with (styles carry the rest)."""

    accent: RGBColor = ACCENT  # masthead rule, links, table header row
    banner: RGBColor = MARKING_COLOUR
    table_header: RGBColor | None = None  # None: the table style's own header row



def reference_docx() -> Path:
    """The built-in reference document: page setup and Word styles of every brief.

    Copy it, restyle it in Word (fonts, colours, spacing, paper size) and pass
    the copy to :func:`write`; its body text is ignored.
    """
    return Path(__file__).parent / "reference.docx"


def build_reference(path: Path) -> None:
    """Write the built-in reference document (how ``reference.docx`` is made)."""
    word = docx.Document()
    _set_up_page(word)
    _set_up_styles(word)
    word.core_properties.title = "briefing reference styles"
    word.core_properties.author = word.core_properties.comments = ""
    buffer = io.BytesIO()
    word.save(buffer)
    Path(path).write_bytes(_fixed_zip_times(buffer.getvalue(), dt.datetime(2021, 1, 1)))


def write(document: Document, reference: Path | None = None, style: HouseStyle | None = None) -> bytes:
    """The brief as a .docx, styled by ``reference`` (default: the house style's
    ``reference_docx``, else :func:`reference_docx`), then by the house ``style``."""
    style = style or HouseStyle()
    word = _open_reference(Path(reference or style.reference_docx or reference_docx()))
    look = _apply_style(word, style)
    _header_and_footer(word, document, look)
    stamp = _timestamp(document)
    _core_properties(word, document, stamp)
    if style.logo:
        _logo(word, style.logo)
    _masthead(word, document, look)
    writer = _BlockWriter(word, look)
    for block in body_blocks(document):
        writer.block(block)
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_zip_times(buffer.getvalue(), stamp)


def _open_reference(path: Path):
    try:
        word = docx.Document(str(path))
    except Exception as error:  # python-docx raises several types for a bad package
        raise UsageError(
            f"cannot use {path} as the Word reference document ({error}); give a .docx saved by Word"
        ) from None
    # Only the styles and page setup count: drop any sample text in the body.
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _apply_style(word, style: HouseStyle) -> _Look:
    """Lay the house style's settings over the reference document's; returns the colours to draw with."""
    if style.page_size:
        width, height = style.page_points
        for section in word.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Pt(width), Pt(height)
    fonts, colours = style.fonts, style.colors
    if fonts.body:
        for name in ("Normal", "Header", "Footer"):
            if _style(word, name) is not None:
                _set_font(word.styles[name], fonts.body)
    for name in HEADING_STYLES:
        heading = _style(word, name)
        if heading is None:
            continue
        if fonts.heading:
            _set_font(heading, fonts.heading)
        if colours.heading and name != "Subtitle":
            heading.font.color.rgb = RGBColor.from_string(colours.heading[1:])
    accent = RGBColor.from_string(colours.accent[1:]) if colours.accent else ACCENT
    if colours.accent and _style(word, "Quote") is not None:
        _recolour_borders(word.styles["Quote"].element.get_or_add_pPr(), accent)
    return _Look(
        accent=accent,
        banner=RGBColor.from_string(colours.banner[1:]) if colours.banner else MARKING_COLOUR,
        table_header=accent if colours.accent else None,
    )


def _recolour_borders(pPr, color: RGBColor) -> None:
    """Give a paragraph style's borders (the quote bar) the accent colour."""
    borders = pPr.find(qn("w:pBdr"))
    for edge in borders if borders is not None else ():
        edge.set(qn("w:color"), str(color))


def _logo(word, path: Path) -> None:
    """The logo in its own paragraph above the title, scaled down to fit :data:`LOGO_BOX`.

    Pixels count as points, as in the PDF, so both formats show it the same size.
    """
    from PIL import Image

    with Image.open(path) as image:
        width, height = image.size
    scale = min(LOGO_BOX[0] / Pt(width), LOGO_BOX[1] / Pt(height), 1.0)
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(8)
    paragraph.add_run().add_picture(str(path), width=Emu(int(Pt(width) * scale)),
                                    height=Emu(int(Pt(height) * scale)))


def _text_width(word):
    section = word.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def _style(word, name: str, fallback: str | None = None):
    """The named style, or ``fallback`` when a user's reference document lacks it."""
    try:
        return word.styles[name]
    except KeyError:
        return word.styles[fallback] if fallback else None


# -- page, styles -----------------------------------------------------------------------


def _set_up_page(word) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(0.9)


def _set_font(style, name: str) -> None:
    """Give a style an explicit font, dropping the theme fonts that would override it."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), name)


def _set_up_styles(word) -> None:
    styles = word.styles
    normal = styles["Normal"]
    _set_font(normal, BODY_FONT)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    title = styles["Title"]
    _set_font(title, HEADING_FONT)
    title.font.size = Pt(22)
    title.font.bold = True
    title.font.color.rgb = ACCENT
    title.paragraph_format.space_after = Pt(4)
    # Word's Title has a rule under it; the masthead draws its own under the whole block.
    borders = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if borders is not None:
        borders.getparent().remove(borders)

    subtitle = styles["Subtitle"]
    _set_font(subtitle, HEADING_FONT)
    subtitle.font.size = Pt(13)
    subtitle.font.italic = False
    subtitle.font.color.rgb = MUTED

    for level, size in HEADING_SIZES.items():
        heading = styles[f"Heading {level}"]
        _set_font(heading, HEADING_FONT)
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = ACCENT
        heading.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        heading.paragraph_format.space_after = Pt(4)

    quote = styles["Quote"]
    quote.font.italic = False
    quote.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    quote.paragraph_format.left_indent = Cm(0.6)
    quote.paragraph_format.right_indent = Cm(0.6)
    quote.paragraph_format.space_before = Pt(4)
    quote.paragraph_format.space_after = Pt(6)
    _border(quote.element.get_or_add_pPr(), "left", size=18, space=8, color=ACCENT)

    for name in ("Header", "Footer"):
        _set_font(styles[name], BODY_FONT)
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = MUTED


def _border(pPr, side: str, size: int, space: int, color: RGBColor) -> None:
    """Add a single-line paragraph border on one side (sizes in eighths of a point)."""
    borders = pPr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        pPr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), str(space))
    edge.set(qn("w:color"), str(color))
    borders.append(edge)


# -- header, footer, properties ----------------------------------------------------------


def _header_and_footer(word, document: Document, look: _Look) -> None:
    section = word.sections[0]
    marking = printable(document.marking)

    header = section.header
    if marking:
        _banner(_free_paragraph(header), marking, look.banner)
    label = printable(copy_label(document))
    if label:
        # Whose copy this is, on every page.
        copy = _free_paragraph(header)
        copy.style = _style(word, "Header", "Normal")
        copy.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = copy.add_run(label)
        run.font.size = Pt(8.5)
        run.font.color.rgb = MUTED

    footer = section.footer
    line = _free_paragraph(footer)
    line.paragraph_format.tab_stops.add_tab_stop(_text_width(word), WD_TAB_ALIGNMENT.RIGHT)
    line.add_run(printable(document.title))
    line.add_run("\tPage ")
    _field(line, "PAGE")
    line.add_run(" of ")
    _field(line, "NUMPAGES")
    if marking:
        _banner(footer.add_paragraph(), marking, look.banner)


def _free_paragraph(part):
    """The header or footer's empty first paragraph, else a new one after what is there."""
    paragraphs = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs:
        return paragraphs[0]
    return part.add_paragraph()


def _banner(paragraph, marking: str, colour: RGBColor) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = colour


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")  # shown until Word updates the field
    char("end")


def _timestamp(document: Document) -> dt.datetime:
    """The brief's created/modified time: its date, else SOURCE_DATE_EPOCH, else now.

    Fixed by the input so two runs over the same brief give the same file.
    """
    value = document.meta.get("date")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=value.tzinfo or dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        for pattern in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(" ".join(value.split()), pattern)
            except ValueError:
                continue
            return day.replace(tzinfo=dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _core_properties(word, document: Document, stamp: dt.datetime) -> None:
    def line(text: str) -> str:
        return " ".join(printable(text).split())

    props = word.core_properties
    props.title = line(document.title)
    props.subject = line(document.text("subtitle"))
    props.author = line(document.text("author") or document.text("organization"))
    props.keywords = line(document.text("keywords"))
    props.comments = line(
        " ".join(text if text.endswith(".") else f"{text}." for text in masthead_lines(document))
        or "Prepared with briefing."
    )
    props.category = line(document.marking)
    props.last_modified_by = "briefing"
    props.created = props.modified = stamp.replace(tzinfo=None)
    props.revision = 1


def _fixed_zip_times(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite the .docx zip with one fixed time on every member, so output is reproducible."""
    when = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


# -- body ---------------------------------------------------------------------------------


def _masthead(word, document: Document, look: _Look) -> None:
    word.add_paragraph(printable(document.title), style=_style(word, "Title", "Normal"))
    if document.text("subtitle"):
        word.add_paragraph(printable(document.text("subtitle")), style=_style(word, "Subtitle", "Normal"))
    lines = masthead_lines(document)
    for i, line in enumerate(lines):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(2 if i < len(lines) - 1 else 10)
        run = paragraph.add_run(printable(line))
        run.font.size = Pt(9.5)
        run.font.color.rgb = MUTED
    # A rule under the masthead, as in the PDF and HTML.
    rule = word.add_paragraph()
    rule.paragraph_format.space_after = Pt(8)
    _border(rule._p.get_or_add_pPr(), "bottom", size=12, space=1, color=look.accent)


class _BlockWriter:
    """Walks the blocks into the Word body; keeps the state lists need."""

    def __init__(self, word, look: _Look = _Look()):
        self.word = word
        self.look = look
        self.after_quote = False
        self._style_ids: dict[str, str | None] = {}

    def block(self, block, depth: int = 0, style: str | None = None) -> None:
        if isinstance(block, BlockQuote) and self.after_quote:
            # Word joins neighbouring paragraphs with the same border into one box:
            # a small empty paragraph keeps two quotes apart.
            gap = self.word.add_paragraph()
            gap.paragraph_format.space_after = Pt(0)
            gap.paragraph_format.line_spacing = Pt(4)
        self._dispatch(block, depth, style)
        self.after_quote = isinstance(block, BlockQuote)

    def _dispatch(self, block, depth: int, style: str | None) -> None:
        if isinstance(block, Heading):
            self.paragraph(block.content, f"Heading {min(block.level, 9)}")
        elif isinstance(block, Paragraph):
            self.paragraph(block.content, style)
        elif isinstance(block, BulletList):
            self.list(block.items, BULLET_STYLES, depth, numbered=None)
        elif isinstance(block, OrderedList):
            self.list(block.items, NUMBER_STYLES, depth, numbered=block.start)
        elif isinstance(block, BlockQuote):
            for inner in block.blocks:
                self.block(inner, depth, style="Quote")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Rule):
            rule = self.word.add_paragraph()
            _border(rule._p.get_or_add_pPr(), "bottom", size=6, space=1, color=MUTED)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    def paragraph(self, content: Inlines, style: str | None):
        paragraph = self.word.add_paragraph()
        style_id = self._style_id(style) if style else None
        if style_id:
            paragraph._p.get_or_add_pPr().style = style_id
        _add_runs(paragraph, content, link_colour=self.look.accent)
        return paragraph

    def _style_id(self, name: str) -> str | None:
        # python-docx looks a style up by scanning every style, twice, per paragraph;
        # a brief has a handful of styles and many paragraphs, so look each up once.
        if name not in self._style_ids:
            style = _style(self.word, name, "Normal")
            default = self.word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            self._style_ids[name] = None if style is None or style == default else style.style_id
        return self._style_ids[name]

    def list(self, items, styles, depth: int, numbered: int | None) -> None:
        level = min(depth, len(styles) - 1)
        num_id = _restart_numbering(self.word, styles[level], numbered) if numbered is not None else None
        for item in items:
            first = True
            for block in item:
                if first and isinstance(block, Paragraph):
                    paragraph = self.paragraph(block.content, styles[level])
                    if num_id is not None:
                        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
                elif isinstance(block, (BulletList, OrderedList)):
                    self.block(block, depth + 1)
                elif isinstance(block, Paragraph):
                    self.paragraph(block.content, CONTINUE_STYLES[level])
                else:
                    self.block(block, depth + 1)
                first = False

    def table(self, table: Table) -> None:
        width = max([len(table.header)] + [len(row) for row in table.rows])
        if width == 0:
            return
        rows = [list(table.header) + [[]] * (width - len(table.header))]
        rows += [list(row) + [[]] * (width - len(row)) for row in table.rows]
        grid = self.word.add_table(rows=len(rows), cols=width)
        grid.style = _style(self.word, TABLE_STYLE, "Table Grid" if _style(self.word, "Table Grid") else None)
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False  # fixed layout: columns keep the widths set below
        _table_look(grid)
        widths = _column_widths(rows, width, _text_width(self.word))
        # table.cell(r, c) rebuilds the whole cell list on every call; walk each row once.
        header = self.look.table_header
        for r, (row, word_row) in enumerate(zip(rows, grid.rows)):
            for c, (content, cell) in enumerate(zip(row, word_row.cells)):
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if r == 0 and header is not None:
                    _shade(cell, header)
                _add_runs(paragraph, content, size=Pt(9.5), link_colour=self.look.accent,
                          colour=WHITE if r == 0 and header is not None else None)
        for c, column in enumerate(grid.columns):
            column.width = widths[c]
        # The header row repeats on each page the table runs over.
        trPr = grid.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trPr.append(repeat)
        self.word.add_paragraph().paragraph_format.space_after = Pt(0)


def _shade(cell, colour: RGBColor) -> None:
    """Fill a table cell with ``colour`` (over the table style's own shading)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), str(colour))
    cell._tc.get_or_add_tcPr().append(shading)


def _table_look(grid) -> None:
    """Emphasise the header row only (Word's default look also bolds the first column)."""
    look = grid._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        grid._tbl.tblPr.append(look)
    for key, value in (("firstRow", "1"), ("firstColumn", "0"), ("lastRow", "0"),
                       ("lastColumn", "0"), ("noHBand", "0"), ("noVBand", "1"), ("val", "0420")):
        look.set(qn(f"w:{key}"), value)


def _column_widths(rows, width: int, text_width: int):
    """Column widths: each at least its longest word, the spare width shared by text length.

    Word wraps inside a word only when it must, so a column narrower than its
    longest word ("Organization") breaks it mid-word; the cap lets a URL wrap
    instead of taking the page.
    """
    minimums, shares = [], []
    for c in range(width):
        texts = [plain(row[c]) for row in rows]
        longest_word = max((len(word) for text in texts for word in text.split()), default=0)
        longest_text = max((len(text) for text in texts), default=0)
        minimums.append(min(longest_word * CHAR_WIDTH + CELL_PADDING, text_width * 0.3))
        shares.append(max(0, min(longest_text, MAX_TEXT_WEIGHT) - longest_word) + 1)
    spare = text_width - sum(minimums)
    if spare <= 0:
        return [int(text_width * m / sum(minimums)) for m in minimums]
    return [int(m + spare * s / sum(shares)) for m, s in zip(minimums, shares)]


def _restart_numbering(word, style_name: str, start: int) -> int | None:
    """A new Word numbering instance for one ordered list, so each list starts at ``start``.

    Paragraphs of a list style share one counter; a fresh ``w:num`` over the same
    abstract numbering with a start override begins the count again.
    """
    numbering = word.part.numbering_part.element
    style = _style(word, style_name)
    pPr = style.element.pPr if style is not None else None
    if pPr is None or pPr.numPr is None or pPr.numPr.numId is None:
        return None  # a reference document whose list style is not numbered
    style_num = pPr.numPr.numId.val
    abstract = None
    for num in numbering.num_lst:
        if num.numId == style_num:
            abstract = num.abstractNumId.val
    if abstract is None:
        return style_num
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    return num.numId


def _add_runs(paragraph, content: Inlines, size=None, link_colour: RGBColor = ACCENT,
              colour: RGBColor | None = None) -> None:
    for run_spec in content:
        text = printable(run_spec.text)
        if not text:
            continue
        link = run_spec.link if run_spec.link and run_spec.link.lower().startswith(SAFE_LINK_SCHEMES) else None
        run = paragraph.add_run(text)
        run.bold = run_spec.bold or None
        run.italic = run_spec.italic or None
        if size is not None:
            run.font.size = size
        if colour is not None:
            run.font.color.rgb = colour
        if run_spec.code:
            run.font.name = CODE_FONT
        if link:
            _make_hyperlink(paragraph, run, link, link_colour)


def _make_hyperlink(paragraph, run, url: str, colour: RGBColor = ACCENT) -> None:
    """Wrap ``run`` in a w:hyperlink pointing at ``url``."""
    rel_id = paragraph.part.relate_to(printable(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run._r.addprevious(link)
    link.append(run._r)
    run.font.color.rgb = colour
    run.font.underline = True
