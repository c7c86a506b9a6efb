"""Issue 12, classes86: the miss classes of unseen set 86 as general rules — a template's example row marked by the
word "Example" alone in a column with no header beside the table; a decision's "Date Required" is its due date; an
issue's "Resolution / Outcome" holding plans is its action. Each test writes a workbook of the shape (never a fetched
file) and failed on the code before (main 8ded34d9), unless its docstring says it guards a reading that must not
change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


@pytest.mark.parametrize("mark", ["Example", "Sample", "e.g.", "Beispiel", "Ejemplo", "Exemple", "Exemplo"])
def test_a_row_marked_by_the_word_example_beside_the_table_is_skipped(sqlite_store, tmp_path, mark):
    """A stakeholder register template filled its first row as an example and wrote "Example" alone in the column
    right of the table, which has no header: the row was imported as a stakeholder with "Column N: Example" in its
    notes. It is the template's example, skipped saying so; a stakeholder whose note merely holds the word stays."""
    rows: list[list[object]] = [
        ["ID", "Name of Stakeholder", "Title", "Department", "Influence", "Additional Notes", None],
        ["001", "Jane Placeholder", "Finance Director", "Finance", "High", "Signs off the budget", mark],
        ["002", "Omar Haddad", "Head of IT", "IT", "Medium", "An example to the team", None],
        ["003", "Lena Vogt", "Buyer", "Procurement", "Low", "Example", None],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholders.xlsx", {"Register": rows}))
    assert set(named(sqlite_store, "stakeholders")) == {"Omar Haddad", "Lena Vogt"}
    reasons = [r.reason for s in plan.sheets for r in s.reports if r.row == 2]
    assert any("example" in r for r in reasons)


@pytest.mark.parametrize("due_header", ["Date Required", "Required by", "Date needed", "Needed By", "Fecha requerida",
                                        "Date requise", "Data necessária", "Benötigt bis"])
def test_a_decisions_date_required_is_its_due_date(sqlite_store, tmp_path, due_header):
    """"Decision ID | Decision | Decision Owner | Date Required | Date Decided": the date the decision is needed by
    was kept in the notes; it is the decision's due date (the date decided stays its decision date)."""
    rows: list[list[object]] = [
        ["Decision ID", "Decision Required / Made", "Decision Owner", due_header, "Date Decided", "Status"],
        ["D-01", "Choose the hosting provider for the pilot", "Mia Stone", date(2025, 4, 14), None, "Open"],
        ["D-02", "Approve the data retention period", "Omar Haddad", date(2025, 5, 2), date(2025, 4, 30), "Decided"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Decision log.xlsx", {"Decisions": rows}))
    decisions = {d["code"]: d for d in rows_of(sqlite_store, "decisions")}
    assert set(decisions) == {"D-01", "D-02"}
    assert str(decisions["D-01"]["due"])[:10] == "2025-04-14"
    assert str(decisions["D-02"]["due"])[:10] == "2025-05-02"


@pytest.mark.parametrize("plan_header", ["Resolution / Outcome", "Outcome / Resolution", "Resolution/Outcome"])
def test_an_issues_resolution_outcome_of_plans_is_its_action(sqlite_store, tmp_path, plan_header):
    """"Issue ID | Issue | Owner | Date Raised | Target Resolution | Resolution / Outcome": the resolution cells say
    what is to be done ("BA to produce …"); they were kept in the description with the target date. They are the
    issue's action, its due date the target resolution."""
    rows: list[list[object]] = [
        ["Issue ID", "Issue Description", "Priority", "Owner", "Date Raised", "Target Resolution", plan_header],
        ["ISS-01", "The approval workflow is not written down anywhere", "High", "Mia Stone", date(2025, 3, 3),
         date(2025, 4, 14), "Business analyst to produce the workflow diagrams and circulate them for sign-off"],
        ["ISS-02", "Nobody owns the test data for the pilot", "Medium", "Omar Haddad", date(2025, 3, 5),
         date(2025, 4, 28), "PMO lead to name a test data owner and publish the list"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": rows}))
    assert {i["code"] for i in rows_of(sqlite_store, "issues")} == {"ISS-01", "ISS-02"}
    actions = {a["description"]: a for a in rows_of(sqlite_store, "issue_actions")}
    assert set(actions) == {"Business analyst to produce the workflow diagrams and circulate them for sign-off",
                            "PMO lead to name a test data owner and publish the list"}
    assert str(actions["PMO lead to name a test data owner and publish the list"]["due"])[:10] == "2025-04-28"


def test_an_issues_resolution_saying_what_was_done_stays_in_the_notes(sqlite_store, tmp_path):
    """Guards a reading that must not change (passes on main too): a "Resolution" column reporting what was done
    ("Fixed in build 42 …") is the issue's outcome, no action to take."""
    rows: list[list[object]] = [
        ["Issue ID", "Issue Description", "Owner", "Status", "Resolution"],
        ["ISS-01", "The login page times out under load", "Mia Stone", "Closed",
         "Fixed in build 42 by raising the pool size"],
        ["ISS-02", "Exports drop the last column", "Omar Haddad", "Closed", "Resolved by patching the export writer"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": rows}))
    assert {i["code"] for i in rows_of(sqlite_store, "issues")} == {"ISS-01", "ISS-02"}
    assert rows_of(sqlite_store, "issue_actions") == []
