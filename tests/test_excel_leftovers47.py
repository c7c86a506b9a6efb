"""Issue 12's known leftovers after rounds 45 and 46, each decided as a rule for its class (docs/import-rounds.md,
"Known leftovers of rounds 45–46 (left47)"): each test writes a workbook of that shape and checks what a user
gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def _tracker(tmp_path, third_year):
    return write_xlsx(tmp_path / "Benefits Tracker.xlsx", {"Benefits": [
        ["Ref", "Benefit", "Measure / KPI", "Baseline", "Realisation Start", "Year 1 Target", "Year 2 Target",
         "Year 3 Target", "Benefit Owner"],
        ["DFD-1", "Reduced missed appointments", "DNA rate", 9, dt.date(2025, 4, 1), 8, 7, third_year, "Ann"]]})


def test_a_reimport_of_targets_per_year_keeps_the_planned_values_added_in_the_office(qtbot, document, tmp_path):
    """A re-import's targets per year replaced the benefit's whole trajectory, so a planned value a user added
    in the office (a mid-year milestone) was dropped without a word. The sheet's years update or add the values
    on their years' ends; a day the sheet states nothing for is kept, the preview says so, and undo puts every
    planned value back as it was."""
    store = document.store
    import_all(store, _tracker(tmp_path, 6))
    with store.transaction() as s:
        benefit = by_code(store, "benefits")["DFD-1"]["id"]
        records.create_record(s, REGISTERS["benefit_plan"], {"on": dt.date(2026, 9, 30), "value": 7.5},
                              parent_id=benefit)
    before = rows_of(store, "benefit_plan")

    dialog = ImportDialog(document, _tracker(tmp_path, 5))
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok
    years = next(s for s in dialog.plan.sheets if s.synthetic)
    assert "DFD-1 1 planned value" in years.note and "kept" in years.note
    changed = [r.report for r in years.rows if r.report.action.value == "update"]
    assert [r.reason for r in changed] == [
        "a year's target changed: the planned value on 2028-03-31 goes from 6 to 5."]
    dialog.do_import()

    planned = sorted((r["on"], r["value"]) for r in rows_of(store, "benefit_plan"))
    assert planned == [(dt.date(2026, 3, 31), 8), (dt.date(2026, 9, 30), 7.5), (dt.date(2027, 3, 31), 7),
                       (dt.date(2028, 3, 31), 5)]
    assert by_code(store, "benefits")["DFD-1"]["target_value"] == 5

    document.undo_stack.undo()
    assert rows_of(store, "benefit_plan") == before
    assert by_code(store, "benefits")["DFD-1"]["target_value"] == 6


def test_a_log_of_past_events_is_titled_by_its_subject(sqlite_store, tmp_path):
    """A risk log of past controversies, "date | subject | trigger | consequence | severity | note", was refused
    whole: no column titled the records. "Subject" names the records of a risk log as it does an issue's or a
    decision's (a ticket's, a mail's title): each row a risk titled by what it is about, its trigger and
    consequence in their fields, the severity its impact, the rest in the notes; rows of one subject stay three
    records."""
    path = write_csv(tmp_path / "risk_log.csv", [
        ["date", "subject", "trigger", "consequence", "severity", "note"],
        ["2021-02", "Lead voice actor", "Remarks on a live stream", "Agency apologised", 4, "first of three"],
        ["2021-06", "Lead voice actor", "Same, follow-up", "Two games replaced the voice", 4, ""],
        ["2025-03", "Supporting cast", "Not stated", "Three roles recast without notice", 3, "reported"]])
    import_all(sqlite_store, path)
    risks = sorted(rows_of(sqlite_store, "risks"), key=lambda r: r["code"])
    assert [(r["title"], r["trigger"], r["effect"], r["impact"]) for r in risks] == [
        ("Lead voice actor", "Remarks on a live stream", "Agency apologised", 4),
        ("Lead voice actor", "Same, follow-up", "Two games replaced the voice", 4),
        ("Supporting cast", "Not stated", "Three roles recast without notice", 3)]
    assert "date: 2021-02" in risks[0]["notes"] and "first of three" in risks[0]["notes"]


def test_a_go_no_go_review_log_imports_its_verdicts_as_decisions(sqlite_store, tmp_path):
    """A go / no-go review log, "review_date | reviewer | recommendation | rationale | next_action", was refused:
    no column named the decisions. The review's verdict is the decision, taken by the reviewer on the review's
    date; a verdict alone ("No-Go") is titled with its rationale's first sentence, the rationale kept whole, the
    next action under it. A recommendation written out is the title as written."""
    path = write_csv(tmp_path / "decision_log.csv", [
        ["review_date", "reviewer", "recommendation", "rationale", "next_action"],
        ["2026-03-28", "Grace Green", "No-Go", "Critical uplink anomaly remains open. Rerun planned.",
         "Close ANOM-001 and rerun TST-003"],
        ["2026-04-11", "Grace Green", "Go", "All anomalies closed", ""],
        ["2026-04-20", "Omar Haddad", "Proceed to pilot in two regions before the national roll-out",
         "Capacity is proven at regional scale only", ""]])
    import_all(sqlite_store, path)
    decisions = sorted(rows_of(sqlite_store, "decisions"), key=lambda r: r["code"])
    assert [(r["title"], r["decided_by"], r["decided_on"]) for r in decisions] == [
        ("No-Go: Critical uplink anomaly remains open", "Grace Green", dt.date(2026, 3, 28)),
        ("Go: All anomalies closed", "Grace Green", dt.date(2026, 4, 11)),
        ("Proceed to pilot in two regions before the national roll-out", "Omar Haddad", dt.date(2026, 4, 20))]
    # a decision keeps what no field takes under its rationale, as the register has no notes
    assert decisions[0]["rationale"] == ("Critical uplink anomaly remains open. Rerun planned.\n"
                                         "next_action: Close ANOM-001 and rerun TST-003")
    again = write_csv(tmp_path / "Go-No-Go reviews.csv", [
        ["Review ID", "Reviewer", "Go/No-Go", "Rationale"],
        ["GR-1", "Grace Green", "No-Go", "Vendor has not signed the SLA"]])
    import_all(sqlite_store, again)
    assert by_code(sqlite_store, "decisions")["GR-1"]["title"] == "No-Go: Vendor has not signed the SLA"


def _actions(store):
    entity = REGISTERS["risk_actions"].entity
    risks = {r["id"]: r["code"] for r in rows_of(store, "risks")}
    with store.session() as s:
        return sorted((risks[a.risk_id], a.description, a.actionee and a.actionee.name) for a in s.query(entity))


def test_actions_on_their_own_sheet_are_tied_to_the_risks_naming_their_ids(sqlite_store, tmp_path):
    """A template's actions on their own sheet, tied to their risks only by the risk's "ID Ação de Contingência"
    (the action's ID), were skipped: no column of the action sheet names its risk. Each action is now the
    risk's that names its ID, in any language the import words know; the risks' ID column is no response plan."""
    path = write_xlsx(tmp_path / "riscos.xlsx", {
        "Riscos": [["#", "Descrição", "Responsável", "Probabilidade", "ID Ação de Contingência"],
                   [1, "Verba não liberada atrasa o início", "Tarcísio", "Alto", None],
                   [2, "Reuniões adiadas por ausência de membros", "Italo", "Médio", 1],
                   [3, "Fornecedor sem capacidade", "Italo", "Baixo", 2]],
        "Ações": [["ID Ação", "Ação", "Responsável"],
                  [1, "Enviar e-mail com a data da reunião", "Italo"],
                  [2, "Contratar um segundo fornecedor", "Tarcísio"],
                  [3, None, None]]})
    import_all(sqlite_store, path)
    assert _actions(sqlite_store) == [("2", "Enviar e-mail com a data da reunião", "Italo"),
                                      ("3", "Contratar um segundo fornecedor", "Tarcísio")]
    assert "ID Ação de Contingência: 1" in by_code(sqlite_store, "risks")["2"]["notes"]

    english = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["Ref", "Risk", "Owner", "Likelihood", "Contingency Action ID"],
                  ["R-7", "Supplier cannot scale", "Ann", "High", "A-2"]],
        "Actions": [["Action ID", "Action", "Owner"], ["A-2", "Qualify a second supplier", "Bea"]]})
    import_all(sqlite_store, english)
    assert ("R-7", "Qualify a second supplier", "Bea") in _actions(sqlite_store)


def test_an_action_no_risk_names_leaves_the_action_sheet_skipped_saying_why(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["Ref", "Risk", "Owner", "Likelihood", "Contingency Action ID"],
                  ["R-7", "Supplier cannot scale", "Ann", "High", "A-2"]],
        "Actions": [["Action ID", "Action", "Owner"], ["A-2", "Qualify a second supplier", "Bea"],
                    ["A-3", "Review the contract", "Bea"]]})
    plan = import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risk_actions") == []  # nor is the risk's "A-2" an action of its own
    assert "Contingency Action ID: A-2" in by_code(sqlite_store, "risks")["R-7"]["notes"]
    assert any(t == "Actions" and "no Risk ID column ties them" in why for t, why in plan.skipped_sheets)


def test_a_role_title_joined_by_a_slash_stays_one_owner(sqlite_store, tmp_path):
    """Decided with no change (left46h's rule holds): "CISO / Security Manager" is one role written two ways, not
    two people — "CISO" is no name on its own — so it stays one owner as written. Where the same column writes
    "CISO" alone on another row, CISO is someone the sheet names and owns the risk, the whole cell in its notes."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Owner"],
        ["R-1", "Phishing leads to credential theft", "High", "High", "CISO / Security Manager"]]})
    import_all(sqlite_store, path)
    assert by_code(sqlite_store, "risks")["R-1"]["owner"] == "CISO / Security Manager"
    both = write_xlsx(tmp_path / "Security Risks.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Owner"],
        ["S-1", "Ransomware on file servers", "High", "High", "CISO"],
        ["S-2", "Unpatched VPN appliance", "Medium", "High", "CISO / Security Manager"]]})
    import_all(sqlite_store, both)
    second = by_code(sqlite_store, "risks")["S-2"]
    assert second["owner"] == "CISO" and "Owner: CISO / Security Manager" in second["notes"]
