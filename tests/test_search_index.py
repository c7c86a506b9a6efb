"""The search index of a large register (SQLite FTS5, trigram): a search finds exactly what it finds
without the index, and the index follows every write — an edit, an insert, a delete, an import — made
through the office or by anyone else on the file. The threshold is lowered so a few records count."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from pmo_desktop.models import errors, records, schema, search_index, windows
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_review import ReviewCadence
from pmo_desktop.models.windows import Window

RISKS = REGISTERS["risks"]
SEARCHES = ["supplier", "upplier 1", "SUPPLIER 12", "ann lee", "project b", "reduce", "cost", "critical",
            "overdue", "2026-03", "12", "r-000", '"quoted"', "100%", "a_b", "straße", "ne", "x", "nothing like it"]


@pytest.fixture
def office(sqlite_store, monkeypatch):
    return filled(sqlite_store, monkeypatch)


@pytest.fixture
def any_office(store, monkeypatch):
    """The same records on SQLite (FTS5) and on PostgreSQL (pg_trgm)."""
    return filled(store, monkeypatch)


def filled(store, monkeypatch):
    monkeypatch.setattr(search_index, "THRESHOLD", 20)
    office = Office(store)
    people = ["Ann Lee", "Bo Chan"]
    projects = ["Project A", "Project B"]

    def fill(s):
        ctx = records.load_context(s)
        for name in people:
            records.create_record(s, REGISTERS["people"], {"name": name}, ctx)
        for name in projects:
            records.create_record(s, REGISTERS["projects"], {"name": name}, ctx)
        for i in range(30):
            records.create_record(s, RISKS, {
                "title": ("Supplier %d fails" if i % 3 else "Key staff %d leave") % i,
                "owner": people[i % 2], "project": projects[i % 2] if i % 4 else None,
                "probability": i % 5 + 1, "impact": (i * 2) % 5 + 1,
                "residual_probability": None if i % 3 else i % 4 + 1, "residual_impact": None if i % 3 else 2,
                "raised_on": date(2026, 1 + i % 6, 1), "response": "Reduce" if i % 2 else "Accept",
                "impact_areas": "Cost" if i % 2 else "Time", "status": "Closed" if i % 7 == 0 else "Open",
                "notes": {1: '"Quoted" words', 2: "100% sure", 3: "a_b", 4: "Straße"}.get(i, ""),
            }, ctx)
    office.write(fill)
    return office


def search_all(office):
    ctx = office.read(records.load_context)
    return {q: office.read(windows.fetch_ids, RISKS, Window(search=q.lower()), ctx).tolist() for q in SEARCHES}


def test_a_search_finds_the_same_records_with_the_index(office):
    without = search_all(office)
    assert not office.read(search_index.has_index, RISKS)
    assert office.write(search_index.ensure, RISKS)[0]
    assert office.read(search_index.has_index, RISKS)
    assert search_all(office) == without
    assert without["supplier"] and without["ann lee"] and without['"quoted"'] and without["straße"]
    assert without["nothing like it"] == []


def test_the_same_records_with_the_index_on_either_database(any_office):
    """SQLite's FTS5 table or PostgreSQL's pg_trgm GIN index: a prefilter only, so every search (a name,
    a rating, digits, two letters, wildcards) finds exactly what ILIKE/LIKE over every row finds."""
    searches = SEARCHES + ["ann", "fails", "key staff 1", "2026-0", "straSSe", "high", "yes"]
    ctx = any_office.read(records.load_context)

    def search_all_of(queries):
        return {q: any_office.read(windows.fetch_ids, RISKS, Window(search=q.lower()), ctx).tolist() for q in queries}

    without = search_all_of(searches)
    assert not any_office.read(search_index.has_index, RISKS)
    assert any_office.write(search_index.ensure, RISKS)[0]
    assert any_office.read(search_index.has_index, RISKS)
    sqlite = any_office.read(lambda s: s.connection().dialect.name == "sqlite")
    assert any_office.read(search_index.usable, RISKS, "supplier")
    assert any_office.read(search_index.usable, RISKS, "s")  # one letter: the summary of each row (both)
    assert any_office.read(search_index.usable, RISKS, "su") == sqlite  # two characters: the marked cell ends
    assert search_all_of(searches) == without
    assert without["supplier"] and without["ann"] and without["key staff 1"] and without["2026-0"]
    rid = without["fails"][0]
    any_office.write(records.update_record, RISKS, rid, {"title": "Zeppelin delay"})  # the index follows
    assert search_all_of(["zeppelin"])["zeppelin"] == [rid]


def test_the_index_follows_edits_inserts_and_deletes_by_anyone(office, sqlite_store):
    office.write(search_index.ensure, RISKS)
    ctx = office.read(records.load_context)

    def found(q):
        return office.read(windows.fetch_ids, RISKS, Window(search=q), ctx).tolist()

    first = found("supplier 1 ")[0]
    office.write(records.update_record, RISKS, first, {"title": "Quarry flooding"})
    assert found("quarry") == [first] and first not in found("supplier 1 ")
    new = office.write(lambda s: records.create_record(s, RISKS, {"title": "Zeppelin delay"}).id)[0]
    assert found("zeppelin") == [new]
    office.write(records.delete_records, RISKS, [new])
    assert found("zeppelin") == []
    with sqlite_store.engine.begin() as conn:  # another program writing plain SQL on the file
        conn.execute(text("UPDATE risk SET notes = 'Volcanic ash' WHERE id = :i"), {"i": first})
    assert found("volcanic") == [first]


def test_an_import_past_the_threshold_builds_the_index(office, tmp_path):
    from pmo_desktop.excel.export import export_workbook
    from pmo_desktop.excel.importer import import_workbook
    from pmo_desktop.models.store import Store

    path = tmp_path / "risks.xlsx"
    export_workbook(office.store, path)  # the whole office: people and projects too
    other = Store.create(tmp_path / "other.pmo")
    try:
        import_workbook(other, path)
        assert Office(other).read(search_index.has_index, RISKS)
    finally:
        other.close()


def test_a_small_register_has_no_index_and_a_migration_drops_it(office, sqlite_store, monkeypatch):
    monkeypatch.setattr(search_index, "THRESHOLD", 1000)
    assert not office.write(search_index.ensure, RISKS)[0]  # 30 records: LIKE alone, no file size paid
    monkeypatch.setattr(search_index, "THRESHOLD", 20)
    office.write(search_index.ensure, RISKS)
    with sqlite_store.engine.begin() as conn:
        search_index.drop_all(conn)
        assert not conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'risk_search%'")).all()
    assert search_all(office)["supplier"]  # still found, by LIKE


def test_a_migration_drops_the_indexes_then_history_and_search_work(office, sqlite_store):
    """An indexed file from before the record history (version 2) is migrated on open: its indexes are
    dropped before the steps run (whatever their number), the history gets its baseline, and the
    register is searched and edited as before; the index is built again on demand."""
    from pmo_desktop.models import history
    from pmo_desktop.models.store import Store

    before = search_all(office)
    office.write(search_index.ensure, RISKS)
    path = sqlite_store.path
    sqlite_store.close()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE record_history")
    con.execute("DROP TABLE board_snapshot")
    con.execute("UPDATE pmo_meta SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    again = Office(Store.open(path))
    try:
        with again.store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(schema.SCHEMA_VERSION)
            assert not conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'risk_search%'")).all()
        assert again.read(history.first_day) is not None
        assert search_all(again) == before
        first = before["supplier"][0]
        again.write(records.update_record, RISKS, first, {"title": "Quarry flooding"})
        assert again.write(search_index.ensure, RISKS)[0]
        ctx = again.read(records.load_context)
        assert again.read(windows.fetch_ids, RISKS, Window(search="quarry"), ctx).tolist() == [first]
    finally:
        again.close()


def test_a_board_snapshot_and_the_past_of_an_indexed_register(office):
    """The index is no register: a snapshot holds the register's rows, not the index, and the past
    reopened in memory (no index there, read only) is searched by LIKE to the same records."""
    from pmo_desktop.models import snapshots

    office.write(search_index.ensure, RISKS)
    live = search_all(office)
    snapshot_id, _ = office.write(snapshots.take, "October board")
    assert "risk_search" not in office.read(snapshots.load_state, snapshot_id)
    first = live["supplier"][0]
    office.write(records.update_record, RISKS, first, {"title": "Quarry flooding"})
    for source in (snapshots.open_snapshot(office, snapshot_id), snapshots.open_as_at(office, date(2000, 1, 1))):
        past = source.office
        assert not past.read(search_index.has_index, RISKS)
        with pytest.raises(errors.ReadOnlyFile):  # nothing is built in a past state (the table catches it)
            past.write(search_index.ensure, RISKS)
    assert search_all(snapshots.open_snapshot(office, snapshot_id).office) == live


def test_next_review_in_sql_as_in_python(office):
    """The SQL of the review columns (sort, filter, search of a windowed table) gives what the
    register computes, for unscored residuals, closed risks and an office's own cadence."""
    ctx = office.read(records.load_context)
    for cadence in (ReviewCadence(), ReviewCadence((("High", 7), ("Low", 200)), 45)):
        ctx.extra["review_cadence"] = cadence

        def both(s):
            E = RISKS.entity
            from sqlalchemy import select

            sql = {row[0]: tuple(row[1:]) for row in s.execute(select(
                E.id, *(RISKS.field(n).sql(E, ctx) for n in ("next_review", "review_overdue"))))}
            python = {row[0]: (row[2 + RISKS.field_names.index("next_review")],
                               row[2 + RISKS.field_names.index("review_overdue")])
                      for row in records.fetch_rows(s, RISKS, ctx)}
            return sql, python

        sql, python = office.read(both)
        assert sql == python
        assert any(v[0] is None for v in sql.values()) and any(v[1] == "Overdue" for v in sql.values())


