"""Classes of problem found by import round 60's first run (docs/import-rounds.md, "Round 60"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def _import(store, path):
    apply_import(store, plan_workbook_import(store, path, create_missing=True), partial=True)


def test_a_diary_of_days_each_a_list_under_one_heading_adds_no_decisions(sqlite_store, tmp_path):
    """A student's "Change_Log.xlsx" ("Date | Description | Editor(s) | Notes") writes each day as a form:
    "Changes" on its own line and the day's work one bullet a line, the notes under "Notes" and "Bugs". Its 21 days
    were read as 21 decisions titled "Changes …". A column whose every entry opens with the same heading and goes
    on as a bulleted list is a diary filled in day by day: nothing is made, and the refusal says why."""
    work = ["Set up the build project", "Wrote the first testbench", "Added the control states",
            "Fixed the register file", "Tested the jump instructions", "Cleaned up the comments"]
    rows: list[list[object]] = [["Date", "Description", "Editor(s)", "Notes"]]
    for k, w in enumerate(work):
        rows.append([f"2025-09-{k + 3:02d}", f"Changes\n- MODIFIED: core.vhd\n- {w}", "TK",
                     "Notes\n- Compiles\n\nBugs\n- "])
    path = write_xlsx(tmp_path / "Change_Log.xlsx", {"Change Log": rows})
    with pytest.raises(WorkbookError, match=r"diary's entries.*6 of the 6 under “Description” open with the same "
                                            r"heading \(“Changes”\)"):
        _import(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []
    # the rule leaves a decision log alone whose decisions are each stated in their own words, however they list
    # their reasons under them
    log: list[list[object]] = [["Decision", "Date", "Decided by"],
                               ["Use vendor A\n- cheaper\n- faster", "2025-09-03", "Board"],
                               ["Keep the old API\n- clients depend on it", "2025-09-04", "Board"],
                               ["Hire two testers\n- release at risk", "2025-09-05", "PMO"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Decision Log.xlsx", {"Decisions": log}))
    assert len(rows_of(sqlite_store, "decisions")) == 3


def test_a_programs_trace_named_decision_log_adds_nothing(sqlite_store, tmp_path):
    """A classifier's per-example trace saved as "decision_log.csv" ("idx | text | baseline_label | baseline_score
    | llm_label | … | decision_trace | explanation_full"): only "decision_trace" read as the decision log's, so its
    rows became decisions titled "use llm_primary (conf=0.71 …)", every other column in the notes. A register read
    from its title alone, beside a dozen columns named as a program names its fields, is that program's output:
    nothing is made, and the refusal says why."""
    header = ["idx", "text", "baseline_label", "baseline_score", "llm_label", "llm_score", "llm_confidence",
              "agent_label", "agent_score", "rules_label", "rules_score", "final_label", "final_score",
              "decision_trace", "explanation_full"]
    rows: list[list[object]] = [header]
    for k in range(3):
        rows.append([k + 1, f"Sample sentence {k}", 0, 0.03, 1, 0.24, 0.71, 0, 0.25, 0, 0.0, 1, 0.24,
                     f"use llm_primary (conf=0.71{k} and matches_true=True)", "No injection indicators found."])
    with pytest.raises(WorkbookError, match=r"program's fields \(“baseline_label”, “baseline_score”, “llm_label” "
                                            r"…: 13 of its 15 headers are identifiers\), and only “decision_trace” "
                                            r"reads as a decision's"):
        _import(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []
    # a tool's export whose identifiers name the office's own fields is read as before
    tool = [["decision_id", "decision_title", "decided_by", "decision_date", "status"],
            ["D-1", "Move the launch to May", "Board", "2025-09-03", "Approved"],
            ["D-2", "Hire two testers", "PMO", "2025-09-04", "Approved"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisions_export.csv", tool))
    assert {r["code"] for r in rows_of(sqlite_store, "decisions")} == {"D-1", "D-2"}


def test_a_column_of_broken_formulas_is_read_without(sqlite_store, tmp_path):
    """An issue log saved as CSV numbered its rows with a formula whose cells were gone: every "No." was "#REF!",
    and each issue was left out ("ID shows the Excel error #REF!"), none imported. A column whose every cell is an
    Excel error holds nothing: it is not imported, the report says so, and the issues get new IDs. A column with
    one error among real IDs is read as before."""
    rows: list[list[object]] = [["No.", "Issue", "Priority", "Owner"],
                                ["#REF!", "Login page times out", "High", "Kim"],
                                ["#REF!", "Totals lack a thousands separator", "Low", "Kim"],
                                ["#REF!", "Sale cannot be saved", "High", "Lee"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", rows))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Login page times out", "Totals lack a thousands separator", "Sale cannot be saved"}
    assert all(r["code"] for r in issues.values())
    assert any("#REF! on every row" in why for why in plan.sheets[0].ignored.values())
    mixed: list[list[object]] = [["No.", "Issue", "Priority", "Owner"], ["I-1", "Printer jams", "Low", "Kim"],
                                 ["#REF!", "Badge reader fails", "High", "Lee"], ["I-3", "VPN drops", "High", "Lee"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "issues.csv", mixed))
    assert not any("on every row" in why for why in plan.sheets[0].ignored.values())
    assert {"Printer jams", "VPN drops"} <= set(named(sqlite_store, "issues"))


def test_a_japanese_issue_log_of_findings(sqlite_store, tmp_path):
    """A Japanese issue log ("No. | カテゴリ | 指摘内容（詳細・再現手順） | 優先度 | 入力日 | 入力者 | ステータス"): no
    column was known to name the issues, so the sheet was refused. "指摘内容" (what was pointed out) names the issue,
    "入力日" (the day it was entered) is the date raised, "入力者" (who entered it) its owner, as "raised by" is."""
    rows: list[list[object]] = [["No.", "カテゴリ", "指摘内容（詳細・再現手順）", "優先度", "入力日", "入力者", "ステータス"],
                                [1, "Webアプリ", "販売処理に失敗する", "高", "2026/02/06", "松廣", ""],
                                [2, "Webアプリ", "金額にカンマを表示してほしい", "低", "2026/02/06", "松廣", ""],
                                [3, "Webアプリ", "写真を追加できるようにしたい", "中", "2026/02/07", "石井", ""]]
    import_all(sqlite_store, write_csv(tmp_path / "課題管理表.csv", rows))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"販売処理に失敗する", "金額にカンマを表示してほしい", "写真を追加できるようにしたい"}
    first = issues["販売処理に失敗する"]
    assert first["priority"] == "High" and first["status"] == "Open"
    assert str(first["raised_on"]).startswith("2026-02-06")
    assert {r["name"] for r in rows_of(sqlite_store, "people")} >= {"松廣", "石井"}


def test_interviewees_are_stakeholders_and_a_helper_lists_sheet_adds_none(sqlite_store, tmp_path):
    """A Portuguese stakeholder workbook: "Entrevistados" ("Entrevistado | Grupo | Papel | Necessidade") titled each
    interviewee by their group, the person in the notes; "Auxiliares" (the helper lists its drop-downs choose from:
    roles, areas, Interno / Externo, Alta / Média / Baixa) became 3 stakeholders named "Interno", "Externo" …. The
    interviewee is the stakeholder's name, and a sheet named "Auxiliares" holds lists, no records."""
    interviews: list[list[object]] = [["Entrevistado", "Grupo", "Papel", "Necessidade"],
                                      ["Rafaela Dias", "Gestão do Produto", "PM", "Painel com foco em decisão"],
                                      ["Caio Moreno", "Operação", "Analista", "Alertas em tempo real"],
                                      ["Lia Souza", "Rede de Agências", "Gerente", "Visão por bairro"]]
    helpers: list[list[object]] = [["Papel/Função", "", "Organização/Área", "", "Tipo (Interno/Externo)", "",
                                    "Nível de Influência"],
                                   ["Supt de Operações", "", "Segurança", "", "Interno", "", "Alta"],
                                   ["Supt de Tecnologia", "", "Infra", "", "Externo", "", "Média"],
                                   ["Gerente de Operações", "", "Franquias", "", "", "", "Baixa"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Mapa de Stakeholders.xlsx",
                                        {"Entrevistados": interviews, "Auxiliares": helpers}))
    people = named(sqlite_store, "stakeholders")
    assert set(people) == {"Rafaela Dias", "Caio Moreno", "Lia Souza"}
    assert people["Caio Moreno"]["group"] == "Operação" and people["Caio Moreno"]["role"] == "Analista"
