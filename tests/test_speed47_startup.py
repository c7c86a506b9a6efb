"""Start-up (issue 16, round speed47c): the program started as a user starts it (``pmo_desktop.cli.main``, a process of
its own) paints its window before it opens what it was given — a file named on the command line, the demo office of a
first start — and then opens it as it did: the same page, the keyboard in the same place, a page reached at once by
its key; a file it cannot open is said so over the painted window, and nothing is lost; a start with offices opened
before paints the start screen with them listed, and Enter there opens the office, the keyboard on the page list. And none of the libraries that only an open office uses is
imported before that first paint (SQLAlchemy, the models, the Excel libraries, the charts, numpy), so that nobody
puts one back unseen."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmo_desktop import APP_NAME, ORG_NAME

ROOT = Path(__file__).resolve().parents[1]

# Loaded only once an office is open (or an import, an export, a chart is asked for): none before the first paint.
NOT_BEFORE_THE_FIRST_PAINT = ("sqlalchemy", "pmo_desktop.models", "pmo_desktop.excel", "openpyxl", "python_calamine",
                              "xlsxwriter", "pyqtgraph", "numpy", "pmo_desktop.views.document", "json",
                              "pmo_desktop.views.background")
# Nor the Python types (with their enums, which PySide makes at the first use of a class's name) of the dialogs that
# only a stop from outside or a long job shows (``stop_signals``, ``background``); nor (round startup55) those of what
# only a page has — a combo box and a chart's graphics view (``zoom``), a splitter (``reading_order``), an undo
# command (annotations of ``main_window``) — nor the scroll bars' that the page list and the page area had PySide
# make by filtering events in Python on a scroll area, which sees its own scroll bars' events too.
TYPES_NOT_BEFORE_THE_FIRST_PAINT = ("QDialog", "QProgressDialog", "QComboBox", "QGraphicsView", "QSplitter",
                                    "QUndoCommand", "QScrollBar", "QAbstractSlider")

# The child: the real entry point, watched from inside by the main window's paint (its first paint; a paint handler
# of the child's own, not an application-wide event filter, which would make PySide type every object it sees) and a
# timer (what opened after it); it types Ctrl+4 as soon as an office is open, and prints what it
# saw as one line (a Python literal: not JSON, which the window does not import before its first paint).
CHILD = r"""
import sys
import PySide6.QtGui as gui
import PySide6.QtWidgets as widgets
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
from pmo_desktop.views.app import make_application
LAZY, TYPES = sys.argv[1].split(","), sys.argv[2].split(",")
seen = {}
def window():
    return next((w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
def focus():
    widget = QApplication.focusWidget()
    if widget is None:
        return None
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {text}".strip()
def state(w):
    page = w.stack.currentWidget()
    recent = w.welcome.recent
    return {"office": w.document is not None, "page": type(page).__name__, "row": w.nav.currentRow(),
            "focus": focus(), "listed": recent.count() if recent is not None and recent.isVisible() else 0}
def first_paint(self, event):
    if "painted" not in seen:
        seen["painted"] = dict(state(self), imported=sorted(m for m in LAZY if m in sys.modules),
                               types=[n for n in TYPES if n in vars(widgets) or n in vars(gui)])
        QTimer.singleShot(20, after)
    QMainWindow.paintEvent(self, event)
def after():
    w = window()
    box = QApplication.activeModalWidget()
    if box is not None:  # a file refused: its message over the window
        seen["message"] = box.text()
        box.close()
        QTimer.singleShot(50, lambda: finish(w))
        return
    if w.document is None and "listed" not in seen and not seen["painted"]["listed"]:
        QTimer.singleShot(20, after)
        return
    if not w.isActiveWindow():
        w.activateWindow()
        QTimer.singleShot(20, after)
        return
    if "opened" not in seen:
        seen["opened"] = state(w)
    if w.document is None:  # the start screen: Enter on its list opens the office it lists
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen["listed"] = True
        QTimer.singleShot(20, after)
        return
    seen["office_opened"] = state(w)
    QTest.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the risk register, at once
    seen["ctrl_4"] = state(w)
    finish(w)
def finish(w):
    seen["after"] = state(w)
    print(repr(seen), flush=True)
    QApplication.instance().quit()
app = make_application([])
from pmo_desktop.views.main_window import MainWindow
MainWindow.paintEvent = first_paint
from pmo_desktop.cli import main
sys.exit(main(sys.argv[3:]))
"""


def start(home: Path, *args: str, recent: Path | None = None) -> dict:
    """The program started in a home of its own (its settings and data folders), as it would be by a user."""
    config = home / "config"
    (config / ORG_NAME).mkdir(parents=True, exist_ok=True)
    if recent is not None:  # an office opened before, as the settings name it
        (config / ORG_NAME / f"{APP_NAME}.conf").write_text(f"[General]\nrecent_files={recent}\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               XDG_DATA_HOME=str(home / "data"))
    out = subprocess.run([sys.executable, "-c", CHILD, ",".join(NOT_BEFORE_THE_FIRST_PAINT),
                          ",".join(TYPES_NOT_BEFORE_THE_FIRST_PAINT), *args], env=env, capture_output=True, text=True,
                         timeout=180, cwd=home)
    assert out.returncode == 0, out.stderr[-3000:]
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def painted_before_opening(seen: dict) -> None:
    painted = seen["painted"]
    assert painted["office"] is False and painted["page"] == "WelcomePage"  # the window first, the office after
    assert painted["imported"] == [] and painted["types"] == []


def opened_on_the_first_page(seen: dict) -> None:
    """As the office always opened: its first page (the overview), and Ctrl+4 at once reaches the risk register
    with the keyboard in its table."""
    opened = seen["office_opened"]
    assert opened["office"] is True and opened["row"] == 0 and opened["page"] == "OverviewPage"
    assert opened["focus"] == "PageList"  # the keyboard where a launch always left it, not on the page's frame
    assert seen["ctrl_4"]["row"] == 3 and seen["ctrl_4"]["page"] == "RisksPage"
    assert seen["ctrl_4"]["focus"].startswith("RegisterTable")


@pytest.mark.timeout(400)
def test_a_first_start_paints_the_window_then_makes_and_opens_the_demo(tmp_path):
    seen = start(tmp_path)
    painted_before_opening(seen)
    opened_on_the_first_page(seen)
    assert (tmp_path / "data" / ORG_NAME / APP_NAME / "Demo program office.pmo").is_file()


@pytest.mark.timeout(400)
def test_a_file_named_on_the_command_line_opens_after_the_first_paint(tmp_path, demo_file_copy):
    office = demo_file_copy(tmp_path / "harbour.pmo")
    seen = start(tmp_path, str(office))
    painted_before_opening(seen)
    opened_on_the_first_page(seen)


@pytest.mark.timeout(400)
def test_a_file_refused_is_said_over_the_painted_window_and_left_as_it_was(tmp_path):
    workbook = tmp_path / "risks.xlsx"  # a newcomer's first move: their workbook, named as the office to open
    workbook.write_bytes(b"not really a workbook, and not an office either")
    seen = start(tmp_path, str(workbook))
    painted_before_opening(seen)
    assert "Import from Excel" in seen["message"]
    assert seen["after"]["office"] is False and seen["after"]["page"] == "WelcomePage"
    assert workbook.read_bytes() == b"not really a workbook, and not an office either"


@pytest.mark.timeout(400)
def test_a_start_with_an_office_opened_before_paints_the_start_screen_with_it(tmp_path, demo_file_copy):
    office = demo_file_copy(tmp_path / "harbour.pmo")
    seen = start(tmp_path, recent=office)
    painted = seen["painted"]
    assert painted["office"] is False and painted["page"] == "WelcomePage" and painted["listed"] == 1
    assert painted["imported"] == [] and painted["types"] == []
    assert seen["opened"]["focus"] == "RecentOfficesList"  # the keyboard on the newest, ready for Enter
    # Enter opens it, and the keyboard goes to the page list as at a launch with the office named — it was left
    # to whatever followed the start screen's list once hidden, the page's bare frame, where Down did nothing
    opened_on_the_first_page(seen)
