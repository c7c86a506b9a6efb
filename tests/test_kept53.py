"""Round kept53: every kind of edit kept while the shared office's server is away survives the window.

kept51 wrote the cells typed while the PostgreSQL server is away to a journal on this computer, offered back at the
next start. Rows added and rows deleted, and blocks of more than 10,000 cells, were kept in the window's memory only
— a closed window, a dead battery or a SIGKILL lost them; the review was all or nothing; a register without a code had
no check that a record's ID still holds the record typed into; and a journal was not found under another spelling of
the office's address. Real PostgreSQL server on loopback, real windows and key presses, a real process killed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_kept51 import (
    TESTS,
    go,
    journal_of,
    journals_of,
    keep_and_close,
    kept_folder,
    killed,
    offered,
    press_button,
    reopened,
    risk_ids_of,
    said_by,
    window_hook,  # noqa: F401  (a fixture)
    windows_boxes,
)
from test_walkthrough37 import close_asking, laptop

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

pytestmark = [pytest.mark.postgres, pytest.mark.qt_no_exception_capture]

RISKS = REGISTERS["risks"]
PEOPLE = REGISTERS["people"]


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def risk_rows(url: str) -> dict[int, dict]:
    """The office's risks as the server holds them: id → field → value (with "version")."""
    store = Store.open(url)
    try:
        with store.session() as s:
            return {row[0]: dict(zip(["id", "version", *RISKS.field_names], row)) for row in records.fetch_rows(s, RISKS)}
    finally:
        store.close()


# A window of its own process (kept51's ``KEPT_BY_A_CHILD``): on its Risks page, once the test has stopped the server,
# it deletes a risk (Shift+Del on its row) and adds one on the ✱ line (its title typed, Enter) — both kept — says so,
# and runs on until it is killed.
ROWS_KEPT_BY_A_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[4])
from pmo_desktop.views.app import make_application
app = make_application([])
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pmo_desktop.views import failure_message
from pmo_desktop.views.main_window import MainWindow

url, settings, rid = sys.argv[1], sys.argv[2], int(sys.argv[3])
window = MainWindow(QSettings(settings, QSettings.Format.IniFormat))
failure_message.install(lambda: QApplication.activeModalWidget() or window, window.said_in_the_window)
window.show()
assert window.open_path(url)
window.resize(1280, 720)
window.activateWindow()
for _ in range(200):
    app.processEvents()
QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
view = window.active_register_view()
view.select_record(rid, view.model.column_of("title"))
view.table.setFocus()
print("ready", flush=True)
sys.stdin.readline()  # the server is stopped
QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
from PySide6.QtWidgets import QMessageBox
asked = []
while not asked:  # asked, the server away: what refers to the row cannot be checked now
    app.processEvents()
    asked = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
next(b for b in asked[0].buttons() if b.text().startswith("Delete")).click()
while len(window.document.pending) < 1:
    app.processEvents()
window.activateWindow()  # the question gone, the window the keyboard's again
view.focus_new_line(view.model.column_of("title"))
while QApplication.focusWidget() is None:
    app.processEvents()
for _ in range(50):
    app.processEvents()
for ch in sys.argv[5]:
    QTest.keyClick(QApplication.focusWidget(), ch)
QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
while len(window.document.pending) < 2:
    app.processEvents()
