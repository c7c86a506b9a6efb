"""The Stakeholders page: the register and the selected stakeholder's texts on the left; the
power/interest grid, the engagement assessment matrix and the communication plan on the right.
A project filter at the top applies to all of them."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...models import stakeholder_queries as queries
from ...models.registers.stakeholders import COMMUNICATIONS, STAKEHOLDERS
from ..document import Document
from ..register_page import page_title
from ..register_table import RegisterView
from ..remembered_splitter import RememberedSplitter
from .comms import CommunicationPlan
from .detail import StakeholderDetail
from .grid import PowerInterestGrid
from .matrix import EngagementMatrix

# The stakeholders' table's columns that say who each one is (ID, Name, Organisation): shown whole beside the map
# where that leaves the map at least MAP_LEAST pixels — the engagement matrix's headings whole at its least text
# size, the grid's names beside their points (at 150 % on 1280×720 the grid had 331 pixels and needed them all).
WHO_COLUMNS = 3
MAP_LEAST = 540


class StakeholdersPage(QWidget):
    register_name = STAKEHOLDERS.name

    def __init__(self, document: Document, parent=None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.document = document
        self.register = STAKEHOLDERS
        self.register_view = RegisterView(document, STAKEHOLDERS, parent=self)
        self.detail = StakeholderDetail(document, self)
        self.grid = PowerInterestGrid(document, self)
        self.matrix = EngagementMatrix(document, self)
        self.comms = CommunicationPlan(document, self.register_view.current_record_id, today, self)

        self.scope_combo = QComboBox(self)
        self.scope_combo.setMinimumContentsLength(22)
        self.scope_combo.setToolTip("Show the stakeholders of one project, of the program, or everyone")
        self._fill_scopes()
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.set_scope(self.scope_combo.currentData()))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.grid, "Power / interest grid")
        self.tabs.addTab(self.matrix, "Engagement assessment")
        self.tabs.addTab(self.comms, "Communication plan")

        left = RememberedSplitter(Qt.Orientation.Vertical, "stakeholders/register", self)
        left.addWidget(self.register_view)
        left.addWidget(self.detail)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        self.left = left
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(left)
        main.addWidget(self.tabs)
        main.setStretchFactor(0, 4)
        main.setStretchFactor(1, 5)
        main.splitterMoved.connect(self._on_splitter_dragged)
        self._user_sized = False
        self._share_before: float | None = None  # the table's share of the page before it was given its columns
        self._room_for_who_soon = QTimer(self)
        self._room_for_who_soon.setSingleShot(True)
        self._room_for_who_soon.setInterval(0)
        self._room_for_who_soon.timeout.connect(self._room_for_who)
        self.tabs.currentChanged.connect(lambda _i: self._room_for_who_soon.start())
        self.splitter = main

        header = QHBoxLayout()
        header.addWidget(page_title(STAKEHOLDERS.title, self))
        header.addStretch(1)
        scope_label = QLabel("&Project:", self)
        scope_label.setBuddy(self.scope_combo)
        header.addWidget(scope_label)
        header.addWidget(self.scope_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(main, 1)

        self.register_view.current_record_changed.connect(self._on_current_record)
        self.register_view.filter_chip.clicked.connect(self._sync_scope_with_table)
        self.register_view.clear_filters_button.clicked.connect(self._sync_scope_with_table)
        self.grid.record_clicked.connect(self.register_view.select_record)
        self.matrix.record_clicked.connect(self.register_view.select_record)
        document.records_changed.connect(self._on_records_changed)

    # ------------------------------------------------------------------ room for the table
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._room_for_who_soon.start()  # once the splitter has shared out the new width

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._room_for_who_soon.start()

    def _on_splitter_dragged(self, *_args) -> None:
        self._user_sized = True  # the width the user gives the table is theirs: never taken back

    def _room_for_who(self) -> None:
        """Beside the engagement matrix and the communication plan, the table at least as wide as its first
        columns (who each stakeholder is): at 1280×720 the map's side took five ninths and left the table its
        ID and Name, an organisation cut off. Those two fit themselves to what is left (the matrix's words step
        down to keep its headings whole). The power/interest grid keeps the page's proportions: a workshop's
        crowded cell needs every pixel it has to keep its points apart (walkthrough 27). A wider screen keeps
        the proportions for all three."""
        if self._user_sized or not self.isVisible():
            return
        sizes = self.splitter.sizes()
        room = sum(sizes)
        if room <= 0:
            return
        if self.tabs.currentWidget() is self.grid:
            if self._share_before is not None:  # the grid's room back, in the page's proportions
                given = round(room * self._share_before)
                self._share_before = None
                self.splitter.setSizes([given, room - given])
            return
        table = self.register_view.table
        header = table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(header.logicalIndex(c))]
        who = sum(header.sectionSize(header.logicalIndex(c)) for c in shown[:WHO_COLUMNS])
        chrome = self.register_view.width() - table.viewport().width()  # row numbers, frame, scroll bar
        need = who + chrome + (self.left.width() - self.register_view.width())
        if sizes[0] >= need:
            return
        # never below the map's own least: on a smaller screen, or at 150 %, the map keeps its share of the page
        given = max(sizes[0], min(need, room - max(MAP_LEAST, self.tabs.minimumSizeHint().width())))
        if given != sizes[0]:
            if self._share_before is None:
                self._share_before = sizes[0] / room
            self.splitter.setSizes([given, room - given])

    # ------------------------------------------------------------------ project filter
    @property
    def scope(self) -> queries.Scope:
        return self.scope_combo.currentData()

    def _fill_scopes(self) -> None:
        current = self.scope_combo.currentData()
        choices = self.document.office.read(queries.scope_choices)
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for label, scope in choices:
            self.scope_combo.addItem(label, scope)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)
        if self.scope != current:  # the project shown was deleted: show everyone
            self.set_scope(self.scope)

    def set_scope(self, scope: queries.Scope) -> None:
        """Show one project's stakeholders (a project id), the program's (PROGRAM) or everyone (None)."""
        i = self.scope_combo.findData(scope)
        if i >= 0 and i != self.scope_combo.currentIndex():
            self.scope_combo.setCurrentIndex(i)  # comes back here through the signal
            return
        self._apply_scope(scope)
        self.grid.set_scope(scope)
        self.matrix.set_scope(scope)
        self.comms.set_scope(scope)

    def _apply_scope(self, scope: queries.Scope) -> None:
        ids = self.document.office.read(queries.stakeholder_ids, scope)
        self.register_view.set_record_filter(ids, f"Project: {self.scope_combo.currentText()}")

    def _sync_scope_with_table(self, *_args) -> None:
        """The table's filter was removed there (its chip, Clear filters, a new row): show everyone."""
        if self.scope is not None and self.register_view.proxy.record_filter_label == "":
            self.scope_combo.setCurrentIndex(0)

    def _on_records_changed(self, register: str, _ids) -> None:
        if register == "projects":
            self._fill_scopes()
        elif register == STAKEHOLDERS.name and self.scope is not None:
            if self.register_view.proxy.record_filter_label == "":
                self._sync_scope_with_table()
            else:  # links may have changed: who belongs to the project now
                self._apply_scope(self.scope)

    # ------------------------------------------------------------------ selection
    def _on_current_record(self, record_id) -> None:
        self.detail.show_record(record_id)
        self.grid.select(record_id)
        self._sync_scope_with_table()

    def show_filtered(self, target):
        """A dashboard tile's filter: the stakeholder map, or the communication plan."""
        from ..register_filter import apply_filter

        if target.register == STAKEHOLDERS.name:
            view = self.register_view
        elif target.register == COMMUNICATIONS.name:
            self.tabs.setCurrentWidget(self.comms)
            view = self.comms.view
        else:
            return None
        apply_filter(view, target)
        return view

    def select_record(self, register_name: str, record_id: int) -> bool:
        if register_name == STAKEHOLDERS.name:
            return self.register_view.select_record(record_id)
        if register_name == COMMUNICATIONS.name:
            self.tabs.setCurrentWidget(self.comms)
            return self.comms.view.select_record(record_id)
        return False
