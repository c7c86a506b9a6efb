"""The keyboard back in the window after a dialog of its own closes (a file chooser, an export's progress).

A window manager hands the activation back to the window a dialog came from; with none to do it (a bare X
server, a kiosk session, the offscreen platform) no window was active and nothing had the focus once the
dialog closed, so the next shortcut — Ctrl+Shift+E after an export, Ctrl+E after an import — went nowhere."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import Qt
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
    if QApplication.activeWindow() is None:
        window.activateWindow()
    target = to if to is not None and isValid(to) else window.focusWidget()
    if (QApplication.focusWidget() is None and target is not None and target.isVisible()
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
