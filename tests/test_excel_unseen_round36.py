"""Classes of problem found on round 36 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_ods, write_xls, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.datetime


def test_a_chinese_issue_list_with_its_handling_result_and_priority_words(sqlite_store, tmp_path):
    """An .xls issue list in Chinese: "问题汇总" (the issues summed up), "处理结果" (how each was handled:
    已处理 handled, 基本处理 mostly handled, 处理中 being handled, 不处理 not to be handled), "优先级" (紧急
    urgent, 优先 first, 持续跟进 followed up, 后续 later) and "备注" (remarks). The whole sheet was refused, no
    header being found; now each row is an issue with its status, priority and remarks."""
    rows: list[list[object]] = [["问题汇总", "处理结果", "优先级", "备注"],
                                ["无法上传资源", "已处理", "紧急", "chmod -R 777 /public_html"],
                                ["清理日志", "已处理", "优先", "增加删日志脚本"],
                                ["清理无用mysql表", "基本处理", "优先", "删除无用表"],
                                ["样例制作", "处理中", "紧急", None],
                                ["限制视屏大小", "已处理", "持续跟进", "暂时屏蔽此功能"],
                                ["登录后台会自动下一个音频文件", "不处理", "后续", "暂时不处理"],
                                ["增加汽修", None, "后续", None]]
    path = write_xls(tmp_path / "issues.xls", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert len(got) == 7
    assert (got["无法上传资源"]["status"], got["无法上传资源"]["priority"]) == ("Resolved", "Critical")
    assert (got["清理日志"]["priority"], got["清理无用mysql表"]["status"]) == ("High", "Resolved")
    assert (got["样例制作"]["status"], got["限制视屏大小"]["priority"]) == ("Open", "Medium")
    assert (got["登录后台会自动下一个音频文件"]["status"], got["增加汽修"]["priority"]) == ("Closed", "Low")
    assert "增加删日志脚本" in got["清理日志"]["description"]


def test_a_small_bug_list_of_bugs_features_and_its_own_kinds(sqlite_store, tmp_path):
    """"bugs.ods" of a small program: "Date | Description | Priority | Type", the type "Bug", "Feature" or a
    word of its own ("Structure" for refactoring), the priority A, B or C. It gave 12 risks, the type read as
    their category and the priority kept in the notes. Bugs beside features are a tracker's: its features are
    planned work, left out saying so, the other rows its issues, with priority A high, B medium, C low."""
    rows: list[list[object]] = [["Date", "Description", "Priority", "Type"],
                                [D(2009, 7, 20), "Get the invoice currency from the database", "C", "Feature"],
                                [D(2009, 7, 21), "Refactor the near-identical OnButtonNew methods", "C", "Structure"],
                                [D(2009, 9, 30), "Store GB/US in a separate field", "C", "Feature"],
                                [D(2011, 5, 12), "Download gbp.xml automatically if required", "B", "Bug"],
                                [D(2018, 12, 18), "Allow data to be deleted", "B", "Feature"],
                                [D(2018, 12, 18), "Crash when duplicate invoice numbers are entered", "A", "Bug"],
                                [D(2018, 12, 18), "Migrate to Python 3", "B", "Structure"],
                                [D(2019, 1, 2), "Add an EC Sales tab", "B", "Feature"]]
    path = write_ods(tmp_path / "bugs.ods", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    got = named(sqlite_store, "issues")
    assert set(got) == {"Refactor the near-identical OnButtonNew methods", "Download gbp.xml automatically if required",
                        "Crash when duplicate invoice numbers are entered", "Migrate to Python 3"}
    crash = got["Crash when duplicate invoice numbers are entered"]
    assert (crash["priority"], crash["raised_on"]) == ("High", dt.date(2018, 12, 18))
    assert got["Migrate to Python 3"]["priority"] == "Medium"
    assert got["Refactor the near-identical OnButtonNew methods"]["priority"] == "Low"
    skipped = [r.reason for s in plan.sheets for r in s.reports if "planned work" in r.reason]
    assert len(skipped) == 4

    # a risk register's own "Type" (a few categories, one of them an issue word) stays the risks' category
    risks = [["Risk", "Type", "Probability", "Impact"],
             ["Supplier fails", "Commercial", "High", "High"], ["Key staff leave", "Resource", "Low", "High"],
             ["Scope creeps", "Commercial", "Medium", "Medium"], ["Server room floods", "Issue", "Low", "Low"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": risks}))
    assert named(sqlite_store, "risks")["Supplier fails"]["category"] == "Commercial"


def test_a_database_table_of_logins_is_no_stakeholder_register(sqlite_store, tmp_path):
    """A database exported to a workbook, its "user_info" table "id | name | password | role | username" of
    password hashes: it gave 4 stakeholders, their password hashes in the notes. A column of passwords says a
    system's logins, not people the office deals with: the sheet is skipped, saying why. A stakeholder list
    with a contact column is read as before."""
    rows: list[list[object]] = [["id", "name", "password", "role", "username"],
                                [1, "admin", "$2a$10$/yrgtCjM4xH6N0cEEggb2u2uzesXufDF5vk8", "IT_USER_ADMIN", "admin"],
                                [2, "sys admin", "$2a$10$CXj.zEog2xLYyd0QkEXcX.9bUqnjUIWA7", "IT_SYSTEM_ADMIN", "sys"],
                                [3, "risk admin", "$2a$10$bc/xrpMKq7e/fdHb.18z3uXqzf/G3wGIT", "RISK_ADMIN", "risk"]]
    path = write_xls(tmp_path / "risk.xls", {"user_info": rows})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []

    people = [["Name", "Role", "Email"], ["Ann Lee", "Sponsor", "ann@example.org"], ["Bo Chan", "User", "bo@example.org"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": people}))
    assert set(named(sqlite_store, "stakeholders")) == {"Ann Lee", "Bo Chan"}


def test_a_reviews_comments_on_a_dated_sheet_of_issues_xlsx_are_its_issues(sqlite_store, tmp_path):
    """"Issues.xlsx" of a paper under review, its one sheet named by the day ("2014-05-10"): "No. | Category |
    Due date | Comment | Answer", the reviewer's comments numbered and grouped by a few categories. It was
    refused: read as stakeholders named by their category, a grouping of the rows. A sheet named by a date
    says no more than "Sheet1", so the workbook's name says the register; a stand-in for the stakeholders'
    names that only groups the rows gives way to the register reading next that names them — each comment an
    issue, its category, due date and answer kept in its description."""
    cats = ["Clarify the meaning", "Wording", "Advice"]
    rows: list[list[object]] = [["No.", "Category", "Due date", "Comment", "Answer"]]
    for i in range(12):
        rows.append([f"JE{i + 1}", cats[i % 3], "2014-05-16 (Fri)" if i % 2 else None,
                     f"Not sure what you mean in paragraph {i + 1}: is it the product or the team?",
                     "I changed it, thanks." if i % 2 else None])
    path = write_xlsx(tmp_path / "Issues.xlsx", {"2014-05-10": rows})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(got) == 12
    assert got["JE2"]["title"] == "Not sure what you mean in paragraph 2: is it the product or the team?"
    assert "Wording" in got["JE2"]["description"] and "I changed it, thanks." in got["JE2"]["description"]



def test_issues_xlsx_with_a_sheet_per_product_names_its_issues_by_their_noun(sqlite_store, tmp_path):
    """"Issues.xlsx" of an integration, one sheet per product it connects ("Box", "Dropbox", "Trello"), each
    "Event name | Issue name" (one sheet with a "Status"), one to three rows a sheet: every sheet was refused —
    two columns, a sheet named for no register. The workbook's name says the register, and a column naming the
    rows by its noun ("Issue name") says they are its records: 6 issues, each event kept in the description.
    A sheet there naming its rows by another word ("Event | Count") still adds nothing."""
    path = write_xlsx(tmp_path / "Issues.xlsx", {
        "Box": [["Event name ", "Issue name"], ["Create folder", "Dual notifications for folder create"],
                ["Hyperlink", "Root folder name not shown when a sub folder is made"]],
        "Dropbox": [["Event name ", "Issue name", "Status"],
                    ["Create folder", "Hyperlinks open in the wrong pattern for subfolders", "Resolved"],
                    ["Create file", "Hyperlinks open in the wrong pattern for files", "Resolved"],
                    [None, "Dual notifications are posted to the room", None]],
        "Trello": [["Event name", "Issue name "], ["Checklist renamed", "A star is added to the new checklist name"]],
        "Counts": [["Event", "Count"], ["Create folder", 3], ["Create file", 4]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert len(got) == 6
    assert got["Hyperlinks open in the wrong pattern for files"]["status"] == "Resolved"
    assert "Create folder" in got["Dual notifications for folder create"]["description"]
    assert got["A star is added to the new checklist name"]["status"] == "Open"

    # a wide table in a workbook named "risk.xlsx", a sheet per industry of a risk library whose other columns
    # no word reads, is not made a register by the workbook's name
    library = [["Risk Name", "Primary Impact", "Primary Impact Strength", "Secondary Impact",
                "Secondary Impact Strength"],
               *[[f"Rising cost of input {i}", "Profitability & Liquidity", "High", "Strategy", "Low"]
                 for i in range(6)]]
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, write_xlsx(tmp_path / "risk.xlsx", {"Automotive": library, "Mining": library}))
    assert rows_of(sqlite_store, "risks") == []
