"""Classes of problem found on round 36 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, named
from real_world_factory import write_xls

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
