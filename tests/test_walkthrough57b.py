"""Walkthrough 57, its leftovers: the first window past a small screen's edges (its status bar below the bottom, the
toolbar's "»" button unnamed), a new office named on the command line refused as "does not exist", and one row left
out by an import said as "they are in … with the reasons". Real key presses on the real widgets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from test_walkthrough34 import _colleagues_risks, _names, _open

from pmo_desktop import cli

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _shown_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def _type_a_risk(qtbot, window, title: str) -> None:
    """Ctrl+4 (Risks), the ✱ line's title, the title typed key by key and Enter; waits for its record."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    type_keys(qtbot, title)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)


def test_the_first_window_is_within_the_screen_its_status_bar_readable(main_window, qtbot, tmp_path):
    """A first start (no saved geometry) on a screen smaller than 1400×850 — a 1280×720 laptop or projector, here the
    suite's 800×800 screen: the window ran past the right and bottom edges, the status bar — where a risk typed says
    "Saved" — below the screen. It is made within the screen; the toolbar, too narrow for every tool, shows Qt's "»"
    button, which a screen reader now names."""
    window = main_window
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.width() <= room.width() and frame.height() <= room.height(), (frame, room)
    assert window.create_file(str(tmp_path / "office.pmo"))
    _type_a_risk(qtbot, window, "Crane delivery slips")
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage() != "")
    corner = bar.mapToGlobal(bar.rect().bottomRight())
    assert room.contains(corner), (corner, room)  # what it says can be read
    more = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is not None and more.isVisible()  # the tools do not fit in 800 px: the "»" button says what it is
    assert more.accessibleName() == "More tools"


def test_a_saved_size_that_fits_the_screen_is_kept(qtbot, tmp_path):
    """The size and place the user left the window at, within the screen, are the next start's as they were."""
    from pmo_desktop.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)
    first.move(40, 30)
    qtbot.waitUntil(lambda: first.size().width() == 640)
    first.close()
    second = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (640, 480)


def test_a_new_office_named_at_the_start_is_offered_and_enter_creates_it(main_window, qtbot, tmp_path):
    """``run-app.sh "Harbour programme.pmo"`` for an office that does not exist yet was refused "does not exist" over
    the start screen. A question offers to create it; Enter (Create, the default) makes it empty and opens it, and
    a risk can be typed into it at once."""
    window = main_window
    wanted = tmp_path / "Harbour programme.pmo"
    window.open_named_at_start(str(wanted))
    qtbot.waitUntil(lambda: len(_shown_boxes(window)) == 1)
    box = _shown_boxes(window)[0]
    assert "“Harbour programme.pmo” does not exist" in box.text() and "Create" in box.text(), box.text()
    assert box.defaultButton().text().replace("&", "") == "Create"
    qtbot.waitUntil(box.isActiveWindow)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    assert wanted.is_file() and window.document.store.path == wanted.resolve()
    assert "“Harbour programme.pmo” was created" in window.statusBar().currentMessage()
    _type_a_risk(qtbot, window, "Quay wall cracks")
    assert _names(window, "risks") == ["Quay wall cracks"]


def test_escape_creates_nothing_and_the_command_line_still_refuses_a_missing_office(main_window, qtbot, tmp_path,
                                                                                 capsys):
    """Esc (Cancel) makes nothing and leaves the start screen, saying so; a workbook named that does not exist is
    refused as before (no office is made of a workbook's name); the command line's own commands refuse a missing
    office and make nothing."""
    window = main_window
    wanted = tmp_path / "new.pmo"
    window.open_named_at_start(str(wanted))
    qtbot.waitUntil(lambda: len(_shown_boxes(window)) == 1)
    qtbot.waitUntil(_shown_boxes(window)[0].isActiveWindow)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not _shown_boxes(window))
    assert not wanted.exists() and window.document is None
    assert "“new.pmo” was not created" in window.statusBar().currentMessage()

    window.open_named_at_start(str(tmp_path / "risks.xlsx"))
    qtbot.waitUntil(lambda: len(_shown_boxes(window)) == 1)
    refusal = _shown_boxes(window)[0]
    assert refusal.windowTitle() == "Cannot open the program office" and "does not exist" in refusal.text()
    refusal.close()
    assert not (tmp_path / "risks.xlsx").exists()

    assert cli.main(["summary", str(wanted)]) != 0
    assert "does not exist" in capsys.readouterr().err and not wanted.exists()


@pytest.mark.parametrize(("bad", "said"), [
    (1, "1 row with errors left out; it is in “jo - rows left out.xlsx” beside the workbook, with the reason)"),
    (2, "2 rows with errors left out; they are in “jo - rows left out.xlsx” beside the workbook, with the reasons)"),
])
def test_rows_left_out_are_said_in_the_singular_or_the_plural(empty_window, qtbot, tmp_path: Path, bad, said):
    """"Import the N valid rows, leave M" (Alt+V): the status bar said "1 row with errors left out; they are in …,
    with the reasons" of one row. One row is "it", with "the reason"; two are "they", with "the reasons"."""
    window = empty_window
    rows = [["R-1", "Supplier late", "Open", 4, 3, "01/03/2026", None],
            ["R-2", "Budget cut", "Open", 2, 4, "31/02/2026", None],  # a day no calendar has: left out
            ["R-3", "Vendor lock in", "Closed", 3, 4, "01/04/2026", None],
            ["R-4", "Crane hire", "Open", 2, 2, "02/04/2026" if bad == 1 else "30/02/2026", None],
            ["R-5", "Quay wall cracks", "Open", 3, 3, "03/04/2026", None]]
    dialog = _open(window, qtbot, _colleagues_risks(tmp_path / "jo.xlsx", rows))
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    QApplication.processEvents()
    message = window.statusBar().currentMessage()
    assert said in message, message
    left = openpyxl.load_workbook(tmp_path / "jo - rows left out.xlsx", read_only=True)
    assert sum(1 for row in left.worksheets[0].iter_rows(min_row=2, values_only=True) if any(row)) == bad


STARTED_WITH_A_NEW_OFFICE = r"""
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pmo_desktop.views.app import make_application, run_gui

def answer_when_asked():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox) or not box.isActiveWindow():
        QTimer.singleShot(20, answer_when_asked)
        return
    print("asked:", " ".join(box.text().split()), flush=True)
    QTest.keyClick(box, Qt.Key.Key_Return)  # Create, the default
    QTimer.singleShot(0, say_when_open)

def say_when_open():
    window = box_parent()
    if window is None or window.document is None:
        QTimer.singleShot(20, say_when_open)
        return
    print("open:", window.document.store.path, flush=True)
    window.close()

def box_parent():
    from pmo_desktop.views.main_window import MainWindow
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)

make_application([])
QTimer.singleShot(0, answer_when_asked)
sys.exit(run_gui([sys.argv[1]]))
"""


def test_the_program_started_on_a_new_office_offers_it_and_enter_creates_it(tmp_path):
    """The real start (``run_gui``, as ``run-app.sh new.pmo`` and the installed command run it) on an office that
    does not exist: asked, Enter creates it and it opens; the program ends with 0 when its window is closed."""
    import os
    import subprocess
    import sys

    from processes import read_line

    root = Path(__file__).resolve().parents[1]
    wanted = tmp_path / "new.pmo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-c", STARTED_WITH_A_NEW_OFFICE, str(wanted)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=root)
    try:
        assert read_line(proc).strip() == f"asked: “new.pmo” does not exist in “{tmp_path}”. Create it as a new, " \
                                          "empty program office?"
        assert read_line(proc).strip() == f"open: {wanted.resolve()}"
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert wanted.is_file()
