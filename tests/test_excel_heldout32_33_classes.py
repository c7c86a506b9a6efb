"""Import rounds 32 and 33's held-out misses, each as the general rule it is (issue 12), on workbooks these
tests write: a Redmine export whose "Tracker" names its bugs beside other requests, a time frame that is no
plan, a misspelt title header, a tracker's API field names, a tool's own status word filling a status column."""

from __future__ import annotations

import openpyxl
import pytest
from imported import import_all, named, rows_of

from pmo_desktop.excel.errors import WorkbookError


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_redmine_tracker_keeps_its_bugs_and_leaves_its_other_requests_out(sqlite_store, tmp_path):
    # the first rows are all requests, as in an export sorted by number: the bugs lie far below them
    rows = [["#", "Solution", "Tracker", "Status", "Subject", "Assignee", "Updated"]]
    for n in range(40):
        kind = ("Content Requests", "RPA Trainings", "Deployment Request")[n % 3]
        rows.append([str(9000 - n), "Automation", kind, "New", f"Request number {n}", "Ana Reyes",
                     "12/31/2024 03:41 PM"])
    rows += [["120", "Toolbox", "Bug", "Validation", "Autoscript error", "Tom Li", "07/02/2024 04:42 PM"],
             ["110", "Toolbox", "Issue request", "Development", "Login loops", "Tom Li", "07/01/2024 09:00 AM"],
             ["100", "Toolbox", "Toolbox Issue request", "New", "Report is blank", "Ana Reyes",
              "06/30/2024 10:00 AM"]]
    plan = import_all(sqlite_store, _xlsx(tmp_path / "issues.xlsx", rows))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Autoscript error", "Login loops", "Report is blank"}
    assert {t: r["status"] for t, r in issues.items()} == {
        "Autoscript error": "Open", "Login loops": "Open", "Report is blank": "Open"}
    skipped = [r.reason for s in plan.sheets for r in (p.report for p in s.rows) if r.reason]
    assert len(skipped) == 40 and all("“Tracker”" in why and "not an issue" in why for why in skipped)
    # an issue log's own "Type" ("Technical", "Supplier") sorts issues: only "Tracker" says some rows are none
    rows = [["ID", "Type", "Issue", "Status", "Owner"],
            ["I-1", "Technical", "Build server down", "Open", "Ana"],
            ["I-2", "Bug", "Report is blank again", "Open", "Tom"],
            ["I-3", "Supplier", "Late delivery", "Open", "Ana"]]
    import_all(sqlite_store, _xlsx(tmp_path / "issue_log.xlsx", rows))
    assert {"Build server down", "Report is blank again", "Late delivery"} <= set(named(sqlite_store, "issues"))


