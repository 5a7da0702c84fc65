"""Scoring of the PolNeAR extraction benchmark, on tiny hand-made gold and predictions."""

import json

import pytest

from benchmarks.extraction import (
    Prediction,
    Scores,
    absorb_quotes,
    content_class,
    iou,
    is_exact,
    match,
    offset_map,
    source_ok,
    widen_to_quote_marks,
)
from benchmarks.polnear import GoldAttribution, parse_ann, read_folder
from briefing.errors import InputError


def gold(content, source=None, cue=None, id="E1"):
    return GoldAttribution(id=id, content=tuple(content), source=source and tuple(source), cue=cue)


# -- classes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will win,”", "direct"),
        ('"We will win."', "direct"),
        ("“We will win”.", "direct"),  # trailing punctuation outside the mark
        ("  “We will win,”  ", "direct"),
        ("''We will win,''", "direct"),  # NYT archive: two apostrophes for a double mark
        ("“First part,” “second part.”", "direct"),  # fragments joined
        ("that the alliance is the “linchpin” of peace", "mixed"),
        ("the “2+2” meeting", "mixed"),
        ("‘It Is Not A Radical Idea’ To Ask", "mixed"),  # single marks, paired
        ("that voters ''will decide,''", "mixed"),
        ("that he don’t like it", "indirect"),  # apostrophe
        ("that the ’90s were good", "indirect"),
        ("the Joneses’ house is big", "indirect"),
        ("that 'tis the season", "indirect"),  # unpaired opening single mark
        ("that taxes will rise", "indirect"),
        ("", "indirect"),
    ],
)
def test_extraction_content_class(text, expected):
    assert content_class(text) == expected


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("He said “we win,” then left.", ((9, 16),), ((8, 17),)),
        ("He said ''we win,'' then left.", ((10, 17),), ((8, 19),)),
        ("He said we win, then left.", ((8, 14),), ((8, 14),)),
        ("“ab”", ((1, 3),), ((0, 4),)),
    ],
)
def test_extraction_widen_to_quote_marks(text, spans, expected):
    assert widen_to_quote_marks(text, spans) == expected


# -- overlap and matching ------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (((0, 10),), ((0, 10),), 1.0),
        (((0, 10),), ((5, 15),), 5 / 15),
        (((0, 10),), ((10, 20),), 0.0),
        (((0, 4), (6, 10)), ((0, 10),), 0.8),  # discontinuous gold: the gap is not content
        (((6, 10), (0, 4)), ((0, 5),), 4 / 9),  # order and overlap inside a set do not matter
        (((0, 5), (3, 8)), ((0, 8),), 1.0),
        ((), ((0, 3),), 0.0),
    ],
)
def test_extraction_iou(a, b, expected):
    assert iou(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    "gold_spans, pred_spans, expected",
    [
        # one to one: the better prediction wins the gold, the other stays unmatched
        ([((0, 10),)], [((0, 8),), ((0, 10),)], [(0, 1, 1.0)]),
        # greedy by best IoU across gold items
        ([((0, 10),), ((0, 12),)], [((0, 12),)], [(1, 0, 1.0)]),
        ([((0, 10),), ((20, 30),)], [((21, 30),), ((0, 9),)], [(0, 1, 0.9), (1, 0, 0.9)]),
        # below the threshold is no match
        ([((0, 10),)], [((5, 15),)], []),
        ([((0, 10),)], [((0, 5),)], [(0, 0, 0.5)]),  # exactly 0.5 matches
        ([], [((0, 5),)], []),
    ],
)
def test_extraction_match(gold_spans, pred_spans, expected):
    pairs = match(gold_spans, pred_spans)
    assert [(g, p) for g, p, _ in pairs] == [(g, p) for g, p, _ in expected]
    assert [s for _, _, s in pairs] == pytest.approx([s for _, _, s in expected])


@pytest.mark.parametrize(
    "gold_source, speaker, expected",
    [
        (((0, 5),), (3, 8), True),
        (((0, 5),), (5, 8), False),  # touching is not sharing a character
        (((0, 5),), None, False),
        (None, None, True),  # no gold source needs no speaker
        (None, (0, 3), False),
        (((0, 2), (10, 15)), (12, 13), True),
    ],
)
def test_extraction_source_ok(gold_source, speaker, expected):
    assert source_ok(gold_source, speaker) is expected


