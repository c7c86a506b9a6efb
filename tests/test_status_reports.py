"""The reporting cycle without a GUI: status reports over several periods and their roll-up (latest per
project, trend), the draft carried forward, the period rules, milestone slip logic, the migration that
adds the registers, and their round trip through a workbook and the board pack."""

import json
import sqlite3
from datetime import date

import pytest
from pypdf import PdfReader
from test_cli import run  # the CLI as a real subprocess: exit code, no traceback

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import errors, records, schema
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.fields import Context
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.settings import REPORTING_CADENCE
from pmo_desktop.models.status import TABLES
from pmo_desktop.models.status_rollup import draft_report, latest_status, milestones, milestones_due, milestones_slipped
from pmo_desktop.models.status_rules import (
    BETTER,
    NEW,
    SAME,
    WORSE,
    ReportingCadence,
    milestone_slip,
    milestone_state,
    period_of,
    period_start,
)
from pmo_desktop.models.store import Store
from pmo_desktop.models.summary import summarize

SR, MS = REGISTERS["status_reports"], REGISTERS["milestones"]
APRIL = date(2026, 4, 15)


def add(store, reg, **values):
    with store.transaction() as s:
        return records.create_record(s, reg, values).id


def ctx_on(store, day: date) -> Context:
    with store.session() as s:
        return records.load_context(s, day)


@pytest.fixture
def office(store):
    for name in ("Tills", "Stock", "Loyalty"):
        add(store, REGISTERS["projects"], name=name)
    # Tills: Green → Amber → Red (worse each month); Stock: Red → Amber (better), then the same; Loyalty:
    # one report only (new). Entered out of order, and one period written as a quarter.
    for project, period, overall, schedule in (
        ("Tills", "2026-03", "Red", "Red"), ("Tills", "2026-01", "Green", "Green"), ("Tills", "2026-02", "Amber", "Green"),
        ("Stock", "2025-Q4", "Red", "Red"), ("Stock", "2026-01", "Amber", "Amber"), ("Stock", "2026-03", "Amber", "Green"),
        ("Loyalty", "2026-02", "Green", ""),
    ):
        add(store, SR, project=project, period=period, overall=overall, schedule=schedule or None, state="Final",
            commentary=f"{project} in {period}", asks=f"{project} asks" if project == "Tills" else "")
    return store


def by_project(store, day=APRIL):
    with store.session() as s:
        return {p.project: p for p in latest_status(s, ctx_on(store, day))}


def test_the_roll_up_is_each_projects_latest_period_and_its_trend(office):
    status = by_project(office)
    tills, stock, loyalty = status["Tills"], status["Stock"], status["Loyalty"]
    assert (tills.period, tills.overall, tills.trend) == ("2026-03", "Red", WORSE)
    assert tills.previous["period"] == "2026-02" and tills.trends["schedule"] == WORSE
    assert (stock.period, stock.overall, stock.trend) == ("2026-03", "Amber", SAME)
    assert stock.trends["schedule"] == BETTER  # Amber in January, Green in March
    assert (loyalty.period, loyalty.trend, loyalty.trends["schedule"]) == ("2026-02", NEW, NEW)
    summary = summarize(office, today=APRIL)["status"]
    assert summary["overall"] == {"Red": 1, "Amber": 1, "Green": 1, "Not reported": 0}
    assert [(p["project"], p["ratings"]["overall"], p["trend"]) for p in summary["projects"]] == [
        ("Tills", "Red", "Worse"), ("Stock", "Amber", "Same"), ("Loyalty", "Green", "New")]


def test_a_quarter_sorts_with_months_by_its_first_day():
    assert period_start("2025-Q4") == date(2025, 10, 1) < period_start("2026-01") == date(2026, 1, 1)
    assert period_start("2026-W01") == date(2025, 12, 29)  # ISO week 1 starts on the Monday before
    assert (period_start("2026-13"), period_start("2026-W54"), period_start("March")) == (None, None, None)
    assert [period_of(date(2026, 4, 15), c) for c in ("Weekly", "Monthly", "Quarterly")] == ["2026-W16", "2026-04", "2026-Q2"]


def test_new_report_is_a_draft_carried_forward_from_the_last(office):
    with office.session() as s:
        draft = draft_report(s, "Tills", ctx_on(office, APRIL))
    assert (draft.period, draft.carried_from, draft.existing_id) == ("2026-04", "2026-03", None)
    values = draft.values
    assert (values["state"], values["reported_on"], values["overall"], values["schedule"]) == ("Draft", APRIL, "Red", "Red")
    assert (values["commentary"], values["asks"]) == ("Tills in 2026-03", "Tills asks")
    rid = add(office, SR, **values)
    status = by_project(office)["Tills"]
    assert (status.period, status.latest["state"], status.trend) == ("2026-04", "Draft", SAME)
    with office.session() as s:  # asked again in the same period: the report it has, nothing new
        again = draft_report(s, "Tills", ctx_on(office, APRIL))
    assert (again.existing_id, again.values) == (rid, None)


