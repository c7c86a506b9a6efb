"""Classes of problem found on round 26 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_xlsx


def _partners_list(ratings: list[tuple[str, str]]) -> list[list[object]]:
    """A project partners' stakeholder list: groups of columns one empty column apart under a band of
    captions, and the stakeholders rated A, B or C."""
    rows: list[list[object]] = [
        ["Stakeholders list"], [],
        ["", "Basic information", "", "", "", "Rating", "", "", "Segments of cooperation", "", "",
         "Contact information (optional)", "", "", "", ""],
        ["", "Project partner", "Stakeholder name", "Stakeholder type", "", "Interest", "Power of influence", "",
         "Co-design process", "Living labs", "", "Contact phone", "Contact e-mail", "Website URL", "",
         "Special notes and comments"],
    ]
    for n, (interest, power) in enumerate(ratings, 1):
        rows.append([n, "ANCI Lazio", f"Agency {n}", "Primary stakeholder" if n % 2 else "Secondary stakeholder",
                     None, interest, power, None, "Yes" if n % 3 else "No", "No", None,
                     f"+39 06 555 {n:04d}" if n % 2 else None, f"info{n}@agency.example" if n % 2 else None,
                     f"https://agency{n}.example" if n % 2 else None, None, "Met in May" if n == 2 else None])
    return rows


def test_columns_past_a_spacer_under_one_band_of_captions_are_the_registers(sqlite_store, tmp_path):
    """A stakeholder list whose groups of columns ("Basic information", "Rating", "Segments of cooperation",
    "Contact information") one empty column each sets apart, under a band of captions: the groups after the
    first column with nothing the office names were taken for a legend beside the table and dropped (every
    contact, e-mail and comment lost). One band of captions heads one table: the phone is the contact, the
    rest kept, labelled, in the notes."""
    ratings = [("A", "A"), ("A", "B"), ("B", "A"), ("A", "A"), ("B", "B"), ("A", "A")]
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders list": _partners_list(ratings)})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert len(got) == 6
    assert got["Agency 1"]["contact"] == "+39 06 555 0001"
    assert "Contact e-mail: info1@agency.example" in got["Agency 1"]["notes"]
    assert "Website URL: https://agency1.example" in got["Agency 1"]["notes"]
    assert "Co-design process: Yes" in got["Agency 1"]["notes"]
    assert "Special notes and comments: Met in May" in got["Agency 2"]["notes"]


def test_letter_grades_rank_from_a_down(sqlite_store, tmp_path):
    """Interest and power graded A, B and C, the C's first far down the list: A was read as high and B as
    low (Spanish "(A, M, B)": alta, media, baja), and every C refused (the rows left out). A column that
    writes C and no M is graded: A high, B medium, C low."""
    ratings = [("A", "A"), ("A", "B"), ("B", "A"), ("B", "B")] * 10 + [("B", "C"), ("C", "C"), ("A", "C")]
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders list": _partners_list(ratings)})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert len(got) == 43
    assert (got["Agency 1"]["interest"], got["Agency 1"]["power"]) == (4, 4)
    assert (got["Agency 2"]["interest"], got["Agency 2"]["power"]) == (4, 3)
    assert (got["Agency 41"]["interest"], got["Agency 41"]["power"]) == (3, 2)
    assert (got["Agency 42"]["interest"], got["Agency 42"]["power"]) == (2, 2)
    # the Spanish stakeholder register's "(A, M, B)" (alta, media, baja) keeps B as low where M is written
    path = write_xlsx(tmp_path / "Registro de Interesados.xlsx", {"Stakeholders": [
        ["ID", "Nombre", "Puesto", "Impacto (A, M, B)", "Influencia (A, M, B)"],
        ["E-1", "Lidia Crucinta", "Gerente", "A", "A"],
        ["E-2", "Nelly Ulloa", "Especialista", "M", "B"],
        ["E-3", "Pedro Sulla", "Consultor", "B", "M"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "stakeholders")
    assert (got["E-2"]["interest"], got["E-2"]["power"]) == (3, 2)
    assert (got["E-3"]["interest"], got["E-3"]["power"]) == (2, 3)


def test_the_registers_noun_over_numbers_is_the_records_id(sqlite_store, tmp_path):
    """An FMEA of a project's risks, "Risiken | Name | Szenario | Problemtyp | A=Auftreten | F=Folgen |
    W=Entdeckung | RPZ | Risikominderung", the risks numbered 1, 2, 3 … (out of order, one left unnumbered)
    under the register's own noun: the numbers were kept in the notes and the risks numbered R-001 … by the
    office. They are the risks' IDs."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risikoanalyse": [
        [],
        [None, "Risiken", "Name", "Szenario", "Problemtyp", "A=Auftreten", "F=Folgen", "W=Entdeckung", "RPZ",
         "Risikominderung"],
        [None, 1, "Communityaufbau scheitert", "Keine Community entsteht", "Software", 9, 10, 8, 720,
         "Interaktion testen"],
        [None, 2, "Moderator schadet dem Projekt", "Probleme im Umgang mit Usern", "Personal", 6, 3, 8, 144,
         "Rechte entziehen"],
        [None, 7, "Zielgruppe falsch eingeschätzt", "Die Stakeholder sind andere", "Projektmanagement", 4, 6, 4,
         96, "Analyse wiederholen"],
        [None, None, "Bilder werden nicht zugeordnet", "User sind nicht motiviert", "Software", 4, 2, 7, 56,
         "Anreiz gestalten"],
        [None, 5, "Useraccounts fehlen", "Know-how fehlt", "Software", 6, 3, 3, 54, "Technischer Test"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {"1", "2", "7", "5"} <= set(got) and len(got) == 5
    assert got["7"]["title"] == "Zielgruppe falsch eingeschätzt"
    assert "Risiken:" not in (got["1"]["notes"] or "")


def test_hyphenated_short_headers_and_a_manager_column(sqlite_store, tmp_path):
    """A German risk analysis exported to .xls whose narrow columns are headed "Wahr-⏎sch." and "Aus- wirk."
    (Wahrscheinlichkeit, Auswirkung cut short and hyphenated), rated 0–8, and a "Manager" of each risk: the
    three were kept in the notes, no risk had a likelihood, impact or owner. The cut words are the likelihood
    and the impact — both on the sheet's 1–10 scale, though the likelihood goes above 5 once only (its 8 was
    refused) — and the manager is the risk's owner."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Details Risikoanalyse": [
        [None, "Risikoanalyse: Gesichtserkennung"],
        [None, "Risikotyp", "Nr.", "Wahr-\nsch.", "Aus- wirk.", "Ampel", "Manager", "Beschreibung",
         "Behandlung und Kontrolle"],
        [None, "Ressourcen", 1, 1, 8, 8, "Rei Hoxha", "Ausfall von Ressourcen", "Reserven sichern"],
        [None, "Planung", 2, 4, 8, 32, "Aron Terzeta", "Schlechte Planung", "Neu planen"],
        [None, "Technik", 3, 3, 3, 9, "Egli Hasmegaj", "Unklare Extraktion", "Skripte holen"],
        [None, "Staat", 4, 8, 7, 56, "Aron Terzeta", "Datenschutz", "Mit dem Staat sprechen"],
        [None, "Zeit", 5, 3, 5, 15, "Jordi Zmiani", "Später Beginn", "Schneller arbeiten"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == 5
    assert got["4"]["owner"] == "Aron Terzeta"
    assert (got["4"]["probability"], got["4"]["impact"]) == (4, 4)  # 8 and 7 of ten
    assert (got["1"]["probability"], got["1"]["impact"]) == (1, 4)


def test_the_registers_noun_numbered_is_the_id(sqlite_store, tmp_path):
    """A Scrum team's impediment log ("Impedimento # | Fecha de Registro | Descripción del Impedimento … |
    Prioridad | Estado"), numbered rows left empty under the last one: the numbers were kept in the notes
    (the office numbering I-001 …), so the empty rows' numbers read as the last impediment's text going on
    ("7 8 9" added to its description). "<noun> #" is the ID, as "Risk #" is; the empty rows are the
    template's."""
    path = write_xlsx(tmp_path / "Registro de Impedimentos.xlsx", {"Impedimentos": [
        [None, "REGISTRO DE IMPEDIMENTOS"],
        [None, "Proyecto:", None, "Tutor virtual"],
        [],
        [None, "Impedimento #", "Fecha de Registro", "Descripción del Impedimento así como el Impacto en el Proyecto",
         "Prioridad", "Reportado por", "Estado", "Resolución / Comentarios"],
        [None, 1, "2025-09-30", "Se tuvo que cambiar el lenguaje de programación", "Alta", "Diego", "Cerrado",
         "Se redefinió el stack"],
        [None, 2, "2025-10-01", "Problemas al configurar el entorno", "Media", "Britney", "Cerrado",
         "Se configuró Maven"],
        [None, 3, "2025-10-02", "El poco tiempo causó confusión", "Media", "Carlos", "Abierto", ""],
        [None, 4], [None, 5], [None, 6],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert sorted(got) == ["1", "2", "3"]
    assert got["3"]["title"] == "El poco tiempo causó confusión"
    assert "5" not in (got["3"]["description"] or "") and "Impedimento" not in (got["3"]["description"] or "")


def test_a_second_impact_column_written_out_is_the_effect(sqlite_store, tmp_path):
    """"Risiko | Auftrittswahrscheinlichkeit | Gefährdungsgrad | Summe | Auswirkung | Lösung": the impact is
    rated under "Gefährdungsgrad"; "Auswirkung" (impact, too) says in a few words what would happen
    ("Verzögerung der Projektfertigstellung") and was kept in the notes. A second column of a rating written
    out in phrases, no level among them, is the risk's effect."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Tabelle1": [
        ["Risikoanalyse", "von 1 bis 10", "von 1 bis 3"],
        ["Risiko", "Auftrittswahrscheinlichkeit", "Gefährdungsgrad", "Summe", "Auswirkung", "Lösung"],
        ["Projektmitglied nicht anwesend", 6, 2, 12, "Verzögerung der Projektfertigstellung", "Stellvertreter"],
        ["Kunde kommt nicht", 3, 3, 9, "Verzögerung der Projektfertigstellung", "Neuer Termin"],
        ["Stromausfall", 1, 3, 3, "Geringer Arbeitsverlust", "Laptops laden"],
        ["Hardwareausfall", 2, 2, 4, "Verzögerung der Projektfertigstellung", "Neue Hardware"],
    ]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert got["Stromausfall"]["effect"] == "Geringer Arbeitsverlust"
    assert "Auswirkung" not in (got["Stromausfall"]["notes"] or "")


def test_one_list_set_in_two_tables_side_by_side(sqlite_store, tmp_path):
    """A clinic's IT risks, "riesgos.xlsx": "Posible Riesgo | Nivel" twice side by side, an empty column
    between, the list going on in the second table (a long list wrapped to fit a page). Nothing was read (no
    header the office knew; a register of one named column and a number). Both tables are the one list: the
    possible risk is the title, its level kept in the notes, the first table's rows first."""
    left = [f"Riesgo {n}: falla del servicio {n}" for n in range(1, 9)]
    right = [f"Riesgo {n}: incendio del sitio {n}" for n in range(9, 14)]
    rows: list[list[object]] = [[], [], [None, "Posible Riesgo", "Nivel", None, None, "Posible Riesgo", "Nivel"]]
    for k, title in enumerate(left):
        row: list[object] = [None, title, 3 + k]
        if k < len(right):
            row += [None, None, right[k], 14 - k]
        rows.append(row)
    path = write_xlsx(tmp_path / "riesgos.xlsx", {"Hoja1": rows})
    import_all(sqlite_store, path)
    got = list(by_code(sqlite_store, "risks").values())
    assert [r["title"] for r in got] == left + right
    assert got[8]["notes"] == "Nivel: 14"


def test_a_stakeholder_analysis_of_requirements_merged_per_stakeholder(sqlite_store, tmp_path):
    """A German stakeholder analysis: "Bezeichnung (E/O) | Bezug zum System | Objektbereich | Erfordernis/
    Erwartung", each stakeholder's name merged down over its requirements, one a row, some typed with line
    breaks after them. Each stakeholder is one record, its requirements its concerns one after the other —
    without the blank lines the cells' own line breaks left inside them."""
    path = write_xlsx(tmp_path / "Stakeholderanalyse.xlsx", {"Tabelle1": [
        [],
        [None, "Bezeichnung (E/O)", "Bezug zum System", "Objektbereich", "Erfordernis/ Erwartung"],
        [None, "Moderatoren", "Anspruch", "Benutzerrechte", "Das System muss Rechte verteilen können.\n\n\n"],
        [None, None, None, None, "Moderatoren brauchen erweiterte Funktionen"],
        [None, None, "Anteil", None, "Moderatoren müssen ihre Rechte ausüben können"],
        [None, "Experten", "Anrecht", "Benutzerrechte", "Experten bekommen besondere Rechte.\n"],
        [None, None, None, None, "Experten sehen nicht verifiziertes Material"],
    ]}, merges={"Tabelle1": ["B3:B5", "B6:B7"]})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert sorted(got) == ["Experten", "Moderatoren"]
    assert got["Moderatoren"]["concerns"] == ("Das System muss Rechte verteilen können.; Moderatoren brauchen "
                                              "erweiterte Funktionen; Moderatoren müssen ihre Rechte ausüben können")
