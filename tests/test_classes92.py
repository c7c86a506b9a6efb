"""Unseen set 92's miss classes as general rules (classes92)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx


def _notes(plan) -> str:
    return " ".join(s.note or "" for s in plan.sheets)


def test_a_chinese_problem_log_of_error_cause_and_solution_is_an_issue_log(sqlite_store, tmp_path):
    """"报错 | 原因分析 | 解决方案" (error / cause analysis / solution) on "Sheet1" of a workbook named
    "<project>问题记录表": the headers were no known words and the name, one word of an unspaced script, named no
    register, so the log was refused whole. A row with no error of its own but its own cause and solution is a
    record (titled by its cause); a row numbering "2." under the cause "1." above goes on with that record."""
    rows: list[list[object]] = [
        ["报错", "原因分析", "解决方案"],
        ["接口返回超时", "数据库连接池已满，新的请求只能等待", "把连接池的大小从十调到五十，并监控一周"],
        ["页面样式不能修改", "全局样式表覆盖了组件里的样式", "给组件的根元素加上唯一的类名"],
        [None, "第二次发生文件只读的情况", "关闭同步插件后文件可以修改"],
        ["图片上传失败", "1.缺少依赖注入的注解", None],
        [None, "2.存储桶的域名配置错了", "修改配置文件中的域名并重启服务"],
        ["登录后立刻退出", "会话的过期时间被设成了零", "按环境读取会话的过期时间配置"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "订单系统问题记录表.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(issues) == 5, sorted(issues)
    assert "第二次发生文件只读的情况" in issues
    assert "存储桶的域名配置错了" in (issues["图片上传失败"]["description"] or "")
    assert (issues["接口返回超时"]["description"] or "").startswith("数据库连接池已满，新的请求只能等待")
    assert "解决方案: 把连接池的大小从十调到五十" in (issues["接口返回超时"]["description"] or "")
    assert "titled by the first sentence of “原因分析”" in _notes(plan)


@pytest.mark.parametrize(("header", "states"), [
    (["Error message", "Status", "Owner", "Solution"], ("Open", "Closed")),
    (["エラー内容", "ステータス", "担当者", "解決策"], ("対応中", "完了")),
    (["Mensaje de error", "Estado", "Responsable", "Solución"], ("Abierto", "Cerrado")),
])
def test_error_headers_in_other_languages_title_the_issues(sqlite_store, tmp_path, header, states):
    """An error log's "Error message" (エラー内容, Mensaje de error) beside its status and owner: the error is each
    issue's title (the column was no known header, so the log was refused or its errors kept in the notes); the
    solution, what was done, is kept on the record under its header, no action to start."""
    texts = ["Timeout on the orders API", "Styles cannot be changed", "Upload fails for images"]
    rows: list[list[object]] = [header, *[[t, states[i % 2], "Ann Lee", f"Fixed in build {i}"]
                                          for i, t in enumerate(texts)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "log.xlsx", {"Issues": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == sorted(texts)
    assert f"{header[3]}: Fixed in build 0" in (issues["Timeout on the orders API"]["description"] or "")
    assert rows_of(sqlite_store, "issue_actions") == []


def test_a_raid_logs_log_date_and_states(sqlite_store, tmp_path):
    """"No. | Log Date | Title | State | …" on a RAID log's sheets: "Log Date" is the day raised (it was kept in
    the notes); an assumption's state "Agreed" is Validated (it stayed Open, the column kept in the notes); a risk's
    state "Risk Accepted" is Open with the response Accept, said (the response was left empty)."""
    risks: list[list[object]] = [["No.", "Log Date", "Title", "State", "Comments"],
                                 [1, "2025-03-02", "Vendor may drop the old API", "Risk Accepted", "Low odds"],
                                 [2, "2025-03-04", "Key tester leaves in June", "Open", None]]
    assumptions: list[list[object]] = [["No.", "Log Date", "Title", "State", "Comments"],
                                       [1, "2025-03-02", "Patients see only their own record", "Agreed", None],
                                       [2, "2025-03-03", "A doctor can also be a patient", "Agreed", "Checked"],
                                       [3, "2025-03-05", "One tenant per hospital", "Open", None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Risks": risks, "Assumptions": assumptions}))
    by_title = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    accepted = by_title["Vendor may drop the old API"]
    assert str(accepted["raised_on"]) == "2025-03-02"
    assert accepted["status"] == "Open" and accepted["response"] == "Accept"
    assert by_title["Key tester leaves in June"]["response"] in (None, "")
    assert "“Risk Accepted” → Accept" in _notes(plan)
    held = {r["title"]: r for r in rows_of(sqlite_store, "assumptions")}
    assert held["Patients see only their own record"]["status"] == "Validated"
    assert str(held["A doctor can also be a patient"]["raised_on"]) == "2025-03-03"
    assert held["One tenant per hospital"]["status"] == "Open"


def test_a_title_cell_holding_only_its_label_is_no_title(sqlite_store, tmp_path):
    """An incident export's "Description" whose cells are written from a form ("Issue Description <text>|"), some
    holding only the label ("Issue Description  |") or the header's own word: such a row was titled by the label.
    The next text column titles it (its own label dropped), the description keeps the cell as written, said."""
    rows: list[list[object]] = [["Description", "Resolution", "Number", "Priority", "State"],
                                ["Issue Description Printer on floor 2 jams on every job|", "Roller replaced",
                                 "INC001", "4 - Low", "Closed"],
                                ["Issue Description  |", "Resolution  Label stock was reloaded. User confirmed.",
                                 "INC002", "4 - Low", "Closed"],
                                ["Description", "|Resolution  Scanner firmware updated to 4.2", "INC003", "3 - Moderate",
                                 "Closed"],
                                ["Issue Description Badge reader at gate B refuses new cards|", None, "INC004",
                                 "2 - High", "New"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "issue_log.xlsx", {"Page 1": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert issues["INC002"]["title"] == "Label stock was reloaded."
    assert issues["INC003"]["title"] == "Scanner firmware updated to 4.2"
    assert issues["INC002"]["description"].startswith("Issue Description")
    assert "Printer on floor 2 jams" in issues["INC001"]["title"]
    assert "template's label is no title" in _notes(plan)


@pytest.mark.parametrize(("header", "states", "expected"), [
    (["#", "対応日時/状況", "タイトル", "ステータス", "優先順位", "担当者"], ("対応中", "未着手"), ("Open", "Medium")),
    (["#", "Action date/Status", "Title", "Status", "Priority", "Owner"], ("In progress", "Closed"),
     ("Closed", "Medium")),
])
def test_a_whole_status_header_beats_half_of_a_slashed_one(sqlite_store, tmp_path, header, states, expected):
    """"対応日時/状況" (when handled / state) before the sheet's own "ステータス": the slashed header took the status
    by its half and the whole one went to the notes. The whole header wins, the slashed one is kept in the notes.
    Japanese "未着手" (not started) is Open, a priority of "通常" (normal) Medium, "優先順位" the priority."""
    slashed, own = states
    ja = header[1] != "Action date/Status"
    priority = "通常" if ja else "Normal"
    rows: list[list[object]] = [header,
                                [1, slashed, "ログインが遅い" if ja else "Login page is slow", own, priority, "田中"],
                                [2, slashed, "出力で文字化け" if ja else "Export loses accents", own, priority, "鈴木"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    issues = rows_of(sqlite_store, "issues")
    assert len(issues) == 2
    assert {(r["status"], r["priority"]) for r in issues} == {expected}
    assert slashed in (issues[0]["description"] or "")


@pytest.mark.parametrize(("header", "expected", "said"), [
    ("重要度", {5: "Critical", 3: "Medium", 1: "Low"}, "read as a level, the higher the more important"),
    ("優先度", {5: "Low", 3: "Medium", 1: "Critical"}, "read as a rank, 1 the most urgent"),
])
def test_a_numbered_importance_counts_up_and_the_report_says_how(sqlite_store, tmp_path, header, expected, said):
    """A bare number under "重要度" (importance) was read as a rank (5 → Low) while the column's line said it was
    kept in the notes: an importance counts up (5 the most important), a priority's number is a rank (1 the
    first), and the sheet's note says which way the numbers were read."""
    rows: list[list[object]] = [["No.", "発生日", "タイトル", header, "担当者", "ステータス"]]
    rows += [[i, "2024-06-01", f"課題その{i}", n, "田中", "対応中"] for i, n in enumerate(expected, start=1)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "課題管理表.xlsx", {"Sheet1": rows}))
    got = {r["title"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert got == {f"課題その{i}": p for i, p in enumerate(expected.values(), start=1)}
    assert said in _notes(plan)


def test_a_templates_instruction_row_under_a_two_row_header_is_no_record(sqlite_store, tmp_path):
    """A Spanish incident template: a title, a two-row header ("FECHA" over "DESDE | HASTA"), then a row telling
    in capitals what to write in each column ("INDICAR …", "LISTAR CON NOMBRE …", "DESCRIBIR …") and a row holding
    only the number 1. The instruction row became an issue, its "LISTAR …" a person and its "DESCRIBIR …" an
    action: it is the template's guidance, skipped and said, and nothing is imported."""
    rows: list[list[object]] = [
        ["REPORTE DE FALLAS DEL SERVICIO", None, None, None, None, None, None, None, None],
        ["No.", "DESCRIPCIÓN DE LA FALLA", "IMPACTO", "REGIÓN", "FECHA", None, "ACCIONES REALIZADAS",
         "RESPONSABLES", "ESTATUS"],
        [None, None, None, None, "DESDE", "HASTA", None, None, None],
        [None, "HACER UNA BREVE DESCRIPCIÓN DE LA FALLA.", "EXPLICAR EL EFECTO DE LA FALLA EN EL SERVICIO.",
         "INDICAR EN QUÉ REGIÓN OCURRIÓ LA FALLA.", "REFERIR DÍA, MES Y AÑO CUANDO INICIÓ LA FALLA.", None,
         "DESCRIBIR DETALLADAMENTE LOS TRABAJOS REALIZADOS.", "LISTAR CON NOMBRE Y APELLIDO AL PERSONAL DE GUARDIA.",
         "INDICAR SI FUE RESUELTA O SI ESTÁ PENDIENTE."],
        [1, None, None, None, None, None, None, None, None],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "incidencias.xlsx", {"Formato": rows}, {"Formato": ["E2:F2"]}))
    assert rows_of(sqlite_store, "issues") == [] and rows_of(sqlite_store, "risks") == []
    assert rows_of(sqlite_store, "people") == []
    reasons = [r.reason for s in plan.sheets for r in s.reports]
    assert any(x.startswith("guidance on filling in the template (“HACER UNA BREVE") for x in reasons)


def test_an_instruction_where_the_owner_goes_makes_no_person(sqlite_store, tmp_path):
    """A real issue whose owner cell still holds the template's instruction ("Enter the name of the person who
    will fix it"): no person is made of it; the text is kept on the record."""
    rows: list[list[object]] = [["ID", "Issue", "Owner", "Status"],
                                ["I-1", "Server room too warm", "Enter the name of the person who will fix it", "Open"],
                                ["I-2", "Badge reader fails", "Ann Lee", "Open"],
                                ["I-3", "Printer offline", "Bo Chan", "Closed"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    assert {p["name"] for p in rows_of(sqlite_store, "people")} == {"Ann Lee", "Bo Chan"}
    warm = {r["code"]: r for r in rows_of(sqlite_store, "issues")}["I-1"]
    assert warm["owner"] is None
    assert "Enter the name of the person" in (warm["description"] or "")