def test_a_time_frame_is_no_plan_and_exploitability_is_the_likelihood(sqlite_store, tmp_path):
    # a security review's findings: "Remediation Timeframe" says how soon, "Exploitability" how likely, and a
    # CVSS score of 9.4 is the finding's own (no product of the office's levels): kept in the notes
    path = tmp_path / "risk-register.csv"
    path.write_text("\n".join([
        "ID,Finding,CVSS Score (approx),Severity,Exploitability,Remediation Timeframe,Owner",
        "1,Malicious File Upload,9.4,Critical,High - no authentication required,24-48 hours,Ana",
        "2,Stored XSS,7.6,High,Medium - requires victim interaction,1-2 weeks,Tom",
        "3,Weak TLS ciphers,5.3,Medium,Low - requires network position (MITM),30 days,Ana",
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert not rows_of(sqlite_store, "risk_actions")  # no plan of "24-48 hours"
    assert {t: r["probability"] for t, r in risks.items()} == {
        "Malicious File Upload": 4, "Stored XSS": 3, "Weak TLS ciphers": 2}
    upload = risks["Malicious File Upload"]["notes"]
    assert "Remediation Timeframe: 24-48 hours" in upload and "CVSS Score (approx): 9.4" in upload


def test_a_next_step_is_the_response_plan(sqlite_store, tmp_path):
    path = tmp_path / "risks.csv"
    path.write_text("\n".join([
        "program,description,owner,severity,status,next_step",
        "Digit Scale,Bracket delivery may slip,Alex,High,Open,Escalate to supplier + identify alternate bracket",
        "Digit Scale,Test rig not ready,Sam,Medium,Open,Borrow the lab's rig",
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} == {
        "Escalate to supplier + identify alternate bracket", "Borrow the lab's rig"}
    assert not any("next_step" in (r["notes"] or "") for r in named(sqlite_store, "risks").values())


def test_a_redmine_api_csv_is_an_issue_log_not_a_risk_register(sqlite_store, tmp_path):
    # project, category and due date read as a risk's; "tracker_id" says the rows are a tracker's tickets
    path = tmp_path / "export.csv"
    path.write_text("\n".join([
        "id,project,assigned_to,subject,description,date_start,date_end,status,category,due_date,tracker_id",
        ",web-shop,grjug,Checkout button dead,Nothing happens on click,2013-10-04,2013-10-05,clos,front,"
        "25-10-2013,anomalie",
        ",web-shop,amel,Prices rounded wrong,Totals off by a cent,2013-10-06,,new,back,30-10-2013,anomalie",
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "risks")
    issues = named(sqlite_store, "issues")
    assert {t: (r["description"] or "").splitlines()[0] for t, r in issues.items()} == {
        "Checkout button dead": "Nothing happens on click", "Prices rounded wrong": "Totals off by a cent"}
    assert issues["Checkout button dead"]["status"] == "Closed"


def test_a_misspelt_title_header_still_names_the_records(sqlite_store, tmp_path):
    # "Tiltel": before, no column named the records and a data row was taken for the header
    path = tmp_path / "issues.csv"
    path.write_text("\n".join([
        "Tiltel,Assignee,Label",
        '"Login page times out","Mark","bug,help wanted"',
        '"Export loses the dates","",""',
        '"Search finds nothing","Mark","bug"',
        '"Totals off by a cent","","bug"',
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "issues")) == {
        "Login page times out", "Export loses the dates", "Search finds nothing", "Totals off by a cent"}
    # beside a description alone a typo names no register: a smoothie's health benefits add nothing
    path = tmp_path / "benefits.csv"
    path.write_text("benid,tittle,description\n1,Filling but Low-Calorie,Keeps you full\n"
                    "2,Fat-Busting Ingredients,Berries help\n3,Quick to make,Five minutes\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "benefits")


def test_records_numbered_by_their_noun_are_titles_not_statuses(sqlite_store, tmp_path):
    # "Problem 2" is no "Problem resolved" cut short: the issues' names, each Open
    path = tmp_path / "issues.csv"
    path.write_text("\n".join(["Title,Assignee"] + [f"Problem {n},Mark" for n in range(1, 6)]) + "\n",
                    encoding="utf-8")
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert set(issues) == {f"Problem {n}" for n in range(1, 6)}
    assert {r["status"] for r in issues.values()} == {"Open"}


def test_a_jira_rest_resolutiondate_filled_resolves_the_issue(sqlite_store, tmp_path):
    # Jira's REST field names flattened to columns: "resolutiondate" is "resolution date" written as one word
    path = tmp_path / "jira.csv"
    path.write_text("\n".join([
        "assignee_email,created,resolutiondate,summary,id,key",
        "ana@example.com,2018-05-11T09:46:53.000+0300,2018-05-18T09:30:34.000+0300,Re-create schemas,4545,CSC-14",
        "tom@example.com,2018-05-11T10:39:07.000+0300,,Access to the group,4547,SD-183",
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    assert {t: r["status"] for t, r in named(sqlite_store, "issues").items()} == {
        "Re-create schemas": "Resolved", "Access to the group": "Open"}


def test_a_threat_models_unchecked_risks_keep_their_status_column(sqlite_store, tmp_path):
    # a threat-modelling tool marks every risk nobody reviewed yet "Unchecked": most of the column. Before, the
    # whole status column went to the notes, so the one mitigated risk stayed Open
    rows = [["ID", "Identified Risk", "Likelihood", "Impact", "Status"]]
    rows += [[f"T-{n}", f"Threat number {n}", "likely", "high", "Unchecked"] for n in range(1, 9)]
    rows += [["T-9", "Secrets in the repository", "likely", "high", "Mitigated"],
             ["T-10", "Open admin port", "likely", "high", "false-positive"]]
    import_all(sqlite_store, _xlsx(tmp_path / "risks.xlsx", rows))
    risks = named(sqlite_store, "risks")
    assert risks["Secrets in the repository"]["status"] == "Closed"
    assert risks["Open admin port"]["status"] == "Closed"
    assert {risks[f"Threat number {n}"]["status"] for n in range(1, 9)} == {"Open"}


def test_a_csvs_lines_pasted_whole_into_column_a_are_split(sqlite_store, tmp_path):
    # `gh issue list` pasted into a workbook: each line one cell of column A, no header; a quoted title keeps
    # its comma. Before, one column of whole lines: refused
    lines = ['3,OPEN,"Login fails, then hangs",bug,2023-05-12 09:46:09 +0000 UTC',
             "2,CLOSED,Export loses the dates,,2023-05-11 09:14:07 +0000 UTC",
             "1,OPEN,Search finds nothing,bug,2023-05-12 09:08:49 +0000 UTC"]
    import_all(sqlite_store, _xlsx(tmp_path / "issues.xlsx", [[x] for x in lines]))
    issues = named(sqlite_store, "issues")
    assert {t: r["status"] for t, r in issues.items()} == {
        "Login fails, then hangs": "Open", "Export loses the dates": "Closed", "Search finds nothing": "Open"}



def test_a_github_sheet_whose_labels_mark_an_enhancement_leaves_it_out(sqlite_store, tmp_path):
    # labels written quoted, one row labelled with no kind at all ("question, wontfix"): still an issue
    path = tmp_path / "issues.csv"
    path.write_text("\n".join([
        "title,body,labels,assignee",
        'Login fails,Steps below,"bug, documentation",ana',
        'Dark mode,Please add,"""enhancement"", ""good first issue""",tom',
        'Why is it slow,Question,"""invalid"", ""question"", ""wontfix""",ana',
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "issues")) == {"Login fails", "Why is it slow"}
