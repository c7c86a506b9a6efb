"""The office's RAID rules, changed undoably: its decision rights (which decisions are the program's) and
the risk review cadence (days between reviews for each rating)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ...models.raid_rules import DecisionRights
from ...models.risk_review import ReviewCadence
from ...models.settings import DECISION_RIGHTS, REVIEW_CADENCE, SettingKey
from ..document import Document, DocumentCommand


class SetSettingsCommand(DocumentCommand):
    """Write several declared settings as one undo step; undo puts each back as it was."""

    def __init__(self, document: Document, values: list[tuple[SettingKey[Any], Any]], text: str):
        super().__init__(document, text)
        self.values = values
        self.old = [(key, document.read_setting(key)) for key, _ in values]

    def _set(self, values: list[tuple[SettingKey[Any], Any]]) -> None:
        for key, value in values:
            self.document.write_setting(key, value)

    def apply(self) -> None:
        self._set(self.values)

    def revert(self) -> None:
        self._set(self.old)


class RaidRulesDialog(QDialog):
    def __init__(self, rights: DecisionRights, cadence: ReviewCadence, ratings: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("RAID rules of this office")
        layout = QVBoxLayout(self)
        box = QGroupBox("Decision rights: the program decides what and why, the project how and when", self)
        form = QFormLayout(box)
        self.threshold = QDoubleSpinBox(box)
        self.threshold.setRange(0, 1e12)
        self.threshold.setDecimals(0)
        self.threshold.setGroupSeparatorShown(True)
        self.threshold.setValue(rights.program_cost_threshold)
        form.addRow("A decision costing at least this is the program's", self.threshold)
        self.cross = QCheckBox("A decision affecting more than one project is the program's", box)
        self.cross.setChecked(rights.cross_project_is_program)
        form.addRow(self.cross)
        layout.addWidget(box)
        box = QGroupBox("Risk review cadence: days from the last review (or from when it was raised)", self)
        form = QFormLayout(box)
        self.days: dict[str, QSpinBox] = {}
        for rating in [*ratings, ""]:
            spin = QSpinBox(box)
            spin.setRange(1, 366)
            spin.setSuffix(" days")
            spin.setValue(cadence.interval(rating) if rating else cadence.other)
            form.addRow(rating or "Other ratings, or not rated", spin)
            self.days[rating] = spin
        layout.addWidget(box)
        layout.addWidget(QLabel("Ctrl+Z undoes a change of these rules like any edit.", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rights(self) -> DecisionRights:
        return DecisionRights(self.threshold.value(), self.cross.isChecked())

    def cadence(self) -> ReviewCadence:
        return ReviewCadence(tuple((r, s.value()) for r, s in self.days.items() if r), self.days[""].value())


def rules_dialog(document: Document, parent=None) -> RaidRulesDialog:
    ratings = [b.rating for b in sorted(document.context.risk_scale.bands, key=lambda b: -b.min_score)]
    return RaidRulesDialog(document.read_setting(DECISION_RIGHTS), document.read_setting(REVIEW_CADENCE),
                           ratings, parent)


def apply_rules(document: Document, dialog: RaidRulesDialog) -> bool:
    """The dialog's rules, written as one undo step."""
    return document.execute(SetSettingsCommand(
        document, [(DECISION_RIGHTS, dialog.rights()), (REVIEW_CADENCE, dialog.cadence())], "Change RAID rules"))


def edit_rules(document: Document, parent=None) -> bool:
    dialog = rules_dialog(document, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and apply_rules(document, dialog)
