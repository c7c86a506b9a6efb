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
