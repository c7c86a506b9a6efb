"""Classes of problem left by the held-out set of import round 57 (docs/import-rounds.md, "Round 57"): each test
writes a file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_chinese_bug_list_is_read_as_issues(sqlite_store, tmp_path):
    """A Chinese app's bug list ("bug编号 | 分类 | 摘要 | 说明 | 优先级 | 状态 | 报告日期 | 分派给(请团队填写）"):
    no header was found, 113 bugs refused. 摘要 (summary) names each bug, bug编号 is its number, 报告日期 the date
    reported, 分派给 (assigned to) its owner — a remark in brackets, opened by an ASCII bracket and closed by a
    full-width one, set aside; 已分派 (assigned) is open, 一般 (normal) a medium priority."""
    rows: list[list[object]] = [["bug编号", "分类", "摘要", "说明", "优先级", "状态", "报告日期", "分派给(请团队填写）"],
                                [301, "UI", "登录按钮无响应", "点击后没有反应", "严重", "已分派", "2024-03-02", "王磊"],
                                [302, "UI", "列表排序错误", "按日期排序不正确", "一般", "已分派", "2024-03-03", "李娜"],
                                [303, "同步", "上传失败", "网络恢复后仍失败", "一般", "新建", "2024-03-04", "王磊"],
                                [304, "同步", "数据重复", "同一记录出现两次", "轻微", "已分派", "2024-03-05", "李娜"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue list.xlsx", {"Bugs": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"301", "302", "303", "304"}
    assert issues["302"]["title"] == "列表排序错误"
    assert issues["302"]["status"] == "Open" and issues["302"]["priority"] == "Medium"
    assert str(issues["303"]["raised_on"]).startswith("2024-03-04")
    assert issues["301"]["owner"] is not None


def test_a_defect_status_column_is_the_issues_status(sqlite_store, tmp_path):
    """A QA build's defect list ("S. No. | Modules | Issue Description | Priority | Defect Status"): the status,
    Open or Fixed, stayed in the notes. A defect's status is the issue's status."""
    rows: list[list[object]] = [["S. No.", "Modules", "Issue Description", "Priority", "Defect Status"],
                                [1, "Login", "Reset e-mail never arrives", "High", "Open"],
                                [2, "Login", "Back button shows the last page after logout", "Low", "Fixed"],
                                [3, "Users", "Cancel on the new user form does nothing", "Medium", "Fixed"],
                                [4, "Users", "E-mail field accepts a comma", "Low", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue list.xlsx", {"QA Build1": rows}))
    status = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert status["Reset e-mail never arrives"] == "Open"
    assert status["E-mail field accepts a comma"] == "Open"
    assert status["Back button shows the last page after logout"] == "Resolved"
