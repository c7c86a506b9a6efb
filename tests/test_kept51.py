"""Round kept51: edits kept while the shared office's server is away outlive the window that kept them.

walk37 keeps a cell typed while the PostgreSQL server is away and saves it when the server is back — in the
window's memory only: a window closed anyway, a battery run flat or a process killed lost it (fault49 measured it).
Each kept edit is now written as it is kept to a journal in the app-data folder (one file per office and user, no
password in it), taken out as it is saved; the next start against the office offers back what is left — save,
review (record, field, typed, the server's value now), discard — and applies nothing by itself. Real PostgreSQL
server on loopback, real windows and key presses, and a real process killed with SIGKILL."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pg_server import SUPERUSER_PASSWORD
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_pending49 import type_into
from test_walkthrough37 import close_asking, field_of, laptop, risk_ids

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.app import make_application

# the window's own failure hook, as the application installs it (``window_hook``), says a read that failed
pytestmark = [pytest.mark.postgres, pytest.mark.qt_no_exception_capture]

make_application([])  # the application's names, which its app-data folder is under, as the program sets them
RISKS = REGISTERS["risks"]
TESTS = Path(__file__).resolve().parent


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


@pytest.fixture
def window_hook(monkeypatch):
    """The window's own failure hook, as the application installs it (``run_gui``), put back after the test."""
    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def install(window) -> None:
        failure_message.install(lambda: QApplication.activeModalWidget() or window, window.said_in_the_window)

    return install


def kept_folder() -> Path:
    """Where the README says the kept edits are: the app-data folder's "Kept edits"."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "Kept edits"


def journals() -> list[Path]:
    folder = kept_folder()
    return sorted(p for p in folder.glob("*.json") if "." not in p.stem) if folder.is_dir() else []


def journals_of(url: str) -> list[Path]:
    """The journal files of the office at ``url`` (its server address in the name, no password)."""
    database = url.rsplit("/", 1)[1]
    return [p for p in journals() if f"_{database}-" in p.name]


def journal_of(url: str) -> Path:
    found = journals_of(url)
    assert len(found) == 1, (found, journals())
    return found[0]


def today_text() -> str:
    d = date.today()
    return f"{d.day} {d:%b %Y}"


def offered(qtbot) -> QMessageBox:
    """The question the window asks at the start about edits an earlier run kept."""
    def find() -> QMessageBox | None:
        return next((b for b in QApplication.topLevelWidgets()
                     if isinstance(b, QMessageBox) and b.isVisible() and b.objectName() == "kept_offer"), None)

    qtbot.waitUntil(lambda: find() is not None, timeout=5000)
    box = find()
    assert box is not None
    return box


def reopened(qtbot, tmp_path: Path, name: str, url: str, window_hook):
    """The next start of a window against the office (its own settings): the question about kept edits comes as
    it opens, so the window itself is not the active one (``laptop`` waits for that)."""
    from conftest import _let_go_of_typing
    from PySide6.QtCore import QSettings

    from pmo_desktop.views.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=_let_go_of_typing)
    window_hook(window)
    window.show()
    assert window.open_path(url)
    window.resize(1280, 720)
    return window


def press_button(qtbot, dialog, text: str) -> None:
    """The button of ``dialog`` that reads ``text``, pressed from the keyboard (Space on it, as after Tab to it)."""
    from PySide6.QtWidgets import QAbstractButton

    button = next(b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") == text)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def windows_boxes() -> list[QMessageBox]:
    return [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]


# A window of its own process: opens the office on its Risks page, waits for the test to stop the server, types a
# title into a risk with key presses and Enter (kept: the server is away), says so, and runs on until it is killed.
KEPT_BY_A_CHILD = r"""
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
for ch in sys.argv[5]:
    QTest.keyClick(QApplication.focusWidget(), ch)
QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
while not window.document.pending:
    app.processEvents()
print("kept", flush=True)
app.exec()
"""


def window_of_its_own(tmp_path: Path, url: str, rid: int, text: str) -> subprocess.Popen:
    """``KEPT_BY_A_CHILD``: a window in a process of its own, to type ``text`` into risk ``rid``'s title."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(TESTS.parent), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", KEPT_BY_A_CHILD, url, str(tmp_path / "child.ini"), str(rid),
                             str(TESTS), text], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(TESTS.parent))


