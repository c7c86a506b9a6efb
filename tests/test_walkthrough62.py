"""Walk 62: what a fresh newcomer doing a week's work tripped on (/work/rounds/walk62/findings.md), each driven with
real key presses on the real window at 1280×720."""

from __future__ import annotations

from focused_keys import press
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _said(window) -> str:
    return " ".join(window.statusBar().currentMessage().split())


def _file_menu_letter(qtbot, window, letter) -> None:
    """Alt+F, then a letter of the File menu, as a keyboard user picks an item."""
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), letter)
    settle(qtbot)


def test_file_export_this_register_writes_the_register_on_screen_alone(demo_window, qtbot, tmp_path, monkeypatch):
    """"Export the risk register": Ctrl+E wrote the whole office, twenty sheets. File ▸ Export This Register (Alt+F, H)
    writes the register on screen with its sub-tables — from a risk's actions too, the risk register — and says so;
    on the overview, which shows no register, it says where to go."""
    import pmo_desktop.views.exchange.actions as actions

    asked: list[tuple[str, str]] = []

    def save_as(_parent, title, suggested, pdf=False):
        asked.append((title, suggested))
        return str(tmp_path / f"out{len(asked)}.xlsx")

    monkeypatch.setattr(actions, "ask_workbook_to_save", save_as)
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    _file_menu_letter(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: (tmp_path / "out1.xlsx").exists())
    assert asked[0][0] == "Export the risk register to Excel" and asked[0][1].endswith("demo risk register.xlsx")
    assert load_workbook(tmp_path / "out1.xlsx", read_only=True).sheetnames[:2] == ["Risk register", "Risk actions"]
    assert "Stakeholder map" not in load_workbook(tmp_path / "out1.xlsx", read_only=True).sheetnames
    assert _said(window).startswith("Exported the risk register (with risk actions) to ")

    press(qtbot, Qt.Key.Key_3, CTRL)  # the stakeholders: their communication plan comes with them
    _file_menu_letter(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: (tmp_path / "out2.xlsx").exists())
    sheets = load_workbook(tmp_path / "out2.xlsx", read_only=True).sheetnames
    assert "Stakeholder map" in sheets and "Communication plan" in sheets and "Risk register" not in sheets

    press(qtbot, Qt.Key.Key_1, CTRL)  # the overview shows no register
    _file_menu_letter(qtbot, window, Qt.Key.Key_H)
    assert len(asked) == 2
    assert "shows no register" in _said(window) and "Ctrl+E exports the whole office" in _said(window)


def test_a_row_added_under_a_record_is_said_with_its_noun_and_whose_it_is(demo_window, qtbot):
    """A benefit's measurement typed on its ✱ line said "Added “1 Mar 2026”." — a date added where? It is said as the
    measurement of that day, to its benefit; a risk's action likewise as the risk action, to its risk."""
    from focused_keys import type_as_a_person

    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # Benefits, the keyboard on B-001
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_F6)  # its plan
    press(qtbot, Qt.Key.Key_F6)  # its measurements
    settle(qtbot)
    assert _said(window).startswith("Measurements of B-001")
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Down, CTRL)  # the last measurement's day, as in Excel
    press(qtbot, Qt.Key.Key_Down)  # the ✱ line
    type_as_a_person(qtbot, "1 Mar 2026")
    press(qtbot, Qt.Key.Key_Tab)
    type_as_a_person(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _said(window).startswith("Added"), timeout=3000)
    assert _said(window).startswith("Added the measurement of 1 Mar 2026 to B-001 “"), _said(window)

    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks, the keyboard on R-001
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_F6)  # its actions
    settle(qtbot)
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Down, CTRL)
    press(qtbot, Qt.Key.Key_Down)
    type_as_a_person(qtbot, "Call the supplier")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _said(window).startswith("Added"))
    assert _said(window).startswith("Added the risk action “Call the supplier” to R-001 “"), _said(window)


def test_a_benefit_measured_with_no_plan_says_its_measurement_kept(empty_window, qtbot):
    """A new benefit, a measurement typed under it: the profile said "Not measured: no planned trajectory", beside the
    very measurement, read as if it had not been kept. It names the measurements kept and what would rate them."""
    from focused_keys import type_as_a_person

    window = empty_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # Benefits, empty: the keyboard on its ✱ line
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    type_as_a_person(qtbot, "Faster ship turnaround")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Up)  # the benefit typed
    press(qtbot, Qt.Key.Key_F6)  # its plan
    press(qtbot, Qt.Key.Key_F6)  # its measurements
    settle(qtbot)
    type_as_a_person(qtbot, "1 Mar 2026")
    press(qtbot, Qt.Key.Key_Tab)
    type_as_a_person(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    verdict = page.profile.verdict
    qtbot.waitUntil(lambda: "1 measurement kept" in verdict.text(), timeout=3000)
    text = verdict.text()
    assert "the latest 12 on 1 Mar 2026" in text and "no plan to judge it by" in text and "Plan tab" in text
    assert "Not measured</b>: no planned trajectory" not in text


def test_ctrl_w_then_enter_opens_the_office_again(demo_window, qtbot):
    """Close and reopen by the keyboard: after Ctrl+W the start screen said "Recent offices — Enter opens" with the
    keyboard on no control, and Enter did nothing. The keyboard is on the office just closed: Enter opens it again."""
    window = demo_window
    path = window.document.store.path if hasattr(window.document.store, "path") else None
    press(qtbot, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.active_register_view().table.hasFocus())
    press(qtbot, Qt.Key.Key_W, CTRL)  # File ▸ Close
    qtbot.waitUntil(lambda: window.document is None)
    recent = window.welcome.recent
    assert recent is not None and QApplication.focusWidget() is recent
    assert recent.currentRow() == 0 and recent.currentItem().text().startswith("demo.pmo")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.store.display_name.endswith("demo.pmo")
    assert path is None or window.document.store.path == path
