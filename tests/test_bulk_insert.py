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
