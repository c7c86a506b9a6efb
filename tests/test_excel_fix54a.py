"""Issue 12, fix54a: a priority written as a score, where higher is worse, and a column whose values its field
refuses beside a title that stands. Stop 53 made "severidad" an issue's priority word, so a shop's incident list
"incidencia | frecuencia | severidad_score | ola" (scores 4…1) was refused whole on main bc6ca4f6: the score column
matched the priority, its numbers are no priority level, and the lone title column left was no longer taken alone.
Each test writes a file of the shape (never a fetched one) and failed on that main."""

from __future__ import annotations

from imported import import_all, named
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.score_priorities import score_header, score_top

INCIDENTS = ["Caja registradora no imprime tickets", "Escáner de códigos falla al leer",
             "Terminal de pago se desconecta", "Inventario no cuadra con el sistema"]
ISSUES = ["Login page times out under load", "Export drops the last column", "Nightly backup runs twice",
          "Search ignores accented letters"]


def _notes(plan) -> str:
    return " ".join(s.note for s in plan.sheets if s.note)


def test_a_spanish_severity_score_is_a_priority_where_higher_is_worse(sqlite_store, tmp_path):
    """"severidad_score" of 4, 3, 2, 1 beside "incidencia": the incidents come in (they were refused), each
    priority read from the score by rank from its top — 4 Critical, 1 Low, not "priority 1" the first — said once
    in the sheet notes; the score's line leaves the notes, the other columns stay there."""
    rows = [["incidencia", "área", "severidad_score", "turno"],
            [INCIDENTS[0], "Ventas", 3, "Mañana"], [INCIDENTS[1], "Almacén", 1, "Tarde"],
            [INCIDENTS[2], "Ventas", 4, "Mañana"], [INCIDENTS[3], "Almacén", 2, "Noche"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "tienda_incidencias.csv", rows))
    issues = named(sqlite_store, "issues")
    assert {t: issues[t]["priority"] for t in INCIDENTS} == {
        INCIDENTS[0]: "High", INCIDENTS[1]: "Low", INCIDENTS[2]: "Critical", INCIDENTS[3]: "Medium"}
    assert "área: Ventas" in issues[INCIDENTS[0]]["description"]
    assert "severidad_score" not in issues[INCIDENTS[0]]["description"]
    assert "“severidad_score” is read as a score, 4 the highest" in _notes(plan)


def test_an_english_severity_score_maps_onto_the_priorities_or_stays_in_the_notes(sqlite_store, tmp_path):
    """"Severity score" of 1–4 in a workbook: read by rank from the top as the Spanish one. A score of 1–10 has
    more values than the office's four priorities: nothing is guessed — the issues come in by their title, the
    score kept on each in the notes, and the sheet notes say why."""
    head = ["Issue", "Team", "Severity score", "Sprint"]
    four = [head, *([t, "Web", s, "S1"] for t, s in zip(ISSUES, [4, 2, 1, 3]))]
    ten = [head, *([f"{t} again", "Data", s, "S2"] for t, s in zip(ISSUES, [10, 7, 1, 3]))]
    plan4 = import_all(sqlite_store, write_xlsx(tmp_path / "support_issues.xlsx", {"Issues": four}))
    plan10 = import_all(sqlite_store, write_xlsx(tmp_path / "ops_issues.xlsx", {"Issues": ten}))
    issues = named(sqlite_store, "issues")
    assert [issues[t]["priority"] for t in ISSUES] == ["Critical", "Medium", "Low", "High"]
    assert "“Severity score” is read as a score, 4 the highest" in _notes(plan4)
    again = [issues[f"{t} again"] for t in ISSUES]
    assert all(i["priority"] in (None, "", "Medium") for i in again)  # the office's default, no reading of 10
    assert "Severity score: 10" in again[0]["description"]
    assert "cannot take one to one" in _notes(plan10)


def test_a_column_its_field_refuses_never_refuses_a_sheet_whose_title_stands(sqlite_store, tmp_path):
    """An issue list whose "Status" holds numbers (12, 40, 7), no status: the one column its header named beside
    the title. The sheet had been refused whole; it is read by its title, the numbers kept on each issue, and the
    sheet notes say so once."""
    rows = [["Issue", "Team", "Status", "Sprint"],
            *([t, "Web", n, "S1"] for t, n in zip(ISSUES, [12, 40, 7, 3]))]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "web_issues.xlsx", {"Issues": rows}))
    issues = named(sqlite_store, "issues")
    assert set(ISSUES) <= set(issues)
    assert "Status: 40" in issues[ISSUES[1]]["description"]
    assert "“Status” kept in the notes" in _notes(plan)


def test_a_score_header_and_its_scale():
    """A score word said in the header, glued or apart, in the languages of the words files; a rank is none."""
    assert all(score_header(h) for h in ("Severity score", "severidad_score", "Schweregrad-Punkte", "PriorityScore",
                                         "Puntuación de severidad"))
    assert not any(score_header(h) for h in ("Priority", "Severity", "Priority (1-5)", "Scope"))
    assert score_top(["4", 3, 2.0, None, ""], "severidad_score", 4) == 4
    assert score_top([1, 2], "Severity score (1-4)", 4) == 4  # the top its header declares
    assert score_top([0, 3], "Score", 4) == 3  # 0 to 3: four values
    assert score_top([1, 5], "Score", 4) is None  # five values onto four priorities
    assert score_top([1, "n/a"], "Score", 4) is None
