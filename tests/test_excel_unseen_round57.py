"""Classes of problem found by import round 57's first run (docs/import-rounds.md, "Round 57"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_screeners_verdicts_opened_by_the_thing_they_judge_are_no_decisions(sqlite_store, tmp_path):
    """A stock screener's "decisions.xlsx" ("Symbol | Score | Momentum | Decision_Score | Decision_Momentum |
    Date") writes its verdict on each share, the share's name first ("KRMD, Score says Buy"), one row per share and
    day: 5,668 decisions were made of it. Each title opens with its row's "Symbol" and the rest is one of three
    verdicts; a day beside them is the day the program ran, nobody decides: nothing is made, and the refusal says
    why."""
    verdicts = ["Buy", "Sell", "Hold"]
    rows: list[list[object]] = [["Symbol", "Score", "Momentum", "Decision_Score", "Decision_Momentum", "Date"]]
    for day in ("03-02-2025", "04-02-2025"):
        for k, share in enumerate(["KRMD", "OTLB", "PENT", "ZUVA", "BRAK", "MELO"]):
            rows.append([share, 20.5 + 7.25 * k, 40.125 - 3 * k, f"{share}, Score says {verdicts[k % 3]}",
                         f"{share}, Momentum says {verdicts[(k + 1) % 3]}", day])
    path = write_xlsx(tmp_path / "decisions.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match=r"program's verdicts.*repeats 3 values.*each title opened by its row's "
                                            r"“Symbol”.*the day it ran"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "decisions") == []
    # the rule leaves an office's log alone: titles opened by the project they concern ("Apollo: move the launch")
    # state each decision in its own words, many different ones, so they are read
    log: list[list[object]] = [["Project", "Decision", "Date"]]
    words = ["move the launch to May", "hire two testers", "drop the legacy API", "buy the new licences",
             "split the release", "keep the vendor"]
    for k, w in enumerate(words):
        project = "Apollo" if k % 2 else "Hermes"
        log.append([project, f"{project}: {w}", f"0{k + 1}/03/2025"])
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", log))
    assert len(rows_of(sqlite_store, "decisions")) == 6


def test_change_requests_under_analysis_are_pending_decisions(sqlite_store, tmp_path):
    """A change request log ("crId | title | reason | priority | status | requestedBy"): the three requests whose
    status was "Analysis" were left out ("not one of Pending, Decided, Superseded"). A request being analysed is
    not decided yet: Pending, the word kept in the notes."""
    rows: list[list[object]] = [["crId", "title", "reason", "priority", "status", "requestedBy"],
                                ["CR-101", "Widen the loading bay", "Safety", "High", "Analysis", "Site team"],
                                ["CR-102", "Switch the paint supplier", "Cost", "Medium", "Approved", "Purchasing"],
                                ["CR-103", "Add a night shift", "Demand", "High", "Under analysis", "Operations"],
                                ["CR-104", "Replace the forklift", "Wear", "Low", "In Progress", "Site team"],
                                ["CR-105", "Move the stores", "Space", "Medium", "Approved", "Operations"],
                                ["CR-106", "Open a second gate", "Traffic", "High", "Planned", "Security"],
                                ["CR-107", "Cut the overtime", "Cost", "Medium", "In Progress", "Finance"]]
    import_all(sqlite_store, write_csv(tmp_path / "change_requests.csv", rows))
    status = {r["code"]: r["status"] for r in rows_of(sqlite_store, "decisions")}
    assert len(status) == 7
    assert status["CR-101"] == status["CR-103"] == "Pending"


def test_a_spanish_incident_log_keeps_its_opening_date_and_incidents_under_study(sqlite_store, tmp_path):
    """A Spanish incident log ("id | titulo | prioridad | estado | responsable | fecha_apertura"): the opening
    date stayed in the notes, and an incident "En estudio" (being looked into) was left out. The opening date is
    the date raised; an incident under study is open."""
    rows: list[list[object]] = [["id", "titulo", "prioridad", "estado", "responsable", "fecha_apertura"],
                                [1, "Servidor de correo caído", "alta", "abierta", "Lucía", "2026-04-02 09:15"],
                                [2, "Impresora sin tóner", "baja", "En estudio", "Ramón", "2026-04-03 11:40"],
                                [3, "VPN lenta en la sede", "media", "cerrada", "Lucía", "2026-04-05 16:05"]]
    import_all(sqlite_store, write_csv(tmp_path / "incidencias.csv", rows))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(issues) == 3
    assert issues["Impresora sin tóner"]["status"] == "Open"
    assert str(issues["VPN lenta en la sede"]["raised_on"]).startswith("2026-04-05")


def test_a_trackers_tasks_named_issues_add_nothing(sqlite_store, tmp_path):
    """A Jira export saved as "issues.csv" ("Summary | Key | Description | Link | Estimate"), its titles "Task1:
    Ekran logowania", "Task2: …": 9 issues were made of a team's planned tasks. Two titles in three or more open
    with the same backlog word: the rows are planned work, nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["Summary", "Key", "Description", "Link", "Estimate"]]
    for k, what in enumerate(["Ekran logowania", "Lista zadań", "Eksport do PDF", "Ustawienia konta", "Powiadomienia"]):
        rows.append([f"Task{k + 1}: {what}", f"QZ-{k + 1}", "Kryteria akceptacji: działa", "https://example.org/QZ",
                     2 + k % 3])
    rows.append(["Tsak6: Motyw ciemny", "QZ-6", "Kryteria akceptacji: działa", "https://example.org/QZ", 1])
    path = write_csv(tmp_path / "issues.csv", rows)
    with pytest.raises(WorkbookError, match=r"tracker's planned work.*5 of its 6 titles open with “Task”"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "issues") == []
    # the rule leaves an issue log alone when only some titles open with such a word
    log: list[list[object]] = [["ID", "Issue", "Owner", "Status"],
                               ["I-1", "Task scheduler skips the nightly run", "Ana", "Open"],
                               ["I-2", "Printer queue stuck", "Ben", "Open"],
                               ["I-3", "Task list export loses accents", "Ana", "Closed"],
                               ["I-4", "VPN drops at noon", "Carl", "Open"]]
    import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", log))
    assert len(rows_of(sqlite_store, "issues")) == 4


def test_a_gitlab_plans_tasks_one_by_one_add_nothing(sqlite_store, tmp_path):
    """A GitLab plan's "Issues" sheet ("Issues | Milestone | Title | Description | Estimate | Due Date"), every
    title "Task One", "Task Two" …: 14 issues were made. They are the plan's tasks: none is made."""
    numbers = ["One", "Two", "Three", "Four", "Five"]
    rows: list[list[object]] = [["Issues", "Milestone", "Title", "Description", "Estimate", "Due Date"]]
    rows += [[40 + k, "Launch", f"Task {n}", f"What task {n.lower()} builds.", 7200 * (k + 1), f"2025-03-1{k}"]
             for k, n in enumerate(numbers)]
    path = write_xlsx(tmp_path / "Issues.xlsx", {"Issues": rows})
    with pytest.raises(WorkbookError):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "issues") == []

