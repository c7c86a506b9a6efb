"""Walkthrough 36b: two analysts, Ann and Raj, on one shared office on a PostgreSQL server, as newcomers see it.
Raj's Ctrl+Z of a title Ann had changed since said "Undone:" in the status bar over a box naming the conflict
dialog's three choices, which an undo does not offer; File ▸ Save a Copy As, to take the office offline, was
refused after the file had been chosen ("works on program office files, not on a shared server"); and closing
with a change kept while the server was away sent the user to that same Save a Copy As. Real PostgreSQL server,
real windows, real key presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from pmo_desktop.models import records
from pmo_desktop.models.base import Base
from pmo_desktop.models.errors import ConnectionLost
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views import file_dialogs
from pmo_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.postgres

RISKS = REGISTERS["risks"]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def laptop(qtbot, tmp_path: Path, name: str, url: str) -> MainWindow:
    """One analyst's window on the shared office (its own settings, its own connections), on the Risks page."""
    window = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(url)
    window.resize(1280, 720)
    to_front(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Risks
    return window


def to_front(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def risk_ids(store: Store) -> list[int]:
    with store.session() as s:
        return [row[0] for row in records.fetch_rows(s, RISKS)]


def title_of(store: Store, rid: int) -> str:
    with store.session() as s:
        return records.fetch_rows(s, RISKS, ids=[rid])[0][2 + RISKS.field_names.index("title")]


def type_title(qtbot, window: MainWindow, rid: int, text: str) -> None:
    view = window.active_register_view()
    to_front(qtbot, window)
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    qtbot.keyClick(view.table, text[0])  # the first key opens the editor, as in Excel
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)


def warnings(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, "warning") if box.isVisible()]


def test_undo_of_a_title_a_colleague_changed_since_says_not_undone_and_keeps_hers(qtbot, tmp_path, shared_office):
    """Raj renames R-001, Ann renames it after him (her window shows his change first), Raj presses Ctrl+Z. Ann's
    title stays — as before — but the status bar said "Undone: " and the box said "your change was not saved yet …
    Keep theirs, overwrite with yours, or re-apply", buttons an undo never shows. Now both say it was not undone,
    whose title the record keeps, and what the undo would have put back."""
    ann = laptop(qtbot, tmp_path, "ann", shared_office)
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    rid = risk_ids(ann.document.store)[0]
    before = title_of(ann.document.store, rid)
    type_title(qtbot, raj, rid, "Raj's title")
    to_front(qtbot, ann)
    ann.check_outside_changes()  # what her window does when it comes back to the front (and on a timer)
    view = ann.active_register_view()
    shown = view.model.index(view.model.row_of(rid), view.model.column_of("title")).data()
    assert shown == "Raj's title"  # she sees his change before she types hers
    type_title(qtbot, ann, rid, "Ann's title")
    to_front(qtbot, raj)
    qtbot.keyClick(raj.active_register_view().table, Qt.Key.Key_Z, CTRL)
    assert title_of(ann.document.store, rid) == "Ann's title"  # hers kept
    status = raj.statusBar().currentMessage()
    assert status.startswith("Not undone: Edit Title of R-001"), status
    said = warnings(raj)
    assert len(said) == 1, said
    assert "nothing was undone" in said[0] and "“Title” is now “Ann's title”" in said[0], said[0]
    assert f"undoing would have made it “{before}”" in said[0], said[0]
    assert "overwrite with yours" not in said[0] and "not saved yet" not in said[0], said[0]
    assert not raj.document.undo_stack.canUndo()  # the step is gone: a second Ctrl+Z has nothing to overwrite


def test_save_a_copy_of_the_shared_office_is_a_file_to_work_on_offline(qtbot, tmp_path, shared_office, monkeypatch):
    """Raj takes the office on his laptop: File ▸ Save a Copy As (Ctrl+Shift+S) from the server's office was
    refused once the file was chosen. It writes a program office file holding every row of every table (the
    history too), which opens and takes edits while the server's office stays as it was."""
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    server = raj.document.store
    copy = tmp_path / "raj offline.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save", lambda *_a, **_k: str(copy))  # the system's file chooser
    qtbot.keyClick(raj, Qt.Key.Key_S, CTRL | SHIFT)
    assert warnings(raj) == []
    assert copy.exists() and "work offline" in raj.statusBar().currentMessage()
    offline = Store.open(copy)
    try:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            with server.session() as s, offline.session() as o:
                assert [tuple(r) for r in o.execute(query)] == [tuple(r) for r in s.execute(query)], table.name
    finally:
        offline.close()
    first = risk_ids(server)[0]
    on_server = title_of(server, first)
    helper = Store.open(shared_office)  # the server's office, read after Raj's window has left it
    try:
        assert raj.open_path(str(copy))
        to_front(qtbot, raj)
        qtbot.keyClick(raj, Qt.Key.Key_4, CTRL)
        type_title(qtbot, raj, first, "Edited on the train")
        assert title_of(raj.document.store, first) == "Edited on the train"
        assert title_of(helper, first) == on_server
    finally:
        helper.close()


