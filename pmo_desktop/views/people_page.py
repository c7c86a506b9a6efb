"""People: the office's list of names (owners, managers, actionees), where each is used, and merging
duplicates ("Helen" into "Helen Brooks") so that every reference follows — one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..models import records, references
from ..models.program import Person
from ..models.registers import REGISTERS
from .document import Document, DocumentCommand
from .messages import warn
from .read_only_guard import follow_read_only
from .register_page import RegisterPage

PEOPLE = REGISTERS["people"]


class MergePeopleCommand(DocumentCommand):
    """Merge ``merged`` into ``keep``: references move, the duplicates go. Undo puts the duplicates back
    and points every reference at the person it named before."""

    def __init__(self, document: Document, keep: int, merged: list[int], names: str):
        super().__init__(document, f"Merge {names}")
        self.keep = keep
        self.merged = merged
        self.before: records.Snapshot | None = None

    def apply(self) -> None:
        self.before = self.document.operate(references.merge_with_undo, Person, self.keep, self.merged)
        self.document.notify("people", None)  # names shown in every register that refers to people

    def revert(self) -> None:
        assert self.before is not None
        self.document.operate(references.unmerge, PEOPLE, self.keep, self.before)
        self.document.notify("people", None)


class MergeDialog(QDialog):
    """Choose whom the selected people are merged into."""

    def __init__(self, names: list[str], candidates: list[str], usage: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Merge people")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Merge <b>{', '.join(names)}</b> ({usage}) into:"))
        self.target = QComboBox(self)
        self.target.addItems(candidates)
        self.target.setAccessibleName("Person to keep")
        layout.addWidget(self.target)
        layout.addWidget(QLabel("Every risk, project, action and communication that names them will name the "
                                "person you keep. Edit ▸ Undo reverses it."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PeoplePage(RegisterPage):
    register_name = "people"

    def __init__(self, document: Document, parent=None):
        super().__init__(document, parent)
        row = QHBoxLayout()
        self.where_used = QPushButton("Where used…", self)
        self.where_used.setToolTip("How many records name the selected people")
        self.where_used.clicked.connect(self.show_usage)
        self.merge = QPushButton("Merge into…", self)
        self.merge.setToolTip("Merge the selected people into one person; every reference follows")
        self.merge.clicked.connect(self.merge_selected)
        follow_read_only(document, self.merge)
        row.addWidget(self.where_used)
        row.addWidget(self.merge)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # RegisterPage's: title, then the table
        layout.insertLayout(1, row)

    def _selected(self) -> tuple[list[int], dict[int, str]]:
        ids = self.register_view.selected_ids()
        return ids, dict(self.document.office.read(references.names, Person))

    def usage_text(self, ids: list[int]) -> str:
        return references.usage_sentence(self.document.office.read(references.usage, Person, ids))

    def show_usage(self) -> None:
        ids, names = self._selected()
        if not ids:
            warn(self, "Where used", "Select one or more people first.")
            return
        warn(self, "Where used", f"{', '.join(names[i] for i in ids)}: {self.usage_text(ids)}.")

    def merge_selected(self, keep_name: str | None = None) -> bool:
        """Merge the selected people into one (asked for, or ``keep_name`` when given, as tests do)."""
        ids, names = self._selected()
        if not ids:
            warn(self, "Merge people", "Select the duplicate people to merge first.")
            return False
        if keep_name is None:
            others = [n for i, n in names.items() if i not in ids] or [names[i] for i in ids]
            dialog = MergeDialog([names[i] for i in ids], others, self.usage_text(ids), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            keep_name = dialog.target.currentText()
        keep = next(i for i, n in names.items() if n == keep_name)
        merged = [i for i in ids if i != keep]
        label = f"{', '.join(names[i] for i in merged)} into {keep_name}"
        return self.document.execute(MergePeopleCommand(self.document, keep, merged, label))
