"""`briefing templates copy` and `briefing templates check`: for authors of audience templates."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.templates import check, copy_builtin, probe_briefs


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_templates_copy_writes_the_builtin_and_refuses_to_replace(tmp_path):
    path = copy_builtin("press", tmp_path)
    assert path.name == "press.md.j2" and "description:" in path.read_text()
    result = run("templates", "copy", "press", tmp_path)
    assert result.exit_code == 5 and "--force" in result.output
    assert run("templates", "copy", "press", tmp_path, "--force").exit_code == 0


@pytest.mark.parametrize("dest, expected", [
    ("mytemplates/", "mytemplates/executive.md.j2"),  # the README's own command
    ("mytemplates", "mytemplates/executive.md.j2"),  # no suffix: a folder, made for the user
    ("house/minister.md.j2", "house/minister.md.j2"),  # a file name in an existing folder
])
def test_templates_copy_to_a_new_folder_or_a_named_file(tmp_path, monkeypatch, dest, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    result = run("templates", "copy", "executive", dest)
    assert result.exit_code == 0, result.output
    assert (tmp_path / expected).is_file()
    assert result.output.strip() == expected


def test_templates_copy_into_a_file_without_the_suffix_is_refused(tmp_path):
    (tmp_path / "notes").write_text("mine", encoding="utf-8")
    result = run("templates", "copy", "executive", tmp_path / "notes")
    assert result.exit_code == 5 and "is a file" in result.output
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine"


def test_templates_copy_unknown_name_lists_the_builtins(tmp_path):
    result = run("templates", "copy", "nosuch", tmp_path)
    assert result.exit_code == 4 and "analyst" in result.output


def test_templates_check_builtins_all_render():
    assert check() == []
    result = run("templates", "check")
    assert result.exit_code == 0 and "all render" in result.output


@pytest.mark.parametrize("line, words", [
    ("{{ brief.nosuch }}", "nosuch"),
    ("{% if %}", "Expected an expression"),
    ("{{ undefined_name }}", "undefined_name"),
])
def test_templates_check_reports_file_and_line(tmp_path, line, words):
    path = copy_builtin("executive", tmp_path)
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines + [line]) + "\n")
    result = run("templates", "check", path)
    assert result.exit_code == 4
    assert f"{path}:{len(lines) + 1}" in result.output and words in result.output


def test_templates_check_a_copy_that_extends_the_builtin(tmp_path):
    (tmp_path / "minister.md.j2").write_text(
        '{% extends "builtin:executive.md.j2" %}{% block quotes %}{{ nothing.here }}{% endblock %}')
    problems = check(["minister"], extra_dirs=[tmp_path])
    assert problems and "minister.md.j2" in problems[0] and "nothing" in problems[0]


def test_templates_probe_briefs_cover_full_and_empty():
    full, empty = probe_briefs()
    assert full.quotes and full.positions and full.timeline and full.summary.key_points
    assert not (empty.actors or empty.quotes or empty.summary.bluf)
