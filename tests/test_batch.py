"""Batch make: expanding inputs, planning and skipping, failures, workers, progress."""

from __future__ import annotations

import io
import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import batch
from briefing.batch import BatchOptions, Job, Outcome, expand_inputs, is_batch, is_up_to_date, plan_batch
from briefing.cli import main
from briefing.errors import InputError, OutputError, UsageError

TINY = (
    'Foreign Minister Anna Berg said on Monday, "We will not accept these terms." '
    "The talks resume in Geneva next week.\n",
    'The mayor, Tom Reyes, said the bridge would reopen in May. "It is safe," he said.\n',
    'Protesters gathered outside parliament on Tuesday. "We want answers," said Lena Ortiz, an organizer.\n',
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def write_articles(folder: Path, n: int = len(TINY)) -> list[Path]:
    paths = []
    for i, text in enumerate(TINY[:n]):
        path = folder / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def age(path: Path, seconds: float) -> None:
    """Make ``path`` look ``seconds`` older than now (no sleeping: tests must not depend on timing)."""
    stat = path.stat()
    os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds))


# -- inputs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("inputs, expected", [
    (["one.txt"], False),
    (["-"], False),
    (["one.txt", "two.txt"], True),
    (["*.txt"], True),
    (["{folder}"], True),
])
def test_batch_is_batch(tmp_path, inputs, expected):
    assert is_batch([i.format(folder=tmp_path) for i in inputs]) is expected


