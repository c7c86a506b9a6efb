"""The status thresholds of this file's benefits (setting "benefit_thresholds"), changed undoably."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel

from ...models.benefit_rules import Thresholds
from ...models.settings import BENEFIT_THRESHOLDS
from ..document import Document, DocumentCommand


def current_thresholds(document: Document) -> Thresholds:
    return document.read_setting(BENEFIT_THRESHOLDS)


class SetThresholdsCommand(DocumentCommand):
    def __init__(self, document: Document, new: Thresholds):
        super().__init__(document, "Change benefit status thresholds")
        self.old = current_thresholds(document)
        self.new = new

    def _set(self, t: Thresholds) -> None:
        self.document.write_setting(BENEFIT_THRESHOLDS, t)

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class ThresholdsDialog(QDialog):
    def __init__(self, current: Thresholds, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Benefit status thresholds")
        form = QFormLayout(self)
        form.addRow(QLabel("A benefit is judged by how far its latest actual is behind the plan at that date,\n"
                           "as a share of the improvement planned by then."))
        self.at_risk = self._spin(current.at_risk)
        self.off_track = self._spin(current.off_track)
        form.addRow("At risk when behind by more than", self.at_risk)
        form.addRow("Off track when behind by more than", self.off_track)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.at_risk.valueChanged.connect(lambda v: self.off_track.setMinimum(v))

    @staticmethod
    def _spin(fraction: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 500)
        spin.setDecimals(0)
        spin.setSuffix(" %")
        spin.setValue(round(fraction * 100))
        return spin

    def thresholds(self) -> Thresholds:
        return Thresholds(self.at_risk.value() / 100, max(self.off_track.value(), self.at_risk.value()) / 100)
