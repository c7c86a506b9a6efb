"""Rows as an Excel user handles them: Del on whole rows deletes them (asking when others refer to
them), a pasted header row is skipped, typing in the blank line at the bottom adds a record, and new
records start with sensible dates."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView

PROJECTS, RISKS = REGISTERS["projects"], REGISTERS["risks"]


def rows(document, reg, parent_id=None):
    with document.store.session() as s:
        return [dict(zip(["id", "version", *reg.field_names], r))
                for r in records.fetch_rows(s, reg, document.context, parent_id=parent_id)]


def make_view(qtbot, document, reg, parent_id=None):
    v = RegisterView(document, reg, parent_id=parent_id)
    qtbot.addWidget(v)
    v.resize(1280, 600)
    with qtbot.waitActive(v):
        v.show()
        v.activateWindow()
    v.table.setFocus()
    return v


@pytest.fixture
def projects(qtbot, document):
    with document.store.transaction() as s:
        for name in ("Tills", "Stock", "Loyalty"):
            records.create_record(s, PROJECTS, {"name": name}, document.context)
    return make_view(qtbot, document, PROJECTS)


def type_keys(qtbot, widget, text):
    """The first key opens the cell's editor (as in Excel); the rest go where the focus then is."""
    qtbot.keyClick(widget, text[0])
    if text[1:]:
        qtbot.keyClicks(QApplication.focusWidget(), text[1:])


def select_rows(view, *proxy_rows):
    view.table.setCurrentIndex(view.proxy.index(proxy_rows[0], 1))
    selection = view.table.selectionModel()
    selection.clearSelection()
    for r in proxy_rows:
        selection.select(view.proxy.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


# ---------------------------------------------------------------------------------- Del
def test_del_on_whole_rows_deletes_them_and_undo_brings_them_back(qtbot, projects, document):
    select_rows(projects, 0, 2)
    qtbot.keyClick(projects.table, Qt.Key.Key_Delete)
    assert [p["name"] for p in rows(document, PROJECTS)] == ["Stock"]
    assert document.undo_stack.undoText() == "Delete 2 rows"
    document.undo_stack.undo()
    assert [p["name"] for p in rows(document, PROJECTS)] == ["Tills", "Stock", "Loyalty"]


def test_del_on_cells_still_clears_them(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("manager")))
    with document.store.transaction() as s:
        records.update_record(s, PROJECTS, rows(document, PROJECTS)[0]["id"], {"manager": "Ann"}, document.context)
    document.notify("projects", None)
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("manager")))
    qtbot.keyClick(projects.table, Qt.Key.Key_Delete)
    assert len(rows(document, PROJECTS)) == 3 and rows(document, PROJECTS)[0]["manager"] is None


def test_deleting_a_project_that_risks_refer_to_asks_first(qtbot, projects, document):
    with document.store.transaction() as s:
        for title in ("Supplier late", "Scanner fault"):
            records.create_record(s, RISKS, {"title": title, "project": "Tills"}, document.context)
    select_rows(projects, 0)
    qtbot.keyClick(projects.table, Qt.Key.Key_Delete)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirm-delete" and w.isVisible())
    assert "2 records of the risk register refer to it" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(rows(document, PROJECTS)) == 3 and document.undo_stack.count() == 0

    box = projects.delete_rows()
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Delete 1 row"), Qt.MouseButton.LeftButton)
    assert [p["name"] for p in rows(document, PROJECTS)] == ["Stock", "Loyalty"]
    assert [r["project"] for r in rows(document, RISKS)] == [None, None]
    document.undo_stack.undo()
    assert [r["project"] for r in rows(document, RISKS)] == ["Tills", "Tills"]


# ---------------------------------------------------------------------------------- paste
def test_a_pasted_header_row_is_skipped(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("name")))
    assert projects.paste_text("Project\tManager\r\nTills 2\tAnn\r\n")
    got = rows(document, PROJECTS)
    assert [(p["name"], p["manager"]) for p in got] == [("Tills 2", "Ann"), ("Stock", None), ("Loyalty", None)]


