"""Issue 12, classes66a: the defect and bug-report miss classes of unseen set 66 as general rules — a defect
titled by what actually happened, not what was expected; a plain name or title word titling any register; a bug
tracker with "Feature" and "Release" columns read as bugs, and a backlog's refusal saying so; a defect's steps on
the rows under it; a small list naming only its records and their status. Each test writes a workbook of the shape
(never a fetched file) and failed on the code before (main e9b1c4cd)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import ImportRefused, WorkbookError

_DEFECTS = [["Defect #", "Status", "Raised By", "Steps to Reproduce", "Expected Result", "Actual Result",
             "Priority"],
            [1, "Open", "Ann Lee", "1-Go to Login page\n2-Type a bad e-mail", 'System displayed "email is invalid"',
             "System accepted the email address", "High"],
            [2, "Closed", "Ann Lee", "1-Go to Login page\n2-Type no password", 'System displayed "enter a password"',
             "System logged the user in", "Medium"],
            [3, "Open", "Bo Chan", "1-Open the cart\n2-Add 0 items", "The cart refuses zero items",
             "The cart shows 0 items and a price", "Low"]]


def test_a_defect_is_titled_by_its_actual_result_its_expected_one_kept_in_the_description(sqlite_store, tmp_path):
    """A QA team's tracker (guru99's layout) names no column "Defect" or "Issue": the header search took the first
    text column, "Expected Result", so 103 defects were titled by what should have happened. What actually
    happened is the defect; the expected result stays in the description under its header."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug_Tracker.xlsx", {"Defects": _DEFECTS}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"System accepted the email address", "System logged the user in",
                           "The cart shows 0 items and a price"}
    assert 'Expected Result: System displayed "email is invalid"' in \
        issues["System accepted the email address"]["description"]
    assert issues["System logged the user in"]["priority"] == "Medium"


