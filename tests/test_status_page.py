"""The reporting cycle in the GUI, driven by real key presses: a new status report carried forward and
rated with the coloured drop-downs (typing R picks Red), undone in one step; the dashboard's tiles open
the register filtered to what they count, by keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.status_rollup import current_period
from pmo_desktop.models.values import period_text
from pmo_desktop.views.status.rag_combo import RagCombo
from pmo_desktop.views.status.report_form import PERIOD_ROLE

SR = REGISTERS["status_reports"]
NEW_REPORT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier  # with P


@pytest.fixture
def demo_window(qtbot, main_window, tmp_path):
    create_demo(tmp_path / "demo.pmo").close()
    assert main_window.open_path(str(tmp_path / "demo.pmo"))
    return main_window


def stored_reports(window, project):
    with window.document.store.session() as s:
        return {r["period"]: r for r in (dict(zip(["id", "version", *SR.field_names], row))
                                         for row in records.fetch_rows(s, SR)) if r["project"] == project}


def status_page(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert type(page).__name__ == "StatusPage"
    return page


def test_new_report_carries_forward_and_is_rated_by_keyboard(qtbot, demo_window):
    window = demo_window
    page = status_page(qtbot, window)
    form = page.form
    form.project_combo.setCurrentText("Point of sale replacement")
    last = form.period_combo.currentData(PERIOD_ROLE)
    before = stored_reports(window, "Point of sale replacement")
    assert form.rags["overall"].rating() == before[last]["overall"] == "Red"
    qtbot.keyClick(form, Qt.Key.Key_P, NEW_REPORT)
    period = window.document.office.read(current_period)
    after = stored_reports(window, "Point of sale replacement")
    draft = after[period]
    assert set(after) == set(before) | {period} and form.period_combo.currentText() == period_text(period)
    assert (draft["state"], draft["overall"], draft["asks"]) == ("Draft", "Red", before[last]["asks"])
    assert draft["commentary"] == before[last]["commentary"]

    combo = form.rags["cost"]  # Amber, carried forward: typing G picks Green, saved at once
    combo.setFocus()
    qtbot.keyClicks(combo, "G")
    qtbot.waitUntil(lambda: stored_reports(window, "Point of sale replacement")[period]["cost"] == "Green")
    assert "C6EFCE" in combo.styleSheet().upper()  # the closed drop-down shows the rating's colour
    assert form.trends["cost"].text().startswith("▲")  # better than the month before

    form.editors["commentary"].setFocus()
    form.editors["commentary"].selectAll()
    qtbot.keyClicks(form.editors["commentary"], "Certification passed with the second acquirer.")
    form.rags["overall"].setFocus()  # leaving the text saves it
    assert stored_reports(window, "Point of sale replacement")[period]["commentary"] == \
        "Certification passed with the second acquirer."

    stack = window.document.undo_stack
    assert stack.count() == 3
    stack.undo()  # the text, then the rating (the record's version moved on, its cells did not), then the report
    assert stored_reports(window, "Point of sale replacement")[period]["commentary"] == before[last]["commentary"]
    stack.undo()
    assert stored_reports(window, "Point of sale replacement")[period]["cost"] == "Amber"
    stack.undo()
    assert period not in stored_reports(window, "Point of sale replacement")
    form.project_combo.setFocus()  # the undone report's editors are disabled: the keyboard is back on the picker
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, NEW_REPORT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, NEW_REPORT)
    assert list(stored_reports(window, "Point of sale replacement")).count(period) == 1  # never a twin
    assert "already has a report" in form.info.text()


def test_rag_combo_keyboard_search_and_colours(qtbot):
    combo = RagCombo("Schedule")
    qtbot.addWidget(combo)
    combo.show()
    combo.setFocus()
    picked = []
    combo.activated.connect(lambda _i: picked.append(combo.rating()))
    for key, rating in (("R", "Red"), ("A", "Amber"), ("G", "Green")):
        qtbot.keyClicks(combo, key)
        qtbot.wait(1100)  # Qt's type-ahead forgets the letters after a second
        assert combo.rating() == rating
    assert picked == ["Red", "Amber", "Green"]


def test_dashboard_tiles_open_the_register_filtered_by_keyboard(qtbot, demo_window):
    window = demo_window
    window.nav.setCurrentRow(0)
    overview = window.stack.currentWidget()
    qtbot.waitUntil(lambda: "milestones_slipped" in overview.tiles)
    tile = overview.tiles["milestones_slipped"]
    assert tile.title() == "Slipped or late milestones (3)"
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert type(page).__name__ == "StatusPage" and page.tabs.currentWidget() is page.milestones_view
    view = page.milestones_view
    state = view.model.column_of("state")
    shown = {view.proxy.index(r, state).data() for r in range(view.proxy.rowCount())}
    assert view.proxy.rowCount() == 3 and shown == {"Slipped", "Late"} and view.model.total_rows() == 12
    assert view.filter_chip.isVisible() and "Slipped or late" in view.filter_chip.text()
    assert QApplication.focusWidget() is view.table  # the keyboard lands in the table
    view.filter_chip.click()
    assert view.proxy.rowCount() == 12  # one click removes the tile's filter

    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: "issues" in overview.tiles)
    issues = overview.tiles["issues"]
    issues.setFocus()
    qtbot.keyClick(issues, Qt.Key.Key_Space)
    risks = window.stack.currentWidget()
    assert type(risks).__name__ == "RisksPage" and risks.tabs.currentWidget() is risks.issue_tab
    status = risks.issue_view.model.column_of("status")
    assert {risks.issue_view.proxy.index(r, status).data() for r in range(risks.issue_view.proxy.rowCount())} == {"Open"}

    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: "project:Point of sale replacement" in overview.tiles)
    due = overview.tiles["milestones_due"]
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Enter)
    view = window.stack.currentWidget().milestones_view
    assert view.proxy.rowCount() == 3 and view.filter_chip.text().startswith("Due in the next 30 days")

    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: "project:Point of sale replacement" in overview.tiles)
    project = overview.tiles["project:Point of sale replacement"]
    assert "Red ▼" in project.body.text()  # worse than the month before
    project.setFocus()
    qtbot.keyClick(project, Qt.Key.Key_Return)
    reports = window.stack.currentWidget().reports_view
    column = reports.model.column_of("project")
    assert reports.proxy.rowCount() == 4
    assert {reports.proxy.index(r, column).data() for r in range(4)} == {"Point of sale replacement"}


def test_tiles_are_reached_with_tab(qtbot, demo_window):
    window = demo_window
    window.nav.setCurrentRow(0)
    overview = window.stack.currentWidget()
    qtbot.waitUntil(lambda: "risks" in overview.tiles)
    first = overview.tiles["project:Inventory management"]
    first.setFocus()
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(getattr(QApplication.focusWidget(), "key", None))
    assert seen[:4] == ["project:Point of sale replacement", "project:Customer loyalty",
                        "project:E-commerce platform", "project:Store operations training"]
    assert seen[4] == "milestones_due"


def test_two_edits_of_one_record_undo_in_turn(qtbot, document):
    """Undoing the older of two edits of one record used to meet a "conflict" with the newer one's own
    version bump and drop out of the undo stack; only a change to the cells it wrote is a conflict."""
    from pmo_desktop.views.register_table import RegisterView

    view = RegisterView(document, REGISTERS["projects"])
    qtbot.addWidget(view)
    rid = view.add_row()
    model = view.model
    row = model.row_of(rid)
    assert model.setData(model.index(row, model.column_of("name")), "Tills")
    assert model.setData(model.index(model.row_of(rid), model.column_of("status")), "On hold")
    stack = document.undo_stack
    stack.undo()
    stack.undo()
    with document.store.session() as s:
        values = records.record_values(s, REGISTERS["projects"], rid)
    assert values["name"].startswith("New project") and values["status"] == "Active"
    assert stack.index() == 1 and stack.count() == 3  # nothing fell off the stack


def test_a_report_of_the_table_opens_in_the_form(qtbot, demo_window):
    page = status_page(qtbot, demo_window)
    view = page.view_for("status_reports")
    with demo_window.document.store.session() as s:
        rid = records.find_id_by_code(s, SR, "SR-002")
        report = records.record_values(s, SR, rid)
    assert view.select_record(rid)
    page.open_button.click()
    assert page.tabs.currentWidget() is page.report_tab
    assert (page.form.project(), page.form.period_combo.currentText()) == ("Inventory management", period_text(report["period"]))
    assert page.form.report["code"] == "SR-002" and page.form.period_combo.currentIndex() == 2  # newest first


def test_dashboard_and_rag_drop_downs_follow_the_theme(qtbot, demo_window):
    """The RAG chips on the dashboard and the report's drop-downs are drawn in the theme's colours: a
    dark theme gives a dark fill of the same hue and light text, and a change of theme redraws them."""
    from pmo_desktop.models.status_rules import RAG_COLOURS
    from pmo_desktop.views.theme import COLOURS, DARK, LIGHT, SYSTEM, theme

    window = demo_window
    window.nav.setCurrentRow(0)
    overview = window.stack.currentWidget()
    POS = "project:Point of sale replacement"
    qtbot.waitUntil(lambda: POS in overview.tiles)
    combo = RagCombo("Overall")  # made before the change: it must recolour itself
    qtbot.addWidget(combo)
    combo.set_rating("Red")
    try:
        for name in (DARK, LIGHT):
            theme().set_choice(name)
            red = COLOURS[name].tint(RAG_COLOURS["Red"])
            qtbot.waitUntil(lambda red=red: f'bgcolor="{red}"' in overview.tiles[POS].body.text())  # rebuilt
            assert f"color:{COLOURS[name].text}" in overview.tiles[POS].body.text()
            assert red in combo.styleSheet() and COLOURS[name].text in combo.styleSheet()
        assert COLOURS[DARK].tint(RAG_COLOURS["Red"]) != RAG_COLOURS["Red"]  # the test tells the themes apart
    finally:
        theme().set_choice(SYSTEM)
