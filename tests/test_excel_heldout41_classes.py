"""Classes of problem left by import round 41 and its held-out set (docs/import-rounds.md, "Round 41's misses
(left41)"): each test writes a file of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_csv


def test_a_risk_under_control_is_open(sqlite_store, tmp_path):
    """A data-quality risk log's "Status" of Resolved / Open / Controlled: "Controlled" (the risk's controls hold
    it in check) is a risk still there and watched, so Open; before, that row was left out."""
    rows: list[list[object]] = [
        ["Observation", "Risk", "Evidence", "Status"],
        ["Empty rows were found", "The model cannot learn from empty text", "Empty-row check", "Resolved"],
        ["Duplicates were removed", "Training and test data could overlap", "Duplicate check", "Resolved"],
        ["Short reviews", "Short texts give little context", "Length analysis", "Open"],
        ["Unequal classes", "Accuracy could mislead", "Class counts", "Controlled"],
        ["Labels drift", "Old labels no longer fit", "Label audit", "Under control"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "risk_log.csv", rows))
    status = {r["title"]: r["status"] for r in rows_of(sqlite_store, "risks")}
    assert status == {"The model cannot learn from empty text": "Closed",
                      "Training and test data could overlap": "Closed",
                      "Short texts give little context": "Open",
                      "Accuracy could mislead": "Open",
                      "Old labels no longer fit": "Open"}



def test_a_decision_log_giving_the_day_and_who_decided_records_decisions_made(sqlite_store, tmp_path):
    """A decision log with no status column whose rows give the day each was decided and who decided: what the
    office's rule asks of a Decided decision is all there, so each is Decided (before, all were left Pending). A
    day yet to come is a decision still to take, and a row naming nobody stays Pending too."""
    rows: list[list[object]] = [
        ["ID", "Decision", "Decision date", "Decided by"],
        ["D1", "Move to cloud hosting", "2024-03-01", "Steering board"],
        ["D2", "Hire two testers", "2024-04-02", "Ann Lee"],
        ["D3", "Drop the mobile app", "2024-05-03", "Bo Chan"],
        ["D4", "Open a second office", "2024-06-04", ""],
        ["D5", "Renew the licence", "2999-01-31", "Ann Lee"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows))
    status = {r["code"]: r["status"] for r in rows_of(sqlite_store, "decisions")}
    assert status == {"D1": "Decided", "D2": "Decided", "D3": "Decided", "D4": "Pending", "D5": "Pending"}
