"""No test waits for ever in a modal dialog nobody answers.

A dialog run by ``exec()`` (the product's date pickers, scale and program dialogs, Qt's file dialog and input
boxes) holds its caller in its own event loop until it is answered: a test that opens one by a key it did not
mean (the focus elsewhere on a loaded machine) or answers another dialog than the one open waited there for
good, and the run with it. Here a timer of the test's own thread — it runs inside that loop too — looks at the
application-modal dialogs every second; one still open after ``GIVE_UP_S`` is closed unanswered (``reject``)
and its test fails, naming it. The product's own messages (``messages.warn``, the conflict dialog) are opened
window-modal with ``open()``, wait for nobody, and are left alone.
"""
from __future__ import annotations

import os
import time

import pytest

GIVE_UP_S = float(os.environ.get("PMO_TEST_MODAL_GIVE_UP_S", "60"))  # no test answers a dialog after seconds
_SINCE = "pmo_test_modal_since"


@pytest.fixture(autouse=True)
def _no_modal_dialog_waits_for_ever(request):
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    closed: list[str] = []

    def look() -> None:
        now = time.monotonic()
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog):
                continue
            if not (widget.isVisible() and widget.windowModality() == Qt.WindowModality.ApplicationModal):
                widget.setProperty(_SINCE, None)  # shown again later: counted from then
                continue
            since = widget.property(_SINCE)
            if since is None:
                widget.setProperty(_SINCE, now)
            elif now - float(since) >= GIVE_UP_S:
                closed.append(f"“{widget.windowTitle()}” ({type(widget).__name__})")
                widget.reject()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
    if closed:
        pytest.fail(f"a modal dialog was left open unanswered for {GIVE_UP_S:.0f} s and closed: {', '.join(closed)}",
                    pytrace=False)
