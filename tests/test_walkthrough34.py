"""Walkthrough 34: a newcomer imports the registers they already keep, keyboard first — what they tripped on in
File ▸ Import's dialog. A row naming a project the office lacks said to tick "create missing", a box that said
no such words and that only Tab past every dropdown reached; ticked, the preview did not say what it would
create; and after "Import the N valid rows, leave M" the status bar counted each row left out twice, as skipped
and as left out. Real key presses on real widgets."""

from __future__ import annotations

import openpyxl
from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.actions import open_import_dialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _colleagues_risks(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    sheet.append(["ID", "Title", "Status", "Probability", "Impact", "Raised", "Project"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _open(window, qtbot, path):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = open_import_dialog(window, window.document, str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.isActiveWindow(), timeout=60_000)
    return dialog


def _names(window, register: str) -> list[str]:
    """The titles (a project's names) of a register's records, as stored."""
    reg = REGISTERS[register]
    named = [f.name for f in reg.fields].index("title" if "title" in [f.name for f in reg.fields] else "name")
    rows = window.document.office.read(lambda s: records.fetch_rows(s, reg))
    return sorted(str(row[2 + named]) for row in rows)


def test_create_missing_is_alt_m_and_the_preview_names_what_it_will_create(empty_window, qtbot, tmp_path):
    """Every row named the project "Harbour" the new office lacks: each was refused, saying to tick "create
    missing". The box said "Create the projects, objectives and outcomes …", had no key, and the keyboard reached
    it only by Tab past the dropdowns; ticked, the preview said "3 to insert" and not that a project "Harbour"
    (and a misspelt "Harbor") would be made. Alt+M ticks it; the preview names each project it will create;
    Enter imports the rows with their projects, as named."""
    window = empty_window
    book = _colleagues_risks(tmp_path / "jo.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "2026-03-01", "Harbour"],
        ["R-2", "Crane hire", "Open", 2, 2, "2026-03-02", "Harbor"],
        ["R-3", "Vendor lock in", "Closed", 3, 4, "2026-04-01", "Harbour"],
    ])
    dialog = _open(window, qtbot, book)
    assert not dialog.import_button.isEnabled() and "create missing" in dialog.summary.text()
    assert "create missing" in dialog.create_missing_box.text().replace("&", "").lower()
    press(qtbot, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.ok, timeout=60_000)
    said = " ".join(dialog.summary.text().split())
    assert "Projects to create with the import" in said and "“Harbor”, “Harbour”" in said, said
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    assert _names(window, "projects") == ["Harbor", "Harbour"]
    assert _names(window, "risks") == ["Crane hire", "Supplier late", "Vendor lock in"]


def test_rows_left_out_are_counted_once_then_fixed_and_imported_once(empty_window, qtbot, tmp_path):
    """"Import the 2 valid rows, leave 1" (Alt+V), and the status bar said "… (0 unchanged, 1 row skipped). 1 row
    with errors was left out …": one bad row read as two rows lost. It is said once, as left out, with where it
    went, as the command line says it. The left-out workbook fixed (its date put right) and imported again brings
    that row in, once; imported a third time it changes nothing; Ctrl+Z takes the last import back in one step."""
    window = empty_window
    book = _colleagues_risks(tmp_path / "jo.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "2026-03-01", None],
        ["R-2", "Budget cut", "Open", 2, 4, "31/02/2026", None],
        ["R-3", "Vendor lock in", "Closed", 3, 4, "2026-04-01", None],
    ])
    dialog = _open(window, qtbot, book)
    assert dialog.partial_button.text().replace("&", "") == "Import the 2 valid rows, leave 1"
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    QApplication.processEvents()
    message = window.statusBar().currentMessage()
    assert "Imported 2 new" in message and "0 rows skipped" in message, message
    assert "1 row with errors left out; it is in “jo - rows left out.xlsx” beside the workbook, with the reason" in message, message
    assert _names(window, "risks") == ["Supplier late", "Vendor lock in"]

    left = tmp_path / "jo - rows left out.xlsx"
    fixed = openpyxl.load_workbook(left)
    sheet = fixed.active
    assert sheet["A1"].value == "Why it was left out" and sheet["C2"].value == "Budget cut"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.value == "31/02/2026":
                cell.value = "28/02/2026"  # put right, as in LibreOffice
    fixed.save(left)
    again = _open(window, qtbot, left)
    qtbot.waitUntil(lambda: again.import_button.isEnabled(), timeout=60_000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=60_000)
    assert _names(window, "risks") == ["Budget cut", "Supplier late", "Vendor lock in"]
    third = _open(window, qtbot, left)
    assert third.plan is not None and [r.reason for r in third.plan.reports] == ["no changes."]  # no second one
    third.reject()
    qtbot.waitUntil(lambda: not third.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _names(window, "risks") == ["Supplier late", "Vendor lock in"], timeout=10_000)


def test_each_rows_reason_shows_whole_and_a_row_without_one_is_one_line(empty_window, qtbot, tmp_path):
    """The preview grew a refused row to show its reason as its columns were first set; where the reason's column
    then stretched narrower each reason lost its last line ("… (tick “create missing”, or --create-missin…"), and
    after Alt+M the rows that had been refused, now to be inserted, kept their heights — five lines of empty
    green, the row still refused pushed down. Each reason is whole at the widths shown, each other row one line."""
    from pmo_desktop.views.exchange.import_dialog import REASON

    window = empty_window
    book = _colleagues_risks(tmp_path / "jo.xlsx", [
        ["R-1", "Supplier late", "Open", 4, 3, "2026-03-01", "Harbour"],
        ["R-2", "Budget cut", "Open", 2, 4, "31/02/2026", "Harbour"],
        ["R-3", "Vendor lock in", "Closed", 3, 4, "2026-04-01", "Harbour"],
    ])
    dialog = _open(window, qtbot, book)
    view, model = dialog.report_view, dialog.report_model

    def fitted() -> list[str]:
        """Each row that is not as it should be: its height against what its contents need."""
        QApplication.processEvents()
        wrong = []
        for row in range(model.rowCount()):
            reason = model.data(model.index(row, REASON))
            wanted = view.sizeHintForRow(row) if reason else view.verticalHeader().defaultSectionSize()
            if (view.rowHeight(row) < wanted) if reason else (view.rowHeight(row) != wanted):
                wrong.append(f"row {model.data(model.index(row, 1))}: {view.rowHeight(row)} px, needs {wanted}")
        return wrong

    assert all(model.data(model.index(row, REASON)) for row in range(model.rowCount()))  # all three refused
    assert not fitted(), fitted()
    press(qtbot, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: dialog.partial_button.isEnabled(), timeout=60_000)
    assert not fitted(), fitted()


def test_a_colleagues_row_under_an_id_the_office_has_with_another_title_is_warned_of(demo_window, qtbot, tmp_path):
    """In the demo office, a colleague's CSV headed "ID, Title, Probability, Impact, Status, Project" (our export's
    words, so its IDs were taken as the office's) with their own R-001 and R-002: the preview said "will update —
    changes Title, …" on two lines among the others, and Enter wrote the colleague's risks over the office's. The
    preview says so above the buttons, naming the IDs and how to add them as new records instead; Esc leaves the
    office as it was. A row that changes no title is not warned of."""
    window = demo_window
    before = _names(window, "risks")
    colleague = tmp_path / "jo.csv"
    colleague.write_text("ID,Title,Probability,Impact,Status,Project\n"
                         "R-001,Printer jams in the site office,2,2,Open,P-01\n"
                         "R-002,Canteen closes early,3,3,Open,P-01\n"
                         "R-999,Brand new one,2,2,Open,P-01\n", encoding="utf-8")
    dialog = _open(window, qtbot, colleague)
    said = " ".join(dialog.summary.text().split())
    assert "2 rows of the workbook give a record the office already has another title or name (R-001, R-002)" in said
    assert "a row with no ID is added as a new record" in said, said
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _names(window, "risks") == before


def test_one_valid_row_is_a_row_in_the_previews_sentence(empty_window, qtbot, tmp_path):
    """A colleague's CSV of two risks, one refused (a day no calendar has, as a status the office lacks once was):
    the button said "Import the 1 valid row, leave 1" and the sentence above it "… unless the 1 valid rows are
    imported alone". One row is a row there too."""
    window = empty_window
    colleague = tmp_path / "jo.csv"
    colleague.write_text("ID,Title,Date raised\nR-10,Data loss,2025-03-01\nR-11,Scope creep,2025-02-30\n",
                         encoding="utf-8")
    dialog = _open(window, qtbot, colleague)
    said = " ".join(dialog.summary.text().split())
    assert "unless the 1 valid row is imported alone" in said, said
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
