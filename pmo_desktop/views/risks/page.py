"""The Risks page: the register with quick filters and a detail editor, escalation and issues,
a probability × impact heat map, the trend of open risks, the program view and the issue log.

pyqtgraph is imported here (through the chart modules), so only when the user first opens this page.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...models import errors
from ...models.registers import get_register
from ...models.registers.risks import ISSUE_ACTIONS, ISSUES
from ...models.risk_issues import issue_of
from ..child_caption import ChildCaption
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_page import page_title
from ..register_table import RegisterView
from ..remembered_splitter import RememberedSplitter
from .commands import ChangeRiskScaleCommand, DeEscalateCommand, EscalateCommand, RaiseIssueCommand
from .detail import RiskDetail
from .dialogs import ReasonDialog, ScaleDialog
from .filters import FILTERS, QuickFilters
from .heatmap import HeatMapChart
from .program_view import ProgramView
from .trend_chart import TrendChart


class RisksPage(QWidget):
    register_name = "risks"

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.register = get_register(self.register_name)

        # --- register tab: quick filters, buttons, table, detail
        self.register_view = RegisterView(document, self.register, parent=self)
        self.filters = QuickFilters(document, self)
        self.filters.changed.connect(self.apply_filters)
        # Tab walks the drop-downs where they stand, above the search and the table: made after the table, they
        # came after it and its ✱ line, so Tab from the page list went past them into the table.
        view = self.register_view
        chain = [*self.filters.combos.values(), view.search, view.table, view.new_line]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._applying = False  # the quick filters are setting the table's: it need not be followed back
        self.register_view.column_filters_changed.connect(self._follow_table_filters)
        self.escalate_button = QPushButton("Es&calate…", self)
        self.escalate_button.setToolTip("Move this project risk to the program, with a reason")
        self.escalate_button.clicked.connect(lambda: self.escalate_current())
        self.de_escalate_button = QPushButton("&De-escalate", self)
        self.de_escalate_button.setToolTip("Return this escalated risk to its source project")
        self.de_escalate_button.clicked.connect(lambda: self.de_escalate_current())
        self.issue_button = QPushButton("Raise &issue", self)
        # Alt letters on the page's buttons (Alt+C, D, I, A): P, L, O, S, R, W are the quick filters', F, E, V, H the
        # menus'. Raise issue stays enabled while a risk is current: disabled, the keyboard could not reach it nor
        # learn why it was off (the risk must be Occurred first); its tip says why, and pressed it says so.
        self.issue_tip = "Turn this occurred risk into an entry of the issue log"
        self.issue_button.setToolTip(self.issue_tip)
        self.issue_button.clicked.connect(lambda: self.raise_issue_current())
        self.scale_button = QPushButton("Sc&ale…", self)
        self.scale_button.setToolTip("Change this file's probability × impact scale and rating bands")
        self.scale_button.clicked.connect(lambda: self.edit_scale())

        self.detail = RiskDetail(document, self)
        self.register_view.current_record_changed.connect(self._on_current_risk)
        document.records_changed.connect(self._on_records_changed)

        bar = QHBoxLayout()
        bar.addWidget(self.filters)
        bar.addStretch(1)
        # The buttons sit on the table's search bar so the page fits a 1280-pixel screen.
        for button in (self.escalate_button, self.de_escalate_button, self.issue_button, self.scale_button):
            self.register_view.add_to_bar(button)
        split = RememberedSplitter(Qt.Orientation.Vertical, "risks/register", self)
        split.addWidget(self.register_view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 300])
        register_tab = QWidget(self)
        register_layout = QVBoxLayout(register_tab)
        register_layout.setContentsMargins(0, 0, 0, 0)
        register_layout.addLayout(bar)
        register_layout.addWidget(split, 1)

        # --- the other tabs
        self.heat_map = HeatMapChart(document, self)
        self.heat_map.cell_clicked.connect(self.filter_to_cell)
        self.heat_map.escape_used = self.register_view.take_chip_off  # Esc on the map takes its cell's filter off
        self.trend = TrendChart(document, self)
        self.program_view = ProgramView(document, self)
        self.program_view.open_risk.connect(lambda rid: self.select_record("risks", rid))
        self.issue_view = RegisterView(document, ISSUES, parent=self)
        self.issue_escalate_button = QPushButton("Es&calate…", self)
        self.issue_escalate_button.setToolTip("Move this project issue to the program, with a reason")
        self.issue_escalate_button.clicked.connect(lambda: self.escalate_issue())
        self.issue_de_escalate_button = QPushButton("&De-escalate", self)
        self.issue_de_escalate_button.setToolTip("Return this escalated issue to its source project")
        self.issue_de_escalate_button.clicked.connect(lambda: self.de_escalate_issue())
        for button in (self.issue_escalate_button, self.issue_de_escalate_button):
            self.issue_view.add_to_bar(button)
        self.issue_view.current_record_changed.connect(lambda _id: self._update_buttons())
        follow_read_only(document, self.escalate_button, self.de_escalate_button, self.issue_button,
                         self.scale_button, self.issue_escalate_button, self.issue_de_escalate_button)

        self.tabs = QTabWidget(self)
        self.register_tab = register_tab
        self.tabs.addTab(register_tab, "Register")
        self.tabs.addTab(self.heat_map, "Heat map")
        self.tabs.addTab(self.trend, "Trend")
        self.tabs.addTab(self.program_view, "Program view")
        # The issue log: the issues, and below them the actions of the selected issue.
        self.issue_actions_view = RegisterView(document, ISSUE_ACTIONS, parent=self, compact=True)
        self.issue_actions_view.table.horizontalHeader().setSectionResizeMode(
            self.issue_actions_view.model.column_of("description"), QHeaderView.ResizeMode.Stretch)
        self.issue_actions_view.model.set_parent_id(None)
        self.issue_view.current_record_changed.connect(self.issue_actions_view.model.set_parent_id)
        actions_box = QWidget(self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        self.issue_actions_caption = ChildCaption("Actions", self.issue_view, self.issue_actions_view, actions_box)
        actions_layout.addWidget(self.issue_actions_caption)
        actions_layout.addWidget(self.issue_actions_view, 1)
        self.issue_tab = RememberedSplitter(Qt.Orientation.Vertical, "risks/issues", self)
        self.issue_tab.addWidget(self.issue_view)
        self.issue_tab.addWidget(actions_box)
        self.issue_tab.setStretchFactor(0, 3)
        self.issue_tab.setStretchFactor(1, 2)
        self.tabs.addTab(self.issue_tab, "Issue log")
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.register.title, self))
        layout.addWidget(self.tabs, 1)
        self.apply_filters()
        self._update_buttons()

    # ------------------------------------------------------------------ navigation
    def select_record(self, register_name: str, record_id: int) -> bool:
        if register_name == "risks":
            if self.register_view.select_record(record_id):
                self.tabs.setCurrentWidget(self.register_tab)
                return True
        elif register_name == "issues":
            if self.issue_view.select_record(record_id):
                self.tabs.setCurrentWidget(self.issue_tab)
                return True
        return False

    def show_filtered(self, target) -> RegisterView | None:
        """A dashboard tile's filter: the risk register through its quick filters (so the drop-downs say
        what the table shows), the issue log through its column filters."""
        from ..register_filter import apply_filter

        if target.register == "issues":
            self.tabs.setCurrentWidget(self.issue_tab)
            apply_filter(self.issue_view, target)
            return self.issue_view
        if target.register != "risks":
            return None
        self.tabs.setCurrentWidget(self.register_tab)
        self.register_view.clear_filters()
        quick = {column: key for key, column, _label, _none in FILTERS}
        for key in self.filters.combos:
            self.filters.choose(key, None)
        for column, allowed in target.columns.items():
            if column in quick and len(allowed) == 1:
                self.filters.choose(quick[column], next(iter(allowed)))
            else:
                self.register_view.set_column_filter(column, set(allowed))
        self.apply_filters()
        if target.ids is not None:
            self.register_view.set_record_filter(set(target.ids), target.label)
        return self.register_view

    # ------------------------------------------------------------------ filters and heat map
    def apply_filters(self) -> None:
        """Quick filter choices → the table's column filters and the heat map's filter, together."""
        self._applying = True
        try:
            for column, allowed in self.filters.column_filters().items():
                current = self.register_view.proxy.column_filter(self.register_view.model.column_of(column))
                if current != allowed:  # each refilter is a pass over every row: only what changed
                    self.register_view.set_column_filter(column, allowed)
        finally:
            self._applying = False
        self.heat_map.set_filter(self.filters.risk_filter())

    def _follow_table_filters(self) -> None:
        """A filter set in the table's header menu (or Clear filters): the drop-downs and the heat map say it."""
        if self._applying:
            return
        view = self.register_view
        self.filters.show_table_filters({column: view.proxy.column_filter(view.model.column_of(column))
                                         for _key, column, _label, _none in FILTERS})
        self.heat_map.set_filter(self.filters.risk_filter())

    def filter_to_cell(self, ids, label: str) -> None:
        focus = QApplication.focusWidget()
        keyboard_in_map = focus is not None and (focus is self.heat_map or self.heat_map.isAncestorOf(focus))
        self.register_view.set_record_filter(set(ids), label, escape_removes=True)
        self.tabs.setCurrentWidget(self.register_tab)
        if keyboard_in_map:
            # The heat map, hidden with its tab, let the keyboard fall to the search box: a presenter's Down
            # moved nothing and Esc left presenting. It goes to the cell's risks, on the first of them.
            view = self.register_view
            table = view.table
            if view.proxy.rowCount():
                column = max(table.currentIndex().column(), 0)
                index = view.proxy.index(0, column)
                table.setCurrentIndex(index)
                table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                table.scrollTo(index)
            table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ current risk and buttons
    def current_risk(self) -> dict | None:
        rid = self.register_view.current_record_id()
        if rid is None:
            return None
        row = self.register_view.model.row_of(rid)
        return self.register_view.model.record(row) if row is not None else None

    def _on_current_risk(self, risk_id) -> None:
        self.detail.show_risk(risk_id)
        self._update_buttons()

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in ("risks", "issues"):
            self._update_buttons()
        if register == "issues":  # once the issue log's own table has read the change too
            QTimer.singleShot(0, self._update_buttons)

    def _update_buttons(self) -> None:
        risk = self.current_risk() or {}
        self.escalate_button.setEnabled(bool(risk) and risk["level"] == "Project")
        self.de_escalate_button.setEnabled(bool(risk) and risk["level"] == "Program" and bool(risk["escalated"]))
        why_not = self.why_no_issue()
        self.issue_button.setEnabled(bool(risk))
        self.issue_button.setToolTip(f"{self.issue_tip} (Alt+I)" if why_not is None else f"Not now: {why_not}")
        self.issue_button.setAccessibleDescription(why_not or "")
        issue = self.current_issue() or {}
        self.issue_escalate_button.setEnabled(bool(issue) and issue["level"] == "Project")
        self.issue_de_escalate_button.setEnabled(bool(issue) and issue["level"] == "Program" and bool(issue["escalated"]))

    def why_no_issue(self) -> str | None:
        """Why the current risk cannot be raised as an issue (none current, not occurred, raised already); None
        when it can."""
        risk = self.current_risk()
        if not risk:
            return "select a risk first."
        if risk["status"] != "Occurred":
            return (f"{risk['code']} has not occurred (its status is {risk['status'] or 'blank'}); set its status to "
                    "Occurred first, then Raise issue (Alt+I).")
        issue = self.document.office.read(issue_of, risk["id"])
        if issue is not None:
            return f"{risk['code']} already has issue {issue.code} in the issue log."
        return None

    def current_issue(self) -> dict | None:
        rid = self.issue_view.current_record_id()
        row = self.issue_view.model.row_of(rid) if rid is not None else None
        return self.issue_view.model.record(row) if row is not None else None

    def escalate_issue(self, reason: str | None = None) -> bool:
        """Escalate the current issue of the issue log; asks the reason unless one is given."""
        issue = self.current_issue()
        if issue is None:
            return False
        if reason is None:
            dialog = ReasonDialog(issue["code"], issue["title"], self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.reason()
        return self.document.execute(EscalateCommand(self.document, issue["id"], reason, register="issues"))

    def de_escalate_issue(self) -> bool:
        issue = self.current_issue()
        if issue is None:
            return False
        return self.document.execute(DeEscalateCommand(self.document, issue["id"], register="issues"))

    # ------------------------------------------------------------------ commands
    def escalate_current(self, reason: str | None = None) -> bool:
        """Escalate the current risk; asks the reason in a dialog unless one is given."""
        risk = self.current_risk()
        if risk is None:
            return False
        self.detail.commit()
        if reason is None:
            dialog = ReasonDialog(risk["code"], risk["title"], self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.reason()
        return self.document.execute(EscalateCommand(self.document, risk["id"], reason))

    def de_escalate_current(self) -> bool:
        risk = self.current_risk()
        if risk is None:
            return False
        self.detail.commit()
        return self.document.execute(DeEscalateCommand(self.document, risk["id"]))

    def raise_issue_current(self) -> int | None:
        """Raise the issue of the current (occurred) risk and show it in the issue log."""
        risk = self.current_risk()
        if risk is None:
            return None
        why_not = self.why_no_issue()
        if why_not is not None:  # said where it is pressed: the button is not off, so the keyboard can learn why
            self.document.note.emit(f"Raise issue: {why_not}")
            QToolTip.showText(self.issue_button.mapToGlobal(self.issue_button.rect().bottomLeft()),
                              f"Raise issue: {why_not}", self.issue_button)
            return None
        command = RaiseIssueCommand(self.document, risk["id"])
        if not self.document.execute(command):
            return None
        assert command.issue_id is not None  # set by a successful apply
        self.select_record("issues", command.issue_id)
        # The Raise issue button, hidden with its tab, let the keyboard fall to the issue log's search box: what
        # was typed next (the issue's priority, its owner) went into the search, and the issue raised was filtered
        # out of sight. The keyboard goes to the issue raised, current in the log.
        self.issue_view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return command.issue_id

    def edit_scale(self, scale=None) -> bool:
        """Change the file's scale; asks in the scale dialog unless a scale is given."""
        if scale is None:
            dialog = ScaleDialog(self.document.context.risk_scale, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            try:
                scale = dialog.scale()
            except errors.ValidationError as e:
                self.document.error.emit(str(e))
                return False
        return self.document.execute(ChangeRiskScaleCommand(self.document, scale))
