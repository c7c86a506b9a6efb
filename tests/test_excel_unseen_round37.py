"""Classes of problem found on round 37 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, rows_of
from real_world_factory import write_ods, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.datetime


def test_a_data_set_of_ticket_keys_under_issue_id_adds_no_issues(sqlite_store, tmp_path):
    """A research data set ("Issues.xlsx"): per project sheet, "Issue ID" over Jira keys (YARN-10650,
    MAPREDUCE-2287) and a column of "True False False" codings. The keys were read as the names of 3,356
    issues. A column of ticket keys under a caption saying the register's ID names no records: nothing is
    imported. A caption over names ("Issues" over sentences) is still read as before."""
    keys = [f"{p}-{1000 + 37 * i}" for p in ("YARN", "MAPREDUCE") for i in range(12)]
    path = write_xlsx(tmp_path / "Issues.xlsx", {
        "Yarn": [["Issue ID", "Types of design decisions"],
                 *[[k, "True False False" if i % 2 else "False True True"] for i, k in enumerate(keys)]]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []

    # the same under a bare ID column alone
    path = write_xlsx(tmp_path / "keys.xlsx", {"Issues": [["Issue key"], *[[k] for k in keys]]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []


def test_a_defect_logs_priority_column_beats_its_severity(sqlite_store, tmp_path):
    """A tester's defect log: "Defect ID | Title | Severity | Priority | Status" (Severity Medium / Serious,
    Priority Low / High). Severity, read as a word for the priority, took the field because it came first:
    every defect got its severity as its priority, and the three "Serious" ones were left out. A column
    headed with the field's own name takes it; the other is kept in the notes."""
    path = write_xlsx(tmp_path / "Defect Log.xlsx", {"Defects": [
        ["Defect ID", "Title", "Severity", "Priority", "Status"],
        ["UC01_11", "Blank mandatory fields give no message", "Medium", "Low", "Open"],
        ["UC01_12", "Wrong message for an existing account", "Medium", "Low", "Open"],
        ["UC07_5", "Candidate page shows an error", "Serious", "Medium", "Open"],
        ["UC08_7", "Applying without a CV says it worked", "Serious", "High", "Open"]]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["priority"] for c, r in got.items()} == {
        "UC01_11": "Low", "UC01_12": "Low", "UC07_5": "Medium", "UC08_7": "High"}
    assert "Severity: Serious" in (got["UC07_5"]["description"] or "")


def test_unassigned_is_no_one(sqlite_store, tmp_path):
    """A YouTrack export says "Unassigned" under Assignee: it made a person named "Unassigned", owner of
    every issue. The word says no one is: the owner is left empty and no such person is created."""
    path = write_xlsx(tmp_path / "issues.xlsx", {"issues": [
        ["Issue Id", "Summary", "Priority", "State", "Assignee"],
        ["G10-270", "Only five product cards on a catalogue page", "Low", "New", "Unassigned"],
        ["G10-281", "Products shown wrongly after a filter", "Medium", "New", "Unassigned"],
        ["G10-287", "Zero items can be put in the cart", "Low", "New", "Ann Lee"]]})
    import_all(sqlite_store, path)
    owners = {r["code"]: r["owner"] for r in rows_of(sqlite_store, "issues")}
    assert owners == {"G10-270": None, "G10-281": None, "G10-287": "Ann Lee"}
    assert "Unassigned" not in {r["name"] for r in rows_of(sqlite_store, "people")}


def test_a_workbook_named_as_its_projects_issues_is_the_issue_log(sqlite_store, tmp_path):
    """An issue tracker's export saved as "JTexy issues.ods" (one sheet, "Sheet1"): "ID | Status | Summary",
    statuses Accepted / Fixed. Read as risks, eight Fixed rows were left out and the rest became threats.
    A workbook whose name ends in a register's name ("<project> issues", "PAMS_Issues") names that
    register for a sheet left as "Sheet1", as a name that is only the register's does."""
    rows = [["ID", "Status", "Summary"],
            ["23", "Accepted", 'PhraseModule.handle -> "Not supported yet."'],
            ["22", "Accepted", "NonUniqueResultException: result returns more than one element"],
            ["21", "Fixed", "StackOverflowError on nested lists"],
            ["20", "Accepted", "Event handler of the link module returned null"],
            ["19", "Fixed", '"Illegal group reference" in a replacement']]
    path = write_ods(tmp_path / "JTexy issues.ods", {"Sheet1": rows})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    got = {r["code"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert set(got) == {"23", "22", "21", "20", "19"}
    assert got["21"] != "Open" and got["23"] == "Open"


def test_a_german_complaints_log_named_projects_issues_is_the_issue_log(sqlite_store, tmp_path):
    """A logistics team's complaints log saved as "PAMS_Issues.xlsx" ("Sheet1"): "ID | Bereich | Status |
    Kurzbeschreibung | Gemeldet von | Meldedatum | Maßnahme | Beschreibung". Its area, measure and owner
    made it 135 risks titled by the long description (two with none left out). The file's last word names
    the issue log; the short description (Kurzbeschreibung) names each issue, the report date (Meldedatum) is
    when it was raised, the long description is kept."""
    rows: list[list[object]] = [["ID", "Bereich", "Status", "Kurzbeschreibung", "Gemeldet von", "Meldedatum",
                                 "Maßnahme", "Beschreibung"]]
    for i in range(8):
        rows.append([43193 + i, "Super-Depot", "Erledigt", f"{34 + i} statt {33 + i} CS verladen",
                     "K&N Stuttgart", D(2022, 5, 20 + i), "Gespräch MA (undokumentiert)",
                     None if i == 3 else f"1013089{i} 1 CS Mehrmenge"])
    path = write_xlsx(tmp_path / "PAMS_Issues.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(got) == 8
    first = got["43193"]
    assert first["title"] == "34 statt 33 CS verladen"
    assert first["raised_on"] == dt.date(2022, 5, 20)
    assert first["status"] == "Closed"
    assert "10130890 1 CS Mehrmenge" in (first["description"] or "")


def test_a_row_of_values_with_two_web_addresses_heads_no_table(sqlite_store, tmp_path):
    """A shop's scraped products saved as "issues.xlsx", no header row: product code, two product links in one
    cell, name, price, country, category, seller, rating, image links, a review. A row of them (the one whose
    cells the others fitted best) was taken for the header and 123 products became issues. A cell of web
    addresses heads no column, however many it holds: nothing is imported, the refusal saying the table has no
    header row (left43; it said no sheet had one)."""
    rows: list[list[object]] = []
    for i in range(30):
        rows.append([f"{'KIJFNWX'[i % 7]}{64428 + i * 37}",
                     f"https://shop.example.com/main/p/H{6769002 + i}_S_8000{i} https://shop.example.com/p/H{7982001 + i}",
                     f"Farm Basket - papaya lot {i} (about {500 + i}g)", 30.0 + i, ["Hong Kong", "China", "Japan"][i % 3],
                     "Fruit vegetables flowers", None, f"Shipped in 1 - 4 days by seller {i % 4}", 3.0 + (i % 5) / 5,
                     f"https://images.example.com/{i}_main.jpg", ["Fresh!", "good", "Not fresh", "ok"][i % 4],
                     "No returns for this product", f"Seller {i % 4}", 4.5, f"{(i % 9 + 1) * 100}+"])
    path = write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match="“issues.xlsx” has no header row"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []
