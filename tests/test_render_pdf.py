"""PDF writer: text, outline, metadata, fonts, banners, scripts, wrapping."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from briefing.document import Document, Paragraph, Run, Table, parse
from briefing.render import render
from briefing.templates import md_escape

HOSTILE = "Hostile | pipe *star* <script>alert(1)</script> &amp; {{ x }} [link](x) \\ # `tick`"
SCRIPTS = {
    "greek": "Αθήνα καλημέρα",
    "cyrillic": "Москва привет",
    "chinese": "北京欢迎你",
    "japanese": "東京へようこそ",
    "korean": "서울에 오신 것을 환영합니다",
}




BRIEF = f"""---
title: "Brief: Talks in Seoul <& Tokyo>"
subtitle: Alliance reaffirmed
marking: OFFICIAL-SENSITIVE
audience: Minister
date: 17 March 2021
author: Policy Unit
source: The Diplomat
keywords: [Blinken, Austin]
---
## Bottom line up front

Blinken and Austin reaffirmed the **alliance**\\.

## Key points

- {md_escape(HOSTILE)}
- Second point

### Actors

| Name | Role |
|---|---|
| {md_escape(HOSTILE)} | Secretary of State |

> “{md_escape(HOSTILE)}”

## Timeline

1. first
2. second
"""


def pdftotext(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render(parse(BRIEF), "pdf")


def _squash(text: str) -> str:
    return "".join(text.split())


def test_render_pdf_text_is_literal(pdf):
    text = _squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert text.count(_squash(HOSTILE)) == 3  # list, table, quote
    assert _squash("Brief: Talks in Seoul <& Tokyo>") in text


def test_render_pdf_metadata(pdf):
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == "Brief: Talks in Seoul <& Tokyo>"
    assert info.author == "Policy Unit"
    assert info.subject == "Alliance reaffirmed"
    assert info["/Keywords"] == "Blinken, Austin"
    assert info.creator == "briefing"


def test_render_pdf_outline_follows_headings(pdf):
    outline = PdfReader(io.BytesIO(pdf)).outline

    def titles(entries, depth=0):
        for entry in entries:
            if isinstance(entry, list):
                yield from titles(entry, depth + 1)
            else:
                yield depth, entry.title

    assert list(titles(outline)) == [
        (0, "Brief: Talks in Seoul <& Tokyo>"),
        (1, "Bottom line up front"),
        (1, "Key points"),
        (2, "Actors"),
        (1, "Timeline"),
    ]


def test_render_pdf_marking_and_page_numbers_on_every_page():
    long_body = "\n\n".join(f"Paragraph {i} " + "word " * 80 for i in range(40))
    data = render(parse(f"---\ntitle: Long\nmarking: UNCLASSIFIED\n---\n{long_body}\n"), "pdf")
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert text.count("UNCLASSIFIED") == 2
        assert f"Page {number} of {len(pages)}" in text


def test_render_pdf_no_marking_no_banner():
    data = render(parse("---\ntitle: T\nmarking: ''\n---\nbody\n"), "pdf")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Page 1 of 1" in text and "UNCLASSIFIED" not in text and "SENSITIVE" not in text


def test_render_pdf_embeds_truetype_fonts(pdf):
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    truetype = [name for name, font in fonts.items() if font["/Subtype"] == "/TrueType"]
    assert any("DejaVuSansCondensed" in name for name in truetype)
    for name in truetype:
        assert "/FontFile2" in fonts[name]["/FontDescriptor"].get_object(), name


def test_render_pdf_is_deterministic(pdf):
    assert render(parse(BRIEF), "pdf") == pdf


@needs_pdftotext
@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_render_pdf_scripts_come_back_from_pdftotext(script):
    text = SCRIPTS[script]
    data = render(Document(meta={"title": text}, blocks=[Paragraph([Run(f"{script}: {text}.")])]), "pdf")
    assert _squash(text) in _squash(pdftotext(data))


@needs_pdftotext
def test_render_pdf_mixed_cjk_paragraph_keeps_every_character():
    text = "Chinese: 北京欢迎你。 Japanese: 東京へようこそ。 Korean: 서울에 오신 것을 환영합니다."
    out = _squash(pdftotext(render(Document(blocks=[Paragraph([Run(text)])]), "pdf")))
    for ch in _squash(text):
        assert ch in out, ch


@needs_pdftotext
@pytest.mark.parametrize("where", ["paragraph", "table"])
def test_render_pdf_long_unbroken_word_wraps_inside_page(where):
    word = "Averyveryvery" + "long" * 60 + "https://example.com/" + "z" * 80
    blocks = [Paragraph([Run(word)])] if where == "paragraph" else [
        Table([[Run("Name")], [Run("Note")]], [[[Run("a")], [Run(word)]]])
    ]
    data = render(Document(blocks=blocks), "pdf")
    assert word in "".join(pdftotext(data).split())
    # Nothing is drawn past the right margin: the widest line fits the page.
    result = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True)
    page_width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    right_edges = [float(part.split('"')[1]) for part in result.stdout.decode().split("xMax=")[1:]]
    assert max(right_edges) <= page_width - 50


def test_render_pdf_drops_characters_xml_cannot_hold():
    data = render(Document(blocks=[Paragraph([Run("a\x00b\x0bc\ufffe\ud800d")])]), "pdf")
    assert "abcd" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


BIG = "word " * 2500


@pytest.mark.parametrize(
    "document",
    [
        Document(blocks=[parse(f"> {BIG}\n").blocks[0]]),  # a quote longer than a page
        Document(blocks=[Table([[Run("a")], [Run("b")]], [[[Run(BIG)], [Run("x")]]])]),  # a cell longer than a page
        Document(blocks=parse(f"- {BIG}\n").blocks),
        Document(blocks=parse("### deep first\n\n# then top\n").blocks),  # outline levels that jump
        Document(blocks=[Table([], [])]),
    ],
    ids=["long-quote", "long-cell", "long-item", "heading-jump", "empty-table"],
)
def test_render_pdf_awkward_content_still_renders(document):
    data = render(document, "pdf")
    assert data.startswith(b"%PDF") and len(PdfReader(io.BytesIO(data)).pages) >= 1


def _quote_box(markdown: str):
    from briefing.render.pdf import _look, _quote, _register_fonts
    from briefing.style import HouseStyle

    _register_fonts()
    return _quote(parse(markdown).blocks[0], _look(HouseStyle()))


def test_pdf_short_quote_goes_to_the_next_page_whole():
    box = _quote_box("> “He’s flat-out scary. But he’s totally vapid.”\n>\n> *Cue: said*\n")
    _, height = box.wrap(450, 1000)
    # Split, reportlab would leave an empty tinted strip (under 20 pt) or the cue line alone.
    assert all(box.split(450, avail) == [] for avail in range(2, int(height)))


def test_pdf_long_quote_splits_without_an_empty_strip():
    box = _quote_box("> “" + "A long quotation goes on. " * 300 + "”\n>\n> *Cue: said*\n")
    _, height = box.wrap(450, 2000)
    splits = [box.split(450, avail) for avail in range(2, 700, 7)]
    assert any(splits)  # a quote longer than a page still splits
    for parts in splits:
        if parts:
            assert parts[0]._cellvalues[0][0], "a page would end with an empty quote box"


def test_pdf_quote_near_a_page_foot_is_not_split_into_an_empty_box():
    # Filler pushes a short quote to every height on the page in turn; a quote's text is
    # always on the same page as its cue.
    for lines in range(30, 48):
        markdown = "".join(f"Filler line {i}.\n\n" for i in range(lines))
        markdown += "> “A short quotation of a few words.”\n>\n> *Cue: said*\n"
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(render(parse(markdown), "pdf"))).pages]
        holding = [text for text in pages if "short quotation" in text]
        assert len(holding) == 1 and "Cue: said" in holding[0], lines
