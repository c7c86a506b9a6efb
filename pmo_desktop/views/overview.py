"""Program overview: the program, its objectives and each register's entry (as its declaration says) at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..models import records
from ..models.registers import REGISTERS
from ..models.summary import overview_entries, summarize
from .document import Document
from .lazy_refresh import RefreshWhenShown
from .register_page import page_title

OBJECTIVES = REGISTERS["objectives"]
TILES_PER_ROW = 5


class OverviewPage(RefreshWhenShown, QWidget):
    register_view = None

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        self.title = page_title("", self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        self.facts = QFormLayout()
        layout.addLayout(self.facts)
        self.tiles = QGridLayout()
        layout.addLayout(self.tiles)
        self.objectives = QLabel(self)
        self.objectives.setWordWrap(True)
        box = QGroupBox("Strategic objectives", self)
        QVBoxLayout(box).addWidget(self.objectives)
        layout.addWidget(box)
        layout.addStretch(1)
        # Counts are redone only while the overview is on screen, not on every edit elsewhere.
        self.watch_registers(document, tuple(REGISTERS))

    def select_record(self, register_name: str, record_id: int) -> bool:
        return False

    def _tile(self, row: int, col: int, heading: str, lines: list[str]) -> None:
        box = QGroupBox(heading, self)
        label = QLabel("\n".join(lines) or "—", box)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignTop)
        QVBoxLayout(box).addWidget(label)
        self.tiles.addWidget(box, row, col)

    def refresh(self) -> None:
        program = self.document.store.program()
        self.title.setText(program.name if program else "Program")
        self.description.setText(program.description if program else "")
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if program:
            self.facts.addRow("Sponsor:", QLabel(program.sponsor or "—"))
            self.facts.addRow("Program manager:", QLabel(program.manager or "—"))
            dates = " – ".join(d.isoformat() for d in (program.start_date, program.end_date) if d)
            self.facts.addRow("Dates:", QLabel(dates or "—"))
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget:
                widget.deleteLater()
        s = self.document.office.read_snapshot(summarize)
        # A tile per register that declares an overview entry (models/registers), then the action log
        # that runs across them.
        tiles = [(heading, lines) for _, heading, lines in overview_entries(s)]
        actions = s["actions"]
        tiles.append((f"Actions ({actions['open']} open)",
                      [f"Overdue: {actions['overdue']}", f"Due this week: {actions['due_this_week']}"]))
        for n, (heading, lines) in enumerate(tiles):
            self._tile(n // TILES_PER_ROW, n % TILES_PER_ROW, heading, lines)
        objectives = sorted(r[2:4] for r in self.document.office.read(records.fetch_rows, OBJECTIVES))
        self.objectives.setText("\n".join(f"{code}  {title}" for code, title in objectives) or "None recorded yet.")
