"""Classes of problem found on round 56 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_programs_data_written_out_is_no_register(sqlite_store, tmp_path):
    """A trading bot's "risk_assessment.csv": one row per position, its "risk_factors" and "mitigating_factors"
    Python dicts written out ("{'position_size': 0.31, 'leverage': 0.1}"). Every row became a risk titled by the
    dict and an action from the dict beside it (24 records of junk). A column naming the rows that holds a
    mapping of named values on every row names no record: the file adds nothing and says why. A register whose
    titles merely contain braces or a colon is read as before."""
    rows = [["whale_id", "crypto", "potential_loss_pct", "risk_score", "risk_level", "risk_factors",
             "mitigating_factors"]]
    for n in range(6):
        rows.append([f"Whale_{n}", "BNB", 0.1 + n / 100, 40 + n, "Medium",
                     f"{{'position_size': 0.{n + 1}, 'leverage': 0.1, 'historical_drawdown': 1.0}}",
                     f"{{'win_rate': 0.4{n}, 'stop_loss_in_place': True}}"])
    path = write_csv(tmp_path / "risk_assessment.csv", rows)
    with pytest.raises(WorkbookError, match="a program's data written out.*“risk_factors”"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "risk_actions") == []

    worded = write_csv(tmp_path / "risks.csv", [
        ["Risk ID", "Risk", "Likelihood", "Impact"],
        ["R1", "Supplier fails: {key vendor}", "High", "High"],
        ["R2", "{TBD} scope grows", "Low", "Medium"]])
    import_all(sqlite_store, worded)
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R2"}


def test_scandinavian_s_and_k_letters_are_the_likelihood_and_the_consequence(sqlite_store, tmp_path):
    """A Norwegian school build's risk register rated "S (1-5) | K (1-5)" (sannsynlighet, konsekvens) and, after
    the measures, "Rest-S | Rest-K", the measure's doer under "Tiltaksansvarlig". S and K went to the notes, so no
    risk had a likelihood or an impact, and "Rest-S" was read as the residual impact (S being severity's letter
    in English): a wrong value on every risk, the doer in the notes. Beside a K, S is the likelihood."""
    rows = [["RISIKOREGISTER — Nye skole"], [],
            ["ID", "Kategori", "Beskrivelse", "S (1-5)", "K (1-5)", "Score", "Risikoeier", "Tiltaksansvarlig",
             "Tiltak", "Rest-S", "Rest-K", "Rest-score", "Status"],
            ["R-001", "Grunnforhold", "Kvikkleire krever forsterket fundamentering.", 4, 5, 20, "Prosjekteier",
             "Geotekniker", "Tidlig grunnundersøkelse.", 2, 3, 6, "Aktiv"],
            ["R-002", "HMS", "Fallulykke under arbeid i høyden.", 2, 5, 10, "HMS-leder", "Verneombud",
             "Daglig SJA og sikringsutstyr.", 1, 4, 4, "Aktiv"],
            ["R-003", "Vær", "Ekstremvær stopper utendørs arbeid.", 4, 3, 12, "Entreprenør", "Anleggsleder",
             "Vinterdriftsplan.", 3, 2, 6, "Aktiv"]]
    path = write_xlsx(tmp_path / "Risikoregister.xlsx", {"Risikoregister": rows})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert [(risks[c]["probability"], risks[c]["impact"], risks[c]["residual_probability"],
             risks[c]["residual_impact"]) for c in ("R-001", "R-002", "R-003")] == [(4, 5, 2, 3), (2, 5, 1, 4),
                                                                                   (4, 3, 3, 2)]
    people = {p["id"]: p["name"] for p in rows_of(sqlite_store, "people")}
    doers = {a["description"]: people.get(a["actionee"], a["actionee"]) for a in rows_of(sqlite_store, "risk_actions")}
    assert doers["Tidlig grunnundersøkelse."] == "Geotekniker"


def test_a_mistyped_negated_word_is_never_its_opposite(sqlite_store, tmp_path):
    """A student's Norwegian risk assessment rated its likelihoods in its own five words ("Svært usannsynelig …
    Kan skje … Svært sannsynlig"), "Usannsynelig" misspelt, and its measures under "Mulig Tiltak". The
    misspelt "unlikely" was one slip from "sannsynlig" (likely) and read as 4, "Kan skje" (can happen) was not
    placed and the measures went to the notes. A negating prefix (u-, o-, on-, ne-, as un- in English) before a
    word one slip from another makes its opposite, never a slip of it; the Danish "Usandsynelig" likewise."""
    rows = [["Risiko", "Konsekvens", "Sannsynlighet", "Mulig Tiltak"],
            ["Vann på serveren", "Kan ødelegge systemet", "Kan skje", "Flytte serveren."],
            ["Innbrudd i databasen", "Personopplysninger lekker", "Usannsynelig", "Sikker brannmur."],
            ["Strømbrudd", "Tap av data", "Svært sannsynlig", "Nødstrøm."]]
    path = write_xlsx(tmp_path / "Risikovurdering.xlsx", {"Ark1": rows})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert [risks[t]["probability"] for t in ("Vann på serveren", "Innbrudd i databasen", "Strømbrudd")] == [3, 2, 5]
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} == {
        "Flytte serveren.", "Sikker brannmur.", "Nødstrøm."}

    danish = write_xlsx(tmp_path / "Risikovurdering_dk.xlsx", {"Ark1": [
        ["ID", "Risiko", "Sandsynlighed", "Konsekvens"],
        ["D1", "Leverandøren går konkurs", "Usandsynelig", "Høj"],
        ["D2", "Nøglemedarbejder stopper", "Sandsynlig", "Middel"]]})
    import_all(sqlite_store, danish)
    assert by_code(sqlite_store, "risks")["D1"]["probability"] == 2
