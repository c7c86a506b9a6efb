"""A damaged or hand-edited settings file (QSettings: zoom, theme, recent files, window geometry, each
register's column layout and hidden columns), or one that cannot be written, never stops the program
from starting or a page from opening: each value of the wrong type or shape is ignored for its default."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize

from pmo_desktop.models.demo import create_demo
from pmo_desktop.views.pages import PAGES
from pmo_desktop.views.screen_fit import MARGIN

DAMAGED_INI = """[General]
recent_files=@Rect(1 2 3 4)
last_folder=@Size(3 4)
export_folder=@Point(1 2)

[view]
zoom=abc
theme=@Size(1 1)

[window]
geometry=not a geometry at all
"""

# Each register's column memory (the app's own settings file), in shapes older or broken files have.
DAMAGED_COLUMNS = {
    "columns/risks/hidden": QSize(1, 2),
    "columns/projects/hidden": 12,
    "columns/risks/layout": "[1, 2, 3]",
    "columns/projects/layout": '{"order": 5, "widths": ["x"]}',
    "columns/stakeholders/layout": "{not json",
}


@pytest.fixture
def damaged_app_settings():
    settings = QSettings()
    saved = {key: settings.value(key) for key in DAMAGED_COLUMNS}
    keys = [key for key in DAMAGED_COLUMNS if settings.contains(key)]
    for key, value in DAMAGED_COLUMNS.items():
        settings.setValue(key, value)
    settings.sync()
    yield
    for key in DAMAGED_COLUMNS:
        settings.remove(key)
    for key in keys:
        settings.setValue(key, saved[key])


def walk_every_page(window, tmp_path: Path) -> None:
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert window.open_path(str(path))
    for i, _page in enumerate(PAGES):
        window.nav.setCurrentRow(i)
        assert window.stack.currentWidget() is window.pages[i]


def test_a_damaged_settings_file_is_ignored_value_by_value(qtbot, tmp_path: Path, damaged_app_settings) -> None:
    from pmo_desktop.views.main_window import MainWindow
    from pmo_desktop.views.zoom import zoom

    ini = tmp_path / "settings.ini"
    ini.write_text(DAMAGED_INI)
    window = MainWindow(QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert zoom().percent == 100 and window.recent_files() == [] and window._last_folder() == ""
    # The default size (1400 wide, or the screen's width less its margin where that is smaller, as on the suite's
    # 800×800 offscreen screen), not a broken geometry's
    room = window.screen().availableGeometry()
    assert window.width() >= min(1000, room.width() - MARGIN)
    walk_every_page(window, tmp_path)
    assert window.recent_files() == [str(tmp_path / "demo.pmo")]  # and it is written again, whole
    window.close()


def test_a_settings_file_that_cannot_be_written(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.main_window import MainWindow

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings' folder would be")
    settings = QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    walk_every_page(window, tmp_path)
    window.zoom_in_action.trigger()
    window.close()
    settings.sync()
    assert settings.status() == QSettings.Status.AccessError  # not remembered, and nothing else happened