def go(child: subprocess.Popen) -> None:
    """Tell the child the server is stopped: it types now."""
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()


def killed(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert child.returncode == -signal.SIGKILL


def said_by(proc: subprocess.Popen, word: str, timeout: float = 60) -> None:
    assert proc.stdout is not None
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([proc.stdout], [], [], 0.5)
        if ready:
            line = proc.stdout.readline()
            if line.strip() == word:
                return
            assert line, f"the child ended before saying {word!r}: {proc.stderr.read() if proc.stderr else ''}"
    raise AssertionError(f"the child did not say {word!r} in {timeout} s")


def test_an_edit_kept_by_a_window_killed_with_sigkill_is_offered_back_at_the_next_start_and_saved(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Raj's window (a process of its own) keeps a title typed while the server is away; the process is killed
    (SIGKILL: a battery run flat, a crash). The title was lost with it. Now it is on the disk — the office's address
    without its password — and the next window against the office, the server back, says "1 edit typed on <today>
    while the server was away was not saved" and, asked (Save Them Now), saves it: in the risk, one undo step, the journal
    gone."""
    store = Store.open(shared_office)
    try:
        rid = risk_ids(store)[1]
        stored = field_of(store, rid, "title")
    finally:
        store.close()
    child = window_of_its_own(tmp_path, shared_office, rid, "Typed before the kill")
    restarted = True
    try:
        said_by(child, "ready")
        pg_server.stop("fast")
        restarted = False
        go(child)
        said_by(child, "kept")
        journal = journal_of(shared_office)
        written = journal.read_text(encoding="utf-8")
        assert "Typed before the kill" in written
        assert SUPERUSER_PASSWORD not in written  # never a credential on the disk
        killed(child)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if not restarted:
            pg_server.start()
    assert field_of_office(shared_office, rid) == stored  # the kept edit was never saved by the killed window

    raj = reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text() == f"1 edit typed on {today_text()} while the server was away was not saved.", box.text()
    assert field_of(raj.document.store, rid, "title") == stored  # nothing applied before the user says so
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: field_of(raj.document.store, rid, "title") == "Typed before the kill", timeout=5000)
    assert not journal.exists()
    assert raj.document.undo_stack.canUndo()
    assert "Saved 1 edit typed while the server was away" in raj.statusBar().currentMessage()


def field_of_office(url: str, rid: int):
    store = Store.open(url)
    try:
        return field_of(store, rid, "title")
    finally:
        store.close()


def keep_and_close(qtbot, tmp_path, url: str, pg_server, window_hook, typed: dict[int, str],
                   field: str = "title") -> list[str]:
    """Raj types each title of ``typed`` while the server is away and closes his window, answering "close" to the
    question; the server is started again. Returns the question's text."""
    raj = laptop(qtbot, tmp_path, "raj", url)
    window_hook(raj)
    view = raj.active_register_view()
    pg_server.stop("fast")
    try:
        for rid, text in typed.items():
            type_into(qtbot, view, rid, field, text)
        assert len(raj.document.pending) == len(typed)
        for box in windows_boxes():  # the first change refused said it is kept
            box.close()
        qtbot.waitUntil(lambda: not windows_boxes() and QApplication.activeModalWidget() is None)
        asked = close_asking(qtbot, raj, lambda box: press_button(qtbot, box, "Close (Keep Them for Next Time)"))
        qtbot.waitUntil(lambda: not raj.isVisible(), timeout=3000)
    finally:
        pg_server.start()
    return asked


def test_a_window_closed_with_edits_kept_says_they_stay_on_this_computer_and_the_next_start_reviews_them(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Raj closes his window while a title is kept. The question said the change was "kept in this window only" and
    its "Close Without Them" lost it. Now it says the change stays on this computer and is offered back; closed, the
    next window says so and Review… lists it — the record, the field, what he typed, what the server holds now (Ann
    changed it meanwhile: said) — and Discard leaves the office as the server holds it, the journal gone."""
    rid = risk_ids_of(shared_office)[1]
    asked = keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Typed then closed"})
    assert len(asked) == 1 and "kept on this computer and offered back the next time you open this office" in asked[0]
    journal = journal_of(shared_office)
    assert "Typed then closed" in journal.read_text(encoding="utf-8")
    ann = Store.open(shared_office)
    try:
        with ann.transaction() as s:
            row = records.fetch_rows(s, RISKS, ids=[rid])[0]
            code = row[2 + RISKS.field_names.index("code")]
            records.update_record(s, RISKS, rid, {"title": "Ann's title"})
    finally:
        ann.close()

    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert "1 edit typed on" in box.text() and "1 of them is in a record someone else has changed since" \
        in box.informativeText(), box.informativeText()
    press_button(qtbot, box, "Review…")
    qtbot.waitUntil(lambda: raj.kept_offer is not None and raj.kept_offer.review is not None
                    and raj.kept_offer.review.isVisible())
    review = raj.kept_offer.review
    [row_shown] = review.rows()
    assert row_shown[0].startswith(code) and row_shown[1:] == ["Title", "Typed then closed", "Ann's title",
                                                                "changed by someone else since"], row_shown
    press_button(qtbot, review, "Discard Them")
    qtbot.waitUntil(lambda: not journal.exists())
    assert field_of(raj.document.store, rid, "title") == "Ann's title"
    assert not [p for p in kept_folder().glob(f"{journal.stem}*")]  # discarded as asked: nothing set aside


def risk_ids_of(url: str) -> list[int]:
    store = Store.open(url)
    try:
        return risk_ids(store)
    finally:
        store.close()


def test_a_kept_edit_saved_at_the_next_start_meets_a_colleagues_change_as_the_conflict_question(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Saved at the next start, an edit of a record Ann changed since is asked about (walk37's rule for kept edits),
    never written over hers in silence; the edit of a record nobody touched is saved."""
    from pmo_desktop.views.conflict_dialog import ConflictDialog

    first, second = risk_ids_of(shared_office)[1:3]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook,
                   {first: "Raj's kept title", second: "Raj's other kept title"})
    ann = Store.open(shared_office)
    try:
        with ann.transaction() as s:
            records.update_record(s, RISKS, first, {"title": "Ann's title"})
    finally:
        ann.close()
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("2 edits typed on")
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in raj.findChildren(ConflictDialog)), timeout=5000)
    assert field_of(raj.document.store, first, "title") == "Ann's title"  # asked, not overwritten
    assert "Raj's kept title" in journal_of(shared_office).read_text(encoding="utf-8")  # still kept while asked


