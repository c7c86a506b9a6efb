"""Walkthrough 52: a PMO coordinator taking in colleagues' workbooks — their registers imported through the preview,
values translated, projects created, the valid rows taken and the rest fixed; the office's export edited by a
colleague and imported back. Each by real key presses on the real dialog."""

from __future__ import annotations

import datetime

import openpyxl
from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def preview_of(qtbot, window, path):
    """The import dialog File ▸ Import from Excel opens on ``path`` once it is chosen, its rows read."""
    from pmo_desktop.views.exchange.actions import open_import_dialog

    dialog = open_import_dialog(window, window.document, str(path))
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.plan is not None, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def shown_rows(dialog) -> list[list[str]]:
    model = dialog.report_model
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]


def sams_risks(path):
    """A colleague's risk register as such registers come: a title row, two projects the office has not got, a
    likelihood and a status in words of their own, a day "TBC", and a row whose risk was never written."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    sheet.append(["Risk register — Sam's workstream"])
    sheet.append([])
    sheet.append(["ID", "Risk", "Project", "Owner", "Likelihood", "Impact", "Category", "Status", "Date raised"])
    for row in (["R1", "Tills arrive late for the store refit", "Store Refit", "Sam Patel", "High", "Medium",
                 "Schedule", "Open", datetime.date(2026, 3, 1)],
                ["R2", "Loyalty app store review rejected", "Loyalty App", "Ann Lee", "Yikes", "High", "Technical",
                 "Open", datetime.date(2026, 3, 4)],
                ["R3", "Card provider raises fees", "Loyalty App", "Sam Patel", "Low", "High", "Commercial", "Parked",
                 datetime.date(2026, 3, 9)],
                ["R4", None, "Store Refit", "Sam Patel", "Low", "Low", "Operational", "Open", "TBC"]):
        sheet.append(row)
    book.save(path)
    return path


def test_a_colleagues_edits_to_the_export_come_first_and_a_row_deleted_is_said(demo_window, qtbot, tmp_path):
    """The demo office exported, a colleague's copy back with a title re-worded, a probability raised, a risk's row
    deleted and a risk added: the preview listed 137 rows "same as the office's" first — Program, People, Projects
    … each three lines of reason — and the four that mattered 30 screens down, the summary saying "1 to insert, 2 to
    update, 137 skipped" and nothing of the risk deleted (its row said "Row 0"). The rows that change something now
    come first, the rows the office already has after them; the summary names the record deleted from the workbook
    and kept in the office; and Enter writes the edits onto the right records."""
    from pmo_desktop.views.exchange.actions import export_registers

    window = demo_window
    exported = tmp_path / "office.xlsx"
    assert export_registers(window, window.document, str(exported))
    book = openpyxl.load_workbook(exported)
    risks = book["Risk register"]
    head = [c.value for c in risks[1]]
    column = {name: head.index(name) + 1 for name in ("ID", "Title", "Owner", "Probability", "Impact")}
    assert [risks.cell(r, column["ID"]).value for r in (2, 3, 4)] == ["R-001", "R-002", "R-003"]
    risks.cell(2, column["Title"]).value = "POS supplier delivers late (re-worded)"
    risks.cell(3, column["Probability"]).value = 5
    deleted_title = risks.cell(4, column["Title"]).value
    risks.delete_rows(4)
    added = risks.max_row + 1
    risks.cell(added, column["Title"]).value = "Store staff leave before go-live"
    risks.cell(added, column["Owner"]).value = "Marcus Lee"
    risks.cell(added, column["Probability"]).value = 3
    risks.cell(added, column["Impact"]).value = 4
    edited = tmp_path / "office - Jo's edits.xlsx"
    book.save(edited)

    dialog = preview_of(qtbot, window, edited)
    rows = shown_rows(dialog)
    # Sheet, Row, Action, ID: what changes first, in the sheet's order; the row deleted with no row number
    assert [row[:4] for row in rows[:4]] == [["Risk register", "2", "will update", "R-001"],
                                            ["Risk register", "3", "will update", "R-002"],
                                            ["Risk register", str(added), "will insert", ""],
                                            ["Risk register", "", "will skip", "R-003"]], rows[:5]
    assert all(row[5].startswith("same as the office's") for row in rows[4:]), rows[4:8]
    # … named as the office keeps it, on its row and in the summary: "R-003" alone said nothing of which risk it was
    assert rows[3][4] == deleted_title, rows[3]
    assert f"Deleted from the workbook, kept in the office: R-003 “{deleted_title}”" in dialog.summary.text(), \
        dialog.summary.text()
    press(qtbot, Qt.Key.Key_Return)  # Enter imports
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    view = window.active_register_view()
    assert view.register.name == "risks"
    titles = {view.model.record(r)["code"]: view.model.record(r)["title"] for r in range(view.model.rowCount())}
    assert titles["R-001"] == "POS supplier delivers late (re-worded)"
    assert "R-003" in titles  # kept
    assert "Store staff leave before go-live" in titles.values()
    probability = {view.model.record(r)["code"]: view.model.record(r)["probability"]
                   for r in range(view.model.rowCount())}
    assert probability["R-002"] == 5


def test_a_refused_row_shows_what_it_holds_and_the_valid_rows_go_in_by_keys(empty_window, qtbot, tmp_path):
    """A colleague's risks naming two projects the office has not got: every row refused, "error R1 … R4" each with
    its reason and nothing of what the row held — which risk "R2" was, and a row with no risk written showed only
    its ID. A refused row now shows its cells as the workbook has them, as a skipped row does; Alt+M creates the
    projects, Alt+V takes the valid rows and leaves the one with no risk written beside the workbook."""
    window = empty_window
    source = sams_risks(tmp_path / "Risks from Sam.xlsx")
    dialog = preview_of(qtbot, window, source)
    rows = shown_rows(dialog)
    assert [row[2] for row in rows] == ["error"] * 4
    assert rows[1][4].startswith("The row holds: ID: R2 · Risk: Loyalty app store review rejected · Project: "
                                 "Loyalty App"), rows[1]
    assert rows[3][4].startswith("The row holds: ID: R4 · Project: Store Refit"), rows[3]
    press(qtbot, Qt.Key.Key_M, ALT)  # Create missing projects
    qtbot.waitUntil(lambda: dialog.partial_button.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()))
    rows = shown_rows(dialog)
    assert rows[0][:4] == ["Risks", "7", "error", "R4"] and rows[0][5].startswith("Title cannot be empty.")
    assert rows[0][4].startswith("The row holds: ID: R4 · Project: Store Refit · Owner: Sam Patel"), rows[0]
    press(qtbot, Qt.Key.Key_V, ALT)  # Import the 3 valid rows, leave 1
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert "rows left out.xlsx" in window.statusBar().currentMessage()
    assert dialog.left_out_path is not None and dialog.left_out_path.parent == tmp_path


def test_the_keyboard_stays_in_the_dropdown_translated_while_the_check_shows_its_progress(empty_window, qtbot,
                                                                                         tmp_path, monkeypatch):
    """The likelihood "Yikes" translated by typing 4 in its dropdown: the rows are checked again, and where that took
    over 0.4 s (a register of a few hundred rows, a slow machine) a progress dialog showed meanwhile — after it no
    window was active, the dropdown was forgotten, and the keyboard landed on Sheet at the dialog's top: three Tabs
    back to the next value, each translation alike. It stays in the dropdown, its choice shown."""
    from pmo_desktop.views import background

    monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)  # the check as slow as a large register's: its dialog shows
    window = empty_window
    dialog = preview_of(qtbot, window, sams_risks(tmp_path / "Risks from Sam.xlsx"))
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget().accessibleName() == "Translate Probability “Yikes” to":
            break
    assert QApplication.focusWidget().accessibleName() == "Translate Probability “Yikes” to"
    press(qtbot, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: dialog.translations.get("risks", {}).get("probability") == {"Yikes": "4"})
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isActiveWindow())
    focused = QApplication.focusWidget()
    assert focused.accessibleName() == "Translate Probability “Yikes” to", focused.accessibleName()
    assert focused.currentText() == "4 – High"
    press(qtbot, Qt.Key.Key_Tab)  # on to the next value, not from the top
    assert QApplication.focusWidget().accessibleName() == "Translate Raised “TBC” to"


def test_sheet_register_and_header_row_are_reached_by_their_letters(empty_window, qtbot, tmp_path):
    """Deep in a preview (the rows' table, or a column's choice), a keyboard user wanting another sheet had a dozen
    Shift+Tabs back to it: Sheet, Register and Header had no mnemonic, where Check again, Create missing and the
    buttons have theirs. Alt+S, Alt+R and Alt+H go to them."""
    window = empty_window
    dialog = preview_of(qtbot, window, sams_risks(tmp_path / "Risks from Sam.xlsx"))
    dialog.report_view.setFocus()
    press(qtbot, Qt.Key.Key_S, ALT)
    assert QApplication.focusWidget() is dialog.sheet_combo
    press(qtbot, Qt.Key.Key_R)  # a sheet by its first letter: "Risks", the workbook's one
    qtbot.waitUntil(lambda: dialog.sheet_combo.currentText() == "Risks" and dialog.mapping_table.isEnabled())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.sheet_combo)  # once the check's progress is gone
    dialog.report_view.setFocus()
    press(qtbot, Qt.Key.Key_R, ALT)
    assert QApplication.focusWidget() is dialog.register_combo
    press(qtbot, Qt.Key.Key_H, ALT)
    assert QApplication.focusWidget() is dialog.header_spin
