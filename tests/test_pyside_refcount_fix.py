"""PySide6 6.12 drops a reference to None/True on many calls under Python 3.11 (see the fix module)."""

import sys

import pytest
from PySide6.QtCore import QObject, Signal

import pmo_desktop.views  # noqa: F401  (applies the fix)


class _Emitter(QObject):
    ping = Signal()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12")
def test_many_signal_emits_do_not_exhaust_true():
    before = sys.getrefcount(True)
    emitter = _Emitter()
    for _ in range(20_000):  # far more than True's natural reference count (~600 at start-up)
        emitter.ping.emit()
    assert sys.getrefcount(True) > 1 << 39
    assert before - sys.getrefcount(True) <= 20_001  # the bug itself, if present, stays bounded
