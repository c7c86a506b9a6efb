"""Editors chosen from the field definition: lists for choices, calendars for dates, text otherwise."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLineEdit, QStyledItemDelegate

from ...models.fields import Field, Kind
from .table_model import format_value

BLANK_DATE = QDate(1900, 1, 1)


def ref_names(document, f: Field) -> list[str]:
    from sqlalchemy import select

    T = f.ref.target
    with document.store.session() as s:
        return sorted(n for n in s.scalars(select(getattr(T, f.ref.label))) if n)


class FieldDelegate(QStyledItemDelegate):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model

    def _field(self, index) -> Field:
        return self.model.sourceModel().fields[index.column()] if hasattr(self.model, "sourceModel") else self.model.fields[index.column()]

    def _document(self):
        src = self.model.sourceModel() if hasattr(self.model, "sourceModel") else self.model
        return src.document

    def createEditor(self, parent, option, index):
        f = self._field(index)
        if f.kind in (Kind.ENUM, Kind.BOOL, Kind.SCALE) or (f.kind == Kind.REF):
            combo = QComboBox(parent)
            if f.kind == Kind.ENUM:
                combo.addItem("", None)
                for c in f.choices:
                    combo.addItem(c, c)
            elif f.kind == Kind.BOOL:
                combo.addItem("Yes", True)
                combo.addItem("No", False)
            elif f.kind == Kind.SCALE:
                ctx = self._document().context
                combo.addItem("", None)
                for i, name in enumerate(f.scale_names(ctx), start=1):
                    combo.addItem(f"{i} – {name}", i)
            else:
                combo.addItem("", None)
                for name in ref_names(self._document(), f):
                    combo.addItem(name, name)
                if f.ref.create_missing:  # people: type a new name to add them
                    combo.setEditable(True)
                    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            return combo
        if f.kind == Kind.DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setMinimumDate(BLANK_DATE)
            editor.setSpecialValueText(" ")  # the minimum date reads as blank: clears the date
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        f = self._field(index)
        if isinstance(editor, QComboBox):
            i = editor.findData(value)
            if i < 0 and value is not None:
                i = editor.findText(str(value))
            if i >= 0:
                editor.setCurrentIndex(i)
            elif editor.isEditable():
                editor.setEditText("" if value is None else str(value))
        elif isinstance(editor, QDateEdit):
            editor.setDate(QDate(value.year, value.month, value.day) if isinstance(value, date) else BLANK_DATE)
        elif isinstance(editor, QLineEdit):
            editor.setText(format_value(f, value).replace(",", "") if f.kind in (Kind.FLOAT, Kind.INT) else format_value(f, value))

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                text = editor.currentText().strip()
                value = text or None
            else:
                value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            d = editor.date()
            value = None if d == BLANK_DATE else date(d.year(), d.month(), d.day())
        else:
            value = editor.text()
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        editor.setGeometry(option.rect)
