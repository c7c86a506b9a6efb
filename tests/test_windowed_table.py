"""A large register's table: ids in memory, rows read in pages, sorted and filtered in the database.

The threshold is lowered so that a few records make a windowed table; the user sees the same table."""

import threading

import pytest
from PySide6.QtCore import Qt

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import RegisterView, windowed
from pmo_desktop.views.register_table.table_model import FLASH_COLOUR
from pmo_desktop.views.register_table.windowed import WindowedProxy, WindowedRegisterModel

PROJECTS = REGISTERS["projects"]
RISKS = REGISTERS["risks"]


@pytest.fixture(autouse=True)
def _windowed_from_one_record(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)  # several pages even for a few rows
    monkeypatch.setattr(windowed, "CACHE_PAGES", 2)
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)  # search at each key (see the test of the pause)


def names(view):
    col = view.model.column_of("name")
    return [view.proxy.index(r, col).data() for r in range(view.proxy.rowCount())]


@pytest.fixture
def view(qtbot, store):
    document = Document(store)
    with store.transaction() as s:
        for i in range(10):
            records.create_record(s, PROJECTS, {"name": f"Project {i}", "budget": (i * 7) % 10 * 100,
                                                "status": ("Active", "Closed")[i % 2]})
    v = RegisterView(document, PROJECTS)
    qtbot.addWidget(v)
    v.resize(1200, 500)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_large_register_is_windowed_and_reads_pages_on_demand(view):
    assert isinstance(view.model, WindowedRegisterModel) and isinstance(view.proxy, WindowedProxy)
    assert names(view) == [f"Project {i}" for i in range(10)]
    assert len(view.model._pages) <= windowed.CACHE_PAGES  # least recently used pages dropped
    assert view.model.row_of(view.model.record_id(7)) == 7
    assert view.model.record(3)["name"] == "Project 3"


def test_sort_in_the_database_keeps_the_selection(qtbot, view):
    rid = view.model.record_id(4)
    view.select_record(rid)
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.DescendingOrder)
    budgets = [view.model.record(r)["budget"] for r in range(view.model.rowCount())]
    assert budgets == sorted(budgets, reverse=True)
    assert view.current_record_id() == rid
    view.table.sortByColumn(view.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert names(view) == sorted(names(view), key=str.lower)


def test_search_column_and_record_filters(view):
    view.search.setText("project 1")
    assert names(view) == ["Project 1"]
    assert view.count_label.text() == "1 of 10 rows"
    view.clear_filters()
    view.set_column_filter("status", {"Closed"})
    assert names(view) == [f"Project {i}" for i in range(1, 10, 2)]
    assert view.distinct_values(view.model.column_of("status")) == ["Active", "Closed"]
    ids = {view.model.record_id(0), view.model.record_id(1)}
    view.set_record_filter(ids, "Two")
    assert view.proxy.rowCount() == 2 and view.filter_chip.isVisible()
    hidden = next(i for i in range(1, 11) if i not in ids)
    assert view.select_record(hidden)  # a record the filters hide: they are cleared to show it
    assert view.current_record_id() == hidden and not view.proxy.is_filtered


def test_edit_undo_add_and_delete(qtbot, view):
    document = view.document
    col = view.model.column_of("name")
    assert view.model.setData(view.model.index(2, col), "Renamed")
    assert view.proxy.index(2, col).data() == "Renamed"
    document.undo_stack.undo()
    assert view.proxy.index(2, col).data() == "Project 2"
    rid = view.add_row()
    assert view.model.row_of(rid) == 10 and view.count_label.text() == "11 rows"
    view.select_record(rid)
    view.delete_rows()
    assert view.model.row_of(rid) is None and view.model.rowCount() == 10


def shown_projects(qtbot, path):
    """A document on a new file with three projects, and its projects table shown."""
    mine = Document(Store.create(path))
    with mine.store.transaction() as s:
        for name in ("Tills", "Stock", "Loyalty"):
            records.create_record(s, PROJECTS, {"name": name})
    view = RegisterView(mine, PROJECTS)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    return mine, view


def test_outside_changes_on_shown_rows_flash(qtbot, tmp_path):
    path = tmp_path / "shared.pmo"
    mine, view = shown_projects(qtbot, path)
    assert names(view) == ["Tills", "Stock", "Loyalty"]
    view.select_record(view.model.record_id(2))
    theirs = Store.open(path)
    with theirs.transaction() as s:
        records.update_record(s, PROJECTS, records.find_id_by_code(s, PROJECTS, "P-02"), {"name": "Stock control"})
        records.create_record(s, PROJECTS, {"name": "E-commerce"})
    theirs.close()
    assert mine.check_outside_changes() == 2
    assert names(view)[:3] == ["Tills", "Stock control", "Loyalty"]  # the rows shown: at once
    qtbot.waitUntil(lambda: names(view) == ["Tills", "Stock control", "Loyalty", "E-commerce"])  # the ids: a worker
    assert view.current_record_id() == view.model.record_id(2)
    assert view.proxy.index(1, view.model.column_of("name")).data(Qt.ItemDataRole.BackgroundRole).color().name() == FLASH_COLOUR
    assert mine.check_outside_changes() == 0
    mine.close()


def test_risk_scores_sort_and_filter_in_the_database(qtbot, demo_store):
    document = Document(demo_store)
    view = RegisterView(document, RISKS)
    qtbot.addWidget(view)
    assert isinstance(view.model, WindowedRegisterModel)
    view.table.sortByColumn(view.model.column_of("inherent_score"), Qt.SortOrder.DescendingOrder)
    scores = [view.model.record(r)["inherent_score"] for r in range(view.model.rowCount())]
    filled = [s for s in scores if s is not None]
    assert filled == sorted(filled, reverse=True) and scores[:len(filled)] == filled
    ratings = view.distinct_values(view.model.column_of("inherent_rating"))
    view.set_column_filter("inherent_rating", {ratings[0]})
    assert view.proxy.rowCount() > 0
    assert {view.model.record(r)["inherent_rating"] for r in range(view.model.rowCount())} == {ratings[0]}


def test_search_waits_for_typing_to_pause(qtbot, view, monkeypatch):
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 50)
    qtbot.keyClicks(view.search, "project 3")
    assert view.proxy.rowCount() == 10  # not yet: one query when typing stops, not one per key
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert names(view) == ["Project 3"] and view.count_label.text() == "1 of 10 rows"
    view.search.clear()
    assert view.proxy.rowCount() == 10


