"""Round speed66 (issue 16): a sheet an import reads twice is read from calamine once, no decision changed.

A sheet of up to 3,000 rows is read whole by the look for a key under the table (``importer.sheet_keys``) and then
again by the planner. Each read took calamine's rows as Python values and did ``_raw``'s work on each; the first
read now keeps them (``SheetReader.hold``) and every later read of the sheet takes them from there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.workbook_reader import SafeWorkbook, SheetReader

HEADER = ["Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Status"]


def _counted(monkeypatch: Any) -> list[int]:
    """The rows calamine gives, counted as they come (the reader's one way to them)."""
    given = [0]
    real = SheetReader._calamine_rows

    def counting(self: SheetReader, sheet: Any, start: int) -> Any:
        for row in real(self, sheet, start):
            given[0] += 1
            yield row

    monkeypatch.setattr(SheetReader, "_calamine_rows", counting)
    return given


def test_a_short_register_is_read_from_calamine_once(sqlite_store, tmp_path, monkeypatch):
    """300 risks with a key under them: every risk and the key's meanings as before, and calamine's rows taken
    once — the header's first 30 rows (three times, by three looks at them: the Fibonacci scale's, the one-column
    lines', and since fault72 the look for an export without its stamp) and the sheet, not the sheet a second and a
    third time (main: 981 rows for 305: the look for a bare list read it whole too)."""
    records = [[f"R-{i:03d}", f"Supplier {i} may deliver late", ["FF4", "Xmen"][i % 2], f"Owner {i % 7}",
                1 + i % 5, 1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, 301)]
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [
        HEADER, *records, [],
        [None, None, "Categories Key"],
        [None, None, "FF4", "Human Resources"],
        [None, None, "Xmen", "Information Technology"]]})
    given = _counted(monkeypatch)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 300
    assert [got[f"Supplier {i} may deliver late"]["category"] for i in (1, 2, 3)] == \
        ["Information Technology", "Human Resources", "Information Technology"]
    assert got["Supplier 3 may deliver late"]["status"] == "Closed"
    rows = 1 + 300 + 4
    assert given[0] <= rows + 3 * 30


def test_held_rows_are_the_rows_read_again(tmp_path):
    """A sheet starting in column C with an error cell, a blank text and a merged cell: every read after ``hold``
    (the header's rows, the rows under them at any width and past it) gives what a read from calamine gives."""
    rows: list[list[Any]] = [[None, None, "Risk ID", "Title", "Raised", "Notes"]]
    rows += [[None, None, f"R-{i}", f"Risk {i}", dt.datetime(2025, 1, 1 + i % 28), " " if i % 5 else "=1/0"]
             for i in range(1, 60)]
    rows[7] += [None, None, "past the table"]
    path = write_xlsx(tmp_path / "offset.xlsx", {"Risks": rows}, merges={"Risks": ["D10:D12"]})

    def reads(reader: SheetReader) -> list[Any]:
        past: dict[int, dict[int, Any]] = {}
        return [reader.top_rows(), reader.top_rows(fill_merged=False), list(reader.data_rows(2, 6)),
                list(reader.data_rows(2, 5, past)), past, list(reader.data_rows(20, 18)), reader.rows_below_top(40),
                reader.columns_not_read()]

    with SafeWorkbook(path) as book:
        fresh = reads(book.sheet("Risks"))
    with SafeWorkbook(path) as book:
        reader = book.sheet("Risks")
        reader.hold()
        held = reads(reader)
        assert reader._held is not None
    assert held == fresh
