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
"""

from __future__ import annotations

import signal
import socket
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from . import background

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

    def _woken(self, *_: Any) -> None:
        try:
            while self._wake_read.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        self._open_when_asked = [w for w in QApplication.topLevelWidgets()
                                 if isinstance(w, QDialog) and w.isVisible() and w is not self.window]
        self._stop()

    def _stop(self) -> None:
        if background.running():  # its transaction ends whole first: all of it saved, or none
            QTimer.singleShot(_RETRY_MS, self._stop)
            return
        modal = QApplication.activeModalWidget()
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


def install(window: QWidget) -> StopOnSignals:
    return StopOnSignals(window)
