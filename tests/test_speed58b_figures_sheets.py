"""A workbook of many sheets of figures that hold no register (issue 16, round speed58b): each sheet one table from
its top, a header of words over rows of figures (ranks, prices written as text, units). Its header was tried among
the first rows and named no register; no row further down is searched again for one (importer's
``_figures_from_the_top``, decided once a sheet): each sheet's header search is made once. A sheet whose rows
are anything else under or over such a table — an empty row, a row of words, a register's header — is searched
deep as before, and the register under the figures is found."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import importer
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.store import Store

_NAMES = ("North Road", "Harbour Light", "Old Mill", "Blue Ridge", "Cedar Point", "Stone Bridge", "Lake View")


def _figures(rows: int, seed: int) -> list[list[Any]]:
    """A month's figures: a header of words over rows of a rank, a count and a price written as text, a name, a
    number of units."""
    rnd = random.Random(seed)
    out: list[list[Any]] = [["Rank", "Orders", "Product line", "Unit price", "Region", "Units sold"]]
    for r in range(1, rows + 1):
        out.append([str(r), str(rnd.randint(1, 90)), rnd.choice(_NAMES), f"${rnd.choice((1.5, 2.25, 9.99)):.2f}",
                    rnd.choice(("East", "West", "South")), float(rnd.randint(100, 9000))])
    return out


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    searched: list[str] = []
    detect = importer.detect_header

    def counting(rows: list[list[Any]], sheet_title: str, *args: Any, **kwargs: Any) -> Any:
        searched.append(sheet_title)
        return detect(rows, sheet_title, *args, **kwargs)

    monkeypatch.setattr(importer, "detect_header", counting)
    return searched


def test_sheets_of_figures_are_refused_with_one_header_search_each(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(tmp_path / "Monthly figures.xlsx",
                      {f"2021_{m:02d}": _figures(220, m) for m in range(1, 5)})
    searched = _counted(monkeypatch)
    store = Store.create(tmp_path / "office.pmo")
    try:
        with pytest.raises(WorkbookError) as refused:
            plan_workbook_import(store, path)
    finally:
        store.close()
    assert str(refused.value) == (
        "No sheet of “Monthly figures.xlsx” has a header row naming register columns (such as ID, Title, Owner) "
        "in its first rows; check the workbook" + importer.NO_HEADER_WHAT_TO_DO)
    # main searched each sheet twice: its first rows, then 200 rows deep (a sheet of 200 rows or fewer is read
    # turned as well, column_records: one search more of other rows)
    assert searched == ["2021_01", "2021_02", "2021_03", "2021_04"]


_RISKS = [["Risk ID", "Risk Title", "Owner", "Likelihood", "Impact", "Status"],
          ["R1", "Supplier misses the delivery window", "Ana Silva", "High", "Medium", "Open"],
          ["R2", "Warehouse flooding", "Tom Berg", "Medium", "High", "Open"],
          ["R3", "Price rise of raw materials", "Ana Silva", "Low", "High", "Closed"]]


@pytest.mark.parametrize("gap", [[[]], []], ids=["after an empty row", "right under the figures"])
def test_a_register_under_a_table_of_figures_is_still_found(sqlite_store: Store, tmp_path: Path,
                                                            gap: list[list[Any]]) -> None:
    rows = _figures(40, 3) + gap + _RISKS
    path = write_xlsx(tmp_path / "review.xlsx", {"Review": rows})
    plan = import_all(sqlite_store, path)
    assert plan.sheets[0].header_row == 42 + len(gap)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Price rise of raw materials", "Supplier misses the delivery window", "Warehouse flooding"]
    assert got["Warehouse flooding"]["code"] == "R2"
    assert got["Price rise of raw materials"]["status"] == "Closed"


def _rows(*rows: list[Any]) -> list[list[Any]]:
    width = max(len(r) for r in rows)
    return [list(r) + [None] * (width - len(r)) for r in rows]


def test_what_a_table_of_figures_from_the_top_is() -> None:
    from pmo_desktop.excel.importer import _figures_from_the_top  # (new in round speed58b)

    body = [[str(k), "North", "$2.99", 120.0] for k in range(1, 40)]
    header = ["Rank", "Region", "Price", "Units"]
    assert _figures_from_the_top(_rows(header, *body))
    assert _figures_from_the_top(_rows([], header, *body))  # empty rows over it: its first filled row heads it
    assert not _figures_from_the_top(_rows(["Sales"], header, *body))  # a caption over it
    assert not _figures_from_the_top(_rows(header, *body[:10], [], *body[10:]))  # an empty row within
    assert not _figures_from_the_top(_rows(header, *body[:10], ["Q2", "North"], *body[10:]))  # a row of words
    assert not _figures_from_the_top(_rows(header, *body[:10], ["ID", "Title", "Owner"], *body[10:]))
    assert not _figures_from_the_top(_rows(["Rank", 2021, "Price", "Units"], *body))  # a figure in its header
    assert not _figures_from_the_top(_rows(header, *body[:12]))  # too few rows to say
    assert not _figures_from_the_top(_rows(header, *[[str(k), "North", "East", "Open"] for k in range(40)]))
    assert not _figures_from_the_top(_rows([True, False], *[[True, True] for _ in range(40)]))
