"""Bidi controls from the article never reach a viewer: they could make a quote read otherwise."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paraparser import ParaFrag

from briefing.document import Run, parse
from briefing.render import pdf, render
from briefing.style import HouseStyle

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


# -- right-to-left paragraphs in the PDF ------------------------------------------------------
# A right-to-left paragraph must be wrapped in logical order and each line drawn in
# visual order: reordering first put a wrapped paragraph's lines bottom to top.

HEBREW = (
    "שרי האנרגיה האירופים נפגשו ביום שלישי בבריסל כדי לדון במחירי הגז. לא ניתן למחירים לצאת משליטה, "
    "אמרה השרה דנה לוי, והוסיפה כי התוכנית תהיה מוכנה עד יוני בתמיכת 12 מדינות. הנציב אמר לכתבים "
    "שהשיחות היו קשות ושאף אחד אינו רוצה עוד חורף כמו הקודם."
)
ARABIC = (
    "اجتمع وزراء الطاقة الأوروبيون يوم الثلاثاء في بروكسل لمناقشة أسعار الغاز. وقال الوزير أحمد حسن "
    "لن نسمح للأسعار بالخروج عن السيطرة، مضيفا أن الخطة ستكون جاهزة بحلول يونيو بدعم من 12 دولة. "
    "وقال رئيس المفوضية للصحفيين إن المحادثات كانت صعبة وإن أحدا لا يريد شتاء آخر مثل الشتاء الماضي."
)
# An English sentence whose Hebrew quote is long enough to wrap onto the next line.
MIXED = (
    "The Israeli minister, Dana Levi, said on Tuesday in Brussels that “ישראל תומכת בתוכנית של הנציבות "
    "האירופית ובמחירים הוגנים” and that the plan would be ready by June, with the support of twelve "
    "countries and the Commission."
)
# A4 at 2 cm margins, in points.
LEFT_MARGIN, RIGHT_MARGIN = 56.69, 595.28 - 56.69
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>', re.DOTALL)
WORD = re.compile(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>')


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def letters(word: str) -> str:
    """A word's letters only: punctuation and digits move around right-to-left words."""
    return "".join(c for c in unicodedata.normalize("NFKC", word) if c.isalpha())


