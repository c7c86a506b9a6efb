"""One register saved as .xlsx, .ods, .xls or .csv imports as the same records (issue 12: "Read .xlsx, .xlsm, .xls,
.ods and .csv"). Each test writes the same rows in two formats, as a colleague's copy of the workbook would hold
them, imports each into its own office and compares what was stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from imported import import_all, rows_of
from real_world_factory import write_csv, write_ods, write_xlsx
from sqlalchemy import select

import pmo_desktop.excel.cells  # noqa: F401  (openpyxl then writes each float exactly, as Excel stores it)
from pmo_desktop.models.risks import RiskAction
from pmo_desktop.models.store import Store


def stored(tmp_path: Path, path: Path, register: str = "risks") -> list[dict[str, Any]]:
    """The register's records as the import stored them (ids and versions left out), with their actions."""
    store = Store.create(tmp_path / f"{path.name}.pmo")
    try:
        import_all(store, path)
        out = []
        for row in rows_of(store, register):
            row = {k: v for k, v in row.items() if k not in ("id", "version")}
            out.append(row)
        if register == "risks":
            with store.session() as s:
                actions = sorted(s.execute(select(RiskAction.risk_id, RiskAction.description, RiskAction.status)).all())
            out.append({"actions": actions})
        return out
    finally:
        store.close()


def same_in_both(tmp_path: Path, first: Path, second: Path, register: str = "risks") -> list[dict[str, Any]]:
    a, b = stored(tmp_path, first, register), stored(tmp_path, second, register)
    assert a == b
    return a


def test_an_ods_reads_its_merged_cells_as_the_xlsx_does(tmp_path):
    """LibreOffice keeps merged cells as spanned and covered cells: a risk whose title is merged down over the
    rows of its three mitigations is one risk planning all three, and a category merged over a group is each
    risk's, in .ods as in .xlsx (calamine reports no merged ranges for .ods: the rows under a merged title were
    refused for an empty title, the group's other risks lost their category)."""
    rows = [["Category", "Risk ID", "Risk", "Likelihood", "Impact", "Mitigation"],
            ["Technical", "R1", "Server room floods", "High", "High", "Move the servers upstairs"],
            [None, None, None, None, None, "Buy a pump"],
            [None, None, None, None, None, "Insure the equipment"],
            [None, "R2", "Vendor goes bankrupt", "Low", "High", "Second supplier"],
            ["People", "R3", "Key engineer leaves", "Medium", "Medium", "Pair programming"],
            [None, "R4", "Team burns out", "Medium", "High", "Limit overtime"]]
    merges = {"Risks": ["A2:A5", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "A6:A7"]}
    got = same_in_both(tmp_path, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}, merges),
                       write_ods(tmp_path / "risks.ods", {"Risks": rows}, merges))
    assert [(r["code"], r["title"], r["category"]) for r in got[:-1]] == [
        ("R1", "Server room floods", "Technical"), ("R2", "Vendor goes bankrupt", "Technical"),
        ("R3", "Key engineer leaves", "People"), ("R4", "Team burns out", "People")]
    assert [text for _risk, text, _status in got[-1]["actions"]][0] == \
        "Move the servers upstairs; Buy a pump; Insure the equipment"


def test_percentages_written_as_text_read_as_the_workbooks_numbers(tmp_path):
    """A CSV (or a cell formatted as text) writes a probability "90%": it is the level the number 0.9 of the
    same workbook gives, ⌈fraction × levels⌉ (0.9 → 5, 0.5 → 3), as typing it into a cell does."""
    probability = [0.9, 0.5, 0.3, 0.1, 0.7]
    head = ["ID", "Risk", "Owner", "Probability", "Impact"]
    body = [[f"R{i}", f"Risk number {i}", "Ann", p, "High"] for i, p in enumerate(probability, 1)]
    xlsx = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [head, *body]})
    written = [[*r[:3], f"{round(r[3] * 100)}%", r[4]] for r in body]
    german = [[*r[:3], f"{round(r[3] * 100)} %", r[4]] for r in body]  # a German Excel: "90 %", ";"
    books = [stored(tmp_path, xlsx), stored(tmp_path, write_csv(tmp_path / "risks.csv", [head, *written])),
             stored(tmp_path, write_csv(tmp_path / "de.csv", [head, *german], delimiter=";"))]

    def but_notes(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "notes"} for r in records]

    assert but_notes(books[0]) == but_notes(books[1]) == but_notes(books[2])
    assert [r["probability"] for r in books[0][:-1]] == [5, 3, 2, 1, 4]
    # the level cannot give the number back, so each keeps it in the notes as its file wrote it (left48b)
    assert [r["notes"] for r in books[0][:-1]][:2] == ["Probability: 0.9", "Probability: 0.5"]
    assert [r["notes"] for r in books[1][:-1]][:2] == ["Probability: 90%", "Probability: 50%"]
    assert [r["notes"] for r in books[2][:-1]][:2] == ["Probability: 90 %", "Probability: 50 %"]


