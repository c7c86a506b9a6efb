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
    assert all(dv.formula1 == '"' + ",".join(BOARD_DECISIONS) + '"' for dv in dvs)
    assert str(dvs[0].sqref) == "M3:M9"  # the seven open demo threats; the opportunity is ranked apart
    assert len(dvs) == 2
    assert wb["Summary"]["A1"].value == "Retail Transformation Programme"
    assert wb["Summary"]["A2"].value == "Board pack as at 18 Mar 2026"  # as every date of the pack (walkthrough 25)


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
    assert find(ws, "Critical").fill.fgColor.rgb.endswith("B71C1C")


def test_top_risks_ordered_by_residual_then_inherent(dated_demo, tmp_path):
    ws = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))["Top risks"]
    body = rows(ws)[2:9]
    keys = [(r[8], r[6]) for r in body]
    assert keys == sorted(keys, reverse=True) and all(r[1] for r in body) and rows(ws)[9][1] is None
    assert "R-007" not in [r[1] for r in body]  # the opportunity (residual 16) is not a top threat


def test_heat_map_counts_and_colours(dated_demo, tmp_path):
    ws = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))["Heat map"]
    # Inherent grid: row of probability 4 ("4 High") is the second grid row; impact 5 is column F.
    label = find(ws, "4 High")
    assert ws.cell(label.row, 6).value == 1      # p4 × i5
    assert ws.cell(label.row, 6).fill.fgColor.rgb.endswith("B71C1C")  # score 20: critical
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


def test_threats_and_opportunities_are_ranked_apart(dated_demo, tmp_path):
    wb = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))
    ws = wb["Top risks"]
    with dated_demo.session() as s:
        kinds = {r[2]: r[4] for r in records.fetch_rows(s, REGISTERS["risks"])}
    heading = find(ws, "The one open opportunity")  # a list of one (walk32)
    threats = [r[1] for r in ws.iter_rows(min_row=3, max_row=heading.row - 1, values_only=True) if r[1]]
    opportunities = [r[1] for r in ws.iter_rows(min_row=heading.row + 2, values_only=True) if r[1]]
    assert threats and all(kinds[c] == "Threat" for c in threats)
    assert opportunities == [c for c, k in kinds.items() if k == "Opportunity"]


def test_financial_figures_are_the_benefits_pages_own(dated_demo, tmp_path):
    """The pack re-implemented the roll-up (394.6 / 133.0 where the page showed 908.5 / 311.3) and
    added £k/month and £k/quarter benefits together."""
    from pmo_desktop.models.benefit_rollup import program_rollup

    with dated_demo.session() as s:
        page = program_rollup(s)
    ws = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))["Summary"]
    basis = find(ws, page.unit)
    planned, realized = ws.cell(basis.row, 2).value, ws.cell(basis.row, 3).value
    assert (planned, realized) == (pytest.approx(page.planned_to_date), pytest.approx(page.realized_to_date))
    assert page.unit == "£k" and page.planned_to_date > 0


def test_benefits_in_other_money_are_rolled_up_apart(tmp_path):
    from pmo_desktop.models.benefit_rollup import BenefitSeries, rollups

    def series(i, unit):
        return BenefitSeries(i, f"B-{i}", "b", "Financial – cash", unit, 0.0, date(2026, 1, 1), 30.0,
                             date(2026, 3, 31), None, None, False, plan=[(date(2026, 1, 1), 0.0), (date(2026, 3, 31), 30.0)])

    found = rollups([series(1, "£k/month"), series(2, "£k per quarter"), series(3, "$k/month")])
    assert [(r.unit, r.benefits) for r in found] == [("£k", 2), ("$k", 1)]
    quarterly = rollups([series(2, "£k/quarter")])[0].total_planned
    monthly = rollups([series(1, "£k/month")])[0].total_planned
    assert quarterly == pytest.approx(monthly / 3)  # a quarter's amount counts a third per month


def test_every_sheet_is_set_up_to_print(dated_demo, tmp_path):
    wb = load_workbook(write_board_pack(dated_demo, tmp_path / "pack.xlsx", today=TODAY))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_area, ws.title
        assert "Page &P of &N" in ws.oddFooter.center.text
    assert wb["Top risks"].print_title_rows == "$2:$2"  # the header row on every printed page
    # the print area reaches past the bar chart anchored at H5 (13 cm wide)
    assert str(wb["Summary"].print_area).split(":")[-1].startswith("$N$")
