"""Round speed60b (issue 16): a short sheet's rows worked out once for the look for a key and the planner.

The look for a key under the table (``importer.sheet_keys``) reads a sheet of up to 3,000 rows 12 columns wider
than the table; the planner then read every row again at its own width, each row's cells worked out a second time.
The first read is now kept (``SheetReader.keep_rows``) and a narrower read from the same row is cut from it: the
same rows and the same values past the narrower width as a read of their own."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from pathlib import Path
from typing import Any

from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.workbook_reader import SafeWorkbook, SheetReader

HEADER = ["Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Status"]


def _counted(monkeypatch: Any) -> list[int]:
    """The rows the reader's one way to them (``_raw``) gives, counted as they come."""
    given = [0]
    real = SheetReader._raw

    def counting(self: SheetReader, start: int = 0) -> Any:
        for row in real(self, start):
            given[0] += 1
            yield row

    monkeypatch.setattr(SheetReader, "_raw", counting)
    return given


def test_a_short_register_with_a_key_has_its_rows_worked_out_once(sqlite_store, tmp_path, monkeypatch):
    """400 risks, a key under them and a value typed past the table's last column on some: every risk, the key's
    meanings and the value past the table as before, and the rows gone through once by the key's look and the
    planner together (main: once more — the planner's own read of every row)."""
    records: list[list[Any]] = [
        [f"R-{i:03d}", f"Supplier {i} may deliver late", ["FF4", "Xmen"][i % 2], f"Owner {i % 7}", 1 + i % 5,
         1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, 401)]
    for i in (5, 50, 305):
        records[i - 1].append(f"typed beside risk {i}")
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [
        HEADER, *records, [],
        [None, None, "Categories Key"],
        [None, None, "FF4", "Human Resources"],
        [None, None, "Xmen", "Information Technology"]]})
    given = _counted(monkeypatch)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 400
    assert [got[f"Supplier {i} may deliver late"]["category"] for i in (1, 2, 3)] == \
        ["Information Technology", "Human Resources", "Information Technology"]
    assert got["Supplier 3 may deliver late"]["status"] == "Closed"
    for i in (5, 50, 305):
        assert f"Column H: typed beside risk {i}" in got[f"Supplier {i} may deliver late"]["notes"]
    assert "typed beside" not in (got["Supplier 6 may deliver late"]["notes"] or "")
    rows = 1 + 400 + 4
    # the sheet held (one pass), the rows under the header read once (main: twice), the first rows' few looks
    assert given[0] <= 2 * rows + 200


def _reads(reader: SheetReader, first: int, widths: list[int]) -> list[Any]:
    out: list[Any] = []
    for width in widths:
        past: dict[int, dict[int, Any]] = {}
        out += [list(reader.data_rows(first, width)), list(reader.data_rows(first, width, past)), past]
    out.append(list(reader.data_rows(first + 3, 4)))  # from another row: read as it always was
    return out


def test_rows_cut_from_a_wider_read_are_the_rows_read_at_that_width(tmp_path):
    """A sheet starting in column B with cells merged down in and past the narrower widths, invisible marks and
    blank texts on either side of them, an error cell and values past the wider read: every narrower read after
    ``keep_rows`` gives the rows and the values past its width that a read of its own gives."""
    rows: list[list[Any]] = [[None, "Risk ID", "Title", "Raised", "Notes", "Owner"]]
    for i in range(1, 80):
        row: list[Any] = [None, f"R-{i}", f"Risk {i}", dt.datetime(2025, 1, 1 + i % 28),
                          " " if i % 5 else "=1/0", None if i % 4 else f"Owner {i}"]
        if i % 7 == 0:
            row += [None, "past\u200b the table", " ", "\u200b", None, None, "far past"]
        if i % 11 == 0:
            row += [None] * (12 - len(row)) + ["past the wide read", "and more"]
        rows.append(row)
    path = write_xlsx(tmp_path / "offset.xlsx", {"Risks": rows},
                      merges={"Risks": ["C10:C12", "F20:F24", "H30:H33", "I40:J44"]})
    widths = [3, 5, 6, 7, 8, 9, 10, 12]
    with SafeWorkbook(path) as book:
        fresh = _reads(book.sheet("Risks"), 2, widths)
    with SafeWorkbook(path) as book:
        reader = book.sheet("Risks")
        reader.hold()
        kept = reader.keep_rows(2, 12)
        assert kept == fresh[-4]  # the wider read is a read at that width
        cut = _reads(reader, 2, widths)
        assert reader._kept
    assert cut == fresh
    assert any(fresh[k] for k in range(2, len(fresh) - 1, 3))  # some read kept values past its width


def test_a_csv_file_s_rows_are_cut_the_same_way(tmp_path):
    """A CSV file's rows (a list already, never held): cut from the wider read as a sheet's are."""
    path = tmp_path / "risks.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Risk ID", "Title", "Owner"])
        for i in range(1, 40):
            writer.writerow([f"R-{i}", f"Risk {i}", f"Owner {i % 3}"] +
                            ([" ", "beside\u200b", "", "further"] if i % 6 == 0 else []))
    with SafeWorkbook(Path(path)) as book:
        fresh = _reads(book.sheet("risks"), 2, [2, 3, 4, 5, 7])
    with SafeWorkbook(Path(path)) as book:
        reader = book.sheet("risks")
        reader.keep_rows(2, 7)
        cut = _reads(reader, 2, [2, 3, 4, 5, 7])
    assert cut == fresh