def test_a_first_report_starts_blank_at_the_offices_cadence(office):
    with office.transaction() as s:
        REPORTING_CADENCE.write(s, ReportingCadence("Weekly"))
    add(office, REGISTERS["projects"], name="Training")
    with office.session() as s:
        draft = draft_report(s, "Training", ctx_on(office, APRIL))
    assert draft.period == "2026-W16" and draft.carried_from == ""
    assert {k: v for k, v in draft.values.items() if k in ("overall", "commentary")} == {}
    with pytest.raises(errors.ValidationError, match="Weekly, Monthly, Quarterly"):
        ReportingCadence("Fortnightly").validate()


@pytest.mark.parametrize("values, message", [
    ({"period": "2026-13"}, "is not a month"),
    ({"period": "2026-W60"}, "is not a month"),
    ({"project": None}, "about a project"),
    ({"overall": "Purple"}, "is not one of Green, Amber, Red"),
])
def test_bad_reports_are_refused_with_a_reason_and_nothing_is_written(office, values, message):
    with office.session() as s:
        before = len(records.fetch_rows(s, SR))
    with pytest.raises(errors.ValidationError, match=message):
        add(office, SR, **{"project": "Tills", "period": "2026-05", **values})
    with office.session() as s:
        assert len(records.fetch_rows(s, SR)) == before


def test_two_reports_for_one_project_and_period_are_refused(office):
    with pytest.raises(errors.ValidationError, match="conflicts with other records"):
        add(office, SR, project="Tills", period="2026-03")
    assert add(office, SR, project="Loyalty", period="2026-03")  # another project may report that period
    rid = add(office, SR, project="Tills", period="2026-05", overall="g")  # "G" is Green
    with office.session() as s:
        assert records.record_values(s, SR, rid)["overall"] == "Green"


def test_milestone_slip_and_lateness():
    ctx = Context(today=date(2026, 4, 15))

    def state(**dates):
        return milestone_state(dates, ctx), milestone_slip(dates)

    assert state(baseline=date(2026, 5, 1)) == ("On track", None)
    assert state(baseline=date(2026, 5, 1), forecast=date(2026, 5, 1)) == ("On track", 0)
    assert state(baseline=date(2026, 5, 1), forecast=date(2026, 5, 11)) == ("Slipped", 10)
    assert state(baseline=date(2026, 5, 1), forecast=date(2026, 4, 20)) == ("On track", -11)  # brought forward
    assert state(baseline=date(2026, 4, 1)) == ("Late", None)  # its date passed, no actual
    assert state(baseline=date(2026, 3, 1), forecast=date(2026, 4, 10)) == ("Late", 40)  # even its forecast passed
    assert state(baseline=date(2026, 3, 1), forecast=date(2026, 5, 10)) == ("Slipped", 70)
    assert state(baseline=date(2026, 3, 1), actual=date(2026, 3, 4)) == ("Done", 3)
    assert state(baseline=date(2026, 4, 15)) == ("On track", None)  # due today is not late yet
    assert state() == ("On track", None)


def test_milestones_due_and_slipped_lists(office):
    today = APRIL
    for title, baseline, forecast, actual in (
        ("Due soon", date(2026, 5, 1), None, None), ("Due in 30 days", date(2026, 5, 15), None, None),
        ("Due later", date(2026, 5, 16), None, None), ("Met", date(2026, 4, 20), None, date(2026, 4, 1)),
        ("Slipped a little", date(2026, 4, 20), date(2026, 4, 25), None),
        ("Slipped a lot", date(2026, 4, 20), date(2026, 6, 30), None), ("Late", date(2026, 4, 1), None, None),
    ):
        add(office, MS, title=title, project="Tills", baseline=baseline, forecast=forecast, actual=actual)
    with office.session() as s:
        ms = milestones(s, ctx_on(office, today))
    assert [m["title"] for m in milestones_due(ms, today)] == ["Slipped a little", "Due soon", "Due in 30 days"]
    assert [m["title"] for m in milestones_slipped(ms)] == ["Late", "Slipped a lot", "Slipped a little"]
    summary = summarize(office, today=today)["status"]
    assert [m["id"] for m in summary["milestones_slipped"]] == [m["code"] for m in milestones_slipped(ms)]


def _as_version_3(path):
    """A file from before the reporting cycle (version 3: it has the history, not the two registers)."""
    con = sqlite3.connect(path)
    for table in TABLES:
        con.execute(f"DROP TABLE {table}")
    con.execute("update pmo_meta set value='3' where key='schema_version'")
    con.commit()
    con.close()


