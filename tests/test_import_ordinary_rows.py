"""Ordinary rows (every cell already a value of its field, below a record of the same block, an ID and a title
of their own) are planned in one step (``Planner._plan_ordinary``); every other row goes the full way. The same
workbooks, planned and imported with that step and without it (``Planner.ordinary_rows``), must give the same
plan (every report, value, refused row and list addition), the same records, the same record and risk history,
and the same rows left out, field by field: first imports, re-imports with edits, a partial import of a sheet
with errors, value translations given, and sheets the step never takes (columns kept in the notes)."""

import json
import sqlite3
from datetime import date, timedelta
from random import Random

import openpyxl
import pytest
from xlsx_factory import save

from pmo_desktop.excel.errors import ImportRefused
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_import, plan_workbook_import
from pmo_desktop.excel.row_planner import Planner
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

PROJECTS = ["Inventory management", "Point of sale replacement", "Customer loyalty"]
HEADER = ["Risk ID", "Risk title", "Threat / opportunity", "Category", "Level", "Project", "Risk owner",
          "Date raised", "Proximity", "Likelihood", "Impact (1-5)", "Inherent score", "Response", "Status",
          "Cause", "Notes"]
STAMPS = {"created_at", "updated_at", "changed_at", "recorded_at"}


def ordinary(i: int, rng: Random, title: str | None = None) -> list:
    p, im = rng.randint(1, 5), rng.randint(1, 5)
    raised = date(2025, 1, 1) + timedelta(days=rng.randint(0, 200))
    # (the register's own words of each choice: a word read as another, "T" as Threat or "Programme" as Program,
    # is kept in the notes and said, heldout50, which the full way does)
    return [f"R-{i:04d}", title or f"Risk {i}: the supplier may slip", rng.choice(["Threat", "threat", "Opportunity"]),
            rng.choice(["Technical", "Supplier", "People"]), rng.choice(["Project", "Program", "PROGRAM"]),
            rng.choice(PROJECTS), f"Owner {rng.randint(1, 6)}", raised, raised + timedelta(days=rng.randint(0, 90)),
            rng.choice([p, str(p), ["Very low", "Low", "Medium", "High", "Very high"][p - 1]]), im, p * im,
            rng.choice(["Accept", None]), rng.choice(["Open", "Closed"]),
            rng.choice(["Because the supplier is stretched.", "  Padded cause  ", None]),
            "Reviewed monthly." if i % 3 == 0 else None]


def ordinary_rows(n: int, seed: int, start: int = 1) -> list[list]:
    rng = Random(seed)
    return [ordinary(i, rng) for i in range(start, start + n)]


def mixed_rows(seed: int) -> list[list]:
    """Ordinary rows around every kind of row the full way takes, errors among them."""
    rng = Random(seed)
    rows = ordinary_rows(6, seed)
    rng.shuffle(rows)
    odd = [
        ["R-0101", "Regulator changes the rules", "Threat", "Weather events", "Project", PROJECTS[0], "Owner 1",
         date(2025, 2, 1), date(2025, 3, 1), 3, 3, 9, None, "Open", None, None],           # a new category
        ["R-0102", "Supplier insolvency", "Threat", "Supplier", "Project", "Inventory managment", "Owner 2",
         date(2025, 2, 1), date(2025, 3, 1), 2, 4, 8, None, "Open", None, None],           # a misspelled project
        ["R-0103", "Unknown project risk", "Threat", "Supplier", "Project", "Moon base", "Owner 2",
         date(2025, 2, 1), None, 2, 4, 8, None, "Open", None, None],                       # refused: no such project
        ["R-0104", "Excel error in a rating", "Threat", "People", "Project", PROJECTS[1], "Owner 3",
         date(2025, 2, 1), None, "#N/A", 4, None, None, "Open", None, None],               # refused: #N/A
        ["R-0105", "Escalated risk", "Threat", "People", "Project", PROJECTS[1], "Owner 3",
         date(2025, 2, 1), None, 2, 2, 4, "Escalate / Reduce", "Open", None, None],        # a flag and a strategy
        ["R-0106", "Proximity before raised", "Threat", "People", "Project", PROJECTS[1], "Owner 3",
         date(2025, 5, 1), date(2025, 4, 1), 2, 2, 4, None, "Open", None, None],           # the rule drops a value
        ["R-0107", "A response no threat has", "Threat", "People", "Project", PROJECTS[1], "Owner 3",
         date(2025, 5, 1), None, 2, 2, 4, "Exploit", "Open", None, None],                  # the rule again
        ["R-0108", "Strange likelihood", "Threat", "People", "Project", PROJECTS[2], "Owner 3",
         date(2025, 5, 1), None, "Sometimes-ish", 2, None, None, "Open", None, None],      # refused: unplaced value
        ["R-0109", "Watching status", "Threat", "People", "Project", PROJECTS[2], "Owner 4",
         date(2025, 5, 1), None, 2, 2, 4, None, "Watching", None, None],                   # translated when given
        ["R-0001", "Risk 1: the supplier may slip", "Threat", "People", "Project", PROJECTS[2], "Owner 4",
         date(2025, 5, 1), None, 2, 2, 4, None, "Open", None, None],                       # refused: ID twice
        [None, "A risk without an ID", "Threat", "People", "Project", PROJECTS[2], "Owner 4",
         date(2025, 5, 1), None, 2, 2, 4, None, "Open", None, None],                       # an ID given
        ["R-0110", "T" * 400, "Threat", "People", "Project", PROJECTS[2], "Owner 4",
         date(2025, 5, 1), None, 2, 2, 4, None, "Open", None, None],                       # a title cut
        ["R-0111", "None", "Threat", "People", "Project", PROJECTS[2], "Owner 4",
         None, None, 2, 2, 4, None, "Open", None, None],                                   # a title saying nothing
        ["Total", None, None, None, None, None, None, None, None, 30, 40, None, None, None, None, None],
        ["R-0112", "Two cells only", None, None, None, None, None, None, None, None, None, None, None, None,
         None, None],
        ["R-0114", "Copyright 2025 Retail plc. All rights reserved."] + [None] * 14,       # a notice
        ["R-0113", "Integer cells", 1, 2, 3, PROJECTS[0], 7, 45000, 45001, 2.0, True, None, 5, 1, 42, 3.5],
    ]
    rows += odd
    rows += ordinary_rows(4, seed + 1, start=200)
    rows.append(list(rows[-1]))                  # the row above again, cell for cell
    rows += [[None] * len(HEADER)] * 2             # a gap, then more rows
    rows += ordinary_rows(5, seed + 2, start=300)
    rows += [[None] * len(HEADER), ["Note: ratings follow the 2025 scale."] + [None] * (len(HEADER) - 1)]
    rows[5][9], rows[5][10] = rows[4][9], rows[4][10]  # rated alike: rows 8 and 9, their title merged, are one
    return rows


