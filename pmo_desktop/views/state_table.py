"""A read-only table of one register in a past state (a date from the history, or a board snapshot).

Today's registers are edited in ``RegisterView``; a past state is only read, so a plain sortable
``QTableWidget`` filled from the state's own ``fetch_rows`` (computed columns worked out for that
day) is all it needs: nothing in it can be typed into, pasted into or deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..models.colours import ink_on
from ..models.fields import Register
from ..models.records import fetch_rows, load_context
from ..models.snapshots import Source

Colour = Callable[[Any], "str | None"]


def _ink_on(colour: QColor) -> QColor:
    return QColor(ink_on(colour.name()))


class _DayItem(QTableWidgetItem):
    """A date shown as the registers show it ("3 Dec 2026") that sorts as a date, not by its letters."""

    def __init__(self, text: str, day: date):
        super().__init__(text)
        self.day = day

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _DayItem):
            return self.day < other.day
        return super().__lt__(other)


class StateTable(QTableWidget):
    """``show_state(source)`` fills it; ``fields`` are the columns (default: every field)."""

    def __init__(self, register: Register, fields: Sequence[str] | None = None,
                 colours: dict[str, Colour] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.fields = [register.field(n) for n in (fields or register.field_names)]
        self.colours = colours or {}
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setColumnCount(len(self.fields))
        self.setHorizontalHeaderLabels([f.label for f in self.fields])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setAccessibleName(f"{register.title}, read only")

    def show_state(self, source: Source) -> None:
        ctx = source.office.read(load_context, source.day)
        rows = source.office.read(fetch_rows, self.register, ctx)
        at = {n: i + 2 for i, n in enumerate(self.register.field_names)}
        self.setSortingEnabled(False)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, f in enumerate(self.fields):
                value = row[at[f.name]]
                text = f"{round(value, 2):,g}" if isinstance(value, float) else f.kind.display(value)
                item = _DayItem(text, value) if isinstance(value, date) else QTableWidgetItem(text)
                colour = self.colours.get(f.name)
                hex_colour = colour(value) if colour is not None and value not in (None, "") else None
                if hex_colour:
                    background = QColor(hex_colour)
                    item.setBackground(QBrush(background))
                    item.setForeground(QBrush(_ink_on(background)))
                self.setItem(r, c, item)
        self.setSortingEnabled(True)
        self.resizeColumnsToContents()  # headers and values whole, long text capped
        for c in range(len(self.fields) - 1):
            self.setColumnWidth(c, min(self.columnWidth(c), 320))
