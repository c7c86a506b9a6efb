"""Board pack: expected sheets, counts, colours, validations and native charts, from a known date."""

from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart

from pmo_desktop.excel.boardpack import BOARD_DECISIONS, SHEETS, write_board_pack
from pmo_desktop.excel.export_errors import ExportError
from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 3, 18)


@pytest.fixture
def dated_demo(tmp_path):
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    yield store
    store.close()


def rows(ws):
    return list(ws.iter_rows(values_only=True))


def find(ws, text):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not on {ws.title}")


def test_sheets_charts_and_validations(dated_demo, tmp_path):
    wb = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))
    assert wb.sheetnames == list(SHEETS)
    assert [type(c) for c in wb["Summary"]._charts] == [BarChart]
    assert [type(c) for c in wb["Benefits"]._charts] == [LineChart]
    dvs = wb["Top risks"].data_validations.dataValidation
    assert len(dvs) == 1 and dvs[0].formula1 == '"' + ",".join(BOARD_DECISIONS) + '"'
    assert str(dvs[0].sqref) == "M3:M10"  # the eight open demo risks
    assert wb["Summary"]["A1"].value == "Retail Transformation Programme"
    assert wb["Summary"]["A2"].value == "Board pack as at 18 March 2026"


def test_counts_by_rating_match_the_register(dated_demo, tmp_path):
    wb = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))
    with dated_demo.session() as s:
        risks = [dict(zip(["id", "version", *REGISTERS["risks"].field_names], r))
                 for r in records.fetch_rows(s, REGISTERS["risks"])]
    open_risks = [r for r in risks if r["status"] == "Open"]
    ws = wb["Summary"]
    top = find(ws, "Rating").row
    table = {r[0]: (r[1], r[2]) for r in rows(ws)[top:top + 5]}
    for rating in ("Critical", "High", "Medium", "Low"):
        assert table[rating] == (sum(r["inherent_rating"] == rating for r in open_risks),
                                 sum(r["residual_rating"] == rating for r in open_risks))
    assert find(ws, "Critical").fill.fgColor.rgb.endswith("C62828")


def test_top_risks_ordered_by_residual_then_inherent(dated_demo, tmp_path):
    ws = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))["Top risks"]
    body = rows(ws)[2:]
    keys = [(r[8], r[6]) for r in body]
    assert keys == sorted(keys, reverse=True) and len(body) == 8
    assert body[0][1] == "R-007"  # residual 16


def test_heat_map_counts_and_colours(dated_demo, tmp_path):
    ws = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))["Heat map"]
    # Inherent grid: row of probability 4 ("4 High") is the second grid row; impact 5 is column F.
    label = find(ws, "4 High")
    assert ws.cell(label.row, 6).value == 1      # p4 × i5
    assert ws.cell(label.row, 6).fill.fgColor.rgb.endswith("C62828")  # score 20: critical
    grid = [[ws.cell(label.row - 1 + k, 1 + i).value or 0 for i in range(1, 6)] for k in range(5)]
    assert sum(map(sum, grid)) == 8


def test_stakeholder_grid_names_and_comms_due_this_month(dated_demo, tmp_path):
    wb = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))
    ws = wb["Stakeholders"]
    manage = ws["C3"].value
    assert manage.startswith("Manage closely (5)") and "Helen Brooks" in manage
    assert ws["B3"].value.startswith("Keep satisfied (1)") and "Data protection officer" in ws["B3"].value
    comms = rows(wb["Communications"])[2:]
    assert comms and all(r[8].date() <= date(2026, 3, 31) for r in comms)
    assert [r[9] for r in comms] == ["Yes" if r[8].date() < TODAY else "No" for r in comms]


def test_empty_office_and_bad_destination(store, tmp_path):
    wb = load_workbook(write_board_pack(store, tmp_path / "empty.xlsx", today=TODAY))
    assert wb.sheetnames == list(SHEETS)
    with pytest.raises(ExportError, match="must end in .xlsx"):
        write_board_pack(store, tmp_path / "pack.pdf")


def test_heat_map_follows_the_files_risk_scale(store, tmp_path):
    from pmo_desktop.models.risk_rules import RiskScale, default_bands

    scale = RiskScale(4, ("Low", "Medium", "High", "Very high"), default_bands(4))
    store.set_setting("risk_scale", scale.to_setting())
    with store.transaction() as s:
        for p, i in ((4, 4), (4, 4), (1, 2)):
            records.create_record(s, REGISTERS["risks"], {"title": f"Risk {p}{i}", "probability": p, "impact": i})
    steps = []
    wb = load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", today=TODAY,
                                        progress=lambda done, total: steps.append((done, total))))
    assert steps[-1][0] == steps[-1][1]
    ws = wb["Heat map"]
    top = find(ws, "4 Very high")
    assert [ws.cell(top.row, 1 + i).value for i in range(1, 5)] == [None, None, None, 2]
    assert ws.cell(top.row + 4, 5).value == "4 Very high" and ws.cell(top.row + 4, 6).value is None  # 4 columns
    assert ws.cell(top.row, 5).fill.fgColor.rgb.endswith(scale.band(16).colour.lstrip("#").upper())
