"""HTML writer: one self-contained, print-friendly file.

The house style's colours and fonts override the stylesheet's defaults, its
page size sets the printed page, and its logo is embedded as a data URI so the
file stays whole on its own.
"""

from __future__ import annotations

import base64
from html import escape

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
)
from briefing.render import body_blocks, masthead_lines, printable
from briefing.style import HouseStyle

# Only these link schemes become links; anything else (javascript:, data:) stays text.
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
PNG_SIGNATURE = b"\x89PNG"
LOGO_BOX = (156, 62)  # points (5.5 x 2.2 cm), as in the PDF and Word
# Fallbacks after a house font, in case the reader's machine lacks it.
BODY_FALLBACK = '"Georgia", "DejaVu Serif", "Noto Serif", serif'
HEADING_FALLBACK = '"Helvetica Neue", Arial, "DejaVu Sans", sans-serif'

STYLESHEET = """
:root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #c8ccd2; --accent: #1f3a5f; --tint: #f3f5f8; --marking: #b00020; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 11pt/1.5 "Georgia", "DejaVu Serif", "Noto Serif", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
.marking { text-align: center; font: bold 10pt/1.2 "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
           letter-spacing: .08em; color: var(--marking); padding: .35rem; border: 1px solid var(--marking); }
header.masthead { border-bottom: 2px solid var(--accent); margin: 1.2rem 0 1.5rem; padding-bottom: .8rem; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--accent);
           line-height: 1.25; page-break-after: avoid; break-after: avoid; }
.title { font-size: 22pt; margin: 0 0 .3rem; }
.subtitle { font-size: 13pt; color: var(--muted); margin: 0 0 .6rem; }
.meta { font: 9.5pt/1.4 "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--muted); margin: 0; }
h1 { font-size: 16pt; margin: 1.6rem 0 .5rem; }
h2 { font-size: 13.5pt; margin: 1.4rem 0 .4rem; }
h3 { font-size: 12pt; margin: 1.2rem 0 .3rem; }
h4, h5, h6 { font-size: 11pt; margin: 1rem 0 .3rem; }
p, li { overflow-wrap: anywhere; }
blockquote { margin: .8rem 0; padding: .4rem 1rem; border-left: 4px solid var(--accent);
             background: var(--tint); break-inside: avoid; }
blockquote p { margin: .3rem 0; }
table { width: 100%; border-collapse: collapse; margin: .8rem 0; font-size: 10pt; table-layout: auto; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
thead th { background: var(--accent); color: #fff; }
tbody tr:nth-child(even) { background: var(--tint); }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.2rem 0; }
.logo { display: block; margin: 0 0 .8rem; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 92%; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: var(--accent); }
@media print {
  main { max-width: none; padding: 0; }
  /* Fixed elements repeat on every printed page: the banner at top and bottom of each. */
  @page { margin: 2.2cm 2cm; }
  .marking { border: 0; position: fixed; left: 0; right: 0; padding: 0; }
  .marking.top { top: -1.2cm; }
  .marking.bottom { bottom: -1.2cm; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""


def write(document: Document, style: HouseStyle | None = None) -> bytes:
    """The brief as one HTML page, in the house ``style`` (None: briefing's own look)."""
    style = style or HouseStyle()
    lang = escape(document.text("lang") or "en")
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="briefing">',
    ]
    for name, key in (("author", "author"), ("keywords", "keywords"), ("description", "subtitle")):
        if document.text(key):
            page.append(f'<meta name="{name}" content="{escape(document.text(key))}">')
    page += [f"<title>{escape(document.title)}</title>", f"<style>{STYLESHEET}{_house_css(style)}</style>",
             "</head>", "<body>"]
    page.append(_banner(document.marking, "top"))
    page.append("<main>")
    page.append(_logo(style))
    page.append(_masthead(document))
    page += [_block(block) for block in body_blocks(document)]
    page.append("</main>")
    page.append(_banner(document.marking, "bottom"))
    page += ["</body>", "</html>", ""]
    return "\n".join(line for line in page if line).encode("utf-8")


