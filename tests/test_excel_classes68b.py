"""Issue 12, classes68b: miss classes of unseen set 67 as general rules — a bug written one step a row (its last
step no section heading, two bugs of one summary no copies), a threat's kind not made an opportunity by its
response word alone, a placeholder plan no action, and a description's labelled lines read in every language.
Each test writes a workbook of the shape (never a fetched file) and failed on the code before (main bd415b9c)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx

_BUG_HEAD = ["ID", "STATUS", "SEVERITY", "PRIORITY", "SUMMARY", "PRE-CONDITIONS", "STEPS TO REPRODUCE", None,
             "ACTUAL RESULT", "EXPECTED RESULT", "ATTACHMENTS"]
_OPEN = "Open the page and make sure everything has loaded."


def _bug(code: int, summary: str, steps: list[tuple[str, str, str]], *, shot: str) -> list[list[object]]:
    """A bug over one row a step: the first row carries the ID, status and summary; each step below only its
    number, its text and its results; the screenshot's link beside the last step."""
    rows: list[list[object]] = []
    for n, (step, actual, expected) in enumerate(steps, 1):
        head = [code, "New", "Major", "High", summary, _OPEN] if n == 1 else [None] * 6
        rows.append([*head, f"{n}.", step, actual, expected, shot if n == len(steps) else None])
    return [*rows, [None] * 11]