def test_first_search_of_a_large_register_builds_its_search_index(qtbot, view, monkeypatch):
    from pmo_desktop.models import search_index

    monkeypatch.setattr(search_index, "THRESHOLD", 5)
    office = view.model.document.office
    has = office.read(search_index.has_index, PROJECTS)
    assert not has
    qtbot.keyClicks(view.search, "ject 7")
    assert names(view) == ["Project 7"]
    assert office.read(search_index.has_index, PROJECTS)  # SQLite: FTS5; PostgreSQL: pg_trgm (the test server has it)
    view.search.clear()
    qtbot.keyClicks(view.search, "oject")
    assert len(names(view)) == 10


def test_a_first_search_adds_the_one_character_summary_to_an_index_built_before_it(qtbot, view, monkeypatch):
    """An index made by a version before the one-character summary (FTS5 on SQLite, the trigram index on
    PostgreSQL) gets it at the first search of the session, and a one-letter search then reads it."""
    from pmo_desktop.models import search_index

    monkeypatch.setattr(search_index, "THRESHOLD", 5)
    office = view.model.document.office
    office.write(search_index.ensure, PROJECTS)
    with office.store.engine.begin() as conn:
        search_index._drop_chars(conn, search_index.index_name(PROJECTS))
    assert office.read(search_index.has_index, PROJECTS) and not office.read(search_index.is_complete, PROJECTS)
    qtbot.keyClicks(view.search, "v")  # "Active": the even ones
    assert names(view) == [f"Project {i}" for i in range(0, 10, 2)]
    assert office.read(search_index.is_complete, PROJECTS)
    assert office.read(search_index.usable, PROJECTS, "v")


