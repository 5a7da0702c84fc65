"""Word writer: styles, banners, page fields, properties, escaping."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from briefing.document import Document, Paragraph, Run, parse
from briefing.render import render
from briefing.templates import md_escape

HOSTILE = "Hostile | pipe *star* <script>alert(1)</script> &amp; {{ x }} [link](x) \\ # `tick`"




BRIEF = f"""---
title: "Brief: Talks in Seoul"
subtitle: Alliance reaffirmed
marking: OFFICIAL-SENSITIVE
audience: Minister
date: 17 March 2021
author: Policy Unit
organization: Department of Foreign Affairs
source: The Diplomat
keywords: [Blinken, Austin]
---
# Brief: Talks in Seoul

## Bottom line up front

Blinken and Austin reaffirmed the **alliance**\\.

## Key points

- {md_escape(HOSTILE)}
- Second point
  - Nested point

### Actors

| Name | Role |
|---|---|
| {md_escape(HOSTILE)} | Secretary of State |

> “{md_escape(HOSTILE)}”

1. first
2. second

Then:

1. again one
2. again two

---

See [the State Department](https://www.state.gov/) and `code`\\.
"""


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(render(parse(BRIEF), "docx")))


def _by_style(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


@pytest.mark.parametrize(
    "style, texts",
    [
        ("Title", ["Brief: Talks in Seoul"]),  # once: the opening H1 is the title, not repeated
        ("Subtitle", ["Alliance reaffirmed"]),
        ("Heading 1", ["Bottom line up front", "Key points"]),
        ("Heading 2", ["Actors"]),
        ("List Bullet", [HOSTILE, "Second point"]),
        ("List Bullet 2", ["Nested point"]),
        ("List Number", ["first", "second", "again one", "again two"]),
        ("Quote", [f"“{HOSTILE}”"]),
    ],
)
def test_render_docx_uses_word_styles(word, style, texts):
    assert _by_style(word, style) == texts


def test_render_docx_hostile_text_is_literal_in_table(word):
    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == ["Name", "Role"]
    assert table.rows[1].cells[0].text == HOSTILE
    assert table.style.name == "Light List Accent 1"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header row repeats


def test_render_docx_table_fits_text_width(word):
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    (table,) = word.tables
    assert sum(col.width for col in table.columns) <= text_width


def test_render_docx_each_numbered_list_restarts(word):
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]


def test_render_docx_header_and_footer(word):
    section = word.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL-SENSITIVE"]
    footer = [p.text for p in section.footer.paragraphs]
    assert footer[-1] == "OFFICIAL-SENSITIVE"
    assert footer[0].startswith("Brief: Talks in Seoul\tPage ")
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert [i.split()[0] for i in instructions] == ["PAGE", "NUMPAGES"]
    banner = section.header.paragraphs[0].runs[0]
    assert banner.bold and banner.font.color.rgb is not None


def test_render_docx_no_marking_no_banner():
    word = docx.Document(io.BytesIO(render(parse("---\ntitle: T\nmarking: ''\n---\nx\n"), "docx")))
    section = word.sections[0]
    assert [p.text for p in section.header.paragraphs] == [""]
    assert len(section.footer.paragraphs) == 1


def test_render_docx_core_properties(word):
    props = word.core_properties
    assert props.title == "Brief: Talks in Seoul"
    assert props.subject == "Alliance reaffirmed"
    assert props.author == "Policy Unit"
    assert props.keywords == "Blinken, Austin"
    assert "Source: The Diplomat" in props.comments
    assert props.created == props.modified == dt.datetime(2021, 3, 17, tzinfo=dt.timezone.utc)
    assert props.last_modified_by == "briefing"


def test_render_docx_is_deterministic():
    document = parse(BRIEF)
    first = render(document, "docx")
    assert render(document, "docx") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2021, 3, 17, 0, 0, 0)}


def test_render_docx_page_is_a4(word):
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_render_docx_hyperlink_and_code(word):
    last = word.paragraphs[-1]
    links = last._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rel = word.part.rels[links[0].get(qn("r:id"))]
    assert rel.target_ref == "https://www.state.gov/"
    assert last.text.endswith("and code.")  # hyperlink runs are not in .text in python-docx; code is


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\x00b\x01c", "abc"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("non\ufffechar\uffff", "nonchar"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_render_docx_removes_characters_word_cannot_hold(text, expected):
    data = render(Document(meta={"title": text}, blocks=[Paragraph([Run(text)])]), "docx")
    word = docx.Document(io.BytesIO(data))
    assert word.paragraphs[-1].text == expected
    assert word.core_properties.title == " ".join(expected.split())


def test_render_docx_long_unbroken_word_survives():
    long_word = "x" * 500 + "https://example.com/" + "y" * 300
    word = docx.Document(io.BytesIO(render(Document(blocks=[Paragraph([Run(long_word)])]), "docx")))
    assert word.paragraphs[-1].text == long_word


@pytest.mark.parametrize("quotes, gaps", [(1, 0), (2, 1), (3, 2)])
def test_render_docx_neighbouring_quotes_stay_apart(quotes, gaps):
    # Word draws neighbouring paragraphs with the same border as one box.
    source = "\n\n".join(f"> quote {i}\n>\n> *Cue: said*" for i in range(quotes)) + "\n"
    word = docx.Document(io.BytesIO(render(parse(source), "docx")))
    styles = [p.style.name for p in word.paragraphs if p.style.name in ("Quote", "Normal")][-(2 * quotes + gaps):]
    assert styles.count("Normal") == gaps
    assert "Quote" not in [styles[i] for i in range(len(styles)) if i % 3 == 2]


def test_render_docx_shipped_reference_matches_its_recipe(tmp_path):
    from briefing.render.docx import build_reference, reference_docx

    build_reference(tmp_path / "reference.docx")
    with zipfile.ZipFile(reference_docx()) as shipped, zipfile.ZipFile(tmp_path / "reference.docx") as built:
        for part in ("word/styles.xml", "word/document.xml", "word/numbering.xml"):
            assert shipped.read(part) == built.read(part), part


def test_render_docx_user_reference_styles_and_page_are_used(tmp_path):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches, RGBColor

    from briefing.render.docx import reference_docx, write

    custom = docx.Document(str(reference_docx()))
    section = custom.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    custom.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    custom.add_paragraph("Sample text that must not appear in briefs")
    path = tmp_path / "house.docx"
    custom.save(str(path))

    word = docx.Document(io.BytesIO(write(parse(BRIEF), reference=path)))
    assert round(word.sections[0].page_width.inches, 2) == 8.5
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)
    assert all("Sample text" not in p.text for p in word.paragraphs)
    assert _by_style(word, "Heading 1") == ["Bottom line up front", "Key points"]


def test_render_docx_bad_reference_is_usage_error(tmp_path):
    from briefing.errors import UsageError
    from briefing.render.docx import write

    bad = tmp_path / "not-word.docx"
    bad.write_text("hello")
    with pytest.raises(UsageError, match="reference document") as caught:
        write(parse(BRIEF), reference=bad)
    assert "\n" not in str(caught.value)
