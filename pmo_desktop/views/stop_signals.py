"""The window asked to stop from outside — SIGTERM (``kill``, a service manager, a session ending), SIGHUP (the
terminal it was started from closed), SIGINT (Ctrl+C there) — closes as the user's own close does.

Python leaves SIGTERM and SIGHUP to the system, which ended the process where it stood: what was typed in an open
cell was never stored (leaving the cell would have stored it), the changes kept to retry (a full disk, the server
away) went without the question a close asks, and the office's -wal and -shm stayed beside it. Now the signal is
taken in the event loop (a Python handler runs only between Python statements, and Qt's loop runs none while idle,
so the handler writes to a socket Qt watches) and the window is closed: an open cell stores what it holds, a held
refusal or kept changes are asked about (``MainWindow.may_let_go``), the office is closed whole.

Never in the middle of something: a long job on a worker (an import of 10,000 rows, an export) is let finish —
its one transaction is all or nothing, and the window is closed after it — and a dialog open when the signal came
(the import's preview, a message) is closed as Esc closes it, so nothing of it is done.

A second signal while the close asks its question (what was typed in a cell the register refused, changes the
store could not take yet) is the stop insisted on — a session ending sends it, then kills: the question is answered
by its own "Close Without It" button, each question after it too, the question and its answer said on stderr, and
the office is closed whole, everything stored kept. Before, the question was closed as a dialog open at the signal
is (``reject``), which left it no button clicked: ``may_let_go`` read that as "close without", by accident, and
what was left out went without a word.
"""

from __future__ import annotations

import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# ``background`` (QProgressDialog, with QDialog), QDialog and QMessageBox are named when a signal comes, not at the
# install: PySide makes a class's type and enums at the first use of its name, and the window's first paint needs
# none of them (round speed47c).

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
_RETRY_MS = 100  # how soon to look again while a long job runs


class StopOnSignals(QObject):
    """Installed once, on the application's main window (``install``)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._wake_read, self._wake_write = socket.socketpair()
        self._wake_read.setblocking(False)
        self._wake_write.setblocking(False)
        signal.set_wakeup_fd(self._wake_write.fileno(), warn_on_full_buffer=False)
        for number in STOP_SIGNALS:
            signal.signal(number, lambda *_: None)  # taken; the wake-up byte carries it to the loop
        self._notifier = QSocketNotifier(self._wake_read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._open_when_asked: list[QWidget] = []
        self._stopping = False  # a signal came and the window is being closed
        self._insisted = False  # a second came meanwhile: the close's questions take the answer that closes

    def _woken(self, *_: Any) -> None:
        from PySide6.QtWidgets import QDialog

        from . import background

        try:
            while self._wake_read.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        if self._stopping and QApplication.activeModalWidget() is not None and not background.running():
            self._insisted = True  # the close's question is open (a job's own dialog is no question of it)
        self._open_when_asked = [w for w in QApplication.topLevelWidgets()
                                 if isinstance(w, QDialog) and w.isVisible() and w is not self.window]
        self._stopping = True
        self._stop()

    def _stop(self) -> None:
        from PySide6.QtWidgets import QDialog, QMessageBox

        from . import background

        if background.running():  # its transaction ends whole first: all of it saved, or none
            QTimer.singleShot(_RETRY_MS, self._stop)
            return
        modal = QApplication.activeModalWidget()
        if self._insisted and isinstance(modal, QMessageBox) and _closing_answer(modal) is not None:
            print(f"Stopped again while asked: “{' '.join(modal.text().split())}” — answered "
                  f"“{_closing_answer(modal).text().replace('&', '')}”.", file=sys.stderr, flush=True)
            _closing_answer(modal).click()  # type: ignore[union-attr]
            QTimer.singleShot(0, self._stop)  # once its own loop has returned: the next question, or the close
            return
        if isinstance(modal, QDialog) and modal in self._open_when_asked:
            self._open_when_asked.remove(modal)
            modal.reject()  # as Esc: a preview imports nothing, a question takes its safe answer
            QTimer.singleShot(0, self._stop)  # once its own loop has returned
            return
        if modal is not None:  # one the finished job opened (what went wrong): the user answers it first
            QTimer.singleShot(_RETRY_MS, self._stop)
            return
        if self.window.close():
            QApplication.quit()
        else:  # the user went back to the window: a later signal is a new stop, asked again
            self._stopping = self._insisted = False


def _closing_answer(box: QMessageBox):
    from PySide6.QtWidgets import QMessageBox

    """The question's button that lets the window close ("Close Without It"): its destructive one."""
    return next((b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole), None)


def install(window: QWidget) -> StopOnSignals:
    return StopOnSignals(window)
