"""A register table's cell editors between its views: the table and its frozen columns share one delegate, so
each view takes only the editors it opened; and a cell whose typed value the register refused, left for another
cell, is passed by as Tab passes it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from .delegates import FieldDelegate


def holds(view: QAbstractItemView, editor) -> bool:
    """Whether ``editor`` is one ``view`` opened. The table and its frozen columns share one delegate, whose
    commitData and closeEditor signals reach both; Qt's own slots log "…called with an editor that does not
    belong to this view" for the other view's editor (and do nothing else with it), so each view passes on
    only its own."""
    return editor is not None and editor.parent() is view.viewport()


def leave_cell(view: QAbstractItemView, current, previous) -> tuple[QModelIndex, QModelIndex]:
    """Another cell made current (a click, an arrow key) while ``previous``'s typed text is being edited: the
    text is stored and the editor closed, as Qt does — or, when the register refuses it, the cell is passed by as
    Tab passes it (``FieldDelegate.leave_cell``): left as it was, what was typed kept in its note (a red corner;
    F2 gives it back, Esc lets it go), and the cell clicked made current. Qt stored it again in a message box and
    closed the editor: what was typed was lost; then (edit53) the refused cell was made current again and held
    the keyboard, so the cell clicked was never reached (walk 59); a name nobody has, or letters of no choice,
    asked in a question box, or were dropped without a word. ``current`` and ``previous`` as they are once it is
    stored: a value stored may read the rows again (a new person named), and the indexes Qt passed are then
    gone — the view's own handling of them ended the process."""
    editor = view.indexWidget(previous) if previous.isValid() else None
    delegate = view.itemDelegate()
    if not (isinstance(editor, (QLineEdit, QComboBox)) and holds(view, editor) and isinstance(delegate, FieldDelegate)):
        return current, previous
    if delegate.store_new_name_later(editor):
        return current, previous
    kept = QPersistentModelIndex(current), QPersistentModelIndex(previous)
    delegate.leave_cell(editor)
    model = view.model()
    return tuple(model.index(k.row(), k.column()) if k.isValid() and model is not None else QModelIndex()  # type: ignore[return-value]
                 for k in kept)


def caret_at_end(editor) -> None:
    """F2 (or a double-click) edits the cell's text as Excel does: the caret after the last letter, nothing
    selected — Qt selected it all, so " again" typed to add to a title replaced the whole title with "again"."""
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    if isinstance(line, QLineEdit):
        line.deselect()
        line.end(False)
