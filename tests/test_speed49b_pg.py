"""Many-cell edits of a windowed register on a shared office (issue 16, round speed49b): an edit of many cells reads
of its rows the versions and the columns it edits only — a fill of 100,000 cells of one column read every column
of its rows, each reference by its name and each list of links gathered by a subquery a row, 4.4–6 s of the
PostgreSQL server's time. What is stored, the record history, and what the undo and the redo put back stay as
they were: the whole table and its history are compared after a fill, a Replace All, a paste and a delete, each
with its undo and its redo. SQLite and PostgreSQL (the ``store`` fixture).

The thresholds are lowered so that 120 records make a windowed table of pages of 4 rows, most never read."""

from __future__ import annotations

import json
from datetime import date

import numpy  # noqa: F401 — in before a worker imports it (``import_numpy_ahead``)
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from register_views import shown_view
from sqlalchemy import select

from pmo_desktop.models import history, records
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import table_model, windowed

RISKS = REGISTERS["risks"]
ROWS = 120
PEOPLE = ["Ana Silva", "Ben Okafor", "Chloé Martin"]


@pytest.fixture(autouse=True)
def _windowed_small(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)
    monkeypatch.setattr(windowed, "READ_ON_WORKER_FROM", 10)


@pytest.fixture
def document(store):
    """120 risks whose every kind of column holds something: texts (some with the word "supplier"), choices, an
    owner (a reference), related projects (links), dates, scales, a flag."""
    with store.transaction() as s:
        ctx = records.load_context(s)
        records.create_records(s, REGISTERS["projects"], [{"name": f"Project {p}"} for p in "ABC"], ctx)
        records.create_records(s, RISKS, [
            {"title": f"Risk {i} of the supplier" if i % 3 else f"Risk {i}", "trigger": f"Old trigger {i % 4}",
             "cause": f"Cause {i}", "owner": PEOPLE[i % 3], "related_projects": "; ".join(
                 f"Project {p}" for p in "ABC"[:i % 3]), "raised_on": date(2026, 1, 1 + i % 28),
             "probability": str(1 + i % 5), "escalated": i % 2 == 0, "notes": "supplier" if i % 5 == 0 else ""}
            for i in range(ROWS)], records.load_context(s))
    return Document(store)


def office_state(document) -> tuple[dict[int, dict], dict[int, list[dict]]]:
    """The whole risk table (each row by id, every column but its stamp) and its record history (each record's
    entries in order, their JSON read, every column but the stamp)."""
    table = RISKS.entity.__table__

    def read(s):
        rows = {r["id"]: {k: v for k, v in r.items() if k != "updated_at"}
                for r in (dict(m) for m in s.execute(select(table)).mappings())}
        H = RecordHistory
        entries: dict[int, list[dict]] = {}
        for rid, data in s.execute(select(H.record_id, H.data).where(H.register == "risks").order_by(H.id)):
            entries.setdefault(rid, []).append(
                None if data is None else {k: v for k, v in json.loads(data).items() if k != "updated_at"})
        return rows, entries

    return document.office.read(read)


def assert_history_is_the_table(document) -> None:
    """Each record's last history entry is the record as the history reads it back from the table now: no row
    missing from the history, none holding another record's values."""
    table = RISKS.entity.__table__

    def read(s):
        conn = s.connection()
        now = {rid: json.loads(history._encode(row)) for rid, row in history._rows_of(conn, RISKS, None).items()}
        H = RecordHistory
        last = {}
        for rid, data in s.execute(select(H.record_id, H.data).where(H.register == "risks").order_by(H.id)):
            last[rid] = json.loads(data) if data is not None else None
        return now, last, {r[0] for r in s.execute(select(table.c.id))}

    now, last, ids = document.office.read(read)
    assert {rid: last.get(rid) for rid in ids} == now


def without_versions(rows: dict[int, dict]) -> dict[int, dict]:
    return {rid: {k: v for k, v in row.items() if k != "version"} for rid, row in rows.items()}