def test_a_bug_written_one_step_a_row_keeps_its_last_step_and_a_second_bug_of_its_summary(sqlite_store, tmp_path):
    """A tester's bug report: each bug's steps one a row under it, the last with the screenshot's link. The last
    step ("3." beside its text and results) was skipped as a section heading, losing the step that shows the
    defect; and a bug repeating another's summary over other steps was skipped as a copy, its steps lost. A step
    numbered on from the record's own numbering goes on with it; a bug under its own ID whose steps went on
    below the first is a record of its own, though the summary is the same. The rule goes by the numbering: a
    form's section numbered "2" under a risk whose same column numbers no steps still opens a section."""
    fill = ("Type the e-mail address.", "The field takes it.", "The field takes it.")
    rows = [["Reporter: a tester"], [], _BUG_HEAD,
            *_bug(1, "Registration accepts a short e-mail address",
                  [fill, ("Type the password.", "The field takes it.", "The field takes it."),
                   ("Click Registration.", "The account is made.", "A validation message is shown.")],
                  shot="https://example.org/shot-1"),
            *_bug(2, "Login tells the wrong field", [fill, ("Type a wrong password.", "OK", "OK"),
                                                     ("Click Log in.", "A generic error.", "The password is red.")],
                  shot="https://example.org/shot-2"),
            *_bug(3, "Login tells the wrong field", [fill, ("Type a wrong e-mail.", "OK", "OK"),
                                                     ("Click Log in.", "A generic error.", "The e-mail is red.")],
                  shot="https://example.org/shot-3")]
    form = [["No", "Activity", "Risk ID", "Risk", "Cause", "Impact"],
            ["1", "Planning the audit", None, None, None, None],
            [None, None, "R-1", "The audit plan is late", "Staff shortage", "High"],
            ["2", "Running the audit", "Unit heads", None, None, None],
            [None, None, "R-2", "Evidence is missing", "Poor filing", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Bug Report": rows, "Risks": form}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == ["R-1", "R-2"] and "Running the audit" not in str(risks["R-1"])
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["1", "2", "3"]
    assert "Click Registration." in issues["1"]["description"]
    assert "A validation message is shown." in issues["1"]["description"]
    assert "https://example.org/shot-1" in issues["1"]["description"]
    assert "Type a wrong e-mail." in issues["3"]["description"]
    assert "Type a wrong e-mail." not in issues["2"]["description"]


def test_labelled_lines_name_the_defect_by_its_actual_line_in_every_language(sqlite_store, tmp_path):
    """A defect's description written as labelled lines titles the defect by its "Actual" line (classes67), but
    only English labels were read: "Ожидаемый результат: … / Фактический результат: …", "Resultado esperado:
    … / Resultado actual: …", "Soll: … / Ist: …" titled the defects by what should have happened. The labels are
    the words files' result words, in every language."""
    head = ["ID", "Модуль", "Описание", "Серьёзность"]
    ru = [head, *([f"D-{n}", "Вход", f"Ожидаемый результат: вход выполнен {n}\nФактический результат: ошибка {n}",
                   "Высокая"] for n in (1, 2))]
    es = [["ID", "Módulo", "Descripción", "Prioridad", "Estado"],
          *([f"E-{n}", "Pago", f"Resultado esperado: el pago pasa {n}\nResultado actual: el pago falla {n}", "Alta",
             "Abierto"] for n in (1, 2))]
    de = [["ID", "Modul", "Beschreibung", "Schweregrad"],
          *([f"G-{n}", "Suche", f"Soll: Treffer werden gezeigt {n}\nIst: die Liste bleibt leer {n}", "Hoch"]
            for n in (1, 2))]
    import_all(sqlite_store, write_xlsx(tmp_path / "Defect_Log.xlsx", {"Дефекты": ru, "Defectos": es, "Fehler": de}))
    titles = {r["code"]: r["title"] for r in rows_of(sqlite_store, "issues")}
    assert titles == {"D-1": "ошибка 1", "D-2": "ошибка 2", "E-1": "el pago falla 1", "E-2": "el pago falla 2",
                      "G-1": "die Liste bleibt leer 1", "G-2": "die Liste bleibt leer 2"}


def test_an_opportunitys_strategy_alone_does_not_make_a_threat_an_opportunity(sqlite_store, tmp_path):
    """A course's register writes its threats' strategies from the textbook's list, loosely: "Разделение" (share)
    and "Усиление" (enhance) beside "Смягчение" (mitigate) and "Предотвращение" (avoid). The strategy word alone
    made four threats opportunities. Now it does only with other evidence — an opportunity word in the risk's text,
    a sheet whose strategies are mostly an opportunity's, or the rows given one standing together (not scattered
    among the threats'); else the risk stays a threat, the strategy said in its notes. And "Нет плана" (no plan)
    under a plan column makes no action."""
    head = ["ID", "Описание риска", "Тип стратегии обработки риска", "План А", "План Б"]
    mixed = [head,
             ["rs-1", "Переезд филиала остановит серверы", "Разделение", "Перенести тесты", "Нет плана"],
             ["rs-2", "Недооценка сложности проекта", "Усиление", "Изучить литературу", "Привлечь эксперта"],
             ["rs-3", "Потеря сотрудника", "Смягчение", "Найти замену", "Поднять зарплату"],
             ["rs-4", "Банкротство фирмы", "Предотвращение", "Найти инвестора", "Закрыть проект"],
             ["rs-5", "Возможность получить грант", "Использование", "Подать заявку", "Нет плана"],
             ["rs-6", "Сбой сервера", "Смягчение", "Резервная копия", "Восстановить"],
             ["rs-7", "Изменение законов", "Принятие", "Следить за новостями", "Изменить проект"]]
    positive = [["ID", "Risk", "Strategy"], ["OP-1", "A second customer for the module", "Exploit"],
                ["OP-2", "Reuse of the test rig", "Enhance"], ["OP-3", "Cheaper licences next year", "Share"],
                ["OP-4", "Late delivery of the servers", "Reduce"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Реестр рисков": mixed,
                                                                        "Register 2": positive}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert {c: (r["kind"], r["response"] or None) for c, r in risks.items()} == {
        "rs-1": ("Threat", None), "rs-2": ("Threat", None), "rs-3": ("Threat", "Reduce"),
        "rs-4": ("Threat", "Avoid"), "rs-5": ("Opportunity", "Exploit"), "rs-6": ("Threat", "Reduce"),
        "rs-7": ("Threat", "Accept"), "OP-1": ("Opportunity", "Exploit"),
        "OP-2": ("Opportunity", "Enhance"), "OP-3": ("Opportunity", "Share"), "OP-4": ("Threat", "Reduce")}
    assert "Разделение" in risks["rs-1"]["notes"] and "Усиление" in risks["rs-2"]["notes"]
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Нет плана" not in actions and {"Перенести тесты", "Привлечь эксперта"} <= actions


def test_an_actual_result_saying_only_found_issue_does_not_title_the_defect(sqlite_store, tmp_path):
    """A defect log titled by its actual result (no title column) where a tester wrote only "Found issue" (or
    "Not working"): 23 defects came in all titled "Found issue". Such a phrase names no defect; the row's steps to
    reproduce title it instead, decided per row, the phrase kept in the description; the other rows keep their
    actual results as titles."""
    head = ["Defect #", "Status", "Steps to Reproduce", "Expected Result", "Actual Result", "Priority"]
    rows = [head,
            [1, "Closed", "1. Enter an e-mail without @\n2. Click submit", "An error is shown",
             "The address is accepted", "High"],
            [2, "Closed", "1- Leave the first name empty\n2- Click submit", "An error is shown", "Found issue",
             "Medium"],
            [3, "Open", '1. Open the form 2. Click "Save"', "The form is saved", "Not working", "Medium"],
            [4, "Open", "1. Pick a date in the past", "The date is refused", "The date is taken", "Low"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug_Tracker.xlsx", {"Defects": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["title"] for c, r in issues.items()} == {
        "1": "The address is accepted", "2": "Leave the first name empty; Click submit",
        "3": 'Open the form; Click "Save"', "4": "The date is taken"}
    assert "Found issue" in issues["2"]["description"] and "Not working" in issues["3"]["description"]
