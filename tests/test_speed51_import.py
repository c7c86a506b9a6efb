"""Issue 16, round speed51: what the columns of choices kept in the notes add to an ordinary row (its lines in the
notes, the words counted for the preview) is found once per distinct tuple of those cells and of the choices they
were stored as (``Planner._kept_of``), per sheet, not by a pass over the columns each row. The same workbooks
planned and imported with the one-step plan and without it (``Planner.ordinary_rows``) give the same plan, preview
lines, records, notes and history; a sheet's lines never carry another sheet's header, nor a row's another row's
words."""

import openpyxl
import pytest
from test_fastkept49 import LEVEL, STATUS, THREAT, notes_of, with_other_words
from test_import_ordinary_rows import HEADER, TAKEN, db_state, new_store, plan_both, plan_state

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.excel.row_planner import Planner


@pytest.fixture
def stores(tmp_path):
    """Two offices: the first planned with the one-step plan, the second without it (``plan_both``)."""
    pair = [new_store(tmp_path / "on.pmo"), new_store(tmp_path / "off.pmo")]
    yield pair
    for s in pair:
        s.close()


def two_sheets(path, first_rows, second_rows, second_header):
    wb = openpyxl.Workbook()
    for ws, header, rows in ((wb.active, HEADER, first_rows), (wb.create_sheet(), second_header, second_rows)):
        ws.title = "Risk register" if header is HEADER else "Risk log"
        ws.append(["Retail programme — risk register"])
        ws.append([])
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def import_both(stores, monkeypatch, path):
    """Every sheet of the workbook planned and imported into each store, the step on for the first and off for
    the second: the same plan, result and records."""
    plans = plan_both(stores, monkeypatch, lambda s: plan_workbook_import(s, path))
    assert plan_state(plans[0]) == plan_state(plans[1])
    results = []
    for store, plan, on in zip(stores, plans, (True, False)):
        with monkeypatch.context() as m:
            m.setattr(Planner, "ordinary_rows", on)
            results.append(vars(apply_import(store, plan)))
    assert results[0] == results[1]
    assert db_state(stores[0]) == db_state(stores[1])
    return plans[0], results[0]


@pytest.fixture
def kept_asks(monkeypatch):
    """How many times each sheet's kept columns were worked out for a row (``_kept_of``), by sheet."""
    asks: list[int] = []
    real = Planner._kept_of

    def counted(self, row, values):
        asks.append(id(self._kept_found))
        return real(self, row, values)

    monkeypatch.setattr(Planner, "_kept_of", counted)
    return asks


def test_each_sheet_says_its_own_header_for_the_same_words(stores, tmp_path, monkeypatch, kept_asks):
    # the same words under the same choices on two sheets whose status and level columns are headed otherwise:
    # each record's note names its own sheet's header (found once per sheet, not carried to the next)
    first = with_other_words(51, 60)
    second = with_other_words(52, 60, start=200)
    header = list(HEADER)
    header[STATUS], header[LEVEL] = "Risk status", "Risk level"
    path = two_sheets(tmp_path / "two.xlsx", first, second, header)
    plan, result = import_both(stores, monkeypatch, path)
    assert result["inserted"] == 120 and plan.count(Action.INSERT) == 120
    assert TAKEN[0] >= 110  # nearly every row in one step, both sheets
    notes = notes_of(stores[0])
    assert notes == notes_of(stores[1])
    mitigated = [r[0] for r in first if r[STATUS] == "Mitigated"]
    mitigated2 = [r[0] for r in second if r[STATUS] == "Mitigated"]
    assert mitigated and mitigated2
    assert all("Status: Mitigated" in notes[c] and "Risk status" not in notes[c] for c in mitigated)
    assert all("Risk status: Mitigated" in notes[c] for c in mitigated2)
    programme = [r[0] for r in second if r[LEVEL] == "Programme"]
    assert programme and all("Risk level: Programme" in notes[c] for c in programme)
    plans = plan_both(stores, monkeypatch, lambda s: plan_workbook_import(s, path))
    assert [s.note for s in plans[0].sheets] == [s.note for s in plans[1].sheets]


def test_kept_words_worked_out_once_per_combination_and_no_row_takes_anothers(stores, tmp_path, monkeypatch,
                                                                             kept_asks):
    rows = with_other_words(7, 90)
    path = two_sheets(tmp_path / "one.xlsx", rows, [], HEADER[:3])
    plans = plan_both(stores, monkeypatch, lambda s: plan_workbook_import(s, path))
    assert plan_state(plans[0]) == plan_state(plans[1])
    assert plans[0].sheets[0].note == plans[1].sheets[0].note
    assert TAKEN[0] >= 60
    # one ask per distinct tuple of the kept cells (and their choices), not one per row
    kept_cols = [c for c, h in enumerate(HEADER) if h in ("Threat / opportunity", "Level", "Response", "Status")]
    distinct = {tuple(r[c] for c in kept_cols) for r in rows[1:]}
    assert len(kept_asks) <= len(distinct) < len(rows) - 1
    plan, _result = import_both(stores, monkeypatch, path)
    notes = notes_of(stores[0])
    assert notes == notes_of(stores[1])
    for row in rows:
        if row[STATUS] in ("Open", "Closed", None):
            assert "Status:" not in notes[row[0]]
        if row[THREAT] == "Threat":
            assert "Threat / opportunity:" not in notes[row[0]]
