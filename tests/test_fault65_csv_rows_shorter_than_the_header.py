"""Fault round 65: a CSV whose rows leave their empty cells at the end unwritten — written by hand, or by a tool
that writes "R1,Supplier late,Ann,Closed" under "ID,Title,Owner,Status,Due,Notes" when the due day and the notes
are empty.

The reader took the width most rows have (4) for the table's and the header's two more names for the text of an
unquoted comma in its last column: one header "Title,Owner,Status" — the owner imported as each risk's title, the
title and the status put in the notes, the rows read as dependencies, without a word. Now a header whose names past
the rows' width are each a name of its own (no ", " piece) is the table's width, and the rows are short."""

from __future__ import annotations

from pathlib import Path

from imported import import_all, rows_of

from pmo_desktop.excel.workbook_reader import DEFAULT_LIMITS, _read_csv


def test_rows_shorter_than_their_header_keep_every_column_under_its_name(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.csv"
    path.write_text("ID,Title,Owner,Status,Due,Notes\n"
                    "R1,Supplier late,Ann,Closed\n"
                    "R2,Budget cut,Bob,Closed\n"
                    "R3,Staff leave,Cy,Open\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert {code: (r["title"], r["owner"], r["status"]) for code, r in risks.items()} == {
        "R1": ("Supplier late", "Ann", "Closed"),
        "R2": ("Budget cut", "Bob", "Closed"),
        "R3": ("Staff leave", "Cy", "Open")}
    assert not rows_of(sqlite_store, "dependencies")


def test_a_header_piece_after_an_unquoted_comma_and_space_is_still_its_last_columns_text(tmp_path: Path) -> None:
    """The guard (passes on main too): a header's last name holding ", " ("Status, open or closed") over rows of
    the width it has without that comma is one column, as before."""
    path = tmp_path / "risks.csv"
    path.write_text("ID,Title,Status, open or closed\nR1,Supplier late,Closed\nR2,Budget cut,Open\n", encoding="utf-8")
    assert _read_csv(path, DEFAULT_LIMITS)[0] == ["ID", "Title", "Status, open or closed"]
