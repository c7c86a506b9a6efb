"""Issue 12, fault75: faults injected into the rules stop 61 added — ordinary registers that look like their shapes,
and near variants they should take. Each test writes a workbook of the shape (never a fetched file), imports it
through the real code and failed on main ff04f305."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_csv_whose_ids_are_written_after_a_hash_keeps_every_record(sqlite_store, tmp_path):
    """"# 1", "# 2" … as the IDs of a CSV (a number after its sign): classes93's comment lines took every line for
    a comment and the file imported nothing. A comment goes on in a word, not a number."""
    rows = [["ID", "Risk", "Owner", "Status"], ["# 1", "Vendor delivers late", "Ann Lee", "Open"],
            ["# 2", "Budget is cut in the third quarter", "Bob Ray", "Open"],
            ["# 3", "Key tester leaves the team", "Cy Dee", "Closed"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["# 1", "# 2", "# 3"]
    assert got["# 3"]["status"] == "Closed"
    assert "comment" not in plan.sheets[0].note


def test_a_csv_whose_every_line_opens_with_a_hash_word_is_no_file_of_comments(sqlite_store, tmp_path):
    """"# Infrastructure", "# People" as each risk's category, every line so: read as the file's comments, every
    record was dropped. Where every line under the header opens so, none is a comment."""
    rows = [["Category", "Risk", "Owner", "Status"], ["# Infrastructure", "Server room floods", "Ann Lee", "Open"],
            ["# Staff", "Key tester leaves the team", "Bob Ray", "Open"],
            ["# Budget", "Funding cut in the third quarter", "Cy Dee", "Closed"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk list.csv", rows))
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(got) == {"Server room floods", "Key tester leaves the team", "Funding cut in the third quarter"}
    assert got["Server room floods"]["owner"] == "Ann Lee"


def test_a_csvs_comment_lines_among_records_are_still_comments(sqlite_store, tmp_path):
    """Guards classes93's reading (passes on main): "# …" lines of words among real records are the comments."""
    rows = [["Milestone", "Date"], ["# name : the milestone's label", None], ["# Example row", "2025-01-01"],
            ["Kick-off", "2025-02-01"], ["Go-live", "2025-06-01"]]
    import_all(sqlite_store, write_csv(tmp_path / "milestones.csv", rows))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "milestones")) == ["Go-live", "Kick-off"]


