"""The history of every register, the office as at a past date, board snapshots and "what changed" —
on SQLite and PostgreSQL (the ``store`` fixture runs each test on both), through the real write paths."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import openpyxl
import pytest
from sqlalchemy import event, func, select, text

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import clock, history, records, schema, snapshots
from pmo_desktop.models.demo import populate
from pmo_desktop.models.history_tables import BoardSnapshot, RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import RiskAction
from pmo_desktop.models.store import Store
from pmo_desktop.models.what_changed import compare_registers

RISKS, STAKEHOLDERS, BENEFITS = REGISTERS["risks"], REGISTERS["stakeholders"], REGISTERS["benefits"]
MEASUREMENTS = REGISTERS["benefit_measurements"]
CREATED, BOARD, LATER = date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 10)


def rows(office: Office, reg=RISKS, day: date | None = None) -> dict[str, dict]:
    """The register by ID (code), each record as a dict, computed columns for ``day``."""
    def query(session):
        ctx = records.load_context(session, day)
        names = ["id", "version", *reg.field_names]
        return {r[2]: dict(zip(names, r)) for r in records.fetch_rows(session, reg, ctx)}
    return office.read(query)


def by_code(office: Office, reg, code: str) -> int:
    return office.read(records.find_id_by_code, reg, code)


def edit(office: Office, reg, code: str, **values) -> None:
    office.write(records.update_record, reg, by_code(office, reg, code), values)


@pytest.fixture
def office(store):
    """The demo program created on 1 Oct 2026, on both backends."""
    with clock.frozen(CREATED):
        populate(store, CREATED)
    return Office(store)


def scripted_board_cycle(office: Office) -> int:
    """A board on 31 Oct (its snapshot), then the edits of the following weeks; returns the snapshot id."""
    with clock.frozen(BOARD):
        snapshot_id, _ = office.write(snapshots.take, "October board")
    with clock.frozen(LATER):
        edit(office, RISKS, "R-001", status="Closed")                          # closed
        edit(office, RISKS, "R-002", escalated=True, escalation_reason="Needs the board")  # escalated
        edit(office, RISKS, "R-003", probability=5, impact=5)                  # rating move
        office.write(records.create_record, RISKS, {"title": "Payment API changes", "probability": 4, "impact": 4})
        edit(office, STAKEHOLDERS, "S-001", power=1, interest=1)                # quadrant move
        edit(office, STAKEHOLDERS, "S-003", current_engagement="Leading")       # engagement move
        b3 = by_code(office, BENEFITS, "B-003")
        office.write(records.create_record, MEASUREMENTS, {"on": date(2026, 11, 5), "value": 400}, parent_id=b3)
    return snapshot_id


# ----------------------------------------------------------------------------------- history and as at
def test_every_write_path_records_history_and_the_past_reads_back(office):
    before = rows(office, day=BOARD)
    with clock.frozen(LATER):
        edit(office, RISKS, "R-001", title="Renamed later", probability=1)
        rid = by_code(office, RISKS, "R-004")
        office.write(records.delete_records, RISKS, [rid])  # with its actions, through the database's cascade
    past = snapshots.open_as_at(office, BOARD)
    assert past.read_only and past.label == "31 Oct 2026"
    assert rows(past.office, day=BOARD) == before
    now = rows(office)
    assert now["R-001"]["title"] == "Renamed later" and "R-004" not in now
    assert rows(past.office)["R-001"]["title"] == before["R-001"]["title"]

    def actions_of(session, risk_id):
        return session.scalar(select(func.count()).select_from(RiskAction).where(RiskAction.risk_id == risk_id))
    # The deleted risk's actions went with it through the database's cascade: the history knows.
    assert past.office.read(actions_of, rid) > 0
    later = snapshots.open_as_at(office, date(2026, 11, 30))
    assert later.office.read(actions_of, rid) == 0
    assert rows(later.office, day=LATER) == rows(office, day=LATER)
    # Links (a risk's projects) are part of a record's history.
    assert rows(past.office)["R-001"]["related_projects"] == before["R-001"]["related_projects"]
    # A past state is read only.
    with pytest.raises(Exception, match="read only"):
        past.office.write(records.update_record, RISKS, 1, {"title": "x"})


def test_a_change_that_changes_nothing_writes_no_history(office):
    def count(session):
        return session.scalar(select(func.count()).select_from(RecordHistory))
    n = office.read(count)
    rid = by_code(office, RISKS, "R-001")
    title = rows(office)["R-001"]["title"]
    office.write(records.update_record, RISKS, rid, {"title": title})
    assert office.read(count) == n
    office.write(records.update_record, RISKS, rid, {"title": title + "!"})
    assert office.read(count) == n + 1


def test_bulk_import_writes_its_history_in_one_statement_per_register(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact", "Owner"])
    for i in range(300):
        ws.append([f"Imported risk {i}", 1 + i % 5, 1 + (i * 3) % 5, f"Owner {i % 7}"])
    wb.save(tmp_path / "risks.xlsx")
    plan = plan_import(office.store, tmp_path / "risks.xlsx", register="risks")
    statements: list[str] = []
    postgres = office.store.engine.dialect.name == "postgresql"
    if postgres:  # there the rows go by a COPY (bulk._pg_insert), which only the server sees: its statement trigger counts
        with office.store.engine.begin() as conn:
            conn.execute(text("CREATE TABLE fired (n integer)"))
            conn.execute(text("CREATE FUNCTION count_fired() RETURNS trigger LANGUAGE plpgsql AS "
                              "$$ BEGIN INSERT INTO fired VALUES (1); RETURN NULL; END $$"))
            conn.execute(text("CREATE TRIGGER count_fired AFTER INSERT ON record_history FOR EACH STATEMENT "
                              "EXECUTE FUNCTION count_fired()"))

    def count(_conn, _cursor, statement, _params, _context, _many):
        if statement.lstrip().upper().startswith("INSERT INTO RECORD_HISTORY"):
            statements.append(statement)
    event.listen(office.store.engine, "before_cursor_execute", count)
    try:
        with clock.frozen(LATER):
            result = apply_import(office.store, plan)
    finally:
        event.remove(office.store.engine, "before_cursor_execute", count)
    assert result.inserted == 300
    if postgres:
        with office.store.engine.begin() as conn:
            statements = ["INSERT or COPY"] * conn.execute(text("SELECT count(*) FROM fired")).scalar_one()
    assert len(statements) == 2  # the risks, and the people the import created: one executemany each
    now = rows(office)
    assert rows(snapshots.open_as_at(office, LATER).office, day=LATER) == rows(office, day=LATER)
    assert sum(1 for r in now.values() if r["title"].startswith("Imported")) == 300
    assert not any(r["title"].startswith("Imported") for r in rows(snapshots.open_as_at(office, BOARD).office).values())


# ----------------------------------------------------------------------------------- snapshots
def test_a_snapshot_reopened_after_later_edits_shows_the_old_data(office):
    before = rows(office, day=BOARD)
    grid_before = rows(office, STAKEHOLDERS, BOARD)
    snapshot_id = scripted_board_cycle(office)
    assert rows(office)["R-001"]["status"] == "Closed"
    shown = snapshots.open_snapshot(office, snapshot_id)
    assert (shown.label, shown.day, shown.read_only) == ("October board", BOARD, True)
    assert rows(shown.office, day=BOARD) == before
    assert rows(shown.office, STAKEHOLDERS, BOARD) == grid_before
    listed = office.read(snapshots.list_snapshots)
    assert [(s.id, s.label) for s in listed] == [(snapshot_id, "October board")]
    assert 0 < listed[0].size < 50_000  # compressed
    assert office.read(snapshots.find, "october BOARD").id == snapshot_id
    with pytest.raises(Exception, match="no board snapshot “nope”"):
        office.read(snapshots.find, "nope")


# ----------------------------------------------------------------------------------- what changed
def test_what_changed_since_the_last_board(office):
    snapshot_id = scripted_board_cycle(office)
    with clock.frozen(LATER):
        result = compare_registers(snapshots.open_snapshot(office, snapshot_id), snapshots.now(office))
    moves = {(m.register, m.heading, m.code, m.field, m.before, m.after) for m in result.moves}
    assert ("risks", "Closed, occurred or reopened", "R-001", "status", "Open", "Closed") in moves
    assert ("risks", "Escalations", "R-002", "escalated", "No", "Yes") in moves
    rating = [m for m in result.moves if m.code == "R-003" and m.heading == "Rating moves"]
    assert [m.after for m in rating] == ["Critical"] and rating[0].before != "Critical"
    new = [m for m in result.moves if m.heading == "New risks"]
    assert [m.name for m in new] == ["Payment API changes"] and "Critical" in new[0].after
    assert ("stakeholders", "Quadrant moves", "S-001", "quadrant", "Manage closely", "Monitor") in moves
    assert any(m[2] == "S-003" and m[3] == "current_engagement" and m[5] == "Leading" for m in moves)
    benefit = [m for m in result.moves if m.register == "benefits" and m.code == "B-003"]
    assert [(m.field, m.after) for m in benefit] == [("status_rag", "On track")] and benefit[0].before != "On track"
    # Nothing else: untouched records never appear.
    touched = {"R-001", "R-002", "R-003", "R-011", "S-001", "S-003"}
    assert {m.code for m in result.moves} - {m.code for m in benefit} <= touched
    text = "\n".join(result.lines())
    assert "Risk register — Escalations (1)" in text and "R-001" in text
    # A date from the history compares the same way as a snapshot.
    with clock.frozen(LATER):
        by_date = compare_registers(snapshots.open_source(office, "2026-10-31"), snapshots.now(office))
    assert {(m.code, m.field, m.after) for m in by_date.moves} == {(m.code, m.field, m.after) for m in result.moves}


def test_what_changed_reports_rag_changes_and_milestone_slips(office):
    """The reporting cycle's registers declare what the board watches: a project's RAG moving, a
    milestone's forecast slipping, a milestone added; nothing else of theirs appears."""
    reports, milestones = REGISTERS["status_reports"], REGISTERS["milestones"]
    report = min(rows(office, reports).values(), key=lambda r: r["code"])
    milestone = min(rows(office, milestones).values(), key=lambda r: r["code"])
    worse = "Red" if report["overall"] != "Red" else "Green"
    slipped_to = (milestone["forecast"] or milestone["baseline"] or LATER) + timedelta(days=21)
    with clock.frozen(BOARD):
        snapshot_id, _ = office.write(snapshots.take, "October board")
    with clock.frozen(LATER):
        edit(office, reports, report["code"], overall=worse)
        edit(office, milestones, milestone["code"], forecast=slipped_to)
        office.write(records.create_record, milestones, {"title": "Board sign-off", "baseline": date(2026, 12, 15)})
        result = compare_registers(snapshots.open_snapshot(office, snapshot_id), snapshots.now(office))
    rag = {(m.code, m.field, m.after) for m in result.moves if m.heading == "RAG changes"}
    assert rag == {(report["code"], "overall", worse)}
    slips = [m for m in result.moves if m.heading == "Milestone slips"]
    assert [(m.code, m.field) for m in slips] == [(milestone["code"], "forecast")]
    assert slips[0].after and slips[0].after != slips[0].before
    assert [m.name for m in result.moves if m.heading == "New milestones"] == ["Board sign-off"]
    assert {m.register for m in result.moves} == {"status_reports", "milestones"}
    text = "\n".join(result.lines())
    assert "RAG changes" in text and "Milestone slips" in text and milestone["code"] in text