def workbook(path, rows, header=HEADER, merge_titles: tuple[int, int] | None = None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risk register"
    ws.append(["Retail programme — risk register"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    if merge_titles is not None:  # a title cell merged down over two rows (one record)
        first, last = merge_titles
        ws.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    return save(wb, path)


def new_store(path):
    store = Store.create(path)
    with store.transaction() as s:
        for project in PROJECTS:
            records.create_record(s, REGISTERS["projects"], {"name": project})
        records.create_record(s, REGISTERS["people"], {"name": "Owner 1"})
    return store


TAKEN: list[int] = []  # how many rows the step planned, in the last plan made with it


def plan_both(stores, monkeypatch, plan_fn):
    """The plan of each store (the ordinary step on for the first, off for the second)."""
    plans = []
    real = Planner._plan_ordinary

    def counted(self, *args):
        done = real(self, *args)
        TAKEN[0] += done is not None
        return done

    TAKEN[:] = [0]
    for store, on in zip(stores, (True, False)):
        with monkeypatch.context() as m:
            m.setattr(Planner, "ordinary_rows", on)
            m.setattr(Planner, "_plan_ordinary", counted)
            plans.append(plan_fn(store))
    return plans


def plan_state(plan):
    sheets = []
    for s in plan.sheets:
        rows = [(p.report.sheet, p.report.row, p.report.action, p.report.code, p.report.reason, p.values,
                 p.record_id, p.parent_code, p.has_title, p.raw, p.actions, p.unplaced, p.failures) for p in s.rows]
        sheets.append((s.sheet, s.register, s.mapping, rows, s.unplaced, s.to_create, s.replace_parents,
                       s.replaced_children, s.extras))
    return sheets, plan.new_choices, plan.skipped_sheets, plan.summary()


def db_state(store):
    """Every table of the file but the time stamps; the record history's JSON without them too."""
    con = sqlite3.connect(store.target)
    out = {}
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        cur = con.execute(f'SELECT * FROM "{table}" ORDER BY 1')
        names = [d[0] for d in cur.description]
        rows = []
        for row in cur:
            rec = {n: x for n, x in zip(names, row) if n not in STAMPS}
            if table == "record_history" and rec.get("data"):
                rec["data"] = {k: x for k, x in json.loads(rec["data"]).items() if k not in STAMPS}
            rows.append(rec)
        out[table] = rows
    con.close()
    return out


@pytest.fixture
def stores(tmp_path):
    pair = [new_store(tmp_path / "on.pmo"), new_store(tmp_path / "off.pmo")]
    yield pair
    for s in pair:
        s.close()


def import_both(stores, monkeypatch, path, **kwargs):
    partial = kwargs.pop("partial", False)
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, path, **kwargs))
    assert plan_state(plans[0]) == plan_state(plans[1])
    results = []
    for store, plan, on in zip(stores, plans, (True, False)):
        with monkeypatch.context() as m:
            m.setattr(Planner, "ordinary_rows", on)
            results.append(vars(apply_import(store, plan, partial=partial)))
    assert results[0] == results[1]
    assert db_state(stores[0]) == db_state(stores[1])
    return plans[0], results[0]


def test_ordinary_rows_first_import_then_edits_then_the_same_again(stores, tmp_path, monkeypatch):
    first = workbook(tmp_path / "first.xlsx", ordinary_rows(60, 1))
    plan, result = import_both(stores, monkeypatch, first)
    assert result["inserted"] == 60 and plan.count(Action.INSERT) == 60 and TAKEN[0] == 59
    # edits: other values for the same IDs, some titles another risk's (new records), some rows untouched
    edited_rows = ordinary_rows(60, 2)
    for i in range(0, 60, 7):
        edited_rows[i][1] = f"Completely different hazard number {i} in the warehouse"
    for i in range(3, 60, 9):
        edited_rows[i] = ordinary_rows(60, 1)[i]
    edited = workbook(tmp_path / "edited.xlsx", edited_rows + ordinary_rows(5, 3, start=500))
    plan, result = import_both(stores, monkeypatch, edited)
    assert result["updated"] > 30 and result["unchanged"] >= 5 and result["inserted"] >= 10
    assert any("is another risk in this office" in r.reason for r in plan.reports)
    plan, result = import_both(stores, monkeypatch, edited)  # the same workbook again: nothing changes
    assert result["updated"] == 0 and result["unchanged"] >= 45  # (the other risks' rows are new again)


def test_mixed_rows_partial_import_and_left_out_rows(stores, tmp_path, monkeypatch):
    import_both(stores, monkeypatch, workbook(tmp_path / "seed.xlsx", ordinary_rows(10, 5)))
    path = workbook(tmp_path / "mixed.xlsx", mixed_rows(4), merge_titles=(8, 9))
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, path))
    assert plan_state(plans[0]) == plan_state(plans[1]) and not plans[0].ok
    assert TAKEN[0] >= 12  # the ordinary rows among them took the step
    reasons = " ".join(r.reason for r in plans[0].reports)
    for said in ("no project called", "Excel error", "appears twice", "repeats row", "merged cells", "a total",
                 "left empty", "not a record", "copyright"):
        assert said in reasons, said
    for store, plan in zip(stores, plans):
        with pytest.raises(ImportRefused):
            apply_import(store, plan)
    left_out = []
    for store, plan in zip(stores, plans):
        result = apply_import(store, plan, partial=True)
        assert result.left_out >= 4
        book = openpyxl.load_workbook(result.left_out_path)
        left_out.append([list(r) for ws in book for r in ws.iter_rows(values_only=True)])
        result.left_out_path.unlink()
    assert left_out[0] == left_out[1]
    assert db_state(stores[0]) == db_state(stores[1])


