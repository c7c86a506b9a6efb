"""The benefit profile beside the register: key facts, description and measurement method (committed
as undoable cell edits), the planned trajectory and the measurements as editable sub-tables."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...models import benefit_rules as rules
from ...models.benefit_rollup import BenefitSeries
from ...models.registers.benefits import BENEFITS, MEASUREMENTS, PLAN_POINTS
from ...models.settings import BENEFIT_THRESHOLDS
from ...models.stakeholder_rules import add_months
from ...models.values import day_text, measure_with_unit, number_text
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table import RegisterView
from ..register_table.commands import CellEdit, EditCellsCommand
from ..theme import colours
from ..zoom import scale_with_zoom


class CommitTextEdit(QPlainTextEdit):
    """A multi-line text that commits when it loses the focus (like a cell editor)."""

    committed = Signal(str)

    def set_text_quietly(self, text: str) -> None:
        self.setPlainText(text or "")
        self.document().setModified(False)

    def commit(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)


class DatedRowsView(RegisterView):
    """A benefit's sub-table whose new rows start on a sensible date instead of today."""

    def __init__(self, document, register, default_date: Callable[[], date | None], parent=None):
        super().__init__(document, register, parent_id=None, parent=parent, compact=True)
        self.default_date = default_date
        self.clear_filters_button.setVisible(False)  # no search here: nothing to clear

    def new_row_values(self) -> dict:
        on = self.default_date()
        return {"on": on} if on else {}


