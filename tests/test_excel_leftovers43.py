"""Issue 12's known leftovers of rounds 40–42, each decided as a rule for its class (docs/import-rounds.md,
"Known leftovers of rounds 40–42 (left43)"): each test writes a workbook of that shape and checks what a user
gets."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_runner import run_cli
from focused_keys import type_as_a_person
from imported import by_code, import_all, named, rows_of
from PySide6.QtCore import Qt
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog

IMPACT = "Impact on Project  (Positive, Negative, Influencer, Supporter, Roadblock)"


def _stakeholder_register(tmp_path):
    return write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Sheet1": [
        ["Stakeholder Register"],
        [],
        ["ID", "Stakeholder Name", "Level of Influence (High, Medium, Low)", IMPACT, "Contact Details"],
        [1, "Pam Waston", "High", "Influence", "pam@example.com"],
        [2, "Martin Man", "Medium", "Positive", "martin@example.com"],
        [3, "Frank Dunn", "Low", "Roadblock", "frank@example.com"],
        [4, "Ann Lee", "High", "Supporter", "ann@example.com"],
        [5, "Bob Ray", "Medium", "Negative", "bob@example.com"],
        [6, "Cy Young", "Low", "Influence", "cy@example.com"]]})


def test_a_choice_column_places_its_words_and_keeps_a_word_it_cannot_place(sqlite_store, tmp_path):
    """A stakeholder's "Impact on Project (Positive, Negative, Influencer, Supporter, Roadblock)": the choices
    it lists are the attitude's words, so the column is the attitude (it was kept whole in the notes, every
    attitude Neutral). Positive and Supporter are Supporter, Negative and Roadblock Opponent; "Influence",
    no attitude, leaves the attitude at Neutral (the office's word for not known) with the word kept in the
    notes under the column's header, said on the row and listed in the preview to translate — no row refused."""
    plan = import_all(sqlite_store, _stakeholder_register(tmp_path))
    people = named(sqlite_store, "stakeholders")
    assert {n: p["attitude"] for n, p in people.items()} == {
        "Pam Waston": "", "Martin Man": "Supporter", "Frank Dunn": "Opponent", "Ann Lee": "Supporter",
        "Bob Ray": "Opponent", "Cy Young": ""}  # not assessed yet (round unassessed47): no made-up "Neutral"
    assert "Impact on Project (Positive, Negative, Influencer, Supporter, Roadblock): Influence" in \
        people["Pam Waston"]["notes"]
    # "Positive" read as Supporter is kept beside it, as any word read as another choice (heldout50)
    assert people["Martin Man"]["notes"] == \
        "Impact on Project (Positive, Negative, Influencer, Supporter, Roadblock): Positive"
    assert plan.unplaced[("stakeholders", "attitude")] == {"Influence": 2}
    reasons = {r.report.code: r.report.reason for s in plan.sheets for r in s.rows}
    assert "“Influence” is none of its choices: left empty" in reasons["1"]


def test_a_word_the_choice_column_cannot_place_is_translated_by_a_values_file(tmp_path):
    """Headless, `--values` translates the word the column could not place: "Influence" is Champion."""
    path = _stakeholder_register(tmp_path)
    values = tmp_path / "values.json"
    values.write_text(json.dumps({"stakeholders": {"attitude": {"Influence": "Champion"}}}))
    run_cli("new", "o.pmo", cwd=tmp_path, ok=True)
    run_cli("import", "o.pmo", path, "--values", values, cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "o.pmo")
    try:
        people = named(store, "stakeholders")
        assert (people["Pam Waston"]["attitude"], people["Frank Dunn"]["attitude"]) == ("Champion", "Opponent")
    finally:
        store.close()


def test_a_grc_registers_business_owner_is_the_risks_owner_when_no_column_names_another(sqlite_store, tmp_path):
    """A GRC register writes its headers as identifiers ("Risk_ID | Threat | … | AssetName | BusinessOwner"):
    "BusinessOwner" says what "Business Owner" says, which was read as the risk's owner where no other column
    names one (the owner of the affected asset answers for its risks). It was kept in the notes, every risk
    without an owner. Beside a "RiskOwner" column it stays in the notes."""
    rows = [["Risk_ID", "Threat", "Vulnerability", "Likelihood", "Impact", "AssetName", "BusinessOwner"],
            ["R-001", "Phishing Attack", "Untrained staff", 3, 3, "Customer PII Database", "CTO"],
            ["R-002", "Ransomware", "Unpatched server", 2, 3, "Production Environment", "Head of Support"]]
    import_all(sqlite_store, write_csv(tmp_path / "Prioritised_Risk_Register.csv", rows))
    risks = by_code(sqlite_store, "risks")
    assert (risks["R-001"]["owner"], risks["R-002"]["owner"]) == ("CTO", "Head of Support")
    assert "BusinessOwner" not in (risks["R-001"]["notes"] or "")


def test_a_business_owner_beside_the_risks_own_owner_stays_in_the_notes(sqlite_store, tmp_path):
    rows = [["Risk_ID", "Threat", "Likelihood", "Impact", "RiskOwner", "BusinessOwner"],
            ["R-001", "Phishing Attack", 3, 3, "Ann Lee", "CTO"],
            ["R-002", "Ransomware", 2, 3, "Bob Ray", "CFO"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", rows))
    risks = by_code(sqlite_store, "risks")
    assert risks["R-001"]["owner"] == "Ann Lee"
    assert "BusinessOwner: CTO" in risks["R-001"]["notes"]


def test_the_last_years_target_is_the_benefits_target_and_its_end_the_target_date(sqlite_store, tmp_path):
    """A benefits tracker gives a target per year ("Year 1 Target | Year 2 Target | Year 3 Target"), no target
    column: every benefit had no target, the years only in the notes. The last year's target is the benefit's
    target; where the row gives its start (the realization window's), that year's end is the target date and
    each year's target a planned value on its year's end; a row with no start leaves the date empty and plans
    nothing. Every year's figure stays in the notes as written."""
    path = write_xlsx(tmp_path / "Benefits Tracker.xlsx", {"Benefits": [
        ["Benefits Tracker – Digital Front Door"],
        ["Ref", "Benefit", "Measure / KPI", "Baseline", "Realisation Start", "Year 1 Target", "Year 2 Target",
         "Year 3 Target", "Benefit Owner"],
        ["DFD-1", "Reduced missed appointments", "DNA rate", 9, dt.date(2025, 4, 1), 8, 7, 6, "Outpatients Manager"],
        ["DFD-2", "Staff time released from booking calls", "Hours per week", 120, None, 90, 60, 40, "Access Lead"],
        ["DFD-3", "Patients booking online", "% online", 5, dt.date(2026, 1, 1), 20, 35, None, "Digital Lead"]]})
    import_all(sqlite_store, path)
    benefits = by_code(sqlite_store, "benefits")
    assert {c: (b["target_value"], b["target_date"]) for c, b in benefits.items()} == {
        "DFD-1": (6, dt.date(2028, 3, 31)), "DFD-2": (40, None), "DFD-3": (35, dt.date(2027, 12, 31))}
    plan = sorted((r["on"], r["value"]) for r in rows_of(sqlite_store, "benefit_plan"))
    assert plan == [(dt.date(2026, 3, 31), 8), (dt.date(2026, 12, 31), 20), (dt.date(2027, 3, 31), 7),
                    (dt.date(2027, 12, 31), 35), (dt.date(2028, 3, 31), 6)]
    assert "Year 1 Target: 8" in benefits["DFD-1"]["description"]
    assert "Year 3 Target: 6" in benefits["DFD-1"]["description"]


def _risk_log_rows() -> list[list[object]]:
    words = [("Unauthorised access", "Low", 5, "Operational"), ("Data breach", "High", 15, "Data Privacy"),
             ("Insider threat", "Low", 5, "Operational"), ("Privilege escalation", "High", 15, "Operational"),
             ("Denial of service", "Low", 5, "Data Privacy")]
    return [[f"2026-04-25 22:04:3{k}.519893", "Quick Access on the login screen lets customers in faster",
             f"{k + 1}. {title}", "User error or intentional actions to bypass security measures",
             "Loss of customer trust and financial losses", "Strict access controls and regular checks",
             level, score, category, "Pending Review"] for k, (title, level, score, category) in enumerate(words)]


def test_a_table_without_its_header_row_is_refused_saying_which_header_row_to_add(sqlite_store, tmp_path):
    """An app's "risk_log.csv" written without its header (a blank first line, then the risks): it was refused
    as having no header row naming register columns, which gave its user no way in. The refusal now says the
    file has no header row and which to add, each column with its values and, where they read as a field, its
    name to confirm ("Raised"? for the dates, "Title"? for the short names, "Probability"? for Low / High,
    "Category"? and "Status"? for the words repeated). With that row added the file imports."""
    path = write_csv(tmp_path / "risk_log.csv", [[], *_risk_log_rows()])
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path, create_missing=True)
    said = str(refused.value)
    assert "“risk_log.csv” has no header row" in said
    for guess in ("A “Raised”?", "C “Title”?", "G “Probability”?", "I “Category”?", "J “Status”?"):
        assert guess in said
    assert "B (“Quick Access on the login scre…”)" in said and "H (“5”, “15”)" in said
    header = ["Raised", "Context", "Title", "Cause", "Consequence", "Mitigation", "Probability", "Score", "Category",
              "Status"]
    import_all(sqlite_store, write_csv(tmp_path / "risk_log_headed.csv", [header, *_risk_log_rows()]))
    assert len(rows_of(sqlite_store, "risks")) == 5


def test_a_headed_table_and_a_list_of_words_keep_their_messages(sqlite_store, tmp_path):
    """The line: a first row of words over dates and numbers is a header (of no register's words here), and a
    file of one column is no table: neither is said to lack a header row."""
    headed = write_csv(tmp_path / "log.csv", [["Stamp", "Reading", "Sensor"],
                                              *[[f"2026-01-0{k + 1}", k * 1.5, f"S{k}"] for k in range(5)]])
    single = write_csv(tmp_path / "words.csv", [["alpha"], ["beta"], ["gamma"], ["delta"]])
    for path in (headed, single):
        with pytest.raises(WorkbookError) as refused:
            apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
        assert "has no header row" not in str(refused.value)


def _agent_log(stamp) -> list[list[object]]:
    rows: list[list[object]] = [["OrderID", "Ordered", "Shipped", "Backlog", "Decision", "Reason", "Approved By",
                                 "Approval Date"]]
    for k in range(8):
        held = k % 3 == 2
        rows.append([f"SH-{k + 100}", 50 + k, 20 if held else 50 + k, 30 - k if held else 0,
                     "Hold" if held else "Release", "Not enough stock" if held else "Released in full",
                     "Dana Ortiz", stamp(k)])
    return rows


def test_a_programs_verdicts_with_a_reviewer_and_a_time_stamp_are_no_decisions(sqlite_store, tmp_path):
    """An order agent's "decision_log.csv" that also names who approved each verdict and when, to the second
    ("Approved By | Approval Date"): read as 8 decisions "Release" / "Hold" decided by the approver, since a person
    and a date kept any log an office's. A moment stamped on every row beside rows keyed by another thing's ID
    is the program's sign-off, not an office deciding: refused, saying why."""
    path = write_csv(tmp_path / "decision_log.csv", _agent_log(lambda k: f"2025-02-0{k + 1}T10:1{k}:4{k}.51"))
    with pytest.raises(WorkbookError, match=r"program's verdicts, not an office's decisions: “Decision” repeats 2 "
                                            r"values .*rows keyed by “OrderID”.*; “Approved By” and “Approval Date” \(a time "
                                            r"to the second on every row\) sign off"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "decisions") == []


def test_verdicts_with_a_reviewer_and_the_day_reviewed_stay_decisions(sqlite_store, tmp_path):
    """The line: the day decided, as an office writes it (a change board's "Approve" by a person on a day), keeps
    the rows decisions, each decided by that person."""
    path = write_csv(tmp_path / "decision_log.csv", _agent_log(lambda k: f"2025-02-0{k + 1}"))
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "decisions")) == 8


def test_the_preview_offers_to_translate_the_word_the_choice_column_could_not_place(qtbot, document, tmp_path):
    """In the preview, "Influence" is listed among the values it could not place, with its dropdown: typing
    "Cha" chooses Champion, and the import gives the two stakeholders saying "Influence" that attitude."""
    dialog = ImportDialog(document, _stakeholder_register(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1)
            for r in range(dialog.values_table.rowCount())}
    combo = next(w for label, w in rows.items() if "“Influence”" in label)
    combo.setFocus()
    type_as_a_person(qtbot, "Cha")  # the first key rebuilds the list, its dropdown focused anew  # the preview is planned again with the word translated
    shown = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1).currentText()
             for r in range(dialog.values_table.rowCount())}
    assert [choice for label, choice in shown.items() if "“Influence”" in label] == ["Champion"]
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    people = named(document.store, "stakeholders")
    assert {n: p["attitude"] for n, p in people.items() if p["attitude"] == "Champion"} == {
        "Pam Waston": "Champion", "Cy Young": "Champion"}
    assert people["Frank Dunn"]["attitude"] == "Opponent"
