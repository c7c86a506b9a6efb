"""One rule, one write path: a cell edit, a paste, an import and the CLI give the same answer to the same
value, and an operation knows exactly what it changed (issue "One rule, one write path")."""

import openpyxl
import pytest
from xlsx_factory import rewrite_part

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import errors, operations, records
from pmo_desktop.models.fields import CELL_TEXT_LIMIT
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
PROJECTS = REGISTERS["projects"]


def risk_sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Risk ID", "Title", "Likelihood", "Impact", "Notes"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def edit_error(store, reg, values) -> str:
    with store.transaction() as s:
        rid = records.create_record(s, reg, {reg.fields[1].name: "Start"} if reg is RISKS else {"name": "Start"}).id
    with pytest.raises(errors.ValidationError) as refused, store.transaction() as s:
        records.update_record(s, reg, rid, values)
    return str(refused.value)


def test_import_never_stores_a_title_the_cell_editor_refuses(store, tmp_path):
    """An import stored a 400-character title that the cell editor refuses ("at most 300"). Both now
    hold to the one limit of the field: the editor refuses, the import cuts the title at a word and
    keeps the whole text in the notes (a colleague's register is taken, nothing of it lost)."""
    long_title = ("Supplier insolvency " * 20).strip()  # 399 characters
    cell_message = edit_error(store, RISKS, {"title": long_title})
    assert "at most 300" in cell_message and RISKS.field("title").max_length == 300
    apply_import(store, plan_import(store, risk_sheet(tmp_path / "long.xlsx", [["R-900", long_title, 2, 2, None]])))
    with store.session() as s:
        stored = records.record_values(s, RISKS, records.find_id_by_code(s, RISKS, "R-900"))
    assert len(stored["title"]) <= 300 and stored["title"].endswith("…")
    assert long_title in stored["notes"]


def test_text_longer_than_an_excel_cell_is_refused_everywhere(store, tmp_path):
    huge = "n" * (CELL_TEXT_LIMIT + 1)
    message = edit_error(store, RISKS, {"notes": huge})
    assert f"at most {CELL_TEXT_LIMIT:,}" in message
    # openpyxl cuts text at the cell limit when it writes, so put the long text in the file by hand,
    # as another program could
    path = risk_sheet(tmp_path / "huge.xlsx", [["R-901", "Fine", 2, 2, "PLACEHOLDER"]])
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("PLACEHOLDER", huge))
    [row] = plan_import(store, path).sheets[0].rows
    assert row.report.action == Action.ERROR and f"at most {CELL_TEXT_LIMIT:,}" in row.report.reason


@pytest.mark.parametrize("value", ["inf", "1e309", "Infinity", "-inf", "nan", float("inf")])
def test_non_finite_numbers_are_refused_not_stored(store, value):
    message = edit_error(store, PROJECTS, {"budget": value})
    assert "finite" in message


def test_an_operation_reports_exactly_what_it_inserted(store, tmp_path):
    path = risk_sheet(tmp_path / "two.xlsx", [[None, "Supplier late", 3, 3, None], [None, "Staff leave", 2, 4, None]])
    with operations.tracking() as changes:
        apply_import(store, plan_import(store, path))
    with store.session() as s:
        codes = {r[2] for r in records.fetch_rows(s, RISKS)}
    assert codes == {"R-001", "R-002"}
    from pmo_desktop.models.risks import Risk

    assert len(changes.inserted_ids()[Risk]) == 2


def test_undo_of_an_import_keeps_what_another_window_saved_meanwhile(qtbot, tmp_path):
    """Undo removed a risk that a second window saved just after the import: the inserted ids were
    guessed from the highest id before and after, read in separate sessions."""
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_command import ImportCommand

    path = tmp_path / "office.pmo"
    document = Document(Store.create(path))
    other = Store.open(path)  # the second window on the same file
    try:
        plan = plan_import(document.store, risk_sheet(tmp_path / "in.xlsx", [[None, "Imported risk", 3, 3, None]]))

        def runner(fn):
            result = fn(progress=None, cancelled=None)
            with other.transaction() as s:  # saved by the other window right after the import
                records.create_record(s, RISKS, {"title": "Saved by the other window"})
            return result

        document.undo_stack.push(ImportCommand(document, plan, runner))
        document.undo_stack.undo()
        with document.store.session() as s:
            titles = [r[3] for r in records.fetch_rows(s, RISKS)]
        assert titles == ["Saved by the other window"]
        document.undo_stack.redo()
        with document.store.session() as s:
            titles = sorted(r[3] for r in records.fetch_rows(s, RISKS))
        assert titles == ["Imported risk", "Saved by the other window"]
    finally:
        other.close()
        document.close()


