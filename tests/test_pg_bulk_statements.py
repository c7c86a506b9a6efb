"""A many-record edit on PostgreSQL (Replace All, a paste, a fill, their undo) is a few statements, not one a
record (issue 16). The search summary's triggers there are statement triggers, and a trigram index is kept
beside them: an executemany of an UPDATE a record ran the triggers once a record — Replace All of 100,000
titles spent 53 s in its UPDATE against 21 s as one statement a chunk. The reads around the write (the rows,
their links, each record's last history) go by one range of ids when the ids are mostly consecutive, where
200 statements of 500 ids a read took 8–10 s at the undo of that Replace All."""

from datetime import date

import pytest
from sqlalchemy import event, func, select, text

from pmo_desktop.models import records, search_index
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
N = 1_200  # more than the 500 ids one IN (…) holds


def office_of_risks(url: str) -> Store:
    """``N`` risks made through the office core (their history begun), the search index and summary built."""
    store = Store.open(url)
    with store.transaction() as session:
        records.create_records(session, RISKS, [{"title": f"Risk {i}", "raised_on": "2026-01-05", "impact": "2"}
                                                for i in range(N)], records.load_context(session))
        # built as for a big register (its threshold is above these few): the triggers a real one has
        assert search_index.ensure(session, RISKS, records=search_index.THRESHOLD)
    return store


def count_updates_the_server_runs(store: Store) -> None:
    """A statement trigger of our own beside the office's: a row in ``fired`` each UPDATE statement."""
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE fired (n integer)"))
        conn.execute(text("CREATE FUNCTION count_fired() RETURNS trigger LANGUAGE plpgsql AS "
                          "$$ BEGIN INSERT INTO fired VALUES (1); RETURN NULL; END $$"))
        conn.execute(text("CREATE TRIGGER count_fired AFTER UPDATE ON risk FOR EACH STATEMENT "
                          "EXECUTE FUNCTION count_fired()"))


@pytest.mark.postgres
def test_an_edit_of_many_records_is_one_update_with_every_value_as_typed(pg_store_url):
    store = office_of_risks(pg_store_url)
    try:
        count_updates_the_server_runs(store)
        with store.session() as session:
            before = dict(session.execute(select(RISKS.entity.id, RISKS.entity.version)).all())
        ids = sorted(before)
        titles = {rid: f"Étude {i} — “quoted”, {{braces}}, back\\slash, 'single'" for i, rid in enumerate(ids)}
        with store.transaction() as session:
            records.update_records(session, RISKS, [
                (rid, {"title": titles[rid], "raised_on": "2026-03-04", "impact": str(1 + i % 5),
                       "cause": "" if i % 2 else "A cause\non two lines"}) for i, rid in enumerate(ids)])
        with store.session() as session:
            fired = session.scalar(text("SELECT count(*) FROM fired"))
            after = {r.id: r for r in session.execute(select(RISKS.entity.__table__))}
        assert fired == 1
        for i, rid in enumerate(ids):
            row = after[rid]
            assert (row.title, row.raised_on, row.impact) == (titles[rid], date(2026, 3, 4), 1 + i % 5)
            assert row.cause == ("" if i % 2 else "A cause\non two lines")
            assert row.version == before[rid] + 1
        summary = search_index.chars_table(RISKS)
        with store.session() as session:  # the summary the triggers keep holds the new words' letters
            assert session.scalar(select(func.count()).select_from(summary)
                                  .where(search_index.holds_char(summary, "q"))) == N
    finally:
        store.close()


@pytest.mark.postgres
def test_the_reads_around_a_bulk_edit_go_by_one_range_of_ids(pg_store_url):
    store = office_of_risks(pg_store_url)
    try:
        said: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: said.append(" ".join(statement.split())))
        with store.session() as session:
            ids = sorted(session.scalars(select(RISKS.entity.id)))
        with store.transaction() as session:
            records.update_records(session, RISKS, [(rid, {"title": f"Renamed {rid}"}) for rid in ids])
        reads_of_risks = [s for s in said if s.startswith("SELECT risk.") and "FROM risk" in s and "WHERE" in s]
        reads_of_history = [s for s in said if "FROM record_history" in s and "max(" in s]
        assert len(reads_of_risks) <= 2, reads_of_risks  # the edit's read of the rows, the history's
        assert len(reads_of_history) == 1, reads_of_history
    finally:
        store.close()
