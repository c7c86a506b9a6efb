"""Classes of problem found on round 23 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, named
from real_world_factory import write_xlsx


def test_items_under_discussion_or_overdue_are_still_open(sqlite_store, tmp_path):
    """An executive's logs as CSV: a risk "Under Discussion" or "Overdue", a decision "Under Discussion" (before,
    each such row was refused: the status is none of the office's, and the row was left out). Still being
    talked about, or late, is open; a decision under discussion is pending."""
    risks = tmp_path / "risks.csv"
    risks.write_text(
        "Risk_ID,Risk_Title,Owner,Probability,Impact,Mitigation_Plan,Status,Target_Resolution_Date\n"
        "RSK-01,Trainer sourcing gap,HR Head,High,High,Fast-track interviews,Active,2026-09-09\n"
        "RSK-02,Client hesitation on the training MoU,Strategy Lead,Medium,Medium,Offer a volume discount,"
        "Under Discussion,2026-09-11\n"
        "RSK-03,Appraisal sign-off late,HR Ops Head,High,High,Convene a reconciliation,Overdue,2026-09-08\n"
        "RSK-04,Vendor delay,IT Head,Low,High,Activate cloud licences,In Discussion,2026-09-12\n",
        encoding="utf-8")
    import_all(sqlite_store, risks)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["RSK-01", "RSK-02", "RSK-03", "RSK-04"]
    assert {got[c]["status"] for c in got} == {"Open"}

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "Decision_ID,Decision_Required,Decision_Maker,Status,Decision_Date\n"
        "DEC-1,Approve the lab lease addendum,Vice Chair,Pending,\n"
        "DEC-2,Approve the voucher budget,CHRO,Under Discussion,\n"
        "DEC-3,Approve the volume discount,Head of Strategy,Approved,2026-09-06\n",
        encoding="utf-8")
    import_all(sqlite_store, decisions)
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["DEC-1", "DEC-2", "DEC-3"]
    assert [got[c]["status"] for c in ("DEC-1", "DEC-2", "DEC-3")] == ["Pending", "Pending", "Decided"]


def test_a_csv_row_with_unquoted_commas_in_its_last_column_keeps_the_whole_text(sqlite_store, tmp_path):
    """A CSV written by hand: the last column ("Notes") holds commas nobody quoted, so the row has more cells
    than the header. Those cells are the rest of the last column's text (before, the note was cut at its first
    comma and the rest silently lost)."""
    path = tmp_path / "stakeholders.csv"
    path.write_text(
        "Stakeholder_ID,Name,Organisation,Role_Title,Category,Importance,Notes\n"
        "STK-01,Mr. Velluri,Foundation,Vice Chairman,Leadership,Tier 1,Requires a daily 9:00 AM briefing\n"
        "STK-02,Placement Officer,Career Services,Placement Head,Operations,Tier 2,"
        "Provides batch placement numbers, CTC metrics, and hiring firm confirmations\n"
        "STK-03,Commissioner,Skills Corp,State Commissioner,Government,Tier 1,Visiting campus on Sep 10\n",
        encoding="utf-8")
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["Commissioner", "Mr. Velluri", "Placement Officer"]
    assert "Provides batch placement numbers, CTC metrics, and hiring firm confirmations" in \
        got["Placement Officer"]["notes"]
    assert "Visiting campus on Sep 10" in got["Commissioner"]["notes"]


def test_a_score_of_word_levels_the_office_would_not_give_is_kept_in_the_notes(sqlite_store, tmp_path):
    """"Probability | Impact | Risk_Score" of "High | Critical | 9", "Medium | Medium | 4": the sheet scores on
    its own scale, and the office, reading High as 4 and Critical as 5, works out 20 — so the sheet's score is
    kept in the notes, labelled (before, any score of word levels within 1–25 was taken for the office's own and
    dropped). A score that is the office's product of the same words (16 for High × High) is still left out."""
    path = tmp_path / "risks.csv"
    path.write_text(
        "Risk_ID,Risk_Title,Owner,Probability,Impact,Risk_Score,Status\n"
        "RSK-01,Trainer sourcing gap,HR Head,High,Critical,9,Active\n"
        "RSK-02,GPU customs delay,IT Head,Medium,High,6,Active\n"
        "RSK-03,Client hesitation,Strategy Lead,Medium,Medium,4,Active\n"
        "RSK-04,Appraisal sign-off late,HR Ops Head,High,High,7,Active\n", encoding="utf-8")
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["RSK-01"]["probability"] == 4 and got["RSK-01"]["impact"] == 5
    assert "Risk_Score: 9" in got["RSK-01"]["notes"] and "Risk_Score: 7" in got["RSK-04"]["notes"]

    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"Sheet1": [
        ["ID", "Risk", "Probability", "Impact", "Risk Score"],
        ["A1", "Supplier late", "High", "High", 16], ["A2", "Key person leaves", "Low", "Very high", 10],
        ["A3", "Scope creep", "High", "Medium", 12]]})
    import_all(sqlite_store, path)
    assert "Risk Score" not in (by_code(sqlite_store, "risks")["A1"]["notes"] or "")


@pytest.mark.parametrize("heads", [("Review Date", "Last Reviewed"), ("Fecha de revisión", "Última revisión"),
                                   ("Prüfdatum", "Letzte Überprüfung")])
def test_a_review_date_beside_a_last_reviewed_date_is_the_next_review(sqlite_store, tmp_path, heads):
    """Round 23's held-out ISO 27001 register: "Review Date" (the next review, in the future) beside "Last
    Reviewed". Before, the first column took the date last reviewed and the sheet's own "Last Reviewed" went to
    the notes; the column saying it is the last one now takes it, the other is kept in the notes."""
    review, last = heads
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk Title", "Likelihood", "Impact", "Risk Owner", review, last],
        ["R-01", "Ransomware on the file server", 4, 5, "IT Manager", date(2027, 3, 1), date(2026, 1, 5)],
        ["R-02", "Supplier access not revoked", 3, 3, "CTO", date(2027, 2, 15), date(2025, 12, 30)]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["R-01"]["reviewed_on"] == date(2026, 1, 5) and got["R-02"]["reviewed_on"] == date(2025, 12, 30)
    assert f"{review}: 2027-03-01" in got["R-01"]["notes"]
