"""Fault round 43: an .xlsx whose zip is whole but whose workbook part is broken XML (a save cut short, a tool that
edited it by hand). The reader found no sheet in it and the import said "No sheet of “risks.xlsx” has a header
row naming register columns … check the workbook" — as if its sheets were there and held no register. Now it is
said to be damaged, with what to do, the file untouched and nothing imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xlsxwriter
from cli_runner import run_cli
from xlsx_factory import rewrite_part, snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import

DAMAGED = "“risks.xlsx” is damaged and cannot be read (it lists no sheet); open it in Excel, save it again as .xlsx"


def broken(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Owner", "Status"])
    ws.write_row(1, 0, ["R-1", "Supplier late", "Ann", "Open"])
    wb.close()
    return rewrite_part(path, "xl/workbook.xml", lambda xml: xml.replace("<sheets>", "<sheets><<"))


def test_a_workbook_part_of_broken_xml_is_said_to_be_damaged(sqlite_store, tmp_path: Path) -> None:
    path = broken(tmp_path / "risks.xlsx")
    before, content = snapshot(sqlite_store), path.read_bytes()
    with pytest.raises(WorkbookError, match=re.escape(DAMAGED)):
        plan_import(sqlite_store, path)
    assert snapshot(sqlite_store) == before and path.read_bytes() == content


def test_the_command_line_says_so(tmp_path: Path) -> None:
    broken(tmp_path / "risks.xlsx")
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    done = run_cli("import", "office.pmo", "risks.xlsx", cwd=tmp_path)
    assert done.returncode == 1 and DAMAGED in done.stderr, done.stderr
