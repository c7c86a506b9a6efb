"""Classes of problem found by import round 63's held-out set (docs/import-rounds.md, "Round 63's held-out
classes"), fixed after the held-out figure was written down: each test writes a file of that shape (never the
fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_courts_rulings_named_decisions_add_nothing(sqlite_store, tmp_path):
    """A legal search tool's "decisoes.csv" ("numero_processo | orgao_julgador | assunto | data | conteudo"): a
    court's rulings, each under its case number and the court that judged it. Once "decisões" named the decision
    log, they were read as decisions titled by their subject. A column naming the court or the case's number,
    beside a title and a date and nothing an office keeps of its decisions, makes the rows a court's: nothing is
    made, and the refusal says why."""
    rows: list[list[object]] = [["numero_processo", "orgao_julgador", "assunto", "data", "conteudo"]]
    for k, subject in enumerate(["Indenização por atraso", "Revisão de aluguel", "Cobrança indevida",
                                 "Rescisão de contrato"]):
        rows.append([f"00{k}1234-5{k}.2023.8.00.000{k}", f"{k + 1}ª Vara Cível", subject, f"2023-0{k + 1}-10",
                     "Julgo procedente o pedido, nos termos da fundamentação."])
    path = write_csv(tmp_path / "decisoes.csv", rows)
    with pytest.raises(WorkbookError, match=r"a court's cases and rulings \(“numero_processo”\)"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "decisions") == []
    # the office's own decision log is read, whatever process each decision concerns
    log = [["assunto", "processo", "decidido por", "data"],
           ["Adotar o fornecedor A", "Compras", "Diretoria", "2023-01-10"],
           ["Adiar a migração", "TI", "Comitê", "2023-02-10"],
           ["Contratar dois analistas", "RH", "Diretoria", "2023-03-10"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisões.csv", log))
    assert set(named(sqlite_store, "decisions")) == {"Adotar o fornecedor A", "Adiar a migração",
                                                     "Contratar dois analistas"}
