"""Issue 12, classes71a: unseen set 71's miss classes as general rules — a scale legend written over a rating's
column ("1: unwahrscheinlich" … "3: sehr wahrscheinlich") declares its scale, and avoidance and treatment columns
are the risk's actions. Each test writes a workbook of the shape (never a fetched file) and failed on the code
before (main bc6ca4f6)."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_RISKS = [
    [1, "Technik", "Wenig Erfahrung mit der Engine", "Schulungen besuchen", "Einarbeitung, Pair Programming", 3, 3, 9],
    [2, "Zeitplan", "Abgabe verzögert sich", "Puffer einplanen", "Funktionen streichen", 2, 3, 6],
    [3, "Personal", "Teammitglied fällt aus", "Wissen teilen", "Aufgaben umverteilen", 2, 2, 4],
    [4, "Kunde", "Anforderungen ändern sich", "Früh abstimmen", "Umfang neu verhandeln", 1, 2, 2],
]


def _legend_sheet() -> list[list[object]]:
    return [
        ["Risikoliste", None, None, None, None, "1: unwahrscheinlich", "1: geringe Auswirkungen", None],
        [None, None, None, None, None, "2: möglich", "2: mittlere Auswirkungen", None],
        [None, None, None, None, None, "3: sehr wahrscheinlich", "3: große Auswirkungen", None],
        [None] * 8,
        ["Nummer", "Kategorie", "Beschreibung", "Risikovermeidung", "Risikobehandlung",
         "Eintrittswahrscheinlichkeit", "Auswirkungen", "Bewertung"],
        *_RISKS,
    ]


def test_a_legend_over_a_column_declares_its_scale(sqlite_store, tmp_path):
    """A rating's levels written one a line over its column ("1: unwahrscheinlich … 3: sehr wahrscheinlich") say
    it rates on 1–3, as "(1-3)" in its header would: a 3 ("very likely") is read as 4 of the office's 5, not 3,
    and the sheet notes say so. Decided once a column, from the cells above its header."""
    result = import_all(sqlite_store, write_xlsx(tmp_path / "risiken.xlsx", {"Tabelle1": _legend_sheet()}))
    risks = by_code(sqlite_store, "risks")
    assert (risks["1"]["probability"], risks["1"]["impact"]) == (4, 4)
    assert (risks["3"]["probability"], risks["3"]["impact"]) == (3, 3)
    assert (risks["4"]["probability"], risks["4"]["impact"]) == (2, 3)
    assert "Eintrittswahrscheinlichkeit: a 1–3 scale (from the legend above the column) read as 2, 3, 4 on the " \
           "office's 1–5." in result.sheets[0].note


def test_numbers_past_the_legend_are_not_on_it(sqlite_store, tmp_path):
    """A column whose numbers go past its legend's top is not rated on it: its numbers are read as before."""
    rows = _legend_sheet()
    rows[5] = [*rows[5][:5], 5, 3, 15]
    import_all(sqlite_store, write_xlsx(tmp_path / "risiken.xlsx", {"Tabelle1": rows}))
    risks = by_code(sqlite_store, "risks")
    assert risks["1"]["probability"] == 5 and risks["2"]["probability"] == 2
    assert risks["1"]["impact"] == 4  # the impact column stays on its legend


def test_avoidance_and_treatment_columns_are_the_actions(sqlite_store, tmp_path):
    """"Risikovermeidung" (avoidance) and "Risikobehandlung" (treatment) were kept in the notes only: both are
    what is done about the risk, so each becomes one of its actions."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risiken.xlsx", {"Tabelle1": _legend_sheet()}))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Schulungen besuchen", "Einarbeitung, Pair Programming", "Puffer einplanen"} <= actions
    assert "Risikovermeidung" not in (by_code(sqlite_store, "risks")["1"]["notes"] or "")
