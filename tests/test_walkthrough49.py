"""Walkthrough 49: a risk manager preparing a workshop on a projector, a stakeholder lead who lives in Excel. What walk
48 left — the Benefits table's "Planned today" to two decimals where the board pack reads it whole, the workbook's
roll-up chart in Excel's default hairlines — and what this walk found. Each by real key presses on the real window."""

from __future__ import annotations

import re
from datetime import date

import pytest
from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _planned_today(view) -> dict[str, str]:
    model = view.model
    planned, code = model.column_of("planned_now"), model.column_of("code")
    return {model.index(r, code).data(): model.index(r, planned).data() for r in range(model.rowCount())}


def test_the_benefits_tables_planned_today_reads_as_the_board_packs(demo_window, qtbot):
    """Ctrl+5: the Benefits table's "Planned today" of B-002, worked out along its plan to the day, read 76.13 seconds
    beside a baseline of 95 and a target of 60, where the board pack prints 76 (walk 48 decided the pack's column by
    the decimals of the measures typed beside it). One rule for both now, decided for the column: whole here; a
    baseline typed with a decimal (95.5, F2 in its cell) gives every such measure's "Planned today" one, and Ctrl+Z
    takes it back. Money stays whole throughout."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)
    view = window.active_register_view()
    shown = _planned_today(view)
    assert re.fullmatch(r"\d+", shown["B-002"]) and re.fullmatch(r"\d+", shown["B-005"]), shown
    assert re.fullmatch(r"\d[\d,]*", shown["B-001"]), shown  # £k: whole, as every amount
    # B-002's baseline typed over with a decimal, by the keyboard: the column now reads to one decimal.
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.index(r, model.column_of("code")).data() == "B-002")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.mapFromSource(model.index(row, model.column_of("code"))))
    while view.table.currentIndex().column() != view.proxy.mapFromSource(
            model.index(row, model.column_of("baseline_value"))).column():
        press(qtbot, Qt.Key.Key_Right)
    type_as_a_person(qtbot, "95.5")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.record(row)["baseline_value"] == 95.5)
    shown = _planned_today(view)
    assert re.fullmatch(r"\d+\.\d", shown["B-002"]) and re.fullmatch(r"\d+\.\d", shown["B-005"]), shown
    assert re.fullmatch(r"\d[\d,]*", shown["B-001"]), shown
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.record(row)["baseline_value"] == 95)
    shown = _planned_today(view)
    assert re.fullmatch(r"\d+", shown["B-002"]) and re.fullmatch(r"\d+", shown["B-005"]), shown
    assert shown["B-002"] in view.distinct_values(model.column_of("planned_now"))  # its value filter lists it so


def test_a_benefits_profile_says_its_planned_figure_as_the_column_reads(demo_window, qtbot):
    """Ctrl+5, the keyboard down to B-002 (seconds, its measures typed whole): its profile said "latest actual 87 on
    1 Aug 2026 against 85.05 planned" under a table whose "Planned today" reads 76 — the plan's figure worked out to
    the day, read as the column reads it."""
    from PySide6.QtWidgets import QLabel

    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)
    view = window.active_register_view()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("code")))
    while view.table.currentIndex().data() != "B-002":
        press(qtbot, Qt.Key.Key_Down)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: "B-002" in page.profile.heading.text())
    said = next(label.text() for label in page.profile.findChildren(QLabel) if "latest actual" in label.text())
    assert re.search(r"against (the )?\d+ planned", said), said


def test_the_board_pack_workbooks_rollup_chart_draws_the_pdfs_lines(demo_window, qtbot, tmp_path):
    """The demo's board pack as a workbook by Ctrl+Shift+E: its financial roll-up chart (a native Excel line chart)
    kept Excel's default lines — thin, a marker on every month, smoothed by some readers — where the PDF draws the plan
    2 points wide and the realized line 3.5 with a dot a month measured; on a projector the workbook's two lines read
    as threads. The chart now draws the PDF's lines."""
    import openpyxl
    from file_dialogs import answer_file_dialog

    from pmo_desktop.models import benefit_rules

    book = tmp_path / "pack.xlsx"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    answer_file_dialog(qtbot, str(book))
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(book.exists, timeout=30000)
    charts = openpyxl.load_workbook(book)["Benefits"]._charts
    assert charts, "no roll-up chart"
    for chart in charts:
        planned, realized = chart.series
        assert planned.graphicalProperties.line.width == 2 * 12700  # points, in English Metric Units
        assert realized.graphicalProperties.line.width == 3.5 * 12700
        assert not planned.smooth and not realized.smooth
        # the plan no marker ("none", read back as no symbol), the realized a dot a month in its colour
        assert planned.marker.symbol in (None, "none") and realized.marker.symbol == "circle"
        colour = benefit_rules.REALIZED_COLOUR.lstrip("#").upper()
        assert realized.marker.graphicalProperties.solidFill.srgbClr == colour