def test_value_translations_given_and_remembered(stores, tmp_path, monkeypatch):
    path = workbook(tmp_path / "mixed.xlsx", [r for r in mixed_rows(9) if r[0] not in ("R-0103", "R-0104", "R-0108",
                                                                                        "R-0001", "R-0113", "R-0114")])
    translations = {"risks": {"status": {"Watching": "Open"}, "probability": {"Sometimes-ish": 3}}}
    plan, result = import_both(stores, monkeypatch, path, translations=translations)
    assert result["inserted"] > 10 and plan.new_choices and TAKEN[0] >= 12
    again = workbook(tmp_path / "again.xlsx", mixed_rows(11)[:6] + [["R-0109", "Watching status", "Threat", "People",
                     "Project", PROJECTS[2], "Owner 4", date(2025, 5, 1), None, 3, 3, 9, None, "Watching", None, None]])
    plan, result = import_both(stores, monkeypatch, again)  # the translation remembered for the layout
    assert not plan.unplaced


def test_sheets_the_step_does_not_take_plan_the_same(stores, tmp_path, monkeypatch):
    header = HEADER + ["Comments"]  # a column kept in the notes: every row the full way
    rows = [r + [f"comment {i}" if i % 2 else None] for i, r in enumerate(ordinary_rows(20, 8))]
    plan, result = import_both(stores, monkeypatch, workbook(tmp_path / "extras.xlsx", rows, header=header))
    assert result["inserted"] == 20 and "Comments: comment 1" in plan.sheets[0].rows[1].values["notes"]
    assert TAKEN[0] == 0
    plans = plan_both(stores, monkeypatch, lambda s: plan_workbook_import(s, tmp_path / "extras.xlsx"))
    assert plan_state(plans[0]) == plan_state(plans[1])


def test_the_step_takes_the_ordinary_rows(stores, tmp_path, monkeypatch):
    """The step is used (a test of it that never ran it could not fail): every ordinary row below the first."""
    taken = []
    real = Planner._plan_ordinary

    def spy(self, *args, **kwargs):
        done = real(self, *args, **kwargs)
        taken.append(done is not None)
        return done

    monkeypatch.setattr(Planner, "_plan_ordinary", spy)
    plan_import(stores[0], workbook(tmp_path / "ordinary.xlsx", ordinary_rows(30, 1)))
    assert taken.count(True) == 29
