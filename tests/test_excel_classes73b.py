"""Issue 12, classes73b: unseen set 73's non-English risk columns as general rules — a consequences column of
numbers on the scale its header declares is the impact, a header listing its levels by number after its name
("Impacto 1. Baixa 2.Média 3.Alta") names its field and declares its scale, Polish response words in the gerund
("redukowanie", "akceptowanie") are strategies, and the response's description ("Opis reakcji", "Como?") is the
risk's action. Each test writes a workbook of the shape (never a fetched file) and failed on main a57a92c5."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.header_legends import header_legend


def _polish_sheet() -> list[list[object]]:
    return [
        ["lp", "Opis ryzyka", "Prawdopodobieństwo (skala 1-10)", "Skutki wystąpienia  (skala 1-10)",
         "Wielkość ryzyka", "Reakcja na ryzyko", "Opis reakcji"],
        [1, "Niekorzystne warunki pogodowe", 5, 3, 15, "redukowanie", "obserwowanie prognoz pogody"],
        [2, "Brak zgłoszeń konkursowych", 3, 9, 27, "redukowanie", "więcej reklamy i promocji"],
        [3, "Awaria wypożyczonego sprzętu", 1, 8, 8, "akceptowanie", None],
        [4, "Choroba prowadzącego", 2, 10, 20, "przeniesienie", "zastępca na liście rezerwowej"],
    ]


def test_consequences_on_a_declared_scale_are_the_impact(sqlite_store, tmp_path):
    """"Skutki wystąpienia (skala 1-10)" (the consequences of occurring, on 1–10) over numbers was kept in the
    notes — the consequences are the effect's words, and a 9 is no level of the office's 1–5. Its header declares
    1–10, so its numbers are the impact's, read on 1–10 as the probability beside it is, and said."""
    result = import_all(sqlite_store, write_xlsx(tmp_path / "Ryzyko.xlsx", {"Ryzyko": _polish_sheet()}))
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["impact"] for c in "1234"] == [2, 5, 4, 5]
    assert "Skutki wystąpienia" not in (risks["2"]["notes"] or "")
    assert "Skutki wystąpienia (skala 1-10): a 1–10 scale (from the header)" in result.sheets[0].note


def test_english_consequence_numbers_on_a_declared_scale(sqlite_store, tmp_path):
    """The same for English words: "Consequence (1-10)" over 2 … 9 beside "Likelihood (1-10)"."""
    rows = [["ID", "Risk", "Likelihood (1-10)", "Consequence (1-10)", "Mitigation"],
            ["R1", "Supplier goes bankrupt", 3, 9, "Second supplier"],
            ["R2", "Key developer leaves", 6, 7, "Pair programming"],
            ["R3", "Scope creep", 8, 2, "Change board"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["impact"] for c in ("R1", "R2", "R3")] == [5, 4, 1]


def test_polish_gerund_strategies_and_the_response_description(sqlite_store, tmp_path):
    """"redukowanie" (reducing) and "akceptowanie" (accepting) are strategies as "redukcja" and "akceptacja"
    are: the column is the response, not the action; "Opis reakcji" (the response's description) is the action."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Ryzyko.xlsx", {"Ryzyko": _polish_sheet()}))
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["response"] for c in "1234"] == ["Reduce", "Reduce", "Accept", "Transfer"]
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"obserwowanie prognoz pogody", "więcej reklamy i promocji", "zastępca na liście rezerwowej"}


def _levels_in_header() -> list[list[object]]:
    spaces = " " * 40
    return [
        ["Descrição de riscos", f"Probabilidade{spaces}1.Baixa{spaces}2.Média{spaces}3.Alta",
         f"Impacto{spaces}1. Baixa{spaces}2.Média{spaces}3.Alta", "Fator de risco", "Ação: Evitar Mitigar", "Como?"],
        ["Perder participantes", 1, 1, 1, "Mitigar", "Todos têm acesso às partes do projeto."],
        ["Falta de comprometimento", 2, 3, 6, "Evitar", "Prazos e reuniões semanais."],
        ["Atraso no transporte", 3, 2, 6, "Evitar", "Sair mais cedo de casa."],
    ]


def test_a_header_listing_its_levels_names_its_field_and_scale(sqlite_store, tmp_path):
    """"Impacto 1. Baixa 2.Média 3.Alta" matched no field (its impact kept in the notes), and the probability's
    header listing 1–3 was read on the office's 1–5. The words before the numbered levels name the field; the
    levels declare a 1–3 scale (a 3, "Alta", read as 4 of 5), said once a column. "Como?" (how) is the action."""
    result = import_all(sqlite_store, write_xlsx(tmp_path / "Riscos.xlsx", {"Plan1": _levels_in_header()}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert (risks["Perder participantes"]["probability"], risks["Perder participantes"]["impact"]) == (2, 2)
    assert (risks["Falta de comprometimento"]["probability"], risks["Falta de comprometimento"]["impact"]) == (3, 4)
    assert (risks["Atraso no transporte"]["probability"], risks["Atraso no transporte"]["impact"]) == (4, 3)
    assert "Impacto 1. Baixa 2.Média 3.Alta: a 1–3 scale (from the header)" in result.sheets[0].note
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Sair mais cedo de casa." in actions


def test_header_legend_shapes():
    """Three to ten levels numbered 1, 2, 3 … after a name; a range or a lone number is no list of levels."""
    assert header_legend("Impact 1-Low 2-Medium 3-High") == ("Impact", 3)
    assert header_legend("Probabilidade   1.Baixa   2.Média   3.Alta") == ("Probabilidade", 3)
    assert header_legend("Wpływ 1) mały 2) średni 3) duży 4) bardzo duży") == ("Wpływ", 4)
    assert header_legend("Impact 1-5") is None
    assert header_legend("Impact (1=Low, 5=High)") is None        # two levels, not numbered in a row
    assert header_legend("1.Low 2.Medium 3.High") is None         # no name before the list
    assert header_legend("Phase 2. Design 3. Build 4. Test") is None  # not from 1
