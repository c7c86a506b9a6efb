"""A large table's columns ranked ahead (``windows.column_ranks``, read on a worker once the table is painted):
a first sort by a column, either way, and a column filter of it, come from the ranks — in the very order the
database's ORDER BY gives (its folding of case, its collation, ties by id, blanks last), on SQLite and
PostgreSQL — and an edit shows at once in the sorted view."""

from PySide6.QtCore import Qt
from sqlalchemy import event, text

from pmo_desktop.models import records, windows
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.windows import Window, display_text
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import RegisterView, windowed

RISKS = REGISTERS["risks"]
TEXTS = ["Technical", "technical", "TECHNICAL", "Commercial", "", " ", " Strategic", "Zeta", "Ärger", "ärger",
         "Émission", "émission", "ß", "\U0001F600", "a", "A", "commercial", "Technical", "Zeta", "b"]
PEOPLE = ["bob", "Ann", "ann", "Cy", "Émile"]


def _fill(store, n=20, odd=True):
    """Risks whose texts differ by case, accents, letters past ASCII, an emoji, spaces, or are blank ('' and
    NULL); whose numbers tie or are blank; whose owners are people named alike. The ids are returned."""
    with store.session() as s:
        ctx = records.load_context(s)
        # "Ann" and "ann": names alike but for their case, refused as typed since walk32 (one name), but an office
        # made before or written by another program may hold both; the second written as such an office has it
        people = [records.create_record(s, REGISTERS["people"], {"name": f"Person {i}"}, ctx).id
                  for i, _ in enumerate(PEOPLE)]
        for pid, name in zip(people, PEOPLE):
            s.execute(text("UPDATE person SET name = :n WHERE id = :i"), {"n": name, "i": pid})
        ids = []
        for i in range(n):
            value = TEXTS[i % len(TEXTS)]
            ids.append(records.create_record(s, RISKS, {
                "title": value or f"Risk {i}", "notes": value, "probability": (i * 7) % 5 + 1 if i % 4 else None,
                "impact": (i * 3) % 5 + 1 if i % 4 else None, "status": ("Open", "Closed")[i % 2]}, ctx).id)
        s.flush()
        sqlite = s.connection().dialect.name == "sqlite"
        for i, rid in enumerate(ids):
            value = TEXTS[i % len(TEXTS)]
            s.execute(text("UPDATE risk SET category = :c, cause = :n, owner_id = :p WHERE id = :i"),
                      {"c": value, "n": "" if i % 6 == 0 else value, "i": rid,
                       "p": None if i % 5 == 4 else people[i % len(people)]})
        s.execute(text("UPDATE risk SET title = '' WHERE id = :i"), {"i": ids[4]})  # required, but another program may
        if sqlite and odd:  # a text in a column of numbers (another program's)
            s.execute(text("UPDATE risk SET probability = 'high' WHERE id = :i"), {"i": ids[5]})
        s.commit()
    return ids


def test_ranks_sort_as_the_order_by_each_way_and_with_a_filter(store):
    _fill(store)
    with store.session() as s:
        ctx = records.load_context(s)
        ranked = []
        _, classes = windows.column_classes(s, RISKS, RISKS.field_names, ctx)
        every = [(f, windows.column_ranks(s, RISKS, f, ctx)) for f in RISKS.fields]
        # a column of few values: one record of each ranked by the database, the rest given its class's rank
        every += [(f, windows.column_ranks(s, RISKS, f, ctx, classes[f.name])) for f in RISKS.fields if f.name in classes]
        for f, ranks in every:
            if ranks is None:
                continue
            ranked.append(f.name)
            for descending in (False, True):
                by_ranks = windows.ids_by_ranks(ranks, descending)
                assert by_ranks.tolist() == windows.fetch_ids(
                    s, RISKS, Window(sort_field=f.name, descending=descending), ctx).tolist(), (f.name, descending)
                filters = {"status": frozenset({"Closed"})}
                passing = windows.fetch_ids(s, RISKS, Window(column_filters=filters), ctx)
                assert windows.among(by_ranks, passing).tolist() == windows.fetch_ids(
                    s, RISKS, Window(sort_field=f.name, descending=descending, column_filters=filters), ctx).tolist()
    assert {"title", "category", "owner", "probability", "inherent_score", "inherent_rating", "status", "notes",
            "cause"} <= set(ranked)
    assert not {"raised_on", "next_review", "related_projects"} & set(ranked)  # by their day numbers, by lists
    assert {"category", "owner", "probability", "inherent_score", "inherent_rating", "status"} <= set(classes)
    assert len(ranked) == len(set(ranked)) + len(classes)