def test_fatal_is_an_issues_top_priority(sqlite_store, tmp_path):
    """"Fatal" under a defect log's priority (classes91b made it the top of a scale, an impact of 5): the issue's
    priority was left empty and the word only in the description, said nowhere. It is Critical."""
    rows = [["ID", "Defect", "Priority", "Status"], ["B1", "App crashes at login", "Fatal", "Open"],
            ["B2", "Typo on the help page", "Low", "Open"], ["B3", "Report totals off by one", "High", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", {"Defects": rows}))
    got = by_code(sqlite_store, "issues")
    assert (got["B1"]["priority"], got["B2"]["priority"], got["B3"]["priority"]) == ("Critical", "Low", "High")


def test_a_german_word_for_fatal_under_a_priority_is_critical(sqlite_store, tmp_path):
    rows = [["ID", "Titel", "Priorität", "Status"], ["F1", "Absturz beim Anmelden", "Tödlich", "Offen"],
            ["F2", "Tippfehler auf der Hilfeseite", "Niedrig", "Offen"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "fehler.xlsx", {"Fehler": rows}))
    assert by_code(sqlite_store, "issues")["F1"]["priority"] == "Critical"


def test_a_portfolio_status_list_with_a_period_column_in_spanish(sqlite_store, tmp_path):
    """"Proyecto | Periodo | Comentario" on a status reports sheet: no words of a status report's period but
    English ones, so the sheet was refused as "a table of another kind" — the whole month's portfolio lost."""
    rows = [["Proyecto", "Periodo", "Comentario"], ["Portal", "2025-03", "Según el plan"],
            ["ERP", "2025-03", "Retraso del proveedor"], ["CRM", "2025-03", "Sin presupuesto aprobado"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "cartera.xlsx", {"Status Reports": rows}))
    got = {r["project"]: r for r in rows_of(sqlite_store, "status_reports")}
    assert set(got) == {"Portal", "ERP", "CRM"}
    assert {r["period"] for r in got.values()} == {"2025-03"}
    assert got["ERP"]["commentary"] == "Retraso del proveedor"


def test_a_portfolio_status_list_with_a_german_period_column(sqlite_store, tmp_path):
    rows = [["Projekt", "Berichtszeitraum", "Kommentar"], ["Portal", "2025-03", "Im Plan"],
            ["ERP", "2025-03", "Lieferant verspätet"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "portfolio.xlsx", {"Projektstatus": rows}))
    got = {r["project"]: r for r in rows_of(sqlite_store, "status_reports")}
    assert {p: r["period"] for p, r in got.items()} == {"Portal": "2025-03", "ERP": "2025-03"}


def test_the_day_raised_beats_the_day_logged_whichever_comes_first(sqlite_store, tmp_path):
    """"Log Date | Issue | Owner | Date Raised" (classes92 made "Log Date" a raised-on date): the first column won,
    every issue raised the day it was logged and its own "Date Raised" sent to the notes. The field's own name wins;
    the logged day is kept in the notes."""
    rows = [["Log Date", "Issue", "Owner", "Date Raised"],
            ["2025-02-01", "Server room flooded", "Ann Lee", "2025-01-10"],
            ["2025-02-01", "Licence expired for the build tool", "Bob Ray", "2025-01-12"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issue log.xlsx", {"Issues": rows}))
    got = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert str(got["Server room flooded"]["raised_on"]) == "2025-01-10"
    assert str(got["Licence expired for the build tool"]["raised_on"]) == "2025-01-12"
    assert "Log Date: 2025-02-01" in (got["Server room flooded"]["description"] or "")


def test_a_log_date_alone_is_still_the_day_raised(sqlite_store, tmp_path):
    """Guards classes92's reading (passes on main): "Log Date" with no other raised date is the day raised."""
    rows = [["ID", "Risk", "Log Date", "Owner"], ["R1", "Vendor delivers late", "2025-01-10", "Ann Lee"],
            ["R2", "Budget is cut", "2025-01-12", "Bob Ray"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "raid log.xlsx", {"Risks": rows}))
    assert str(by_code(sqlite_store, "risks")["R2"]["raised_on"]) == "2025-01-12"


def test_a_state_naming_the_response_gives_it_on_every_row(sqlite_store, tmp_path):
    """"State" of Open / Transferred / Avoided below a first ordinary row: classes92's rule (a state naming the
    response gives the response) ran on the rows planned the full way only — the rows planned in one step
    (``_plan_ordinary``) kept no response, and the sheet's note said nothing of them."""
    rows = [["ID", "Risk", "Owner", "State"], ["R1", "Vendor delivers late", "Ann Lee", "Open"],
            ["R2", "Budget is cut in the third quarter", "Bob Ray", "Transferred"],
            ["R3", "Key tester leaves the team", "Cy Dee", "Avoided"],
            ["R4", "Office move slips", "Dan Fox", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Risks": rows}))
    got = by_code(sqlite_store, "risks")
    assert {c: r["response"] for c, r in got.items()} == {"R1": "", "R2": "Transfer", "R3": "Avoid", "R4": ""}
    assert "“Transferred” → Transfer" in plan.sheets[0].note


def test_an_asset_with_only_its_owner_is_a_risk_titled_by_the_asset(sqlite_store, tmp_path):
    """An ISO 27001 register's row naming its asset and owner, threat not yet written (classes94 titles such a row
    by its asset): skipped as "looks like a note … (one filled cell …)" — two cells filled, the asset and its owner
    lost. A row naming what titles it beside a field of its own is a record."""
    rows = [["Application", "Threat", "Owner", "Likelihood"],
            ["Payroll", "Ransomware encrypts the payroll data", "Ann Lee", "High"],
            ["Laptop fleet", None, "Bob Ray", None],
            ["CRM", "Customer data leaks", "Cy Dee", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "isms.xlsx", {"Risk Register": rows}))
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(got) == {"Ransomware encrypts the payroll data", "Laptop fleet", "Customer data leaks"}
    assert got["Laptop fleet"]["owner"] == "Bob Ray"


def test_a_note_row_of_two_cells_is_not_said_to_hold_one(sqlite_store, tmp_path):
    """A row of a zone (kept in the notes) and an owner, no threat: skipped, but said as "one filled cell" — the
    reader looked for a lost cell. The reason names the one imported column filled."""
    rows = [["Zone", "Threat", "Owner", "Likelihood"], ["DMZ", "Ransomware encrypts data", "Ann Lee", "High"],
            ["LAN", "Customer data leaks", "Bob Ray", "Low"], ["Cloud", None, "Cy Dee", None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    (skipped,) = [r.report for r in plan.sheets[0].rows if r.report.row == 4]
    assert "one filled cell" not in skipped.reason
    assert "only “Owner” filled" in skipped.reason
