"""Walkthrough 47: a user who lives in Excel and a PMO lead preparing a board — a fresh office typed and pasted
into by the keyboard alone, its board pack read on paper. What they tripped on, each fixed, by real key presses on
the real window."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from focused_keys import press, tab_named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row, people_typed

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def three_risks(qtbot, window):
    """Ann Lee and three risks typed along their rows; the keyboard back on the ✱ line. The risks' view."""
    people_typed(qtbot, window, "Ann Lee")
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    for title in ("Crane delivery slips", "Tills fail at launch", "Union dispute"):
        # Title, Threat / opportunity, Category, Level, Project, Projects affected, Owner, Raised, Proximity, P, I
        along_the_row(qtbot, [title, "t", "sup", "prog", "", "", "Ann Lee", "", "", "4", "3"])
        qtbot.waitUntil(view.new_line.hasFocus)
    return view


def test_shift_up_from_a_cell_reached_from_the_new_line_selects_from_that_cell(empty_window, qtbot):
    """Ctrl+End to look at the last cell, Down to the ✱ line, Home, along to Level, Up to the last risk's Level,
    Shift+Up: two cells framed, as in Excel — but the block ran from the last cell Ctrl+End had reached, 2 rows by
    28 columns, and Del cleared 44 cells, owners among them. A block now runs from the cell the keyboard was put
    on, however it got there (Up from the ✱ line, a search, a link), until an arrow without Shift moves it."""
    view = three_risks(qtbot, empty_window)
    table, model = view.table, view.model
    level = model.column_of("level")
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_End, CTRL)  # the last cell of the last risk
    press(qtbot, Qt.Key.Key_Down)  # into the ✱ line
    press(qtbot, Qt.Key.Key_Home)  # its first cell that takes typing, the title
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)
    assert view.new_line.currentIndex().column() == level
    press(qtbot, Qt.Key.Key_Up, SHIFT)  # out of the line, selecting upward as from Excel's last row
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, level)
    press(qtbot, Qt.Key.Key_Up, SHIFT)
    picked = sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes())
    assert picked == [(1, level), (2, level)], picked[:6]
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Up, SHIFT)
    press(qtbot, Qt.Key.Key_Delete)
    assert [model.record(r)["level"] for r in range(3)] == ["Program", "", ""]
    assert all(model.record(r)["owner"] == "Ann Lee" for r in range(3))
    # An arrow without Shift moves the block's corner as before: Left, then Shift+Up from there.
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Up, SHIFT)
    picked = sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes())
    assert picked == [(0, level - 1), (1, level - 1)], picked[:6]


def decisions_from_excel(due: date, decided: date, day_first: bool) -> str:
    """Two decisions as Excel copies them (Ctrl+C) in the page's order — Decision, Decided by, Status, Due, Decided
    on, Rationale, Options considered, Level, Project, Projects affected, Cost impact — its dates as a UK (31/01/2027)
    or US (1/31/2027) region shows them, a rationale holding a line break and options holding a tab (both quoted by
    Excel), thousands separators, and each row's trailing empty cell."""
    def shown(d: date) -> str:
        return f"{d.day:02d}/{d.month:02d}/{d.year}" if day_first else f"{d.month}/{d.day}/{d.year}"

    return (f'One till vendor\tAnn Lee\tDecided\t{shown(due)}\t{shown(decided)}\t"Cheaper to run,\nand one '
            'contract"\t"Vendor A\tVendor B"\tProgram\t\t\t1,250,000\t\r\n'
            f'Close the depot\tBo Chan\tPending\t{shown(due)}\t\tNot yet\t\t\t\t\t12,500.50\t\r\n')


