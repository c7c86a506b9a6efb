"""Issue 12, classes83: the miss classes of unseen set 83 as general rules — a header word of an inflected language
written as its abstract noun ("Приоритетность", "Пріоритетність") read as the word it is made of; a sheet headed by
one scale's levels ("P1 | P2 | … | P5", "High | Medium | Low") read as a list by level; a row of web addresses,
e-mail addresses or figures no header against a row of words above it, and a table in blocks under captions read
whole. Each test writes a workbook of the shape (never a fetched file) and failed on the code before (main
fa24007c) unless its docstring says it guards a reading that must not change."""

from __future__ import annotations

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

_BUGS = [("Кнопка не нажимается", "Critical", "High"), ("Ошибка 404 на странице отзывов", "Major", "Medium"),
         ("Поле телефона принимает буквы", "Minor", "Low"), ("Текст выходит за рамку", "Minor", "High")]


@pytest.mark.parametrize(("severity", "priority"), [
    ("Серьезность", "Приоритетность"),   # ru: the priority as its -ность noun beside the severity
    ("Серйозність", "Пріоритетність"),   # uk: -ність
    ("Приоритетность", "Серьезность"),   # the priority first
])
def test_a_priority_written_as_its_abstract_noun_beside_a_severity_gives_the_priority(sqlite_store, tmp_path,
                                                                                      severity, priority):
    """"… | Серьезность | Приоритетность" (severity Critical/Major/Minor, priority High/Medium/Low): the severity took
    the priority and the priority went to the notes; the "-ность" noun of the priority's own name is the priority."""
    first_is_severity = severity.startswith("Сер")
    header = ["ID", "Название", "Шаги воспроизведения", "Ожидаемый результат", "Фактический результат",
              severity, priority]
    rows: list[list[object]] = [header]
    for i, (title, sev, prio) in enumerate(_BUGS, 1):
        said = [f"BR_{i}", title, "1. Открыть сайт 2. Нажать", "Окно заявки", "Ничего не происходит"]
        rows.append([*said, sev, prio] if first_is_severity else [*said, prio, sev])
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Лист1": rows}))
    got = named(sqlite_store, "issues")
    assert {t: got[t]["priority"] for t, _s, _p in _BUGS} == {t: p for t, _s, p in _BUGS}
    for title, sev, _prio in _BUGS:
        assert sev in (got[title]["description"] or "")


def test_a_severity_alone_still_gives_the_priority(sqlite_store, tmp_path):
    """Guard: "Серьезность" alone (no priority column) stays the priority, as before."""
    rows: list[list[object]] = [["ID", "Название", "Шаги воспроизведения", "Ожидаемый результат",
                                 "Фактический результат", "Серьезность"]]
    rows += [[f"BR_{i}", t, "1. Открыть сайт", "Окно", "Ошибка", s] for i, (t, s, _p) in enumerate(_BUGS, 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Лист1": rows}))
    got = named(sqlite_store, "issues")
    assert got["Кнопка не нажимается"]["priority"] == "Critical"
    assert got["Поле телефона принимает буквы"]["priority"] == "Low"
