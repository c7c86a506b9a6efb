"""What the rules merged in stop 59 did together to registers no helper's tests wrote (found by the suite)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_numbered_titles_going_on_past_numbered_owners_are_records(sqlite_store, tmp_path):
    """"Imported risk 0 … 299" owned by "Owner 0 … Owner 6" over and over: the first seven rows' numbers agree,
    which made them a template's numbered placeholders (classes85) and left them out. The titles go on numbered
    past that run — the sheet's own naming — so every row is a record."""
    rows: list[list[object]] = [["Title", "Probability", "Impact", "Owner"]]
    rows += [[f"Imported risk {i}", 1 + i % 5, 1 + (i * 3) % 5, f"Owner {i % 7}"] for i in range(40)]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 40

