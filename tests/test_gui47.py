"""Round gui47: what earlier walks left in the GUI at 1280×720, 1920×1080 and 150 % — a long phase of an import
that said nothing, the day a typed "next Friday" is, the stakeholder grid's quadrant titles at 150 %, the
dependency map's list on a projector, the windowed benefits table's value filter after an edit, and a second
SIGTERM while the close question is open. Real windows, real key presses."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from pmo_desktop.models import clock
from pmo_desktop.models.errors import OperationCancelled

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_progress() -> QProgressDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()),
                None)


def test_a_long_phase_that_reports_nothing_shows_the_busy_dialog_and_cancel_says_it_is_stopping(demo_window, qtbot):
    """Reading a big workbook, finding its headers, building the preview: phases that report no progress. The
    progress dialog showed only at a report made after 400 ms, so through such a phase the window took no key
    and said no word, frozen to look at. It now shows after 400 ms whatever the job reports, over the window the
    user sees — the import dialog reads its workbook as it is made, before it is shown, and a dialog over it stood
    apart from the window — with a moving busy bar; its Cancel says the job is stopping until it has."""
    from PySide6.QtWidgets import QDialog

    from pmo_desktop.views.background import run_with_progress

    window = demo_window
    being_made = QDialog(window)  # not shown yet, as the import dialog while it reads its workbook
    started = threading.Event()

    def a_phase_that_reports_nothing(progress, cancelled):
        started.set()
        for _ in range(1000):  # at most 10 s; looks at cancelled() only between its long steps
            if cancelled():
                raise OperationCancelled("Import cancelled: nothing was imported.")
            threading.Event().wait(0.01)
        return "read"

    seen: dict[str, object] = {}

    def when_shown() -> None:
        dialog = shown_progress()
        if dialog is None:
            return
        seen.setdefault("label", dialog.labelText())
        seen.setdefault("busy", dialog.maximum() == 0)
        seen.setdefault("over", dialog.parentWidget())
        if "stopping" not in seen:
            button = dialog.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            seen["stopping"] = dialog.isVisible() and "Stopping" in dialog.labelText()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(when_shown)
    timer.start(50)
    try:
        with pytest.raises(OperationCancelled):
            run_with_progress(being_made, "Reading big.xlsx…", a_phase_that_reports_nothing)
    finally:
        timer.stop()
    assert started.is_set()
    assert seen.get("label") == "Reading big.xlsx…", seen
    assert seen["busy"] is True and seen["over"] is window
    assert seen["stopping"] is True

    # A job past the 0.4 s that ends by itself closes its dialog and gives the keyboard back (QProgressDialog's close
    # says "canceled" too, and is not taken for Cancel: tests/test_replace40_bulk.py reads the dialog's words).
    window.go_to_page(3)  # the risk register
    table = window.stack.currentWidget().register_view.table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert run_with_progress(window, "Reading big.xlsx…", lambda progress, cancelled: threading.Event().wait(0.8)
                             or "read") == "read"
    assert shown_progress() is None
    qtbot.waitUntil(table.hasFocus)


def proximity_cell_typed(window, qtbot, typed: str):
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    qtbot.waitUntil(table.hasFocus)
    column = view.model.column_of("proximity")
    table.setCurrentIndex(view.proxy.index(0, column))
    type_keys(qtbot, typed)
    return view


def test_next_friday_typed_on_a_saturday_says_the_day_before_enter_stores_it(demo_window, qtbot):
    """"next Friday" typed in a date cell was stored as a day the user saw only after Enter — which Friday? The
    day it is read as, with its weekday, is in the status bar as it is typed, and Enter stores that day."""
    window = demo_window
    with clock.frozen(date(2026, 12, 5)):  # a Saturday
        view = proximity_cell_typed(window, qtbot, "next Friday")
        said = window.statusBar().currentMessage()
        assert said == "Proximity: “next Friday” is Friday 11 Dec 2026 — Enter stores it", said
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.table.hasFocus())
    record = view.model.record_at(0) if hasattr(view.model, "record_at") else None
    shown = view.proxy.index(0, view.model.column_of("proximity")).data()
    assert shown == "11 Dec 2026", (shown, record)
    assert "next Friday" not in window.statusBar().currentMessage()


def test_on_a_wednesday_friday_is_said_as_this_week_s_and_next_friday_is_not_guessed(demo_window, qtbot):
    """On a Wednesday, "Friday" is in two days, said as typed; "next Friday" may be in two days or nine, so it is
    not read as either: nothing is said as a reading, and Enter refuses it naming both days."""
    window = demo_window
    with clock.frozen(date(2026, 12, 9)):  # a Wednesday
        view = proximity_cell_typed(window, qtbot, "Friday")
        assert window.statusBar().currentMessage() == "Proximity: “Friday” is Friday 11 Dec 2026 — Enter stores it"
        editor = QApplication.focusWidget()
        editor.selectAll()
        type_keys(qtbot, "next Friday")
        assert "is Friday" not in window.statusBar().currentMessage()
        press(qtbot, Qt.Key.Key_Return)
        qtbot.wait(50)
        said = window.statusBar().currentMessage()
        assert "11 Dec 2026" in said and "18 Dec 2026" in said, said
    assert view.proxy.index(0, view.model.column_of("proximity")).data() != "11 Dec 2026"


STOPPED_TWICE = r"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd() / "tests"))
from window_process import the_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pmo_desktop.views.app import make_application, run_gui

def type_keys(text):  # each key to the widget with the keyboard: the first opens the cell, the rest go in
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)

def type_once_open():
    window = the_window()
    if window is None:
        QTimer.singleShot(50, type_once_open)
        return
    window.go_to_page(3)  # the risk register
    view = window.active_register_view()
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    type_keys("Stored before the stop")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # stored
    table.setCurrentIndex(view.proxy.index(0, view.model.column_of("proximity")))
    type_keys("someday")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # refused: held in its cell
    print("typed", flush=True)
    QTimer.singleShot(0, say_when_asked)

def say_when_asked():
    if isinstance(QApplication.activeModalWidget(), QMessageBox):
        print("asked", flush=True)
    else:
        QTimer.singleShot(20, say_when_asked)

make_application([])
QTimer.singleShot(0, type_once_open)
sys.exit(run_gui([sys.argv[1]]))
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGHUP"), reason="POSIX signals")
def test_a_second_sigterm_while_the_close_asks_ends_the_program_keeping_what_was_stored(tmp_path):
    """A session ending sends SIGTERM, then again, then kills. The first closes the window as the user's close
    does, which asks about a value the register refused, held in its cell ("Not saved: Go Back / Close Without
    It"). The second closed the question as a dialog open at a signal is closed (``reject``), which clicks no
    button: the window read that as "close without" by accident, and the value left out went without a word.
    The second now answers with the question's own "Close Without It": the program ends with 0, what was stored
    before is in the office, nothing is left beside it, and stderr says what the question was and its answer."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    from processes import read_line

    from pmo_desktop.models.demo import create_demo

    root = Path(__file__).resolve().parents[1]
    office = tmp_path / "Harbour.pmo"
    create_demo(office).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.Popen([sys.executable, "-c", STOPPED_TWICE, str(office)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=root)
    try:
        assert read_line(proc).strip() == "typed"
        proc.send_signal(signal.SIGTERM)
        assert read_line(proc).strip() == "asked"
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the program did not end at the second SIGTERM")
    assert proc.returncode == 0, err
    assert "Close Without It" in err and "someday" in err, err
    con = sqlite3.connect(office)
    try:
        assert con.execute("SELECT title FROM risk ORDER BY id LIMIT 1").fetchall() == [("Stored before the stop",)]
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("Harbour.pmo-")) == []


def test_the_dependency_map_s_list_reads_as_large_as_the_action_log_s_at_every_zoom(demo_window, qtbot):
    """The dependency map's list of late dependencies and what they threaten was in the desktop's small type, at
    every zoom: on a projector, Ctrl++ grew the tables and the action log beside it, and this list stayed small.
    It follows the zoom as the action log's list does (``zoom.follow_zoom``): the same size at 100 % and after
    Ctrl++ twice."""
    from pmo_desktop.views.pages import PAGES

    window = demo_window
    window.show_page([title for title, _spec in PAGES].index("RAID"))
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.dependency_map)
    trouble, log = page.dependency_map.trouble, page.action_log.tree
    qtbot.waitUntil(lambda: trouble.topLevelItemCount() > 0)
    assert trouble.font().pointSizeF() == log.font().pointSizeF() == 11.0
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert log.font().pointSizeF() == 11.0 * 1.25
    assert trouble.font().pointSizeF() == log.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert trouble.font().pointSizeF() == 11.0


