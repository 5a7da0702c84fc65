"""The first-name miner (benchmarks.mine_names) on hand-built sentences."""

from __future__ import annotations

import pytest

from benchmarks.mine_names import first_name, votes

pytestmark = pytest.mark.model


def test_mine_names_counts_pronouns_of_the_persons_own_clauses(nlp):
    docs = [nlp("Hillary Clinton laid out her plan, and she said her campaign would win. "
                "John Smith said that Mary Jones lost her bag.")]
    tally, seen = votes(docs)
    # "her plan" and "she said" are Clinton's clauses; "her campaign" hangs on "she", not on her name
    assert tally["Hillary"] == {"f": 2}
    # "her bag" is in Mary Jones's clause, not John Smith's
    assert "John" not in tally and tally["Mary"] == {"f": 1}
    assert seen["Hillary"] == {0}


def test_mine_names_first_name_skips_titles(nlp):
    doc = nlp("Sen. Bernie Sanders spoke. Trump spoke.")
    assert first_name(doc[0:3]) == "Bernie"  # "Sen." is a title
    assert first_name(doc[5:6]) is None  # one word: no first name
