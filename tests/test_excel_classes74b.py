"""Issue 12, unseen set 74's form and minutes classes (English registers, measured once on main c8cbaed6): defect
forms one under another beside a section column, a meeting's minutes. Each test writes a workbook of the shape (never a fetched file)
and failed on that main."""

from __future__ import annotations

import re

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_BUGS = [
    ("Login button does nothing on tablets", "Tapping Log in on a tablet leaves the page as it was.", "High",
     "Dana Fox", "Nothing happens.", "The dashboard opens."),
    ("Search accepts an empty query", "Pressing Search with the box empty lists every product.", "Low", None,
     "Every product is listed.", "A hint asks for a word."),
    ("Totals rounded twice on invoices", "An invoice of three lines shows a total one cent off.", "Medium",
     "Omar Haddad", "The total is 10.01.", "The total is 10.00."),
]


def _sectioned_form(number: int, bug: tuple[str, str, str, str | None, str, str]) -> list[list[object]]:
    name, summary, priority, owner, actual, expected = bug
    return [["Section", "Field", "Entry"],
            ["Bug ID", "Reference number", number],
            [None, "Name", name],
            [None, "Raised by", "Kim Park"],
            ["Bug details", "Summary", summary],
            [None, "Steps to reproduce", "1) Open the page.\n2) Do as the summary says."],
            [None, "Priority", priority],
            [None, "Assigned To", owner],
            ["Environment", "OS", "Windows 11"],
            [None, "Browser", "Firefox"],
            ["Outcome", "Actual Result", actual],
            [None, "Expected Result", expected]]


def test_stacked_defect_forms_beside_a_section_column_are_a_defect_each(sqlite_store, tmp_path):
    """A tester's defects as forms one under another (a section's name in column A on its first row only, the label
    in B, the value in C, the column heads again over each form) were read as one issue titled by the heads' "Entry",
    the other forms lost. Without the section column each block is a form: an issue each, its ID named by the
    section ("Bug ID") where the label beside it ("Reference number") names no field, said in the sheet notes."""
    rows: list[list[object]] = [["BUG REPORT", None, None]]
    for number, bug in enumerate(_BUGS, start=1):
        rows += _sectioned_form(number, bug)
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Sheet1": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["title"] for c, r in issues.items()} == {str(n): b[1] for n, b in enumerate(_BUGS, start=1)}
    assert [issues[str(n)]["priority"] for n in (1, 2, 3)] == ["High", "Low", "Medium"]
    assert "Expected Result: The total is 10.00." in issues["3"]["description"]
    assert "Name: Search accepts an empty query" in issues["2"]["description"]
    assert "Read as 3 forms one under another" in plan.sheets[0].note
    assert "section names in the column before their labels" in plan.sheets[0].note
    assert rows_of(sqlite_store, "risks") == []


def _minutes(title: str) -> list[list[object]]:
    return [[None, None, title, None, None, None],
            [None] * 6,
            ["Project:", None, "Harbour app", None, "Date:", "2026-03-02"],
            ["Chair:", None, "Ines Duarte", None, "Venue:", "Room 4"],
            [None] * 6,
            ["Attendees", None, None, None, None, None],
            ["No", "Full Name", "Team", "Position", "Attendance", None],
            [1, "Ines Duarte", "Core", "Lead", "Present", None],
            [2, "Tomas Berg", "Core", "Developer", "Present", None],
            [3, "Hana Sato", "QA", "Tester", "Absent", None],
            [None] * 6,
            ["Agenda", None, None, None, None, None],
            ["- Actions from last time\n- Release date", None, None, None, None, None],
            [None] * 6,
            ["Action items", None, None, None, None, None],
            ["No", "Discussed Items", "Decisions", "Owner", "Deadline", None],
            [1, "Item #1", "<Summarize the content>", None, "<dd/mm/yyyy>", None],
            [2, "Item #2", "<Summarize the content>", None, None, None],
            [None, "<Add more if needed>", None, None, None, None]]


def test_a_meeting_minutes_sheet_is_refused_saying_what_it_is(sqlite_store, tmp_path):
    """A team's minutes template (a title naming minutes, the attendees' table, then "Agenda" and "Action items" alone
    on their rows over a table of placeholders) was read as stakeholders: the attendees and the discussed items'
    header and placeholders. The people at one meeting are no register: refused, saying what the sheet is. A
    stakeholder list under a title naming a meeting's notes, with no minutes' sections, is still imported."""
    said = "a meeting's minutes, titled “Minutes of the Meeting”, with its sections “Attendees”, “Agenda”"
    with pytest.raises(WorkbookError, match=re.escape(said)):
        import_all(sqlite_store, write_xlsx(tmp_path / "Team.xlsx", {"General": _minutes("Minutes of the Meeting")}))
    assert rows_of(sqlite_store, "stakeholders") == []
    listed = [["Stakeholders named in the meeting notes", None, None],
              ["Name", "Role", "Interest"],
              ["Ines Duarte", "Sponsor", "High"], ["Tomas Berg", "Developer", "Medium"], ["Hana Sato", "Tester", "Low"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": listed}))
    assert {r["name"] for r in rows_of(sqlite_store, "stakeholders")} == {"Ines Duarte", "Tomas Berg", "Hana Sato"}


def test_rows_of_angle_bracket_prompts_alone_are_no_records(sqlite_store, tmp_path):
    """A template's rows left with its prompts in single angle brackets ("<Add more if needed>", "<Summarize the
    content> | <dd/mm/yyyy>") were read as records titled by the prompt. A row of such prompts alone holds nothing
    written and is skipped, said; a value opening with "<" and holding a number ("<2 weeks") is a value."""
    rows = [["Issue ID", "Issue", "Owner", "Due date", "Delay"],
            ["I-1", "Vendor contract unsigned", "Ann Lee", "2026-04-01", "<2 weeks"],
            ["I-2", "Test lab not booked", "Raj Mehta", "2026-04-15", None],
            [None, "<Describe the issue>", "<Name>", "<dd/mm/yyyy>", None],
            [None, "‹Add more if needed›", None, None, None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": rows}))
    issues = rows_of(sqlite_store, "issues")
    assert sorted(r["title"] for r in issues) == ["Test lab not booked", "Vendor contract unsigned"]
    assert "Delay: <2 weeks" in next(r["description"] for r in issues if r["code"] == "I-1")
    assert "unfilled placeholders" in plan.sheets[0].note
