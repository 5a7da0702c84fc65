"""Tests of briefing.ingest: reading, refusing, decoding, HTML, debris and stated metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sys
import zipfile
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest import (
    DEFAULT_MAX_BYTES,
    analysis_text,
    read_article,
    source_from_bytes,
    source_from_text,
)
from briefing.ingest_layout import read_layout, sentence_count
from briefing.ingest_meta import parse_byline, parse_date_line, parse_dateline

DATA = Path(__file__).parent / "data" / "ingest"
SAMPLE = DATA / "us-secretaries-of-state-and-defense-in-seoul.txt"
HEADLINE = "US Secretaries of State and Defense Hold Talks in South Korea"

BODY = (
    "U.S. Secretary of State Antony Blinken arrived in Seoul on Wednesday for talks with his "
    "South Korean counterpart, officials said.\n\n"
    "“We hope the alliance will grow stronger,” Foreign Minister Chung Eui-yong said.\n"
)


def kinds_and_texts(source):
    return [(d.kind, source.text[d.start:d.end]) for d in source.debris]


# -- the reference sample -------------------------------------------------------------------


def test_ingest_sample_debris_exactly():
    source = read_article(SAMPLE)
    assert kinds_and_texts(source) == [
        ("section", "The Koreas"),
        ("headline", HEADLINE),
        ("section", "Recent Features"),
        ("section", "The Koreas\u00a0|\u00a0Diplomacy\u00a0|\u00a0East Asia"),
        ("headline", HEADLINE),
        ("standfirst", "After a joint two-day visit to Japan, the new officials headed to South Korea "
                       "amid North Korea’s blunt criticism toward Washington."),
        ("headline", HEADLINE),
        ("caption", "Secretary of State Antony Blinken meets with Republic of Korea Foreign Minister "
                    "Chung Eui-yong, in Seoul, Republic of Korea, on March 17, 2021."),
        ("credit", "Credit: State Department photo by Ron Przysucha"),
    ]


def test_ingest_sample_title_and_unstated_metadata():
    source = read_article(SAMPLE)
    assert source.title == HEADLINE
    # "told The Diplomat" quotes a source; it does not say who published the article.
    assert (source.author, source.publisher, source.published) == (None, None, None)
    assert source.encoding == "utf-8"
    assert source.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


def test_ingest_sample_first_body_line_is_analysed():
    source = read_article(SAMPLE)
    text = analysis_text(source)
    first = "U.S. Secretary of State Antony Blinken and Secretary of Defense Lloyd Austin III arrived"
    start = source.text.index(first)
    assert text[start:start + len(first)] == first
    assert "Recent Features" not in text and "Przysucha" not in text and HEADLINE not in text


# -- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, encoding, expected", [
    ("Café “talks” — naïve\r\nline two\n".encode("utf-8"), "utf-8", "Café “talks” — naïve\r\nline two\n"),
    (b"\xef\xbb\xbfHello \xe2\x80\x9cworld\xe2\x80\x9d\n", "utf-8-sig", "Hello “world”\n"),
    ("\ufeffHello “world” from Seoul\n".encode("utf-16-le"), "utf-16", "Hello “world” from Seoul\n"),
    ("\ufeffHello “world” from Seoul\n".encode("utf-16-be"), "utf-16", "Hello “world” from Seoul\n"),
    (("He said “no” — it’s over, and the café closed. " * 4).encode("cp1252"), "cp1252",
     "He said “no” — it’s over, and the café closed. " * 4),
])
def test_ingest_decodes_encodings(tmp_path, raw, encoding, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    source = read_article(path)
    assert source.text == expected
    assert source.encoding == encoding
    assert source.sha256 == hashlib.sha256(raw).hexdigest()


def test_ingest_decodes_latin1(tmp_path):
    text = "Le café du président est fermé, a déclaré le ministre à Genève. " * 3
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("latin-1"))
    source = read_article(path)
    assert source.text == text
    assert source.encoding in ("latin_1", "cp1252", "iso8859-1", "iso8859-15")


def test_ingest_utf8_offsets_index_the_file(tmp_path):
    raw = "Headline here\r\n\r\n  Body\u00a0line with  two  spaces said Kim.\r\n".encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_article(path).text == raw.decode("utf-8")


@pytest.mark.parametrize("forced, recorded", [("latin-1", "iso8859-1"), ("CP1252", "cp1252"), ("utf_8", "utf-8")])
def test_ingest_forced_encoding_is_used(forced, recorded):
    source = source_from_bytes("Caf\u00e9 talks in Seoul end.".encode("latin-1") if forced != "utf_8"
                               else "Café talks in Seoul end.".encode("utf-8"), encoding=forced)
    assert source.text == "Café talks in Seoul end."
    assert source.encoding == recorded


@pytest.mark.parametrize("forced, message", [
    ("klingon-8", "unknown text encoding"),
    ("utf-8", "not valid utf-8"),
])
def test_ingest_forced_encoding_errors(forced, message):
    with pytest.raises(InputError, match=message):
        source_from_bytes("Caf\u00e9 talks".encode("cp1252"), path="a.txt", encoding=forced)


FRENCH = "Le ministre a déclaré « nous reprendrons » lundi à Paris, selon un communiqué de l'Élysée.\n"


@pytest.mark.parametrize("raw, forced", [
    (FRENCH.encode("utf-8"), "latin-1"),  # UTF-8 read as Latin-1: "dÃ©clarÃ©"
    (FRENCH.encode("utf-8"), "cp1252"),
    ((FRENCH + ".").encode("utf-8"), "utf-16-le"),  # ASCII byte pairs read as CJK ideographs
])
def test_ingest_forced_encoding_that_garbles_is_refused(raw, forced):
    with pytest.raises(InputError, match=r"garbled text but reads cleanly as utf-8"):
        source_from_bytes(raw, path="a.txt", encoding=forced)


def test_ingest_forced_encoding_that_reads_is_kept():
    # Forced cp1252 on real cp1252 bytes reads cleanly: no complaint, even though detection might differ.
    source = source_from_bytes(FRENCH.encode("cp1252"), path="a.txt", encoding="cp1252")
    assert source.text == FRENCH


# -- standard input, text, HTML -------------------------------------------------------------


def test_ingest_reads_stdin_bytes(monkeypatch):
    raw = ("Talks end in Seoul\n\n" + BODY).encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    source = read_article("-")
    assert source.text == "Talks end in Seoul\n\n" + BODY
    assert source.path is None and source.encoding == "utf-16" and source.title == "Talks end in Seoul"


def test_ingest_stdin_over_limit_is_refused(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 100)))
    with pytest.raises(InputError, match="standard input.*--max-bytes"):
        read_article("-", max_bytes=50)


def test_ingest_source_from_text_keeps_text():
    text = "Talks end in Seoul\n\n" + BODY
    source = source_from_text(text, path="pasted")
    assert source.text == text and source.path == "pasted" and source.encoding is None
    assert source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("path, html", [(str(DATA / "diplomat-page.html"), None), (None, None), (None, True)])
def test_ingest_html_page_reduced_to_article(path, html):
    raw = (DATA / "diplomat-page.html").read_bytes()
    source = source_from_bytes(raw, path=path, html=html)
    assert source.title == "Allies Reaffirm Alliance in Seoul Talks"
    assert source.author == "Jane Doe"
    assert source.publisher == "The Diplomat"
    assert source.published == dt.date(2021, 3, 18)
    assert source.url == "https://thediplomat.com/2021/03/allies-reaffirm-alliance-in-seoul-talks/"
    assert "“We hope that the Korea-U.S. relationship" in source.text
    for chrome in ("Privacy policy", "newsletter", "Japan Talks End", "dataLayer", "<p>"):
        assert chrome not in source.text
    assert source.sha256 == hashlib.sha256(raw).hexdigest()


def test_ingest_html_false_reads_markup_as_text():
    raw = (DATA / "diplomat-page.html").read_bytes()
    assert "<p>" in source_from_bytes(raw, html=False).text


def test_ingest_html_without_article_is_refused():
    with pytest.raises(InputError, match="no article text found in the HTML page page.html"):
        source_from_bytes(b"<!DOCTYPE html><html><body><nav>Home</nav></body></html>", path="page.html")


# -- refusals -------------------------------------------------------------------------------


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize("raw, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (_docx(), r"a Word document \(\.docx\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"Word \.doc"),
    (_zip(), "a zip archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
    (b"\x7fELF\x02\x01\x01\x00", "an executable program"),
    (b"MZ\x90\x00\x03\x00\x00\x00", "an executable program"),
    (b"Some text\x00with a NUL byte", "NUL bytes"),
])
def test_ingest_refuses_binary(tmp_path, raw, what):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=what) as info:
        read_article(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode("utf-8")])
def test_ingest_refuses_empty(tmp_path, raw):
    path = tmp_path / "empty.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=r"empty\.txt is empty"):
        read_article(path)


def test_ingest_refuses_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 30)
    with pytest.raises(InputError, match=r"big\.txt is larger than 100 bytes.*--max-bytes"):
        read_article(path, max_bytes=100)
    assert read_article(path, max_bytes=1000).text.startswith("word")
    assert DEFAULT_MAX_BYTES == 5_000_000


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "does not exist"),
    (lambda p: p, "is a folder"),
])
def test_ingest_refuses_missing_and_folders(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        read_article(make(tmp_path))


def test_ingest_refuses_undecodable():
    with pytest.raises(InputError, match="cannot tell which text encoding.*--encoding"):
        source_from_bytes(bytes(range(0x80, 0x100)) * 3, path="junk.txt")


# -- analysis text --------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u202e", "\u2066", "\x07", "\x1b", "\u00ad", "\ufeff"])
def test_ingest_analysis_text_blanks_invisible_characters(char):
    text = f"Talks end in Seoul\n\nKim said{char} the talks failed, officials said."
    source = source_from_text(text)
    assert char in source.text  # offsets stay those of the input
    blanked = analysis_text(source)
    assert len(blanked) == len(text)
    assert char not in blanked and blanked[text.index(char)] == " "


def test_ingest_analysis_text_blanks_debris_keeping_newlines():
    source = read_article(SAMPLE)
    blanked = analysis_text(source)
    assert len(blanked) == len(source.text)
    assert [i for i, c in enumerate(source.text) if c == "\n"] == [i for i, c in enumerate(blanked) if c == "\n"]
    for d in source.debris:
        assert blanked[d.start:d.end].strip() == ""
    kept = analysis_text(source, keep=("headline",))
    assert kept.count(HEADLINE) == 3 and "Przysucha" not in kept


# -- layout rules ---------------------------------------------------------------------------


def layout_of(text):
    lay = read_layout(text)
    return lay, [(d.kind, text[d.start:d.end]) for d in lay.debris]


@pytest.mark.parametrize("line, kind", [
    ("Advertisement", "section"),
    ("Share this article", "section"),
    ("Read more", "section"),
    ("The Koreas | Diplomacy | East Asia", "section"),
    ("Photo: Jane Roe/Reuters", "credit"),
    ("(AP Photo/Evan Vucci)", "credit"),
    ("Scott Olson via Getty Images.", "credit"),
    ("Getty Images", "credit"),
    ("Follow Pam Key on Twitter @pamkeyNEN.", "boilerplate"),
    ("© 2021 The Diplomat. All rights reserved.", "boilerplate"),
    ("___.", "boilerplate"),
])
def test_ingest_layout_marks_furniture_lines_in_body(line, kind):
    text = f"Talks end in Seoul\n\n{BODY}\n{line}\n\nThe ministers met again on Thursday, officials said.\n"
    _, debris = layout_of(text)
    assert (kind, line) in debris
    assert all(t not in BODY for _, t in debris[1:])


def test_ingest_layout_marks_tags_left_in_pasted_text():
    post = '<tweet pic="" author="emmaroller" tweet_id="694353809384951809">a handy guide for reporters</tweet>'
    text = f"Talks end in Seoul\n\n{BODY}\n{post}<tweet/>\n\nIf a<b and c>d, the ministers met again.\n"
    _, debris = layout_of(text)
    markup = [t for kind, t in debris if kind == "markup"]
    assert markup == ['<tweet pic="" author="emmaroller" tweet_id="694353809384951809">', "</tweet>", "<tweet/>"]


@pytest.mark.parametrize("line", [
    "By Wednesday afternoon, the White House had cited initial analysis, officials said.",
    "By contrast, the Iowa caucuses are heavily influenced by Christian conservatives.",
    "Photos showed mourners crouched over bodies, witnesses said.",
    "It's game time.",
])
def test_ingest_layout_keeps_body_lines(line):
    text = f"Talks end in Seoul\n\n{line}\n\n{BODY}"
    lay, debris = layout_of(text)
    assert debris == [("headline", "Talks end in Seoul")]
    assert lay.author is None


def test_ingest_layout_first_body_line_before_label_is_not_standfirst():
    text = "Trump tweets a chart\n\nTrump on Sunday tweeted a chart of crime statistics.\n\nTwitter.\n\n" + BODY
    _, debris = layout_of(text)
    assert debris == [("headline", "Trump tweets a chart"), ("section", "Twitter.")]


def test_ingest_layout_quote_before_credit_is_not_caption():
    text = f"Talks end in Seoul\n\n{BODY}\n“We will go on,” he said.\n\nScott Olson via Getty Images.\n\nMore text.\n"
    _, debris = layout_of(text)
    assert ("credit", "Scott Olson via Getty Images.") in debris
    assert not any(kind == "caption" for kind, _ in debris)


@pytest.mark.parametrize("caption", [
    "Christoph Blocher reacts during a meeting in Zurich on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)",
    "President Joe Biden speaks in Washington on March 3, 2021. (AP Photo/Evan Vucci)",
])
def test_ingest_layout_caption_with_trailing_credit(caption):
    text = f"Talks end in Seoul\n\n{BODY}\n{caption}\n\nMore text follows here, officials said.\n"
    _, debris = layout_of(text)
    kinds = [k for k, _ in debris]
    assert kinds == ["headline", "caption", "credit"]
    assert debris[1][1] + " " + debris[2][1] == caption


def test_ingest_layout_header_with_byline_date_and_standfirst():
    text = (
        "Politics\n\nAllies Reaffirm Alliance in Seoul Talks\n\n"
        "The ministers met after a joint two-day visit to Japan.\n\n"
        "By Jane Doe, Reuters\n\nPublished March 18, 2021\n\nUpdated: 2021-03-19\n\n" + BODY
    )
    lay, debris = layout_of(text)
    assert [k for k, _ in debris] == ["section", "headline", "standfirst", "byline", "dateline", "dateline"]
    assert (lay.title, lay.author, lay.publisher, lay.published) == (
        "Allies Reaffirm Alliance in Seoul Talks", "Jane Doe", "Reuters", dt.date(2021, 3, 18))


def test_ingest_layout_two_line_headline_deck():
    text = ("Carson on defense, attacking critics as scrutiny heats up; \n"
            "Republican presidential candidate's biography questioned.\n\n"
            "Ben Carson says he is under political attack because of his rise in the polls.\n")
    lay, debris = layout_of(text)
    assert lay.title == "Carson on defense, attacking critics as scrutiny heats up"
    assert debris == [("headline", "Carson on defense, attacking critics as scrutiny heats up;"),
                      ("standfirst", "Republican presidential candidate's biography questioned.")]


@pytest.mark.parametrize("first_line, title", [
    ("Sanders: Endorsements prove Clinton 'candidate of the establishment.'",
     "Sanders: Endorsements prove Clinton 'candidate of the establishment'"),
    ("Game over. Will Sanders come down off the pique?", "Game over. Will Sanders come down off the pique?"),
    ("Talks in the U.S.", "Talks in the U.S."),
    ("Obama Claims Hillary Most Qualified Candidate Ever, But ….", "Obama Claims Hillary Most Qualified Candidate Ever, But …"),
])
def test_ingest_layout_title_clean_up(first_line, title):
    lay, _ = layout_of(f"{first_line}\n\n{BODY}")
    assert lay.title == title


def test_ingest_layout_title_fallback_when_no_headline():
    long_line = ("U.S. Secretary of State Antony Blinken and Secretary of Defense Lloyd Austin III arrived in "
                 "South Korea on March 17, after a two-day visit to Japan, to meet their counterparts. Then more.")
    lay, debris = layout_of(long_line + "\n\nSecond paragraph here.\n")
    assert debris == []
    assert lay.title.endswith("…") and len(lay.title) <= 101
    assert long_line.startswith(lay.title[:-1])


def test_ingest_layout_dateline_and_wire_publisher():
    text = "Talks end in Seoul\n\nWASHINGTON (AP) — The talks ended on Thursday, officials said.\n"
    lay, debris = layout_of(text)
    assert debris[1] == ("dateline", "WASHINGTON (AP) —")
    assert lay.publisher == "Associated Press"


# -- metadata parsers -----------------------------------------------------------------------


@pytest.mark.parametrize("line, author, publisher", [
    ("By Jane Doe", "Jane Doe", None),
    ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe", "Reuters"),
    ("Jane Doe, Reuters", "Jane Doe", "Reuters"),
    ("By Jane Doe for The Diplomat", "Jane Doe", "The Diplomat"),
    ("By Jane Doe, Staff Writer", "Jane Doe", None),
])
def test_ingest_meta_parses_bylines(line, author, publisher):
    by = parse_byline(line)
    assert (by.author, by.publisher) == (author, publisher)


@pytest.mark.parametrize("line", ["New York, New York", "By contrast, the Iowa caucuses matter.", "By Wednesday afternoon"])
def test_ingest_meta_rejects_non_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, day, updated", [
    ("Published March 18, 2021", dt.date(2021, 3, 18), False),
    ("Updated: 2016-09-12", dt.date(2016, 9, 12), True),
    ("March 18, 2021 9:30 a.m. ET", dt.date(2021, 3, 18), False),
    ("Thu 18 March 2021", dt.date(2021, 3, 18), False),
])
def test_ingest_meta_parses_date_lines(line, day, updated):
    parsed = parse_date_line(line)
    assert (parsed.published, parsed.updated) == (day, updated)


@pytest.mark.parametrize("line", ["The talks began on March 18, 2021 in Seoul.", "9:05 p.m."])
def test_ingest_meta_rejects_sentences_with_dates(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize("line, place, publisher", [
    ("WASHINGTON (AP) — The talks", "WASHINGTON", "Associated Press"),
    ("NASHUA, N.H. - At the moment", "NASHUA, N.H.", None),
    ("LONDON, March 18 (Reuters) - Britain said", "LONDON", "Reuters"),
    ("MACAU (Reuters) – The casino", "MACAU", "Reuters"),
])
def test_ingest_meta_parses_datelines(line, place, publisher):
    parsed = parse_dateline(line)
    assert (parsed.place, parsed.publisher) == (place, publisher)


@pytest.mark.parametrize("line", ["SANDERS HAS ADVANTAGE IN NEW HAMPSHIRE - Polls show", "The talks - which ended"])
def test_ingest_meta_rejects_non_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("text, count", [
    ("Talks in the U.S. Senate end.", 1),
    ("Sen. Sanders spoke. Then he left.", 2),
    ("Game over. Will Sanders come down?", 2),
])
def test_ingest_layout_sentence_count(text, count):
    assert sentence_count(text) == count


def test_ingest_copyright_names_publisher():
    source = source_from_text(f"Talks end in Seoul\n\n{BODY}\n© 2021 The Diplomat. All rights reserved.\n")
    assert source.publisher == "The Diplomat"


# -- PolNeAR train texts: headlines found, annotated body never marked ----------------------

POLNEAR_TRAIN = next(
    (p for p in (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "train",
                 Path("/work/shared/corpus/polnear/train")) if p.is_dir()),
    None,
)
POLNEAR_EVERY = 30  # 28 of the 840 train texts, spread over every publisher
# Kinds that may hold annotated attributions: PolNeAR annotates headlines and decks too.
HEADER_KINDS = ("headline", "standfirst")


def _polnear_texts():
    if POLNEAR_TRAIN is None:
        return []
    return sorted((POLNEAR_TRAIN / "text").glob("*.txt"))[::POLNEAR_EVERY]


def _annotated_spans(text_path: Path) -> list[tuple[int, int]]:
    spans = []
    for ann in (POLNEAR_TRAIN / "attributions").glob(text_path.stem + "_*.ann"):
        for row in ann.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if len(parts) < 2 or parts[1].split(" ")[0] not in ("Source", "Cue", "Content"):
                continue
            for piece in parts[1].split(" ", 1)[1].split(";"):
                start, end = map(int, piece.split())
                spans.append((start, end))
    return spans


@pytest.mark.skipif(POLNEAR_TRAIN is None, reason="PolNeAR corpus not found beside the repository")
@pytest.mark.parametrize("path", _polnear_texts(), ids=lambda p: p.stem[:40])
def test_ingest_polnear_headline_found_and_body_kept(path):
    source = read_article(path)
    first_line = source.text.split("\n", 1)[0].strip()
    assert source.debris[0].kind == "headline"
    assert source.text[source.debris[0].start:source.debris[0].end] == first_line
    assert source.title and first_line.startswith(source.title.rstrip("…'’\")")[:20])
    for d in source.debris:
        if d.kind in HEADER_KINDS:
            continue
        for start, end in _annotated_spans(path):
            overlap = min(end, d.end) - max(start, d.start)
            assert overlap <= 0.5 * (end - start), (d.kind, source.text[d.start:d.end])
