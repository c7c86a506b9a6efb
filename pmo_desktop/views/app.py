"""Starting the GUI: the QApplication, settings, and which file to open."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME, __version__


def demo_office_path() -> Path:
    """The demo office lives in the user's data folder and is created on first use."""
    # QStandardPaths named here, not with the module: PySide makes a class's Python type and its enums at
    # the first use of its name, and the window is shown before the demo opens
    from PySide6.QtCore import QStandardPaths

    from ..models.demo import create_demo

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Demo program office.pmo"
    if not path.exists():
        create_demo(path).close()
    return path


def kept_edits_folder() -> Path:
    """Where a shared office's edits kept while its server is away are written as they are kept
    (``models/kept_journal.py``): the user's app-data folder, ``Kept edits`` (on Linux
    ~/.local/share/PMO Desktop/PMO Desktop/Kept edits, on Windows %APPDATA%\\PMO Desktop\\PMO Desktop\\Kept edits)."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "Kept edits"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    assert isinstance(app, QApplication)  # the GUI's own, or the one a test harness made
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="pmo-desktop", description=f"{APP_NAME}: open a program office.")
    parser.add_argument("file", nargs="?", help="program office file to open (none: the demo office at the first "
                                                "start, then the start screen with the offices opened before)")
    parser.add_argument("--database", metavar="URL", help="database URL, e.g. a shared PostgreSQL server")
    args, qt_args = parser.parse_known_args(argv)
    app = make_application(qt_args)
    from .main_window import MainWindow

    window = MainWindow()
    from . import failure_message

    failure_message.install(lambda: QApplication.activeModalWidget() or window, window.said_in_the_window)
    from . import stop_signals

    stop_signals.install(window)  # a SIGTERM, SIGHUP or Ctrl+C closes the window as the user's close does
    target = args.database or args.file
    # The office named is opened once the window is painted, so the user sees the program at once (``first_paint``),
    # the start screen saying "Opening “office.pmo”…" meanwhile (a new .pmo: offered to be made); with none, the
    # start screen's list is part of the first paint, and the demo of a first start opens after it.
    window.show()
    window.open_at_launch(target)
    return app.exec()
