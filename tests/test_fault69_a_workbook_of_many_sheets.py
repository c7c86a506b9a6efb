"""Fault round 69: a workbook of thousands of sheets — a risk analysis whose every response has a sheet of its own
("EA-RIE-01" … named by the risk it answers, ``referenced_ids``), a notebook of a page a sheet. Reading each sheet
opened the archive anew and parsed workbook.xml and its relations to find the sheet's part, and listed every sheet's
metadata to find its own; the header search keyed every name of a register anew each time it asked whether a
sheet's name names it. All of that grew with the number of sheets for each sheet: 8.6 s of CPU for 300 sheets, 24 s
for 600, and the import of 3,000 sheets (`pmo-desktop import office.pmo book.xlsx --dry-run`) had not ended after
150 s. Each is now read once a workbook (a sheet's name once a register): 3,000 sheets in 14 s, 600 in 4 s.

Counted rather than timed (the parse of workbook.xml a sheet), so that the test is neither slow nor flaky."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.store import Store

SHEETS = 200


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "analysis.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Risks")
    ws.append(["ID", "Title", "Owner"])
    for i in range(1, 11):
        ws.append([f"R-{i:03d}", f"Supplier {i} late", "Ann Lee"])
    for k in range(SHEETS):
        ws = wb.create_sheet(f"EA-R-{k:03d}")
        ws.append(["Action", f"R-{k % 10 + 1:03d}"])
    wb.save(path)
    return path


def test_the_sheets_are_found_once_not_once_a_sheet(book: Path, tmp_path: Path, monkeypatch) -> None:
    reads: list[str] = []
    real_read = zipfile.ZipFile.read

    def read(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        reads.append(name if isinstance(name, str) else name.filename)
        return real_read(self, name, pwd)

    office = tmp_path / "office.pmo"
    Store.create(office).close()
    store = Store.open(office)
    monkeypatch.setattr(zipfile.ZipFile, "read", read)
    try:
        plan = plan_workbook_import(store, book)
    finally:
        monkeypatch.undo()
        store.close()
    assert [s.sheet for s in plan.sheets if s.rows][:1] == ["Risks"]
    assert len([s for s in plan.sheets if s.sheet == "Risks"][0].rows) == 10
    assert reads.count("xl/workbook.xml") <= 3  # the file's checks, the sheets' parts: not once a sheet
