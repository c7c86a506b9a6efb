"""Classes of problem found on round 27 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv


def test_a_decision_made_by_someone_names_who_decided(sqlite_store, tmp_path):
    """An architecture decision log, "decision_id | decision_date | decision_text | rationale | status |
    made_by": the one who made each decision was kept in the notes, so no decision could be Decided (every one
    Pending, "Approved" in the notes). "Made by" (or "taken by") is who decided."""
    path = write_csv(tmp_path / "decision_log.csv", [
        ["decision_id", "decision_date", "decision_text", "rationale", "status", "made_by"],
        ["DEC001", "2024-07-15", "Adopt serverless functions for the calculation engine", "Scales with load",
         "Approved", "Alex Rivera"],
        ["DEC002", "2024-07-15", "Relational storage for the rules", "Rules are structured", "Approved",
         "Jordan Patel"],
        ["DEC003", "2024-05-20", "External identity provider", "No custom auth server", "Conditionally Approved",
         "Taylor Barker"],
    ])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert {c: (d["decided_by"], d["status"]) for c, d in got.items()} == {
        "DEC001": ("Alex Rivera", "Decided"), "DEC002": ("Jordan Patel", "Decided"),
        "DEC003": ("Taylor Barker", "Decided")}


def test_an_audits_checks_that_passed_are_no_issues(sqlite_store, tmp_path):
    """A data-quality audit saved as "issue_log.csv", "Rule | Issue | Count | Severity | Status", each check
    PASS with a count of 0: read as one open issue a check, though none found anything. A row whose check
    passed is no issue (the report says so); one that failed is."""
    rules = ["Product ID", "Product Name", "Category", "Order Date", "Region"]
    rows: list[list[object]] = [["Rule", "Issue", "Count", "Severity", "Status"]]
    rows += [[f"Missing values - {r}", f"Null/blank values in {r}", 0, "High", "PASS"] for r in rules]
    path = write_csv(tmp_path / "issue_log.csv", rows)
    plan = import_all(sqlite_store, path)
    assert by_code(sqlite_store, "issues") == {}
    assert any("a check that passed (“PASS” under “Status”)" in r.reason for r in plan.reports)
    rows.append(["Duplicate rows", "Completely duplicated records", 3, "High", "FAIL"])
    path = write_csv(tmp_path / "issue_log.csv", rows)
    import_all(sqlite_store, path)
    assert [i["title"] for i in by_code(sqlite_store, "issues").values()] == ["Completely duplicated records"]
