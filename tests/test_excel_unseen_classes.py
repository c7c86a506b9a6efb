"""Classes of problem found on a round of real public registers nobody had tuned for (round 8): each
test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.risks import RiskAction


def test_misspelt_qualified_and_glued_headers_find_their_fields(sqlite_store, tmp_path):
    """"Likelhood", "Probabilty" (a letter off), "Primary Risk Category" (a qualifier before the field),
    "PowerScore (1-5)" (the scale's name glued to "Score"); "Risk Score" is still no title."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": [
        ["ID", "Risk Description", "Primary Risk Category", "Secondary Risk Category", "Likelhood", "Severty",
         "Risk Score"],
        ["R1", "Supplier fails", "Commercial", "Financial", "Likely", "High", 16],
        ["R2", "Key engineer leaves", "People", "Operational", "Unlikely", "Medium", 6],
        ["R3", "Data centre outage", "Technical", "Operational", "Possible", "High", 12]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [(got[t]["category"], got[t]["probability"], got[t]["impact"]) for t in
            ("Supplier fails", "Key engineer leaves")] == [("Commercial", 4, 4), ("People", 2, 3)]
    assert "Secondary Risk Category: Financial" in got["Supplier fails"]["notes"]

    path = write_csv(tmp_path / "s.csv", [
        ["Stakeholder", "Role", "PowerScore (1-5)", "InterestScore (1-5)"],
        ["City Council Planner", "Urban planning", "5", "4"],
        ["First Home Buyer", "Housing demand", "2", "5"]])
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert (got["City Council Planner"]["power"], got["First Home Buyer"]["interest"]) == (5, 5)


def test_a_scale_left_for_its_text_field_is_taken_by_the_next_column_naming_it(sqlite_store, tmp_path):
    """"Interest in Project" holds sentences (the stakeholder's concerns): "Interest Level" is the scale."""
    path = write_xlsx(tmp_path / "s.xlsx", {"Stakeholder Register": [
        ["Stakeholder", "Role", "Interest in Project", "Power", "Interest Level"],
        ["Clinical Lead", "Lead", "Owns clinical safety and the workflow changes on the ward", "High", "High"],
        ["Finance Partner", "Finance", "Confirms that no capital expenditure is needed this year", "Medium", "Low"],
        ["Patient Lead", "Advisory", "Represents the patient voice and reviews every leaflet", "Low", "Medium"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert [(got[n]["interest"], got[n]["power"]) for n in ("Clinical Lead", "Finance Partner")] == [(4, 4), (2, 3)]
    assert got["Clinical Lead"]["concerns"].startswith("Owns clinical safety")


def test_a_column_of_ratings_is_no_link_to_other_records(sqlite_store, tmp_path):
    """An issue log's "Risk" column holding L / M / H rates the issue; it names no risk."""
    path = write_xlsx(tmp_path / "i.xlsx", {"Sheet1": [
        ["ISSUE LOG"], [],
        ["Project", "Module", "Query", "Risk", "Issue Status"],
        ["Real Estate", "Admin", "Slug length is not mentioned", "L", "Open"],
        ["Real Estate", "Admin", "No message is displayed after saving", "M", "Open"],
        ["Real Estate", "Posts", "Post is published without a title", "H", "Closed"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = named(sqlite_store, "issues")
    assert set(got) == {"Slug length is not mentioned", "No message is displayed after saving",
                        "Post is published without a title"}
    assert got["Post is published without a title"]["status"] == "Closed"
    assert "Risk: H" in got["Post is published without a title"]["description"]


def test_a_schedule_and_a_scoring_legend_add_nothing(sqlite_store, tmp_path):
    """A task plan whose "dependencies" and "owner" columns look like a log's, and a table titled
    "Risk Scoring" listing the levels, are no registers."""
    plan_path = write_csv(tmp_path / "project_plan.csv", [
        ["task_id", "task_name", "description", "owner", "start_date", "end_date", "duration_days",
         "dependencies", "priority", "notes"],
        ["P1-01", "Discovery", "Initial discovery and requirements", "Sarah", "2025-03-03", "2025-04-25", "39", "[]",
         "High", "Done"],
        ["P2-01", "Design", "Design of the consent screens", "Sarah", "2025-04-28", "2025-05-09", "10", "['P1-01']",
         "High", "Late"]])
    with pytest.raises(WorkbookError):
        plan_workbook_import(sqlite_store, plan_path)
    path = write_xlsx(tmp_path / "r.xlsx", {
        "Feuil1": [["Ref", "Risk Description", "Impact", "Likelihood"],
                   [1, "Unauthorized access to internal networks", 4, 4],
                   [2, "Malicious traffic entering the network", 4, 3]],
        "Feuil2": [[None, "Risk Scoring"],
                   [None, "Likelihood", None, None, None, "Impact"],
                   [None, "Likelihood", "Grading", "Description", None, "Impact", "Grading", "Description"],
                   [None, "Highly Probable", 5, "Likely to happen within the next 6 months", None, "Very High", 5,
                    "Legal or regulatory breach"],
                   [None, "Probable", 4, "Likely to happen within the next year", None, "High", 4,
                    "Exposure of sensitive information"],
                   [None, "Possible", 3, "Likely to happen once within two years", None, "Medium", 3,
                    "Internal exposure of sensitive data"],
                   [None, "Unlikely", 2, "Likely to happen once within five years", None, "Low", 2,
                    "Detected incident without harm"]]},
        merges={"Feuil2": ["B1:H1"]})
    plan = import_all(sqlite_store, path)
    assert sorted(named(sqlite_store, "risks")) == ["Malicious traffic entering the network",
                                                    "Unauthorized access to internal networks"]
    assert any(s == "Feuil2" and "legend" in why for s, why in plan.skipped_sheets)


def test_raid_columns_are_judged_on_each_registers_rows_and_repeated_rows_make_one_record(sqlite_store, tmp_path):
    header = ["raid_id", "type", "title", "source", "owner", "probability", "impact", "status"]
    block = [  # "source": the meeting section an item was raised in, not a risk's cause
        ["1", "Issue", "API missing customer master", "NEW ISSUES", "Dev", "N/A", "High", "In Progress"],
        ["2", "Risk", "Further API gaps found late", "RISKS: 1", "PM", "Medium", "High", "Open"],
        ["3", "Issue", "Consent module mandated", "NEW ISSUES", "PM", "N/A", "Critical", "Open"],
        ["4", "Risk", "Go-live date at risk", "RISKS: 3", "PM", "High", "High", "Open"],
        ["5", "Issue", "Gateway changed", "NEW ISSUES", "Tech", "N/A", "Low", "Open"],
    ]
    path = write_csv(tmp_path / "raid_log.csv", [header, *block, *block])  # appended again by the next session
    plan = import_all(sqlite_store, path)
    risks, issues = named(sqlite_store, "risks"), named(sqlite_store, "issues")
    assert sorted(risks) == ["Further API gaps found late", "Go-live date at risk"]
    assert [risks[t]["probability"] for t in sorted(risks)] == [3, 4]
    assert [risks[t]["cause"] for t in sorted(risks)] == ["", ""] and "source: RISKS: 1" in risks[
        "Further API gaps found late"]["notes"]
    assert len(issues) == 3
    assert sum(1 for r in plan.reports if "cell for cell" in r.reason) == 5


def test_rows_alike_but_for_one_cell_are_two_records_even_when_their_hashes_meet(sqlite_store, tmp_path):
    """Only rows whose hash recurs are compared cell for cell (the planner keeps no copy of the others); -1
    and -2 hash alike in Python, so these rows are compared, and found different."""
    header = ["Title", "Likelihood", "Impact", "Owner", "Cost delta"]
    rows = [["Supplier late", 3, 4, "Ann", -1], ["Supplier late", 3, 4, "Ann", -2],
            ["Supplier late", 3, 4, "Ann", -2], ["Budget cut", 2, 2, "Bob", 5]]
    assert hash(tuple(rows[0])) == hash(tuple(rows[1]))
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": [header, *rows]}))
    assert [r.row for r in plan.reports if "cell for cell" in r.reason] == [4]
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == ["Budget cut", "Supplier late",
                                                                          "Supplier late"]


def test_numbering_restarted_below_makes_a_new_record_not_an_error(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Risk Register": [
        ["S.No", "Risk Description", "Probability", "Impact"],
        [1, "Procurement of facade works", 4, 5],
        [2, "Steel erection delayed", 5, 5],
        [1, "Shaft civil works not started", 4, 5]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = named(sqlite_store, "risks")
    assert got["Procurement of facade works"]["code"] == "1"
    assert got["Shaft civil works not started"]["code"] not in ("1", "2")
    assert any("added as a new record" in r.reason for r in plan.reports if r.row == 4)


def test_a_rule_asking_for_a_column_the_sheet_lacks_leaves_the_choice_at_its_default(sqlite_store, tmp_path):
    """An approved decision needs who decided; a log without that column still imports, its status kept
    in the notes, rather than refusing every row."""
    path = write_xlsx(tmp_path / "d.xlsx", {"Decision Log": [
        ["Decision ID Code", "Date", "Decision", "Status"],
        ["GP3_0005", date(2022, 2, 9), "Capture the application environment as written", "Approved"],
        ["GP3_0007", date(2022, 2, 10), "Take the overall length as the depth", "Approved"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = named(sqlite_store, "decisions")
    row = got["Take the overall length as the depth"]
    assert row["code"] == "GP3_0007" and row["status"] != "Decided"
    assert "Status: Decided (not set: Say who took the decision" in row["rationale"]


def test_communications_name_a_misspelt_stakeholder_or_an_audience(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", {
        "Stakeholder Analysis Data": [
            ["Stakeholder", "Power", "Interest"],
            ["Participants", 5, 10], ["Fitness Trainers", 9, 10], ["Program Sponsor", 9, 6]],
        "Stakeholder & Comm Log": [
            ["Stakeholder Name", "Information Needed", "Frequency", "Medium"],
            ["Particpants", "Personal progress, new class options", "Weekly", "Email, App"],
            ["Fitness Trainer", "Participant progress and safety", "Daily", "In-person"],
            ["Insurance Provider", "Incident reports", "As needed", "Email, Phone"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    comms = named(sqlite_store, "communications")
    assert comms["Personal progress, new class options"]["stakeholder"] == "Participants"
    assert comms["Participant progress and safety"]["stakeholder"] == "Fitness Trainers"
    assert comms["Incident reports"]["stakeholder"] in (None, "")
    assert comms["Incident reports"]["audience"] == "Insurance Provider"
    assert len(named(sqlite_store, "stakeholders")) == 3


def test_dependency_statuses_in_a_logs_own_words(sqlite_store, tmp_path):
    path = write_csv(tmp_path / "raid.csv", [
        ["ID", "Type", "Description", "Owner", "Status"],
        ["RAID-1", "Risk", "Vendor API changes late", "Eve", "Open"],
        ["RAID-2", "Dependency", "Vendor delivers the API keys", "Bob", "Closed"],
        ["RAID-3", "Dependency", "Legal signs the data agreement", "Fiona", "Open"]])
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    deps = named(sqlite_store, "dependencies")
    assert [deps[t]["status"] for t in sorted(deps)] == ["On track", "Delivered"]


def test_treatment_response_and_misspelt_contingency_columns_become_response_actions(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [
        ["Project: FIT 3140"], [],
        ["Risk Name", "Probability", "Impact", "Recommended Treatment", "Contigency Plans", "Risk Owner"],
        ["Faulty sensor", "M", "H", "Handle the sensor with care", "Ask for a replacement", "Team"],
        ["Cloud outage", "L", "H", "Choose a provider with backups", "Keep a local copy", "Team"]]})
    import_all(sqlite_store, path)
    with sqlite_store.session() as s:
        actions = sorted(a.description for a in s.query(RiskAction))
    assert actions == ["Ask for a replacement", "Choose a provider with backups", "Handle the sensor with care",
                       "Keep a local copy"]


def test_lists_going_on_over_several_rows_stay_with_their_record(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [
        ["Objective: used by the seller team"],
        ["Stakeholder", None, "Roles", None, "Goals", None, "Pain Points"],
        [],
        ["Customer", None, "Browse,", None, "Clear tracking", None, "Status uncertain"],
        [None, None, "Order", None, "Secure checkout"],
        [],
        ["Seller", None, "List products", None, "Order view", None, "Manual errors"],
        [None, None, "Fulfil", None, "Payments"],
        [None, None, None, None, "Reports"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["Customer", "Seller"]
    assert got["Seller"]["role"] == "List products\nFulfil"
    assert got["Seller"]["concerns"] == "Order view\nPayments\nReports"


def test_a_jira_export_of_the_same_risks_merges_into_them_and_criticality_reads_in_words(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {
        "RiskLog": [["Key", "Summary", "Owner", "Impact", "Likelihood", "Status"],
                    ["RISKMGMT-1", "Vendor API changes late", "Ann", "Minor", "Possible", "Mitigate"]],
        "Export": [["issueKey", "issueType", "Summary", "Assignee", "Status"],
                   ["RISKMGMT-1", "Risk", "Vendor API changes late", "Ann", "Open"]],
        "Dependencies": [["ID", "Dependency", "Owner", "Priority"],
                         ["D1", "Tableau licence renewed", "Bo", "Moderate"],
                         ["D2", "Dataset delivered by the client", "Bo", "Negligible"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    risks = named(sqlite_store, "risks")
    assert list(risks) == ["Vendor API changes late"]
    assert risks["Vendor API changes late"]["status"] == "Open"  # being mitigated, not "Mitigated"
    deps = named(sqlite_store, "dependencies")
    assert [deps[t]["criticality"] for t in sorted(deps)] == ["Low", "Medium"]
