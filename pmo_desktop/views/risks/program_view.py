"""Program view: program-level risks with every project each one touches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models.risk_escalation import ProgramRisk, program_risks
from ...models.values import day_text
from ..document import Document
from ..empty_note import empty_note
from ..lazy_refresh import RefreshWhenShown
from ..zoom import follow_zoom
from .chart_style import text_on

COLUMNS = ("ID", "Title", "Rating", "Residual", "Owner", "Status", "Escalated from", "Projects touched",
           "Escalated on", "Reason")
# The column names as the header shows them, the two-word ones on two lines: a header as wide as "Projects
# touched" on one line held its column wider than its projects needed on a projector.
HEADERS = tuple(name.replace(" ", "\n") if name.startswith(("Escalated", "Projects")) else name for name in COLUMNS)
# The free texts, which give up width when the columns do not fit the pane: each cut with "…" (whole in its
# tooltip), the widest first, never under ``NARROWEST`` characters. At 150 % on a 1920×1080 projector the
# table ran 300 pixels past the window, "Projects touched" cut at its edge and the rest behind a sideways
# scroll no one in the room could work (walk41).
SHRINKABLE = tuple(COLUMNS.index(name) for name in ("Title", "Escalated from", "Projects touched", "Reason"))
NARROWEST = 8


class ProgramView(RefreshWhenShown, QWidget):
    """``open_risk(id)`` when the user double-clicks a row."""

    open_risk = Signal(int)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.risks: list[ProgramRisk] = []
        self.include_closed = QCheckBox("Show closed risks", self)
        self.include_closed.toggled.connect(self.refresh)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Program risks and the projects they touch")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A free text cut to fit the pane wraps onto more lines at its words, its row growing, and is cut with "…"
        # only where one line of it would still not fit: a title shown "Inventory and P…" on a laptop hid what
        # the room below the rows had space for.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)  # the fit gives the last column the rest
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_risk.emit(self.risks[row].id))
        # At the registers' text size and zoom, its header too: it was the window's 9 pt, its header 9 pt on a
        # projector at 150 % — the only table whose column names a room could not read (walk40).
        follow_zoom(self.table, after=self._header_as_cells)
        # The line over it too ("4 program risks (1 escalated from projects), touching 3 projects"): it stayed the
        # window's 9 pt beside the table's 11, 13.5 pt beside 16.5 on a projector at 150 % (walk41).
        follow_zoom(self.summary)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.include_closed)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        # Instead of an empty table under "0 program risks": what this view lists and how a risk gets here.
        self.empty = empty_note(self)
        layout.addWidget(self.empty, 1)
        self.watch_registers(document, {"risks", "projects", "people"})  # filled when first shown

    def _header_as_cells(self) -> None:
        self.table.horizontalHeader().setFont(self.table.font())
        self.fit_columns()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column in the pane, none behind a sideways scroll: each as wide as its contents, and where
        they add up to more than the pane, the free texts (``SHRINKABLE``) cut to one width — the widest first,
        as little as fits — the last column given what is left over."""
        table, header = self.table, self.table.horizontalHeader()
        table.resizeColumnsToContents()
        room = table.viewport().width()
        if room <= 0:
            return
        widths = [header.sectionSize(c) for c in range(len(COLUMNS))]
        if sum(widths) > room:
            fixed = sum(w for c, w in enumerate(widths) if c not in SHRINKABLE)
            floor = table.fontMetrics().averageCharWidth() * NARROWEST
            left = room - fixed

            def needs(cap: int) -> int:
                return sum(min(widths[c], max(cap, floor)) for c in SHRINKABLE)

            low, high = 0, max(widths[c] for c in SHRINKABLE)
            while low < high:  # the widest cap that fits
                mid = (low + high + 1) // 2
                low, high = (mid, high) if needs(mid) <= left else (low, mid - 1)
            for c in SHRINKABLE:
                widths[c] = min(widths[c], max(low, floor))
                header.resizeSection(c, widths[c])
        last = len(COLUMNS) - 1
        if sum(widths) < room:
            header.resizeSection(last, widths[last] + room - sum(widths))
        table.resizeRowsToContents()

    def refresh(self, *_args) -> None:
        self._stale = False
        scale = self.document.context.risk_scale
        self.risks = self.document.office.read(program_risks, scale, include_closed=self.include_closed.isChecked())
        self.table.setRowCount(len(self.risks))
        for row, r in enumerate(self.risks):
            cells = (r.code, r.title, r.rating, r.residual_rating, r.owner, r.status, r.source_project or "—",
                     ", ".join(r.projects), day_text(r.escalated_on) if r.escalated_on else "", r.reason)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in SHRINKABLE:
                    item.setToolTip(text)  # whole, where the column is cut to fit the pane
                if col in (2, 3) and text:
                    colour = scale.colour_of(text, r.kind)
                    if colour:
                        item.setBackground(QBrush(QColor(colour)))
                        item.setForeground(QBrush(QColor(text_on(colour))))
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(row, col, item)
        self.fit_columns()
        touched = {p for r in self.risks for p in r.projects}
        escalated = sum(r.escalated for r in self.risks)
        self.summary.setText(f"{len(self.risks)} program risks ({escalated} escalated from projects), "
                             f"touching {len(touched)} project{'s' if len(touched) != 1 else ''}.")
        self._show_empty()

    def _show_empty(self) -> None:
        """A sentence in place of the table while it has no row: none at all, or only closed ones hidden."""
        text, closed = "", False
        if not self.risks:
            closed = (not self.include_closed.isChecked()
                      and bool(self.document.office.read(program_risks, self.document.context.risk_scale)))
            if closed:
                text = ("<p style='font-size:large'><b>No open program risks.</b></p><p>Every program risk is "
                        "closed: tick <b>Show closed risks</b> to list them.</p>")
            else:
                text = ("<p style='font-size:large'><b>No program risks yet.</b></p><p>This view lists the risks "
                        "the program itself manages, with every project each one touches. A risk is a program risk "
                        "when its <b>Level</b> is Program (type it in the <b>Register</b> tab's Level column), or "
                        "once a project risk is raised to the program with <b>Escalate…</b> above the register.</p>")
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(not text)
        self.summary.setVisible(not text)
        self.include_closed.setVisible(not text or bool(closed))  # nothing closed to show on a new office

    def row_of(self, risk_id: int) -> int | None:
        self.ensure_fresh()
        return next((i for i, r in enumerate(self.risks) if r.id == risk_id), None)