TITLES_AT_150 = r"""
import json, sys
from PySide6.QtCore import QSettings
from pmo_desktop.views.app import make_application
app = make_application([])
from pmo_desktop.views.main_window import MainWindow
from pmo_desktop.views.pages import PAGES
from pmo_desktop.views.stakeholders.grid import PowerInterestGrid
office, settings, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
w = MainWindow(QSettings(settings, QSettings.Format.IniFormat))
w.show()
assert w.open_path(office)
w.resize(int(width / 1.5), int(height / 1.5))
w.show_page([title for title, _spec in PAGES].index("Stakeholders"))
for _ in range(10):
    app.processEvents()
grid = w.findChild(PowerInterestGrid)
grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them
def box(r):
    return [r.x(), r.y(), r.width(), r.height()]
print(json.dumps({"titles": {name: [label.isVisible(), box(label.sceneBoundingRect()), label.textItem.font().pointSize()]
                             for name, label in grid.quadrant_labels.items()},
                  "plot": box(grid.plot.sceneRect())}))
"""


@pytest.mark.parametrize("screen", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_at_150_percent_the_stakeholder_grid_shows_its_four_quadrant_titles(tmp_path, demo_file_copy, screen):
    """At 150 % (QT_SCALE_FACTOR=1.5) on a 1280×720 screen the power/interest grid beside the table is 144 of Qt's
    pixels high, too short for the bands above and below it that hold the quadrants' titles: the titles were left
    out, and the grid read as four tinted areas with no word of what each asks ("Manage closely", "Keep
    informed"). They are now inside their quadrants, in the least type, each in the corner its points and names
    cover least; at 1920×1080 they keep their bands. Run in a process of its own for the scale."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QRectF

    demo = demo_file_copy(tmp_path / "demo.pmo")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", TITLES_AT_150, str(demo), str(tmp_path / "settings.ini"),
                           *map(str, screen)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    plot = QRectF(*shown["plot"])
    assert sorted(shown["titles"]) == ["Keep informed", "Keep satisfied", "Manage closely", "Monitor"]
    for name, (visible, rect, points) in shown["titles"].items():
        assert visible, name
        assert plot.contains(QRectF(*rect).adjusted(4, 4, -4, -4)), (name, rect, shown["plot"])
        assert points >= 10, (name, points)