def test_ratings_written_as_text_on_a_ten_point_column_are_rescaled_like_numbers(tmp_path):
    """"7", "6", "5" of a CSV whose likelihood column goes to 10 are rescaled as the numbers 7, 6, 5 of the
    workbook are (⌈n / 2⌉ on five levels), not read as levels 5 (the text "5") or refused."""
    head = ["ID", "Threat", "Owner", "Likelihood Score", "Consequence Score"]
    body = [["T1", "Unauthorized access", "Ann", 7, 9], ["T2", "Data loss", "Bo", 6, 8],
            ["T3", "DDoS attack", "Cy", 5, 7], ["T4", "Insider leak", "Di", 8, 6]]
    xlsx = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [head, *body]})
    got = same_in_both(tmp_path, xlsx, write_csv(tmp_path / "risks.csv", [head, *[[str(x) for x in r] for r in body]]))
    assert [(r["probability"], r["impact"]) for r in got[:-1]] == [(4, 5), (3, 4), (3, 4), (4, 3)]


def test_a_computed_number_kept_in_the_notes_reads_as_the_spreadsheet_shows_it(tmp_path):
    """A formula's cached 7 × 1.2 is 8.400000000000002 in an .xlsx and 8.4 in the .ods LibreOffice saves from
    it; both show 8.4, and the notes keep 8.4 (15 significant digits, as a spreadsheet shows numbers)."""
    head = ["ID", "Risk", "Owner", "Probability", "Impact", "Exposure"]
    xlsx = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [head, ["R1", "Supplier late", "Ann", 3, 4, 7 * 1.2],
                                                           ["R2", "Budget cut", "Bo", 2, 2, 0.1 + 0.2]]})
    ods = write_ods(tmp_path / "risks.ods", {"Risks": [head, ["R1", "Supplier late", "Ann", 3, 4, 8.4],
                                                        ["R2", "Budget cut", "Bo", 2, 2, 0.3]]})
    got = same_in_both(tmp_path, xlsx, ods)
    assert "Exposure: 8.4" in got[0]["notes"] and "Exposure: 0.3" in got[1]["notes"]



def test_an_ods_saved_from_excel_reads_true_and_false_as_the_xlsx_does(tmp_path):
    """An "Escalated" column of TRUE / FALSE cells, under a title and a blank row: LibreOffice saves an Excel
    workbook's as the formulas =TRUE() / =FALSE() valued 1 and 0, which calamine reads as numbers no flag word
    names (the flags went to the notes as "Escalated: 1"); the flag in .ods as in .xlsx."""
    rows = [["Programme risk log"], [], ["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "Escalated"],
            ["R1", "Supplier late", "Ann", 3, 4, True], ["R2", "Budget cut", "Bo", 2, 5, False],
            ["R3", "Key person leaves", "Cy", 4, 4, True]]
    got = same_in_both(tmp_path, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}),
                       write_ods(tmp_path / "risks.ods", {"Risks": rows}, excel_booleans=True))
    assert [(r["code"], r["escalated"], r["notes"]) for r in got[:-1]] == [
        ("R1", True, ""), ("R2", False, ""), ("R3", True, "")]


def test_a_csv_date_shown_without_its_year_takes_the_year_of_its_column(tmp_path):
    """Excel writes a CSV as its cells show: a date formatted "d-mmm" becomes "14-May" among the "5/14/2023" of
    the rows around it. It is 14 May 2023, the year the column's other dates all give, as in the workbook — not
    14 May of the year the import runs in."""
    head = ["Decision", "Problem", "Decision Date", "Owner"]
    days = [date(2023, 5, 14), date(2023, 5, 14), date(2023, 5, 15), date(2023, 5, 17), date(2023, 5, 18)]
    body = [[f"Use option {i}", f"Problem {i}", d, "Ann"] for i, d in enumerate(days, 1)]
    xlsx = write_xlsx(tmp_path / "decision_log.xlsx", {"Decision Log": [head, *body]})
    shown = [[*r[:2], f"{r[2].month}/{r[2].day}/{r[2].year}" if i % 2 else f"{r[2].day}-May", r[3]]
             for i, r in enumerate(body)]
    (tmp_path / "csv").mkdir()
    csv = write_csv(tmp_path / "csv" / "decision_log.csv", [head, *shown])
    got = same_in_both(tmp_path, xlsx, csv, "decisions")
    assert [r["decided_on"] for r in got] == days


def test_dates_written_with_dots_are_day_first_without_a_doubt_said(sqlite_store, tmp_path):
    """German Excel's CSV writes 08.11.2022: a dotted date is day first (no locale writes dots month first), so
    the preview no longer says such dates "read either way" and asks to cancel."""
    rows = [["ID", "Risk", "Owner", "Raised"], ["R1", "Supplier late", "Ann", "08.11.2022"],
            ["R2", "Budget cut", "Bo", "09.11.2022"], ["R3", "Key person leaves", "Cy", "11.11.2022"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows, delimiter=";", encoding="cp1252"))
    assert not [n for s in plan.sheets for n in (s.note or "").splitlines() if "either way" in n]
    assert [r["raised_on"] for r in rows_of(sqlite_store, "risks")] == \
        [date(2022, 11, 8), date(2022, 11, 9), date(2022, 11, 11)]
