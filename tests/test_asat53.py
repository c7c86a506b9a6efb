"""Round asat53: the "As at" box (heat map, stakeholder grid, benefits — one shared widget) never changes the
date shown on a stray key. One Tab past the heat map lands on it; an arrow there showed an old map, its title
unchanged, to a user who meant to move on the map. Now the arrows open the list and Enter picks, the wheel
passes over it, Home comes back to today, and the map's own title says "— not today" in the error colour."""

from __future__ import annotations

import pytest
from focused_keys import press
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication
from test_history import BOARD, CREATED, scripted_board_cycle

from pmo_desktop.models import clock
from pmo_desktop.models.demo import populate
from pmo_desktop.models.store import Store
from pmo_desktop.views.as_at import key_of
from pmo_desktop.views.document import Document
from pmo_desktop.views.theme import colours


@pytest.fixture
def doc(qtbot, tmp_path):
    store = Store.create(tmp_path / "office.pmo")
    with clock.frozen(CREATED):
        populate(store, CREATED)
    d = Document(store)
    scripted_board_cycle(d.office)  # the October board's snapshot, then weeks of edits
    yield d
    d.close()


def shown_active(qtbot, widget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def heat_map(qtbot, doc):
    from pmo_desktop.views.risks.page import RisksPage

    page = RisksPage(doc)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    shown_active(qtbot, page)
    page.tabs.setCurrentWidget(page.heat_map)
    return page.heat_map


def title_of(chart) -> str:
    return chart.plot.getPlotItem().titleLabel.text


def title_colour(chart) -> str:
    return QColor(chart.plot.getPlotItem().titleLabel.opts["color"]).name()


def test_an_arrow_one_tab_past_the_heat_map_opens_the_list_and_changes_nothing(qtbot, heat_map):
    chart, combo = heat_map, heat_map.as_at.combo
    chart.plot.setFocus()
    qtbot.waitUntil(chart.plot.hasFocus)
    press(qtbot, Qt.Key.Key_Tab)  # one Tab past the map, as the walkthrough's user
    assert QApplication.focusWidget() is combo
    today_title = title_of(chart)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_O):
        press(qtbot, key)
        assert chart.source is None and combo.currentText() == "Today" and title_of(chart) == today_title
        qtbot.waitUntil(combo.view().isVisible)  # the list is open: the key showed the choices, picked none
        press(qtbot, Qt.Key.Key_Escape)  # Esc closes the list, still today
        qtbot.waitUntil(lambda: not combo.view().isVisible())
        assert chart.source is None
    # In the open list the arrows move and Enter picks: a clear, chosen change.
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(combo.view().isVisible)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chart.source is not None)
    assert chart.source.label == "October board"


def test_the_wheel_over_the_closed_box_leaves_the_date(qtbot, heat_map):
    combo = heat_map.as_at.combo
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(centre, QPointF(combo.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert heat_map.source is None and combo.currentText() == "Today"


def test_a_past_heat_map_says_not_today_in_its_title_and_home_comes_back(qtbot, heat_map):
    chart = heat_map
    assert "not today" not in title_of(chart)
    chart.as_at.show_day(BOARD)
    title = title_of(chart)
    assert "as at 31 Oct 2026 — not today" in title and title_colour(chart) == colours().error
    chart.as_at.combo.setFocus()
    qtbot.waitUntil(chart.as_at.combo.hasFocus)
    press(qtbot, Qt.Key.Key_Home)
    assert chart.source is None and chart.as_at.combo.currentText() == "Today"
    assert "not today" not in title_of(chart) and title_colour(chart) == colours().text
    chart.as_at.show_key(key_of(chart.as_at.combo.itemData(1)))  # the October board's snapshot
    assert "board snapshot “October board” (31 Oct 2026) — not today" in title_of(chart)


def test_home_in_the_stakeholder_grid_and_benefits_as_at_box_comes_back_to_today(qtbot, doc):
    from pmo_desktop.views.benefits.page import BenefitsPage
    from pmo_desktop.views.stakeholders.page import StakeholdersPage

    for page_type in (StakeholdersPage, BenefitsPage):
        page = page_type(doc)
        qtbot.addWidget(page)
        shown_active(qtbot, page)
        bar = page.grid.as_at if page_type is StakeholdersPage else page.as_at
        bar.combo.setFocus()
        qtbot.waitUntil(bar.combo.hasFocus)
        press(qtbot, Qt.Key.Key_Down)
        assert bar.source is None, page_type.__name__  # the arrow opened the list only
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda bar=bar: not bar.combo.view().isVisible())
        bar.show_day(BOARD)
        assert bar.banner.isVisible()
        bar.combo.setFocus()
        press(qtbot, Qt.Key.Key_Home)
        assert bar.source is None and not bar.banner.isVisible(), page_type.__name__
