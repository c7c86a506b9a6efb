"""An import read (its preview made, or the command line's plan) while another window or program — a
colleague on the shared server, a second PMO Desktop on the same file — adds records before it is
written. The new rows' IDs were the next free ones when the workbook was read; one taken since refuses
the import (nothing written) with the reason as it is, not as a duplicate ID in the user's workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.errors import ImportRefused
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


def workbook(path: Path, rows: int, with_ids: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append((["ID"] if with_ids else []) + ["Title", "Probability", "Impact", "Status"])
    for i in range(rows):
        ws.append(([f"R-{i + 1:03d}"] if with_ids else []) + [f"Imported risk {i}", 2, 3, "Open"])
    wb.save(path)
    return path


def codes(store: Store) -> list[str]:
    with store.session() as s:
        return sorted(r.code for r in s.query(RISKS.entity))


@pytest.fixture
def two_windows(store_url):
    """Two stores on one office, as two windows or processes have: a risk in it already."""
    mine, theirs = Store.open(store_url), Store.open(store_url)
    with mine.transaction() as s:
        records.create_record(s, RISKS, {"title": "Before", "status": "Open"})
    yield mine, theirs
    mine.close()
    theirs.close()


def test_a_risk_added_elsewhere_between_preview_and_import(two_windows, tmp_path: Path) -> None:
    mine, theirs = two_windows
    plan = plan_import(mine, workbook(tmp_path / "risks.xlsx", 5), register="risks")
    assert [r.report.code for r in plan.sheets[0].rows] == ["R-002", "R-003", "R-004", "R-005", "R-006"]
    with theirs.transaction() as s:  # the colleague's risk takes the next free ID, R-002
        records.create_record(s, RISKS, {"title": "Theirs", "status": "Open"})
    with pytest.raises(ImportRefused) as refused:
        apply_import(mine, plan)
    said = str(refused.value)
    assert "already used" not in said, said  # "ID R-002 is already used": not in the workbook, which has no IDs
    assert ("Risks row 2 was to be added as R-002, but another window or program added a record as R-002 "
            "since “risks.xlsx” was read, so nothing was imported. Import it again") in said
    assert codes(mine) == ["R-001", "R-002"]  # nothing of the import
    again = apply_import(mine, plan_import(mine, tmp_path / "risks.xlsx", register="risks"))
    assert again.inserted == 5 and codes(mine)[-1] == "R-007"


def test_an_id_the_workbook_gives_is_still_said_to_be_taken(two_windows, tmp_path: Path) -> None:
    """The control: an ID written in the workbook that another window took since is the workbook's."""
    mine, theirs = two_windows
    with mine.transaction() as s:
        s.query(RISKS.entity).delete()
    plan = plan_import(mine, workbook(tmp_path / "risks.xlsx", 3, with_ids=True), register="risks")
    with theirs.transaction() as s:
        records.create_record(s, RISKS, {"code": "R-002", "title": "Theirs", "status": "Open"})
    with pytest.raises(ImportRefused, match="R-002” is already used by another record"):
        apply_import(mine, plan)