@pytest.mark.parametrize("region", ["uk_locale", "us_locale"])
def test_a_block_pasted_into_an_empty_register_goes_where_typing_goes(region, empty_window, qtbot, request):
    """Ctrl+7, Ctrl+PgDown to the empty Decisions tab, Ctrl+V of two decisions copied from Excel: "Nothing was
    changed: Row 1: Decided on: “Cheaper to run, and one contract” is not a date" — the block went to the first
    column, the ID the office gives, each cell one column left of its own. With no cell current in an empty
    register a paste now goes where typing goes, the ✱ line's first cell; every value lands as Excel showed it."""
    request.getfixturevalue(region)
    today = date.today()
    due, decided = today + timedelta(days=40), today - timedelta(days=20)
    # each on a day past the 12th, so that it reads one way only, whichever region reads it
    due, decided = (d if d.day > 12 else d + timedelta(days=13 - d.day) for d in (due, decided))
    window = empty_window
    people_typed(qtbot, window, "Ann Lee", "Bo Chan")
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    qtbot.waitUntil(view.table.hasFocus)
    assert view.proxy.rowCount() == 0 and not view.table.currentIndex().isValid()
    QApplication.clipboard().setText(decisions_from_excel(due, decided, day_first=region == "uk_locale"))
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    first, second = (view.model.record(r) for r in range(2))
    assert (first["title"], first["decided_by"], first["status"], first["due"], first["decided_on"]) == (
        "One till vendor", "Ann Lee", "Decided", due, decided)
    assert (first["rationale"], first["options"], first["level"], first["cost_impact"]) == (
        "Cheaper to run,\nand one contract", "Vendor A\tVendor B", "Program", 1_250_000)
    assert (second["title"], second["decided_by"], second["status"], second["due"], second["decided_on"]) == (
        "Close the depot", "Bo Chan", "Pending", due, None)
    assert (second["rationale"], second["options"], second["cost_impact"]) == ("Not yet", "", 12_500.5)
    assert view.table.hasFocus()  # the keyboard where it was, on the rows pasted
    # Rows copied whole from a register start with their IDs: into an empty register they go from its ID, as before.
    press(qtbot, Qt.Key.Key_4, CTRL)
    risks = window.active_register_view()
    qtbot.waitUntil(risks.table.hasFocus)
    QApplication.clipboard().setText("R-007\tCrane delivery slips\tThreat\r\nR-009\tTills fail at launch\tThreat\r\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: risks.proxy.rowCount() == 2)
    assert [risks.model.record(r)["title"] for r in range(2)] == ["Crane delivery slips", "Tills fail at launch"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_a_first_board_pack_says_what_it_has_none_of(empty_window, qtbot, tmp_path):
    """A new office's first board pack, by Ctrl+Shift+E, as a PDF and as a workbook. On paper it was headed "Top 0
    open threats", said "Every milestone is on its baseline" of an office with no milestone and "no open risk has a
    score yet" of one with no risk; the workbook's sheets were headers over nothing, "Top 0 open threats" their
    title. Now the list's heading has no count when there is none, the milestones' and the chart's lines say there
    are none, and each empty table of the workbook says so in the PDF's words."""
    import openpyxl
    from file_dialogs import answer_file_dialog

    pdf, book = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    for out in (pdf, book):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # the keyboard back from the last export
        answer_file_dialog(qtbot, str(out))
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        qtbot.waitUntil(out.exists, timeout=30000)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                   text=True, timeout=120).stdout.split())
    assert "Top 0" not in text and "Top open threats No open threats." in text
    assert "Milestones slipped or late (0) No milestones yet." in text
    assert "Every milestone is on its baseline" not in text
    assert "Nothing to chart: no open risks." in text  # not "no open risk has a score yet", of no risk
    sheets = openpyxl.load_workbook(book)
    said = {name: [c.value for c in sheets[name]["A"] if c.value] for name in
            ("Project status", "Top risks", "Stakeholders", "Benefits", "Communications")}
    assert said["Top risks"][:3] == ["Top open threats", "Rank", "No open threats."], said["Top risks"]
    assert said["Project status"][2:6] == ["No projects.", "Milestones slipped or late (0)", "Milestone",
                                           "No milestones yet."], said["Project status"]
    assert said["Stakeholders"][-2:] == ["ID", "No stakeholders."]
    assert said["Benefits"] == ["Benefits status", "ID", "No benefits."]
    assert said["Communications"][1:] == ["ID", "Nothing is due this month."]
