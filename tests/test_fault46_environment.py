"""Fault round 46: the environment the window runs in — a settings file grown by hand or by another program.

Fault injected: a settings file whose recent-file list holds 10,000 offices (the window keeps 8): File ▸ Open Recent
listed all 10,000, a second's wait each time it opened and a menu taller than any screen. Now the first 8, as the
window would have kept them. (Values of the wrong type, a settings file that cannot be written and hidden columns
were met before: tests/test_settings_damaged.py, test_fault42_settings.py.)
"""

from __future__ import annotations

from PySide6.QtCore import QSettings


def test_a_recent_file_list_of_ten_thousand_offices_opens_as_the_eight_the_window_keeps(qtbot, tmp_path):
    from pmo_desktop.views.main_window import MAX_RECENT, MainWindow

    ini = tmp_path / "settings.ini"
    hostile = QSettings(str(ini), QSettings.Format.IniFormat)
    offices = [f"/srv/offices/Office {i}.pmo" for i in range(10_000)]
    hostile.setValue("recent_files", offices)
    hostile.sync()
    window = MainWindow(QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.recent_menu.aboutToShow.emit()
    # each by its name and folder, numbered, marked missing (none is on this machine) since walk 45, then the
    # list's own commands
    offices_shown = [a.toolTip() for a in window.recent_menu.actions() if a.toolTip().startswith("/srv/")]
    assert offices_shown == offices[:MAX_RECENT]
    assert window.recent_menu.actions()[0].text() == "&1 Office 0.pmo — /srv/offices (missing)"
    assert len(window.recent_menu.actions()) == MAX_RECENT + 3  # a separator, Remove Missing…, Clear List
