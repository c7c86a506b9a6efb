"""Issue 12's leftovers of the last rounds (left24): a one-sheet RAID log in other languages, a plan written
as done, a register of one row, and the import preview's long list words. Each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

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
