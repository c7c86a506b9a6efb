"""Classes of problem found on round 17 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_header_words_of_real_risk_registers_are_read(sqlite_store, tmp_path):
    """Headers written as a sentence or in the office's own words: "Date of Risk Identification (mm/dd/yy)"
    is the raised date; "The likelihood of risk (%)" and "The severity of the risk (1-10)" the probability
    and the impact; "Known threats" the event naming the risk; "Possibility of occurrence" and "Likely Hood
    of happening" the probability; "Risk Prevention" the response plan; "Risk Response" written out
    ("Mitigate the Risk", "Formally Accept the Risk", "No New Actions Needed") the response."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Register": [
            ["Risk Number", "Risk Scenario", "Date of Risk Identification\n(mm/dd/yy)", "Risk Owner",
             "Likelihood", "Impact", "Risk Response"],
            ["R1", "Attackers hide malware on a device", date(2023, 4, 17), "Paul", "Possible", "Moderate",
             "Mitigate the Risk"],
            ["R2", "A phishing email reaches finance", date(2023, 4, 18), "John", "Unlikely", "Major",
             "Formally Accept the Risk"],
            ["R3", "Backups are not tested", date(2023, 4, 19), "Ringo", "Likely", "Minor",
             "No New Actions Needed"]],
        "Risk": [
            ["№", "Classification", "Condition", "The likelihood of risk (%)", "The severity of the risk (1-10)",
             "Prevention"],
            [1, "People", "Work on the project is irregular", 0.2, 5, "Weekly plan"],
            [2, "People", "The customer does not answer for days", 0.6, 8, "Agree a contact"],
            [3, "Technical", "Equipment breaks down", 0.9, 2, "Keep a spare"]]})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["raised_on"] == date(2023, 4, 17) and risks["R3"]["raised_on"] == date(2023, 4, 19)
    assert [risks[c]["response"] for c in ("R1", "R2", "R3")] == ["Reduce", "Accept", "Accept"]
    got = named(sqlite_store, "risks")
    irregular, spare = got["Work on the project is irregular"], got["Equipment breaks down"]
    assert irregular["probability"] is not None and irregular["impact"] is not None
    assert spare["probability"] > irregular["probability"] and spare["impact"] < irregular["impact"]

    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Asset Name", "Known threats", "Vulnerability Description", "Possibility of occurrence", "Risk Treatment"],
        ["Customer records", "Disclosure of personal data", "Stolen credentials", "high", "Accept"],
        ["Card payments", "Fraudulent payments", "Weak checks", "medium", "Accept"],
        ["Key cards", "Cloned key cards", "Old cards", "low", "Reduce"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {"Disclosure of personal data", "Fraudulent payments", "Cloned key cards"} <= set(got)
    assert got["Disclosure of personal data"]["probability"] > got["Cloned key cards"]["probability"]


def test_header_words_of_a_students_risk_table(sqlite_store, tmp_path):
    """"Risk | Level of risk | Likely Hood of happening | Risk Prevention | In the event of Risk happening": the
    likelihood split in two words and the prevention are read, so the table is the risk register."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        [],
        [None, "Risk", "Level of risk", "Likely Hood of happening", "Risk Prevention",
         "In the event of Risk happening"],
        [None, "Hard drive with the observations breaks", "Severe", "Unlikely", "Back up the data weekly",
         "Restore from the backup"],
        [None, "The engine fails to load the project", "Medium", "Likely", "Keep versions in git",
         "Roll back to the last version"],
        [None, "Project files are deleted", "Medium", "Unlikely", "Back up the files", "Restore them"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Hard drive with the observations breaks", "Project files are deleted",
                           "The engine fails to load the project"]
    assert got["The engine fails to load the project"]["probability"] > \
        got["Project files are deleted"]["probability"]


def test_status_words_of_raid_logs_are_read_not_refused(sqlite_store, tmp_path):
    """"Anticipated" is an open risk, "ESCALATED" an open issue, "PENDING" an assumption not validated yet:
    each row is imported, none refused for its status."""
    path = write_xlsx(tmp_path / "PMO_RAID_Log.xlsx", {
        "Risks": [["Risk ID", "Risk Description", "Probability", "Impact", "Status"],
                  ["R-001", "Cost estimates are too low", "High", "High", "Anticipated"],
                  ["R-002", "The schedule is crashed", "High", "High", "Avoided"]],
        "Issues": [["Issue ID", "Issue Description", "Priority", "Owner", "Status"],
                   ["I-001", "Test environment is late", "High", "Ann Lee", "ESCALATED"],
                   ["I-002", "Data has duplicates", "Medium", "Ann Lee", "CLOSED"]],
        "Assumptions": [["Assumption ID", "Assumption Description", "Owner", "Status"],
                        ["A-001", "The team is available full-time", "Ann Lee", "VALIDATED"],
                        ["A-002", "Legacy APIs are documented", "Ann Lee", "PENDING"]]})
    plan = import_all(sqlite_store, path)
    assert not [r for sp in plan.sheets for r in sp.rows if r.report.action.value == "error"]
    assert by_code(sqlite_store, "risks")["R-001"]["status"] == "Open"
    assert by_code(sqlite_store, "issues")["I-001"]["status"] == "Open"
    assumptions = by_code(sqlite_store, "assumptions")
    assert assumptions["A-002"]["status"] == "Open" and assumptions["A-001"]["status"] == "Validated"


def test_a_dependency_on_an_external_party_with_no_needing_project_is_kept(sqlite_store, tmp_path):
    """A one-project RAID log's dependency names the external party it waits on but no project needing it
    (the log is the project's own): the row is imported with its party, not refused (walkthrough 33: a
    dependency with only its party is kept, as one naming neither end is — the party had gone to the notes)."""
    path = write_xlsx(tmp_path / "PMO_RAID_Log.xlsx", {"Dependencies": [
        ["RAID LOG — DEPENDENCIES"], [],
        ["Dep. ID", "Type", "Dependency Description", "Dependent On", "Owner", "External Party", "Required By",
         "Status"],
        ["D-001", "External", "Legacy API documentation needed before integration", "Phase 3 integration",
         "Ann Lee", "Legacy System Vendor", date(2025, 2, 10), "MET"],
        ["D-002", "External", "Security approval needed before go-live", "Phase 5 go-live", "Ann Lee",
         "Agency IT Security Team", date(2025, 4, 5), "OPEN"]]})
    plan = import_all(sqlite_store, path)
    assert not [r for sp in plan.sheets for r in sp.rows if r.report.action.value == "error"]
    deps = by_code(sqlite_store, "dependencies")
    assert sorted(deps) == ["D-001", "D-002"]
    assert deps["D-001"]["external_party"] == "Legacy System Vendor" and deps["D-001"]["to_project"] is None


def test_an_issue_log_workbook_whose_sheet_links_to_risks_is_the_issue_log(sqlite_store, tmp_path):
    """"issue_log.xlsx", its sheet "BTS": "ID | Title | Severity | Owner | Opened | Status | Related Risk" is
    the issue log its file names; a column pointing at a risk ("Related Risk") does not make it the risk
    register. "Opened" is the date raised."""
    path = write_xlsx(tmp_path / "issue_log.xlsx", {"BTS": [
        ["ID", "Title", "Severity (Blocker/Critical/Major/Minor)", "Priority (P1-P4)", "Owner", "Opened",
         "Status", "Description / Repro", "Related Risk"],
        [101, "Crash on load", "Blocker", "P1", "Engineer", date(2025, 10, 28), "Open", "Crashes after boot",
         "Risk #2"],
        [102, "UI overlap in HUD", "Minor", "P3", "UI/UX", date(2025, 10, 27), "Open", "Text overlaps", None],
        [103, "Music loop cuts early", "Minor", "P4", "Audio", date(2025, 10, 25), "In Progress",
         "Stops after 60 s", None]]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    got = named(sqlite_store, "issues")
    assert sorted(got) == ["Crash on load", "Music loop cuts early", "UI overlap in HUD"]
    assert got["Crash on load"]["raised_on"] == date(2025, 10, 28)


def test_a_change_logs_decision_column_is_the_decisions_status(sqlite_store, tmp_path):
    """A change log "ID | Requestor | Change Description | Decision | Decision Date | Owner": its "Decision"
    column (Approved / Deferred) is each change's outcome, the status, not a second title."""
    path = write_xlsx(tmp_path / "change_log.xlsx", {"CL": [
        ["ID", "Requestor", "Change Description", "Reason / Benefit", "Decision", "Decision Date", "Owner"],
        [201, "Design", "Add an enemy variant", "More variety", "Deferred", date(2025, 10, 30), "Producer"],
        [202, "QA", "Fix the level 1 softlock", "Milestone play", "Approved", date(2025, 10, 30), "QA Lead"],
        [203, "Audio", "Polish the music loop", "Quality", "Approved", date(2025, 10, 29), "Audio Designer"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "decisions")
    assert got["Add an enemy variant"]["status"] == "Pending"
    assert got["Fix the level 1 softlock"]["status"] == "Decided"
    assert got["Polish the music loop"]["decided_by"] == "Audio Designer"


def test_a_heat_map_of_numbered_list_references_holds_no_risks(sqlite_store, tmp_path):
    """A probability × impact matrix whose cells say "Risk 3", "Risk 6" (entries of the numbered list of
    risks beside it) names no risk: no record is made of its labels, and the list's risks get none of them. One with the risks' own names in its
    cells still gives them."""
    levels = ["Trivial", "Minor", "Moderate", "Major", "Extreme"]
    listed = ["Security issues", "Wrong development partner", "Pandemic", "Neglected UX", "Missing features",
              "Untrained team"]
    grid = [[None, "Impact", None, None, None, None, None, None, None, None, "No.", "List of risks"],
            ["Probability", None, *levels, None, None, None, 1, listed[0]],
            [None, "Rare", None, "Risk 3", None, None, None, None, None, None, 2, listed[1]],
            [None, "Unlikely", None, None, None, "Risk 6", "Risk 4", None, None, None, 3, listed[2]],
            [None, "Moderate", None, None, None, "Risk 2", None, None, None, None, 4, listed[3]],
            [None, "Likely", None, None, "Risk 5", None, None, None, None, None, 5, listed[4]],
            [None, "Very likely", None, None, None, None, "Risk 1", None, None, None, 6, listed[5]]]
    path = write_xlsx(tmp_path / "Risk_management.xlsx", {"Sheet1": grid})
    # (classes65b: "List of risks" names the risks, so the list beside the matrix is read, the matrix set apart by
    # its axis of level words; before, the sheet was refused whole)
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert sorted(r["title"] for r in risks) == sorted(listed)
    assert all(r["impact"] is None and not r["notes"] for r in risks)
    named_grid = [row[:7] for row in grid]
    named_grid[2][3], named_grid[3][5], named_grid[3][6] = "Server room floods", "Vendor goes bust", "Key staff leave"
    named_grid[4][5], named_grid[5][4], named_grid[6][6] = "Scope creeps", "Budget is cut", "Data is breached"
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_matrix.xlsx", {"Sheet1": named_grid}))
    assert "Vendor goes bust" in named(sqlite_store, "risks")


def test_a_task_list_is_no_issue_log_but_an_issue_log_of_features_is(sqlite_store, tmp_path):
    """"Main Tasks | Status | Priority | Date Completed | Notes": the first column names tasks and no header
    says "issue", so it is a task list, not the issue log. "Feature | Issue Type | Description | Severity"
    (features with their issues) stays the issue log."""
    path = write_xlsx(tmp_path / "ProjectWorkNotes.xlsx", {"Sheet1": [
        [], [None, "Dissertation Work"], [],
        [None, "Main Tasks", "Status", "Priority", "Date Completed", "Notes"],
        [None, "Create tiles for the generator", None, "Medium", None, "Two temporary tiles made"],
        [None, "Write the terrain method", None, "High", date(2018, 3, 19), "Needs more refining"],
        [None, "Write the placement method", None, "High", date(2018, 4, 20), "Works, needs refining"]]})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []
    path = write_xlsx(tmp_path / "issue_log.xlsx", {"Sheet1": [
        ["Feature", "Issue Type", "Description", "Missing %", "Severity", "Resolution"],
        ["sensor_26", "Moderate missing", "10.37 % of readings missing", "10.37 %", "Medium", "Median imputed"],
        ["sensor_53", "Moderate missing", "10.26 % of readings missing", "10.26 %", "Medium", "Median imputed"],
        ["sensor_87", "Moderate missing", "10.24 % of readings missing", "10.24 %", "Low", "Median imputed"]]})
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "issues")) == 3


def test_a_safety_forms_question_headers_and_drop_down_prompts(sqlite_store, tmp_path):
    """A university's risk assessment form: "What are the hazards? What could go wrong?", "What are the
    controls? …", "Select the potential outcome after controls are in place:" and "Select how likely that
    outcome is once the controls are in place:" (each explained on the lines below) ask for the hazard, the
    controls, the impact and the likelihood, each number one of the levels listed under the question (0.5 "No
    harm" … 10 "Fatality": five levels by rank). Its unused rows say "Please select", a drop-down's prompt:
    empty, so no row is refused for them."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Group or Individual", "A. Student"], ["Version", "V2"], [],
        ["Who might be affected:\n- Employees\n- Students", "What are the hazards? What could go wrong?",
         "What are the controls?  What will you do to reduce the risk?\n- Elimination - remove the hazard",
         "Select a the potential outcome after controls are in place:\n\n10 - Fatality\n8 - Severe injury\n"
         "5 - 7+day absence\n3 - Minor injury\n0.5 - No harm",
         "Select how likely that outcome is once the controls are in place:\n\n5 - Almost certain\n1 - Unlikely",
         "Further controls required?"],
        ["Students & Staff", "Cuts from hand tools", "Wear cut proof gloves", 0.5, 2, "NO"],
        ["Students & Staff", "Fumes from soldering", "Ventilate the room", 0.5, 1, "NO"],
        ["Combination", "Fire from combustible items", "Keep ignition sources apart", 3, 2, "NO"],
        ["Please select", None, None, "Please select", "Please select", "Please select"],
        ["Please select", None, None, "Please select", "Please select", "Please select"]]})
    plan = import_all(sqlite_store, path)
    assert not [r for sp in plan.sheets for r in sp.rows if r.report.action.value == "error"]
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Cuts from hand tools", "Fire from combustible items", "Fumes from soldering"]
    assert got["Cuts from hand tools"]["probability"] > got["Fumes from soldering"]["probability"]
    # the outcomes the header lists are its levels by rank: 3 "Minor injury" is the second of five
    assert (got["Fire from combustible items"]["impact"], got["Fumes from soldering"]["impact"]) == (2, 1)


def test_persian_headers_are_read(sqlite_store, tmp_path):
    """An FMEA list in Persian: "متن خطر | شدت | احتمال | کشف" (the risk, its severity, its likelihood, its
    detection) is the risk register, from import_words_fa.json; detection is kept in the notes."""
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": [
        ["متن خطر", "شدت", "احتمال", "کشف"],
        ["نشت گاز در حین تعمیرات مخزن", 5, 4, 2],
        ["برق گرفتگی هنگام تعویض کابل برق", 4, 3, 3],
        ["سقوط از ارتفاع هنگام کار در داربست", 5, 5, 2]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 3
    fall = got["سقوط از ارتفاع هنگام کار در داربست"]
    assert (fall["probability"], fall["impact"]) == (5, 5)
    assert "کشف" in (fall["notes"] or "")


def _register_with_headings(path):
    return write_xlsx(path, {"Arkusz1": [
        [], [], [], [],
        [None, "Risk identification", "Quantitive risk", None, None, None, None, "Risk response"],
        [None, "Risk", "Risk category", "Probability 0-10", "Impact 0-10", "Risk score 0-100", "Risk ranking",
         "Risk response", "Trigger"],
        [1, "Legal"],
        [None, "No certified company car driver", "Regulatory", 3, 8, 24, 4, "Transfer", "Preparation failure"],
        [None, "No procedures for outdoor work", "Governance", 3, 3, 9, 10, "Contingency", "Preparation failure"],
        [2, "Climate"],
        [None, "Measurements delayed by bad weather", "Operational", 8, 4, 32, 2, "Contingency", "Force majeure"],
        [3, "Success"],
        [None, "High demand for a public release", "Strategic", 4, 4, 16, 7, "Exploit", "Project success"],
        [None, "High visibility in the media", "Strategic", 5, 7, 35, 1, "Exploit", "Project success"]]})


def test_numbered_group_headings_between_risks_are_no_risks(sqlite_store, tmp_path):
    """"1 | Legal", "2 | Climate" over the risks of each group: rows naming only a group, each above full
    records, are headings — no risk "Legal" is made; the five risks are."""
    import_all(sqlite_store, _register_with_headings(tmp_path / "RiskRegister.xlsx"))
    assert sorted(named(sqlite_store, "risks")) == [
        "High demand for a public release", "High visibility in the media", "Measurements delayed by bad weather",
        "No certified company car driver", "No procedures for outdoor work"]


def test_a_scale_declared_from_zero_and_a_level_of_field(sqlite_store, tmp_path):
    """"Probability 0-10" declares a scale of ten ("8" is high, not refused; "3" is low, not medium);
    "Level of impact" is the impact ("Level of risk" still rates the record)."""
    plan = import_all(sqlite_store, _register_with_headings(tmp_path / "RiskRegister.xlsx"))
    assert not [r for sp in plan.sheets for r in sp.rows if r.report.action.value == "error"]
    got = named(sqlite_store, "risks")
    assert got["Measurements delayed by bad weather"]["probability"] == 4
    assert got["No certified company car driver"]["probability"] == 2
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Risk no.", "Description", "Likelihood", "Level of impact", "Responsibilty"],
        [1, "Database not working", "Low", "High", "Dev team"],
        [2, "Product deployed broken", "Medium", "High", "Dev team"],
        [3, "Internet service down", "Low", "Medium", "Manager"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["Database not working"]["impact"] > got["Internet service down"]["impact"]


def test_an_exploit_response_makes_the_row_an_opportunity(sqlite_store, tmp_path):
    """A register with no threat / opportunity column whose response says "Exploit" for some rows: those
    rows are opportunities (only an opportunity is exploited), the response kept; the others stay threats."""
    import_all(sqlite_store, _register_with_headings(tmp_path / "RiskRegister.xlsx"))
    got = named(sqlite_store, "risks")
    media = got["High visibility in the media"]
    assert (media["kind"], media["response"]) == ("Opportunity", "Exploit")
    assert got["No certified company car driver"]["kind"] == "Threat"
