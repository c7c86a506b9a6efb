"""A workbook of many data sheets that hold no register (issue 16 / issue 12, round speed57b): a shop's monthly
sales, one sheet a month, "Units | Dollars | Series | Issue | Price | Publisher | Est. units" (ranks, issues and prices as text). It is refused
as before, in the same words; what a sheet costs no longer grows with the sheets before it of the same words:
a short text's near level word (heat map axes, ``axis_orders``) is slipped against the level words once per word,
where every sheet slipped every title against every level word of every language again. Counted, not timed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from openpyxl import Workbook

from pmo_desktop.excel import header_detection as hd
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import NO_HEADER_WHAT_TO_DO, plan_workbook_import
from pmo_desktop.models.store import Store

_WORDS = ("Amazing", "Spider", "Midnight", "Starlight", "Darkness", "Ironclad", "Greenwood", "Silverado", "Younglings",
          "Lostworld", "Wildfire", "Knighthood", "Legionnaire", "Patrolman", "Sagacity", "Hunters", "Stormfront")


def _sales_book(path: Path, sheets: int) -> Path:
    rnd = random.Random(16)
    names = [f"{rnd.choice(_WORDS)}" if k % 2 else f"{rnd.choice(_WORDS)} {rnd.choice(_WORDS)}" for k in range(60)]
    wb = Workbook()
    wb.remove(wb.active)
    for s in range(sheets):
        ws = wb.create_sheet(f"2009_{s + 1:02d}")
        ws.append(["Units", "Dollars", "Series", "Issue", "Price", "Publisher", "Est. units"])
        rows = random.Random(s)  # each month its own figures, the same titles
        for r in range(2, 62):
            units = rows.randint(1000, 90_000)
            ws.append([str(r - 1), str(rows.randint(1, 60)), names[(r + s) % len(names)], str(rows.randint(1, 700)), "$3.99",
                       ("Marvel", "DC", "Image")[r % 3], float(units)])
    wb.save(path)
    return path


def _refusal(tmp_path: Path, book: Path) -> str:
    store = Store.create(tmp_path / f"{book.stem}.pmo")
    try:
        with pytest.raises(WorkbookError) as refused:
            plan_workbook_import(store, book)
        return str(refused.value)
    finally:
        store.close()


def test_many_sales_sheets_refused_in_the_same_words(tmp_path: Path) -> None:
    book = _sales_book(tmp_path / "Sales by month.xlsx", 5)
    assert _refusal(tmp_path, book) == (
        "No sheet of “Sales by month.xlsx” has a header row naming register columns (such as ID, Title, Owner) "
        "in its first rows; check the workbook" + NO_HEADER_WHAT_TO_DO)


def _slips_asked(tmp_path: Path, sheets: int, monkeypatch: pytest.MonkeyPatch) -> int:
    for cached in ("_near_scale_level", "_slips"):
        if hasattr(getattr(hd, cached, None), "cache_clear"):
            getattr(hd, cached).cache_clear()
    asked = 0
    slips = hd._slips

    def counted(a: str, b: str) -> int:
        nonlocal asked
        asked += 1
        return slips(a, b)

    monkeypatch.setattr(hd, "_slips", counted)
    _refusal(tmp_path, _sales_book(tmp_path / f"sales{sheets}.xlsx", sheets))
    monkeypatch.setattr(hd, "_slips", slips)
    return asked


def test_a_sheet_of_the_same_words_asks_no_slips_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _slips_asked(tmp_path, 1, monkeypatch)
    six = _slips_asked(tmp_path, 6, monkeypatch)
    # the first sheet's words are slipped against the level words of their length once; five sheets more of
    # the same titles add only their other figures' few words (before: 6 sheets asked 6 times the first's)
    assert six < one * 1.5, (one, six)


@pytest.mark.parametrize("word", ["unlikly", "extreemlylikely", "negliable", "catastophic", "amazingspider",
                                  "moderat", "significnt", "midnight", "rarely"])
def test_near_level_as_before(word: str) -> None:
    levels = hd.value_words("scale")
    allowed = 2 if len(word) >= 9 else 1
    near = {levels[k] for k in levels if len(k) >= 6 and k.isalpha() and hd._slips(word, k) <= allowed}
    expected = near.pop() if len(near) == 1 else None
    assert hd.level_at_an_end(word, levels) == expected
    assert hd.level_at_an_end(word, dict(levels)) == expected  # a ladder of its own: the same search
