"""Issue 12's import leftovers after round 37 (docs/import-rounds.md, "Issue 12's leftovers after round 37
(left39)"): each test writes a workbook of the shape a real one had and checks what a user gets."""

from __future__ import annotations

import openpyxl
import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xls, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import

# ------------------------------------------------------------------ a value in a column with no header


def _issue_list(rows: int) -> list[list[object]]:
    """A web team's issue list: "Problem | Result | Priority | Remarks", a fix's address written in the remarks."""
    out: list[list[object]] = [["Problem", "Result", "Priority", "Remarks"]]
    for i in range(rows):
        out.append([f"Upload of resource {i} fails on the server", "Done" if i % 2 else "", "High",
                    f"chmod the upload folder {i}"])
    return out


def test_a_value_past_the_last_header_is_kept_in_the_notes_under_its_letter(sqlite_store, tmp_path):
    """A second repository address typed in the cell past "Remarks", on the 46th row (round 36's Chinese list):
    the column has no header, so the import read the table four columns wide and the address was lost without a
    word. A value under no header is kept in the record's notes under its column's letter, and the report names
    the column; a row whose only value stands there is said, not dropped unsaid. A key past an empty column beside
    the list is another table's: named as not imported, kept on no record."""
    rows = _issue_list(50)
    rows[45] = [*rows[45], "https://example.org/team/second-repository.git"]
    for i, (code, meaning) in enumerate([("Key", None), ("High", "fix today"), ("Low", "fix this month")], start=2):
        rows[i] = [*rows[i], None, None, code, meaning]  # a key past an empty column: another table's, not kept
    rows.append([None, None, None, None, "Last reviewed by the lead"])
    path = write_xls(tmp_path / "issues.xls", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    issue = named(sqlite_store, "issues")["Upload of resource 44 fails on the server"]
    assert "Column E: https://example.org/team/second-repository.git" in issue["description"]
    sheet = plan.sheets[0]
    assert sheet.extras.get(4) == "Column E"
    assert any("Last reviewed by the lead" in r.report.reason for r in sheet.rows if r.report.row == 52)
    others = [r for r in rows_of(sqlite_store, "issues") if r["title"] != issue["title"]]
    assert not any("Column" in (r["description"] or "") for r in others)
    assert "past an empty column" in sheet.ignored[6] and 6 not in sheet.extras


def test_a_value_in_an_unheaded_column_inside_the_table_is_kept_for_any_register(sqlite_store, tmp_path):
    """A risk register with a column left without a header between two named ones, filled far below the first
    rows the import looks at: kept in the notes as "Column C"; a refused row keeps it in the rows-left-out
    workbook too."""
    rows: list[list[object]] = [["Risk ID", "Risk", None, "Likelihood", "Impact", "Owner"]]
    for i in range(1, 41):
        rows.append([f"R-{i}", f"Supplier {i} may deliver the parts late", None, "Likely", "High", "Ann Lee"])
    rows[33][2] = "see the supplier's letter of 3 March"
    rows[36][1] = None  # refused: a risk with no title
    rows[36][2] = "kept with the row"
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": rows})
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    result = apply_import(sqlite_store, plan, partial=True)
    risk = named(sqlite_store, "risks")["Supplier 33 may deliver the parts late"]
    assert "Column C: see the supplier's letter of 3 March" in risk["notes"]
    assert plan.sheets[0].extras.get(2) == "Column C"
    ws = openpyxl.load_workbook(result.left_out_path).active
    assert [c.value for c in ws[2]][1:4] == ["R-36", None, "kept with the row"]


# ------------------------------------------------------------------ a tracker's labels written into the summary


def test_labels_written_into_the_summary_are_read_as_the_tracker_meant(sqlite_store, tmp_path):
    """A Google Code export writes each issue's labels at the end of its summary ("StackOverflowError
    Type-Defect Priority-High"): every issue was Medium, titled with its labels (round 37, 9 priorities lost).
    The labels are read wherever a tracker writes them so: the priority is the priority, a type saying planned
    work leaves the row out as a tracker's backlog is (said why), other labels are kept labelled in the notes, and
    the title is the summary without them. A title ending in a hyphenated word ("Follow-up") is left whole."""
    rows: list[list[object]] = [["ID", "Status", "Summary"]]
    summaries = [
        ("23", "Accepted", "StackOverflowError in the parser Type-Defect Priority-High"),
        ("22", "Accepted", "Lists keep <p> inside. Type-Defect Priority-Low Milestone-Release1.0"),
        ("21", "Fixed", "Links don't work Type-Defect Priority-Critical OpSys-All"),
        ("20", "Accepted", "Split Factory, Config and Processing Type-Enhancement Priority-Medium"),
        ("19", "Accepted", "Modifier causes wrong paragraph processing. Type-Defect Priority-Medium"),
        ("18", "Accepted", "Paragraph spacing needs a Follow-up"),
    ]
    rows += [list(r) for r in summaries]
    path = write_xlsx(tmp_path / "JTexy issues.xlsx", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(got) == {"23", "22", "21", "19", "18"}
    assert got["23"]["title"] == "StackOverflowError in the parser" and got["23"]["priority"] == "High"
    assert got["22"]["priority"] == "Low" and "Milestone: Release1.0" in got["22"]["description"]
    assert got["21"]["priority"] == "Critical" and "OpSys: All" in got["21"]["description"]
    assert got["19"]["title"] == "Modifier causes wrong paragraph processing." and got["19"]["priority"] == "Medium"
    assert got["18"]["title"] == "Paragraph spacing needs a Follow-up"
    said = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row == 5]
    assert any("Enhancement" in x and "backlog" in x for x in said)


def test_a_risk_registers_labels_in_its_title_read_as_its_columns_would_be(sqlite_store, tmp_path):
    """The same labels in a risk list's title column are read as the same columns of a risk register are: the
    title without them, "Type-Technical" and "Priority-High" kept labelled in the notes (a risk's "Type" column
    says no category: round 4 found it naming threats and issues), never in the title."""
    rows: list[list[object]] = [["Risk ID", "Risk", "Owner"]]
    for i, (kind, level) in enumerate([("Technical", "High"), ("Commercial", "Low"), ("Technical", "Medium"),
                                        ("Schedule", "High")], start=1):
        rows.append([f"R-{i}", f"Vendor {i} may miss the integration date Type-{kind} Priority-{level}", "Ann Lee"])
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert got["R-1"]["title"] == "Vendor 1 may miss the integration date"
    assert "Type: Technical" in got["R-1"]["notes"] and "Priority: High" in got["R-1"]["notes"]
    assert got["R-2"]["title"] == "Vendor 2 may miss the integration date" and "Type: Commercial" in got["R-2"]["notes"]


# ------------------------------------------------------------------ a defect report laid out as test cases

_TEST_CASE_HEADER = ["Test Case No.", "Test Case Item", "Steps to produce", "URL", "Actual Result", "Expected Result",
                     "Details", "1st level Developer Status", "1st level QA Status"]


def _bug_report(actuals: list[str], expected: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [["SALES BILL REPORT"], _TEST_CASE_HEADER]
    for i, (got, wanted) in enumerate(zip(actuals, expected), start=1):
        rows.append([float(i), "Sales", "Transactions > Sales > Add", f"http://example.org/sales-add/{i}", got, wanted,
                     "blink the date field first" if i == 2 else None, None, None])
    return rows


def test_a_defect_report_laid_out_as_test_cases_is_an_issue_log(sqlite_store, tmp_path):
    """A QA team's bug report in its test-case template ("Test Case No. | … | Steps to produce | Actual Result |
    Expected Result | … | QA Status", statuses empty) in "Issues.xlsx" was refused as test cases are (round 37,
    30 rows). Each row whose actual result differs from the expected one is a defect: an issue titled by its
    actual result, numbered by the test case, the steps, the expected result and the rest kept in the
    description. The look-alikes stay refused: a test plan whose actual results say what was expected (all
    passed), one whose actual results are still blank, even under an issue name, and a test-case workbook named as
    test cases whose actual results differ (a run of tests, not an issue log)."""
    actuals = [f"Field {i} does not accept a decimal quantity" for i in range(1, 6)]
    expected = [f"Field {i} should accept a decimal quantity" for i in range(1, 6)]
    path = write_xlsx(tmp_path / "Issues.xlsx", {"Issue page": _bug_report(actuals, expected)})
    plan = import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(got) == 5
    first = got["1"]
    assert first["title"] == "Field 1 does not accept a decimal quantity"
    assert "Steps to produce: Transactions > Sales > Add" in first["description"]
    assert "Expected Result: Field 1 should accept a decimal quantity" in first["description"]
    assert "blink the date field first" in got["2"]["description"]
    assert "Actual Result" in plan.sheets[0].note

    (tmp_path / "plan").mkdir()
    steps = [f"Quantity field {i} accepts a decimal value" for i in range(1, 6)]
    passed = write_xlsx(tmp_path / "plan" / "Issues.xlsx", {"Issue page": _bug_report(steps, steps)})
    blank = write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": _bug_report([""] * 5, steps)})
    failed = [f"Quantity field {i} rejects a decimal value" for i in range(1, 6)]
    plan_named = write_xlsx(tmp_path / "Test Cases.xlsx", {"Sales": _bug_report(failed, steps)})
    for path in (passed, blank, plan_named):
        with pytest.raises(WorkbookError, match="header row naming register columns"):
            plan_workbook_import(sqlite_store, path, create_missing=True)
    assert len(rows_of(sqlite_store, "issues")) == 5


# ------------------------------------------------------------------ a scanner's accepted vulnerabilities


def test_a_list_of_accepted_vulnerabilities_is_refused_saying_what_it_is(sqlite_store, tmp_path):
    """Sysdig's risk acceptances ("Vulnerability | Expiration Date | Reason | Description | Package Name | …", one
    CVE a row, round 34) were refused with "no header row naming register columns … check the workbook", which
    tells the user nothing. The office keeps refusing such a list (docs: each row is a package's flaw the scanner
    keeps current, no risk to the programme said), and now says what it is and how to take them as risks: with a
    "Risk" and an "Owner" column written beside the IDs the same file imports, one risk a row."""
    header = ["Vulnerability", "Expiration Date", "Reason", "Description", "Package Name", "Package Version"]
    cves = ["CVE-2018-19360", "CVE-2018-19361", "CVE-2018-19362", "GHSA-jfh8-c2jp-5v3q"]
    rows: list[list[object]] = [header] + [[c, "2023-06-30", "RiskAvoided", "Some Description",
                                            "com.fasterxml.jackson.core:jackson-databind", "2.9.7"] for c in cves]
    path = write_csv(tmp_path / "risks.csv", rows)
    with pytest.raises(WorkbookError, match=r"software vulnerabilities named by their IDs \(“CVE-2018-19360” …\)"
                                            r".*add columns headed “Risk” .* and “Owner”"):
        plan_workbook_import(sqlite_store, path, create_missing=True)
    written = write_csv(tmp_path / "accepted.csv", [["Risk", "Owner", *header]] + [
        [f"Remote code execution through {r[0]} in the billing service", "Ann Lee", *r] for r in rows[1:]])
    import_all(sqlite_store, written)
    assert len(rows_of(sqlite_store, "risks")) == 4


# ------------------------------------------------------------------ items under captions, no header, no IDs


def test_a_list_of_problems_under_page_captions_with_no_header_is_read(sqlite_store, tmp_path):
    """A web app's "issues.xlsx" (round 35's held-out set, 30 rows refused whole): no header row and no IDs, its
    problems in one column under captions naming the page ("Home page", then the page's address beside the first
    problem, "Done" beside some). Each problem is an issue, its caption kept as its group, the address kept under
    its column's letter, "Done" read as the status. A sheet of labelled steps ("Pretest | …" under "Course-I") in
    the same workbook stays refused."""
    rows: list[list[object]] = [
        ["Home page"],
        ["http://example.org/app/", "Login problem when the window is resized", "Done"],
        [None, "forgot password link closes after two clicks"],
        [None, "courses link goes to the wrong page", "Done"],
        [],
        ["Reports page"],
        [None, "filters are not implemented on the column headers"],
        [None, "remove the staff id column and add a status column", "Done"],
        [None, "remove the extra space after the table rows"],
        [],
        ["Admin Panel"],
        [None, "show the user details page when the admin logs in"],
    ]
    steps: list[list[object]] = [["Course-I"], ["Pretest", "User sees all the video links"],
                                 ["Posttest", "User passes the test with 60% marks"], ["Course-II"],
                                 ["Pretest", "User cannot take this test before passing the first"],
                                 ["Posttest", "User passes the test with 60% marks"]]
    path = write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows, "Version-1- sequence": steps})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert len(got) == 7
    login = got["Login problem when the window is resized"]
    assert login["status"] == "Resolved"
    assert "Group: Home page" in login["description"] and "Column A: http://example.org/app/" in login["description"]
    assert got["filters are not implemented on the column headers"]["status"] == "Open"
    assert "Group: Reports page" in got["remove the extra space after the table rows"]["description"]
    assert "Group: Admin Panel" in got["show the user details page when the admin logs in"]["description"]
    assert [s.sheet for s in plan.sheets] == ["Sheet1"]


