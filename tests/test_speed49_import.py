"""Round speed49 (issue 16): the per-row Python of an import's writing.

``bulk.insert_rows`` merged every row with the columns' defaults (a dict of ~28 keys a row) before taking its
values; rows that all name the same columns (every row ``create_records`` gives an import) are now picked
straight into tuples, those columns first and the columns only a default fills after them. This test holds
that no value moves to another column or row, and that rows naming different columns still take the merge."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event, insert, select

from pmo_desktop.models.base import Base
from pmo_desktop.models.bulk import insert_rows

RISK = Base.metadata.tables["risk"]


def _statements(store: Any) -> list[str]:
    """The INSERT statements sent to the driver from now on."""
    sent: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.startswith("INSERT INTO risk "):
            sent.append(statement)
    return sent


def _stored(store: Any, prefix: str) -> list[dict[str, Any]]:
    with store.session() as s:
        got = s.connection().execute(select(RISK).where(RISK.c.code.like(f"{prefix}%")).order_by(RISK.c.code))
        return [{k: v for k, v in r._mapping.items() if k not in ("id", "code", "created_at", "updated_at")}
                for r in got]


def test_rows_naming_the_same_columns_are_picked_column_for_column(sqlite_store):
    """Every row naming the same columns (a default's column among them, given on every row): the statement
    names those columns first, in the table's order, then the columns only a default fills; each value lands
    in its own column and row, as Core's own insert of the same rows stores it. Rows naming different columns
    (a column only a later row names) still take each default where a row is silent."""
    same = [{"code": f"U-{i:03d}", "title": f"Risk {i}", "status": ("Open", "Closed")[i % 2],
             "raised_on": date(2025, 1 + i % 12, 1 + i % 28), "probability": 1 + i % 5, "escalated": bool(i % 3),
             "impact": None if i % 4 == 0 else i % 5}
            for i in range(25)]
    mixed: list[dict[str, Any]] = [{"code": "M-000", "title": "First"}, {"code": "M-001", "title": "Second"},
                                   {"code": "M-002", "title": "Third", "status": "Closed", "impact": 4}]
    sent = _statements(sqlite_store)
    with sqlite_store.transaction() as s:
        written = insert_rows(s.connection(), RISK, [dict(r) for r in same])
        insert_rows(s.connection(), RISK, [dict(r) for r in mixed])
        for r in same:  # Core's own insert, one row at a time, of the same values
            s.connection().execute(insert(RISK), [{**r, "code": "C" + r["code"][1:]}])
        for r in mixed:
            s.connection().execute(insert(RISK), [{**r, "code": "N" + r["code"][1:]}])
    given = [c.name for c in RISK.c if c.name in same[0]]
    assert written is not None and written.names[:len(given)] == given
    assert set(written.names[len(given):]) == {"cause", "event", "effect", "kind", "category", "level",
                                               "impact_areas", "response", "trigger", "notes", "escalation_reason",
                                               "created_at", "updated_at", "version"}
    assert sent[0].startswith(f"INSERT INTO risk ({', '.join(given)}, ")
    assert [tuple(r[:len(given)]) for r in written.rows] == [tuple(r[n] for n in given) for r in same]
    assert _stored(sqlite_store, "U-") == _stored(sqlite_store, "C-")
    assert _stored(sqlite_store, "M-") == _stored(sqlite_store, "N-")
    mine = _stored(sqlite_store, "M-")
    assert [r["status"] for r in mine] == ["Open", "Open", "Closed"] and [r["impact"] for r in mine] == [None, None, 4]
    assert all(r["version"] == 1 and r["kind"] == "Threat" for r in mine + _stored(sqlite_store, "U-"))

