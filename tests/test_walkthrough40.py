"""Walkthrough 40: a new user's first hour from the README — a fresh office, ten risks typed, a colleague's
workbook imported, the issue log and its actions, the decision log, the dashboard on a projector, the export and
the board pack — at 1280×720 and 1920×1080, once by the keyboard alone. What they tripped on, each fixed, by real
key presses on the real window."""

from __future__ import annotations

from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ROOM_READS = 12.0  # points on a projector: the smallest text a meeting room reads from three metres


def smallest_text(label: QLabel) -> tuple[float, str]:
    """The smallest type a label draws, in points, and the words in it: its rich text's every fragment."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    found: list[tuple[float, str]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.text().strip():
                found.append((QFontInfo(fragment.charFormat().font()).pointSizeF(), fragment.text().strip()))
            fragments += 1
        block = block.next()
    return min(found, default=(99.0, ""))


def projector_zoom(qtbot, window) -> None:
    """Ctrl+= to 150 %, the size presenting gives a 1920×1080 projector (F11 there)."""
    from pmo_desktop.views.zoom import zoom

    while zoom().percent < 150:
        press(qtbot, Qt.Key.Key_Equal, CTRL)
    assert zoom().percent == 150


def test_the_dashboards_notes_and_rag_chips_read_from_the_back_of_the_room_at_150_percent(demo_window, qtbot):
    """The Program overview on a projector, at presenting's 150 % (Ctrl+=): its tiles' text was the window's
    9 pt, not the tables' 11 pt, so the notes ("next 30 days", "highest rating first", "▶ same as Oct 2026"),
    the RAG chips ("Sched", "Cost" …) and the issues listed came out at 10.5 pt, under what a room reads from
    three metres, beside tables at 16.5 pt. The dashboard's text is now the tables': 12 pt and more at 150 %."""
    window = demo_window
    window.resize(1920, 1080)
    press(qtbot, Qt.Key.Key_1, CTRL)  # View ▸ Program overview
    page = window.stack.currentWidget()
    try:
        projector_zoom(qtbot, window)
        qtbot.wait(50)
        labels = [label for label in page.findChildren(QLabel) if label.isVisible() and label.text()]
        assert len(labels) > 20
        size, words = min(smallest_text(label) for label in labels)
        assert size >= ROOM_READS, (size, words)
    finally:
        press(qtbot, Qt.Key.Key_0, CTRL)


def test_the_program_views_column_names_grow_with_its_rows_on_a_projector(demo_window, qtbot):
    """The risk register's Program view at 150 %: its rows grew, its column names ("Rating", "Residual",
    "Projects touched") stayed at the window's 9 pt — and at 100 % the table was 9 pt beside registers at 11.
    It is now a register's size at any zoom, its header too."""
    from pmo_desktop.views.zoom import BASE_POINT_SIZE

    window = demo_window
    window.resize(1920, 1080)
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.program_view)
    table = page.program_view.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    assert QFontInfo(table.horizontalHeader().font()).pointSizeF() >= BASE_POINT_SIZE - 0.5
    try:
        projector_zoom(qtbot, window)
        qtbot.wait(50)
        for widget in (table, table.horizontalHeader()):
            assert QFontInfo(widget.font()).pointSizeF() >= ROOM_READS, widget
    finally:
        press(qtbot, Qt.Key.Key_0, CTRL)


def test_the_issue_logs_actions_pane_says_to_choose_an_issue_and_then_whose_actions_it_shows(demo_window, qtbot):
    """The Issue log's tab clicked: under the issues a blank table headed "Actions of the selected issue", no issue
    chosen yet — blank with no word of why (no issue chosen? no actions?), and "Call the supplier" typed into it
    with Enter went nowhere, unsaid. It now says to choose an issue above, is off until one is, and then names the
    issue whose actions it lists."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    page = window.stack.currentWidget()
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(page.issue_tab)).center())
    issues, actions = page.issue_view, page.issue_actions_view
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.issue_tab)

    def said() -> str:
        return " ".join(label.text() for label in page.issue_tab.findChildren(QLabel)
                        if label.isVisible() and not actions.isAncestorOf(label) and not issues.isAncestorOf(label))

    assert issues.current_record_id() is None
    assert "choose an issue above" in said(), said()
    assert not actions.isEnabled()  # nothing typed into it for no issue
    first = issues.table.visualRect(issues.proxy.index(0, issues.model.column_of("title"))).center()
    qtbot.mouseClick(issues.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.waitUntil(lambda: issues.current_record_id() is not None)
    assert "I-001 “Card terminal certification fails”" in said(), said()
    assert actions.isEnabled() and actions.proxy.rowCount() == 1


def register_with_a_key_below(folder):
    """A colleague's four risks, and under them, after a blank row, the key of their scales."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    sheet.append(["ID", "Title", "Owner", "Probability", "Impact"])
    for n, (title, owner, probability, impact) in enumerate(
            [("Supplier late", "Ann Lee", 4, 3), ("Key engineer leaves", "Bo Chan", 2, 4),
             ("Budget cut", "Ann Lee", 3, 5), ("Site access refused", "Cy Diaz", 2, 2)], start=1):
        sheet.append([f"R-{n:03d}", title, owner, probability, impact])
    sheet.append([])
    sheet.append(["Key"])
    sheet.append(["Probability", None, None, "1 = rare", "5 = almost certain"])
    sheet.append(["Impact", None, None, "1 = negligible", "5 = severe"])
    workbook = folder / "Risk register.xlsx"
    book.save(workbook)
    return workbook


