"""Communications keep notes (issue 12, nothing lost silently): a communication plan's columns that no
field takes (Purpose, Key dates …) are kept on each line's notes, labelled with their header, and named
in the report; its own "Notes" column is the notes; the notes survive export → import; an office of
schema version 4 (no notes on its communications) opens, migrated, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cli_runner import run_cli as run
from real_world_factory import write_xlsx
from sqlalchemy import create_engine, text

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_import, plan_workbook_import
from pmo_desktop.models import clock, records, schema, snapshots
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

COMMS, STAKEHOLDERS = REGISTERS["communications"], REGISTERS["stakeholders"]


def comms(store: Store) -> dict[str, dict]:
    with store.session() as s:
        rows = [dict(zip(["id", "version", *COMMS.field_names], r)) for r in records.fetch_rows(s, COMMS)]
    return {r["message"]: r for r in rows}


def test_a_communication_plans_purpose_and_notes_are_kept_on_each_line(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", {"Communication plan": [
        ["Communication", "Purpose", "Audience", "Channel", "Frequency", "Owner", "Notes"],
        ["Steering report", "Decisions on scope and budget", "Steering committee", "Meeting", "Monthly", "Ann",
         "Pre-read two days before"],
        ["Team newsletter", "Keep the teams informed", "All staff", "Email", "Weekly", "Bob", None]]})
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    assert plan.ok, plan.summary()
    sheet = next(p for p in plan.sheets if p.register == "communications")
    purpose = sheet.headers.index("Purpose")
    assert sheet.mapping[sheet.headers.index("Notes")] == "notes"
    # (a column of choices is kept too, for a word read as another choice: heldout50; "Monthly" adds nothing)
    assert {c: h for c, h in sheet.extras.items() if c not in sheet.mapping} == {purpose: "Purpose"}
    assert "kept on each record" in sheet.ignored[purpose]  # the report names it, and does not say "lost"
    apply_import(sqlite_store, plan)
    got = comms(sqlite_store)
    assert got["Steering report"]["notes"] == "Pre-read two days before\nPurpose: Decisions on scope and budget"
    assert got["Team newsletter"]["notes"] == "Purpose: Keep the teams informed"
    assert got["Team newsletter"]["channel"] == "Email"


@pytest.mark.parametrize("header", ["Remarks", "Comments", "Bemerkungen", "Observaciones", "Примечания"])
def test_a_notes_column_under_another_name_is_the_notes(sqlite_store, tmp_path, header):
    path = write_xlsx(tmp_path / "plan.xlsx", {"Comms plan": [
        ["Message", "Audience", "Channel", "Frequency", header],
        ["Steering report", "Board", "Meeting", "Monthly", "Minutes to all"]]})
    plan = plan_import(sqlite_store, path, register="communications", create_missing=True)
    assert plan.sheets[0].mapping.get(4) == "notes", plan.sheets[0].mapping
    apply_import(sqlite_store, plan)
    assert comms(sqlite_store)["Steering report"]["notes"] == "Minutes to all"


def test_communication_notes_round_trip_through_a_workbook(store, tmp_path):
    with store.transaction() as s:
        records.create_record(s, STAKEHOLDERS, {"name": "Finance director"})
        records.create_record(s, COMMS, {"message": "Budget review", "stakeholder": "Finance director",
                                         "notes": "Purpose: agree the forecast\nKey dates: 5th working day"})
        records.create_record(s, COMMS, {"message": "Town hall", "audience": "All staff", "frequency": "Quarterly"})
    before = comms(store)
    out = export_workbook(store, tmp_path / "office.xlsx")
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        plan = plan_workbook_import(fresh, out)
        assert plan.ok, plan.summary()
        apply_import(fresh, plan)
        after = comms(fresh)
        assert after["Budget review"]["notes"] == "Purpose: agree the forecast\nKey dates: 5th working day"
        assert after["Town hall"]["notes"] == ""
        assert [{k: v for k, v in r.items() if k not in ("id", "version")} for r in after.values()] == \
            [{k: v for k, v in r.items() if k not in ("id", "version")} for r in before.values()]
    finally:
        fresh.close()


def _as_version_4(url: str) -> None:
    """What the office was before communications kept notes: no such column, none in the history."""
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE communication DROP COLUMN notes"))
            for hid, data in conn.execute(text("SELECT id, data FROM record_history "
                                               "WHERE register = 'communications' AND data IS NOT NULL")).all():
                row = json.loads(data)
                row.pop("notes")
                conn.execute(text("UPDATE record_history SET data = :d WHERE id = :i"), {"d": json.dumps(row), "i": hid})
            conn.execute(text("UPDATE pmo_meta SET value = '4' WHERE key = 'schema_version'"))
    finally:
        engine.dispose()


def test_a_version_4_office_gains_communication_notes_on_open(store_url):
    with clock.frozen(date(2026, 3, 1)):
        s = Store.open(store_url)
        with s.transaction() as t:
            records.create_record(t, COMMS, {"message": "Steering report", "audience": "Board"})
            records.create_record(t, COMMS, {"message": "Town hall", "audience": "All staff"})
        s.close()
    _as_version_4(store_url)
    with clock.frozen(date(2026, 3, 10)):
        store = Store.open(store_url)
    try:
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(schema.SCHEMA_VERSION) == "7"
        assert {m: r["notes"] for m, r in comms(store).items()} == {"Steering report": "", "Town hall": ""}
        office = Office(store)
        with clock.frozen(date(2026, 3, 12)):
            rid = office.read(records.find_id_by_code, COMMS, comms(store)["Town hall"]["code"])
            office.write(records.update_record, COMMS, rid, {"notes": "Purpose: the year ahead"})
        assert comms(store)["Town hall"]["notes"] == "Purpose: the year ahead"
        with clock.frozen(date(2026, 3, 20)):  # the past mixes history rows without notes and with them
            past = snapshots.open_as_at(office, date(2026, 3, 15)).office
            before = snapshots.open_as_at(office, date(2026, 3, 5)).office
        assert {m: r["notes"] for m, r in comms(past.store).items()} == \
            {"Steering report": "", "Town hall": "Purpose: the year ahead"}
        assert {m: r["notes"] for m, r in comms(before.store).items()} == {"Steering report": "", "Town hall": ""}
    finally:
        store.close()


def test_cli_exports_and_imports_the_communication_plan_with_its_notes(tmp_path):
    office, fresh = tmp_path / "demo.pmo", tmp_path / "fresh.pmo"
    store = create_demo(office)
    try:
        with store.transaction() as s:
            rid = records.find_id_by_code(s, COMMS, "C-002")
            records.update_record(s, COMMS, rid, {"notes": "Purpose: decisions\nKey dates: first Tuesday"})
    finally:
        store.close()
    run("new", fresh, cwd=tmp_path, ok=True)
    for name in ("projects", "stakeholders"):  # the plan is exported with the stakeholders, as its own sheet
        out = tmp_path / f"{name}.xlsx"
        run("export", office, out, "--register", name, cwd=tmp_path, ok=True)
        assert "inserted" in run("import", fresh, out, cwd=tmp_path, ok=True).stdout
    again = Store.open(fresh)
    try:
        assert comms(again)["Monthly program review"]["notes"] == "Purpose: decisions\nKey dates: first Tuesday"
    finally:
        again.close()
