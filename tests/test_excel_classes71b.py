"""Issue 12, unseen set 71's junk and form classes (non-English registers, measured once on main bc6ca4f6): an
action plan headed by the questions it answers. Each test writes a workbook of the shape (never a fetched file)
and failed on that main."""

from __future__ import annotations

import re

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_STEPS = [
    ("Gérant", "Demander au propriétaire s'il accepte le siège de la société dans le logement",
     "Chez le bailleur du logement", "Envoyer une lettre qui décrit l'activité exercée"),
    ("Gérant", "Rechercher si la marque souhaitée existe déjà", "Sur la base des marques en ligne", None),
    ("Gérant", "Déposer la marque souhaitée avec le formulaire officiel",
     "Au bureau régional de la propriété industrielle", "Formulaire prérempli joint"),
    ("Gérant", "Justifier l'occupation régulière des locaux de l'entreprise", "Au greffe du tribunal de commerce",
     "Copie du bail, contrat de domiciliation ou facture d'énergie"),
    ("Associés", "Rédiger les statuts", "Chez un notaire", None),
    ("Gérant", "Ouvrir un compte en banque au nom de l'entreprise", "Banque au choix", None),
    ("Associés", "Déposer le capital", "Sur le compte bancaire de la société",
     "La demande de dépôt, les statuts et la provenance des fonds"),
    ("Gérant", "Publier une annonce dans un journal d'annonces légales", "Un journal habilité du département",
     "Dénomination, forme, capital, siège et objet de la société"),
    ("Gérant", "Enregistrer les statuts", "Au centre de formalités compétent",
     "Avec les statuts et les attestations de dépôt et d'annonce"),
]


def test_an_action_plan_headed_by_question_words_is_refused_not_read_as_issues(sqlite_store, tmp_path):
    """A founder's plan ("N° | Qui ? | Quoi ? | Où ? | Comment ?": who, what, where, how) was read as 11 issues
    titled by "Quoi ?". Columns headed by question words, the rows named by one, are a plan's steps in any
    language: refused, saying so. A risk register saying its response as "Who | When | How" beside its own
    title column is still imported."""
    plan = [["N°", "Qui ? ", "Quoi ? ", "Où ?", "Comment ? "], *[[i + 1, *s] for i, s in enumerate(_STEPS)]]
    said = re.escape("its columns are an action plan's questions (“Qui ?”, “Quoi ?”, “Où ?”, “Comment ?”)")
    with pytest.raises(WorkbookError, match=said):
        import_all(sqlite_store, write_xlsx(tmp_path / "Plan d'action.xlsx", {"Feuil1": plan}))
    assert rows_of(sqlite_store, "issues") == []
    risks = [["Risk ID", "Risk", "Probability", "Impact", "Who", "When", "How"],
             ["R1", "Key supplier fails", "High", "High", "Ann Lee", "Q1", "Find a second supplier"],
             ["R2", "Budget cut", "Medium", "High", "Raj Mehta", "Q2", "Phase the work"],
             ["R3", "Staff leave", "Low", "Medium", "Ann Lee", "Q3", "Cross-train the team"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": risks}))
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {"Key supplier fails", "Budget cut", "Staff leave"}


def _defect_form(code: str, name: str, steps: list[tuple[str, str, str]]) -> list[list[object]]:
    form: list[list[object]] = [
        ["Тест Кейс №/ID", code, None, None], ["Проект", "Портал", None, None],
        ["Компонент", "Страница входа", None, None], ["Тестировщик", "Иван", None, None], [None] * 4,
        ["Название/заголовок", name, None, None], ["Описание:", f"Проверить: {name.lower()}", None, None],
        ["Окружение", "Windows 10, Firefox 118", None, None], [None] * 4,
        ["Шаг", "Описание шага", "Ожидаемый результат", "Фактический результат"]]
    form += [[i + 1, *step] for i, step in enumerate(steps)]
    return [*form, [None] * 4, [None] * 4]


def test_defect_forms_one_under_another_are_a_defect_each(sqlite_store, tmp_path):
    """A tester's sheet of 8 failed checks, one form under another (ID, project, component, tester, title,
    description, environment, then a step table with the expected and the actual result), was read turned as one
    record a column: one risk from the first form. Each form beginning with the sheet's first label again is a
    record: 3 defects here, the step table's rows joined under its labels in the notes, said in the sheet notes."""
    rows = [*_defect_form("TC-1", "Разметка страницы", [("Открыть страницу", "Меню слева", "Меню справа")]),
            *_defect_form("TC-2", "Восстановление пароля", [("Нажать «Забыл пароль»", "Открылась форма", "Форма открылась"),
                                                            ("Проверить поле Номер", "Поле «Номер»", "Поле «Телефон»")]),
            *_defect_form("TC-3", "Вход по коду", [("Ввести код", "Вход выполнен", "Ошибка 500")])]
    import_all(sqlite_store, write_xlsx(tmp_path / "Дефекты.xlsx", {"Sheet1": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["title"] for c, r in issues.items()} == {
        "TC-1": "Разметка страницы", "TC-2": "Восстановление пароля", "TC-3": "Вход по коду"}
    assert "Фактический результат: Форма открылась\nПоле «Телефон»" in issues["TC-2"]["description"]
    assert "Ошибка 500" in issues["TC-3"]["description"]
    assert rows_of(sqlite_store, "risks") == []
