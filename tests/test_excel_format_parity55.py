"""One register saved as .xlsx, .ods, .xls or .csv imports as the same records (issue 12), on the shapes the
workbooks of rounds 40–54 showed once LibreOffice converted them (formats55, docs/import-rounds.md). Each test
writes the same rows in two formats, as a colleague's copy of the workbook would hold them, and compares what the
import stored."""

from __future__ import annotations

from typing import Any

import pytest
from real_world_factory import XlsError, write_csv, write_ods, write_xlsx
from test_excel_format_parity import same_in_both, stored

from pmo_desktop.excel.errors import WorkbookError


def test_an_ods_reads_its_error_cells_as_the_xlsx_does(tmp_path):
    """A likelihood looked up by a formula that shows #N/A, an exposure showing #DIV/0!: LibreOffice saves each
    such cell as an empty text marked as an error, the error as the text shown, and calamine read the empty value.
    The .ods imported the risk with no likelihood, without a word, where the .xlsx of the same rows leaves it out
    saying which cell shows which error; now the .ods does the same (and an error in a column kept in the notes is
    kept there as written in both, since fault70b)."""
    head = ["ID", "Risk", "Owner", "Likelihood", "Impact", "Exposure"]
    rows = [head, ["R1", "Supplier late", "Ann", 3, 4, 12], ["R2", "Budget cut", "Bo", "#N/A", 5, 10],
            ["R3", "Key person leaves", "Cy", 4, 4, "#DIV/0!"]]
    ods_rows = [[XlsError(v) if isinstance(v, str) and v.startswith("#") else v for v in r] for r in rows]
    got = same_in_both(tmp_path, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}),
                       write_ods(tmp_path / "risks.ods", {"Risks": ods_rows}))
    assert [(r["code"], r["probability"], r["notes"]) for r in got[:-1]] == [
        ("R1", 3, "Exposure: 12"), ("R3", 4, "Exposure: #DIV/0!")]


def test_a_csv_is_named_by_its_file_as_a_sheet_left_as_sheet1_is(tmp_path):
    """A risk table over its contingencies, keyed by the same numbers, saved as "Planilha de Riscos.xlsx" (its
    sheet left as "Planilha1") and as "Planilha de Riscos.csv": the workbook's name names the risks in both. The
    CSV's one sheet, named by its file, was read as a sheet's own name, which must be the register's alone, and
    the contingencies under the risks were read as seven issues and the risks lost."""
    rows = [[None, "Nº", "Problema:", "Impacto", "Probabilidade", "Fator de Risco"],
            [None, "1", "Falta de integrante", 2, 1, 2], [None, "2", "Problemas no equipamento", 3, 1, 3],
            [None, "3", "Problema nos arquivos", 3, 2, 6], [None, None, None, None, None, None],
            [None, "Nº", "Problema:", "Contingência", None, None],
            [None, "1", "Falta de integrante", "Dividimos em duplas alguns assuntos", None, None],
            [None, "2", "Problemas no equipamento", "Backup em pendrives separados", None, None],
            [None, "3", "Problema nos arquivos", "Arquivos no git", None, None]]
    (tmp_path / "csv").mkdir()
    got = same_in_both(tmp_path, write_xlsx(tmp_path / "Planilha de Riscos.xlsx", {"Planilha1": rows}),
                       write_csv(tmp_path / "csv" / "Planilha de Riscos.csv",
                                 [["" if x is None else x for x in r] for r in rows]))
    assert [(r["code"], r["impact"], r["probability"]) for r in got[:-1]] == [("1", 2, 1), ("2", 3, 1), ("3", 3, 2)]
    assert [text for _risk, text, _status in got[-1]["actions"]][0] == "Dividimos em duplas alguns assuntos"


