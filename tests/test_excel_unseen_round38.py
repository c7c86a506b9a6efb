"""Classes of problem found on round 38 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.datetime


def test_a_bank_statement_with_a_notes_column_adds_no_risks(sqlite_store, tmp_path):
    """A personal "budget.xlsx": a sheet "data_2019" of bank transactions, "Month | Posting Date | Description |
    Amount | Category | Notes" under a balance. Its description, category and notes made three risk fields, enough
    to read a sheet of any name as a register: 1,039 transactions became risks. A notes column is one every table
    keeps and names no register: two fields are left, and the sheet is taken for a table of another kind. The
    same columns on a sheet named as the register are still its risks."""
    shops = ["STARBUCKS STORE 0412", "PUBLIX SUPER MAR 4141", "APPLE.COM/BILL", "SHELL OIL 5743", "GYM MONTHLY"]
    kinds = ["Coffees", "Groceries", "Music/hobbies", "Gas", "Gym"]
    rows = [[None, "Aug", D(2019, 8, 1 + i), shops[i % 5], -12.5 - i, kinds[i % 5], "card" if i % 3 else None]
            for i in range(20)]
    path = write_xlsx(tmp_path / "budget.xlsx", {
        "data_2019": [[], [None, None, None, None, 43224.58], [],
                      [None, "Month", "Posting Date", "Description", "Amount", "Category", "Notes"], *rows]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": [
        ["Description", "Category", "Notes"],
        ["Supplier delivers the racks late", "Supply", "asked for a date"],
        ["Two testers leave before go-live", "People", ""]]})
    import_all(sqlite_store, path)
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == [
        "Supplier delivers the racks late", "Two testers leave before go-live"]


def test_german_test_cases_add_no_risks(sqlite_store, tmp_path):
    """"Testfälle.xlsx": a tester's cases under a caption, "ID | Titel | Vorbedingung | Schritte zur Ausführung |
    Erwartetes Ergebnis | Testergebnis | Kommentar" (Pass / Fail). Its ID, title and comment made 35 risks. With
    the comment no register's field, an ID and a title any table has do not make a register: nothing is
    imported."""
    cases = [[f"TC-{i}", f"Login Fall {i}", "Registrierung wurde bereits durchgeführt",
              "1. Website öffnen\n2. Auf „Login“ klicken", "Die Seite zeigt den Benutzernamen",
              "Pass" if i % 3 else "Fail", "Das tatsächliche Ergebnis entspricht dem erwarteten"] for i in range(1, 13)]
    path = write_xlsx(tmp_path / "Testfälle.xlsx", {"Tabelle1": [
        ["Testfälle"], [], ["Website: Tests für einen Online-Shop"], [],
        ["ID", "Titel", "Vorbedingung", "Schritte zur Ausführung", "Erwartetes Ergebnis", "Testergebnis",
         "Kommentar"], *cases]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []


def test_a_status_and_a_comment_of_the_records_are_no_key_of_the_sheet(sqlite_store, tmp_path):
    """A Ukrainian risk register ends "… | Залишк. ризик | Статус | Коментар": on three rows the residual risk was
    blank, so a row's lone status stood over two rows of "status | comment" — read as a key under a caption
    spelling the status out, each "Моніторинг" and "Відкритий" became another row's comment and two risks were
    left out for it. Two of the table's own columns on rows filling others are the records, not a key: every
    risk keeps its status and its comment. A key under the table is still read."""
    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Residual risk", "Status", "Comment"],
        ["R1", "Budget not approved in time", "Ann Lee", "Low", "Closed", "Paid on the 21st"],
        ["R2", "Vendor contract unsigned", "Bob Ray", "Medium", "Open", "Legal has it"],
        ["R3", "Estimate of the build is late", "Bob Ray", None, "Open", None],
        ["R4", "Process data is incomplete", "Cy Dorn", None, "Closed", "Checked with the managers"],
        ["R5", "Scope grows past the pilot", "Ann Lee", None, "Open", "Principle: do not automate chaos"]]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert {c: r["status"] for c, r in got.items()} == {
        "R1": "Closed", "R2": "Open", "R3": "Open", "R4": "Closed", "R5": "Open"}
    assert "Principle: do not automate chaos" in got["R5"]["notes"]
    assert "Checked with the managers" in got["R4"]["notes"]

    # a key under the table, its rows filling none of the table's other columns, still spells its codes out
    path = write_xlsx(tmp_path / "keyed.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Category", "Status"],
        ["K1", "Server room floods", "Ann Lee", "FF4", "Open"],
        ["K2", "Key engineer leaves", "Bob Ray", "Xmen", "Open"],
        ["K3", "Vendor goes bankrupt", "Cy Dorn", "FF4", "Open"],
        [], ["Categories Key"], ["FF4", "Facilities"], ["Xmen", "Human Resources External"]]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert (got["K1"]["category"], got["K2"]["category"]) == ("Facilities", "Human Resources External")


def test_a_ukrainian_risk_registers_own_words(sqlite_store, tmp_path):
    """A Ukrainian register (PMBOK template): "Дата вияв." (date found, cut short), "Тип" of Загроза / Можливість
    (threat / opportunity), "Ймовір. (1-5)" and "Вплив (1-5)" (probability and impact, the first cut short), and
    "Дії з реагування" (the response actions): each was kept in the notes, the risks unrated, every one a threat
    and no action made. "Використати" (exploit, an opportunity's strategy) was not placed."""
    path = write_xlsx(tmp_path / "PILLAR_Реєстр_ризиків.xlsx", {"Реєстр ризиків": [
        ["Реєстр ризиків проєкту — ідентифікація, оцінка, реагування"],
        ["ID", "Дата вияв.", "Тип", "Опис ризику", "Ймовір. (1-5)", "Вплив (1-5)", "Стратегія", "Дії з реагування",
         "Власник", "Статус"],
        [1, "2026-07-20", "Загроза", "Бюджет не затверджено вчасно", 4, 4, "Зменшити", "Ескалація власнику",
         "О. Хома", "Відкритий"],
        [2, "2026-07-20", "Можливість", "Пілот вдалий — швидкий приклад цінності", 3, 2, "Використати",
         "Підготувати демо", "І. Тарасенко", "Відкритий"],
        [3, "2026-07-21", "Загроза", "Оцінка розробки затримується", 3, 5, "Уникнути", "Попередня оцінка до 01.08",
         "О. Хома", "Закритий"]]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert {c: (r["kind"], r["probability"], r["impact"], r["response"], r["status"]) for c, r in got.items()} == {
        "1": ("Threat", 4, 4, "Reduce", "Open"), "2": ("Opportunity", 3, 2, "Exploit", "Open"),
        "3": ("Threat", 3, 5, "Avoid", "Closed")}
    assert got["1"]["raised_on"] == dt.date(2026, 7, 20)
    actions = sorted(r["description"] for r in rows_of(sqlite_store, "risk_actions"))
    assert actions == ["Ескалація власнику", "Попередня оцінка до 01.08", "Підготувати демо"]


def test_a_decision_being_shaped_is_pending(sqlite_store, tmp_path):
    """A programme's decision log: "decision_id | decision_name | … | decision_status", Approved or Shaping.
    The seven "Shaping" ones were left out, not one of Pending, Decided, Superseded: a decision still being
    shaped is pending."""
    path = write_csv(tmp_path / "decision-log.csv", [
        ["decision_id", "decision_name", "decision_status"],
        ["AOM-01", "New fast-track tool acquisition route", "Approved"],
        ["AOM-03", "Move data science storage to the cloud", "Approved"],
        ["AOM-04", "One pair-coding assistant", "Approved"],
        ["AOM-05", "Recharge tool costs to the regions", "Approved"],
        ["AOM-09", "Retire the legacy reporting tools", "Shaping"],
        ["AOM-10", "One observability tool for all teams", "Shaping"],
        ["AOM-11", "A catalogue of data products", "Shaping"]])
    import_all(sqlite_store, path)
    got = {r["code"]: r["status"] for r in rows_of(sqlite_store, "decisions")}
    assert sorted(got) == ["AOM-01", "AOM-03", "AOM-04", "AOM-05", "AOM-09", "AOM-10", "AOM-11"]
    assert got["AOM-09"] == got["AOM-10"] == got["AOM-11"] == "Pending"
