"""Issue 12, left58: what stop 57's unseen sets still missed, as general rules — the weighted scoring matrix's words
and the benefit's goal word in every language the words files know. Each test writes a workbook of the shape
(never a fetched file) and failed on main 912168d3 unless it says it guards what must not change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def _matrix(no: str, criteria: str, description: str, weight: str, points: str, option: str, score: str,
            subtotal: str, texts: list[tuple[str, str]]) -> list[list[object]]:
    rows: list[list[object]] = [[no, criteria, description, weight, points, f"{option} A", None, f"{option} B", None],
                                [None] * 5 + [score, subtotal, score, subtotal]]
    for i, (name, said) in enumerate(texts, start=1):
        rows.append([i, name, said, 0.4 if i == 1 else 0.3, 10, 8, f"=F{i + 2}*D{i + 2}", 5, f"=H{i + 2}*D{i + 2}"])
    return rows


@pytest.mark.parametrize("rows, criteria, weight", [
    (_matrix("N°", "Critères d'évaluation", "Description", "Pondération", "Points", "Fournisseur", "Note",
             "Sous-total", [("Prix", "Coût total sur trois ans"), ("Support", "Heures de couverture du service"),
                            ("Expérience", "Références de projets semblables")]),
     "Critères d'évaluation", "Pondération"),
    (_matrix("Nr.", "Bewertungskriterien", "Beschreibung", "Gewichtung", "Punkte", "Anbieter", "Note",
             "Zwischensumme", [("Preis", "Gesamtkosten über drei Jahre"), ("Support", "Abdeckungszeiten des Dienstes"),
                               ("Erfahrung", "Referenzen ähnlicher Projekte")]),
     "Bewertungskriterien", "Gewichtung"),
], ids=["fr", "de"])
def test_a_scoring_matrix_in_french_or_german_is_refused_saying_what_it_is(sqlite_store, tmp_path, rows, criteria,
                                                                          weight):
    """Options scored against weighted criteria, headed in French or German: read as dependencies or risks titled
    by the description (the matrix's words were English only). Refused as a weighted scoring matrix, named."""
    path = write_xlsx(tmp_path / "auswahl.xlsx", {"Feuil1": rows}, merges={"Feuil1": ["F1:G1", "H1:I1"]})
    with pytest.raises(WorkbookError, match=rf"weighted scoring matrix \(“{criteria}”, “{weight}”\)"):
        import_all(sqlite_store, path)
    for register in ("risks", "issues", "dependencies", "decisions"):
        assert rows_of(sqlite_store, register) == []


_GOALS_ES = [["Objetivo", "Responsable", "Fecha objetivo", "Estado", "Detalles"],
             ["Todas las especificaciones aprobadas", "Ana", date(2026, 3, 1), "En curso", "Cada módulo cubierto"],
             ["Piloto con dos clientes", "Ben", date(2026, 5, 1), "No iniciado", "Opiniones cada semana"]]


def test_a_spanish_goals_sheet_is_read_as_benefits_titled_by_the_goal(sqlite_store, tmp_path):
    """"Objetivo" is a benefit's target word in Spanish and its goal: over texts (no figure) it names the benefit,
    when no other column does — the goals were titled by their details, the goal kept in the notes."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Objetivos": _GOALS_ES}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"Todas las especificaciones aprobadas", "Piloto con dos clientes"}
    assert benefits["Piloto con dos clientes"]["description"].startswith("Opiniones cada semana")
    assert benefits["Piloto con dos clientes"]["owner"] == "Ben"
    [sheet] = plan.sheets
    assert sheet.mapping[0] == "title"


def test_a_german_goals_sheet_is_read_as_benefits_titled_by_the_goal(sqlite_store, tmp_path):
    rows = [["Ziel", "Verantwortlich", "Zieldatum", "Status", "Beschreibung"],
            ["Alle Spezifikationen abgenommen", "Ana", date(2026, 3, 1), "In Arbeit", "Jedes Modul abgedeckt"],
            ["Pilotbetrieb mit zwei Kunden", "Ben", date(2026, 5, 1), "Nicht begonnen", "Wöchentliches Feedback"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Ziele": rows}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"Alle Spezifikationen abgenommen", "Pilotbetrieb mit zwei Kunden"}


def test_a_spanish_target_of_figures_stays_the_target(sqlite_store, tmp_path):
    """Guards what must not change: "Objetivo" over figures is the benefit's target, the benefit named by its own
    column."""
    rows = [["Beneficio", "Responsable", "Línea base", "Objetivo", "Fecha objetivo"],
            ["Menos reclamaciones", "Ana", 120, 60, date(2026, 3, 1)],
            ["Entrega más rápida", "Ben", 10, 5, date(2026, 5, 1)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "beneficios.xlsx", {"Beneficios": rows}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"Menos reclamaciones", "Entrega más rápida"}
    assert float(benefits["Menos reclamaciones"]["target_value"]) == 60


_WEAK = [["Owner", "Status", "Amount"], ["Ana", "Open", 3], ["Ben", "Closed", 4], ["Cem", "Open", 5]]


def test_a_workbook_of_many_weak_sheets_says_each_of_the_first_few_and_how_many_more(sqlite_store, tmp_path):
    """Five sheets whose headers name two register columns each, and one naming one: the refusal named the first
    weak sheet alone, as if the others held nothing. Now the first three are said (a reason the same as the one
    before as "the same") and the rest counted; one weak sheet alone is said as before."""
    sheets = {"Costs": [["Owner", "Remarks", "Amount"], ["Ana", "paid", 3], ["Ben", "late", 4], ["Cem", "", 5]]}
    sheets.update({f"Month {i}": _WEAK for i in range(1, 6)})
    with pytest.raises(WorkbookError) as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "book.xlsx", sheets))
    said = str(refused.value)
    assert "sheet “Costs”: only 1 of its columns names a risk register field and its name is not a register's" in said
    assert "sheet “Month 1”: only 2 of its columns name risk register fields" in said
    assert "sheet “Month 2”: the same" in said
    assert "Month 3" not in said and "and 3 more sheets whose headers name too few register columns" in said
    assert "to import one, choose its sheet and the register in the import preview" in said


def test_one_weak_sheet_of_one_named_column_is_said_in_the_singular(sqlite_store, tmp_path):
    rows = [["Owner", "Remarks", "Amount"], ["Ana", "paid", 3], ["Ben", "late", 4], ["Cem", "", 5]]
    with pytest.raises(WorkbookError, match=r"\(sheet “Costs”: only 1 of its columns names a risk register field and "
                                            r"its name is not a register's, .*; to import it, choose that sheet"):
        import_all(sqlite_store, write_xlsx(tmp_path / "book.xlsx", {"Costs": rows}))


def test_a_status_written_as_a_reply_is_kept_as_written_not_read_by_its_yes(sqlite_store, tmp_path):
    """A bug list whose status column holds states and, on some rows, replies written as sentences ("Yes they do",
    "No that is intended"): "Yes they do" was read as Resolved by its first word, though it confirms the bug.
    Decided: a reply names no state — the row keeps the state a new issue starts in (Open), the reply kept in its
    notes, said once a column; a "Yes" alone (a done flag) is still Resolved."""
    rows = [["Bug", "Status"],
            ["Login page crashes when signed out", "resolved"],
            ["Search returns stale results", "Open"],
            ["Prices show with two currency signs", "Yes they do"],
            ["Deleting the last item empties the cart", "No that is intended"],
            ["Export drops the last column", "Yes"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Sheet1": rows}))
    issues = named(sqlite_store, "issues")
    assert issues["Login page crashes when signed out"]["status"] == "Resolved"
    assert issues["Export drops the last column"]["status"] == "Resolved"
    assert issues["Prices show with two currency signs"]["status"] == "Open"
    assert "Yes they do" in issues["Prices show with two currency signs"]["description"]
    assert issues["Deleting the last item empties the cart"]["status"] == "Open"
    assert "No that is intended" in issues["Deleting the last item empties the cart"]["description"]
    [sheet] = plan.sheets
    assert "“Yes they do” (1 row)" in sheet.note and "no states the office knows" in sheet.note


def _specified(header: str) -> list[list[object]]:
    return [["STT", "Actor", header, "State"],
            [1, "Quoc", "After cancelling an order the list does not filter by state. Seen on the admin page", "Open"],
            [2, "Quoc", "Paging in the order manager skips a page", "Open"],
            *[[n, None, None, None] for n in range(3, 10)]]


def test_a_bug_list_of_specifications_alone_is_titled_by_their_first_sentence(sqlite_store, tmp_path):
    """"STT | Actor | Specification | State" in a "Bug.xlsx" (two bugs, numbered empty rows below) was refused: no
    column names the records. Decided: in a sheet or workbook named as the issue log, its one column of sentences
    under a header no register knows is each bug's text — titled by its first sentence, the whole text kept as
    the description, said in the sheet's notes."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug.xlsx", {"Sheet1": _specified("Specification")}))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"After cancelling an order the list does not filter by state.",
                           "Paging in the order manager skips a page"}
    first = issues["After cancelling an order the list does not filter by state."]
    assert first["description"].startswith("After cancelling an order the list does not filter by state. Seen on")
    assert first["status"] == "Open"
    [sheet] = plan.sheets
    assert "titled by the first sentence of “Specification”" in sheet.note


