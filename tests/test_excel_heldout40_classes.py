"""Classes of problem left by the held-out set of import round 40 (docs/import-rounds.md, "Round 40's junk
(left40)"): each test writes a file of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def _refused(store, path, match: str) -> None:
    with pytest.raises(WorkbookError, match=match):
        apply_import(store, plan_workbook_import(store, path, create_missing=True), partial=True)
    assert rows_of(store, "decisions") == []


def test_a_programs_verdicts_keyed_by_another_things_id_are_no_decisions(sqlite_store, tmp_path):
    """An order agent's "decision_log.csv" ("ShipmentID | … quantities … | Decision | Reason") gives its verdict,
    "Release" or "Hold", on each shipment: 7 decisions titled "Release" / "Hold" were made. Titles from a tiny
    vocabulary, rows keyed by another thing's ID, mostly numbers, nobody deciding: nothing is made, and the
    refusal says why."""
    rows: list[list[object]] = [["ShipmentID", "Placed", "Depot", "Ordered", "Shipped", "Backlog", "StockBefore",
                                 "StockAfter", "Decision", "Reason"]]
    for k in range(8):
        held = k % 3 == 2
        rows.append([f"SH-{k + 100}", f"2025-02-0{k + 1}", f"D{k % 2}", 50 + k, 20 if held else 50 + k,
                     30 - k if held else 0, 200 - k, 150 - k, "Hold" if held else "Release",
                     "Not enough stock on hand" if held else "Released in full"])
    _refused(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows),
             r"program's verdicts .*“Decision” repeats 2 values \(“Release”, “Hold”\) over 8 rows, rows keyed by "
             r"“ShipmentID”")


def test_a_games_branching_script_is_no_decision_log(sqlite_store, tmp_path):
    """A visual novel's "decisions.csv" ("id;kind;name;option;outcome;points"): each question written once per
    option, its points beside; 20 decisions titled by the questions were made. The same title over consecutive
    rows, one row per option, nobody deciding and no date: nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["id", "kind", "name", "option", "outcome", "points"]]
    script = [("Where to sleep tonight?", ["In the barn", "At the inn"]),
              ("Who gets the lantern?", ["Mara", "Tobin", "Keep it"]),
              ("The guard asks for a bribe", ["Pay", "Refuse"]),
              ("Cross the river", ["Swim", "Wait for the ferry"])]
    n = 0
    for question, options in script:
        for k, option in enumerate(options):
            n += 1
            rows.append([n, "Q", question, option, "" if k else "path opens", k - 1])
    rows += [[n + 1, "END-good", "You reach the city", ">=", "Good ending", 3],
             [n + 2, "END-bad", "Lost in the marsh", "<", "Bad ending", 3]]
    _refused(sqlite_store, write_csv(tmp_path / "decisions.csv", rows, delimiter=";"),
             r"script's choices.*“name” is the same on 5 of 11 rows as on the row above, one row per “option”")


def test_a_real_decision_log_with_repeated_short_titles_keeps_its_decisions(sqlite_store, tmp_path):
    """The rule above leaves an office's log alone: "Approve budget" on several rows, even on consecutive ones
    with an ID of the project beside, is what an office decided when it is decided by someone on a date."""
    rows: list[list[object]] = [["ID", "ProjectID", "Decision", "Decided by", "Date", "Budget", "Rationale"]]
    for k in range(6):
        rows.append([f"D-{k + 1}", f"P{k + 10}", "Approve budget" if k < 4 else "Defer", "Dana Smith",
                     f"2025-03-{k + 10}", 1000 * (k + 1), f"Phase {k + 1} is ready to start"])
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows))
    got = rows_of(sqlite_store, "decisions")
    assert len(got) == 6
    assert sorted(r["title"] for r in got).count("Approve budget") == 4


def test_a_plain_log_of_repeated_titles_with_nothing_of_a_machine_keeps_its_decisions(sqlite_store, tmp_path):
    """No decider, no date, titles repeated on consecutive rows, but no other thing's ID, no numbers and no
    option per row: an office's short log ("ID | Decision | Rationale"), imported as it was."""
    rows: list[list[object]] = [["ID", "Decision", "Rationale"],
                                ["D1", "Approve budget", "Phase 1 ready"], ["D2", "Approve budget", "Phase 2 ready"],
                                ["D3", "Approve budget", "Phase 3 ready"], ["D4", "Close the pilot", "Goals met"]]
    path = write_xlsx(tmp_path / "Decisions.xlsx", {"Decision Log": rows})
    import_all(sqlite_store, path)
    assert sorted(r["title"] for r in rows_of(sqlite_store, "decisions")) == ["Approve budget"] * 3 + ["Close the pilot"]


