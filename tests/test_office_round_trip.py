"""The whole office in one workbook: export → import into a new office rebuilds it record for record, and
re-importing an edited export merges three ways, never reverting the office's own edits."""

import openpyxl
from test_cli import run  # the CLI: exit code, output, no traceback

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.settings import SETTINGS
from pmo_desktop.models.store import Store
from pmo_desktop.models.summary import summarize

RISKS = REGISTERS["risks"]


def everything(store) -> dict:
    """Every record of every register as the user sees it (no ids or versions), and every setting."""
    out: dict = {}
    with store.session() as s:
        for name, reg in REGISTERS.items():
            out[name] = sorted((tuple(map(repr, r[2:])) for r in records.fetch_rows(s, reg)), key=str)
        for key in SETTINGS:
            out[key.key] = key.read(s)
    return out


def edit_cell(path, sheet, code, label, value):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(label) + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)
    ws.cell(row, col).value = value
    wb.save(path)


def risk(store, code) -> dict:
    with store.session() as s:
        return records.record_values(s, RISKS, records.find_id_by_code(s, RISKS, code))


def test_export_then_import_into_a_new_office_rebuilds_it(demo_store, tmp_path):
    """The office's own export could not rebuild it ("there is no project called 'Point of sale …'"): the
    workbook had no projects, people, program, objectives, outcomes, outputs, issue log or settings."""
    from pmo_desktop.models.risk_rules import RiskScale
    from pmo_desktop.models.settings import RISK_SCALE

    with demo_store.transaction() as s:  # a setting of this office's own, to travel with it
        RISK_SCALE.write(s, RiskScale(5, ("Rare", "Unlikely", "Possible", "Likely", "Almost certain")))
    path = export_workbook(demo_store, tmp_path / "office.xlsx")
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        plan = plan_workbook_import(fresh, path)
        assert plan.ok, plan.summary()
        apply_import(fresh, plan)
        assert everything(fresh) == everything(demo_store)
        ours, theirs = summarize(demo_store), summarize(fresh)
        assert ours == theirs
    finally:
        fresh.close()


