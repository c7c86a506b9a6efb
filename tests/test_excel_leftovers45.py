"""Issue 12's known leftovers of rounds 43–44, each decided as a rule for its class (docs/import-rounds.md,
"Known leftovers of rounds 43–44 (left45)"): each test writes a workbook of that shape and checks what a user
gets."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_runner import run_cli
from imported import by_code, import_all, rows_of
from PySide6.QtCore import Qt
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def test_a_level_or_choice_read_from_part_of_its_cell_keeps_the_whole_cell(sqlite_store, tmp_path):
    """ "High-ish", "Medium (tbc)", "Low – watch": each is read as the level of its first word, and the rest of
    the cell ("-ish", "tbc", "watch") is the sheet's own doubt, which the level cannot hold. It was dropped
    without a word; the whole cell is now kept in the notes under its column's header, and the preview says
    once of the sheet which cells were read by a part of them."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Probability", "Impact (1-5)", "Status", "Impact areas"],
        ["R1", "Vendor late", "Ann", "High-ish", "Medium (tbc)", "Open", "Time"],
        ["R2", "Server down", "Bob", "Low – watch", "High", "Closed (tbc)", "Schedule-ish, Budget"],
        ["R3", "Budget cut", "Cy", "Medium", "Low", "Closed", "Time, Cost"]]})
    plan = import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert [(risks[c]["probability"], risks[c]["impact"], risks[c]["status"]) for c in ("R1", "R2", "R3")] == [
        (4, 3, "Open"), (2, 4, "Closed"), (3, 2, "Closed")]
    assert risks["R1"]["notes"].splitlines() == ["Probability: High-ish", "Impact (1-5): Medium (tbc)"]
    assert risks["R2"]["notes"].splitlines() == ["Probability: Low – watch", "Status: Closed (tbc)",
                                                 "Impact areas: Schedule-ish, Budget"]  # an item read by a part
    assert risks["R2"]["impact_areas"] == "Time; Cost"
    assert not risks["R3"]["notes"]  # a whole word of the scale says all the cell says
    said = plan.sheets[0].note
    assert "“High-ish” read as 4 of 5" in said and "“Medium (tbc)” read as 3 of 5" in said
    assert "read by a part of the cell, the whole cell kept in the notes" in said


def _decision_log(tmp_path, third_due="ASAP"):
    return write_xlsx(tmp_path / "Decision Log.xlsx", {"Decisions": [
        ["ID", "Decision", "Decided by", "Status", "Due Date"],
        ["D1", "Choose the vendor", "Ann", "Pending", "tomorrow"],
        ["D2", "Approve the budget", "Bob", "Pending", "2026-11-03"],
        ["D3", "Move the launch", "Cy", "Pending", third_due],
        ["D4", "Hire a tester", "Cy", "Pending", "2026-10-01"],
        ["D5", "Close the old site", "Cy", "Pending", "2026-10-02"]]})


def test_a_relative_date_is_given_its_day_or_left_empty_with_the_word_kept(tmp_path):
    """ "tomorrow" and "ASAP" in a date column refuse their rows (no day to count from). A `--values` file gives
    "tomorrow" the day it meant; "ASAP" translated to "" leaves the due date empty and keeps the word in the
    notes under its header (before, the word was lost)."""
    path = _decision_log(tmp_path)
    values = tmp_path / "values.json"
    values.write_text(json.dumps({"decisions": {"due": {"tomorrow": "2026-12-07", "ASAP": ""}}}))
    run_cli("new", "o.pmo", cwd=tmp_path, ok=True)
    run_cli("import", "o.pmo", path, "--values", values, cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "o.pmo")
    try:
        decisions = by_code(store, "decisions")
        assert str(decisions["D1"]["due"]) == "2026-12-07"
        assert decisions["D3"]["due"] is None
        assert "Due Date: ASAP" in decisions["D3"]["rationale"]
    finally:
        store.close()


