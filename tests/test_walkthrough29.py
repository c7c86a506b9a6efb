"""Walkthrough 29: a new user's walk through the window by keyboard, at 1280×720 and 1920×1080 — walkthrough 28's
leftovers first (the Benefits page's measurements, the import dialog's Tab order, What Changed's dates), then what
a newcomer tripped on. Real key presses on the real window."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QWidget
from test_walkthrough18b import keys_to
from test_walkthrough28 import what_changed_after_a_risk_typed

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_benefits_measurements_are_in_view_with_every_column_whole(demo_window, qtbot, size):
    """A benefit's measurements reviewed on the Benefits page: at 1280×720 they sat below the fold of the profile
    (its four boxes two high in 280 pixels), at 1920×1080 their ✱ line did, and their Source was cut at its
    declared width, the Note off the right edge. Where the boxes do not fit whole, the profile puts each part in
    a tab of its own, the measurements first, and their columns take the table's width: each whole where it
    fits, the texts sharing the rest; Tab reaches the tabs and the table."""
    window = demo_window
    window.resize(*size)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    keys_to(qtbot, Qt.Key.Key_Home, CTRL)
    meas = page.profile.measurements_view
    qtbot.waitUntil(lambda: meas.model.rowCount() == 3)
    qtbot.wait(50)
    table = meas.table
    header = table.horizontalHeader()
    rows = table.visibleRegion().boundingRect().height() - header.height()
    assert rows >= 3 * table.verticalHeader().defaultSectionSize(), "the measurements below the fold"
    pane = page.profile.parentWidget()  # the profile's scroll area's viewport: what of it is on screen
    line = QRect(meas.new_line.mapTo(pane, QPoint(0, 0)), meas.new_line.size())
    assert pane.rect().contains(line), "its ✱ line below the fold"
    shown = [c for c in range(meas.model.columnCount()) if not table.isColumnHidden(c)]
    for c in shown:
        label = str(meas.proxy.headerData(c, Qt.Orientation.Horizontal))
        assert table.columnViewportPosition(c) + table.columnWidth(c) <= table.viewport().width(), label
        assert table.columnWidth(c) >= max(header.fontMetrics().horizontalAdvance(x) for x in label.split("\n")), label
        whole = " ".join(label.split())
        assert whole in str(meas.proxy.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    source = meas.model.column_of("source")
    assert table.columnWidth(source) >= table.fontMetrics().horizontalAdvance("Monthly MI pack")
    # By keyboard: out of the benefits' table to its ✱ line, on to the profile's tabs and into the measurements.
    keys_to(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is view.new_line
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.profile.tabs.tabBar()
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is table


def _a_log_with_a_status_to_translate(path) -> None:
    """A project manager's risk log: their own column names, a status the office has no word for."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Risk #", "Title", "Who owns it", "Chance (1-5)", "Impact (1-5)", "State"])
    ws.append(["POS-11", "Store Wi-Fi too weak for the new tills", "Marcus Lee", 4, 3, "Open"])
    ws.append(["POS-12", "Receipt printer firmware recalled", "Aisha Patel", 2, 4, "Kinda open"])
    wb.save(path)


def test_tab_walks_the_import_dialog_in_reading_order_each_control_once(empty_window, qtbot, tmp_path):
    """Tab through the import dialog from the sheet to Import: the sheet, register, header row and Check again,
    then the mapping's table — showing nothing focused — then the rows to import, Import and Cancel, and only
    then each column's choice of the mapping and the value to translate, made with the preview after the rest.
    Now each control once, as the dialog reads: the mapping's choices down its column, the translation below
    them, the rows to import beside, then the buttons; every control shown is reached, and the one with the
    keyboard shows it (a focus frame: Qt's focus state on the control drawn)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    _a_log_with_a_status_to_translate(tmp_path / "log.xlsx")
    dialog = ImportDialog(empty_window.document, tmp_path / "log.xlsx", empty_window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findText("Risks"))
    dialog.register_combo.setCurrentIndex(dialog.register_combo.findData("risks"))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.values_table.rowCount() > 0)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.sheet_combo.setFocus()
    qtbot.waitUntil(dialog.sheet_combo.hasFocus)
    stops = [QApplication.focusWidget()]
    while len(stops) < 40:
        keys_to(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is stops[0]:
            break
        stops.append(QApplication.focusWidget())
    names = [w.accessibleName() or w.text().replace("&", "") for w in stops]
    mapping = [dialog.mapping_table.cellWidget(r, 1) for r in range(dialog.mapping_table.rowCount())]
    values = [dialog.values_table.cellWidget(r, 1) for r in range(dialog.values_table.rowCount())]
    cancel = next(b for b in dialog.buttons.buttons() if b.text() == "Cancel")
    assert stops[:4] == [dialog.sheet_combo, dialog.register_combo, dialog.header_spin, dialog.recheck_button], names
    assert stops[4:4 + len(mapping)] == mapping, names
    assert stops[4 + len(mapping):4 + len(mapping) + len(values)] == values, names
    assert stops[4 + len(mapping) + len(values)] is dialog.report_view, names
    # "Kinda open" is imported as "Open", the word kept in the notes (classes65a): Import takes it, no row is left
    assert stops[-2:] == [dialog.import_button, cancel], names
    assert not dialog.partial_button.isVisible(), names
    assert len(stops) == len(set(stops)), names  # none twice
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.isEnabled()
             and w.focusPolicy() & Qt.FocusPolicy.TabFocus and isinstance(w, (QComboBox, QAbstractButton, QAbstractItemView, QAbstractSpinBox))
             and w.focusProxy() is None]
    assert set(shown) <= set(stops), [w.accessibleName() for w in shown if w not in stops]
    dialog.reject()


def test_what_changed_names_each_day_once(empty_window, qtbot):
    """File ▸ What Changed (Ctrl+Shift+W) in an office begun today, a risk typed: its heading read "What changed
    from 4 Dec 2026 (4 Dec 2026) to Now (5 Dec 2026)" — a past day's label is its day, and the day was said again
    after it (a board pack's, "Board pack 4 Dec 2026 (4 Dec 2026)", alike). Each day is said once."""
    import re
    from datetime import timedelta

    from pmo_desktop.models import clock
    from pmo_desktop.models.values import day_text

    window = empty_window
    heading = what_changed_after_a_risk_typed(window, qtbot).splitlines()[0]
    yesterday, today = day_text(clock.today() - timedelta(days=1)), day_text(clock.today())
    assert heading == f"What changed from {yesterday} to Now ({today})", heading
    assert all(heading.count(day) == 1 for day in re.findall(r"\d+ \w{3} \d{4}", heading)), heading


def _notes(window) -> str:
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in window.findChildren(RefusalNote) if n.isVisible())


