"""A modal dialog nobody answers fails its test within the bound instead of holding the run for ever
(``tests/modal_watch.py``), whatever dialog it is; the product's non-blocking messages are left alone."""
import os
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent

INNER = '''
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from pmo_desktop.views.messages import warn


def test_a_dialog_left_in_exec(qtbot):
    dialog = QDialog()
    dialog.setWindowTitle("Pick a date")
    dialog.exec()  # nobody answers


def test_an_input_box_left_in_exec(qtbot):
    QInputDialog.getText(None, "Password", "Password for the server:")


def test_a_message_left_open_is_no_wait(qtbot):
    box = warn(None, "Warning", "Nothing waits for this")
    qtbot.wait(3000)
    assert box.isVisible()
'''


def test_a_modal_dialog_nobody_answers_fails_its_test_instead_of_hanging(tmp_path):
    (tmp_path / "conftest.py").write_text("try:\n    from modal_watch import _no_modal_dialog_waits_for_ever  # noqa: F401\n"
                                         "except ImportError:  # before the watch: the dialog waited for ever\n"
                                         "    pass\n")
    (tmp_path / "test_inner.py").write_text(INNER)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PMO_TEST_MODAL_GIVE_UP_S": "2",
           "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent)])}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-o", "timeout=40", "-o", "timeout_method=thread", "-o", "qt_api=pyside6", "test_inner.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=150)
    out = done.stdout + done.stderr
    assert "“Pick a date” (QDialog)" in out and "“Password” (QInputDialog)" in out, out[-3000:]
    assert "Timeout" not in out, out[-3000:]  # closed by the watch, not by the run's last resort
    assert "2 errors" in out and "3 passed" in out, out[-3000:]  # (the failure is its teardown's)
    assert time.monotonic() - started < 60
