"""The Benefits page: the benefits register with each benefit's profile, plan, measurements and
realization chart; the program roll-up; the benefits map; and the outputs, outcomes and objectives
the map is drawn from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...models import benefit_rules
from ...models.benefit_rollup import load_series
from ...models.registers import REGISTERS
from ...models.registers.benefits import BENEFITS
from ...models.snapshots import Source
from ..as_at import AsAtBar
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_page import page_title
from ..register_table import RegisterView
from ..remembered_splitter import RememberedSplitter
from ..state_table import StateTable
from .map_view import BenefitsMapWidget
from .profile import BenefitProfile
from .realization_chart import RealizationChart
from .rollup_chart import RollupChart
from .thresholds import SetThresholdsCommand, ThresholdsDialog, current_thresholds

CHAIN_TABS = (("outputs", "Outputs"), ("outcomes", "Outcomes"), ("objectives", "Strategic objectives"))
WATCHED = {"benefits", "benefit_plan", "benefit_measurements"}
# The realization chart's least height: at 1280×720 the demo's six benefits fit above it (260 left them five).
CHART_LEAST = 220
# The columns of the benefits' status as at a past date (or in a board snapshot).
PAST_STATUS_FIELDS = ("code", "title", "status_rag", "lifecycle", "owner", "planned_now", "latest_actual",
                      "unit", "target_value", "target_date")


class ProfileScroll(QScrollArea):
    """The benefit profile's pane: it tells the profile the height it has, for the profile to arrange its parts
    to (its own height is what they need, taller than the pane where they scroll)."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        profile = self.widget()
        if isinstance(profile, BenefitProfile):
            profile.fit_height(self.viewport().height())


