"""The first search of a large register whose file has no search index builds the index on a worker behind a
progress dialog — it was built on the GUI thread, which a million risks froze for 58 s on a loaded machine — and
Cancel stops the build where it is, leaves no index, and the search still finds exactly its rows, reading every
row (round speed44, issue 16: the window never blocked). SQLite and PostgreSQL (the ``store`` fixture).

The thresholds are lowered so that ten records make a windowed table with a search index."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from pmo_desktop.models import records, search_index
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import RegisterView, windowed

PROJECTS = REGISTERS["projects"]


@pytest.fixture(autouse=True)
def _small_thresholds(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)
    monkeypatch.setattr(search_index, "THRESHOLD", 5)


@pytest.fixture
def view(qtbot, store):
    with store.transaction() as s:
        for i in range(10):
            records.create_record(s, PROJECTS, {"name": f"Project {i}", "status": ("Active", "Closed")[i % 2]})
    v = RegisterView(Document(store), PROJECTS)
    qtbot.addWidget(v)
    v.resize(1200, 500)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def builds(monkeypatch):
    """Each call of the index's build, by the thread it ran on; ``hold`` (set by a test) keeps the build waiting
    at its start until released, so that the test can press Cancel while it runs."""
    seen: list[str] = []
    hold = threading.Event()
    hold.set()
    build = search_index.ensure

    def recorded(*args, **kwargs):
        seen.append("gui" if threading.current_thread() is threading.main_thread() else "worker")
        hold.wait(10)
        return build(*args, **kwargs)

    monkeypatch.setattr(search_index, "ensure", recorded)
    return seen, hold


def names(view) -> list[str]:
    column = view.model.column_of("name")
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def progress_dialog() -> QProgressDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    return shown[0] if shown else None


def test_the_first_search_builds_the_index_on_a_worker_and_finds_its_rows(qtbot, view, builds):
    seen, _hold = builds
    office = view.model.document.office
    assert not office.read(search_index.has_index, PROJECTS)
    qtbot.keyClicks(view.search, "ject 7")
    qtbot.waitUntil(lambda: names(view) == ["Project 7"])
    assert seen and set(seen) == {"worker"}  # never on the GUI thread
    assert office.read(search_index.has_index, PROJECTS)
    assert view.count_label.text() == "1 of 10 rows"
    view.search.clear()
    qtbot.keyClicks(view.search, "oject")  # the index built once: not again
    qtbot.waitUntil(lambda: len(names(view)) == 10)
    assert len(seen) == 1


def test_cancel_stops_the_build_and_the_search_reads_every_row(qtbot, view, builds):
    seen, hold = builds
    hold.clear()  # the build waits at its start until Cancel was pressed
    pressed: list[bool] = []

    def press_cancel() -> None:
        dialog = progress_dialog()
        if dialog is None or pressed:
            return
        assert "search index" in dialog.labelText()
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()  # as the user's click: QProgressDialog's canceled
        pressed.append(True)
        hold.set()

    watch = QTimer()
    watch.timeout.connect(press_cancel)
    watch.start(20)
    try:
        qtbot.keyClicks(view.search, "ject 3")
        qtbot.waitUntil(lambda: names(view) == ["Project 3"], timeout=15_000)
    finally:
        watch.stop()
        hold.set()
    assert pressed and seen == ["worker"]
    office = view.model.document.office
    assert not office.read(search_index.has_index, PROJECTS)  # rolled back: nothing of it saved
    assert view.count_label.text() == "1 of 10 rows"
    qtbot.waitUntil(lambda: progress_dialog() is None)
    view.search.clear()
    qtbot.keyClicks(view.search, "Closed")  # this table does not ask again; its searches read every row
    qtbot.waitUntil(lambda: names(view) == [f"Project {i}" for i in range(1, 10, 2)])
    assert seen == ["worker"]
