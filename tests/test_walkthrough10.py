"""Walkthrough 10: a newcomer's GUI — what the last walkthrough left, driven with real widgets and real key
presses as a keyboard sends them (each key to the widget that has the focus)."""

from datetime import date

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table.refusal_note import note_for

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def boxes() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def risk_cell(view, row: int, field: str):
    return view.proxy.mapFromSource(view.model.index(row, RISKS.field_names.index(field)))


def test_a_refused_value_keeps_its_editor_and_the_keys_typed_next(demo_window, qtbot):
    """A date the register refuses, typed and Enter: a message box opened and took the keys typed next (a
    fast typist's correction went into the box, or nowhere). Now the editor stays open with the text, the
    reason shows beside it and in the status bar, the keys go on into the editor, and the corrected value
    is stored and the keyboard moves down as after any Enter."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    rid = view.model.record_id(0)
    with window.document.store.session() as s:
        raised = records.record_values(s, RISKS, rid)["raised_on"]
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    for typed, why in (("someday", "date"), ("1/1/2001", "raised")):  # not a date; a date the rule refuses
        type_keys(qtbot, typed)
        press(qtbot, Qt.Key.Key_Return)
        editor = QApplication.focusWidget()
        assert boxes() == []
        assert isinstance(editor, QLineEdit) and editor.text() == typed
        note = note_for(editor)
        assert note.isVisible() and why in note.text().lower()
        assert why in window.statusBar().currentMessage().lower()
        press(qtbot, Qt.Key.Key_A, CTRL)  # typed over, as the user would after reading the reason
    type_keys(qtbot, "15 Mar 2031")
    press(qtbot, Qt.Key.Key_Return)
    assert boxes() == []
    with window.document.store.session() as s:
        assert records.record_values(s, RISKS, rid)["proximity"] == date(2031, 3, 15)
    assert QApplication.focusWidget() is table and table.currentIndex() == risk_cell(view, 1, "proximity")
    assert raised is not None and raised < date(2031, 3, 15)


def test_esc_after_a_refusal_puts_the_cell_back(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    view.table.setFocus()
    view.table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    before = view.model.record(0)["proximity"]
    type_keys(qtbot, "soon")
    press(qtbot, Qt.Key.Key_Return)  # refused: the keyboard stays in the cell (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
    assert isinstance(QApplication.focusWidget(), QLineEdit) and boxes() == []
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table and view.model.record(0)["proximity"] == before
    assert boxes() == []


EXIT_SCRIPT = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pmo_desktop.models.demo import create_demo
from pmo_desktop.views.main_window import MainWindow
app = QApplication([])
tmp = Path(sys.argv[1])
create_demo(tmp / "d.pmo").close()
win = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
assert win.open_path(str(tmp / "d.pmo"))
win.show()
win.nav.setCurrentRow(3)
app.processEvents()
view = win.stack.currentWidget().register_view
view.model.setData(view.model.index(0, 1), "Changed title")
win.document.undo_stack.undo()
"""


