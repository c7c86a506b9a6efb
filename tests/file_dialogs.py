"""Answering Qt's own file dialog (offscreen, modal) by keyboard, the way a user does, without ever hanging.

The dialog runs its own event loop (``exec``), so it is answered from a timer. Three ways that used to hang a
test for good, each closed here:
- a dialog an earlier test left in this process was taken for the new one, and the new one waited for ever.
  Earlier dialogs are marked on the C++ object (a dynamic property) before the new one opens; an id() or a
  wrapper kept aside is no proof, since Python reuses ids and Qt reuses addresses;
- waiting for the dialog to become the *active modal* widget, which the offscreen platform does not always
  make it; it is found among the visible top-level widgets instead;
- an Enter Qt's dialog leaves unanswered now and then on a loaded machine: pressed again, as a user would,
  until the dialog closes.
- a full path typed into an Open dialog offered in another folder: once the dialog has read the file's folder
  (on its own thread, so a moment after the typing) Qt 6.11 selects the file and puts its bare name in place
  of the path typed, and Enter then looks for that name in the folder offered — the dialog goes to "/" with
  nothing chosen. So the test does what a user of this dialog does with a path: the folder typed and Enter
  (the dialog goes there), then the file's name and Enter. Typed while the dialog still reads the folder it
  offered, the folder can vanish from the box and the dialog go to "/" (Qt 6.11.3, a loaded machine): then it is
  typed again. Nothing then depends on the folder offered, the
  machine's home folder when the app has no folder of its own yet.
A dialog answered but still open after a minute is closed unanswered ("(closed unanswered)" in ``titles``),
so the test fails on its own assertions instead of waiting in ``exec`` for ever; after that minute nothing is
looked for, so a later test's dialog is never answered by this one. (pyproject's per-test timeout is the last
resort for anything else.)
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from shiboken6 import isValid

_EARLIER = "pmo_test_earlier_dialog"
GIVE_UP_MS = 60_000


@dataclass
class Answered:
    titles: list[str] = field(default_factory=list)  # each answered dialog's title, in order
    offered: list[str] = field(default_factory=list)  # the path each offered (its folder and name) before typing


def _new_file_dialog() -> QFileDialog | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible() and not w.property(_EARLIER)), None)


def _shows(dialog: QFileDialog, folder: str) -> bool:
    return os.path.normcase(os.path.normpath(dialog.directory().absolutePath())) == \
        os.path.normcase(os.path.normpath(folder))


def answer_file_dialog(qtbot, typed: str, completer: bool = False) -> Answered:
    """Type ``typed`` into the file dialog about to open and press Enter. ``completer``: keep the dialog's list
    of names offered while typing (a window of its own that may take the Enter); by default it is switched off,
    as it is not what these tests are about."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog):
            widget.setProperty(_EARLIER, True)
    answered = Answered()
    mine: list[QFileDialog] = []
    until = time.monotonic() + GIVE_UP_MS / 1000

    def enter_again(dialog: QFileDialog, name: QLineEdit) -> None:
        if isValid(dialog) and dialog.isVisible():
            qtbot.keyClick(name, Qt.Key.Key_Return)
            QTimer.singleShot(200, lambda: enter_again(dialog, name))

    def go() -> None:
        dialog = _new_file_dialog()
        if dialog is None:
            if time.monotonic() < until:
                QTimer.singleShot(50, go)
            return
        dialog.setProperty(_EARLIER, True)  # answered once: the next answer_file_dialog looks past it
        mine.append(dialog)
        answered.titles.append(dialog.windowTitle())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        answered.offered.append(os.path.join(dialog.directory().absolutePath(), name.text()))
        if not completer:
            name.setCompleter(None)
        folder, file_name = os.path.split(typed)
        if os.path.isabs(typed) and file_name and os.path.isdir(folder) and not _shows(dialog, folder):
            type_and_enter(name, folder)
            go_into(dialog, name, folder, file_name)
        else:
            type_and_enter(name, typed)
            QTimer.singleShot(200, lambda: enter_again(dialog, name))

    def type_and_enter(name: QLineEdit, text: str) -> None:
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, text)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    def go_into(dialog: QFileDialog, name: QLineEdit, folder: str, file_name: str) -> None:
        """Once the dialog shows ``folder``, the file's name and Enter; till then Enter again (an Open dialog
        takes it only once it has read the folder typed)."""
        if not isValid(dialog) or not dialog.isVisible() or time.monotonic() > until:
            return
        if _shows(dialog, folder):
            type_and_enter(name, file_name)
            QTimer.singleShot(200, lambda: enter_again(dialog, name))
            return
        if os.path.normpath(name.text().strip() or "/") == os.path.normpath(folder):
            qtbot.keyClick(name, Qt.Key.Key_Return)
        else:  # the folder typed is gone from the box (the dialog, still reading the folder it offered, went to "/"
            type_and_enter(name, folder)  # with it on a loaded machine, Qt 6.11.3): typed again, as a user would
        QTimer.singleShot(200, lambda: go_into(dialog, name, folder, file_name))

    def give_up() -> None:
        for dialog in mine:  # (only this answer's: by now another test may have its own open)
            if isValid(dialog) and dialog.isVisible():
                answered.titles.append("(closed unanswered)")
                dialog.reject()

    QTimer.singleShot(50, go)
    QTimer.singleShot(GIVE_UP_MS, give_up)
    return answered
