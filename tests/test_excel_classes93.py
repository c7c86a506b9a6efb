"""Unseen set 93's miss classes as general rules (classes93): milestone lists read as milestones, a CSV's "#"
comment lines, a template's column of instructions, and a portfolio status list with no period said for what it is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_a_named_csv_of_name_and_plain_date_is_milestones_not_risks(sqlite_store, tmp_path):
    """"name | description | rag | date | phase" in a file named for the milestones: the name titles each, the plain
    "date" is its baseline, the rest kept in the notes — it was read as risks raised on those dates."""
    lines = ["name,description,rag,date,phase"]
    lines += [f"Stage {i} gate passed,Board signs off stage {i},{'Green' if i % 2 else 'Amber'},2027-0{i}-15,Delivery"
              for i in range(1, 6)]
    plan = import_all(sqlite_store, _csv(tmp_path / "milestones.csv", lines))
    assert rows_of(sqlite_store, "risks") == []
    got = {m["title"]: m for m in rows_of(sqlite_store, "milestones")}
    assert len(got) == 5
    assert got["Stage 3 gate passed"]["baseline"] == date(2027, 3, 15)
    assert "rag: Green" in got["Stage 3 gate passed"]["notes"]
    assert "Board signs off stage 3" in got["Stage 3 gate passed"]["notes"]
    assert any("baseline" in s.note for s in plan.sheets)  # the plain date's reading is said


def test_a_date_and_label_list_named_as_milestones_is_read_by_its_labels(sqlite_store, tmp_path):
    """"Date | Label" in "<team>_milestones.csv": the labels name the milestones, the dates their baselines —
    it was refused whole (no header naming register columns)."""
    labels = ["Kick-off", "Design review", "Pilot live", "Training done", "Go-live"]
    lines = ["Date,Label"] + [f"2027-0{i}-0{i},{text}" for i, text in enumerate(labels, start=1)]
    import_all(sqlite_store, _csv(tmp_path / "team_milestones.csv", lines))
    got = {m["title"]: m["baseline"] for m in rows_of(sqlite_store, "milestones")}
    assert got == {text: date(2027, i, i) for i, text in enumerate(labels, start=1)}


def test_a_date_and_label_list_named_otherwise_stays_refused(sqlite_store, tmp_path):
    """The same two columns in a file naming no register: a list of dated labels, nothing says milestones."""
    lines = ["Date,Label"] + [f"2027-0{i}-0{i},Entry {i} of the log" for i in range(1, 6)]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, _csv(tmp_path / "calendar.csv", lines))


def test_a_timeline_template_with_instructions_in_column_a_is_read_as_milestones(sqlite_store, tmp_path):
    """An accessible timeline template filled in: instruction sentences down column A, "Date | Milestone Title |
    Description or Activity | deliverable" at B3, in "Milestones.xlsx". It was refused as a schedule (the milestones
    register never weighed); the instructions are no column of the records and stay out of every note."""
    rows: list[list[object]] = [
        ["Create a timeline by entering the milestones in this worksheet. The title is in cell B1.", "Roadmap"],
        ["Select how to show the dates in the dropdown list in cell D2.", None, None, "Day Month"],
        ["Headings for the table are in cells B3 through E3.", "Date", "Milestone Title", "Description or Activity",
         "deliverable"],
        ["Enter the milestone dates in cells B4 through B8. Enter each title in column C.", date(2027, 5, 3),
         "Data received", "Collect the field notes", "data files"],
    ]
    rows += [[None, date(2027, 5, 3 + 3 * i), f"Milestone step {i} reached", f"Work of step {i}", "review"]
             for i in range(1, 5)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Milestones.xlsx", {"Chart Data": rows}))
    got = {m["title"]: m for m in rows_of(sqlite_store, "milestones")}
    assert len(got) == 5
    assert got["Data received"]["baseline"] == date(2027, 5, 3)
    assert "Enter the milestone" not in (got["Data received"]["notes"] or "")
    assert "Description or Activity: Collect the field notes" in got["Data received"]["notes"]
    (sheet,) = plan.sheets
    assert "instructions" in sheet.ignored[0]


def test_a_csv_with_comment_lines_under_its_header_reads_its_milestones(sqlite_store, tmp_path):
    """Italian "nome_milestone | task_data | task_posizione" with "#" lines explaining the columns under the header
    (one a commented-out example): the comments are no rows, said; the milestones are titled by their names."""
    lines = ["nome_milestone,task_data,task_posizione",
             "# nome_milestone : etichetta della milestone nel diagramma",
             "# task_data      : numero dell'attività (1, 2, 3) da cui prendere la data",
             "# Esempio:",
             "# Fine collaudo,12,12",
             "M1. Consegna del prototipo al cliente,14,15",
             "M2. Chiusura della fase di analisi,20,20",
             "M3. Rilascio della versione finale,31,31"]
    plan = import_all(sqlite_store, _csv(tmp_path / "milestones.csv", lines))
    titles = sorted(m["title"] for m in rows_of(sqlite_store, "milestones"))
    assert titles == ["M1. Consegna del prototipo al cliente", "M2. Chiusura della fase di analisi",
                      "M3. Rilascio della versione finale"]
    (sheet,) = plan.sheets
    assert "lines 2–5" in sheet.note and "#" in sheet.note


def test_a_comment_line_under_a_risk_csvs_header_is_no_risk(sqlite_store, tmp_path):
    """The same comments in any CSV: "# …" under the header of a risk list is said and makes no risk."""
    lines = ["Risk,Probability,Impact,Owner", "# exported by the weekly job; do not edit by hand",
             "Supplier delivers the parts late,High,Medium,Ann Lee", "Key engineer leaves,Low,High,Bo Chen"]
    plan = import_all(sqlite_store, _csv(tmp_path / "risks.csv", lines))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == ["Key engineer leaves",
                                                                         "Supplier delivers the parts late"]
    assert "line 2" in plan.sheets[0].note


def test_ticket_numbers_written_with_a_hash_are_no_comments(sqlite_store, tmp_path):
    """"#12" (a ticket's number) and a "#" header are no comment lines: every issue is read as before."""
    lines = ["#,Issue,Status", "#12,Login page times out,Open", "#13,Export drops the last row,Closed",
             "#14,Search ignores accents,Open"]
    import_all(sqlite_store, _csv(tmp_path / "issues.csv", lines))
    assert len(rows_of(sqlite_store, "issues")) == 3


def test_a_spanish_milestone_sheet_reads_title_date_and_owner(sqlite_store, tmp_path):
    """"Hito | Fecha | Responsable" on a sheet "Hitos": Spanish words of the milestones register — the sheet's name,
    the milestone, its plain date the baseline, its owner."""
    rows: list[list[object]] = [["Hito", "Fecha", "Responsable"]]
    rows += [[f"Entrega de la fase {i}", date(2027, i, 10), "Ana Ruiz"] for i in range(1, 5)]
    import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Hitos": rows}))
    got = {m["title"]: m for m in rows_of(sqlite_store, "milestones")}
    assert len(got) == 4
    assert got["Entrega de la fase 2"]["baseline"] == date(2027, 2, 10)
    assert got["Entrega de la fase 2"]["owner"] == "Ana Ruiz"


def test_a_historical_timeline_named_milestones_with_no_date_column_stays_refused(sqlite_store, tmp_path):
    """Guard: "month;year;milestone;status" (institutions founded and closed, month and year apart, no date
    column) in "milestones.csv" is no milestone list."""
    lines = ["month;year;milestone;status", "6;1818;Correo del Orinoco;Cerrada", "6;1827;UCV;Existente",
             "1;1832;ULA;Existente", "7;1833;Bib. Nacional;Existente", "3;1870;Museo;Cerrada"]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, _csv(tmp_path / "milestones.csv", lines))
    assert rows_of(sqlite_store, "milestones") == []


