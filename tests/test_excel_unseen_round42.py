"""Classes of problem found on round 42 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv


def test_a_portuguese_decision_log_keeps_its_dates_reasons_and_a_decision_due_for_review(sqlite_store, tmp_path):
    """A software team's decision log in Portuguese ("decisions.csv"), headers written without accents:
    "data | categoria | decisao | raciocinio | resultado_esperado | data_revisao | status". The date ("data") and
    the reasoning ("raciocínio") were kept in the notes, so no accepted decision had its date; and a decision
    "REVIEW DUE" (taken, its review date come) was no status the import knew, so that row was left out. In a
    decision log "data" is the date it was taken and "raciocínio" its rationale (Portuguese words); a decision
    due for review is one taken (English words). The review date stays in the notes."""
    path = write_csv(tmp_path / "decisions.csv", [
        ["data", "categoria", "decisao", "raciocinio", "resultado_esperado", "data_revisao", "status"],
        ["2025-06-01", "stack", "npm como gerenciador de pacotes", "Bun causa problemas no CI",
         "Estabilidade de build", "2025-12-01", "ACCEPTED"],
        ["2025-10-01", "ai", "Roteamento Flash vs Pro", "Flash mais barato", "Economia de custo", "2026-04-01",
         "REVIEW DUE"],
        ["2026-01-15", "architecture", "Tool loop limitado a 5 iterações", "Prevenir loops infinitos",
         "Estabilidade do assistente", "2026-07-15", "ACCEPTED"]])
    import_all(sqlite_store, path)
    got = {d["title"]: d for d in by_code(sqlite_store, "decisions").values()}
    assert len(got) == 3
    assert str(got["npm como gerenciador de pacotes"]["decided_on"]) == "2025-06-01"
    assert str(got["Roteamento Flash vs Pro"]["decided_on"]) == "2025-10-01"
    assert (got["Roteamento Flash vs Pro"]["rationale"] or "").startswith("Flash mais barato")
    assert "data_revisao: 2026-04-01" in (got["Roteamento Flash vs Pro"]["rationale"] or "")
