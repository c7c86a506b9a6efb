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


def test_escape_does_not_put_away_the_dialog_of_a_job_that_cannot_be_stopped(main_window, qtbot):
    """A job begun that must go through (an undo of a long edit: ``cancellable=False``, ``at_once``) shows its progress
    dialog at once so that the window takes no key meanwhile — a second Ctrl+Z would undo again inside the first. Esc
    on that dialog hid it, the job going on: the window took keys again while the job ran. Esc (and a close) now
    leave it as it is; a job that can be stopped is still stopped by Esc, as by its Cancel button."""
    import threading

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from pmo_desktop.views.background import run_with_progress

    window = main_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    release = threading.Event()
    seen: dict[str, object] = {}

    def job(progress, cancelled):
        release.wait(20)
        return cancelled()

    def shown() -> QProgressDialog | None:
        return next((w for w in QApplication.topLevelWidgets() + window.findChildren(QProgressDialog)
                     if isinstance(w, QProgressDialog) and w.isVisible()), None)

    def while_it_runs() -> None:
        dialog = shown()
        seen["shown"] = dialog is not None
        if dialog is not None:
            qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
            dialog.close()
            seen["after"] = shown() is dialog
            seen["label"] = dialog.labelText()
        release.set()

    QTimer.singleShot(300, while_it_runs)
    assert run_with_progress(window, "Undoing: Edit 6000 cells…", job, cancellable=False, at_once=True) is False
    assert seen == {"shown": True, "after": True, "label": "Undoing: Edit 6000 cells…"}, seen

    # a job that can be stopped: Esc is its Cancel
    release.clear()
    seen.clear()
    QTimer.singleShot(300, while_it_runs)
    assert run_with_progress(window, "Saving: Edit 6000 cells…", job, at_once=True) is True


def test_a_risk_only_the_second_of_two_joined_tables_names_takes_none_of_its_values_as_the_firsts(sqlite_store,
                                                                                                   tmp_path):
    """round47's two tables over the same risks, one under the other ("Nº | Problema: | Impacto | Probabilidade",
    then "Nº | Problema: | Contingência"), joined by ID: a risk the second names and the first does not was added
    with the second table's row read in the first's columns — its contingency under "Impacto", refused as an impact
    level and kept in the notes as "Impacto: …" (a number there would have been its impact, in silence). Such a row
    now gives its ID and name, and its own columns only where they belong."""
    from imported import by_code, import_all, rows_of
    from real_world_factory import write_xlsx

    path = write_xlsx(tmp_path / "Planilha de Riscos.xlsx", {"Planilha1": [
        ["Nº", "Problema:", "Impacto", "Probabilidade", "Fator de Risco"],
        [1, "Falta de integrante", 2, 1, 2],
        [2, "Problemas no equipamento", 3, 1, 3],
        [3, "Problema nos arquivos", 3, 2, 6],
        [None, None, None, None, None],
        ["Nº", "Problema:", "Contingência", None, None],
        [1, "Falta de integrante", "Dividimos em duplas os assuntos do projeto", None, None],
        [2, "Problemas no equipamento", "Backup da apresentação em pendrives", None, None],
        [3, "Problema nos arquivos", "Todos os arquivos no git", None, None],
        [4, "Atraso do cliente", "Cobrar semanalmente", None, None]]})
    plan = import_all(sqlite_store, path)
    reasons = {r.report.code: r.report.reason for s in plan.sheets if not s.synthetic for r in s.rows}
    assert "Impact" not in reasons["4"], reasons["4"]
    got = by_code(sqlite_store, "risks")
    assert (got["4"]["title"], got["4"]["impact"], got["4"]["probability"]) == ("Atraso do cliente", None, None)
    assert "Impacto" not in (got["4"]["notes"] or ""), got["4"]["notes"]
    assert got["1"]["impact"] == 2 and got["3"]["probability"] == 2  # the joined rows as before
    assert {r["description"] for r in rows_of(sqlite_store, "risk_actions")} == {
        "Dividimos em duplas os assuntos do projeto", "Backup da apresentação em pendrives",
        "Todos os arquivos no git", "Cobrar semanalmente"}
