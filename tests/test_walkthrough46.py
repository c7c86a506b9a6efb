"""Walkthrough 46: what walk 45 saw and left — the Assumptions tab's Status and Impact if false off to the right at
1280×720, the Stakeholders register a sliver beside the grid, the benefits chart saying "No benefit selected" beside
the profile's own words, and an import preview's empty "Imported as" beside reasons wrapped to three lines. By real
key presses on the real window."""

from __future__ import annotations

from focused_keys import press, tab_named, type_as_a_person
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row

CTRL = Qt.KeyboardModifier.ControlModifier


def in_view(table, column: int) -> bool:
    at = table.columnViewportPosition(column)
    return 0 <= at and at + table.columnWidth(column) <= table.viewport().width()


def typed_in_sight(table) -> bool:
    """The editor the keys go to (the ✱ line's, or the row's once the line made it) within the table's width."""
    editor = QApplication.focusWidget()
    left = editor.mapTo(table.window(), QPoint(0, 0)).x()
    edge = table.viewport().mapTo(table.window(), QPoint(0, 0)).x() + table.viewport().width()
    return left >= 0 and left + editor.width() <= edge


def test_an_assumption_is_typed_along_its_row_in_sight_at_1280x720(demo_window, qtbot):
    """The Assumptions tab at 1280×720 cut its Status at the edge ("Validat…") and had Impact if false off screen,
    after the project and the day raised. The page shows who validates it, by when, its Status and its Impact if
    false next to the assumption (``read_first``, as the Decisions tab), the impact ending at the table's edge; a
    row typed along them stays in sight, and the register's own order is kept for its workbook."""
    window = demo_window
    tab_named(qtbot, window, Qt.Key.Key_7, "Assumptions")
    view = window.active_register_view()
    table, model = view.table, view.model
    names = ("title", "owner", "validate_by", "status", "impact_if_false")
    qtbot.waitUntil(lambda: all(in_view(table, model.column_of(n)) for n in names))
    view.focus_new_line(model.column_of("title"))
    # Assumption, Owner, Validate by, Status, Impact if false: each cell in sight as it is typed
    for text in ("Suppliers hold prices", "Marcus Lee", "12 Dec", "val"):
        type_as_a_person(qtbot, text)
        assert typed_in_sight(table), text
        press(qtbot, Qt.Key.Key_Tab)
    along_the_row(qtbot, ["Margins fall by a tenth"])
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    typed = next(model.record(r) for r in range(4) if model.record(r)["title"] == "Suppliers hold prices")
    assert (typed["owner"], typed["status"], typed["impact_if_false"]) == ("Marcus Lee", "Validated",
                                                                           "Margins fall by a tenth")
    assert [f.name for f in view.register.fields[:3]] == ["code", "title", "project"]  # its workbook's order




def test_with_no_benefit_current_the_chart_leaves_the_saying_to_the_profile(demo_window, qtbot):
    """With no benefit current the chart said "No benefit selected" beside the profile's "Select a benefit in the
    table to see its profile": two wordings of one thing. The profile says it; the chart draws nothing."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.profile.heading.text() == "B-001  Reduced stock-outs")
    page.show_benefit(None)  # as the page is first seen by a mouse, no benefit current
    assert page.profile.heading.text() == "Select a benefit in the table to see its profile"
    assert page.chart.plot.getPlotItem().titleLabel.text == ""


def test_an_import_with_every_row_skipped_shows_each_reason_on_one_line(demo_window, qtbot, tmp_path):
    """The office's export imported into it again: every row skipped, "Imported as" empty and three fifths of the
    room, each reason ("same as the office's, or changed only in the office.") wrapped to three lines beside it.
    The columns are sized by what they hold: "Imported as" as its header, the sheet, row, action and ID no wider than
    their values, each reason that fits the room left on one line."""
    from pmo_desktop.views.exchange.actions import export_registers
    from pmo_desktop.views.exchange.import_dialog import REASON, ImportDialog

    window = demo_window
    book = tmp_path / "office.xlsx"
    assert export_registers(window, window.document, str(book))
    dialog = ImportDialog(window.document, book, window)
    qtbot.addWidget(dialog)
    view = dialog.report_view
    header = view.horizontalHeader()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: "Nothing to import" in dialog.summary.text(), timeout=20000)
    for size in ((1100, 672), (1500, 900)):  # as it opens on a 1280×720 screen, and on a 1920×1080 one
        dialog.resize(*size)
        qtbot.waitUntil(lambda: header.sectionViewportPosition(REASON) + view.columnWidth(REASON)
                        == view.viewport().width())
        # "Imported as", empty, as wide as its header; the reasons the rest
        assert view.columnWidth(4) == header.sectionSizeFromContents(4).width(), size
    # With room, each reason that fits the column's width on one line ("same as the office's…": three lines before)
    reports = dialog.report_model.reports
    two_lines = 2 * view.fontMetrics().lineSpacing()
    fits = [r for r, report in enumerate(reports)
            if view.fontMetrics().horizontalAdvance(report.reason) + 12 <= view.columnWidth(REASON)]
    assert len(fits) > len(reports) // 2
    qtbot.waitUntil(lambda: all(view.rowHeight(r) < two_lines for r in fits))  # once the rows are fitted again
    dialog.reject()


def test_the_status_bar_over_an_empty_residual_map_counts_the_risks_with_no_residual_score(empty_window, qtbot):
    """Over the Residual map of two risks with no residual score the status bar said only the cursor's cell, "no
    risks", while the map's middle said "2 open risks have no residual score yet": the line now says so too."""
    from test_walkthrough45 import two_risks_with_no_residual_score

    window = empty_window
    heat = two_risks_with_no_residual_score(qtbot, window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().endswith("1 risk — Enter lists them in the register")
                    or ": no risks" in window.statusBar().currentMessage())
    assert "no score yet" not in window.statusBar().currentMessage()  # the Inherent map: both risks on it
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is heat.mode
    press(qtbot, Qt.Key.Key_Down)  # Residual
    assert heat.residual and not heat.cells
    said = window.statusBar().currentMessage()
    assert said.endswith(": no risks — 2 open risks have no residual score yet (Register tab, Ctrl+PgUp)"), said
