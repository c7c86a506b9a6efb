"""Program overview: the program, its objectives and the state of the three registers at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..models import records
from ..models.registers import REGISTERS
from ..models.summary import summarize
from .document import Document
from .lazy_refresh import RefreshWhenShown
from .register_page import page_title

OBJECTIVES = REGISTERS["objectives"]


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
        self.watch_registers(document, ("projects", "risks", "stakeholders", "benefits", "benefit_plan",
                                        "benefit_measurements", "objectives"))

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
        self._tile(0, 0, f"Projects ({s['projects']['total']})", [f"{k}: {v}" for k, v in s["projects"]["by_status"].items()])
        self._tile(0, 1, f"Risks ({s['risks']['total']})", [f"{k}: {v}" for k, v in s["risks"]["open_by_rating"].items()])
        self._tile(0, 2, f"Stakeholders ({s['stakeholders']['total']})", [f"{k}: {v}" for k, v in s["stakeholders"]["by_quadrant"].items()])
        self._tile(0, 3, f"Benefits ({s['benefits']['total']})", [f"{k}: {v}" for k, v in s["benefits"]["by_status"].items()])
        # The rest of the RAID picture: what a program board asks about first.
        issues, assumptions = s["issues"], s["assumptions"]
        dependencies, decisions, actions = s["dependencies"], s["decisions"], s["actions"]
        self._tile(1, 0, f"Issues ({issues['total']})", [f"{k}: {v}" for k, v in issues["by_status"].items()]
                   + [f"Escalated to the program: {issues['escalated']}"])
        self._tile(1, 1, f"Actions ({actions['open']} open)", [f"Overdue: {actions['overdue']}",
                                                                 f"Due this week: {actions['due_this_week']}"])
        self._tile(1, 2, f"Dependencies ({dependencies['total']})",
                   [f"Late or at risk: {dependencies['late_or_at_risk']}"]
                   + [f"{k}: {v}" for k, v in dependencies["by_status"].items()])
        pending = decisions["pending"]
        self._tile(1, 3, f"Decisions ({len(pending)} pending)",
                   [f"{d['id']} due {d['due']}{' — overdue' if d['overdue'] else ''}" for d in pending[:4]]
                   + [f"Assumptions to validate, overdue: {assumptions['overdue']}"])
        objectives = sorted(r[2:4] for r in self.document.office.read(records.fetch_rows, OBJECTIVES))
        self.objectives.setText("\n".join(f"{code}  {title}" for code, title in objectives) or "None recorded yet.")
