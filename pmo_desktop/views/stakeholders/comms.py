"""The communication plan: its register (next due and overdue computed), what is due this week across
the program, scheduling a communication for a stakeholder and marking one held today."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ...models import records
from ...models import stakeholder_queries as queries
from ...models.registers.stakeholders import COMMUNICATIONS, STAKEHOLDERS
from ...models.stakeholder_rules import FREQUENCIES, is_overdue, overdue_from_earlier_weeks, week_bounds
from ...models.values import day_text
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table import RegisterView
from ..register_table.commands import CreateRecordsCommand
from ..remembered_splitter import RememberedSplitter
from ..short_names import shortened_name
from ..theme import colours, theme
from ..zoom import follow_zoom, zoom

OVERDUE_TEXT = "#c62828"
OVERDUE_FILL = "#ffcdd2"
NAMES = (2, 3)  # the week's columns of names: who it is with, its owner (shortened by words where they give way)
WHOLE_NAME = Qt.ItemDataRole.UserRole + 1  # a name as written, before it was shortened to its column
WHAT_LEAST = 20  # characters of what is due that the week's list keeps in sight before who and owner give way
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # English whatever the locale, as day_text


class ScheduleDialog(QDialog):
    """What to schedule for one stakeholder: the message, how often, and how."""

    def __init__(self, stakeholder_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Schedule a communication with {stakeholder_name}")
        self.message = QLineEdit(f"Monthly review with {stakeholder_name}", self)
        self.frequency = QComboBox(self)
        self.frequency.addItems(FREQUENCIES)
        self.frequency.setCurrentText("Monthly")
        self.frequency.currentTextChanged.connect(lambda f: self._suggest(stakeholder_name, f))
        self.channel = QComboBox(self)
        self.channel.setEditable(True)
        self.channel.addItems(["Meeting", "1:1", "Email", "Report", "Workshop", "Newsletter", "Call"])
        form = QFormLayout(self)
        form.addRow("What", self.message)
        form.addRow("Frequency", self.frequency)
        form.addRow("Channel", self.channel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _suggest(self, name: str, frequency: str) -> None:
        """Keep the suggested wording in step with the frequency until the user writes their own."""
        text = self.message.text()
        if any(text == f"{f} review with {name}" for f in FREQUENCIES) or text == f"Review with {name}":
            self.message.setText(f"{frequency} review with {name}" if frequency != "Ad hoc" else f"Review with {name}")

    def values(self) -> dict:
        return {"message": self.message.text().strip(), "frequency": self.frequency.currentText(),
                "channel": self.channel.currentText().strip()}


ROWS_IN_SIGHT = 3


def _rows_high(view: QAbstractScrollArea, header: int, row: int) -> int:
    """The height of a list showing its header, ROWS_IN_SIGHT rows of ``row`` pixels and its scroll bar."""
    return header + ROWS_IN_SIGHT * row + 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height()


class CommunicationPlan(QWidget):
    """``stakeholder_id`` is asked for when scheduling: a callable giving the selected stakeholder."""

    scheduled = Signal(int)

    def __init__(self, document: Document, selected_stakeholder: Callable[[], int | None],
                 today: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self.document = document
        self.selected_stakeholder = selected_stakeholder
        self.today = today
        self.scope: queries.Scope = None
        self.week_offset = 0
        self.schedule_dialog: ScheduleDialog | None = None

        self.view = RegisterView(document, COMMUNICATIONS, parent=self)
        overdue_rule = lambda v, _row: OVERDUE_FILL if v and is_overdue(v, self.today()) else None  # noqa: E731
        self.view.model.colour_rules["next_due"] = overdue_rule
        header = self.view.table.horizontalHeader()
        for offset, name in enumerate(("next_due", "overdue")):  # what matters most, next to "What"
            header.moveSection(header.visualIndex(self.view.model.column_of(name)),
                               header.visualIndex(self.view.model.column_of("message")) + 1 + offset)

        self.schedule_button = QPushButton("Schedule for selected stakeholder…", self)
        self.schedule_button.clicked.connect(self.open_schedule_dialog)
        self.held_button = QPushButton("Mark held today", self)
        self.held_button.setToolTip("Set Last held to today for the selected communications (undoable)")
        self.held_button.clicked.connect(self.mark_held_today)
        follow_read_only(document, self.schedule_button, self.held_button)
        bar = QHBoxLayout()
        bar.addWidget(self.schedule_button)
        bar.addWidget(self.held_button)
        bar.addStretch(1)

        self.week_label = QLabel(self)
        font = self.week_label.font()
        font.setBold(True)
        self.week_label.setFont(font)
        # Wraps rather than widening the window: bold at a projector's 150 % the one line was wider than a
        # 1,280-pixel screen's room and pushed the whole window past the screen's right edge.
        self.week_label.setWordWrap(True)
        prev_week, this_week, next_week = QToolButton(self), QToolButton(self), QToolButton(self)
        prev_week.setText("◀")
        this_week.setText("This week")
        next_week.setText("▶")
        prev_week.clicked.connect(lambda: self.show_week(self.week_offset - 1))
        this_week.clicked.connect(lambda: self.show_week(0))
        next_week.clicked.connect(lambda: self.show_week(self.week_offset + 1))
        self.due_list = QTreeWidget(self)
        self.due_list.setAccessibleName("Communications due this week")
        self.due_list.setRootIsDecorated(False)
        self.due_list.setHeaderLabels(["Due", "What", "With", "Owner", ""])
        self.due_list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.due_list.header().setStretchLastSection(False)  # "Overdue" as wide as its word: the rest is what is due
        self.due_list.itemDoubleClicked.connect(self._open_due)
        self.due_list.itemActivated.connect(self._open_due)
        self.due_list.setItemsExpandable(False)  # the groups stay open: a heading is no drawer
        follow_zoom(self.due_list, self._fit_due_columns)  # as large as the tables on a projector
        self.due_list.viewport().installEventFilter(self)  # its columns fitted to its width as it changes
        follow_zoom(self.week_label)

        due_box = QGroupBox("Due this week across the program", self)
        week_bar = QHBoxLayout()
        week_bar.addWidget(prev_week)
        week_bar.addWidget(this_week)
        week_bar.addWidget(next_week)
        week_bar.addStretch(1)
        due_layout = QVBoxLayout(due_box)
        due_layout.addLayout(week_bar)
        # Under the buttons, the box's whole width: beside them, wrapped into their narrow room (150 % on
        # 1280×720), its three lines were taller than the row a horizontal layout gives it and ran over the list.
        due_layout.addWidget(self.week_label)
        due_layout.addWidget(self.due_list, 1)

        plan = QWidget(self)
        plan_layout = QVBoxLayout(plan)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addLayout(bar)
        plan_layout.addWidget(self.view, 1)
        # What is due this week is what the tab is for as much as the plan: it never collapses for room, and a page
        # too short for both at their least scrolls (PageArea).
        splitter = RememberedSplitter(Qt.Orientation.Vertical, "stakeholders/communications", self,
                                      panels_collapse=False)
        splitter.addWidget(plan)
        splitter.addWidget(due_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        document.records_changed.connect(self._on_records_changed)
        theme().changed.connect(self._on_theme)
        zoom().changed.connect(self._keep_rows_in_sight)
        self.refresh_due()
        self._keep_rows_in_sight()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.due_list.viewport():
            self._fit_due_columns()
        return super().eventFilter(watched, event)

    def _keep_rows_in_sight(self, *_args) -> None:
        """The week's list at least its header and ROWS_IN_SIGHT rows high at the text size now, as a register's
        table is (``RegisterView._apply_zoom``): squeezed into a short tab (150 % on 1280×720) it showed its header
        alone. Shorter than that, the page scrolls (``PageArea``), every row and button within reach."""
        due = self.due_list
        row = due.sizeHintForRow(0) if due.topLevelItemCount() else due.fontMetrics().height() + 4
        due.setMinimumHeight(_rows_high(due, due.header().sizeHint().height(), row))

    # ------------------------------------------------------------------ this week
    def week_day(self) -> date:
        return self.today() + timedelta(weeks=self.week_offset)

    def show_week(self, offset: int) -> None:
        self.week_offset = offset
        self.refresh_due()

    def _on_theme(self, *_args) -> None:
        self.refresh_due()

    def refresh_due(self) -> None:
        today = self.today()
        monday, sunday = week_bounds(self.week_day())
        self.due_items = self.document.office.read(queries.communications_due, self.week_day(), today, self.scope,
                                                   include_overdue=self.week_offset == 0)
        label = "This week" if self.week_offset == 0 else "Week"
        earlier, in_week = overdue_from_earlier_weeks(self.due_items, self.week_day())
        overdue = f"  ·  {len(earlier)} overdue from earlier weeks" if earlier else ""
        self.week_label.setText(f"{label}: Mon {day_text(monday, year=False)} – Sun {day_text(sunday)}  ·  "
                                f"{len(in_week)} due{overdue}")
        self.due_list.clear()
        # Two groups where some are overdue from before the week: those first, under their own heading, then the
        # week's own — so "This week" lists what is due this week, and nothing left from last month among it.
        groups = [("Overdue from earlier weeks", earlier), (f"Due {label.lower()}", in_week)] if earlier else \
            [("", in_week)]
        for heading, items in groups:
            parent = None
            if heading:
                parent = QTreeWidgetItem([f"{heading} ({len(items)})"])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selected, not opened by Enter
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.due_list.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
                parent.setExpanded(True)
            for item in items:
                row = QTreeWidgetItem([f"{WEEKDAYS[item.due.weekday()]} {day_text(item.due)}", item.message, item.who,
                                       item.owner, "Overdue" if item.overdue else ""])
                row.setData(0, Qt.ItemDataRole.UserRole, item.id)
                for col in range(4):
                    row.setToolTip(col, row.text(col))
                for col in NAMES:  # whole, for the names shortened to their column's width (_fit_due_columns)
                    row.setData(col, WHOLE_NAME, row.text(col))
                if item.overdue:
                    for col in range(5):
                        row.setForeground(col, QBrush(QColor(colours().strong(OVERDUE_TEXT))))
                if parent is None:
                    self.due_list.addTopLevelItem(row)
                else:
                    parent.addChild(row)
        self.due_list.setRootIsDecorated(False)
        self.due_list.setIndentation(0 if not earlier else self.due_list.fontMetrics().averageCharWidth() * 2)
        self._fit_due_columns()

    def _open_due(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        record_id = item.data(0, Qt.ItemDataRole.UserRole)
        if record_id is not None:  # a group's heading names no communication
            self.view.select_record(record_id)

    def _fit_due_columns(self) -> None:
        """Each column as wide as its texts; where what is due has less room than its own, who it is with and its
        owner give way, down to 14 characters each (whole in the tooltip), and to 8 where what is due would still
        show fewer than WHAT_LEAST: beside the plan at 1280×720 it read "Weekly p…", "Monthly …" while who and owner
        kept their 14 — and at 1920×1080 they were cut to 14 beside a half-empty column (walk45)."""
        due = self.due_list
        char = due.fontMetrics().averageCharWidth()
        rows = self._due_rows()
        for row in rows:  # the names whole, to be measured: a narrower fit before shortened them
            for col in NAMES:
                row.setText(col, row.data(col, WHOLE_NAME))
        for col in (0, 2, 3, 4):
            due.resizeColumnToContents(col)

        def give_way(wanted: int, floor: int) -> None:
            short = wanted - (due.viewport().width() - sum(due.columnWidth(c) for c in (0, 2, 3, 4)))
            for col in (2, 3):  # each gives up its half of what is short, down to ``floor``
                if short > 0 and due.columnWidth(col) > floor:
                    width = due.columnWidth(col)
                    due.setColumnWidth(col, max(floor, width - (short + 1) // 2))

        give_way(due.sizeHintForColumn(1), 14 * char)
        give_way(WHAT_LEAST * char, 8 * char)
        self._shorten_names(rows)

    def _shorten_names(self, rows: list[QTreeWidgetItem]) -> None:
        """Who it is with and the owner, where their column gave way, shortened by words ("Aisha P.", "Store
        managers f."), whole in the tooltip — cut mid-word they read "Aisha …", "Tom W…" (walk 49) — and each column
        then as narrow as its names so shortened, what is due (stretched) taking the rest."""
        due = self.due_list
        metrics = due.fontMetrics()
        # the text margins the view draws an item with (the focus frame and a pixel, each side) and a few pixels
        # more: a name measured to the pixel was elided again as drawn ("Aisha…" for "Aisha P.")
        margin = 2 * (due.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, due) + 1) + 6
        for col in NAMES:
            if not rows or due.columnWidth(col) >= due.sizeHintForColumn(col):
                continue  # every name whole (the column as wide as its names)
            room = due.columnWidth(col) - margin
            for row in rows:
                row.setText(col, shortened_name(row.data(col, WHOLE_NAME), room, metrics))
            header = due.header().sectionSizeFromContents(col).width()
            due.setColumnWidth(col, max(header, max(metrics.horizontalAdvance(row.text(col)) for row in rows) + margin))

    def _due_rows(self) -> list[QTreeWidgetItem]:
        """The week's communications, under their headings or not (the headings name none)."""
        rows: list[QTreeWidgetItem] = []
        walk = QTreeWidgetItemIterator(self.due_list)
        while (item := walk.value()) is not None:
            if item.data(0, Qt.ItemDataRole.UserRole) is not None:
                rows.append(item)
            walk += 1
        return rows

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in (COMMUNICATIONS.name, STAKEHOLDERS.name):
            self.refresh_due()

    def set_scope(self, scope: queries.Scope) -> None:
        self.scope = scope
        ids = self.document.office.read(queries.communication_ids, scope)
        self.view.set_record_filter(ids, "Communications of the selected project" if ids is not None else "")
        self.refresh_due()

    # ------------------------------------------------------------------ actions
    def open_schedule_dialog(self) -> ScheduleDialog | None:
        rid = self.selected_stakeholder()
        if rid is None:
            self.document.error.emit("Select a stakeholder in the stakeholder table first, then schedule.")
            return None
        point = next((p for p in self.document.office.read(queries.grid_points) if p.id == rid), None)
        if point is None:
            return None
        self.schedule_dialog = ScheduleDialog(point.name, self)
        self.schedule_dialog.accepted.connect(lambda: self.schedule(rid, **self.schedule_dialog.values()))
        self.schedule_dialog.open()
        return self.schedule_dialog

    def schedule(self, stakeholder_id: int, message: str, frequency: str, channel: str = "") -> int | None:
        """Add a communication plan line for one stakeholder, owned by their relationship owner."""
        rec = self.document.office.read(records.record_values, STAKEHOLDERS, stakeholder_id, self.document.context)
        row = {"message": message or f"{frequency} review with {rec['name']}", "stakeholder": rec["code"],
               "frequency": frequency, "channel": channel, "owner": rec.get("owner")}
        command = CreateRecordsCommand(self.document, COMMUNICATIONS, [row],
                                       text=f"Schedule {frequency.lower()} communication with {rec['name']}")
        if not self.document.execute(command):
            return None
        new_id = command.ids[0]
        self.view.select_record(new_id)
        self.scheduled.emit(new_id)
        return new_id

    def mark_held_today(self) -> bool:
        rows = self.view.selected_source_rows()
        if not rows:
            self.document.error.emit("Select the communications that were held, then mark them held.")
            return False
        column = self.view.model.column_of("last_held")
        today = self.today()
        n = len(rows)
        return self.view.model.set_cells([(r, column, today) for r in rows],
                                         text=f"Mark {n} communication{'s' if n != 1 else ''} held today")