def test_del_on_a_cell_the_register_needs_says_why_beside_it_and_the_next_keys_still_type(empty_window, qtbot):
    """A newcomer's first project, its name typed on the ✱ line, then Up and Del to start the name again: a
    message box "Nothing was changed: Project cannot be empty." took the keyboard, and the new name typed next
    went nowhere. Del refused is said beside the cell and in the status bar, as a value typed there is; the
    cell keeps its value and the name typed next replaces it."""
    from focused_keys import type_keys
    from PySide6.QtWidgets import QMessageBox

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Point of sale")
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    keys_to(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.table.hasFocus())
    assert view.table.currentIndex().column() == view.model.column_of("name")
    keys_to(qtbot, Qt.Key.Key_Delete)
    qtbot.wait(100)
    boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
    for box in boxes:
        box.reject()
    assert not boxes, "a message box took the keys typed next"
    assert "cannot be empty" in _notes(window)
    assert "cannot be empty" in window.statusBar().currentMessage()
    assert view.model.record(0)["name"] == "Point of sale"
    type_keys(qtbot, "POS replacement")
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(0)["name"] == "POS replacement")


def test_a_new_office_made_from_an_open_one_has_the_keyboard_on_the_page_list(empty_window, qtbot, tmp_path):
    """A newcomer, the demo walked, makes an office of their own: File ▸ New… (Ctrl+N), its name typed in the
    chooser and Enter. The new office showed its overview with the keyboard on nothing shown (the page stack, where
    closing the last office had put it to store an open cell): Down moved no page and Tab began nowhere. The
    keyboard is on the page list, on the overview; Down goes to Projects. (Seen when the chooser was accepted without
    a key; answered by Enter, as here, the keyboard reached the page list before too: this guards the flow.)"""
    from file_dialogs import answer_file_dialog
    from focused_keys import type_keys

    from pmo_desktop.views.page_list import PageList

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    type_keys(qtbot, "Quay crane delivered late")
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_register_view().model.rowCount() == 1)
    answer_file_dialog(qtbot, str(tmp_path / "my office.pmo"))  # the name typed in the chooser, and Enter
    keys_to(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.document is not None
                    and window.document.store.display_name.startswith("my office"), timeout=60_000)
    window.activateWindow()  # the chooser gone, the window active again, as the window manager hands it back
    qtbot.waitUntil(window.isActiveWindow)
    assert isinstance(window.focusWidget(), PageList), window.focusWidget()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), PageList))
    keys_to(qtbot, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.pages[1]


def test_tab_into_a_panel_collapsed_for_room_opens_it_and_back_in_the_table_it_closes(demo_window, qtbot):
    """150 % on a 1280×720 screen: the Benefits profile collapses under its table for room, as the README says —
    and Tab from the benefits' ✱ line went on into it, onto its tabs and the measurements, controls of no size
    drawn nowhere: the keyboard was lost to the eye. The panel opens while the keyboard is in it (the table keeps
    half the room at least) and collapses again when the keyboard is back in the table."""
    window = demo_window
    window.resize(853, 480)  # 150 % on a 1280×720 screen
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    split = page.live_benefits
    qtbot.waitUntil(lambda: page.register_view.table.hasFocus() and split.sizes()[1] == 0)
    keys_to(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is page.register_view.new_line
    keys_to(qtbot, Qt.Key.Key_Tab)
    bar = page.profile.tabs.tabBar()
    assert QApplication.focusWidget() is bar
    qtbot.waitUntil(lambda: split.sizes()[1] > 0)
    assert not bar.visibleRegion().isEmpty(), "the keyboard on a control drawn nowhere"
    assert split.sizes()[0] >= sum(split.sizes()) // 2  # the table keeps half the room at least, its rows in view
    keys_to(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.register_view.new_line
    qtbot.waitUntil(lambda: split.sizes()[1] == 0)
