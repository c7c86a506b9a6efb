"""Issue 12, classes76a: unseen set 76's bug lists as general rules — a column saying a bug is over ("Resolved" of
dates and verdicts, "Fixed By" of names) gives its status where no status column does, a numbered "Priority"
beside a worded "Severity" is the priority, "Person Raising …" is who raised it (the owner's stand-in), a status
word under a person column is no person, and a template's rows of defaults alone are one line of the report. Each
test writes a workbook of the shape (never a fetched file) and failed on main 0e262e98."""

from __future__ import annotations

from datetime import date

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def _sheet_note(plan, sheet: str) -> str:
    return next(s.note for s in plan.sheets if s.sheet == sheet) or ""


def test_a_resolved_column_of_days_and_verdicts_gives_the_status(sqlite_store, tmp_path):
    """"Resolved" beside the report, no status column: a day is the day it was resolved, a verdict ("reject",
    "works as intended") closes it, an empty cell or "not yet" leaves it open — each cell kept in the notes."""
    rows = [["Reported by", "Date", "Description", "Resolved"],
            ["AB", date(2020, 3, 2), "Export drops the last line of the table", date(2020, 4, 1)],
            ["CD", date(2020, 3, 3), "Chart legend overlaps the axis labels", "01/05/2020"],
            ["AB", date(2020, 3, 4), "Wants a dark theme for the viewer", "reject"],
            ["EF", date(2020, 3, 5), "Sorting ignores the second key column", "This works as intended"],
            ["CD", date(2020, 3, 6), "Crash when the file name has a space", None],
            ["EF", date(2020, 3, 7), "Import keeps blank trailing rows", "not yet"],
            ["AB", date(2020, 3, 8), "Toolbar icons blurry on high DPI", "v2.1"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Log": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert [issues[r[2]]["status"] for r in rows[1:]] == ["Resolved", "Resolved", "Closed", "Closed", "Open", "Open",
                                                           "Resolved"]
    assert "Resolved: This works as intended" in issues["Sorting ignores the second key column"]["description"]
    note = _sheet_note(plan, "Log")
    assert "“Resolved” says on 5 issues that they are over" in note and "a verdict → Closed" in note


def test_a_fixed_by_column_of_names_resolves_the_bug_in_other_languages_too(sqlite_store, tmp_path):
    """"Fixed By ( If Fixed )" of who fixed it: a filled cell is a fixed bug; so "Corrigé par" in French."""
    rows = [["Module", "Bug Description", "Raised By", "Fixed By ( If Fixed )"],
            ["Login", "Password field accepts spaces", "Mia", "Tom"],
            ["Login", "No message on a wrong password", "Mia", None],
            ["Signup", "Phone number length not checked", "Tom", "Tom"]]
    fr = [["N°", "Problème", "Signalé par", "Signalé le", "Corrigé par"],
          [1, "Le bouton Enregistrer ne répond pas", "Luc", date(2021, 2, 3), "Anne"],
          [2, "La date s'affiche en anglais", "Luc", date(2021, 2, 4), None]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": rows}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Anomalies.xlsx", {"Anomalies": fr}))
    issues = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert [issues[t] for t in ("Password field accepts spaces", "No message on a wrong password",
                                "Phone number length not checked", "Le bouton Enregistrer ne répond pas",
                                "La date s'affiche en anglais")] == ["Resolved", "Open", "Resolved", "Resolved", "Open"]


