"""Issue 12, lead57b: a column headed "Review" in a colleague's risk register holds its review cadence, not the
office's calculated "Review" (overdue) flag: it is kept in each risk's notes. It was dropped as calculated, the
cadences lost (unseen set 78). The office's own export still has its Review column worked out again. Failed on
main before this change."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.importer import plan_workbook_import


def test_a_review_column_of_cadences_is_kept_in_the_notes(sqlite_store, tmp_path):
    path = write_csv(tmp_path / "risk_register.csv", [
        ["id", "risk", "probability", "impact", "owner", "review"],
        ["R-1", "Line sensors report stale values", 3, 4, "Plant engineer", "weekly"],
        ["R-2", "Vendor misses the gateway delivery", 2, 5, "Buyer", "monthly"],
        ["R-3", "Operators bypass the new checklist", 4, 3, "Shift lead", "weekly in the first 3 months"]])
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    assert not any("calculated" in why for sheet in plan.sheets for why in sheet.ignored.values())
    import_all(sqlite_store, path)
    notes = [r["notes"] or "" for r in rows_of(sqlite_store, "risks")]
    said = [[line.strip() for line in n.splitlines() if line.strip().startswith("review:")] for n in notes]
    assert said == [["review: weekly"], ["review: monthly"], ["review: weekly in the first 3 months"]]
