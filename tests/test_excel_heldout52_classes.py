"""Issue 12: round 52's held-out misses (left52; docs/import-rounds.md): each test writes a workbook of that shape
(never the fetched file) and checks what a user gets — a program's lookup table refused saying why, an issue list
named in Japanese read as issues, an assumption log beside other tables found."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_programs_lookup_table_of_named_kinds_adds_no_risks(sqlite_store, tmp_path):
    """A clinical tool's risk factors saved as "risks.csv": "risk_id | label | description" over keys written as a
    program writes them ("risk_mrsa", "allergy_pcg", "is_shock"), no rating, owner, status or date. Its keys and
    descriptions made 6 risks. Identifiers as the ID under a header named as a program names its fields are a
    lookup table of kinds: the file adds nothing and says why. An office's small list, "ID | Title | Description"
    over "R-001", or the same header written in lower case, imports whole."""
    path = write_csv(tmp_path / "risks.csv", [
        ["risk_id", "label", "description"],
        ["risk_mrsa", "MRSA", "Earlier MRSA, dialysis, care home, frequent admissions, prior antibiotics."],
        ["risk_pseudo", "Pseudomonas", "Structural lung disease, recent broad-spectrum antibiotics."],
        ["allergy_pcg", "Penicillin allergy", "Immediate allergy to penicillins (rash, anaphylaxis, wheeze)."],
        ["risk_esbl", "ESBL producers", "Earlier ESBL, recent travel abroad, complicated urinary tract disease."],
        ["is_shock", "Septic shock", "Unstable haemodynamics, poor response to fluids, vasopressors needed."]])
    with pytest.raises(WorkbookError, match="a tool's catalogue of kinds.*“risk_id” holds a program's identifiers"
                                            ".*a program's column names"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    path = write_csv(tmp_path / "risk list.csv", [
        ["ID", "Title", "Description"],
        ["R-001", "Supplier delivers the racks late", "The racks for the new site come from one supplier."],
        ["R-002", "Two testers leave before go-live", "Both contracts end in March."],
        ["R-003", "Data migration overruns the cut-over", "The last rehearsal took 30 hours of 24."]])
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R-001", "R-002", "R-003"}

    (tmp_path / "exported").mkdir()
    path = write_csv(tmp_path / "exported" / "risks.csv", [
        ["risk_id", "title", "description"],
        ["R-004", "Vendor lock-in on the message bus", "Only one vendor supports the protocol."],
        ["R-005", "Licence costs rise at renewal", "The renewal is due in May."],
        ["R-006", "Key architect is on leave in June", "No deputy is named."]])
    import_all(sqlite_store, path)
    assert {"R-004", "R-005", "R-006"} <= set(by_code(sqlite_store, "risks"))


def test_a_sheet_named_as_the_issue_list_in_japanese_is_read_as_issues(sqlite_store, tmp_path):
    """A training team's "課題一覧" (the issue list) over "No. | 起票日 | 内容 | 対応者 | 対応内容 | ステータス": every
    word of its header is the risk register's too, and its 4 issues were read as risks, "済" (done) read as nothing
    and every row Open. The sheet's name decides, as "Issue Log" does in English; "済" closes the issue."""
    path = write_xlsx(tmp_path / "課題管理.xlsx", {"課題一覧": [
        ["No.", "起票日", "内容", "対応者", "対応内容", "ステータス"],
        [1, date(2021, 9, 10), "デザインの改善が必要", "平根", "PostgreSQLを使用する。", "済"],
        [2, date(2021, 7, 31), "画面レイアウト設計書はPCのみでよい", "藤田", "PCのレイアウトのみ作成。", "対応中"],
        [3, date(2021, 8, 26), "メッセージ一覧がない", "伊藤", "メッセージ一覧を作成した。", ""]]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(issues) == 3
    assert issues["デザインの改善が必要"]["status"] == "Closed"
    assert issues["画面レイアウト設計書はPCのみでよい"]["status"] == "Open"

    # a workbook named as the issue list ("課題管理", issue management) names its "Sheet1"; "タイトル" titles an issue
    path = write_xlsx(tmp_path / "課題管理.xlsx", {"Sheet1": [
        ["ID", "タイトル", "課題詳細", "起票者", "起票日"],
        ["K-1", "ログイン画面が遅い", "3秒以上かかる", "佐藤", date(2024, 5, 1)],
        ["K-2", "帳票の文字化け", "PDFの一部が化ける", "鈴木", date(2024, 5, 2)]]})
    import_all(sqlite_store, path)
    assert by_code(sqlite_store, "issues")["K-1"]["title"] == "ログイン画面が遅い"
    assert by_code(sqlite_store, "issues")["K-2"]["description"] == "PDFの一部が化ける"


@pytest.mark.parametrize(("sheet", "header"), [
    ("Проблемы", ["№", "Описание", "Дата", "Статус"]),
    ("Problemy", ["Nr", "Opis", "Data", "Status"]),
    ("Sorunlar", ["No", "Açıklama", "Tarih", "Durum"]),
])
def test_a_sheet_named_as_the_issue_list_in_other_languages_is_read_as_issues(sqlite_store, tmp_path, sheet, header):
    """The same in the languages whose word files knew no issue list: a header any register has, under the
    sheet's name for the issue list, is read as issues."""
    path = write_xlsx(tmp_path / "projekt.xlsx", {sheet: [
        header,
        [1, "Supplier contract not signed", date(2026, 3, 2), "Open"],
        [2, "Test server not delivered", date(2026, 3, 9), "Open"],
        [3, "Two testers on leave in May", date(2026, 3, 12), "Open"]]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    assert len(rows_of(sqlite_store, "issues")) == 3


def test_an_assumption_log_beside_another_table_is_found(sqlite_store, tmp_path):
    """A test project's "Assumptions.xlsx": "Missing Requirement | Assumption" under a two-row scope block, beside
    an errors table that runs on below it, one assumption "No limit" (which the status would read as Open).
    The header was not found and the file refused. The assumptions' own rows decide: 6 assumptions, the table
    beside them said and left."""
    errors = [["Empty first name field", "The First name field is required."],
              ["Empty last name field", "The Last Name field is required."],
              ["Empty email field", "The Email field is required."],
              ["Empty mobile number field", "The Mobile Number field is required."],
              ["Empty password field", "The Password field is required."],
              ["Short password", "The Password field must be at least 6 characters in length."],
              ["Passwords differ", "Password not matching with confirm password."],
              ["Email taken", "The Email is already registered."],
              ["Mobile taken", "The Mobile Number is already registered."]]
    assumptions = [["Where to navigate to after registration", "Should navigate to login page"],
                   ["Error messages content", "See errors table"],
                   ["Length limit for first and last name", "No limit"],
                   ["Whether names can contain spaces", "Cannot contain spaces or special characters"],
                   ["Minimum length for password", "Should be minimum 6 characters"],
                   ["Allowed email addresses", "Gmail email addresses only are allowed"]]
    rows: list[list] = [["In scope", "Registration functionality\nLogin functionality"],
                        ["Out of scope", "Check verification mail sent"],
                        [], [],
                        ["Missing Data in UI", "Missing (*) for mandatory fields"],
                        [],
                        [None, None, None, None, None, "Errors Table"],
                        ["Missing Requirement", "Assumption", None, None, None, "Error", "Message"]]
    for k, error in enumerate(errors):
        mine = assumptions[k] if k < len(assumptions) else [None, None]
        rows.append([*mine, None, None, None, *error])
    path = write_xlsx(tmp_path / "Assumptions.xlsx", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    titles = {r["title"] for r in rows_of(sqlite_store, "assumptions")}
    assert titles == {a for _, a in assumptions}
    assert "Missing Requirement: Length limit for first and last name" in \
        next(r["notes"] for r in rows_of(sqlite_store, "assumptions") if r["title"] == "No limit")
    assert "another table beside" in " ".join(plan.sheets[0].ignored.values())
