"""Walkthrough leftovers (gui43), the Stakeholders page at 1280×720 and 1920×1080: the engagement assessment's
level headings were cut ("Una…", "Sup…") and the stakeholders' table beside the map showed its ID and Name
alone. Real key presses on the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from screens import settle

from pmo_desktop.views.stakeholders.matrix import FONT_PT

CTRL = Qt.KeyboardModifier.ControlModifier


def _whole_columns(view) -> list[str]:
    """The stakeholders' table's headings shown whole, left to right, at its scroll's start."""
    table, header = view.table, view.table.horizontalHeader()
    room = table.viewport().width()
    shown = []
    for logical in range(view.proxy.columnCount()):
        if header.isSectionHidden(logical):
            continue
        left = header.sectionViewportPosition(logical)
        if left >= 0 and left + header.sectionSize(logical) <= room:
            shown.append(view.proxy.headerData(logical, Qt.Orientation.Horizontal))
    return shown


def test_the_engagement_assessment_reads_whole_beside_a_table_of_three_columns(demo_window, qtbot):
    """At 1280×720 the matrix's headings are whole, the matrix does not scroll sideways, and the stakeholders'
    table beside it shows ID, Name and Organisation whole; on a projector's 1920×1080 the matrix keeps its
    large text. The power/interest grid keeps the page's proportions (its crowded cells need the room)."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.matrix)
    matrix = page.matrix
    for size in ((1280, 720), (1920, 1080)):
        window.resize(*size)
        settle(qtbot, 50)
        model, header = matrix.model, matrix.table.horizontalHeader()
        headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headings == list(model.HEADERS), (size, headings)
        for col in range(model.columnCount()):  # each heading's words fit its column
            words = header.fontMetrics().horizontalAdvance(model.HEADERS[col])
            assert words <= header.sectionSize(col), (size, model.HEADERS[col], header.sectionSize(col))
        assert sum(header.sectionSize(c) for c in range(model.columnCount())) <= matrix.table.viewport().width()
        assert _whole_columns(page.register_view)[:3] == ["ID", "Name", "Organisation"], size
    assert matrix.table.font().pointSize() == FONT_PT  # the projector's size where the room allows
    # Back on the power/interest grid at 1280×720 the map has the room it had: a crowded cell needs it
    window.resize(1280, 720)
    settle(qtbot, 50)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.grid)
    settle(qtbot, 50)
    sizes = page.splitter.sizes()
    grid_share = sizes[1] / sum(sizes)
    assert grid_share >= 5 / 9 - 0.02, sizes
