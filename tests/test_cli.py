"""The command line end to end, on the real samples, reopening what it writes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefing.cli import main

from .conftest import SAMPLES, SEOUL

pytestmark = pytest.mark.model


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seoul_outputs(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    result = run("make", SEOUL, "--pdf", "--docx", "--md", "--html", "--json", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("ext", ["pdf", "docx", "md", "html", "json"])
def test_cli_make_writes_every_format(seoul_outputs, ext):
    path = seoul_outputs / f"{SEOUL.stem}-brief.{ext}"
    assert path.stat().st_size > 1000


def test_cli_make_docx_holds_actors_quotes_and_summary(seoul_outputs):
    brief = json.loads((seoul_outputs / f"{SEOUL.stem}-brief.json").read_text())
    text = squash(docx_text(seoul_outputs / f"{SEOUL.stem}-brief.docx"))
    for name in ("Antony Blinken", "Lloyd Austin", "Kim Yo Jong", "Kim Young-jun", "Chung Eui-yong"):
        assert name in text
    assert squash(brief["summary"]["bluf"]) in text
    assert "We hope that the Korea-U.S. relationship will develop" in text


def test_cli_make_docx_uses_word_styles_and_marks_pages(seoul_outputs):
    d = docx.Document(str(seoul_outputs / f"{SEOUL.stem}-brief.docx"))
    styles = {p.style.name for p in d.paragraphs}
    assert {"Heading 1", "Quote"} <= styles or {"Heading 2", "Quote"} <= styles
    footer_xml = d.sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml and "PAGE" in footer_xml
    assert d.core_properties.title


def test_cli_make_pdf_holds_actors_quotes_and_summary(seoul_outputs):
    text = squash(pdf_text(seoul_outputs / f"{SEOUL.stem}-brief.pdf"))
    for name in ("Antony Blinken", "Lloyd Austin", "Kim Yo Jong", "Choi Sun Hee"):
        assert name in text
    assert "I don’t take Kim Yo Jong’s statement seriously" in text
    reader = PdfReader(str(seoul_outputs / f"{SEOUL.stem}-brief.pdf"))
    assert reader.metadata.title
    assert reader.outline, "headings are bookmarked"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_cli_make_docx_converts_with_libreoffice(seoul_outputs, tmp_path):
    src = seoul_outputs / f"{SEOUL.stem}-brief.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    converted = tmp_path / f"{SEOUL.stem}-brief.pdf"
    assert "Antony Blinken" in squash(pdf_text(converted))


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_cli_extract_then_render_gives_the_same_brief_as_make(tmp_path, sample, nlp):
    article = SAMPLES / sample
    made = tmp_path / "made"
    made.mkdir()
    assert run("make", article, "--pdf", "--docx", "-o", f"{made}/").exit_code == 0
    extracted = run("extract", article)
    assert extracted.exit_code == 0
    edited = tmp_path / (article.stem + ".json")
    edited.write_text(extracted.output)
    rendered = tmp_path / "rendered"
    rendered.mkdir()
    assert run("render", edited, "--pdf", "--docx", "-o", f"{rendered}/").exit_code == 0
    stem = article.stem + "-brief"
    assert (made / f"{stem}.pdf").read_bytes() == (rendered / f"{stem}.pdf").read_bytes()
    with zipfile.ZipFile(made / f"{stem}.docx") as a, zipfile.ZipFile(rendered / f"{stem}.docx") as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_cli_extract_prints_a_valid_model(nlp):
    from briefing.model import Briefing

    result = run("extract", SEOUL)
    brief = Briefing.from_json(result.output)
    assert brief.source.text == SEOUL.read_text(encoding="utf-8")
    assert Briefing.from_json(brief.to_json()) == brief


def test_cli_make_reads_stdin(tmp_path, nlp):
    out = tmp_path / "brief.md"
    result = run("make", "-", "--md", "-o", out, input=SEOUL.read_bytes())
    assert result.exit_code == 0, result.output
    assert "Antony Blinken" in out.read_text()


@pytest.mark.parametrize("audience", ["executive", "analyst", "press"])
def test_cli_make_each_builtin_audience(tmp_path, audience, nlp):
    out = tmp_path / "brief.pdf"
    assert run("make", SEOUL, "--pdf", "-a", audience, "-o", out, "--marking", "OFFICIAL").exit_code == 0
    text = squash(pdf_text(out))
    assert "Blinken" in text
    assert ("OFFICIAL" in text) == (audience != "press")


def test_cli_refuses_to_replace_an_existing_file(tmp_path, nlp):
    out = tmp_path / "brief.md"
    out.write_text("my edits")
    result = run("make", SEOUL, "--md", "-o", out)
    assert result.exit_code == 5
    assert "--force" in result.output
    assert out.read_text() == "my edits"
    assert run("make", SEOUL, "--md", "-o", out, "--force").exit_code == 0
    assert out.read_text() != "my edits"


def test_cli_never_overwrites_the_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEOUL.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("make", article, "--md", "-o", article, "--force")
    assert result.exit_code == 5
    assert article.read_text(encoding="utf-8") == SEOUL.read_text(encoding="utf-8")


def test_cli_missing_output_folder_is_reported_before_analysis(tmp_path, monkeypatch):
    import briefing.make

    monkeypatch.setattr(briefing.make, "extract", lambda *a, **k: pytest.fail("analysis ran"))
    result = run("make", SEOUL, "--pdf", "-o", tmp_path / "nowhere" / "x.pdf")
    assert result.exit_code == 5
    assert "does not exist" in result.output


@pytest.mark.parametrize("args, code, words", [
    (["make", "no-such-file.txt", "--md"], 3, "no-such-file.txt"),
    (["render", "no-such-brief.json", "--md"], 3, "no-such-brief.json"),
])
def test_cli_bad_input_is_one_line_and_its_exit_code(tmp_path, monkeypatch, args, code, words):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == code
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_cli_unknown_audience_is_a_template_error(tmp_path, nlp):
    result = run("make", SEOUL, "--md", "-a", "nosuch", "-o", tmp_path / "x.md")
    assert result.exit_code == 4
    assert not (tmp_path / "x.md").exists()


def test_cli_render_rejects_a_quote_that_is_not_verbatim(tmp_path, seoul_brief):
    data = json.loads(seoul_brief.to_json())
    data["quotes"][0]["text"] = "Something nobody said"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    result = run("render", edited, "--md", "-o", tmp_path / "x.md")
    assert result.exit_code == 3
    assert "verbatim" in result.output


def test_cli_audiences_lists_the_builtins():
    result = run("audiences")
    for name in ("executive", "analyst", "press"):
        assert name in result.output


def test_cli_schema_is_json_schema():
    schema = json.loads(run("schema").output)
    assert "quotes" in schema["properties"]


def test_cli_runs_as_a_module_and_reports_its_version():
    done = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "briefing" in done.stdout


def test_cli_make_as_a_user_runs_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "briefing", "make", str(SEOUL), "-o", f"{tmp_path}/"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".pdf"]


def test_cli_embedded_tweet_in_html_is_its_authors_quote(tmp_path):
    # A page with a Twitter embed, as a staffer saves it from the web: the post is Trump's
    # quote in the Word brief, under his name, with no "Mike Tyson" as its speaker.
    article = Path(__file__).parent / "data" / "embedded-tweet.html"
    result = run("make", article, "--docx", "--json", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    brief = json.loads((tmp_path / "embedded-tweet-brief.json").read_text(encoding="utf-8"))
    names = {a["id"]: a["name"] for a in brief["actors"]}
    posts = [q for q in brief["quotes"] if q["text"].startswith("Iron Mike Tyson was not asked")]
    assert [names.get(q["speaker"]) for q in posts] == ["Donald Trump"]
    text = squash(docx_text(tmp_path / "embedded-tweet-brief.docx"))
    assert "The media makes everything up!" in text
    assert text.index("Donald Trump") < text.index("Iron Mike Tyson was not asked")
