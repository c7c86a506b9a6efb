"""File ▸ Program Details: the program's name, sponsor, manager, dates and description, and the month the office's
financial year starts in, edited as one undoable change through the program register (the same validation as an
import of its sheet)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..models import errors, records
from ..models.fields import Kind
from ..models.registers import REGISTERS
from ..models.values import day_text
from .document import Document
from .register_table.commands import CellEdit, EditCellsCommand
from .register_table.date_entry import DateLineEdit
from .register_table.delegates import hold_for_retry
from .register_table.table_model import typed_value
from .theme import colours

PROGRAM = REGISTERS["program"]


def read_program(document: Document) -> dict[str, Any]:
    [row] = document.office.read(records.fetch_rows, PROGRAM)[:1]
    return dict(zip(["id", "version", *PROGRAM.field_names], row, strict=True))


class ProgramDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Program details")
        self.record = read_program(document)
        form = QFormLayout(self)
        form.addRow(QLabel("The program this office runs: its name, people and dates head every board pack and export."))
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        # a stored value none of the choices is (the file edited by hand, a newer version's), by field: kept as it is
        self.kept: dict[str, str] = {}
        for f in PROGRAM.fields:
            value = self.record[f.name]
            text = day_text(value) if isinstance(value, date) else ("" if value is None else str(value))
            editor: QLineEdit | QPlainTextEdit | QComboBox
            if f.kind == Kind.ENUM:  # the financial year's first month: "(not set)", January … December
                editor = QComboBox(self)
                editor.addItems([f.unset, *f.choices])
                index = editor.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0  # "april" is April
                if index < 0:  # shown as stored, and kept unless another is chosen: Save erased it, without a word
                    editor.addItem(text)
                    index = editor.count() - 1
                    self.kept[f.name] = text
                editor.setCurrentIndex(index)
            elif f.kind == Kind.LONGTEXT:
                editor = QPlainTextEdit(text, self)
                editor.setTabChangesFocus(True)
            else:
                if f.kind == Kind.DATE:  # typed in the user's locale order, or picked on a calendar (Alt+Down)
                    editor = DateLineEdit(self)
                    # read as Save reads it (the field's way from today): the reading said as it was typed was the
                    # nearest such day, and "15 Jul" typed in December as the planned End read 15 Jul 2026 there
                    # and was saved as 15 Jul 2027
                    editor.read_as(f.label, f.when)
                    editor.setText(text)
                else:
                    editor = QLineEdit(text, self)
            editor.setAccessibleName(f.label)
            self.editors[f.name] = editor
            form.addRow(f.label, editor)
            if f.tip:  # what the setting changes, under it
                help_line = QLabel(f.tip, self)
                help_line.setWordWrap(True)
                editor.setAccessibleDescription(f.tip)
                form.addRow("", help_line)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {colours().error}")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        for name, text in self.kept.items():
            self.message.setText(f"“{PROGRAM.field(name).label}” holds “{text}”, which this version does not read "
                                 "(the file edited by hand, or by a newer PMO Desktop): it is kept as it is until "
                                 "you choose another.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Enter in the description starts a new line: Ctrl+Enter saves from any box, as in a mail window
        for editor in self.editors.values():
            editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return True
        return super().eventFilter(watched, event)

    def typed(self) -> dict[str, str]:
        return {name: (e.toPlainText() if isinstance(e, QPlainTextEdit) else
                       e.currentText() if isinstance(e, QComboBox) else e.text())
                for name, e in self.editors.items()}

    def save(self) -> None:
        """One undo step for every changed field; a refused value keeps the dialog open with the reason."""
        edits = []
        ctx = self.document.context
        record = dict(self.record)
        reading: str | None = None  # the box being read: a date's refusal names no field, and the keyboard goes there
        try:
            for name, text in self.typed().items():
                reading = name
                f = PROGRAM.field(name)
                if self.kept.get(name) == text:
                    continue  # as stored: no choice of this version's, so not parsed as one
                new = record[name] = f.parse(typed_value(f, text), ctx)
                old = self.record[name]
                if (new or None) != (old or None):
                    edits.append(CellEdit(self.record["id"], name, old, new))
            reading = None
            if PROGRAM.check is not None:  # the register's own cross-field rule, said here, not in a message box
                PROGRAM.check(record, ctx)
        except errors.ValidationError as e:
            self.message.setText(str(e))
            refused = self.editors.get(e.field or reading or "")
            if refused is not None:
                refused.setFocus()
                hold_for_retry(refused)  # selected, as a refused cell's text is: what is typed next replaces it
            return
        if edits and not self.document.execute(EditCellsCommand(
                self.document, PROGRAM, edits, {self.record["id"]: self.record["version"]},
                text="Edit program details")):
            self.message.setText("The details were not saved (see the message).")
            return
        self.accept()
