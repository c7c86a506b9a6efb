"""Columns past the import's reading limit (a sheet's first 512) are never dropped without a word.

An import reads a sheet's first ``Limits.max_columns`` columns. Values past them were neither read nor
mentioned — in the preview, on the command line and in the window's report after the import. Each now says
which sheet, how many of those columns hold values and the first and last by letter; a column past the limit
that holds nothing (formatted, empty) stays silent, as does a workbook whose data all lie within it."""

from __future__ import annotations

import openpyxl
import xlsxwriter
from cli_runner import run_cli as run
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

HEADER = ["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "Status"]
ROWS = [["R-1", "Supplier late", "Ann", 3, 4, "Open"], ["R-2", "Crane breaks down", "Bea", 2, 3, "Open"]]
SX, XFD = 518, 16384  # 1-based column numbers: SX is the 6th past the limit's last column, SR


def register_workbook(path, extra_columns=(), blank_styled=()):
    """A risk register in A:F, a value in each of ``extra_columns`` (1-based) on the header row and the
    second record's row, and a filled but empty cell in each of ``blank_styled``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for col in extra_columns:
        ws.cell(row=1, column=col, value=f"Column {col}")
        ws.cell(row=3, column=col, value=f"kept {col}")
    for col in blank_styled:
        ws.cell(row=2, column=col).fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(path)
    return path


def new_office(tmp_path):
    run("new", "office.pmo", cwd=tmp_path, ok=True)
    return tmp_path / "office.pmo"


def column_letters(col: int) -> str:
    return get_column_letter(col + 1)


def test_cli_says_the_columns_past_the_limit_on_stderr_and_imports_the_rest(tmp_path):
    new_office(tmp_path)
    book = register_workbook(tmp_path / "wide.xlsx", extra_columns=(SX, SX + 1, 2000, XFD))
    proc = run("import", "office.pmo", str(book), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert ("pmo-desktop: Sheet “Risks”: columns SX to XFD, 4 of them holding values, were not read — an import "
            "reads a sheet's first 512 columns (A to SR)") in proc.stderr
    assert "were not read" not in proc.stdout  # the rows' report stays as it was
    assert "Imported 2 new" in proc.stdout
    dry = run("import", "office.pmo", str(book), "--dry-run", cwd=tmp_path)
    assert "columns SX to XFD, 4 of them holding values, were not read" in dry.stderr


def test_one_column_past_the_limit_in_a_csv(tmp_path):
    new_office(tmp_path)
    cells = [HEADER + [""] * 600 + ["Late note"]] + [row + [""] * 600 + [""] for row in ROWS]
    cells[2][-1] = "called the supplier"
    book = tmp_path / "wide.csv"
    book.write_text("\n".join(",".join(map(str, row)) for row in cells) + "\n", encoding="utf-8")
    proc = run("import", "office.pmo", str(book), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    where = column_letters(len(HEADER) + 600)
    assert f"Sheet “wide”: column {where}, which holds values, was not read" in proc.stderr


def test_a_header_past_the_limit_is_named_in_the_refusal(tmp_path):
    """Nothing found to import: the refusal (exit 1 as before) says where the data may be."""
    new_office(tmp_path)
    wb = xlsxwriter.Workbook(tmp_path / "far.xlsx")
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 600, HEADER)
    for i, row in enumerate(ROWS, start=1):
        ws.write_row(i, 600, row)
    wb.close()
    proc = run("import", "office.pmo", str(tmp_path / "far.xlsx"), cwd=tmp_path)
    assert proc.returncode == 1
    first, last = column_letters(600), column_letters(600 + len(HEADER) - 1)
    assert f"columns {first} to {last}, 6 of them holding values, were not read" in proc.stderr


def test_data_within_the_limit_says_nothing_and_one_value_past_it_is_said(tmp_path):
    """Empty but formatted cells past the limit (a fill dragged across the sheet) are no data: no word. The
    same workbook with one value at XFD is said (so the silence is the rule's, not a deaf reader's)."""
    new_office(tmp_path)
    for name, extra in (("plain.xlsx", ()), ("filled.xlsx", (SX, XFD))):
        book = register_workbook(tmp_path / name, blank_styled=extra)
        proc = run("import", "office.pmo", str(book), "--dry-run", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "not read" not in proc.stderr + proc.stdout, name
    book = register_workbook(tmp_path / "one.xlsx", extra_columns=(XFD,), blank_styled=(SX,))
    proc = run("import", "office.pmo", str(book), "--dry-run", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Sheet “Risks”: column XFD, which holds values, was not read" in proc.stderr


def test_preview_and_the_report_after_the_import_say_the_columns_not_read(empty_window, qtbot, tmp_path):
    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = empty_window
    book = register_workbook(tmp_path / "wide.xlsx", extra_columns=(SX, XFD))
    dialog = open_import_dialog(window, window.document, str(book))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.isAncestorOf(QApplication.focusWidget()))
    said = "Sheet “Risks”: columns SX to XFD, 2 of them holding values, were not read"
    assert said in dialog.summary.text()
    assert dialog.import_button.isEnabled()  # the rest imports as before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter imports
    qtbot.waitUntil(lambda: not dialog.isVisible())
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 2 new") and said in message


def test_preview_of_a_workbook_within_the_limit_says_nothing(empty_window, qtbot, tmp_path):
    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = empty_window
    for name, extra, said in (("narrow.xlsx", (), False), ("wide.xlsx", (XFD,), True)):
        book = register_workbook(tmp_path / name, extra_columns=extra, blank_styled=(SX,))
        dialog = open_import_dialog(window, window.document, str(book))
        qtbot.waitUntil(lambda d=dialog: d.plan is not None)
        assert ("column XFD, which holds values, was not read" in dialog.summary.text()) is said, name
        assert ("not read" in dialog.summary.text()) is said, name
        dialog.reject()