def reads_on_gui_thread(document):
    """Record the queries ``document``'s office runs on the GUI thread from now on: (that list, the
    office's own ``read`` to put back)."""
    import threading

    seen: list[str] = []
    real_read = document.office.read

    def read(query, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            seen.append(getattr(query, "__name__", repr(query)))
        return real_read(query, *args, **kwargs)

    document.office.read = read
    return seen, real_read


def test_the_timers_check_reads_signature_and_ids_off_the_gui_thread(qtbot, tmp_path):
    path = tmp_path / "shared.pmo"
    mine, view = shown_projects(qtbot, path)
    assert names(view) == ["Tills", "Stock", "Loyalty"]  # the rows the user sees are in memory
    flashed = []
    mine.outside_changes.connect(lambda name, ids: flashed.append(set(ids)))
    theirs = Store.open(path)
    with theirs.transaction() as s:
        records.update_record(s, PROJECTS, records.find_id_by_code(s, PROJECTS, "P-02"), {"name": "Stock control"})
        records.create_record(s, PROJECTS, {"name": "E-commerce"})
    theirs.close()
    on_gui_thread, real_read = reads_on_gui_thread(mine)
    assert mine.poll_outside_changes()
    qtbot.waitUntil(lambda: names(view) == ["Tills", "Stock control", "Loyalty", "E-commerce"])
    assert flashed == [{view.model.record_id(1), view.model.record_id(3)}]
    qtbot.wait(50)  # the repaint of the rows changed and added: their rows came with the answer
    assert on_gui_thread == []
    mine.office.read = real_read
    mine.close()


def test_a_filter_every_record_passes_keeps_the_ids_until_the_register_changes(qtbot, view):
    """"Active or Closed" passes every project: the sorted ids stay (no reset, the selection stays), on
    and off; once an edit makes a project fail it, setting it reads the ids again."""
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.AscendingOrder)
    ids = view.model.ids.tolist()
    rid = view.model.record_id(2)
    view.select_record(rid)
    with qtbot.assertNotEmitted(view.model.modelReset):
        view.set_column_filter("status", {"Active", "Closed"})
    assert view.model.ids.tolist() == ids and view.current_record_id() == rid
    assert view.count_label.text() == "10 of 10 rows"
    with qtbot.assertNotEmitted(view.model.modelReset):
        view.set_column_filter("status", None)
    assert view.model.ids.tolist() == ids and view.count_label.text() == "10 rows"
    view.set_column_filter("status", {"Active", "Closed"})
    view.document.office.write(records.update_record, PROJECTS, rid, {"status": "On hold"})
    view.document.records_changed.emit(PROJECTS.name, [rid])
    with qtbot.waitSignal(view.model.modelReset):
        view.set_column_filter("status", None)  # the filter no longer passed every record: read again
    view.set_column_filter("status", {"Active", "Closed"})
    assert rid not in view.model.ids.tolist() and len(view.model.ids) == 9
    with qtbot.waitSignal(view.model.modelReset):
        view.set_column_filter("status", {"Closed"})  # a filter that some fail: read again
    assert len(view.model.ids) == 5


