"""Issue 12, classes55a: known miss classes of rounds 53–54 — words, kinds and scales. Each test writes a workbook
of the shape (never a fetched file) and failed on the code before (main 7c4d7e1)."""

from __future__ import annotations

import pytest
from imported import by_code, import_all
from real_world_factory import write_xlsx

# (header row, rows: ID, title, category, probability, impact) in the register's language
KIND_BY_CATEGORY = {
    "ru": (["№", "Описание риска", "Категория риска", "Вероятность", "Влияние"],
           [["1", "Уход вендора серверного оборудования", "Технические", 4, 4],
            ["2", "Рост спроса на внедрение", "Возможности", 3, 4],
            ["3", "Ошибки в коде", "Технические", 2, 4],
            ["4", "Выход на новый рынок", "Возможности", 2, 3]]),
    "en": (["ID", "Risk", "Category", "Probability", "Impact"],
           [["1", "Vendor leaves the market", "Technical", 4, 4],
            ["2", "Demand for the rollout grows", "Opportunities", 3, 4],
            ["3", "Defects in the code", "Threats", 2, 4],
            ["4", "A new market opens", "Opportunity", 2, 3]]),
}


@pytest.mark.parametrize("language", sorted(KIND_BY_CATEGORY))
def test_a_category_naming_opportunities_makes_the_risk_an_opportunity(sqlite_store, tmp_path, language):
    """A category column whose value names the kind ("Возможности", "Opportunities"): the risk was a threat under a
    new category "Opportunities". The value says the risk is an opportunity (or, "Threats", a threat): the kind is
    taken from it, no category is made of it, said once a sheet; the other categories are read as before."""
    header, rows = KIND_BY_CATEGORY[language]
    book = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [header, *rows]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["kind"] for c in "1234"] == ["Threat", "Opportunity", "Threat", "Opportunity"]
    assert not risks["2"]["category"] and not risks["4"]["category"]
    assert risks["1"]["category"]
    note = plan.sheets[0].note
    assert f"“{header[2]}” names the kind of some risks" in note
    assert note.count("names the kind of some risks") == 1


NOT_HANDLED = [("R1", "Supplier delay", "Reduce", "Second supplier lined up"),
               ("R2", "Office move", "Accept", "Risk in the green zone - not handled"),
               ("R3", "Printer jams", "Accept", "Accepted, no further action"),
               ("R4", "Late invoices", "Accept", "No action required")]


def test_a_plan_saying_the_risk_is_not_handled_makes_no_action(sqlite_store, tmp_path):
    """"Risk in the green zone - not handled" under the plan column was made a response action saying so (round 53's
    "Риск в зеленой зоне - не рассматривается", 4 risks). A plan text saying no action is taken makes no action;
    the text stays in the risk's notes under the column's header, said once a column."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Response", "Mitigation Plan", "Probability", "Impact"],
        *[[c, t, r, p, 2, 3] for c, t, r, p in NOT_HANDLED]]})
    plan = import_all(sqlite_store, book)
    actions = [p for s in plan.sheets if s.register == "risk_actions" for p in s.rows]
    assert [p.values["description"] for p in actions] == ["Second supplier lined up"]
    risks = by_code(sqlite_store, "risks")
    assert "Mitigation Plan: Risk in the green zone - not handled" in risks["R2"]["notes"]
    assert "Mitigation Plan: Accepted, no further action" in risks["R3"]["notes"]
    assert "Mitigation Plan: No action required" in risks["R4"]["notes"]
    note = plan.sheets[0].note
    assert "“Mitigation Plan” says on 3 rows that nothing is done" in note


def test_a_plan_saying_so_in_russian_makes_no_action(sqlite_store, tmp_path):
    """The same in Russian, the strategy cell merged over the plan column as round 53's register has it."""
    book = write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Риски": [
        ["№", "Описание риска", "Вероятность", "Влияние", "Стратегия реагирования", "Мероприятия по реагированию"],
        ["1", "Высокая конкуренция", 3, 4, "Снижение", "Анализ рынка каждый квартал"],
        ["2", "Болезни сотрудников", 2, 2, "Риск в зеленой зоне - не рассматривается", None],
        ["3", "Уход ключевого разработчика", 3, 3, "Передача риска", "Договор с подрядчиком"],
        ["4", "Сбой хостинга", 1, 2, "Риск в зеленой зоне - не рассматривается", None],
        ["5", "Рост цен", 3, 3, "Принятие риска", "Резерв бюджета"]]},
        merges={"Риски": ["E3:F3", "E5:F5"]})
    plan = import_all(sqlite_store, book)
    actions = [p for s in plan.sheets if s.register == "risk_actions" for p in s.rows]
    assert [p.values["description"] for p in actions] == ["Анализ рынка каждый квартал", "Договор с подрядчиком",
                                                          "Резерв бюджета"]
    risks = by_code(sqlite_store, "risks")
    assert "Риск в зеленой зоне - не рассматривается" in risks["2"]["notes"]