TEXT = 'Kim said that "the alliance is strong, " and left.'


@pytest.mark.parametrize(
    "gold_spans, pred_spans, expected",
    [
        (((14, 40),), ((15, 38),), True),  # marks, space and punctuation trimmed on both
        (((9, 40),), ((15, 38),), False),  # gold starts with "that": 5 characters off
        (((14, 40),), ((17, 38),), True),  # 2 characters off after trimming
        (((14, 40),), ((18, 38),), False),
    ],
)
def test_extraction_exact(gold_spans, pred_spans, expected):
    assert is_exact(TEXT, gold_spans, pred_spans) is expected


# -- the table -----------------------------------------------------------------------------

ARTICLE = "Kim said “we are ready.” Lee said that talks failed. Park thinks the “deal” is dead."
#          0         1         2         3         4         5         6         7         8
#          0123456789012345678901234567890123456789012345678901234567890123456789012345678901234


def test_extraction_scores_per_class():
    gold_items = [
        gold([(9, 24)], [(0, 3)]),  # direct “we are ready.”
        gold([(34, 51)], [(25, 28)]),  # indirect: that talks failed
        gold([(65, 83)], [(53, 57)]),  # mixed: the “deal” is dead
    ]
    preds = [
        Prediction(((10, 23),), (0, 3)),  # the quote without marks: matches, right source, exact
        Prediction(((39, 51),), (53, 57)),  # "talks failed": IoU 12/17, wrong source, not exact
        Prediction(((0, 3),), None),  # a false positive
    ]
    scores = Scores()
    scores.add(ARTICLE, gold_items, preds)
    table = scores.table()

    direct, indirect, mixed, all_ = table["direct"], table["indirect"], table["mixed"], table["all"]
    assert (direct["gold"], direct["pred"], direct["precision"], direct["recall"]) == (1, 1, 1.0, 1.0)
    assert (direct["source_accuracy"], direct["e2e_f1"], direct["exact_f1"]) == (1.0, 1.0, 1.0)
    assert (indirect["gold"], indirect["pred"], indirect["precision"], indirect["recall"]) == (1, 2, 0.5, 1.0)
    assert (indirect["source_accuracy"], indirect["e2e_f1"], indirect["exact_f1"]) == (0.0, 0.0, 0.0)
    assert (mixed["gold"], mixed["pred"], mixed["recall"], mixed["f1"]) == (1, 0, 0.0, 0.0)
    quoted = table["quoted"]  # direct + mixed
    assert (quoted["gold"], quoted["pred"], quoted["matched"], quoted["precision"]) == (2, 1, 1, 1.0)
    assert (all_["gold"], all_["pred"], all_["matched"]) == (3, 3, 2)
    assert all_["precision"] == pytest.approx(2 / 3)
    assert all_["recall"] == pytest.approx(2 / 3)
    assert all_["source_accuracy"] == pytest.approx(0.5)
    assert all_["e2e_f1"] == pytest.approx(1 / 3)
    assert all_["exact_f1"] == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "positions, quotes, kept",
    [
        # a partial quote inside a reported clause is part of it
        ([Prediction(((30, 60),))], [Prediction(((40, 45),))], 1),
        ([Prediction(((30, 60),))], [Prediction(((10, 20),))], 2),
        ([Prediction(((30, 60),))], [Prediction(((25, 45),))], 2),  # straddling: its own prediction
        ([], [Prediction(((10, 20), (30, 40)))], 1),
    ],
)
def test_extraction_absorb_quotes(positions, quotes, kept):
    assert len(absorb_quotes(positions, quotes)) == kept


@pytest.mark.parametrize(
    "product, gold_text",
    [
        ("abc def", "abc def"),
        ("abc def", "\ufeffabc def"),
        ("abc  def", "abc def"),
    ],
)
def test_extraction_offset_map(product, gold_text):
    mapping = offset_map(product, gold_text)
    start = product.index("def")
    assert gold_text[mapping[start] : mapping[start + 3]] == "def"


