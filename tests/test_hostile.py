"""The hostile corpus (tests/hostile/): odd and bad inputs through the command line.

Each file's expected outcome is in ``tests/hostile/expected.toml``. A refused
input must give one line on stderr naming the file and leave no output; an
accepted one must give a Word file python-docx reopens, a PDF pypdf parses,
and quotes that are verbatim from the article.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
import unicodedata
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefing import errors
from briefing.cli import main
from briefing.ingest import read_article
from briefing.templates import TRAILING_QUOTE_PUNCTUATION

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED = tomllib.loads((HOSTILE / "expected.toml").read_text(encoding="utf-8"))
FORMATS = ("--pdf", "--docx", "--md", "--html", "--json")
# Marks pdftotext puts around right-to-left runs; not part of the text.
BIDI_EMBEDDINGS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))

pytestmark = pytest.mark.model
# Spaces kept when comparing text; other control characters (even str.isspace() ones
# such as U+001F) are dropped, as the writers drop them.
VISIBLE_SPACES = " \t\n\r"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def squash(text: str) -> str:
    return " ".join(text.split())


def visible(text: str) -> str:
    """``text`` without control and invisible characters, which Word cannot hold or shows as nothing."""
    return "".join(c for c in text if c.isprintable() or c in VISIBLE_SPACES)


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [cell.text for table in d.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out.translate(BIDI_EMBEDDINGS))


@pytest.fixture(scope="module")
def made(tmp_path_factory, nlp):
    """Each corpus file made into a brief in every format: name -> (result, article copy, output folder)."""
    results = {}
    for name, expected in EXPECTED.items():
        work = tmp_path_factory.mktemp(name.replace(".", "-"))
        article = work / name
        shutil.copy(HOSTILE / name, article)
        out = work / "out"
        out.mkdir()
        result = run("make", article, *FORMATS, *expected.get("args", []), "-o", f"{out}/")
        results[name] = (result, article, out)
    return results


def test_hostile_corpus_is_large_and_fully_listed():
    files = {p.name for p in HOSTILE.iterdir() if p.name != "expected.toml"}
    assert files == set(EXPECTED)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_exit_code(made, name):
    result, _, _ = made[name]
    assert result.exit_code == EXPECTED[name]["exit"], result.stderr or repr(result.exception)


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["exit"] != 0))
def test_hostile_refusal_is_one_line_naming_file_and_problem(made, name):
    result, article, out = made[name]
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: error: ")
    assert str(article) in lines[0]
    assert EXPECTED[name]["error"].lower() in lines[0].lower()
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["exit"] != 0))
def test_hostile_refusal_leaves_no_output_and_the_article_intact(made, name):
    _, article, out = made[name]
    assert list(out.iterdir()) == []
    assert article.read_bytes() == (HOSTILE / name).read_bytes()


def _accepted():
    return sorted(n for n, e in EXPECTED.items() if e["exit"] == 0)


def _outputs(made, name):
    _, article, out = made[name]
    return {ext: out / f"{article.stem}-brief.{ext}" for ext in ("pdf", "docx", "md", "html", "json")}


@pytest.mark.parametrize("name", _accepted())
def test_hostile_success_docx_and_pdf_reopen(made, name):
    outputs = _outputs(made, name)
    assert docx_text(outputs["docx"]).strip()
    assert len(PdfReader(str(outputs["pdf"])).pages) >= 1
    assert made[name][0].stderr == ""


@pytest.mark.parametrize("name", _accepted())
def test_hostile_quotes_are_verbatim_from_the_article(made, name):
    _, article, _ = made[name]
    brief = json.loads(_outputs(made, name)["json"].read_text(encoding="utf-8"))
    source = read_article(article)
    assert brief["source"]["text"] == source.text
    quotes = brief["quotes"]
    assert len(quotes) >= EXPECTED[name].get("quotes", 0)
    for quote in quotes:
        assert quote["text"] == source.text[quote["start"]:quote["end"]]
        for start, end in quote["spans"]:
            assert source.text[start:end] in quote["text"]
            assert source.text[start:end].strip()


@pytest.mark.parametrize("name", _accepted())
def test_hostile_quotes_appear_in_the_docx(made, name):
    outputs = _outputs(made, name)
    brief = json.loads(outputs["json"].read_text(encoding="utf-8"))
    text = squash(visible(docx_text(outputs["docx"])))
    for quote in brief["quotes"]:
        for start, end in quote["spans"]:
            # The comma or colon the attribution leaves at a quote's end is not printed.
            words = squash(visible(brief["source"]["text"][start:end])).rstrip(TRAILING_QUOTE_PUNCTUATION).rstrip()
            assert words in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if "literal" in e))
def test_hostile_markup_in_the_article_appears_literally(made, name):
    outputs = _outputs(made, name)
    word, pdf = squash(docx_text(outputs["docx"])), squash(pdftotext(outputs["pdf"]))
    for literal in EXPECTED[name]["literal"]:
        assert literal in word
        assert literal in pdf
    html = outputs["html"].read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>bold" not in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if "pdf_text" in e))
def test_hostile_scripts_come_back_out_of_the_pdf(made, name):
    text = squash(pdftotext(_outputs(made, name)["pdf"]))
    for expected in EXPECTED[name]["pdf_text"]:
        assert squash(expected) in text


@pytest.mark.parametrize("data, word", [(b"", "empty"), (b"  \n\t", "empty"), (b"%PDF-1.7\n", "PDF document")])
def test_hostile_stdin_refusal_names_standard_input(tmp_path, data, word):
    result = run("make", "-", "--md", "-o", f"{tmp_path}/", input=data)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "standard input" in result.stderr and word in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_hostile_missing_output_folder_is_reported_before_reading(tmp_path):
    # The article is binary: had it been read first, the error would be about the input.
    article = tmp_path / "png-image.txt"
    shutil.copy(HOSTILE / "png-image.txt", article)
    result = run("make", article, "--md", "-o", f"{tmp_path}/missing/")
    assert result.exit_code == 5
    assert "does not exist" in result.stderr


def test_hostile_readme_lists_every_exit_code():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Errors and exit codes", 1)[1].split("\n## ", 1)[0]
    listed = {int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)}
    raised = {cls.exit_code for cls in vars(errors).values()
              if isinstance(cls, type) and issubclass(cls, errors.BriefingError)}
    assert listed == raised | {0, 130}  # success, and interrupted (Ctrl-C)


def test_hostile_output_onto_the_article_is_refused_and_the_article_kept(tmp_path):
    article = tmp_path / "greek.txt"
    shutil.copy(HOSTILE / "greek.txt", article)
    result = run("make", article, "--md", "-o", article, "--force")
    assert result.exit_code == 5
    assert "would overwrite the article" in result.stderr
    assert article.read_bytes() == (HOSTILE / "greek.txt").read_bytes()


def test_hostile_read_only_output_folder_is_reported_before_reading(tmp_path, monkeypatch):
    article = tmp_path / "png-image.txt"
    shutil.copy(HOSTILE / "png-image.txt", article)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    if os.geteuid() == 0:  # root writes anywhere: make the folder look read-only
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: real_access(path, mode, **kw)
                            and not (mode & os.W_OK and Path(path) == locked))
    result = run("make", article, "--md", "-o", f"{locked}/")
    assert result.exit_code == 5
    assert "not writable" in result.stderr


def test_hostile_verbose_adds_the_traceback_before_the_one_line_error(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_bytes(b"")
    result = run("make", article, "--md", "-o", f"{tmp_path}/", "--verbose")
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("briefing: error: ")