def test_the_preview_lists_a_column_with_no_header_and_lets_the_user_map_it(qtbot, document, tmp_path):
    """The preview's mapping named only columns with a header: a value typed past the last header (a second
    address beside the remarks) went nowhere the user could see. It is listed by its letter, "(no header, column
    E)", as kept in the notes, and can be mapped by keyboard like any other column."""
    from PySide6.QtCore import Qt

    from pmo_desktop.views.exchange.import_dialog import KEEP, ImportDialog

    rows = _issue_list(6)
    rows[3] = [*rows[3], "https://example.org/team/second-repository.git"]
    path = write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sheet_combo.setFocus()
    qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)  # "All recognised sheets" → "Sheet1"
    assert dialog.sheet_combo.currentData() == "Sheet1"
    table = dialog.mapping_table
    names = [table.cellWidget(r, 0).text() for r in range(table.rowCount())]
    assert names[-1] == "(no header, column E)"
    combo = table.cellWidget(table.rowCount() - 1, 1)
    assert combo.currentText() == KEEP
    combo.setFocus()
    qtbot.keyClicks(combo, "Owner")
    assert combo.currentData() == "owner"
    assert dialog.mapping_changed
    dialog.recheck_button.setFocus()
    qtbot.keyClick(dialog.recheck_button, Qt.Key.Key_Space)  # Check again
    assert dialog.plan is not None and dialog.plan.sheets[0].mapping.get(4) == "owner"
