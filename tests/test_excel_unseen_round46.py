"""Classes of problem found on round 46 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.import_plan import Action

# a course project's risk register (Portuguese), laid out as its template lays it out: a title band, then a
# header over two rows whose captions are merged across ("Informações Gerais" over the risk's own columns,
# "Estado", "Impacto") and whose last cells are merged down over both lines (M8:M9 …)
_BAND = [None, "Informações Gerais", None, None, None, None, None, None, "Estado", None, "Impacto", None,
         "ID Ação de Atenuação/ Prevenção", "ID Ação de Contingência", "Acompanhamento do Risco"]
_HEADER = [None, "Prioridade", "#", "Data de identificação", "Descrição", "Projeto / Iteração", "Responsável",
           "Estratégia de Resposta", "Status", "Probabilidade", "Descrição", "Estimativa do Impacto"]
_MERGES = ["B1:H1", "I1:J1", "K1:L1", "M1:M2", "N1:N2", "O1:O2"]


def _risks_sheet(rows: list[list[object]]) -> list[list[object]]:
    return [_BAND, _HEADER, *rows]


def test_a_header_cell_merged_down_over_both_lines_leaves_the_first_record_a_record(sqlite_store, tmp_path):
    """The two-row header's last cells are merged down over both its lines (M1:M2). The tie rule for a caption
    merged over a column from the left took that vertical merge for such a caption, and the first risk, joined
    to the header above it, won as the header: that risk became the column names, the next risk took the
    impact's text as its title, the others were left out or skipped as notes. The header is the header's two
    rows; every risk is read, its statement (the first "Descrição") its title, the impact's "Descrição" its
    effect."""
    path = write_xlsx(tmp_path / "riscos.xlsx", {"Riscos": _risks_sheet([
        [None, None, 2, None, "Indisponibilidade de transmissão das propagandas", None, None, None, "Aberto"],
        [None, "Alto", 3, None, "Não liberação de verba atrasa o início", None, "Tarcísio",
         "[Risco Negativo] Aceitar", "Aberto", "Alto", "Atraso no cronograma do projeto", "Alto"],
        [None, None, 4, "2015-04-23", "Adiamento das reuniões de avaliação", None, "Italo",
         "[Risco Negativo] Aceitar", "Aberto", "Médio", None, "Médio", None, 1],
        [None, None, 5, "2015-04-23", "Projeto inovador pode não funcionar", None, None, None, "Aberto"]])},
        merges={"Riscos": _MERGES})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["2", "3", "4", "5"]
    assert got["2"]["title"] == "Indisponibilidade de transmissão das propagandas"
    second = got["3"]
    assert (second["title"], second["owner"], second["effect"]) == \
        ("Não liberação de verba atrasa o início", "Tarcísio", "Atraso no cronograma do projeto")
    assert (second["probability"], second["impact"]) == (4, 4)
    assert got["5"]["title"] == "Projeto inovador pode não funcionar"


def test_a_band_caption_over_the_records_own_id_leaves_their_title(sqlite_store, tmp_path):
    """"General Information" over "ID | Date | Description | Owner", "Impact" over "Description | Level": the
    same word under two captions made the first "Description" another thing's name ("Asset" over "Name"), so the
    register had no title and was refused. A caption over the records' own ID is their own band: the first
    "Description" names the risks, the second is the impact's text."""
    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": [
        ["General Information", None, None, None, "Impact", None],
        ["ID", "Date identified", "Description", "Owner", "Description", "Level"],
        ["R1", "2024-03-01", "Supplier delivers late", "Ana", "Launch slips a month", "High"],
        ["R2", "2024-03-02", "Key engineer leaves", "Bruno", "Knowledge lost", "Medium"]]},
        merges={"Risks": ["A1:D1", "E1:F1"]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: r["title"] for c, r in got.items()} == {"R1": "Supplier delivers late", "R2": "Key engineer leaves"}
    assert got["R1"]["effect"] == "Launch slips a month" and got["R1"]["owner"] == "Ana"