def test_the_timers_check_puts_a_new_order_in_place_without_reading_on_the_gui_thread(qtbot, tmp_path):
    """Another user's rename moves a record in the sorted table: the worker reads the new order, the
    rows shown and where the selected record went; the GUI thread swaps them in (one layoutChanged)."""
    path = tmp_path / "shared.pmo"
    mine, view = shown_projects(qtbot, path)
    view.table.sortByColumn(view.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert names(view) == ["Loyalty", "Stock", "Tills"]
    stock = view.model.record_id(1)
    view.select_record(stock)
    layouts, resets, changed_rows = [], [], []
    view.model.layoutChanged.connect(lambda *a: layouts.append(1))
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.dataChanged.connect(lambda top, bottom, *a: changed_rows.append((top.row(), bottom.row())))
    theirs = Store.open(path)
    with theirs.transaction() as s:
        records.update_record(s, PROJECTS, records.find_id_by_code(s, PROJECTS, "P-01"), {"name": "Apps"})
    theirs.close()
    on_gui_thread, real_read = reads_on_gui_thread(mine)
    assert mine.poll_outside_changes()
    qtbot.waitUntil(lambda: names(view) == ["Apps", "Loyalty", "Stock"])
    qtbot.wait(50)
    assert on_gui_thread == []
    assert layouts == [1] and resets == []
    assert view.current_record_id() == stock and view.model.row_of(stock) == 2  # the selection followed it
    apps = view.model.record_id(0)
    assert view.proxy.index(0, view.model.column_of("name")).data(Qt.ItemDataRole.BackgroundRole).color().name() == FLASH_COLOUR
    changed_rows.clear()
    with Store.open(path).transaction() as s:  # an edit that keeps the order: that row only, no new layout
        records.update_record(s, PROJECTS, apps, {"name": "Apps and web"})
    assert mine.poll_outside_changes()
    qtbot.waitUntil(lambda: names(view)[0] == "Apps and web")
    assert layouts == [1] and changed_rows == [(0, 0)] and on_gui_thread == []
    mine.office.read = real_read
    mine.close()


def test_records_added_by_others_show_even_when_the_last_page_was_read_during_the_check(qtbot, tmp_path):
    """The probe ran from the ids as they were; meanwhile the view read the (short) last page. Putting
    the answer in place must not keep that page without the rows added."""
    from pmo_desktop.views.register_table.windowed import make_models

    path = tmp_path / "shared.pmo"
    mine = Document(Store.create(path))
    with mine.store.transaction() as s:
        for i in range(6):
            records.create_record(s, PROJECTS, {"name": f"Project {i}"})
    model, _proxy = make_models(mine, PROJECTS, None)
    name = model.column_of("name")
    assert model.rowCount() == 6 and model.index(0, name).data() == "Project 0"  # page 0 read
    probe = model.outside_probe()
    with Store.open(path).transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Added elsewhere"})
    answer = mine.office.read(probe)
    assert model.index(5, name).data() == "Project 5"  # the last page (rows 4-5) read meanwhile
    assert model.apply_outside(answer) == {model.ids[-1]}
    assert model.rowCount() == 7
    assert [model.index(r, name).data() for r in range(7)][4:] == ["Project 4", "Project 5", "Added elsewhere"]
    mine.close()


def nine_with_three_people(store, register, values) -> None:
    """Three people ("Cy", "ann", "Bo": a sort by name must fold case) and nine records of ``register``, the
    ``i``-th made by ``values(i, person)``, its person the ``i % 3``-th."""
    people = ("Cy", "ann", "Bo")
    with store.transaction() as s:
        ctx = records.load_context(s)
        for n in people:
            records.create_record(s, REGISTERS["people"], {"name": n}, ctx)
        for i in range(9):
            records.create_record(s, register, values(i, people[i % 3]), ctx)


def test_first_sort_of_a_large_register_by_a_reference_builds_its_sort_index(qtbot, store, monkeypatch):
    """The first sort by a reference of a register past the threshold builds the column's index, and
    the sort reads it — on SQLite (a date too) and on PostgreSQL (``(fk, id)``; no date index there)."""
    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 5)
    document = Document(store)
    nine_with_three_people(store, PROJECTS, lambda i, person: {"name": f"Project {i}",
                                                                "manager": person if i != 4 else None})
    v = RegisterView(document, PROJECTS)
    qtbot.addWidget(v)
    office = document.office
    manager = PROJECTS.field("manager")
    v.model.indexes_ahead.join(timeout=30)  # PostgreSQL builds a reference's ahead, concurrently; SQLite at the sort
    assert office.read(sort_index.has_index, PROJECTS, manager) == (not store.is_sqlite)
    assert v.distinct_values(v.model.column_of("manager")) == ["ann", "Bo", "Cy", ""]  # the names used, a blank
    assert v.distinct_values(v.model.column_of("sponsor")) == [""]
    v.table.sortByColumn(v.model.column_of("manager"), Qt.SortOrder.AscendingOrder)
    assert office.read(sort_index.has_index, PROJECTS, manager)
    assert names(v) == [f"Project {i}" for i in (1, 7, 2, 5, 8, 0, 3, 6, 4)]  # ann, Bo, Cy by id; the blank last
    v.table.sortByColumn(v.model.column_of("manager"), Qt.SortOrder.DescendingOrder)
    assert names(v) == [f"Project {i}" for i in (0, 3, 6, 2, 5, 8, 1, 7, 4)]


def test_first_sort_by_a_date_shows_its_rows_before_building_its_index(qtbot, sqlite_store, monkeypatch):
    """A large register's first sort by a date (SQLite) sorts by key at once and builds the column's sort
    index afterwards, on a worker: with another program holding the file's write lock the rows come
    sorted all the same, and once the lock is let go the index is built — the sorts after walk it. (Built
    before the sort, the first sort waited for the lock, gave up busy, and no index was built that
    session.)"""
    import sqlite3
    from datetime import date, timedelta

    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 5)
    store = sqlite_store
    document = Document(store)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for i in range(9):  # ties on a day, a blank one
            records.create_record(s, RISKS, {"title": f"Risk {i}", "raised_on": None if i == 4 else
                                             date(2026, 1, 1) + timedelta(days=(i * 5) % 3)}, ctx)
    v = RegisterView(document, RISKS)
    qtbot.addWidget(v)
    v.model.indexes_ahead.join(timeout=30)  # the next review's, built ahead
    office, raised = document.office, RISKS.field("raised_on")
    assert not office.read(sort_index.has_index, RISKS, raised)
    title = v.model.column_of("title")
    titles = lambda: [v.proxy.index(r, title).data() for r in range(v.proxy.rowCount())]  # noqa: E731
    expected = [f"Risk {i}" for i in (0, 3, 6, 2, 5, 8, 1, 7, 4)]  # 1 Jan, 2 Jan, 3 Jan, each by id; the blank last
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        v.table.sortByColumn(v.model.column_of("raised_on"), Qt.SortOrder.AscendingOrder)
        assert titles() == expected
    finally:
        other.rollback()
        other.close()
    v.model.indexes_ahead.join(timeout=30)
    assert office.read(sort_index.has_index, RISKS, raised)
    v.table.sortByColumn(v.model.column_of("raised_on"), Qt.SortOrder.DescendingOrder)
    assert titles() == [f"Risk {i}" for i in (1, 7, 2, 5, 8, 0, 3, 6, 4)]
    v.table.sortByColumn(v.model.column_of("raised_on"), Qt.SortOrder.AscendingOrder)
    assert titles() == expected
    document.close()


