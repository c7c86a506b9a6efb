"""Import problems round 20 and its held-out set left (issue 12): each test writes a workbook of that shape, in
more than one language or position, and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def test_a_heat_maps_axis_ranks_the_risk_sheets_words_whatever_their_gender(sqlite_store, tmp_path):
    """A heat map beside the risk list writes its five levels on its axes in the masculine (BAJO, BAJO-MEDIO,
    MEDIO, MEDIO-ALTO, ALTO); the list rates the likelihood in the feminine (Baja, Media, Alta) and the impact
    in the masculine. Both are ranked by the map's five levels: Alta is ALTO (5, not the usual 4), Media-Alta is
    MEDIO-ALTO (4)."""
    axis = ["BAJO", "BAJO-MEDIO", "MEDIO", "MEDIO-ALTO", "ALTO"]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {
        "Lista": [["Riesgo", "Probabilidad", "Impacto", "Estrategia de mitigación"],
                  ["Fallas técnicas", "Media", "Alto", "Pruebas piloto"],
                  ["Resistencia al cambio", "Alta", "Medio", "Capacitación"],
                  ["Pérdida de datos", "Media-Alta", "Medio-Alto", "Copias de seguridad"],
                  ["Fraude interno", "Baja", "Bajo-Medio", "Auditorías"]],
        "Mapa": [[None, None, "Matriz de Riesgos"],
                 [None, None, None],
                 ["Impacto", "ALTO", None, None, "Fallas técnicas"],
                 [None, "MEDIO-ALTO", None, None, None, "Pérdida de datos"],
                 [None, "MEDIO", None, None, None, None, "Resistencia al cambio"],
                 [None, "BAJO-MEDIO", "Fraude interno"],
                 [None, "BAJO"],
                 [None, None, *axis],
                 [None, None, "Probabilidad"]]})
    import_all(sqlite_store, path)
    got = {t: (r["probability"], r["impact"]) for t, r in named(sqlite_store, "risks").items()}
    assert got == {"Fallas técnicas": (3, 5), "Resistencia al cambio": (5, 3), "Pérdida de datos": (4, 4),
                   "Fraude interno": (1, 2)}


def test_a_french_legend_in_the_masculine_ranks_feminine_words(sqlite_store, tmp_path):
    """The same in French, the axis written as a row of a legend sheet: "Faible | Moyen | Élevé | Très élevé |
    Critique" ranks "Élevée" (third of five, not the usual fourth) and "Très élevée"."""
    path = write_xlsx(tmp_path / "Risques.xlsx", {
        "Registre": [["Risque", "Probabilité", "Impact"],
                     ["Panne du serveur", "Élevée", "Critique"],
                     ["Retard du fournisseur", "Très élevée", "Moyen"],
                     ["Départ d'un expert", "Faible", "Élevé"]],
        "Légende": [["Échelle", "Faible", "Moyen", "Élevé", "Très élevé", "Critique"]]})
    import_all(sqlite_store, path)
    got = {t: (r["probability"], r["impact"]) for t, r in named(sqlite_store, "risks").items()}
    assert got == {"Panne du serveur": (3, 5), "Retard du fournisseur": (4, 2), "Départ d'un expert": (1, 3)}


def test_two_decisions_sharing_an_id_and_a_title_but_not_their_subject_are_two_records(sqlite_store, tmp_path):
    """A data-enrichment decision log gives two rows the same ID and the same decision text, about two
    different product nodes (the ID was copied down and not changed). They are two decisions: the first keeps
    the ID, the second gets a new one, and its line of the preview says why. A row repeating its ID and title
    with nothing else different is still refused as a repeat of the ID (which of the two is right the sheet does
    not say)."""
    header = ["Project", "Decision ID Code", "Date", "Node name", "Attribute Name", "Decision", "Status"]
    rows = [["Grainger", f"GP_{n:04}", f"2022-03-{n:02}", f"Tools>Node {n}", f"Attribute {n}",
             f"Capture attribute {n} from the image", "Approved"] for n in range(1, 9)]
    rows.insert(3, ["Grainger", "GP_0003", "2022-03-03", "Workwear>Heated Shirts", "Attribute 3",
                    "Capture attribute 3 from the image", "Approved"])
    path = write_xlsx(tmp_path / "Decision_Log.xlsx", {"Sheet1": [header, *rows]})
    plan = import_all(sqlite_store, path)
    got = [r for r in rows_of(sqlite_store, "decisions") if r["title"] == "Capture attribute 3 from the image"]
    assert len(got) == 2
    assert "GP_0003" in {r["code"] for r in got}
    assert len(rows_of(sqlite_store, "decisions")) == 9
    reasons = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row == 5]
    assert any("GP_0003" in x and "new record" in x for x in reasons)


def test_a_risk_written_twice_under_one_id_with_another_cause_is_two_risks(sqlite_store, tmp_path):
    """The same in a risk register: one ID and one title over two causes."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Cause", "Likelihood", "Impact"],
        ["R1", "Supplier late", "Single source of chips", 3, 4],
        ["R1", "Supplier late", "Strike at the port", 2, 4],
        ["R2", "Key person leaves", "No back-up for the architect", 2, 3],
        ["R3", "Scope creep", "Vague requirements", 4, 3],
        ["R4", "Server outage", "One data centre", 2, 5],
        ["R5", "Budget cut", "Recession", 2, 4]]})
    import_all(sqlite_store, path)
    late = [r for r in rows_of(sqlite_store, "risks") if r["title"] == "Supplier late"]
    assert sorted(r["cause"] for r in late) == ["Single source of chips", "Strike at the port"]

