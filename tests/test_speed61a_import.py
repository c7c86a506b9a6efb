"""Round speed61a (issue 16): the file checks' extent found from a part's first references, then one gate.

``_Extent.widen`` scanned every reference of a part whose gate matched (a register's first part: every cell of its
first megabyte made a ``bytes`` of its letters for ``max``) and searched the part again for longer rows. Now the
references of the part's first ``_EXTENT_WINDOW`` bytes give its columns and digits, and the gate made of them goes
through the rest once; a reference past them starts the next window. These tests hold the extent, the refusals and
their figures to every cell read at once, with windows small enough that every path is taken."""

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
    """A pattern whose searches add up the bytes they went through (up to a match) and the references
    ``findall`` made."""

    def __init__(self, pattern: re.Pattern[bytes], spent: dict[str, int]):
        self.pattern, self.spent = pattern, spent

    def _span(self, buf: bytes, pos: int = 0, endpos: int | None = None) -> None:
        self.spent["bytes"] += (len(buf) if endpos is None else endpos) - pos

    def search(self, buf: bytes, *args: Any) -> re.Match[bytes] | None:
        found = self.pattern.search(buf, *args)
        if found is None:
            self._span(buf, *args)
        else:  # gone through up to its match
            self._span(buf, args[0] if args else 0, found.end())
        return found

    def findall(self, buf: bytes, *args: Any) -> list[Any]:
        self._span(buf, *args)
        found = self.pattern.findall(buf, *args)
        self.spent["made"] += len(found)
        return found


