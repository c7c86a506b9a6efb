"""Walkthrough 44: what a newcomer saw in walk 43 and was left — a chart's status-bar line that outlived its page or
its map, and a board pack titled by the office's file name. By real key presses on the real window."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from focused_keys import press, tab_named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def heat_map_by_keys(qtbot, window):
    """Ctrl+4, Ctrl+PgDown to the Heat map: the keyboard on the chart, its cursor's cell said in the status bar
    (at first the fullest, 3 × 4 in the demo: 2 open risks)."""
    page = tab_named(qtbot, window, Qt.Key.Key_4, "Heat map")
    heat = page.heat_map
    qtbot.waitUntil(heat.plot.hasFocus)
    assert window.statusBar().currentMessage() == heat.cell_text(*heat.cell_cursor)
    return heat


def test_a_charts_line_in_the_status_bar_goes_with_its_page(demo_window, qtbot):
    """The heat map's cell under the keyboard ("Probability 3 Medium × impact 4 High: 2 risks") was still said in
    the status bar under the overview after Ctrl+1, read as the overview's. It goes when its page is left; a line
    reporting something done ("Zoom …") is said as before."""
    window = demo_window
    heat = heat_map_by_keys(qtbot, window)
    assert heat.cell_cursor == (3, 4)
    press(qtbot, Qt.Key.Key_Right)  # (3, 5): a cell of 1
    said = window.statusBar().currentMessage()
    assert said == heat.cell_text(3, 5) and ": 1 risk" in said
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert window.statusBar().currentMessage() == "", window.statusBar().currentMessage()
    # Back on the map with the keyboard, the cell is said again; Ctrl+PgUp to the register takes it too.
    heat_map_by_keys(qtbot, window)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert not heat.isVisible()
    assert window.statusBar().currentMessage() == ""


def test_the_heat_maps_line_in_the_status_bar_follows_the_map(demo_window, qtbot):
    """The cursor on a cell of 2 risks, Shift+Tab to the Inherent/Residual box and Down: the map now Residual, the
    cell held 1 — the status bar still said "2 risks" (walk43 saw it beside the cursor's caption "1 risk"). The
    line says the cell as it is now, and again when "Open risks only" is switched by Space."""
    window = demo_window
    heat = heat_map_by_keys(qtbot, window)
    assert heat.cell_cursor == (3, 4) and ": 2 risks" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is heat.mode
    press(qtbot, Qt.Key.Key_Down)
    assert heat.residual and heat.count(3, 4) == 1
    said = window.statusBar().currentMessage()
    assert said == heat.cell_text(3, 4) and ": 1 risk" in said, said
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is heat.open_only
    press(qtbot, Qt.Key.Key_Space)  # all risks: closed ones counted too
    assert not heat.open_only.isChecked()
    assert window.statusBar().currentMessage() == heat.cell_text(3, 4)
    press(qtbot, Qt.Key.Key_Tab)  # back on the chart: its caption and the status bar say the same
    qtbot.waitUntil(heat.plot.hasFocus)
    assert heat.chart_cursor.caption.text() == window.statusBar().currentMessage() == heat.cell_text(3, 4)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize(("office", "title"), [("empty_window", "Program"),
                                               ("demo_window", "Retail Transformation Programme")])
def test_a_board_pack_of_a_program_not_named_yet_is_titled_program(office, title, request, tmp_path):
    """A new office's board pack went to the board titled "office", the file's name, on its first page and over
    every page. Its program not named yet (File ▸ Program Details gives nothing), the pack is titled "Program", the
    office's file said in small print under it; a named program's pack is titled by its name, as before."""
    from pmo_desktop.views.exchange.actions import export_board_pack

    window = request.getfixturevalue(office)
    pdf = tmp_path / "pack.pdf"
    assert export_board_pack(window, window.document, str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    first = text.split("\f")[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert lines[0].startswith(f"{title} — board pack as at"), lines[:3]  # the page's header
    assert lines[1] == title, lines[:3]
    assert ("Office file: office.pmo" in first) is (title == "Program"), first[:400]
    assert not re.search(r"(?m)^\s*office\b", text), "the file's name as the pack's title"


def test_a_program_named_after_its_file_keeps_its_name_once_program_details_gives_more(tmp_path):
    """The pack's rule, on the pack's data: a program whose name is still its file's, nothing else given, has no
    name of its own; once Program Details gives a sponsor (or dates, a manager, a description), that name is kept,
    as is any other name."""
    from sqlalchemy import select

    from pmo_desktop.excel.boardpack_data import read_board_pack
    from pmo_desktop.models.program import Program
    from pmo_desktop.models.store import Store

    store = Store.create(tmp_path / "office.pmo", program_name="office")
    try:
        data = read_board_pack(store)
        assert (data.program, data.title, data.office_file) == ("", "Program", "office.pmo")
        with store.transaction() as s:
            s.scalars(select(Program)).one().sponsor = "Ann Lee"
        data = read_board_pack(store)
        assert (data.program, data.title, data.office_file) == ("office", "office", "")
    finally:
        store.close()