def test_a_stakeholder_re_rated_on_the_grid_by_the_keyboard_says_what_moved(demo_window, qtbot):
    """Ctrl+3, Ctrl+Tab out of the table and on to the power/interest grid, Home to its first stakeholder (Raj Mehta,
    power 5, interest 3), Ctrl+Right: his interest one level up, still in "Manage closely". Edit ▸ Undo read "Move Raj
    Mehta to Manage closely", where he already was, and Ctrl+Z said "Undone: Move Raj Mehta to Manage closely" — as if
    he had left it. The step now says what moved, and the quadrant only where it changes."""
    window = demo_window
    press(qtbot, Qt.Key.Key_3, CTRL)
    grid = window.stack.currentWidget().grid
    for _ in range(12):
        if QApplication.focusWidget() is grid.plot:
            break
        press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is grid.plot
    press(qtbot, Qt.Key.Key_Home)
    point = grid.point(grid.chart_cursor.key)
    assert point.name == "Raj Mehta" and (point.power, point.interest) == (5, 3), point
    press(qtbot, Qt.Key.Key_Right, CTRL)
    qtbot.waitUntil(lambda: grid.point(point.id).interest == 4)
    assert window.document.undo_stack.undoText() == "Re-rate Raj Mehta: interest 3 → 4"
    press(qtbot, Qt.Key.Key_Left, CTRL)
    press(qtbot, Qt.Key.Key_Left, CTRL)  # 3 → 2: out of "Manage closely"
    qtbot.waitUntil(lambda: grid.point(point.id).interest == 2)
    assert window.document.undo_stack.undoText() == "Move Raj Mehta to Keep satisfied (interest 3 → 2)"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: grid.point(point.id).interest == 3)
    assert window.statusBar().currentMessage() == "Undone: Move Raj Mehta to Keep satisfied (interest 3 → 2)"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: grid.point(point.id).interest == 4)
    assert window.statusBar().currentMessage() == "Undone: Re-rate Raj Mehta: interest 4 → 3"


@pytest.mark.parametrize(("locale", "typed", "said", "retyped"), [
    ("uk_locale", "4/13/2026", "this computer writes the day first (31/03/2026) — for 13 Apr 2026 type 13/04/2026 or "
     "13 Apr 2026.", "13/04/2026"),
    ("us_locale", "13/4/2026", "this computer writes the month first (03/31/2026) — for 13 Apr 2026 type 04/13/2026 or "
     "13 Apr 2026.", "04/13/2026"),
])
def test_a_date_typed_in_the_other_countrys_order_says_which_order_and_the_date(
        locale, typed, said, retyped, empty_window, qtbot, request):
    """A risk typed along its row, its Raised date as an American types it at a British desk (4/13/2026), or a Briton
    at an American one (13/4/2026): refused with "is not a real date (dates are typed like 31/03/2026 or
    2026-03-31)" — which the user read as the date being wrong, not the order. The refusal now names the order this
    computer writes and the date meant, typed its way; typed so, the date is taken."""
    request.getfixturevalue(locale)
    window = empty_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    # Title, Threat / opportunity, Category, Level, Project, Projects affected, Owner, then Raised
    along_the_row(qtbot, ["Crane delivery slips", "t", "sup", "prog", "", "", ""], last=Qt.Key.Key_Tab)
    type_as_a_person(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
    qtbot.waitUntil(lambda: "not a real date" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == f"Nothing was changed: Raised: “{typed}” is not a real date: {said}"
    type_as_a_person(qtbot, retyped)  # over the refused text, selected
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["raised_on"] == date(2026, 4, 13))
