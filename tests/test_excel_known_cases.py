"""Classes of problem left open by rounds 10–12 of real public registers: each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store


def by_code(store: Store, register: str) -> dict[str, dict]:
    return {r["code"]: r for r in rows_of(store, register)}


def test_a_sheet_of_measures_keyed_by_the_risk_numbers_holds_their_actions(sqlite_store, tmp_path):
    """"Risiken" and "Maßnahmen" side by side, the second keyed by the same risk numbers (RNr) with the
    measure, who does it and by when: its rows are those risks' response actions, not the same risks
    again (which the importer refused as IDs given twice without a title)."""
    head = ["RNr", "Cluster", "Titel", "Beschreibung", "Verantwortlicher", "Wahrscheinlichkeit", "Auswirkung"]
    risks = [["1", "Backend", "Fehlende Erfahrung mit Spring Boot", "Unerfahrenheit im Team", "Anna Berg", 2, 4],
             ["2", "Backend", "Sicherheitslücken im Login", "Schwachstellen", "Tom Kranz", 2, 3],
             ["3", "Allgemein", "Unklare Anforderungen", "Fehlende Anforderungen", "Anna Berg", 1, 3]]
    measures = [["RNr", "Cluster", "Problem-Titel", "Beschreibung", "Verantwortlicher", "Maßnahme",
                 "Fertigstellungsdatum"],
                ["1", "Backend", "Fehlende Erfahrung mit Spring Boot", "Unerfahrenheit", "Anna Berg",
                 "Schulung zu Spring Boot buchen", dt.datetime(2025, 5, 30)],
                ["2", "Backend", "Sicherheitslücken im Login", "Schwachstellen", "Tom Kranz",
                 "Penetrationstest beauftragen", dt.datetime(2025, 6, 15)],
                ["3", "Allgemein", "Unklare Anforderungen", "Fehlende Anforderungen", "Anna Berg",
                 "Workshop mit dem Kunden", dt.datetime(2025, 5, 10)]]
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risiken": [head, *risks], "Maßnahmen": measures})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3"]
    assert got["1"]["title"] == "Fehlende Erfahrung mit Spring Boot"
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert sorted(actions) == ["Penetrationstest beauftragen", "Schulung zu Spring Boot buchen",
                               "Workshop mit dem Kunden"]
    assert actions["Penetrationstest beauftragen"]["actionee"] == "Tom Kranz"
    assert actions["Penetrationstest beauftragen"]["due"] == dt.date(2025, 6, 15)
