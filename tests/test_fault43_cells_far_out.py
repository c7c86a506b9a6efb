"""Fault round 43: a workbook whose cells lie far from its data — one value in XFD1048576 (a stray keystroke after
Ctrl+End, a file made to harm) while the sheet's dimension, which is only what its writer claims, says A1:F3; or a
value in ZZ1048576, under a dimension saying so. The reader holds a sheet as one block from its first cell to its
last: it asked for 512 GB (23 GB for ZZ) and the whole program aborted — the window gone, "memory allocation
failed", a core dump — where the check of round 40 looked only past column ZZ, and only when the dimension said
so. Every sheet's cells are now looked at, and such a sheet is refused naming its last column and row and what to
delete, the file untouched, nothing imported. The command line runs as a process of its own: an abort would end
the test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from cli_runner import run_cli
from xlsx_factory import rewrite_part, snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits

SHEET = "xl/worksheets/sheet1.xml"


def risks(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Owner", "Status"])
    ws.write_row(1, 0, ["R-1", "Supplier late", "Ann", "Open"])
    ws.write_row(2, 0, ["R-2", "Budget cut", "Bob", "Open"])
    wb.close()
    return path


def with_cells(path: Path, cells: str, dimension: str | None = "A1:D3") -> Path:
    """``path``'s sheet with ``cells`` (rows of XML) added at its end, its dimension made ``dimension`` (None: none)."""
    def edit(xml: str) -> str:
        said = "" if dimension is None else f'<dimension ref="{dimension}"/>'
        return xml.replace('<dimension ref="A1:D3"/>', said).replace("</sheetData>", cells + "</sheetData>")
    return rewrite_part(path, SHEET, edit)


def value(ref: str, row: int, text: bool = False) -> str:
    cell = f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>' if text else f'<c r="{ref}"><v>1</v></c>'
    return f'<row r="{row}">{cell}</row>'


FAR = {  # name: (cells, dimension, the last column and row said)
    "XFD1048576 under a dimension of A1:D3": (value("XFD1048576", 1048576), "A1:D3", "XFD down to row 1,048,576"),
    "ZZ1048576 under its own dimension": (value("ZZ1048576", 1048576), "A1:ZZ1048576", "ZZ down to row 1,048,576"),
    "a text in AMJ1048576, no dimension": (value("AMJ1048576", 1048576, text=True), None, "AMJ down to row 1,048,576"),
    "XFD3 and A1048576, each alone": (value("XFD4", 4) + value("A1048576", 1048576), "A1:D3",
                                      "XFD down to row 1,048,576"),
    "Z1048576, one letter": (value("Z1048576", 1048576), "A1:D3", "Z down to row 1,048,576"),
}


@pytest.mark.parametrize("case", FAR)
def test_a_value_far_out_is_refused_by_the_command_line_never_an_abort(tmp_path: Path, case: str) -> None:
    cells, dimension, said = FAR[case]
    book = with_cells(risks(tmp_path / "risks.xlsx"), cells, dimension)
    before = book.read_bytes()
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    done = run_cli("import", "office.pmo", book, cwd=tmp_path, process=True)
    assert done.returncode == 1, done.stderr[-600:]  # an abort was -6, "memory allocation of … bytes failed"
    assert f"A sheet of “risks.xlsx” reaches column {said}" in done.stderr
    assert "delete the columns to the right of the data and the rows below it" in done.stderr
    assert book.read_bytes() == before
    assert "R-1" not in run_cli("summary", "office.pmo", "--json", cwd=tmp_path, ok=True).stdout


def test_the_window_s_import_is_refused_the_same_and_formatting_far_out_is_still_read(sqlite_store,
                                                                                      tmp_path: Path) -> None:
    book = with_cells(risks(tmp_path / "risks.xlsx"), value("CV300", 300), "A1:D3")  # 100 × 300, over the limit
    before = snapshot(sqlite_store)
    with pytest.raises(WorkbookError, match="reaches column CV down to row 300: "):
        plan_import(sqlite_store, book, register="risks", limits=Limits(max_cells=20_000))
    assert snapshot(sqlite_store) == before
    # formatted empty cells to the sheet's last (Excel's A1:XFD1048576) hold nothing: the sheet is read
    formatted = '<row r="1048576"><c r="ZZ1048576" s="0"/><c r="XFD1048576" s="0"/></row>'
    book = with_cells(risks(tmp_path / "formatted.xlsx"), formatted + value("E9", 9), "A1:XFD1048576")
    assert plan_import(sqlite_store, book, register="risks").count("insert") == 2