def drawn_lines(text: str, tmp_path: Path) -> list[tuple[float, float, list[tuple[float, str]]]]:
    """The body lines of ``text`` made into a PDF, page by page and top to bottom: each as
    (left edge, right edge, words as (x, text) with their letters in drawing order, left to right)."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(render(parse(f"---\ntitle: Brief\n---\n\n{text}\n"), "pdf"))
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    lines = []
    for page in xml.split("<page ")[1:]:
        # pdftotext may cut one printed line in two where the font changes: rejoin by height.
        found = {}
        for left, top, right, body in LINE.findall(page):
            words = [(float(x), html.unescape(w)) for x, w in WORD.findall(body)]
            _, lefts, rights, line_words = found.setdefault(round(float(top)), (None, [], [], []))
            lefts.append(float(left))
            rights.append(float(right))
            line_words.extend(words)
        lines += [(min(lefts), max(rights), sorted(words)) for _, (_, lefts, rights, words) in sorted(found.items())]
    return [line for line in lines if [w for _, w in line[2]] not in (["Brief"], ["Page", "1", "of", "1"])
            and not (line[2] and line[2][0][1] == "Page")]


def reading_order(lines, rtl: bool) -> list[str]:
    """The letters of the words of one script (right-to-left or not) in the order a reader meets them:
    lines top to bottom, right-to-left words from the right with their letters turned back."""
    out = []
    for _, _, words in lines:
        if rtl:
            out += [letters(w[::-1]) for _, w in reversed(words) if is_rtl(w)]
        else:
            out += [letters(w) for _, w in words if not is_rtl(w)]
    return [w for w in out if w]


def logical_words(text: str, rtl: bool) -> list[str]:
    return [letters(w) for w in text.split() if is_rtl(w) == rtl and letters(w)]


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


@needs_pdftotext
@pytest.mark.parametrize("text", [
    HEBREW,
    ARABIC,
    # Styled runs: reportlab wraps these as fragments, each reordered with its own style.
    f"**אמרה השרה:** {HEBREW[:119]} *במחירי הגז* {HEBREW[119:]}",
    f"**قال الوزير:** {ARABIC[:102]} *أسعار الغاز* {ARABIC[102:]}",
    # Long enough to run onto a second page.
    " ".join([HEBREW] * 20),
], ids=["hebrew", "arabic", "hebrew-styled", "arabic-styled", "hebrew-two-pages"])
def test_render_bidi_rtl_paragraph_lines_read_top_to_bottom(tmp_path, text):
    lines = drawn_lines(text, tmp_path)
    assert len(lines) >= 3
    assert reading_order(lines, rtl=True) == logical_words(text, rtl=True)


@needs_pdftotext
@pytest.mark.parametrize("text", [HEBREW, ARABIC, f"**אמרה השרה:** {HEBREW}"], ids=["hebrew", "arabic", "styled"])
def test_render_bidi_rtl_paragraph_is_right_aligned(tmp_path, text):
    lines = drawn_lines(text, tmp_path)
    assert len(lines) >= 3
    for left, right, _ in lines:
        assert right == pytest.approx(RIGHT_MARGIN, abs=1)
    assert lines[-1][0] > LEFT_MARGIN + 50  # the short last line is not stretched to the left margin


@needs_pdftotext
def test_render_bidi_english_paragraph_with_hebrew_quote_reads_in_order(tmp_path):
    lines = drawn_lines(MIXED, tmp_path)
    quote_lines = [line for line in lines if any(is_rtl(w) for _, w in line[2])]
    assert len(quote_lines) >= 2  # the quote wraps: the case that went wrong
    assert reading_order(lines, rtl=True) == logical_words(MIXED, rtl=True)
    assert reading_order(lines, rtl=False) == logical_words(MIXED, rtl=False)
    for left, _, _ in lines:
        assert left == pytest.approx(LEFT_MARGIN, abs=1)  # an English paragraph stays left-aligned


# -- visual order of one line -----------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "שרי האנרגיה נפגשו",
    "The minister said “ישראל תומכת (בתוכנית)” today.",
    "אמרה השרה (Dana Levi) כי 12 מדינות, 3.5% מהן, תומכות [בתוכנית].",
    "مصر تدعم الخطة «بدعم من 12 دولة» (2024)",
    "Prices rose 12% in מצרים and ישראל",
    "שלום   ",
    "",
])
@pytest.mark.parametrize("base", [0, 1])
def test_render_bidi_visual_line_agrees_with_python_bidi(line, base):
    # python-bidi's Rust engine leaves brackets unmirrored: compare the order only.
    unmirrored = str.maketrans({c: "|" for c in MIRRORED})
    expected = get_display(line, base_dir="LR"[base])
    assert pdf._visual(line, base).translate(unmirrored) == expected.translate(unmirrored)


@pytest.mark.parametrize("line, base, visual", [
    ("אמרה (דנה)", 1, "(הנד) הרמא"),  # read from the right: the bracket opens towards the name
    ("said (דנה) today", 0, "said (הנד) today"),  # a bracket between English words stays
    ("מצרים «בדעם»", 1, "«םעדב» םירצמ"),
])
def test_render_bidi_visual_line_mirrors_brackets_in_rtl_runs(line, base, visual):
    assert pdf._visual(line, base) == visual


def test_render_bidi_fragments_keep_their_style_when_reordered():
    bold, plain_ = ParaFrag(text="אמרה: ", fontName="Bold"), ParaFrag(text="שרי האנרגיה", fontName="Plain")
    out = pdf._visual_fragments([bold, plain_], base=1)
    assert [(f.text, f.fontName) for f in out] == [(plain_.text[::-1], "Plain"), (bold.text[::-1], "Bold")]


@pytest.mark.parametrize("text", ["Energy ministers met.", "Ελλάδα and Россия", "中国的能源部长开会。"])
def test_render_bidi_paragraph_without_rtl_text_is_laid_out_as_before(text):
    pdf._register_fonts()
    paragraph = pdf._para([Run(text)], pdf._look(HouseStyle()).styles["body"])
    assert type(paragraph) is RLParagraph


@pytest.mark.parametrize("text, drawn", [
    ("טיוטה בלבד", "דבלב הטויט"),
    ("DRAFT", "DRAFT"),
    ("مسودة", "ﺓﺩﻮﺴﻣ"),  # joined forms, drawn from the right
])
def test_render_bidi_watermark_text_is_drawn_in_visual_order(text, drawn):
    assert pdf._drawn(text) == drawn
