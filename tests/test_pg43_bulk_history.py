"""A many-record edit on PostgreSQL writes its record history as a few statements and encodes it from the rows
it wrote (issue 16, round pg43). Before, the history of a fill of 100,000 cells went out as 100,000 INSERTs
(Core's executemany through psycopg's pipeline, 3–4 s of the edit) and the 100,000 rows just written were
read back to be encoded (2 s). The history must stay exactly what reading the rows back would write — each
record's entry the JSON of its row as stored, dates and times of day included — and the edit's undo must
write the entries of the values it brought back."""

from datetime import date

import pytest
from sqlalchemy import event, select, text

from pmo_desktop.models import history, records
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
N = 1_200  # more than the 500 ids one IN (…) holds


def office_of_risks(url: str) -> Store:
    store = Store.open(url)
    with store.transaction() as session:
        records.create_records(session, RISKS, [{"title": f"Risk {i}", "raised_on": "2026-01-05", "impact": "2"}
                                                for i in range(N)], records.load_context(session))
    return store


def count_history_inserts_the_server_runs(store: Store) -> None:
    """A statement trigger of our own on the history table: a row in ``fired`` each INSERT statement."""
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE fired (n integer)"))
        conn.execute(text("CREATE FUNCTION count_fired() RETURNS trigger LANGUAGE plpgsql AS "
                          "$$ BEGIN INSERT INTO fired VALUES (1); RETURN NULL; END $$"))
        conn.execute(text("CREATE TRIGGER count_fired AFTER INSERT ON record_history FOR EACH STATEMENT "
                          "EXECUTE FUNCTION count_fired()"))


def last_entries(store: Store) -> dict[int, str | None]:
    """Each risk's last history entry (its JSON), as stored."""
    H = RecordHistory.__table__
    with store.session() as session:
        rows = session.execute(select(H.c.record_id, H.c.data).where(H.c.register == RISKS.name)
                               .order_by(H.c.id)).all()
    return {rid: data for rid, data in rows}


def entries_read_back(store: Store, ids: list[int]) -> dict[int, str]:
    """What the history writes for these risks from their rows read back now: the reference."""
    with store.engine.connect() as conn:
        return {rid: history._encode(row) for rid, row in history._rows_of(conn, RISKS, ids).items()}


@pytest.mark.postgres
def test_the_history_of_a_many_record_edit_and_its_undo_is_one_insert_each_and_as_read_back(pg_store_url):
    store = office_of_risks(pg_store_url)
    try:
        count_history_inserts_the_server_runs(store)
        with store.session() as session:
            before = {r.id: r for r in session.execute(select(RISKS.entity.__table__))}
        ids = sorted(before)
        ctx = None
        with store.transaction() as session:
            ctx = records.load_context(session)
            versions = records.update_many(session, RISKS, {
                rid: {"title": f"Étude {i} — “quoted”, {{braces}}, back\\slash, 'single', \"double\"",
                      "raised_on": "2026-03-04", "impact": str(1 + i % 5),
                      "cause": "" if i % 2 else "A cause\non two lines"} for i, rid in enumerate(ids)},
                ctx, {rid: before[rid].version for rid in ids}, {})
        with store.session() as session:
            fired = session.scalar(text("SELECT count(*) FROM fired"))
        assert fired == 1  # one INSERT for the 1,200 entries (1,200 before)
        written = last_entries(store)
        assert written == entries_read_back(store, ids)
        assert all('"raised_on":"2026-03-04"' in written[rid] for rid in ids)

        # the undo: every record's values put back, and its entry the values it holds again
        with store.transaction() as session:
            records.update_many(session, RISKS, {
                rid: {"title": before[rid].title, "raised_on": before[rid].raised_on.isoformat(),
                      "impact": str(before[rid].impact), "cause": before[rid].cause} for rid in ids},
                ctx, versions, {})
        with store.session() as session:
            assert session.scalar(text("SELECT count(*) FROM fired")) == 2
            after = {r.id: r for r in session.execute(select(RISKS.entity.__table__))}
        assert [(after[rid].title, after[rid].raised_on, after[rid].impact, after[rid].cause) for rid in ids] == \
            [(before[rid].title, before[rid].raised_on, before[rid].impact, before[rid].cause) for rid in ids]
        assert all(after[rid].raised_on == date(2026, 1, 5) for rid in ids)
        assert last_entries(store) == entries_read_back(store, ids)
        H = RecordHistory.__table__
        with store.session() as session:  # the record made, edited, put back: three entries each
            counts = session.execute(select(H.c.record_id, text("count(*)")).where(H.c.register == RISKS.name)
                                     .group_by(H.c.record_id)).all()
        assert {count for _rid, count in counts} == {3} and len(counts) == N
    finally:
        store.close()


@pytest.mark.postgres
def test_the_history_of_a_many_record_edit_is_encoded_from_the_rows_written_not_read_back(pg_store_url):
    store = office_of_risks(pg_store_url)
    try:
        said: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: said.append(" ".join(statement.split())))
        with store.session() as session:
            ids = sorted(session.scalars(select(RISKS.entity.id)))
        with store.transaction() as session:
            records.update_records(session, RISKS, [(rid, {"title": f"Renamed {rid}", "proximity": "2026-07-01"})
                                                    for rid in ids])
        reads_of_risks = [s for s in said if s.startswith("SELECT risk.") and "FROM risk" in s and "WHERE" in s]
        assert len(reads_of_risks) == 1, reads_of_risks  # the edit's own read of the rows; none by the history
        assert last_entries(store) == entries_read_back(store, ids)
    finally:
        store.close()


@pytest.mark.postgres
def test_numbers_and_links_of_a_many_record_edit_enter_its_history_as_read_back(pg_store_url):
    """A FLOAT column (a double on PostgreSQL: 0.1 and 1e-07 come back as written; a whole number typed in it
    is a float read back, 3.0) and a record's links, encoded from the rows written."""
    benefits = REGISTERS["benefits"]
    store = Store.open(pg_store_url)
    try:
        with store.transaction() as session:
            ctx = records.load_context(session)
            records.create_records(session, REGISTERS["projects"], [{"name": "Apollo"}, {"name": "Zeus"}], ctx)
            ctx = records.load_context(session)
            records.create_records(session, benefits, [{"title": f"Benefit {i}", "projects": "Apollo"}
                                                       for i in range(600)], ctx)
        said: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: said.append(" ".join(statement.split())))
        with store.session() as session:
            ids = sorted(session.scalars(select(benefits.entity.id)))
        typed = ["0.1", "1e-07", "3", "2.5", "", "-0.000123456789"]
        with store.transaction() as session:
            records.update_records(session, benefits, [
                (rid, {"baseline_value": typed[i % len(typed)], "target_date": "2027-02-28",
                       **({"projects": "Apollo; Zeus"} if i % 3 == 0 else {})}) for i, rid in enumerate(ids)],
                records.load_context(session))
        reads = [s for s in said if s.startswith("SELECT benefit.") and "FROM benefit" in s and "WHERE" in s]
        assert len(reads) == 1, reads  # the edit's own read; the history encoded the rows it wrote
        H = RecordHistory.__table__
        with store.session() as session:
            last = {rid: data for rid, data in session.execute(
                select(H.c.record_id, H.c.data).where(H.c.register == benefits.name).order_by(H.c.id))}
        with store.engine.connect() as conn:
            expected = {rid: history._encode(row) for rid, row in history._rows_of(conn, benefits, ids).items()}
        assert last == expected
        assert '"baseline_value":1e-07' in last[ids[1]] and '"target_date":"2027-02-28"' in last[ids[1]]
    finally:
        store.close()
