"""The keys of the window's edit commands as an Excel user presses them, whatever the desktop's key scheme.

Qt gives a standard command the keys of the platform's scheme (``QKeySequence.keyBindings``). Windows, macOS and
the offscreen platform the tests run on give Redo Ctrl+Y and Delete the Del key alone; an X11 desktop — Linux,
which ``scripts/run-app.sh`` sets up — gives Redo Ctrl+Shift+Z alone and Delete both Del and Ctrl+D, as Emacs
does. There Ctrl+Y redid nothing, and Ctrl+D, bound in every register table to Fill Down / Duplicate Rows and to
Clear Cells at once, was ambiguous to Qt and did nothing either, without a word (walkthrough 35). The keys below
are Excel's on every platform, the platform's own added where they do not clash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

EXCEL_REDO = QKeySequence("Ctrl+Y")


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys (Ctrl+Shift+Z) and Excel's Ctrl+Y, once."""
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    return platform + ([] if EXCEL_REDO in platform else [EXCEL_REDO])


def is_redo(event: QKeyEvent) -> bool:
    """Whether a key press is Redo by ``redo_keys``: the platform's, or Ctrl+Y where the platform lacks it."""
    return event.matches(QKeySequence.StandardKey.Redo) or is_excel_redo(event)


def is_excel_redo(event: QKeyEvent) -> bool:
    """Ctrl+Y as such (a text box of an X11 desktop does not take it for its own Redo: ``views/text_undo.py``)."""
    return QKeySequence(event.keyCombination()) == EXCEL_REDO


def clear_keys() -> list[QKeySequence]:
    """Del and Backspace clear cells, as in Excel — never the platform's other Delete keys: X11's Ctrl+D is Excel's
    Fill Down."""
    return [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)]