def test_a_probability_level_saying_the_risk_is_over_closes_it(sqlite_store, tmp_path):
    """A lookup sheet's probability scale has a level "Resolved / Avoided" = 0 (round 54's company register): its
    risks stayed Open, the word kept in the notes. A probability word meaning closed, avoided or resolved closes
    the risk and leaves its probability empty ("occurred" makes it an occurred risk), said once a column; the
    word stays in the notes."""
    book = write_xlsx(tmp_path / "Risks and Issues.xlsx", {
        "Risks": [["Risk ID", "Probability of Occurrence", "Disruption Potential", "Risk Short Name"],
                  ["R1", "Resolved\n/ Avoided", "Medium", "Clarkson availability"],
                  ["R2", "High", "Significant", "Insufficient authenticator APIs"],
                  ["R3", "Low", "Minimal", "Export control"],
                  ["R4", "Occurred", "Medium", "Repository not in place"],
                  ["R5", "Resolved\n/ Avoided", "Showstopper", "No demonstration platform"]],
        "Lookups": [["Probability of Occurrence", None], ["Resolved\n/ Avoided", 0], ["Low", 1], ["Medium", 3],
                    ["High", 5], ["Certain", 9]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["status"] for c in ("R1", "R2", "R3", "R4", "R5")] == ["Closed", "Open", "Open", "Occurred",
                                                                            "Closed"]
    assert risks["R1"]["probability"] is None and risks["R4"]["probability"] is None
    assert risks["R2"]["probability"] is not None and risks["R3"]["probability"] is not None
    assert "Resolved" in risks["R1"]["notes"]
    note = plan.sheets[0].note
    assert note.count("“Probability of Occurrence” says on 3 rows that the risk is over") == 1


def _tables_under_headings(first_title: str | None) -> list[list]:
    header = ["Risk", "Severity", "Probability", "Trigger", "How to avoid"]
    return [[first_title], header,
            ["Team member falls ill", 3, 3, "Sick note", "Work from home"],
            ["Late to meetings", 4, 2, "Not on time", "Warn once"],
            [], [], ["Equipment risks"], [], header,
            ["Files lost", 5, 1, "Cannot find the files", "Save to the shared drive"],
            [], [], ["Management risks"], [], header,
            ["Not finished in time", 4, 3, "Deadline missed", "Work steadily"],
            ["Scope grows", 3, 3, "New requests", "Change control"]]


def test_headings_over_several_tables_name_their_categories(sqlite_store, tmp_path):
    """Three tables of risks on one sheet, the second and third under a heading ("Equipment risks", "Management
    risks"; round 53's Finnish "Riskit.xlsx"): the headings were skipped and the grouping lost. No column giving
    the category, each heading names the category of the records under it, said once; the first table, under
    the sheet's title only, gets none (a title above the first table is no group's)."""
    book = write_xlsx(tmp_path / "Risks.xlsx", {"Sheet1": _tables_under_headings("Risks of the course project")})
    plan = import_all(sqlite_store, book)
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert len(risks) == 5
    assert not risks["Team member falls ill"]["category"] and not risks["Late to meetings"]["category"]
    assert risks["Files lost"]["category"] == "Equipment"
    assert risks["Not finished in time"]["category"] == risks["Scope grows"]["category"] == "Management"
    assert "The headings over the tables name the category of the risks under each" in plan.sheets[0].note


def test_two_words_of_one_level_are_said_unless_a_list_orders_them(sqlite_store, tmp_path):
    """A five-word impact column whose "Значительная" and "Существенная" (significant, substantial) both read 4
    (round 53's 1C register): which is the higher only the sheet knows. No legend or list ordering them, both
    stay 4 and the tie is said once; forms of one word ("Высокая", "высокий") are no tie; a workbook's list
    placing them ("Значительная | 4", "Существенная | 5") reads each at its place and says nothing."""
    rows = [["1", "Уход вендора", "Вероятно", "Существенная"], ["2", "Внесение изменений", "Вероятно", "Значительная"],
            ["3", "Низкая квалификация", "Возможно", "Небольшая"], ["4", "Болезни", "Маловероятно", "Умеренная"],
            ["5", "Саботаж", "Возможно", "Существенная"]]
    header = ["№", "Описание риска", "Вероятность", "Влияние"]
    book = write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Риски": [header, *rows]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Влияние: “Существенная” and “Значительная” both read as 4" in note
    assert note.count("both read as") == 1  # Вероятно / Возможно / Маловероятно: one word a level
    risks = by_code(sqlite_store, "risks")
    assert risks["1"]["impact"] == risks["2"]["impact"] == 4

    legend = [["Влияние", "Балл"], ["Небольшая", 2], ["Умеренная", 3], ["Значительная", 4], ["Существенная", 5]]
    (tmp_path / "listed").mkdir()
    listed = write_xlsx(tmp_path / "listed" / "Реестр рисков.xlsx", {"Риски": [header, *rows], "Шкала": legend})
    plan = import_all(sqlite_store, listed)
    assert "both read as" not in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert (risks["1"]["impact"], risks["2"]["impact"]) == (5, 4)


def test_a_legend_of_ten_numbered_words_reads_each_by_its_place(sqlite_store, tmp_path):
    """A legend numbering ten likelihood words 1–10 ("Impossible | 1" … "Certain | 10") was no legend (three or
    four levels only): its words were read as the office's, "Likely" 4 though the legend puts it sixth of ten.
    Ten numbered words are a 1–10 scale, each word read at its place by tenths as a 1–10 number is (1–2 → 1, 3–4
    → 2 …): "Rare" third of ten is 2, "Likely" sixth is 3, "Very likely" eighth is 4. The legend names no column:
    it tells the scale of the column whose words it places, never of another's numbers."""
    words = ["Impossible", "Remote", "Rare", "Unlikely", "Possible", "Likely", "Probable", "Very likely",
             "Almost certain", "Certain"]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["ID", "Risk", "Likelihood", "Impact"], ["R1", "Supplier delay", "Rare", 4],
                  ["R2", "Key staff leave", "Likely", 3], ["R3", "Budget overrun", "Very likely", 4],
                  ["R4", "Data loss", "Certain", 2]],
        "Legend": [["Likelihood", "Score"], *[[w, n] for n, w in enumerate(words, 1)]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["probability"] for c in ("R1", "R2", "R3", "R4")] == [2, 3, 4, 5]
    note = plan.sheets[0].note
    assert "Likelihood: a 1–10 scale (from the legend), its words read as Rare 2, Likely 3, Very likely 4" in note
    # the legend places the likelihood's words: the impact's numbers 1–5 are not halved as a 1–10 scale's
    assert [risks[c]["impact"] for c in ("R1", "R2", "R3", "R4")] == [4, 3, 4, 2]
    assert "Impact:" not in note
