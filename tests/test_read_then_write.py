"""Read a record, then write it without naming a version, in one ``store.transaction()``, while
another connection commits a change to the same record in between: the other change is never
silently overwritten, on SQLite (the write lock makes the other commit wait for ours) and on
PostgreSQL (the write transaction reads one snapshot; a row changed since is a conflict)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


@pytest.fixture
def two_users(store_url: str):
    ann, bob = Store.open(store_url), Store.open(store_url)
    with ann.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Base", "notes": "", "probability": 2, "impact": 2}).id
    yield ann, bob, rid
    ann.close()
    bob.close()


def current(store: Store, rid: int) -> dict[str, Any]:
    with store.session() as s:
        return records.record_values(s, RISKS, rid)


@pytest.mark.parametrize("read", ["core", "orm"])
def test_read_then_write_without_a_version_never_loses_the_other_change(two_users, read: str) -> None:
    ann, bob, rid = two_users
    outcome: dict[str, Any] = {}
    bob_read = threading.Event()

    def ann_commits() -> None:  # another connection, committing between Bob's read and his write
        bob_read.wait(10)
        try:
            with ann.transaction() as s:
                notes = records.record_values(s, RISKS, rid)["notes"] or ""
                records.update_record(s, RISKS, rid, {"notes": notes + "|Ann"})
            outcome["ann"] = "saved"
        except errors.StoreError as e:
            outcome["ann"] = e

    t = threading.Thread(target=ann_commits, daemon=True)
    t.start()
    try:
        with bob.transaction() as s:
            if read == "core":
                seen = records.record_values(s, RISKS, rid)["notes"] or ""
            else:
                seen = s.get(RISKS.entity, rid).notes or ""
            bob_read.set()
            time.sleep(0.5)  # Ann's commit happens now (PostgreSQL), or waits for us (SQLite)
            # Bob's new notes are computed from what he read.
            records.update_record(s, RISKS, rid, {"notes": seen + "|Bob"})
        outcome["bob"] = "saved"
    except errors.EditConflict as e:
        outcome["bob"] = e
    t.join(15)
    final = current(ann, rid)["notes"]
    assert outcome["ann"] == "saved"
    if outcome["bob"] == "saved":  # Ann's commit waited for Bob's transaction: both are there
        assert final == "|Bob|Ann"
    else:  # Bob was told, with Ann's record as it is now; Ann's change stands
        assert isinstance(outcome["bob"], errors.EditConflict)
        assert outcome["bob"].theirs == "|Ann" and final == "|Ann"


@pytest.mark.postgres
def test_on_postgresql_the_reader_is_told_with_both_values(pg_store_url: str) -> None:
    """The interleaving SQLite's lock makes impossible, done step by step on two connections."""
    ann, bob = Store.open(pg_store_url), Store.open(pg_store_url)
    try:
        with ann.transaction() as s:
            rid = records.create_record(s, RISKS, {"title": "Base"}).id
        with pytest.raises(errors.EditConflict) as info:
            with bob.transaction() as s:
                records.record_values(s, RISKS, rid)  # Bob reads
                with ann.transaction() as s2:  # Ann commits in between
                    records.update_record(s2, RISKS, rid, {"title": "Ann"})
                records.update_record(s, RISKS, rid, {"title": "Bob"})  # no version given
        assert (info.value.mine, info.value.theirs) == ("Bob", "Ann")
        assert current(ann, rid)["title"] == "Ann"
        # With the version it was based on (what the GUI passes), the retry lands.
        with bob.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Bob"}, expected_version=info.value.current_version)
        assert current(ann, rid)["title"] == "Bob"
    finally:
        ann.close()
        bob.close()