# -- reading brat --------------------------------------------------------------------------

ANN = """T1\tSource 0 3\tKim
T2\tCue 4 8\tsaid
T3\tContent 9 24\t“we are ready.”
T4\tAttribution 4 8\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 58 64\tthinks
T6\tContent 64 70;75 83\tthe “deal” is dead
T7\tAttribution-no-source 58 64\tthinks
E2\tAttribution-no-source:T7 Cue:T5 Content:T6
T8\tContent 90 95\tfirst
T9\tContent 99 104\tsecond
line two of a span's text
E3\tAttribution:T4 Content:T8 Content2:T9
T10\tDiscuss 0 24\tKim said “we are ready.”
"""


def test_polnear_parse_ann():
    items = parse_ann(ANN)
    assert [g.id for g in items] == ["E1", "E2", "E3"]
    assert items[0] == gold([(9, 24)], [(0, 3)], cue=((4, 8),), id="E1")
    assert items[1].content == ((64, 70), (75, 83)) and items[1].source is None
    assert items[2].content == ((90, 95), (99, 104))


@pytest.mark.parametrize("bad", ["T1\tSource zero 3\tKim\n", "E1\tAttribution:T9 Content:T8\n"])
def test_polnear_parse_ann_refuses_broken(bad):
    with pytest.raises(InputError):
        parse_ann(bad)


def test_polnear_read_folder_takes_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "attributions" / "a_ffff.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "a_0000.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_b_0000.ann").write_text("", encoding="utf-8")  # another article's
    (article,) = read_folder(tmp_path)
    assert article.name == "a" and len(article.gold) == 3


def test_polnear_read_folder_refuses_other_folders(tmp_path):
    with pytest.raises(InputError, match="not a PolNeAR folder"):
        read_folder(tmp_path)


def test_extraction_scores_record_errors():
    gold_items = [gold([(9, 24)], [(0, 3)]), gold([(34, 51)], [(25, 28)])]
    preds = [Prediction(((10, 23),), (25, 28)), Prediction(((58, 64),), None)]
    scores = Scores()
    scores.add(ARTICLE, gold_items, preds, "a")
    found = {(e["error"], e["content"]) for e in scores.errors}
    assert found == {
        ("missed", "that talks failed"),
        ("spurious", "thinks"),
        ("wrong source", "“we are ready.”"),
    }


# -- the command, end to end ---------------------------------------------------------------


@pytest.mark.model
def test_extraction_command_prints_table(tmp_path, capsys):
    from benchmarks.extraction import main
    from briefing.nlp import load_pipeline

    load_pipeline()  # cached: the command reuses it
    text = 'The minister spoke on Monday. "We are ready to talk," Kim said.\n'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    start, source = text.index('"We'), text.index("Kim")
    (tmp_path / "attributions" / "a_0000.ann").write_text(
        f"T1\tContent {start} {start + 23}\tx\nT2\tSource {source} {source + 3}\tKim\n"
        f"E1\tAttribution:T1 Content:T1 Source:T2\n",
        encoding="utf-8",
    )
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for row in ("direct", "mixed", "indirect", "all", "analysis/parse"):
        assert row in out
    assert main([str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scores"]["all"]["gold"] == 1 and report["scores"]["direct"]["gold"] == 1


def test_extraction_command_refuses_other_folders(tmp_path, capsys):
    from benchmarks.extraction import main

    assert main([str(tmp_path)]) == InputError.exit_code
    assert "not a PolNeAR folder" in capsys.readouterr().err


@pytest.mark.parametrize("seconds, sleep, stopped", [(0.05, 2.0, True), (1.0, 0.0, False), (None, 0.1, False)])
def test_extraction_time_limit(seconds, sleep, stopped):
    import time

    from benchmarks.extraction import AnalysisTimeout, time_limit

    started = time.perf_counter()
    try:
        with time_limit(seconds):
            time.sleep(sleep)
        result = False
    except AnalysisTimeout:
        result = True
    assert result is stopped
    assert time.perf_counter() - started < 1.5
