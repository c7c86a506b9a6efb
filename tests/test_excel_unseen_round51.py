"""Classes of problem found on round 51 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_risk_written_on_two_lines_words_then_numbers_is_one_risk(sqlite_store, tmp_path):
    """A course project's risk analysis writes each risk on two lines: its ratings in words ("Muito Alto",
    "Baixa"), then the same ratings in numbers (0.8, 0.3) on the line below, the title, effect, plan and owner
    merged over both. The second line was read as a risk rated apart (a hazard with two causes): 15 risks came in
    twice. A number under the record's word is the same rating written again: the line continues the record,
    its numbers kept in the notes."""
    path = write_xlsx(tmp_path / "Análise de Riscos.xlsx", {"Análise": [
        ["Descrição do risco", "Impacto", "Escopo", "Custo", "Probabilidade de ocorrência (O)",
         "Medida de Prevenção (resposta ao risco)", "Responsável"],
        ["Má integração do eixo", "Os eixos param", "Muito Alto", "Baixo", "Baixa", "Testes incrementais", "Felipe"],
        [None, None, 0.8, 0.1, 0.3, None, None],
        ["Atraso na entrega", "Etapas atrasam", "Alto", "Médio", "Média", "Solicitar cedo", "Rafael"],
        [None, None, 0.4, 0.2, 0.5, None, None],
        ["Problema na alimentação", "Falha elétrica", "Muito Alto", "Muito Baixo", "Alta", "Simular antes", "Milai"],
        [None, None, 0.8, 0.05, 0.7, None, None]]},
        merges={"Análise": ["A2:A3", "B2:B3", "F2:F3", "G2:G3", "A4:A5", "B4:B5", "F4:F5", "G4:G5",
                            "A6:A7", "B6:B7", "F6:F7", "G6:G7"]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert [r["title"] for r in risks] == ["Má integração do eixo", "Atraso na entrega", "Problema na alimentação"]
    first = risks[0]
    assert first["probability"] == 2  # "Baixa"
    assert "Escopo: Muito Alto" in first["notes"] and "Escopo: 0.8" in first["notes"]
    assert "Custo: 0.1" in first["notes"]
