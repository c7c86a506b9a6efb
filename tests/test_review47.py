"""Review of round 47's merges (review47): what two merges said or did together that neither did alone, each found by
running the merged main on real files and real widgets, each test failing on main c130be0."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from pmo_desktop.views.exchange.actions import open_import_dialog


def _decision_log(path: Path) -> Path:
    """A project's decision log as round 40's JKPLakshithaDilshan ``decision_log.csv`` has it: each decision dated
    and signed off by its reviewer, no status column (left47 reads "Reviewed_By" as the decider: each is Decided)."""
    rows = ["Decision_ID,Date,Decision,Reason,Reviewed_By",
            "D001,2026-09-12,Selected customer segmentation as the primary lens,The data supports it,All members",
            "D002,2026-09-14,Excluded the raw dataset from Git tracking,It is too large,Senaratne P.A.R.T.",
            "D003,2026-09-20,Chose k-means for the first model,Simple to explain,All members"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_preview_names_no_default_for_a_field_the_rows_themselves_set(empty_window, qtbot, tmp_path):
    """walk36's line of the values "no column of the workbook gives" listed every register default no column was
    mapped to: a decision log dated and signed off by its reviewer, whose three decisions come in Decided (left47's
    rule: a decider and a past date), was said to come in with Status “Pending”. A default is named only for a field
    no new row sets; the level, which none sets, is still said."""
    window = empty_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = open_import_dialog(window, window.document, str(_decision_log(tmp_path / "decision_log.csv")))
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()), timeout=30_000)
    assert dialog.plan is not None
    statuses = {r.values.get("status") for s in dialog.plan.sheets for r in s.rows}
    assert statuses == {"Decided"}, statuses
    summary = dialog.summary.text()
    assert "3 to insert" in summary, summary
    assert "Status “Pending”" not in summary, summary  # each of the three is Decided
    assert "Set on the 3 new decisions, as no column of the workbook gives it: Level “Program”." in summary, summary
    dialog.reject()
