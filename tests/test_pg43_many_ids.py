"""Deleting many records on PostgreSQL, or reading many back by id (a paste's rows), names them by one bound
array (``= ANY(:ids)``), not an ``IN`` of a parameter a record (issue 16, round pg43): 10,000 risks deleted spent about 7 s of this process's CPU in
SQLAlchemy rendering and psycopg finding again 10,000 parameters in each of the delete's seven statements. What
the delete takes with it (its link rows, its risk history) and what its undo puts back must stay exactly the
same; the rows read, exactly those asked for."""

import pytest
from sqlalchemy import event, select

from pmo_desktop.models import delete_impact, records
from pmo_desktop.models.base import Base
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
N = 1_200  # more than the 500 ids a chunk held


def every_row(store: Store, names: list[str]) -> dict[str, list[tuple]]:
    tables = Base.metadata.tables
    with store.session() as session:
        return {name: sorted(tuple(r) for r in session.execute(select(tables[name]))) for name in names}


@pytest.mark.postgres
def test_many_risks_deleted_by_one_array_of_ids_and_put_back_whole(pg_store_url):
    store = Store.open(pg_store_url)
    try:
        with store.transaction() as session:
            ctx = records.load_context(session)
            records.create_records(session, REGISTERS["projects"], [{"name": "Apollo"}, {"name": "Zeus"}], ctx)
            ctx = records.load_context(session)
            records.create_records(session, RISKS, [
                {"title": f"Risk {i}", "raised_on": "2026-01-05", "impact": "2",
                 "related_projects": "Apollo; Zeus" if i % 2 else "Apollo"} for i in range(N + 10)], ctx)
        tables = ["risk", "risk_project", "risk_history"]
        before = every_row(store, tables)
        with store.session() as session:
            all_ids = sorted(session.scalars(select(RISKS.entity.id)))
        ids = all_ids[:N]  # all but the last ten
        said: list[tuple[str, int]] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, params, *rest: said.append((statement, len(params or ()))))
        with store.transaction() as session:
            impact = delete_impact.delete_impact(session, RISKS, ids)
            snapshot = records.delete_records(session, RISKS, ids)
        assert max(count for _statement, count in said) < 10, max(said, key=lambda s: s[1])[0][:200]
        assert impact.deleted_with == [f"{N} rows of risk history will be deleted with them"]
        left = every_row(store, tables)
        with store.session() as session:
            assert sorted(session.scalars(select(RISKS.entity.id))) == all_ids[N:]
        gone = set(ids)
        assert left["risk_project"] == [row for row in before["risk_project"] if row[0] not in gone]
        assert left["risk_history"] == [row for row in before["risk_history"] if row[1] not in gone]
        with store.transaction() as session:
            records.restore_records(session, snapshot)
        assert every_row(store, tables) == before
    finally:
        store.close()


@pytest.mark.postgres
def test_rows_read_by_many_ids_are_those_ids_by_one_array(pg_store_url):
    store = Store.open(pg_store_url)
    try:
        with store.transaction() as session:
            records.create_records(session, RISKS, [{"title": f"Risk {i}", "related_projects": ""} for i in range(N)],
                                   records.load_context(session))
        with store.session() as session:
            every = records.fetch_rows(session, RISKS)
        wanted = [row[0] for row in every][::2] + [10 ** 6]  # every other record, and one that is not there
        said: list[int] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, params, *rest: said.append(len(params or ())))
        with store.session() as session:
            rows = records.fetch_rows(session, RISKS, ids=list(reversed(wanted)))
        assert rows == [row for row in every if row[0] in set(wanted)]  # in id order, the missing one absent
        assert max(said) < 10
    finally:
        store.close()