def test_a_task_tracker_named_milestones_stays_refused(sqlite_store, tmp_path):
    """Guard: a team's activity tracker saved as "Milestones.xlsx" (Activity, Owner, Comment, review dates,
    "% completion") holds no milestone list."""
    rows: list[list[object]] = [["Activity", "Owner", "Comment", "Detail Discussion", "Initial Release Date",
                                 "Review Date", "Signoff", "Status % completion"]]
    rows += [[f"Build screen {i}", "Amol", f"Shared with team {i}", "Started", "TBD", date(2027, 3, i), "No", 0.1 * i]
             for i in range(1, 6)]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "Milestones.xlsx", {"Summary": rows}))
    assert rows_of(sqlite_store, "milestones") == []


_PORTFOLIO = ["Project Type", "Project Name", "Implement date", "Current State", "Scope Detail", "Progress",
              "Planned Budget", "Owner", "Status"]


def _portfolio_rows() -> list[list[object]]:
    return [["Project", f"Branch app wave {i}", date(2026, i, 20), "Design", f"Requirements clear for wave {i}",
             0.2 * i, 1000.0 * i, "Song Lee", "Green" if i % 2 else "Amber"] for i in range(1, 5)]


def _saved_on(path: Path, day: str) -> Path:
    """The workbook's core properties made to say it was last saved on ``day`` (openpyxl writes the time of saving)."""
    import re
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            parts[name] = zf.read(name)
    core = parts["docProps/core.xml"].decode("utf-8")
    parts["docProps/core.xml"] = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{day}T04:26:25Z", core).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_a_portfolio_status_list_with_no_period_is_read_as_at_the_day_it_was_saved(sqlite_store, tmp_path):
    """One row a project (its state, details, progress, budget, owner and a Green/Amber "Status") in "Project
    Status.xlsx", no date anywhere: refused whole before ("no column names the records (Period …)"). Now one status
    report a project as at the day the workbook says it was last saved, said; the RAG is the overall rating; the
    other columns kept in the commentary; each project made from its name."""
    path = _saved_on(write_xlsx(tmp_path / "Project Status.xlsx", {"Sheet1": [_PORTFOLIO, *_portfolio_rows()]}),
                     "2025-10-08")
    plan = import_all(sqlite_store, path)
    reports = {r["project"]: r for r in rows_of(sqlite_store, "status_reports")}
    assert len(reports) == 4
    first = reports["Branch app wave 1"]
    assert first["period"] == "2025-10" and first["reported_on"] == date(2025, 10, 8)
    assert first["overall"] == "Green" and reports["Branch app wave 2"]["overall"] == "Amber"
    assert "Scope Detail: Requirements clear for wave 1" in first["commentary"]
    assert "Current State: Design" in first["commentary"] and "Owner: Song Lee" in first["commentary"]
    assert sorted(p["name"] for p in rows_of(sqlite_store, "projects")) == [f"Branch app wave {i}" for i in range(1, 5)]
    assert "last saved" in plan.sheets[0].note and "2025-10-08" in plan.sheets[0].note


