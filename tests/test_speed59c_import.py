"""Round speed59c (issue 16): the file checks' scans for a sheet's extent, each part gone through about twice.

``_Extent.widen`` searched a part of a sheet's XML once for a cell the extent did not cover yet (the gate) and,
where one was, searched the whole part again for each longer form of reference: three letters, two, one past the
columns found, then a row of seven digits, six, five … down to the digits found — some eight passes over the
first part of every register and seven over the part where its rows reach another digit. No reference those
scans look for can stand before the gate's first match, the columns of every longer form are found by one scan
and the rows' digits by searches each starting at the row found before: a part is gone through about twice. These
tests hold the figures and the decisions (the exact extent, the refusal and its words) to every cell read at once."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pmo_desktop.excel import workbook_reader
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import DEFAULT_LIMITS, Limits, _col_index, check_file

_FILLED = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>')


class _Counted:
    """A pattern whose searches add up the bytes they were given to go through."""

    def __init__(self, pattern: re.Pattern[bytes], spent: list[int]):
        self.pattern, self.spent = pattern, spent

    def _span(self, buf: bytes, pos: int = 0, endpos: int | None = None) -> None:
        self.spent[0] += (len(buf) if endpos is None else endpos) - pos

    def search(self, buf: bytes, *args: Any) -> re.Match[bytes] | None:
        self._span(buf, *args)
        return self.pattern.search(buf, *args)

    def findall(self, buf: bytes, *args: Any) -> list[Any]:
        self._span(buf, *args)
        return self.pattern.findall(buf, *args)


def count_extent_scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every pattern the extent's check searches with (module-level, by name ``_FILLED…``, or made by a function
    ``_gate`` / ``_filled…``) wrapped so that the bytes it goes through are added up."""
    spent = [0]
    for name, value in list(vars(workbook_reader).items()):
        if name.startswith("_FILLED"):
            if isinstance(value, dict):
                monkeypatch.setattr(workbook_reader, name, {k: _Counted(p, spent) for k, p in value.items()})
            elif isinstance(value, list):
                monkeypatch.setattr(workbook_reader, name, [_Counted(p, spent) for p in value])
        elif name in ("_gate",) or name.startswith("_filled") and callable(value):
            def made(*a: Any, _make: Any = value) -> Any:
                pattern = _make(*a)
                return None if pattern is None else _Counted(pattern, spent)
            monkeypatch.setattr(workbook_reader, name, made)
    return spent


def register(path: Path, rows: int, columns: int = 8, far: tuple[int, int] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = "Risks"
    ws.append(["Risk ID", "Title", "Owner", "Status", *[f"Note {n}" for n in range(columns - 4)]])
    for n in range(1, rows + 1):
        ws.append([f"R-{n}", f"Supplier {n} may be late", "Ann Lee", "Open", *[f"n{n}" for _ in range(columns - 4)]])
    if far is not None:
        ws.cell(row=far[0], column=far[1], value="stray")
    wb.save(path)
    return path


def sheet_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def test_a_register_s_parts_are_gone_through_about_twice(monkeypatch: pytest.MonkeyPatch, sqlite_store: Any,
                                                           tmp_path: Path) -> None:
    monkeypatch.setattr(workbook_reader, "MiB", 1 << 16)  # parts of 64 KiB: a few thousand rows make many
    path = register(tmp_path / "risks.xlsx", 2_500)  # rows of 1 to 4 digits
    size = len(sheet_xml(path))
    assert size > 6 << 16
    spent = count_extent_scans(monkeypatch)
    check_file(path, DEFAULT_LIMITS, {})
    # main: some 8 passes over the first part and 7 over the one reaching four digits (1.87 sizes at these parts, 1.29 here)
    assert 0 < spent[0] <= 1.4 * size, spent[0] / size
    spent[0] = 0
    plan = plan_import(sqlite_store, path, register="risks")
    assert spent[0] <= 1.4 * size
    assert plan.count(Action.INSERT) == 2_500
    planned = plan.sheets[0].rows
    assert planned[0].values["title"] == "Supplier 1 may be late"
    assert planned[-1].values["title"] == "Supplier 2500 may be late"


def test_a_stray_cell_late_and_far_right_is_refused_with_the_exact_figures(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    monkeypatch.setattr(workbook_reader, "MiB", 1 << 16)
    path = register(tmp_path / "wide.xlsx", 1_500, far=(1_200, 731))  # column ABC, in a late part
    row, col = brute(sheet_xml(path))
    assert (row, col) == (1_501, 731)
    with pytest.raises(WorkbookError, match=re.escape("reaches column ABC down to row 1,501: 1 million cells")):
        check_file(path, Limits(max_cells=1_000_000), {})
    assert check_file(path, Limits(max_cells=1_100_000), {}) == "xlsx"


def brute(xml: bytes) -> tuple[int, int]:
    cells = _FILLED.findall(xml)
    return (max((int(r) for _c, r in cells), default=0), max((_col_index(c) + 1 for c, _r in cells), default=0))


def _xml(parts: list[list[tuple[int, int, bool]]]) -> list[bytes]:
    out = []
    for cells in parts:
        xml = "".join(f'<c r="{get_column_letter(c)}{r}" s="1"/>' if empty else
                      f'<c r="{get_column_letter(c)}{r}" t="n"><v>1</v></c>' for r, c, empty in cells)
        out.append(f'<row r="1">{xml}</row>'.encode())
    return out


def test_the_extent_is_every_cell_s_on_random_sheets() -> None:
    """Parts of random cells (one to three letters, one to seven digits, some formatted but empty), each limit:
    the extent's column, its row when it may decide, and the decision are those of every cell read at once."""
    rnd = random.Random(59)
    for _ in range(1_500):
        parts = _xml([[(rnd.choice([rnd.randint(1, 9), rnd.randint(1, 999), rnd.randint(1, 99_999),
                                    rnd.randint(1, 9_999_999)]),
                        rnd.choice([rnd.randint(1, 26), rnd.randint(1, 40), rnd.randint(1, 800), rnd.randint(1, 16_384)]),
                        rnd.random() < 0.3) for _ in range(rnd.randint(0, 25))] for _ in range(rnd.randint(1, 5))])
        row, col = brute(b"".join(parts))
        for max_cells in (0, 10_000, 5_000_000, 10**12):
            extent = workbook_reader._Extent(max_cells)
            for part in parts:
                extent.widen(part, len(part))
            assert extent.col == col
            assert extent.digits == len(str(row)) if row else extent.digits == 0
            assert extent.may_exceed() == ((10**extent.digits - 1) * col > max_cells)
            if extent.may_exceed():
                whole = b"".join(parts)
                assert extent.exact_row(lambda: io.BytesIO(whole)) == row  # noqa: B023 (called here, at once)
