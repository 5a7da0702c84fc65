"""HTML and Markdown writers, and the render/atomic_write entry points."""

from __future__ import annotations

import os
import string
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.document import BlockQuote, BulletList, Document, Heading, OrderedList, Paragraph, Run, Table, parse
from briefing.errors import OutputError, UsageError
from briefing.render import FORMATS, atomic_write, render
from briefing.templates import md_escape

HOSTILE = "Hostile | pipe *star* <script>alert(1)</script> &amp; {{ x }} [link](x) \\ # `tick` _u_"




BRIEF = f"""---
title: "Brief: Talks <in> Seoul & Tokyo"
subtitle: Alliance reaffirmed
marking: OFFICIAL-SENSITIVE
audience: Minister
date: 2021-03-17
author: Policy Unit
source: The Diplomat
keywords: [Blinken, Austin]
---
## Bottom line up front

Blinken and Austin reaffirmed the **alliance**\\.

## Key points

- {md_escape(HOSTILE)}
- Second point with *emphasis*

| Name | Role |
|---|---|
| {md_escape(HOSTILE)} | Secretary of State |

> “{md_escape(HOSTILE)}”

3. third
4. fourth
"""


class _TextOf(HTMLParser):
    """The text content of an HTML page, and the tags it uses."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _html(document: Document) -> _TextOf:
    parser = _TextOf()
    parser.feed(render(document, "html").decode("utf-8"))
    return parser


def test_render_html_hostile_text_is_escaped_not_markup():
    page = _html(parse(BRIEF))
    text = "".join(page.text)
    assert text.count(HOSTILE) == 3  # list item, table cell, quote
    assert "script" not in page.tags
    assert "Brief: Talks <in> Seoul & Tokyo" in text


def test_render_html_marking_banner_top_and_bottom():
    html = render(parse(BRIEF), "html").decode()
    assert html.count('class="marking') == 2
    assert html.index("OFFICIAL-SENSITIVE") < html.index("<main>") < html.rindex("OFFICIAL-SENSITIVE")


@pytest.mark.parametrize("marking", ["", "''"])
def test_render_html_no_marking_no_banner(marking):
    html = render(parse(f"---\ntitle: T\nmarking: {marking}\n---\nx\n"), "html").decode()
    assert 'class="marking' not in html


@pytest.mark.parametrize(
    "source, fragment",
    [
        ("3. a\n4. b\n", '<ol start="3">'),
        ("> q\n", "<blockquote>"),
        ("| h |\n|---|\n| c |\n", "<thead><tr><th>h</th></tr></thead>"),
        ("[ok](https://a.example/?x=1&y=2)\n", '<a href="https://a.example/?x=1&amp;y=2">ok</a>'),
        ("[bad](javascript:alert)\n", "[bad](javascript:alert)"),
        ("a\\\nb\n", "a<br>"),
        ("## Section\n\n### Sub\n", "<h2>Section</h2>\n<h3>Sub</h3>"),
        ("# Title\n\n## Section\n", "<h1 class=\"title\">Title</h1>\n</header>\n<h2>Section</h2>"),
    ],
)
def test_render_html_blocks(source, fragment):
    assert fragment in render(parse(source), "html").decode()


def test_render_html_drops_characters_xml_cannot_hold():
    html = render(Document(blocks=[Paragraph([Run("a\x00b\x0bc\ufffe")])]), "html").decode()
    assert "<p>abc</p>" in html


# -- Markdown -------------------------------------------------------------------------------


def test_render_md_round_trips_the_sample_brief():
    document = parse(BRIEF)
    again = parse(render(document, "md").decode("utf-8"))
    assert again == document


def test_render_md_reads_cleanly():
    text = render(parse(BRIEF), "md").decode()
    assert text.startswith("---\ntitle: ")
    assert "Blinken and Austin reaffirmed the **alliance**." in text  # no needless escapes
    assert "- Second point with *emphasis*" in text


@pytest.mark.parametrize(
    "document",
    [
        Document(blocks=[Paragraph([Run("- dash\n# hash\n2) two\n=== x\n+ plus")])]),
        Document(blocks=[Paragraph([Run("a", bold=True), Run("b", italic=True), Run("c", bold=True, italic=True)])]),
        Document(blocks=[Paragraph([Run("x `tick` y", code=True), Run(" and "), Run("`", code=True)])]),
        Document(blocks=[Paragraph([Run("[link text]", link="https://a.example/(x)<y>")])]),
        Document(blocks=[Table([[Run("a|b")], [Run("c")]], [[[Run("1\\2")], [Run("*")]], [[Run("short")]]])]),
        Document(blocks=[BulletList([[Paragraph([Run("one")]), Paragraph([Run("two")])], [Paragraph([Run("3")])]])]),
        Document(blocks=[OrderedList([[Paragraph([Run("x")]), OrderedList([[Paragraph([Run("y")])]], 7)]], 2)]),
        Document(blocks=[BlockQuote([Paragraph([Run("q")]), BulletList([[Paragraph([Run("r")])]])])]),
        Document(blocks=[Heading(3, [Run("#1 ranked & <best>")])]),
    ],
)
def test_render_md_round_trips_blocks(document):
    first = parse(render(document, "md").decode())
    # Writing what was read gives it back unchanged.
    assert parse(render(first, "md").decode()) == first
    assert [type(b) for b in first.blocks] == [type(b) for b in document.blocks]


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from(
        list(string.punctuation) + [" ", "\n"]
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=1, max_size=4))
def test_render_md_round_trips_any_escaped_text(texts):
    # Article text as templates emit it, in a paragraph, a list, a table and a quote.
    escaped = [md_escape(t).replace("\n", " ") for t in texts]
    source = (
        f"{escaped[0]}\n\n"
        + "".join(f"- {e}\n" for e in escaped)
        + "\n| h |\n|---|\n"
        + "".join(f"| {e} |\n" for e in escaped)
        + f"\n> {escaped[-1]}\n"
    )
    document = parse(source)
    assert parse(render(document, "md").decode()) == document


# -- render, atomic_write ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["rtf", "PDF", ""])
def test_render_unknown_format_is_usage_error(fmt):
    with pytest.raises(UsageError, match="unknown output format"):
        render(Document(), fmt)


def test_render_formats_have_extensions():
    assert FORMATS == {"pdf": ".pdf", "docx": ".docx", "html": ".html", "md": ".md"}


def test_render_atomic_write_replaces_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    atomic_write(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("where", ["missing/brief.pdf", "."])
def test_render_atomic_write_failure_is_output_error(tmp_path, where):
    target = tmp_path / where
    with pytest.raises(OutputError, match="cannot write") as caught:
        atomic_write(target, b"data")
    assert "\n" not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_render_atomic_write_failed_write_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]
