"""Classes of problem found by import round 61's first run (docs/import-rounds.md, "Round 61"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_TEMPLATE_HEADER = ["#", "Cause\n(condition/situation)", "Event", "Impact", "Risk owner", "Category",
                    "Probability risk rating", "Impact risk rating", "Risk score", "Trigger", "Response"]


def test_an_opportunitys_impact_written_negative_is_its_size(sqlite_store, tmp_path):
    """A course's risk register template rates an opportunity's impact as a negative number ("O | 3 | -4 | -12"),
    so that its score nets against the threats' in the total under the table. The "-4" was no level of the 1–5
    scale: the opportunity's impact was left empty (two course projects, one opportunity each). On a row read as
    an opportunity, the negative number is the size of its impact, the number kept in the notes, said once."""
    rows: list[list[object]] = [
        ["Project:  Wellness roll-out\nDate: 16th June", *[""] * 10],
        _TEMPLATE_HEADER,
        [1, "High enthusiasm", "Adoption beats the target", "Early renewal", "Ann Lee", "O", 3, -4, -12,
         "Enrolment over 70 %", "Scale the coaching"],
        [2, "Privacy worries", "Low opt-in", "KPIs unmet", "Raj Patel", "T", 4, 4, 16, "Enrolment under 30 %",
         "Privacy FAQ"],
        [3, "Vendor delays", "Devices arrive late", "Launch slips", "Raj Patel", "T", 3, 4, 12, "Not shipped",
         "Buffer stock"],
        [4, "Scope requests", "Scope creep", "Budget overrun", "Ann Lee", "T", 4, 3, 12, "Add-on asked",
         "Change control"],
        [5, "Staff leave", "Coach shortage", "Sessions cancelled", "Ann Lee", "T", 2, 5, 10, "Resignation",
         "Bench coaches"],
        [6, "Health data", "Data breach", "Legal liability", "Raj Patel", "T", 2, -2, -4, "Scan alert",
         "Incident plan"],
        ["Total Risk Score", "", "", "", "", "", "", "", -2, "Risk Exposure", ""],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risk Register Template.xlsx",
                                               {"Risk Register Template": rows}))
    risks = named(sqlite_store, "risks")
    won = risks["Adoption beats the target"]
    assert (won["kind"], won["probability"], won["impact"]) == ("Opportunity", 3, 4)
    assert "-4" in won["notes"]
    assert risks["Low opt-in"]["impact"] == 4
    # a threat's negative impact is no level: left out of the impact, kept in the notes, as before
    breach = risks["Data breach"]
    assert breach["kind"] == "Threat" and breach["impact"] is None and "-2" in breach["notes"]
    note = " ".join(s.note for s in plan.sheets)
    assert "writes the impact of 1 opportunity as a negative number" in note


def test_a_column_of_peoples_names_names_no_decision(sqlite_store, tmp_path):
    """An IT controls audit's sample "change_log.csv" ("change_id | user_id | user_name | type_changement | … |
    statut_ticket | date_changement") names no column as the decision: its one column of texts with spaces,
    "user_name", was taken to name them, and eight production changes became eight decisions titled by who made
    them ("Thomas Bernard" three times). A column headed as a person's name, every cell a name, names no record
    but a stakeholder: the file adds nothing."""
    people = ["Thomas Bernard", "Karim Tazi", "Thomas Bernard", "Karim Tazi", "Sara Idrissi", "Thomas Bernard"]
    rows: list[list[object]] = [["change_id", "user_id", "user_name", "change_type", "environment", "ticket",
                                 "change_date"]]
    for k, who in enumerate(people):
        rows.append([f"CHG00{k + 1}", f"U00{k % 3 + 1}", who, "CODE_CHANGE", "PRODUCTION", "APPROVED",
                     f"2026-05-{k + 10}"])
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_csv(tmp_path / "change_log.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []
    # a change log with a column saying what changed beside its people is named by that column, as before
    log = [["change_id", "user_name", "what_changed", "change_date"],
           ["C1", "Thomas Bernard", "Move the launch to May", "2026-05-10"],
           ["C2", "Karim Tazi", "Add two testers", "2026-05-11"],
           ["C3", "Thomas Bernard", "Drop the pilot site", "2026-05-12"]]
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", log))
    assert set(named(sqlite_store, "decisions")) == {"Move the launch to May", "Add two testers",
                                                     "Drop the pilot site"}


def test_a_trackers_sheet_a_person_keeps_each_persons_issues(sqlite_store, tmp_path):
    """An "Issue_Tracker.xlsx" has one sheet a person ("Issue Tracker — Ann" over "ID | Issue | Status"), each
    numbering its issues from 1, one still holding the template's row ("Sample issue — replace with your own").
    That row was merged into the first sheet's issue 1 as its description (the same ID on a sheet of one record
    was read as that record's detail sheet). The placeholder is no record; another person's issue 1 on a copy of
    the same table is another issue, added under a new ID."""
    def sheet(who: str, issue: str) -> list[list[object]]:
        return [[f"Issue Tracker — {who}", "", ""], ["ID", "Issue", "Status"], [1, issue, "Open"]]
    path = write_xlsx(tmp_path / "Issue_Tracker.xlsx", {
        "Ann": sheet("Ann", "Set up a container platform for the app servers"),
        "Bob": sheet("Bob", "Renew the expired certificate on the portal"),
        "Cara": sheet("Cara", "Sample issue — replace with your own")})
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Set up a container platform for the app servers",
                           "Renew the expired certificate on the portal"}
    assert not any("Sample issue" in (r["description"] or "") for r in issues.values())
    assert issues["Set up a container platform for the app servers"]["code"] == "1"
    # the rule's limit: a generated data set naming its risks "Sample risk 1", "Sample risk 2" … keeps every one
    data = [["Risk ID", "Title", "Risk Owner", "Likelihood", "Impact", "Status"]] + [
        [f"R-{1000 + k}", f"Sample risk {k + 1}", "IT", 3, 4, "Open"] for k in range(4)]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk_register.xlsx", {"Risks": data}))
    assert {f"Sample risk {k}" for k in range(1, 5)} <= set(named(sqlite_store, "risks"))
