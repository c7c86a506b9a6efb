"""RAID workbooks people keep: one sheet per log, or one sheet with a Type column, import into the right
registers; the office's own export of the logs imports back unchanged."""

from datetime import date

from real_world_factory import write_xlsx

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

LOGS = ("assumptions", "dependencies", "decisions")


def rows_of(store, register):
    reg = REGISTERS[register]
    with store.session() as s:
        return [dict(zip(["id", "version", *reg.field_names], r)) for r in records.fetch_rows(s, reg)]


def office(tmp_path, name="office.pmo"):
    store = Store.create(tmp_path / name)
    with store.transaction() as s:
        for project in ("Tills", "Stores"):
            records.create_record(s, REGISTERS["projects"], {"name": project})
    return store


def test_one_sheet_per_log(tmp_path):
    path = write_xlsx(tmp_path / "raid.xlsx", {
        "Risks": [["Risk ID", "Risk", "Owner", "Likelihood", "Impact"], ["R-001", "Vendor fails", "Ann", 3, 4]],
        "Assumptions": [["Project RAID log - assumptions"], [],
                        ["Ref", "Assumption", "Owner", "Validation date", "Status", "Impact if wrong", "Related risks"],
                        ["A1", "Stores open Sundays", "Ann", "2027-03-01", "Confirmed", "Longer roll-out", "R-001"],
                        ["A2", "Budget holds", "Bo", "15/04/2027", "Open", "", ""]],
        "Dependencies": [["ID", "Dependency", "From", "To", "Needed by", "Owner", "RAG", "Priority"],
                         ["D1", "Store network", "Stores", "Tills", "2027-04-01", "Cy", "Amber", "High"],
                         ["D2", "Card approval", "", "Tills", "2027-05-01", "Cy", "Green", "Critical"]],
        "Decision log": [["Decision ID", "Decision", "Options", "Level", "Project", "Approved by", "Status", "Date decided"],
                         ["DEC1", "One till vendor", "A; B", "Programme", "", "Helen", "Approved", "2027-01-10"],
                         ["DEC2", "Loyalty app build or buy", "Build; Buy", "Project", "Tills", "", "Open", ""]],
    })
    store = office(tmp_path)
    try:
        plan = plan_workbook_import(store, path)
        assert sorted(s.register for s in plan.sheets) == ["assumptions", "decisions", "dependencies", "risks"]
        apply_import(store, plan)
        a = rows_of(store, "assumptions")
        assert [(r["title"], r["status"], r["validate_by"], r["risks"]) for r in a] == [
            ("Stores open Sundays", "Validated", date(2027, 3, 1), "R-001"), ("Budget holds", "Open", date(2027, 4, 15), "")]
        d = rows_of(store, "dependencies")
        assert [(r["title"], r["from_project"], r["to_project"], r["status"], r["criticality"]) for r in d] == [
            ("Store network", "Stores", "Tills", "At risk", "High"), ("Card approval", None, "Tills", "On track", "Critical")]
        dec = rows_of(store, "decisions")
        assert [(r["title"], r["level"], r["status"], r["decided_by"], r["decided_on"]) for r in dec] == [
            ("One till vendor", "Program", "Decided", "Helen", date(2027, 1, 10)),
            ("Loyalty app build or buy", "Project", "Pending", None, None)]
    finally:
        store.close()


def test_one_sheet_with_a_type_column(tmp_path):
    path = write_xlsx(tmp_path / "raid.xlsx", {"RAID log": [
        ["RAID log — Retail programme"],
        ["ID", "Type", "Description", "Owner", "Status", "Project", "Due date"],
        ["1", "Risk", "Vendor fails", "Ann", "Open", "Tills", None],
        ["2", "Issue", "Server room flooded", "Bo", "Open", "Stores", None],
        ["3", "Assumption", "Stores open Sundays", "Ann", "Open", "Stores", "2027-03-01"],
        ["4", "Dependency", "Store network", "Cy", "Amber", "Tills", "2027-04-01"],
        ["5", "Decision", "Pick one till vendor", "Helen", "Pending", None, "2027-02-01"],
    ]})
    store = office(tmp_path)
    try:
        apply_import(store, plan_workbook_import(store, path))
        assert [r["title"] for r in rows_of(store, "risks")] == ["Vendor fails"]
        assert [r["title"] for r in rows_of(store, "issues")] == ["Server room flooded"]
        assert [(r["title"], r["validate_by"]) for r in rows_of(store, "assumptions")] == [
            ("Stores open Sundays", date(2027, 3, 1))]
        assert [(r["title"], r["to_project"], r["status"], r["needed_by"]) for r in rows_of(store, "dependencies")] == [
            ("Store network", "Tills", "At risk", date(2027, 4, 1))]
        assert [(r["title"], r["status"], r["due"]) for r in rows_of(store, "decisions")] == [
            ("Pick one till vendor", "Pending", date(2027, 2, 1))]
    finally:
        store.close()


def test_export_of_the_logs_imports_back_the_same(tmp_path):
    from pmo_desktop.models.demo import create_demo

    demo = create_demo(tmp_path / "demo.pmo", today=date(2026, 3, 18))
    try:
        out = export_workbook(demo, tmp_path / "logs.xlsx", registers=["risks", "issues", *LOGS])
        before = {name: rows_of(demo, name) for name in LOGS}
    finally:
        demo.close()
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        with fresh.transaction() as s:
            for name in ("Point of sale replacement", "Inventory management", "Customer loyalty",
                         "E-commerce platform", "Store operations training"):
                records.create_record(s, REGISTERS["projects"], {"name": name})
        apply_import(fresh, plan_workbook_import(fresh, out))
        for name in LOGS:
            keep = [f for f in REGISTERS[name].field_names]
            assert [{k: r[k] for k in keep} for r in rows_of(fresh, name)] == [{k: r[k] for k in keep} for r in before[name]]
    finally:
        fresh.close()


def test_columns_with_no_field_are_kept_in_the_notes_and_ctrl_k_finds_the_logs(tmp_path):
    from pmo_desktop.models.quick_search import quick_search

    path = write_xlsx(tmp_path / "deps.xlsx", {"Dependencies": [
        ["ID", "Dependency", "From", "To", "Workstream lead"], ["D1", "Store network", "Stores", "Tills", "Raj"]]})
    store = office(tmp_path)
    try:
        apply_import(store, plan_workbook_import(store, path))
        [dep] = rows_of(store, "dependencies")
        assert "Workstream lead: Raj" in dep["notes"]
        with store.session() as s:
            hits = quick_search(s, "store network")
        assert [(h.register, h.code) for h in hits] == [("dependencies", "D1")]
    finally:
        store.close()
