"""Long work (imports, exports) off the GUI thread, with a progress dialog that can cancel it."""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

_collector_lock = threading.Lock()
_collector_paused = 0  # long jobs running with the cycle collector off (``collector_paused``)
_collector_was_on = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a job over many records runs on a worker (an edit's or a delete's write and
    its undo: ``Document.operate_long``; Replace All's matching; a fill worked out), on again when the last such job
    ends. Such a job makes millions of objects — rows read, rows written, the history — and each of the collector's
    full passes walks every object alive while holding the interpreter lock, which the window then waits for: among
    100,000 risks a Replace All ran 13 full passes on its worker, the longest 3.0 s on a machine loaded 13, and a
    million records' took the window's longest pauses to 20 s and more. What the job frees is freed as it goes
    (reference counts); the few cycles it leaves are found by the collector's next passes after it. Not for an import
    or an export: a workbook's cells and sheets are cycles, which a long job reading several would keep meanwhile."""
    global _collector_paused, _collector_was_on
    with _collector_lock:
        _collector_paused += 1
        if _collector_paused == 1:
            _collector_was_on = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _collector_paused -= 1
            if _collector_paused == 0 and _collector_was_on:
                gc.enable()


# Seconds between two progress reports of a worker shown: a few a second are as good to the eye as thousands.
PROGRESS_EVERY = 0.25


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any]):
        super().__init__()
        self.fn = fn
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        shown_at = [-PROGRESS_EVERY]

        def progress(done: int, total: int) -> None:
            # at most every PROGRESS_EVERY seconds, and the end: a write of a million records told it 1,500 times,
            # each a repaint of the dialog on the GUI thread (1.5 s of its time, stretched by a loaded machine)
            now = time.monotonic()
            if now - shown_at[0] >= PROGRESS_EVERY or done >= total:
                shown_at[0] = now
                self.progressed.emit(int(done), int(total))

        try:
            self.result = self.fn(progress=progress, cancelled=self.cancel.is_set)
        except BaseException as e:  # handed back to the caller's thread and re-raised there
            self.error = e
        self.finished.emit()


class _ProgressRelay(QObject):
    """Receives the worker's progress in the GUI thread. A plain Python function connected to a
    signal from another thread would run in that thread, and widgets must never be touched there."""

    def __init__(self, dialog: QProgressDialog):
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[..., Any], *, cancellable: bool = True,
                      at_once: bool = False, on_cancel: Callable[[], None] | None = None, writes: bool = False) -> Any:
    """Run ``fn(progress=..., cancelled=...)`` in a worker thread while a progress dialog shows.

    The window keeps repainting; Cancel sets ``cancelled()`` to True for ``fn`` to honour. Returns
    ``fn``'s result or raises its exception, as if it had been called directly. ``cancellable=False``:
    no Cancel button (an undo, which must go through once begun). ``at_once``: the dialog shows at
    once, not after 0.4 s — a job known to be long, run from inside a command, whose window must take
    no key meanwhile (a Ctrl+Z pressed twice would undo again inside the first). ``on_cancel``: called on the GUI
    thread at Cancel too, for a job that one long statement keeps from looking at ``cancelled()`` (``windows.Stop``).
    ``writes``: a job that writes to the office in one transaction (an import): Esc asks before stopping it. Enter
    never stops any job (``_ProgressDialog``).
    """
    _running[0] += 1
    try:
        return _run(parent, label, fn, cancellable, at_once, on_cancel, writes)
    finally:
        _running[0] -= 1


SHOW_AFTER_MS = 400  # a job done sooner shows no dialog at all; a longer one shows it then, reported or not


def _shown_window(parent: QWidget | None) -> QWidget | None:
    """The window the dialog stands over: ``parent``'s, or the nearest shown one above it. The import dialog
    reads its workbook as it is made, before it is shown: a progress dialog over that hidden dialog stood apart
    from the window the user was looking at."""
    widget = parent
    while widget is not None and not widget.isVisible():
        widget = widget.parentWidget()
    return widget if widget is not None else parent


