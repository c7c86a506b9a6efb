"""Review 62: stop 61's change (801e7af2..ff04f305) read as a reviewer. Each test drives the real code — a real
progress dialog closed as the window's close button closes it, a real cache folder damaged on disk, a real CSV
written to tmp_path — of the shape of a defect found, and fails on main ff04f305."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog


def _progress_dialog() -> QProgressDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    return shown[0] if shown else None


def _job_until_stopped(seconds: float = 6.0):
    def job(progress, cancelled):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if cancelled():
                return "stopped"
            time.sleep(0.02)
        return "done"

    return job


def test_the_close_button_of_an_imports_progress_dialog_asks_before_stopping_it(demo_window, qtbot):
    """Esc on an import's progress dialog asks before stopping it (walk61b), but the dialog's own close button (the
    title bar's ×, Alt+F4: a close event) went to QProgressDialog's closeEvent, which says "canceled" at once — the
    import stopped without a word, the same slip Esc was guarded against. It asks as Esc does: Go On keeps the job,
    Stop stops it; the dialog closing when the job is over asks nothing."""
    from pmo_desktop.views.background import run_with_progress

    seen: dict[str, object] = {}

    def close_it() -> None:
        dialog = _progress_dialog()
        assert dialog is not None
        dialog.close()  # what the window's close button sends
        qtbot.wait(100)
        seen["after close"] = dialog.wasCanceled()
        box = QApplication.activeModalWidget()
        seen["asked"] = box.text() if isinstance(box, QMessageBox) else ""
        if isinstance(box, QMessageBox):
            box.defaultButton().click()  # Go On
            qtbot.wait(100)
            seen["after go on"] = dialog.wasCanceled()
            dialog.close()
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
            next(b for b in QApplication.activeModalWidget().buttons() if b.text() == "Stop").click()

    QTimer.singleShot(300, close_it)
    result = run_with_progress(demo_window, "Importing risks.xlsx…", _job_until_stopped(), at_once=True, writes=True)
    assert seen["after close"] is False
    assert "Stop “Importing risks.xlsx”?" in str(seen["asked"])
    assert seen["after go on"] is False
    assert result == "stopped"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    # a job done: its dialog closes without a question
    assert run_with_progress(demo_window, "Importing b.xlsx…", _job_until_stopped(0.3), at_once=True,
                             writes=True) == "done"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
