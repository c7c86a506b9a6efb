"""A status, a category or a yes/no written with more words than the choice ("Open - awaiting the vendor's reply
since March") is read as the choice, and the whole cell is kept in the record's notes. Before, the words after the
choice were lost without a word (found by fault round 40); a level given with its reason was kept so already."""

from __future__ import annotations

from imported import import_all, named


def test_the_words_after_a_choice_are_kept_in_the_notes(sqlite_store, tmp_path):
    path = tmp_path / "risks.csv"
    path.write_text("\n".join([
        "Title,Owner,Status,Category",
        "Supplier late,Ana,Open - awaiting the vendor's reply since March,Commercial",
        "Budget cut,Ben,Closed,Commercial - the board's budget round",
        "Scope creep,Cy,Open,Technical",
    ]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {t: risks[t]["status"] for t in risks} == {
        "Supplier late": "Open", "Budget cut": "Closed", "Scope creep": "Open"}
    assert "Status: Open - awaiting the vendor's reply since March" in (risks["Supplier late"]["notes"] or "")
    # a category is the office's open list: the words written join it whole, nothing to keep apart
    assert risks["Budget cut"]["category"] == "Commercial - the board's budget round"
    assert not risks["Scope creep"]["notes"]  # a cell that is the choice says nothing more
