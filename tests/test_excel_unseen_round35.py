"""Classes of problem found on round 35 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.datetime


def test_a_teams_diary_of_work_done_side_by_side_adds_no_decisions(sqlite_store, tmp_path):
    """"Change Log.xlsx" of a student team: each member's "Change | Date" columns side by side under their
    name ("Created Draft Project Proposal", 2019-02-04). It gave 41 decisions named by the first member's
    entries, the others' in their rationale. Changes made with only their dates beside them are a diary, not
    decisions: nothing is imported, and the reason is said. A change request log (an ID, who asked, the
    outcome) still goes to the decision log."""
    people = ["Ryan", "Matthew", "Ethan"]
    rows: list[list[object]] = [[None, "Team Knuth Change Log"],
                                [None, *[x for p in people for x in (p, None, None)]],
                                [None, *[x for _ in people for x in ("Change", "Date", None)]]]
    for i in range(8):
        rows.append([None, *[x for j, p in enumerate(people)
                             for x in (f"Created part {i} of the {p.lower()} work", D(2019, 2, 4 + i + j), None)]])
    path = write_xlsx(tmp_path / "Change Log.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    # one person's diary alone, in a sheet named so: the same
    path = write_xlsx(tmp_path / "diary.xlsx", {"Change Log": [
        ["Change", "Date"], *[[f"Added screen {i}", D(2019, 3, 1 + i)] for i in range(5)]]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    # a change request log keeps going to the decision log
    path = write_xlsx(tmp_path / "cr.xlsx", {"Change Log": [
        ["Change", "Date", "Requested by", "Decision"],
        ["Move go-live to June", D(2024, 2, 2), "Cy", "Approved"],
        ["Drop the legacy report", D(2024, 1, 20), "Bob", "Rejected"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "decisions")) == {"Move go-live to June", "Drop the legacy report"}


def test_staff_goals_grouped_by_category_are_no_stakeholders(sqlite_store, tmp_path):
    """An HR sheet of staff goals (employee, department, position, goal category, weight, plan, actual):
    no column named the stakeholders, so the goal's category stood in for their names — 438 stakeholders
    named "Управленческая". A stand-in column repeating a few values over the rows groups them, it names no
    one: the sheet is refused, saying so. A list of stakeholder groups, each named once, is read as before."""
    cats = ["Управленческая", "Проектная", "Развивающая"]
    rows: list[list[object]] = [["Сотрудник", "Подразделение", "Должность", "Категория цели", "Вес, %", "План", "Факт"]]
    for i in range(12):
        rows.append([f"Сотрудник {i // 4}", "Управление", "Заместитель" if i < 8 else "Аналитик", cats[i % 3],
                     10, 75, 70 + i])
    path = write_xlsx(tmp_path / "KPI.xlsx", {"Goals": rows})
    with pytest.raises(WorkbookError, match="grouping of the rows"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []

    groups = [["Stakeholder Group", "Organisation", "Role", "Interest"],
              ["Board", "Acme", "Sponsor", "High"], ["Staff", "Acme", "Users", "Medium"],
              ["Suppliers", "Various", "Vendors", "Low"], ["Regulator", "FCA", "Oversight", "High"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": groups}))
    assert set(named(sqlite_store, "stakeholders")) == {"Board", "Staff", "Suppliers", "Regulator"}


def test_a_safety_risk_assessment_rated_l_s_r_before_and_after(sqlite_store, tmp_path):
    """A safety risk assessment heads its ratings "Initial Risk L | Initial Risk S | Initial Risk R" and
    "Residual Risk L | S | R" (likelihood × severity = risk): the initial likelihood and severity went to the
    notes, and of the residual only the likelihood was read, so no risk had a rating. A word saying the first
    rating ("Initial", "Gross", "Inherent") or a later one ("Residual", "Future") before a likelihood or an
    impact — or before a letter of "L × S = R" — says which it is."""
    rows: list[list[object]] = [["Activity", "Hazard", "Identified at Risk", "Initial Risk L", "Initial Risk S",
                                 "Initial Risk R", "Control Measures", "Residual Risk L", "Residual Risk S",
                                 "Residual Risk R"]]
    hazards = ["Struck by vehicle", "Slips and trips", "Manual handling strain", "Falling objects", "Noise exposure"]
    for i, hz in enumerate(hazards):
        rows.append(["Site entrance", hz, "Visitors", 4 - i % 3, 2 + i % 3, (4 - i % 3) * (2 + i % 3),
                     "Induction and signage", 2, 1 + i % 2, 2 * (1 + i % 2)])
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Assessment.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "risks")
    assert (got["Slips and trips"]["probability"], got["Slips and trips"]["impact"]) == (3, 3)
    assert (got["Slips and trips"]["residual_probability"], got["Slips and trips"]["residual_impact"]) == (2, 2)
    assert "Initial Risk L" not in (got["Struck by vehicle"]["notes"] or "")

    path = write_xlsx(tmp_path / "ra.xlsx", {"Risk Register": [
        ["Risk", "Initial Likelihood", "Initial Severity", "Mitigation", "Future Likelihood", "Future Severity"],
        ["Server outage", "High", "High", "Second site", "Low", "High"],
        ["Data loss", "Medium", "Very High", "Backups", "Low", "Medium"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert (got["Data loss"]["probability"], got["Data loss"]["impact"]) == (3, 5)
    assert (got["Data loss"]["residual_probability"], got["Data loss"]["residual_impact"]) == (2, 3)


def test_a_second_rating_under_a_future_caption_past_a_row_of_dashes(sqlite_store, tmp_path):
    """"Baseline" over the first "Likelihood | Impact | Risk Level", "Future Impact" over the second, groups of
    risks parted by rows of "-": the second pair stayed in the notes as a second "Liklyhood" — "future" was
    no word of a later rating and a dash was taken for a level that is not one. "Impossible" is the lowest
    likelihood."""
    rows: list[list[object]] = [
        ["Ticket:", None, "Risk Assessment"],
        ["Risk", "Risk Statement", "Response Strategy", "Baseline", None, None, "Future Impact"],
        [None, None, None, "Liklyhood", "Impact", "Risk Level", "Liklyhood", "Impact", "Risk Level"],
        ["Operational Risks"],
        ["Tables do not work", "Reducing Risk", "Run tests", "Unlikely", "Very High", 10, "Impossible", "High", 4],
        ["Too many pages", "Reducing Risk", "Fewer pages", "Likely", "Low", 8, "Unlikely", "Low", 4],
        ["Data loss", "Accepting Risk", "Backups", "Unlikely", "High", 8, "Unlikely", "Low", 4],
        ["-", "-", "-", "-", "-", "-", "-", "-", "-"],
        ["Financial Risks"],
        ["Servers left on", "Reducing Risk", "Timer", "Likely", "Low", 8, "Unlikely", "Low", 4],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Assessment.xlsx", {"Risk Assessment": rows}))
    got = named(sqlite_store, "risks")
    assert (got["Tables do not work"]["residual_probability"], got["Tables do not work"]["residual_impact"]) == (1, 4)
    assert got["Servers left on"]["residual_probability"] == 2
    assert "Liklyhood" not in (got["Data loss"]["notes"] or "")


def test_a_consequence_of_scores_is_the_impact_not_its_text(sqlite_store, tmp_path):
    """"Frequency | Consequence | Risk (fxc)" under "CURRENT Risk Level", the same under "FUTURE Risk Level",
    the consequence described in a column of its own: the scores 1–5 were stored as the effect's text ("5")
    and the risk had no impact. A text field's column of levels is its rating when no column gives it."""
    rows: list[list[object]] = [
        [None, None, None, None, "CURRENT Risk Level", None, None, None, "FUTURE Risk Level"],
        ["Type of Risk", "Description of Hazardous event (If…)", "Description of Consequence (Then…)",
         "Mitigation(s)", "Frequency", "Consequence", "Risk (fxc)", "Additional Mitigation(s)", "Frequency",
         "Consequence", "Residual Risk"],
        ["Operational", "If the developer works alone all day", "stress", "talk to them", 3, 5, 15, "ALARP", 2, 5, 10],
        ["Technical", "If the prototype fails in use", "users misled", "error detection", 1, 5, 5, None, 1, 3, 3],
        ["Technical", "If the software has bugs", "delay", "get help", 4, 3, 12, None, 2, 3, 6],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Assessment.xlsx", {"Risk Assessment": rows}))
    got = named(sqlite_store, "risks")
    r = got["If the developer works alone all day"]
    assert (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"]) == (3, 5, 2, 5)
    assert got["If the software has bugs"]["impact"] == 3 and not got["If the software has bugs"]["effect"]


def test_a_jira_export_keeps_its_keys(sqlite_store, tmp_path):
    """"JIRA-ID | Summary | Description": the keys (DEMO-9) went into the description and the issues were
    numbered I-001 …; imported again, each would be a new issue. A tracker's name before "ID" or "Key" is the
    issue's ID."""
    rows = [["JIRA-ID", "Summary", "Description"],
            ["DEMO-9", "Add more unit tests", "Coverage is low"],
            ["DEMO-8", "Configure attachment categories", "Try the cogwheel"],
            ["DEMO-7", "Edit attachments directly", "Open in the editor"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "issues")
    assert got["Add more unit tests"]["code"] == "DEMO-9"
    assert "DEMO-9" not in (got["Add more unit tests"]["description"] or "")


def test_a_risk_matrix_above_the_table_ranks_its_words(sqlite_store, tmp_path):
    """A risk matrix drawn above the risks, "Negligible | Minor | Major | Hazardous | Catastrophic" along its
    top and "Very Unlikely … Very Likely" down its side: "Hazardous" was not placed and "Major" was read 4,
    though it is the third of the sheet's five. The matrix's axes order the words as a legend sheet's do."""
    rows: list[list[object]] = [
        [None, "Risk Matrices"],
        [None, None, "Negligible", "Minor", "Major", "Hazardous", "Catastrophic"],
        [None, "Very Unlikely", "Low", "Low", "Low medium", "Medium", "Medium"],
        [None, "Unlikely", "Low", "Low Medium", "Low medium", "Medium", "Medium High"],
        [None, "Moderate", "Low", "Low Medium", "Medium", "Medium High", "Medium High"],
        [None, "Likely", "Low", "Low medium", "Medium", "Medium high", "High"],
        [None, "Very Likely", "Low medium", "Medium", "Medium high", "High", "High"],
        [], [], [],
        [None, "Risk", "Statement", "Response", "Objective", "Likelihood", "Impact", "Risk Level"],
        [None, "Burns", "Hot drinks could spill", "Seal the cups", "No spills", "Very Unlikely", "Major"],
        [None, "Back pain", "Sitting too long", "Stand up", "No strain", "Unlikely", "Minor"],
        [None, "Electrocution", "Exposed currents", "Insulate", "No shocks", "Very Unlikely", "Hazardous"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "risks")
    assert {t: r["impact"] for t, r in got.items()} == {"Burns": 3, "Back pain": 2, "Electrocution": 4}
