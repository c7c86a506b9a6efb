"""Issue 12, left59b: what stop 59's fixes left — a status report of one date whose date heads the status column,
a refusal of a sheet holding only template rows and a lookup, a colleague's hand-kept actions sheet with a refused
row, a percentage in a colleague's benefits register, and a record named by its name whose own row is refused. Each
test writes a workbook of the shape (never a fetched file) and failed on main bf45c1da unless it says it guards."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx


@pytest.mark.parametrize(("file_name", "sheet", "head"), [
    ("Project Status Report.xlsx", "Sheet2", "Projects"),
    ("Weekly.xlsx", "Status Report", "Project"),
])
def test_a_status_report_whose_date_heads_the_status_column(sqlite_store, tmp_path, file_name, sheet, head):
    """"Projects | 2016-02-13" on the first row, projects under it with what was said of them that day, section
    captions after gaps ("Research", "Tenders") and projects with nothing said: refused "no header row". Read as the
    status reports of that date, a project each, the text its commentary; the captions and the projects nothing was
    said of make no report and no project, each said on its row."""
    rows: list[list[object]] = [
        [head, date(2024, 5, 17)],
        ["Billing move", "Waiting for the vendor's quote"],
        ["Intranet refresh", "Went live, closing down"],
        ["Payroll upgrade", None],
        [None, None],
        ["Research", None],
        ["Sensor prototype", "Boards ordered, due in June"],
        ["Test rig", None],
        [None, None],
        ["Tenders", None],
        ["Harbour lighting bid", "Waiting for complete details to start."],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / file_name, {"Diary": [["x"]], sheet: rows}))
    reports = {r["project"]: r for r in rows_of(sqlite_store, "status_reports")}
    assert set(reports) == {"Billing move", "Intranet refresh", "Sensor prototype", "Harbour lighting bid"}
    billing = reports["Billing move"]
    assert (billing["period"], billing["reported_on"]) == ("2024-05", date(2024, 5, 17))
    assert billing["commentary"] == "Waiting for the vendor's quote"
    projects = {p["name"] for p in rows_of(sqlite_store, "projects")}
    assert projects == set(reports)  # no "Research", no "Tenders", no project nothing was said of
    reasons = " ".join(r.report.reason for s in plan.sheets for r in s.rows)
    assert "a section's caption" in reasons and "nothing reported of “Payroll upgrade”" in reasons
    assert any("Read as status reports as at 2024-05-17" in s.note for s in plan.sheets)


def test_a_dated_two_column_list_not_named_a_status_report_stays_refused(sqlite_store, tmp_path):
    """Guard: the same shape in a workbook and sheet naming no status report reads nothing as one."""
    rows: list[list[object]] = [["Projects", date(2024, 5, 17)], ["Billing move", "Waiting for the quote"],
                                ["Intranet refresh", "Went live"], ["Sensor prototype", "Boards ordered"]]
    try:
        import_all(sqlite_store, write_xlsx(tmp_path / "Book1.xlsx", {"Sheet1": rows}))
    except Exception:  # noqa: BLE001 - refused, as before
        pass
    assert rows_of(sqlite_store, "status_reports") == []


def _template_and_lookup() -> list[list[object]]:
    rows: list[list[object]] = [["Risk ID", "Risk Description", "Risk Category", "Probability", "Impact",
                                 "Risk Owner", "Risk Response", "Identification Date", "Risk Rating", "Lookup"]]
    cats = ["Delivery", "Tools", "Others", "Resources", "Vendor"]
    for n in range(1, 6):
        rows.append([n, f"Test {n}", cats[n - 1], n, 1, f"Name {n}", f"Response {n}", "DD/MM/YYYY", "Low", f"{n}1"])
    for n in range(6, 21):  # a rating lookup prefilled: every probability beside every impact, no title
        p, i = (n - 1) % 5 + 1, (n - 1) // 5 + 1
        rows.append([n, None, None, p, i, None, None, None, "Low" if p * i < 8 else "High", f"{p}{i}"])
    return rows


def test_a_sheet_of_template_rows_and_a_lookup_is_refused_saying_so(sqlite_store, tmp_path):
    """Once its numbered placeholder rows are skipped, a template's only rows left were a prefilled rating lookup's
    (an ID, a probability and an impact, no title): the refusal said "Title cannot be empty" of the first of them.
    It says the sheet holds only the template's rows and a lookup, no record."""
    from pmo_desktop.excel.errors import ImportRefused
    with pytest.raises(ImportRefused) as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "Risk Register Template.xlsx", {"Risk_Register":
                                                                                       _template_and_lookup()}))
    said = str(refused.value)
    assert "Title cannot be empty" not in said
    assert "template" in said and "lookup" in said
    assert rows_of(sqlite_store, "risks") == []


def test_title_less_rows_of_phrases_still_say_title_cannot_be_empty(sqlite_store, tmp_path):
    """Guard: rows with no title that hold something written (a response) are a colleague's forgetting, not a
    lookup: the refusal still names the first and its missing title."""
    from pmo_desktop.excel.errors import ImportRefused
    rows = _template_and_lookup()
    for r in rows[6:]:
        r[6] = f"Call the supplier about order {r[0]} today"
    with pytest.raises(ImportRefused) as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "Risk Register Template.xlsx", {"Risk_Register": rows}))
    assert "Title cannot be empty" in str(refused.value)


