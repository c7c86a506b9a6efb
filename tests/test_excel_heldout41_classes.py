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
