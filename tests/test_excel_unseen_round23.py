"""Classes of problem found on round 23 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, named


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
