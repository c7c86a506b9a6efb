"""Fault round 65: what the office remembers for a workbook's layout — the column mapping the user chose, the value
translations given, an open list's own words — kept in the office file by another version or edited by hand (a
database tool, a script), as an office's settings rows can be.

Each was read as if this version had written it: text that is no JSON, or a list where a mapping goes, ended every
import of that layout in an unexpected error; a remembered column "-1" mapped the sheet's last column as the risks'
titles ("Closed" for "Budget cut"), one past the sheet's last dropped its status, a field no longer the register's
stopped the import ("Column C is mapped to …, which is not a column"). Now a remembered value not of the shape this
version writes, or no longer fitting the sheet, is as none: the file is read as a layout never imported is."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.importer import MAPPING_SETTING, OWN_LIST_SETTING, VALUES_SETTING, plan_workbook_import
from pmo_desktop.models.store import Store

ROWS = [["ID", "Title", "Owner", "Status", "Category"],
        ["R1", "Supplier late", "Ann", "Open", "Technical"],
        ["R2", "Budget cut", "Bob", "Closed", "Commercial"]]
AS_WRITTEN = {"R1": ("Supplier late", "Ann", "Open"), "R2": ("Budget cut", "Bob", "Closed")}

KEPT = {
    "mapping, no JSON": (MAPPING_SETTING, "{not json"),
    "mapping, a list": (MAPPING_SETTING, json.dumps([0, 1])),
    "mapping, its columns a list": (MAPPING_SETTING, json.dumps({"register": "risks", "mapping": ["code"]})),
    "mapping, a column -1": (MAPPING_SETTING, json.dumps({"register": "risks", "mapping": {"0": "code", "-1": "title"}})),
    "mapping, a column past the sheet": (MAPPING_SETTING, json.dumps(
        {"register": "risks", "mapping": {"0": "code", "1": "title", "2": "owner", "40": "status"}})),
    "mapping, another version's field": (MAPPING_SETTING, json.dumps(
        {"register": "risks", "mapping": {"0": "code", "1": "title", "2": "risk_owner", "3": "status"}})),
    "translations, no JSON": (VALUES_SETTING, "{oops"),
    "translations, a list": (VALUES_SETTING, json.dumps(["Open"])),
    "translations, words as a list": (VALUES_SETTING, json.dumps({"risks": {"status": ["Open"]}})),
}


def _office_remembering(tmp_path: Path, prefix: str, value: str) -> tuple[Path, Path]:
    """An office keeping ``value`` for the layout of the workbook, written into its file as a database tool does."""
    workbook = write_csv(tmp_path / "risks.csv", ROWS)
    office = tmp_path / "office.pmo"
    store = Store.create(office)
    layout = plan_workbook_import(store, workbook).sheets[0].layout
    store.close()
    con = sqlite3.connect(office)
    con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (prefix + layout, value))
    con.commit()
    con.close()
    return office, workbook


@pytest.mark.parametrize("kept", sorted(KEPT))
def test_a_remembered_value_of_another_shape_is_as_none(tmp_path: Path, kept: str) -> None:
    office, workbook = _office_remembering(tmp_path, *KEPT[kept])
    store = Store.open(office)
    try:
        import_all(store, workbook)
        risks = {r["code"]: (r["title"], r["owner"], r["status"]) for r in rows_of(store, "risks")}
        assert risks == AS_WRITTEN
    finally:
        store.close()


def test_an_open_lists_own_words_of_another_shape_do_not_stop_the_import(tmp_path: Path) -> None:
    """The categories an earlier import added (kept as a list of words), kept as text that is no JSON: the import
    planned and applied as in an office without them, and its words are kept as a list again."""
    workbook = write_csv(tmp_path / "risks.csv", ROWS)
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    con = sqlite3.connect(office)
    con.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (OWN_LIST_SETTING + "risks.category", "[Data"))
    con.commit()
    con.close()
    store = Store.open(office)
    try:
        import_all(store, workbook)
        assert {r["code"]: (r["title"], r["owner"], r["status"]) for r in rows_of(store, "risks")} == AS_WRITTEN
    finally:
        store.close()