def test_a_kept_edit_of_a_record_deleted_since_is_said_and_set_aside_not_deleted(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Ann deletes one of the two risks Raj's closed window kept a title for. The next start says that edit cannot
    be saved, names it and where it was set aside (a file beside the journal, holding what he typed), and offers the
    other, which Save Them Now saves."""
    gone, kept = risk_ids_of(shared_office)[1:3]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook,
                   {gone: "Typed for the deleted one", kept: "Typed for the kept one"})
    ann = Store.open(shared_office)
    try:
        with ann.transaction() as s:
            records.delete_records(s, RISKS, [gone])
    finally:
        ann.close()
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("1 edit typed on"), box.text()
    said = box.informativeText()
    assert "deleted by someone else" in said and "Typed for the deleted one" in said, said
    aside = [p for p in kept_folder().glob("*records-deleted*.json") if shared_office.rsplit("/", 1)[1] in p.name]
    assert len(aside) == 1 and str(aside[0]) in said
    content = json.loads(aside[0].read_text(encoding="utf-8"))
    assert [e["typed"] for e in content["edits"]] == ["Typed for the deleted one"]
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: field_of(raj.document.store, kept, "title") == "Typed for the kept one", timeout=5000)
    assert not journals_of(shared_office)
    assert aside[0].exists()  # set aside, kept for the user


@pytest.mark.parametrize("content", ["damaged", "newer"])
def test_a_journal_that_cannot_be_read_is_said_and_set_aside_and_new_edits_are_kept_beside_it(
        qtbot, tmp_path, shared_office, pg_server, window_hook, content):
    """A journal damaged, or written by a newer PMO Desktop, is said when the office opens — why and where it was
    set aside — never deleted nor overwritten: its bytes are in the file named, and an edit kept now goes to a new
    journal."""
    from pmo_desktop.models.kept_journal import journal_path

    journal = journal_path(kept_folder(), shared_office)
    journal.parent.mkdir(parents=True, exist_ok=True)
    raw = (b'{"format": 1, "edits": [{"register": "risks", "record_id": 2, "fie' if content == "damaged" else
           json.dumps({"format": 99, "edits": [{"anything": "a newer version writes"}]}).encode())
    journal.write_bytes(raw)
    raj = reopened(qtbot, tmp_path, "raj", shared_office, window_hook)
    qtbot.waitUntil(lambda: any("could not be read back" in b.text() for b in windows_boxes()), timeout=5000)
    box = next(b for b in windows_boxes() if "could not be read back" in b.text())
    said = box.text()
    assert ("damaged" if content == "damaged" else "written by a newer PMO Desktop") in said, said
    aside = [p for p in kept_folder().glob(f"{journal.stem}.unreadable-*.json")]
    assert len(aside) == 1 and str(aside[0]) in said and aside[0].read_bytes() == raw
    assert SUPERUSER_PASSWORD not in said
    press_button(qtbot, box, "OK")
    raj.activateWindow()
    qtbot.waitUntil(raj.isActiveWindow)
    qtbot.keyClick(raj, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Risks
    view = raj.active_register_view()
    rid = risk_ids(raj.document.store)[1]
    pg_server.stop("fast")
    try:
        type_into(qtbot, view, rid, "title", "Kept beside the unreadable one")
        assert "Kept beside the unreadable one" in journal.read_text(encoding="utf-8")
        assert aside[0].read_bytes() == raw
    finally:
        pg_server.start()


def test_two_windows_on_one_office_keep_their_edits_in_one_journal_without_writing_over_each_other(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Two windows of one process on the same office and user (File ▸ Open Recent in a second window) each keep a
    title while the server is away: the journal holds both — each window writing the file from its own edits wrote
    over the other's — and neither window is offered the other's edits as an earlier run's."""
    first, second = risk_ids_of(shared_office)[1:3]
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    other = laptop(qtbot, tmp_path, "raj-other", shared_office)
    pg_server.stop("fast")
    try:
        for window, rid, text in ((raj, first, "Typed in the first window"), (other, second, "Typed in the other")):
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            type_into(qtbot, window.active_register_view(), rid, "title", text)
            for box in windows_boxes():
                box.close()
        written = journal_of(shared_office).read_text(encoding="utf-8")
        assert "Typed in the first window" in written and "Typed in the other" in written, written
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not raj.document.pending and not other.document.pending, timeout=15_000)
    assert field_of(raj.document.store, first, "title") == "Typed in the first window"
    assert field_of(raj.document.store, second, "title") == "Typed in the other"
    assert not journals_of(shared_office)
    assert not [b for b in windows_boxes() if b.objectName() == "kept_offer"]