def _count_extent_scans(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    spent = {"bytes": 0, "made": 0}
    for name, value in list(vars(workbook_reader).items()):
        if name.startswith("_FILLED"):
            if isinstance(value, dict):
                monkeypatch.setattr(workbook_reader, name, {k: _Counted(p, spent) for k, p in value.items()})
            elif isinstance(value, re.Pattern):
                monkeypatch.setattr(workbook_reader, name, _Counted(value, spent))
        elif name in ("_gate",) or name.startswith("_filled") and callable(value):
            def made(*a: Any, _make: Any = value) -> Any:
                pattern = _make(*a)
                return None if pattern is None else _Counted(pattern, spent)
            monkeypatch.setattr(workbook_reader, name, made)
    return spent


def _register(path: Path, rows: int, columns: int = 8, stray: tuple[int, int] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = "Risks"
    ws.append(["Risk ID", "Title", "Owner", "Status", *[f"Note {n}" for n in range(columns - 4)]])
    for n in range(1, rows + 1):
        ws.append([f"R-{n}", f"Supplier {n} may be late", "Ann Lee", "Open", *[f"n{n}" for _ in range(columns - 4)]])
    if stray is not None:
        ws.cell(row=stray[0], column=stray[1], value="stray")
    wb.save(path)
    return path


def _sheet_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def _brute(xml: bytes) -> tuple[int, int]:
    cells = _FILLED.findall(xml)
    return (max((int(r) for _c, r in cells), default=0), max((_col_index(c) + 1 for c, _r in cells), default=0))


def test_a_register_s_references_are_not_each_made_to_find_its_columns(monkeypatch: pytest.MonkeyPatch,
                                                                     sqlite_store: Any, tmp_path: Path) -> None:
    """Parts of 256 KiB (a register's first part had every one of its cells' references made for ``max``): the
    references made are the windows', and the sheet is gone through once."""
    monkeypatch.setattr(workbook_reader, "MiB", 1 << 18)
    path = _register(tmp_path / "risks.xlsx", 4_000)  # rows of 1 to 4 digits over some five parts
    xml = _sheet_xml(path)
    cells = len(_FILLED.findall(xml))
    assert len(xml) > 4 << 18
    spent = _count_extent_scans(monkeypatch)
    assert check_file(path, DEFAULT_LIMITS, {}) == "xlsx"
    # main: every reference of the first part made (4,752 of 32,008), the sheet gone through 1.19 times; here 892
    # references (the windows'), and once
    assert spent["made"] <= cells // 16, (spent["made"], cells)
    assert spent["bytes"] <= 1.05 * len(xml), spent["bytes"] / len(xml)
    plan = plan_import(sqlite_store, path, register="risks")
    assert plan.count(Action.INSERT) == 4_000
    planned = plan.sheets[0].rows
    assert planned[0].values["title"] == "Supplier 1 may be late"
    assert planned[-1].values["title"] == "Supplier 4000 may be late"


@pytest.mark.parametrize("column, letters", [(26, "Z"), (27, "AA"), (731, "ABC")])
def test_a_stray_cell_past_the_window_in_the_first_part_is_refused_with_the_exact_figures(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, column: int, letters: str) -> None:
    monkeypatch.setattr(workbook_reader, "_EXTENT_WINDOW", 4 * 1024)  # the stray cell far below the first window
    path = _register(tmp_path / "wide.xlsx", 3_000, stray=(2_400, column))
    assert _brute(_sheet_xml(path)) == (3_001, column)
    with pytest.raises(WorkbookError, match=re.escape(f"reaches column {letters} down to row 3,001")):
        check_file(path, Limits(max_cells=3_001 * column - 1), {})
    assert check_file(path, Limits(max_cells=3_001 * column), {}) == "xlsx"


def _xml(parts: list[list[tuple[int, int, bool]]]) -> list[bytes]:
    out = []
    for cells in parts:
        xml = "".join(f'<c r="{get_column_letter(c)}{r}" s="1"/>' if empty else
                      f'<c r="{get_column_letter(c)}{r}" t="n"><v>1</v></c>' for r, c, empty in cells)
        out.append(f'<row r="1">{xml}</row>'.encode())
    return out


@pytest.mark.parametrize("window", [1, 30, 120, 600])
def test_the_extent_is_every_cell_s_whatever_the_window(monkeypatch: pytest.MonkeyPatch, window: int) -> None:
    """Random parts (one to three letters, mostly single ones, one to seven digits, some cells formatted but empty)
    read with windows of a byte to some twenty cells: the extent's column, digits, its row where it may decide and
    the decision are those of every cell read at once, at each limit."""
    monkeypatch.setattr(workbook_reader, "_EXTENT_WINDOW", window)
    rnd = random.Random(61 + window)
    for _ in range(600):
        parts = _xml([[(rnd.choice([rnd.randint(1, 9), rnd.randint(1, 999), rnd.randint(1, 99_999),
                                    rnd.randint(1, 9_999_999)]),
                        rnd.choice([rnd.randint(1, 8), rnd.randint(1, 26), rnd.randint(1, 26), rnd.randint(1, 30),
                                    rnd.randint(1, 800), rnd.randint(1, 16_384)]),
                        rnd.random() < 0.3) for _ in range(rnd.randint(0, 60))] for _ in range(rnd.randint(1, 5))])
        row, col = _brute(b"".join(parts))
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


def test_cells_of_shared_text_are_counted_only_where_the_workbook_has_shared_strings(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A workbook of inline text (openpyxl's, a web system's export) has no shared string for a cell to repeat: its
    sheet's ``t="s"`` cells are not counted. With a shared strings part they are, and the sheet's text is bounded."""
    import zipfile

    counted: list[Any] = []
    scan = workbook_reader._scan_sheet

    def watched(fh: Any, stop: int | None = None, extent: Any = None, shared: list[int] | None = None) -> Any:
        out = scan(fh, stop, extent, shared)
        counted.append(None if shared is None else shared[0])
        return out

    monkeypatch.setattr(workbook_reader, "_scan_sheet", watched)
    inline = _register(tmp_path / "inline.xlsx", 50)
    assert check_file(inline, DEFAULT_LIMITS, {}) == "xlsx"
    assert counted == [None]
    shared = tmp_path / "shared.xlsx"
    with zipfile.ZipFile(inline) as src, zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="B2" t="inlineStr"><is><t>Supplier 1 may be late</t></is></c>',
                                    b'<c r="B2" t="s"><v>0</v></c>')
            out.writestr(info.filename, data)
        out.writestr("xl/sharedStrings.xml", '<sst><si><t>Supplier 1 may be late</t></si></sst>')
    counted.clear()
    assert check_file(shared, DEFAULT_LIMITS, {}) == "xlsx"
    assert counted == [1]
    counted.clear()
    with pytest.raises(WorkbookError, match="would hold"):
        check_file(shared, Limits(max_sheet_text_bytes=10), {})