def test_a_large_register_opened_builds_the_next_review_index_ahead(qtbot, store, monkeypatch):
    """Opened past the threshold, the table builds the next review's sort index on a worker thread (SQLite;
    on PostgreSQL the references' ``(fk, id)``, CONCURRENTLY), so the first sort by the next review or by
    the review status (or by owner there) finds it made; the rows come in the order the in-memory table gives. An import taking a register past the
    threshold builds it too (``search_index.follow_writes``)."""
    from datetime import date, timedelta

    from pmo_desktop.models import search_index, sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 5)
    document = Document(store)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for i in range(8):
            records.create_record(s, RISKS, {"title": f"Risk {i}", "probability": i % 5 + 1, "impact": 2,
                                             "raised_on": date.today() - timedelta(days=200 - 60 * i)}, ctx)
    review, status = RISKS.field("next_review"), RISKS.field("review_overdue")
    office = document.office
    assert not office.read(sort_index.has_index, RISKS, review)
    v = RegisterView(document, RISKS)
    qtbot.addWidget(v)
    sqlite = store.is_sqlite
    assert v.model.indexes_ahead is not None
    v.model.indexes_ahead.join(timeout=30)
    assert office.read(sort_index.has_index, RISKS, review) == office.read(sort_index.has_index, RISKS, status) == sqlite
    assert office.read(sort_index.missing_ahead, RISKS) == []
    assert office.read(sort_index.has_index, RISKS, RISKS.field("owner")) == (not sqlite)  # PostgreSQL: concurrently
    rows = office.read(records.fetch_rows, RISKS)
    late = RISKS.field_names.index("review_overdue") + 2
    assert {r[late] for r in rows} == {"Overdue", ""}
    want = [r[0] for r in rows if r[late]] + [r[0] for r in rows if not r[late]]
    v.table.sortByColumn(v.model.column_of("review_overdue"), Qt.SortOrder.DescendingOrder)
    assert [v.model.record_id(r) for r in range(v.model.rowCount())] == want
    if sqlite:  # an import (a write adding many records) past the threshold: built in its transaction
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f'DROP INDEX "{sort_index.index_names(RISKS, review)[0]}"')
        office.write(search_index.follow_writes, [RISKS])
        assert office.read(sort_index.has_index, RISKS, review)


