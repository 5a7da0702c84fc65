"""Bidi controls from the article never reach a viewer: they could make a quote read otherwise."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefing.document import parse
from briefing.render import render

OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TEXT = "Prices will \u202erise\u202c, the minister said."


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_render_drops_bidi_controls(fmt):
    data = render(parse(f"---\ntitle: T\n---\n\n{TEXT}\n"), fmt)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode("utf-8")
    elif fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    else:
        text = data.decode("utf-8")
    assert not set(OVERRIDES) & set(text)
    assert "rise" in text