class _ProgressDialog(QProgressDialog):
    """The dialog of a long job. One that must go through once begun (``cancellable=False``: an undo, its step kept
    in Edit ▸ Undo) is not put away by Esc or a close while the job runs: Esc hid it, the job going on, and the
    window took keys again meanwhile — a second Ctrl+Z undid again inside the first. A job that can be stopped is
    stopped by them, as by Cancel."""

    def __init__(self, label: str, parent: QWidget | None, stoppable: bool, writes: bool = False):
        super().__init__(label, "Cancel", 0, 0, parent)
        self.stays = not stoppable  # until the job is over (``_run`` sets it False before closing it)
        self.label, self.writes = label, writes
        self.asking: QMessageBox | None = None
        # Enter never stops the job (walk61b): the dialog's one button, Cancel, had the keyboard and was its
        # default, so Enter — a keyboard user's "go on" — stopped an import. No button is the default; Esc or
        # Cancel itself stops it.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        if writes:  # Qt's own Esc shortcut says "canceled" at once: Esc comes to ``reject`` instead, which asks
            for shortcut in self.findChildren(QShortcut):
                shortcut.setEnabled(False)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.stays and "Esc or Cancel stops it" not in self.labelText():
                self.setLabelText(f"{self.labelText()}\nGoing on — Enter does not stop it: Esc or Cancel stops it.")
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.stays:
            return
        if self.writes and self.isVisible():  # Esc (Cancel itself stops at once: its click is the answer)
            self._ask_first()
            return
        super().reject()

    def _ask_first(self) -> None:
        """Esc on a job that writes (an import's records) asks before stopping it: Esc pressed to put away what looked
        like a message stopped the import. Stop is not the default: Enter keeps it going."""
        if self.asking is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Stop?", f"Stop “{self.label.rstrip('…')}”?\n\nWhat it has "
                          "written is not kept: the office stays as it was before it began.",
                          QMessageBox.StandardButton.NoButton, self)
        stop = box.addButton("Stop", QMessageBox.ButtonRole.DestructiveRole)
        go_on = box.addButton("Go On", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)
        box.setEscapeButton(go_on)
        self.asking = box

        def answered(_result: int) -> None:
            self.asking = None
            if box.clickedButton() is stop and not self.stays:
                self.canceled.emit()  # as Cancel says it: the job stops at its next safe point

        box.finished.connect(answered)
        box.open()

    def closeEvent(self, event) -> None:
        if self.stays:
            event.ignore()
            return
        if self.writes and self.isVisible():
            # the window's close button (the title bar's ×, Alt+F4) asks as Esc does: QProgressDialog's own
            # closeEvent says "canceled" at once, and an import stopped without a word (review62); ``_run`` sets
            # ``writes`` False before closing the dialog of a job that is over
            event.ignore()
            self._ask_first()
            return
        super().closeEvent(event)


class _CancelSaid(QObject):
    """Cancel pressed: the dialog says the job is stopping until the job stops (a job looks at ``cancelled()``
    between its steps, and one step of a big workbook may take seconds — the dialog went on as if not pressed)."""

    def __init__(self, dialog: QProgressDialog, label: str):
        super().__init__(dialog)
        self.dialog, self.label = dialog, label
        self.job_done = False  # the dialog then closes, and QProgressDialog's close says "canceled" too

    @Slot()
    def say(self) -> None:
        if self.job_done:
            return
        self.dialog.setLabelText(f"{self.label}\nStopping at the next safe point…")
        self.dialog.show()


_running = [0]  # long jobs under way (nested: a job's own question may start another)


def running() -> bool:
    """Whether a long job is under way: the window is not closed from outside meanwhile (``stop_signals``)."""
    return _running[0] > 0


def _run(parent: QWidget | None, label: str, fn: Callable[..., Any], cancellable: bool, at_once: bool,
         on_cancel: Callable[[], None] | None, writes: bool = False) -> Any:
    # a second long job straight after a first (Replace All's finding, then its saving): the first's dialog gave
    # the keyboard back, but the window is activated only when events next run, so none holds it yet
    focus = QApplication.focusWidget() or (_given_back[0] if _given_back else None)
    dialog = _ProgressDialog(label, _shown_window(parent), cancellable, writes)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if not cancellable:
        dialog.setCancelButton(None)  # type: ignore[arg-type]  # Qt takes None: no button
    dialog.setMinimumDuration(0 if at_once else SHOW_AFTER_MS)  # quick jobs finish before any dialog flashes up
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    # Shown after SHOW_AFTER_MS whether or not the job has reported progress: QProgressDialog shows itself only at
    # a progress report made after its minimum duration, and a long phase that reports none (a big workbook read,
    # its headers found, the preview built, a board pack laid out) left a window that took no key and said no word
    # for as long as it lasted. Until the first report the bar is Qt's busy bar (a range of 0 to 0), moving.
    show_anyway = QTimer(dialog)
    show_anyway.setSingleShot(True)
    show_anyway.timeout.connect(dialog.show)
    cancel_button_said = _CancelSaid(dialog, label)
    dialog.canceled.connect(cancel_button_said.say)
    worker = _Worker(fn)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    relay = _ProgressRelay(dialog)  # lives in this (the GUI) thread, so the dialog is only touched here
    worker.progressed.connect(relay.show_progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancel.set)
    if on_cancel is not None:
        dialog.canceled.connect(on_cancel)
    thread.started.connect(worker.run)
    if at_once:
        dialog.show()
    else:
        show_anyway.start(SHOW_AFTER_MS)
    thread.start()
    loop.exec()
    show_anyway.stop()
    cancel_button_said.job_done = True
    dialog.stays = False
    dialog.writes = False  # the job is over: its dialog closes without asking (``closeEvent``)
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    _give_back(focus)
    if worker.error is not None:
        raise worker.error
    return worker.result


_given_back: list[QWidget] = []  # the widget a progress dialog last gave the keyboard back to, until events run


def _give_back(focus: QWidget | None) -> None:
    """The keyboard back where it was before the dialog took it (the Replace dialog's button, the table's cell):
    closed, the progress dialog left no window active and the next key went nowhere."""
    try:
        if focus is None or not focus.isVisible():
            return
        focus.window().activateWindow()
        focus.setFocus()
        _given_back[:] = [focus]
        QTimer.singleShot(0, _given_back.clear)
    except RuntimeError:  # the widget went meanwhile
        pass
