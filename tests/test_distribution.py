"""Distribution lists and per-recipient copies (no spaCy model: the templates' probe brief)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from briefing.distribution import (Recipient, copy_document, date_time_group, file_names, plan_copies,
                                   prepare_copies, read_list, render_copy, slugify, subject_line)
from briefing.errors import UsageError
from briefing.templates import probe_briefs

DATA = Path(__file__).parent / "data" / "distribution"
AUDIENCES = ["analyst", "executive", "press"]
WHEN = dt.datetime(2026, 11, 29, 14, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def brief():
    return probe_briefs()[0]


@pytest.mark.parametrize("name", ["staff.csv", "staff.toml"])
def test_distribution_reads_csv_and_toml_alike(name):
    recipients = read_list(DATA / name, audiences=AUDIENCES)
    assert [r.name for r in recipients] == ["Jane Doe", "Sam Lee", "Zoë O'Brien", "Ravi Patel", "Ana Ruiz"]
    assert recipients[0].role == "Deputy Director"
    assert recipients[0].prepared_for == "Jane Doe, Deputy Director"
    assert recipients[1].formats == ("pdf",)
    assert recipients[2].formats == ("docx",)
    assert recipients[4].formats == ("pdf", "docx")  # the default
    assert [r.audience for r in recipients] == ["executive", "analyst", "press", "analyst", "executive"]


def test_distribution_csv_and_toml_give_the_same_recipients_but_line():
    def strip(rs):
        return [(r.name, r.email, r.audience, r.role, r.formats) for r in rs]

    assert strip(read_list(DATA / "staff.csv")) == strip(read_list(DATA / "staff.toml"))


@pytest.mark.parametrize("suffix, text, expected", [
    (".csv", "", "empty"),
    (".csv", "name,email,audience\n", "no recipients"),
    (".csv", "name,email\nA,a@example.org\n", "lacks audience"),
    (".csv", "name,email,audience,phone\n", "unknown column(s) 'phone'"),
    (".csv", "name,email,audience\nA,not-an-address,analyst\n", ":2: 'not-an-address' is not an email"),
    (".csv", "name,email,audience\nA,a@example.org,minister\n", ":2: unknown audience 'minister'"),
    (".csv", "name,email,audience\n,a@example.org,analyst\n", ":2: the recipient has no name"),
    (".csv", "name,email,audience\nA,a@example.org,analyst\n\nB,A@Example.org,press\n", ":4: A@Example.org is already listed on line 2"),
    (".csv", "name,email,audience,role,formats\nA,a@example.org,analyst,,pdf json\n", "unknown format(s) 'json'"),
    (".csv", "name,email,audience\nA,a@example.org,analyst,extra\n", ":2: more values than columns"),
    (".toml", "[[recipient]]\nname = 'A'\nemail = 'a@example.org'\n", ":1: the recipient has no audience"),
    (".toml", "recipient = 3\n", "must be [[recipient]] tables"),
    (".toml", "[[recipient]\n", "not valid TOML"),
    (".toml", "# nobody yet\n", "no recipients"),
])
def test_distribution_bad_list_is_a_usage_error_naming_file_and_line(tmp_path, suffix, text, expected):
    path = tmp_path / f"list{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        read_list(path, audiences=AUDIENCES)
    assert str(error.value).startswith(str(path))
    assert expected in str(error.value)


def test_distribution_missing_list_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="distribution list not found"):
        read_list(tmp_path / "nobody.csv")


@pytest.mark.parametrize("when, expected", [
    (WHEN, "291430Z NOV 26"),
    (dt.datetime(2027, 1, 1, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))), "312205Z DEC 26"),
])
def test_distribution_date_time_group_is_utc(when, expected):
    assert date_time_group(when) == expected


@pytest.mark.parametrize("name, slug", [("Zoë O'Brien", "zoe-obrien"), ("Jane  Doe", "jane-doe"), ("李雷", "recipient")])
def test_distribution_slugify(name, slug):
    assert slugify(name) == slug


def test_distribution_plan_numbers_copies_and_keeps_folders_apart():
    people = [Recipient("Jane Doe", f"jane{i}@example.org", "analyst") for i in range(3)]
    copies = plan_copies(people, when=WHEN)
    assert [c.label for c in copies] == ["Copy 1 of 3", "Copy 2 of 3", "Copy 3 of 3"]
    assert [c.slug for c in copies] == ["jane-doe", "jane-doe-2", "jane-doe-3"]
    assert {c.dtg for c in copies} == {"291430Z NOV 26"}
    assert copies[1].marks == {"prepared_for": "Jane Doe", "copy": "Copy 2 of 3", "dtg": "291430Z NOV 26",
                               "watermark": "Prepared for Jane Doe · Copy 2 of 3"}


@pytest.mark.parametrize("index", [0, 2])
def test_distribution_copy_document_is_for_the_recipients_audience_and_marked(brief, index):
    copies = plan_copies(read_list(DATA / "staff.csv"), when=WHEN)
    copy = copies[index]
    document = copy_document(brief, copy, settings={"marking": "OFFICIAL"})
    assert document.meta["audience"] == copy.recipient.audience
    assert document.meta["prepared_for"] == copy.recipient.prepared_for
    assert document.meta["copy"] == f"Copy {index + 1} of 5"
    assert document.meta["dtg"] == "291430Z NOV 26"
    assert document.meta["watermark"] == f"Prepared for {copy.recipient.name} · Copy {index + 1} of 5"


def test_distribution_markdown_copy_prints_the_marks(brief):
    copy = plan_copies([Recipient("Jane Doe", "jane@example.org", "analyst", "Deputy Director", ("md",))],
                       when=WHEN)[0]
    _, data = render_copy(brief, copy)
    front = yaml.safe_load(data["md"].decode("utf-8").split("---\n")[1])
    assert front["prepared_for"] == "Jane Doe, Deputy Director"
    assert front["copy"] == "Copy 1 of 1"
    assert front["dtg"] == "291430Z NOV 26"
    assert front["watermark"] == "Prepared for Jane Doe · Copy 1 of 1"


def test_distribution_prepared_copies_have_named_files_subject_and_body(brief):
    copies = plan_copies(read_list(DATA / "staff.csv"), when=WHEN)[:2]
    prepared = prepare_copies(brief, copies, "talks", settings={"marking": "OFFICIAL"})
    assert list(prepared[0].files) == ["talks-brief-copy1of5.pdf", "talks-brief-copy1of5.docx"]
    assert list(prepared[1].files) == ["talks-brief-copy2of5.pdf"]
    assert prepared[0].files["talks-brief-copy1of5.pdf"].startswith(b"%PDF")
    assert prepared[0].subject.startswith("[OFFICIAL] ") and prepared[0].subject.endswith("(Copy 1 of 5)")
    assert "Jane Doe," in prepared[0].body and "talks-brief-copy1of5.docx" in prepared[0].body


@pytest.mark.parametrize("title, marking, expected", [
    ("Talks end", "OFFICIAL", "[OFFICIAL] Brief: Talks end (Copy 2 of 5)"),
    ("Brief: Talks  end", "", "Brief: Talks end (Copy 2 of 5)"),
    ("Press lines: Talks end", "", "Press lines: Talks end (Copy 2 of 5)"),
    ("Talks end: what next", "", "Talks end: what next (Copy 2 of 5)"),
    ("Analyst brief: Talks end", "OFFICIAL", "[OFFICIAL] Analyst brief: Talks end (Copy 2 of 5)"),
])
def test_distribution_subject_line(title, marking, expected):
    copy = plan_copies([Recipient(f"P{i}", f"p{i}@example.org", "analyst") for i in range(5)], when=WHEN)[1]
    assert subject_line(title, marking, copy) == expected


def test_distribution_file_names_follow_formats():
    copy = plan_copies([Recipient("A", "a@example.org", "analyst", formats=("md", "html"))], when=WHEN)[0]
    assert file_names("x", copy) == {"md": "x-brief-copy1of1.md", "html": "x-brief-copy1of1.html"}