def test_words_not_yet_dated_neither_make_nor_unmake_a_date_column(sqlite_store, tmp_path):
    """A due-date column of two dates among "TBC", "ASAP" and "next week" was kept whole in the notes (its dates
    unplaced, "not due values"): the words are the sheet's "not dated yet" and count neither way, so the column is
    the due date, each word's row imported with the date empty and the word kept in its notes, said on the row
    and listed to translate. A column of such words alone stays in the notes: it holds no date."""
    path = write_xlsx(tmp_path / "Decision Log.xlsx", {"Decisions": [
        ["ID", "Decision", "Decided by", "Status", "Due Date", "When"],
        ["D1", "Choose the vendor", "Ann", "Pending", "TBC", "ASAP"],
        ["D2", "Approve the budget", "Bob", "Pending", "2026-11-03", "TBC"],
        ["D3", "Move the launch", "Cy", "Pending", "ASAP", "next week"],
        ["D4", "Hire a tester", "Cy", "Pending", "next week", "TBC"],
        ["D5", "Close the old site", "Cy", "Pending", "2026-10-02", "ASAP"]]})
    plan = import_all(sqlite_store, path)
    decisions = by_code(sqlite_store, "decisions")
    assert {c: str(d["due"]) for c, d in decisions.items()} == {
        "D1": "None", "D2": "2026-11-03", "D3": "None", "D4": "None", "D5": "2026-10-02"}
    assert decisions["D3"]["rationale"].splitlines() == ["Due Date: ASAP", "When: next week"]
    assert set(plan.unplaced[("decisions", "due")]) == {"TBC", "ASAP", "next week"}
    reasons = {r.code: r.reason for r in plan.reports}
    assert "“next week” is not a date here: it counts from the day it was written" in reasons["D4"]
    assert "left empty, the word kept in the notes" in reasons["D4"]


def test_the_preview_takes_a_day_typed_for_a_relative_date(qtbot, document, tmp_path):
    """The preview lists "tomorrow" among the values it could not place; its dropdown is editable (it offered only
    "leave the cell empty"): the user types the day and presses Enter, and the import gives the decision that
    due date."""
    dialog = ImportDialog(document, _decision_log(tmp_path, third_due="2026-10-05"))
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1)
            for r in range(dialog.values_table.rowCount())}
    combo = next(w for label, w in rows.items() if "“tomorrow”" in label)
    assert combo.isEditable() and combo.lineEdit().text() == ""
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "2026-12-07")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)  # the preview is planned again with the day
    assert dialog.isVisible()  # the Enter gave the day; it did not press Import too
    qtbot.waitUntil(lambda: ("decisions", "due") not in dialog.plan.unplaced)  # translated: placed
    shown = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1).currentText()
             for r in range(dialog.values_table.rowCount())}
    assert [choice for label, choice in shown.items() if "“tomorrow”" in label] == ["2026-12-07"]
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    decisions = by_code(document.store, "decisions")
    assert str(decisions["D1"]["due"]) == "2026-12-07"


_DEPENDS_ON = [("Internal", "Finance system upgrade must finish before payroll cut-over"),
               ("External", "Vendor API access from Acme"), ("Technical", "New data centre network ready"),
               ("External", "Regulator approval of the new product")]


@pytest.mark.parametrize("header", [["ID", "Type", "Notes", "Owner", "Status"],
                                    ["Dependency ID", "Dependency Type", "Details", "Owner", "Status"]])
def test_a_dependency_is_titled_by_what_is_depended_on_not_by_its_kind(sqlite_store, tmp_path, header):
    """A dependency log whose "Type" (Internal / External / Technical) sorts the dependencies and whose "Notes" or
    "Details" says what each is: it was refused ("no column names the records") when "Type" named no field, or
    titled "Internal", "External" when "Dependency Type" did, what each is in the notes. A column of kinds is
    never the title beside a column stating each thing: the statement is the title, the kind kept in the notes."""
    rows = [[f"DEP-{k}", kind, what, "Ann", "On track"] for k, (kind, what) in enumerate(_DEPENDS_ON, start=1)]
    (tmp_path / "log").mkdir()
    plan = import_all(sqlite_store, write_csv(tmp_path / "log" / "dependencies.csv", [header, *rows]))
    deps = by_code(sqlite_store, "dependencies")
    assert [deps[f"DEP-{k}"]["title"] for k in range(1, 5)] == [what for _kind, what in _DEPENDS_ON]
    assert deps["DEP-2"]["notes"] == f"{header[1]}: External"
    assert f"from “{header[2]}”" in plan.sheets[0].note  # the preview says which column names them


