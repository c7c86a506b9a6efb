"""The keyboard back in the window after a dialog of its own closes (a file chooser, an export's progress).

A window manager hands the activation back to the window a dialog came from; with none to do it (a bare X
server, a kiosk session, the offscreen platform) no window was active and nothing had the focus once the
dialog closed, so the next shortcut — Ctrl+Shift+E after an export, Ctrl+E after an import — went nowhere."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def give_keyboard_back(parent: QWidget | None, to: QWidget | None = None) -> None:
    """``parent``'s window active again (when no window is), with the keyboard on ``to`` — or where it was
    in that window — if that is still there to take it."""
    from shiboken6 import isValid

    if parent is None or not isValid(parent):
        return
    window = parent.window()
    if not window.isVisible():
        return
    # A dialog just closed may still be the active window, its button the focus, until another is activated: with
    # no window manager nothing does — and the keys typed went to that hidden button (a refused cell's "Go Back to
    # It" left the keyboard on the box's "Close Without It", the correction typed nowhere).
    active = QApplication.activeWindow()
    if active is None or (active is not window and not active.isVisible()):
        window.activateWindow()
    focus = QApplication.focusWidget()
    target = to if to is not None and isValid(to) else window.focusWidget()
    if ((focus is None or not focus.isVisible()) and target is not None and target.isVisible()
            and target.window() is window):
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


@contextmanager
def keyboard_kept(parent: QWidget | None) -> Iterator[None]:
    """Around a dialog of ``parent``'s: afterwards the keyboard is where it was before."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        give_keyboard_back(parent, before)


class _DialogsGiveKeyboardBack(QObject):
    """Watches a window for the dialogs it opens (their first showing polishes them there); each one's
    closing gives the keyboard back to the window — Ctrl+K's finder closed with Esc, F1's help, a question
    box — as a file chooser's does (``keyboard_kept``)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()
            # asked of Qt, not isinstance(child, QDialog): naming QDialog makes its Python type, and this
            # filter sees every widget of the first screen polished before any dialog exists
            if child.inherits("QDialog") and not child.property(_WATCHED):
                child.setProperty(_WATCHED, True)
                window = watched
                # After the dialog has gone (the next turn of the loop), not while it hides.
                child.finished.connect(lambda _result: QTimer.singleShot(0, window, lambda: give_keyboard_back(window)))
        return False


_WATCHED = "pmo_gives_keyboard_back"


def dialogs_give_keyboard_back(window: QWidget) -> None:
    """Every dialog ``window`` opens, once closed, leaves the keyboard back in the window, with or without a
    window manager to hand the activation back. Declared once, for the main window."""
    watcher = _DialogsGiveKeyboardBack(window)
    window.installEventFilter(watcher)
