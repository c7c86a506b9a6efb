"""The export stamp: the office, the time and each record's fingerprints as exported, and the three-way
decision it allows on re-import."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.stamp import STAMP_SHEET, Merge, fingerprint, merge_field, parse_stamp
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.settings import OFFICE_ID

RISKS = REGISTERS["risks"]


def test_export_stamps_office_and_every_record(demo_store, tmp_path):
    wb = load_workbook(export_workbook(demo_store, tmp_path / "out.xlsx"))
    stamp = parse_stamp(wb[STAMP_SHEET].iter_rows(values_only=True))
    with demo_store.session() as s:
        office = OFFICE_ID.read(s)
        risks = records.fetch_rows(s, RISKS)
    assert stamp is not None and stamp.office_id == office and len(office) == 32
    title = RISKS.field("title")
    for r in risks:
        row = stamp.row("risks", r[2])
        assert row is not None and row.version == r[1]
        assert row.fingerprints["title"] == fingerprint(title, r[3])
    # the same office keeps its id across exports
    again = parse_stamp(load_workbook(export_workbook(demo_store, tmp_path / "b.xlsx"))[STAMP_SHEET]
                        .iter_rows(values_only=True))
    assert again is not None and again.office_id == office


def test_fingerprints_ignore_how_a_value_was_typed():
    owner, links, raised, prob = (RISKS.field(n) for n in ("owner", "related_projects", "raised_on", "probability"))
    assert fingerprint(owner, "Ann Lee") == fingerprint(owner, " ann lee ")
    assert fingerprint(links, "Tills; Stock") == fingerprint(links, ["stock", "Tills"])
    assert fingerprint(raised, date(2026, 3, 1)) == fingerprint(raised, datetime(2026, 3, 1))
    assert fingerprint(prob, 3) == fingerprint(prob, 3.0) != fingerprint(prob, 4)
    assert fingerprint(owner, None) == fingerprint(owner, "")


@pytest.mark.parametrize("exported,office,workbook,expected", [
    ("old", "old", "old", Merge.KEEP),        # nobody changed it
    ("old", "old", "new", Merge.TAKE),        # only the colleague changed it
    ("old", "today", "old", Merge.KEEP),      # only the office changed it: never reverted
    ("old", "same", "same", Merge.KEEP),      # both made the same change
    ("old", "today", "theirs", Merge.CONFLICT),
    (None, "now", "theirs", Merge.TAKE),      # not in the export: a plain update
])
def test_three_way_decision(exported, office, workbook, expected):
    title = RISKS.field("title")
    base = None if exported is None else fingerprint(title, exported)
    assert merge_field(title, base, office, workbook) == expected
