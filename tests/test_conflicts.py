"""Two users (two engines, as two PMO Desktop windows would have) edit the same risk.

Runs on a SQLite file and on PostgreSQL. The second save gets the conflict; each resolution does what
it says and the database ends as chosen; nothing is silently overwritten.
"""

import threading
import time

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.conflicts import Resolution, resolve, values_to_write
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


@pytest.fixture
def users(store_url):
    """Ann and Bob, each with their own connection pool to the same office."""
    ann, bob = Store.open(store_url), Store.open(store_url)
    yield ann, bob
    ann.close()
    bob.close()


def new_risk(store, **values):
    with store.transaction() as s:
        r = records.create_record(s, RISKS, {"title": "Base", "probability": 2, "impact": 2, **values})
        return r.id


def read(store, rid):
    with store.session() as s:
        return records.record_values(s, RISKS, rid)


def conflict_of(store, rid, values, version, base=None) -> errors.EditConflict:
    with pytest.raises(errors.EditConflict) as info:
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, values, expected_version=version, base_values=base)
    return info.value


def test_second_save_gets_the_conflict_with_both_values(users):
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)  # Bob opens the register
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Ann's title"}, expected_version=seen["version"])
    conflict = conflict_of(bob, rid, {"title": "Bob's title"}, seen["version"])
    assert (conflict.mine, conflict.theirs) == ("Bob's title", "Ann's title")
    assert "Yours: “Bob's title”" in str(conflict) and "Theirs: “Ann's title”" in str(conflict)
    assert conflict.current_version == read(ann, rid)["version"] > seen["version"]
    assert read(bob, rid)["title"] == "Ann's title"  # Bob's edit was not applied


@pytest.mark.parametrize("choice,expected_title", [
    (Resolution.KEEP_THEIRS, "Ann's title"),
    (Resolution.OVERWRITE, "Bob's title"),
    (Resolution.REAPPLY, "Bob's title"),  # a cell edit: re-apply is overwrite of that cell
])
def test_each_resolution_of_a_cell_edit(users, choice, expected_title):
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Ann's title", "probability": 5})
    conflict = conflict_of(bob, rid, {"title": "Bob's title"}, seen["version"], base={"title": "Base"})
    with bob.transaction() as s:
        version = resolve(s, RISKS, conflict, choice)
    final = read(ann, rid)  # what Ann (and everyone) now sees
    assert final["title"] == expected_title
    assert final["probability"] == 5  # Ann's other change survives every choice of a cell edit
    assert final["version"] == version
    if choice is Resolution.KEEP_THEIRS:
        assert version == conflict.current_version


@pytest.mark.parametrize("choice,expected", [
    (Resolution.KEEP_THEIRS, ("Ann's title", 5, 4)),
    (Resolution.OVERWRITE, ("Bob's title", 2, 3)),   # Bob's whole form wins: probability back to 2
    (Resolution.REAPPLY, ("Bob's title", 5, 3)),     # only what Bob changed: Ann's probability stays
])
def test_each_resolution_of_a_form_edit(users, choice, expected):
    """A form (or pasted row) sends every field; only some of them were changed by the user."""
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Ann's title", "probability": 5, "impact": 4})
    form = {"title": "Bob's title", "probability": "Low", "impact": 3}  # probability as it was: Low = 2
    base = {"title": "Base", "probability": 2, "impact": 2}
    conflict = conflict_of(bob, rid, form, seen["version"], base=base)
    assert "Probability — Yours: “Low”   Theirs: 5" in str(conflict)
    with bob.transaction() as s:
        resolve(s, RISKS, conflict, choice)
    final = read(ann, rid)
    assert (final["title"], final["probability"], final["impact"]) == expected


def test_values_to_write_previews_each_choice(users):
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"notes": "Ann"})
    conflict = conflict_of(bob, rid, {"title": "Bob", "impact": 2}, seen["version"],
                           base={"title": "Base", "impact": 2})
    with bob.session() as s:
        ctx = records.load_context(s)
    assert values_to_write(RISKS, conflict, Resolution.KEEP_THEIRS, ctx) == {}
    assert values_to_write(RISKS, conflict, Resolution.OVERWRITE, ctx) == {"title": "Bob", "impact": 2}
    assert values_to_write(RISKS, conflict, Resolution.REAPPLY, ctx) == {"title": "Bob"}


def test_a_resolution_never_overwrites_a_third_edit(users, store_url):
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Ann"})
    conflict = conflict_of(bob, rid, {"title": "Bob"}, seen["version"])
    carol = Store.open(store_url)
    try:
        with carol.transaction() as s:  # Carol saves while Bob reads the conflict dialog
            records.update_record(s, RISKS, rid, {"title": "Carol"})
    finally:
        carol.close()
    with pytest.raises(errors.EditConflict) as again:
        with bob.transaction() as s:
            resolve(s, RISKS, conflict, Resolution.OVERWRITE)
    assert again.value.theirs == "Carol" and read(ann, rid)["title"] == "Carol"
    with bob.transaction() as s:
        resolve(s, RISKS, again.value, Resolution.OVERWRITE)
    assert read(ann, rid)["title"] == "Bob"


def test_edit_of_a_record_deleted_by_someone_else(users):
    ann, bob = users
    rid = new_risk(ann)
    seen = read(bob, rid)
    with ann.transaction() as s:
        records.delete_records(s, RISKS, [rid])
    with pytest.raises(errors.RecordNotFound, match="no longer exists"):
        with bob.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Bob"}, expected_version=seen["version"])


