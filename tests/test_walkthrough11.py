"""Walkthrough 11: a newcomer's first minutes on a new (empty) office — the pages say what will show there
and how to start, instead of an empty table or a chart of zeros. Real widgets, real key presses."""


from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_overview_of_a_new_office_says_how_to_start(empty_window, qtbot):
    """A page of zero tiles and "Project status — latest monthly reports" said nothing to a newcomer: now
    the first lines say there are no projects yet and where to add one or import a workbook; once a project
    is added, the project status heading is back."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    page = window.stack.currentWidget()
    heading = page.status_heading
    assert heading.isVisible()
    assert "No projects yet" in heading.text() and "Ctrl+2" in heading.text() and "Import" in heading.text()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.active_register_view().add_row()
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert "No projects yet" not in heading.text() and "Project status" in heading.text()


def test_the_action_log_of_a_new_office_says_what_it_gathers(empty_window, qtbot):
    """An empty table with "0 actions" in a corner: now a sentence says what the log gathers and where
    to add it; a view with nothing in it (Overdue) says so."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.action_log)
    log = page.action_log
    qtbot.waitUntil(log.empty.isVisible)
    assert not log.tree.isVisible()
    assert "No open actions yet" in log.empty.text() and "Risks" in log.empty.text()
    log.view_combo.setFocus()
    qtbot.keyClick(log.view_combo, Qt.Key.Key_Down)
    assert log.view_combo.currentData() == "overdue"
    assert log.empty.isVisible() and "No overdue actions" in log.empty.text()


def test_the_action_log_with_actions_shows_its_table(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.action_log)
    log = page.action_log
    qtbot.waitUntil(log.tree.isVisible)
    assert log.tree.topLevelItemCount() > 0 and not log.empty.isVisible()


def test_the_risk_trend_of_a_new_office_says_no_risks_yet(empty_window, qtbot):
    """The trend of a new office drew four dots at zero on today, read as "all clear": now it says there
    are no risks yet and how to add one; a risk without a score yet is not counted, and the chart says so."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    trend = page.trend
    qtbot.waitUntil(trend.empty.isVisible)
    assert not trend.plot.isVisible() and "No risks yet" in trend.empty.text()
    page.tabs.setCurrentWidget(page.register_tab)
    page.register_view.add_row()
    page.tabs.setCurrentWidget(page.trend)
    qtbot.waitUntil(lambda: "No open scored risk" in trend.empty.text())
    assert trend.empty.isVisible() and not trend.plot.isVisible()


def test_the_risk_trend_with_risks_draws_its_chart(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    qtbot.waitUntil(page.trend.plot.isVisible)
    assert not page.trend.empty.isVisible()


def test_a_cell_left_by_a_click_when_the_file_has_gone_still_says_so_in_a_box(main_window, qtbot, tmp_path):
    """Only a value the register refuses is told beside the cell: a change the store could not take because
    the office file went away is said in the message box, as before (a note gone at the next key is no place
    for "your change is kept")."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = main_window
    path = tmp_path / "office.pmo"
    assert window.create_file(str(path))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.active_register_view()
    view.add_row()
    path.rename(path.with_name("elsewhere.pmo"))
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(0, view.model.column_of("name"))))
    for ch in "Renamed":
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.mouseClick(view.search, Qt.MouseButton.LeftButton)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(shown) == 1 and "no longer where it was opened" in shown[0].text()
    assert not [n for n in table.viewport().findChildren(RefusalNote) if n.isVisible()]


def test_a_record_refused_when_the_new_row_line_completes_is_told_beside_the_line(empty_window, qtbot):
    """A second project of the same name typed in the ✱ line and Enter: the store refused it in a message box
    that took the keys typed next. Now the reason shows beside the line and in the status bar, the name
    stays in the line, and the keys typed next go on into it: corrected, Enter adds the project."""
    from focused_keys import a_project_named_twice
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    view = a_project_named_twice(qtbot, window)
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()] == []
    assert view.model.rowCount() == 1 and view.new_row_model.pending == {"name": "Alpha"}
    notes = [n for n in view.findChildren(RefusalNote) if n.isVisible()]
    assert len(notes) == 1 and "already a project named" in notes[0].text()
    assert "already a project named" in window.statusBar().currentMessage()
    qtbot.wait(50)
    for ch in "Beta":  # typed over the name in the line's cell
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert sorted(view.model.record(r)["name"] for r in range(2)) == ["Alpha", "Beta"]
    assert not [n for n in view.findChildren(RefusalNote) if n.isVisible()]
