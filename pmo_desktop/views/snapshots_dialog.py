"""File ▸ Board Snapshots…: the frozen copies kept each time a board pack was published — listed,
reopened read only (every register as the board saw it), and compared with now or with each other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..models import snapshots
from ..models import values as v
from ..models.registers import REGISTERS, top_level
from ..models.snapshots import SnapshotInfo, Source
from .as_at import READ_ONLY_STYLE, source_for
from .document import Document
from .screen_fit import resize_within_screen
from .state_table import Colour, StateTable


class SnapshotViewer(QDialog):
    """Every register of a past state, read only: one tab per register."""

    def __init__(self, source: Source, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.source = source
        banner = QLabel(f"{title} — read only", self)
        banner.setStyleSheet(READ_ONLY_STYLE)
        self.tabs = QTabWidget(self)
        scale = None
        self.tables: dict[str, StateTable] = {}
        first = ("risks", "issues", "stakeholders", "benefits", "projects")  # what a board reads first
        for name in sorted(top_level(), key=lambda n: first.index(n) if n in first else len(first)):
            reg = REGISTERS[name]
            if reg.singleton:
                continue
            colours: dict[str, Colour] = {}
            if name == "risks":
                from ..models.records import load_context

                scale = scale or source.office.read(load_context, source.day).risk_scale
                colours = {f: scale.colour_of for f in ("inherent_rating", "residual_rating")}
            table = StateTable(reg, colours=colours, parent=self)
            table.show_state(source)
            self.tables[name] = table
            self.tabs.addTab(table, f"{reg.title} ({table.rowCount()})")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 1100, 620)


class SnapshotsDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Board snapshots")
        intro = QLabel("Publishing a board pack (File ▸ Export Board Pack) keeps a frozen copy of the registers "
                       "in this file. Open one to read it as the board saw it, or compare it with now.", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["#", "Taken", "Label"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton("&Open (read only)", self)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button = QPushButton("&What changed since then…", self)
        self.compare_button.setToolTip("Compare the selected snapshot with now")
        self.compare_button.clicked.connect(self.compare_selected)
        self.empty = QLabel("No board snapshots yet.", self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.compare_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.viewers: list[QDialog] = []
        self.found: list[SnapshotInfo] = []
        self.fill()
        self.resize(640, 380)

    def fill(self) -> None:
        self.found = list(reversed(self.document.office.read(snapshots.list_snapshots)))  # newest first
        self.table.setRowCount(len(self.found))
        for r, s in enumerate(self.found):
            for c, text in enumerate((f"#{s.id}", v.moment_text(s.taken_at), s.label)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.found)
        for b in (self.open_button, self.compare_button):
            b.setEnabled(bool(self.found))
        if self.found:
            self.table.selectRow(0)

    def selected(self) -> SnapshotInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def open_selected(self) -> SnapshotViewer | None:
        info = self.selected()
        if info is None:
            return None
        viewer = SnapshotViewer(source_for(self.document, ("snapshot", info.id)),
                                f"Board snapshot “{info.label}”, taken {v.moment_text(info.taken_at)}", self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewers.append(viewer)
        viewer.show()
        return viewer

    def compare_selected(self) -> QDialog | None:
        from .changes_dialog import ChangesDialog

        info = self.selected()
        if info is None:
            return None
        dialog = ChangesDialog(self.document, self, since=("snapshot", info.id))
        dialog.show()
        self.viewers.append(dialog)
        return dialog