def test_a_choice_written_after_a_bracketed_tag_is_that_choice(sqlite_store, tmp_path):
    """A template's response strategies grouped by a tag in brackets ("[Risco Negativo] Aceitar", "[Risco
    Positivo] Explorar"): no word matched the whole value, so the column was kept in the notes only. The words
    after the tag are the choice; the sheet's value stays in the notes."""
    path = write_csv(tmp_path / "riscos.csv", [
        ["ID", "Risco", "Probabilidade", "Impacto", "Estratégia de Resposta"],
        ["R1", "Fornecedor atrasa a entrega", "Alta", "Alta", "[Risco Negativo] Mitigar"],
        ["R2", "Equipe sai do projeto", "Baixa", "Alta", "[Risco Negativo] Aceitar"],
        ["R3", "Novo cliente interessado", "Média", "Alta", "[Risco Positivo] Explorar"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: r["response"] for c, r in got.items()} == {"R1": "Reduce", "R2": "Accept", "R3": "Exploit"}


def test_an_impact_estimate_is_the_impact(sqlite_store, tmp_path):
    """"Estimativa do Impacto" (the impact's estimate, Alto / Médio / Baixo) beside the impact's description was
    kept in the notes: the risks had no impact. It is the impact, in Portuguese and in English."""
    pt = write_csv(tmp_path / "riscos.csv", [
        ["ID", "Descrição do risco", "Probabilidade", "Estimativa do Impacto"],
        ["R1", "Fornecedor atrasa a entrega", "Alto", "Médio"],
        ["R2", "Equipe sai do projeto", "Baixo", "Alto"]])
    import_all(sqlite_store, pt)
    got = by_code(sqlite_store, "risks")
    assert {c: r["impact"] for c, r in got.items()} == {"R1": 3, "R2": 4}
    en = write_csv(tmp_path / "risks.csv", [
        ["ID", "Risk", "Likelihood", "Impact Estimate"],
        ["E1", "Vendor goes bust", "High", "Medium"]])
    import_all(sqlite_store, en)
    assert by_code(sqlite_store, "risks")["E1"]["impact"] == 3


def test_numbered_template_rows_with_a_default_copied_down_are_empty_rows(sqlite_store, tmp_path):
    """A template numbers its rows ahead (7, 8 … 21) and writes the default status "Aberto" on each: the
    rows under the five risks hold only their number and that default. They were each left out as an error
    ("Title cannot be empty") into a rows-left-out workbook; they are empty template rows, skipped as such."""
    rows = [["#", "Descrição", "Responsável", "Status"],
            [1, "Fornecedor atrasa a entrega", "Ana", "Aberto"],
            [2, "Equipe sai do projeto", "Bruno", "Aberto"]]
    rows += [[n, None, None, "Aberto"] for n in range(3, 9)]
    path = write_xlsx(tmp_path / "riscos.xlsx", {"Riscos": rows})
    plan = import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["1", "2"]
    reports = plan.reports
    assert not [r for r in reports if r.action is Action.ERROR]
    assert all("empty template row" in r.reason for r in reports if r.action is Action.SKIP)
    # the six rows said in one line, as one run (classes76a: a run of template rows is one line, not one a row)
    assert [r.reason.split(":")[0] for r in reports if r.action is Action.SKIP] == ["empty template rows (rows 4–9"]


def test_the_word_project_in_a_project_column_makes_no_project(sqlite_store, tmp_path):
    """"Projeto / Iteração" holds "Projeto" (the project as a whole) or an iteration's name: the import made a
    project called "Projeto". The word alone names no project; it stays in the risk's notes."""
    path = write_csv(tmp_path / "riscos.csv", [
        ["ID", "Descrição", "Projeto / Iteração", "Responsável"],
        ["R1", "Adiamento das reuniões", "Projeto", "Italo"],
        ["R2", "Fornecedor atrasa a entrega", "Nova Roma", "Ana"]])
    import_all(sqlite_store, path)
    assert [p["name"] for p in rows_of(sqlite_store, "projects")] == ["Nova Roma"]
    got = by_code(sqlite_store, "risks")
    assert not got["R1"]["project"] and "Projeto" in (got["R1"]["notes"] or "")
    assert got["R2"]["project"] == "Nova Roma"
