"""Walkthrough 45: what walks 43 and 44 left a newcomer — an overview headed by the office's file name, an empty
Residual heat map with no word of why, a list cell refusing a prefix its single neighbour takes, and the demo's
Benefits and Decisions tabs at 1280×720. By real key presses on the real window."""

from __future__ import annotations

import pytest
from focused_keys import press, tab_named, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row, people_typed

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize(("office", "heading"), [("empty_window", "Program"),
                                                 ("demo_window", "Retail Transformation Programme")])
def test_the_overview_of_a_program_not_named_yet_is_headed_program(office, heading, request, qtbot):
    """A new office's overview was headed "office", its file's name, while its board pack was titled "Program" (walk
    44): the two now agree, by one rule (``Program.own_name``); a named program's overview is headed by its name."""
    window = request.getfixturevalue(office)
    press(qtbot, Qt.Key.Key_1, CTRL)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.facts.text() != "")
    assert page.title.text() == heading


def two_risks_with_no_residual_score(qtbot, window):
    """Ann Lee and two risks typed along the register's rows with their probability and impact, none with a
    residual score; the heat map's tab shown, the chart holding the keyboard. Returns the heat map."""
    people_typed(qtbot, window, "Ann Lee")
    press(qtbot, Qt.Key.Key_4, CTRL)
    # Title, Threat / opportunity, Category, Level, Project, Projects affected, Owner, Raised, Proximity, P, I
    along_the_row(qtbot, ["Crane delivery slips", "t", "sup", "prog", "", "", "Ann Lee", "", "", "4", "3"])
    along_the_row(qtbot, ["Tills fail at launch", "t", "tech", "prog", "", "", "Ann Lee", "", "", "2", "5"])
    heat = tab_named(qtbot, window, Qt.Key.Key_4, "Heat map").heat_map
    qtbot.waitUntil(heat.plot.hasFocus)
    return heat


def test_the_residual_heat_map_says_how_many_risks_have_no_residual_score_and_how_to_give_one(empty_window, qtbot):
    """Two risks typed with their probability and impact, none with a residual score: the Residual map was empty
    under "0 risks scored", read as no risks at all. It now counts the risks it leaves out and, empty, says in its
    middle how to place them; the Inherent map counts them as ever."""
    heat = two_risks_with_no_residual_score(qtbot, empty_window)
    assert heat.total_label.text() == "2 risks scored"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is heat.mode
    press(qtbot, Qt.Key.Key_Down)  # Residual
    assert heat.residual and not heat.cells
    assert heat.total_label.text() == "0 risks scored · 2 with no residual score yet", heat.total_label.text()
    assert "Residual probability and Residual impact" in heat.total_label.toolTip()
    # The map empty, in its middle: how many, and how to place them.
    assert heat.unscored_item is not None and heat.unscored_item in heat.plot.getPlotItem().items
    said = heat.unscored_item.textItem.toPlainText()
    assert "2 open risks have no residual score yet." in said and "Register tab" in said, said