print("kept", flush=True)
app.exec()
"""


def rows_kept_by_a_child(tmp_path: Path, url: str, rid: int, title: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(TESTS.parent), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", ROWS_KEPT_BY_A_CHILD, url, str(tmp_path / "child.ini"), str(rid),
                             str(TESTS), title], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(TESTS.parent))


def test_a_row_added_and_a_row_deleted_while_the_server_is_away_survive_a_kill_and_are_saved_at_the_next_start(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Raj's window (a process of its own) deletes a risk and adds one on the ✱ line while the server is away; the
    process is killed. Both were in the window's memory only, and lost: the journal held nothing (a delete did not
    even get kept — the question of what refers to the risk could not be read). Now both are on the disk, the next
    start offers them ("1 row added, 1 row deleted") and Save Them Now does both, one undo step, the journal gone."""
    gone = risk_ids_of(shared_office)[2]
    before = risk_rows(shared_office)
    child = rows_kept_by_a_child(tmp_path, shared_office, gone, "Added before the kill")
    restarted = True
    try:
        said_by(child, "ready")
        pg_server.stop("fast")
        restarted = False
        go(child)
        said_by(child, "kept")
        entries = json.loads(journal_of(shared_office).read_text(encoding="utf-8"))["edits"]
        assert sorted(e.get("kind") for e in entries) == ["added", "deleted"], entries
        killed(child)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if not restarted:
            pg_server.start()
    assert risk_rows(shared_office).keys() == before.keys()  # nothing saved by the killed window

    raj = reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("2 edits typed on"), box.text()
    assert "1 row added, 1 row deleted" in box.informativeText(), box.informativeText()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: gone not in risk_rows(shared_office), timeout=10_000)
    after = risk_rows(shared_office)
    assert [r["title"] for rid, r in after.items() if rid not in before] == ["Added before the kill"]
    assert not journals_of(shared_office)
    assert raj.document.undo_stack.count() == 1  # one undo step for the save
    raj.document.undo_stack.undo()
    qtbot.waitUntil(lambda: risk_rows(shared_office).keys() == before.keys(), timeout=10_000)



def confirm_kept_delete(qtbot) -> None:
    """Shift+Del while the server is away asks (what refers to the row cannot be checked then): Delete pressed."""
    qtbot.waitUntil(lambda: any(b.objectName() == "confirm-delete" for b in windows_boxes()), timeout=5000)
    box = next(b for b in windows_boxes() if b.objectName() == "confirm-delete")
    assert "server is away" in box.text() and "kept on this computer" in box.text(), box.text()
    assert "“" in box.text().split("?")[0], box.text()  # the row named as the window shows it, not "1 risk"
    window = box.parentWidget().window()
    press_button(qtbot, box, next(b.text() for b in box.buttons() if b.text().startswith("Delete")))
    window.activateWindow()  # the question gone, the keyboard the window's again
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)


def delete_and_close(qtbot, tmp_path, url: str, pg_server, window_hook, rid: int) -> None:  # noqa: F811
    """Raj deletes risk ``rid`` (Shift+Del) while the server is away and closes his window, answering "close"."""
    raj = laptop(qtbot, tmp_path, "raj", url)
    window_hook(raj)
    view = raj.active_register_view()
    pg_server.stop("fast")
    try:
        view.select_record(rid, view.model.column_of("title"))
        view.table.setFocus()
        press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
        confirm_kept_delete(qtbot)
        qtbot.waitUntil(lambda: len(raj.document.pending) == 1, timeout=5000)
        for box in windows_boxes():
            box.close()
        asked = close_asking(qtbot, raj, lambda box: press_button(qtbot, box, "Close (Keep Them for Next Time)"))
        qtbot.waitUntil(lambda: not raj.isVisible(), timeout=5000)
        assert asked and "kept on this computer" in asked[0], asked
    finally:
        pg_server.start()