def test_a_defects_steps_on_the_rows_under_it_stay_with_it(sqlite_store, tmp_path):
    """Two defects of a tester's tracker, each followed by its steps one a row with nothing else filled: it was
    refused as naming no record (the defect report's rule wants three defects). Titled by the actual result, the
    steps on the rows under a defect are its own, kept in its description."""
    rows = [["Defect #", "Status", "Raised By", "Tested on Version", "Steps to Reproduce", "Expected Results",
             "Actual Results", "Priority", "Severity"],
            [1, "Open", "Abdul", "v1", "1. Open the toy shop", 'An error "Invalid Card" must show',
             "Payment Successful", "High", "High"],
            [None, None, None, None, "2. Click Cart"],
            [None, None, None, None, "3. Enter an invalid card number"],
            [None, None, None, None, "4. Click Pay"],
            [],
            [2, "Open", "Abdul", "v1", "1. Open the toy shop", 'An error "Insufficient fund" should show',
             "Payment went through", "High", "High"],
            [None, None, None, None, "2. Click Cart"],
            [None, None, None, None, "3. Enter the card of an empty account"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Tracker.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"Payment Successful", "Payment went through"}
    first = issues["Payment Successful"]["description"]
    assert "1. Open the toy shop" in first and "4. Click Pay" in first and "empty account" not in first
    assert "3. Enter the card of an empty account" in issues["Payment went through"]["description"]


def test_a_plain_name_word_titles_a_bug_report_its_description_kept(sqlite_store, tmp_path):
    """A Russian bug report "Id | Приоритет | Название | Описание дефекта": "название" (name) titled risks only in
    the words file, so each bug was titled by its long description and its name kept in the notes. A plain name or
    title word titles any register's records when no column names them by the register's own words."""
    rows = [["Проект", None, None, "Мессенджер"],
            ["Id", "Приоритет", "Название", "Описание дефекта", "Шаги"],
            [1, "Critical", "Лишняя кнопка Регистрация", "При входе в систему кнопка Регистрация лишняя, "
             "нужна только авторизация.", "1) Открыть мессенджер"],
            [2, "Major", "Логотип вверху экрана", "На странице входа логотип сверху, должен быть по центру.",
             "1) Войти"],
            [3, "Minor", "Опечатка в меню", "В пункте меню Настройки написано Настройкии.", "1) Открыть меню"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Баг-репорт.xlsx", {"Дефекты": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"Лишняя кнопка Регистрация", "Логотип вверху экрана", "Опечатка в меню"}
    assert issues["Опечатка в меню"]["description"].startswith("В пункте меню Настройки написано Настройкии.")
    assert rows_of(sqlite_store, "risks") == []


def test_a_plain_title_word_titles_another_register(sqlite_store, tmp_path):
    """The same for another register: a French decision log "N° | Intitulé | Décideur | Date de décision |
    Justification" ("intitulé" listed for risks and benefits only) was read as two-column risks; titled by its
    "Intitulé", it is the decision log its other columns say."""
    rows = [["N°", "Intitulé", "Décideur", "Date de décision", "Justification"],
            [1, "Choix du prestataire", "Claire Martin", "2024-03-01", "Le prix le plus bas."],
            [2, "Hébergement sur site", "Claire Martin", "2024-03-08", "Les données restent chez nous."],
            [3, "Report du lancement", "Luc Petit", "2024-03-15", "La recette a pris du retard."]]
    import_all(sqlite_store, write_xlsx(tmp_path / "journal.xlsx", {"Décisions": rows}))
    decisions = {r["title"]: r for r in rows_of(sqlite_store, "decisions")}
    assert set(decisions) == {"Choix du prestataire", "Hébergement sur site", "Report du lancement"}
    assert decisions["Report du lancement"]["rationale"].startswith("La recette a pris du retard.")
    assert rows_of(sqlite_store, "risks") == []


def test_a_bug_tracker_whose_ids_and_types_say_bugs_is_no_backlog(sqlite_store, tmp_path):
    """A tester's "Bug ID | Type | Test Case Id | Feature | Description | Priority | Status | Owner | Release":
    "Feature" (where the bug was found) and "Release" made it a product backlog, refused. Its IDs (BUG-001) and
    its type (BUG) on every row say bugs: an issue log."""
    rows = [[None, None, None, "Bug Tracker"],
            ["Project Name: Shop", None, None, None, None, "Verified By: Lohit"],
            [],
            ["Bug ID", "Type", "Test Case Id", "Feature", "Description", "Priority", "Status", "Owner", "Release"]]
    bugs = [("User Profile", "Typing a number as the e-mail address is accepted.", "High", "Open"),
            ("User Profile", "The password shows as typed, not as dots.", "High", "Open"),
            ("Order", "A product cannot be added to the cart.", "Medium", "In progress"),
            ("Billing", "The CVV stays visible once typed.", "Medium", "Open")]
    rows += [[f"BUG-00{n}", "BUG", f"TC-00{n}", *bug[:3], bug[3], "Priya", 1.1] for n, bug in enumerate(bugs, 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Tracker.xlsx", {"Sheet1": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["BUG-001", "BUG-002", "BUG-003", "BUG-004"]
    assert issues["BUG-003"]["title"] == "A product cannot be added to the cart."


def test_a_backlog_refused_says_it_is_a_backlog_not_that_no_header_was_found(sqlite_store, tmp_path):
    """A backlog saved as "Tracker.xlsx" is refused as before; the message the user reads said only that no
    header row named register columns, the reason (a product backlog) lost on the way. It says the backlog now."""
    rows = [["Title", "User Story / Description", "Acceptance Criteria", "Story Points", "Status"],
            ["Sign up", "As a visitor I want to sign up so that I can save my cart", "An e-mail is sent", 3, "Open"],
            ["Reset password", "As a member I want to reset my password so that I can log in", "A link works", 2,
             "Open"],
            ["Pay by card", "As a member I want to pay by card so that I can order", "The card is charged", 5,
             "Open"]]
    with pytest.raises(WorkbookError, match=r"“Tracker.xlsx” holds no register's records \(sheet “Sheet1”: a "
                                            r"product backlog"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Tracker.xlsx", {"Sheet1": rows}))
    assert rows_of(sqlite_store, "issues") == []


def test_a_three_column_chinese_issue_list_of_one_issue_is_read(sqlite_store, tmp_path):
    """"序号 | 问题描述 | 状态" (number, issue description, status) over one issue "待解决" (to be solved): refused
    as having no header row, the status column dropped for a word no status read, the title alone naming no
    register. "待解决" is an open issue's word; the list is one issue, open."""
    rows = [["序号", "问题描述", "状态"], [1, "已提交的发票没有按提交时间排序", "待解决"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "问题清单.xlsx", {"Sheet1": rows}))
    assert [(r["title"], r["status"]) for r in rows_of(sqlite_store, "issues")] == [
        ("已提交的发票没有按提交时间排序", "Open")]


def test_a_small_list_keeps_its_status_column_whatever_its_words(sqlite_store, tmp_path):
    """The same small list with a status word no words file has ("看情况", depends): the status header names the
    column though its word is unknown, so the list is an issue list whose status word is said — not a workbook
    with "no header row"."""
    rows = [["序号", "问题描述", "状态"], [1, "发票查询很慢", "看情况"], [2, "导出的报表缺少页码", "看情况"]]
    path = write_xlsx(tmp_path / "问题清单.xlsx", {"Sheet1": rows})
    try:
        import_all(sqlite_store, path)
    except (WorkbookError, ImportRefused) as e:
        assert "看情况" in str(e) and "header row" not in str(e)
    else:
        issues = rows_of(sqlite_store, "issues")
        assert sorted(r["title"] for r in issues) == ["发票查询很慢", "导出的报表缺少页码"]
        assert all("看情况" in (r["description"] or "") for r in issues)