@pytest.mark.postgres
@pytest.mark.parametrize("action", ["sort by owner", "search"])
def test_a_table_waits_a_bounded_time_for_an_index_another_session_holds_up(qtbot, pg_store_url, monkeypatch, action):
    """PostgreSQL builds a large table's reference indexes ``CONCURRENTLY`` when it opens, and such a build
    waits for every transaction of the database that began before it and still reads: another window's
    export or board pack (one snapshot for its whole length), a client left idle in a transaction. The first
    sort by owner, or the first search, waited for that build on the GUI thread (a join), so the window froze
    until the other transaction ended — for ever, for one left open. The wait is bounded now: past it the
    sort goes by key, the search without its index, the window says so, and the build goes on; once the
    other transaction ends the index is there and the next sort walks it."""
    import time

    import psycopg

    from pmo_desktop.models import sort_index

    monkeypatch.setattr(sort_index, "THRESHOLD", 5)
    monkeypatch.setattr(windowed, "WAIT_FOR_WORKER_S", 1.0, raising=False)
    store = Store.open(pg_store_url)
    document = Document(store)
    said: list[str] = []
    document.note.connect(said.append)
    nine_with_three_people(store, RISKS, lambda i, person: {"title": f"Risk {i}", "owner": person})
    # Another user's long read (an export's snapshot), begun before the table opens.
    url = store.engine.url.set(drivername="postgresql")
    other = psycopg.connect(url.render_as_string(hide_password=False), autocommit=False)
    other.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    other.execute("SELECT count(*) FROM risk").fetchone()
    ended = threading.Timer(20, other.rollback)  # on main the window waited for this
    ended.daemon = True
    ended.start()
    try:
        v = RegisterView(document, RISKS)
        qtbot.addWidget(v)
        v.resize(1000, 400)
        v.show()
        qtbot.waitExposed(v)
        office, owner = document.office, RISKS.field("owner")
        assert v.model.indexes_ahead is not None and v.model.indexes_ahead.is_alive()  # held by the other's snapshot
        started = time.monotonic()
        if action == "search":
            v.search.setText("risk 4")
            assert [v.model.record(r)["title"] for r in range(v.model.rowCount())] == ["Risk 4"]
        else:
            v.table.sortByColumn(v.model.column_of("owner"), Qt.SortOrder.AscendingOrder)
            owners = [v.model.record(r)["owner"] for r in range(v.model.rowCount())]
            assert owners == sorted(owners, key=str.lower)  # by key, without the index
        assert time.monotonic() - started < 8
        assert not office.read(sort_index.has_index, RISKS, owner)
        assert len(said) == 1 and "busy" in said[0], said
    finally:
        other.rollback()
        ended.cancel()
        other.close()
    v.model.indexes_ahead.join(timeout=30)  # the other transaction over: the build goes on to its end
    assert office.read(sort_index.has_index, RISKS, owner)
    document.close()


def test_a_windowed_cell_answers_every_role_as_the_in_memory_table(qtbot, sqlite_demo_store, monkeypatch):
    """The windowed proxy asks its model for a cell directly (no round trip through Qt's identity
    mapping) and a colour rule's brushes are made once per colour and theme: every role of every cell
    answers as the in-memory table's, light and dark — the ratings' fills, the right-aligned numbers,
    the tooltips of long texts, a row someone else changed in its flash, a pale fill in the theme's shade
    of it, a row edited out of the filter in italics and marked by its number; the headers and the cells'
    flags too."""
    from PySide6.QtGui import QBrush

    from pmo_desktop.views.register_table.table_model import RegisterTableModel
    from pmo_desktop.views.theme import DARK, LIGHT, theme

    document = Document(sqlite_demo_store)
    windowed_view = RegisterView(document, RISKS)
    qtbot.addWidget(windowed_view)
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 10**9)
    memory_view = RegisterView(document, RISKS)
    qtbot.addWidget(memory_view)
    assert isinstance(windowed_view.proxy, WindowedProxy)
    assert type(memory_view.model) is RegisterTableModel
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole]

    def answers(view):
        proxy = view.proxy
        out = {}
        for r in range(proxy.rowCount()):
            for c in range(proxy.columnCount()):
                index = proxy.index(r, c)
                rid = index.data(Qt.ItemDataRole.UserRole + 2)
                for role in roles:
                    value = index.data(role)
                    out[rid, c, role] = value.color().name() if isinstance(value, QBrush) else value
                out[rid, c, "flags"] = proxy.flags(index)
            for role in roles:
                out[rid, "row header", role] = proxy.headerData(r, Qt.Orientation.Vertical, role)
        for c in range(proxy.columnCount()):
            for role in roles:
                out["column header", c, role] = proxy.headerData(c, Qt.Orientation.Horizontal, role)
        return out

    try:
        document.outside_changes.emit("risks", [windowed_view.model.record_id(2)])  # the flash's fill
        for view in (windowed_view, memory_view):  # a page's own rule, a pale fill: the theme's shade of it
            view.model.colour_rules["title"] = lambda value, _row: "#e3f2fd" if value else None
        fills = []
        for name in (LIGHT, DARK, LIGHT):
            theme().set_choice(name)
            shown = answers(windowed_view)
            assert shown == answers(memory_view)
            fills.append({k: v for k, v in shown.items() if k[2] == Qt.ItemDataRole.BackgroundRole and v})
        assert fills[0] and fills[0] == fills[2] and fills[1].keys() == fills[0].keys() and fills[1] != fills[0]
        for view in (windowed_view, memory_view):
            view.set_column_filter("status", {"Open"})
        rid = windowed_view.model.record_id(0)
        with sqlite_demo_store.transaction() as s:
            records.update_record(s, RISKS, rid, {"status": "Closed"})
        document.records_changed.emit("risks", [rid])
        qtbot.waitUntil(lambda: windowed_view.proxy.unmatched_kept() == [rid])
        qtbot.waitUntil(lambda: windowed_view.proxy.unmatched_kept() == memory_view.proxy.unmatched_kept())
        shown = answers(windowed_view)
        assert shown == answers(memory_view)
        assert any(v is not None for (r, _, role), v in shown.items() if role == Qt.ItemDataRole.FontRole and r == rid)
        assert "✎" in shown[rid, "row header", Qt.ItemDataRole.DisplayRole]
    finally:
        theme().set_choice("system")


