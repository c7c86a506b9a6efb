"""Register export: every sheet, header, type, dropdown and colour rule, read back with openpyxl."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.export_errors import ExportError
from pmo_desktop.excel.lists_sheet import LISTS_TITLE
from pmo_desktop.excel.stamp import STAMP_SHEET
from pmo_desktop.models import records
from pmo_desktop.models.fields import Kind
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import Risk

SHEETS = {
    "risks": ["Risk register", "Risk actions"],
    "stakeholders": ["Stakeholder map", "Communication plan"],
    "benefits": ["Benefits plan", "Benefit plan", "Benefit measurements"],
}


def validated_columns(ws) -> dict[str, object]:
    """Column letter → its data validation (each of ours covers one column from row 2)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            assert rng.min_row == 2 and rng.min_col == rng.max_col
            out[get_column_letter(rng.min_col)] = dv
    return out


def column_width(ws, j: int) -> int:
    """Column j's width in characters as Excel shows it. The file holds it plus the cell padding (N.71 at
    Calibri 11), once for a run of neighbouring columns of one width."""
    found = [d.width for d in ws.column_dimensions.values() if d.min is not None and d.min <= j <= d.max]
    assert len(found) == 1, (j, found)
    return int(found[0])


def cf_columns(ws) -> set[str]:
    return {get_column_letter(r.min_col) for cf in ws.conditional_formatting for r in cf.sqref.ranges}


