"""The main window: launching on the demo office, navigation, File menu paths and their error messages."""

import hashlib

import pytest
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.pages import PAGES


@pytest.fixture
def window(main_window):
    return main_window


def open_boxes(window):
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_launch_with_demo_office_and_visit_every_page(qtbot, window, tmp_path):
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert window.open_path(str(path))
    assert "demo.pmo" in window.windowTitle()
    for i, (_title, _spec) in enumerate(PAGES):
        window.nav.setCurrentRow(i)
        assert window.stack.currentWidget() is window.pages[i]
    window.nav.setCurrentRow(1)  # Projects
    view = window.active_register_view()
    assert view.model.rowCount() == 5
    assert window.settings.value("recent_files") == [str(path)]


def test_open_a_file_that_is_not_a_program_office(qtbot, window, tmp_path):
    bad = tmp_path / "budget.pmo"
    bad.write_bytes(b"PK\x03\x04 not a database")
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    assert not window.open_path(str(bad))
    boxes = open_boxes(window)
    assert boxes and "not a PMO Desktop program office file" in boxes[0].text()
    assert window.document is None
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    boxes[0].close()


def test_new_file_edit_undo_and_save_a_copy(qtbot, window, tmp_path):
    path = tmp_path / "new.pmo"
    assert window.create_file(str(path))
    window.nav.setCurrentRow(1)
    view = window.active_register_view()
    view.add_row()
    view.model.setData(view.model.index(0, view.model.column_of("name")), "Tills")
    undo = window._undo_actions[0]
    assert undo.isEnabled() and "Edit Project" in undo.text()
    copy = tmp_path / "copy.pmo"
    assert window.save_copy_to(str(copy))
    window.close_file()
    assert window.document is None
    reopened = Store.open(copy)
    with reopened.session() as s:
        assert [r[3] for r in records.fetch_rows(s, REGISTERS["projects"])] == ["Tills"]
    reopened.close()


def test_edit_menu_acts_on_the_focused_table(qtbot, window, tmp_path):
    path = tmp_path / "office.pmo"
    window.create_file(str(path))
    window.nav.setCurrentRow(1)
    add = next(a for a in window.edit_menu.actions() if a.text().replace("&", "").startswith("Add Row"))
    add.trigger()
    add.trigger()
    assert [r[3] for r in window.active_register_view().model.rows] == ["New project P-01", "New project P-02"]
    window._undo_actions[0].trigger()
    assert window.active_register_view().model.rowCount() == 1


def test_overview_counts_follow_edits(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QGroupBox

    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    window.open_path(str(path))

    def titles():
        return {b.title() for b in window.pages[0].findChildren(QGroupBox) if b.isVisibleTo(window.pages[0])}

    qtbot.waitUntil(lambda: "Risks (10)" in titles())
    window.nav.setCurrentRow(3)
    window.pages[3].register_view.add_row()
    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: "Risks (11)" in titles())


def test_the_first_screen_loads_no_file_machinery_and_builds_no_page(tmp_path):
    """What a start pays before the window is shown (issue 16, ``benchmarks/bench_startup.py``): the window's
    own modules and Qt, not the database, Excel or chart libraries, nor any page. A fresh interpreter, since
    this test session has loaded them all."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from pmo_desktop.views.app import make_application\n"
        "app = make_application()\n"
        "from pmo_desktop.views.main_window import MainWindow\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "app.processEvents()\n"
        "heavy = ('sqlalchemy', 'pyqtgraph', 'openpyxl', 'xlsxwriter', 'python_calamine', 'numpy', 'dataclasses',\n"
        "         'json')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith('pmo_desktop.models'))\n"
        "print('loaded', loaded)\n"
        "print('pages', sorted(w.pages), w.stack.count())\n"
        "import PySide6.QtWidgets as widgets\n"  # PySide makes a class's Python type at its first use
        "print('unused widget types made', [n for n in ('QWizard', 'QFontDialog', 'QMdiArea') if n in vars(widgets)])\n"
        "print('later widget types made', [n for n in ('QTabWidget', 'QDialog', 'QProxyStyle', 'QStyleFactory')\n"
        "                                  if n in vars(widgets)])\n"
        "import PySide6.QtCore as core\n"
        "print('unused core types made', [n for n in ('QStandardPaths',) if n in vars(core)])\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "loaded []" in lines, proc.stdout  # dataclasses too: 5 ms of a start that is measured in tens
    assert "pages [] 1" in lines, proc.stdout  # the welcome page only
    # nor the Python types of every widget class (54 of them, with their enums), which PySide makes to find
    # the type of a widget Qt made (a scroll area's viewport) when Python first holds one
    assert "unused widget types made []" in lines, proc.stdout
    # nor those of classes only a page, a dialog or a theme chosen later uses: a page's tabs, the dialogs' watch
    # (which asks Qt whether a polished widget is a dialog), the high-contrast style, a second Fusion style made
    # to read its palette
    assert "later widget types made []" in lines, proc.stdout
    # nor those of classes the first screen does not use (QStandardPaths: the demo's folder, found once it opens)
    assert "unused core types made []" in lines, proc.stdout


def test_a_page_shortcut_builds_its_page_at_first_use(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt

    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert window.open_path(str(path))
    assert sorted(window.pages) == [0]  # the overview; the others wait for their first visit
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    risks = next(i for i, (title, _s) in enumerate(PAGES) if title == "Risks")
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{risks + 1}"), Qt.KeyboardModifier.ControlModifier)  # Ctrl+4
    assert sorted(window.pages) == [0, risks]
    assert window.stack.currentWidget() is window.pages[risks]
    assert window.nav.currentRow() == risks
