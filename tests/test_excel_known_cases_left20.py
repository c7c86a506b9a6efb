"""Import problems round 20 and its held-out set left (issue 12): each test writes a workbook of that shape, in
more than one language or position, and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named
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