def test_undo_of_an_import_that_updates_puts_back_exactly_what_it_changed(qtbot, tmp_path):
    """A re-import whose rows each change other columns is written in bulk (one statement per batch, the
    unchanged columns rewritten with their own values): undo gives back every record as it was, version,
    history and all, and redo the imported state."""
    from sqlalchemy import select

    from pmo_desktop.models.risks import RiskHistory
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_command import ImportCommand

    path = tmp_path / "office.pmo"
    document = Document(Store.create(path))
    try:
        with document.store.transaction() as s:
            records.create_records(s, RISKS, [{"title": f"Risk {i}", "probability": 2, "impact": 2, "notes": "n"}
                                              for i in range(1, 5)])

        def state():
            with document.store.session() as s:
                rows = records.fetch_rows(s, RISKS)
                history = s.execute(select(RiskHistory.risk_id, RiskHistory.probability, RiskHistory.impact,
                                           RiskHistory.note).order_by(RiskHistory.id)).all()
            return rows, history

        before = state()
        plan = plan_import(document.store, risk_sheet(tmp_path / "edited.xlsx", [
            ["R-001", "Risk 1", 5, 2, "n"],            # likelihood only
            ["R-002", "Risk 2 renamed", 2, 2, "n"],    # title only
            ["R-003", "Risk 3", 2, 4, "changed"],      # impact and notes
            ["R-004", "Risk 4", 2, 2, "n"],            # nothing
        ]))
        assert [r.report.action for r in plan.sheets[0].rows] == [Action.UPDATE] * 4
        assert [bool(r.values) for r in plan.sheets[0].rows] == [True, True, True, False]
        document.undo_stack.push(ImportCommand(document, plan))
        after = state()
        changed = {r[2]: r for r in after[0]}
        assert changed["R-001"][RISKS.field_names.index("probability") + 2] == 5
        assert changed["R-002"][3] == "Risk 2 renamed" and changed["R-004"] == before[0][3]
        assert [r[1] for r in after[0]] == [2, 2, 2, 1]  # versions: the untouched record keeps its own
        assert len(after[1]) == len(before[1]) + 2  # scores of moved; a title is no history
        document.undo_stack.undo()
        assert state() == before
        document.undo_stack.redo()
        assert state()[0] == after[0]
    finally:
        document.close()


def test_computed_columns_and_the_board_pack_agree_on_today(tmp_path):
    """Computed columns called date.today() themselves, so the board pack recomputed planned-today,
    next-due and overdue on its own; now both take the day from one clock."""
    from datetime import date

    from pmo_desktop.excel.boardpack_data import read_board_pack
    from pmo_desktop.models import clock
    from pmo_desktop.models.demo import create_demo

    day = date(2026, 3, 18)
    store = create_demo(tmp_path / "demo.pmo", today=day)
    try:
        pack = read_board_pack(store, day)
        with clock.frozen(day), store.session() as s:
            comms = {r[2]: r for r in records.fetch_rows(s, REGISTERS["communications"])}
            benefits = {r[2]: r for r in records.fetch_rows(s, REGISTERS["benefits"])}
        names = ["id", "version", *REGISTERS["communications"].field_names]
        for c in pack.comms_due:
            assert dict(zip(names, comms[c["code"]])) == c
        planned = REGISTERS["benefits"].field_names.index("planned_now") + 2
        assert [b["planned_now"] for b in pack.benefits] == [benefits[b["code"]][planned] for b in pack.benefits]
        later = read_board_pack(store, date(2027, 3, 18))
        assert [b["planned_now"] for b in later.benefits] != [b["planned_now"] for b in pack.benefits]
    finally:
        store.close()
