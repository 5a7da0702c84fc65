"""``briefing send`` and ``make --distribute`` end to end, against aiosmtpd on loopback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.templates import probe_briefs

from .test_outbox import STAFF, Recorder, free_port, pdf_text

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"
EMAILS = ["jane.doe@example.org", "sam.lee@example.org", "zoe.obrien@example.org", "ravi.patel@example.org",
          "ana.ruiz@example.org"]


@pytest.fixture
def server():
    recorder = Recorder()
    controller = aiosmtpd_controller.Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    recorder.port = controller.port
    try:
        yield recorder
    finally:
        controller.stop()


def write_config(folder: Path, port: int, extra: str = "") -> Path:
    path = folder / "briefing.toml"
    path.write_text(f'marking = "OFFICIAL"\n\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nfrom = "briefs@example.org"\n'
                    f'timeout = 5\n\n[distribution]\nattempts = 2\nretry_delay = 0\n{extra}', encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path, server):
    """A brief JSON, the staff list and a briefing.toml pointing at the test server, in one folder."""
    (tmp_path / "talks.json").write_text(probe_briefs()[0].to_json(), encoding="utf-8")
    shutil.copy(STAFF, tmp_path / "staff.csv")
    write_config(tmp_path, server.port)
    return tmp_path


def send(folder: Path, *args: str):
    return CliRunner().invoke(main, ["send", str(folder / "talks.json"), "--to", str(folder / "staff.csv"), *args])


def counts(server) -> dict:
    return dict(server.count_by_recipient())


def test_send_cli_dry_run_shows_the_plan_and_sends_nothing(workspace, server):
    result = send(workspace, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Copy 1 of 5: Jane Doe <jane.doe@example.org> [executive] talks-brief-copy1of5.pdf")
    assert "via smtp://127.0.0.1" in lines[0] and "(would send)" in lines[0]
    assert len(lines) == 6 and "nothing sent" in lines[-1]
    assert server.messages == []
    assert not (workspace / "talks-outbox").exists()


def test_send_cli_sends_once_and_a_rerun_sends_nothing(workspace, server):
    first = send(workspace)
    assert first.exit_code == 0, first.output
    assert "5 sent, 0 already sent, 0 failed" in first.stderr
    manifest = json.loads((workspace / "talks-outbox" / "manifest.json").read_text())
    assert [c["status"] for c in manifest["copies"]] == ["sent"] * 5
    second = send(workspace)
    assert second.exit_code == 0
    assert "0 sent, 5 already sent, 0 failed" in second.stderr
    assert counts(server) == {e: 1 for e in EMAILS}


def test_send_cli_refused_recipient_exits_non_zero_and_rerun_sends_only_the_rest(workspace, server):
    server.refuse["zoe.obrien@example.org"] = ["550 5.1.1 mailbox unavailable"]
    first = send(workspace)
    assert first.exit_code == 5
    assert "not delivered: Copy 3 of 5 to Zoë O'Brien <zoe.obrien@example.org>" in first.stderr
    assert "550 5.1.1 mailbox unavailable" in first.stderr
    assert first.stderr.strip().splitlines()[-1] == ("briefing: error: 1 of 5 copies not delivered; "
                                                     "run the same command again to retry them")
    second = send(workspace)
    assert second.exit_code == 0, second.output
    assert "1 sent, 4 already sent, 0 failed" in second.stderr
    assert counts(server) == {e: 1 for e in EMAILS}


def test_send_cli_interrupted_then_rerun_delivers_each_copy_exactly_once(workspace, server, monkeypatch):
    from briefing import outbox

    record = outbox.Outbox.record
    sent = []

    def record_then_stop(self, entry, **changes):
        record(self, entry, **changes)
        if changes.get("status") == outbox.SENT:
            sent.append(entry["email"])
            if len(sent) == 2:
                raise KeyboardInterrupt  # as Ctrl-C right after the second copy went

    monkeypatch.setattr(outbox.Outbox, "record", record_then_stop)
    first = send(workspace)
    assert first.exit_code == 130
    assert "run the same command again" in first.stderr
    monkeypatch.setattr(outbox.Outbox, "record", record)
    second = send(workspace)
    assert second.exit_code == 0, second.output
    assert "3 sent, 2 already sent, 0 failed" in second.stderr
    assert counts(server) == {e: 1 for e in EMAILS}


def test_send_cli_changed_list_is_refused_unless_new(workspace, server):
    assert send(workspace).exit_code == 0
    with (workspace / "staff.csv").open("a", encoding="utf-8") as f:
        f.write("Kim Park,kim.park@example.org,analyst,,pdf\n")
    refused = send(workspace)
    assert refused.exit_code == 2
    assert "made from another brief or list" in refused.stderr and "--new" in refused.stderr
    fresh = send(workspace, "--new")
    assert fresh.exit_code == 0, fresh.output
    assert "moved the old outbox aside" in fresh.stderr
    assert "6 sent" in fresh.stderr
    assert len(list(workspace.glob("talks-outbox.*"))) == 1  # the old outbox, kept


def test_send_cli_to_folder_writes_a_folder_per_recipient(workspace, server):
    shared = workspace / "shared"
    shared.mkdir()
    result = send(workspace, "--to-folder", str(shared))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in shared.iterdir()) == ["ana-ruiz", "jane-doe", "ravi-patel", "sam-lee", "zoe-obrien"]
    assert "Copy 2 of 5" in pdf_text((shared / "sam-lee" / "talks-brief-copy2of5.pdf").read_bytes())
    assert server.messages == []


@pytest.mark.parametrize("list_text, config_extra, message", [
    ("name,email,audience\nA,nobody,analyst\n", "", "staff.csv:2: 'nobody' is not an email address"),
    ("name,email,audience\nA,a@example.org,minister\n", "", "unknown audience 'minister'"),
    (None, "delivery = \"folder\"\n", "needs folder ="),
])
def test_send_cli_bad_input_is_one_line_before_any_work(workspace, server, list_text, config_extra, message):
    if list_text is not None:
        (workspace / "staff.csv").write_text(list_text, encoding="utf-8")
    if config_extra:
        write_config(workspace, server.port, config_extra)
    result = send(workspace)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert not (workspace / "talks-outbox").exists()


def test_send_cli_has_no_password_option(workspace):
    result = send(workspace, "--password", "x")
    assert result.exit_code == 2 and "No such option" in result.stderr


def test_send_cli_make_distribute_refuses_a_batch(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["make", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                       "--distribute", str(STAFF)])
    assert result.exit_code == 2 and "--distribute works with one named article" in result.stderr


@pytest.mark.model
def test_send_cli_make_distribute_sends_the_article_brief(tmp_path, server):
    article = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, article)
    write_config(tmp_path, server.port)
    result = CliRunner().invoke(main, ["make", str(article), "--pdf", "--distribute", str(STAFF)])
    assert result.exit_code == 0, result.output
    assert "5 sent, 0 already sent, 0 failed" in result.stderr
    assert counts(server) == {e: 1 for e in EMAILS}
    _, message = server.messages[3]
    pdf = next(p for p in message.iter_attachments() if p.get_filename().endswith(".pdf"))
    text = pdf_text(pdf.get_content())
    assert "Prepared for Ravi Patel" in text and "Copy 4 of 5" in text