def test_two_programs_on_one_office_keep_their_edits_in_journals_of_their_own(
        qtbot, tmp_path, shared_office, pg_server, window_hook):
    """Raj runs PMO Desktop twice on the same office (two processes). Each keeps a title while the server is away:
    each has a journal of its own — one file written from each program's edits lost the other's — and the other
    program's live edits are never offered as an earlier run's. His second program, killed, leaves its edit; the
    first saves its own when the server is back, and the next window it opens offers the killed one's."""
    first, second = risk_ids_of(shared_office)[1:3]
    child = window_of_its_own(tmp_path, shared_office, first, "Typed in the killed program")
    restarted = True
    try:
        said_by(child, "ready")
        raj = laptop(qtbot, tmp_path, "raj", shared_office)
        window_hook(raj)
        assert not [b for b in windows_boxes() if b.objectName() == "kept_offer"]
        pg_server.stop("fast")
        restarted = False
        go(child)
        said_by(child, "kept")
        type_into(qtbot, raj.active_register_view(), second, "title", "Typed in the program that lives")
        for box in windows_boxes():
            box.close()
        written = [p.read_text(encoding="utf-8") for p in journals_of(shared_office)]
        assert len(written) == 2, written
        assert sorted("Typed in the killed program" in text for text in written) == [False, True], written
        assert sorted("Typed in the program that lives" in text for text in written) == [False, True], written
        killed(child)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if not restarted:
            pg_server.start()
    qtbot.waitUntil(lambda: not raj.document.pending, timeout=15_000)
    assert field_of(raj.document.store, second, "title") == "Typed in the program that lives"
    assert field_of(raj.document.store, first, "title") != "Typed in the killed program"
    again = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    assert box.text().startswith("1 edit typed on"), box.text()
    press_button(qtbot, box, "Save Them Now")
    qtbot.waitUntil(lambda: field_of(again.document.store, first, "title") == "Typed in the killed program",
                    timeout=5000)
    assert not journals_of(shared_office)