def test_a_github_issue_list_is_titled_by_its_descriptions_first_sentence(sqlite_store, tmp_path):
    """A risk list kept as GitHub issues, written as a workbook ("Number | Description | Labels | State | Assignee |
    Milestone"): "State" is the status, "Assignee" the owner, the labels kept. Each risk was titled by its whole
    description; where no column titles the records, a description's first sentence is the title (one too long
    past a title's length cut at a word, never inside one) and the whole text is kept."""
    long = ("Key developer leaves during the migration and takes the knowledge of the legacy billing code with "
            "them so that every change to invoicing takes a week of reading old code first and the release plan "
            "slips by a month or more while the new team learns how the monthly statements are built and sent "
            "to every customer in every one of the eleven countries")  # one sentence, past a title's 300
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["Number", "Description", "Labels", "State", "Assignee", "Milestone"],
        [12, "The payment provider may change its API before launch. We would need two sprints to adapt.",
         "risk, high", "open", "alice", "v1.0"],
        [15, long, "risk", "closed", "bob", "v1.0"],
        [18, "Data migration loses records", "risk, low", "open", "carol", "v1.1"]]})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert risks["12"]["title"] == "The payment provider may change its API before launch."
    assert "Description: The payment provider may change its API before launch. We would need two sprints to " \
        "adapt." in risks["12"]["notes"]
    assert risks["15"]["title"].endswith("…") and long.startswith(risks["15"]["title"][:-1]) and \
        long[len(risks["15"]["title"]) - 1] == " "  # cut between two words
    assert long in risks["15"]["notes"]
    assert (risks["18"]["title"], risks["18"]["status"], risks["18"]["owner"]) == (
        "Data migration loses records", "Open", "carol")
    assert "Labels: risk, low" in risks["18"]["notes"] and risks["15"]["status"] == "Closed"


def test_a_table_without_its_header_row_is_said_to_read_like_a_register(sqlite_store, tmp_path):
    """A headerless table in a file whose name names no register ("export.csv"): the refusal named the header row
    to add but not where it would go, and guessed no field. It now says which register its columns' values read
    like, and each column's field by it."""
    rows = [[f"2026-04-0{k}", f"R-00{k}", title, level, "Open", "Operational"] for k, (title, level) in enumerate(
        [("Vendor delivers late", "High"), ("Budget is cut", "Low"), ("Key engineer leaves", "Medium"),
         ("Data centre move slips", "High")], start=1)]
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, write_csv(tmp_path / "export.csv", rows), create_missing=True)
    said = str(refused.value)
    assert "has no header row" in said and "By its columns' values it reads like the risk register" in said
    assert "A “Raised”?" in said and "C “Title”?" in said and "D “Probability”?" in said


def _tracker(tmp_path, third_year):
    return write_xlsx(tmp_path / "Benefits Tracker.xlsx", {"Benefits": [
        ["Ref", "Benefit", "Measure / KPI", "Baseline", "Realisation Start", "Year 1 Target", "Year 2 Target",
         "Year 3 Target", "Benefit Owner"],
        ["DFD-1", "Reduced missed appointments", "DNA rate", 9, dt.date(2025, 4, 1), 8, 7, third_year, "Ann"],
        ["DFD-3", "Patients booking online", "% online", 5, dt.date(2026, 1, 1), 20, 35, None, "Bob"]]})


def test_a_reimport_updates_the_planned_values_of_the_targets_per_year(sqlite_store, tmp_path):
    """Targets per year became a new benefit's planned values; a re-import updating the benefit with its third
    year's target changed updated the target but dropped the planned values without a word. They are now the
    sheet's: the changed year's planned value is updated, the unchanged ones left alone."""
    import_all(sqlite_store, _tracker(tmp_path, 6))
    plan = import_all(sqlite_store, _tracker(tmp_path, 5))
    planned = sorted((r["on"], r["value"]) for r in rows_of(sqlite_store, "benefit_plan"))
    assert planned == [(dt.date(2026, 3, 31), 8), (dt.date(2026, 12, 31), 20), (dt.date(2027, 3, 31), 7),
                       (dt.date(2027, 12, 31), 35), (dt.date(2028, 3, 31), 5)]
    assert by_code(sqlite_store, "benefits")["DFD-1"]["target_value"] == 5
    years = next(s for s in plan.sheets if s.synthetic)
    # the changed year's planned value is updated, the others left alone (left47: no longer the family replaced)
    assert [(r.report.code, r.report.action.value) for r in years.rows] == [
        ("DFD-1", "skip"), ("DFD-1", "skip"), ("DFD-1", "update"), ("DFD-3", "skip"), ("DFD-3", "skip")]