def test_a_new_record_given_a_deleted_records_id_is_new_not_a_move(office):
    """SQLite hands the id of a deleted last row to the next insert: still another record."""
    with clock.frozen(BOARD):
        snapshot_id, _ = office.write(snapshots.take, "October board")
    last = max(r["id"] for r in rows(office).values())
    with clock.frozen(LATER):
        office.write(records.delete_records, RISKS, [last])
        office.write(records.create_record, RISKS, {"title": "Another risk altogether"})
        result = compare_registers(snapshots.open_snapshot(office, snapshot_id), snapshots.now(office))
    assert sorted((m.heading, m.name) for m in result.moves if m.register == "risks") == [
        ("New risks", "Another risk altogether"), ("Risks deleted", "Card terminal certification fails")]


# ----------------------------------------------------------------------------------- migration
def _as_version_2(path):
    """A file from before the history and the reporting cycle (versions 3 and 4 add their tables)."""
    from pmo_desktop.models.status import TABLES as STATUS_TABLES

    con = sqlite3.connect(path)
    con.execute("DROP TABLE record_history")
    con.execute("DROP TABLE board_snapshot")
    for table in STATUS_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.execute("update pmo_meta set value='2' where key='schema_version'")
    con.commit()
    con.close()


def test_a_file_without_history_gets_a_baseline_on_open(tmp_path):
    path = tmp_path / "old.pmo"
    s = Store.create(path)
    with clock.frozen(CREATED):
        populate(s, CREATED)
    before = rows(Office(s), day=BOARD)
    s.close()
    _as_version_2(path)
    with clock.frozen(BOARD):
        store = Store.open(path)
    try:
        assert (tmp_path / "old.pmo.v2.bak").exists()
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(schema.SCHEMA_VERSION)
        office = Office(store)
        assert office.read(history.first_day) == BOARD  # the baseline is dated at the migration
        assert rows(snapshots.open_as_at(office, BOARD).office, day=BOARD) == before
        assert rows(snapshots.open_as_at(office, CREATED).office) == {}  # no history before it
        assert office.read(snapshots.list_snapshots) == []
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(BoardSnapshot)) == 0
    finally:
        store.close()


