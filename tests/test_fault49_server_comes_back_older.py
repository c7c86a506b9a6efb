"""Fault injection, round 49: the shared office's server comes back as a different database — restored from an
older backup, its tables as an older PMO Desktop made them. A change saved then (a change kept while the server was
away, retried as it comes back) met a raw "(psycopg.errors.UndefinedColumn) column … does not exist": an unexpected
error, and a kept change, taken off the kept ones to be retried (``Document.retry_pending``), went with it (walked
in a window: tests/test_fault49_kept_edits.py). Now it is refused as while the
server is away — in words, nothing written — so the window keeps it (``Document.execute`` keeps a change refused
with ``ConnectionLost``). Real PostgreSQL server on loopback."""

from __future__ import annotations

import pytest

from pmo_desktop.models import records
from pmo_desktop.models.errors import ConnectionLost
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

pytestmark = pytest.mark.postgres

ISSUES = REGISTERS["issues"]


def test_a_change_saved_into_an_older_database_is_refused_in_words_and_kept_to_retry(pg_server, pg_store_url):
    store = Store.open(pg_store_url)
    try:
        with store.transaction() as s:
            rid = records.create_record(s, ISSUES, {"title": "Tills freeze"}, records.load_context(s)).id
        # the database restored from a backup an older version wrote: a column this version keeps is not there
        pg_server.sql("ALTER TABLE issue_entry DROP COLUMN escalation_reason", database=pg_store_url.rsplit("/", 1)[1])
        with pytest.raises(ConnectionLost) as refused:
            with store.transaction() as s:
                records.update_record(s, ISSUES, rid, {"title": "Typed while it was away"}, records.load_context(s))
        said = str(refused.value)
        assert "is not the office as it was opened" in said and "older backup" in said and "not saved" in said
        assert "escalation_reason" in said  # what is missing, for whoever restores it
    finally:
        store.close()
    import psycopg  # nothing written: the title is as it was (read without the missing column)

    with psycopg.connect(pg_store_url.replace("postgresql+psycopg", "postgresql")) as conn:
        assert conn.execute("SELECT title FROM issue_entry WHERE id = %s", (rid,)).fetchone() == ("Tills freeze",)
