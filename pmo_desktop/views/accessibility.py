"""Names for screen readers where Qt gives none: a table and the corner button that selects all of it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QTableView


def name_table(table: QTableView, name: str) -> None:
    """The table's accessible name, and its corner button's ("Select all rows"), which Qt leaves unnamed."""
    table.setAccessibleName(name)
    corner = table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName("Select all rows")
