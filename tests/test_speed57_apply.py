"""An import's new records put together a column at a time at apply (issue 16, round speed57): ``create_records``
builds an import batch's insert values without a Python statement a row (``records._rows_at_once``), and what is
stored — every table, the record history, the risk history — is what the row-by-row loop stores; a batch the
loop must plan row by row (an ID used twice, a blank title, a row the register's rule refuses, a name no one
has) is refused or stored as the loop does, at the same row, in the same words."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.base import Base
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

STAMPS = {"created_at", "updated_at", "recorded_at", "changed_at"}  # the moment a row was written
HEADERS = ["Risk ID", "Risk title", "Threat / opportunity", "Project", "Risk owner", "Date raised", "Proximity",
           "Likelihood", "Impact", "Response", "Status", "Cause", "Notes"]


def write_risks(path: Path, n: int) -> Path:
    """A register of ``n`` risks of the shape colleagues keep: a title row, a header, IDs, owners and projects
    named (people the office does not have yet), dates, ratings, some cells left blank."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Programme risk register"])
    ws.append([])
    ws.append(HEADERS)
    for i in range(1, n + 1):
        raised = date(2026, 1, 1) + timedelta(days=i % 90)
        ws.append([f"RK-{i:04d}", f"Risk {i}: a supplier may slip by {i % 7 + 1} weeks",
                   "Opportunity" if i % 9 == 0 else "Threat", ["Alpha", "Beta", None][i % 3],
                   f"Owner {i % 11}", raised, raised + timedelta(days=30 + i % 40) if i % 4 else None,
                   1 + i % 5, 1 + (i * 3) % 5, "Exploit" if i % 9 == 0 else ["Reduce", "Accept"][i % 2],
                   ["Open", "Closed"][i % 5 == 0], f"Cause {i}" if i % 2 else None, None if i % 3 else f"Note {i}"])
    wb.save(path)
    return path


def office(path: Path) -> Store:
    """An office with the two projects the register names."""
    store = Store.create(path)
    with store.transaction() as s:
        records.create_records(s, REGISTERS["projects"], [{"code": "P-1", "name": "Alpha"}, {"code": "P-2", "name": "Beta"}])
    return store


def unstamped(value: Any) -> Any:
    """A record history entry's JSON without the stamps of the moment in it; any other value as it is."""
    if isinstance(value, str) and value.startswith("{"):
        read = json.loads(value)
        return json.dumps({k: x for k, x in read.items() if k not in STAMPS}) if isinstance(read, dict) else value
    return value


def stored(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, the stamps of the moment left out."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.session() as s:
        for name, table in Base.metadata.tables.items():
            cols = [c for c in table.c if c.name not in STAMPS]
            out[name] = sorted((tuple(map(repr, map(unstamped, r))) for r in s.execute(select(*cols))), key=repr)
    return out


def imported(tmp_path: Path, name: str, n: int, at_once: bool, monkeypatch: pytest.MonkeyPatch) -> Store:
    source = write_risks(tmp_path / f"{name}.xlsx", n)
    if not at_once:  # the row-by-row loop alone: what the office stored before the round
        monkeypatch.setattr(records, "_rows_at_once", lambda *a, **k: None, raising=False)
    store = office(tmp_path / f"{name}.pmo")
    apply_import(store, plan_import(store, source))
    monkeypatch.undo()
    return store


def test_an_import_stores_what_the_row_by_row_loop_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at_once = imported(tmp_path, "at_once", 240, True, monkeypatch)
    by_row = imported(tmp_path, "by_row", 240, False, monkeypatch)
    try:
        a, b = stored(at_once), stored(by_row)
        assert len(a["risk"]) == 240 and len(a["risk_history"]) == 240 and len(a["record_history"]) >= 240
        assert a == b
    finally:
        at_once.close()
        by_row.close()


def test_an_import_batch_is_put_together_without_a_statement_a_row(tmp_path: Path) -> None:
    """The lines ``create_records`` runs for 300 new risks: main ran its loop's some 30 lines on each row."""
    source = write_risks(tmp_path / "risks.xlsx", 300)
    store = office(tmp_path / "office.pmo")
    try:
        plan = plan_import(store, source)
        lines = [0]
        ours = {records.create_records.__code__}
        if hasattr(records, "_rows_at_once"):
            ours.add(records._rows_at_once.__code__)

        def local(frame: Any, event: str, _arg: Any) -> Any:
            if event == "line":
                lines[0] += 1
            return local

        def tracer(frame: Any, event: str, _arg: Any) -> Any:
            return local if event == "call" and frame.f_code in ours else None

        sys.settrace(tracer)
        try:
            result = apply_import(store, plan)
        finally:
            sys.settrace(None)
        assert result.inserted == 300
        assert lines[0] < 300, lines[0]  # main: 9,000-odd
    finally:
        store.close()


def _batch(n: int) -> list[dict[str, Any]]:
    reg = REGISTERS["risks"]
    ctx_free = [{"code": f"RK-{i:03d}", "title": f"Risk {i}", "kind": "Threat", "owner": f"Owner {i % 3}",
                 "raised_on": date(2026, 2, 1), "proximity": date(2026, 3, 1 + i % 20), "response": "Reduce",
                 "probability": 1 + i % 5, "impact": 2, "notes": None, "status": "Open"} for i in range(n)]
    assert all(r.keys() <= {f.name for f in reg.fields} for r in ctx_free)
    return ctx_free


def _create(tmp_path: Path, name: str, rows: list[dict[str, Any]], at_once: bool,
            monkeypatch: pytest.MonkeyPatch) -> tuple[Any, dict[str, list[tuple[Any, ...]]] | None]:
    """What ``create_records`` does with a batch: the error it raises (its words, its row), or what is stored."""
    if not at_once:
        monkeypatch.setattr(records, "_rows_at_once", lambda *a, **k: None, raising=False)
    store = Store.create(tmp_path / f"{name}.pmo")
    try:
        with store.transaction() as s:
            records.create_records(s, REGISTERS["risks"], [{"code": "RK-900", "title": "Stored"}])
        try:
            with store.transaction() as s:
                records.create_records(s, REGISTERS["risks"], [dict(r) for r in rows], parsed=True)
        except ValidationError as e:
            return (str(e), e.field, e.row_index), None
        return None, stored(store)
    finally:
        store.close()
        monkeypatch.undo()


@pytest.mark.parametrize("case", ["plain", "stored_id", "twice", "blank_title", "no_id", "refused", "unknown"])
def test_a_batch_is_refused_or_stored_as_the_loop_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       case: str) -> None:
    rows = _batch(40)
    if case == "stored_id":
        rows[17]["code"] = "rk-900"
    elif case == "twice":
        rows[23]["code"] = rows[5]["code"]
    elif case == "blank_title":
        rows[8]["title"] = " "
    elif case == "no_id":
        rows[30]["code"] = ""
    elif case == "refused":  # before the date raised, and an opportunity's response to a threat
        rows[12]["proximity"] = date(2026, 1, 1)
        rows[31]["response"] = "Exploit"
    elif case == "unknown":  # a field that is not the register's
        rows[3]["owner"] = None
    at_once = _create(tmp_path, "at_once", rows, True, monkeypatch)
    by_row = _create(tmp_path, "by_row", rows, False, monkeypatch)
    assert at_once == by_row
    if case in ("stored_id", "twice", "refused"):
        assert at_once[0] is not None and at_once[0][2] == {"stored_id": 17, "twice": 23, "refused": 12}[case]
    else:
        assert at_once[1] is not None and len(at_once[1]["risk"]) == 41
