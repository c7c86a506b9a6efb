"""Reading a child process's output without ever waiting for ever.

``proc.stdout.readline()`` waits until the child prints a line or ends: a child that hangs (a window stuck,
a lock never let go) held the test, and the whole run with it, until CI's limit. ``read_line`` waits a
bounded time, then ends the child and fails the test, saying so."""
from __future__ import annotations

import subprocess
import threading
from typing import Any

import pytest

LINE_WITHIN_S = 120.0  # a child here prints its next line within seconds, even on a loaded machine


def read_line(proc: subprocess.Popen, timeout: float = LINE_WITHIN_S) -> Any:
    """The child's next line of output (as ``readline`` gives it, text or bytes: empty once it has ended)."""
    assert proc.stdout is not None
    got: list[Any] = []
    reader = threading.Thread(target=lambda: got.append(proc.stdout.readline()), name="test-read-line", daemon=True)
    reader.start()
    reader.join(timeout)
    if reader.is_alive():
        proc.kill()  # its output ends, and the read with it
        reader.join(10)
        pytest.fail(f"the child process {proc.args!r} printed no line in {timeout:.0f} s: ended")
    return got[0]