def test_a_file_indexed_elsewhere_opens_editable_where_sqlite_lacks_trigrams(office, sqlite_store, monkeypatch):
    from pmo_desktop.models.store import Store

    office.write(search_index.ensure, RISKS)
    path = sqlite_store.path
    sqlite_store.close()
    monkeypatch.setattr(search_index, "trigram_available", lambda: False)
    again = Office(Store.open(path))
    try:
        assert not again.read(search_index.has_index, RISKS)
        rid = again.write(lambda s: records.create_record(s, RISKS, {"title": "Edited here"}).id)[0]
        ctx = again.read(records.load_context)
        assert again.read(windows.fetch_ids, RISKS, Window(search="edited here"), ctx).tolist() == [rid]
    finally:
        again.close()


@pytest.mark.postgres
def test_postgresql_without_the_right_to_create_pg_trgm_searches_by_ilike(pg_server, pg_store_url, monkeypatch, caplog):
    """A user who may not create the extension: no index, one clear log line, the transaction still
    usable, and the search finds by ILIKE what it always found."""
    import os

    from sqlalchemy.engine import make_url

    from pmo_desktop.models.store import Store

    monkeypatch.setattr(search_index, "THRESHOLD", 3)
    monkeypatch.setattr(search_index, "_pg_unavailable_logged", set())
    database = make_url(pg_store_url).database
    role = f"no_ext_{os.getpid()}"
    pg_server.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'x'")
    pg_server.sql(f'REVOKE CREATE ON DATABASE "{database}" FROM PUBLIC')
    pg_server.sql(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}", database)
    pg_server.sql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}", database)
    store = Store.open(pg_server.url(database, user=role, password="x"))
    try:
        office = Office(store)
        office.write(lambda s: [records.create_record(s, RISKS, {"title": f"Supplier {i}"}) for i in range(5)])
        with caplog.at_level("WARNING", logger="pmo_desktop.models.search_index"):
            assert not office.write(search_index.ensure, RISKS)[0]
        assert "pg_trgm unavailable" in caplog.text and "ILIKE" in caplog.text
        assert not office.read(search_index.has_index, RISKS)
        found = office.read(windows.fetch_ids, RISKS, Window(search="supplier 3")).tolist()
        assert [office.read(records.fetch_rows, RISKS, ids=found)[0][RISKS.field_names.index("title") + 2]] == ["Supplier 3"]
    finally:
        store.close()
        pg_server.sql(f"DROP OWNED BY {role}", database)
        pg_server.sql(f"DROP ROLE {role}")


