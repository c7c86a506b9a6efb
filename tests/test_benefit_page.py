"""The Benefits page driven like a user: a real file, the keyboard, the sub-tables, paste from Excel."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.benefit_rules import Thresholds
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.benefits.chart_style import to_x
from pmo_desktop.views.benefits.page import BenefitsPage
from pmo_desktop.views.document import Document

TODAY = date(2026, 6, 15)


@pytest.fixture
def page(qtbot, tmp_path):
    store = Store.create(tmp_path / "office.pmo")
    document = Document(store)
    widget = BenefitsPage(document, None, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    document.close()


def edit_current_cell(qtbot, view, text=None, day=None):
    """F2 on the current cell, type into the real editor, Enter — as a user does."""
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text if day is None else day.strftime("%d %b %Y"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call
    assert view.table.state() != view.table.State.EditingState


def go_to(view, column_name):
    index = view.table.currentIndex()
    view.table.setCurrentIndex(index.siblingAtColumn(view.model.column_of(column_name)))


def status_of(page):
    m = page.register_view.model
    return m.index(0, m.column_of("status_rag")).data()


def test_create_a_benefit_plan_it_measure_it_and_see_status_and_chart(page, qtbot):
    view = page.register_view
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.model.rowCount() == 1
    edit_current_cell(qtbot, view, "Faster checkout")           # the add row put us on the title
    go_to(view, "baseline_value")
    edit_current_cell(qtbot, view, "95")
    go_to(view, "window_start")
    edit_current_cell(qtbot, view, day=date(2026, 1, 1))
    go_to(view, "window_end")
    edit_current_cell(qtbot, view, day=date(2026, 12, 31))
    rec = view.model.record(0)
    assert (rec["code"], rec["title"], rec["baseline_value"]) == ("B-001", "Faster checkout", 95.0)
    assert page.profile.heading.text() == "B-001  Faster checkout"
    assert status_of(page) == "Not measured"

    # Planned trajectory: two points by add row + edit, the third pasted as a row from Excel.
    plan = page.profile.plan_view
    page.profile.show_part(plan)  # its tab, where the profile is in tabs
    plan.table.setFocus()
    qtbot.keyClick(plan.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert plan.model.record(0)["on"] == date(2026, 1, 1)      # new plan points start at the window
    go_to(plan, "value")
    edit_current_cell(qtbot, plan, "95")
    plan.add_row()
    go_to(plan, "on")
    edit_current_cell(qtbot, plan, day=date(2026, 7, 1))
    go_to(plan, "value")
    edit_current_cell(qtbot, plan, "80")
    plan.table.setFocus()  # Enter on the last row went on to the ✱ line: back to the table, as a click does
    plan.table.setCurrentIndex(plan.proxy.index(1, 0))
    assert plan.paste_text("2026-07-01\t80\r\n31/12/2026\t60\r\n")  # row 2 again (unchanged) + a new row
    assert [(r["on"], r["value"]) for r in map(plan.model.record, range(3))] == [
        (date(2026, 1, 1), 95.0), (date(2026, 7, 1), 80.0), (date(2026, 12, 31), 60.0)]
    assert [y for _, y in page.chart.planned_points()] == [95.0, 80.0, 60.0]
    assert [x for x, _ in page.chart.planned_points()] == [to_x(date(2026, 1, 1)), to_x(date(2026, 7, 1)),
                                                           to_x(date(2026, 12, 31))]
    assert status_of(page) == "Not measured"

    # Measurements: one by add row (dated today, inside the window) + edit; one pasted.
    meas = page.profile.measurements_view
    meas.add_row()
    assert meas.model.record(0)["on"] == TODAY
    go_to(meas, "value")
    edit_current_cell(qtbot, meas, "86")
    # Plan on 15 June: 95 - 15 * 165/181 = 81.3; 86 is 34% of the improvement planned by then behind.
    assert status_of(page) == "Off track"
    assert page.chart.actual_points() == [(to_x(TODAY), 86.0)]
    assert "Off track" in page.profile.verdict.text()

    page.profile.show_part(meas)
    meas.table.setFocus()  # a click on the first cell (Enter on the last row went on to the ✱ line)
    meas.table.setCurrentIndex(meas.proxy.index(0, 0))
    # 1 July is after "today" (15 June): a measurement in the future is asked about first.
    assert not meas.paste_text("2026-06-15\t86\r\n2026-07-01\t81\tMI pack\tafter go-live\r\n")
    box = meas.confirmation
    assert "2026-07-01 is in the future" in box.text() and meas.model.rowCount() == 1
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert meas.model.rowCount() == 2
    assert status_of(page) == "On track"                         # 1 behind 15 planned: 7%
    assert [y for _, y in page.chart.actual_points()] == [86.0, 81.0]
    assert meas.model.record(1)["source"] == "MI pack"

    # Undo the paste: the measurement goes, status and chart follow.
    page.document.undo_stack.undo()
    assert status_of(page) == "Off track"
    assert [y for _, y in page.chart.actual_points()] == [86.0]
    page.document.undo_stack.redo()
    assert status_of(page) == "On track"

    # Thresholds are a file setting; tightening them turns the benefit amber, undo restores them.
    assert page.set_thresholds(Thresholds(0.05, 0.5))
    assert status_of(page) == "At risk"
    page.document.undo_stack.undo()
    assert status_of(page) == "On track"

    # All of it is in the file.
    path = page.document.store.path
    with Store.open(path).session() as s:
        rows = records.fetch_rows(s, REGISTERS["benefit_measurements"], parent_id=rec["id"])
    assert [(r[2], r[3]) for r in rows] == [(date(2026, 6, 15), 86.0), (date(2026, 7, 1), 81.0)]


def test_measurement_outside_window_or_of_wrong_type_refused_on_paste(page, qtbot):
    with page.document.store.transaction() as s:
        bid = records.create_record(s, REGISTERS["benefits"], {"title": "Fewer returns", "window_start": "2026-02-01",
                                                               "window_end": "2026-12-31"}).id
    page.document.notify("benefits", [bid])
    assert page.register_view.select_record(bid)
    meas = page.profile.measurements_view
    errors = []
    page.document.error.connect(errors.append)
    assert not meas.paste_text("2026-03-01\t5\r\n2027-01-05\t6\r\n")
    assert errors[-1] == ("Nothing was changed:\nRow 2: "  # the row named, as a row pasted over is (edit53)
                          "The measurement date 2027-01-05 is outside B-001's realization window "
                          "(2026-02-01 to 2026-12-31); change the date or widen the window.")
    assert meas.model.rowCount() == 0                      # all or nothing: the good row is not kept
    assert not meas.paste_text("2026-03-01\tabout six\r\n")
    assert "“about six” is not a number" in errors[-1]
    assert meas.model.rowCount() == 0 and page.document.undo_stack.count() == 0
    with page.document.store.session() as s:
        assert records.fetch_rows(s, REGISTERS["benefit_measurements"]) == []


def test_profile_text_commits_as_an_undoable_edit(page, qtbot):
    with page.document.store.transaction() as s:
        bid = records.create_record(s, REGISTERS["benefits"], {"title": "Loyalty uplift"}).id
    page.document.notify("benefits", [bid])
    page.register_view.select_record(bid)
    edit = page.profile.description
    page.profile.show_part(edit)
    edit.setFocus()
    qtbot.keyClicks(edit, "Members spend more.")
    page.register_view.table.setFocus()                    # leaving the box commits it
    model = page.register_view.model
    assert model.record(model.row_of(bid))["description"] == "Members spend more."
    assert page.document.undo_stack.undoText() == "Edit description of B-001"
    page.document.undo_stack.undo()
    assert model.record(model.row_of(bid))["description"] == ""
    assert edit.toPlainText() == ""


def test_map_click_selects_the_record_in_its_register(qtbot, tmp_path):
    from pmo_desktop.models.demo import create_demo

    store = create_demo(tmp_path / "demo.pmo", today=date(2026, 6, 15))
    document = Document(store)
    page = BenefitsPage(document, None, today=lambda: date(2026, 6, 15))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.tabs.setCurrentWidget(page.map)
    graph = page.map.graph
    assert {n.label for n in graph.orphans} == {"E-commerce platform"}
    orphan = page.map.view.nodes[graph.orphans[0].key]
    assert orphan.pen().color().name() == "#c62828"

    benefit_key = next(k for k, n in graph.nodes.items() if n.label == "Loyalty revenue uplift")
    item = page.map.view.nodes[benefit_key]
    centre = page.map.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(page.map.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.tabs.currentWidget() is page.benefits_tab
    assert page.current_benefit_id == benefit_key[1]

    outcome_key = graph.columns[2][0]
    page.map.view.click_node(outcome_key)
    assert page.tabs.currentWidget() is page.chain_views["outcomes"]
    assert page.chain_views["outcomes"].current_record_id() == outcome_key[1]
    # Projects live on another page: without a main window the click is declined, not an error.
    assert page.open_node("projects", graph.columns[0][0][1]) is False

    # Editing the chain in the table redraws the map: link the orphan project to a benefit; undo flags it again.
    model = page.register_view.model
    row = model.row_of(benefit_key[1])
    cell = (row, model.column_of("projects"), "Customer loyalty; Point of sale replacement; E-commerce platform")
    assert model.set_cells([cell])
    page.tabs.setCurrentWidget(page.map)
    assert page.map.graph.orphans == []
    document.undo_stack.undo()
    assert [n.label for n in page.map.graph.orphans] == ["E-commerce platform"]

    # The roll-up tab draws what the roll-up computes, by month and by quarter.
    page.tabs.setCurrentWidget(page.rollup)
    monthly = page.rollup.rollup
    assert [y for _, y in page.rollup.chart_data()["cumulative_planned"]] == [p.cumulative_planned for p in monthly.periods]
    page.rollup.set_period("quarter")
    quarterly = page.rollup.rollup
    assert quarterly.period == "quarter" and len(quarterly.periods) < len(monthly.periods)
    assert quarterly.total_planned == pytest.approx(monthly.total_planned)
    assert page.rollup.chart_data()["cumulative_realized"][-1][1] == pytest.approx(monthly.realized_to_date)
    document.close()


def test_in_the_main_window_a_project_on_the_map_opens_the_projects_page(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from pmo_desktop.models.demo import create_demo
    from pmo_desktop.views.main_window import MainWindow

    store = create_demo(tmp_path / "demo.pmo", today=date(2026, 6, 15))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_store(store)
    page = window.page("Benefits")
    assert isinstance(page, BenefitsPage)
    page.tabs.setCurrentWidget(page.map)
    project = next(n for n in page.map.graph.nodes.values() if n.label == "Customer loyalty")
    page.map.view.click_node(project.key)
    projects_page = window.stack.currentWidget()
    assert projects_page is window.page("Projects")
    assert projects_page.register_view.current_record_id() == project.key[1]
    assert window.go_to_record("outcomes", 1) and window.stack.currentWidget() is page
    window.close()


def test_thresholds_dialog_reads_and_returns_percentages(page):
    from pmo_desktop.views.benefits.thresholds import ThresholdsDialog

    dialog = ThresholdsDialog(Thresholds(0.1, 0.25), page)
    assert (dialog.at_risk.value(), dialog.off_track.value()) == (10, 25)
    dialog.at_risk.setValue(15)
    dialog.off_track.setValue(40)
    assert dialog.thresholds() == Thresholds(0.15, 0.40)
    assert page.set_thresholds(dialog.thresholds())
    assert page.document.store.get_setting("benefit_thresholds") == {"at_risk": 0.15, "off_track": 0.4}


def test_a_long_chart_title_never_pushes_the_plot_out_of_its_pane(page, qtbot):
    """At 1280 x 720 the benefit pane is ~580 px wide: the title is shortened to fit, and the whole plot —
    the target at its right end included — stays inside the chart instead of being cut off."""
    with page.document.store.transaction() as s:
        rid = records.create_record(s, REGISTERS["benefits"], {
            "title": "Faster ship turnaround", "measure": "Average turnaround", "unit": "hours",
            "baseline_value": 36, "baseline_date": date(2026, 4, 1), "target_value": 24,
            "target_date": date(2028, 3, 31)}, page.document.context).id
    page.document.notify("benefits", None)
    page.resize(1074, 622)
    page.register_view.select_record(rid)
    qtbot.wait(50)
    plot = page.chart.plot
    item = plot.getPlotItem()
    qtbot.waitUntil(lambda: plot.width() > 0)
    assert plot.width() < 700  # the narrow pane this is about
    qtbot.waitUntil(lambda: item.width() <= plot.width() + 1)
    title = item.titleLabel.text
    # a shorter wording, whole (walkthrough 24: cut with "…", it lost the words saying what the line is)
    assert title.startswith("B-001") and "baseline → target" in title and "no trajectory yet" not in title
    page.resize(1900, 1000)  # wider again: the whole title comes back
    qtbot.waitUntil(lambda: "no trajectory yet" in item.titleLabel.text)
    assert "baseline → target" in item.titleLabel.text
