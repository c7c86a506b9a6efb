"""One project's status report for one period: pick the project and the period, rate each dimension
with a coloured RAG drop-down, write the commentary and what the project asks of the program.

"New status report" makes the current period's report as a draft carried forward from the project's
last one (one undo step). Ratings are saved when chosen, texts when the editor loses focus, each as
one undoable edit of the report.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import references
from ...models.program import Project
from ...models.registers.status import STATUS_REPORTS
from ...models.status_rollup import draft_report, reports_by_project
from ...models.status_rules import DIMENSIONS, REPORT_STATES, TREND_ARROWS, trend
from ...models.values import day_text, period_text
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table.commands import CellEdit, CreateRecordsCommand, EditCellsCommand
from ..risks.detail import CommitOnFocusOutEdit
from .rag_combo import RagCombo

PERIOD_ROLE = Qt.ItemDataRole.UserRole + 1  # a period item's label ("2026-11")
TEXTS = ("commentary", "asks")
NO_PROJECT = ("<p style='font-size:large'><b>No status reports yet.</b></p><p>A status report is a project's: add "
              "a project on the <b>Projects</b> page first (Ctrl+2), then come back here and press "
              "<b>Ctrl+Shift+P</b> (New status report) for its first report.</p>")


class ReportForm(QWidget):
    """``project_changed(name)`` when another project is picked (its milestones follow)."""

    project_changed = Signal(str)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.report: dict[str, Any] | None = None
        self.reports: list[dict[str, Any]] = []   # the project's reports, oldest first

        self.project_combo = QComboBox(self)
        self.project_combo.setAccessibleName("Project")
        self.project_combo.setMinimumContentsLength(24)
        self.period_combo = QComboBox(self)
        self.period_combo.setAccessibleName("Reporting period")
        self.period_combo.setMinimumContentsLength(10)
        self.new_button = QPushButton("New status report", self)
        self.new_button.setToolTip("This period's report for the project, carried forward from its last one "
                                   "(Ctrl+Shift+P)")
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.new_report,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_button.clicked.connect(lambda: self.new_report())
        self.state_combo = QComboBox(self)
        self.state_combo.setAccessibleName("Report state")
        self.state_combo.addItems(list(REPORT_STATES))
        self.info = QLabel(self)
        self.info.setWordWrap(True)

        top = QHBoxLayout()
        for text, widget in (("&Project:", self.project_combo), ("P&eriod:", self.period_combo),
                             ("&State:", self.state_combo)):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(self.new_button)
        top.addStretch(1)

        self.rags: dict[str, RagCombo] = {}
        self.trends: dict[str, QLabel] = {}
        grid = QGridLayout()
        for col, name in enumerate(DIMENSIONS):
            label = STATUS_REPORTS.field(name).label
            combo = RagCombo(label, self)
            caption = QLabel(f"<b>{label}</b>", self)
            caption.setBuddy(combo)
            self.rags[name] = combo
            self.trends[name] = QLabel(self)
            self.trends[name].setWordWrap(True)
            grid.addWidget(caption, 0, col)
            grid.addWidget(combo, 1, col)
            grid.addWidget(self.trends[name], 2, col)
            combo.activated.connect(lambda _i, name=name: self._rating_chosen(name))

        self.editors: dict[str, CommitOnFocusOutEdit] = {}
        texts = QHBoxLayout()
        for name in TEXTS:
            box = QGroupBox(STATUS_REPORTS.field(name).label, self)
            editor = CommitOnFocusOutEdit(box)
            editor.setAccessibleName(STATUS_REPORTS.field(name).label)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText("What happened this period, what comes next, what worries the project"
                                      if name == "commentary" else "Decisions needed, escalations, help asked for")
            editor.focus_lost.connect(self.commit_texts)
            editor.setMinimumHeight(60)
            QVBoxLayout(box).addWidget(editor)
            self.editors[name] = editor
            texts.addWidget(box, 3 if name == "commentary" else 2)
        follow_read_only(document, self.new_button, *self.editors.values())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addLayout(grid)
        layout.addLayout(texts, 1)

        self.project_combo.currentIndexChanged.connect(lambda _i: self._project_picked())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._show_report())
        self.state_combo.activated.connect(lambda _i: self._commit({"state": self.state_combo.currentText()}))
        document.records_changed.connect(self._on_records_changed)
        self._reload_pending = False
        self.reload()

    # ------------------------------------------------------------------ reading
    def project(self) -> str:
        return self.project_combo.currentText()

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in ("status_reports", "projects", "people") and not self._reload_pending:
            self._reload_pending = True  # once for a burst of notices (an import, a settings change)
            QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        self._reload_pending = False
        projects = sorted(name for _id, name in self.document.office.read(references.names, Project))
        current = self.project()
        if [self.project_combo.itemText(i) for i in range(self.project_combo.count())] != projects:
            self.project_combo.blockSignals(True)
            self.project_combo.clear()
            self.project_combo.addItems(projects)
            self.project_combo.setCurrentIndex(max(0, self.project_combo.findText(current)))
            self.project_combo.blockSignals(False)
        self._load_reports(keep_period=True)
        if self.project() != current:
            self.project_changed.emit(self.project())

    def _project_picked(self) -> None:
        self.commit_texts()
        self._load_reports(keep_period=False)
        self.project_changed.emit(self.project())

    def _load_reports(self, keep_period: bool) -> None:
        """The chosen project's periods, newest first; keeps the period shown when it still exists."""
        by_project = self.document.office.read(reports_by_project, self.document.context)
        self.reports = by_project.get(self.project(), [])
        shown = self.period_combo.currentText() if keep_period else ""
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for r in reversed(self.reports):  # "Nov 2026", as people read it; the label ("2026-11") kept beside
            self.period_combo.addItem(period_text(r["period"]), r["id"])
            self.period_combo.setItemData(self.period_combo.count() - 1, r["period"], PERIOD_ROLE)
        index = self.period_combo.findText(shown) if shown else -1
        self.period_combo.setCurrentIndex(index if index >= 0 else (0 if self.reports else -1))
        self.period_combo.blockSignals(False)
        self._show_report()

    def show_period(self, project: str, period: str) -> bool:
        """Show one project's report for a period (from a dashboard tile or the reports table)."""
        index = self.project_combo.findText(project)
        if index < 0:
            return False
        self.project_combo.setCurrentIndex(index)
        found = self.period_combo.findData(period, PERIOD_ROLE)
        if found < 0:
            found = self.period_combo.findText(period_text(period))
        if found >= 0:
            self.period_combo.setCurrentIndex(found)
        return found >= 0

    def _show_report(self) -> None:
        rid = self.period_combo.currentData()
        position = next((i for i, r in enumerate(self.reports) if r["id"] == rid), None)
        self.report = self.reports[position] if position is not None else None
        previous = self.reports[position - 1] if position else None
        report = self.report or {}
        enabled = self.report is not None
        self.new_button.setEnabled(bool(self.project()))  # nothing to report on before a project exists
        self.period_combo.setEnabled(bool(self.reports))
        for name, combo in self.rags.items():
            combo.set_rating(report.get(name))
            combo.setEnabled(enabled)
            self._show_trend(name, previous)
        self.state_combo.blockSignals(True)
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findText(report.get("state") or "Draft")))
        self.state_combo.blockSignals(False)
        self.state_combo.setEnabled(enabled)
        for name, editor in self.editors.items():
            if not (editor.hasFocus() and self.report is not None and editor.property("report") == rid):
                editor.setPlainText(report.get(name) or "")
            editor.setProperty("report", rid)
            editor.setEnabled(enabled)
        self.info.setText(self._describe(previous))

    def _show_trend(self, name: str, previous: dict[str, Any] | None) -> None:
        label = self.trends[name]
        if self.report is None or previous is None:
            label.setText("")
            return
        was, now = previous.get(name) or "", self.report.get(name) or ""
        move = trend(was, now)
        label.setText(f"{TREND_ARROWS[move]} was {was or 'not rated'}")
        then = period_text(previous["period"])
        label.setToolTip(f"{move} than in {then}, when it was {was or 'not rated'}"
                         if move not in ("Same", "New") else f"{was or 'Not rated'} in {then} too")

    def _describe(self, previous: dict[str, Any] | None) -> str:
        if not self.project():
            return NO_PROJECT
        if self.report is None:
            return (f"<b>{escape(self.project())}</b> has no status report yet. "
                    "<b>New status report</b> makes this period's.")
        r = self.report
        by = f" by {escape(r['author'])}" if r.get("author") else ""
        on = f", reported {day_text(r['reported_on'])}" if r.get("reported_on") else ""
        since = f" Compared with {period_text(previous['period'])}." if previous else " The project's first report."
        return f"{escape(r['code'])} · {escape(r['state'] or 'Draft')}{on}{by}.{since}"

    # ------------------------------------------------------------------ writing
    def new_report(self) -> int | None:
        """This period's report for the chosen project: the existing one is shown, else a draft is
        made from the last report (one undo step). Returns the report's id."""
        project = self.project()
        if not project:  # the shortcut, pressed on a new office: say why nothing is made
            self.info.setText(NO_PROJECT)
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage("No project to report on yet: add one on the Projects page first "
                                               "(Ctrl+2).", 8000)
            return None
        self.commit_texts()
        draft = self.document.office.read(draft_report, project, self.document.context)
        if draft.existing_id is not None:
            self.show_period(project, draft.period)
            self.info.setText(f"{escape(project)} already has a report for {period_text(draft.period)}: shown here.")
            return draft.existing_id
        assert draft.values is not None  # no existing report: a draft to create
        command = CreateRecordsCommand(self.document, STATUS_REPORTS, [draft.values],
                                       text=f"New status report for {project}, {period_text(draft.period)}")
        if not self.document.execute(command):
            return None
        self._load_reports(keep_period=False)
        self.show_period(project, draft.period)
        return command.ids[0]

    def _rating_chosen(self, name: str) -> None:
        self._commit({name: self.rags[name].rating() or None})

    def commit_texts(self) -> bool:
        if self.report is None:
            return True
        changed = {name: editor.toPlainText() for name, editor in self.editors.items()
                   if editor.property("report") == self.report["id"]
                   and editor.toPlainText() != (self.report.get(name) or "")}
        return self._commit(changed) if changed else True

    def _commit(self, values: dict[str, Any]) -> bool:
        if self.report is None:
            return False
        rid = self.report["id"]
        edits = [CellEdit(rid, name, self.report.get(name), value) for name, value in values.items()
                 if value != self.report.get(name)]
        if not edits:
            return True
        text = (f"Edit {STATUS_REPORTS.field(edits[0].field).label.lower()} of {self.report['code']}"
                if len(edits) == 1 else f"Edit status report {self.report['code']}")
        ok = self.document.execute(EditCellsCommand(self.document, STATUS_REPORTS, edits,
                                                    {rid: self.report["version"]}, text))
        if ok:  # the new version, so the next edit is not taken for someone else's
            self._load_reports(keep_period=True)
        else:
            self._show_report()
        return ok
