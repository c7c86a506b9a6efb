"""Round grid55 (issues 12 and 16): a sheet whose every cell is a sentence plans in bounded time.

A risk grid with a risk written out in every cell ("risk number 3 5 of the grid"), a notebook pasted into Excel, a
survey's free answers: the header search asked each of the top rows' cells of every register (30 rows × 512 columns ×
14 registers at 1,000 × 1,000 cells, 200 rows when no header was found), the form reading asked every row of the sheet
of every main register, and each record kept its values past the header's columns by looking each column up among
its lines again (columns squared a row). 300 × 300 took 28 s of CPU on main; 1,000 × 1,000 did not finish. Counted
here by the work done (the header cache's misses, the column letters made), never timed."""

from __future__ import annotations

from typing import Any

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel import form_sheets, header_detection, row_planner
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.header_detection import ALL_KINDS, MAIN_KINDS, detect_header
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.excel.written_rows import written_out

LEVELS = ["Very low (rare)", "Low (unlikely to occur)", "Medium (may occur)", "High (likely to occur)",
          "Very high (will occur)"]


def _grid(n: int, tag: str) -> list[list[Any]]:
    """A risk grid of ``n`` × ``n`` sentences under a row of impact labels, each row led by its likelihood."""
    head: list[Any] = [None] + [f"Impact {tag} {c % 5 + 1}" for c in range(n)]
    return [head] + [[LEVELS[r * 5 // n]] + [f"risk {tag} number {r} {c} of the grid" for c in range(n)]
                     for r in range(n)]


def test_the_header_search_gives_a_row_of_sentences_up_unasked() -> None:
    """Each register asks only the impact row's cells (its 40 distinct labels at most): main asked every cell of
    the 40 rows of sentences of every register too, some 45,000 distinct looks for 40 × 40 cells."""
    rows = _grid(40, "hs")
    before = header_detection._cell_alone.cache_info().misses
    detect_header(rows, "Risk grid")
    looks = header_detection._cell_alone.cache_info().misses - before
    assert looks <= len(ALL_KINDS) * 41


def test_a_form_is_not_looked_for_in_rows_of_sentences() -> None:
    """The form reading (one record's label | value cells) asks no register of a row of sentences: main mapped
    every row of the sheet as labels for each main register (60 rows × 7 registers, the whole sheet up to 2,000
    rows)."""
    rows = _grid(60, "form")[1:]
    before = header_detection._map_header_once.cache_info().misses
    assert form_sheets.read_form(rows) is None
    assert header_detection._map_header_once.cache_info().misses - before <= len(MAIN_KINDS)


def test_a_grid_of_sentences_is_said_as_written_out_text(sqlite_store, tmp_path) -> None:
    """Refused with its reason, nothing imported: main said no header row was found, to be checked by hand, after
    asking every cell of its top rows and every row of it as a form (a grid whose impact labels were "Very low,
    negligible" …, fault67's, main took its first row of sentences for a risk register's header and imported 58
    risks of junk)."""
    path = write_xlsx(tmp_path / "grid.xlsx", {"Risk grid": _grid(60, "said")})
    with pytest.raises(WorkbookError, match="sentences in nearly every cell") as caught:
        plan_workbook_import(sqlite_store, path)
    assert "risk said number 0 0 of the grid" in str(caught.value)
    assert rows_of(sqlite_store, "risks") == []


def test_a_register_beside_a_grid_of_sentences_imports_and_the_grid_is_said(sqlite_store, tmp_path) -> None:
    """A workbook's register is read as before; the sheet of sentences beside it is skipped with its reason."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {
        "Risks": [["Risk ID", "Title", "Owner", "Likelihood", "Impact"],
                  ["R1", "Supplier may deliver late", "Ann", "High", "Low"],
                  ["R2", "Key engineer may leave", "Bob", "Low", "High"]],
        "Workshop notes": _grid(20, "notes")})
    plan = import_all(sqlite_store, path)
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == \
        ["Key engineer may leave", "Supplier may deliver late"]
    assert any(t == "Workshop notes" and "sentences in nearly every cell" in why for t, why in plan.skipped_sheets)


def test_a_header_of_a_dozen_long_names_is_still_a_header() -> None:
    """Only sentences in nearly every one of a row's first dozen cells give it up: a header with a few long
    captions among short ones, or a narrow one of sentences, is asked as before."""
    assert not written_out(["Risk ID", "Describe the risk and what could cause it", "Owner"])
    assert not written_out(["Who will deal with it if it happens"] * 11)  # eleven cells: too few to say
    mixed = ["ID", "Title", "Owner", "Status"] + ["What could happen if nothing is done"] * 8
    assert not written_out(mixed)
    assert written_out([None, "Very low (rare)"] + [f"risk number 1 {c} of the grid" for c in range(11)])
    caption = "Primary Assets (specify a separate column for each asset)"  # merged over the columns: one text
    assert not written_out([caption] * 30)


def test_values_past_the_header_cost_a_line_each(sqlite_store, tmp_path, monkeypatch) -> None:
    """A register of three columns whose rows hold 150 values past its header (a notebook pasted beside it): each
    kept in the record's notes under its column's letter, each column's letters made once a row — main made them
    again for every line already kept (some 11,000 a row)."""
    made = [0]
    real = row_planner.column_letters

    def counted(col: int) -> str:
        made[0] += 1
        return real(col)

    monkeypatch.setattr(row_planner, "column_letters", counted)
    past = 150
    rows: list[list[Any]] = [["Risk ID", "Title", "Owner"]]
    rows += [[f"R{i}", f"Supplier {i} may deliver late", "Ann", *[f"note {i} {c}" for c in range(past)]]
             for i in range(1, 6)]
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 5
    assert "Column D: note 3 0" in risks["R3"]["notes"] and "Column EW: note 3 149" in risks["R3"]["notes"]
    assert made[0] <= 5 * 5 * past
