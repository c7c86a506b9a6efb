"""Issue 12's leftovers of the last rounds (left24): a one-sheet RAID log in other languages, a plan written
as done, a register of one row, and the import preview's long list words. Each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.date

# (file, header, the five types as the log writes them, status words: open, validated assumption, pending decision)
RAID_LOGS = {
    "de": ("RAID-Log.xlsx", ["Nr", "Typ", "Beschreibung", "Verantwortlich", "Status", "Maßnahme", "Zieldatum"],
           ("Risiko", "Problem", "Annahme", "Abhängigkeit", "Entscheidung"), ("Offen", "Bestätigt", "Offen")),
    "es": ("Registro RAID.xlsx", ["ID", "Tipo", "Descripción", "Responsable", "Estado", "Mitigación",
                                  "Fecha objetivo"],
           ("Riesgo", "Problema (Incidencia)", "Supuesto", "Dependencia", "Decisión"),
           ("Abierto", "Validado", "Pendiente")),
    "fr": ("Journal RAID.xlsx", ["ID", "Type", "Description", "Responsable", "Statut", "Mitigation", "Date cible"],
           ("Risque", "Problème", "Hypothèse", "Dépendance", "Décision"), ("Ouvert", "Validée", "En attente")),
    "pt": ("Registro RAID.xlsx", ["ID", "Tipo", "Descrição", "Responsável", "Status", "Mitigação", "Prazo"],
           ("Risco", "Problema", "Premissa", "Dependência", "Decisão"), ("Aberto", "Validada", "Pendente")),
}


@pytest.mark.parametrize("lang", sorted(RAID_LOGS))
def test_a_one_sheet_raid_log_in_another_language_is_split_by_type_with_each_types_fields(sqlite_store, tmp_path,
                                                                                          lang):
    """A German "Typ", Spanish or Portuguese "Tipo", French "Type" column naming each row's type in its own
    language ("Problema (Incidencia)" by either word): every row lands in its register with its ID,
    description, owner and status, and the shared target date where each register keeps a date."""
    name, header, (risk, issue, assumption, dependency, decision), (open_, valid, pending) = RAID_LOGS[lang]
    path = write_xlsx(tmp_path / name, {"RAID": [
        header,
        ["1", risk, "Supplier slips", "Anna", open_, "Second supplier", D(2027, 3, 1)],
        ["2", issue, "Test server down", "Ben", open_, "Rebuild the server", D(2027, 3, 2)],
        ["3", assumption, "Budget holds", "Clara", valid, "Ask finance", D(2027, 3, 3)],
        ["4", dependency, "Identity service from team B", "Dirk", open_, "Weekly sync", D(2027, 3, 4)],
        ["5", decision, "Choose the cloud region", "Eva", pending, "Brief the board", D(2027, 3, 5)],
        ["6", issue, "Licence expired", "Ben", open_, "Renew the licence", D(2027, 3, 6)]]})
    import_all(sqlite_store, path)
    assert list(named(sqlite_store, "risks")) == ["Supplier slips"]
    assert sorted(named(sqlite_store, "issues")) == ["Licence expired", "Test server down"]
    assumption_row = named(sqlite_store, "assumptions")["Budget holds"]
    assert (assumption_row["code"], assumption_row["owner"], assumption_row["validate_by"]) == ("3", "Clara",
                                                                                                D(2027, 3, 3))
    assert assumption_row["status"] == "Validated"
    dependency_row = named(sqlite_store, "dependencies")["Identity service from team B"]
    assert (dependency_row["owner"], dependency_row["status"], dependency_row["needed_by"]) == (
        "Dirk", "On track", D(2027, 3, 4))
    decision_row = named(sqlite_store, "decisions")["Choose the cloud region"]
    assert (decision_row["decided_by"], decision_row["status"], decision_row["due"]) == ("Eva", "Pending",
                                                                                        D(2027, 3, 5))
    actions = {a["description"]: a for a in rows_of(sqlite_store, "issue_actions")}
    assert actions["Rebuild the server"]["due"] == D(2027, 3, 2)
    assert named(sqlite_store, "issues")["Test server down"]["owner"] == "Ben"


# (plan text, its action's status): written as carried out, in four languages, or as still to do
PLANS = [
    ("Mitigated by moving the launch", "Done"), ("Implemented MFA in March", "Done"),
    ("Completed: vendor replaced", "Done"), ("Done – backup tested", "Done"),
    ("MFA has already been implemented", "Done"), ("Umgesetzt: Backup getestet", "Done"),
    ("MFA wurde im März eingeführt", "Done"), ("Implementado MFA en marzo", "Done"),
    ("Se sustituyó el proveedor", "Done"), ("Réalisé : sauvegarde testée", "Done"),
    ("Mis en place en mars", "Done"),
    ("Implement MFA", "Not started"), ("MFA will be implemented", "Not started"),
    ("MFA should have been implemented", "Not started"), ("Not yet implemented: waiting for licences", "Not started"),
    ("Complete the vendor review", "Not started"), ("Closed-loop monitoring of the vendor", "Not started"),
    ("Increased monitoring", "Not started"), ("MFA wird im März eingeführt", "Not started"),
    ("Se implementará MFA", "Not started"), ("Mise en place d'un plan de reprise", "Not started"),
]


def test_a_plan_written_as_done_is_a_done_action_kept_whole_and_a_plan_stays_open(sqlite_store, tmp_path):
    """A mitigation written in the past tense or marked done reports a measure taken: its action is done,
    its text as written; a plan (an imperative, a future, a "should have been", a negation) stays to do."""
    rows = [["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "Mitigation"]]
    rows += [[f"R-{i}", f"Risk {i}", "Ann", 3, 3, text] for i, (text, _status) in enumerate(PLANS, 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": rows}))
    got = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert got == dict(PLANS)


def test_an_issue_action_written_as_done_is_done_with_its_owner_and_date(sqlite_store, tmp_path):
    """An issue log's "Action | Action Owner | Due Date": an action saying it was done is done, still with who
    did it and the date; the next issue's plan is to do."""
    path = write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": [
        ["Issue ID", "Issue", "Status", "Action", "Action Owner", "Due Date"],
        ["I-1", "Backups failing", "Open", "Done – backup tested", "Ben", D(2026, 11, 2)],
        ["I-2", "Licence expired", "Open", "Renew the licence", "Cleo", D(2027, 1, 15)]]})
    import_all(sqlite_store, path)
    actions = {a["description"]: a for a in rows_of(sqlite_store, "issue_actions")}
    assert (actions["Done – backup tested"]["status"], actions["Done – backup tested"]["actionee"],
            actions["Done – backup tested"]["due"]) == ("Done", "Ben", D(2026, 11, 2))
    assert actions["Renew the licence"]["status"] == "Not started"