def test_a_portfolio_status_csv_with_no_period_is_refused_saying_the_period_is_missing(sqlite_store, tmp_path):
    """The same list as a CSV, which holds no day it was saved: refused saying what it is and that the period is
    missing (no date made up), not "set the column that holds each record's title"."""
    lines = [",".join(_PORTFOLIO)] + [",".join(str(x) for x in row) for row in _portfolio_rows()]
    with pytest.raises(WorkbookError, match="portfolio status list.*gives no period.*Period column"):
        import_all(sqlite_store, _csv(tmp_path / "project_status.csv", lines))
    assert rows_of(sqlite_store, "status_reports") == []


def test_a_period_column_the_same_on_every_row_dates_the_reports(sqlite_store, tmp_path):
    """A portfolio's report of one month writes the same period on every row: that dates the reports — it was
    dropped as "every row says “2025-10”, so it names no record" and the sheet refused."""
    rows = [["Period", *_PORTFOLIO]] + [["2025-10", *row] for row in _portfolio_rows()]
    import_all(sqlite_store, _csv(tmp_path / "project_status.csv", [",".join(str(x) for x in r) for r in rows]))
    reports = rows_of(sqlite_store, "status_reports")
    assert len(reports) == 4 and {r["period"] for r in reports} == {"2025-10"}
