"""Classes of problem round 62's held-out set showed, fixed after its figure was written down (docs/import-rounds.md,
"Round 62's held-out classes"): each test writes a file of that shape (never the fetched file)."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_security_teams_findings_are_issues(sqlite_store, tmp_path):
    """A security team's findings ("finding_id | raw_description | source_tool | date_found | assigned_to") were
    refused: no header named the issues. A finding's ID is the issue's, the day it was found the day raised, its
    raw description the issue's description (the issue named by its first sentence)."""
    rows: list[list[object]] = [
        ["finding_id", "raw_description", "source_tool", "date_found", "assigned_to"],
        ["FIND-0142", "Remote code execution on host web-prod-01. CVSS 9.8. Patch available.", "Tenable",
         "2026-03-15", "j.martinez"],
        ["FIND-0143", "Server supports TLS 1.0 and 1.1. Severity 3.", "Qualys", "2026-03-16", "unassigned"],
        ["FIND-0078", "SQL injection in the reports export. Found in a pentest.", "Manual Pentest", "2026-02-28",
         "security-team"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "sample_issues.csv", rows))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"FIND-0142", "FIND-0143", "FIND-0078"}
    assert issues["FIND-0142"]["title"] == "Remote code execution on host web-prod-01."
    assert str(issues["FIND-0078"]["raised_on"]).startswith("2026-02-28")


def test_an_apps_sample_reports_named_issues_add_nothing(sqlite_store, tmp_path):
    """A civic app's sample reports saved as "issues.csv" ("issue_id | user_id | title | text | lat | lng | rep_name
    | rep_email | rep_photo_url | resolved | date | up_vote | flag_count") made 8 issues titled "pothole",
    "graffiti". Every header written as a program names a field (one lower-case word, some joined by an underscore)
    with only an ID and a title read is a program's output: nothing is made, and the refusal says why."""
    # written by the app with its commas escaped by a backslash ("March 2\\, 2021"), which a CSV reader splits
    lines = ["issue_id ,user_id ,title,text,lat ,lng ,rep_name,rep_email,rep_photo_url ,resolved ,date,up_vote ,"
             "flag_count"]
    for k, (title, text) in enumerate([("pothole", "A large pothole on our block"),
                                       ("street light out", "The light by my house is out"),
                                       ("graffiti", "Graffiti by the underpass")]):
        lines.append(f"{k + 1},{5 - k},{title},{text},37.8{k},-122.26,,,,0,March {k + 2}\\, 2021,4,0")
    path = tmp_path / "issues.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"program's fields \(“issue_id”, “user_id”, “rep_name” …: 7 of its 13 "
                                            r"headers are identifiers\), and only “title” reads"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "issues") == []
    # an office's export written in lower case, placing its owner and status, is read as before
    office = [["id", "title", "owner", "status", "raised_on"], ["I-1", "Printer jams", "Kim", "Open", "2025-09-03"],
              ["I-2", "VPN drops at noon", "Lee", "Open", "2025-09-04"]]
    import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", office))
    assert set(named(sqlite_store, "issues")) == {"Printer jams", "VPN drops at noon"}
