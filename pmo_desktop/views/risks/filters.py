"""Quick filters above the risks table: project, level, owner, status, rating and review overdue as drop-downs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...models import references
from ...models.program import Person, Project
from ...models.registers.risks import RISK_LEVELS, RISK_STATUSES
from ...models.risk_heatmap import RiskFilter
from ...models.risk_review import OVERDUE
from ..document import Document
from ..flow_layout import FlowLayout

NONE = ""  # the "(none)" choice: matches an empty cell, as the table shows it
# "All" as a string, never None: PySide6 6.12 loses a reference each time a combo hands back None or
# a bool as item data, and Python 3.11 aborts once None's count reaches zero.
ALL = "\u0000all"
SEVERAL = "\u0000several"  # values ticked in the table's header menu: "3 chosen" (``show_table_filters``)
# (filter key, table column it filters, label, has a "(none)" choice)
FILTERS = (
    ("projects", "project", "Project", True),
    ("levels", "level", "Level", False),
    ("owners", "owner", "Owner", True),
    ("statuses", "status", "Status", False),
    ("ratings", "inherent_rating", "Rating", True),
    ("review", "review_overdue", "Review", False),
)
# Each caption's Alt letter, its first but where the menus have it (Alt+V is the View menu's).
LETTERS = {"Review": "Revie&w"}
# Filters of the table only: the heat map and trend count by scores, not by review dates.
TABLE_ONLY = frozenset({"review"})


class QuickFilters(QWidget):
    """``changed()`` after any choice changes; ``column_filters()`` and ``risk_filter()`` say what is chosen."""

    changed = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.combos: dict[str, QComboBox] = {}
        self._several: dict[str, frozenset[str]] = {}  # filter key → the values its "N chosen" item stands for
        row = FlowLayout(self)  # on two lines where one does not fit (a large scale, a small screen)
        row.setContentsMargins(0, 0, 0, 0)
        for key, _column, label, _none in FILTERS:
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{key}")
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            pair = QWidget(self)  # a caption wraps with its list, never away from it
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            combo.setParent(pair)
            caption = QLabel(f"{LETTERS.get(label, '&' + label)}:", pair)  # Alt+P, L, O, S, R, W go to the list
            caption.setBuddy(combo)
            pair_layout.addWidget(caption)
            pair_layout.addWidget(combo)
            row.addWidget(pair)
            self.combos[key] = combo
        self.reload_choices()
        document.records_changed.connect(self._on_records_changed)

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in ("projects", "people", "risks"):
            self.reload_choices()

    def _choices(self) -> dict[str, list[str]]:
        projects = sorted(name for _id, name in self.document.office.read(references.names, Project))
        owners = sorted(name for _id, name in self.document.office.read(references.names, Person) if name)
        ratings = [b.rating for b in sorted(self.document.context.risk_scale.bands, key=lambda b: b.min_score)]
        return {"projects": projects, "levels": list(RISK_LEVELS), "owners": owners,
                "statuses": list(RISK_STATUSES), "ratings": ratings, "review": [OVERDUE]}

    def reload_choices(self) -> None:
        choices = self._choices()
        any_changed = False
        for key, _column, _label, has_none in FILTERS:
            combo = self.combos[key]
            items = [("All", ALL)] + [(c, c) for c in choices[key]] + ([("(none)", NONE)] if has_none else [])
            several = combo.findData(SEVERAL)
            if several >= 0:  # the header menu's choice stays offered
                items.append((combo.itemText(several), SEVERAL))
            current = combo.currentData() if combo.count() else ALL
            if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
                continue
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current) if current not in (None, ALL) else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            any_changed = any_changed or index < 0
        if any_changed:  # a chosen value disappeared (renamed project): the filter fell back to All
            self.changed.emit()

    def choose(self, key: str, value: str | None) -> None:
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)

    def selected(self, key: str) -> str | None:
        """The chosen value, "" for "(none)", None for "All" (or for several values: ``allowed``)."""
        value = self.combos[key].currentData()
        return None if value in (None, ALL, SEVERAL) else value

    def allowed(self, key: str) -> frozenset[str] | None:
        """The values a drop-down lets through: one, several (ticked in the header menu), None for all."""
        if self.combos[key].currentData() == SEVERAL:
            return self._several[key]
        value = self.selected(key)
        return None if value is None else frozenset({value})

    def column_filters(self) -> dict[str, set[str] | None]:
        """Table column → allowed display values (None: no filter)."""
        out: dict[str, set[str] | None] = {}
        for key, column, _label, _none in FILTERS:
            allowed = self.allowed(key)
            out[column] = None if allowed is None else set(allowed)
        return out

    def show_table_filters(self, allowed_by_column: dict[str, set[str] | None]) -> None:
        """The table's own value filters (set in its header menu, or cleared) shown in the drop-downs, so
        "Status: All" never sits above a table filtered by status: one value as itself, several as
        "N chosen". No ``changed``: the table is filtered already."""
        for key, column, _label, _none in FILTERS:
            combo, allowed = self.combos[key], allowed_by_column.get(column)
            one = combo.findData(next(iter(allowed))) if allowed is not None and len(allowed) == 1 else -1
            several = combo.findData(SEVERAL)
            combo.blockSignals(True)
            try:
                if allowed is None or one >= 0:
                    combo.setCurrentIndex(0 if allowed is None else one)
                    if several >= 0:  # appended last: the index chosen stays
                        combo.removeItem(several)
                        self._several.pop(key, None)
                    continue
                self._several[key] = frozenset(allowed)
                text = f"{len(allowed)} chosen"
                if several < 0:
                    combo.addItem(text, SEVERAL)
                    several = combo.count() - 1
                combo.setItemText(several, text)
                combo.setItemData(several, ", ".join(sorted(v or "(none)" for v in allowed)), Qt.ItemDataRole.ToolTipRole)
                combo.setCurrentIndex(several)
            finally:
                combo.blockSignals(False)

    def risk_filter(self) -> RiskFilter:
        kwargs: dict[str, Any] = {}  # RiskFilter field name → allowed names (None: no restriction)
        for key, _column, _label, _none in FILTERS:
            if key in TABLE_ONLY:
                continue
            kwargs[key] = self.allowed(key)
        return RiskFilter(**kwargs)