def test_a_version_3_file_gains_the_reporting_registers_on_open(tmp_path):
    path = tmp_path / "old.pmo"
    s = Store.create(path)
    with s.transaction() as t:
        records.create_record(t, REGISTERS["projects"], {"name": "Tills"})
    s.close()
    _as_version_3(path)
    store = Store.open(path)
    try:
        assert (tmp_path / "old.pmo.v3.bak").exists()
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(schema.SCHEMA_VERSION)
        add(store, SR, project="Tills", period="2026-04", overall="Amber")
        add(store, MS, title="Go-live", project="Tills", baseline=date(2026, 6, 1))
        assert by_project(store)["Tills"].overall == "Amber"
    finally:
        store.close()


def test_the_registers_round_trip_through_a_workbook(office, tmp_path):
    add(office, MS, title="Go-live", project="Tills", owner="Ann", baseline=date(2026, 6, 1),
        forecast=date(2026, 6, 20), notes="Waiting for tills")
    add(office, MS, title="Program review", baseline=date(2026, 7, 1))  # the program's own milestone
    path = export_workbook(office, tmp_path / "office.xlsx")
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        plan = plan_workbook_import(fresh, path)
        assert plan.ok, plan.summary()
        apply_import(fresh, plan)
        for reg in (SR, MS):
            with office.session() as a, fresh.session() as b:
                assert [r[2:] for r in records.fetch_rows(a, reg)] == [r[2:] for r in records.fetch_rows(b, reg)]
        assert summarize(fresh, today=APRIL)["status"] == summarize(office, today=APRIL)["status"]
    finally:
        fresh.close()


def test_cli_exports_and_imports_each_register_by_its_name(tmp_path):
    office, fresh = tmp_path / "demo.pmo", tmp_path / "fresh.pmo"
    create_demo(office).close()
    run("new", fresh, cwd=tmp_path, ok=True)
    for name in ("projects", "status_reports", "milestones"):  # the projects first: the others name them
        out = tmp_path / f"{name}.xlsx"
        run("export", office, out, "--register", name, cwd=tmp_path, ok=True)
        result = run("import", fresh, out, cwd=tmp_path, ok=True)  # its sheet says which register it is
        assert "inserted" in result.stdout
    ours = json.loads(run("summary", office, "--json", cwd=tmp_path, ok=True).stdout)["status"]
    theirs = json.loads(run("summary", fresh, "--json", cwd=tmp_path, ok=True).stdout)["status"]
    assert theirs == ours and len(ours["milestones_slipped"]) == 3
    summary = run("summary", office, cwd=tmp_path, ok=True)
    assert "Project status (monthly reports" in summary.stdout and "3 slipped or late" in summary.stdout


def test_board_pack_prints_the_project_status(tmp_path):
    today = date(2026, 3, 18)
    store = create_demo(tmp_path / "demo.pmo", today=today)
    try:
        reader = PdfReader(write_board_pack_pdf(store, tmp_path / "pack.pdf", today=today))
    finally:
        store.close()
    assert len(reader.pages) <= 12
    page = next(p.extract_text() for p in reader.pages if "Project status" in p.extract_text())
    assert "Milestones slipped or late (3)" in page
    lines = page.splitlines()
    pos = lines.index("Point of sale replacement")
    assert lines[pos + 1:pos + 4] == ["Feb 2026", "Red ▼", "Red ▼"]  # worse than the month before; the period as read
    assert "Green ▲" in lines[lines.index("Customer loyalty") + 2]
    assert "Pilot store live on new tills" in page and "Late" in page


def test_a_colleagues_milestone_tracker_imports(office, tmp_path):
    """Not our export: a sheet named as people name it, headers in their words, dates as they type them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Milestone tracker"
    ws.append(["Key milestones — Q2 review"])
    ws.append([])
    ws.append(["Milestone", "Project", "Planned date", "Revised date", "Achieved", "Comments"])
    ws.append(["Pilot go-live", "Tills", date(2026, 5, 1), date(2026, 5, 20), None, "Vendor late"])
    ws.append(["Data migrated", "Stock", date(2026, 3, 1), None, date(2026, 3, 3), ""])
    wb.save(tmp_path / "tracker.xlsx")
    plan = plan_workbook_import(office, tmp_path / "tracker.xlsx")
    assert plan.ok, plan.summary()
    apply_import(office, plan)
    with office.session() as s:
        ms = {m["title"]: m for m in milestones(s, ctx_on(office, APRIL))}
    assert (ms["Pilot go-live"]["state"], ms["Pilot go-live"]["slip_days"]) == ("Slipped", 19)
    assert (ms["Data migrated"]["state"], ms["Data migrated"]["project"]) == ("Done", "Stock")