def test_a_pasted_header_in_another_order_puts_values_under_their_columns(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(1, PROJECTS.field_names.index("name")))
    assert projects.paste_text("Manager\tProject\r\nBea\tStock 2\r\nCai\tNew one\r\n")
    got = [(p["name"], p["manager"]) for p in rows(document, PROJECTS)]
    assert got == [("Tills", None), ("Stock 2", "Bea"), ("New one", "Cai")]


def test_a_first_row_that_is_data_is_pasted_as_data(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("name")))
    assert projects.paste_text("Tills\tAnn\r\n")
    assert rows(document, PROJECTS)[0]["manager"] == "Ann"


# ---------------------------------------------------------------------------------- new-row line
def test_typing_in_the_new_row_line_adds_a_record(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(2, PROJECTS.field_names.index("name")))
    qtbot.keyClick(projects.table, Qt.Key.Key_Down)  # below the last row: the new-row line
    line = projects.new_line
    assert line.hasFocus() and line.currentIndex().column() == PROJECTS.field_names.index("name")
    type_keys(qtbot, line, "Click and collect")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(rows(document, PROJECTS)) == 4)
    assert rows(document, PROJECTS)[3]["name"] == "Click and collect"
    # Enter: the record added is the current one, and the keyboard stays in the ✱ line for the next
    qtbot.waitUntil(line.hasFocus)
    assert projects.current_record_id() == rows(document, PROJECTS)[3]["id"]
    assert line.currentIndex().column() == PROJECTS.field_names.index("name")
    assert projects.new_row_model.pending == {}
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert len(rows(document, PROJECTS)) == 3


def test_tabbing_into_the_new_row_of_an_empty_register_types_into_its_first_column(qtbot, document):
    """An empty register: Tab from the table to the ✱ line, then typing, adds the record — the line's
    current cell is never the read-only ID, where the typing would vanish without a word."""
    view = make_view(qtbot, document, PROJECTS)
    line = view.new_line
    line.setCurrentIndex(view.new_row_model.index(0, PROJECTS.field_names.index("code")))  # where a click can leave it
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert line.hasFocus()
    assert line.currentIndex().column() == PROJECTS.field_names.index("name")
    type_keys(qtbot, line, "Store refit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(rows(document, PROJECTS)) == 1)
    assert rows(document, PROJECTS)[0]["name"] == "Store refit"


def test_the_new_row_waits_for_required_columns(qtbot, document):
    view = make_view(qtbot, document, RISKS)
    assert view.model.rowCount() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # an empty table: straight to the new-row line
    line = view.new_line
    assert line.hasFocus()
    line.setCurrentIndex(view.new_row_model.index(0, RISKS.field_names.index("proximity")))
    type_keys(qtbot, line, "31/12/2027")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: line.state() != line.State.EditingState)
    assert rows(document, RISKS) == []  # a risk needs its title
    assert view.new_row_model.index(0, RISKS.field_names.index("title")).data() == "Title needed"
    line.setCurrentIndex(view.new_row_model.index(0, RISKS.field_names.index("title")))
    type_keys(qtbot, line, "Supplier late")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(rows(document, RISKS)) == 1)
    risk = rows(document, RISKS)[0]
    assert (risk["title"], risk["proximity"], risk["raised_on"]) == ("Supplier late", date(2027, 12, 31), date.today())


def test_a_bad_value_in_the_new_row_line_is_refused(qtbot, projects, document):
    messages = []
    document.error.connect(messages.append)
    projects.focus_new_line(PROJECTS.field_names.index("budget"))
    type_keys(qtbot, projects.new_line, "lots")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert messages and "not a number" in messages[0]
    # The editor stays open with what was typed, the reason beside it (walkthrough 10), until corrected or Esc.
    assert projects.new_line.state() == projects.new_line.State.EditingState
    assert QApplication.focusWidget().text() == "lots"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert projects.new_row_model.pending == {} and len(rows(document, PROJECTS)) == 3