def _actions_of(store, code):
    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS
    reg = REGISTERS["risk_actions"]
    with store.session() as s:
        pid = records.find_id_by_code(s, REGISTERS["risks"], code)
        return sorted(dict(zip(reg.field_names, r[2:]))["description"]
                      for r in records.fetch_rows(s, reg, parent_id=pid))


_RISKS: list[list[object]] = [["ID", "Risk", "Owner"], ["R-1", "Vendor delivers late", "Ann Lee"],
                              ["R-2", "Key engineer leaves", "Ann Lee"]]
_ACTIONS = ["Risk ID", "Action", "Owner", "Due date"]


def test_a_refused_row_of_a_colleagues_actions_sheet_keeps_the_risks_stored_actions(sqlite_store, tmp_path):
    """A colleague's own risk register with an actions sheet (not the office's export): one of R-1's action rows
    refused (its due date no date), importing the valid rows deleted R-1's stored actions and wrote the valid one
    alone. R-1's rows are refused together now, saying which row holds the error, and R-1 keeps its stored actions;
    R-2's rows replace its own as before."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": _RISKS, "Actions": [
        _ACTIONS, ["R-1", "Agree a recovery plan", "Bob Ray", date(2027, 3, 31)],
        ["R-1", "Find a second vendor", "Bob Ray", date(2027, 4, 30)],
        ["R-2", "Cross-train the team", "Cy Dee", date(2027, 5, 31)]]}))
    assert _actions_of(sqlite_store, "R-1") == ["Agree a recovery plan", "Find a second vendor"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks2.xlsx", {"Risks": _RISKS, "Actions": [
        _ACTIONS, ["R-1", "Agree a recovery plan with the vendor", "Bob Ray", date(2027, 3, 31)],
        ["R-1", "Find a second vendor", "Bob Ray", "next spring maybe"],
        ["R-2", "Cross-train two people", "Cy Dee", date(2027, 5, 31)]]}))
    assert _actions_of(sqlite_store, "R-1") == ["Agree a recovery plan", "Find a second vendor"]
    assert _actions_of(sqlite_store, "R-2") == ["Cross-train two people"]
    reasons = [r.report.reason for s in plan.sheets for r in s.rows if r.report.code == "R-1"]
    assert any("are taken as a whole, and row 3 of them is refused" in r for r in reasons)


def test_a_new_risks_actions_with_a_refused_row_keep_their_valid_rows(sqlite_store, tmp_path):
    """Guard: a risk the office does not hold loses nothing stored, so its valid action rows come in as before."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": _RISKS, "Actions": [
        _ACTIONS, ["R-1", "Agree a recovery plan", "Bob Ray", date(2027, 3, 31)],
        ["R-1", "Find a second vendor", "Bob Ray", "next spring maybe"]]}))
    assert _actions_of(sqlite_store, "R-1") == ["Agree a recovery plan"]


def test_a_percentage_in_a_colleagues_benefits_register_is_the_per_cent_it_shows(sqlite_store, tmp_path):
    """A colleague's benefits register measuring a benefit in "%": its baseline typed "60 %" and its target typed
    80 % in Excel (0.8 in a cell shown as a percentage) were stored 0.6 and 0.8. Read as 60 and 80, as the office's
    own export reads them, said once a sheet; a benefit in pounds and a plain 75 beside "%" stay as written."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Benefits"
    ws.append(["Benefit", "Measure", "Unit", "Baseline", "Target"])
    ws.append(["Faster checkout", "Orders paid online", "%", "60 %", 0.8])
    ws["E2"].number_format = "0%"
    ws.append(["Fewer refunds", "Refunds a month", "£", 1200, 0.5])
    ws.append(["More repeat orders", "Customers who order again", "%", 40, 75])
    wb.save(tmp_path / "benefits.xlsx")
    plan = import_all(sqlite_store, tmp_path / "benefits.xlsx")
    got = {b["title"]: (b["baseline_value"], b["target_value"]) for b in rows_of(sqlite_store, "benefits")}
    assert got == {"Faster checkout": (60, 80), "Fewer refunds": (1200, 0.5), "More repeat orders": (40, 75)}
    assert any("measured in %" in s.note for s in plan.sheets)


def test_a_record_named_by_its_name_whose_row_is_refused_says_that_row(sqlite_demo_store, empty_file_copy, tmp_path):
    """The office's export into a new office with a project's row refused (its start typed as no date): each risk
    naming that project by its name was refused "Project: there is no project called …", as though nobody had it.
    It says the project is refused on its own row, and which, as a record named by its ID does (fault72)."""
    import openpyxl

    from pmo_desktop.excel.export import export_workbook
    from pmo_desktop.excel.import_plan import Action
    from pmo_desktop.excel.importer import plan_workbook_import
    from pmo_desktop.models.store import Store
    path = export_workbook(sqlite_demo_store, tmp_path / "round.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Projects"]
    heads = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, heads.index("Project") + 1).value)
    name = ws.cell(row, heads.index("Project") + 1).value
    ws.cell(row, heads.index("Start") + 1).value = "early next year"
    wb.save(path)
    fresh = Store.open(empty_file_copy(tmp_path / "new.pmo"))
    try:
        plan = plan_workbook_import(fresh, path)
    finally:
        fresh.close()
    assert any(r.sheet == "Projects" and r.row == row and r.action == Action.ERROR for r in plan.reports)
    naming = [r for r in plan.reports if r.sheet == "Risk register" and name in r.reason]
    assert naming and all(f"{name} is refused on its own row (Projects row {row})" in r.reason for r in naming)
    assert not any("there is no project called" in r.reason for r in naming)