def test_later_applies_nothing_and_keeps_the_edits_for_the_next_start(qtbot, tmp_path, shared_office, pg_server,
                                                                        window_hook):
    """Esc (Later) on the question at the start saves nothing and deletes nothing: the next start asks again."""
    rid = risk_ids_of(shared_office)[1]
    stored = field_of_office(shared_office, rid)
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Typed, answered later"})
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    box = offered(qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert field_of(raj.document.store, rid, "title") == stored
    assert "Typed, answered later" in journal_of(shared_office).read_text(encoding="utf-8")
    raj.close()
    qtbot.waitUntil(lambda: not raj.isVisible())
    again = reopened(qtbot, tmp_path, "raj-third", shared_office, window_hook)
    assert offered(qtbot).text().startswith("1 edit typed on")
    assert field_of(again.document.store, rid, "title") == stored


def test_the_journal_gives_back_each_value_as_it_was_typed_and_never_the_password(tmp_path):
    """A date stays a date, an amount a Decimal, a list a list, an empty value empty — read back from the disk as
    the window kept them; the office's address is written without its password."""
    from datetime import datetime
    from decimal import Decimal

    from pmo_desktop.models.kept_journal import KeptEdit, KeptJournal, journal_path, read_journal

    url = "postgresql+psycopg://ann:s3cret-pass@db.example.org:5433/pmo"
    journal = KeptJournal(journal_path(tmp_path, url), url)
    now = datetime.now().astimezone()
    values = [date(2027, 3, 15), Decimal("1250.50"), ["Ann", "Raj"], None, "Crane hire “slips”", 7, 2.5, True]
    journal.keep(1, [KeptEdit("risks", i, "title", value, "before", 4, now) for i, value in enumerate(values)])
    written = journal.path.read_bytes()
    assert b"s3cret-pass" not in written and b"s3cret-pass" not in journal.path.name.encode()
    back = read_journal(journal.path)
    assert [(e.typed, type(e.typed)) for e in back] == [(v, type(v)) for v in values]
    assert all(e.was == "before" and e.version == 4 and e.typed_at == now for e in back)
    journal.forget(1)
    assert not journal.path.exists()  # the last entry out, the file goes


def test_an_office_closed_with_edits_kept_and_opened_again_in_the_same_program_finds_them(tmp_path):
    """Its window closed, the office's journal goes with it and lets go of its lock: opened again in the same
    program, the journal is that file again and its edits an earlier run's, to offer — the lock, held until the
    program ended, sent the office to a second journal and left the edits of the first unoffered."""
    import gc
    from datetime import datetime

    from pmo_desktop.models.kept_journal import KeptEdit, KeptJournal, journal_path

    url = "postgresql+psycopg://ann@db.example.org/pmo"
    first = KeptJournal.opened(journal_path(tmp_path, url), url)
    first.keep(1, [KeptEdit("risks", 2, "title", "Typed", "Was", 1, datetime.now().astimezone())])
    first.release({1})  # the window closed with the edit unsaved
    where = first.path
    del first
    gc.collect()
    again = KeptJournal.opened(journal_path(tmp_path, url), url)
    assert again.path == where
    assert [e.typed for e in again.earlier()] == ["Typed"]
