"""Issue 12: round 50's held-out misses (heldout50; docs/import-rounds.md): each test writes a workbook of that shape
(never the fetched file) and checks what a user gets — a value read as another is said and kept, a typed date kept."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all
from real_world_factory import write_xlsx


def test_status_words_the_office_knows_are_said_once_a_column_and_kept(sqlite_store, tmp_path):
    """Every word of the column is a word of the office ("Mitigated" is Closed, "Monitoring" is Open): each was
    stored as the choice with nothing said and the sheet's word kept nowhere. Now the preview says once what each
    word was read as, with its rows, and the word stays in the notes of the rows it stood on; a row whose word is
    the register's own ("Open", "closed") gets no line."""
    book = write_xlsx(tmp_path / "risks.xlsx", {"risks": [
        ["risk_id", "risk_description", "probability", "impact", "status"],
        ["RSK001", "Potential compliance risk", 5, 2, "Mitigated"],
        ["RSK002", "Potential operational risk", 3, 2, "closed"],
        ["RSK003", "Potential technical risk", 3, 5, "Open"],
        ["RSK004", "Potential financial risk", 2, 2, "Mitigated"],
        ["RSK005", "Potential schedule risk", 4, 4, "Monitoring"]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Status: “Mitigated” read as Closed (2 rows); “Monitoring” read as Open (1 row)" in note
    risks = by_code(sqlite_store, "risks")
    assert risks["RSK001"]["status"] == "Closed" and "status: Mitigated" in risks["RSK001"]["notes"]
    assert risks["RSK005"]["status"] == "Open" and "status: Monitoring" in risks["RSK005"]["notes"]
    assert "status" not in (risks["RSK002"]["notes"] or "") and "status" not in (risks["RSK003"]["notes"] or "")


def test_any_column_of_choices_says_its_words_read_as_another_choice(sqlite_store, tmp_path):
    """The same rule for every column of choices: a strategy written "Mitigate" is stored as Reduce, said and kept."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Treatment", "Status"],
        ["R1", "Ransomware", 4, 5, "Mitigate", "Open"],
        ["R2", "Credential stuffing", 4, 4, "Mitigate", "Open"],
        ["R3", "Supplier fails", 2, 3, "Accept", "Open"]]})
    plan = import_all(sqlite_store, book)
    assert "Response: “Mitigate” read as Reduce (2 rows)" in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["response"] == "Reduce" and "Treatment: Mitigate" in risks["R1"]["notes"]
    assert "Treatment" not in (risks["R3"]["notes"] or "")


def test_a_typed_next_review_date_is_kept(sqlite_store, tmp_path):
    """"Next Review" of typed dates was dropped as the office's calculation, though the sheet gives no last review
    the office counts from: the day the team agreed was lost. It is kept in the notes, and the report says so."""
    book = write_xlsx(tmp_path / "risk-register.xlsx", {"risk-register": [
        ["ID", "Threat", "Likelihood", "Impact", "Risk Owner", "Status", "Next Review"],
        ["R-001", "Ransomware", 4, 5, "Head of IT", "Open", date(2026, 12, 31)],
        ["R-002", "Unauthorised access", 3, 5, "DPO", "Open", date(2027, 1, 15)]]})
    plan = import_all(sqlite_store, book)
    assert "Next Review" in plan.sheets[0].extras.values()  # the report's "→ kept in the notes as “Next Review”"
    risks = by_code(sqlite_store, "risks")
    assert "Next Review: 2026-12-31" in risks["R-001"]["notes"]
    assert "Next Review: 2027-01-15" in risks["R-002"]["notes"]