def test_up_from_the_new_row_line_goes_back_to_the_last_row(qtbot, projects):
    projects.focus_new_line(2)
    qtbot.keyClick(projects.new_line, Qt.Key.Key_Up)
    assert projects.table.hasFocus() and projects.table.currentIndex().row() == 2


# ---------------------------------------------------------------------------------- defaults
def test_a_new_risk_is_raised_today(qtbot, document):
    view = make_view(qtbot, document, RISKS)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    type_keys(qtbot, view.table, "Supplier late")  # the add put us on the title: typing edits it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert rows(document, RISKS)[0]["raised_on"] == date.today()


@pytest.fixture
def benefit(document):
    with document.store.transaction() as s:
        bid = records.create_record(s, REGISTERS["benefits"], {"title": "Fewer returns"}, document.context).id
    return bid


def test_a_future_measurement_is_only_kept_when_confirmed(qtbot, document, benefit):
    view = make_view(qtbot, document, REGISTERS["benefit_measurements"], parent_id=benefit)
    future = date.today() + timedelta(days=30)
    view.focus_new_line(0)
    type_keys(qtbot, view.new_line, future.isoformat())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.new_line.state() != view.new_line.State.EditingState)
    qtbot.keyClick(view.new_line, Qt.Key.Key_Right)
    type_keys(qtbot, view.new_line, "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(view, "confirmation", None) is not None)
    box = view.confirmation
    assert "is in the future" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert rows(document, REGISTERS["benefit_measurements"], benefit) == []

    view.confirmation = None
    assert view.new_row_model.pending == {"on": future, "value": 12.0}  # kept to correct or confirm
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.new_line.setFocus()
    view.new_line.setCurrentIndex(view.new_row_model.index(0, 1))
    type_keys(qtbot, view.new_line, "13")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(view, "confirmation", None) is not None)
    qtbot.mouseClick(view.confirmation.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [(m["on"], m["value"]) for m in rows(document, REGISTERS["benefit_measurements"], benefit)] == [(future, 13.0)]


def test_editing_a_measurement_to_a_future_date_asks(qtbot, document, benefit):
    with document.store.transaction() as s:
        records.create_record(s, REGISTERS["benefit_measurements"], {"on": date.today(), "value": 1}, document.context,
                              benefit)
    view = make_view(qtbot, document, REGISTERS["benefit_measurements"], parent_id=benefit)
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    type_keys(qtbot, view.table, "tomorrow")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(view.model, "confirmation", None) is not None)
    assert rows(document, REGISTERS["benefit_measurements"], benefit)[0]["on"] == date.today()
    qtbot.mouseClick(view.model.confirmation.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert rows(document, REGISTERS["benefit_measurements"], benefit)[0]["on"] == date.today() + timedelta(days=1)


def test_measurement_default_date_is_never_in_the_future(qtbot, document):
    from pmo_desktop.views.benefits.profile import BenefitProfile

    today = date(2026, 6, 15)
    profile = BenefitProfile(document, today=lambda: today)
    qtbot.addWidget(profile)
    profile.record = {"window_start": date(2026, 9, 1), "window_end": date(2027, 9, 1)}
    assert profile._next_measurement_date() is None  # the window has not opened: type the date
    profile.record = {"window_start": date(2026, 1, 1), "window_end": date(2026, 12, 31)}
    assert profile._next_measurement_date() == today
    profile.record = {"window_start": date(2025, 1, 1), "window_end": date(2025, 12, 31)}
    assert profile._next_measurement_date() == date(2025, 12, 31)


def test_keys_in_the_new_row_line_act_on_the_new_row_only(qtbot, projects, document):
    select_rows(projects, 0)
    projects.focus_new_line(PROJECTS.field_names.index("budget"))
    type_keys(qtbot, projects.new_line, "250")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: projects.new_line.state() != projects.new_line.State.EditingState)
    assert projects.new_row_model.pending == {"budget": 250.0}
    qtbot.keyClick(projects.new_line, Qt.Key.Key_Delete)  # clears the typed value, not the selected row
    assert projects.new_row_model.pending == {} and len(rows(document, PROJECTS)) == 3

    projects.new_line.setCurrentIndex(projects.new_row_model.index(0, PROJECTS.field_names.index("name")))
    QGuiApplication.clipboard().setText("Click and collect\tBea\r\nSelf checkout\tCai\r\n")
    qtbot.keyClick(projects.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    got = [(p["name"], p["manager"]) for p in rows(document, PROJECTS)]
    assert got[:3] == [("Tills", None), ("Stock", None), ("Loyalty", None)]  # the rows above are untouched
    assert got[3:] == [("Click and collect", "Bea"), ("Self checkout", "Cai")]


def test_select_all_then_del_asks_before_deleting_every_row(qtbot, projects, document):
    projects.table.setCurrentIndex(projects.proxy.index(0, 1))
    qtbot.keyClick(projects.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(projects.table, Qt.Key.Key_Delete)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirm-delete" and w.isVisible())
    assert "every row" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(rows(document, PROJECTS)) == 3


# ---------------------------------------------------------------------------------- unique names
def test_typing_a_name_another_project_has_is_refused_in_plain_words(qtbot, projects, document):
    said: list[str] = []
    document.error.connect(said.append)
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("name")))
    type_keys(qtbot, projects.table, "Stock")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(said))
    assert "already a project named “Stock”" in said[-1]
    assert "UNIQUE" not in said[-1] and "constraint" not in said[-1]
    assert [p["name"] for p in rows(document, PROJECTS)] == ["Tills", "Stock", "Loyalty"]


