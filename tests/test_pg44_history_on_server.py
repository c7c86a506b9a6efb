"""The record history on PostgreSQL leaves out an entry equal to the record's last one by a condition of its one
INSERT, tested by the server (issue 16, round pg44): the last entries of every record an edit touched were read
back, 50 MB of JSON for 100,000 records, only to be compared in Python. The rule is the same on both databases,
and checked here on both: an entry a record changed, none for a record touched but unchanged, one for a record
deleted, none for a record deleted again or made and removed in the same transaction."""

import json

from sqlalchemy import event, select

from pmo_desktop.models import operations, records
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
N = 1_200


def history(office: Office) -> dict[int, list[dict | None]]:
    H = RecordHistory
    out: dict[int, list[dict | None]] = {}
    for rid, data in office.read(lambda s: s.execute(select(H.record_id, H.data).where(H.register == "risks")
                                                     .order_by(H.id)).all()):
        out.setdefault(rid, []).append(None if data is None else json.loads(data))
    return out


def test_history_entries_written_only_where_a_record_changed(store_url):
    office = Office(Store.open(store_url))
    try:
        ids, _ = office.write(lambda s: records.create_records(
            s, RISKS, [{"title": f"Risk {i}", "related_projects": ""} for i in range(N)],
            records.load_context(s), with_ids=True))
        assert {rid: len(entries) for rid, entries in history(office).items()} == dict.fromkeys(ids, 1)

        said: list[str] = []
        event.listen(office.store.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: said.append(statement))
        changed = ids[::3]  # a third of them retitled, every one touched
        versions = dict(office.read(lambda s: s.execute(select(RISKS.entity.id, RISKS.entity.version)).all()))

        def edit(session):
            records.update_records(session, RISKS, [(rid, {"title": f"Retitled {rid}"}) for rid in changed],
                                   versions={rid: versions[rid] for rid in changed})
            operations.touch(RISKS.entity, ids)

        office.write(edit)
        if office.store.engine.dialect.name == "postgresql":
            reads = [s for s in said if "record_history" in s and s.lstrip().upper().startswith("SELECT")]
            assert not [s for s in reads if "data" in s.split("FROM")[0]], reads  # no entry read back
        entries = history(office)
        assert [rid for rid in ids if len(entries[rid]) == 2] == changed
        assert all(entries[rid][-1]["title"] == f"Retitled {rid}" for rid in changed)
        assert all(len(entries[rid]) == 1 for rid in ids if rid not in set(changed))

        office.write(lambda s: operations.touch(RISKS.entity, ids))  # nothing changed at all: no entry
        assert history(office) == entries

        gone = ids[:10]
        office.write(records.delete_records, RISKS, gone)
        office.write(lambda s: operations.touch(RISKS.entity, gone))  # deleted again: no second deletion
        entries = history(office)
        assert all(entries[rid][-1] is None and entries[rid].count(None) == 1 for rid in gone)

        def made_and_removed(session):
            made = records.create_records(session, RISKS, [{"title": "Brief", "related_projects": ""}],
                                          records.load_context(session), with_ids=True)
            records.delete_records(session, RISKS, made)
            return made

        made, _ = office.write(made_and_removed)
        assert made[0] not in history(office)
    finally:
        office.store.close()
