"""The benefit profile beside the register: key facts, description and measurement method (committed
as undoable cell edits), the planned trajectory and the measurements as editable sub-tables."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any, Callable, Mapping

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...models import benefit_rules as rules
from ...models.benefit_rollup import BenefitSeries
from ...models.fields import Kind
from ...models.registers.benefits import BENEFITS, MEASUREMENTS, PLAN_POINTS
from ...models.settings import BENEFIT_THRESHOLDS
from ...models.stakeholder_rules import add_months
from ...models.values import day_text, measure_with_unit
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table import RegisterView
from ..register_table.commands import CellEdit, EditCellsCommand
from ..theme import colours
from ..zoom import scale_with_zoom, zoom

# The profile's two arrangements: its four boxes two by two where the pane has the height they need (at least
# this: heading, facts, verdict and two boxes a row), else each part in a tab of its own, down to the least
# height at which a tab still shows its table's header and two rows.
TALL_ENOUGH = 400
SHORT_MIN_HEIGHT = 200
MEASUREMENTS_TAB = "Measurements"
TEXT_LEAST = 60  # a text column fitted to a narrow table keeps this much, a word and its "…"


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
        self._user_sized = QSettings().contains(self._layout_key())
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit_columns)
        self.table.horizontalHeader().sectionResized.connect(self._by_hand)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.dataChanged):
            signal.connect(self._fit_soon.start)
        zoom().changed.connect(self._fit_soon.start)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_soon.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_soon.start()

    def _by_hand(self, *_args) -> None:
        if not self._programmatic:
            self._user_sized = True

    def fit_columns(self) -> None:
        """The columns to the table's width, as a reviewer reads them: each as wide as its header and its widest
        value where the width allows, the last taking what is left; in a narrow profile (1280×720) the dates
        and numbers stay whole and the texts (source, note) share the rest, cut with "…" where they must be —
        the note was off the right edge and the source cut at its declared width. A column the user
        has sized (now or in an earlier session) keeps its width."""
        table = self.table
        room = table.viewport().width()
        if self._user_sized or room <= 0 or not self.isVisible():
            return
        header = table.horizontalHeader()
        cell_metrics, header_metrics = table.fontMetrics(), header.fontMetrics()
        margin = round(16 * (self._zoom_factor or 1.0))
        shown = [header.logicalIndex(v) for v in range(header.count())
                 if not table.isColumnHidden(header.logicalIndex(v))]
        if not shown:
            return
        natural = {}
        for col in shown:
            label = str(self.proxy.headerData(col, Qt.Orientation.Horizontal) or "")
            head = max(header_metrics.horizontalAdvance(line) for line in label.split("\n"))
            natural[col] = max(head, self._widest_shown(col, cell_metrics)) + margin
            if self.register.fields[col].kind != Kind.TEXT:  # room for a date or number typed into an empty table
                natural[col] = max(natural[col], self.register.fields[col].width * cell_metrics.averageCharWidth()
                                   + margin)
        widths = dict(natural)
        texts = [c for c in shown if self.register.fields[c].kind == Kind.TEXT]
        over = sum(widths.values()) - room
        if over > 0 and texts:
            fixed = sum(widths[c] for c in shown if c not in texts)
            share = max(0, room - fixed)
            wanted = sum(natural[c] for c in texts)
            for c in texts:
                widths[c] = max(min(natural[c], TEXT_LEAST), share * natural[c] // wanted)
        left = room - sum(widths.values())
        if left > 0:
            widths[shown[-1]] += left  # no blank strip after the last column
        self._programmatic = True  # fitted, not sized by the user: neither saved nor stopping the fitting
        try:
            for col, width in widths.items():
                if table.columnWidth(col) != width:
                    table.setColumnWidth(col, width)
        finally:
            self._programmatic = False
        self._sync_columns()

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
        # How a planned figure reads: as the table's "Planned today" column (the page gives it its table's reading);
        # the verdict said "against 85.05 planned" under a column reading 76 (walk 49).
        self.planned_reading: Callable[[], Callable[[Mapping[str, Any], Any], str]] = (
            lambda: rules.measured_text)

        # Made first, so that its tab bar comes before the parts it shows in the Tab order, as it stands above them.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("benefit_profile_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.hide()
        self.tabs.currentChanged.connect(self._keyboard_follows_tab)
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

        # Key facts across the top; below, what the benefit is (left) and its numbers (right) — where the
        # profile has the height for it. On a short pane (1280×720: about 280 pixels under the table) the four
        # boxes stacked two high left the measurements below the fold and each table two rows at most; there
        # the same four parts and the key facts go into tabs, the measurements first (what a review reads),
        # each tab the profile's whole width and height (``_arrange``).
        self.parts = ((MEASUREMENTS_TAB, "Measurements (date → actual value)", self.measurements_view),
                      ("Plan", "Planned trajectory (date → expected value)", self.plan_view),
                      ("Description", "Description", self.description),
                      ("Method", "How it is measured", self.method))
        self.boxes: dict[QWidget, QVBoxLayout] = {}  # each part's place in its box
        group_boxes: dict[QWidget, QGroupBox] = {}
        for _tab, title, widget in self.parts:
            box = group_boxes[widget] = QGroupBox(title, self)
            widget.setAccessibleName(title.split(" (")[0])
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(widget)
            self.boxes[widget] = inner
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, widget in ((left, self.description), (left, self.method), (right, self.plan_view),
                               (right, self.measurements_view)):
            column.addWidget(group_boxes[widget], 1)
        self.grid = QWidget(self)
        columns = QHBoxLayout(self.grid)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.facts_page = QWidget(self)  # the key facts' tab, where they wait in the grid arrangement
        self.facts_layout = QVBoxLayout(self.facts_page)
        self.facts_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.verdict)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.tabs, 1)
        self.in_tabs = False
        self._boxes_need = TALL_ENOUGH
        self.setMinimumHeight(SHORT_MIN_HEIGHT)
        self.set_benefit(None, None)

    # ------------------------------------------------------------------ arranging for the room
    def fit_height(self, height: int) -> None:
        """Arranged for the height the page has for it (its scroll area's): the boxes two by two where they fit
        whole — their tables' rows and ✱ lines in view — else the tabs."""
        if not self.in_tabs:  # what the boxes need at this width (the tabs keep the last measure)
            self._boxes_need = max(TALL_ENOUGH, super().heightForWidth(max(1, self.width())))
        self._arrange(height < self._boxes_need)

    def show_part(self, part: QWidget) -> None:
        """One of the four parts in view (its tab chosen, in tabs), as a click on its tab shows it."""
        if self.in_tabs:
            self.tabs.setCurrentWidget(part)

    def heightForWidth(self, width: int) -> int:
        # In tabs the profile takes the pane's height, its tables scrolling inside: the height its wrapped
        # lines would ask for with every row shown made the pane scroll and hid the tables' ✱ lines.
        return -1 if self.in_tabs else super().heightForWidth(width)

    def _arrange(self, in_tabs: bool) -> None:
        """The four parts in their boxes two by two (``in_tabs`` False), or each in a tab of its own with the
        key facts in the last; the keyboard stays on the part it was in."""
        if in_tabs == self.in_tabs:
            return
        self.in_tabs = in_tabs
        focused = QApplication.focusWidget()
        holder = next((w for _t, _title, w in self.parts if focused is not None and (w is focused or w.isAncestorOf(focused))),
                      None)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        if in_tabs:
            for tab, title, widget in self.parts:
                self.tabs.addTab(widget, tab)
                self.tabs.setTabToolTip(self.tabs.count() - 1, title)
            self.facts_layout.insertWidget(0, self.facts)
            self.tabs.addTab(self.facts_page, "Facts")
            self.tabs.setTabToolTip(self.tabs.count() - 1, "Category, owner, measure, baseline, target and window")
            self.tabs.setCurrentIndex(0)
        else:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for _tab, _title, widget in self.parts:
                self.boxes[widget].addWidget(widget)
                widget.show()
            layout.insertWidget(1, self.facts)
        self.facts.show()
        self.updateGeometry()
        self.grid.setVisible(not in_tabs)
        self.tabs.setVisible(in_tabs)
        if holder is not None:  # the part the keyboard was in, shown and still holding it
            if in_tabs:
                self.tabs.setCurrentWidget(holder)
            (focused if focused is not None and focused.isVisible() else holder).setFocus()

    def _keyboard_follows_tab(self, _index: int) -> None:
        """Another part shown while the keyboard was in a part's text box (Ctrl+Tab did it, before it went on to the
        next control, ``tab_keys.TabsLeaveCtrlTab``) left the keyboard in the box now hidden: typing went nowhere
        seen. The keyboard goes into the part shown, as Ctrl+PgDown takes it there (``tab_keys``); on the tab bar it
        stays, for the arrows."""
        focus = QApplication.focusWidget()
        if focus is not None and self.tabs.isAncestorOf(focus) and not focus.isVisible():
            from ..tab_keys import keyboard_into

            keyboard_into(self.tabs)

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
            # Said where it is read: the line under it went into the Facts tab on a short screen, and the pane read
            # "No benefit selected" over an empty table of measurements, half the page at 1280×720 (walk43).
            self.heading.setText("Select a benefit in the table to see its profile")
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
            text = "—" if v is None else rules.measured_text(r, v)  # as its row in the table reads
            return f"{text} ({day_text(d)})" if d else text

        measure = escape(measure_with_unit(r.get("measure") or "no KPI yet", r.get("unit")))
        window = " to ".join(day_text(d) if d else "…" for d in (r.get("window_start"), r.get("window_end")))
        kind = " · <b>dis-benefit</b>" if r.get("dis_benefit") else ""
        return (f"{r.get('category') or ''}{kind} · owner {r.get('owner') or '—'}<br>"
                f"Measure: {measure} · baseline {val(r.get('baseline_value'), r.get('baseline_date'))}"
                f" → target {val(r.get('target_value'), r.get('target_date'))}<br>"
                f"Realization window: {window if (r.get('window_start') or r.get('window_end')) else 'not set'}")

    def _verdict_text(self, r: dict, s: BenefitSeries | None) -> str:
        a = s.assessment(self.today(), self.document.read_setting(BENEFIT_THRESHOLDS)) if s else None
        if a is None:
            if s is not None and s.actuals and not s.effective_plan:
                # Measured, with nothing to judge it by: "Not measured: no planned trajectory" read, beside the
                # measurement just typed, as if it had not been kept (walk 62). The status stays the register's word.
                on, value = max(s.actuals)
                count = f"{len(s.actuals)} measurement{'s' if len(s.actuals) > 1 else ''}"
                return (f"<b>{rules.NOT_MEASURED}</b> against a plan: {count} kept, the latest "
                        f"{escape(rules.measured_text(r, value))} on {day_text(on)}; no plan to judge it by — add "
                        "one on its Plan tab, or a dated baseline and target.")
            why = ("no planned trajectory (nor baseline and target with dates)" if not (s and s.effective_plan)
                   else "no measurement yet")
            return f"<b>{rules.NOT_MEASURED}</b>: {why}."
        colour = rules.STATUS_COLOURS[a.status]
        behind = "behind" if a.shortfall > 0 else "ahead of"
        implied = (" (straight line from baseline to target: no trajectory entered)"
                   if s is not None and s.plan_is_implied else "")
        # Judged against the end of a plan that has passed since the last measurement: said, with what to do — the
        # status alone read as the plan at the measurement's day, "On track" for a target never shown to be met.
        planned = self.planned_reading()(r, a.planned)
        against = (f"the {planned} planned by {day_text(a.planned_on)}, a date passed with "
                   "no measurement since: measure it to show where it stands" if a.past_the_end
                   else f"{planned} planned")
        return (f"<span style='color:{colours().strong(colour)}; font-weight:bold'>● {a.status}</span>{implied}: latest actual "
                f"{rules.measured_text(r, a.actual)} on {day_text(a.on)} against {against} "
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