def test_the_import_preview_shows_what_a_row_skipped_below_the_table_holds(empty_window, qtbot, tmp_path):
    """A colleague's risk register with a key under it — "Probability | 1 = rare | 5 = almost certain", "Impact |
    1 = negligible | 5 = severe" — rightly skipped as "below the table: a legend or notes, not a record". The preview
    said so by the row's number alone: what was being left out of the office could not be seen without opening
    the workbook at row 8. The preview now shows each such row's cells under their headers, in its "Imported as"
    column, the whole row in its tooltip."""
    from pmo_desktop.views.exchange.actions import open_import_dialog
    from pmo_desktop.views.exchange.report_model import ReportModel

    window = empty_window
    workbook = register_with_a_key_below(tmp_path)
    dialog = open_import_dialog(window, window.document, str(workbook))
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()), timeout=30000)
    report = dialog.findChild(ReportModel)
    rows = {report.index(r, 1).data(): r for r in range(report.rowCount())}
    assert report.index(rows["8"], 2).data() == "will skip"
    assert "below the table" in report.index(rows["8"], 5).data()
    shown = report.index(rows["8"], 4).data() or ""
    assert "Probability" in shown and "1 = rare" in shown and "5 = almost certain" in shown, shown
    assert "1 = negligible" in (report.index(rows["9"], 4).data() or "")
    tip = report.index(rows["8"], 4).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert "Impact: 5 = almost certain" in tip, tip  # each cell under its column's header
    press(qtbot, Qt.Key.Key_Return)  # Import: the four risks, the key left out as the preview said
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    view = window.active_register_view()
    assert view.register.name == "risks" and view.proxy.rowCount() == 4


def test_the_dashboards_pending_decisions_say_what_is_to_be_decided(demo_window, qtbot):
    """The Decisions tile on the dashboard (and the board pack's registers at a glance, from the same declaration)
    read "DEC-005 due 3 Dec 2026 — overdue": which decision was late, a room could not tell without opening the log,
    where every other tile names its records. Each pending decision is now named by its title, as the command
    line's summary names it. The demo's dates are relative to today (DEC-005 due 3 days ago, DEC-002 in 10), so the
    days are worked out from today, not written as the day the test was written on."""
    from datetime import date, timedelta

    from pmo_desktop.models.values import day_text

    window = demo_window
    press(qtbot, Qt.Key.Key_1, CTRL)  # View ▸ Program overview
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: "decisions" in page.tiles)
    said = page.tiles["decisions"].body.text()
    today = date.today()
    overdue, pending = day_text(today - timedelta(days=3)), day_text(today + timedelta(days=10))
    assert f"DEC-005 Certify terminals with a second acquirer, due {overdue} (overdue)" in said, said
    assert f"DEC-002 Go-live freeze over peak trading, due {pending}" in said, said


def test_an_issue_log_imported_from_the_risk_register_is_shown_on_the_issue_log_tab(demo_window, qtbot, tmp_path):
    """A colleague's issue register imported (File ▸ Import, Enter) while the risk register was on screen: "Imported
    5 new … records", and the window stayed on the risk register — the issues, on the Issue log tab of the same
    page, out of sight (a register with a page of its own was shown; one on a page's tab was not). The tab holding
    the register imported is now shown, the keyboard in its table."""
    import openpyxl

    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks, the register tab
    page = window.stack.currentWidget()
    assert page.tabs.currentWidget() is page.register_tab
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Issue Register"
    sheet.append(["ID", "Issue", "Status", "Priority", "Raised by"])
    for n, title in enumerate(["Budget was raised", "Limited external help", "No test run conducted"], start=1):
        sheet.append([f"ISS-{n}", title, "Open", "High", "Ann Lee"])
    workbook = tmp_path / "Issue Register.xlsx"
    book.save(workbook)
    dialog = open_import_dialog(window, window.document, str(workbook))
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()), timeout=30000)
    press(qtbot, Qt.Key.Key_Return)  # Import
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    assert "Imported 3 new" in window.statusBar().currentMessage()
    assert page.tabs.currentWidget() is page.issue_tab
    issues = page.issue_view
    qtbot.waitUntil(lambda: issues.table.hasFocus())
    titles = {issues.proxy.index(r, issues.model.column_of("title")).data() for r in range(issues.proxy.rowCount())}
    assert {"Budget was raised", "Limited external help", "No test run conducted"} <= titles


def test_the_command_lines_dry_run_says_what_a_skipped_row_holds(tmp_path):
    """`pmo-desktop import office.pmo risks.xlsx --dry-run`, as the README shows it: "Risks row 8: will skip — below
    the table: a legend or notes, not a record." and no more — which row of the key that was, and what it said, only
    the workbook could tell. The line now ends with what the row holds, as the preview shows it."""
    from cli_runner import run_cli

    workbook = register_with_a_key_below(tmp_path)
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    out = run_cli("import", "office.pmo", workbook.name, "--dry-run", cwd=tmp_path, ok=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("Risks row 8:"))
    assert line == ("Risks row 8: will skip — below the table: a legend or notes, not a record. "
                    "The row holds: ID: Probability · Probability: 1 = rare · Impact: 5 = almost certain"), line
    assert "4 to insert" in out
