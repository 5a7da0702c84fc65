"""The warmed-up render process gives the same bytes as rendering here, and the same errors."""

from __future__ import annotations

import sys

import pytest

from briefing.errors import TemplateError
from briefing.make import render_all
from briefing.render.warm import render_side_by_side, warm_renderers

pytestmark = pytest.mark.model

FORMATS = ("pdf", "docx", "md", "json")


def test_warm_renderers_give_the_same_bytes(seoul_brief):
    here = render_all(seoul_brief, FORMATS, audience="executive", settings={"marking": "OFFICIAL"})
    with warm_renderers(FORMATS) as renderer:
        there = renderer(seoul_brief, FORMATS, audience="executive", settings={"marking": "OFFICIAL"})
    assert there.keys() == here.keys()
    for fmt in FORMATS:
        assert _without_time(fmt, there[fmt]) == _without_time(fmt, here[fmt]), fmt


def _without_time(fmt: str, data: bytes):
    """The bytes, or for Word every part of the package, with the creation time (to the
    second, so two renders a moment apart may differ) taken out."""
    if fmt != "docx":
        return data
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"TIME", parts["docProps/core.xml"])
    return parts


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the render process is used on Linux only")
def test_warm_renderers_use_another_process_for_pdf_and_word():
    with warm_renderers(("pdf",)) as renderer:
        assert renderer is not render_all
    with warm_renderers(("md", "json")) as renderer:
        assert renderer is render_all


@pytest.mark.parametrize("formats", [("pdf",), ("pdf", "docx")])
def test_warm_renderers_report_template_errors(seoul_brief, tmp_path, formats):
    (tmp_path / "broken.md.j2").write_text("{{ summary.bluf }\n", encoding="utf-8")
    with warm_renderers(formats) as renderer:
        with pytest.raises(TemplateError, match="broken.md.j2"):
            renderer(seoul_brief, formats, audience="broken", templates=(tmp_path,))


def test_render_side_by_side_gives_every_format_in_order(seoul_brief):
    formats = ("docx", "md", "pdf", "json")
    here = render_all(seoul_brief, formats, audience="analyst")
    there = render_side_by_side(seoul_brief, formats, audience="analyst")
    assert list(there) == list(formats)
    assert there["pdf"] == here["pdf"] and there["md"] == here["md"] and there["json"] == here["json"]
    assert there["docx"][:2] == b"PK"
