"""Deleted47: Ann deletes a risk while Raj is typing in one of its cells. On Enter the note beside the cell said
"That risk register record no longer exists (someone may have deleted it). Correct it and press Enter…" —
correcting could not help, the row stayed on screen until the next check for others' changes, and the text could
only be thrown away. Now the row leaves at once and Raj is asked, naming the risk: add it back with his change
(one undo step), copy what he typed, or discard it. On a file office (two stores on one .pmo file) and on the
shared PostgreSQL office; Ann's delete is made through a second store. Real windows, real key presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.deleted_offer import ADD_BACK, COPY
from pmo_desktop.views.register_table.refusal_note import RefusalNote

RISKS = REGISTERS["risks"]
CTRL = Qt.KeyboardModifier.ControlModifier


def risks_page(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Risks
    return window.active_register_view()


def start_typing(qtbot, view, rid: int, text: str) -> None:
    """The title cell of ``rid`` opened by its first key, as in Excel, and the rest typed; Enter not yet pressed."""
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    qtbot.keyClick(view.table, text[0])
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])


def code_and_title(store: Store, rid: int) -> tuple[str, str]:
    with store.session() as s:
        values = records.record_values(s, RISKS, rid)
    return values["code"], values["title"]


def delete_as_ann(url: str, rid: int) -> None:
    """Ann's delete, through her own store on the same office."""
    ann = Store.open(url)
    try:
        with ann.session() as s, s.begin():
            records.delete_records(s, RISKS, [rid])
    finally:
        ann.close()


def rows_of(view, code: str) -> list[int]:
    return [r for r in range(view.model.rowCount()) if view.model.record(r)["code"] == code]


def offer(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: getattr(window, "deleted_offer", None) is not None and window.deleted_offer.isVisible())
    box = window.deleted_offer
    assert isinstance(box, QMessageBox)
    return box


def press_enter_and_get_offer(qtbot, window, view, rid: int) -> QMessageBox:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The row gone at once (not at the next check for others' changes), the editor closed, and no note beside a
    # cell asking to correct what cannot be corrected.
    qtbot.waitUntil(lambda: view.model.row_of(rid) is None, timeout=2000)
    assert view.table.state() != view.table.State.EditingState
    assert not [n.text() for n in window.findChildren(RefusalNote) if n.isVisible()]
    return offer(qtbot, window)


def test_a_risk_deleted_by_someone_else_on_the_file_is_added_back_with_the_title_typed(qtbot, demo_window,
                                                                                      tmp_path: Path):
    window = demo_window
    url = str(window.document.store.path)
    view = risks_page(qtbot, window)
    rid = view.model.record_id(3)
    code, _title = code_and_title(window.document.store, rid)
    start_typing(qtbot, view, rid, "Crane slips again")
    delete_as_ann(url, rid)

    box = press_enter_and_get_offer(qtbot, window, view, rid)
    assert f"{code} “" in box.text() and "deleted by someone else since you opened it" in box.text()
    assert "Title: “Crane slips again”" in box.informativeText()
    next(b for b in box.buttons() if b.text() == ADD_BACK).click()

    qtbot.waitUntil(lambda: rows_of(view, code) != [])
    assert [view.model.record(r)["title"] for r in rows_of(view, code)] == ["Crane slips again"]
    assert window.document.undo_stack.count() == 1  # one step: Ctrl+Z takes it out again
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: rows_of(view, code) == [])


@pytest.mark.postgres
def test_a_risk_deleted_by_a_colleague_on_the_server_leaves_what_was_typed_on_the_clipboard(qtbot, main_window,
                                                                                           request):
    from conftest import _pg_clone

    url = _pg_clone(request, "demo")
    window = main_window
    assert window.open_path(url)
    window.resize(1280, 720)
    view = risks_page(qtbot, window)
    rid = view.model.record_id(2)
    code, _title = code_and_title(window.document.store, rid)
    start_typing(qtbot, view, rid, "Supplier gone quiet")
    delete_as_ann(url, rid)

    box = press_enter_and_get_offer(qtbot, window, view, rid)
    assert box.text().startswith(f"{code} “")
    next(b for b in box.buttons() if b.text() == COPY).click()
    assert QApplication.clipboard().text() == "Supplier gone quiet"
    assert window.document.undo_stack.count() == 0  # nothing written
    with window.document.store.session() as s:
        assert code not in {row[2 + RISKS.field_names.index("code")] for row in records.fetch_rows(s, RISKS)}