def test_a_csv_matrix_with_its_likelihoods_as_per_cents_reads_its_risks(tmp_path):
    """A probability × impact matrix with the risks written in its cells, the likelihoods down the side (0.9 …
    0.1, shown as 90% … 10%) and the impact words across the bottom, a heat map's words in some cells. As a CSV
    each likelihood is the text "10%", which was taken for a level word: the row "10% | Low | Low | … | Low"
    counted as many words as the impact row and was taken for the levels across, and the CSV was refused where
    the .xlsx reads its six risks."""
    def grid(levels: list[Any]) -> list[list[Any]]:
        return [[None, "Probability", levels[0], None, None, "API endpoints broken", None, None],
                [None, None, levels[1], None, "Swagger out of date", None, "Checkout fails", None],
                [None, None, levels[2], None, None, "Login fails", None, None],
                [None, None, levels[3], "Footer links broken", None, None, None, None],
                [None, None, levels[4], "Low", "Low", "Session expires quickly", "Low", "Low"],
                [None, None, None, "Very low", "Low", "Moderate", "High", "Very high"],
                [None, None, None, "Impact", None, None, None, None]]
    (tmp_path / "csv").mkdir()
    shown = [["" if x is None else x for x in r] for r in grid(["90%", "70%", "50%", "30%", "10%"])]
    books = [stored(tmp_path, write_xlsx(tmp_path / "Risk matrix.xlsx", {"Sheet1": grid([0.9, 0.7, 0.5, 0.3, 0.1])})),
             stored(tmp_path, write_csv(tmp_path / "csv" / "Risk matrix.csv", shown))]
    # the same risks; each notes its likelihood as its file writes it ("Probability: 0.9", "Probability: 90%")
    got, csv_got = ([{k: v for k, v in r.items() if k != "notes"} for r in book] for book in books)
    assert got == csv_got
    assert sorted((r["title"], r["probability"], r["impact"]) for r in got[:-1]) == [
        ("API endpoints broken", 5, 3), ("Checkout fails", 4, 4), ("Footer links broken", 2, 1),
        ("Login fails", 3, 3), ("Session expires quickly", 1, 3), ("Swagger out of date", 4, 2)]


def test_a_csv_rates_both_ratings_on_the_sheets_ten_point_scale_as_its_workbook_does(tmp_path):
    """A likelihood of 1–7 (above five once) beside an impact of 2–10: both on the sheet's 1–10 scale, rescaled to
    five levels, in the workbook. In its CSV every rating is text, which the rule pairing the two columns did not
    weigh as numbers: the likelihoods were read as five levels (3 a level higher than the workbook's) and the 7
    refused as no level."""
    head = ["ID", "Risk", "Owner", "Likelihood", "Impact"]
    body = [["R1", "Supplier late", "Ann", 2, 8], ["R2", "Budget cut", "Bo", 3, 10], ["R3", "Key person leaves", "Cy", 1, 6],
            ["R4", "Data centre fire", "Di", 7, 9], ["R5", "Scope creep", "Ed", 4, 2]]
    (tmp_path / "csv").mkdir()
    books = [stored(tmp_path, write_xlsx(tmp_path / "risks.xlsx", {"Risks": [head, *body]})),
             stored(tmp_path, write_csv(tmp_path / "csv" / "risks.csv", [head, *[[str(x) for x in r] for r in body]]))]
    assert books[0] == books[1]
    assert [(r["probability"], r["impact"]) for r in books[1][:-1]] == [(1, 4), (2, 5), (1, 3), (4, 5), (2, 1)]


def test_a_csvs_zeros_under_the_table_are_no_lines_of_the_last_record(tmp_path):
    """Under the register, rows whose only cells are formulas giving 0 (a score, a cost, drawn down the sheet
    for rows never filled). The workbook's numbers 0 are rows of no record, skipped; its CSV writes each as the
    text "0", and each row was read as the last record's text going on over one more row: one "0" a line in its
    notes for each cell of each row (800 of them in round 53's FMEA)."""
    head = ["ID", "Risk", "Owner", "Likelihood", "Impact", "Exposure", "Reserve"]
    body = [["R1", "Supplier late", "Ann", 3, 4, 120, 40], ["R2", "Budget cut", "Bo", 2, 5, 300, 60],
            ["R3", "Key person leaves", "Cy", 4, 4, 80, 20]]
    zeros = [[None, None, None, None, None, 0, 0] for _ in range(4)]
    (tmp_path / "csv").mkdir()
    got = same_in_both(tmp_path, write_xlsx(tmp_path / "risks.xlsx", {"Risks": [head, *body, *zeros]}),
                       write_csv(tmp_path / "csv" / "risks.csv",
                                 [["" if x is None else str(x) for x in r] for r in [head, *body, *zeros]]))
    assert [r["notes"] for r in got[:-1]] == ["Exposure: 120\nReserve: 40", "Exposure: 300\nReserve: 60",
                                              "Exposure: 80\nReserve: 20"]


def test_a_german_csvs_amounts_of_money_are_no_impact_levels(tmp_path):
    """"Impact (monetary)" of $15,000 and $20,000: the workbook's numbers fit no scale and are kept in the notes.
    A German Excel writes them "$15.000", "$20.000", which the English way are 15 and 20, products of two ratings
    of five: every risk was given the impact 4. An amount written with its currency is money, never a level."""
    head = ["ID", "Title", "Owner", "Probability", "Impact (monetary)"]
    body = [["1", "Text recognition fails", "Ann", "High", 15000], ["2", "Camera too slow", "Bo", "Medium", 20000],
            ["3", "Plates unreadable at night", "Cy", "Low", 15000]]
    (tmp_path / "csv").mkdir()
    books = [stored(tmp_path, write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [head, *body]})),
             stored(tmp_path, write_csv(tmp_path / "csv" / "Risk Register.csv",
                                        [head, *[[*r[:4], f"${r[4] // 1000}.000"] for r in body]], delimiter=";",
                                        encoding="cp1252"))]
    got, csv_got = ([{k: v for k, v in r.items() if k != "notes"} for r in book] for book in books)
    assert got == csv_got  # the notes keep each amount as its file writes it (15000, "$15.000")
    assert [r["impact"] for r in csv_got[:-1]] == [None, None, None]
    assert [r["notes"] for r in books[1][:-1]][0] == "Impact (monetary): $15.000"


