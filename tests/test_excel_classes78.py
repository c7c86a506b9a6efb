"""Issue 12, classes78: the miss classes of unseen set 78 as general rules — a weighted scoring matrix is no register;
a standalone action list is refused saying how to keep its rows as issues; a goal names a benefit; an owner written
as a program's key ("owner_key") is the owner; a category whose register's noun is dropped is said. Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main 80a65bc2)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_weighted_scoring_matrix_is_refused_saying_what_it_is(sqlite_store, tmp_path):
    """Options scored against weighted criteria ("No. | Evaluation Criteria | Description | Weighting |
    Consideration | Points", then "Score | Sub Total" per option under a two-row header, SUM formulas) were read as
    risks titled by the description. A criteria column beside a weights column is a scoring matrix: refused, why."""
    rows: list[list[object]] = [
        ["No.", "Evaluation Criteria", "Description", "Weighting", "Consideration", "Points", "Supplier A", None,
         "Supplier B", None],
        [None, None, None, None, None, None, "Score", "Sub Total", "Score", "Sub Total"],
        [1, "Price", "Total cost over three years", 0.4, "Below budget", 10, 10, "=SUM(G3:G4)*$D3", 0,
         "=SUM(I3:I4)*$D3"],
        [None, None, None, None, "Above budget", 0, None, None, 0, None],
        [2, "Support", "Hours of cover and response times", 0.3, "Around the clock", 5, 5, "=SUM(G5:G6)*$D5", 5,
         "=SUM(I5:I6)*$D5"],
        [None, None, None, None, "Office hours", 2, None, None, 2, None],
        [3, "Experience", "References from similar projects", 0.3, "Three or more", 5, 5, "=SUM(G7:G7)*$D7", 0,
         "=SUM(I7:I7)*$D7"],
    ]
    path = write_xlsx(tmp_path / "selection.xlsx", {"Sheet1": rows},
                      merges={"Sheet1": ["G1:H1", "I1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "A5:A6", "B5:B6",
                                         "C5:C6", "D5:D6"]})
    with pytest.raises(WorkbookError, match=r"weighted scoring matrix \(“Evaluation Criteria”, “Weighting”\)"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "issues") == []


def test_a_risk_register_with_a_weighting_column_is_still_read(sqlite_store, tmp_path):
    """The rule needs criteria and weights both and no risk columns: a register weighing its risks is read."""
    rows: list[list[object]] = [["Risk ID", "Risk Description", "Probability", "Impact", "Weighting", "Owner"],
                                ["R1", "Key supplier fails", 3, 4, 0.5, "Ana"],
                                ["R2", "Budget cut mid-year", 2, 5, 0.5, "Ben"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    assert set(named(sqlite_store, "risks")) == {"Key supplier fails", "Budget cut mid-year"}


_GOALS = [["Goal", "Owner", "Target Date", "Status", "Details"],
          ["All product specifications signed off", "Ana", date(2026, 3, 1), "In Progress", "Every module covered"],
          ["Pilot run with two customers", "Ben", date(2026, 5, 1), "Not Started", "Feedback gathered weekly"]]
_ACTIONS = [["ID", "Assignee", "Task", "Priority", "Status", "Due Date", "Category", "Notes"],
            [1, "Ana", "Draft the test plan", "High", "In Progress", date(2026, 2, 1), "QA", ""],
            [2, "Ben", "Book the pilot sites", "Medium", "Not Started", date(2026, 2, 15), "Ops", "two sites"],
            [3, "Cem", "Write the user guide", "Low", "Not Started", date(2026, 3, 1), "Docs", ""]]


def test_a_goal_titles_a_benefit_and_an_action_list_says_how_to_keep_its_rows(sqlite_store, tmp_path):
    """A workbook of "Goals" (Goal, Owner, Target Date, Status, Details) and "Action Items" (ID, Assignee, Task,
    Priority, Status, Due Date …): the goals were benefits titled by their details, the goal in the notes; the
    action list was skipped saying only that the office keeps actions on risks and issues. A goal names the
    benefit; the action list stays out (an action is no issue) and its reason says how to keep each as an issue."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Goals": _GOALS, "Action Items": _ACTIONS}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"All product specifications signed off", "Pilot run with two customers"}
    assert benefits["Pilot run with two customers"]["description"].startswith("Feedback gathered weekly")
    reasons = dict(plan.skipped_sheets)
    assert "choose Issues for this sheet" in reasons["Action Items"]
    assert "--register issues" in reasons["Action Items"]
    assert rows_of(sqlite_store, "issues") == []


def test_an_action_list_alone_is_refused_saying_how_to_keep_its_rows(sqlite_store, tmp_path):
    with pytest.raises(WorkbookError, match=r"action list.*choose Issues"):
        import_all(sqlite_store, write_xlsx(tmp_path / "action_items.xlsx", {"Action Items": _ACTIONS}))


@pytest.mark.parametrize("header", ["owner_key", "Owner ID", "assignee_key"])
def test_an_owner_written_as_a_programs_key_is_the_owner(sqlite_store, tmp_path, header):
    """"owner_key" holding short handles (geo, fra) was kept in the notes: no owner on any risk."""
    path = write_csv(tmp_path / "risks.csv", [
        ["risk_id", "state", "category", "risk", header, "response"],
        ["R-001", "Open", "Staffing", "Key roles may stay unfilled", "geo", "Name interim owners"],
        ["R-002", "Open", "Tooling", "The build server may not be ready", "fra", "Order a spare"]])
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {t: r["owner"] for t, r in risks.items()} == {"Key roles may stay unfilled": "geo",
                                                          "The build server may not be ready": "fra"}


def test_a_category_stored_without_the_registers_noun_is_said(sqlite_store, tmp_path):
    """"Third-Party Risk" joined the list as "Third-Party" (the noun only qualifies the word, so "Third-Party" and
    "Third-Party Risk" are one category) but the report listed the new value only: the change is said now."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["risk_id", "risk_title", "risk_category", "likelihood", "impact"],
        ["R-1", "Vendor evidence not reviewed", "Third-Party Risk", 3, 4],
        ["R-2", "Backups not tested", "Resilience", 2, 4],
        ["R-3", "Cost overrun on licences", "Financial Risk", 2, 3]])
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert risks["Vendor evidence not reviewed"]["category"] == "Third-Party"
    notes = plan.sheets[0].note
    assert "“Third-Party Risk” read as Third-Party (1 row) (the risk's noun dropped" in notes
    assert "Financial Risk" not in notes  # the office's own category: nothing changed, nothing said