class BenefitProfile(QWidget):
    """Follows one benefit (``set_benefit``); the page feeds it the record and its series."""

    def __init__(self, document: Document, today: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self.document = document
        self.today = today
        self.record: dict | None = None
        self.series: BenefitSeries | None = None

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        scale_with_zoom(self.heading)  # its own size, larger than the page's, grown by the zoom with the rest
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.description = CommitTextEdit(self)
        self.description.setPlaceholderText("What the benefit is and who gains from it…")
        self.method = CommitTextEdit(self)
        self.method.setPlaceholderText("How the KPI is measured: data source, calculation, who reports it…")
        for edit, name in ((self.description, "description"), (self.method, "measurement_method")):
            edit.setMinimumHeight(60)
            edit.setTabChangesFocus(True)  # Tab moves on, as in a form: never a tab typed into the text
            edit.committed.connect(lambda text, n=name: self.commit_text(n, text))
        follow_read_only(document, self.description, self.method)

        self.plan_view = DatedRowsView(document, PLAN_POINTS, self._next_plan_date, self)
        self.measurements_view = DatedRowsView(document, MEASUREMENTS, self._next_measurement_date, self)
        self.measurements_view.model.today = today  # a future measurement date is confirmed first

        # Key facts across the top; below, what the benefit is (left) and its numbers (right).
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, title, widget in ((left, "Description", self.description), (left, "How it is measured", self.method),
                                      (right, "Planned trajectory (date → expected value)", self.plan_view),
                                      (right, "Measurements (date → actual value)", self.measurements_view)):
            box = QGroupBox(title, self)
            widget.setAccessibleName(title.split(" (")[0])
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(widget)
            column.addWidget(box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.verdict)
        layout.addLayout(columns, 1)
        self.set_benefit(None, None)

    # ------------------------------------------------------------------ showing a benefit
    def set_benefit(self, record: dict | None, series: BenefitSeries | None) -> None:
        """Show this benefit (``record`` as the register table holds it); None clears the profile."""
        previous = self.record["id"] if self.record else None
        if previous is not None and (record is None or record["id"] != previous):
            self.description.commit()
            self.method.commit()
        self.record, self.series = record, series
        bid = record["id"] if record else None
        for view in (self.plan_view, self.measurements_view):
            if view.model.parent_id != bid:
                view.model.set_parent_id(bid)
            view.setEnabled(bid is not None)
        for edit in (self.description, self.method):
            edit.setEnabled(bid is not None)
        if record is None:
            self.heading.setText("No benefit selected")
            self.facts.setText("Select a benefit in the table to edit its profile, plan and measurements.")
            self.verdict.setText("")
            self.description.set_text_quietly("")
            self.method.set_text_quietly("")
            return
        self.heading.setText(f"{record['code']}  {record['title']}")
        if not self.description.hasFocus() or previous != bid:
            self.description.set_text_quietly(record.get("description") or "")
        if not self.method.hasFocus() or previous != bid:
            self.method.set_text_quietly(record.get("measurement_method") or "")
        self.facts.setText(self._facts_text(record))
        self.verdict.setText(self._verdict_text(record, series))

    @staticmethod
    def _facts_text(r: dict) -> str:
        def val(v, d=None):
            text = "—" if v is None else number_text(v)
            return f"{text} ({day_text(d)})" if d else text

        measure = escape(measure_with_unit(r.get("measure") or "no KPI yet", r.get("unit")))
        window = " to ".join(day_text(d) if d else "…" for d in (r.get("window_start"), r.get("window_end")))
        kind = " · <b>dis-benefit</b>" if r.get("dis_benefit") else ""
        return (f"{r.get('category') or ''}{kind} · owner {r.get('owner') or '—'}<br>"
                f"Measure: {measure} · baseline {val(r.get('baseline_value'), r.get('baseline_date'))}"
                f" → target {val(r.get('target_value'), r.get('target_date'))}<br>"
                f"Realization window: {window if (r.get('window_start') or r.get('window_end')) else 'not set'}")

    def _verdict_text(self, r: dict, s: BenefitSeries | None) -> str:
        a = s.assessment(self.document.read_setting(BENEFIT_THRESHOLDS)) if s else None
        if a is None:
            why = ("no planned trajectory (nor baseline and target with dates)" if not (s and s.effective_plan)
                   else "no measurement yet")
            return f"<b>{rules.NOT_MEASURED}</b>: {why}."
        colour = rules.STATUS_COLOURS[a.status]
        behind = "behind" if a.shortfall > 0 else "ahead of"
        implied = (" (straight line from baseline to target: no trajectory entered)"
                   if s is not None and s.plan_is_implied else "")
        return (f"<span style='color:{colours().strong(colour)}; font-weight:bold'>● {a.status}</span>{implied}: latest actual "
                f"{number_text(a.actual)} on {day_text(a.on)} against {number_text(a.planned)} planned "
                f"({abs(a.shortfall):.0%} {behind} plan).")

    # ------------------------------------------------------------------ editing
    def commit_text(self, field: str, text: str) -> None:
        if self.record is None:
            return
        old = self.record.get(field) or ""
        if text == old:
            return
        edit = CellEdit(self.record["id"], field, old, text)
        label = BENEFITS.field(field).label
        self.document.execute(EditCellsCommand(self.document, BENEFITS, [edit], {self.record["id"]: self.record["version"]},
                                               text=f"Edit {label.lower()} of {self.record['code']}"))

    def _next_plan_date(self) -> date | None:
        """A month after the last planned point, else the baseline date or the window start."""
        if self.series and self.series.plan:
            return add_months(self.series.plan[-1][0], 1)
        r = self.record or {}
        return r.get("baseline_date") or r.get("window_start")

    def _next_measurement_date(self) -> date | None:
        """Today, or the window's end when it is over; never a date in the future (a measurement records
        what was seen): before the window opens there is no default and the date is typed."""
        today = self.today()
        on = today
        r = self.record or {}
        start, end = r.get("window_start"), r.get("window_end")
        if end and on > end:
            on = end
        if start and on < start:
            return None
        if self.series and self.series.actuals and self.series.actuals[-1][0] >= on:
            later = self.series.actuals[-1][0] + timedelta(days=1)
            on = later if later <= today and (not end or later <= end) else on
        return on
