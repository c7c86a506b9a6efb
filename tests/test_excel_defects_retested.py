"""Issue 12, lead57: a defect tracker whose rows are named by defect IDs and whose status says the retest passed
("Pass") holds resolved defects, not passed checks. Unseen set 76's four defects were skipped as "a check that
passed". An audit named by its checks still skips the checks that passed. Failed on main 0e262e98."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.importer import plan_workbook_import

HEAD = ["{} ID", "Test Case ID", "Description", "Expected Output", "Actual Output", "Severity", "Status"]
ROWS = [["X-1", "TC-07", "Interest is rounded down on a 7-year loan", 41250, 41249, "Major", "Pass"],
        ["X-2", "TC-11", "A negative deposit is accepted", "Error", "Accepted", "Critical", "Pass"],
        ["X-3", "TC-12", "The year field takes letters", "Error", "Accepted", "Minor", "Passed"]]


@pytest.mark.parametrize("noun", ["Defect", "Bug"])
def test_defects_whose_retest_passed_are_resolved_defects(sqlite_store, tmp_path, noun):
    path = write_xlsx(tmp_path / "tracker.xlsx", {"Tracker": [[h.format(noun) for h in HEAD], *ROWS]})
    import_all(sqlite_store, path)
    issues = rows_of(sqlite_store, "issues")
    assert [(i["code"], i["status"]) for i in issues] == [("X-1", "Resolved"), ("X-2", "Resolved"),
                                                          ("X-3", "Resolved")]


def test_an_audit_named_by_its_checks_still_skips_the_checks_that_passed(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "audit.xlsx", {"Audit": [
        ["Check ID", "Rule", "Issue", "Count", "Severity", "Status"],
        ["C-01", "Product ID", "Missing values", 0, "High", "PASS"],
        ["C-02", "Order Date", "Dates in the future", 14, "High", "FAIL"],
        ["C-03", "Region", "Unknown region codes", 0, "Medium", "PASS"],
        ["C-04", "Category", "Blank category", 0, "Low", "PASS"]]})
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    passed = [r.row for r in plan.reports if "a check that passed (“PASS” under “Status”)" in r.reason]
    assert passed == [2, 4, 5]
