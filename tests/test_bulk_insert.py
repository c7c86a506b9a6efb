"""The bulk paths an import writes through (models/bulk.py, the history's read-back on SQLite) store and read
exactly what SQLAlchemy Core's own insert and select do: the same rows, defaults, dates and booleans."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, insert, select

from pmo_desktop.models import history
from pmo_desktop.models.base import Base
from pmo_desktop.models.bulk import insert_rows
from pmo_desktop.models.registers import REGISTERS

RISK = Base.metadata.tables["risk"]


def _risk_rows(n: int, start: int) -> list[dict]:
    """Risks naming different columns from row to row (a default left out, a date or a flag given)."""
    out = []
    for i in range(n):
        row = {"code": f"B-{start + i:04d}", "title": f"Risk “{i}”\n\"quoted\" \\ tab\t ✓ {i}"}
        if i % 2:
            row.update(raised_on=date(2025, 1 + i % 12, 1 + i % 28), probability=1 + i % 5, escalated=bool(i % 4))
        if i % 3 == 0:
            row.update(status="Closed", notes="", created_at=datetime(2024, 5, 6, 7, 8, 9, 123456))
        if i % 5 == 0:
            row.update(proximity=None, impact=0, escalated=False)
        out.append(row)
    return out


def _stored(store, prefix: str) -> list[dict]:
    with store.session() as s:
        got = s.connection().execute(select(RISK).where(RISK.c.code.like(f"{prefix}%")).order_by(RISK.c.code))
        return [{k: v for k, v in r._mapping.items() if k not in ("id", "created_at", "updated_at")} | {
            "given_created": r.created_at.year == 2024} for r in got]


def test_bulk_rows_read_back_as_core_inserted_ones(store):
    """Both backends: SQLite through the driver's executemany, PostgreSQL through Core itself."""
    rows = _risk_rows(40, 0)
    with store.transaction() as s:
        insert_rows(s.connection(), RISK, [dict(r) for r in rows])
        for r in _risk_rows(40, 1000):  # Core's own insert, one row at a time, of the same values
            s.connection().execute(insert(RISK), [r])
    bulk, core = _stored(store, "B-0"), _stored(store, "B-1")
    assert len(bulk) == len(core) == 40
    for mine, theirs in zip(bulk, core):
        mine.pop("code"), theirs.pop("code")
        assert mine == theirs
    assert any(r["escalated"] for r in bulk) and any(r["given_created"] for r in bulk)
    assert all(r["version"] == 1 and r["status"] in ("Open", "Closed") for r in bulk)  # the columns' defaults


def test_history_read_back_on_sqlite_equals_the_core_read(sqlite_store):
    """The history keeps what ``_rows_of`` reads; on SQLite it reads through the driver, ids in one range
    when they are mostly consecutive (gaps filtered out) or in chunks when sparse: the JSON is the same."""
    with sqlite_store.transaction() as s:
        insert_rows(s.connection(), RISK, _risk_rows(60, 0))
        s.execute(delete(RISK).where(RISK.c.code.in_(["B-0007", "B-0030"])))
    reg = REGISTERS["risks"]
    with sqlite_store.session() as s:
        conn = s.connection()
        ids = [i for (i,) in conn.execute(select(RISK.c.id).order_by(RISK.c.id))]
        for wanted in (ids, ids[::2], ids[:3] + [ids[-1]], [ids[0] - 1, *ids[5:9], 10_000]):
            fast = history._rows_of(conn, reg, wanted)
            # the generic path: Core's select, each date as ISO text (what PostgreSQL takes)
            core = {}
            for r in conn.execute(select(RISK).where(RISK.c.id.in_(wanted))):
                core[r.id] = {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in r._mapping.items()}
            assert set(fast) == set(core) == set(wanted) & set(ids)
            for rid, data in fast.items():
                links = {name: data.pop(name) for name in list(data) if name not in RISK.c}
                assert data == core[rid] and list(data) == list(core[rid])
                assert history._encode(data) == history._encode(core[rid])
                assert all(value == [] for value in links.values())


def _history_rows(store, register: str) -> dict[int, str]:
    with store.session() as s:
        return dict(s.connection().exec_driver_sql(
            "SELECT record_id, data FROM record_history WHERE register = ? ORDER BY id", (register,)).fetchall())


