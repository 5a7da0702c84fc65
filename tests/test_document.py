"""Parsing template Markdown into document blocks."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.document import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    OrderedList,
    Paragraph,
    Rule,
    Run,
    Table,
    meta_text,
    parse,
    plain,
)
from briefing.errors import TemplateError
from briefing.templates import md_escape

HOSTILE = [
    "a & b",
    "<script>alert(1)</script>",
    "*not emphasis* and **not bold**",
    "# not a heading",
    "pipe | inside",
    "{{ not_jinja }} {% raw %}",
    "[link](http://evil.example)",
    "back\\slash \\* \\\\",
    "&amp; &#42; &copy;",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "`not code`",
    "![img](x.png)",
    "<http://autolink.example>",
    "___ --- ***",
]




@pytest.mark.parametrize("text", HOSTILE)
def test_document_escaped_text_is_literal_in_paragraph(text):
    doc = parse(md_escape(text) + "\n")
    assert doc.blocks == [Paragraph([Run(text)])]


@pytest.mark.parametrize("text", HOSTILE)
def test_document_escaped_text_is_literal_in_table_cell(text):
    doc = parse(f"| Name | Note |\n|---|---|\n| {md_escape(text)} | x |\n")
    (table,) = doc.blocks
    assert isinstance(table, Table)
    assert plain(table.rows[0][0]) == text
    assert plain(table.rows[0][1]) == "x"


@pytest.mark.parametrize("text", HOSTILE)
def test_document_escaped_text_is_literal_in_heading_and_quote(text):
    doc = parse(f"## {md_escape(text)}\n\n> {md_escape(text)}\n")
    assert doc.blocks == [Heading(2, [Run(text)]), BlockQuote([Paragraph([Run(text)])])]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("# One\n", [Heading(1, [Run("One")])]),
        ("###### Six\n", [Heading(6, [Run("Six")])]),
        ("a *b* **c** `d`\n", [Paragraph([Run("a "), Run("b", italic=True), Run(" "), Run("c", bold=True),
                                          Run(" "), Run("d", code=True)])]),
        ("***both***\n", [Paragraph([Run("both", bold=True, italic=True)])]),
        ("[State](https://www.state.gov/)\n", [Paragraph([Run("State", link="https://www.state.gov/")])]),
        ("one\ntwo\n", [Paragraph([Run("one two")])]),
        ("one\\\ntwo\n", [Paragraph([Run("one\ntwo")])]),
        ("<b>raw</b>\n", [Paragraph([Run("<b>raw</b>")])]),
        ("---\n", [Rule()]),
        ("    code\n", [Paragraph([Run("code", code=True)])]),
        ("- a\n- b\n", [BulletList([[Paragraph([Run("a")])], [Paragraph([Run("b")])]])]),
        ("3. c\n4. d\n", [OrderedList([[Paragraph([Run("c")])], [Paragraph([Run("d")])]], start=3)]),
        ("- a\n  - b\n", [BulletList([[Paragraph([Run("a")]), BulletList([[Paragraph([Run("b")])]])]])]),
        ("> q\n>\n> r\n", [BlockQuote([Paragraph([Run("q")]), Paragraph([Run("r")])])]),
        ("| h |\n|---|\n| c |\n| d |\n", [Table([[Run("h")]], [[[Run("c")]], [[Run("d")]]])]),
        ("![alt text](x.png)\n", [Paragraph([Run("alt text")])]),
        ("", []),
    ],
)
def test_document_parse_blocks(source, expected):
    assert parse(source).blocks == expected


def test_document_parse_front_matter_keeps_every_key():
    doc = parse(
        "---\ntitle: 'Brief: X'\nmarking: OFFICIAL-SENSITIVE\ndate: 2021-03-17\n"
        "keywords: [Blinken, Austin]\ncustom: 7\n---\n# Body\n"
    )
    assert doc.meta == {
        "title": "Brief: X",
        "marking": "OFFICIAL-SENSITIVE",
        "date": dt.date(2021, 3, 17),
        "keywords": ["Blinken", "Austin"],
        "custom": 7,
    }
    assert doc.title == "Brief: X"
    assert doc.marking == "OFFICIAL-SENSITIVE"
    assert doc.text("date") == "17 March 2021"
    assert doc.text("keywords") == "Blinken, Austin"
    assert doc.blocks == [Heading(1, [Run("Body")])]


@pytest.mark.parametrize("marking", ["", "''", "null", "'   '"])
def test_document_empty_marking_means_no_banner(marking):
    assert parse(f"---\ntitle: T\nmarking: {marking}\n---\n").marking == ""


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        ("  two   spaces\n", "two spaces"),
        (dt.date(2021, 3, 5), "5 March 2021"),
        (dt.datetime(2021, 3, 5, 10, 0), "5 March 2021"),
        (["a", None, 3], "a, 3"),
        ({"name": "The Diplomat", "date": dt.date(2021, 3, 17)}, "The Diplomat, 17 March 2021"),
    ],
)
def test_document_meta_text(value, expected):
    assert meta_text(value) == expected


def test_document_title_defaults_when_absent():
    assert Document().title == "Brief"


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("title: [unclosed\n", "not valid YAML"),
        ("- a list\n- not a mapping\n", "must be a YAML mapping"),
        ("just text\n", "must be a YAML mapping"),
    ],
)
def test_document_bad_front_matter_raises_template_error(front_matter, message):
    with pytest.raises(TemplateError, match=message) as caught:
        parse(f"---\n{front_matter}---\nbody\n")
    assert "\n" not in str(caught.value)
