"""The keys of the window's edit commands as an Excel user presses them, whatever the desktop's key scheme.

Qt gives a standard command the keys of the platform's scheme (``QKeySequence.keyBindings``). Windows, macOS and
the offscreen platform the tests run on give Redo Ctrl+Y and Delete the Del key alone; an X11 desktop — Linux,
which ``scripts/run-app.sh`` sets up — gives Redo Ctrl+Shift+Z alone and Delete both Del and Ctrl+D, as Emacs
does. There Ctrl+Y redid nothing, and Ctrl+D, bound in every register table to Fill Down / Duplicate Rows and to
Clear Cells at once, was ambiguous to Qt and did nothing either, without a word (walkthrough 35). The keys below
are Excel's on every platform, the platform's own added where they do not clash."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
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


# Excel's row keys (walk61b): Ctrl+- deletes the selected rows, Ctrl++ inserts one. Ctrl++ is Ctrl+Shift+= on most
# keyboards and Ctrl with the keypad's + on all; Qt sees Key_Plus, or Key_Equal with Shift, as the layout gives it.
# They zoomed before; zoom keeps Ctrl+= (no Excel meaning in a table) and takes Excel's own Ctrl+Alt+= / Ctrl+Alt+-.
DELETE_ROW_KEYS = ("Ctrl+-",)
INSERT_ROW_KEYS = ("Ctrl++", "Ctrl+Shift+=", "Ctrl+Shift++")
ZOOM_IN_KEYS = ("Ctrl+=", "Ctrl+Alt+=", "Ctrl+Alt++")
ZOOM_OUT_KEYS = ("Ctrl+Alt+-",)


def _pressed(event: QKeyEvent, keys: tuple[str, ...]) -> bool:
    """Whether a key press is one of ``keys`` as declared above, the keypad's own key counted as the main one."""
    combination = QKeyCombination(event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier, Qt.Key(event.key()))
    return QKeySequence(combination) in [QKeySequence(k) for k in keys]


def row_key(event: QKeyEvent) -> str:
    """"delete" for Excel's Ctrl+-, "insert" for Ctrl++ (``INSERT_ROW_KEYS``), "" for any other key."""
    return "delete" if _pressed(event, DELETE_ROW_KEYS) else "insert" if _pressed(event, INSERT_ROW_KEYS) else ""


# Excel's Ctrl+; types today's date; Ctrl+Shift+; (Ctrl+: on the keyboard) the time now, which no register keeps.
TODAY_KEYS = ("Ctrl+;",)
TIME_KEYS = ("Ctrl+Shift+;", "Ctrl+:", "Ctrl+Shift+:")


def today_key(event: QKeyEvent) -> str:
    """"date" for Excel's Ctrl+;, "time" for its Ctrl+Shift+; (Ctrl+:), "" for any other key."""
    return "date" if _pressed(event, TODAY_KEYS) else "time" if _pressed(event, TIME_KEYS) else ""


TIME_SAID = ("Ctrl+Shift+; is Excel's time now: the registers keep days, not times — nothing was typed "
             "(Ctrl+; types today's date in a date cell).")


def today_refused(label: str) -> str:
    """What Ctrl+; says on a cell that is not a date (the table's selected cell or a cell being typed)."""
    return f"Ctrl+; types today's date into a date cell: {label} is not one — nothing was typed."