def test_filters_taken_off_show_the_ids_they_hid_without_listing_them_again(qtbot, view, monkeypatch):
    """A filter or a search taken off: the sorted ids as they were before it, not listed again (among a
    million risks sorted by title, 0.7 s of CPU) — unless the register changed meanwhile (an edit moving a
    record in the sort) or the sort did."""
    from pmo_desktop.models import windows

    listed = []
    real = windows.fetch_ids

    def fetch_ids(*args, **kwargs):
        listed.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(windows, "fetch_ids", fetch_ids)
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.AscendingOrder)
    ids = view.model.ids.tolist()
    view.set_column_filter("status", {"Closed"})
    assert len(view.model.ids) == 5
    listed.clear()
    view.set_column_filter("status", None)
    assert listed == [] and view.model.ids.tolist() == ids and view.count_label.text() == "10 rows"
    view.search.setText("project 1")
    qtbot.waitUntil(lambda: len(view.model.ids) == 1)
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.model.ids) == 10)
    assert view.model.ids.tolist() == ids
    view.set_column_filter("status", {"Closed"})
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.DescendingOrder)
    listed.clear()
    view.set_column_filter("status", None)  # sorted another way meanwhile: listed
    assert len(listed) == 1 and view.model.ids.tolist() == ids[::-1]
    view.set_column_filter("status", {"Closed"})
    view.document.office.write(records.update_record, PROJECTS, ids[-1], {"budget": 0})
    view.document.records_changed.emit(PROJECTS.name, [ids[-1]])
    listed.clear()
    view.set_column_filter("status", None)  # the register changed meanwhile: listed, the edit in its place
    assert len(listed) == 1 and view.model.ids.tolist() == ids[-2::-1] + [ids[-1]]
    assert [view.model.record(r)["budget"] for r in range(10)] == [800, 700, 600, 500, 400, 300, 200, 100, 0, 0]


def test_a_window_shown_before_is_not_listed_again_while_the_register_and_day_stay(qtbot, view, monkeypatch):
    """A sort (or filter) the table showed before, the register unchanged since and the same day: its ids as
    they were, not sorted again by the database (among 100,000 risks a sort by category, 58 ms of SQLite's
    CPU each time). An edit, a new day (the review status is today's) or more windows than
    ``KEEP_IDS_AT_MOST`` ids hold list it again."""
    from datetime import date, timedelta

    from pmo_desktop.models import windows

    listed = []
    real = windows.fetch_ids

    def fetch_ids(*args, **kwargs):
        listed.append(args[2].sort_field)
        return real(*args, **kwargs)

    monkeypatch.setattr(windows, "fetch_ids", fetch_ids)
    budget, name = view.model.column_of("budget"), view.model.column_of("name")
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    by_budget = view.model.ids.tolist()
    view.table.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    listed.clear()
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    assert listed == [] and view.model.ids.tolist() == by_budget
    view.table.sortByColumn(budget, Qt.SortOrder.DescendingOrder)  # never shown: listed
    assert listed == ["budget"]
    view.document.office.write(records.update_record, PROJECTS, by_budget[-1], {"budget": 0})
    view.document.records_changed.emit(PROJECTS.name, [by_budget[-1]])
    listed.clear()
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)  # the register changed: listed, the edit in place
    assert listed == ["budget"] and view.model.ids.tolist()[:3] == sorted([by_budget[0], by_budget[-1]]) + [by_budget[1]]
    view.table.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    tomorrow = date.today() + timedelta(days=1)
    view.model.today = lambda: tomorrow
    listed.clear()
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)  # another day: listed
    assert listed == ["budget"]
    monkeypatch.setattr(windowed, "KEEP_IDS_AT_MOST", 15)  # one window of ten ids
    view.table.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    listed.clear()
    view.table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)  # dropped for the one after it: listed
    assert listed == ["budget"]