# ----------------------------------------------------------------------------------- the command line
def test_cli_boardpack_keeps_snapshots_and_changes_reports_them(tmp_path):
    import json

    from test_cli import run

    from pmo_desktop.models.demo import create_demo

    create_demo(tmp_path / "office.pmo").close()
    proc = run("changes", "office.pmo", cwd=tmp_path)
    assert proc.returncode == 2 and "no board snapshot yet" in proc.stderr
    proc = run("snapshots", "office.pmo", cwd=tmp_path, ok=True)
    assert "No board snapshots yet" in proc.stdout
    proc = run("boardpack", "office.pmo", "pack.pdf", "--label", "October board", cwd=tmp_path, ok=True)
    assert "Kept board snapshot #1." in proc.stdout
    store = Store.open(tmp_path / "office.pmo")
    office = Office(store)
    edit(office, RISKS, "R-001", status="Closed")
    edit(office, RISKS, "R-002", escalated=True)
    store.close()
    proc = run("changes", "office.pmo", cwd=tmp_path, ok=True)
    assert proc.stdout.splitlines()[0] == "What changed from October board to Now:"
    assert "Risk register — Closed, occurred or reopened (1)" in proc.stdout
    assert "R-001 POS supplier delivers late: Status Open → Closed" in proc.stdout
    assert "R-002" in proc.stdout and "Escalated No → Yes" in proc.stdout
    data = json.loads(run("changes", "office.pmo", "--since", "October board", "--json", cwd=tmp_path, ok=True).stdout)
    assert data["since"] == "October board" and data["until"] == "Now"
    assert data["counts"] == {"Risk register: Closed, occurred or reopened": 1, "Risk register: Escalations": 1}
    assert {(m["code"], m["field"], m["before"], m["after"]) for m in data["moves"]} == {
        ("R-001", "status", "Open", "Closed"), ("R-002", "escalated", "No", "Yes")}
    run("boardpack", "office.pmo", "pack.xlsx", cwd=tmp_path, ok=True)
    listed = json.loads(run("snapshots", "office.pmo", "--json", cwd=tmp_path, ok=True).stdout)
    assert [s["label"] for s in listed][0] == "October board" and len(listed) == 2
    wb = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    since = wb["Since last board"]
    cells = [c.value for row in since.iter_rows() for c in row if c.value]
    assert "Status: Open → Closed" in cells and "R-001" in cells
    assert since.print_title_rows == "$3:$3" and since.page_setup.orientation == "landscape"
    # Between two snapshots, and nothing since the latest.
    proc = run("changes", "office.pmo", "--since", "1", "--until", "#2", cwd=tmp_path, ok=True)
    assert "R-001" in proc.stdout
    assert "nothing the board watches" in run("changes", "office.pmo", cwd=tmp_path, ok=True).stdout
    proc = run("changes", "office.pmo", "--since", "no such board", cwd=tmp_path)
    assert proc.returncode == 1 and "There is no board snapshot “no such board”" in proc.stderr
    proc = run("boardpack", "office.pmo", "draft.pdf", "--no-snapshot", cwd=tmp_path, ok=True)
    assert "Kept" not in proc.stdout
    assert len(json.loads(run("snapshots", "office.pmo", "--json", cwd=tmp_path, ok=True).stdout)) == 2


def test_a_date_that_does_not_exist_is_said_to_be_none(tmp_path):
    """Fault12: ``--since 2026-02-30`` was answered "There is no board snapshot “2026-02-30”", as if a
    label had been meant; it says the date does not exist."""
    from test_cli import run

    Store.create(tmp_path / "office.pmo").close()
    proc = run("changes", "office.pmo", "--since", "2026-02-30", cwd=tmp_path)
    assert proc.returncode == 1
    assert "“2026-02-30” is not a date (day is out of range for month), nor the name of a board snapshot" \
        in proc.stderr, proc.stderr
