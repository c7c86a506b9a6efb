"""Ctrl+K finds any record by ID or name across the registers and opens it where it lives."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models.quick_search import quick_search


def test_search_by_id_and_by_part_of_a_name(sqlite_demo_store):
    with sqlite_demo_store.session() as s:
        hits = quick_search(s, "loyal")
        assert {(h.register, h.code) for h in hits} >= {("projects", "P-03"), ("risks", "R-005"), ("benefits", "B-003")}
        assert [h.code for h in quick_search(s, "r-008")] == ["R-008"]
        assert [h.code for h in quick_search(s, "%")] == ["O-1"]  # "% a year": % is a character, not a wildcard
        assert quick_search(s, "   ") == []


def test_ctrl_k_type_enter_opens_the_record(main_window, qtbot):
    main_window.open_demo()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = main_window.quick_search_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.query, "GDPR")
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    assert dialog.results.item(0).text().startswith("R-008")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page = main_window.stack.currentWidget()
    view = page.register_view
    assert main_window.nav.currentRow() == 3
    assert view.model.record(view.model.row_of(view.current_record_id()))["code"] == "R-008"
