"""Walkthrough 32: a newcomer through the pages earlier walks touched least — Benefits, Stakeholders, RAID,
People, Projects, Status, the board pack and the office's own export imported into a new one. What tripped:
"priya shah" typed on the People page's ✱ line beside Priya Shah was taken as a second person, whom no owner
cell could ever name (a name typed in a cell finds its person in any case: Priya Shah). Real key presses on
real widgets."""

from __future__ import annotations

from datetime import date

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _note() -> str:
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def _add_on_the_new_line(qtbot, window, page_key, column: str, text: str):
    """The page of Ctrl+``page_key`` shown, ``text`` typed into ``column`` of its ✱ line and Enter: its view."""
    qtbot.keyClick(window, page_key, CTRL)
    settle(qtbot)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of(column))
    qtbot.waitUntil(view.new_line.hasFocus)
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, 100)
    return view


def _type_over(qtbot, view, row: int, column: str, text: str) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of(column)))
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, 100)


def _names(view) -> list[str]:
    return [view.model.record(r)["name"] for r in range(view.model.rowCount())]


def test_a_name_typed_in_another_case_is_the_person_or_project_already_there(demo_window, qtbot):
    """The People page took "priya shah" beside Priya Shah as a new person; an owner typed "priya shah" then
    went to Priya Shah, the new one unreachable by typing. Tom Walker renamed "PRIYA SHAH" and a project
    added as "customer LOYALTY" beside Customer loyalty were taken the same way. A unique name is told apart
    by its letters, in any case: refused, the one already there named, the text kept to correct; the case of
    a record's own name is still put right."""
    window = demo_window
    people = _add_on_the_new_line(qtbot, window, Qt.Key.Key_6, "name", "priya shah")
    assert people.model.rowCount() == 8  # the demo's eight, none added
    assert "There is already a person named “Priya Shah”" in _note()
    assert people.new_row_model.pending == {"name": "priya shah"}  # kept in the line, to correct
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    projects = _add_on_the_new_line(qtbot, window, Qt.Key.Key_2, "name", "customer LOYALTY")
    assert "There is already a project named “Customer loyalty”" in _note()
    assert "customer LOYALTY" not in _names(projects) and "Customer loyalty" in _names(projects)
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    settle(qtbot)
    tom = _names(people).index("Tom Walker")
    _type_over(qtbot, people, tom, "name", "PRIYA SHAH")
    assert "There is already a person named" in _note() and "Tom Walker" in _names(people)
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    _type_over(qtbot, people, _names(people).index("Priya Shah"), "name", "Priya SHAH")  # her own, in capitals
    qtbot.waitUntil(lambda: "Priya SHAH" in _names(people))
    assert len(_names(people)) == 8



def test_a_ranked_list_of_one_is_headed_as_one_in_both_packs(tmp_path):
    """The demo's one open opportunity was headed "Top 1 open opportunities" in the PDF and "Top 1 open
    opportunities by residual, then inherent score" in the workbook: number and noun at odds, and a list of
    one read as cut short. One alone is "The one open opportunity"; seven are still "Top 7 open threats"."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.models.demo import create_demo

    today = date(2026, 12, 5)
    store = create_demo(tmp_path / "demo.pmo", today=today)
    try:
        pdf = write_board_pack_pdf(store, tmp_path / "pack.pdf", today=today)
        text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        book = load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", today=today))
    finally:
        store.close()
    cells = [str(c) for row in book["Top risks"].iter_rows(values_only=True) for c in row if c]
    assert "Top 1" not in text and "The one open opportunity" in text and "Top 7 open threats" in text
    assert "The one open opportunity" in cells and not any(c.startswith("Top 1 ") for c in cells)
    assert "Top 7 open threats by residual, then inherent score" in cells
