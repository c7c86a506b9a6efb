"""The Stakeholders page as a PMO user works it, checked against the file after every step."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from stakeholder_helpers import COMMUNICATIONS, STAKEHOLDERS, TODAY, all_rows, make_page, reopened

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.stakeholder_rules import KEEP_SATISFIED, next_due


def _type_into_current_cell(qtbot, table, text: str) -> None:
    """F2 opens the cell editor; all of it selected; type; Enter commits — the keyboard path of a spreadsheet
    user (F2 leaves the caret at the end, as Excel's, so the text typed replaces what is selected)."""
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table, "the cell editor did not open"
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits on the next event loop turn


def _set_through_proxy(page, record_id: int, field: str, value) -> bool:
    view = page.register_view
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(record_id), view.model.column_of(field))).row()
    return view.proxy.setData(view.proxy.index(row, view.model.column_of(field)), value, Qt.ItemDataRole.EditRole)


def test_add_place_engage_and_schedule_a_stakeholder(qtbot, store):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
    page = make_page(qtbot, store)
    view, table = page.register_view, page.register_view.table

    # 1. Add a stakeholder with the keyboard: Insert adds a row and puts the cursor on its name.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    rid = view.current_record_id()
    assert rid is not None and table.currentIndex().column() == view.model.column_of("name")
    _type_into_current_cell(qtbot, table, "Priya Shah")
    rec = reopened(store, STAKEHOLDERS, rid)
    assert rec["name"] == "Priya Shah" and rec["code"] == "S-001"
    assert rec["power"] is None and rec["quadrant"] == ""
    assert rid not in page.grid.positions and page.grid.not_rated_list.shown_ids() == [rid]  # in the list beside

    # 2. Place them on the grid with the keyboard from that list (Ctrl+Up: power 4 from the middle), then on the
    #    grid (Ctrl+Left: interest 2): high power, low interest.
    names = page.grid.not_rated_list.names
    names.setFocus()
    qtbot.keyClick(names, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.positions[rid] and QApplication.focusWidget() is page.grid.plot
    qtbot.keyClick(page.grid.plot, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    rec = reopened(store, STAKEHOLDERS, rid)
    assert (rec["power"], rec["interest"], rec["quadrant"]) == (4, 2, KEEP_SATISFIED)

    # 3. Current and desired engagement through the table's delegate path (setData on the proxy).
    assert _set_through_proxy(page, rid, "current_engagement", "Resistant")
    assert _set_through_proxy(page, rid, "desired_engagement", "supportive")   # typed loosely: still a level
    rec = reopened(store, STAKEHOLDERS, rid)
    assert (rec["current_engagement"], rec["desired_engagement"], rec["engagement_gap"]) == ("Resistant", "Supportive", 2)
    row = next(r for r in page.matrix.model.rows if r.id == rid)     # the matrix followed
    assert (row.mark(1), row.mark(3), row.gap) == ("C", "D", 2)

    # 4. Schedule a monthly review for the selected stakeholder.
    view.select_record(rid)
    page.tabs.setCurrentWidget(page.comms)
    page.comms.schedule_button.click()
    dialog = page.comms.schedule_dialog
    assert dialog.isVisible() and dialog.frequency.currentText() == "Monthly"
    dialog.channel.setCurrentText("1:1")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    comms = all_rows(store, COMMUNICATIONS)
    assert [(c["message"], c["stakeholder"], c["frequency"], c["channel"]) for c in comms] == [
        ("Monthly review with Priya Shah", "Priya Shah", "Monthly", "1:1")]
    assert page.comms.view.current_record_id() == comms[0]["id"]
    # Never held yet: due now, so it is on this week's list.
    assert [i.message for i in page.comms.due_items] == ["Monthly review with Priya Shah"]
    assert page.errors == []

    # Every step was one undo step; undoing them all leaves an empty register.
    for _ in range(page.document.undo_stack.count()):
        page.document.undo_stack.undo()
    assert all_rows(store, STAKEHOLDERS) == [] and all_rows(store, COMMUNICATIONS) == []


def test_mark_held_today_sets_last_held_and_moves_next_due(qtbot, store):
    with store.transaction() as s:
        records.create_record(s, STAKEHOLDERS, {"name": "Raj"})
        cid = records.create_record(s, COMMUNICATIONS, {"message": "Benefits check-in", "stakeholder": "Raj",
                                                        "frequency": "Monthly", "last_held": date(2025, 12, 20)}).id
    page = make_page(qtbot, store)   # today is 31 January 2026
    assert [(i.message, i.overdue) for i in page.comms.due_items] == [("Benefits check-in", True)]
    page.comms.view.select_record(cid)
    page.comms.held_button.click()
    assert reopened(store, COMMUNICATIONS, cid)["last_held"] == TODAY
    assert next_due("Monthly", TODAY) == date(2026, 2, 28)
    assert page.comms.due_items == []                                 # done for this week
    page.comms.show_week(4)                                           # the week of 28 February
    assert [i.due for i in page.comms.due_items] == [date(2026, 2, 28)]
    page.document.undo_stack.undo()
    assert reopened(store, COMMUNICATIONS, cid)["last_held"] == date(2025, 12, 20)


def test_scheduling_without_a_selected_stakeholder_says_what_to_do(qtbot, store):
    page = make_page(qtbot, store)
    page.comms.schedule_button.click()
    assert page.comms.schedule_dialog is None
    assert page.errors == ["Select a stakeholder in the stakeholder table first, then schedule."]
    assert all_rows(store, COMMUNICATIONS) == []


def test_detail_editor_saves_concerns_and_notes_undoably(qtbot, store):
    with store.transaction() as s:
        a = records.create_record(s, STAKEHOLDERS, {"name": "Ann", "concerns": "Cost"}).id
        b = records.create_record(s, STAKEHOLDERS, {"name": "Bob"}).id
    page = make_page(qtbot, store)
    page.register_view.select_record(a)
    detail = page.detail
    assert detail.heading.text() == "S-001  Ann" and detail.editors["concerns"].toPlainText() == "Cost"
    detail.editors["concerns"].setPlainText("Cost\nStore disruption at Christmas")
    detail.editors["notes"].setPlainText("Prefers one-page briefs")
    page.register_view.select_record(b)          # moving on saves what was typed, as one step
    rec = reopened(store, STAKEHOLDERS, a)
    assert rec["concerns"] == "Cost\nStore disruption at Christmas" and rec["notes"] == "Prefers one-page briefs"
    assert detail.heading.text() == "S-002  Bob" and detail.editors["concerns"].toPlainText() == ""
    assert page.document.undo_stack.count() == 1
    page.document.undo_stack.undo()
    assert reopened(store, STAKEHOLDERS, a)["concerns"] == "Cost"
    # Focus leaving the editor also saves.
    detail.editors["notes"].setFocus()
    detail.editors["notes"].setPlainText("Met on Tuesday")
    page.register_view.table.setFocus()
    qtbot.waitUntil(lambda: reopened(store, STAKEHOLDERS, b)["notes"] == "Met on Tuesday", timeout=2000)


def test_select_record_navigates_to_stakeholders_and_communications(qtbot, store):
    with store.transaction() as s:
        records.create_record(s, STAKEHOLDERS, {"name": "Ann"})
        sid = records.create_record(s, STAKEHOLDERS, {"name": "Bob"}).id
        cid = records.create_record(s, COMMUNICATIONS, {"message": "Update", "stakeholder": "Bob"}).id
    page = make_page(qtbot, store)
    assert page.select_record("stakeholders", sid) and page.register_view.current_record_id() == sid
    assert page.grid.selected == sid
    assert page.select_record("communications", cid)
    assert page.tabs.currentWidget() is page.comms and page.comms.view.current_record_id() == cid
    assert not page.select_record("risks", 1)




def test_matrix_highlights_the_gap_and_comms_show_overdue_in_red(qtbot, store):
    with store.transaction() as s:
        sid = records.create_record(s, STAKEHOLDERS, {"name": "Una", "current_engagement": "Resistant",
                                                      "desired_engagement": "Supportive"}).id
        records.create_record(s, COMMUNICATIONS, {"message": "Late one", "stakeholder": "Una", "frequency": "Weekly",
                                                  "last_held": date(2000, 1, 3)})
    page = make_page(qtbot, store)
    model = page.matrix.model
    background = [model.index(0, col).data(Qt.ItemDataRole.BackgroundRole) for col in range(model.columnCount())]
    marks = [model.index(0, col).data() for col in range(model.columnCount())]
    assert marks == ["Una", "", "C", "", "D", "", "+2"]
    assert background[1] is None and background[5] is None           # outside the gap: plain
    assert all(b is not None for b in background[2:5])               # C, the level between, D: highlighted
    assert len({b.color().name() for b in background[2:5]}) == 3      # each its own colour
    # Once they are where they should be, the row reads "C D" with no gap highlight.
    assert _set_through_proxy(page, sid, "current_engagement", "Supportive")
    marks = [model.index(0, col).data() for col in range(model.columnCount())]
    assert marks == ["Una", "", "", "", "C D", "", "0"]
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None

    comms = page.comms.view
    overdue = comms.proxy.index(0, comms.model.column_of("overdue"))
    assert overdue.data() == "Yes"
    assert overdue.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#c62828"


def test_a_communications_notes_are_its_last_column_and_edit_in_the_table_undoably(qtbot, store):
    with store.transaction() as s:
        cid = records.create_record(s, COMMUNICATIONS, {"message": "Town hall", "audience": "All staff",
                                                        "notes": "Purpose: the year ahead"}).id
    page = make_page(qtbot, store)
    page.tabs.setCurrentWidget(page.comms)
    view = page.comms.view
    header = view.table.horizontalHeader()
    notes = view.model.column_of("notes")
    assert header.logicalIndex(header.count() - 1) == notes  # after every column of the plan itself
    assert header.model().headerData(notes, Qt.Orientation.Horizontal) == "Notes"
    assert view.proxy.index(0, notes).data() == "Purpose: the year ahead"
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, notes))
    _type_into_current_cell(qtbot, view.table, "Key dates: 1 March")
    assert reopened(store, COMMUNICATIONS, cid)["notes"] == "Key dates: 1 March"
    page.document.undo_stack.undo()
    assert reopened(store, COMMUNICATIONS, cid)["notes"] == "Purpose: the year ahead"
