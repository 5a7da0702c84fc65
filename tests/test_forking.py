"""A call in a forked process: its result comes back, and any failure there is None, never a hang."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from briefing.forking import call_forked

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked calls are made on Linux only")


def _forked(work):
    pending = call_forked(work)
    if pending is None:
        pytest.skip("one core: nothing is forked")
    return pending


def test_call_forked_returns_the_value_from_another_process():
    here = os.getpid()
    assert _forked(lambda: (os.getpid(), [1, "two", {"three": 3.0}])).result()[1] == [1, "two", {"three": 3.0}]
    assert _forked(os.getpid).result() != here


def test_call_forked_gives_none_when_the_call_raises():
    def fail():
        raise ValueError("no")

    assert _forked(fail).result() is None


def test_call_forked_gives_none_when_the_process_dies():
    assert _forked(lambda: os.kill(os.getpid(), signal.SIGKILL)).result() is None
    assert _forked(lambda: os._exit(0)).result() is None  # exited cleanly but said nothing


def test_call_forked_carries_a_large_result():
    big = b"x" * 5_000_000  # far beyond a pipe's buffer: the reader must not wait for the exit first
    assert _forked(lambda: big).result() == big


def test_call_forked_reaps_its_process():
    pending = _forked(lambda: 1)
    pid = pending._pid
    assert pending.result() == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_call_forked_is_none_on_one_core(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert call_forked(lambda: 1) is None


def test_call_forked_is_none_off_linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert call_forked(lambda: 1) is None