def test_batch_expand_folder_keeps_articles_only(tmp_path):
    for name in ("b.txt", "a.html", "c.htm", "a-brief.html", "a-brief.md", ".hidden.txt", "notes.pdf",
                 "in-brief.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    # "in-brief.txt" is a real article (USA Today's "In brief"): briefing never writes .txt.
    assert [p.name for p in expand_inputs([str(tmp_path)])] == ["a.html", "b.txt", "c.htm", "in-brief.txt"]


@pytest.mark.parametrize("pattern, expected", [
    ("*.txt", ["a.txt", "b.txt"]),
    ("**/*.txt", ["a.txt", "b.txt", "sub/c.txt"]),
    ("[ab].*", ["a.txt", "b.txt"]),
])
def test_batch_expand_glob(tmp_path, pattern, expected):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.txt", "a-brief.json"):
        (tmp_path / name).write_text("x")
    found = expand_inputs([str(tmp_path / pattern)])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == expected


def test_batch_expand_keeps_named_files_once_in_order(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x")
    b.write_text("x")
    missing = tmp_path / "missing.txt"
    found = expand_inputs([str(b), str(missing), str(tmp_path), str(a)])
    assert found == [b, missing, a]


@pytest.mark.parametrize("item, error", [
    ("-", UsageError),
    ("{folder}/*.nothing", InputError),
    ("{folder}/empty", InputError),
])
def test_batch_expand_refuses(tmp_path, item, error):
    (tmp_path / "empty").mkdir()
    with pytest.raises(error):
        expand_inputs(["x.txt", item.format(folder=tmp_path)])


# -- planning -----------------------------------------------------------------------------------


def test_batch_plan_names_outputs_beside_or_in_folder(tmp_path):
    (tmp_path / "out").mkdir()
    a, b = write_articles(tmp_path, 2)
    jobs, skipped, failed = plan_batch([a, b], BatchOptions(formats=("pdf", "md"), output=str(tmp_path / "out")))
    assert not skipped and not failed
    assert jobs[0].outputs == {"pdf": tmp_path / "out" / "a0-brief.pdf", "md": tmp_path / "out" / "a0-brief.md"}
    beside, _, _ = plan_batch([a], BatchOptions(formats=("md",)))
    assert beside[0].outputs == {"md": tmp_path / "a0-brief.md"}


@pytest.mark.parametrize("output", ["missing", "file.pdf"])
def test_batch_plan_output_must_be_a_folder(tmp_path, output):
    (tmp_path / "file.pdf").write_text("x")
    with pytest.raises(OutputError, match="folder"):
        plan_batch(write_articles(tmp_path, 2), BatchOptions(output=str(tmp_path / output)))


def test_batch_plan_fails_second_article_with_same_output(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "out").mkdir()
    first = write_articles(tmp_path, 1)[0]
    second = tmp_path / "x" / first.name
    second.write_text(TINY[1])
    jobs, _, failed = plan_batch([first, second], BatchOptions(formats=("md",), output=str(tmp_path / "out")))
    assert [j.article for j in jobs] == [first]
    assert [f.article for f in failed] == [str(second)] and failed[0].exit_code == OutputError.exit_code


@pytest.mark.parametrize("article_age, output_age, force, skipped", [
    (100, 10, False, True),    # briefs newer than the article: skip
    (10, 100, False, False),   # article edited since: redo
    (100, 10, True, False),    # --force: redo
])
def test_batch_plan_skips_up_to_date(tmp_path, monkeypatch, article_age, output_age, force, skipped):
    # the built-in templates' own times are not under test: a checkout edited a second ago would do
    monkeypatch.setattr("briefing.batch.template_mtime", lambda *args: 0.0)
    article = write_articles(tmp_path, 1)[0]
    brief = tmp_path / "a0-brief.md"
    brief.write_text("done")
    age(article, article_age)
    age(brief, output_age)
    jobs, skips, _ = plan_batch([article], BatchOptions(formats=("md",), force=force))
    assert (len(skips), len(jobs)) == ((1, 0) if skipped else (0, 1))


def test_batch_up_to_date_needs_every_output_and_newer_templates(tmp_path):
    article = write_articles(tmp_path, 1)[0]
    age(article, 100)
    md, pdf = tmp_path / "a0-brief.md", tmp_path / "a0-brief.pdf"
    md.write_text("done")
    assert not is_up_to_date(article, [md, pdf])
    pdf.write_text("done")
    assert is_up_to_date(article, [md, pdf])
    assert not is_up_to_date(article, [md, pdf], newer_than=md.stat().st_mtime + 1)


def test_batch_template_change_makes_briefs_stale(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "mine.md.j2").write_text("{# Mine #}\n# {{ brief.source.title }}\n")
    partial = templates / "_parts.md.j2"  # not an audience itself, but the audience may include it
    partial.write_text("")
    later = batch.template_mtime("mine", [templates]) + 1000
    os.utime(partial, (later, later))
    assert batch.template_mtime("mine", [templates]) == later
    assert batch.template_mtime("analyst", [templates]) < later  # another audience's folder


# -- outcomes and progress ----------------------------------------------------------------------


@pytest.mark.parametrize("codes, expected", [((), 0), ((3,), 3), ((3, 3), 3), ((3, 5), 1)])
def test_batch_exit_code(codes, expected):
    outcomes = [Outcome("ok.txt", batch.WRITTEN)] + [Outcome(f"{c}.txt", batch.FAILED, error="x", exit_code=c)
                                                      for c in codes]
    assert batch.exit_code(outcomes) == expected


def test_batch_summary_line_counts_each_status():
    outcomes = [Outcome("a", batch.WRITTEN), Outcome("b", batch.SKIPPED), Outcome("c", batch.FAILED, error="x")]
    assert batch.summary_line(outcomes) == "3 articles: 1 written, 1 skipped (up to date), 1 failed"


@pytest.mark.parametrize("error, expected", [
    ("a.txt is empty", "a.txt is empty"),
    ("template broke", "a.txt: template broke"),
])
def test_batch_failure_message_names_the_article(error, expected):
    assert Outcome("a.txt", batch.FAILED, error=error).message() == expected


def test_batch_plain_progress_is_one_line_per_article():
    stream = io.StringIO()
    with batch.progress_reporter(2, stream) as report:
        report(Outcome("a.txt", batch.WRITTEN))
        report(Outcome("b.txt", batch.FAILED, error="x"))
    assert stream.getvalue().splitlines() == ["[1/2] written: a.txt", "[2/2] failed: b.txt"]


@pytest.mark.parametrize("n, workers, most", [(1, 2, 1), (10, 2, 1), (100, 2, 12), (1000, 2, 16)])
def test_batch_chunks_cover_every_job_in_order(n, workers, most):
    jobs = [Job(Path(f"{i}.txt"), {}) for i in range(n)]
    chunks = batch._chunks(jobs, workers)
    assert [j for c in chunks for j in c] == jobs
    assert max(len(c) for c in chunks) == most


def test_batch_interrupt_during_write_is_held_until_written():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with batch._interrupts_deferred(True):
            os.kill(os.getpid(), signal.SIGINT)
            done.append("written")
    assert done == ["written"]


def test_batch_make_many_refuses_zero_workers():
    with pytest.raises(UsageError):
        batch.make_many([Job(Path("a.txt"), {})], BatchOptions(), workers=0)


# -- end to end, with the model -----------------------------------------------------------------


@pytest.mark.model
def test_batch_cli_bad_file_among_good_ones(tmp_path, nlp):
    good = write_articles(tmp_path, 2)
    (tmp_path / "picture.txt").write_bytes(PNG)
    (tmp_path / "blank.txt").write_text("   \n")
    result = run("make", tmp_path, "--md", "--json")
    assert result.exit_code == 3
    for article in good:
        assert (tmp_path / f"{article.stem}-brief.md").stat().st_size > 0
        assert str(tmp_path / f"{article.stem}-brief.json") in result.stdout
    assert "picture.txt is a PNG image" in result.stderr and "blank.txt is empty" in result.stderr
    assert "4 articles: 2 written, 0 skipped (up to date), 2 failed" in result.stderr
    assert not list(tmp_path.glob("picture-brief*")) and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.model
def test_batch_cli_skips_up_to_date_then_force_redoes(tmp_path, nlp):
    articles = write_articles(tmp_path, 2)
    pattern = str(tmp_path / "*.txt")
    assert run("make", pattern, "--md").exit_code == 0
    briefs = [tmp_path / f"{a.stem}-brief.md" for a in articles]
    for brief in briefs:
        brief.write_text("marker")
        age(brief, -100)  # newer than the article and the templates
    again = run("make", pattern, "--md")
    assert again.exit_code == 0 and "0 written, 2 skipped" in again.stderr
    assert all(b.read_text() == "marker" for b in briefs)
    os.utime(articles[0], (briefs[0].stat().st_mtime + 10,) * 2)  # the article edited after its brief
    edited = run("make", pattern, "--md")
    assert "1 written, 1 skipped" in edited.stderr
    assert briefs[0].read_text() != "marker" and briefs[1].read_text() == "marker"
    forced = run("make", pattern, "--md", "--force")
    assert "2 written, 0 skipped" in forced.stderr and briefs[1].read_text() != "marker"


@pytest.mark.model
def test_batch_cli_single_article_keeps_its_rules(tmp_path, nlp):
    article = write_articles(tmp_path, 1)[0]
    assert run("make", article, "--md").exit_code == 0
    assert run("make", article, "--md").exit_code == OutputError.exit_code  # exists: not skipped


@pytest.mark.model
def test_batch_cli_two_workers_write_every_brief(tmp_path):
    # The one test that starts worker processes (each loads the model).
    articles = write_articles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = run("make", *articles, "--md", "--jobs", "2", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{a.stem}-brief.md" for a in articles]
    for article, name in zip(articles, ("Berg", "Reyes", "Ortiz")):
        assert name in (out / f"{article.stem}-brief.md").read_text()


def test_batch_rich_progress_shows_count_and_failures():
    stream = io.StringIO()
    with batch.progress_reporter(2, stream, fancy=True) as report:
        report(Outcome("a.txt", batch.WRITTEN))
        report(Outcome("b.txt", batch.FAILED, error="x"))
    assert "2/2" in stream.getvalue() and "failed: b.txt" in stream.getvalue()


@pytest.mark.model
def test_batch_and_single_article_name_the_same_pipeline(tmp_path, nlp):
    """The footer names the pipeline and its version whether one article was made or many."""
    articles = write_articles(tmp_path, 2)
    assert run("make", articles[0], "--json").exit_code == 0
    single = json.loads((tmp_path / f"{articles[0].stem}-brief.json").read_text())["pipeline"]
    (tmp_path / "many").mkdir()
    assert run("make", articles[1], articles[0], "--json", "-o", tmp_path / "many").exit_code == 0
    many = json.loads((tmp_path / "many" / f"{articles[0].stem}-brief.json").read_text())["pipeline"]
    assert single == many == f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"