def test_decided_per_sheet_the_offices_log_beside_a_programs_verdicts_is_imported(sqlite_store, tmp_path):
    """One workbook, two sheets: the office's log (short titles repeated, a decider and a date) is imported; the
    agent's verdicts beside it ("CaseID | … | Decision | Reason", "Release" / "Hold" beside numbers) are left, with the
    reason in the import's report."""
    office: list[list[object]] = [["ID", "Decision", "Decided by", "Date"]]
    office += [[f"D-{k}", "Approve budget" if k % 2 else "Approve scope change", "Dana Smith", f"2025-04-0{k}"]
               for k in range(1, 7)]
    agent: list[list[object]] = [["CaseID", "Score", "Threshold", "Margin", "Decision", "Reason"]]
    agent += [[f"C{k}", 60 + k * 5, 70, k * 5 - 10, "Release" if k > 2 else "Hold",
               "Score above the threshold" if k > 2 else "Score below the threshold"] for k in range(1, 7)]
    path = write_xlsx(tmp_path / "Decisions.xlsx", {"Decision Log": office, "Decisions": agent})
    plan = import_all(sqlite_store, path)
    got = rows_of(sqlite_store, "decisions")
    assert sorted({r["title"] for r in got}) == ["Approve budget", "Approve scope change"] and len(got) == 6
    why = dict(plan.skipped_sheets)["Decisions"]
    assert why.startswith("its rows are a program's verdicts") and "rows keyed by “CaseID”" in why


def _help_desk_table(with_owner: bool = False) -> list[list[object]]:
    """A help desk's one table of the systems it serves (S1 … S6, each listing under "Parent" the known problems
    that touch it) and its known problems (P1 … P4, each with its workaround)."""
    rows: list[list[object]] = [["ID", "Parent", "Name", "Workaround"] + (["Owner"] if with_owner else [])]
    systems = ["Payroll portal", "Timesheets", "Fleet tracker", "Depot radio log", "Intranet", "Rota planner"]
    for k, system in enumerate(systems):
        parents = ["P1", "P1,P2", "", "P3", "P2,P4", ""][k]
        rows.append([f"S{k + 1}", parents, system, ""] + (["Lee Park"] if with_owner else []))
    problems = [("Cannot log in", "Ask the service desk to reset the account"),
                ("Page does not load", "Open it in Edge"), ("Report is blank", "Enable the viewer plug-in"),
                ("No access on the phone", "Use the VPN app")]
    for k, (problem, workaround) in enumerate(problems):
        rows.append([f"P{k + 1}", "", problem, workaround] + ([""] if with_owner else []))
    return rows


def test_rows_of_another_kind_pointing_at_the_issues_by_their_ids_are_left_out(sqlite_store, tmp_path):
    """A help bot's "issues.xlsx" kept its 12 applications (A1 … A12, listing the known issues I1 … I5 that touch
    them under "ParentID") in the same table as the issues: 12 junk issues were made. IDs in two families, one
    family pointing at the other by ID and filling nothing else: those rows are left out, each saying why, and
    the known problems are imported with their workarounds."""
    path = write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": _help_desk_table()})
    plan = import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(got) == ["P1", "P2", "P3", "P4"]
    assert got["P2"]["title"] == "Page does not load" and "Open it in Edge" in (got["P2"]["description"] or "")
    skipped = [r for r in plan.sheets[0].rows if r.report.action is Action.SKIP]
    assert len(skipped) == 6 and "“S2” is a row of another kind in the same table" in skipped[1].report.reason
    assert "lists under “Parent” the issues that concern it" in skipped[1].report.reason


def test_rows_of_another_family_that_say_something_of_their_own_are_kept(sqlite_store, tmp_path):
    """The rule above leaves rows alone that carry a column of their own (an owner): records too."""
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": _help_desk_table(with_owner=True)}))
    assert len(rows_of(sqlite_store, "issues")) == 10