def test_two_saves_at_the_same_moment_one_wins_the_other_conflicts(users):
    """Both users check the version and write at the same time. SQLite: the second writer waits for
    the file's write lock, then sees the new version. PostgreSQL: the second UPDATE waits for the
    row, then matches no row of its version (StaleDataError at flush), which is turned into the
    conflict. Either way exactly one save lands and the other is refused, not lost."""
    ann, bob = users
    rid = new_risk(ann)
    version = read(ann, rid)["version"]
    ann_wrote = threading.Event()
    outcome = {}

    def bob_saves():
        ann_wrote.wait(10)
        try:
            with bob.transaction() as s:
                records.update_record(s, RISKS, rid, {"title": "Bob"}, expected_version=version)
            outcome["bob"] = "saved"
        except errors.EditConflict as e:
            outcome["bob"] = e

    t = threading.Thread(target=bob_saves, daemon=True)
    t.start()
    with ann.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Ann"}, expected_version=version)
        ann_wrote.set()
        time.sleep(0.4)  # Bob's save is now waiting on Ann's open transaction
    t.join(15)
    assert isinstance(outcome["bob"], errors.EditConflict), outcome
    assert outcome["bob"].theirs == "Ann" and outcome["bob"].mine == "Bob"
    assert read(ann, rid)["title"] == "Ann"


@pytest.fixture
def pg_users(pg_store_url):
    ann, bob = Store.open(pg_store_url), Store.open(pg_store_url)
    yield ann, bob
    ann.close()
    bob.close()


@pytest.mark.postgres
def test_row_changed_between_read_and_write_is_a_conflict(pg_users):
    """PostgreSQL only (SQLite's write lock makes this interleaving impossible, see the test above):
    the version check passes on the row as read, then another user commits before our flush."""
    ann, bob = pg_users
    rid = new_risk(ann)
    version = read(ann, rid)["version"]
    with pytest.raises(errors.EditConflict) as info:
        with bob.transaction() as s:
            s.get(RISKS.entity, rid)  # Bob's session has read the row at `version`
            with ann.transaction() as s2:
                records.update_record(s2, RISKS, rid, {"title": "Ann"})
            records.update_record(s, RISKS, rid, {"title": "Bob"}, expected_version=version)
    assert (info.value.mine, info.value.theirs) == ("Bob", "Ann")
    assert info.value.current_version == version + 1
    assert read(bob, rid)["title"] == "Ann"


@pytest.mark.postgres
def test_stale_data_at_commit_is_a_conflict_too(pg_users):
    """A stale ORM object changed directly (not through update_record) is caught at commit."""
    ann, bob = pg_users
    rid = new_risk(ann)
    with pytest.raises(errors.EditConflict, match="not saved"):
        with bob.transaction() as s:
            risk = s.get(RISKS.entity, rid)
            with ann.transaction() as s2:
                records.update_record(s2, RISKS, rid, {"title": "Ann"})
            risk.notes = "Bob"
    assert read(bob, rid)["title"] == "Ann" and read(bob, rid)["notes"] == ""


def test_a_view_finds_what_others_changed(users):
    """What a window refreshing on focus or a timer asks: which records differ from what it shows."""
    from pmo_desktop.models.changes import changed_ids

    ann, bob = users
    ids = [new_risk(ann, title=f"Risk {i}") for i in range(4)]
    with bob.session() as s:
        shown = records.fetch_rows(s, RISKS)
        assert changed_ids(s, RISKS, shown) == set()
    with ann.transaction() as s:
        records.update_record(s, RISKS, ids[1], {"title": "Changed"})
        records.delete_records(s, RISKS, [ids[2]])
        added = records.create_record(s, RISKS, {"title": "Added"}).id
    with bob.session() as s:
        assert changed_ids(s, RISKS, shown) == {ids[1], ids[2], added}


@pytest.mark.postgres
def test_an_edit_of_a_row_another_transaction_holds_is_refused_busy_not_waited_for_ever(pg_users):
    """Another client changed a risk in a transaction it has not ended (a tool left idle in one, a long import
    on another machine). PostgreSQL waits for a row's lock for ever by default, so saving an edit of that risk
    held the window until the other transaction ended. A write now waits ``LOCK_WAIT_MS`` (as SQLite's busy
    timeout), then is refused as busy with nothing saved; once the other is done, it saves."""
    import psycopg

    from pmo_desktop.models import store

    wait = getattr(store, "LOCK_WAIT_MS", 5000) / 1000
    ann, bob = pg_users
    rid = new_risk(ann, title="Base")
    other = psycopg.connect(ann.engine.url.set(drivername="postgresql").render_as_string(hide_password=False))
    other.execute("UPDATE risk SET title = 'Held' WHERE id = %s", (rid,))  # its transaction left open
    released = threading.Timer(20, other.rollback)  # before, Bob's save waited for this
    released.daemon = True
    released.start()
    try:
        started = time.monotonic()
        with pytest.raises(errors.FileLocked, match="not finished"):
            with bob.transaction() as s:
                records.update_record(s, RISKS, rid, {"title": "Bob"})
        assert wait <= time.monotonic() - started < wait + 5
        assert read(ann, rid)["title"] == "Base"
    finally:
        other.rollback()
        released.cancel()
        other.close()
    with bob.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Bob"})
    assert read(ann, rid)["title"] == "Bob"
