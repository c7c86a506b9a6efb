"""Fault injection, round 49: the shared office's kept edits (walk37 keeps what is typed while the PostgreSQL
server is away and saves it when the server is back). The server comes back with a colleague having deleted the
record one kept edit is for: that edit cannot be saved, and the edits kept after it must be saved all the same,
each in its own record, and the user told what became of the one that could not. Real PostgreSQL server on loopback,
real windows, real key presses."""

from __future__ import annotations

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_walkthrough37 import field_of, laptop, risk_ids

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

pytestmark = pytest.mark.postgres

RISKS = REGISTERS["risks"]


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def _boxes() -> list[QMessageBox]:
    return [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]


@pytest.mark.qt_no_exception_capture  # the window's own failure hook, as the application installs it (run_gui)
def test_a_kept_edit_whose_record_a_colleague_deleted_does_not_hold_back_the_ones_after_it(
        qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """Raj types a title into R-002 and one into R-003 while the server is away; both are kept. The server comes
    back, Ann having deleted R-002 meanwhile. R-002's edit is offered back with what he typed; R-003's is saved
    as the window finds the server back — it waited, unsaved, behind the refused one, until Retry."""
    import sys

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    raj.sync_timer.setInterval(300)
    view = raj.active_register_view()
    first, second, third = risk_ids(raj.document.store)[:3]
    before_first = field_of(raj.document.store, first, "title")
    view.select_record(first, view.model.column_of("title"))
    view.table.setFocus()
    pg_server.stop("fast")
    restarted = False
    try:
        for rid, text in ((second, "Typed for the deleted one"), (third, "Typed for the kept one")):
            view.select_record(rid, view.model.column_of("title"))
            view.table.setFocus()
            type_keys(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.wait(100)
            for box in _boxes():
                box.close()
        assert len(raj.document.pending) == 2
        raj.sync_timer.stop()  # the window does not look for the server until Ann has deleted the risk
        pg_server.start()
        restarted = True
        ann = Store.open(shared_office)
        try:
            with ann.transaction() as s:
                records.delete_records(s, RISKS, [second])
        finally:
            ann.close()
        raj.sync_timer.start()
        qtbot.waitUntil(lambda: raj.document.server_away is None, timeout=10_000)
        qtbot.waitUntil(lambda: any(b.objectName() == "deleted_offer" for b in _boxes()), timeout=5000)
        offer = next(b for b in _boxes() if b.objectName() == "deleted_offer")
        assert "deleted by someone else" in offer.text() and "Typed for the deleted one" in offer.informativeText()
        # the edit after it saved as the server came back, into its own record, and said: it waited behind the
        # refused one for Edit ▸ Retry Unsaved Changes ("1 change still to save")
        assert not raj.document.pending
        assert field_of(raj.document.store, third, "title") == "Typed for the kept one"
        assert "1 change kept while it was away was saved" in raj.statusBar().currentMessage()
        assert second not in risk_ids(raj.document.store)  # nothing written into the deleted one or another
        assert field_of(raj.document.store, first, "title") == before_first
        titles = [field_of(raj.document.store, rid, "title") for rid in risk_ids(raj.document.store)]
        assert titles.count("Typed for the deleted one") == 0 and titles.count("Typed for the kept one") == 1
    finally:
        if not restarted:
            pg_server.start()


@pytest.mark.qt_no_exception_capture  # the window's own failure hook, as the application installs it (run_gui)
def test_a_kept_edit_is_still_kept_when_the_server_comes_back_as_an_older_database(
        qtbot, tmp_path, shared_office, pg_server, monkeypatch):
    """The server comes back restored from an older backup (a table of the office missing): the edit kept while it
    was away is not saved, not lost — still kept, the window saying why. It was retried as the server answered,
    met "relation … does not exist" as an unexpected error, and was gone from the kept changes."""
    import sys

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    raj.sync_timer.setInterval(300)
    view = raj.active_register_view()
    rid = risk_ids(raj.document.store)[1]
    pg_server.stop("fast")
    restarted = False
    try:
        view.select_record(rid, view.model.column_of("title"))
        view.table.setFocus()
        type_keys(qtbot, "Typed while away")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.wait(100)
        for box in _boxes():
            box.close()
        assert len(raj.document.pending) == 1
        raj.sync_timer.stop()
        pg_server.start()
        restarted = True
        # an office from before the record history was kept: the tables shown read, the save's history row fails
        pg_server.sql("DROP TABLE record_history CASCADE", database=shared_office.rsplit("/", 1)[1])
        raj.sync_timer.start()
        qtbot.waitUntil(lambda: "not the office as it was opened" in str(raj.document.server_away), timeout=10_000)
        assert len(raj.document.pending) == 1  # kept, not dropped with an unexpected error
        said = " ".join([b.text() for b in _boxes()] + [raj.statusBar().currentMessage(),
                                                        str(raj.document.server_away)])
        assert "Unexpected" not in said, said
    finally:
        if not restarted:
            pg_server.start()
