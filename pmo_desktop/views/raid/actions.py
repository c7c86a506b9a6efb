"""The program's action log: one read-only table of what people have to do across the registers, with
overdue lines in red, "my actions" by owner and "due this week". Double-click goes to the source record."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models import clock
from ...models.action_log import ActionItem, action_log, owners
from ...models.values import day_text
from ..document import Document
from ..empty_note import empty_note
from ..lazy_refresh import RefreshWhenShown
from ..theme import colours
from ..zoom import follow_zoom

OVERDUE_TEXT = "#c62828"
OVERDUE_FILL = "#ffcdd2"
WEEK_FILL = "#fff3c4"
# The days overdue in a column of their own: "3 Nov 2026  (30 d overdue)" in Due made it the widest column
# at a projector's zoom, and the action, the one text that matters, was cut to a few words.
COLUMNS = ("Source", "ID", "Action", "Owner", "Due", "Overdue", "Status")
VIEWS = (("All open actions", "all"), ("Overdue", "overdue"), ("Due this week", "week"))
EVERYONE = "Everyone"
CAPPED = ("Source", "Owner", "Status")
CAP_CHARS = 12
NO_ACTIONS = ("<p style='font-size:large'><b>No open actions yet.</b></p><p>This log gathers what people have to do "
              "across the registers, with owners and due dates: the actions of risks and issues, decisions to "
              "take, assumptions to validate and communications to send. Add them on the <b>Risks</b> page "
              "(Ctrl+4), the other RAID tabs or the <b>Stakeholders</b> page (Ctrl+3), or import a workbook with "
              "<b>File ▸ Import from Excel</b> (Ctrl+I).</p>")
NONE_SHOWN = {"all": "No open actions for {owner}.", "overdue": "No overdue actions{for_owner}.",
              "week": "No actions due this week{for_owner}."}
SOURCES = ("risks", "risk_actions", "issues", "issue_actions", "decisions", "assumptions", "communications")


class ActionLog(RefreshWhenShown, QWidget):
    """``go_to(register, record_id)`` is emitted on a double-click."""

    go_to = Signal(str, int)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.view_combo = QComboBox(self)
        for text, key in VIEWS:
            self.view_combo.addItem(text, key)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setMinimumContentsLength(18)
        self.owner_combo.setToolTip("My actions: choose an owner to see only theirs")
        self.count = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Action log")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for name in CAPPED:  # fitted, but never so wide that the action itself is squeezed (_fit_columns)
            header.setSectionResizeMode(COLUMNS.index(name), QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("Action"), QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        follow_zoom(self.tree, self._fit_columns)  # Ctrl++ on the projector: as large as the registers' tables
        top = QHBoxLayout()
        show, owner = QLabel("Sho&w", self), QLabel("O&wner", self)
        show.setBuddy(self.view_combo)
        owner.setBuddy(self.owner_combo)
        top.addWidget(show)
        top.addWidget(self.view_combo)
        top.addWidget(owner)
        top.addWidget(self.owner_combo)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        # What the log is for and how to fill it, instead of an empty table on a new office.
        self.empty = empty_note(self)
        layout.addWidget(self.empty, 1)
        self.items: list[ActionItem] = []
        self.view_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.watch_registers(document, (*SOURCES, "people", "stakeholders"))
        self.redraw_on_theme_change()

    def set_view(self, key: str, owner: str = "") -> None:
        self.view_combo.setCurrentIndex(next(i for i, (_t, k) in enumerate(VIEWS) if k == key))
        self.owner_combo.setCurrentText(owner or EVERYONE)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        today = clock.today()
        office = self.document.office
        people = office.read(owners, today)
        chosen = self.owner_combo.currentText()
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItems([EVERYONE, *people])
        self.owner_combo.setCurrentText(chosen if chosen in people else EVERYONE)
        self.owner_combo.blockSignals(False)
        owner = "" if self.owner_combo.currentText() == EVERYONE else self.owner_combo.currentText()
        self.items = office.read(action_log, today, self.view_combo.currentData() or "all", owner)
        self.tree.clear()
        look = colours()
        red, red_fill = QColor(look.strong(OVERDUE_TEXT)), QBrush(QColor(look.tint(OVERDUE_FILL)))
        week_fill = QBrush(QColor(look.tint(WEEK_FILL)))
        for a in self.items:
            due = day_text(a.due) if a.due else ""
            days = (today - a.due).days if a.overdue and a.due else 0
            late = f"{days} day{'s' if days != 1 else ''}" if days else ""
            texts = (a.source, a.source_code, a.action, a.owner, due, late, a.status)
            row = QTreeWidgetItem(list(texts))
            for column, text in enumerate(texts):
                row.setToolTip(column, text)
            if late:
                row.setToolTip(COLUMNS.index("Due"), f"{due} — {late} overdue")
                row.setToolTip(COLUMNS.index("Overdue"), f"{late} overdue")
            if a.overdue:
                for c in range(len(COLUMNS)):
                    row.setBackground(c, red_fill)
                row.setForeground(COLUMNS.index("Due"), red)
                row.setForeground(COLUMNS.index("Overdue"), red)
            elif a.due_this_week:
                for c in range(len(COLUMNS)):
                    row.setBackground(c, week_fill)
            self.tree.addTopLevelItem(row)
        self._fit_columns()
        self._show_empty(owner)
        overdue = sum(a.overdue for a in self.items)
        self.count.setText(f"{len(self.items)} action{'s' if len(self.items) != 1 else ''}"
                           + (f", {overdue} overdue" if overdue else ""))

    def _show_empty(self, owner: str) -> None:
        """A sentence in place of an empty table: on a new office what the log gathers and where to add it;
        when a view or an owner leaves nothing, that there is nothing of that kind."""
        view = self.view_combo.currentData() or "all"
        if self.items:
            text = ""
        elif view == "all" and not owner:
            text = NO_ACTIONS
        else:
            text = "<p><b>" + escape(NONE_SHOWN[view].format(owner=owner, for_owner=f" for {owner}" if owner else "")) \
                + "</b></p>"
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.tree.setVisible(not text)

    def _fit_columns(self) -> None:
        """Source, owner and status as wide as their texts; when they and the action do not all fit, at most
        ``CAP_CHARS`` characters (cut with "…", whole in the tooltip), so that at a projector's zoom the
        action keeps the room — but not on a wide screen with room to spare ("Stakehold…" at 1920 px)."""
        tree = self.tree
        cap = CAP_CHARS * tree.fontMetrics().averageCharWidth()
        # the header's label too: with no owner yet the column took its empty cells' width and read "Owr"
        natural = {name: max(tree.sizeHintForColumn(COLUMNS.index(name)) + 8,
                             tree.header().sectionSizeHint(COLUMNS.index(name))) for name in CAPPED}
        others = sum(tree.columnWidth(COLUMNS.index(name)) for name in COLUMNS if name not in CAPPED and name != "Action")
        fits = others + tree.sizeHintForColumn(COLUMNS.index("Action")) + sum(natural.values()) <= tree.viewport().width()
        for name, width in natural.items():
            tree.setColumnWidth(COLUMNS.index(name), width if fits else min(width, cap))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()  # room to spare or not: a wider window shows the texts whole

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        a = self.items[self.tree.indexOfTopLevelItem(item)]
        self.go_to.emit(a.register, a.record_id)

    def is_overdue_row(self, row: int) -> bool:
        item = self.tree.topLevelItem(row)
        return item is not None and item.background(0).color() == QColor(colours().tint(OVERDUE_FILL))