def test_closing_with_a_change_kept_while_the_server_is_away_does_not_offer_a_copy(qtbot, tmp_path, shared_office,
                                                                                  pg_server):
    """The server stops; Raj's edit is kept to retry; he closes the window. The question said "File ▸ Save a Copy
    As… saves the office with them elsewhere" — a copy of an office on a server that cannot be reached, which is
    refused. It says to keep the window open until the server is back, and Go Back keeps the change."""
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    rid = risk_ids(raj.document.store)[0]
    pg_server.stop("fast")
    try:
        with qtbot.capture_exceptions() as met:  # the next row's detail panel, read as Enter moves down to it
            type_title(qtbot, raj, rid, "Typed while the server was away")
        # said in words by the window's failure box (``failure_message``), naming the server, not psycopg's line alone
        assert met and all(isinstance(e, ConnectionLost) and "cannot be reached" in str(e) for _t, e, _tb in met), met
        assert len(raj.document.pending) == 1
        for box in raj.findChildren(QMessageBox, "warning"):
            box.close()
        asked: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(50, answer)
                return
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == "&Go Back").click()

        QTimer.singleShot(50, answer)
        raj.close()
        assert raj.isVisible() and len(raj.document.pending) == 1
        assert "Save a Copy" not in asked[0], asked[0]
        assert "keep it open until the database server is back" in asked[0], asked[0]
    finally:
        pg_server.start()
    raj.retry_pending()
    assert title_of(raj.document.store, rid) == "Typed while the server was away"


def connect_by_the_menu(qtbot, window: MainWindow, url: str) -> None:
    """File ▸ Connect to Shared Office…, the URL typed into its box and Enter."""
    from PySide6.QtWidgets import QInputDialog

    def type_url() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(50, type_url)
            return
        qtbot.keyClicks(QApplication.focusWidget(), url)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.text() == "Connec&t to Shared Office…")
    QTimer.singleShot(50, type_url)
    action.trigger()


def test_connecting_to_an_empty_database_makes_it_the_shared_office(qtbot, main_window, pg_url):
    """Ann follows the README: an empty database, File ▸ Connect to Shared Office, its URL. "The first connection to
    an empty database creates the schema" — but the window refused it, "That database is not a PMO Desktop program
    office", and nothing in the window could make one there. It opens as a new, empty office that takes a risk."""
    connect_by_the_menu(qtbot, main_window, pg_url)
    assert warnings(main_window) == []
    assert main_window.document is not None and main_window.document.store.program() is not None
    main_window.resize(1280, 720)
    to_front(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_4, CTRL)
    view = main_window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    type_keys(qtbot, "Server room floods")  # each key to the widget with the focus: the first opens the editor
    press(qtbot, Qt.Key.Key_Return)
    again = Store.open(pg_url)  # what Raj's window reads
    try:
        assert [title_of(again, rid) for rid in risk_ids(again)] == ["Server room floods"]
    finally:
        again.close()


def test_a_database_of_another_program_is_refused_naming_its_tables_and_left_as_it_was(qtbot, main_window, pg_url,
                                                                                       pg_server):
    """An empty database becomes an office; one that holds another program's tables never does: refused, its tables
    named, not one table of ours added to it."""
    name = pg_url.rsplit("/", 1)[1]
    pg_server.sql("CREATE TABLE invoices (id integer)", database=name)
    connect_by_the_menu(qtbot, main_window, pg_url)
    said = warnings(main_window)
    assert len(said) == 1 and "another program's tables (invoices)" in said[0] and "Nothing was changed" in said[0]
    assert main_window.document is None
    from sqlalchemy import create_engine, inspect

    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == ["invoices"]
    finally:
        engine.dispose()


def test_a_wrong_password_in_the_address_is_said_to_be_refused_not_the_server_unreachable(qtbot, main_window,
                                                                                         pg_store_url):
    """A password mistyped into the address said "Could not reach the database …: connection failed: … password
    authentication failed": the server was reached, and "could not reach" sent a newcomer to the network. It says
    the password was refused, and how to give it without the address."""
    connect_by_the_menu(qtbot, main_window, pg_store_url.replace(":pmo-test-secret@", ":pmo-test-secrte@"))
    said = warnings(main_window)
    assert len(said) == 1 and said[0].startswith("The server refused the password given in the address"), said
    assert "Could not reach" not in said[0] and "pmo-test-secrte" not in said[0]
    assert main_window.document is None
