"""Small dialogs of the risks page: the reason for an escalation, and the file's scale and bands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...models import errors
from ...models.risk_rules import Band, RiskScale, _default_names, default_bands
from ...models.risk_scale_config import MAX_SIZE, MIN_SIZE, print_warning, validate_scale
from ..accessibility import name_table
from ..screen_fit import resize_within_screen
from ..theme import colours
from .chart_style import text_on


class ReasonDialog(QDialog):
    """Asks why a risk goes to the program; OK stays disabled until a reason is typed."""

    def __init__(self, code: str, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Escalate {code} to the program")
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("For example: it now threatens the point of sale project's go-live too.")
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Reason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Escalate")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        prompt = QLabel(f"<b>{code} — {title}</b><br>Why does this risk need the program's attention?", self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return self.text.toPlainText().strip()


class ScaleDialog(QDialog):
    """Edit the scale: size, level names, and rating bands (name, starting score, colour)."""

    def __init__(self, scale: RiskScale, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Risk scale and rating bands")
        self.size_box = QSpinBox(self)
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setValue(scale.size)
        self.names = QTableWidget(0, 1, self)
        self.names.setHorizontalHeaderLabels(["Level name"])
        self.names.horizontalHeader().setStretchLastSection(True)
        name_table(self.names, "Level names")
        self.bands = QTableWidget(0, 3, self)
        self.bands.setHorizontalHeaderLabels(["Rating", "Starts at score", "Colour"])
        self.bands.horizontalHeader().setStretchLastSection(True)
        name_table(self.bands, "Rating bands")
        self.bands.cellDoubleClicked.connect(self._pick_colour)
        self.bands.itemChanged.connect(self._paint_colour)
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color:{colours().error};")
        self.message.setWordWrap(True)
        # Said as the colours are chosen, never refused: two bands that print as one grey.
        self.print_note = QLabel(self)
        self.print_note.setWordWrap(True)
        self.print_note.setObjectName("printNote")
        self.print_note.hide()

        self._set_names(scale.level_names)
        self.set_bands(scale.bands)
        self.size_box.valueChanged.connect(self._resize_names)

        add = QPushButton("Add band", self)
        add.clicked.connect(lambda: self.set_bands(self.read_bands() + (Band("New band", self.size_box.value() ** 2, "#7b1fa2"),)))
        remove = QPushButton("Remove band", self)
        remove.clicked.connect(self._remove_band)
        defaults = QPushButton("Default bands for this size", self)
        defaults.clicked.connect(lambda: self.set_bands(default_bands(self.size_box.value())))
        band_buttons = QHBoxLayout()
        for b in (add, remove, defaults):
            band_buttons.addWidget(b)
        band_buttons.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Levels (probability and impact):", self.size_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.names, 1)
        layout.addWidget(QLabel("Rating bands (score = probability × impact; double-click a colour to pick one):", self))
        layout.addWidget(self.bands, 1)
        layout.addLayout(band_buttons)
        layout.addWidget(self.print_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        resize_within_screen(self, 520, 560)  # 560 px ran past a 1280×720 screen at 150 % (480 px for Qt)

    # ------------------------------------------------------------------ level names
    def _set_names(self, names) -> None:
        self.names.setRowCount(len(names))
        for row, name in enumerate(names):
            self.names.setItem(row, 0, QTableWidgetItem(name))
        self.names.setVerticalHeaderLabels([str(i) for i in range(1, len(names) + 1)])

    def _resize_names(self, size: int) -> None:
        current = self.read_names()
        if current == _default_names(len(current)):  # untouched names: use the new size's own names
            self._set_names(_default_names(size))
        else:  # the user's names: keep them, cut or pad with numbers
            self._set_names(current[:size] + tuple(str(i) for i in range(len(current) + 1, size + 1)))

    def read_names(self) -> tuple[str, ...]:
        items = (self.names.item(r, 0) for r in range(self.names.rowCount()))
        return tuple((item.text() if item else "").strip() for item in items)

    # ------------------------------------------------------------------ bands
    def set_bands(self, bands) -> None:
        self.bands.blockSignals(True)
        bands = sorted(bands, key=lambda b: b.min_score)
        self.bands.setRowCount(len(bands))
        for row, b in enumerate(bands):
            self.bands.setItem(row, 0, QTableWidgetItem(b.rating))
            self.bands.setItem(row, 1, QTableWidgetItem(str(b.min_score)))
            colour = QTableWidgetItem(b.colour)
            colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)  # picked with the colour dialog
            colour.setToolTip("Double-click to choose the colour")
            self.bands.setItem(row, 2, colour)
        self.bands.blockSignals(False)
        for row in range(len(bands)):
            self._paint_colour(self.bands.item(row, 2))

    def _paint_colour(self, item) -> None:
        if item is None or item.column() != 2:
            return
        colour = QColor(item.text().strip())
        if colour.isValid():
            self.bands.blockSignals(True)
            item.setBackground(QBrush(colour))
            item.setForeground(QBrush(QColor(text_on(colour.name()))))
            self.bands.blockSignals(False)
        self._note_print()

    def _note_print(self) -> None:
        try:
            bands = self.read_bands()
        except errors.ValidationError:
            return
        note = print_warning(RiskScale(self.size_box.value(), self.read_names(), bands))
        self.print_note.setText(note)
        self.print_note.setVisible(bool(note))

    def _pick_colour(self, row: int, column: int) -> None:
        if column != 2:
            return
        item = self.bands.item(row, 2)
        if item is None:
            return
        chosen = QColorDialog.getColor(QColor(item.text()), self, "Band colour")
        if chosen.isValid():
            item.setText(chosen.name())

    def _remove_band(self) -> None:
        row = self.bands.currentRow()
        if row >= 0 and self.bands.rowCount() > 1:
            self.bands.removeRow(row)
            self._note_print()

    def read_bands(self) -> tuple[Band, ...]:
        out = []
        for row in range(self.bands.rowCount()):
            def cell(c: int, row: int = row) -> str:
                item = self.bands.item(row, c)
                return (item.text() if item else "").strip()
            try:
                start = int(cell(1))
            except ValueError:
                raise errors.ValidationError(f"The band “{cell(0)}” needs a whole number as its starting score.") from None
            out.append(Band(cell(0), start, cell(2).lower()))
        return tuple(out)

    # ------------------------------------------------------------------ result
    def scale(self) -> RiskScale:
        """The scale as entered; ValidationError with a clear sentence when it is not usable."""
        scale = RiskScale(self.size_box.value(), self.read_names(), self.read_bands())
        validate_scale(scale)
        return scale

    def accept(self) -> None:
        try:
            self.scale()
        except errors.ValidationError as e:
            self.message.setText(str(e))
            return
        super().accept()
