"""Round speed58 (issue 16): work a sheet's planning did once per cell that it can do once per column or per
distinct value, no decision changed.

- A rating's numbers (``row_planner._one_scale_for_both_ratings``: the rating after the measures on the scale of
  the one before) were read from every cell of the column for each pair of ratings, each way round, on every
  sheet, whether a rule weighed them or not: now once a column and sheet, and only when a rule weighs them. What
  is kept is the sheet's own: two sheets of one workbook with ratings in the same columns read each its own.
- The decimal mark and the date order a column's texts show (``number_order.evidence_of``,
  ``date_order.evidence_of``) are weighed once per distinct text, as many times as it is written
  (``two_readings.texts_counted``), with the same counts and the same example as cell by cell.
- A row of plain ASCII text is let through the reader's look for invisible characters by one call in C; a row
  holding a no-break or zero-width space is still cleaned."""

from __future__ import annotations

from typing import Any

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import date_order, number_order, row_planner
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.excel.workbook_reader import Uncalculated

HEADER = ["Risk ID", "Risk title", "Likelihood", "Impact", "Residual likelihood", "Residual impact"]


def rated(prefix: str, ratings: list[tuple[Any, Any, Any, Any]]) -> list[list[Any]]:
    return [HEADER, *[[f"{prefix}-{i:03d}", f"{prefix} risk number {i}", *r] for i, r in enumerate(ratings, 1)]]


@pytest.fixture
def numbers_read(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every cell whose number the planner worked out (``written_number``, as the planner calls it)."""
    asked: list[Any] = []
    real = row_planner.written_number

    def counted(raw: Any) -> float | None:
        asked.append(raw)
        return real(raw)

    monkeypatch.setattr(row_planner, "written_number", counted)
    return asked


def test_two_sheets_rated_in_the_same_columns_each_read_on_its_own_scale(sqlite_store, tmp_path, numbers_read):
    """The first sheet rates on 1–10 before the measures and 1–5 numbers after them: those are on its 1–10 scale
    (5 → 3, 2 → 1). The second rates on 1–10 before too, but writes a word among its numbers after the measures:
    those stay levels of five (4 → 4). Numbers kept for a column and read again for the next sheet's column of the
    same place would put the second sheet's 4 on the first sheet's 1–10 scale (2)."""
    first = [(8, 10, 5, 2), (10, 9, 2, 5), (3, 4, 1, 1), (9, 7, 4, 3), (6, 8, 2, 2)]
    second = [(8, 10, "High", 2), (10, 9, 4, 5), (3, 4, 1, 1), (9, 7, 4, 3), (6, 8, 2, 2)]
    path = write_xlsx(tmp_path / "ratings.xlsx", {"Risks A": rated("A", first), "Risks B": rated("B", second)})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[f"A risk number {i}"]["residual_probability"] for i in range(1, 6)] == [3, 1, 1, 2, 1]
    assert [got[f"A risk number {i}"]["residual_impact"] for i in range(1, 6)] == [1, 3, 1, 2, 1]
    assert [got[f"B risk number {i}"]["residual_probability"] for i in range(1, 6)] == [4, 4, 1, 4, 2]
    assert [got[f"A risk number {i}"]["probability"] for i in range(1, 6)] == \
        [got[f"B risk number {i}"]["probability"] for i in range(1, 6)] == [4, 5, 2, 5, 3]
    # each sheet's rating columns read for their numbers at most once each (4 columns × 5 rows a sheet)
    assert len(numbers_read) <= 2 * 4 * 5


def test_ratings_no_rule_weighs_are_not_read_for_their_numbers(sqlite_store, tmp_path, numbers_read):
    """Four ratings on five levels, 200 rows: no rating is on a 1–10 scale, so no rule weighs the numbers of the
    rating beside it; they were read from every cell for each pair each way round (800 reads), and the sheet
    imports as before."""
    ratings = [(1 + i % 5, 1 + i * 3 % 5, 1 + i % 3, 1 + i % 2) for i in range(200)]
    path = write_xlsx(tmp_path / "five.xlsx", {"Risks": rated("R", ratings)})
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    assert len(numbers_read) < 200
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [(r["probability"], r["impact"], r["residual_probability"], r["residual_impact"])
            for r in (got[f"R risk number {i}"] for i in range(1, 201))] == ratings
    assert plan.sheets[0].rows and not any(p.report.action.name == "REFUSE" for p in plan.sheets[0].rows)


def cell_by_cell(evidence: Any, values: list[Any]) -> Any:
    """The evidence of ``values`` one cell at a time: what the counts must come to."""
    found = type(evidence(()))()
    for x in values:
        one = evidence([x])
        found.add(one)
    return found


COLUMNS = [
    ["2.500", "1,234", "2.500", 3.0, None, "12,5", "2.500", "€ 40.000", "1,234", "7"] * 30,
    ["1.234,56", 2.0, "2.500", "0,250", "2.500"] * 40,
    [Uncalculated("=A1*2"), "2.500", Uncalculated("2.500"), "1,234", "2.500"],
    ["03/04/2024", "13/04/2024", "03/04/2024", "04/13/2024", "08.11.2022", "03/04/2024", "text", 45000.0] * 20,
    [],
]


@pytest.mark.parametrize("values", COLUMNS)
def test_a_columns_evidence_is_that_of_its_cells_one_by_one(values):
    for evidence in (number_order.evidence_of, date_order.evidence_of):
        got, want = evidence(values), cell_by_cell(evidence, values)
        assert (got.first, got.second, got.either, got.example) == (want.first, want.second, want.either, want.example)
    # a formula's text equal to a plain one is never counted as that text
    from pmo_desktop.excel.two_readings import texts_counted

    assert sum(times for _x, times in texts_counted(values)) == sum(x.__class__ is str for x in values)


def test_each_distinct_text_is_weighed_once(monkeypatch):
    asked: list[str] = []
    real = number_order.decimal_mark

    def counted(x: Any) -> str | None:
        asked.append(x)
        return real(x)

    monkeypatch.setattr(number_order, "decimal_mark", counted)
    found = number_order.evidence_of(COLUMNS[0])
    assert sorted(asked) == sorted({x for x in COLUMNS[0] if isinstance(x, str) and "€" not in x})
    assert (found.first, found.second, found.either, found.example) == (30, 0, 150, "2.500")


def test_a_row_of_plain_text_and_a_row_with_invisible_spaces_read_as_before(sqlite_store, tmp_path):
    """A title ending in a no-break space and an owner written with a zero-width space among rows of plain
    text: cleaned as before (the title without it, the owner's name as typed)."""
    rows = rated("C", [(1, 2, 1, 1), (2, 3, 1, 2), (3, 4, 2, 2)])
    rows[2][1] = "C risk number 2\u00a0"
    rows[3][1] = "C risk\u200b number 3"
    path = write_xlsx(tmp_path / "spaces.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "risks")) == {"C risk number 1", "C risk number 2", "C risk number 3"}
