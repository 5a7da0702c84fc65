"""The README's "house brief for five people" walk-through, end to end, as a new user runs it.

Copy a built-in audience, change its layout; give the organization a logo and colours; check the
template; send a brief to a five-person list through a real SMTP server on loopback; kill the
sender (SIGKILL) half way and run it again: every person receives their own marked copy exactly once.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import email.utils
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
PIL = pytest.importorskip("PIL.Image")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"
STAFF = Path(__file__).parent / "data" / "distribution" / "staff.csv"
HEADING_COLOUR = "#7A1F3D"

pytestmark = pytest.mark.model


class HoldingServer:
    """Accepts messages; holds the third in DATA until the test lets go, and accepts nothing
    from a client that has gone away meanwhile (as a real server that never got the end of the data)."""

    def __init__(self):
        self.accepted: list[email.message.EmailMessage] = []
        self.holding = threading.Event()
        self.release: asyncio.Event | None = None
        self.hold_at = 3
        self.seen = 0

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.seen == self.hold_at:
            self.release = asyncio.Event()
            self.holding.set()
            await self.release.wait()
            if server.transport is None or server.transport.is_closing():
                return "451 the client went away"
        self.accepted.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def run(*args, cwd, check=True, **kwargs):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], cwd=cwd, env=env,
                            capture_output=True, text=True, **kwargs)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_walkthrough_house_brief_to_five_people_survives_a_kill(tmp_path):
    # 1. Copy the executive audience out and change its layout.
    run("templates", "copy", "executive", "mytemplates/", cwd=tmp_path)
    template = tmp_path / "mytemplates" / "executive.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("## Key points", "## What matters"),
                        encoding="utf-8")
    # 2. The organization's logo, colours, marking and mail server.
    PIL.new("RGB", (300, 90), (20, 60, 120)).save(tmp_path / "crest.png")
    server = HoldingServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd_controller.Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        (tmp_path / "briefing.toml").write_text(f"""
organization = "Ministry of Examples"
marking = "OFFICIAL"
markings = ["OFFICIAL", "OFFICIAL-SENSITIVE"]
[style]
logo = "crest.png"
[style.colors]
heading = "{HEADING_COLOUR}"
accent = "#B8860B"
[smtp]
host = "127.0.0.1"
port = {port}
starttls = false
from = "briefs@example.org"
""", encoding="utf-8")
        shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
        shutil.copy(STAFF, tmp_path / "staff.csv")
        # 3. Check the changed template before a brief is due.
        assert "all render" in run("templates", "check", "--templates", "mytemplates", "executive",
                                   cwd=tmp_path).stdout
        # 4. Send, and kill the sender while the third copy is on the wire.
        command = [sys.executable, "-m", "briefing", "send", SAMPLE.name, "--to", "staff.csv",
                   "--templates", "mytemplates"]
        sender = subprocess.Popen(command, cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert server.holding.wait(timeout=120), "the sender never reached the third copy"
        sender.send_signal(signal.SIGKILL)
        sender.wait(timeout=30)
        controller.loop.call_soon_threadsafe(server.release.set)
        assert len(server.accepted) == 2
        # 5. The same command again delivers what had not gone, and only that.
        again = run(*command[3:], cwd=tmp_path)
        assert "3 sent, 2 already sent, 0 failed" in again.stderr
        assert "0 sent, 5 already sent" in run(*command[3:], cwd=tmp_path).stderr
    finally:
        controller.stop()

    staff = [line.split(",") for line in STAFF.read_text(encoding="utf-8").splitlines()[1:]]
    received = Counter(address for m in server.accepted for _, address in email.utils.getaddresses([str(m["To"])]))
    assert received == Counter(address for _, address, *_ in staff)  # everyone, exactly once
    # 6. Each copy is marked for its reader, in the house style and the changed layout.
    from docx import Document
    from pypdf import PdfReader
    from reportlab.lib import colors
    from reportlab.lib.rl_accel import fp_str

    total = len(staff)
    for message in server.accepted:
        copy = int(str(message["Subject"]).rsplit("Copy ", 1)[1].split(" of ")[0])
        name, _, audience, *_ = staff[copy - 1]
        for part in message.iter_attachments():
            data = part.get_content()
            if part.get_content_type() == "application/pdf":
                reader = PdfReader(io.BytesIO(data))
                first = reader.pages[0]
                text = first.extract_text()
                assert f"Prepared for {name}" in " ".join(text.split())
                assert f"Copy {copy} of {total}" in text
                assert first.images, "the logo is on the first page"
                content = first.get_contents().get_data().decode("latin-1")
                assert fp_str(*colors.HexColor(HEADING_COLOUR).rgb()) + " rg" in content, "headings in the house colour"
                if audience == "executive":
                    assert "What matters" in text and "Key points" not in text
            else:
                word = Document(io.BytesIO(data))
                header = " ".join(p.text for p in word.sections[0].header.paragraphs)
                assert f"Copy {copy} of {total}" in header and name in header
