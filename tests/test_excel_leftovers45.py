"""Issue 12's known leftovers of rounds 43–44, each decided as a rule for its class (docs/import-rounds.md,
"Known leftovers of rounds 43–44 (left45)"): each test writes a workbook of that shape and checks what a user
gets."""

from __future__ import annotations

import json

from cli_runner import run_cli
from imported import by_code, import_all
from PySide6.QtCore import Qt
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def test_a_level_or_choice_read_from_part_of_its_cell_keeps_the_whole_cell(sqlite_store, tmp_path):
    """ "High-ish", "Medium (tbc)", "Low – watch": each is read as the level of its first word, and the rest of
    the cell ("-ish", "tbc", "watch") is the sheet's own doubt, which the level cannot hold. It was dropped
    without a word; the whole cell is now kept in the notes under its column's header, and the preview says
    once of the sheet which cells were read by a part of them."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Probability", "Impact (1-5)", "Status"],
        ["R1", "Vendor late", "Ann", "High-ish", "Medium (tbc)", "Open"],
        ["R2", "Server down", "Bob", "Low – watch", "High", "Closed (tbc)"],
        ["R3", "Budget cut", "Cy", "Medium", "Low", "Closed"]]})
    plan = import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert [(risks[c]["probability"], risks[c]["impact"], risks[c]["status"]) for c in ("R1", "R2", "R3")] == [
        (4, 3, "Open"), (2, 4, "Closed"), (3, 2, "Closed")]
    assert risks["R1"]["notes"].splitlines() == ["Probability: High-ish", "Impact (1-5): Medium (tbc)"]
    assert risks["R2"]["notes"].splitlines() == ["Probability: Low – watch", "Status: Closed (tbc)"]
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