def test_a_status_column_still_decides_beside_a_resolved_column(sqlite_store, tmp_path):
    """With a status column the rule does not speak: "Resolved" stays a note, the status is the column's."""
    rows = [["ID", "Title", "Owner", "Status", "Resolved"],
            ["B-1", "Export drops the last line", "Mia", "Open", date(2020, 4, 1)],
            ["B-2", "Legend overlaps the axis", "Tom", "In progress", "reject"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Log": rows}))
    assert {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")} == \
        {"Export drops the last line": "Open", "Legend overlaps the axis": "Open"}


def test_a_numbered_priority_beside_a_worded_severity_is_the_priority(sqlite_store, tmp_path):
    """"Priority" of 1–3 (1 the most urgent) beside "Severity" of Low … Critical: the column named the priority
    gives it, by rank; the severity is kept in the notes."""
    rows = [["bug#", "Priority", "Severity", "Status", "Title"],
            [1, 2, "Low", "New", "Breadcrumbs missing on the search page"],
            [2, 1, "Critical", "Fixed", "Sign-out button does nothing"],
            [3, 3, "High", "New", "Footer links point to the old site"],
            [4, 1, "Low", "New", "Saved searches vanish after a reload"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Bugs": rows}))
    issues = named(sqlite_store, "issues")
    assert [issues[r[4]]["priority"] for r in rows[1:]] == ["High", "Critical", "Medium", "Critical"]
    assert "Severity: Low" in issues["Breadcrumbs missing on the search page"]["description"]


def test_a_person_raising_the_bug_is_its_raiser(sqlite_store, tmp_path):
    """"Person Raising Bug" is "Raised By" said otherwise: the owner's stand-in where no column says Owner."""
    rows = [["Person Raising Bug", "Date", "Description"],
            ["SB", date(2018, 6, 12), "Row binding fails with a single row of data"],
            ["HP", date(2018, 9, 7), "XML output breaks on an ampersand in a title"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert {t: r["owner"] for t, r in issues.items()} == \
        {"Row binding fails with a single row of data": "SB", "XML output breaks on an ampersand in a title": "HP"}


def test_a_status_word_under_a_person_column_is_no_person(sqlite_store, tmp_path):
    """"Known Bug" under "Raised By" is the bug's state, not who raised it: no person of that name, the owner
    left empty, the cell kept in the notes. One word of an open state ("QA") may be a team and stays one."""
    rows = [["Module", "Bug Description", "Raised By"],
            ["Signup", "Enrollment number not validated", "Known Bug"],
            ["Login", "Password length not checked", "Ruchit"],
            ["Login", "Empty fields show no message", "QA"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert issues["Enrollment number not validated"]["owner"] is None
    assert "Raised By: Known Bug" in issues["Enrollment number not validated"]["description"]
    assert issues["Password length not checked"]["owner"] == "Ruchit"
    assert issues["Empty fields show no message"]["owner"] == "QA"
    assert "Known Bug" not in {r["name"] for r in rows_of(sqlite_store, "people")}


def test_a_templates_rows_of_dropdown_defaults_are_one_line_not_errors(sqlite_store, tmp_path):
    """A bug list whose template numbers its rows ahead and fills each with its dropdowns' defaults ("2 | Medium |
    New"), and a tracker whose rows below its one bug hold only "Not Started": the template's rows, skipped as one
    line a run and said once — not left out one by one as records missing their title."""
    bugs = [["bug#", "Priority", "Severity", "Status", "Title", "Location"],
            [1, 2, "Low", "Fixed", "Breadcrumbs missing", "whole site"],
            [2, 1, "Critical", "New", "Sign-out does nothing", "header"],
            [3, 2, "Medium", "New", "Footer links are stale", "footer"]]
    bugs += [[n, 2, "Medium", "New", None, None] for n in range(4, 9)] + [[9, 2, None, "New", None, None]]
    tracker = [["ID", "Title", "Priority", "Description", "Status"],
               [1, "Search box loses focus", "High", "Typing a second word clears it", "Not Started"]]
    tracker += [[None, None, None, None, "Not Started"] for _ in range(12)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Bugs": bugs, "Tracker": tracker}))
    assert len(rows_of(sqlite_store, "issues")) == 4
    for sheet, first, last in (("Bugs", 5, 10), ("Tracker", 3, 14)):
        sp = next(s for s in plan.sheets if s.sheet == sheet)
        assert not [r for r in sp.reports if r.action.name == "ERROR"]
        skipped = [r for r in sp.reports if r.action.name == "SKIP"]
        assert len(skipped) == 1 and f"rows {first}–{last}" in skipped[0].reason
        assert "empty template rows, skipped" in sp.note


def test_untitled_rows_writing_more_than_defaults_stay_records_missing_their_title(sqlite_store, tmp_path):
    """Untitled rows that differ (another priority, an owner) are records whose title is missing: left out with
    the reason, as before, never skipped as a template's."""
    bugs = [["bug#", "Title", "Priority", "Owner", "Status"],
            [1, "Breadcrumbs missing", "High", "Ann", "New"],
            [2, None, "Low", "Ann", "New"],
            [3, None, "High", None, "New"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Bugs": bugs}))
    sp = plan.sheets[0]
    assert [r.row for r in sp.reports if r.action.name == "ERROR"] == [3, 4]