def test_a_register_of_one_row_whose_only_known_column_is_its_noun_imports_that_row(sqlite_store, tmp_path):
    """A decision log kept by a tool, one decision so far: "Timestamp | Problem | Category | Decision |
    Confidence", only "Decision" a column the office knows. The file names the register and the column says
    its noun: the row is one decision, its other cells kept in its notes. A key of the decision words on a
    sheet so named ("Decision | Meaning | Colour": Approved …) still names no record."""
    path = write_csv(tmp_path / "decision_log.csv", [
        ["Timestamp", "Problem", "Category", "Decision", "Confidence"],
        ["30-12-2025 09:36:16", "Our company has high cost and rising operational expenses\n", "Cost Management",
         "Cost optimization required", "80"]])
    import_all(sqlite_store, path)
    decision = named(sqlite_store, "decisions")["Cost optimization required"]
    assert "rising operational expenses" in decision["rationale"] and "Confidence: 80" in decision["rationale"]
    path = write_xlsx(tmp_path / "Programme log.xlsx", {"Decisions": [
        ["Logged", "Question", "Area", "Decision", "Votes"],
        ["2026-11-02", "Where do we host the portal?", "IT", "Host the portal in the EU region", "5 of 7"]]})
    import_all(sqlite_store, path)
    assert "Host the portal in the EU region" in named(sqlite_store, "decisions")
    key = write_xlsx(tmp_path / "Decision key.xlsx", {"Decisions": [
        ["Decision", "Meaning", "Colour"], ["Approved", "The change goes ahead", "Green"],
        ["Rejected", "The change does not go ahead", "Red"]]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, key)


def test_the_previews_dropdown_for_a_long_new_category_shows_its_whole_text(qtbot, document, tmp_path):
    """"Add “Data protection, privacy and compliance of customer records” to the office's list": the
    dropdown opened by the keyboard is wide enough for every choice whole; closed, its box shows words that fit
    and say what the choice does (the whole choice its tooltip); the value's label wraps, its row as tall as
    it needs, so the value is read whole too."""
    from PySide6.QtCore import Qt

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    long = "Data protection, privacy and compliance of customer records"
    rows = [["ID", "Risk", "Risk Category", "Likelihood", "Impact"],
            ["R1", "Customer records leak", long, 3, 4], ["R2", "Supplier fails", "Schedule", 2, 3]]
    dialog = ImportDialog(document, write_xlsx(tmp_path / "r.xlsx", {"Risks": rows}))
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)  # the preview's own size, on a screen with room for it (this one is 800 wide)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.values_table
    r = next(r for r in range(table.rowCount()) if long in table.cellWidget(r, 0).text())
    label, combo = table.cellWidget(r, 0), table.cellWidget(r, 1)
    choice = f"Add “{long}” to the office's list"
    assert combo.currentText() == choice and combo.toolTip() == choice
    assert label.wordWrap() and table.rowHeight(r) >= label.heightForWidth(table.columnWidth(0) - 6)
    shown = combo.shown_text()
    assert shown.endswith("to the office's list") and shown.startswith("Add")
    assert combo.fontMetrics().horizontalAdvance(shown) <= combo.width()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    view = combo.view()
    assert view.width() >= view.fontMetrics().horizontalAdvance(choice)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == choice
