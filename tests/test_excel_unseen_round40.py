"""Classes of problem found on round 40 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_legend_under_one_merged_caption_beside_the_list_is_no_column_of_it(sqlite_store, tmp_path):
    """A student team's risk list with its probability × impact legend to the right, past an empty column,
    under one caption merged over the legend's four columns ("Impact" over "High (3) | 3 | 6 | 9" …
    "Unlikely (1) | Likely (2) | Very likely (3)"). The caption names a rating, so the block was read as the
    list's own columns: the first four risks got the legend's row beside them as their effect ("High (3)")
    and its numbers in their notes. One caption merged over a block of numbers and level words is a grid's:
    none of its columns is the list's."""
    rows = [
        ["Project risks", None, None, None, None, None, None, None],
        ["Risk", "Likelihood", "Impact", "Response", None, "Impact", None, None, None],
        ["Supplier goes bankrupt", 2, 3, "Mitigate", None, "High (3)", 3, 6, 9],
        ["Key developer leaves", 1, 3, "Avoid", None, "Medium (2)", 2, 4, 6],
        ["Scope grows late", 3, 2, "Mitigate", None, "Low (1)", 1, 2, 3],
        ["Test rig arrives late", 2, 2, "Accept", None, None, "Unlikely (1)", "Likely (2)", "Very likely (3)"],
        ["Budget cut in Q3", 1, 2, "Accept"],
        ["Vendor API changes", 3, 3, "Mitigate"],
    ]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}, merges={"Risks": ["F2:I2"]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(got) == 6
    for risk in got.values():
        assert not risk.get("effect")
        assert "High (3)" not in (risk.get("notes") or "") and "Unlikely" not in (risk.get("notes") or "")
        assert "Impact: 6" not in (risk.get("notes") or "")
    assert got["Supplier goes bankrupt"]["response"] == "Reduce"


def test_a_scale_listed_in_the_header_after_a_run_of_spaces_is_read(sqlite_store, tmp_path):
    """"Probabilidade (P)          1- Baixo⏎2- Médio⏎3- Alto": the header lists its three levels, the first
    pushed onto the cell's next line by spaces rather than a line break. Only two lines were seen as levels, so
    no scale was read and 2 (Médio, medium) was stored as 2 of the office's five levels (low). A run of spaces
    breaks a header's line as a line break does: the 1–3 scale is read, 1 low, 2 medium, 3 high."""
    rows = [
        ["Risk", "Likelihood (L)                   1- Low\n2- Medium\n3- High",
         "Impact (I)                   1- Low\n2- Medium\n3- High", "Action"],
        ["Server room floods", 1, 3, "Move the servers upstairs"],
        ["Licence costs rise", 2, 2, "Negotiate a three-year price"],
        ["Team member falls ill", 3, 1, "Share the tasks"],
    ]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert (got["Server room floods"]["probability"], got["Server room floods"]["impact"]) == (2, 4)
    assert (got["Licence costs rise"]["probability"], got["Licence costs rise"]["impact"]) == (3, 3)
    assert (got["Team member falls ill"]["probability"], got["Team member falls ill"]["impact"]) == (4, 2)


def test_a_matrix_cell_listing_risks_run_together_gives_each_risk(sqlite_store, tmp_path):
    """A probability × impact matrix with the risks written in its cells, two or three in a cell run
    together with a comma and no space ("Overheating,Wrong installation"): each was one risk named by the
    whole cell. A comma with no space after it between words (or a ";") lists them; a comma followed by a
    space stays a name's own ("Delays, rework")."""
    rows = [
        ["Project risks"],
        [],
        ["likelihood/impact", "Low", "Medium", "High"],
        ["High", None, None, "Data centre fire"],
        ["Medium", "Parts not delivered", "Delays, rework", "Software incompatibility,Warranty"],
        ["Low", None, None, "Overheating,Wrong installation;Hardware incompatibility"],
    ]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Matrix": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(got) == sorted(["Data centre fire", "Parts not delivered", "Delays, rework",
                                  "Software incompatibility", "Warranty", "Overheating", "Wrong installation",
                                  "Hardware incompatibility"])
    assert (got["Warranty"]["probability"], got["Warranty"]["impact"]) == (3, 4)
    assert (got["Overheating"]["probability"], got["Overheating"]["impact"]) == (2, 4)


def test_elevado_is_a_high_level_of_a_portuguese_matrix(sqlite_store, tmp_path):
    """A Portuguese matrix ("probabilidade/impacto" over "Baixo | Médio | Elevado", the same down the side):
    "Elevado" (high) was no level word, so the axes had two levels each and the matrix, its risks with it,
    was refused. "Elevado" / "Elevada" are high (4) in Portuguese and Spanish, "muito elevado" very high."""
    rows = [
        ["Riscos do projeto"],
        [],
        ["probabilidade/impacto", "Baixo", "Médio", "Elevado"],
        ["Elevado", None, "Atraso na entrega", None],
        ["Médio", "Falta de verba", None, "Perda de dados"],
        ["Baixo", None, None, "Roubo de equipamento"],
    ]
    path = write_xlsx(tmp_path / "riscos.xlsx", {"Planilha1": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(got) == ["Atraso na entrega", "Falta de verba", "Perda de dados", "Roubo de equipamento"]
    assert (got["Atraso na entrega"]["probability"], got["Atraso na entrega"]["impact"]) == (4, 3)
    assert (got["Roubo de equipamento"]["probability"], got["Roubo de equipamento"]["impact"]) == (2, 4)
