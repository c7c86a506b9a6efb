"""fault70: a CSV given under another name (.txt, .xls — Excel's text export, a web system's "Excel" file) whose first
header is bracketed with no letter after the bracket — a to-do list's box "[ ]", a numbered "[1] ID" — was refused
as "data in JSON" since stop 56 told JSON by its first characters, and JSON named .csv was read as a CSV ("no header
row"). Only a text whose first value reads as JSON to the end of its line (or past the part looked at) is JSON,
whatever its name; a value followed by more of the line is a CSV's header."""

from __future__ import annotations

import json

import pytest
from imported import import_all, rows_of

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import


@pytest.mark.parametrize(("name", "text"), [
    ("risks.txt", "[ ],Risk,Owner,Status\n[x],Supplier late,Ann Lee,Open\n[ ],Key staff leave,Ben Ode,Closed\n"),
    ("risks.xls", "[]\tRisk\tOwner\tStatus\n[x]\tSupplier late\tAnn Lee\tOpen\n[]\tKey staff leave\tBen Ode\tClosed\n"),
    ("risks.txt", "[1] ID,Risk,Owner,Status\nR1,Supplier late,Ann Lee,Open\nR2,Key staff leave,Ben Ode,Closed\n"),
    ("risks.csv", "[ ],Risk,Owner,Status\n[x],Supplier late,Ann Lee,Open\n[ ],Key staff leave,Ben Ode,Closed\n"),
])
def test_a_bracketed_first_header_is_still_a_csv(sqlite_store, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    import_all(sqlite_store, path)
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == ["Key staff leave", "Supplier late"]


@pytest.mark.parametrize("text", [
    json.dumps([{"id": i, "title": f"Risk {i}", "open": True} for i in range(3000)], indent=2),  # past the sample
    json.dumps([{"id": i, "title": f"Risk {i}", "open": True} for i in range(3000)]),  # one line past it
    "\n".join(json.dumps({"id": i, "title": f"Risk {i}"}) for i in range(10)),  # JSON Lines
    '[{"id": 1, "title": "Supplier late"},',  # cut short
])
@pytest.mark.parametrize("name", ["risks.txt", "export.csv"])
def test_json_is_still_refused_for_what_it_is(sqlite_store, tmp_path, text, name):
    """Whatever its name: a web service's records saved as "export.csv" were read as a CSV, "no header row"."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError, match="is data in JSON"):
        plan_workbook_import(sqlite_store, path)
