"""What spaCy reads: invisible format characters dropped, offsets mapped back to the article."""

from __future__ import annotations

import pytest

from briefing.analysis.reading import read
from briefing.ingest import source_from_text


@pytest.mark.parametrize("text, read_as", [
    ("Ma\u200brc Dupont spoke.", "Marc Dupont spoke."),
    ("win\u00adter\u2060 is long", "winter is long"),
    ("plain text", "plain text"),
])
def test_reading_drops_invisible_format_characters(text, read_as):
    assert read(source_from_text(text)).text == read_as


def test_reading_reads_the_headline_and_standfirst_once():
    # the deck under a headline carries attributions too ("One protest organizer says ...")
    text = ("Black Lives Matter seeks Clinton's ear; \nOne protest organizer says party platform ignores movement."
            "\n\nSeveral hundred demonstrators marched in North Philadelphia on Tuesday afternoon.\n")
    source = source_from_text(text)
    assert [d.kind for d in source.debris] == ["headline", "standfirst"]
    assert read(source).text == text


def test_reading_maps_spans_back_to_the_article():
    text = "Ma\u200brc said \u201cno\u00ad way\u201d."
    reading = read(source_from_text(text))
    start = reading.text.index("no")
    s, e = reading.to_source(start, start + len("no way"))
    assert text[s:e] == "no\u00ad way"
    name = reading.to_source(0, 4)
    assert text[name[0]:name[1]] == "Ma\u200brc"
    assert reading.from_source(text.index("said")) == reading.text.index("said")


@pytest.mark.model
def test_reading_zero_width_characters_neither_split_names_nor_break_verbatim_quotes(nlp):
    from briefing.analysis import analyze

    text = ("Energy talks end.\n\nThe Commission president, Ma\u200brc Dupont, told reporters the talks were hard. "
            "\u201cNobody wants another win\u00adter like the last one,\u201d he said.")
    brief = analyze(source_from_text(text), nlp=nlp)
    assert "Marc Dupont" in [a.name for a in brief.actors]
    [quote] = brief.quotes
    assert quote.text == text[quote.start:quote.end] == "Nobody wants another win\u00adter like the last one,"
    assert brief.actor(quote.speaker).name == "Marc Dupont"


def test_reading_analysis_never_rebuilds_doc_text():
    """spaCy joins every token anew on each ``doc.text``: read once per quote, it made a
    hundredfold article take 300 times as long. The rules use ``doc_text(doc)``."""
    import re
    from pathlib import Path

    import briefing.analysis

    folder = Path(briefing.analysis.__file__).parent
    uses = [f"{path.name}:{n}" for path in sorted(folder.glob("*.py")) if path.name != "reading.py"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if re.search(r"(?<!`)\bdoc\.text\b(?!`)", line)]
    assert uses == []
