"""Classes of problem round 53's held-out set showed (docs/import-rounds.md), fixed after it was measured once:
each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_what_a_risk_affects_is_its_category_and_tolerable_a_level(sqlite_store, tmp_path):
    """A risk-management course's workbook after Sommerville: "Risk | Affects | Description" (Affects:
    Project, Product, Business — which the risk threatens) and "Risk | Probability | Effects" rated
    Insignificant, Tolerable, Serious, Catastrophic. "Affects" was read as the risk's effect (one letter from
    "Effects"), so "Project" became what the risk would do; "Tolerable" was read as no level, so five risks had
    no impact. What a risk affects is its category, and "Tolerable" is the scale's second step."""
    path = write_xlsx(tmp_path / "Risk.xls.xlsx", {
        "Risk-List": [
            ["Risk", "Affects", "Description"],
            ["Staff turnover", "Project", "Experienced staff will leave the project before it is finished."],
            ["Requirements change", "Project and product", "There will be more changes than anticipated."],
            ["Product competition", "Business", "A competitive product is marketed first."]],
        "Probability-Impact": [
            ["Risk", "Probability", "Effects"],
            ["CASE tools cannot be integrated.", "High", "Tolerable"],
            ["The size of the software is underestimated.", "High", "Tolerable"],
            ["Key staff are ill at critical times.", "Moderate", "Serious"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert risks["Staff turnover"]["category"] == "Project"
    assert not risks["Staff turnover"]["effect"]
    assert risks["Product competition"]["category"] == "Business"
    assert risks["CASE tools cannot be integrated."]["impact"] == 2
    assert risks["Key staff are ill at critical times."]["impact"] == 4


def test_a_header_typed_over_is_named_by_the_workbooks_list_of_columns(sqlite_store, tmp_path):
    """A course team's Russian risk register whose instructions sheet lists its columns one a line ("Поле |
    Алгоритм заполнения": ID, Статус риска, Влияние риска, Вероятность риска, Уровень риска, Описание риска …);
    on the register, the "Уровень риска" (the RAG level) header cell had been typed over by a risk's effect
    ("Перебои в работе сервиса , потери данных"). The levels "Красный / Желтый / Зеленый" were kept in the notes
    under the words of an effect. The name the list gives between the cell's two neighbours is its name."""
    path = write_xlsx(tmp_path / "Реестр рисков.xlsx", {
        "Инструкции": [
            [],
            ["", "Поле", "Алгоритм заполнения"],
            ["", "ID", "Уникальный идентификатор"],
            ["", "Влияние риска", "высокое / среднее / низкое"],
            ["", "Вероятность риска", "высокая / средняя / низкая"],
            ["", "Уровень риска", "красный / желтый / зеленый"],
            ["", "Описание риска", "Тезисно - в чем суть риска"],
            ["", "Хозяин риска", "Лицо ответственное за мониторинг"]],
        "Реестр рисков": [
            ["Реестр рисков"],
            ["ID", "Влияние риска", "Вероятность риска", "Перебои в работе сервиса , потери данных",
             "Описание риска", "Хозяин риска"],
            ["rs-1", "Среднее", "Высокая", "Красный", "Плохая документация проекта", "РП"],
            ["rs-2", "Высокое", "Средняя", "Красный", "Закончилось место в базе данных", "Системный администратор"],
            ["rs-3", "Низкое", "Низкая", "Зеленый", "Слабая коммуникация с заказчиком", "РП"]]})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert risks["rs-1"]["title"] == "Плохая документация проекта"
    assert "Уровень риска: Красный" in risks["rs-1"]["notes"]
    assert "Перебои" not in risks["rs-3"]["notes"]