def test_a_filter_paints_the_rows_once(qtbot, view):
    """A windowed table's filter resets the table: its row numbers' width follows the new count (10 rows →
    5: a digit fewer) before the rows are painted, so they are painted once — not painted, then the viewport
    resized by the narrower row numbers and painted again (among 100,000 risks 10–15 ms of CPU a filter)."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        def __init__(self):
            super().__init__()
            self.count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    viewport = view.table.viewport()
    viewport.installEventFilter(paints)
    qtbot.wait(50)
    for allowed in ({"Closed"}, None):  # 10 rows → 5 → 10
        paints.count = 0
        view.set_column_filter("status", allowed)
        qtbot.wait(100)
        assert paints.count == 1, allowed
    viewport.removeEventFilter(paints)


def test_rows_painted_before_are_not_read_again_while_the_register_and_day_stay(qtbot, view, monkeypatch):
    """A window shown again — a filter taken off, a sort shown before, unsorted — paints the rows it read
    before, kept by id (as many as the pages in memory hold), not read again (among 100,000 risks a page of
    rows, 5–6 ms of CPU, a quarter of a filter taken off); the rows a filter or a sort has never shown are
    read. An edit (the register's signature moves) or a new day (the review status is today's) reads them
    again, and the edit shows."""
    from datetime import date, timedelta

    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)  # 12 rows: all ten of the table
    read: list[list[int] | None] = []
    real = records.fetch_rows

    def fetch_rows(session, register, ctx=None, ids=None, **kwargs):
        read.append(None if ids is None else list(ids))
        return real(session, register, ctx, ids=ids, **kwargs)

    monkeypatch.setattr(records, "fetch_rows", fetch_rows)
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.AscendingOrder)
    by_budget = names(view)
    view.set_column_filter("status", {"Closed"})
    assert names(view) == [n for n in by_budget if int(n.split()[1]) % 2]
    read.clear()
    view.set_column_filter("status", None)  # taken off: every row was read for the sorted table
    assert names(view) == by_budget and read == []
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # unsorted: its rows read as the table opened
    assert names(view) == [f"Project {i}" for i in range(10)] and read == []
    view.table.sortByColumn(view.model.column_of("budget"), Qt.SortOrder.AscendingOrder)
    rid = view.model.record_id(0)
    view.document.office.write(records.update_record, PROJECTS, rid, {"name": "Renamed"})
    view.document.records_changed.emit(PROJECTS.name, [rid])
    view.set_column_filter("status", {"Closed"})
    read.clear()
    view.set_column_filter("status", None)  # the register changed: its rows read again, the edit shown
    assert names(view) == ["Renamed", *by_budget[1:]] and read
    read.clear()
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # listed again after the edit; its rows read since
    assert names(view)[view.model.row_of(rid)] == "Renamed" and read == []
    tomorrow = date.today() + timedelta(days=1)
    view.model.today = lambda: tomorrow
    view.set_column_filter("status", {"Closed"})
    names(view)
    read.clear()
    view.set_column_filter("status", None)  # another day: listed again, its rows read again
    assert len(names(view)) == 10 and read


def test_a_large_table_has_numpy_imported_on_a_worker_once_its_first_rows_are_painted(tmp_path):
    """A large table's first sort, filter or search uses numpy (keys sorted, ids kept in order), whose import
    cost that first action 70–110 ms of CPU: it is imported on a worker once the table has painted its first
    rows — not before (the import holds the interpreter lock for most of its time, against that paint). A
    fresh process: this one has numpy imported already (the charts' pyqtgraph)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = """
import sys
from PySide6.QtWidgets import QApplication
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import RegisterView, windowed

app = QApplication([])
windowed.WINDOWED_FROM = 1
store = Store.create(sys.argv[1])
with store.transaction() as s:
    for i in range(5):
        records.create_record(s, REGISTERS["projects"], {"name": f"Project {i}"})
view = RegisterView(Document(store), REGISTERS["projects"])
before = "numpy" in sys.modules
view.show()
app.processEvents()
painted = "numpy" in sys.modules  # not while the first rows are painted, nor just after
while windowed.numpy_ahead() is None:
    app.processEvents()
worker = windowed.numpy_ahead()
worker.join(30)
print(before, painted, worker.name, "numpy" in sys.modules)
"""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "office.pmo")], env=env, cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "False", "pmo-import-numpy", "True"], done.stderr[-2000:]
