"""Dates read one way in the whole program: a register's cells, its filter's values and its date editor
show "3 Dec 2026" as the dialogs and the board pack do, and the search finds a date by what the cell
shows ("Mar 2026") as well as by its ISO form ("2026-03"), in memory and in a windowed table alike."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.values import day_text
from pmo_desktop.views.register_table import windowed

RISKS = REGISTERS["risks"]


@pytest.fixture(params=["in memory", "windowed"])
def risks_view(request, qtbot, monkeypatch):
    if request.param == "windowed":  # before the demo office opens: its tables are windowed from one row
        monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    main_window = request.getfixturevalue("demo_window")
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Risks
    page = main_window.page("Risks")
    assert page.isVisible()
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    view = page.register_view
    assert isinstance(view.model, windowed.WindowedRegisterModel) == (request.param == "windowed")
    return main_window, view


def raised_dates(window) -> dict[int, date]:
    office = window.document.office
    rows = office.read(lambda s: records.fetch_rows(s, RISKS, records.load_context(s)))
    at = RISKS.field_names.index("raised_on") + 2
    return {r[0]: r[at] for r in rows if r[at] is not None}


def shown_rows(view) -> list[list[str]]:
    proxy = view.proxy
    return [[str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def search(qtbot, view, text: str) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.search
    qtbot.keyClicks(view.search, text)
    qtbot.wait(400)  # the search waits for typing to pause
    QApplication.processEvents()


def test_cells_and_filter_values_show_dates_as_the_board_pack_does(qtbot, risks_view):
    window, view = risks_view
    raised = raised_dates(window)
    column = RISKS.field_names.index("raised_on")
    rid, day = next(iter(raised.items()))
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), column)).row()
    assert view.proxy.index(row, column).data() == day_text(day)  # "3 Dec 2026", not 2026-12-03
    # The value filter (Ctrl+Shift+L) names the same texts, in date order, not in the order of their letters.
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, column))
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    menu = view.header_menu
    texts = [a.text() for a in menu.actions() if a.isCheckable()]
    menu.close()
    wanted = [day_text(d) for d in sorted(set(raised.values()))]
    assert [t for t in texts if t not in ("(blank)", "(Select All)")] == wanted
    # Unticking one date hides exactly its rows.
    hidden, total = wanted[0], view.proxy.rowCount()
    view._toggle_value(column, hidden, False, view.distinct_values(column))
    qtbot.waitUntil(lambda: view.proxy.rowCount() < total)
    assert all(r[column] != hidden for r in shown_rows(view))
    assert view.proxy.rowCount() == total - sum(1 for d in raised.values() if day_text(d) == hidden)


@pytest.mark.parametrize("how", ["as shown", "as ISO"])
def test_a_month_searched_as_shown_or_as_iso_finds_the_rows_showing_it(qtbot, risks_view, how):
    window, view = risks_view
    raised = raised_dates(window)
    day = sorted(raised.values())[len(raised) // 2]
    in_month = {rid for rid, d in raised.items() if (d.year, d.month) == (day.year, day.month)}
    text = f"{day:%b} {day.year}" if how == "as shown" else f"{day.year}-{day.month:02d}"
    search(qtbot, view, text)
    rows = shown_rows(view)
    found = {view.model.record_id(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) for r in range(len(rows))}
    assert in_month and in_month <= found  # every risk raised that month
    if how == "as shown":  # and nothing that does not show the text somewhere in its row
        assert all(any(text.lower() in cell.lower() for cell in row) for row in rows)
    # A day as shown finds that day's risks.
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    search(qtbot, view, day_text(day))
    rows = shown_rows(view)
    found = {view.model.record_id(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) for r in range(len(rows))}
    assert {rid for rid, d in raised.items() if d == day} <= found
    assert all(any(day_text(day).lower() in cell.lower() for cell in row) for row in rows)


def test_the_overview_writes_no_iso_date(main_window, qtbot, tmp_path):
    """The program overview's tiles (decisions due, communications due, the program's dates) read dates as
    the tables do; "DEC-005 due 2026-11-30" was the last ISO date on it."""
    import re

    from PySide6.QtWidgets import QLabel

    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert main_window.open_path(str(path))
    main_window.resize(1280, 720)
    page = main_window.page("Program overview")
    QApplication.processEvents()
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    assert any("DEC-" in t for t in texts)  # the decisions tile is there, with its due dates
    assert [t for t in texts if re.search(r"\d{4}-\d{2}-\d{2}", t)] == []
    assert any(re.search(r"DEC-\d+ [^<]*, due \d{1,2} [A-Z][a-z]{2} \d{4}", t) for t in texts)


def test_a_date_copied_goes_to_excel_as_iso_and_pastes_back(qtbot, risks_view):
    """Ctrl+C puts a date on the clipboard as 2026-02-01, which Excel reads as a date in any language
    ("1 Feb 2026" is text to a German Excel); Ctrl+V of it, or of the shown form, stores that date."""
    from PySide6.QtGui import QGuiApplication

    window, view = risks_view
    raised = raised_dates(window)
    column = RISKS.field_names.index("raised_on")
    proximity = RISKS.field_names.index("proximity")
    rid, day = next(iter(raised.items()))
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), column)).row()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == day.isoformat() + "\r\n"
    view.table.setCurrentIndex(view.proxy.index(row, proximity))
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.proxy.index(row, proximity).data() == day_text(day))
