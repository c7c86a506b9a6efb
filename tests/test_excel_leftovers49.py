"""Issue 12's known leftovers after rounds 47 and 48, each decided as a rule for its class (docs/import-rounds.md,
"Known leftovers of rounds 47–48 (left49)"): each test writes a workbook of that shape and checks what a user
gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def _benefits_with_a_plan(tmp_path, name, planned):
    """A benefits register of two benefits and a plan sheet listing values of the first only."""
    return write_xlsx(tmp_path / name, {
        "Benefits": [["Benefit ID", "Benefit", "Measure", "Baseline", "Target", "Owner"],
                     ["B-1", "Fewer missed appointments", "DNA rate", 9, 5, "Ann"],
                     ["B-2", "Shorter waits", "Days", 30, 10, "Bea"]],
        "Benefit plan": [["Benefit ID", "Date", "Planned value"], *planned],
        "Benefit measurements": [["Benefit ID", "Date", "Actual value"], ["B-1", dt.date(2026, 3, 31), 8.5]]})


def _values(store, register):
    codes = {r["id"]: r["code"] for r in rows_of(store, "benefits")}
    entity = REGISTERS[register].entity
    with store.session() as s:
        return sorted((codes[x.benefit_id], x.on, x.value) for x in s.query(entity))


def test_a_plan_sheet_updates_the_values_it_gives_and_keeps_every_other(qtbot, document, tmp_path):
    """A re-import whose plan sheet lists values of B-1 deleted the planned and actual values of B-2 (updated by
    the register sheet, named by no plan row) and B-1's values on days the sheet does not give — added in the
    office. Now a plan or measurement row updates the value on its day or adds one, nothing else is deleted, the
    preview says each change and how many are kept, and undo puts every value back."""
    store = document.store
    import_all(store, _benefits_with_a_plan(tmp_path, "Benefits.xlsx", [
        ["B-1", dt.date(2026, 3, 31), 8], ["B-1", dt.date(2027, 3, 31), 6]]))
    ids = {code: r["id"] for code, r in by_code(store, "benefits").items()}
    with store.transaction() as s:  # added in the office since
        records.create_record(s, REGISTERS["benefit_plan"], {"on": dt.date(2026, 9, 30), "value": 7.0},
                              parent_id=ids["B-1"])
        records.create_record(s, REGISTERS["benefit_plan"], {"on": dt.date(2026, 12, 31), "value": 20.0},
                              parent_id=ids["B-2"])
        records.create_record(s, REGISTERS["benefit_measurements"], {"on": dt.date(2026, 6, 30), "value": 25.0},
                              parent_id=ids["B-2"])
    plan_before, actuals_before = rows_of(store, "benefit_plan"), rows_of(store, "benefit_measurements")

    dialog = ImportDialog(document, _benefits_with_a_plan(tmp_path, "Benefits.xlsx", [
        ["B-1", dt.date(2026, 3, 31), 8], ["B-1", dt.date(2027, 3, 31), 5.5], ["B-1", dt.date(2028, 3, 31), 5]]))
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok
    sheet = next(s for s in dialog.plan.sheets if s.sheet == "Benefit plan")
    assert [r.report.action.value for r in sheet.rows] == ["skip", "update", "insert"]
    assert [r.report.reason for r in sheet.rows[:2]] == [
        "same as stored.", "changes the planned value on 2027-03-31: Planned value 6 → 5.5."]
    assert "B-1 1 planned value" in sheet.note and "kept" in sheet.note
    assert "1 planned value of 1 benefit" in sheet.note  # B-2's, the sheet not naming it
    assert sheet.replaced_children == 0
    dialog.do_import()

    assert _values(store, "benefit_plan") == [
        ("B-1", dt.date(2026, 3, 31), 8), ("B-1", dt.date(2026, 9, 30), 7), ("B-1", dt.date(2027, 3, 31), 5.5),
        ("B-1", dt.date(2028, 3, 31), 5), ("B-2", dt.date(2026, 12, 31), 20)]
    assert _values(store, "benefit_measurements") == [
        ("B-1", dt.date(2026, 3, 31), 8.5), ("B-2", dt.date(2026, 6, 30), 25)]

    document.undo_stack.undo()
    assert rows_of(store, "benefit_plan") == plan_before
    assert rows_of(store, "benefit_measurements") == actuals_before


def test_a_title_line_naming_the_register_the_sheet_or_the_file_is_not_said(sqlite_store, tmp_path):
    """"Not imported, above the header: “Stakeholder Register”" told the user nothing: a line above the header
    made of the register's names, the sheet's, the file's and years only is a title and not said; any other
    line above a header is said as before."""
    book = write_xlsx(tmp_path / "Acme Onboarding.xlsx", {
        "Sheet1": [["Stakeholder Register"], ["ACME ONBOARDING – PROJECT STAKEHOLDER LIST 2026"],
                   ["Prepared by the PMO for the steering group"],
                   ["Name", "Role", "Influence", "Interest"],
                   ["Ann Lee", "Sponsor", "High", "High"]],
        "Risks": [["PROJECT RISK REGISTER"], [None],
                  ["ID", "Risk", "Owner"], ["R1", "Vendor late", "Ann Lee"]]})
    plan = import_all(sqlite_store, book)
    notes = {s.sheet: s.note or "" for s in plan.sheets}
    assert "Not imported, above the header: “Prepared by the PMO for the steering group”." in notes["Sheet1"]
    assert "Stakeholder Register" not in notes["Sheet1"] and "ACME" not in notes["Sheet1"]
    assert "above the header" not in notes["Risks"]
    assert by_code(sqlite_store, "risks")["R1"]["title"] == "Vendor late"


def test_a_cell_joining_two_roles_or_teams_is_one_owner_said_in_the_preview(sqlite_store, tmp_path):
    """"ML + QA", "Finance / HR" and "Cloud Architect / Security Analyst" name two roles or teams jointly: each
    stays one owner as written, as "CISO / Security Manager" did — "Cloud Architect / Security Analyst" had been
    split to "Cloud Architect" because each part looked like a person's full name — and the preview says so.
    Two people ("Ana Silva / Ben Costa") are still split to the first, the whole cell in the notes."""
    book = write_xlsx(tmp_path / "risk_register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Owner"],
        ["R-1", "False positives block real mail", "ML + QA"],
        ["R-2", "Payroll cut-over slips", "Finance / HR"],
        ["R-3", "Public bucket exposes exports", "Cloud Architect / Security Analyst"],
        ["R-4", "Supplier exits the market", "Ana Silva / Ben Costa"],
        ["R-5", "Model drifts", "ML Engineer"]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[f"R-{i}"]["owner"] for i in range(1, 6)] == [
        "ML + QA", "Finance / HR", "Cloud Architect / Security Analyst", "Ana Silva", "ML Engineer"]
    assert "Owner: Ana Silva / Ben Costa" in risks["R-4"]["notes"]
    note = plan.sheets[0].note
    assert ("“Owner” joins names in one cell on some rows (“ML + QA”, “Finance / HR”, “Cloud Architect / Security "
            "Analyst”): not each a person the office or the sheet names alone (roles, teams), so each such cell "
            "stays one name, as written.") in note


def test_an_action_logs_planned_dates_and_follow_up_are_kept(sqlite_store, tmp_path):
    """An action sheet's "Planned start / Planned end / Follow-up date / Follow-up notes" were not imported (no
    place for them). An action's planned end is when it is to be done: its Due. The planned start and the
    follow-up have no field of an action, so they are kept under the action's text, each under its header, as a
    decision keeps under its rationale what no field takes — and the preview says so, column by column."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["Risk ID", "Risk", "Owner"], ["R-1", "Vendor delivers late", "Ann Lee"]],
        "Risk actions": [["Risk ID", "Action", "Owner", "Planned start", "Planned end", "Follow-up date",
                          "Follow-up notes", "Status"],
                         ["R-1", "Agree a recovery plan", "Ann Lee", dt.date(2026, 1, 12), dt.date(2026, 2, 27),
                          dt.date(2026, 3, 6), "Check the vendor kept the plan", "In progress"]]})
    plan = import_all(sqlite_store, book)
    sheet = next(s for s in plan.sheets if s.sheet == "Risk actions")
    assert sheet.mapping[4] == "due"
    assert "kept on each record" in sheet.ignored[3] and "kept on each record" in sheet.ignored[6]
    entity = REGISTERS["risk_actions"].entity
    with sqlite_store.session() as s:
        (action,) = s.query(entity).all()
        assert action.due == dt.date(2026, 2, 27)
        assert action.description.splitlines() == [
            "Agree a recovery plan", "Planned start: 2026-01-12", "Follow-up date: 2026-03-06",
            "Follow-up notes: Check the vendor kept the plan"]
