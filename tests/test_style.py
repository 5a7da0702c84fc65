"""House style: briefing.toml's [style] table checked by load_style, and applied by the writers."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str

from briefing.cli import main
from briefing.document import parse
from briefing.errors import UsageError
from briefing.render import masthead_lines, render
from briefing.style import Colors, Fonts, HouseStyle, copy_reference, load_style

from .conftest import SEOUL

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
HEADING = "#7A1F5C"
ACCENT = "#2E7D32"
BANNER = "#C55A11"

MARKDOWN = """---
title: House style test
marking: OFFICIAL
---

## Summary

A paragraph with **bold** text and a [link](https://example.org).

> "A verbatim quote," said a minister.

| Name | Kind |
| --- | --- |
| Seoul | Place |
"""


def png(path: Path, size=(400, 100), kind="PNG") -> Path:
    Image.new("RGB", size, (31, 56, 100)).save(path, kind)
    return path


def write_config(folder: Path, text: str) -> dict:
    path = folder / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    from briefing.config import load_config

    return load_config(path)


def document(**meta):
    doc = parse(MARKDOWN)
    return dataclasses.replace(doc, meta={**doc.meta, **meta})


def long_document(**meta):
    body = "\n\n".join(f"Paragraph {i} " + "filler words " * 40 for i in range(40))
    doc = parse(MARKDOWN + "\n" + body)
    return dataclasses.replace(doc, meta={**doc.meta, **meta})


# -- load_style --------------------------------------------------------------------------------


def test_style_empty_config_is_default_look():
    assert load_style({}) == HouseStyle()


def test_style_loads_every_key_relative_to_the_config(tmp_path):
    png(tmp_path / "crest.png")
    copy_reference(tmp_path / "ref.docx")
    cfg = write_config(tmp_path, f"""
[style]
logo = "crest.png"
page_size = "letter"
reference_docx = "ref.docx"
[style.colors]
heading = "{HEADING.lower()}"
accent = "{ACCENT}"
[style.fonts]
body = "Georgia"
pdf_body = "DejaVu Sans Condensed"
""")
    style = load_style(cfg)
    assert style.logo == tmp_path / "crest.png"
    assert style.page_size == "Letter"
    assert style.reference_docx == tmp_path / "ref.docx"
    assert style.colors == Colors(heading=HEADING, accent=ACCENT)
    assert style.fonts == Fonts(body="Georgia", pdf_body="DejaVu Sans Condensed")


@pytest.mark.parametrize(
    "toml, key",
    [
        ('[style]\nlogo = "missing.png"', "style.logo"),
        ('[style]\nlogo = "notes.png"', "style.logo"),  # text, not an image
        ('[style]\nlogo = "crest.gif"', "style.logo"),  # an image, not PNG or JPEG
        ('[style.colors]\nheading = "navy"', "style.colors.heading"),
        ('[style.colors]\nbanner = "#12345"', "style.colors.banner"),
        ('[style]\npage_size = "B5"', "style.page_size"),
        ('[style.fonts]\npdf_body = "missing.ttf"', "style.fonts.pdf_body"),
        ('[style.fonts]\npdf_heading = "notes.png"', "style.fonts.pdf_heading"),  # not a font
        ('[style.fonts]\nbody = ""', "style.fonts.body"),
        ('[style]\nreference_docx = "notes.png"', "style.reference_docx"),
        ('[style]\nreference_docx = "missing.docx"', "style.reference_docx"),
        ('[style]\nlogo_file = "crest.png"', "logo_file"),
        ('[style.colors]\ntitle = "#000000"', "title"),
        ('[style.fonts]\nsize = "12"', "size"),
        ('style = "blue"', "style"),
    ],
)
def test_style_bad_value_names_file_and_key(tmp_path, toml, key):
    (tmp_path / "notes.png").write_text("not an image")
    Image.new("RGB", (10, 10)).save(tmp_path / "crest.gif", "GIF")
    cfg = write_config(tmp_path, toml)
    with pytest.raises(UsageError) as caught:
        load_style(cfg)
    message = str(caught.value)
    assert key in message
    assert str(tmp_path / "briefing.toml") in message
    assert "\n" not in message


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_style_accepts_png_and_jpeg_logos(tmp_path, kind):
    png(tmp_path / "crest.img", kind=kind)
    cfg = write_config(tmp_path, '[style]\nlogo = "crest.img"')
    assert load_style(cfg).logo == tmp_path / "crest.img"


@pytest.mark.parametrize("force", [False, True])
def test_style_copy_reference_refuses_to_overwrite_without_force(tmp_path, force):
    from briefing.errors import OutputError

    target = copy_reference(tmp_path)
    assert target == tmp_path / "reference.docx"
    assert docx.Document(str(target)).styles["Heading 1"] is not None
    if force:
        assert copy_reference(tmp_path, force=True) == target
    else:
        with pytest.raises(OutputError, match="already exists"):
            copy_reference(tmp_path)


@pytest.mark.parametrize("name", ["reference.docx"])
def test_cli_templates_copy_reference(tmp_path, name):
    runner = CliRunner()
    first = runner.invoke(main, ["templates", "copy", name, str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert zipfile.is_zipfile(tmp_path / name)
    again = runner.invoke(main, ["templates", "copy", name, str(tmp_path)])
    assert again.exit_code == 5
    assert "--force" in again.output


# -- masthead ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key, value", [("copy", "Copy 2 of 5"), ("dtg", "291430Z NOV 26")])
def test_render_masthead_shows_copy_and_dtg(key, value):
    assert value in masthead_lines(document(**{key: value}))[0]


# -- PDF -------------------------------------------------------------------------------------


def pdf(doc, style=None) -> PdfReader:
    return PdfReader(io.BytesIO(render(doc, "pdf", style)))


def content(reader: PdfReader, page: int = 0) -> bytes:
    return reader.pages[page].get_contents().get_data()


def _parts(data: bytes, fmt: str):
    """What a rendered file says: a Word file's parts less the zip's clock and its save time."""
    if fmt != "docx":
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist() if name != "docProps/core.xml"}


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_render_default_style_is_todays_look(fmt):
    # Two renders a second apart differ in a Word file's timestamps, and only there.
    assert _parts(render(document(), fmt, HouseStyle()), fmt) == _parts(render(document(), fmt), fmt)


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_render_pdf_logo_on_first_page_only(tmp_path, kind):
    logo = png(tmp_path / "crest", size=(600, 150), kind=kind)
    reader = pdf(long_document(), HouseStyle(logo=logo))
    assert len(reader.pages) > 1
    first = reader.pages[0].images
    assert len(first) == 1
    assert not reader.pages[1].images
    assert not pdf(long_document()).pages[0].images


@pytest.mark.parametrize("size, points", [("Letter", (612, 792)), ("A5", (420, 595)), (None, (595, 842))])
def test_render_pdf_page_size(size, points):
    box = pdf(document(), HouseStyle(page_size=size)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


@pytest.mark.parametrize("setting, colour", [("heading", HEADING), ("accent", ACCENT), ("banner", BANNER)])
def test_render_pdf_colours_in_content_stream(setting, colour):
    # Each colour is used as a fill (heading and banner text, table header) somewhere on the page.
    fill = (fp_str(*colors.HexColor(colour).rgb()) + " rg").encode()
    assert fill not in content(pdf(document()))
    assert fill in content(pdf(document(), HouseStyle(colors=Colors(**{setting: colour}))))


def font_names(reader: PdfReader) -> set[str]:
    return {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}


@pytest.mark.skipif(not SERIF.is_file(), reason="needs DejaVu Serif installed")
def test_render_pdf_embeds_house_truetype_font():
    names = font_names(pdf(document(), HouseStyle(fonts=Fonts(pdf_body=SERIF))))
    assert any(name.endswith("+DejaVuSerif") for name in names), names
    assert not any(name.endswith("+DejaVuSansCondensed") for name in names), names


@pytest.mark.skipif(not SERIF.is_file(), reason="needs DejaVu Serif installed")
@pytest.mark.parametrize("text, fallback", [("Plain words", False), ("Word \ufb13 ligature", True)])
def test_render_pdf_house_font_falls_back_to_dejavu_for_missing_characters(text, fallback):
    # DejaVu Serif lacks the Armenian ligature U+FB13 that the built-in DejaVu Sans has.
    names = font_names(pdf(parse(text), HouseStyle(fonts=Fonts(pdf_body=SERIF))))
    assert any(name.endswith("+DejaVuSansCondensed") for name in names) == fallback, names


def test_render_pdf_watermark_on_every_page():
    reader = pdf(long_document(watermark="JANE SMITH ONLY"))
    assert len(reader.pages) > 2
    for page in reader.pages:
        assert "JANE SMITH ONLY" in page.extract_text()


def test_render_pdf_copy_on_every_page_and_dtg_in_masthead():
    reader = pdf(long_document(copy="Copy 2 of 5", prepared_for="J. Smith", dtg="291430Z NOV 26"))
    assert "291430Z NOV 26" in reader.pages[0].extract_text()
    for page in reader.pages:
        assert "Copy 2 of 5 · Prepared for J. Smith" in page.extract_text()


# -- Word ------------------------------------------------------------------------------------


def word(doc, style=None):
    return docx.Document(io.BytesIO(render(doc, "docx", style)))


def test_render_docx_fonts_on_normal_and_heading_styles():
    out = word(document(), HouseStyle(fonts=Fonts(body="Georgia", heading="Arial")))
    assert out.styles["Normal"].font.name == "Georgia"
    assert out.styles["Heading 1"].font.name == "Arial"
    assert out.styles["Title"].font.name == "Arial"


@pytest.mark.parametrize("size, points", [("Letter", (612, 792)), ("Legal", (612, 1008))])
def test_render_docx_page_size(size, points):
    section = word(document(), HouseStyle(page_size=size)).sections[0]
    assert (round(section.page_width.pt), round(section.page_height.pt)) == points


def test_render_docx_logo_is_an_inline_picture(tmp_path):
    logo = png(tmp_path / "crest.png", size=(800, 100))
    out = word(document(), HouseStyle(logo=logo))
    assert len(out.inline_shapes) == 1
    shape = out.inline_shapes[0]
    assert shape.width.cm <= 5.5 + 1e-6 and shape.height.cm <= 2.2 + 1e-6
    assert shape.width / shape.height == pytest.approx(8, rel=0.01)
    assert len(word(document()).inline_shapes) == 0


def test_render_docx_colours_in_styles_table_and_banner():
    out = word(document(), HouseStyle(colors=Colors(heading=HEADING, accent=ACCENT, banner=BANNER)))
    assert str(out.styles["Heading 1"].font.color.rgb) == HEADING[1:]
    header_cell = out.tables[0].rows[0].cells[0]._tc.xml
    assert f'w:fill="{ACCENT[1:]}"' in header_cell
    banner = out.sections[0].header.paragraphs[0].runs[0]
    assert str(banner.font.color.rgb) == BANNER[1:]
    assert f'w:color="{ACCENT[1:]}"' in out.styles["Quote"].element.xml


def test_render_docx_header_names_copy_and_recipient():
    out = word(document(copy="Copy 3 of 5", prepared_for="J. Smith"))
    header = "\n".join(p.text for p in out.sections[0].header.paragraphs)
    assert "Copy 3 of 5 · Prepared for J. Smith" in header


def test_render_docx_uses_the_style_reference_document(tmp_path):
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Courier New"
    reference.add_paragraph("sample text that must not appear")
    reference.save(str(tmp_path / "ref.docx"))
    out = word(document(), HouseStyle(reference_docx=tmp_path / "ref.docx"))
    assert out.styles["Normal"].font.name == "Courier New"
    assert "sample text" not in "\n".join(p.text for p in out.paragraphs)


# -- HTML ------------------------------------------------------------------------------------


def test_render_html_embeds_logo_and_colours(tmp_path):
    logo = png(tmp_path / "crest.jpg", kind="JPEG")
    style = HouseStyle(logo=logo, colors=Colors(heading=HEADING), fonts=Fonts(body="Georgia"))
    page = render(document(), "html", style).decode()
    assert 'src="data:image/jpeg;base64,' in page
    assert f"--heading: {HEADING}" in page
    assert 'font-family: "Georgia"' in page


# -- end to end --------------------------------------------------------------------------------


@pytest.mark.model
def test_cli_make_with_house_style(tmp_path, nlp):
    png(tmp_path / "crest.png")
    (tmp_path / "house.toml").write_text(f"""
organization = "Ministry of Examples"
marking = "OFFICIAL"
[style]
logo = "crest.png"
page_size = "Letter"
[style.colors]
heading = "{HEADING}"
[style.fonts]
body = "Georgia"
""", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(main, ["make", str(SEOUL), "--config", str(tmp_path / "house.toml"),
                                       "--pdf", "--docx", "-o", f"{out}/"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out / f"{SEOUL.stem}-brief.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert len(reader.pages[0].images) == 1
    assert (fp_str(*colors.HexColor(HEADING).rgb()) + " rg").encode() in content(reader)
    brief = docx.Document(str(out / f"{SEOUL.stem}-brief.docx"))
    assert len(brief.inline_shapes) == 1
    assert brief.styles["Normal"].font.name == "Georgia"


@pytest.mark.parametrize("toml, key", [('[style.colors]\naccent = "green"', "style.colors.accent")])
def test_cli_make_bad_style_is_one_line_usage_error(tmp_path, toml, key):
    (tmp_path / "house.toml").write_text(toml, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["make", str(article), "--config", str(tmp_path / "house.toml")])
    assert result.exit_code == 2
    assert key in result.output
    assert not list(tmp_path.glob("*-brief.*"))
