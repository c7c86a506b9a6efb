"""Classes of problem left open by rounds 13–14 of real public registers: each test writes a workbook of
that shape (with openpyxl) and checks what a user gets."""

from __future__ import annotations

from typing import Any

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_import, plan_workbook_import

_FORM_HEAD = ["HAZARD TYPE", "No", "HAZARD", "HAZARD RISK", "HAZARD", "CONTROL MEASURES", "RISK", "SCORE"]


def _hazard_form(where: str) -> list[list[Any]]:
    """A safety assessment form: "HAZARD" twice (the hazard's name, then its severity in words) and "RISK"
    (the likelihood in words); what the words mean is said only by the matrix's key, below the first 30
    rows (``where`` "below") or to the right of the table ("beside")."""
    rows: list[list[Any]] = [["RISK ASSESSMENT"], _FORM_HEAD,
                             ["MECHANICAL", 1, "Lathe chuck", "Entanglement of sleeves", "severe",
                              "Guard fitted, no loose clothing", "v low", 16],
                             [None, 2, "Swarf", "Cuts to the hands", "minor", "Gloves and a brush", "high", 17],
                             ["ELECTRICAL", 1, "Mains leads", "Shock", "major", "Tested every year", "low", 19],
                             [None, 2, "Extension reels", "Overheating and fire", "low", "Unwind fully", "medium", 8],
                             ["MANUAL", 1, "Lifting stock", "Back strain", "minor", "Trolley for loads", "v high", 20]]
    key = [["KEY - matrix", None, "RISK", None, None, None, "HAZARD"],
           [None, 11, 7, 4, 2, 1, "V. LOW"],
           [None, 16, 12, 8, 5, 3, "LOW"],
           [None, 20, 17, 13, 9, 6, "MINOR"],
           [None, 23, 22, 18, 14, 10, "SEVERE"],
           [None, 25, 24, 21, 19, 15, "MAJOR"],
           [None, "V. HIGH", "HIGH", "MEDIUM", "LOW", "V. LOW", "RISK"],
           [None, "certain to occur", "expected to occur", "likely to occur", "could occur, but rarely",
            "unlikely to occur"]]
    if where == "below":
        return rows + [[] for _ in range(30)] + key
    rows += [[] for _ in range(len(key) + 3 - len(rows))]
    for k, line in enumerate(key):  # two empty columns past the table, from the second record's row down,
        # without the caption (a caption line naming fields, "KEY" as an ID, would read as a header)
        rows[k + 3] = rows[k + 3] + [None] * (10 - len(rows[k + 3])) + line[1:]
    return rows


