"""Who made each change (who57): every history row written names its maker (``record_history.changed_by``, version 7
of the file) — on a server the database login, on a file the name set on the computer or its login — and the
record's history, what changed since the last board and the board pack's "Since last board" sheet say it. A row
written before version 7 reads "—", never a name. Each test failed on main 0e262e98 (no such column, no such
name anywhere)."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import openpyxl
import pytest
from imported import import_all
from real_world_factory import write_xlsx
from sqlalchemy import select

from pmo_desktop.models import clock, records, schema, snapshots
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.record_history import history_of
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.what_changed import compare_registers

try:
    from pmo_desktop.models import who
except ImportError:  # main before who57: the tests then fail on what they check, not on this import
    who = None  # type: ignore[assignment]

RISKS = REGISTERS["risks"]
BOARD, LATER = date(2026, 10, 31), date(2026, 11, 20)


@pytest.fixture
def named_as(monkeypatch):
    """``named_as("Ana Ruiz")``: the name this computer's user set (Settings ▸ Your Name in the History…); "" unset."""
    if who is None:
        return lambda name: None
    monkeypatch.setattr(who, "_display_name", "")
    return who.set_display_name


def _risk(office: Office, title: str, **values) -> int:
    return office.write(lambda s: records.create_record(s, RISKS, {"title": title, **values}).id)[0]


def _edit(office: Office, rid: int, **values) -> None:
    office.write(records.update_record, RISKS, rid, values)


def _steps(office: Office, rid: int) -> list[tuple[str, str | None]]:
    return [(s.what, s.by) for s in office.read(lambda s: history_of(s, RISKS, rid, records.load_context(s)))]


def _makers(store: Store) -> list[str | None]:
    with store.session() as session:
        return list(session.scalars(select(RecordHistory.changed_by).order_by(RecordHistory.id)))


def _as_version_6(path) -> None:
    """The file as version 6 wrote it: its history without the column of who made each change."""
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE record_history DROP COLUMN changed_by")
    con.execute("UPDATE pmo_meta SET value = '6' WHERE key = 'schema_version'")
    con.commit()
    con.close()


# ----------------------------------------------------------------------------------- a file
def test_a_version_6_file_is_upgraded_in_place_its_old_changes_by_nobody_and_new_ones_by_their_maker(
        tmp_path, named_as):
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    rid = _risk(Office(store), "Crane supplier late", probability=2)
    store.close()
    _as_version_6(path)
    named_as("Ana Ruiz")
    store = Store.open(path)
    try:
        assert (tmp_path / "office.pmo.v6.bak").exists()  # the backup copy, as for every migration
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == "7"
        office = Office(store)
        assert _steps(office, rid) == [("Added", None)]  # from before: nobody named, not the one opening it
        _edit(office, rid, probability=4)
        named_as("")  # no name set: the computer's login
        _edit(office, rid, impact=5)
        assert _steps(office, rid) == [("Changed", who.login() or None), ("Changed", "Ana Ruiz"), ("Added", None)]
    finally:
        store.close()
    store = Store.open(path)  # opened again: nothing migrated twice, the names kept
    try:
        makers = _makers(store)
        assert makers[-2:] == ["Ana Ruiz", who.login() or None] and set(makers[:-2]) == {None}
    finally:
        store.close()


def test_every_way_of_writing_names_its_maker(sqlite_store, tmp_path, named_as):
    """A record typed, a block of edits (a paste, Replace All), a deletion and its undo, an import: every history row
    the office core writes carries the name."""
    named_as("Ben Okafor")
    office = Office(sqlite_store)
    before = len(_makers(sqlite_store))  # the new file's own rows (its program), written by whoever made it
    a, b = _risk(office, "Crane supplier late"), _risk(office, "Permit delayed")
    office.write(records.update_records, RISKS, [(a, {"impact": 4}), (b, {"impact": 3})])
    snapshot = office.write(records.delete_records, RISKS, [b])[0]
    office.write(records.replace_records, {RISKS.entity: []}, snapshot)  # the deletion undone
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["Risk title", "Probability", "Impact"], ["Scaffold collapse", 3, 5], ["Rates rise", 2, 2]]}))
    makers = _makers(sqlite_store)[before:]
    assert len(makers) >= 8 and set(makers) == {"Ben Okafor"}