def test_a_row_deleted_while_away_that_a_colleague_changed_since_is_not_deleted_without_the_users_look(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Raj deletes a risk while the server is away and closes; Ann then changes that risk's title. The next start
    says so: Save Them Now leaves it (deleted, her change would go with it) and opens the review, which shows it
    "changed by someone else since"; only chosen there and saved is it deleted."""
    rid = risk_ids_of(shared_office)[3]
    delete_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, rid)
    ann = Store.open(shared_office)
    try:
        with ann.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Ann's newer title"})
    finally:
        ann.close()
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert "leaves for you to look at" in box.informativeText(), box.informativeText()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: raj.kept_offer.review is not None and raj.kept_offer.review.isVisible(), timeout=5000)
    assert risk_rows(shared_office)[rid]["title"] == "Ann's newer title"  # not deleted over her change
    assert journals_of(shared_office)  # still kept
    review = raj.kept_offer.review
    [row] = review.rows()
    assert row[1] == "(row deleted)" and "changed by someone else since" in row[4], row
    press_button(qtbot, review, "Save Them")
    qtbot.waitUntil(lambda: rid not in risk_rows(shared_office), timeout=5000)
    assert not journals_of(shared_office)


def pick(qtbot, review, typed: str) -> None:
    """The review's row of ``typed`` alone selected, from the keyboard: Ctrl+Home, then the arrows to it (each
    selects the row it goes to, and only it)."""
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    review.table.setFocus()
    qtbot.waitUntil(review.table.hasFocus)
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Down)  # (the current row moving: Ctrl+Home on the first row selects nothing anew)
    row = [r[2] for r in review.rows()].index(typed)
    for _ in range(row - 1):
        press(qtbot, Qt.Key.Key_Down)
    if row == 0:
        press(qtbot, Qt.Key.Key_Up)
    assert [e.typed for e in review.chosen()] == [typed]


def test_the_review_saves_and_discards_the_edits_chosen_one_by_one(qtbot, tmp_path, shared_office, pg_server,
                                                                     window_hook):  # noqa: F811
    """Three titles kept. The review was all or nothing. Now Down picks one row and Save 1 Selected saves that one
    (one undo step), the list keeps the other two; Down again and Discard 1 Selected discards one; Later keeps the
    last, offered at the next start."""
    ids = risk_ids_of(shared_office)[1:4]
    typed = {rid: f"Kept title {n}" for n, rid in enumerate(ids, 1)}
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, typed)
    stored = risk_rows(shared_office)
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    press_button(qtbot, box, "Review…")
    qtbot.waitUntil(lambda: raj.kept_offer.review is not None and raj.kept_offer.review.isVisible())
    review = raj.kept_offer.review
    assert sorted(r[2] for r in review.rows()) == list(typed.values())
    pick(qtbot, review, "Kept title 2")
    press_button(qtbot, review, "Save 1 Selected")
    qtbot.waitUntil(lambda: risk_rows(shared_office)[ids[1]]["title"] == "Kept title 2", timeout=5000)
    assert raj.document.undo_stack.count() == 1
    assert review.isVisible() and sorted(r[2] for r in review.rows()) == ["Kept title 1", "Kept title 3"]
    pick(qtbot, review, "Kept title 3")
    press_button(qtbot, review, "Discard 1 Selected")
    assert [r[2] for r in review.rows()] == ["Kept title 1"]
    press_button(qtbot, review, "Later")
    qtbot.waitUntil(lambda: not review.isVisible())
    now = risk_rows(shared_office)
    assert now[ids[0]]["title"] == stored[ids[0]]["title"] and now[ids[2]]["title"] == stored[ids[2]]["title"]
    written = journal_of(shared_office).read_text(encoding="utf-8")
    assert "Kept title 1" in written and "Kept title 2" not in written and "Kept title 3" not in written
    raj.close()
    qtbot.waitUntil(lambda: not raj.isVisible())
    reopened(qtbot, tmp_path, "raj-third", shared_office, window_hook)
    assert offered(qtbot).text().startswith("1 edit typed on")


def test_a_journal_is_found_under_another_spelling_of_the_offices_address(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """A title kept with the office opened as 127.0.0.1 is offered when it is opened as "localhost" with a
    connection option (connect_timeout): the journal was named by the address as written, and not found."""
    rid = risk_ids_of(shared_office)[1]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Kept under 127.0.0.1"})
    assert "@127.0.0.1:" in shared_office
    other_spelling = shared_office.replace("@127.0.0.1:", "@LocalHost:") + "?connect_timeout=7"
    raj = reopened(qtbot, tmp_path, "raj-again", other_spelling, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("1 edit typed on"), box.text()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: risk_rows(shared_office)[rid]["title"] == "Kept under 127.0.0.1", timeout=5000)
    assert raj.document.undo_stack.count() == 1


def test_every_spelling_of_one_office_names_one_journal_and_another_office_another(tmp_path):
    """"localhost" and "127.0.0.1", the default port written or not, a trailing slash, the driver and options of
    the connection: one journal; another database, user, server or port: another."""
    from pmo_desktop.models.kept_journal import journal_path

    same = ["postgresql+psycopg://ann:pw@localhost/pmo", "postgresql://ann@127.0.0.1:5432/pmo/",
            "postgresql+psycopg://ann@LOCALHOST:5432/pmo?connect_timeout=10&sslmode=require",
            "postgresql+psycopg://ann:other@[::1]/pmo?application_name=x"]
    assert len({journal_path(tmp_path, url) for url in same}) == 1, [journal_path(tmp_path, u) for u in same]
    others = ["postgresql://ann@localhost/pmo2", "postgresql://raj@localhost/pmo", "postgresql://ann@db/pmo",
              "postgresql://ann@localhost:5433/pmo"]
    assert len({journal_path(tmp_path, url) for url in [same[0], *others]}) == 5


def test_a_journal_an_earlier_version_named_by_the_address_as_typed_is_gathered(tmp_path):
    """kept51 named a journal by the address as it was typed; opened under another spelling, its edits are gathered
    into this office's journal, not left unoffered."""
    import hashlib

    from pmo_desktop.models.kept_journal import KeptEdit, KeptJournal, journal_path

    typed = "postgresql+psycopg://ann@127.0.0.1:5432/pmo"
    digest = hashlib.sha1(typed.encode()).hexdigest()[:16]
    legacy = tmp_path / f"ann_127_0_0_1_5432_pmo-{digest}.json"
    old = KeptJournal(legacy, typed)
    old.keep(1, [KeptEdit("risks", 2, "title", "Typed under the old name", "Was", 1, datetime.now().astimezone())])
    del old
    url = "postgresql://ann@localhost/pmo"
    journal = KeptJournal.opened(journal_path(tmp_path, url), url)
    assert [e.typed for e in journal.earlier()] == ["Typed under the old name"]
    assert not legacy.exists() and journal.path.exists()