class BenefitsPage(QWidget):
    """``register_view`` is the benefits table (what the Edit menu acts on without a focused table)."""

    def __init__(self, document: Document, parent=None, today=date.today):
        super().__init__(parent)
        self.document = document
        self.today = today
        # Made first, so that the page's own tabs are the first tab widget found in it (the tabs of the profile
        # inside its first tab come after: ``findChildren`` lists in the order made).
        self.tabs = QTabWidget(self)
        self.register_view = RegisterView(document, BENEFITS, parent=self)
        self.profile = BenefitProfile(document, today, self)
        self.profile.planned_reading = lambda: self.register_view.model.reading_of("planned_now")
        self.chart = RealizationChart(self, today)

        # Benefits tab: the table above; profile and chart below, side by side. On a 720-pixel screen the
        # table keeps room for five or six benefits and the profile puts its parts in tabs rather than
        # squashing its text boxes and tables (``BenefitProfile._arrange``); the split is proportioned to the
        # real height when first shown.
        profile_scroll = ProfileScroll(self)
        profile_scroll.setWidget(self.profile)
        profile_scroll.setWidgetResizable(True)
        profile_scroll.setFrameShape(QFrame.Shape.NoFrame)
        profile_scroll.setAccessibleName("Benefit profile")
        profile_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop showing nothing; its boxes are stops
        self.profile.setMinimumWidth(420)
        self.chart.setMinimumSize(380, CHART_LEAST)
        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.addWidget(profile_scroll)
        below.addWidget(self.chart)
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 1)
        below.setChildrenCollapsible(False)
        # On a short screen (150 % on 1280×720 leaves about 280 of Qt's pixels) the table and the profile and
        # chart at their least were taller than the tab, and the whole page scrolled: there the table keeps
        # the room and the panel below collapses to its handle, as the other pages' details do. The profile is
        # what this tab is read for, so the table's share before it collapses is less than the other pages'.
        split = RememberedSplitter(Qt.Orientation.Vertical, "benefits/register", self, main_share=0.3)
        split.addWidget(self.register_view)
        split.addWidget(below)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.register_view.setMinimumHeight(150)
        self.live_benefits, self.below = split, below
        self._proportioned = False
        # As at a past date: the benefits with their status then, read only, in place of today's table.
        self.past_status = StateTable(BENEFITS, [n for n in PAST_STATUS_FIELDS if n in BENEFITS.field_names],
                                      {"status_rag": lambda s: benefit_rules.STATUS_COLOURS.get(s)}, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(split)
        self.stack.addWidget(self.past_status)
        self.as_at = AsAtBar(document, self)
        self.as_at.source_changed.connect(self.set_source)
        self.benefits_tab = QWidget(self)
        tab_layout = QVBoxLayout(self.benefits_tab)
        tab_layout.setContentsMargins(0, 4, 0, 0)
        tab_layout.addWidget(self.as_at)
        tab_layout.addWidget(self.stack, 1)

        self.rollup = RollupChart(document, self)
        self.map = BenefitsMapWidget(document, self)
        self.map.node_clicked.connect(self.open_node)
        self.chain_views: dict[str, RegisterView] = {name: RegisterView(document, REGISTERS[name], parent=self)
                                                     for name, _ in CHAIN_TABS}

        self.tabs.addTab(self.benefits_tab, "Benefits")
        self.tabs.addTab(self.rollup, "Program roll-up")
        self.tabs.addTab(self.map, "Benefits map")
        for name, title in CHAIN_TABS:
            self.tabs.addTab(self.chain_views[name], title)

        thresholds = QPushButton("Status thresholds…", self)
        thresholds.clicked.connect(self.edit_thresholds)
        follow_read_only(document, thresholds)
        head = QHBoxLayout()
        head.addWidget(page_title(BENEFITS.title, self))
        head.addStretch(1)
        head.addWidget(thresholds)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

        self.register_view.current_record_changed.connect(self.show_benefit)
        document.records_changed.connect(self._on_records_changed)
        self.show_benefit(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._proportioned and self.live_benefits.height() > 100:
            self._proportion()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._proportioned and self.isVisible() and self.live_benefits.height() > 100:
            self._proportion()

    def _proportion(self) -> None:
        """The table as tall as its rows need (five at least) where profile and chart keep their least height below,
        else two fifths of the height; profile and chart the rest, the profile 45 % of the width. After that the
        user's dragging rules. At 1280×720 the table had 240 pixels, a guess at its frame's room, and showed four
        of the demo's six benefits over a profile pane of nothing selected taking half the page (walk43)."""
        self._proportioned = True
        sizes, width = self.live_benefits.sizes(), self.below.width() or self.width()
        if sizes[1] == 0:
            return  # collapsed for room on a short screen: the splitter opens it when there is room
        height = sum(sizes)  # the room the two share, the handle's left out
        view, table = self.register_view, self.register_view.table
        rows = max(5, view.model.rowCount())
        # the view's own room around its table (search bar, ✱ line: as at its least, for the view is not laid out to
        # its height yet when first shown), the table's header, frame and scroll bar
        frame = view.minimumSizeHint().height() - table.minimumHeight() + table.horizontalHeader().height() \
            + 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
        needed = frame + rows * table.verticalHeader().defaultSectionSize()
        below = self.below.minimumSizeHint().height()
        table_height = min(needed, max(int(height * 0.4), height - below))
        self.live_benefits.setSizes([table_height, height - table_height])
        self.below.setSizes([int(width * 0.45), width - int(width * 0.45)])

    # ------------------------------------------------------------------ following the current benefit
    @property
    def current_benefit_id(self) -> int | None:
        return self.register_view.current_record_id()

    def show_benefit(self, benefit_id: int | None) -> None:
        record = series = None
        model = self.register_view.model
        row = model.row_of(benefit_id) if benefit_id is not None else None
        if row is not None and benefit_id is not None:
            record = model.record(row)
            found = self.document.office.read(load_series, [benefit_id])
            series = found[0] if found else None
        self.profile.set_benefit(record, series)
        self.chart.show_series(series)

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in WATCHED:
            self.show_benefit(self.current_benefit_id)

    def set_source(self, source: Source | None) -> None:
        """A past state: the benefits' status then, read only; None: today's register again."""
        if source is not None:
            self.past_status.show_state(source)
        self.stack.setCurrentWidget(self.past_status if source is not None else self.live_benefits)

    # ------------------------------------------------------------------ navigation
    def show_filtered(self, target):
        """A dashboard tile's filter on the benefits table (or one of the map's registers)."""
        from ..register_filter import apply_filter

        if target.register == "benefits":
            self.tabs.setCurrentWidget(self.benefits_tab)
            view = self.register_view
        elif target.register in self.chain_views:
            view = self.chain_views[target.register]
            self.tabs.setCurrentWidget(view)
        else:
            return None
        apply_filter(view, target)
        return view

    def select_record(self, register_name: str, record_id: int) -> bool:
        if register_name == "benefits":
            self.as_at.back_to_today()
            self.tabs.setCurrentWidget(self.benefits_tab)
            return self.register_view.select_record(record_id)
        view = self.chain_views.get(register_name)
        if view is not None:
            self.tabs.setCurrentWidget(view)
            return view.select_record(record_id)
        return False

    def open_node(self, register_name: str, record_id: int) -> bool:
        """A click on the benefits map (or Enter on its box): show that record in its register. From the keyboard,
        the keyboard goes with it, onto the record's row — the map, hidden with its tab, let it fall elsewhere."""
        keyboard_in_map = self.map.view.hasFocus()
        if register_name == "projects":
            window = self.window()
            go = getattr(window, "go_to_record", None)
            opened = bool(go and go("projects", record_id))
            stack = getattr(window, "stack", None)
            view = getattr(stack.currentWidget(), "register_view", None) if opened and stack is not None else None
        else:
            opened = self.select_record(register_name, record_id)
            view = self.chain_views.get(register_name, self.register_view)
        if opened and keyboard_in_map and view is not None:
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return opened

    # ------------------------------------------------------------------ settings
    def edit_thresholds(self) -> None:
        dialog = ThresholdsDialog(current_thresholds(self.document), self)
        if dialog.exec():
            self.set_thresholds(dialog.thresholds())

    def set_thresholds(self, thresholds) -> bool:
        if thresholds == current_thresholds(self.document):
            return True
        return self.document.execute(SetThresholdsCommand(self.document, thresholds))