def as_cell(value):
    """What a stored value becomes in the workbook, as openpyxl reads it back."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


@pytest.mark.parametrize("register", ["risks", "stakeholders", "benefits"])
def test_each_register_exports_with_headers_types_dropdowns_and_lists(demo_store, tmp_path, register):
    out = export_workbook(demo_store, tmp_path / f"{register}.xlsx", registers=[register])
    wb = load_workbook(out)
    assert wb.sheetnames == [*SHEETS[register], LISTS_TITLE, STAMP_SHEET]
    assert wb[LISTS_TITLE].sheet_state == "hidden"
    reg = REGISTERS[register]
    ws = wb[reg.title]
    fields = [f for f in reg.fields if f.exported]
    assert [c.value for c in ws[1]] == [f.label for f in fields]
    assert ws.freeze_panes == "C2"
    table = ws.tables[list(ws.tables)[0]]
    assert table.ref.startswith("A1:") and table.autoFilter.ref == table.ref  # filter buttons on every column
    with demo_store.session() as s:
        rows = records.fetch_rows(s, reg)
    assert ws.max_row == len(rows) + 1
    validations = validated_columns(ws)
    for j, f in enumerate(fields, start=1):
        letter = get_column_letter(j)
        header = ws.cell(1, j)
        assert column_width(ws, j) == max(f.width, 6) + 2
        if f.kind == Kind.COMPUTED:
            assert header.fill.fgColor.rgb.endswith("BFBFBF") and header.comment is not None
        else:
            assert header.fill.fgColor.rgb.endswith("1F3864")
        if f.kind in (Kind.ENUM, Kind.SCALE, Kind.BOOL):
            dv = validations[letter]
            assert dv.type == "list" and dv.formula1 in wb.defined_names
            # The named range on the hidden sheet holds exactly the allowed values.
            dest = list(wb.defined_names[dv.formula1].destinations)[0]
            listed = [c.value for (c,) in wb[dest[0]][dest[1].replace("$", "")]]
            if f.kind == Kind.ENUM:
                assert listed == list(f.choices)
            elif f.kind == Kind.SCALE:
                assert listed == [1, 2, 3, 4, 5]
            else:
                assert listed == ["Yes", "No"]
        if f.kind == Kind.LONGTEXT:
            assert all(ws.cell(i, j).alignment.wrap_text for i in range(2, ws.max_row + 1) if ws.cell(i, j).value)
    # Every value is in the sheet with its real type: dates are dates, scores numbers.
    for i, row in enumerate(rows, start=2):
        values = dict(zip(reg.field_names, row[2:]))
        assert [ws.cell(i, j).value for j in range(1, len(fields) + 1)] == [as_cell(values[f.name]) for f in fields]
        for j, f in enumerate(fields, start=1):
            if f.kind == Kind.DATE and values[f.name]:
                assert ws.cell(i, j).is_date and ws.cell(i, j).number_format == "d mmm yyyy"


def test_ratings_and_statuses_are_coloured(demo_store, tmp_path):
    wb = load_workbook(export_workbook(demo_store, tmp_path / "all.xlsx"))
    risks = wb["Risk register"]
    header = [c.value for c in risks[1]]
    coloured = cf_columns(risks)
    for label in ("Inherent rating", "Residual rating", "Inherent score", "Residual score"):
        assert get_column_letter(header.index(label) + 1) in coloured
    rules = [r for cf in risks.conditional_formatting for r in cf.rules]
    assert {'"Critical"', '"High"', '"Medium"', '"Low"'} <= {r.formula[0] for r in rules if r.operator == "equal"}
    critical = next(r for r in rules if r.formula == ['"Critical"'])
    assert critical.dxf.fill.fgColor.rgb.endswith("B71C1C")
    benefits = wb["Benefits plan"]
    status_col = get_column_letter([c.value for c in benefits[1]].index("Status") + 1)
    assert cf_columns(benefits) == {status_col}


def test_child_sheets_hold_every_action_plan_point_and_measurement(demo_store, tmp_path):
    wb = load_workbook(export_workbook(demo_store, tmp_path / "all.xlsx"))
    actions = list(wb["Risk actions"].iter_rows(values_only=True))
    assert actions[0] == ("Risk ID", "Action", "Actionee", "Due", "Status")
    assert len(actions) - 1 == 10 and actions[1][0] == "R-001"
    plan = list(wb["Benefit plan"].iter_rows(values_only=True))
    assert plan[0] == ("Benefit ID", "Date", "Planned value") and len(plan) - 1 == 19
    codes = [r[0] for r in plan[1:]]
    assert codes == sorted(codes)  # grouped by benefit
    measurements = list(wb["Benefit measurements"].iter_rows(values_only=True))
    assert measurements[0] == ("Benefit ID", "Date", "Actual value", "Source", "Note") and len(measurements) - 1 == 9
    comms = list(wb["Communication plan"].iter_rows(values_only=True))
    assert comms[0][:2] == ("ID", "What") and len(comms) - 1 == 6


def test_empty_office_exports_valid_workbook(store, tmp_path):
    wb = load_workbook(export_workbook(store, tmp_path / "empty.xlsx"))
    # the whole office, in the declared order: what others refer to first, each sub-table after its parent
    assert wb.sheetnames[:4] == ["Program", "People", "Projects", "Strategic objectives"]
    assert wb.sheetnames.index("Risk actions") == wb.sheetnames.index("Risk register") + 1
    assert wb["Risk register"].max_row == 1


def test_progress_reaches_total_and_can_cancel_leaving_old_file(demo_store, tmp_path):
    out = tmp_path / "out.xlsx"
    seen = []
    export_workbook(demo_store, out, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    before = out.read_bytes()

    def cancel(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_workbook(demo_store, out, progress=cancel)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == ["out.xlsx"]  # no temporary file left


@pytest.mark.parametrize("name,message", [
    ("missing/out.xlsx", "does not exist"),
    ("out.csv", "must end in .xlsx"),
    ("demo.pmo", "must end in .xlsx"),
])
def test_bad_destinations_are_refused(demo_store, tmp_path, name, message):
    with pytest.raises(ExportError, match=message):
        export_workbook(demo_store, tmp_path / name)


def test_unknown_register_is_refused(demo_store, tmp_path):
    with pytest.raises(ExportError, match="Unknown register “dragons”"):
        export_workbook(demo_store, tmp_path / "x.xlsx", registers=["dragons"])
    assert not (tmp_path / "x.xlsx").exists()


def test_text_longer_than_a_cell_is_refused_not_truncated(demo_store, tmp_path):
    with demo_store.transaction() as s:
        s.query(Risk).filter_by(code="R-002").one().notes = "x" * 40000
    out = tmp_path / "out.xlsx"
    with pytest.raises(ExportError, match=r"“Notes” of R-002 .* 40,000 characters"):
        export_workbook(demo_store, out)
    assert list(tmp_path.glob("*.xlsx")) == []


def test_line_breaks_and_control_characters(demo_store, tmp_path):
    with demo_store.transaction() as s:
        s.query(Risk).filter_by(code="R-001").one().notes = "one\r\ntwo\rthree\x01\x1f"
    wb = load_workbook(export_workbook(demo_store, tmp_path / "out.xlsx", registers="risks"))
    ws = wb["Risk register"]
    col = [c.value for c in ws[1]].index("Notes") + 1
    # a control character an office from before they were refused may hold: carried as Excel writes it
    # (openpyxl reads the escape; a spreadsheet and the import read the character), never dropped
    assert ws.cell(2, col).value == "one\ntwo\nthree_x0001__x001F_"
