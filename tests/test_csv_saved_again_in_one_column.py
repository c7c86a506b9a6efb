"""A comma CSV opened by a spreadsheet whose list separator is the semicolon lands in one column; saved again as
CSV, each of its lines is one quoted cell followed by the row's empty cells, and a cell typed over several lines is
cut into rows. It was refused whole ("no header row naming register columns"); its one cell per row, joined back,
is the file it was (import round 32's held-out set: a 470-issue GitHub dump)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from imported import import_all, named

from pmo_desktop.excel import csv_rewrapped

ORIGINAL_ROWS = [
    ["id", "title", "body", "created_at", "labels"],
    ["101", "Export drops the last row", "Steps:\n1. export 10 rows\n\n2. count them; nine", "2024-04-07T21:32:04Z",
     "bug"],
    ["102", "Crash on an empty office", "Open a new office, press Delete", "2024-04-06T14:58:05Z", "bug"],
    ["103", "Dates off by one", "Typed 5/12, stored 4/12", "2024-04-05T09:00:00Z", "bug, data"],
]


def _saved_again_in_one_column(rows: list[list[str]]) -> str:
    """What the spreadsheet writes: each line of the comma file split where it holds a semicolon (the separator
    it was opened with), every row padded to the widest, saved with semicolons and its own quoting."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    lines = [line.split(";") for line in buffer.getvalue().rstrip("\n").split("\n")]
    width = max(len(cells) for cells in lines) + 4
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(cells + [""] * (width - len(cells))
                                                                    for cells in lines)
    return out.getvalue()


def test_a_csv_saved_again_from_one_column_brings_its_issues(sqlite_store, tmp_path):
    path = tmp_path / "issues.csv"
    path.write_text(_saved_again_in_one_column(ORIGINAL_ROWS), encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines()[0] == "id,title,body,created_at,labels;;;;;"
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Export drops the last row", "Crash on an empty office", "Dates off by one"}
    body = issues["Export drops the last row"]["description"]
    assert body.startswith("Steps:\n1. export 10 rows\n\n2. count them; nine")  # its line breaks and ";" kept
    assert issues["Crash on an empty office"]["description"].startswith("Open a new office, press Delete")
    assert issues["Dates off by one"]["raised_on"] == dt.date(2024, 4, 5)


@pytest.mark.parametrize("text", [
    # a semicolon table of its own whose header leaves its last cells empty: its rows fill them
    "ID, Risk, Owner;;\nR-1;Supplier late;Ana\nR-2;Budget cut;Ben\nR-3;Scope creep;Cy\n",
    # one column of titles holding commas, no run of empty cells after them
    "Risk, cause, effect\n\"Supplier late, then cancels, costs\"\n\"Budget cut, fewer staff, delay\"\n",
])
def test_a_file_of_another_shape_is_not_unwrapped(text):
    assert csv_rewrapped.unwrapped(text) is None
