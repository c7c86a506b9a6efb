"""Import classes round 23 left (issue 12): each test writes a file of that shape, in more than one language,
position or file type, and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all

from pmo_desktop.excel.import_plan import Action

_HAND_WRITTEN = {  # delimiter, suffix, header words, the rows (a cell in the middle holding the delimiter)
    "comma-csv": (",", ".csv", ["ID", "Description", "Impact", "Status"],
                  [["R-1", "Server room floods in a storm", "High", "Open"],
                   ["R-2", "Key engineer leaves mid project", "Medium", "Closed"],
                   ["R-3", "Supplier late", " then cancels the order", "High", "Open"],
                   ["R-4", "Budget cut by the board", "Low", "Open"]]),
    "semicolon-es": (";", ".csv", ["ID", "Descripción", "Impacto", "Estado"],
                     [["R-1", "Inundación de la sala de servidores", "Alto", "Abierto"],
                      ["R-2", "El ingeniero clave se marcha", "Medio", "Cerrado"],
                      ["R-3", "Proveedor tarde", " luego cancela el pedido", "Alto", "Abierto"],
                      ["R-4", "Recorte del presupuesto", "Bajo", "Abierto"]]),
    "tab-tsv": ("\t", ".tsv", ["Risk ID", "Risk", "Likelihood", "Raised on"],
                [["R-1", "Server room floods in a storm", "High", "2026-01-05"],
                 ["R-2", "Key engineer leaves mid project", "Medium", "2026-02-10"],
                 ["R-3", "Supplier late", " then cancels the order", "High", "2026-03-01"],
                 ["R-4", "Budget cut by the board", "Low", "2026-03-09"]]),
    "comma-txt-first-column-of-text": (",", ".txt", ["Description", "ID", "Impact", "Status"],
                                       [["Server room floods in a storm", "R-1", "High", "Open"],
                                        ["Key engineer leaves mid project", "R-2", "Medium", "Closed"],
                                        ["Supplier late", " then cancels", " for good", "R-3", "High", "Open"],
                                        ["Budget cut by the board", "R-4", "Low", "Open"]]),
}


@pytest.mark.parametrize("shape", list(_HAND_WRITTEN), ids=list(_HAND_WRITTEN))
def test_a_csv_row_with_the_delimiter_unquoted_in_a_middle_column_is_joined_where_it_fits(
        sqlite_store, tmp_path, shape):
    """A hand-written CSV ("R-3,Supplier late, then cancels,High,Open"): the description holds the delimiter
    nobody quoted, so the row has a cell more than the header. The surplus goes back into the one column it
    fits — the text column; the level, status or date to its right then fit their columns — and the other rows
    are untouched (before, the row's cells slid one column left: "then cancels" as its impact)."""
    delimiter, suffix, head, rows = _HAND_WRITTEN[shape]
    path = tmp_path / f"risk register{suffix}"
    path.write_text("\n".join(delimiter.join(r) for r in [head, *rows]) + "\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R-1", "R-2", "R-3", "R-4"]
    third = " ".join(str(risks["R-3"][k] or "") for k in ("title", "notes"))
    text = rows[2][:3] if rows[2][0] != "R-3" else rows[2][1:3]  # the cells the text was cut into
    assert delimiter.join(text) in third, risks["R-3"]
    level = "probability" if "Likelihood" in head else "impact"
    assert risks["R-3"][level] == risks["R-1"][level] and risks["R-3"][level] != risks["R-4"][level]
    if "Raised on" in head:
        assert str(risks["R-3"]["raised_on"]) == "2026-03-01"
    else:
        assert risks["R-3"]["status"] == risks["R-1"]["status"] != risks["R-2"]["status"]


def test_a_csv_row_whose_surplus_could_go_in_two_columns_is_refused_with_its_reason(sqlite_store, tmp_path):
    """Two text columns side by side and a comma in one of them, no space after it: either could have held it,
    so the row is refused with its reason (quote that cell), its cells kept in the rows left out, never
    imported misaligned; the other rows import, and a row of the right count is untouched."""
    path = tmp_path / "risks.csv"
    path.write_text(
        "ID,Description,Mitigation,Impact,Status\n"
        "R-1,Server room floods in a storm,Move the servers upstairs,High,Open\n"
        "R-2,Key engineer leaves mid project,Pair on every task,Medium,Closed\n"
        "R-3,Supplier late,then cancels,Find a second supplier,High,Open\n"
        "R-4,Budget cut by the board,Plan a smaller release,Low,Open\n", encoding="utf-8")
    plan = import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["R-1", "R-2", "R-4"]
    refused = [r for s in plan.sheets for r in s.rows if r.report.action == Action.ERROR]
    assert [r.report.row for r in refused] == [4]
    assert "double quotes" in refused[0].report.reason and "6 cells" in refused[0].report.reason
    assert "then cancels" in " ".join(str(c) for c in refused[0].raw or ())


def _risk_form(words: dict[str, str], rid: str) -> list[list]:
    return [[words["caption"]], [],
            [words["id"], rid], [words["title"], words["t"]], [words["desc"], words["d"]],
            [words["lik"], words["high"]], [words["imp"], words["low"]], [words["owner"], "Ann Lee"],
            [words["mit"], words["m"]]]


_FORM_EN = {"caption": "Risk assessment form", "id": "Risk ID", "title": "Risk title", "t": "Vendor failure",
            "desc": "Description", "d": "The hosting vendor goes out of business", "lik": "Likelihood",
            "imp": "Impact", "owner": "Owner", "mit": "Mitigation", "m": "Second vendor on standby",
            "high": "High", "low": "Low"}
_FORM_ES = {"caption": "Ficha del riesgo", "id": "ID del riesgo", "title": "Riesgo", "t": "Quiebra del proveedor",
            "desc": "Descripción", "d": "El proveedor de hosting cierra", "lik": "Probabilidad",
            "imp": "Impacto", "owner": "Responsable", "mit": "Mitigación", "m": "Segundo proveedor preparado",
            "high": "Alta", "low": "Baja"}


@pytest.mark.parametrize("words,file,sheet,rid,write", [
    (_FORM_EN, "R07.xlsx", "Sheet1", "R-07", "xlsx"),
    (_FORM_ES, "ficha.xlsx", "Riesgo 7", "RSK7", "xlsx"),
    (_FORM_EN, "risk form.ods", "Form", "7", "ods"),
    (_FORM_ES, "riesgo_proveedor.csv", None, "R7", "csv"),
], ids=["en-id-code", "es-sheet-named", "en-ods-file-named", "es-csv"])
def test_a_lone_risk_form_imports_as_one_record(sqlite_store, tmp_path, words, file, sheet, rid, write):
    """One risk written as a form (label | value cells, no table, no second form): one record, its levels,
    owner and mitigation read (before: "no header row", nothing imported) — when its ID is a code or its sheet
    or file names the register."""
    from real_world_factory import write_csv, write_ods, write_xlsx

    rows = _risk_form(words, rid)
    path = tmp_path / file
    if write == "xlsx":
        write_xlsx(path, {sheet: rows})
    elif write == "ods":
        write_ods(path, {sheet: rows})
    else:
        write_csv(path, rows)
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert list(risks) == [rid], risks
    risk = risks[rid]
    assert risk["title"] == words["t"] and risk["owner"]
    assert risk["probability"] > risk["impact"]


def _nothing(store, path) -> list:
    from imported import rows_of

    from pmo_desktop.excel.errors import WorkbookError
    from pmo_desktop.excel.header_detection import importable_registers

    try:
        import_all(store, path)
    except WorkbookError:
        pass
    return [r for reg in importable_registers() for r in rows_of(store, reg)]


@pytest.mark.parametrize("rows,file,sheet", [
    ([["Risk register"], ["Project name", "Apollo"], ["Prepared by", "Ann Lee"], ["Date", "2026-03-01"],
      ["Version", "1.2"], ["Project manager", "Bob Roy"], ["Status", "Draft"], ["Owner", "PMO"]],
     "Risk Register.xlsx", "Cover"),
    ([["Risk ID", "A unique identifier for the risk, such as R-01"], ["Risk title", "A short name for the risk"],
      ["Description", "What could happen and what it would cause"],
      ["Likelihood", "How likely the risk is to happen, from 1 (rare) to 5 (almost certain)"],
      ["Impact", "How bad it would be if it happened, from 1 to 5"], ["Owner", "Who watches the risk"],
      ["Mitigation", "What is done to make it less likely"]], "Risk register.xlsx", "Sheet1"),
    ([["ID del riesgo", "Identificador único del riesgo"], ["Riesgo", "Nombre corto del riesgo"],
      ["Probabilidad", "Qué tan probable es que ocurra el riesgo"], ["Impacto", "Qué tan grave sería si ocurre"],
      ["Responsable", "Quién vigila el riesgo y sus acciones"]], "riesgos.xlsx", "Hoja1"),
    ([["Likelihood", "1 = Rare, 2 = Unlikely, 3 = Possible, 4 = Likely, 5 = Almost certain"],
      ["Impact", "1 = Negligible, 2 = Minor, 3 = Moderate, 4 = Major, 5 = Severe"],
      ["Risk ID", "R-nn"], ["Owner", "Name of the owner"], ["Status", "Open, Closed or Monitoring"]],
     "risk_register.xlsx", "Scoring"),
    ([["Risk ID", "R-nn: a unique code"], ["Risk", "A short name for it"],
      ["Likelihood", "How likely the risk is to happen"], ["Impact", "How bad the result would be"],
      ["Owner", "Who watches it and acts"]], "risks.xlsx", "Sheet1"),
], ids=["cover", "definitions-en", "definitions-es", "scoring-legend", "definitions-under-an-id-label"])
def test_a_lone_cover_definitions_or_legend_sheet_imports_nothing(sqlite_store, tmp_path, rows, file, sheet):
    """A lone sheet of labels and values that is no record: a cover sheet, what each field means, a scoring
    key. Nothing is imported from it, even in a file named for the register."""
    from real_world_factory import write_xlsx

    assert _nothing(sqlite_store, write_xlsx(tmp_path / file, {sheet: rows})) == []


_ENGAGEMENT = {  # name header, engagement headers (current, desired), [(name, current, desired)], wanted
    "ru": ("ФИО", "Текущая вовлеченность", "Желаемая вовлеченность",
           [("Иванов", "информирован", "участвовать"), ("Петров", "участвует", "вовлечен")]),
    "es": ("Nombre", "Nivel de compromiso actual", "Compromiso deseado",
           [("Ana", "informado", "participar"), ("Luis", "involucrado", "consultado")]),
    "fr": ("Nom", "Engagement actuel", "Engagement souhaité",
           [("Anne", "informé", "participer"), ("Luc", "impliqué", "consulté")]),
    "it": ("Nome", "Coinvolgimento attuale", "Coinvolgimento desiderato",
           [("Anna", "informato", "partecipare"), ("Luca", "coinvolto", "consultato")]),
    "de": ("Name", "Aktuelle Einbindung", "Gewünschte Einbindung",
           [("Anna", "informiert", "beteiligen"), ("Lukas", "eingebunden", "konsultiert")]),
    "pt": ("Nome", "Engajamento atual", "Engajamento desejado",
           [("Ana", "informado", "participar"), ("Luís", "envolvido", "consultado")]),
    "en": ("Name", "Current engagement", "Desired engagement",
           [("Ann", "Inform", "Participate"), ("Bob", "Involve", "Consult")]),
}


@pytest.mark.parametrize("lang", list(_ENGAGEMENT))
def test_engagement_written_as_involve_participate_consult_or_inform_is_placed(sqlite_store, tmp_path, lang):
    """A stakeholder register whose engagement columns say how each takes part, as a verb or its participle
    ("участвовать", "informado", "impliqué", "Consult"): informed is Neutral, involved, consulted and taking
    part Supportive — as the English words were read already — instead of each value left in the notes."""
    from real_world_factory import write_xlsx

    name, cur, des, people = _ENGAGEMENT[lang]
    rows = [[name, "Rol" if lang == "es" else "Role", cur, des]] + [[n, "Sponsor", c, d] for n, c, d in people]
    import_all(sqlite_store, write_xlsx(tmp_path / f"stakeholders_{lang}.xlsx", {"Stakeholders": rows}))
    from imported import named

    got = named(sqlite_store, "stakeholders")
    first, second = (got[p[0]] for p in people)
    assert (first["current_engagement"], first["desired_engagement"]) == ("Neutral", "Supportive"), first
    assert (second["current_engagement"], second["desired_engagement"]) == ("Supportive", "Supportive"), second
    # placed, not left unread: each word, read as another level, is kept beside it under its header (heldout50)
    assert all(f"{cur}: {p[1]}" in (got[p[0]]["notes"] or "") for p in people)


def test_a_table_whose_first_column_repeats_a_label_stays_a_table(sqlite_store, tmp_path):
    """A register's only sheet whose first column says "Risk" on every row (a two-row header, then rows of
    records): the table reader's reading stands — six records, not one lone form made of its first rows."""
    from real_world_factory import write_xlsx

    head = ["Risk", "Description", "Assumptions", "Probability", "Impact", "Treatment", "Measures", "Owner"]
    sub = ["Risk", "", "", "1-5", "1-5", "Type", "", ""]
    rows = [head, sub] + [["Risk", f"Risk number {i} happens", "We assume it could", 2, 3, "Mitigation",
                           f"Measure {i}", "Client"] for i in range(1, 7)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Register.xlsx", {"Sheet1": rows}))
    from imported import rows_of

    assert len(rows_of(sqlite_store, "risks")) == 6


def test_a_lone_form_kept_as_csv_with_a_comma_in_a_value_is_one_record(sqlite_store, tmp_path):
    """A risk form saved as CSV ("Label,Value" lines) whose description holds commas nobody quoted: still one
    record, the description whole (the form's own reading, not the CSV's rows, decides what is refused)."""
    path = tmp_path / "risk R7.csv"
    path.write_text("Risk ID,R7\nRisk description,The vendor is late,then cancels\nRisk title,Supplier late\n"
                    "Likelihood,High\nImpact,Low\nRisk owner,Ann Lee\nStatus,Open\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert list(risks) == ["R7"]
    assert "The vendor is late,then cancels" in (risks["R7"]["notes"] or "") + risks["R7"]["title"]