def test_two_characters_find_with_the_index_what_like_finds(office):
    """Each cell is indexed with an end mark after it, so every 2-character piece of a cell begins one
    of the index's trigrams: a search of two characters reads the index's terms that begin with it (a
    range of its vocabulary) and checks those rows with LIKE — the same records as LIKE over every
    row: a pair ending a cell, a cell of exactly two characters, across a space, case, wildcards and
    quotes as text, digits of dates and numbers; the index follows an edit. An index built before the
    end marks (no vocabulary table) is not used for two characters, and finds the same."""
    ctx = office.read(records.load_context)
    office.write(lambda s: [records.create_record(s, RISKS, {"title": t}, ctx).id
                            for t in ("Qz", "Endqz", "x q", 'a"b', "5%", "_x", "µω")])
    cells = office.read(lambda s: [v for row in s.execute(text("SELECT title, notes, code FROM risk")) for v in row if v])
    pairs = sorted({c[i:i + 2].lower() for c in cells for i in range(len(c) - 1)} | {"zz", "26", "-0", "%_", "es"})

    def found(queries):
        return {q: office.read(windows.fetch_ids, RISKS, Window(search=q), ctx).tolist() for q in queries}

    without = found(pairs)
    assert office.write(search_index.ensure, RISKS)[0]
    assert office.read(search_index.usable, RISKS, "qz")
    assert found(pairs) == without
    titles = office.read(lambda s: dict(s.execute(text("SELECT title, id FROM risk")).all()))
    assert without["qz"] == [titles["Qz"], titles["Endqz"]] and without["µω"] == [titles["µω"]]
    assert without['"b'] == [titles['a"b']] and without["5%"] == [titles["5%"]] and without["zz"] == []
    assert len(without["26"]) == 30  # the dates raised, 2026-…
    office.write(records.update_record, RISKS, titles["Qz"], {"title": "Wizard jq"})
    assert found(["jq", "qz"]) == {"jq": [titles["Qz"]], "qz": [titles["Endqz"]]}
    with office.store.engine.begin() as conn:  # no vocabulary table: LIKE alone for two
        conn.execute(text('DROP TABLE "risk_search_terms"'))
    assert not office.read(search_index.usable, RISKS, "qz") and office.read(search_index.usable, RISKS, "wiz")
    assert found(["jq", "qz"]) == {"jq": [titles["Qz"]], "qz": [titles["Endqz"]]}
    with office.store.engine.begin() as conn:  # an index built before the marks, as a version before made it
        conn.execute(text('DROP TABLE "risk_search"'))
        cols = ", ".join(f'"{c}"' for c in search_index.indexed_columns(RISKS))
        conn.execute(text(f"CREATE VIRTUAL TABLE risk_search USING fts5({cols}, content=\"risk\", content_rowid=\"id\", "
                          "tokenize='trigram', detail=none)"))
        conn.execute(text("INSERT INTO risk_search(risk_search) VALUES ('rebuild')"))
        conn.execute(text("CREATE VIRTUAL TABLE risk_search_terms USING fts5vocab(risk_search, 'row')"))
    assert office.read(search_index.has_index, RISKS) and not office.read(search_index.usable, RISKS, "qz")
    assert found(["jq", "qz", "wiz"]) == {"jq": [titles["Qz"]], "qz": [titles["Endqz"]], "wiz": [titles["Qz"]]}
