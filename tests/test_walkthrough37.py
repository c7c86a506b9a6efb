"""Walkthrough 37: Ann and Raj on one shared office on a PostgreSQL server, as new users see it — the server going
away and coming back, the words for each way a connection fails, an empty database given to the command line, and
the close question closed without an answer. Real PostgreSQL server on loopback, real windows, real key presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _let_go_of_typing
from focused_keys import press, type_keys
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.errors import ConnectionLost
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.postgres

RISKS = REGISTERS["risks"]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def laptop(qtbot, tmp_path: Path, name: str, url: str) -> MainWindow:
    """One analyst's window on the shared office (its own settings, its own connections), on the Risks page."""
    window = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=_let_go_of_typing)  # what a test leaves held is not asked about
    window.show()
    assert window.open_path(url)
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Risks
    return window


def risk_ids(store: Store) -> list[int]:
    with store.session() as s:
        return [row[0] for row in records.fetch_rows(s, RISKS)]


def field_of(store: Store, rid: int, name: str):
    with store.session() as s:
        return records.fetch_rows(s, RISKS, ids=[rid])[0][2 + RISKS.field_names.index(name)]


def warnings(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()
            and box is not QApplication.activeModalWidget()]


def close_asking(qtbot, window: MainWindow, answer) -> list[str]:
    """The window's close (its title bar's ✕), each question it asks handled by ``answer(box)``; the texts asked."""
    asked: list[str] = []

    def when_asked() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, when_asked)
            return
        asked.append(box.text())
        answer(box)

    QTimer.singleShot(50, when_asked)
    window.close()
    return asked


def test_the_close_question_closed_without_an_answer_goes_back_to_what_was_typed(qtbot, tmp_path, shared_office):
    """Raj types "someday" as a risk's proximity (refused, held in its cell) and closes the window. The question
    "Go Back to It / Close Without It" closed with no button clicked — by ``reject()``, as the stop signal that a
    session ending sends closes a dialog open when it comes — was read as "Close Without It": the window closed and
    what he typed went. Closed without an answer it is Go Back, as Esc and the ✕ of its title bar are."""
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    view = raj.active_register_view()
    rid = risk_ids(raj.document.store)[0]
    view.select_record(rid, view.model.column_of("proximity"))
    view.table.setFocus()
    type_keys(qtbot, "someday")
    press(qtbot, Qt.Key.Key_Return)  # refused: held in its cell
    assert view.unsaved_typing() is not None
    for close_it in (QMessageBox.reject, QMessageBox.close, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)):
        asked = close_asking(qtbot, raj, close_it)
        assert len(asked) == 1 and "someday" in asked[0], asked
        assert raj.isVisible() and raj.document is not None
        assert view.unsaved_typing() is not None and "someday" in view.unsaved_typing()[0]


def visible_boxes() -> list[str]:
    return [b.text() for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]


