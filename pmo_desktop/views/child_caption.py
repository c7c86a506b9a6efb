"""The caption over a record's inner table (an issue's actions): whose rows the table shows, or why it shows none —
no record chosen above it (the table's own empty state says when the record has none yet). A blank table under a
bare "Actions of the selected issue" left a new user to guess why (walk40), and keys typed into it with no issue
chosen went nowhere, unsaid."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..models.fields import Register, a_noun
from .sub_table_keys import SAID_IN_CAPTIONS

ADDS_ONE = f"({SAID_IN_CAPTIONS})"  # how to come here, and add one (walk 60)


class ChildCaption(QLabel):
    """Says, over ``child`` (a RegisterView of a child register), which record of ``owner`` (the RegisterView
    above it) its rows belong to, kept up to date as the record chosen changes. While no record is
    chosen the child table is off, as a risk's response actions are, so nothing is typed into it for no one."""

    def __init__(self, title: str, owner: Any, child: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.owner, self.child = title, owner, child
        self.setWordWrap(True)
        owner.current_record_changed.connect(lambda _id: self.update_text())
        child.document.records_changed.connect(self._on_records_changed)
        self.update_text()

    def _on_records_changed(self, register: str, _ids: Any) -> None:
        """The record's name changed in the table above, or the record was deleted: said once that table has
        read the change too."""
        if register == self.owner.register.name:
            QTimer.singleShot(0, self, self.update_text)

    def _chosen(self) -> dict[str, Any] | None:
        rid = self.owner.current_record_id()
        row = self.owner.model.row_of(rid) if rid is not None else None
        return self.owner.model.record(row) if row is not None else None

    def update_text(self) -> None:
        owner: Register = self.owner.register
        record = self._chosen()
        self.child.setEnabled(record is not None)
        if record is None:
            self.setText(f"<b>{escape(self.title)}</b> — choose {a_noun(owner.noun)} above to see its "
                         f"{escape(self.title.lower())} and add them.")
            return
        key, name = owner.key_field, owner.name_field
        who = " ".join(filter(None, (str(record.get(key.name) or "") if key else "",
                                     f"“{record.get(name.name)}”" if name and record.get(name.name) else "")))
        self.setText(f"<b>{escape(self.title)}</b> of {escape(who)} {ADDS_ONE}")
