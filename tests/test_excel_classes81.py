"""Issue 12, classes81: the miss classes of unseen set 81 as general rules — a decision log's participants are who
decided when no column names the decider; a list of things to do, named so in any language, is refused with the
action-list reason; a file named "<register>_<word>" names the register; option columns are the decision's options;
a change log's change, reason and initials are a decision, its rationale and its decider. Each test writes a
workbook of the shape (never a fetched file) and failed on the code before (main 912168d3)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_TAKEN = [("D-1", date(2026, 3, 2), "Move the launch to the spring release", "Two suppliers are late"),
          ("D-2", date(2026, 3, 9), "Keep the old billing system one more year", "The migration is not tested"),
          ("D-3", date(2026, 3, 16), "Hire a second test lead", "The test backlog doubled")]


@pytest.mark.parametrize(("header", "status", "people"), [
    ("participants", "active", ["Maria Lopez", "Tom Berg", "Maria Lopez"]),
    ("Attendees", "Approved", ["Maria Lopez", "Tom Berg", "Maria Lopez"]),
    ("Teilnehmer", "Approved", ["Maria Lopez", "Tom Berg", "Maria Lopez"]),
])
def test_a_decision_logs_participants_decide_when_no_column_names_the_decider(sqlite_store, tmp_path, header, status,
                                                                              people):
    """"decision_id | date | decision | rationale | participants | status" with every status saying the decision is
    in force: the status read as Decided was refused for want of a decider and every decision stored Pending, the
    participants kept in the notes. The one person under "participants" is who decided, said in the sheet notes."""
    rows: list[list[object]] = [["decision_id", "date", "decision", "rationale", header, "status"]]
    rows += [[c, d, t, why, who, status] for (c, d, t, why), who in zip(_TAKEN, people)]
    plan = import_all(sqlite_store, write_csv(tmp_path / "decision_register.csv", rows))
    got = {r["title"]: (r["status"], r["decided_by"]) for r in rows_of(sqlite_store, "decisions")}
    assert got == {t: ("Decided", who) for (_c, _d, t, _w), who in zip(_TAKEN, people)}
    assert "read as who decided" in plan.sheets[0].note


def test_a_column_listing_several_attendees_names_no_decider(sqlite_store, tmp_path):
    """Attendees listed several to a cell on most rows name no one decider: they stay in the notes, and no name is
    invented (the decisions stay Pending, as before)."""
    rows: list[list[object]] = [["decision_id", "date", "decision", "rationale", "attendees", "status"]]
    rows += [[c, d, t, why, "Maria Lopez, Tom Berg, Ana Silva", "active"] for c, d, t, why in _TAKEN]
    import_all(sqlite_store, write_csv(tmp_path / "decision_register.csv", rows))
    decisions = rows_of(sqlite_store, "decisions")
    assert len(decisions) == 3 and all(not r["decided_by"] for r in decisions)
    assert all("Maria Lopez, Tom Berg, Ana Silva" in r["rationale"] for r in decisions)


def test_a_decider_column_wins_over_the_participants(sqlite_store, tmp_path):
    """A log naming its decider keeps that column as the decider; the participants stay in the notes."""
    rows: list[list[object]] = [["ID", "Date", "Decision", "Decided by", "Participants", "Status"]]
    rows += [[c, d, t, "Ana Silva", "Tom Berg", "Approved"] for c, d, t, _w in _TAKEN]
    import_all(sqlite_store, write_csv(tmp_path / "decision_register.csv", rows))
    assert {r["decided_by"] for r in rows_of(sqlite_store, "decisions")} == {"Ana Silva"}


_TASKS = [["id", "name", "description", "goal_id", "due_date", "assignee", "status"],
          [1, "Prepare the kick-off deck", "Slides for the sponsor", 1, date(2026, 1, 15), "Ana", "open"],
          [2, "Book the training room", "Two days in March", 2, date(2026, 2, 20), "Ben", "done"],
          [3, "Send the survey", "To all site leads", 2, date(2026, 3, 1), "Cem", "open"]]


@pytest.mark.parametrize("name", ["actions_alpha.csv", "acciones-equipo.csv", "sprint_todos.csv"])
def test_a_list_named_as_things_to_do_is_refused_as_an_action_list(sqlite_store, tmp_path, name):
    """"id | name | description | goal_id | due_date | assignee | status" saved as "actions_<team>.csv" was read as
    risks titled by the name (the round-45 refusal needs a column naming things to do). The file's name says what
    the rows are: refused with the action-list reason and how to keep them as issues, in any language."""
    with pytest.raises(WorkbookError, match=r"action list.*choose Issues"):
        import_all(sqlite_store, write_csv(tmp_path / name, _TASKS))
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "issues") == []


def test_a_to_do_workbook_in_chinese_is_refused_as_an_action_list(sqlite_store, tmp_path):
    """"序号 | 项目 | 备注" on "Sheet1" of a workbook named "待办事项" (to-do items) beside other sheets: 项目 ("item")
    was read as the project, one project and one issue made from the one remark, eight rows left out."""
    todo: list[list[object]] = [["序号", "项目", "备注"]]
    todo += [[n, f"任务{n}", None] for n in range(1, 8)] + [[8, "检查日志", "p8"]]
    other: list[list[object]] = [["服务器", "实例类型", "CPU"], ["db1", "物理机", 64], ["db2", "云主机", 32]]
    with pytest.raises(WorkbookError, match=r"action list.*待办事项"):
        import_all(sqlite_store, write_xlsx(tmp_path / "运维待办事项.xlsx", {"Sheet2": other, "Sheet1": todo}))
    assert rows_of(sqlite_store, "projects") == [] and rows_of(sqlite_store, "issues") == []


def test_a_transactions_file_or_a_risk_action_list_is_not_taken_for_a_to_do_list(sqlite_store, tmp_path):
    """Whole words only ("transactions" holds no "actions"), and a column saying the register's noun keeps it."""
    rows: list[list[object]] = [["Risk ID", "Risk", "Action", "Owner", "Due date", "Status"],
                                ["R1", "Supplier may fail", "Find a second supplier", "Ana", date(2026, 4, 1), "Open"],
                                ["R2", "Budget may be cut", "Agree a reserve", "Ben", date(2026, 5, 1), "Open"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_actions.csv", rows))
    import_all(sqlite_store, write_csv(tmp_path / "project_transactions.csv", rows))
    assert set(named(sqlite_store, "risks")) == {"Supplier may fail", "Budget may be cut"}


_CHOICES = [["id", "title", "option_a", "option_b", "note"],
            ["venue", "Where to hold the offsite", "City hotel near the station", "Country house", "Chosen: hotel"],
            ["food", "Catering for day one", "Buffet", "Seated lunch", "Ask about allergies"],
            ["bus", "Transport from the airport", "Hired coach", "Taxis", ""]]


@pytest.mark.parametrize("name", ["decisions_offsite.csv", "decision-log-berlin.csv"])
def test_a_file_named_register_then_subject_names_the_register_and_options_are_joined(sqlite_store, tmp_path, name):
    """"id | title | option_a | option_b | note" saved as "decisions_<subject>.csv" was refused: the name, the
    register's first, named no register, and the second option went to the notes. The name is the decision log's,
    and every option column is the decision's options, one a line, said in the sheet notes."""
    plan = import_all(sqlite_store, write_csv(tmp_path / name, _CHOICES))
    got = {r["title"]: r["options"] for r in rows_of(sqlite_store, "decisions")}
    assert got["Where to hold the offsite"] == "option_a: City hotel near the station\noption_b: Country house"
    assert got["Transport from the airport"] == "option_a: Hired coach\noption_b: Taxis"
    assert len(got) == 3
    assert "options are written one a column" in plan.sheets[0].note


def test_options_numbered_in_a_named_decision_sheet_are_joined(sqlite_store, tmp_path):
    rows: list[list[object]] = [["Decision", "Option 1", "Option 2", "Option 3", "Owner"],
                                ["Pick the CRM", "Vendor A", "Vendor B", "Build", "Ana"],
                                ["Office move date", "June", "September", None, "Ben"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "board.xlsx", {"Decisions": rows}))
    got = {r["title"]: r["options"] for r in rows_of(sqlite_store, "decisions")}
    assert got == {"Pick the CRM": "Option 1: Vendor A\nOption 2: Vendor B\nOption 3: Build",
                   "Office move date": "Option 1: June\nOption 2: September"}


def test_a_data_set_named_decisions_then_a_word_stays_refused(sqlite_store, tmp_path):
    """An investment data set named "decisions_<word>.csv" (asset, risk level, returns, outcome) names no decision."""
    rows: list[list[object]] = [["id", "asset_type", "risk_level", "expected_return", "actual_return", "outcome",
                                 "duration_days"],
                                [1, "bonds", 0.2, 0.04, 0.03, "win", 365], [2, "crypto", 0.9, 0.5, -0.7, "loss", 30],
                                [3, "stocks", 0.6, 0.2, 0.1, "win", 90]]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_csv(tmp_path / "decisions_sim.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []


def test_a_change_log_of_change_reason_and_initials_is_read_as_decisions(sqlite_store, tmp_path):
    """"VERSION | CHANGE | REASON | INITIAL" from B1, each row's day in an unheaded column A, in a workbook named
    "change_log_<subject>": refused as a document's version history ("only 2 of its columns name decisions fields
    and its name is not a register's"). A change log so named that says why each change was made is the decision
    log's: the change the decision, the reason its rationale, the initials who decided, the day the day decided."""
    rows: list[list[object]] = [[None, "VERSION", "CHANGE", "REASON", "INITIAL"],
                                [date(2026, 1, 5), "v0", "Dropped the duplicate survey answers", "They skewed the mean",
                                 "JK"],
                                [date(2026, 1, 6), "sales table", "Joined sales and returns", "To see net sales", "JK"],
                                [date(2026, 1, 9), "report", "Moved the charts to one page", "Asked by the sponsor",
                                 "AB"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "change_log_survey.xlsx", {"Sheet1": rows}))
    got = {r["title"]: (r["decided_on"], r["decided_by"], r["rationale"].split("\n")[0], r["status"])
           for r in rows_of(sqlite_store, "decisions")}
    assert got == {"Dropped the duplicate survey answers": (date(2026, 1, 5), "JK", "They skewed the mean", "Decided"),
                   "Joined sales and returns": (date(2026, 1, 6), "JK", "To see net sales", "Decided"),
                   "Moved the charts to one page": (date(2026, 1, 9), "AB", "Asked by the sponsor", "Decided")}
    assert "Column A, under no header, holds a day" in plan.sheets[0].note


def test_a_documents_version_history_named_change_log_stays_refused(sqlite_store, tmp_path):
    """A template's revision table ("Version | Date | Author | Description of change", no reason) is no decision."""
    rows: list[list[object]] = [["Version", "Date", "Author", "Description of change"],
                                ["0.1", date(2025, 1, 3), "Ana", "First draft"],
                                ["0.2", date(2025, 2, 3), "Ben", "Added the budget section"],
                                ["1.0", date(2025, 3, 3), "Ana", "Issued for approval"]]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "change_log_template.xlsx", {"Change Log": rows}))
    assert rows_of(sqlite_store, "decisions") == []


def test_a_sheet_named_actions_with_a_due_column_is_an_action_list(sqlite_store, tmp_path):
    """"ACTIONS" over "ID | Owner | Description | Priority | Target Date | Status" (a meeting's action items) was read
    as a risk register: "actions" beside a column saying by when is an action list, refused saying so."""
    rows: list[list[object]] = [["ID", "Owner", "Description", "Priority", "Target Date", "Status"],
                                [1, "JS", "Book the room", "High", date(2026, 2, 1), "Open"],
                                [2, "AB", "Send the minutes", "Low", date(2026, 2, 3), "Open"]]
    with pytest.raises(WorkbookError, match=r"action list.*“ACTIONS”"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Meeting.xlsx", {"ACTIONS": rows}))
    assert rows_of(sqlite_store, "risks") == []


def test_shares_named_acciones_are_not_said_to_be_an_action_list(sqlite_store, tmp_path):
    """"acciones" / "ações" name a company's shares as often: a list of stock tickers stays refused as before, its
    reason not saying it is an action list (no column naming things to do or by when)."""
    path = write_csv(tmp_path / "acciones.csv", [["codigo", "clasificacion"], ["ABC3", "azul"], ["XYZ4", "rojo"]])
    with pytest.raises(WorkbookError) as refused:
        import_all(sqlite_store, path)
    assert "action list" not in str(refused.value)


def test_a_participants_column_of_ticks_names_no_decider(sqlite_store, tmp_path):
    """"Participants: yes" (a tick, not a name) makes no person named "yes"."""
    rows: list[list[object]] = [["decision_id", "date", "decision", "participants", "status"]]
    rows += [[c, d, t, "yes", "active"] for c, d, t, _w in _TAKEN]
    import_all(sqlite_store, write_csv(tmp_path / "decision_register.csv", rows))
    decisions = rows_of(sqlite_store, "decisions")
    assert len(decisions) == 3 and all(not r["decided_by"] for r in decisions)
    assert rows_of(sqlite_store, "people") == []