def test_a_name_that_is_no_name_is_refused_and_a_long_one_cut_to_the_column(named_as):
    with pytest.raises(Exception, match="one line"):
        named_as("Ana\nRuiz")
    with pytest.raises(Exception, match="at most 100"):
        named_as("x" * 101)
    assert who.DISPLAY_NAME.load("  Ana Ruiz ") == "Ana Ruiz" and who.DISPLAY_NAME.load(3) == ""


# ----------------------------------------------------------------------------------- a server, two logins
@pytest.mark.postgres
def test_two_analysts_on_a_server_each_named_by_their_login(pg_server, pg_store_url, named_as):
    from sqlalchemy.engine import make_url

    database = make_url(pg_store_url).database
    suffix = f"{os.getpid()}_{id(database) % 10000}"
    logins = [f"ana_{suffix}", f"ben_{suffix}"]
    for login in logins:
        pg_server.sql(f"CREATE ROLE {login} LOGIN PASSWORD 'x'")
        pg_server.sql(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {login}", database)
        pg_server.sql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {login}", database)
    named_as("Somebody Else")  # a name typed on a computer never stands for a server's checked login
    admin = Store.open(pg_store_url)
    ana = Store.open(pg_server.url(database, user=logins[0], password="x"))
    ben = Store.open(pg_server.url(database, user=logins[1], password="x"))
    try:
        with clock.frozen(BOARD):
            first = _risk(Office(admin), "Crane supplier late")
            second = _risk(Office(admin), "Permit delayed")
            snapshot_id, _ = Office(admin).write(snapshots.take, "October board")
        with clock.frozen(LATER):
            _edit(Office(ana), first, status="Closed")
            _edit(Office(ben), second, escalated=True, escalation_reason="Needs the board")
            _edit(Office(ben), first, impact=2)
            office = Office(admin)
            assert _steps(office, first) == [("Changed", logins[1]), ("Changed", logins[0]), ("Added", "pmo_admin")]
            assert _steps(office, second) == [("Changed", logins[1]), ("Added", "pmo_admin")]
            result = compare_registers(snapshots.open_snapshot(office, snapshot_id), snapshots.now(office))
        moved = {(m.field, m.by) for m in result.moves}
        assert ("status", logins[0]) in moved and ("escalated", logins[1]) in moved
        assert f"— by {logins[0]}" in "\n".join(result.lines())
    finally:
        for s in (ana, ben, admin):
            s.close()
        for login in logins:
            pg_server.sql(f"DROP OWNED BY {login}", database)
            pg_server.sql(f"DROP ROLE {login}")


# ----------------------------------------------------------------------------------- what changed, the board pack
def test_what_changed_and_the_board_pack_say_who_made_each_move(sqlite_store, tmp_path, named_as):
    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.views.changes_dialog import comparison_html

    office = Office(sqlite_store)
    with clock.frozen(BOARD):
        first = _risk(office, "Crane supplier late")
        second = _risk(office, "Permit delayed")
        office.write(snapshots.take, "October board")
    with clock.frozen(LATER):
        named_as("Ana Ruiz")
        _edit(office, first, status="Closed")
        named_as("Ben Okafor")
        _edit(office, second, escalated=True, escalation_reason="Needs the board")
        _edit(office, first, impact=2)  # not what moved the status
        _risk(office, "Rates rise")
        result = compare_registers(snapshots.open_source(office, "October board"), snapshots.now(office))
        by_day = compare_registers(snapshots.open_source(office, BOARD.isoformat()), snapshots.now(office))
        write_board_pack(sqlite_store, tmp_path / "pack.xlsx", LATER)
    moves = {(m.heading, m.name, m.by) for m in result.moves}
    assert ("Closed, occurred or reopened", "Crane supplier late", "Ana Ruiz") in moves
    assert ("Escalations", "Permit delayed", "Ben Okafor") in moves
    assert ("New risks", "Rates rise", "Ben Okafor") in moves
    assert {(m.field, m.by) for m in by_day.moves} == {(m.field, m.by) for m in result.moves}
    assert "by Ana Ruiz" in comparison_html(result)
    sheet = openpyxl.load_workbook(tmp_path / "pack.xlsx")["Since last board"]
    table = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    by = table[0].index("By")
    assert {(r[3], r[by]) for r in table[1:]} >= {("Crane supplier late", "Ana Ruiz"), ("Permit delayed", "Ben Okafor")}


def test_a_move_over_changes_from_before_the_names_reads_a_dash_not_a_name(tmp_path, named_as):
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    office = Office(store)
    with clock.frozen(BOARD):
        rid = _risk(office, "Crane supplier late")
        office.write(snapshots.take, "October board")
    with clock.frozen(LATER):
        _edit(office, rid, status="Closed")
    store.close()
    _as_version_6(path)
    named_as("Ana Ruiz")
    store = Store.open(path)
    try:
        office = Office(store)
        with clock.frozen(LATER):
            result = compare_registers(snapshots.open_source(office, "October board"), snapshots.now(office))
        assert [(m.field, m.by) for m in result.moves] == [("status", "—")]
    finally:
        store.close()


# ----------------------------------------------------------------------------------- on screen
def test_the_record_history_dialog_has_a_by_column(qtbot, document, named_as):
    from pmo_desktop.views.record_history_dialog import COLUMNS, RecordHistoryDialog

    office = document.office
    named_as("Ana Ruiz")
    rid = _risk(office, "Crane supplier late", probability=2)
    named_as("Ben Okafor")
    _edit(office, rid, probability=4)
    dialog = RecordHistoryDialog(document, RISKS, rid, "R-001 — Crane supplier late")
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    table = dialog.table
    by = COLUMNS.index("By")
    assert table.horizontalHeaderItem(by).text() == "By"
    named = [(table.item(r, COLUMNS.index("Change")).text(), table.item(r, by).text())
             for r in range(table.rowCount()) if table.item(r, by).text()]
    assert named == [("Changed", "Ben Okafor"), ("Added", "Ana Ruiz")]
    assert table.columnWidth(by) >= table.fontMetrics().horizontalAdvance("Ben Okafor")  # read whole at 1280×720


def test_your_name_is_kept_on_this_computer_and_read_at_the_next_start(qtbot, tmp_path, named_as, sqlite_store):
    from PySide6.QtCore import QSettings

    from pmo_desktop.views.your_name_dialog import YourNameDialog, load_display_name

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = YourNameDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.name.placeholderText() == who.login()  # empty: the computer's login
    dialog.name.setText("  Ana Ruiz ")
    dialog.accept()
    assert settings.value(who.DISPLAY_NAME.key) == "Ana Ruiz"
    named_as("")  # the program started again
    load_display_name(settings)
    rid = _risk(Office(sqlite_store), "Crane supplier late")
    assert _steps(Office(sqlite_store), rid) == [("Added", "Ana Ruiz")]
    settings.setValue(who.DISPLAY_NAME.key, "Ana\nRuiz")  # a settings file edited by hand: read as not set
    load_display_name(settings)
    assert who.display_name() == ""


def test_the_command_line_records_its_import_under_the_name_in_its_environment(tmp_path, named_as, monkeypatch):
    """The command line loads no Qt, so not the window's settings: PMO_DESKTOP_NAME names it, else the login."""
    from cli_runner import run_cli

    monkeypatch.setenv("PMO_DESKTOP_NAME", "Ana Ruiz")
    Store.create(tmp_path / "office.pmo").close()
    write_xlsx(tmp_path / "risks.xlsx", {"Risks": [["Risk title", "Probability"], ["Scaffold collapse", 3]]})
    run_cli("import", "office.pmo", "risks.xlsx", cwd=tmp_path, ok=True)
    monkeypatch.delenv("PMO_DESKTOP_NAME")
    write_xlsx(tmp_path / "more.xlsx", {"Risks": [["Risk title", "Probability"], ["Rates rise", 2]]})
    run_cli("import", "office.pmo", "more.xlsx", cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "office.pmo")
    try:
        assert _makers(store)[-2:] == ["Ana Ruiz", who.login() or None]
    finally:
        store.close()


@pytest.mark.postgres
def test_a_version_6_office_on_a_server_is_upgraded_and_its_new_changes_named(pg_store_url, named_as):
    from sqlalchemy import create_engine, text

    store = Store.open(pg_store_url)
    rid = _risk(Office(store), "Crane supplier late")
    store.close()
    engine = create_engine(pg_store_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE record_history DROP COLUMN changed_by"))
        conn.execute(text("UPDATE pmo_meta SET value = '6' WHERE key = 'schema_version'"))
    engine.dispose()
    store = Store.open(pg_store_url)
    try:
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == "7"
        office = Office(store)
        _edit(office, rid, probability=4)
        assert _steps(office, rid) == [("Changed", "pmo_admin"), ("Added", None)]
    finally:
        store.close()
