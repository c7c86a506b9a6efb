"""Issue 12, classes88: the miss classes of unseen set 88 as general rules — an issue list whose comments column is
empty on the whole sheet is titled by its one column of sentences; a record filling only its title between blank
rows, more records after it, is a record and no legend; a decision register naming the option chosen (and the ones
rejected); an issue's status written "<state>: <how it was solved>". Each test writes a workbook of the shape (never
a fetched file) and failed on the code before (main d9ccd20b), unless its docstring says it guards a reading that
must not change."""

from __future__ import annotations

from datetime import datetime

from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

_LATER = ["Sort the monthly report by its newest start date", "Add a scroll bar to the expense dialog on small screens",
          "Let people pick names from earlier reports with a tick box", "Raise the version number in the app manifest",
          "Swap the drop down for tick boxes in the sharing dialog", "Warn before leaving a half finished screen"]


def _spaced(first: list[object], rest: list[list[object]]) -> list[list[object]]:
    rows = [first]
    for row in rest:
        rows += [[None] * len(row), row]
    return rows


def test_an_issue_sheet_whose_comments_are_empty_is_titled_by_its_sentences(sqlite_store, tmp_path):
    """"Date | Item | comments | Status" on a later sheet of an issue tracker where only the items are written yet
    (one date on the first row, a blank row between records): the comments column, empty on the whole sheet, had
    stopped the items from titling the records — kept in the notes, every row was skipped "no values in the
    imported columns". The items are the issues' titles, as on the sheet whose comments are filled."""
    header = ["Date", "Item", "comments", "Status"]
    first = [header,
             [datetime(2023, 9, 1), "Center the error message when no report is found", "Only on small screens", "Done"],
             [None, "Add an action to the expense table for each row", "Or a long press on the row", None],
             [None, "The reset button on the add report screen does nothing", None, "Done"]]
    later = _spaced(header, [[datetime(2024, 3, 3), _LATER[0], None, None]] + [[None, t, None, None] for t in _LATER[1:]])
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue tracker.xlsx", {"v1": first, "v2": later}))
    titles = set(named(sqlite_store, "issues"))
    assert set(_LATER) <= titles
    assert len(titles) == 9


def test_an_empty_notes_column_beside_file_paths_still_names_nothing(sqlite_store, tmp_path):
    """Guards round 40's reading (must not change): a filing log's file paths beside an empty "notes" column are no
    issues' names, however many words the paths hold."""
    rows = [["timestamp", "file", "reviewer", "notes", "action"],
            ["2025-08-09T16:47:53", "/home/me/projects/filing/input/01-05-2025 - DL - Working With Leads.eml", "Hady",
             None, "Filed (Move)"],
            ["2025-08-09T16:49:10", "/home/me/projects/filing/input/12-12-2024 - GB Monthly Review Notes.eml", "Hady",
             None, "Filed (Move)"]]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    assert rows_of(sqlite_store, "issues") == []


def test_a_record_with_only_its_title_between_blank_rows_is_a_record_when_records_follow(sqlite_store, tmp_path):
    """An issue tracker's records one to a block between blank rows, most filling the item and a comment or a
    status, two filling only the item: those two were skipped "below the table: a legend or notes" though more
    records came after them. A sparse block with records of the table after it is a record; under the last record
    a lone note is still a legend (tested: the last row)."""
    rows = _spaced(["Date", "Item", "comments", "Status"], [
        [datetime(2024, 8, 31), "Sync the app across several devices", "Maybe a cloud store", None],
        [None, "Export reports to PDF and Word", None, None],
        [None, "Import expenses from a bank statement", "Read the file the bank gives", None],
        [None, "Link one expense report with another", "Define the rules first", None],
        [None, "Keep a master list of members to pick from", None, None],
        [None, "Split costs by each member's share", "Ask each member for a ratio", None],
        [None, "Items in bold are for the next release", None, None],
    ])
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue tracker.xlsx", {"Features": rows}))
    titles = set(named(sqlite_store, "issues"))
    assert {"Export reports to PDF and Word", "Keep a master list of members to pick from"} <= titles
    assert len(titles) == 6 and "Items in bold are for the next release" not in titles
