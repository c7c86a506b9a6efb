"""Round speed65 (issue 16): work an import did per cell of every row that it can skip, no decision changed.

A key under or beside a table ("Categories Key" over "FF4 | Human Resources") is a run of "code |
meaning" pairs, each with blank cells left and right of it (``sheet_keys.find_keys``). Every row of a sheet of up
to 3,000 rows was looked at cell by cell for such pairs — each cell's code worked out, each next cell's meaning —
though a record's row, filled across, can hold none: 66,000 cells for a register of 2,000 risks. The places a pair
could stand are now found among the row's blank marks, made in C, and only those cells are looked at; a row with a
blank text (a space, a no-break space) has its marks made cell by cell, as before."""

from __future__ import annotations

import random
from typing import Any

from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import sheet_keys

HEADER = ["Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Status"]


def _old_pairs(row: tuple[Any, ...], min_col: int) -> set[int]:
    """The pairs as main looked for them, cell by cell (the reference the new search must equal)."""
    k = sheet_keys
    return {c for c in range(max(min_col, 0), len(row) - 1)
            if k.code_key(row[c]) and k._meaning(row[c + 1]) and not k._filled(row, c - 1) and not k._filled(row, c + 2)
            and k.code_key(row[c]) != k.code_key(row[c + 1])}


def test_a_key_under_records_filled_across_is_found_without_a_look_at_their_cells(sqlite_store, tmp_path, monkeypatch):
    """300 risks whose categories are codes, a key under them spelling the codes out (a space and a no-break space
    right of its pairs: blank, as before): the categories are the key's meanings, and the cells looked at for a
    meaning are the key's own, not the records'."""
    records = [[f"R-{i:03d}", f"Supplier {i} may deliver late", ["FF4", "Xmen"][i % 2], f"Owner {i % 7}",
                1 + i % 5, 1 + i * 3 % 5, ["Open", "Closed"][i % 3 == 0]] for i in range(1, 301)]
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [
        HEADER, *records, [],
        [None, None, "Categories Key"],
        [None, None, "FF4", "Human Resources", "\u00a0"],
        [None, None, "Xmen", "Information Technology", " "]]})
    looked_at: list[Any] = []
    real = sheet_keys._meaning

    def counted(x: Any) -> str:
        looked_at.append(x)
        return real(x)

    monkeypatch.setattr(sheet_keys, "_meaning", counted)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 300
    assert [got[f"Supplier {i} may deliver late"]["category"] for i in (1, 2, 3)] == \
        ["Information Technology", "Human Resources", "Information Technology"]
    # the key's two pairs and its caption's row: no record's cell (main looked at some 1,500 of them)
    assert len(looked_at) < 20


def test_the_places_of_pairs_are_the_ones_a_look_at_each_cell_finds():
    """Rows of codes, meanings, numbers, flags, empty texts, spaces and no-break spaces, at any column from which
    pairs are looked for: the same pairs as the look at every cell."""
    cells = [None, None, None, "", " ", "\u00a0", "FF4", "Human Resources", "x", 1, 2.0, True, False, "12", "Open",
             "  a ", 0]
    rng = random.Random(65)
    for _ in range(20_000):
        row = tuple(rng.choice(cells) for _ in range(rng.randint(0, 9)))
        start = rng.choice([0, 0, 1, 3])
        new = {c for c in sheet_keys._pair_places(row, start) if sheet_keys.code_key(row[c]) and
               sheet_keys._meaning(row[c + 1]) and sheet_keys.code_key(row[c]) != sheet_keys.code_key(row[c + 1])}
        assert new == _old_pairs(row, start), (row, start)