def test_a_csv_reads_the_matrix_under_its_table_as_its_workbook_does(tmp_path):
    """A risk list rated 1–3 with its probability–impact matrix drawn under it ("Impacto", then "Alto | 3 | 6 |
    9" … and the likelihood words along the bottom). The workbook skips the matrix and reads the ratings on its
    three bands; in the CSV its scores are text, so the matrix was not told apart from records — its bands and
    axes became five more risks, its 9 made the ratings a 1–10 scale, and the ratings were read as levels 1–3 of
    five — and now both read the same five risks, 1, 2 and 3 as 2, 3 and 4 of five."""
    head = [None, "ID", "Descrição do Risco", "Probabilidade (P)", "Impacto (I)", "Ação", "Como?"]
    body = [[None, 1, "Perder um integrante na equipe", 1, 3, "Mitigar", "Redistribuir as tarefas"],
            [None, 2, "Dificuldade de comunicação", 3, 3, "Evitar", "Manter comunicação clara"],
            [None, 3, "Falta de comprometimento", 2, 3, "Mitigar", "Não exagerar nas tarefas"],
            [None, 4, "Falta de conhecimento", 3, 1, "Mitigar", "Ajudar nas pesquisas"],
            [None, 5, "Escopo confuso", 1, 2, "Evitar", "Comunicação frequente com o cliente"],
            [None, "Impacto", None, None, None, None, None], [None, "Alto", 3, 6, 9, None, None],
            [None, "Médio", 2, 4, 6, None, None], [None, "Baixo", 1, 2, 3, None, None],
            [None, None, "Pouco provável", "Provável", "Muito provável", None, None],
            [None, None, "Probabilidade", "Probabilidade", "Probabilidade", None, None]]
    rows = [[None, "GESTÃO DE RISCOS"], [], head, *body]
    (tmp_path / "csv").mkdir()
    books = [stored(tmp_path, write_xlsx(tmp_path / "Gestão de Riscos.xlsx", {"Gestão de Riscos": rows})),
             stored(tmp_path, write_csv(tmp_path / "csv" / "Gestão de Riscos.csv",
                                        [["" if x is None else str(x) for x in r] for r in rows]))]
    got, csv_got = ([{k: v for k, v in r.items() if k != "notes"} for r in book] for book in books)
    assert got == csv_got  # (the notes keep each rating as its file writes it)
    assert [(r["title"], r["probability"], r["impact"]) for r in csv_got[:-1]] == [
        ("Perder um integrante na equipe", 2, 4), ("Dificuldade de comunicação", 4, 4),
        ("Falta de comprometimento", 3, 4), ("Falta de conhecimento", 4, 2), ("Escopo confuso", 2, 3)]


def test_a_log_of_flags_and_empty_ratings_is_no_risk_matrix_in_either_format(tmp_path):
    """A transaction log: an incident flag of 0 or 1, and "None | None | None" for the type, severity and code of
    the transactions with no incident. Levels down the side and a row of level words across make a matrix only
    when each level is named once: the repeated "None"s are no axis, and neither format reads three risks
    (Error, Misstatement, Fraud) out of the log named "risks" (the .xlsx did on main, its CSV once its 0 and 1
    were numbers); both are refused as no register, as the log is."""
    head = ["Transaction_ID", "Risk_Incident", "Risk_Type", "Incident_Severity", "Error_Code"]
    body = [[f"TXN{n:05}", 0, "None", "None", "None"] for n in range(1, 30)]
    body[1], body[7], body[11] = (["TXN00002", 1, "Error", "Low", "E002"], ["TXN00008", 1, "Misstatement", "Medium", "M003"],
                                  ["TXN00012", 1, "Fraud", "High", "E002"])
    (tmp_path / "csv").mkdir()
    for path in (write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": [head, *body]}),
                 write_csv(tmp_path / "csv" / "risks.csv", [head, *[[str(x) for x in r] for r in body]])):
        with pytest.raises(WorkbookError, match="has a header row naming register columns"):
            stored(tmp_path, path)