def test_a_list_cell_takes_the_start_of_a_name_as_the_single_cell_does(empty_window, qtbot):
    """A benefit's Enabling projects typed "Store": "there is no project called “Store”. Did you mean “Store
    rollout”?", while a risk's Project cell took "Store" for Store rollout. A list cell now takes a name typed that
    begins one of its list's, each of several so; letters that begin two names are still refused with them."""
    window = empty_window
    people_typed(qtbot, window, "Bo Chan")
    press(qtbot, Qt.Key.Key_2, CTRL)
    projects = window.active_register_view()
    for name in ("Store rollout", "Till upgrade", "Tile refit"):
        type_as_a_person(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
    assert projects.proxy.rowCount() == 3
    press(qtbot, Qt.Key.Key_5, CTRL)
    view = window.active_register_view()
    # Benefit, Category, Benefit owner, Beneficiary, Strategic objectives, Enabling projects
    along_the_row(qtbot, ["Faster checkout", "non", "Bo Chan", "Customers", "", "Store; till u"])
    qtbot.waitUntil(lambda: view.new_line.hasFocus())
    assert view.model.record(0)["projects"] == "Store rollout; Till upgrade"
    qtbot.waitUntil(lambda: "“Store” is Store rollout" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == ("“Store” is Store rollout; “till u” is Till upgrade, the one project "
                                                   "each begins.")
    # "Ti" begins Till upgrade and Tile refit: refused, both offered.
    along_the_row(qtbot, ["Fewer queues", "non", "Bo Chan", "", "", "Ti"], last=Qt.Key.Key_Tab)
    said = window.statusBar().currentMessage()
    assert said.startswith("Enabling projects left empty: there is no project called “Ti”.") and "Tile refit" in said, said


def rows_in_view(table) -> int:
    return sum(1 for r in range(table.model().rowCount())
               if table.rowViewportPosition(r) + table.rowHeight(r) <= table.viewport().height())


def test_the_demos_benefits_all_show_at_1280x720_over_a_pane_that_says_what_to_do(demo_window, qtbot):
    """The Benefits tab at 1280×720 showed four of the demo's six benefits; under them, half the page, a pane headed
    "No benefit selected" over an empty table of measurements. The table now has the room its rows need while the
    profile and chart keep their least, and the pane says how to fill it."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    table = page.register_view.table
    qtbot.waitUntil(lambda: page.live_benefits.sizes()[1] > 0)
    assert table.model().rowCount() == 6
    assert rows_in_view(table) == 6, page.live_benefits.sizes()
    assert page.below.height() >= page.below.minimumSizeHint().height()
    assert page.profile.heading.text() == "B-001  Reduced stock-outs"  # the keyboard's benefit
    page.show_benefit(None)  # as the page is first seen by a mouse, no benefit current
    assert page.profile.heading.text() == "Select a benefit in the table to see its profile"


def test_the_demos_decisions_show_their_status_dates_and_rationale_at_1280x720(demo_window, qtbot):
    """The Decisions tab at 1280×720 showed a decision's options, level and project; its Status and Rationale were
    off to the right. Shown next to the decision now, who decided first (a decision taken names its decider, so the
    row is typed in that order), the Rationale ending at the table's edge; the register's own order is kept for its
    workbook, and Reset columns comes back to the page's."""
    from pmo_desktop.views.register_table.read_first import LEAST_CHARS

    window = demo_window
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    table, model = view.table, view.model
    room = table.viewport().width()
    qtbot.waitUntil(lambda: table.columnViewportPosition(model.column_of("rationale"))
                    + table.columnWidth(model.column_of("rationale")) <= room)
    for name in ("title", "decided_by", "status", "due", "decided_on", "rationale"):
        column = model.column_of(name)
        assert 0 <= table.columnViewportPosition(column) and \
            table.columnViewportPosition(column) + table.columnWidth(column) <= room, name
    rationale = model.column_of("rationale")

    def at_the_edge() -> bool:
        return table.horizontalHeader().sectionPosition(rationale) + table.columnWidth(rationale) == \
            table.viewport().width()

    qtbot.waitUntil(at_the_edge)
    narrowed = table.columnWidth(rationale)
    assert narrowed >= LEAST_CHARS * table.fontMetrics().averageCharWidth()
    window.resize(1920, 1080)  # room again: the Rationale at its own width, not left at the narrow one
    qtbot.waitUntil(lambda: table.columnWidth(rationale) > narrowed)
    window.resize(1280, 720)
    qtbot.waitUntil(at_the_edge)
    # Typed along the row as it is read: the decision, who took it, Decided — decided today.
    view.focus_new_line(model.column_of("title"))
    along_the_row(qtbot, ["One till vendor", "Priya Shah", "dec"])
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    typed = next(model.record(r) for r in range(6) if model.record(r)["title"] == "One till vendor")
    assert (typed["decided_by"], typed["status"]) == ("Priya Shah", "Decided") and typed["decided_on"] is not None
    view.reset_columns()
    header = table.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(2, 4)] == [model.column_of("decided_by"), model.column_of("status")]
    assert [f.name for f in view.register.fields[:4]] == ["code", "title", "options", "level"]  # its workbook's order


def test_del_on_a_records_id_says_why_nothing_is_cleared_and_how_to_delete_the_record(demo_window, qtbot):
    """Del on a risk's ID, as a newcomer deletes a row: nothing happened and nothing was said. The ID is given by the
    office and cannot be cleared: said beside the cell and in the status bar, with the keys that delete the record
    — Shift+Space selects its row, which Del then deletes."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(view.table.hasFocus)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Home)
    assert view.table.currentIndex().column() == view.model.column_of("code")
    press(qtbot, Qt.Key.Key_Delete)
    said = window.statusBar().currentMessage()
    assert said.startswith("ID: The record's ID, given automatically"), said
    notes = [n for n in view.findChildren(RefusalNote) if n.isVisible()]
    assert notes and "Shift+Space" in notes[0].text(), [n.text() for n in notes]
    press(qtbot, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.whole_rows_selected()


def test_the_weeks_communications_say_what_is_due_beside_the_plan_at_1280x720_and_whole_at_1920x1080(demo_window,
                                                                                                     qtbot):
    """The Communication plan's "Due this week" beside the plan at 1280×720 read "Weekly p…", "Monthly …": who it is
    with and its owner kept 14 characters each, and an empty last column its share. What is due now keeps twenty
    characters at least, the others giving way; at 1920×1080, with room to spare, who and owner were still cut to
    14 ("Store mana…") beside a half-empty column of what is due — now whole."""
    from pmo_desktop.views.stakeholders.comms import WHAT_LEAST

    window = demo_window
    page = tab_named(qtbot, window, Qt.Key.Key_3, "Communication plan")
    due = page.comms.due_list
    char = due.fontMetrics().averageCharWidth()
    qtbot.waitUntil(lambda: due.columnWidth(1) >= WHAT_LEAST * char)
    assert sum(due.columnWidth(c) for c in range(5)) <= due.viewport().width()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: due.columnWidth(2) >= due.sizeHintForColumn(2))
    assert due.columnWidth(3) >= due.sizeHintForColumn(3)
    assert due.columnWidth(1) >= due.sizeHintForColumn(1)


def test_enter_closes_an_import_that_has_nothing_to_import(demo_window, qtbot, tmp_path):
    """The office's own export imported into it again: "Nothing to import: all … rows are skipped", Import greyed
    out — and still the default button, so Enter did nothing; Esc, or Tabs to Cancel, was the way out. With nothing
    to import the button reads Close and Enter presses it, nothing written; a workbook with rows to import still
    imports on Enter (tests/test_newcomer_keyboard.py)."""
    from pmo_desktop.views.exchange.actions import export_registers, open_import_dialog

    window = demo_window
    book = tmp_path / "office.xlsx"
    assert export_registers(window, window.document, str(book))
    undo = window.document.undo_stack.count()
    dialog = open_import_dialog(window, window.document, str(book))
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.waitUntil(lambda: "Nothing to import" in dialog.summary.text(), timeout=20000)
    assert not dialog.import_button.isEnabled() and dialog.cancel_button.text() == "Close"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.document.undo_stack.count() == undo


def test_the_decisions_page_order_and_fit_outlive_the_session(demo_window, qtbot):
    """The page's order, kept as the columns' layout with the Rationale narrowed at 1280×720, is the page's again in
    the next session, not taken for the user's own: the office opened again on a 1920-pixel window shows the
    Rationale at its own width, not the narrow one kept."""
    window = demo_window
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    rationale = view.model.column_of("rationale")
    qtbot.waitUntil(lambda: view.table.horizontalHeader().sectionPosition(rationale)
                    + view.table.columnWidth(rationale) == view.table.viewport().width())
    narrowed = view.table.columnWidth(rationale)
    view._save_layout()  # as a column's width given by hand, or the window closing, keeps it
    path = window.document.store.path
    assert window.open_path(str(path))
    window.resize(1920, 1080)
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    header = view.table.horizontalHeader()
    assert header.logicalIndex(header.visualIndex(view.model.column_of("title")) + 1) == view.model.column_of("decided_by")
    qtbot.waitUntil(lambda: view.table.columnWidth(rationale) > narrowed)
