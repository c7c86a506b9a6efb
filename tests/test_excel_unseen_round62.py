"""Classes of problem found by import round 62's first run (docs/import-rounds.md, "Round 62"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def _import(store, path):
    apply_import(store, plan_workbook_import(store, path, create_missing=True), partial=True)


def test_a_data_set_of_votes_read_by_its_id_and_one_column_adds_no_decisions(sqlite_store, tmp_path):
    """The UN General Assembly's votes saved as "decisions.csv" ("decision_id | session_id | meeting_record_id |
    page_number | … | decision_mode | decision_topic | …"): "decision_id" was read as the ID and "decision_mode" as
    the title, and every vote became a decision titled "recorded vote". An ID read beside a title alone, among a
    program's field names, is that program's output as a title alone is: nothing is made, and the refusal says
    why."""
    header = ["decision_id", "session_id", "meeting_record_id", "page_number", "draft_resolution_id",
              "resolution_id", "decision_mode", "decision_topic", "important", "request_by"]
    rows: list[list[object]] = [header]
    for k, mode in enumerate(["recorded vote", "recorded vote", "non-recorded vote", "adopted without vote"]):
        rows.append([f"A/RES/{997 + k}(ES-I)-FP", "ESS-001", f"A/PV.{562 + k}", 34 + k, f"A/{3256 + k}",
                     f"A/RES/{997 + k}(ES-I)", mode, "draft resolution", "not available", "not available"])
    with pytest.raises(WorkbookError, match=r"program's fields \(“decision_id”, “session_id”, “meeting_record_id” "
                                            r"…: 9 of its 10 headers are identifiers\), and only “decision_mode” "
                                            r"reads as a decision's"):
        _import(sqlite_store, write_csv(tmp_path / "decisions.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []
    # a tool's export whose identifiers name the office's own fields beside its ID is read as before
    tool = [["decision_id", "decision_title", "decided_by", "decision_date", "status"],
            ["D-1", "Move the launch to May", "Board", "2025-09-03", "Approved"],
            ["D-2", "Hire two testers", "PMO", "2025-09-04", "Approved"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisions_export.csv", tool))
    assert set(named(sqlite_store, "decisions")) == {"Move the launch to May", "Hire two testers"}


def test_risk_or_opportunity_beside_ticked_risk_types_and_a_grouped_residual_impact(sqlite_store, tmp_path):
    """A contract risk register ("Risk/Opportunity | Description of Risk/Opportunity | Risk Type - Financial |
    Risk Type - People | … | Probability - Pre Mitigation - Likelihood / - Impact | … | Probability - Post
    Mitigation - Likelihood / - Impact"): the ticked types (True / False) were read as the kind first, so the
    column saying Risk or Opportunity stayed the title and every risk was titled "Risk" or "Opportunity", its
    description in the notes; the residual impact, written under the group "Probability - Post Mitigation", was
    taken for a second likelihood and kept in the notes. The column naming the kind gives it, the description
    names the risk, and the part after the group names the residual impact."""
    rows: list[list[object]] = [
        ["RiskIDNumber", "Raised By", "Risk/Opportunity", "Description of Risk/Opportunity", "Risk Type - Financial",
         "Risk Type - People", "Probability - Pre Mitigation - Likelihood", "Probability - Pre Mitigation - Impact",
         "Status", "Risk Owner", "Probability - Post Mitigation - Likelihood", "Probability - Post Mitigation - Impact"],
        ["R001", "Alice", "Risk", "Data breach through unpatched servers", "True", "False", "High", "High", "Open",
         "Alice", "Medium", "Low"],
        ["R002", "Dave", "Opportunity", "Cheaper fuel from a second supplier", "True", "False", "Medium", "High",
         "Open", "Eve", "Low", "Medium"],
        ["R003", "Judy", "Risk", "Key engineer leaves mid-contract", "False", "True", "Low", "Medium", "Open",
         "Peggy", "Low", "Low"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "Risk_Register.csv", rows))
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"Data breach through unpatched servers", "Cheaper fuel from a second supplier",
                          "Key engineer leaves mid-contract"}
    fuel = risks["Cheaper fuel from a second supplier"]
    assert fuel["kind"] == "Opportunity" and risks["Key engineer leaves mid-contract"]["kind"] == "Threat"
    assert (fuel["residual_probability"], fuel["residual_impact"]) == (2, 3)  # Low, Medium on the 1–5 scale
    assert risks["Data breach through unpatched servers"]["residual_impact"] == 2
    # a RAID log's "type" saying the register's noun on every row names no kind: not read as the kind, each risk the
    # default threat
    raid = [["raid_id", "type", "title", "status", "owner", "probability"],
            ["R-001", "Risk", "Supplier exits the market", "Open", "Kim", "High"],
            ["R-002", "Risk", "Budget cut in Q3", "Open", "Lee", "Low"],
            ["R-003", "Risk", "Data centre move slips", "Open", "Lee", "Medium"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "raid_log.csv", raid))
    assert "kind" not in plan.sheets[0].mapping.values()
    assert named(sqlite_store, "risks")["Data centre move slips"]["kind"] == "Threat"
    # one word after the group ("Impact - Cost") is the group's own kind: the column is read as before
    plain = [["ID", "Risk", "Impact - Cost", "Owner"], ["R-9", "Late steel delivery", "High", "Kim"],
             ["R-10", "Crane hire overrun", "Low", "Kim"]]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", plain))
    assert named(sqlite_store, "risks")["Late steel delivery"]["residual_impact"] is None


def test_a_sheet_describing_the_registers_columns_adds_no_risks_and_an_unfilled_residual_pair(sqlite_store, tmp_path):
    """An ISO 27001 risk register: "Risk Register" rates each risk "Likelihood (b) | Consequence (c)" 1–5, then
    "Likelihood (d) | Impact (e)" under "Residual Risk Assessment", never filled in; "Doc Info" explains each
    column, one line a column ("Risk Identification | Risk ID | Unique Identification of Risk", "| Threats |
    Probable event …"). The empty "Impact (e)" held the impact, the consequence's 5 stored as the effect's text,
    and "Doc Info" made risks coded "Threats", "Likelihood (b)" …. The rated consequence is the impact, and a
    sheet naming its rows by another sheet's headers is that sheet's glossary: skipped, saying so."""
    register: list[list[object]] = [
        ["Risk Identification", "", "", "Risk Analysis", "", "Risk Mitigation", "Residual Risk Assessment", ""],
        ["Risk ID", "Threats", "Vulnerabilities", "Likelihood (b)", "Consequence (c)", "Risk Mitigation plan",
         "Likelihood (d)", "Impact (e)"],
        ["R-001", "Ransomware encryption", "No offline backup", 3, 5, "Weekly offline backups", None, None],
        ["R-002", "SQL injection attack", "No input validation", 4, 5, "Parameterised queries", None, None],
        ["R-003", "Laptop theft", "Unencrypted disks", 2, 4, "Encrypt every disk", None, None],
    ]
    glossary: list[list[object]] = [  # beside it, what each level of inherent and residual risk asks for
        ["Asset Evaluation", "Asset ID", "Unique identification of the asset", "", "Inherent Risk Treatment Plan"],
        ["", "Identification Date", "Date on which the risk is identified", "", "Priority", "Mitigation Plan",
         "Contingency Plan"],
        ["", "Asset", "Asset assessed for risk", "", "Extreme", "Must", "Must"],
        ["", "Asset Owner", "Person responsible for treating the risk", "", "Major", "Must", "Required"],
        ["", "C", "Confidentiality requirement, 1 to 3", "", "Medium", "Required", "Nice to have"],
        ["", "I", "Integrity requirement, 1 to 3", "", "Minor", "Nice to have", "Not required"],
        ["", "A", "Availability requirement, 1 to 3"],
        ["", "Asset Value (a)", "Sum of the asset's ratings", "", "Residual Risk Priority", "Risk Treatment"],
        ["Risk Identification", "Risk ID", "Unique identification of the risk", "", "Extreme",
         "Mitigation plan and contingency plan to be identified and implemented"],
        ["", "Threats", "Probable event that may harm the information system", "", "Major",
         "Mitigation plan and contingency plan to be identified and implemented"],
        ["", "Vulnerabilities", "Weakness or weak points in an asset or process", "", "Medium",
         "Mitigation and contingency is not mandatory however suggested"],
        ["Risk Analysis", "Likelihood (b)", "Probability of occurrence of the threat, 1 to 5", "", "Minor",
         "Mitigation and contingency not required"],
        ["", "Consequence (c)", "Impact of occurrence of the threat, 1 to 5"],
        ["Risk Mitigation", "Risk Mitigation plan", "Plan of action to reduce the risk"],
        ["Residual Risk Assessment", "Likelihood (d)", "Probability of occurrence after the plan"],
        ["", "Impact (e)", "Impact of occurrence after the plan"],
        ["", "Existing Controls", "Controls against the threat already in place"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risk_register.xlsx",
                                               {"Doc Info": glossary, "Risk Register": register}))
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"Ransomware encryption", "SQL injection attack", "Laptop theft"}
    assert (risks["Laptop theft"]["probability"], risks["Laptop theft"]["impact"]) == (2, 4)
    assert not risks["Laptop theft"]["effect"]
    assert any(title == "Doc Info" and "describes the columns of sheet “Risk Register”" in why
               for title, why in plan.skipped_sheets)
    # a register whose names share a word or two with another sheet's headers is read
    actions = [["Risk ID", "Risk", "Owner"], ["R-1", "Threats", "Kim"], ["R-2", "Budget overrun", "Kim"],
               ["R-3", "Crane hire overrun", "Lee"], ["R-4", "Late steel delivery", "Lee"],
               ["R-5", "Site flooding", "Kim"], ["R-6", "Permit delay", "Lee"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "two.xlsx", {"Risks": actions, "Register": register}))
    assert "Permit delay" in named(sqlite_store, "risks")


def test_a_github_import_of_a_development_plan_by_sprints_adds_no_issues(sqlite_store, tmp_path):
    """A development plan written for GitHub's issue import, saved as "project_issues.csv" ("Title | Body |
    Assignees | Labels | Milestone | ProjectColumn", milestones "Sprint 1", "Sprint 2", every card in the board's
    "Backlog"): it made 9 issues and 7 people "@devops", "@qa" …. A column counting sprints, however headed, and the
    board's column are two columns only planned work keeps: nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["Title", "Body", "Assignees", "Labels", "Milestone", "ProjectColumn"]]
    for k, (title, who) in enumerate([("T1: Repo kickoff", "@team-lead"), ("T2: Account hardening", "@infra"),
                                      ("T3: Secrets inventory", "@devops"), ("T4: Detection webhook", "@dev")]):
        rows.append([title, f"Deliver step {k + 1} of the plan", who, "security,infra", f"Sprint {k // 2 + 1}",
                     "Backlog"])
    with pytest.raises(WorkbookError, match=r"backlog.*“ProjectColumn”, “Milestone”"):
        _import(sqlite_store, write_csv(tmp_path / "project_issues.csv", rows))
    assert rows_of(sqlite_store, "issues") == [] and rows_of(sqlite_store, "people") == []
    # an issue log whose milestones are a project's stages is read, its milestone kept on each issue
    log = [["Title", "Body", "Assignees", "Milestone", "Status"],
           ["Printer jams on level 2", "Paper feed fails", "Kim", "Phase 1", "Open"],
           ["VPN drops at noon", "Drops for 5 minutes", "Lee", "Go-live", "Open"],
           ["Badge reader fails", "Door 3 stays shut", "Lee", "Phase 2", "Closed"]]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", log))
    assert set(named(sqlite_store, "issues")) == {"Printer jams on level 2", "VPN drops at noon", "Badge reader fails"}

