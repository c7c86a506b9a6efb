"""The selected stakeholder's long texts (key concerns, notes), edited in full rather than in a cell.

Text is saved when the editor loses focus or another stakeholder is selected, as one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout

from ...models import errors, records
from ...models.registers.stakeholders import STAKEHOLDERS
from ...models.stakeholder_rules import gap_label
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table.commands import CellEdit, EditCellsCommand
from ..wrapped_lines import keep_wrapped_lines
from ..zoom import scale_with_zoom

TEXT_FIELDS = STAKEHOLDERS.detail.texts  # the declaration says which texts the panel edits


class CommittingTextEdit(QPlainTextEdit):
    """A plain text editor that says when the user has finished with it (focus leaves)."""

    finished = Signal()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.finished.emit()


class StakeholderDetail(QGroupBox):
    def __init__(self, document: Document, parent=None):
        super().__init__("Selected stakeholder", parent)
        self.document = document
        self.record_id: int | None = None
        self.record: dict = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)  # a long name, or the hint, never makes the page wider than a small screen
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        scale_with_zoom(self.heading)  # its own size, larger than the page's, grown by the zoom with the rest
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.editors: dict[str, CommittingTextEdit] = {}
        form = QFormLayout()
        for name in TEXT_FIELDS:
            editor = CommittingTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(STAKEHOLDERS.field(name).label + "…")
            # Two lines at least, not a scroll area's 70 pixels: where the panel is short (1280×720, the table
            # above keeping its rows) the boxes, which scroll, give way to the summary's lines above them — those
            # were cut through under the heading instead ("not rated yet · attitude not assessed yet · …").
            editor.setMinimumHeight(2 * editor.fontMetrics().lineSpacing() + 2 * editor.frameWidth()
                                    + 2 * round(editor.document().documentMargin()))
            editor.finished.connect(self.commit)
            self.editors[name] = editor
            form.addRow(STAKEHOLDERS.field(name).label, editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(form, 1)
        follow_read_only(document, *self.editors.values())
        document.records_changed.connect(self._on_records_changed)
        document.server_state.connect(self._read_again)
        self.show_record(None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        keep_wrapped_lines((self.heading, self.summary))

    def _read_again(self, away: str | None) -> None:
        """The server is back (``Document.server_state``): the stakeholder chosen while it was away is read now."""
        if away is None and self.record_id is not None and not self.record:
            self.show_record(self.record_id)

    def show_record(self, record_id: int | None) -> None:
        """Save what was typed for the previous stakeholder, then show this one."""
        if record_id != self.record_id:
            self.commit()
        self.record_id = record_id
        self.record = {}
        if record_id is not None:
            try:
                self.record = self.document.office.read(records.record_values, STAKEHOLDERS, record_id,
                                                        self.document.context)
            except errors.RecordNotFound:
                self.record_id = None
            except errors.StoreError:
                # Not read (the server away): the previous stakeholder's texts stayed, editable, under their
                # heading, and what was typed there went nowhere. Nothing to edit until it is read (``_read_again``).
                self.setEnabled(False)
                self.heading.setText("This stakeholder could not be read: the database server cannot be reached. "
                                     "It is shown when the server is back.")
                self.summary.setText("")
                for editor in self.editors.values():
                    editor.setPlainText("")
                raise
        rec = self.record
        self.setEnabled(bool(rec))
        self.heading.setText(f"{rec['code']}  {rec['name']}" if rec else "Select a stakeholder in the table")
        if rec:
            where = rec.get("quadrant") or "not rated yet"
            scope = ", ".join(filter(None, ["Program" if rec.get("program_level") else "", rec.get("projects") or ""]))
            attitude, current, desired = (STAKEHOLDERS.field(name).shown(rec.get(name)).lower() for name in
                                          ("attitude", "current_engagement", "desired_engagement"))
            gap = rec.get("engagement_gap")  # unassessed: said once, not as "not assessed yet" three times
            engagement = (f"engagement {current} → {desired} ({gap_label(gap).lower()})" if gap is not None or
                          rec.get("current_engagement") or rec.get("desired_engagement")
                          else "engagement not assessed yet")
            self.summary.setText(f"{where} · attitude {attitude} · {engagement} · {scope or 'no project yet'}")
        else:
            self.summary.setText("")
        keep_wrapped_lines((self.heading, self.summary))  # another stakeholder's lines may wrap onto more
        for name, editor in self.editors.items():
            editor.setPlainText(rec.get(name) or "")

    def commit(self) -> bool:
        """Save edited texts as one undoable step; False when there was nothing to save or it was refused."""
        if self.record_id is None or not self.record:
            return False
        edits = [CellEdit(self.record_id, name, self.record.get(name) or "", editor.toPlainText())
                 for name, editor in self.editors.items()
                 if editor.toPlainText() != (self.record.get(name) or "")]
        if not edits:
            return False
        command = EditCellsCommand(self.document, STAKEHOLDERS, edits, {self.record_id: self.record["version"]})
        return self.document.execute(command)

    def _on_records_changed(self, register: str, ids) -> None:
        if register != STAKEHOLDERS.name or self.record_id is None:
            return
        if ids is None or self.record_id in ids:
            typing = any(e.hasFocus() and e.toPlainText() != (self.record.get(n) or "") for n, e in self.editors.items())
            if not typing:
                self.show_record(self.record_id)