def edit_undo_redo(qtbot, document, edit, expected) -> None:
    """``edit()`` done as the user does it; the table then ``expected(before)`` column for column and each changed
    row one version on; the undo puts every value back, the redo the edit's; the history after each step one
    entry a record changed, the record as it then is."""
    before, history_before = office_state(document)
    edit()
    want = expected(before)
    qtbot.waitUntil(lambda: without_versions(office_state(document)[0]) == without_versions(want), timeout=20_000)
    after, history_after = office_state(document)
    changed = {rid for rid in after if without_versions(after)[rid] != without_versions(before)[rid]}
    assert changed
    assert {rid for rid in after if after[rid]["version"] != before[rid]["version"]} == changed
    assert all(after[rid]["version"] == before[rid]["version"] + 1 for rid in changed)
    assert {rid: len(e) for rid, e in history_after.items() if len(e) != len(history_before.get(rid, []))} \
        == {rid: len(history_before.get(rid, [])) + 1 for rid in changed}
    assert_history_is_the_table(document)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: without_versions(office_state(document)[0]) == without_versions(before), timeout=20_000)
    undone, history_undone = office_state(document)
    assert {rid: e[-1] for rid, e in history_undone.items() if rid in changed} == \
        {rid: {**history_before[rid][-1], "version": undone[rid]["version"]} for rid in changed}
    assert_history_is_the_table(document)
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: without_versions(office_state(document)[0]) == without_versions(after), timeout=20_000)
    assert_history_is_the_table(document)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: without_versions(office_state(document)[0]) == without_versions(before), timeout=20_000)


def select_block(view, top: int, bottom: int, left: int, right: int) -> None:
    picked = QItemSelection(view.proxy.index(top, left), view.proxy.index(bottom, right))
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(top, left))
    view.table.selectionModel().select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.fixture
def reads(monkeypatch):
    """Each read of the rows an edit works on (``stored_rows``): how many records, and which fields it read (None:
    every one). Passed through to the real read."""
    seen: list[tuple[int, frozenset[str] | None]] = []
    real = table_model.stored_rows

    def recorded(session, register, ctx, parent_id, ids, *more, **named):
        only = named.get("only", more[0] if more else None)
        seen.append((len(ids) if ids is not None else -1, None if only is None else frozenset(only)))
        return real(session, register, ctx, parent_id, ids, *more, **named)

    monkeypatch.setattr(table_model, "stored_rows", recorded)
    monkeypatch.setattr(windowed, "stored_rows", recorded)
    from pmo_desktop.views.register_table import find_replace
    monkeypatch.setattr(find_replace, "stored_rows", recorded)
    return seen


def test_a_fill_of_a_whole_column_reads_that_column_of_its_rows_only(qtbot, document, reads):
    view = shown_view(qtbot, document, RISKS)
    model, table = view.model, view.table
    assert isinstance(model, windowed.WindowedRegisterModel)
    trigger = model.column_of("trigger")
    table.setCurrentIndex(view.proxy.index(0, trigger))
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # the whole column
    reads.clear()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    top = model.record(0)["trigger"]
    qtbot.waitUntil(lambda: {r[trigger + table_model.OFFSET] for r in document.office.read(
        records.fetch_rows, RISKS)} == {top}, timeout=20_000)
    assert reads and {only for _n, only in reads} == {frozenset({"trigger"})}  # its versions and old values
    # every row but those in memory (a few pages, taken as they are) read so
    assert sum(n for n, _only in reads) >= ROWS - windowed.CACHE_PAGES * windowed.PAGE


def test_a_replace_all_in_one_column_reads_that_column_and_the_ids_only(qtbot, document, reads):
    view = shown_view(qtbot, document, RISKS)
    title = view.model.column_of("title")
    view.table.setCurrentIndex(view.proxy.index(0, title))
    dialog = view.open_replace()
    dialog.within.setCurrentIndex(1)  # within this column
    qtbot.keyClicks(dialog.find_edit, "supplier")
    qtbot.keyClicks(dialog.replace_edit, "vendor")
    reads.clear()
    dialog.replace_all()
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=20_000)
    assert reads and {only for _n, only in reads} == {frozenset({"code", "title"})}
    titles = {r[title + table_model.OFFSET] for r in document.office.read(records.fetch_rows, RISKS)}
    assert not any("supplier" in t for t in titles) and any("vendor" in t for t in titles)