# ---------------------------------------------------------------------------------- Enter after typing
def test_typing_down_a_column_with_enter_fills_one_row_after_another_as_in_excel(qtbot, projects, document):
    """Type, Enter, type, Enter: each value goes into the next row down; none overwrites the one before."""
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("name")))
    for name in ("Tills 2", "Stock 2"):
        type_keys(qtbot, projects.table, name)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: projects.table.state() != projects.table.State.EditingState)
    assert [p["name"] for p in rows(document, PROJECTS)] == ["Tills 2", "Stock 2", "Loyalty"]
    assert projects.table.currentIndex().row() == 2
    # A choice picked with Enter moves down too; on the last row Enter goes on to the ✱ line, in the
    # same column, as Excel goes on to the empty row below (a second value typed there is a new row).
    status = PROJECTS.field_names.index("status")
    projects.table.setCurrentIndex(projects.proxy.index(1, status))
    qtbot.keyClick(projects.table, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: projects.table.state() != projects.table.State.EditingState)
    assert projects.table.currentIndex().row() == 2
    qtbot.keyClick(projects.table, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: projects.in_new_line())
    assert projects.new_line.currentIndex().column() == status
    # Escape leaves the cell as it was and where it was.
    projects.table.setFocus()
    projects.table.setCurrentIndex(projects.proxy.index(0, PROJECTS.field_names.index("name")))
    type_keys(qtbot, projects.table, "Nothing")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert projects.table.currentIndex().row() == 0
    assert rows(document, PROJECTS)[0]["name"] == "Tills 2"


# ---------------------------------------------------------------------------------- search
def test_escape_in_the_search_box_goes_back_to_the_table_and_a_second_clears_the_search(qtbot, projects):
    qtbot.keyClick(projects.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is projects.search
    qtbot.keyClicks(projects.search, "stock")
    qtbot.waitUntil(lambda: projects.proxy.rowCount() == 1)
    qtbot.keyClick(projects.search, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is projects.table and projects.search.text() == "stock"
    qtbot.keyClick(projects.table, Qt.Key.Key_Escape)
    assert projects.search.text() == ""
    qtbot.waitUntil(lambda: projects.proxy.rowCount() == 3)
    assert QApplication.focusWidget() is projects.table
