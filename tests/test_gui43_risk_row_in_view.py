"""Walkthrough leftover (gui43): at 1280×720 a risk typed on the Risks page's ✱ line and Tab along its row ended
half under the table's horizontal scroll bar. The row was scrolled to, then became the current record, and the
detail panel under the table took the line more its heading needs ("R-011 — Quay risk", where it had said
"Select a risk…"): the table shrank under the row. The row being typed stays wholly in view. Real key presses
on the main window."""

from __future__ import annotations

from focused_keys import press, type_keys
from PySide6.QtCore import QModelIndex, Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_risk_typed_on_the_new_row_line_stays_wholly_in_view_as_tab_goes_along_it(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    table = view.table
    qtbot.waitUntil(table.hasFocus)
    table.selectionModel().clear()  # as the page opens: no risk current, "Select a risk to see its details."
    table.setCurrentIndex(QModelIndex())
    qtbot.waitUntil(lambda: view.current_record_id() is None)
    rows = view.proxy.rowCount()
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # out of the table, to its ✱ line
    assert view.new_line.hasFocus()
    type_keys(qtbot, "Quay wall cracks")
    seen = []
    title = view.model.column_of("title")
    # Tab along the row from its title to its last column: once a cell that takes typing (past a score, a rating:
    # round gui45)
    stops = [c for c in view._visible_columns() if c > title and view.proxy.index(0, c).flags() & Qt.ItemFlag.ItemIsEditable]
    for _ in stops:
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.wait(5)
        current = table.currentIndex()
        if not current.isValid() or current.row() != rows:
            continue  # still on the ✱ line
        top, height = table.rowViewportPosition(current.row()), table.rowHeight(current.row())
        seen.append((current.column(), top, top + height, table.viewport().height()))
        assert 0 <= top and top + height <= table.viewport().height(), seen[-1]
    assert view.proxy.rowCount() == rows + 1 and seen
    assert table.currentIndex().column() == view.model.columnCount() - 1
    assert view.model.record(view.model.row_of(view.current_record_id()))["title"] == "Quay wall cracks"