def _house_css(style: HouseStyle) -> str:
    """CSS that lays the house style over the stylesheet ("" for briefing's own look)."""
    colours, fonts = style.colors, style.fonts
    variables = [f"--{name}: {value};" for name, value in
                 (("accent", colours.accent), ("heading", colours.heading), ("marking", colours.banner)) if value]
    rules = [f":root {{ {' '.join(variables)} }}"] if variables else []
    if colours.heading:
        rules.append("h1, h2, h3, h4, h5, h6 { color: var(--heading); }")
    if fonts.body:
        rules.append(f"body {{ font-family: {_css_font(fonts.body)}, {BODY_FALLBACK}; }}")
    if fonts.heading:
        rules.append(f"h1, h2, h3, h4, h5, h6, .meta, .marking {{ font-family: {_css_font(fonts.heading)}, "
                     f"{HEADING_FALLBACK}; }}")
    if style.page_size:
        rules.append(f"@page {{ size: {style.page_size}; }}")
    return "\n".join(rules) + "\n" if rules else ""


def _css_font(name: str) -> str:
    """A font name as a CSS string (the loader already checked it is one line)."""
    return '"' + name.replace("\\", "").replace('"', "").replace("<", "") + '"'


def _logo(style: HouseStyle) -> str:
    if not style.logo:
        return ""
    raw = style.logo.read_bytes()
    # The loader let only PNG and JPEG through; the bytes say which, whatever the file is called.
    kind = "image/png" if raw.startswith(PNG_SIGNATURE) else "image/jpeg"
    data = base64.b64encode(raw).decode("ascii")
    from PIL import Image

    with Image.open(style.logo) as image:
        width, height = image.size
    # Scaled down (never up) to fit the box, pixels counted as points as in the PDF.
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height, 1.0)
    size = f"width: {width * scale:.1f}pt; height: {height * scale:.1f}pt"
    return f'<img class="logo" alt="" style="{size}" src="data:{kind};base64,{data}">'


def _banner(marking: str, where: str) -> str:
    return f'<div class="marking {where}" role="note">{escape(marking)}</div>' if marking else ""


def _masthead(document: Document) -> str:
    parts = ['<header class="masthead">', f'<h1 class="title">{escape(document.title)}</h1>']
    if document.text("subtitle"):
        parts.append(f'<p class="subtitle">{escape(document.text("subtitle"))}</p>')
    for line in masthead_lines(document):
        parts.append(f'<p class="meta">{escape(line)}</p>')
    parts.append("</header>")
    return "\n".join(parts)


def _block(block) -> str:
    if isinstance(block, Heading):
        # The title is the page's h1, so body headings start at h2.
        level = min(block.level + 1, 6)
        return f"<h{level}>{_inline(block.content)}</h{level}>"
    if isinstance(block, Paragraph):
        runs = block.content
        if len(runs) == 1 and runs[0].code and "\n" in runs[0].text:
            return f"<pre><code>{escape(runs[0].text)}</code></pre>"
        return f"<p>{_inline(runs)}</p>"
    if isinstance(block, BulletList):
        return "<ul>\n" + "\n".join(_item(item) for item in block.items) + "\n</ul>"
    if isinstance(block, OrderedList):
        start = f' start="{block.start}"' if block.start != 1 else ""
        return f"<ol{start}>\n" + "\n".join(_item(item) for item in block.items) + "\n</ol>"
    if isinstance(block, BlockQuote):
        return "<blockquote>\n" + "\n".join(_block(b) for b in block.blocks) + "\n</blockquote>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Rule):
        return "<hr>"
    raise TypeError(f"unknown block {type(block).__name__}")


def _item(blocks) -> str:
    # A one-paragraph item needs no <p> around it.
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        return f"<li>{_inline(blocks[0].content)}</li>"
    return "<li>" + "\n".join(_block(b) for b in blocks) + "</li>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{_inline(cell)}</th>" for cell in table.header)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _inline(runs: Inlines) -> str:
    out = []
    for run in runs:
        html = escape(printable(run.text)).replace("\n", "<br>\n")
        if run.code:
            html = f"<code>{html}</code>"
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        if run.link and run.link.lower().startswith(SAFE_LINK_SCHEMES):
            html = f'<a href="{escape(run.link)}">{html}</a>'
        out.append(html)
    return "".join(out)
