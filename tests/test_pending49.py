"""Round pending49: what a user sees of their own typing not saved yet (a cell typed while the shared office's server
is away shows what was typed, marked, until it is saved), and of values nobody gave ("Not prioritised yet" found by
the search box and by Find & Replace, as the cell shows it). Real PostgreSQL server on loopback where the shared
office is the subject, real windows, real key presses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_walkthrough37 import field_of, laptop, risk_ids

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table.table_model import KEPT_TIP

SHOTS = Path(os.environ.get("PENDING49_SHOTS", ""))  # where the round's screenshots go (unset: none)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def answer_boxes(qtbot) -> None:
    for box in [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]:
        qtbot.keyClick(box, Qt.Key.Key_Return)


def shot(window, name: str) -> None:
    if str(SHOTS) not in ("", "."):
        window.grab().save(str(SHOTS / name))


def type_into(qtbot, view, rid: int, field: str, text: str) -> None:
    view.select_record(rid, view.model.column_of(field))
    view.table.setFocus()
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(100)
    answer_boxes(qtbot)


@pytest.mark.postgres
@pytest.mark.qt_no_exception_capture  # the window's own failure hook, as the application installs it (run_gui)
def test_a_cell_typed_while_the_server_is_away_shows_what_was_typed_marked_until_it_is_saved(
        qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """Raj types a risk's title while the server is away. The cell went back to the stored title — only the bar
    said the change was kept — so he typed it again, and two kept changes were replayed. Now the cell shows what he
    typed, in italics, its tip "Not saved yet — kept until the server is back"; typed again, the newer text replaces
    the kept one (one change kept); when the server is back it is saved and the mark goes."""
    import sys

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    raj.sync_timer.setInterval(300)  # the timer's check, every 5 s in the application
    view = raj.active_register_view()
    model = view.table.model()
    second = risk_ids(raj.document.store)[1]
    stored = field_of(raj.document.store, second, "title")

    def title_cell(role=Qt.ItemDataRole.DisplayRole):
        return model.index(view.model.row_of(second), view.model.column_of("title")).data(role)

    pg_server.stop("fast")
    restarted = False
    try:
        type_into(qtbot, view, second, "title", "Crane slips typed away")
        assert len(raj.document.pending) == 1
        assert title_cell() == "Crane slips typed away"
        assert title_cell(Qt.ItemDataRole.FontRole).italic()
        assert title_cell(Qt.ItemDataRole.ToolTipRole) == KEPT_TIP
        shot(raj, "kept-typed.png")
        type_into(qtbot, view, second, "title", "Crane slips, typed again")
        assert len(raj.document.pending) == 1, [c.text() for c in raj.document.pending]  # replaced, not a second
        assert title_cell() == "Crane slips, typed again"
        pg_server.start()
        restarted = True
        qtbot.waitUntil(lambda: not raj.document.pending, timeout=10_000)
        assert field_of(raj.document.store, second, "title") == "Crane slips, typed again"
        assert title_cell() == "Crane slips, typed again"
        font = title_cell(Qt.ItemDataRole.FontRole)
        assert font is None or not font.italic()
        assert title_cell(Qt.ItemDataRole.ToolTipRole) != KEPT_TIP
        shot(raj, "kept-saved.png")
        assert stored != "Crane slips, typed again"
    finally:
        if not restarted:
            pg_server.start()


@pytest.mark.postgres
@pytest.mark.qt_no_exception_capture
def test_a_kept_cell_given_up_shows_what_is_stored(qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """A kept change taken back with Ctrl+Z (it was never saved) leaves the cell showing the stored value, unmarked."""
    import sys

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    view = raj.active_register_view()
    model = view.table.model()
    first, second = risk_ids(raj.document.store)[:2]
    type_into(qtbot, view, first, "title", "Saved before")  # a step on the stack for Ctrl+Z to reach
    stored = field_of(raj.document.store, second, "title")

    def title_cell(role=Qt.ItemDataRole.DisplayRole):
        return model.index(view.model.row_of(second), view.model.column_of("title")).data(role)

    pg_server.stop("fast")
    try:
        type_into(qtbot, view, second, "title", "Given up")
        assert title_cell() == "Given up"
        assert raj.document.pending and raj.document.undo_stack.canUndo()
        raj.activateWindow()  # (the box that said the change is kept has closed)
        qtbot.waitUntil(raj.isActiveWindow)
        view.table.setFocus()
        press(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: not raj.document.pending, timeout=3000)
        assert title_cell() == stored
        font = title_cell(Qt.ItemDataRole.FontRole)
        assert font is None or not font.italic()
    finally:
        pg_server.start()


@pytest.mark.postgres
@pytest.mark.qt_no_exception_capture
def test_a_risk_cause_typed_while_the_server_is_away_is_marked_not_saved_until_it_is(
        qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """The risk's panel: a cause typed while the server is away and left (Ctrl+Tab) is kept — its box in italics,
    its tip "Not saved yet — kept until the server is back" (it looked saved, nothing said in the box itself)."""
    import sys

    from pmo_desktop.views import failure_message
    from pmo_desktop.views.risks.detail import RiskDetail

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    raj.sync_timer.setInterval(300)
    view = raj.active_register_view()
    detail = raj.findChild(RiskDetail)
    second = risk_ids(raj.document.store)[1]
    view.select_record(second, view.model.column_of("title"))
    qtbot.waitUntil(lambda: detail.header.text().startswith("R-002"))
    cause = detail.editors["cause"]
    pg_server.stop("fast")
    try:
        cause.setFocus()
        qtbot.keyClick(cause, Qt.Key.Key_End, CTRL)
        type_keys(qtbot, " Crane hire.")
        qtbot.keyClick(cause, Qt.Key.Key_Tab, CTRL)  # out of the box: the texts are saved, or kept
        qtbot.wait(100)
        answer_boxes(qtbot)
        assert len(raj.document.pending) == 1
        assert cause.font().italic() and cause.toolTip() == KEPT_TIP
        assert cause.toPlainText().endswith("Crane hire.")
        shot(raj, "kept-cause.png")
    finally:
        pg_server.start()

ISSUES = REGISTERS["issues"]
UNPRIORITISED = ["Crane permit late", "Till software bug"]


@pytest.fixture(params=["in memory", "windowed"])
def issue_view(request, qtbot, store, monkeypatch):
    """An issue log of four issues, two never prioritised (their cells read "Not prioritised yet"), as a table in
    memory or as a large register's windowed table (rows read in pages, searched in the database)."""
    from pmo_desktop.views.register_table import RegisterView, windowed

    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1 if request.param == "windowed" else 10**9)
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)
    with store.transaction() as s:
        for title, priority in (("Crane permit late", None), ("Server room flood", "High"),
                                ("Till software bug", None), ("Store signage wrong", "Low")):
            records.create_record(s, ISSUES, {"title": title, "priority": priority})
    view = RegisterView(Document(store), ISSUES)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert isinstance(view.model, windowed.WindowedRegisterModel) == (request.param == "windowed")
    return view


