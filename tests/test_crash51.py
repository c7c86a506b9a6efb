"""Round crash51: a page shown while the shared office's server is away no longer takes the application down later.

PySide 6.11 keeps an exception raised in a Python override of a Qt virtual (a ``showEvent`` reading the office)
until control comes back to Python; every other Python override Qt looks up for the first time meanwhile — the
page's other widgets being shown with it — has its class's function released once too often (``Sbk_GetPyOverride``
drops a reference it never took). The function is freed while its class still holds it, and the next garbage
collection, at any moment later, ends the process in a segmentation fault. Each scenario runs in a child process, so
a crash is a failed test and not the end of the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pmo_desktop

pytestmark = pytest.mark.postgres

SOURCE_ROOT = Path(pmo_desktop.__file__).resolve().parents[1]

# The user's window on a shared office: the Risks page, its register shown; the parent stops the server (a line on
# stdin says so); the heat map's tab is clicked, the collector runs as it would at any moment, the window closes.
HEAT_MAP_WHILE_AWAY = r"""
import gc, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop.views.main_window import MainWindow
from pmo_desktop.views.risks.page import RisksPage

app = QApplication([])
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
assert window.open_path(sys.argv[1])
window.resize(1280, 720)
window.activateWindow()
QTest.qWaitForWindowActive(window)
QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Risks
QTest.qWait(200)
page = window.findChild(RisksPage)
print("ready", flush=True)
sys.stdin.readline()  # the server is stopped now
bar = page.tabs.tabBar()
QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(page.heat_map)).center())
QTest.qWait(300)
assert page.tabs.currentWidget() is page.heat_map
gc.collect()
for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
    box.close()
print("collected", flush=True)
"""


def run_while_the_server_is_away(script: str, url: str, tmp_path: Path, pg_server) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(SOURCE_ROOT), QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1",
               PYTHONMALLOC="debug")
    child = subprocess.Popen([sys.executable, "-c", script, url, str(tmp_path / "window.ini")], cwd=tmp_path,
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None and child.stdin is not None
    try:
        ready = child.stdout.readline()
        assert ready.strip() == "ready", (ready, child.stderr.read() if child.poll() is not None else "")
        pg_server.stop("fast")
        try:
            child.stdin.write("go\n")
            child.stdin.flush()
            out, err = child.communicate(timeout=120)
        finally:
            pg_server.start()
    finally:
        if child.poll() is None:
            child.kill()
    return subprocess.CompletedProcess(child.args, child.returncode, ready + out, err)


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def test_the_heat_map_shown_while_the_server_is_away_does_not_crash_later(tmp_path, shared_office, pg_server):
    """Raj's server goes away; he clicks the Risks page's Heat map tab. The page says it could not be read; the
    next garbage collection ended the application (exit -11) — any moment later, closing a window or not."""
    done = run_while_the_server_is_away(HEAT_MAP_WHILE_AWAY, shared_office, tmp_path, pg_server)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "collected" in done.stdout