def hand_written_journal(url: str, entries: list[dict]) -> Path:
    """A journal an earlier run left (its format as ``KeptJournal`` writes it), in the window's folder."""
    from pmo_desktop.models.kept_journal import journal_path

    path = journal_path(kept_folder(), url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": 1, "program": "PMO Desktop", "office": url.split("@")[-1], "edits": entries}),
                    encoding="utf-8")
    return path


def test_a_kept_edit_of_a_register_without_a_code_whose_id_holds_another_record_is_set_aside(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """A person's role kept for "Priya Shah" (people have no code). The server restored from an older backup: that
    ID is another person, at an older version. fault51's check needed a code, so the role was saved into the other
    person. Now the person's name and version kept with the edit tell: set aside, named, nothing saved."""
    store = Store.open(shared_office)
    try:
        with store.session() as s:
            pid, version, name = next((r[0], r[1], r[2 + PEOPLE.field_names.index("name")])
                                      for r in records.fetch_rows(s, PEOPLE))
        with store.transaction() as s:  # the backup's person under that ID
            records.update_record(s, PEOPLE, pid, {"name": "Someone Of The Backup"})
            s.execute(PEOPLE.entity.__table__.update().where(PEOPLE.entity.__table__.c.id == pid)
                      .values(version=version))
    finally:
        store.close()
    hand_written_journal(shared_office, [
        {"register": "people", "record_id": pid, "field": "role", "typed": "Typed for the person", "was": None,
         "version": version + 2, "typed_at": datetime.now().astimezone().isoformat(), "record": f"“{name}”",
         "code": "", "named": name}])
    reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    qtbot.waitUntil(lambda: any("another record now" in b.informativeText() + b.text() for b in windows_boxes()),
                    timeout=5000)
    said = next(b.informativeText() + b.text() for b in windows_boxes()
                if "another record now" in b.informativeText() + b.text())
    assert "Typed for the person" in said and "Someone Of The Backup" in said, said
    assert not [b for b in windows_boxes() if b.objectName() == "kept_offer"]


def test_the_review_says_when_a_records_id_cannot_be_checked(qtbot, tmp_path, shared_office, pg_server,
                                                               window_hook):  # noqa: F811
    """An edit of a benefit's planned value (its register has neither code nor name) kept by an earlier run: the
    review says that its ID still holding the same record cannot be checked, rather than nothing."""
    plan = REGISTERS["benefit_plan"]
    store = Store.open(shared_office)
    try:
        with store.session() as s:
            rid, version = next((r[0], r[1]) for r in records.fetch_rows(s, plan))
    finally:
        store.close()
    hand_written_journal(shared_office, [
        {"register": "benefit_plan", "record_id": rid, "field": "value", "typed": 123.0, "was": None,
         "version": version, "typed_at": datetime.now().astimezone().isoformat(), "record": "", "code": ""}])
    raj = reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    box = offered(qtbot)
    press_button(qtbot, box, "Review…")
    qtbot.waitUntil(lambda: raj.kept_offer.review is not None and raj.kept_offer.review.isVisible())
    [row] = raj.kept_offer.review.rows()
    assert "cannot be checked" in row[4], row


def test_a_block_of_more_than_10000_cells_kept_is_on_the_disk_and_offered_back(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """A fill of 10,001 cells typed while the server is away was kept in the window only (past what a table shows
    kept). Now it is written to the journal like any edit, and the next start offers it and saves it."""
    from pmo_desktop.views.register_table.commands import CellEdit, EditCellsCommand

    store = Store.open(shared_office)
    try:
        with store.transaction() as s:
            records.create_many(s, RISKS, [{"title": f"Bulk risk {n}"} for n in range(10_001)], None, None)
    finally:
        store.close()
    rows = risk_rows(shared_office)
    bulk = sorted(rid for rid, r in rows.items() if str(r["title"]).startswith("Bulk risk"))
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    pg_server.stop("fast")
    try:
        fill = EditCellsCommand(raj.document, RISKS, [CellEdit(rid, "trigger", None, "Filled while away")
                                                      for rid in bulk], {rid: rows[rid]["version"] for rid in bulk})
        assert not raj.document.execute(fill) and raj.document.pending == [fill]
        for box in windows_boxes():
            box.close()
        written = journal_of(shared_office).read_text(encoding="utf-8")
        assert written.count("Filled while away") == 10_001
        asked = close_asking(qtbot, raj, lambda box: press_button(qtbot, box, "Close (Keep Them for Next Time)"))
        qtbot.waitUntil(lambda: not raj.isVisible(), timeout=5000)
        assert asked and "kept on this computer" in asked[0], asked
    finally:
        pg_server.start()
    again = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("10,001 edits typed on"), box.text()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: not journals_of(shared_office), timeout=60_000)
    saved = risk_rows(shared_office)
    assert {saved[rid]["trigger"] for rid in bulk} == {"Filled while away"}
    assert again.document.undo_stack.count() == 1


def close_keeping(qtbot, window) -> None:
    """The window closed, its question answered "Close (Keep Them for Next Time)"."""
    for box in windows_boxes():
        box.close()
    asked = close_asking(qtbot, window, lambda box: press_button(qtbot, box, "Close (Keep Them for Next Time)"))
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert asked and "kept on this computer" in asked[0], asked


def test_rows_pasted_on_the_new_line_while_away_are_journaled_and_saved_at_the_next_start(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Two risks pasted (Ctrl+V) on the ✱ line while the server is away: the paste's new rows were kept in the window
    only. Now they are in the journal, and the next start saves both."""
    from PySide6.QtGui import QGuiApplication

    before = risk_rows(shared_office)
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    view = raj.active_register_view()
    pg_server.stop("fast")
    try:
        view.focus_new_line(view.model.column_of("title"))
        qtbot.waitUntil(view.new_line.hasFocus)
        QGuiApplication.clipboard().setText("Pasted while away one\r\nPasted while away two\r\n")
        press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(raj.document.pending) == 1, timeout=5000)
        entries = json.loads(journal_of(shared_office).read_text(encoding="utf-8"))["edits"]
        assert sorted(e["typed"]["map"]["title"] for e in entries) == ["Pasted while away one",
                                                                      "Pasted while away two"], entries
        close_keeping(qtbot, raj)
    finally:
        pg_server.start()
    again = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert "2 rows added" in box.informativeText(), box.informativeText()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: not journals_of(shared_office), timeout=10_000)
    added = sorted(r["title"] for rid, r in risk_rows(shared_office).items() if rid not in before)
    assert added == ["Pasted while away one", "Pasted while away two"]
    assert again.document.undo_stack.count() == 1


def test_a_row_typed_into_then_deleted_while_away_is_deleted_at_the_next_start(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Raj retitles a risk, then deletes it, while the server is away. Offered back, the title's save would move the
    record's version and the deletion — made at the version before — be refused: the deletion alone is done."""
    rid = risk_ids_of(shared_office)[4]
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    view = raj.active_register_view()
    pg_server.stop("fast")
    try:
        from test_pending49 import type_into

        type_into(qtbot, view, rid, "title", "Retitled, then deleted")
        for box in windows_boxes():
            box.close()
        view.select_record(rid, view.model.column_of("title"))
        view.table.setFocus()
        press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
        confirm_kept_delete(qtbot)
        qtbot.waitUntil(lambda: len(raj.document.pending) == 2, timeout=5000)
        close_keeping(qtbot, raj)
    finally:
        pg_server.start()
    reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("2 edits typed on"), box.text()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: rid not in risk_rows(shared_office), timeout=10_000)
    assert not journals_of(shared_office)
    assert not [p for p in kept_folder().glob("*refused*.json") if shared_office.rsplit("/", 1)[1] in p.name]


def test_a_row_added_to_a_record_deleted_since_is_set_aside_and_the_others_saved(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """An earlier run kept two actions added to two risks; Ann deleted one of the risks since. That action cannot be
    added (its risk is gone): it is named and set aside in a file beside the journal, and the other is saved."""
    actions = REGISTERS["risk_actions"]
    gone, kept = risk_ids_of(shared_office)[1:3]
    store = Store.open(shared_office)
    try:
        with store.transaction() as s:
            records.delete_records(s, RISKS, [gone])
    finally:
        store.close()
    when = datetime.now().astimezone().isoformat()
    hand_written_journal(shared_office, [
        {"register": "risk_actions", "record_id": 0, "field": "", "typed": {"map": {"description": description}},
         "was": None, "version": None, "typed_at": when, "record": f"“{description}”", "code": "", "kind": "added",
         "token": token, "parent_id": parent}
        for description, token, parent in (("Action of the deleted risk", "a1", gone),
                                           ("Action of the risk still there", "a2", kept))])
    path = journal_of(shared_office)
    path.write_text(path.read_text(encoding="utf-8").replace('"format": 1', '"format": 2'), encoding="utf-8")
    raj = reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("1 edit typed on"), box.text()
    said = box.informativeText()
    assert "deleted by someone else since" in said and "Action of the deleted risk" in said, said
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: not journals_of(shared_office), timeout=5000)
    with raj.document.store.session() as s:
        descriptions = {r[2 + actions.field_names.index("description")]: r for r in records.fetch_rows(s, actions)}
    assert "Action of the risk still there" in descriptions and "Action of the deleted risk" not in descriptions
    aside = [p for p in kept_folder().glob("*records-deleted*.json") if shared_office.rsplit("/", 1)[1] in p.name]
    assert len(aside) == 1 and "Action of the deleted risk" in aside[0].read_text(encoding="utf-8")


def test_rows_and_deletions_read_back_from_the_journal_as_they_were_kept(tmp_path):
    """A row added (its values: a date, an amount, a list, text with quote marks and a line break, nothing) and a
    row deleted (its record, code, first text and version) read back from the disk as the window kept them; a
    journal of cells alone stays in the format the version before reads."""
    from decimal import Decimal

    from pmo_desktop.models.kept_journal import ADDED, DELETED, KeptEdit, KeptJournal, journal_path, read_journal

    url = "postgresql+psycopg://ann@db.example.org/pmo"
    journal = KeptJournal(journal_path(tmp_path, url), url)
    now = datetime.now().astimezone()
    values = {"title": 'Quay “works” \\ "x"\nline two', "raised_on": datetime(2027, 3, 15).date(),
              "budget": Decimal("1250.50"), "impact_areas": ["Cost", "Time"], "notes": None, "probability": 3}
    kept = [KeptEdit("risks", 0, "", values, None, None, now, "“Quay works”", kind=ADDED, token="t-1", parent_id=None),
            KeptEdit("risk_actions", 0, "", {"description": "Call Ann"}, None, None, now, kind=ADDED, token="t-2",
                     parent_id=7),
            KeptEdit("risks", 12, "", None, None, 4, now, "R-012 “Crane”", "R-012", kind=DELETED),
            KeptEdit("people", 3, "", None, None, 2, now, "“Ann”", kind=DELETED, named="Ann Example")]
    journal.keep(1, kept)
    assert json.loads(journal.path.read_text(encoding="utf-8"))["format"] == 2
    back = read_journal(journal.path)
    assert [(e.kind, e.register, e.record_id, e.token, e.parent_id, e.version, e.code, e.named, e.record) for e in back] \
        == [(e.kind, e.register, e.record_id, e.token, e.parent_id, e.version, e.code, e.named, e.record) for e in kept]
    assert back[0].typed == values and {k: type(v) for k, v in back[0].typed.items()} == \
        {k: type(v) for k, v in values.items()}
    journal.forget(1)
    journal.keep(2, [KeptEdit("risks", 1, "title", "A cell", "Was", 1, now)])
    assert json.loads(journal.path.read_text(encoding="utf-8"))["format"] == 1


def test_a_row_deleted_while_away_is_not_deleted_over_a_colleagues_change_when_the_server_is_back(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """In the same window: Raj deletes a risk while the server is away, and deletes another after retitling it;
    meanwhile Ann changes the first. The server back, the deletion went through over her change without a word. Now
    the first is not deleted, said; the second (his own title saved first) is."""
    from test_pending49 import type_into

    first, second = risk_ids_of(shared_office)[5:7]
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    raj.sync_timer.setInterval(300)
    view = raj.active_register_view()
    said: list[str] = []
    raj.document.error.connect(said.append)
    pg_server.stop("fast")
    try:
        for rid in (first, second):
            if rid == second:
                type_into(qtbot, view, rid, "title", "Retitled, then deleted")
            for box in windows_boxes():
                box.close()
            view.select_record(rid, view.model.column_of("title"))
            view.table.setFocus()
            press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
            confirm_kept_delete(qtbot)
        qtbot.waitUntil(lambda: len(raj.document.pending) == 3, timeout=5000)
        for box in windows_boxes():
            box.close()
    finally:
        raj.sync_timer.stop()  # (the window finds the server back only once Ann has saved)
        pg_server.start()
    ann = Store.open(shared_office)
    try:
        with ann.transaction() as s:
            records.update_record(s, RISKS, first, {"title": "Ann's change meanwhile"})
    finally:
        ann.close()
    raj.sync_timer.start(300)
    qtbot.waitUntil(lambda: not raj.document.pending, timeout=20_000)
    now = risk_rows(shared_office)
    assert second not in now
    assert now[first]["title"] == "Ann's change meanwhile"
    assert any("Not deleted" in text and "changed by someone else" in text for text in said), said
    assert not journals_of(shared_office)