def shown_titles(view) -> list[str]:
    column = view.model.column_of("title")
    return sorted(view.proxy.index(r, column).data() for r in range(view.proxy.rowCount()))


def test_the_search_box_finds_the_words_an_empty_priority_shows(qtbot, issue_view):
    """Ctrl+F, "not prioritised": the issues whose priority cell reads "Not prioritised yet" — they are empty in
    the store, and the search matched nothing (in memory and in the database alike)."""
    view = issue_view
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(view.search.hasFocus)
    type_keys(qtbot, "not prioritised")
    qtbot.waitUntil(lambda: shown_titles(view) == UNPRIORITISED, timeout=3000)
    shot(view, f"search-not-prioritised-{type(view.model).__name__}.png")


def test_replace_fills_an_empty_priority_shown_as_not_prioritised_yet(qtbot, issue_view, store):
    """Ctrl+H, "Not prioritised yet" → "High", Replace All: the two issues nobody prioritised are High; the others
    as they were. Before, no cell held the words the cells show."""
    from test_find_replace import alt, fill_in, open_dialog

    dialog = open_dialog(qtbot, issue_view)
    fill_in(qtbot, dialog, "Not prioritised yet", "High")
    alt(qtbot, Qt.Key.Key_A)
    with store.session() as s:
        priorities = {row[2 + ISSUES.field_names.index("title")]: row[2 + ISSUES.field_names.index("priority")]
                      for row in records.fetch_rows(s, ISSUES)}
    assert priorities == {"Crane permit late": "High", "Server room flood": "High",
                          "Till software bug": "High", "Store signage wrong": "Low"}, dialog.message.text()
