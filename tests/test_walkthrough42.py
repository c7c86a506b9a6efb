"""Walkthrough 42: what walk 41 saw and left — an opportunity rated Critical filled red like a threat, the Program
view wider than a projector's window at 150 %, undo's words for the many-cell commands that did not name the
register, a stakeholder's name drawn over its own point on the power/interest grid. Each fixed and driven here by
real key presses on the real window."""

from __future__ import annotations

from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from pmo_desktop.models.risk_rules import OPPORTUNITY_SHADES

CTRL = Qt.KeyboardModifier.ControlModifier
THREAT_REDS = ("#b71c1c", "#ef6c00")  # the demo's Critical and High bands


def open_risks_tab(qtbot, window, name: str):
    """Ctrl+4 to the Risks page, Ctrl+PgDown to the tab called ``name``; the page."""
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    for _ in range(page.tabs.count()):
        if page.tabs.tabText(page.tabs.currentIndex()) == name:
            break
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.tabText(page.tabs.currentIndex()) == name
    return page


def test_an_opportunity_rated_critical_is_not_filled_red_like_a_threat(demo_window, qtbot):
    """The demo's opportunity — reuse the loyalty data for e-commerce, 3 × 4 High before its response and 4 × 4
    Critical after — sat in the register filled the dark red of the worst threat, in the Program view too, and
    its cell of the residual heat map, where nothing else is, read as the program's worst news. An opportunity's
    rating is now drawn in blues, light to dark as it rises, from one rule (``RiskScale.colour_of``) in the
    table, the risk's panel, the Program view and the heat map; a threat's keeps its band's colour."""
    window = demo_window
    page = open_risks_tab(qtbot, window, "Register")
    view = window.active_register_view()
    model = view.model
    kind, residual = model.column_of("kind"), model.column_of("residual_rating")
    fills = {model.index(r, kind).data(): [] for r in range(model.rowCount())}
    for r in range(model.rowCount()):
        brush = model.index(r, residual).data(Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            fills[model.index(r, kind).data()].append(QColor(brush.color()).name())
    assert fills["Opportunity"] and all(f in OPPORTUNITY_SHADES for f in fills["Opportunity"]), fills
    assert fills["Opportunity"] == [OPPORTUNITY_SHADES[-1]]  # Critical: the darkest blue
    assert any(f in THREAT_REDS for f in fills["Threat"])
    page = open_risks_tab(qtbot, window, "Program view")
    table = page.program_view.table
    row = next(r for r in range(table.rowCount()) if "e-commerce personalisation" in table.item(r, 1).text())
    assert table.item(row, 3).text() == "Critical"
    assert table.item(row, 3).background().color().name() == OPPORTUNITY_SHADES[-1]
    page = open_risks_tab(qtbot, window, "Heat map")
    page.heat_map.mode.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # Residual (after responses)
    qtbot.waitUntil(lambda: page.heat_map.residual)
    assert page.heat_map.cells[(4, 4)].kind == "Opportunity"
    assert page.heat_map.fills[(4, 4)] == OPPORTUNITY_SHADES[-1]
    assert page.heat_map.fills[(4, 5)] not in OPPORTUNITY_SHADES  # an empty cell is the threats' position
