"""Guard for the PySide6 we depend on: 6.12.0 leaks references *away* from True/None on Python 3.11,
which aborts the interpreter after a few thousand signal emits. pyproject.toml pins below it there."""

import subprocess
import sys

import pytest

CHILD = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class E(QObject):
    ping = Signal(object)
e = E(); e.ping.connect(lambda x: None)
before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range(20000):
    e.ping.emit(None)
print(sys.getrefcount(True) - before[0], sys.getrefcount(None) - before[1])
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12")
def test_signal_emits_keep_true_and_none_references_balanced():
    # In a child process: with a broken PySide6 the interpreter aborts, which must fail this test, not the run.
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    # A broken binding is off by one reference per emit (20,000 here); a single stray reference to None
    # (held for a moment by the interpreter or Qt, seen about one run in eight) is not that bug.
    assert all(abs(int(x)) < 100 for x in out.stdout.split()), out.stdout
