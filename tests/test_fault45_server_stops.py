"""Fault round 45: the shared PostgreSQL server stops (pg_ctl stop -m fast), then starts again.

While the import dialog imports: the dialog stays open. The dialog stays open on its preview and says the server cannot be reached; Import again, once it is
back, imports each row once. Before, the import was also kept as an unsaved change (as a typed cell is): Import
again imported it, and Edit ▸ Retry Unsaved Changes then ran it a second time, refused as "another window or
program added a record as R-001 since “risks.xlsx” was read, so nothing was imported. Import it again" — the
user's own import, every row of which was in; imported again as told, every row was there twice. (Retried first,
the dialog's Import said the same.) An import a full disk refuses was already not kept: one rule for both now.

Under an undo: nothing of it is done and the step stays on the stack, undone once the server is back (it was dropped
from the stack, and the rows a delete took could never be put back by Ctrl+Z)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]

pytestmark = pytest.mark.postgres


def titles(store: Store) -> list[str]:
    with store.session() as s:
        return sorted(r[RISKS.field_names.index("title") + 2] for r in records.fetch_rows(s, RISKS))


def test_an_import_the_stopped_server_refused_is_imported_once_by_import_again(qtbot, pg_server, pg_store_url,
                                                                                tmp_path: Path) -> None:
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    workbook = tmp_path / "risks.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact"])
    for i in range(40):
        ws.append([f"Risk {i:02}", 2, 3])
    wb.save(workbook)
    store = Store.open(pg_store_url)
    document = Document(store)
    said: list[str] = []
    document.error.connect(said.append)
    try:
        dialog = ImportDialog(document, workbook, None)
        qtbot.addWidget(dialog)
        assert dialog.plan is not None and dialog.plan.ok
        pg_server.stop("fast")
        try:
            dialog.do_import()
            assert "cannot be reached" in dialog.summary.text() and "Your change is kept" not in dialog.summary.text()
            assert not document.pending  # the dialog holds it, on its preview
        finally:
            pg_server.start()
        dialog.do_import()  # Import again, the server back
        assert dialog.result() == dialog.DialogCode.Accepted
        assert document.retry_pending() == 0 and not document.pending
        assert not any("Import it again" in s for s in said), said
        assert titles(store) == [f"Risk {i:02}" for i in range(40)]  # each row once
        document.undo_stack.undo()  # one undo step, as any import
        assert titles(store) == []
    finally:
        document.close()


def test_an_undo_the_stopped_server_refused_stays_to_undo_once_it_is_back(qtbot, pg_server, pg_store_url) -> None:
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

    store = Store.open(pg_store_url)
    with store.transaction() as s:
        records.create_records(s, RISKS, [{"title": f"Risk {i:02}"} for i in range(30)])
    document = Document(store)
    said: list[str] = []
    document.error.connect(said.append)
    stack = document.undo_stack
    try:
        with store.session() as s:
            ids = [r[0] for r in records.fetch_rows(s, RISKS)]
        assert document.execute(DeleteRecordsCommand(document, RISKS, ids))
        pg_server.stop("fast")
        try:
            stack.undo()
            assert said and said[-1].startswith("Could not undo “Delete 30 rows”") and "once the database is back" in said[-1]
            qtbot.waitUntil(stack.canUndo)  # the step is back on the stack
        finally:
            pg_server.start()
        assert titles(store) == []
        stack.undo()
        assert titles(store) == [f"Risk {i:02}" for i in range(30)]
    finally:
        document.close()
