"""Issue 12, classes82: the miss classes of unseen set 82 as general rules — a change log giving no reason, outcome or
approval for its changes is a product's history of work done, not decisions; an application's table of users (an ID,
a name and a contact, under a system's word or numbered placeholder names) is no stakeholder register; severity ranks
"S1", "Sev 2", "P3" read as the priority, 1 the most severe. Each test writes a workbook of the shape (never a fetched
file) and failed on the code before (main 1a814d18)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_WORK_DONE = [(date(2025, 4, 2), "Pumps.lib", "JK", "Added the P-200 pump"),
              (date(2025, 4, 9), "Valves.lib", "AB", "Fixed the V-10 valve outline"),
              (date(2025, 5, 1), "Pumps.lib", "JK", "Modified the P-100 flange size"),
              (date(2025, 5, 7), "Logos.lib", "CD", "Created the new logo library")]


@pytest.mark.parametrize(("file_name", "sheet", "header"), [
    ("change_log_parts.xlsx", "Sheet1", ["Date", "Library", "Initials", "Description"]),
    ("Parts.xlsx", "Change Log", ["Date", "Library", "Initials", "Description"]),
])
def test_a_change_log_of_work_done_with_no_reason_is_no_decision_log(sqlite_store, tmp_path, file_name, sheet,
                                                                      header):
    """"Date | Library | Initials | Description" (what was changed, when, by whom; no reason, outcome or approval)
    named a change log was read as decisions, the initials their deciders: it is refused, saying it is a change
    history."""
    rows: list[list[object]] = [header, *[list(r) for r in _WORK_DONE]]
    with pytest.raises(WorkbookError, match="a change history"):
        import_all(sqlite_store, write_xlsx(tmp_path / file_name, {sheet: rows}))
    assert rows_of(sqlite_store, "decisions") == []
    assert rows_of(sqlite_store, "people") == []


def test_a_change_log_of_requests_and_their_outcome_stays_the_decision_log(sqlite_store, tmp_path):
    """A change log whose columns say what was decided on each change ("Status": Approved / Rejected) is the
    decision log's, reason column or not."""
    rows: list[list[object]] = [["Date", "Change", "Initials", "Status"],
                                [date(2025, 4, 2), "Move the go-live to June", "JK", "Approved"],
                                [date(2025, 4, 9), "Add a second data centre", "AB", "Rejected"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Project.xlsx", {"Change Log": rows}))
    assert set(named(sqlite_store, "decisions")) == {"Move the go-live to June", "Add a second data centre"}


@pytest.mark.parametrize(("sheet", "names"), [
    ("Users", ["Ana Silva", "Tom Berg", "Li Wei", "Omar Haddad"]),
    ("Benutzer", ["Ana Silva", "Tom Berg", "Li Wei", "Omar Haddad"]),
    ("Пользователи", ["Ana Silva", "Tom Berg", "Li Wei", "Omar Haddad"]),
    ("Sheet2", ["Member 1", "Member 2", "Member 3", "Member 1"]),
])
def test_an_applications_user_table_is_no_stakeholder_register(sqlite_store, tmp_path, sheet, names):
    """"Id | Name | Email" on a sheet named by a system's word for its users, or holding numbered placeholder names,
    beside a tool's task sheet, was read as stakeholders: refused, saying it is a table of users."""
    rows: list[list[object]] = [["Id", "Name", "Email"]]
    rows += [[f"U{i:03}", n, f"user{i}@example.org"] for i, n in enumerate(names, 1)]
    tasks: list[list[object]] = [["Task_Name", "Start_Date", "End_Date", "Assigned_To"],
                                 ["Send the weekly mail", date(2025, 1, 6), date(2025, 1, 7), "U001"]]
    with pytest.raises(WorkbookError, match="table of users"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Mailer.xlsx", {"Tasks": tasks, sheet: rows}))
    assert rows_of(sqlite_store, "stakeholders") == []


def test_a_contact_list_of_stakeholders_stays_the_register(sqlite_store, tmp_path):
    """The same three columns on a sheet named as the register, or with a role beside them, stay stakeholders."""
    rows: list[list[object]] = [["Id", "Name", "Email"], ["S1", "Ana Silva", "ana@example.org"],
                                ["S2", "Tom Berg", "tom@example.org"], ["S3", "Li Wei", "li@example.org"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Programme.xlsx", {"Stakeholders": rows}))
    assert set(named(sqlite_store, "stakeholders")) == {"Ana Silva", "Tom Berg", "Li Wei"}


@pytest.mark.parametrize(("header", "codes"), [
    ("Severity", ["S1", "S2", "S3", "S4"]),
    ("Severity", ["Sev1", "Sev 2", "sev-3", "SEV4"]),
    ("Sev.", ["s1", "S 2", "S-3", "S4"]),
])
def test_severity_ranks_are_the_priority_one_the_most_severe(sqlite_store, tmp_path, header, codes):
    """"Bug ID | Summary | Severity | Component" with severities "S1" … "S4" (no Priority column): the severity was
    kept in the notes, every bug without its priority. Ranks prefixed by a severity's letter are read with 1 the most
    severe, as "P1" already was, each said in the sheet notes."""
    titles = ["Crash when saving", "Wrong total on the invoice", "Label cut off", "Typo in the footer"]
    rows: list[list[object]] = [["Bug ID", "Summary", header, "Component"]]
    rows += [[f"BUG{i:03}", t, c, "Billing"] for i, (t, c) in enumerate(zip(titles, codes), 1)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "bug_report.xlsx", {"Bugs": rows}))
    got = {t: r["priority"] for t, r in named(sqlite_store, "issues").items()}
    assert got == dict(zip(titles, ["Critical", "High", "Medium", "Low"]))
    assert f"“{codes[0]}” read as Critical" in plan.sheets[0].note


def test_csv_user_table_named_so(sqlite_store, tmp_path):
    """A CSV's one sheet is named by its file: "accounts.csv" of "id | name | email" is a table of users."""
    rows: list[list[object]] = [["id", "name", "email"], [1, "Ana Silva", "ana@example.org"],
                                [2, "Tom Berg", "tom@example.org"], [3, "Li Wei", "li@example.org"]]
    with pytest.raises(WorkbookError, match="table of users"):
        import_all(sqlite_store, write_csv(tmp_path / "accounts.csv", rows))
    assert rows_of(sqlite_store, "stakeholders") == []


def test_a_one_bug_form_with_captions_over_their_text_is_read(sqlite_store, tmp_path):
    """One bug as a form: "ID | #3", three "Label: | value" pairs a row, then captions ("Steps to reproduce:",
    "Actual result:", "Expected result:") with their text in the rows under them (the steps numbered "1 | …"). It
    was refused ("no header row"): the captions' values are the rows under them, the numbered steps joined."""
    rows: list[list[object]] = [
        ["ID", "#3", None, None, None, None],
        ["Reporter:", "Ana", "Assignee:", None, "Status:", "New"],
        ["Type:", "UI", "Severity:", "Major", "Browser:", "Firefox"],
        ["Summary:", "The export button does nothing on the report page", None, None, None, None],
        ["Steps to reproduce:", None, None, None, None, None],
        [1, "Open the monthly report", None, None, None, None],
        [2, "Click Export", None, None, None, None],
        [3, None, None, None, None, None],
        ["Actual result:", None, None, None, None, None],
        ["Nothing happens, no file is saved", None, None, None, None, None],
        ["Expected result:", None, None, None, None, None],
        ["A spreadsheet of the report is downloaded", None, None, None, None, None]]
    import_all(sqlite_store, write_xlsx(tmp_path / "report_ana.xlsx", {"Sheet1": rows}))
    (issue,) = rows_of(sqlite_store, "issues")
    assert issue["title"] == "The export button does nothing on the report page"
    assert issue["status"] == "Open"
    assert "1. Open the monthly report\n2. Click Export" in issue["description"]
    assert "Actual result: Nothing happens, no file is saved" in issue["description"]
    assert "Expected result: A spreadsheet of the report is downloaded" in issue["description"]
