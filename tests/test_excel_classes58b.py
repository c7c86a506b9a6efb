"""Issue 12, classes58b: layout classes left by rounds 55–57 — a header spread over three lines, rows typed one
column off their headers, risk plans of the same risks stacked down a sheet. Each test writes a workbook of the
shape (never a fetched file) and failed on the code before (main 95774ab)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx
from stacked_plans import stacked_plans


def book_three_line_header(folder: Path) -> Path:
    """A planning template's risk list: "ID" alone on the header's top line beside a caption over the other
    columns, their names on the second line, and the response strategy's own plans on the third."""
    sheet = "Riscos"
    rows: list[list[object]] = [
        ["Riscos do Projeto"],
        ["ID", None, "Identificação", None, None, None, None, None, None],
        [None, "Descrição do Risco", "Data", "Probabilidade", "Impacto", "Situação", "Estratégia de Resposta",
         None, None],
        [None, None, None, None, None, None, "Plano de Prevenção", "Plano de Mitigação", "Plano de Contingência"],
        [1, "O fornecedor do servidor atrasa", dt.datetime(2024, 3, 1), "Alta", "Alto", "Ativo", None,
         "Pedir duas cotações", "Alugar um servidor na nuvem"],
        [2, "A equipe perde um desenvolvedor", dt.datetime(2024, 3, 8), "Baixa", "Médio", "Ativo", None,
         "Documentar o código", "Contratar um freelancer"],
        [3, "O cliente muda o escopo", dt.datetime(2024, 3, 15), "Média", "Alto", "Ativo", None,
         "Aprovar mudanças no comitê", "Renegociar o prazo"]]
    merges = ["A1:I1", "C2:I2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:I3"]
    return write_xlsx(folder / "Planejamento.xlsx", {sheet: rows}, merges={sheet: merges})


def test_a_header_over_three_lines_keeps_its_id_and_its_plans(sqlite_store, tmp_path):
    """Read from its upper two lines the header kept the ID but took the plans for one band, "Estratégia de
    Resposta", kept in the notes; read from the lower two, the plans were right and the ID lost. A column empty
    on the two lower lines takes the short label the top line writes over it, beside a caption over the rest."""
    plan = import_all(sqlite_store, book_three_line_header(tmp_path))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Alugar um servidor na nuvem", "Pedir duas cotações", "Renegociar o prazo"} <= actions
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"1", "2", "3"}
    assert risks["2"]["title"] == "A equipe perde um desenvolvedor"
    assert next(s for s in plan.sheets if s.register == "risks").header_row == 4

    # a sheet's title alone over an unheaded column adds no header: the two-line header reads as before
    plain = [["Lista de Riscos"], [None, "Risk", "Likelihood", "Impact"], [None, None, "(1-5)", "(1-5)"],
             [1, "Supplier fails", 4, 5], [2, "Key staff leave", 2, 3], [3, "Scope grows", 3, 3]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "titled.xlsx", {"Risks": plain}))
    sheet = next(s for s in plan.sheets if s.register == "risks")
    assert 0 not in sheet.mapping


