"""Round fault51: faults injected into the journal of kept edits (kept51).

Real PostgreSQL server on loopback, real journal files, real windows driven by key presses: a database restored
from an older backup under the journal, the journal's disk refusing a write while an edit is kept, two windows
answering the offer of the same kept edits differently."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication
from test_kept51 import (
    RISKS,
    journal_of,
    keep_and_close,
    kept_folder,
    press_button,
    reopened,
    risk_ids_of,
    window_hook,  # noqa: F401  (a fixture)
    windows_boxes,
)
from test_walkthrough37 import field_of

from pmo_desktop.models import records
from pmo_desktop.models.store import Store

pytestmark = [pytest.mark.postgres, pytest.mark.qt_no_exception_capture]


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def test_a_kept_edit_whose_record_id_is_another_record_after_a_restore_is_set_aside_not_saved_into_it(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Raj keeps a trigger typed into R-002 (empty then) and closes. The server is restored from an older backup:
    the record with that ID is another risk now, its trigger empty too. Save Them Now wrote his text into that other
    risk without a word (the cell held what he had seen, so only the version "moved"). Now the next start names the
    edit, says its record ID is another record, and sets it aside in a file — nothing is saved into the other one."""
    rid = risk_ids_of(shared_office)[1]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Typed for R-002"},
                   field="trigger")
    assert "Typed for R-002" in journal_of(shared_office).read_text(encoding="utf-8")
    restored = Store.open(shared_office)  # the record with that ID is another risk in the backup restored
    try:
        with restored.transaction() as s:
            code = records.fetch_rows(s, RISKS, ids=[rid])[0][2 + RISKS.field_names.index("code")]
            records.update_record(s, RISKS, rid, {"code": "R-900", "title": "Another risk of the backup"})
    finally:
        restored.close()
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    qtbot.waitUntil(lambda: any("another record now" in b.informativeText() + b.text() for b in windows_boxes()),
                    timeout=5000)
    said = next(b.informativeText() + b.text() for b in windows_boxes()
                if "another record now" in b.informativeText() + b.text())
    assert code in said and "R-900" in said and "Typed for R-002" in said, said
    aside = [p for p in kept_folder().glob("*other-records*.json") if shared_office.rsplit("/", 1)[1] in p.name]
    assert len(aside) == 1 and str(aside[0]) in said
    assert [e["typed"] for e in json.loads(aside[0].read_text(encoding="utf-8"))["edits"]] == ["Typed for R-002"]
    assert not [b for b in windows_boxes() if b.objectName() == "kept_offer"]  # nothing left to save
    assert (field_of(raj.document.store, rid, "trigger") or "") == ""


