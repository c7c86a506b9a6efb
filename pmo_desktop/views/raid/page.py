"""The RAID page: one tab per log (assumptions, dependencies, decisions), each the register's own table,
beside the program's action log and the dependency map. The Edit menu acts on the table of the tab shown."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...models.registers import REGISTERS
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_page import page_title
from ..register_table import RegisterView

LOGS = ("assumptions", "dependencies", "decisions")
# A decision log is read for what was decided, when and why: in the register's order its Status, dates and Rationale
# came after the options, level, projects, cost and who decided, off to the right at 1280×720 (walk43). Shown next to
# the decision here; the register (its workbook, its import) keeps its own order. An assumption is typed and read for
# who validates it, by when, whether it held and what follows if it did not: at 1280×720 its Status was cut at the
# edge and its Impact if false off screen (walk45), after its project and the day it was raised.
READ_FIRST = {"decisions": ("title", ("decided_by", "status", "due", "decided_on", "rationale")),
              "assumptions": ("title", ("owner", "validate_by", "status", "impact_if_false"))}


class RaidPage(QWidget):
    register_name = "assumptions"

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.tabs = QTabWidget(self)
        self.views: dict[str, RegisterView] = {}
        for name in LOGS:
            register = REGISTERS[name]
            view = RegisterView(document, register, parent=self)
            self.views[name] = view
            if name in READ_FIRST:
                view.read_first(*READ_FIRST[name])
            self.tabs.addTab(view, register.title)
        self.extra_tabs()
        self.rules_button = QPushButton("Rules…", self)
        self.rules_button.setToolTip("This office's decision rights and risk review cadence")
        self.rules_button.clicked.connect(lambda: self.edit_rules())
        follow_read_only(document, self.rules_button)
        header = QHBoxLayout()
        header.addWidget(page_title("Assumptions, dependencies and decisions", self))
        header.addStretch(1)
        header.addWidget(self.rules_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def extra_tabs(self) -> None:
        """The views across the logs (action log, dependency map), after the registers' own tables."""
        from .actions import ActionLog

        self.action_log = ActionLog(self.document, self)
        self.tabs.addTab(self.action_log, "Action log")
        self.action_log.go_to.connect(self._go_to)
        from .dependency_map import DependencyMapWidget

        self.dependency_map = DependencyMapWidget(self.document, self)
        self.tabs.addTab(self.dependency_map, "Dependency map")
        self.dependency_map.open_dependency.connect(lambda did: self.select_record("dependencies", did))
        self.dependency_map.go_to.connect(self._go_to)

    def _go_to(self, register_name: str, record_id: int) -> None:
        """A box or line of the dependency map, a line of the action log, opened: its record, here or on its page,
        the keyboard with it (``MainWindow.keyboard_follows``)."""
        before = QApplication.focusWidget()
        window = self.window()
        if self.select_record(register_name, record_id):
            if hasattr(window, "keyboard_follows"):
                window.keyboard_follows(before, register_name)
            return
        if hasattr(window, "go_to_record"):
            window.go_to_record(register_name, record_id)

    def edit_rules(self) -> bool:
        from .settings import edit_rules

        return edit_rules(self.document, self)

    @property
    def register_view(self) -> RegisterView | None:
        """The table the Edit menu acts on: the log whose tab is shown (None on a chart or the action log)."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RegisterView) else None

    def show_log(self, name: str) -> RegisterView:
        view = self.views[name]
        self.tabs.setCurrentWidget(view)
        return view

    def show_filtered(self, target) -> RegisterView | QWidget | None:
        """A dashboard tile's filter on one of the logs, or the action log's own view ("overdue")."""
        from ..register_filter import apply_filter

        if target.register == "action_log":
            self.tabs.setCurrentWidget(self.action_log)
            self.action_log.set_view(target.view or "all")
            return self.action_log
        if target.register not in self.views:
            return None
        view = self.show_log(target.register)
        apply_filter(view, target)
        return view

    def select_record(self, register_name: str, record_id: int) -> bool:
        if register_name in self.views:
            return self.show_log(register_name).select_record(record_id)
        return False
