"""Running one function call in a forked process, on the core a single brief leaves idle.

    >>> pending = call_forked(lambda: slow_part(text))   # starts now, in a copy of this process
    >>> rest = other_part(text)                           # meanwhile, here
    >>> part = pending.result()                           # None if it could not be done there

The forked process shares everything already loaded (the language model, warm
writers) without loading it again, and returns its result through a pipe. It
writes no file and ignores Ctrl-C: stopping is the parent's business. A
caller always has a way to do the work itself, so a failure there (not Linux,
one core, a crash, an exception) is simply ``None``.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Any, Callable


class Forked:
    """A call running in a forked process; :meth:`result` waits for it."""

    def __init__(self, pid: int, readable: int):
        self._pid = pid
        self._readable = readable

    def result(self) -> Any | None:
        """The call's return value, or ``None`` if it raised or the process died."""
        try:
            with os.fdopen(self._readable, "rb") as pipe:
                payload = pipe.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
        if status != 0 or not payload:
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a truncated payload: the caller does the work itself
            return None


def call_forked(work: Callable[[], Any]) -> Forked | None:
    """Start ``work()`` in a forked process; ``None`` where that is not possible or not useful."""
    # Linux only: on macOS a fork after the model's libraries have loaded may crash the copy.
    if not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2:
        return None
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked process; the parent sees its result
        status = 1
        try:
            os.close(readable)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writable, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            # No atexit handlers and no flushing of the parent's buffers: just go.
            os._exit(status)
    os.close(writable)
    return Forked(pid, readable)