def test_an_edit_the_journals_disk_refuses_is_not_said_to_be_on_this_computer_at_the_close(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """The journal's disk refuses the write of a kept title (here: the journal's name taken by a folder, which the
    rename onto it meets as a full disk or a read-only folder would). The bar says the edit is in the window only;
    the close question said "kept on this computer and offered back" all the same — the journal in memory held it —
    and its Close lost it. Now it says the changes are kept in this window only and why; once the disk takes the
    journal again, the next edit kept writes both and the question says so."""
    from test_kept51 import laptop, type_into
    from test_walkthrough37 import close_asking

    from pmo_desktop.models.kept_journal import journal_path

    first, second = risk_ids_of(shared_office)[1:3]
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    window_hook(raj)
    view = raj.active_register_view()
    journal = journal_path(kept_folder(), shared_office)
    pg_server.stop("fast")
    try:
        journal.mkdir(parents=True)  # the disk refuses the journal's write
        type_into(qtbot, view, first, "title", "Typed while the disk refused")
        assert len(raj.document.pending) == 1
        assert "could not be written to this computer's disk" in raj.statusBar().currentMessage()
        for box in windows_boxes():
            box.close()
        qtbot.waitUntil(lambda: not windows_boxes() and QApplication.activeModalWidget() is None)
        asked = close_asking(qtbot, raj, lambda box: press_button(qtbot, box, "Go Back"))
        qtbot.waitUntil(lambda: bool(asked))
        assert "kept in this window only" in asked[0] and "on this computer and offered back" not in asked[0], asked
        assert raj.isVisible()
        journal.rmdir()  # the disk takes it again: the next edit kept writes both
        raj.activateWindow()
        qtbot.waitUntil(raj.isActiveWindow)
        type_into(qtbot, view, second, "title", "Typed once it took them")
        written = journal.read_text(encoding="utf-8")
        assert "Typed while the disk refused" in written and "Typed once it took them" in written
        for box in windows_boxes():
            box.close()
        asked = close_asking(qtbot, raj, lambda box: press_button(qtbot, box, "Go Back"))
        qtbot.waitUntil(lambda: bool(asked))
        assert "kept on this computer" in asked[0], asked
    finally:
        if journal.is_dir():
            journal.rmdir()
        pg_server.start()


@pytest.mark.parametrize("second_answer", ["Save Them Now", "Discard Them"])
def test_two_windows_offered_the_same_kept_edit_answer_it_once(
        qtbot, tmp_path, shared_office, pg_server, window_hook, second_answer):  # noqa: F811
    """Raj's kept title is offered in two windows he opens on the office. He saves it in the first; then answers the
    second window's offer. Its Save Them Now saved it again, asked about as someone else's change (his own save);
    its Discard Them said "Discarded … the office is as the server holds it" over the title just saved. Now the
    second window says the edit was answered in another window and leaves it as saved, once."""
    from pmo_desktop.views.conflict_dialog import ConflictDialog

    rid = risk_ids_of(shared_office)[1]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Kept, offered twice"})
    first = reopened(qtbot, tmp_path, "raj-first", shared_office, window_hook)
    qtbot.waitUntil(lambda: first.kept_offer is not None and first.kept_offer.box is not None
                    and first.kept_offer.box.isVisible(), timeout=5000)
    second = reopened(qtbot, tmp_path, "raj-second", shared_office, window_hook)
    qtbot.waitUntil(lambda: second.kept_offer is not None and second.kept_offer.box is not None
                    and second.kept_offer.box.isVisible(), timeout=5000)
    press_button(qtbot, first.kept_offer.box, "Save Them Now")
    qtbot.waitUntil(lambda: field_of(first.document.store, rid, "title") == "Kept, offered twice", timeout=5000)
    press_button(qtbot, second.kept_offer.box, second_answer)
    qtbot.wait(500)
    assert not [d for d in second.findChildren(ConflictDialog) if d.isVisible()]
    assert "answered in another window" in second.statusBar().currentMessage(), second.statusBar().currentMessage()
    assert field_of(first.document.store, rid, "title") == "Kept, offered twice"
    assert second.document.undo_stack.count() == 0  # nothing saved a second time
    assert not [p for p in kept_folder().glob("*.json") if shared_office.rsplit("/", 1)[1] in p.name]


def test_save_them_now_with_the_server_gone_again_keeps_the_record_as_typed_and_saves_once_when_back(
        qtbot, tmp_path, shared_office, pg_server, window_hook):  # noqa: F811
    """Raj answers Save Them Now and the server drops again before the save: the edit is kept once more, and its
    journal entry lost the record it was typed for (the save has no table's row to name it) — the next start named
    "risk #2", and could not tell it from another record given that ID since. Now the entry keeps the record's name
    and code; the server back, the edit is saved once, and Ctrl+Z takes it back."""
    from PySide6.QtCore import Qt
    from test_kept51 import journals_of

    rid = risk_ids_of(shared_office)[1]
    keep_and_close(qtbot, tmp_path, shared_office, pg_server, window_hook, {rid: "Saved as the server dropped"})
    [before] = json.loads(journal_of(shared_office).read_text(encoding="utf-8"))["edits"]
    raj = reopened(qtbot, tmp_path, "raj-again", shared_office, window_hook)
    raj.sync_timer.setInterval(300)
    qtbot.waitUntil(lambda: raj.kept_offer is not None and raj.kept_offer.box is not None
                    and raj.kept_offer.box.isVisible(), timeout=5000)
    was = field_of(raj.document.store, rid, "title")
    pg_server.stop("fast")
    try:
        press_button(qtbot, raj.kept_offer.box, "Save Them Now")
        qtbot.waitUntil(lambda: len(raj.document.pending) == 1, timeout=5000)
        [entry] = json.loads(journal_of(shared_office).read_text(encoding="utf-8"))["edits"]
        assert entry["record"] == before["record"] and before["record"].startswith("R-002"), (entry, before)
        assert entry["typed"] == "Saved as the server dropped"
        for box in windows_boxes():
            box.close()
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not raj.document.pending, timeout=20_000)
    assert field_of(raj.document.store, rid, "title") == "Saved as the server dropped"
    assert raj.document.undo_stack.count() == 1 and not journals_of(shared_office)
    raj.activateWindow()
    qtbot.waitUntil(raj.isActiveWindow)
    qtbot.keyClick(raj, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: field_of(raj.document.store, rid, "title") == was, timeout=5000)
    assert not journals_of(shared_office)
