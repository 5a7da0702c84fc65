"""The outbox and its deliveries, against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
import re
import shutil
import socket
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from briefing.distribution import plan_copies, prepare_copies, read_list
from briefing.errors import OutputError, UsageError
from briefing.outbox import (FAILED, MANIFEST, PENDING, SENT, RetryPolicy, SmtpSettings, default_outbox,
                             deliver_folder, deliver_smtp, distribution_settings, file_identity, load_outbox,
                             prepare_outbox, sha256_of, smtp_settings)
from briefing.templates import probe_briefs

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

DATA = Path(__file__).parent / "data" / "distribution"
STAFF = DATA / "staff.csv"
SENDER = "briefs@example.org"
NO_WAIT = RetryPolicy(attempts=3, base_delay=0.0)
WHEN = dt.datetime(2026, 11, 29, 14, 30, tzinfo=dt.timezone.utc)


# -- a real SMTP server ----------------------------------------------------------------------


class Recorder:
    """An aiosmtpd handler that keeps every accepted message, and can refuse or hang up."""

    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse: dict[str, list[str]] = {}  # address -> replies to give, one per RCPT
        self.hang_up_at: set[int] = set()  # DATA commands (counted from 1) to answer by hanging up
        self.data_count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        replies = self.refuse.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_count += 1
        if self.data_count in self.hang_up_at:
            server.transport.close()  # part way: the message is not accepted
            return "421 closing"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def count_by_recipient(self) -> Counter:
        return Counter(rcpt for rcpts, _ in self.messages for rcpt in rcpts)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    recorder = Recorder()
    controller = aiosmtpd_controller.Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    recorder.settings = SmtpSettings(host="127.0.0.1", port=controller.port, sender=SENDER, timeout=5)
    try:
        yield recorder
    finally:
        controller.stop()


# -- one outbox, prepared once and copied for each test ------------------------------------


@pytest.fixture(scope="module")
def prepared_outbox(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prepared")
    brief = probe_briefs()[0]
    brief_path = folder / "talks.json"
    brief_path.write_text(brief.to_json(), encoding="utf-8")
    copies = plan_copies(read_list(STAFF), when=WHEN)
    prepared = prepare_copies(brief, copies, "talks", settings={"marking": "OFFICIAL"})
    return prepare_outbox(folder / "talks-outbox", file_identity(brief_path), file_identity(STAFF), prepared,
                          sender=SENDER).folder


@pytest.fixture
def outbox(prepared_outbox, tmp_path):
    target = tmp_path / "talks-outbox"
    shutil.copytree(prepared_outbox, target)
    return load_outbox(target)


def manifest_of(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    """Every word of a Word file, headers and footers too (python-docx must open it)."""
    import docx

    docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    return " ".join(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).split())


# -- the outbox ------------------------------------------------------------------------------


def test_outbox_prepared_holds_every_copy_pending_with_sha256(outbox):
    manifest = manifest_of(outbox.folder)
    assert [c["status"] for c in manifest["copies"]] == [PENDING] * 5
    assert [c["copy"] for c in manifest["copies"]] == [f"Copy {n} of 5" for n in range(1, 6)]
    for entry in manifest["copies"]:
        for item in entry["files"]:
            assert sha256_of((outbox.folder / entry["folder"] / item["name"]).read_bytes()) == item["sha256"]
    ids = [c["message_id"] for c in manifest["copies"]]
    assert len(set(ids)) == 5 and all(i.endswith("@example.org>") for i in ids)
    assert manifest["list"]["sha256"] == sha256_of(STAFF.read_bytes())


def test_outbox_prepare_refuses_an_existing_folder(outbox):
    with pytest.raises(OutputError, match="already exists"):
        prepare_outbox(outbox.folder, {"sha256": "0"}, {"sha256": "0"}, [])


def test_outbox_load_refuses_a_folder_that_is_not_one(tmp_path):
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "notes.txt").write_text("mine")
    (tmp_path / "empty").mkdir()
    assert load_outbox(tmp_path / "nothing") is None
    assert load_outbox(tmp_path / "empty") is None
    with pytest.raises(UsageError, match="not an outbox"):
        load_outbox(tmp_path / "stuff")


def test_outbox_prepare_fills_an_empty_folder(tmp_path):
    (tmp_path / "box").mkdir()
    box = prepare_outbox(tmp_path / "box", {"sha256": "0"}, {"sha256": "1"}, [])
    assert manifest_of(box.folder)["copies"] == []


@pytest.mark.parametrize("brief, outbox_name", [("a/talks.json", "a/talks-outbox"),
                                                ("a/talks-brief.json", "a/talks-outbox"),
                                                ("talks.txt", "talks-outbox")])
def test_outbox_default_is_beside_the_brief(brief, outbox_name):
    assert default_outbox(brief) == Path(outbox_name)


# -- delivery by SMTP -----------------------------------------------------------------------


def test_outbox_smtp_delivers_each_copy_marked_for_its_recipient(outbox, server):
    report = deliver_smtp(outbox, server.settings, NO_WAIT, sleep=lambda s: None)
    assert report.summary() == "5 sent, 0 already sent, 0 failed"
    staff = read_list(STAFF)
    assert [rcpts for rcpts, _ in server.messages] == [[r.email] for r in staff]
    for number, ((rcpts, message), person) in enumerate(zip(server.messages, staff), 1):
        # The press audience carries no marking.
        assert message["Subject"].startswith("[OFFICIAL] ") == (person.audience != "press")
        assert message["Subject"].endswith(f"(Copy {number} of 5)")
        assert message["To"].addresses[0].addr_spec == person.email
        assert message["To"].addresses[0].display_name == person.name
        assert message["From"] == SENDER
        body = message.get_body(("plain",)).get_content()
        assert person.name in body and f"Copy {number} of 5" in body
        attachments = {part.get_filename(): part for part in message.iter_attachments()}
        assert set(attachments) == {f"talks-brief-copy{number}of5.{fmt}" for fmt in person.formats}
        for name, part in attachments.items():
            data = part.get_content()
            if name.endswith(".pdf"):
                assert part.get_content_type() == "application/pdf"
                text = pdf_text(data)
            else:
                assert part.get_content_type().endswith("wordprocessingml.document")
                text = docx_text(data)
            assert f"Prepared for {person.name}" in text, name
            assert f"Copy {number} of 5" in text, name
    manifest = manifest_of(outbox.folder)
    assert all(c["status"] == SENT and c["sent_at"] and c["attempts"] == 1 for c in manifest["copies"])
    assert [m["Message-ID"] for _, m in server.messages] == [c["message_id"] for c in manifest["copies"]]


def test_outbox_smtp_rerun_sends_nothing_twice(outbox, server):
    deliver_smtp(outbox, server.settings, NO_WAIT, sleep=lambda s: None)
    again = deliver_smtp(load_outbox(outbox.folder), server.settings, NO_WAIT, sleep=lambda s: None)
    assert again.summary() == "0 sent, 5 already sent, 0 failed"
    assert set(server.count_by_recipient().values()) == {1}


def test_outbox_smtp_permanent_refusal_is_reported_not_retried(outbox, server):
    server.refuse["sam.lee@example.org"] = ["550 5.1.1 no such user"] * 5
    waits = []
    report = deliver_smtp(outbox, server.settings, NO_WAIT, sleep=waits.append)
    assert report.summary() == "4 sent, 0 already sent, 1 failed"
    failed = manifest_of(outbox.folder)["copies"][1]
    assert failed["status"] == FAILED and failed["attempts"] == 1
    assert "550" in failed["last_error"] and "no such user" in failed["last_error"]
    assert server.refuse["sam.lee@example.org"] == ["550 5.1.1 no such user"] * 4  # asked once
    assert waits == []
    assert "sam.lee@example.org" not in server.count_by_recipient()


def test_outbox_smtp_temporary_refusal_is_retried_with_backoff(outbox, server):
    server.refuse["jane.doe@example.org"] = ["451 4.3.0 try later", "451 4.3.0 try later"]
    waits = []
    report = deliver_smtp(outbox, server.settings, RetryPolicy(attempts=3, base_delay=0.01), sleep=waits.append)
    assert report.summary() == "5 sent, 0 already sent, 0 failed"
    assert waits == [0.01, 0.02]
    assert manifest_of(outbox.folder)["copies"][0]["attempts"] == 3
    assert set(server.count_by_recipient().values()) == {1}


def test_outbox_smtp_dropped_connection_then_rerun_delivers_each_exactly_once(outbox, server):
    server.hang_up_at = {3, 4, 5}  # the third copy is cut off on every attempt
    first = deliver_smtp(outbox, server.settings, NO_WAIT, sleep=lambda s: None)
    assert first.summary() == "4 sent, 0 already sent, 1 failed"
    entry = manifest_of(outbox.folder)["copies"][2]
    assert entry["status"] == FAILED and entry["attempts"] == 3
    assert "closed the connection" in entry["last_error"] or "421" in entry["last_error"]
    second = deliver_smtp(load_outbox(outbox.folder), server.settings, NO_WAIT, sleep=lambda s: None)
    assert second.summary() == "1 sent, 4 already sent, 0 failed"
    counts = server.count_by_recipient()
    assert sorted(counts) == sorted(r.email for r in read_list(STAFF))
    assert set(counts.values()) == {1}


def test_outbox_smtp_interrupted_send_resumes_without_duplicates(outbox, server):
    def stop_after_second(message):
        if message.startswith("Copy 2 of 5 sent"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        deliver_smtp(outbox, server.settings, NO_WAIT, sleep=lambda s: None, notify=stop_after_second)
    assert [c["status"] for c in manifest_of(outbox.folder)["copies"]] == [SENT, SENT, PENDING, PENDING, PENDING]
    report = deliver_smtp(load_outbox(outbox.folder), server.settings, NO_WAIT, sleep=lambda s: None)
    assert report.summary() == "3 sent, 2 already sent, 0 failed"
    assert len(server.messages) == 5
    assert set(server.count_by_recipient().values()) == {1}


def test_outbox_smtp_unreachable_server_is_reported_and_stops(outbox):
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, timeout=2)
    waits = []
    report = deliver_smtp(outbox, settings, RetryPolicy(attempts=2, base_delay=0.5), sleep=waits.append)
    assert report.summary() == "0 sent, 0 already sent, 5 failed"
    assert waits == [0.5]  # the first copy is retried; the others are not tried at all
    copies = manifest_of(outbox.folder)["copies"]
    assert "cannot connect" in copies[0]["last_error"]
    assert all(c["last_error"].startswith("not tried: ") for c in copies[1:])


def test_outbox_smtp_refuses_a_prepared_file_that_changed(outbox, server):
    entry = outbox.copies[0]
    (outbox.folder / entry["folder"] / entry["files"][0]["name"]).write_bytes(b"tampered")
    with pytest.raises(OutputError, match="changed since the outbox was prepared"):
        deliver_smtp(outbox, server.settings, NO_WAIT, sleep=lambda s: None)
    assert server.messages == []


@pytest.mark.parametrize("password, sent", [("s3cret", 5), ("wrong", 0)])
def test_outbox_smtp_logs_in_and_a_refused_login_is_a_usage_error(outbox, password, sent):
    from aiosmtpd.smtp import AuthResult

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login, auth_data.password) == (b"briefs", b"s3cret")
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535 itself

    recorder = Recorder()
    controller = aiosmtpd_controller.Controller(recorder, hostname="127.0.0.1", port=free_port(),
                                                authenticator=authenticator, auth_require_tls=False)
    controller.start()
    try:
        settings = SmtpSettings(host="127.0.0.1", port=controller.port, sender=SENDER, user="briefs",
                                password=password, timeout=5)
        if sent:
            assert deliver_smtp(outbox, settings, NO_WAIT, sleep=lambda s: None).summary().startswith("5 sent")
        else:
            with pytest.raises(UsageError, match="refused the login for 'briefs'.*BRIEFING_SMTP_PASSWORD"):
                deliver_smtp(outbox, settings, NO_WAIT, sleep=lambda s: None)
    finally:
        controller.stop()
    assert len(recorder.messages) == sent


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, as an in-house authority would issue (needs openssl)."""
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def tls_server(certificate, *, implicit: bool):
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    recorder = Recorder()
    options = {"ssl_context": context} if implicit else {"tls_context": context, "require_starttls": True}
    controller = aiosmtpd_controller.Controller(recorder, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    return recorder, controller


@pytest.mark.parametrize("implicit", [False, True], ids=["starttls", "ssl"])
def test_outbox_smtp_over_tls_trusts_the_configured_authority_only(outbox, certificate, implicit):
    recorder, controller = tls_server(certificate, implicit=implicit)
    try:
        mode = {"ssl": True} if implicit else {"starttls": True}
        untrusted = SmtpSettings(host="127.0.0.1", port=controller.port, sender=SENDER, timeout=5, **mode)
        with pytest.raises(UsageError, match="certificate is not trusted.*cafile"):
            deliver_smtp(outbox, untrusted, NO_WAIT, sleep=lambda s: None)
        assert recorder.messages == []
        trusted = SmtpSettings(host="127.0.0.1", port=controller.port, sender=SENDER, timeout=5,
                               cafile=certificate[0], **mode)
        assert deliver_smtp(outbox, trusted, NO_WAIT, sleep=lambda s: None).summary().startswith("5 sent")
    finally:
        controller.stop()
    assert len(recorder.messages) == 5


def test_outbox_smtp_settings_cafile_is_relative_to_the_configuration(tmp_path, certificate):
    shutil.copy(certificate[0], tmp_path / "our-ca.pem")
    cfg = {"config_path": str(tmp_path / "briefing.toml"), "smtp": {"from": SENDER, "cafile": "our-ca.pem"}}
    assert smtp_settings(cfg, environ={}).cafile == tmp_path / "our-ca.pem"
    cfg["smtp"]["cafile"] = "missing.pem"
    with pytest.raises(UsageError, match="cafile.*missing.pem"):
        smtp_settings(cfg, environ={})


# -- delivery into folders -------------------------------------------------------------------


def test_outbox_folder_delivery_writes_each_copy_once(outbox, tmp_path):
    destination = tmp_path / "shared"
    destination.mkdir()
    report = deliver_folder(outbox, destination)
    assert report.summary() == "5 sent, 0 already sent, 0 failed"
    jane = destination / "jane-doe"
    assert sorted(p.name for p in jane.iterdir()) == ["talks-brief-copy1of5.docx", "talks-brief-copy1of5.pdf"]
    assert "Prepared for Jane Doe" in pdf_text((jane / "talks-brief-copy1of5.pdf").read_bytes())
    assert deliver_folder(load_outbox(outbox.folder), destination).summary() == "0 sent, 5 already sent, 0 failed"


def test_outbox_folder_delivery_never_overwrites_different_content(outbox, tmp_path):
    destination = tmp_path / "shared"
    (destination / "sam-lee").mkdir(parents=True)
    (destination / "sam-lee" / "talks-brief-copy2of5.pdf").write_bytes(b"someone else's file")
    report = deliver_folder(outbox, destination)
    assert report.summary() == "4 sent, 0 already sent, 1 failed"
    assert (destination / "sam-lee" / "talks-brief-copy2of5.pdf").read_bytes() == b"someone else's file"
    assert "different content" in manifest_of(outbox.folder)["copies"][1]["last_error"]


# -- settings --------------------------------------------------------------------------------


def test_outbox_smtp_settings_take_the_password_from_the_environment_only():
    cfg = {"smtp": {"host": "mail.example.org", "port": 587, "starttls": True, "user": "briefs", "from": SENDER}}
    settings = smtp_settings(cfg, {"BRIEFING_SMTP_PASSWORD": "s3cret"})
    assert (settings.host, settings.port, settings.starttls, settings.user, settings.password) == \
        ("mail.example.org", 587, True, "briefs", "s3cret")
    assert "s3cret" not in repr(settings)
    assert smtp_settings(cfg, {"BRIEFING_SMTP_USER": "other", "BRIEFING_SMTP_PASSWORD": "x"}).user == "other"
    assert smtp_settings({"smtp": {"ssl": True, "from": SENDER}}, {}).port == 465


@pytest.mark.parametrize("table, message", [
    ({"from": SENDER, "password": "x"}, "unknown [smtp] setting(s) password"),
    ({}, "needs from ="),
    ({"from": SENDER, "port": "25"}, "port must be a number"),
    ({"from": SENDER, "starttls": "yes"}, "starttls must be true or false"),
    ({"from": SENDER, "user": "briefs"}, "BRIEFING_SMTP_PASSWORD"),
])
def test_outbox_bad_smtp_settings_are_usage_errors(table, message):
    with pytest.raises(UsageError) as error:
        smtp_settings({"smtp": table, "config_path": "/x/briefing.toml"}, {})
    assert message in str(error.value)
    assert str(error.value).startswith("/x/briefing.toml") or "BRIEFING_SMTP_PASSWORD" in str(error.value)


@pytest.mark.parametrize("table, message", [
    ({"delivery": "pigeon"}, "delivery must be one of"),
    ({"delivery": "folder"}, "needs folder ="),
    ({"attempts": 0}, "attempts must be"),
    ({"retry_delay": "soon"}, "retry_delay must be"),
])
def test_outbox_bad_distribution_settings_are_usage_errors(table, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        distribution_settings({"distribution": table})


def test_outbox_retry_delays_double_up_to_a_limit():
    policy = RetryPolicy(attempts=5, base_delay=2.0, max_delay=10.0)
    assert [policy.delay(n) for n in range(1, 5)] == [2.0, 4.0, 8.0, 10.0]
