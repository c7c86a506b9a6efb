"""A register table's cell editors between its views: the table and its frozen columns share one delegate, so
each view takes only the editors it opened; and a cell whose typed value the register refused keeps its
editor, as Excel keeps a refused entry to retry."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit

from .delegates import FieldDelegate


def holds(view: QAbstractItemView, editor) -> bool:
    """Whether ``editor`` is one ``view`` opened. The table and its frozen columns share one delegate, whose
    commitData and closeEditor signals reach both; Qt's own slots log "…called with an editor that does not
    belong to this view" for the other view's editor (and do nothing else with it), so each view passes on
    only its own."""
    return editor is not None and editor.parent() is view.viewport()


def keep_refused_cell(view: QAbstractItemView, previous) -> bool:
    """Another cell made current (a click, an arrow key) while ``previous``'s typed text is being edited: the
    text is stored and the editor closed, as Qt does — or, when the register refuses it, ``previous`` is
    made current again with the keyboard in its editor, the text as typed and the reason beside it, as Excel's
    Retry (Qt stored it again in a message box and closed the editor: what was typed was lost). True when the
    cell is kept."""
    editor = view.indexWidget(previous) if previous.isValid() else None
    delegate = view.itemDelegate()
    if not isinstance(editor, QLineEdit) or not holds(view, editor) or not isinstance(delegate, FieldDelegate):
        return False
    if delegate.commit_or_hold(editor):
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)  # stored: Qt has nothing left to do
        return False
    back = QPersistentModelIndex(previous)

    def retry() -> None:  # once the click that moved the current cell is over
        if back.isValid():
            model = view.model()
            view.selectionModel().setCurrentIndex(model.index(back.row(), back.column()),
                                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    QTimer.singleShot(0, editor, retry)
    return True


def caret_at_end(editor) -> None:
    """F2 (or a double-click) edits the cell's text as Excel does: the caret after the last letter, nothing
    selected — Qt selected it all, so " again" typed to add to a title replaced the whole title with "again"."""
    from PySide6.QtWidgets import QComboBox

    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    if isinstance(line, QLineEdit):
        line.deselect()
        line.end(False)