# ----------------------------------------------------------------------------- the key's places, all rows at once
def _reference_keys(rows: list[tuple[int, list[Any]]], skip_rows: set[int] | None, min_col: int) -> list[Any]:
    """``find_keys`` as main had it: every row's places looked for by ``_pair_places``."""
    from pmo_desktop.excel import sheet_keys as sk

    keys: list[Any] = []
    open_runs: dict[int, Any] = {}
    previous: Any = None
    for number, row in rows:
        if skip_rows and number in skip_rows:
            previous, open_runs = None, {}
            continue
        pairs = {c for c in sk._pair_places(row, max(min_col, 0))
                 if sk.code_key(row[c]) and sk._meaning(row[c + 1]) and sk.code_key(row[c]) != sk.code_key(row[c + 1])}
        runs: dict[int, Any] = {}
        for c in sorted(pairs):
            key = open_runs.get(c)
            if key is None:
                if previous is None or previous[0] != number - 1:
                    continue
                above = previous[1]
                caption = above[c] if c < len(above) else None
                if not isinstance(caption, str) or not sk._LETTER_RE.search(caption) or sk._filled(above, c + 1) or \
                        sk._filled(above, c - 1):
                    continue
                key = sk.Key(" ".join(caption.split()), c, caption_row=previous[0])
                keys.append(key)
            code = sk.code_key(row[c])
            key.meanings[code] = "" if code in key.meanings else sk._meaning(row[c + 1])
            key.rows.add(number)
            key.numbers = key.numbers and sk._is_number(code)
            runs[c] = key
        open_runs = runs
        previous = (number, row)
    return [k for k in keys if len(k.meanings) >= 2 and all(k.meanings.values())]


def test_the_rows_holding_a_pair_s_place_are_those_each_row_s_look_finds():
    """Random little sheets (codes, captions, numbers, dates, blanks, empty texts and texts of spaces, uneven rows,
    skipped rows, a first column): the rows the column-wise look gives are the rows ``_pair_places`` finds a place
    in, one by one, and ``find_keys`` finds the keys the row-by-row look found."""
    import random

    from pmo_desktop.excel import sheet_keys as sk

    rng = random.Random(60)
    pool: list[Any] = [None, None, None, "", " ", "\t", "FF4", "Xmen", "1", 2, 3.0, True, "Categories Key",
                       "Human Resources", "Information Technology", "Risk Rank", dt.date(2025, 1, 2), "Disaster", 0]
    found = 0
    for _trial in range(3000):
        width = rng.randint(1, 7)
        rows = [[rng.choice(pool) for _ in range(rng.randint(0, width) if rng.random() < 0.2 else width)]
                for _ in range(rng.randint(0, 12))]
        if rows and width >= 2 and rng.random() < 0.6:  # a key's shape written in: a caption, then pairs
            c, at = rng.randrange(width - 1), rng.randrange(len(rows))
            for k, r in enumerate(range(at, min(len(rows), at + rng.randint(2, 5)))):
                rows[r] += [None] * (width - len(rows[r]))
                for j in range(width):
                    if j not in (c, c + 1) or k == 0 and j == c + 1:
                        rows[r][j] = rng.choice([None, None, None, None, " ", "x"])
                rows[r][c] = rng.choice(["Categories Key", "Risk Rank"]) if k == 0 else \
                    rng.choice(["FF4", "Xmen", "1", 2, "A", ""])
                if k:
                    rows[r][c + 1] = rng.choice(["Human Resources", "Disaster", "Information Technology", 4, " "])
        start = rng.choice([0, 0, 1, 2, -1])
        expected = {i for i, row in enumerate(rows) if sk._pair_places(row, max(start, 0))}
        assert sk._rows_with_places(rows, start) == expected, (rows, start)
        numbered = list(zip(itertools.count(rng.choice([1, 5])), rows))
        if rng.random() < 0.3 and numbered:
            del numbered[rng.randrange(len(numbered))]  # a row left out: not the row above the next
        skip = {n for n, _ in numbered if rng.random() < 0.1} or None
        got = [(k.caption, k.col, k.rows, k.caption_row, k.meanings, k.numbers)
               for k in sk.find_keys(numbered, skip, start)]
        want = [(k.caption, k.col, k.rows, k.caption_row, k.meanings, k.numbers)
                for k in _reference_keys(numbered, skip, start)]
        assert got == want, (numbered, skip, start)
        found += bool(want)
    assert found > 20  # the sheets did hold keys


def test_a_register_s_rows_are_not_looked_at_one_by_one_for_a_key(sqlite_store, tmp_path, monkeypatch):
    """600 risks filled across, a key under them: the key's meanings read, and only the key's rows looked at cell
    by cell for a pair's place (main: every row of the sheet)."""
    from pmo_desktop.excel import sheet_keys as sk

    records = [[f"R-{i:03d}", f"Supplier {i} may deliver late", ["FF4", "Xmen"][i % 2], f"Owner {i % 7}", 1 + i % 5,
                1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, 601)]
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [
        HEADER, *records, [],
        [None, None, "Categories Key"],
        [None, None, "FF4", "Human Resources"],
        [None, None, "Xmen", "Information Technology"]]})
    looked = [0]
    real = sk._pair_places

    def counting(row: Any, start: int) -> list[int]:
        looked[0] += 1
        return real(row, start)

    monkeypatch.setattr(sk, "_pair_places", counting)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 600
    assert [got[f"Supplier {i} may deliver late"]["category"] for i in (1, 2)] == \
        ["Information Technology", "Human Resources"]
    assert 0 < looked[0] <= 10