def test_fill_replace_paste_and_delete_with_undo_and_redo_leave_the_office_as_expected(qtbot, document):
    view = shown_view(qtbot, document, RISKS)
    model, table = view.model, view.table
    trigger, title = model.column_of("trigger"), model.column_of("title")
    ids = [model.record_id(r) for r in range(ROWS)]  # in the order shown (by ID)

    def fill() -> None:
        model.set_cells([(0, trigger, "Supplier misses a weekly call")])
        document.undo_stack.clear()
        select_block(view, 0, ROWS - 1, trigger, trigger)
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    def filled(before):
        return {rid: {**row, "trigger": "Supplier misses a weekly call"} for rid, row in before.items()}

    model.set_cells([(0, trigger, "Supplier misses a weekly call")])
    qtbot.waitUntil(lambda: office_state(document)[0][ids[0]]["trigger"] == "Supplier misses a weekly call")
    document.undo_stack.clear()
    edit_undo_redo(qtbot, document, fill, filled)

    def replace() -> None:
        table.setCurrentIndex(view.proxy.index(0, title))
        dialog = view.open_replace()
        dialog.within.setCurrentIndex(1)  # within the title's column
        dialog.find_edit.clear()
        dialog.replace_edit.clear()
        qtbot.keyClicks(dialog.find_edit, "supplier")
        qtbot.keyClicks(dialog.replace_edit, "vendor")
        dialog.replace_all()
        dialog.close()

    edit_undo_redo(qtbot, document, replace, lambda before: {
        rid: {**row, "title": row["title"].replace("supplier", "vendor")} for rid, row in before.items()})

    pasted = [f"Pasted {i}" for i in range(40)]

    def paste() -> None:
        select_block(view, 10, 10, title, title)
        view.paste_text("\n".join(pasted) + "\n")  # what Ctrl+V pastes of the clipboard's text

    edit_undo_redo(qtbot, document, paste, lambda before: {
        rid: {**row, "title": pasted[ids.index(rid) - 10]} if 10 <= ids.index(rid) < 50 else row
        for rid, row in before.items()})

    before, _history = office_state(document)
    gone = ids[20:60]
    select_block(view, 20, 59, 0, len(model.fields) - 1)
    table.selectionModel().select(QItemSelection(view.proxy.index(20, 0), view.proxy.index(59, 0)),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(view.selected_ids()) == sorted(gone)
    box = view.delete_rows()
    if box is not None:
        box.done(0)
        [b.click() for b in box.buttons() if b.text().startswith("Delete")]
    qtbot.waitUntil(lambda: set(office_state(document)[0]) == set(before) - set(gone), timeout=20_000)
    assert_history_is_the_table(document)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: office_state(document)[0].keys() == before.keys(), timeout=20_000)
    assert without_versions(office_state(document)[0]) == without_versions(before)
    assert_history_is_the_table(document)


def test_many_rows_read_their_links_by_one_query_of_the_link_table_as_a_few_rows_read_them(store):
    """1,200 risks with 0 to 3 related projects each: read at once,
    each list of links is gathered from one query of the link table — no subquery a row — and every row, every
    value, is as reading the records a few at a time (a subquery a row) gives it."""
    from sqlalchemy import event

    with store.transaction() as s:
        ctx = records.load_context(s)
        projects = ["Alpha", "beta", "Gamma, delta", "Ω"]
        records.create_records(s, REGISTERS["projects"], [{"name": p} for p in projects], ctx)
        records.create_records(s, RISKS, [
            {"title": f"Risk {i}", "owner": PEOPLE[i % 3],
             "related_projects": ["", "Alpha", "Ω; beta", "Gamma, delta; Alpha; beta"][i % 4]}
            for i in range(1_200)], records.load_context(s))
    statements: list[str] = []
    engine = store.engine

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        with store.session() as s:
            ids = [r[0] for r in s.execute(select(RISKS.entity.id).order_by(RISKS.entity.id))]
            at_once = records.fetch_rows(s, RISKS, ids=ids)
            every = records.fetch_rows(s, RISKS)
        aggregated = [q for q in statements if "string_agg" in q.lower() or "group_concat" in q.lower()]
        assert aggregated == []
        statements.clear()
        with store.session() as s:
            few = [row for start in range(0, len(ids), 10) for row in records.fetch_rows(s, RISKS, ids=ids[start:start + 10])]
        assert any("string_agg" in q.lower() or "group_concat" in q.lower() for q in statements)  # a few: as before
        with store.session() as s:  # two columns of each row only (an edit's read)
            narrow = records.fetch_rows(s, RISKS, ids=ids, with_computed=False, only={"related_projects", "title"})
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert at_once == few and every == few
    links = [f.name for f in RISKS.fields].index("related_projects") + table_model.OFFSET
    assert {row[links] for row in few} == {"", "Alpha", "beta; Ω", "Alpha; Gamma, delta; beta"}
    stored = [f.name for f in RISKS.fields if f.kind.stored]
    assert narrow == [(row[0], row[1], row[2 + [f.name for f in RISKS.fields].index("title")], row[links])
                      for row in few] and stored.index("title") < stored.index("related_projects")
