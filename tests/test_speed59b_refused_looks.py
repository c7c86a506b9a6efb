"""A workbook of sheets of figures that hold no register (issue 16, round speed59b), as speed57b and speed58b: a shop's
monthly sales, one sheet a month, the same best sellers on top of each, in a file named for the issue log (as a
shop's comic "issues" are). It is refused as before, in the same words;
what the looks after the header search cost is counted, not timed:

- the bare-list look (unheaded_lists) tries each column's first values as status words, and a value near none was
  matched against the status words by ``difflib`` each time it was asked — twice a sheet, and again on every sheet
  the same title tops: now once a process a value (``value_translation._near``);
- the form reading of a skipped sheet (form_sheets) read every row's labels again for each of the ten registers it
  tries: now once a sheet (``form_sheets._RowsRead``), each register mapping the same labels as before.
"""

from __future__ import annotations

import difflib
import random
from pathlib import Path
from typing import Any

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel import form_sheets, header_detection, importer, value_translation, workbook_reader
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.excel.vocabulary import raid_type_headers, word_key, words_of
from pmo_desktop.models.store import Store

_TITLES = ("Midnight Harbour", "Starlight", "Greenwood Saga", "Ironclad", "Wildfire Legion", "Silverado",
           "Stormfront Tales", "Knighthood")


def _month(seed: int, rows: int = 40) -> list[list[Any]]:
    """A month's sales: the same best sellers on top, in the same order, then the month's own figures."""
    rnd = random.Random(seed)
    out: list[list[Any]] = [["Units", "Dollars", "Series", "Issue", "Price", "Publisher", "Est. units"]]
    for r in range(1, rows + 1):
        title = _TITLES[(r - 1) % len(_TITLES)] if r <= len(_TITLES) else f"{rnd.choice(_TITLES)} {r}"
        out.append([str(r), str(rnd.randint(1, 400)), title, str(rnd.randint(1, 700)), "$3.99",
                    ("Marvel", "Dark Horse", "Image")[r % 3], float(rnd.randint(1000, 90_000))])
    return out


def _refused(tmp_path: Path, name: str, months: int) -> str:
    path = write_xlsx(tmp_path / f"{name}.xlsx", {f"2010_{m + 1:02d}": _month(m) for m in range(months)})
    store = Store.create(tmp_path / f"{name}.pmo")
    try:
        with pytest.raises(WorkbookError) as refused:
            plan_workbook_import(store, path)
    finally:
        store.close()
    return str(refused.value)


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_the_same_titles_on_every_sheet_are_matched_near_the_status_words_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closes = _counting(monkeypatch, difflib, "get_close_matches")
    asked = []
    for name, months in (("One month of issues", 1), ("Six months of issues", 6)):
        monkeypatch.setattr(value_translation, "_near_answers", {}, raising=False)  # (none kept from before)
        closes[0] = 0
        said = _refused(tmp_path, name, months)
        assert said == (f"No sheet of “{name}.xlsx” has a header row naming register columns (such as ID, Title, "
                        "Owner) in its first rows; check the workbook" + importer.NO_HEADER_WHAT_TO_DO)
        asked.append(closes[0])
    one, six = asked
    assert one > 0  # the titles are tried as status words
    # main matched every sheet's titles again, twice a sheet: six months asked six times what one month did
    assert six <= one


def test_a_skipped_sheet_s_labels_are_read_once_for_every_register(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    labels = _counting(monkeypatch, form_sheets, "_label")
    said = _refused(tmp_path, "Comic issues", 1)
    assert said.startswith("No sheet of “Comic issues.xlsx” has a header row naming register columns")
    cells = 31 * 7  # the form reading's rows: the header and the first 30 rows under it, seven cells each
    # main read each cell as a label for each of the ten registers the form reading tries, and again for its pairs
    assert labels[0] <= 2 * cells


def test_forms_are_read_as_before(sqlite_store: Store, tmp_path: Path) -> None:
    """Sheets of label | value cells, one risk each, beside a sheet of figures: each form a risk, as before."""
    forms = {f"Risk {n}": [["Risk ID", f"R{n}"], ["Title", f"Supplier {n} misses the delivery"],
                           ["Owner", "Ana Silva"], ["Likelihood", "High"], ["Impact", "Low"], ["Status", "Open"]]
             for n in (1, 2)}
    path = write_xlsx(tmp_path / "risk forms.xlsx", {**forms, "2010_01": _month(3)})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert sorted(risks) == ["Supplier 1 misses the delivery", "Supplier 2 misses the delivery"]
    assert [risks[t]["status"] for t in sorted(risks)] == ["Open", "Open"]


@pytest.mark.parametrize("head", ["Type", "Issue Type", "Eintragstyp", "Kategorie", "Typology", "Tipo de entrada",
                                  "Categorías", "Subtype", "Log", "Tracker", "Title", "Status", "Notes", "", "Ty",
                                  "Kindergarten", "Bookkeeping", "Catalogue", "RAID ref"])
def test_a_type_header_is_told_as_before(head: str) -> None:
    words = raid_type_headers()
    key = word_key(head)
    before = any(w in key for w in ("type", "category", "raid", "kind", "log")) or any(
        w in words or any(len(x) >= 4 and (w.startswith(x) or w.endswith(x)) for x in words)
        for w in words_of(head))
    assert header_detection._raid_type_header(head) is before


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sheets calamine is asked to read, in order."""
    read: list[str] = []
    calamine = workbook_reader.SafeWorkbook._calamine

    class Counted:
        def __init__(self, wb: Any) -> None:
            self._wb = wb

        def __getattr__(self, name: str) -> Any:
            return getattr(self._wb, name)

        def get_sheet_by_name(self, title: str) -> Any:
            read.append(title)
            return self._wb.get_sheet_by_name(title)

    monkeypatch.setattr(workbook_reader.SafeWorkbook, "_calamine",
                        property(lambda book: Counted(calamine.fget(book))))  # type: ignore[attr-defined]
    return read


def test_each_sheet_of_a_refused_workbook_is_read_from_calamine_once(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    read = _opened(monkeypatch)
    said = _refused(tmp_path, "Three months of issues", 3)
    assert said.startswith("No sheet of “Three months of issues.xlsx” has a header row naming register columns")
    # main read every sheet five times: the Fibonacci look, the sheet's reading, the form and planned-work looks
    assert sorted(read) == ["2010_01", "2010_02", "2010_03"]


def test_a_sheet_read_again_reads_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second reader of a sheet (calamine's sheet kept by the workbook) reads every row, merged range and error
    cell as the first did, whatever the first did with its own (deepened, released, its ranges changed)."""
    rows: list[list[Any]] = [["Risk register"], [], ["ID", "Title", "Owner", "Score"]]
    rows += [[f"R{n}", f"Risk number {n}", "Ana" if n % 2 else None, f"=1/{0 if n == 7 else n}"] for n in range(1, 60)]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}, merges={"Risks": ["A1:D1"]})
    read = _opened(monkeypatch)
    with workbook_reader.SafeWorkbook(path) as book:
        first = book.sheet("Risks")
        top, every, ranges = first.top_rows(), first.all_rows(), list(first.merged_ranges())
        first.deepen(50)
        first.merged_ranges().clear()
        first.release()
        again = book.sheet("Risks")
        assert again.top_rows() == top
        assert again.all_rows() == every
        assert again.merged_ranges() == ranges == [(1, 0, 1, 3)]
        assert again.declared_rows == first.declared_rows == 62
    assert read == ["Risks"]