def test_reimport_keeps_office_edits_takes_workbook_edits_and_lists_conflicts(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    with demo_store.transaction() as s:  # edited in the office after the export
        records.update_record(s, RISKS, records.find_id_by_code(s, RISKS, "R-001"), {"title": "Office title"})
        records.update_record(s, RISKS, records.find_id_by_code(s, RISKS, "R-003"), {"notes": "Office note"})
    edit_cell(path, "Risk register", "R-002", "Notes", "Colleague note")      # only in the workbook
    edit_cell(path, "Risk register", "R-003", "Notes", "Colleague's other note")  # in both, differently
    plan = plan_workbook_import(demo_store, path)
    assert plan.own_export and plan.ok, plan.summary()
    assert [(c.code, c.field) for c in plan.conflicts] == [("R-003", "notes")]
    apply_import(demo_store, plan)
    assert risk(demo_store, "R-001")["title"] == "Office title"  # yesterday's title is not back
    assert risk(demo_store, "R-002")["notes"] == "Colleague note"
    assert risk(demo_store, "R-003")["notes"] == "Office note"  # a conflict keeps the office's unless told

    plan = plan_workbook_import(demo_store, path, take_theirs=True)
    apply_import(demo_store, plan)
    assert risk(demo_store, "R-003")["notes"] == "Colleague's other note"
    assert risk(demo_store, "R-001")["title"] == "Office title"


def test_deleted_records_are_neither_recreated_nor_deleted(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    with demo_store.transaction() as s:
        records.delete_records(s, RISKS, [records.find_id_by_code(s, RISKS, "R-004")])
    wb = openpyxl.load_workbook(path)
    ws = wb["Risk register"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "R-005")
    ws.delete_rows(row)
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    reasons = {r.code: r.reason for r in plan.reports
               if r.sheet == "Risk register" and r.action == Action.SKIP and r.code in ("R-004", "R-005")}
    assert "deleted in the office since the export" in reasons["R-004"]
    assert "deleted from the workbook; kept in the office" in reasons["R-005"]
    apply_import(demo_store, plan)
    with demo_store.session() as s:
        assert records.find_id_by_code(s, RISKS, "R-004") is None
        assert records.find_id_by_code(s, RISKS, "R-005") is not None


def test_a_changed_family_of_actions_is_taken_an_unchanged_one_left(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    edit_cell(path, "Risk actions", "R-001", "Status", "Done")
    plan = plan_workbook_import(demo_store, path)
    actions = next(s for s in plan.sheets if s.register == "risk_actions")
    assert set(actions.replace_parents) == {"r-001"}
    apply_import(demo_store, plan)
    with demo_store.session() as s:
        rid = records.find_id_by_code(s, RISKS, "R-001")
        rows = records.fetch_rows(s, REGISTERS["risk_actions"], parent_id=rid)
    assert [r[-1] for r in rows] == ["Done"]


def test_cli_export_import_summary_round_trip(tmp_path):
    import json

    run("new", "demo.pmo", "--demo", cwd=tmp_path, ok=True)
    run("export", "demo.pmo", "all.xlsx", cwd=tmp_path, ok=True)
    run("new", "copy.pmo", cwd=tmp_path, ok=True)
    run("import", "copy.pmo", "all.xlsx", cwd=tmp_path, ok=True)
    a = json.loads(run("summary", "demo.pmo", "--json", cwd=tmp_path, ok=True).stdout)
    b = json.loads(run("summary", "copy.pmo", "--json", cwd=tmp_path, ok=True).stdout)
    a.pop("file"), b.pop("file")
    assert a == b


def test_cli_lists_conflicts_and_takes_theirs_on_request(tmp_path):
    from pmo_desktop.models.demo import create_demo

    create_demo(tmp_path / "demo.pmo").close()

    run("export", "demo.pmo", "out.xlsx", cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "demo.pmo")
    with store.transaction() as s:
        records.update_record(s, RISKS, records.find_id_by_code(s, RISKS, "R-002"), {"title": "Office title"})
    store.close()
    edit_cell(tmp_path / "out.xlsx", "Risk register", "R-002", "Title", "Colleague title")
    out = run("import", "demo.pmo", "out.xlsx", cwd=tmp_path, ok=True).stdout
    assert "Conflict, the office's value kept" in out and "R-002" in out
    assert "Office title" in out and "Colleague title" in out
    run("import", "demo.pmo", "out.xlsx", "--take-theirs", cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "demo.pmo")
    try:
        assert risk(store, "R-002")["title"] == "Colleague title"
    finally:
        store.close()


def test_import_dialog_shows_conflicts_and_undoes_exactly(qtbot, tmp_path):
    """Undo of a whole-office import after another window saved meanwhile, end to end in the GUI."""
    from pmo_desktop.models.demo import create_demo
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    create_demo(tmp_path / "demo.pmo").close()
    document = Document(Store.open(tmp_path / "demo.pmo"))
    other = Store.open(tmp_path / "demo.pmo")  # a second window on the same file
    try:
        path = export_workbook(document.store, tmp_path / "out.xlsx")
        with document.store.transaction() as s:
            records.update_record(s, RISKS, records.find_id_by_code(s, RISKS, "R-002"), {"title": "Office title"})
        edit_cell(path, "Risk register", "R-002", "Title", "Colleague title")
        edit_cell(path, "Risk register", "R-003", "Notes", "Colleague note")
        dialog = ImportDialog(document, path)
        qtbot.addWidget(dialog)
        assert "changed in both the office and the workbook" in dialog.summary.text()
        assert "Colleague title" in dialog.summary.text() and dialog.take_theirs_box.isVisibleTo(dialog)
        dialog.take_theirs_box.setChecked(True)
        dialog.do_import()
        assert risk(document.store, "R-002")["title"] == "Colleague title"
        assert risk(document.store, "R-003")["notes"] == "Colleague note"
        with other.transaction() as s:
            records.create_record(s, RISKS, {"title": "Saved by the other window"})
        document.undo_stack.undo()
        assert risk(document.store, "R-002")["title"] == "Office title"
        assert risk(document.store, "R-003")["notes"] != "Colleague note"
        with document.store.session() as s:
            titles = [r[3] for r in records.fetch_rows(s, RISKS)]
        assert "Saved by the other window" in titles
    finally:
        other.close()
        document.close()
