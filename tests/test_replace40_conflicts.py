"""A many-cell edit (Replace All, a paste, a fill) written in one go still meets another user's save as a typed
edit does: an ``EditConflict`` naming the record, with theirs, nothing of the edit saved — whether they saved
before the edit read its rows (both backends) or between its read and its write (PostgreSQL: the server's own
refusal). And a big register's search finds what such an edit wrote, its index rebuilt around it."""

import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pmo_desktop.models import records, search_index
from pmo_desktop.models.errors import EditConflict
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.windows import Window, fetch_ids

RISKS = REGISTERS["risks"]


def risks_made(office: Office, n: int) -> dict[int, int]:
    """``n`` risks "Risk i of supplier"; their ids → versions."""
    office.write(lambda s: records.create_records(s, RISKS, [{"title": f"Risk {i} of supplier"} for i in range(n)],
                                                  records.load_context(s)))
    return dict(office.read(lambda s: s.execute(select(RISKS.entity.id, RISKS.entity.version)
                                                .order_by(RISKS.entity.id)).all()))


def titles(office: Office) -> list[str]:
    return list(office.read(lambda s: s.scalars(select(RISKS.entity.title).order_by(RISKS.entity.id)).all()))


def edit_of_every_title(office: Office, versions: dict[int, int]):
    ctx = office.read(records.load_context)
    old = dict(zip(versions, titles(office)))
    values = {rid: {"title": old[rid].replace("supplier", "vendor")} for rid in versions}
    bases = {rid: {"title": old[rid]} for rid in versions}
    return values, ctx, bases


def test_a_record_someone_saved_before_the_edit_read_it_is_a_conflict_with_theirs(store_url):
    mine, theirs = Office(Store.open(store_url)), Office(Store.open(store_url))
    try:
        versions = risks_made(mine, 30)
        values, ctx, bases = edit_of_every_title(mine, versions)
        second = list(versions)[1]
        theirs.write(records.update_many, RISKS, {second: {"title": "Their title"}}, None,
                     {second: versions[second]}, {})
        before = titles(mine)
        with pytest.raises(EditConflict) as caught:
            mine.write(records.update_many, RISKS, values, ctx, versions, bases)
        assert caught.value.record_id == second
        assert caught.value.theirs_values["title"] == "Their title"
        assert caught.value.mine_values == {"title": "Risk 1 of vendor"}
        assert titles(mine) == before  # nothing of the edit saved
    finally:
        mine.store.close()
        theirs.store.close()


@pytest.mark.postgres
def test_a_record_someone_saves_between_the_read_and_the_write_is_a_conflict_with_theirs(pg_store_url):
    """PostgreSQL: they commit while the edit checks its 2,500 records (after it read them): its one UPDATE
    meets their row, and the server's refusal is told as the conflict on that record, with theirs."""
    mine, theirs = Office(Store.open(pg_store_url)), Office(Store.open(pg_store_url))
    try:
        versions = risks_made(mine, 2_500)
        values, ctx, bases = edit_of_every_title(mine, versions)
        target = list(versions)[2_400]
        saved: list[int] = []

        def progress(done: int, total: int) -> None:
            if not saved:
                theirs.write(records.update_many, RISKS, {target: {"title": "Saved meanwhile"}}, None,
                             {target: versions[target]}, {})
                saved.append(done)

        with pytest.raises(EditConflict) as caught:
            mine.write(records.update_many, RISKS, values, ctx, versions, bases, progress=progress)
        assert saved
        assert caught.value.record_id == target
        assert caught.value.theirs_values["title"] == "Saved meanwhile"
        assert titles(mine).count("Saved meanwhile") == 1
        assert not any("vendor" in t for t in titles(mine))
    finally:
        mine.store.close()
        theirs.store.close()


def test_the_search_finds_what_an_edit_of_a_big_register_wrote(tmp_path, monkeypatch):
    """30,000 risks, their search index built; every sixth title's "supplier" replaced (5,000, enough to
    rebuild the index around the write: ``search_index.rebuilt_after``): the search finds "vendor" in exactly
    those, "supplier" in the rest. The register needs 50,000 records for an index of its own
    (``search_index.THRESHOLD``), lowered here to these 30,000: the same path as 60,000, at half the time."""
    monkeypatch.setattr(search_index, "THRESHOLD", 30_000)
    path = tmp_path / "big.pmo"
    Store.create(path).close()
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO risk (code, title, cause, event, effect, kind, category, level, raised_on, "
                    "probability, impact, residual_probability, residual_impact, impact_areas, response, trigger, "
                    "status, notes, escalated, escalation_reason, created_at, updated_at, version) "
                    "VALUES (?, ?, '', '', '', 'Threat', 'Technical', 'Project', ?, 3, 3, 2, 2, '', 'Reduce', '', "
                    "'Open', '', 0, '', '2026-11-25 09:00:00', '2026-11-25 09:00:00', 1)",
                    [(f"R-{i:06d}", f"Risk {i} of supplier", (date(2026, 1, 1) + timedelta(days=i % 300)).isoformat())
                     for i in range(30_000)])
    con.commit()
    con.close()
    office = Office(Store.open(path))
    try:
        office.write(lambda s: search_index.ensure(s, RISKS))
        assert office.read(search_index.has_index, RISKS)
        rows = office.read(lambda s: s.execute(select(RISKS.entity.id, RISKS.entity.version, RISKS.entity.title)
                                               .order_by(RISKS.entity.id)).all())
        chosen = rows[::6]
        ctx = office.read(records.load_context)
        office.write(records.update_many, RISKS, {r[0]: {"title": r[2].replace("supplier", "vendor")} for r in chosen},
                     ctx, {r[0]: r[1] for r in chosen}, {})
        assert office.read(search_index.has_index, RISKS)
        found = office.read(lambda s: fetch_ids(s, RISKS, Window(search="vendor"), ctx))
        assert sorted(found.tolist()) == sorted(r[0] for r in chosen)
        assert len(office.read(lambda s: fetch_ids(s, RISKS, Window(search="supplier"), ctx))) == 30_000 - len(chosen)
    finally:
        office.store.close()
