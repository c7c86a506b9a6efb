"""Issue 12, unseen set 72's one-field miss classes (English registers, measured once on main a57a92c5): a response
cell written "strategy: action", a mitigation header with a qualifier before it, a defect's "Submitted Date". Each
test writes a workbook of the shape (never a fetched file) and failed on that main."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.header_detection import ALL_KINDS, RESPONSE_PLAN, map_header


def _kind(register: str):  # type: ignore[no-untyped-def]
    return next(k for k in ALL_KINDS if k.register == register and not k.is_child)


def test_a_response_written_strategy_colon_action_gives_the_action_too(sqlite_store, tmp_path):
    """"Avoiding: Ensure all team members are aware …", "Mitigating: Find loopholes …", "Transfering: Contract":
    the strategy was read as the response, the text after the colon kept only in the notes — no action made. A
    column most of whose cells are so written is read so: the word (a form or a slip of a response word) the
    response, the rest the risk's action, said once in the sheet notes."""
    rows = [["ID", "Risk", "Likelihood", "Impact", "Risk Response", "Who is Responsible"],
            ["R1", "Requirements misunderstood", 3, 5, "Avoiding: Ensure all team members know the requirements",
             "Ann Lee"],
            ["R2", "Marketing strategy fails", 4, 4, "Mitigating: Find loopholes in the strategy", "Raj Mehta"],
            ["R3", "Programmer resigns", 5, 5, "Transfering: Contract", "Ann Lee"],
            ["R4", "Vendor changes the requirements", 3, 2, "Transfering: Need to find another vendor", "Raj Mehta"],
            ["R5", "Hardware failure", 4, 4, "Accept", "Ann Lee"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RiskManagement.xlsx", {"Sheet1": rows}))
    risks = by_code(sqlite_store, "risks")
    assert {c: r["response"] for c, r in risks.items()} == {
        "R1": "Avoid", "R2": "Reduce", "R3": "Transfer", "R4": "Transfer", "R5": "Accept"}
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Ensure all team members know the requirements", "Find loopholes in the strategy", "Contract",
                       "Need to find another vendor"}
    assert "Find loopholes" not in (risks["R2"]["notes"] or "")
    notes = " ".join(s.note for s in plan.sheets)
    assert "“Risk Response” is written as a strategy, a colon, then what is done" in notes
    # only a column most of whose cells open with a strategy is read so: one "Note: …" among plain strategies is
    # not split (a response written out is its plan whole, as before)
    rows = [["ID", "Risk", "Likelihood", "Impact", "Response"], ["S1", "Budget cut", 3, 5, "Avoid"],
            ["S2", "Staff leave", 4, 4, "Reduce"], ["S3", "Supplier fails", 5, 5, "Note: see the contract"],
            ["S4", "Scope creep", 3, 2, "Accept"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": rows}))
    assert by_code(sqlite_store, "risks")["S4"]["response"] == "Accept"
    assert "see the contract" not in {a["description"] for a in rows_of(sqlite_store, "risk_actions")}


def test_a_mitigation_header_with_a_qualifier_before_and_after_names_the_actions(sqlite_store, tmp_path):
    """"MVP Mitigation (Anodiam-Led)": a product's word before a known plan word and a remark in brackets after it
    was kept in the notes on every row. A plan header with one word before it that names nothing else is the plan;
    a word saying when the rating was made ("Post Mitigation") or what is already there keeps its own reading."""
    rows = [[None, None, None, None], ["Risk Category", "Impact", "Probability", "MVP Mitigation (Acme-Led)"],
            ["Asset theft", 4, 4, "KYC checks, GPS tracking, security deposits"],
            ["Insurance and liability", 5, 4, "Partner with an insurer; clear terms of use"],
            ["Low adoption", 3, 3, "Referral scheme and launch events"],
            ["Battery fire", 5, 1, "ALARP"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "RiskAnalysis.xlsx", {"Sheet1": rows}))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"KYC checks, GPS tracking, security deposits", "Partner with an insurer; clear terms of use",
                       "Referral scheme and launch events"}
    # "ALARP" (as low as reasonably practicable) says no more is done: no action, kept in the notes
    fire = next(r for r in rows_of(sqlite_store, "risks") if r["title"] == "Battery fire")
    assert "ALARP" in (fire["notes"] or "")
    risks = _kind("risks")
    assert map_header(risks, ["Risk", "Team Mitigation"])[0].get(1) == RESPONSE_PLAN
    for header in ("Post Mitigation", "Pre-Mitigation", "Owner Mitigation", "ID Mitigation", "Vendor Response",
                   "PJ Tindak Lanjut", "Sistem Pengendalian"):  # Indonesian: the word before is the head
        assert map_header(risks, ["Risk", header])[0].get(1) != RESPONSE_PLAN, header


def test_a_defects_submitted_date_is_the_day_it_was_raised(sqlite_store, tmp_path):
    """"Submitted Date" ("03/01/2026" as text) over a defect tracker's rows was kept in the notes: no raised date.
    "Submitted", "Logged" and their like in English, French, German and Spanish name the day an issue was raised;
    "Submitted By" names a person, as "Reported By" does."""
    rows = [["Submitted Date", "Description", "Assigned To", "Status (Open/Closed)"],
            ["03/01/2026", "Embedding generation fails for large chunks", "Monika S", "Closed"],
            ["12/01/2026", "Model cites the wrong page numbers", "Monika S", "Closed"],
            ["16/01/2026", "Connection hangs during retrieval", "Monika S", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Defect Tracker.xlsx", {"Worksheet": rows}))
    raised = {r["title"]: r["raised_on"] for r in rows_of(sqlite_store, "issues")}
    assert raised == {"Embedding generation fails for large chunks": date(2026, 1, 3),
                      "Model cites the wrong page numbers": date(2026, 1, 12),
                      "Connection hangs during retrieval": date(2026, 1, 16)}
    issues = _kind("issues")
    for header in ("Date Submitted", "Logged", "Soumis le", "Eingereicht am", "Fecha de envío"):
        assert map_header(issues, ["Description", header])[0].get(1) == "raised_on", header
    assert map_header(issues, ["Description", "Submitted By"])[0].get(1) == "owner"