def test_a_filter_by_classes_passes_the_records_the_database_does(store):
    """A column filter answered from the columns' classes (one record of each asked, the rest a mask) passes
    the very records the database's scan does: each value the filter menu offers, blanks, several at once,
    and two columns' filters together; on SQLite and PostgreSQL."""
    import numpy as np

    _fill(store, 40)
    with store.session() as s:
        ctx = records.load_context(s)
        ids, classes = windows.column_classes(s, RISKS, RISKS.field_names, ctx)
        assert {"category", "status", "owner", "probability", "inherent_score", "inherent_rating"} <= set(classes)
        assert not {"code", "title", "cause", "notes"} & set(classes)  # free text: its filter scans

        def by_classes(filters):
            mask = None
            for name, allowed in filters.items():
                klass, records_of, _ = classes[name]
                passing = windows.classes_passing(s, RISKS, name, allowed, ctx, records_of)
                passes = windows.ids_passing(ids, klass, records_of, passing)
                mask = passes if mask is None else mask & passes
            return ids[mask].tolist()

        tried = 0
        for name in classes:
            f = RISKS.field(name)
            shown = sorted({windows.BLANK if v in (None, "") else display_text(f, v)
                            for v in windows.distinct_values(s, RISKS, f, 100, ctx)})
            for allowed in [{v} for v in shown] + [set(shown[:2]), set(shown[1:3]) | {windows.BLANK}]:
                filters = {name: frozenset(allowed)}
                assert by_classes(filters) == windows.fetch_ids(s, RISKS, Window(column_filters=filters), ctx).tolist(), \
                    (name, allowed)
                tried += 1
        both = {"status": frozenset({"Closed"}), "category": frozenset({"Technical", "technical", ""})}
        assert by_classes(both) == windows.fetch_ids(s, RISKS, Window(column_filters=both), ctx).tolist() != []
        assert np.all(ids[1:] > ids[:-1]) and tried > 50


def test_bytes_another_program_wrote_are_not_ranked(tmp_path):
    from pmo_desktop.models.store import Store

    path = tmp_path / "office.pmo"
    Store.create(path).close()
    store = Store.open(path)
    try:
        ids = _fill(store)
        with store.session() as s:
            s.execute(text("UPDATE risk SET probability = x'01' WHERE id = :i"), {"i": ids[3]})
            s.commit()
            # bytes sort after the blanks' x'': sorted by the ORDER BY
            assert windows.column_ranks(s, RISKS, RISKS.field("probability")) is None
            assert windows.column_ranks(s, RISKS, RISKS.field("title")) is not None
            _, classes = windows.column_classes(s, RISKS, ["probability", "status"])
            assert set(classes) == {"status"}  # the filter by probability scans, as before
    finally:
        store.close()


def _sorted_by_sql(statements, name):
    return [q for q in statements if "ORDER BY" in q and name in q.split("ORDER BY")[-1]]


def test_a_first_sort_comes_from_the_ranks_read_ahead_and_an_edit_shows_at_once(qtbot, store, monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "LIST_FIRST_FROM", 1)
    monkeypatch.setattr(windowed, "NUMPY_AFTER_MS", 0)
    _fill(store, 40, odd=False)  # a text among numbers: the cells' rules cannot compare it yet
    document = Document(store)
    view = RegisterView(document, RISKS)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    qtbot.waitUntil(lambda: model.ranks_ahead is not None)  # started once the table was painted
    model.ranks_ahead.join()
    qtbot.waitUntil(lambda: bool(model._ranks))
    statements: list[str] = []
    listen = (lambda *args: statements.append(args[2]))  # noqa: E731 — (conn, cursor, statement, …)
    engine = store.engine
    event.listen(engine, "before_cursor_execute", listen)
    title = model.column_of("title")

    def shown_ids():
        return [model.record_id(r) for r in range(model.rowCount())]

    def want(**window):
        with store.session() as s:
            return windows.fetch_ids(s, RISKS, Window(**window), document.context).tolist()

    try:
        view.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
        view.table.sortByColumn(model.column_of("inherent_score"), Qt.SortOrder.DescendingOrder)
        view.set_column_filter("status", {"Closed"})
        assert not _sorted_by_sql(statements, "title") and not _sorted_by_sql(statements, "probability")
        # the filter asked of one record of each status (and whether every record passes: stopped at the first
        # that fails), not a scan of every row
        scans = [q for q in statements if "status" in q.split("FROM")[-1] and "LIMIT" not in q and ".id IN" not in q]
        assert not scans, scans
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert shown_ids() == want(sort_field="inherent_score", descending=True,
                               column_filters={"status": frozenset({"Closed"})})
    view.set_column_filter("status", None)
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.set_column_filter("category", {"Technical", ""})
    assert shown_ids() == want(column_filters={"category": frozenset({"Technical", ""})})
    view.set_column_filter("category", None)
    view.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    assert shown_ids() == want(sort_field="title")
    last = model.record_id(model.rowCount() - 1)
    assert model.setData(model.index(model.rowCount() - 1, title), "aaa first now")  # an edit: the ranks are moot
    assert not model._ranks
    view.table.sortByColumn(title, Qt.SortOrder.DescendingOrder)
    view.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    assert shown_ids() == want(sort_field="title")
    assert shown_ids().index(last) < model.rowCount() - 1  # moved to its place among the titles
    assert model.index(shown_ids().index(last), title).data() == "aaa first now"
    status = model.column_of("status")
    row = next(r for r in range(model.rowCount()) if model.index(r, status).data() == "Open")
    edited = model.record_id(row)
    assert model.setData(model.index(row, status), "Closed")
    view.set_column_filter("status", {"Closed"})
    assert edited in shown_ids() and shown_ids() == want(sort_field="title", column_filters={"status": frozenset({"Closed"})})