@pytest.mark.qt_no_exception_capture  # the window's own failure hook, as the application installs it (run_gui)
def test_the_server_away_is_said_once_in_a_banner_and_what_was_typed_is_saved_when_it_is_back(
        qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """The server stops while Raj works. Each arrow key read the next risk's details from it and each read that
    failed opened a box — closed with Enter, the next key opened the next: a box per row; each change typed opened
    one more. Now a banner says it once, counting what is kept; no box comes for a row moved to, nor for a second
    change; and when the server is back the window finds it by itself, saves what was kept, and says so."""
    import sys

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_says = getattr(raj, "said_in_the_window", None)  # (none before walk37: each failure was a box)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, *([window_says] if window_says else []))
    raj.sync_timer.setInterval(300)  # the timer's check, every 5 s in the application
    view = raj.active_register_view()
    first, second, third = risk_ids(raj.document.store)[:3]
    view.select_record(first, view.model.column_of("title"))
    view.table.setFocus()
    pg_server.stop("fast")
    restarted = False
    try:
        boxes_seen: list[str] = []
        for _ in range(3):  # down the register with the arrow key, each box seen answered with Enter
            qtbot.keyClick(view.table, Qt.Key.Key_Down)
            qtbot.wait(100)
            boxes_seen += visible_boxes()
            for box in [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]:
                qtbot.keyClick(box, Qt.Key.Key_Return)
        assert boxes_seen == [], boxes_seen
        banner = raj.findChild(QFrame, "server-away-banner")
        qtbot.waitUntil(lambda: banner is not None and banner.isVisible(), timeout=3000)
        assert "cannot be reached" in banner.accessibleName() and "Nothing you type is lost" in banner.accessibleName()
        for rid, text in ((second, "Typed while away"), (third, "Typed while away too")):
            view.select_record(rid, view.model.column_of("title"))
            view.table.setFocus()
            type_keys(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.wait(100)
        assert len(raj.document.pending) == 2
        said = visible_boxes()
        assert len(said) <= 1, said  # the first change refused may say it is kept; the second says nothing more
        for box in [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        assert "2 changes you made since are kept" in banner.accessibleName(), banner.accessibleName()
        raj.grab().save(str(tmp_path / "away.png"))
        pg_server.start()
        restarted = True
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)  # found back by the window itself
        assert not raj.document.pending
        assert "is back. 2 changes kept while it was away were saved." in raj.statusBar().currentMessage()
        assert field_of(raj.document.store, second, "title") == "Typed while away"
        assert field_of(raj.document.store, third, "title") == "Typed while away too"
    finally:
        if not restarted:
            pg_server.start()


def refused_by_the_window(qtbot, main_window, url: str) -> str:
    """File ▸ Connect to Shared Office…, ``url`` typed and Enter: the one message the window gives."""
    from test_walkthrough36b import connect_by_the_menu

    connect_by_the_menu(qtbot, main_window, url)
    said = [b.text() for b in main_window.findChildren(QMessageBox, "warning") if b.isVisible()]
    for box in main_window.findChildren(QMessageBox, "warning"):
        box.close()
    assert len(said) == 1 and main_window.document is None, said
    return said[0]


def refused_by_the_command_line(capsys, url: str) -> str:
    from pmo_desktop.cli import main

    assert main(["summary", "--database", url]) != 0
    return capsys.readouterr().err.strip().splitlines()[-1]


def newer_office(pg_server, url: str) -> str:
    pg_server.sql("UPDATE pmo_meta SET value = '999' WHERE key = 'schema_version'", database=url.rsplit("/", 1)[1])
    return url


CAUSES = {  # how Ann's address goes wrong: (the address from the right one, what each says, and what it says to do)
    "database missing": (lambda s, url: url.rsplit("/", 1)[0] + "/pmo_typo", "has no database “pmo_typo”",
                         "createdb pmo_typo"),
    "port wrong": (lambda s, url: url.replace(f":{s.port}/", ":1/"), "Nothing answers at 127.0.0.1 port 1",
                   "the port wrong"),
    "host unknown": (lambda s, url: url.replace("127.0.0.1", "pmo-server.invalid"),
                     "No server named “pmo-server.invalid”", "Check the server's name"),
    "newer office": (newer_office, "was written by a newer PMO Desktop (office version 999",
                     "Update PMO Desktop on this computer"),
}


@pytest.mark.parametrize("cause", CAUSES)
def test_each_cause_of_a_failed_connection_is_said_in_its_own_words_by_the_window_and_the_command_line(
        qtbot, main_window, pg_server, pg_store_url, capsys, cause):
    """A database name mistyped said "Could not reach the server …: FATAL: database "pmo_typo" does not exist": the
    server was reached and answered, and "could not reach" sent a newcomer to the network. Each cause now has its
    own words and what to do, the same in File ▸ Connect to Shared Office… and on the command line; and a newer
    office on a server is no "file"."""
    make, words, to_do = CAUSES[cause]
    url = make(pg_server, pg_store_url)
    for said in (refused_by_the_window(qtbot, main_window, url), refused_by_the_command_line(capsys, url)):
        assert words in said and to_do in said, said
        assert "Could not reach" not in said and "FATAL" not in said and "pmo-test-secret" not in said, said


def test_an_empty_database_takes_an_import_from_the_command_line_as_the_window_takes_a_connection(
        qtbot, main_window, pg_url, tmp_path, capsys):
    """Ann puts her office on the server: `pmo-desktop import --database URL risks.xlsx` into the empty database
    the administrator made said "That database is not a PMO Desktop program office", while File ▸ Connect to Shared
    Office made it one. The import makes it an office and fills it, saying so; a command that only reads (summary,
    export) says the database is empty and how to fill it, and leaves it without a table; the window says it made
    a new office where it said nothing."""
    from openpyxl import Workbook
    from sqlalchemy import create_engine, inspect

    from pmo_desktop.cli import main

    assert main(["summary", "--database", pg_url]) != 0
    said = capsys.readouterr().err
    assert "is empty: no program office is there yet" in said and "pmo-desktop import --database" in said, said
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []  # a read made nothing
    finally:
        engine.dispose()
    book = Workbook()
    sheet = book.active
    sheet.title = "Risk Register"
    sheet.append(["Risk ID", "Title", "Probability", "Impact", "Owner", "Status"])
    sheet.append(["R-1", "Crane hire slips", 4, 3, "Ann", "Open"])
    sheet.append(["R-2", "Permit late", 2, 5, "Raj", "Open"])
    workbook = tmp_path / "Ann's risks.xlsx"
    book.save(workbook)
    assert main(["import", "--database", pg_url, str(workbook)]) == 0, capsys.readouterr()
    out, err = capsys.readouterr()
    assert "was an empty database: it is now a new program office" in err, err
    assert "Imported 2 new" in out, out
    office = Store.open(pg_url)
    try:
        assert sorted(field_of(office, rid, "title") for rid in risk_ids(office)) == ["Crane hire slips", "Permit late"]
    finally:
        office.close()


def test_connecting_to_an_empty_database_says_it_made_a_new_office(qtbot, main_window, pg_url):
    from test_walkthrough36b import connect_by_the_menu

    connect_by_the_menu(qtbot, main_window, pg_url)
    assert main_window.document is not None
    said = main_window.statusBar().currentMessage()
    assert "was an empty database: it is now a new program office" in said and "Import from Excel" in said, said


def test_a_risk_chosen_while_the_server_is_away_leaves_nothing_of_the_risk_before_to_edit(qtbot, tmp_path,
                                                                                         shared_office, pg_server):
    """Raj walks down the risks while the server is away (the walk of two processes, round walk37). The panel below
    kept R-001's header, texts and version while it stood for R-002, whose read failed: a cause typed there under
    "R-001" was saved into R-002 once the server was back — the record he had not meant. Now the panel says the
    risk could not be read and offers nothing to edit; when the server is back it shows R-002, and a cause typed
    then is R-002's, R-001's left as it was."""
    from pmo_desktop.views.risks.detail import RiskDetail

    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    raj.sync_timer.setInterval(300)  # the timer's check, every 5 s in the application
    view = raj.active_register_view()
    detail = raj.findChild(RiskDetail)
    first, second = risk_ids(raj.document.store)[:2]
    first_cause = field_of(raj.document.store, first, "cause")
    view.select_record(first, view.model.column_of("title"))
    view.table.setFocus()
    assert detail.header.text().startswith("R-001")
    pg_server.stop("fast")
    restarted = False
    try:
        with qtbot.capture_exceptions():  # the failed read, which the window's failure hook says in its banner
            qtbot.keyClick(view.table, Qt.Key.Key_Down)
        assert view.current_record_id() == second
        assert not detail.header.text().startswith("R-001"), detail.header.text()
        assert "could not be read" in detail.header.text()
        assert not any(editor.isEnabled() for editor in detail.editors.values())
        raj.document.server_went_away(ConnectionLost("The database server cannot be reached."))  # (the hook's part)
        pg_server.start()
        restarted = True
        qtbot.waitUntil(lambda: detail.header.text().startswith("R-002"), timeout=10_000)
        cause = detail.editors["cause"]
        assert cause.isEnabled()
        cause.setFocus()
        qtbot.keyClick(cause, Qt.Key.Key_End, CTRL)
        type_keys(qtbot, " Crane hire.")
        qtbot.keyClick(cause, Qt.Key.Key_Tab, CTRL)  # out of the box: the texts are saved
        qtbot.waitUntil(lambda: (field_of(raj.document.store, second, "cause") or "").endswith("Crane hire."))
        assert field_of(raj.document.store, first, "cause") == first_cause
    finally:
        if not restarted:
            pg_server.start()


def test_a_stakeholder_chosen_while_the_server_is_away_is_not_shown_as_the_one_before(qtbot, tmp_path, shared_office,
                                                                                    pg_server):
    """The same walk on the Stakeholders page: the panel kept the stakeholder before, heading and texts, editable,
    and what was typed there went nowhere. It says the stakeholder could not be read, and shows it once back."""
    from pmo_desktop.views.stakeholders.detail import StakeholderDetail

    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    raj.sync_timer.setInterval(300)
    qtbot.keyClick(raj, Qt.Key.Key_3, CTRL)  # Stakeholders
    view = raj.active_register_view()
    detail = raj.findChild(StakeholderDetail)
    with raj.document.store.session() as s:
        first, second = [row[0] for row in records.fetch_rows(s, REGISTERS["stakeholders"])][:2]
    view.select_record(first, view.model.column_of("name"))
    view.table.setFocus()
    before = detail.heading.text()
    pg_server.stop("fast")
    restarted = False
    try:
        with qtbot.capture_exceptions():
            qtbot.keyClick(view.table, Qt.Key.Key_Down)
        assert view.current_record_id() == second
        assert detail.heading.text() != before and "could not be read" in detail.heading.text()
        assert not detail.isEnabled()
        raj.document.server_went_away(ConnectionLost("The database server cannot be reached."))  # (the hook's part)
        pg_server.start()
        restarted = True
        qtbot.waitUntil(lambda: detail.isEnabled() and "could not be read" not in detail.heading.text(), timeout=10_000)
        assert detail.heading.text() != before
    finally:
        if not restarted:
            pg_server.start()
