"""Ctrl+Z and Ctrl+Y in a text box of the window — a register's search box, a detail panel's Cause or Notes —
undo and redo the box's own typing while it has some, else the office's last edit, as they do anywhere else.

A text box takes the undo keys for itself (Qt's ShortcutOverride) whether or not it has anything to undo: a
risk's Cause typed and Tab to the next box, Ctrl+Z did nothing — the Cause stayed — and in the search box
Ctrl+Y after an undo left the record gone and the status bar on "Undone: …". A cell's editor is left alone:
open on a cell, the keys are its own, as in Excel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .excel_keys import is_excel_redo, is_redo

_WATCHED = "office_undo_watched"


def _has_own(box: QWidget, undo: bool) -> bool:
    """Whether the box has typing of its own to undo (or redo)."""
    if isinstance(box, QLineEdit):
        return box.isUndoAvailable() if undo else box.isRedoAvailable()
    if isinstance(box, (QPlainTextEdit, QTextEdit)):
        document = box.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return True


class OfficeUndoInTextBoxes(QObject):
    """Watches the text boxes the keyboard reaches in one window (``watch``, from its focusChanged)."""

    def watch(self, widget: QWidget | None) -> None:
        if (not isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) or widget.property(_WATCHED)
                or _in_a_cell(widget)):
            return
        widget.setProperty(_WATCHED, True)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            if (is_excel_redo(event) and not event.matches(QKeySequence.StandardKey.Redo)
                    and _has_own(watched, False)):
                # Ctrl+Y where the desktop's box knows only Ctrl+Shift+Z (X11): the box's own redo, as Ctrl+Y is
                # everywhere else — not the office's, which the window's Ctrl+Y (excel_keys.py) would do
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                elif isinstance(watched, (QLineEdit, QPlainTextEdit, QTextEdit)):
                    watched.redo()
                return True
            for undo, pressed in ((True, event.matches(QKeySequence.StandardKey.Undo)), (False, is_redo(event))):
                if pressed and not _has_own(watched, undo):
                    if event.type() == QEvent.Type.KeyPress:
                        # the window's action is off (nothing left to undo or redo): the window says so
                        QApplication.sendEvent(watched.window(), QKeyEvent(event.type(), event.key(),
                                                                            event.modifiers(), event.text()))
                    return True  # not taken by the box: the window's Undo or Redo acts
        return False


def _in_a_cell(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False
