"""The undo of a delete of many records on PostgreSQL puts their rows back by one binary COPY a table
(``records._put_back``, ``bulk.insert_tuples``), not an INSERT a row (issue 16, round pg44): Core's executemany sent 10,000 statements
for 10,000 risks, and as many again for their link rows. What comes back must be exactly what went: every
column of every row with its id, the link rows, the children a cascade took, the references the delete
cleared; the record history one entry a record each way, the undo's equal to the entry before the delete; the
next record a fresh id; the search finds the records again."""

import pytest
from sqlalchemy import event, select

from pmo_desktop.models import history, records, search_index
from pmo_desktop.models.base import Base
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.windows import Window, fetch_ids

RISKS = REGISTERS["risks"]
N = 1_200  # deleted, of N + 10


def every_row(office: Office, names: list[str]) -> dict[str, list[tuple]]:
    tables = Base.metadata.tables
    return office.read(lambda s: {name: sorted(tuple(r) for r in s.execute(select(tables[name]))) for name in names})


def last_entries(office: Office, register: str) -> dict[int, str | None]:
    H = RecordHistory
    rows = office.read(lambda s: s.execute(select(H.record_id, H.data).where(H.register == register)
                                           .order_by(H.id)).all())
    return dict(rows)


def entries(office: Office, register: str) -> int:
    return len(office.read(lambda s: s.execute(select(RecordHistory.id)
                                               .where(RecordHistory.register == register)).all()))


@pytest.mark.postgres
def test_undo_of_a_delete_of_many_records_puts_them_back_by_arrays(pg_store_url):
    office = Office(Store.open(pg_store_url))
    try:
        def build(session):
            ctx = records.load_context(session)
            records.create_records(session, REGISTERS["projects"], [{"name": "Apollo"}, {"name": "Zeus"}], ctx)
            records.create_records(session, REGISTERS["people"], [{"name": "Ann Lee"}], ctx)
            ctx = records.load_context(session)
            ids = records.create_records(session, RISKS, [
                {"title": f"Risk {i} of quartzite", "raised_on": "2026-01-05", "impact": "2", "owner": "Ann Lee",
                 "probability": str(1 + i % 5), "escalated": "Yes" if i % 3 else "No",
                 "related_projects": "Apollo; Zeus" if i % 2 else "Apollo"} for i in range(N + 10)], ctx,
                with_ids=True)
            records.create_records(session, REGISTERS["risk_actions"], [
                {"description": f"Act on {i}", "due": "2026-02-01"} for i in range(3)], ctx, [ids[0], ids[7], ids[-1]])
            records.create_records(session, REGISTERS["issues"], [{"title": "It happened", "risk": "R-006"}], ctx)
            return ids

        ids, _changes = office.write(build)
        office.write(search_index.ensure, RISKS)
        tables = ["risk", "risk_project", "risk_action", "risk_history", "issue_entry"]
        before = every_row(office, tables)
        history_before = last_entries(office, "risks")
        count_before = entries(office, "risks")
        gone = ids[:N]
        snapshot, _changes = office.write(records.delete_records, RISKS, gone)
        assert entries(office, "risks") == count_before + N  # one entry a record deleted
        assert office.read(lambda s: s.scalar(select(Base.metadata.tables["issue_entry"].c.risk_id))) is None

        said: list[tuple[str, bool]] = []
        event.listen(office.store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, params, context, many: said.append((statement, many)))
        office.write(records.restore_records, snapshot)
        inserts = [(statement, many) for statement, many in said if statement.startswith("INSERT INTO risk")]
        # the risks, their link rows, their actions: a statement each, none an executemany of a statement a row
        # the risks, their link rows, their actions, their review history: no executemany of a statement a row
        # (each table's rows one binary COPY, which goes by the driver's cursor)
        assert sorted(name for name, _rows in snapshot.rows) == ["risk", "risk_action", "risk_history", "risk_project"]
        assert len(inserts) <= 4 and not any(many for _statement, many in inserts), inserts
        now = every_row(office, tables)
        issue = Base.metadata.tables["issue_entry"]
        assert office.read(lambda s: s.scalar(select(issue.c.risk_id))) == ids[5]  # the reference put back
        # the issue's updated_at too: the undo puts its reference back as the delete left it (round fault46)
        assert now == before
        after = last_entries(office, "risks")
        assert entries(office, "risks") == count_before + 2 * N  # and one a record put back
        assert after == history_before  # each put back as it stood before the delete
        assert office.read(history.state_at, __import__("datetime").date.today())["risk"]  # the history reads
        ctx = office.read(records.load_context)
        found = office.read(lambda s: fetch_ids(s, RISKS, Window(search="quartzite"), ctx))
        assert sorted(found.tolist()) == ids
        new_ids = office.write(lambda s: records.create_records(s, RISKS, [{"title": "One more"}],
                                                                records.load_context(s), with_ids=True))[0]
        assert new_ids[0] > max(ids)
    finally:
        office.store.close()


@pytest.mark.postgres
def test_rows_copied_in_read_back_as_given_and_an_over_long_text_refused(pg_store_url):
    """The COPY's values, each in its column's binary form: whole numbers in a FLOAT column, fractions that
    have no exact binary form, a day, a time to the microsecond, flags, NULLs — read back as given; a text over
    its column's length refused as the INSERT refused it (the same message, nothing written)."""
    from datetime import date, datetime

    from pmo_desktop.models.bulk import insert_tuples
    from pmo_desktop.models.errors import ValidationError

    office = Office(Store.open(pg_store_url))
    try:
        benefit, _ = office.write(lambda s: records.create_records(s, REGISTERS["benefits"], [{"title": "Savings"}],
                                                                   records.load_context(s), with_ids=True))
        M = Base.metadata.tables["benefit_measurement"]
        names = ("benefit_id", "on_date", "value", "source", "note", "created_at", "updated_at", "version")
        stamp = datetime(2026, 3, 4, 10, 15, 0, 123456)
        given = [(benefit[0], date(2026, 1, 1) if i % 2 else date(2026, 2, 28), [3, 0.1, 1e-07, -2.5, 1e300][i % 5],
                  f"Source {i}", "" if i % 3 else "A note, with “quotes” and\ta tab", stamp, stamp, 1)
                 for i in range(1_000)]
        said: list[str] = []
        event.listen(office.store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: said.append(statement))
        office.write(lambda s: insert_tuples(s.connection(), M, names, given))
        assert not [s for s in said if s.startswith("INSERT")], said  # by the COPY, the driver's own
        back = office.read(lambda s: s.execute(select(*[M.c[n] for n in names]).order_by(M.c.id)).all())
        assert [tuple(r) for r in back] == [(*row[:2], float(row[2]), *row[3:]) for row in given]
        assert all(type(r[2]) is float for r in back)

        too_long = [(benefit[0], date(2026, 1, 1), 1.0, "x" * 201, "", stamp, stamp, 1)]
        with pytest.raises(ValidationError, match="does not fit in the database"):  # as the INSERT's is told
            office.write(lambda s: insert_tuples(s.connection(), M, names, too_long))
        assert office.read(lambda s: len(s.execute(select(M.c.id)).all())) == 1_000
    finally:
        office.store.close()