def test_a_list_of_specifications_not_named_as_bugs_stays_refused(sqlite_store, tmp_path):
    """Guards what must not change: the same table in a workbook named for requirements is no issue log."""
    with pytest.raises(WorkbookError, match="No sheet of “Requirements.xlsx” has a header row"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Requirements.xlsx", {"Sheet1": _specified("Specification")}))
    assert rows_of(sqlite_store, "issues") == []


_NUMBERED = [["ID", "Title", "Priority", "Status"],
             ["I-1", "Server room overheats at noon", 4, "Open"],
             ["I-2", "Printer queue stalls", 1, "Open"],
             ["I-3", "VPN drops every hour", 3, "Open"],
             ["I-4", "Badge reader slow", 2, "Closed"]]


@pytest.mark.parametrize("lists", [
    [["Priority key"], ["1 = Low"], ["2 = Medium"], ["3 = High"], ["4 = Critical"]],
    [["Priority", "Meaning"], [1, "Low"], [2, "Medium"], [3, "High"], [4, "Critical"]],
], ids=["cells", "two-columns"])
def test_a_numbered_priority_is_read_in_the_direction_the_workbooks_key_gives(sqlite_store, tmp_path, lists):
    """A "Priority" of 1–4 whose workbook keys it on a "Lists" sheet, 1 = Low … 4 = Critical: read as a rank
    (1 the most urgent), the server room came in Low and the printer Critical. The key says what the numbers are:
    each read as its word there, said once."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "log.xlsx", {"Issues": _NUMBERED, "Lists": lists}))
    issues = named(sqlite_store, "issues")
    assert issues["Server room overheats at noon"]["priority"] == "Critical"
    assert issues["Printer queue stalls"]["priority"] == "Low"
    assert issues["VPN drops every hour"]["priority"] == "High"
    assert issues["Badge reader slow"]["priority"] == "Medium"
    [sheet] = plan.sheets
    assert "numbered as the workbook's key on sheet “Lists” says (1 = Low, 2 = Medium, 3 = High, 4 = Critical)" \
        in sheet.note


def test_a_numbered_priority_with_no_key_or_a_key_of_the_rank_is_read_as_before(sqlite_store, tmp_path):
    """Guards what must not change: no key, 1 is the most urgent; a key saying so ("1 | Critical") says nothing."""
    lists = [[1, "Critical", "Open"], [2, "High", "Fixed"], [3, "Medium", "New"], [None, "Low", None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "log.xlsx", {"Issues": _NUMBERED, "Data Lists": lists}))
    issues = named(sqlite_store, "issues")
    assert issues["Server room overheats at noon"]["priority"] == "Low"
    assert issues["Printer queue stalls"]["priority"] == "Critical"
    assert "workbook's key" not in plan.sheets[0].note


def test_a_german_target_of_figures_stays_the_target(sqlite_store, tmp_path):
    """"Ziel" beside "Ist" over figures is the benefit's target (the goal's word is the target's too in most
    languages, so the words files keep it a target word): on main it was kept in the notes; the benefit is named by
    its own column, not by the target."""
    rows = [["Nutzen", "Verantwortlich", "Ist", "Ziel", "Zieldatum"],
            ["Weniger Reklamationen", "Ana", 120, 60, date(2026, 3, 1)],
            ["Schnellere Lieferung", "Ben", 10, 5, date(2026, 5, 1)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "nutzen.xlsx", {"Nutzenregister": rows}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"Weniger Reklamationen", "Schnellere Lieferung"}
    assert float(benefits["Weniger Reklamationen"]["target_value"]) == 60


def test_a_defect_form_ending_in_its_status_and_comments_stays_one_form(sqlite_store, tmp_path):
    """Guards what must not change: a lone defect form whose last labels are "Status | New", "Assigned To | Not
    assigned yet" and "Comments | <a sentence>" is one issue read as a form — "Status | New" is no header of a list
    of bug texts (its "New" column holds sentences, but no column numbers the bugs)."""
    pairs = [("Field", "Description"), ("Defect ID", "Case 12"), ("Title/ Summary", "Products missing from the cart"),
             ("Description", "A product added to the cart does not appear on the cart page"),
             ("Expected Result", "The product is listed"), ("Actual Result", "The cart is empty"),
             ("Severity", "Moderate"), ("Priority", "Medium"), ("Reported By", "Dana Reyes"), ("Status", "New"),
             ("Assigned To", "Not assigned yet"),
             ("Comments", "The page is read before the cart is saved so waiting a second shows the product")]
    rows: list[list[object]] = [[], [], []]
    rows += [[None, None, None, None, None, label, value] for label, value in pairs]
    import_all(sqlite_store, write_xlsx(tmp_path / "Defects.xlsx", {"Sheet1": rows}))
    [issue] = rows_of(sqlite_store, "issues")
    assert (issue["code"], issue["title"]) == ("Case 12", "Products missing from the cart")
