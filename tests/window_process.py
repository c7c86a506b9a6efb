"""The desktop application as a process of its own, started by its real entry (``views.app.run_gui``), with
keys typed into it by Qt's own key events, for tests that stop it from outside (a signal).

    python tests/window_process.py OFFICE type TYPED
    python tests/window_process.py OFFICE preview WORKBOOK
    python tests/window_process.py OFFICE import WORKBOOK

opens OFFICE in the window, then — ``type``: goes to the risk register (Ctrl+4), puts the keyboard on the first
risk's title and types TYPED there without Enter (the cell's editor open), prints "typed"; ``preview``: opens File ▸
Import on WORKBOOK and prints "preview" once its preview is ready; ``import``: then clicks Import and prints
"importing" once the import's job is under way — and runs until it is stopped.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pmo_desktop.views.app import make_application, run_gui  # noqa: E402


def the_window():
    """The main window once its office is open and it is active, else None."""
    from pmo_desktop.views.main_window import MainWindow

    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window.document is None or not window.isActiveWindow():
        if window is not None:
            window.activateWindow()
        return None
    return window


def type_once_open(typed: str) -> None:
    window = the_window()
    if window is None:
        QTimer.singleShot(50, lambda: type_once_open(typed))
        return
    window.go_to_page(3)  # the risk register
    view = window.active_register_view()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, typed)
    print("typed", flush=True)


def import_once_open(workbook: str, click: bool) -> None:
    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = the_window()
    if window is None:
        QTimer.singleShot(50, lambda: import_once_open(workbook, click))
        return
    dialog = open_import_dialog(window, window.document, workbook)

    def when_ready() -> None:
        if not dialog.import_button.isEnabled():
            QTimer.singleShot(50, when_ready)
            return
        if not click:
            print("preview", flush=True)
            return
        QTimer.singleShot(0, say_when_importing)
        dialog.import_button.click()  # runs the import's own loop until it is done

    when_ready()


def say_when_importing() -> None:
    # The job's own counter, not its progress dialog: the dialog shows only after 400 ms and at a progress report,
    # which a loaded machine's import may not send in time (the line then never came, and the test waited 120 s).
    from pmo_desktop.views import background

    if background.running():
        print("importing", flush=True)
    else:
        QTimer.singleShot(10, say_when_importing)


if __name__ == "__main__":
    office, mode, given = sys.argv[1:4]
    make_application([])
    if mode == "type":
        QTimer.singleShot(0, lambda: type_once_open(given))
    else:
        QTimer.singleShot(0, lambda: import_once_open(given, click=mode == "import"))
    sys.exit(run_gui([office]))