def test_history_of_a_bulk_insert_is_what_reading_it_back_gives(sqlite_store):
    """The record history encodes the rows a bulk insert has just written as written, without reading them
    back: the same JSON as the read-back, links and dates included; a record touched again in the same
    transaction (updated) is read back, so its history holds its final state."""
    from pmo_desktop.models import operations, records

    reg = REGISTERS["risks"]
    with sqlite_store.transaction() as s:
        for name in ("Alpha", "Beta", "Gamma"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
    rows = []
    for i in range(30):
        row = {"title": f"Risk {i} ✓ “quoted”", "project": "Alpha" if i % 2 else "Beta", "owner": f"Person {i % 4}"}
        if i % 3 == 0:
            row.update(raised_on="2025-03-0" + str(1 + i % 9), probability=str(1 + i % 5), escalated="yes",
                       escalation_reason="too big", related_projects=["Gamma", "Alpha"])
        if i % 5 == 0:
            row.update(status="Closed", reviewed_on="2025-04-01", notes="")
        rows.append(row)
    with sqlite_store.transaction() as s:
        ids = records.create_records(s, reg, rows)
        records.update_records(s, reg, [(ids[4], {"title": "Changed in the same transaction"})])
        fresh = operations.written_rows(reg.entity)
        assert set(fresh) == set(ids) - {ids[4]}  # the updated one is read back
        assert set(history._written_as_read(reg, sorted(fresh), fresh)) == set(fresh)
    written = _history_rows(sqlite_store, "risks")
    with sqlite_store.session() as s:
        read = history._rows_of(s.connection(), reg, ids)
    assert set(written) == set(ids)
    for rid in ids:
        assert written[rid] == history._encode(read[rid])
    assert "Changed in the same transaction" in written[ids[4]]
    assert any('"related_projects":[' in written[rid] and '"related_projects":[]' not in written[rid] for rid in ids)


def test_history_reads_back_a_bulk_insert_it_cannot_encode_as_written(sqlite_store):
    """A value the database would store otherwise than given (an int in a REAL column reads back as a
    float) makes the history read the rows back: what it keeps is always what a read gives."""
    from pmo_desktop.models import operations
    from pmo_desktop.models.base import Base

    benefit = Base.metadata.tables["benefit"]
    reg = next(r for r in REGISTERS.values() if r.entity.__tablename__ == "benefit")
    with sqlite_store.transaction() as s:
        written = insert_rows(s.connection(), benefit, [{"code": "B-1", "title": "Savings", "baseline_value": 3},
                                                       {"code": "B-2", "title": "Time", "baseline_value": 2.5}])
        assert written is not None
        ids = [i for (i,) in s.connection().execute(select(benefit.c.id).order_by(benefit.c.id))]
        operations.note("inserted", reg.entity, ids)
        operations.remember_written(reg.entity, {rid: (written.names, row, None)
                                                 for rid, row in zip(ids, written.rows)})
        assert history._written_as_read(reg, ids, operations.written_rows(reg.entity)) == {}
    stored = _history_rows(sqlite_store, reg.name)
    assert '"baseline_value":3.0' in stored[ids[0]] and '"baseline_value":2.5' in stored[ids[1]]


def test_history_of_a_bulk_insert_with_several_link_fields(sqlite_store):
    """Decisions link projects, risks and issues: each row's history JSON names its links as the read-back
    does (the fields holding links first), whichever of them a row fills; a cost in a REAL column given
    as a float is kept as written."""
    from pmo_desktop.models import operations, records

    with sqlite_store.transaction() as s:
        for name in ("Alpha", "Beta"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
        records.create_records(s, REGISTERS["risks"], [{"title": "Supplier slips"}, {"title": "Budget cut"}])
    reg = REGISTERS["decisions"]
    rows = []
    for i in range(12):
        row: dict = {"title": f"Decision {i}", "cost_impact": str(1000.5 + i)}
        if i % 2:
            row["projects"] = ["Beta", "Alpha"]
        if i % 3 == 0:
            row["risks"] = ["R-002"] if i % 2 else ["R-001", "R-002"]
        rows.append(row)
    with sqlite_store.transaction() as s:
        ids = records.create_records(s, reg, rows)
        fresh = operations.written_rows(reg.entity)
        assert set(history._written_as_read(reg, ids, fresh)) == set(ids)  # encoded as written
    written = _history_rows(sqlite_store, "decisions")
    with sqlite_store.session() as s:
        read = history._rows_of(s.connection(), reg, ids)
    for rid in ids:
        assert written[rid] == history._encode(read[rid])
    assert written[ids[3]].index('"projects"') < written[ids[3]].index('"risks"') < written[ids[3]].index('"issues"')
    assert written[ids[0]].index('"risks"') < written[ids[0]].index('"projects"')  # risks held, projects empty


def test_history_of_a_bulk_insert_without_links_is_what_a_read_gives(sqlite_store):
    """Rows with no links, new to the history: each history row, written as the insert wrote it (one row per
    record, made at once), is the JSON of the record read back; records with history already go row by row."""
    from pmo_desktop.models import operations, records

    reg = REGISTERS["risks"]
    rows = [{"title": f"Risk {i} “quoted” 100%", "probability": str(1 + i % 5), "raised_on": f"2025-03-{1 + i % 28:02d}",
             "notes": "" if i % 2 else None} for i in range(40)]
    with sqlite_store.transaction() as s:
        first = records.create_records(s, reg, rows[:10])
    with sqlite_store.transaction() as s:
        ids = records.create_records(s, reg, rows[10:])
        fresh = operations.written_rows(reg.entity)
        assert all(fresh[rid][2] is None for rid in ids)  # no links kept
        assert set(history._written_as_read(reg, ids, fresh)) == set(ids)  # encoded as written
        records.update_records(s, reg, [(first[0], {"title": "Edited beside the insert"})])
    written = _history_rows(sqlite_store, "risks")
    with sqlite_store.session() as s:
        read = history._rows_of(s.connection(), reg, first + ids)
    assert set(written) == set(first + ids)
    for rid in first + ids:
        assert written[rid] == history._encode(read[rid])
    assert "Edited beside the insert" in written[first[0]]
    with sqlite_store.session() as s:
        counts = dict(s.connection().exec_driver_sql(
            "SELECT record_id, count(*) FROM record_history WHERE register = 'risks' GROUP BY record_id").all())
    assert counts == {rid: 2 if rid == first[0] else 1 for rid in first + ids}
