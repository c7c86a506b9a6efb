"""Unseen set 90's miss classes as general rules (classes90)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_lone_bug_form_under_field_details_heads_is_one_record(sqlite_store, tmp_path):
    """"Field | Details" over label | value rows, the first "Issue ID | ISSUE-42": the code's letters named the
    register, so that row was taken for a header and each label below it became a record. One form, one defect."""
    rows: list[list[object]] = [
        ["Field", "Details"],
        ["Issue ID", "ISSUE-42"],
        ["Title", "Search box ignores accented letters"],
        ["Component", "Search"],
        ["Priority", "Low"],
        ["Status", "Open"],
        ["Description", "Typing an accented letter returns nothing."],
        ["Steps to Reproduce", "1. Open search."],
        [None, "2. Type an accented word."],
        ["Expected Result", "Matches are listed."],
        ["Actual Result", "No match is listed."],
        ["Browser", "Firefox"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "defect.xlsx", {"Sheet1": rows}, {"Sheet1": ["A8:A9"]}))
    issues = rows_of(sqlite_store, "issues")
    assert len(issues) == 1
    (issue,) = issues
    assert issue["code"] == "ISSUE-42"
    assert issue["title"] == "Search box ignores accented letters"
    assert issue["priority"] == "Low" and issue["status"] == "Open"
