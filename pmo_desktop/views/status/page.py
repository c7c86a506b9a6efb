"""The Status page: a project's status report for a period (RAG by dimension, commentary, asks of the
program) with the project's milestones below it, every report of every project as a register table,
and every milestone with its slip and state. The office's reporting cadence is chosen here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...models.registers.status import MILESTONES, STATUS_REPORTS
from ...models.settings import REPORTING_CADENCE
from ...models.status_rollup import current_period
from ...models.status_rules import CADENCES, ReportingCadence
from ..document import Document
from ..raid.settings import SetSettingsCommand
from ..register_filter import RegisterFilter, apply_filter
from ..register_page import page_title
from ..register_table import RegisterView
from ..remembered_splitter import RememberedSplitter
from ..sub_table_keys import pair_with_pane_above
from .report_form import ReportForm


class ProjectMilestones(RegisterView):
    """The milestones of the project shown in the report form; a new one belongs to that project."""

    project = ""

    def new_row_values(self) -> dict:
        return {"project": self.project} if self.project else {}

    def show_project(self, project: str) -> None:
        self.project = project
        self.set_fixed_filter("project", {project})  # the form's project: not a filter to clear


class StatusReports(RegisterView):
    """Every status report; a row added here is this period's, for the project chosen in the form."""

    form: ReportForm | None = None

    def new_row_values(self) -> dict:
        values: dict = {"reported_on": date.today(), "state": "Draft",
                        "period": self.document.office.read(current_period, self.document.context)}
        if self.form is not None and self.form.project():
            values["project"] = self.form.project()
        return values


class StatusPage(QWidget):
    register_name = "status_reports"

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.form = ReportForm(document, self)
        self.project_milestones = ProjectMilestones(document, MILESTONES, parent=self, hidden_fields=("project",))
        self.form.project_changed.connect(self._project_changed)
        self.reports_view = StatusReports(document, STATUS_REPORTS, parent=self)
        self.reports_view.form = self.form
        self.milestones_view = RegisterView(document, MILESTONES, parent=self)
        self.open_button = QPushButton("Open report", self)
        self.open_button.setToolTip("Show the selected report in the report form (or double-click its ID)")
        self.open_button.clicked.connect(lambda: self.open_current_report())
        self.reports_view.add_to_bar(self.open_button)
        self.reports_view.table.doubleClicked.connect(
            lambda index: self.open_current_report() if not index.flags() & Qt.ItemFlag.ItemIsEditable else None)

        report_tab = RememberedSplitter(Qt.Orientation.Vertical, "status/report", self)
        report_tab.addWidget(self.form)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        self.milestones_caption = QLabel(self)
        self.milestones_caption.setWordWrap(True)  # a long project name: on two lines, never widening the page
        below_layout.addWidget(self.milestones_caption)
        below_layout.addWidget(self.project_milestones, 1)
        report_tab.addWidget(below)
        self.report_below = below
        report_tab.setStretchFactor(0, 1)
        report_tab.setStretchFactor(1, 1)
        report_tab.setSizes([300, 300])
        self.report_tab = report_tab
        # F6 between the report and its project's milestones, as between a risk and its actions
        pair_with_pane_above(self.form, self.project_milestones, "the report")

        self.tabs = QTabWidget(self)
        self.tabs.addTab(report_tab, "Project report")
        self.tabs.addTab(self.reports_view, "All reports")
        self.tabs.addTab(self.milestones_view, "Milestones")

        self.cadence_combo = QComboBox(self)
        self.cadence_combo.addItems(list(CADENCES))
        self.cadence_combo.setAccessibleName("Reporting cadence")
        self.cadence_combo.setToolTip("How often this office's projects report: the period a new report is for")
        self.cadence_combo.activated.connect(lambda _i: self.set_cadence(self.cadence_combo.currentText()))
        caption = QLabel("Reporting &cadence:", self)
        caption.setBuddy(self.cadence_combo)
        header = QHBoxLayout()
        header.addWidget(page_title("Project status", self))
        header.addStretch(1)
        header.addWidget(caption)
        header.addWidget(self.cadence_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        document.records_changed.connect(self._on_records_changed)
        self._show_cadence()
        self._project_changed(self.form.project())

    # ------------------------------------------------------------------ cadence
    def _show_cadence(self) -> None:
        cadence = self.document.read_setting(REPORTING_CADENCE).cadence
        self.cadence_combo.setCurrentIndex(max(0, self.cadence_combo.findText(cadence)))

    def _on_records_changed(self, register: str, ids) -> None:
        if register == "status_reports" and ids is None:  # settings change everything's context
            self._show_cadence()

    def set_cadence(self, cadence: str) -> bool:
        """Change the office's reporting cadence (one undo step)."""
        if cadence == self.document.read_setting(REPORTING_CADENCE).cadence:
            return True
        return self.document.execute(SetSettingsCommand(
            self.document, [(REPORTING_CADENCE, ReportingCadence(cadence))], f"Reporting cadence: {cadence}"))

    # ------------------------------------------------------------------ navigation
    def _project_changed(self, project: str) -> None:
        self.project_milestones.show_project(project)
        self.milestones_caption.setText(f"<b>Milestones of {project}</b> (F6 from the report above comes here and goes "
                                        "back; Ctrl+Shift+N adds one)"
                                        if project else "")
        # No project yet (a new office): no milestones to show, and the form says what to do first.
        self.report_below.setVisible(bool(project))

    @property
    def register_view(self) -> RegisterView:
        """The table the Edit menu acts on: the tab's table (the project's milestones under its report)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RegisterView) else self.project_milestones

    def view_for(self, register_name: str) -> RegisterView | None:
        """Show the tab with that register's full table and return it."""
        view = {STATUS_REPORTS.name: self.reports_view, MILESTONES.name: self.milestones_view}.get(register_name)
        if view is not None:
            self.tabs.setCurrentWidget(view)
        return view

    def show_filtered(self, target: RegisterFilter) -> RegisterView | None:
        view = self.view_for(target.register)
        if view is not None:
            apply_filter(view, target)
        return view

    def open_current_report(self) -> bool:
        """The report selected in "All reports", in the report form."""
        rid = self.reports_view.current_record_id()
        row = self.reports_view.model.row_of(rid) if rid is not None else None
        if row is None:
            return False
        record = self.reports_view.model.record(row)
        self.tabs.setCurrentWidget(self.report_tab)
        return self.form.show_period(record["project"] or "", record["period"])

    def select_record(self, register_name: str, record_id: int) -> bool:
        view = self.view_for(register_name)
        return view.select_record(record_id) if view is not None else False