@pytest.mark.parametrize("where", ["below", "beside"])
def test_a_legend_anywhere_on_the_sheet_names_its_level_columns(sqlite_store, tmp_path, where):
    """The key of the matrix on a hazard form lists HAZARD's words (v low … major: severities) and RISK's
    (v high … v low, each "… to occur"): the form's "HAZARD" column of those words is the impact, its "RISK"
    column the likelihood, each word at its place in the key; the hazard's name stays the title, and the
    key's lines are no records."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"ASSESSMENT": _hazard_form(where)})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Extension reels", "Lathe chuck", "Lifting stock", "Mains leads", "Swarf"]
    assert not plan.errors
    # the key's order gives the levels: V. LOW 1, LOW 2, MINOR 3, SEVERE 4, MAJOR 5 (severe is under major
    # here, whatever the words' usual levels); V. HIGH 5 … V. LOW 1
    assert {t: (r["probability"], r["impact"]) for t, r in got.items()} == {
        "Lathe chuck": (1, 4), "Swarf": (4, 3), "Mains leads": (2, 5), "Extension reels": (3, 2),
        "Lifting stock": (5, 3)}


def test_a_legend_of_words_that_do_not_tell_chance_from_harm_names_no_column(sqlite_store, tmp_path):
    """A key listing levels under a label with nothing saying whether they rate chance or harm ("GRADE" over
    LOW … HIGH) does not make the "GRADE" column of a form a likelihood or an impact."""
    rows = [["Risk", "Owner", "GRADE"], ["Supplier late", "Ana Silva", "high"], ["Scope grows", "Tom Berg", "low"],
            ["Key person leaves", "Ana Silva", "medium"], [], ["GRADE"], ["LOW"], ["MEDIUM"], ["HIGH"]]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Key person leaves", "Scope grows", "Supplier late"]
    assert all(r["probability"] is None and r["impact"] is None for r in got.values())


def test_a_group_label_on_the_first_row_of_each_block_fills_its_block(sqlite_store, tmp_path):
    """A form's "Hazard type" written once, on the first row of each block of hazards, the blocks parted by
    empty rows: most records carry a label (three of five), yet each record takes its block's."""
    rows = [["Hazard type", "Hazard", "Who might be harmed", "Control measures"],
            ["Physical", "Trailing cables", "Staff", "Cable covers"], [],
            ["Fire", "Overloaded sockets", "Everyone", "One plug per socket"],
            [None, "Blocked exits", "Everyone", "Weekly check"],
            [None, "Paper stored by heaters", "Staff", "Move the paper"], [],
            ["Chemical", "Toner dust", "Staff", "Gloves when changing toner"]]
    path = write_xlsx(tmp_path / "assessment.xlsx", {"Assessment": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {t: r["category"] for t, r in got.items()} == {
        "Trailing cables": "Physical", "Overloaded sockets": "Fire", "Blocked exits": "Fire",
        "Paper stored by heaters": "Fire", "Toner dust": "Chemical"}


def test_a_category_given_for_some_rows_of_a_plain_table_is_not_filled_down(sqlite_store, tmp_path):
    """A category filled for three of five risks of a table with no empty rows between them: an optional
    field some rows leave blank, not group labels; the blank ones stay blank."""
    rows = [["Risk", "Owner", "Category", "Likelihood", "Impact"],
            ["Supplier late", "Ana Silva", "Commercial", "High", "Medium"],
            ["Scope grows", "Tom Berg", None, "Low", "High"],
            ["Key person leaves", "Ana Silva", "People", "Medium", "Medium"],
            ["Server outage", "Tom Berg", None, "Low", "High"],
            ["Audit finding", "Ana Silva", "Compliance", "Low", "Low"]]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert not got["Scope grows"]["category"] and not got["Server outage"]["category"]
    assert got["Supplier late"]["category"]


def test_the_same_stakeholders_on_two_sheets_are_one_record_each(sqlite_store, tmp_path):
    """The same groups listed on a stakeholder table and again on an analysis sheet of the same workbook:
    one record per name with the fields of both sheets; a role the two sheets give differently keeps the
    first sheet's, the other is in the notes and named in the preview's reason."""
    table = [["Stakeholder", "Role", "Influence", "Interest"],
             ["Patients", "Service recipients", "Low", "High"],
             ["Doctors", "Healthcare providers", "High", "High"],
             ["IT Team", "System management", "High", "Low"]]
    analysis = [["Stakeholder analysis"], [],
                ["Stakeholder", "Role", "Attitude", "Email"],
                ["Patients", "Service recipients", "Supportive", "patients@example.org"],
                ["Doctors", "Healthcare providers", "Neutral", "doctors@example.org"],
                ["IT Team", "Technical support", "Neutral", None],
                ["Suppliers", "Equipment vendors", "Neutral", None]]
    path = write_xlsx(tmp_path / "Stakeholder Analysis.xlsx", {"Stakeholders": table, "Analysis": analysis})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["Doctors", "IT Team", "Patients", "Suppliers"]
    assert (got["Patients"]["power"], got["Patients"]["interest"], got["Patients"]["attitude"]) == \
        (2, 4, "Supporter")
    assert got["Doctors"]["attitude"] == "Neutral"
    assert got["IT Team"]["role"] == "System management"
    assert "Technical support" in got["IT Team"]["notes"]
    merged = [r for s in plan.sheets for r in s.rows if "merged" in r.report.reason]
    assert len(merged) == 3 and any("Technical support" in r.report.reason for r in merged)


def test_an_approved_change_without_its_date_stays_pending_and_says_why(sqlite_store, tmp_path):
    """A change request log marks requests "Approved" but gives no date of approval: a decision taken has
    its date, so the record stays "Pending" — and the preview says so in those words (it said "Status left
    empty" while the record showed Pending), the approval kept in the rationale."""
    rows = [["Change ID", "Change Description", "Reason", "Decision / Status", "Approval Authority"],
            ["C01", "Add an analytics dashboard", "Sponsor asked for it", "Approved", "Project Sponsor"],
            ["C02", "Stress test for 100 users", "Performance risk", "Approved", "Project Manager"]]
    path = write_xlsx(tmp_path / "Change Log.xlsx", {"Change Request Log": rows})
    plan = import_all(sqlite_store, path)
    got = {r["code"]: r for r in named(sqlite_store, "decisions").values()}
    assert sorted(got) == ["C01", "C02"]
    assert {r["status"] for r in got.values()} == {"Pending"}
    assert all("Decided" in r["rationale"] for r in got.values())
    reasons = [r.report.reason for s in plan.sheets for r in s.rows]
    assert all("left at “Pending”" in x and "Decided on" in x for x in reasons), reasons


def test_an_issue_log_whose_columns_name_no_title_says_how_to_map_it_and_maps_by_hand(sqlite_store, tmp_path):
    """A data-cleaning issue log (Issue ID / Column Name / Issue Type / Resolved? / Resolution) names no
    column of the issues' titles: it is refused with what to do (choose the sheet and the register, set the
    column holding the issue); done so, its rows import. (Where a column of texts of a few words tells what each
    issue is — "Missing values", "Wrong format" — the issue ID makes them the issues' names without asking:
    tests/test_excel_unseen_round24.py; single words, as here, name nothing by themselves.)"""
    rows = [["Issue ID", "Column Name", "Issue Type", "Resolved?", "Resolution"],
            [1, "customer_age", "Missing", "Yes", "Filled with the median"],
            [2, "order_date", "Misformatted", "Yes", "Parsed as dates"],
            [3, "email", "Duplicates", "No", None]]
    path = write_xlsx(tmp_path / "Issue_Log.xlsx", {"Issues": rows})
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path)
    said = str(refused.value)
    assert "choose that sheet and the register" in said and "the column that holds each record's title" in said
    plan = plan_import(sqlite_store, path, register="issues", sheet="Issues")
    assert "choose the column that does for “Issue”" in plan.errors[0].reason
    assert "valid rows" not in plan.summary()  # no "unless the 0 valid rows are imported alone"
    plan = plan_import(sqlite_store, path, register="issues", sheet="Issues",
                       mapping={0: "code", 2: "title", 3: "status", 4: "description"})
    assert plan.ok and len(plan.sheets[0].rows) == 3
    apply_import(sqlite_store, plan)
    assert sorted(named(sqlite_store, "issues")) == ["Duplicates", "Misformatted", "Missing"]
