"""Classes of problem found on round 54 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_charts_data_series_is_no_register(sqlite_store, tmp_path):
    """A dashboard's bubble chart fed from "risk.xlsx": the same few kinds of risk repeated with random dates,
    probabilities and amounts, each row carrying the plot's marker shape ("circle", "triangle-up") and colour
    ("DarkOrchid"). Its name, probability and type columns matched the risk register and every point was read
    as a risk (29 junk records). A column of marker symbols beside one of colours as a program names them is a
    chart's data: the file adds nothing and says why. A register with a RAG column ("Red", "Green") is no chart."""
    shapes = [("Изменение курса", "Бухгалтерия", "circle", "Cyan"), ("Износ оборудования", "IT", "triangle-up",
              "DarkOrchid"), ("Нехватка кадров", "Кадры", "square", "DeepPink")]
    rows = [["Название", "Дата", "Вероятность", "Последствия", "Тип", "Фигура", "Цвет"]]
    for i in range(9):
        name, kind, shape, colour = shapes[i % 3]
        rows.append([name, dt.datetime(2015 + i, 1 + i, 3), round(0.1 * (i + 1), 2), 1000 * (i + 7), kind, shape,
                     colour])
    path = write_xlsx(tmp_path / "risk.xlsx", {"Лист1": rows})
    with pytest.raises(WorkbookError, match="a chart's data.*“Фигура” holds a plot's marker shapes.*“Цвет” its colours"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    rag = write_csv(tmp_path / "risks.csv", [
        ["Risk ID", "Risk", "Likelihood", "Impact", "RAG", "Shape of the response"],
        ["R1", "Supplier fails", "High", "High", "Red", "square"],
        ["R2", "Key staff leave", "Low", "Medium", "Green", "circle"],
        ["R3", "Scope grows", "Medium", "Medium", "Amber", "square"]])
    import_all(sqlite_store, rag)
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R2", "R3"}


def test_numbered_empty_rows_under_the_last_record_leave_its_ids_and_notes_alone(sqlite_store, tmp_path):
    """A company's issue sheet listed newest first (I7 … I1) over eleven pre-numbered empty rows "I3" … "I13".
    The numbers written twice made "Issue ID" look like no ID column: every issue got a made-up code (I-001 for
    I7) and the eleven numbers were glued into I1's notes as lines of its text. A row filling its ID alone is a
    template's empty row, no repeat of an ID: the IDs are read, the empty rows skipped."""
    rows = [["Issue ID", "Disruption Potential", "Issue Score", "Last Reviewed", "Issue Status", "Issue Short Name",
             "Issue Description", "Mitigation Strategy"]]
    for n in range(7, 0, -1):
        rows.append([f"I{n}", "Significant", 25, dt.datetime(2013, 10, 27 - n), "Closed /\nResolved",
                     f"Authentication API number {n} unstable", f"The API of vendor {n} returns erratic answers.",
                     f"Working with the vendor's developers ({n})."])
    rows += [[f"I{n}"] for n in range(3, 14)]
    path = write_xlsx(tmp_path / "Risks and Issues.xlsx", {"Issues": rows})
    import_all(sqlite_store, path)
    issues = by_code(sqlite_store, "issues")
    assert set(issues) == {f"I{n}" for n in range(1, 8)}
    assert issues["I7"]["status"] == "Closed"
    assert not any("I13" in str(value) for value in issues["I1"].values())


def test_a_register_typed_over_several_rows_a_record_keeps_every_line(sqlite_store, tmp_path):
    """A course's risk register typed as text art: each record's response and owner wrapped by hand over two
    to four rows ("Compatibility Testing of all the" over "integrated components", "All the developers" over
    "of the ecom website"), and a "Status" column, a monitoring sentence on each risk, set apart by an empty
    spacer column. The wrapped lines were lost ("Title cannot be empty", "looks like a note"), each plan kept
    its first line only, and the "Status" column was dropped whole as "another table beside". A sentence cut
    at a cell's end goes on in the cell below, an owner's too, and a column past a spacer written on the row
    of every record is the register's own: nothing is lost."""
    rows = [["No.", "Risk Identified", None, "Response Strategy", None, "Risk Owner", None, None, None, "Status"],
            [1, "Integration", None, "Compatibility Testing of all the", None, "All the developers", None, None,
             None, "Report the output of testing to"],
            [None, None, None, "integrated components", None, "of the ecom website", None, None, None,
             "Project Manager"],
            [],
            [2, "Scope", None, "Redefining Scope", None, "Nitesh Gupta", None, None, None,
             "Take the Stakeholders into"],
            [None, None, None, "and Quality Requirements", None, None, None, None, None, "account"],
            [],
            [3, "Time", None, "Re-evaluate Project duration from", None, "Ann Lee", None, None, None,
             "Make requisite Changes to"],
            [None, None, None, "time to time and Schedule remaining", None, None, None, None, None,
             "the Working strategy"],
            [None, None, None, "activities accordingly"],
            [],
            [4, "Cost", None, "Estimate errors and cut expenditure", None, "Vinay Thapa", None, None, None,
             "Team leaders should report to"],
            [None, None, None, "on unnecessary breaks", None, None, None, None, None, "the Finance Department"]]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"1", "2", "3", "4"}
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Compatibility Testing of all the integrated components" in plans
    assert "Re-evaluate Project duration from time to time and Schedule remaining activities accordingly" in plans
    assert "Take the Stakeholders into account" in risks["2"]["notes"]
    assert "the Finance Department" in risks["4"]["notes"]
    people = {p["name"] for p in rows_of(sqlite_store, "people")}
    assert "All the developers of the ecom website" in people and "of the ecom website" not in people


def test_disruption_potential_is_the_impact_and_a_showstopper_its_top(sqlite_store, tmp_path):
    """A company's risk sheet rates each risk's "Disruption Potential" (Minimal, Medium, Significant,
    Showstopper): the column was kept in the notes, no risk had an impact. It is the impact, and a
    showstopper is its top level."""
    path = write_csv(tmp_path / "risks.csv", [
        ["Risk ID", "Risk Short Name", "Disruption Potential", "Mitigation Strategy"],
        ["R1", "No demonstration platform", "Showstopper", "Secure a cloud virtual machine."],
        ["R2", "Insufficient authenticator APIs", "Significant", "Evaluate three vendors."],
        ["R3", "Too much from product", "Minimal", "Label every component proof-of-concept."]])
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert (risks["R1"]["impact"], risks["R2"]["impact"], risks["R3"]["impact"]) == (5, 4, 1)
