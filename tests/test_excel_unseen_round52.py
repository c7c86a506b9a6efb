"""Classes of problem found on round 52 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv


def test_a_slovak_register_rated_before_and_after_its_measures(sqlite_store, tmp_path):
    """An ISO 27001 risk register kept in Slovak: "Pravdepodobnosť (pred mitigáciou) | Následok (pred
    mitigáciou) | … | Navrhované opatrenia | Pravdepodobnosť (po mitigácii) | Následok (po mitigácii)", rated in
    words ("Vysoká", "Stredná", "Katastrofický"). No words file spoke Slovak: the likelihood after the measures
    was taken for the risk's own (its Czech twin, "pravděpodobnost", keyed alike), the one before kept in the
    notes, the consequence stored as text with no impact, "Stredná" read as nothing and the proposed measures
    left in the notes — every risk rated wrong. Slovak is a words file now (``import_words_sk.json``)."""
    path = write_csv(tmp_path / "rizika.csv", [
        ["ID", "Dotknuté aktíva", "Názov rizika", "Opis rizika", "Pravdepodobnosť (pred mitigáciou)",
         "Následok (pred mitigáciou)", "Úroveň závažnosti rizika (pred mitigáciou)", "Navrhované opatrenia",
         "Pravdepodobnosť (po mitigácii)", "Následok (po mitigácii)", "Úroveň závažnosti rizika (po mitigácii)"],
        ["1", "Server", "Nejasná fyzická bezpečnosť", "Politika si protirečí.", "Vysoká", "Katastrofický",
         "Veľmi vysoké", "Zaviesť auditovateľné bezpečnostné opatrenia.", "Veľmi nízka", "Závažný", "Nízke"],
        ["2", "Router", "Nedostatočná ochrana siete", "Routre nie sú chránené.", "Stredná", "Stredný", "Stredné",
         "Uzamykateľné racky.", "Nízka", "Malý", "Nízke"],
        ["3", "Budovy", "Nezabezpečené sídlo", "Sídlo neexistuje.", "Nízka", "Závažný", "Stredné",
         "Certifikované datacentrum.", "Stredná", "Zanedbateľný", "Nízke"]], delimiter=",")
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert (risks["1"]["probability"], risks["1"]["impact"]) == (4, 5)
    assert (risks["1"]["residual_probability"], risks["1"]["residual_impact"]) == (1, 4)
    assert (risks["2"]["probability"], risks["2"]["impact"]) == (3, 3)
    assert (risks["3"]["residual_probability"], risks["3"]["residual_impact"]) == (3, 1)
    assert risks["2"]["title"] == "Nedostatočná ochrana siete"
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Uzamykateľné racky." in actions