def test_a_script_that_edits_then_exits_raises_nothing_at_exit(tmp_path):
    """A script that drove the window and ended without closing it printed a RuntimeError at exit: a lambda
    on the undo stack's indexChanged called into the MainWindow Qt had already deleted."""
    import os
    import subprocess
    import sys

    script = tmp_path / "drive.py"
    script.write_text(EXIT_SCRIPT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr, done.stderr


def test_the_status_page_of_a_new_office_says_what_to_do_and_its_shortcut_answers(empty_window, qtbot):
    """A new office's Status page said "0 of 0 rows" with Clear filters enabled though nothing was filtered,
    and Ctrl+Shift+P (New status report) did nothing visible."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.stack.currentWidget()
    form = page.form
    assert form.info.isVisible() and "No status reports yet" in form.info.text() and "Projects" in form.info.text()
    assert not form.new_button.isEnabled()
    assert not page.project_milestones.isVisible()  # no project, no milestones: nothing that reads "0 of 0"
    window.statusBar().clearMessage()
    form.rags["overall"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "Projects page" in window.statusBar().currentMessage()


def test_a_reports_milestones_are_its_projects_without_a_filter_to_clear(demo_window, qtbot):
    """The milestones under a project's report counted the project as a user's filter ("2 of 9 rows",
    Clear filters enabled), and Clear filters showed every project's milestones under that one report."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.stack.currentWidget()
    view = page.project_milestones
    project = page.form.project()
    assert project and view.isVisible()
    shown = view.proxy.rowCount()
    assert shown > 0 and view.count_label.text() == f"{shown} row{'s' if shown != 1 else ''}"
    assert not view.clear_filters_button.isEnabled()
    view.search.setFocus()
    type_keys(qtbot, "zzz")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    assert view.clear_filters_button.isEnabled() and view.count_label.text().startswith(f"0 of {shown} ")
    qtbot.mouseClick(view.clear_filters_button, Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == shown and not view.clear_filters_button.isEnabled()
    column = view.model.column_of("project")
    assert {view.proxy.index(r, column).data() for r in range(shown)} == {project}


def visible_rows(table) -> int:
    bottom = table.rowAt(table.viewport().height() - 1)
    return (bottom if bottom >= 0 else table.model().rowCount() - 1) - table.rowAt(0) + 1


def test_at_150_percent_on_a_1280_by_720_screen_the_window_fits_and_the_risk_table_gets_the_room(demo_window, qtbot):
    """At 150 % a 1280×720 screen holds 853×480 of Qt's pixels. The pages asked for more (the Risks page
    1140×680: its six filters on one line, its detail panel, its charts' tabs), so the window ran off the
    screen, and the risk table showed four rows under a detail panel at its minimum size."""
    from pmo_desktop.views.pages import PAGES

    window = demo_window
    for row in range(len(PAGES)):
        window.nav.setCurrentRow(row)
        window.resize(853, 480)
        qtbot.wait(20)
        assert window.width() <= 853 and window.height() <= 480, PAGES[row][0]
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.wait(50)
    assert visible_rows(view.table) >= 5
    # The detail panel is shut (its handle drags it open), never squeezed under its own minimum.
    assert page.detail.height() == 0 or page.detail.height() >= page.detail.minimumSizeHint().height()


def test_the_risk_pages_split_between_table_and_detail_is_remembered(demo_window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from pmo_desktop.views.main_window import MainWindow
    from pmo_desktop.views.remembered_splitter import RememberedSplitter

    window = demo_window
    window.resize(1280, 720)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    split = page.findChild(RememberedSplitter, "risks/register")
    qtbot.waitUntil(lambda: split.sizes()[1] > 0)
    split.moveSplitter(split.height() - 60, 1)  # as a drag of its handle towards the bottom
    dragged = split.sizes()
    other = MainWindow(QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    assert other.open_path(str(tmp_path / "demo.pmo"))
    other.resize(1280, 720)
    other.show()
    other.show_page(3)
    again = other.stack.currentWidget().findChild(RememberedSplitter, "risks/register")
    qtbot.waitUntil(again.isVisible)
    try:
        assert again.sizes() == dragged
    finally:
        other.close()
        QSettings().remove("splitters")  # the application's settings: the next tests start from none


def test_no_benefit_profile_chart_has_its_legend_over_its_data_at_any_size(demo_window, qtbot):
    """The legend of a benefit's profile chart covered the plot on a short or narrow chart (its headroom and
    its columns were guessed from the font, not measured), and ran past the plot's right edge at 150 %."""
    from PySide6.QtCore import QPointF

    from pmo_desktop.views.benefits.realization_chart import RealizationChart

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    chart = RealizationChart(None, page.chart.today)
    qtbot.addWidget(chart)
    chart.show()
    for row in range(view.model.rowCount()):
        view.table.setCurrentIndex(view.proxy.index(row, 1))
        series = page.chart.series
        assert series is not None
        for size in ((420, 260), (560, 300), (900, 450), (1400, 700)):
            chart.resize(*size)
            chart.show_series(series)
            qtbot.wait(10)
            vb = chart.plot.getPlotItem().getViewBox()
            if not chart.legend.isVisible():
                continue  # too short to spare the room: no legend rather than one over the data
            legend = chart.legend.sceneBoundingRect()
            assert legend.right() <= vb.sceneBoundingRect().right() + 1, (series.code, size)
            points = chart.planned_points() + chart.actual_points()
            points += [(x, v) for x, _ in points[:1] for v in (series.baseline_value, series.target_value) if v is not None]
            for x, y in points:
                assert not legend.contains(vb.mapViewToScene(QPointF(x, y))), (series.code, size, x, y)


def test_a_benefits_measure_reads_with_its_unit_whatever_the_unit(demo_window, qtbot):
    """"Stock-outs in per week": the profile joined every unit with "in"."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    model = view.model
    for unit, shown in (("per week", "Stock-outs (per week)"), ("%", "Stock-outs (%)"),
                        ("£k/month", "Stock-outs (£k/month)"), ("", "Stock-outs ·")):
        assert model.set_cells([(0, model.column_of("measure"), "Stock-outs"), (0, model.column_of("unit"), unit)])
        qtbot.waitUntil(lambda shown=shown: shown in page.profile.facts.text())
        assert " in per" not in page.profile.facts.text()


def test_the_import_preview_says_why_its_mapping_is_greyed_and_gives_an_empty_reason_column_no_room(
        qtbot, document, tmp_path):
    """The mapping pane was greyed with no word why (the whole workbook is imported as detected), and the
    Reason column, empty when every row is fine, took the room the rows' "Imported as" needed."""
    import openpyxl

    from pmo_desktop.views.exchange.import_dialog import REASON, ImportDialog

    path = tmp_path / "log.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risk log"
    ws.append(["Risk", "Likelihood", "Impact (1-5)", "Risk Owner"])
    ws.append(["Supplier delivers late", "High", 4, "Ann"])
    ws.append(["Store staff resist new tills", "Low", 2, "Bea"])
    wb.save(path)
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plan is not None and dialog.plan.ok
    assert not dialog.mapping_table.isEnabled()
    assert dialog.mapping_note.isVisible() and "choose that sheet" in dialog.mapping_note.text()
    assert dialog.report_view.isColumnHidden(REASON)  # every row fine: no empty column
    qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)  # the one sheet, by the keyboard
    qtbot.waitUntil(lambda: dialog.mapping_table.isEnabled())
    assert "Risk log" in dialog.mapping_note.text() and "Check again" in dialog.mapping_note.text()
    ws.append(["Broken risk", "Sometimes", 9, "Ann"])  # a row refused: its reason has a column again
    wb.save(path)
    dialog.recheck()
    assert any(r.reason for r in dialog.report_model.reports)
    assert not dialog.report_view.isColumnHidden(REASON)


def test_a_new_owner_typed_along_a_risk_asks_beside_the_cell_not_in_a_box_that_takes_the_next_keys(
        demo_window, qtbot):
    """Typing a risk along its row, a name not in the people list then Tab opened a question box: the date
    typed next went into the box (or nowhere), and once it closed the window had no focus. Then a note beside the
    cell asked for Tab again, and then (walk58b) the cell was left as it was with the name in its note. A name near
    no one's is now added as a new person as Tab stores it (walk59), said in the status bar; the keys typed next go
    on along the row, never into a box."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    rid = view.model.record_id(0)
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "owner"))
    type_keys(qtbot, "Zoe Quill")
    press(qtbot, Qt.Key.Key_Tab)
    assert boxes() == []
    assert table.currentIndex() == risk_cell(view, view.model.row_of(rid), "raised_on")
    qtbot.waitUntil(lambda: "“Zoe Quill” added to People" in window.statusBar().currentMessage())
    type_keys(qtbot, "1/3/2026")  # typed on at once: into the next cell, not into a box
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(view.model.row_of(rid))["raised_on"] == date(2026, 3, 1))
    assert window.isActiveWindow() and QApplication.focusWidget() is table
    assert view.model.record(view.model.row_of(rid))["owner"] == "Zoe Quill"


def test_esc_after_a_new_owners_note_adds_nobody(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    before = view.model.record(0)["owner"]
    view.table.setFocus()
    view.table.setCurrentIndex(risk_cell(view, 0, "owner"))
    type_keys(qtbot, "Zoe Quill")
    press(qtbot, Qt.Key.Key_Return)
    assert boxes() == [] and note_for(QApplication.focusWidget()).isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(0)["owner"] == before and QApplication.focusWidget() is view.table
    with window.document.store.session() as s:
        assert "Zoe Quill" not in [r[2] for r in records.fetch_rows(s, REGISTERS["people"])]


def test_a_charts_left_axis_label_is_never_cut_at_both_ends(demo_window, qtbot):
    """At 150 % the roll-up's "Financial benefit (£k)", drawn up a short chart, read "ancial benefit (£k":
    the label is shortened to the axis's height — the unit alone, else with "…" — its whole text on hover."""
    from pmo_desktop.views.benefits.rollup_chart import RollupChart

    chart = RollupChart(demo_window.document)
    qtbot.addWidget(chart)
    chart.show()
    for height in (700, 400, 280, 250):
        chart.resize(700, height)
        qtbot.wait(20)
        chart.refresh()
        qtbot.wait(20)
        item = chart.plot.getPlotItem()
        label = item.getAxis("left").label
        assert label.boundingRect().width() <= item.getViewBox().height() + 1, height
        axis = item.getAxis("left")  # drawn up the axis, inside it (placed for its length as shortened)
        assert -1 <= label.pos().y() - label.boundingRect().width() and label.pos().y() <= axis.height() + 1, height
    assert "£k" in label.toPlainText() and label.toolTip().startswith("Financial benefit")


def test_the_rollup_legend_is_never_over_its_curves(demo_window, qtbot):
    """The roll-up kept a fixed 30 % of headroom for its legend: at 150 % the legend, taller and as wide as
    the plot, sat over the cumulative curves."""
    from PySide6.QtCore import QPointF

    from pmo_desktop.views.benefits.rollup_chart import RollupChart

    chart = RollupChart(demo_window.document)
    qtbot.addWidget(chart)
    chart.show()
    chart.refresh()
    for size in ((500, 330), (700, 420), (1000, 600), (1600, 800)):
        chart.resize(*size)
        qtbot.wait(30)
        vb = chart.plot.getPlotItem().getViewBox()
        if not chart.legend.isVisible():
            continue
        legend = chart.legend.sceneBoundingRect()
        assert legend.right() <= vb.sceneBoundingRect().right() + 1, size
        data = chart.chart_data()
        for x, y in data["cumulative_planned"] + data["cumulative_realized"]:
            assert not legend.contains(vb.mapViewToScene(QPointF(x, y))), (size, x, y)


def test_on_a_screen_too_short_for_the_page_the_risk_table_keeps_three_rows_and_the_page_scrolls(demo_window, qtbot):
    """At 150 % with Qt's own scaling a 1280×720 screen leaves the Risks page about 330 px: its title, tabs,
    filters and buttons took them all and the table shrank to its header, no row to see. The table keeps
    its header and three rows; the page scrolls around it. (The test's text is made 1.5× as Qt's scaling
    makes it: the scale factor itself is set once per process.)"""
    from PySide6.QtWidgets import QApplication

    window = demo_window
    app = QApplication.instance()
    font = app.font()
    large = app.font()
    large.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(large)
    try:
        qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
        window.resize(853, 330)
        qtbot.wait(50)
        table = window.stack.currentWidget().register_view.table
        assert table.rowViewportPosition(2) + table.rowHeight(2) <= table.viewport().height()  # rows 1–3 whole
    finally:
        app.setFont(font)