def test_the_last_of_risk_plans_numbered_down_a_sheet_is_the_current_rating(sqlite_store, tmp_path):
    """Three plans of the same risks under "Risk plan 1 | Team B", "Risk plan 2 | Team B", "Risk plan 3 | Team B":
    each risk kept the first plan's ratings, the later plans' in its notes. Captions numbering the tables in the
    same words, the number rising, make each a later assessment: a risk takes the ratings of the last table rating
    it (back to Low × Medium after High × High), the first plan's kept in its notes under its caption; the sheet
    notes say so. Captions in other words ("Before mitigation" / "After mitigation") say no order: as before."""
    captions: list[list[object]] = [[f"Risk plan {k}", "Team B"] for k in (1, 2, 3)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "plans.xlsx", {"Plans": stacked_plans(captions)}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"Supplier fails", "Key staff leave", "Scope grows"}
    assert (risks["Key staff leave"]["probability"], risks["Key staff leave"]["impact"]) == (2, 3)
    assert (risks["Supplier fails"]["probability"], risks["Supplier fails"]["impact"]) == (2, 3)  # plan 3's
    assert "the first assessment under “Risk plan 1 | Team B”, rated: Likelihood: Medium; Impact: High" in \
        risks["Key staff leave"]["notes"]
    assert "under “Risk plan 2 | Team B”, writes: Likelihood: High; Impact: High" in risks["Supplier fails"]["notes"]
    note = next(s for s in plan.sheets if s.register == "risks").note
    assert "2 risks take the ratings of the last table rating them" in note

    unordered: list[list[object]] = [["Before mitigation", "Team B"], ["After mitigation", "Team B"],
                                     ["Risk plan 3", "Team B"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stages.xlsx", {"Stages": stacked_plans(unordered)}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert (risks["Key staff leave"]["probability"], risks["Key staff leave"]["impact"]) == (3, 4)


def _issue(k: int) -> list[object]:
    return [f"I-{k}", f"Issue number {k} of the log", "Ana Ruiz", "Medium", "Open", dt.datetime(2024, 5, k)]


def test_rows_typed_one_column_left_of_their_headers_are_read_under_them(sqlite_store, tmp_path):
    """A run of rows pasted one cell to the left: the title under "ID", the priority under "Owner", the status
    under "Priority", the date under "Status", "Raised" empty. They were left out ("Status: … is not one of")
    or read into the wrong fields. Every typed value of the row (levels, choices, dates) standing beside its
    column, on the same side, in a run of such rows: each value is read under its header, the ID made up, and
    the sheet notes say so. A lone row so is left out saying where its values stand; rows whose values stand
    beside their headers but not every one (a date that is a name) are left out saying so, never read wrong."""
    header = ["ID", "Title", "Owner", "Priority", "Status", "Raised"]
    off = [["Supplier invoice blocked", "Luis Gil", "High", "Closed", dt.datetime(2024, 6, 3)],
           ["Test server down", "Eva Lind", "Low", "Resolved", dt.datetime(2024, 6, 4)],
           ["Licences not renewed", "Ana Ruiz", "Critical", "Open", dt.datetime(2024, 6, 5)]]
    lone = ["Printer jammed", "Luis Gil", "Low", "Closed", dt.datetime(2024, 6, 9)]
    rows = [header, *[_issue(k) for k in range(1, 6)], *off, _issue(6), lone, _issue(7)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "issue log.xlsx", {"Issues": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert {"Supplier invoice blocked", "Test server down", "Licences not renewed"} <= set(issues)
    read = issues["Licences not renewed"]
    assert (read["priority"], read["status"], read["raised_on"]) == ("Critical", "Open", dt.date(2024, 6, 5))
    assert issues["Test server down"]["status"] == "Resolved"
    assert "Printer jammed" not in issues and "Luis Gil" not in issues
    sheet = next(s for s in plan.sheets if s.register == "issues")
    said = {r.report.row: r.report.reason for r in sheet.rows}
    assert said[11].startswith("Its values stand one column left of their headers (“Low” under “Owner”, not "
                               "“Priority”"), said[11]
    assert "3 rows stand one column off their headers" in sheet.note

    # a run whose values stand one column right, but whose date read back is a name: left out, saying so
    shifted = [["Issue", "Priority", "Status", "Raised", "Owner"],
               *[[f"Issue {k} in place", "High", "Open", dt.datetime(2024, 5, k), "Ana Ruiz"] for k in range(1, 5)],
               *[[f"Issue {k} pasted off", None, "Low", "Open", "Ana Ruiz", "Luis Gil"] for k in range(5, 8)]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "shifted.xlsx", {"Issues": shifted}))
    assert not {f"Issue {k} pasted off" for k in range(5, 8)} & {r["title"] for r in rows_of(sqlite_store, "issues")}
    sheet = next(s for s in plan.sheets if s.register == "issues")
    assert "3 rows have values standing one column right of their headers, but not every value so" in sheet.note
