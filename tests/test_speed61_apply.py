"""The applying side of an import (issue 16, round speed61): what an import stores is what it stored before the
round's cuts — the records of every register it writes, their links, the people it creates, the record history,
the risk history, the "changed" announcement the window gets, and what one undo and one redo leave — on SQLite
and on PostgreSQL; and the people it creates are written without an ORM object each.

The workbook is an office's own export (risks with owners, projects and related projects, their actions,
issues naming risks, the projects with their managers), its People sheet left out so that the import creates the
people the other sheets name, into an empty office. ``speed61_import.json`` holds what main (5dd8d77, before the round) stored for it:
every table's rows as sorted JSON texts, the stamps of the moment left out, each record history entry's JSON
read (a column added since is left out of the comparison: ``as_known``). Made by ``python
tests/test_speed61_apply.py OUT`` in main's checkout."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models import clock, operations, records
from pmo_desktop.models.base import Base
from pmo_desktop.models.program import Person
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

GOLDEN = Path(__file__).parent / "data" / "speed61_import.json"
DAY = date(2026, 5, 4)
STAMPS = {"created_at", "updated_at", "recorded_at", "changed_at"}  # the moment a row was written
PEOPLE = ["Ann Lee", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eve Novak", "Farid Haddad"]
REGISTERS_EXPORTED = ["projects", "risks", "issues"]  # with their actions (sub-tables)


def build_source(path: Path) -> Path:
    """An office of fixed values (no day of today in it) exported to ``path``, without its People sheet."""
    source = Store.create(path.with_suffix(".pmo"))
    try:
        with clock.frozen(DAY), source.transaction() as s:
            ctx = records.load_context(s)
            records.create_records(s, REGISTERS["projects"], [
                {"code": f"P-0{i}", "name": name, "manager": PEOPLE[i % 3], "sponsor": PEOPLE[3 + i % 2],
                 "start_date": date(2026, 1, i), "budget": 1000.0 * i}
                for i, name in enumerate(["Alpha", "Beta", "Gamma"], start=1)], ctx)
            risk_ids = records.create_records(s, REGISTERS["risks"], [
                {"code": f"R-{i:03d}", "title": f"Risk {i}", "kind": "Opportunity" if i % 5 == 0
                 else "Threat", "response": "Exploit" if i % 5 == 0 else "Reduce", "owner": PEOPLE[i % len(PEOPLE)],
                 "project": ["Alpha", "Beta", "Gamma", None][i % 4], "related_projects": "; ".join(
                     ["Alpha", "Beta", "Gamma"][:i % 3]), "raised_on": date(2026, 1 + i % 4, 1 + i % 27),
                 "proximity": date(2026, 6, 1 + i % 20) if i % 2 else None, "probability": str(1 + i % 5),
                 "impact": str(1 + (i * 3) % 5), "residual_probability": str(1 + i % 3) if i % 3 else None,
                 "status": ["Open", "Closed", "Open"][i % 3], "escalated": i % 4 == 0,
                 "impact_areas": ["Cost", "Time; Quality", ""][i % 3], "notes": f"Note {i}" if i % 2 else ""}
                for i in range(1, 31)], ctx)
            records.create_records(s, REGISTERS["risk_actions"], [
                {"description": f"Action {j} of risk {k}", "actionee": PEOPLE[(j + k) % len(PEOPLE)],
                 "due": date(2026, 7, 1 + j)}
                for k in range(1, 11) for j in range(k % 3)], ctx,
                [risk_ids[k - 1] for k in range(1, 11) for j in range(k % 3)])
            issue_ids = records.create_records(s, REGISTERS["issues"], [
                {"code": f"I-{i:03d}", "title": f"Issue {i}", "owner": PEOPLE[-1 - i % 3], "risk": f"R-{i:03d}",
                 "project": "Beta" if i % 2 else None, "raised_on": date(2026, 2, i)} for i in range(1, 9)], ctx)
            records.create_records(s, REGISTERS["issue_actions"], [
                {"description": f"Fix {i}", "actionee": PEOPLE[i % 2]} for i in range(1, 5)], ctx, issue_ids[:4])
        with clock.frozen(DAY):
            return export_workbook(source, path, REGISTERS_EXPORTED)
    finally:
        source.close()


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def office_dump(store: Store) -> dict[str, list[str]]:
    """Every table's rows, each as a JSON text without its stamps (a record history entry's JSON read and its
    stamps left out too), sorted."""
    with store.session() as s:
        conn = s.connection()
        out: dict[str, list[str]] = {}
        for table in Base.metadata.sorted_tables:
            rows = []
            for row in conn.execute(select(table)).mappings():
                plain = {k: _plain(v) for k, v in row.items() if k not in STAMPS}
                if table.name == "record_history" and plain["data"] is not None:
                    plain["data"] = {k: v for k, v in json.loads(plain["data"]).items() if k not in STAMPS}
                rows.append(json.dumps(plain, sort_keys=True, ensure_ascii=False))
            out[table.name] = sorted(rows)
        return out


def as_known(rows: list[str], expected: list[str]) -> list[str]:
    """``rows`` with only the columns ``expected`` has (a history entry's JSON likewise): a column a later change
    adds to a table is no part of what main stored, and the comparison holds every column main had."""
    known = {k for r in expected for k in json.loads(r)}
    known_data = {k for r in expected for k in (json.loads(r).get("data") or {})}
    out = []
    for text in rows:
        row = {k: v for k, v in json.loads(text).items() if k in known}
        if isinstance(row.get("data"), dict):
            row["data"] = {k: v for k, v in row["data"].items() if k in known_data}
        out.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def import_undo_redo(store: Store, workbook: Path) -> dict[str, Any]:
    """The workbook imported as the window imports it (one undo step), then undone, then redone: the office
    after each, and the changes the window was told of."""
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_command import ImportCommand

    document = Document(store)
    told: list[list[Any]] = []
    document.records_changed.connect(lambda register, ids: told.append(
        [register, None if ids is None else sorted(ids)]))
    before = office_dump(store)
    with clock.frozen(DAY):
        plan = plan_workbook_import(store, workbook)
        assert plan.ok, plan.errors
        assert document.execute(ImportCommand(document, plan))
        imported = office_dump(store)
        document.undo_stack.undo()
        undone = office_dump(store)
        document.undo_stack.redo()
        redone = office_dump(store)
    return {"before": before, "imported": imported, "undone": undone, "redone": redone, "told": told}


def test_an_import_stores_what_it_stored_before_the_cuts(qtbot, store, tmp_path):
    (tmp_path / "source").mkdir()
    got = import_undo_redo(store, build_source(tmp_path / "source" / "office.xlsx"))
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got["imported"]["person"], "the import made the people its sheets name"
    assert len(got["imported"]["risk"]) == 30 and got["imported"]["risk_project"] and got["imported"]["issue_action"]
    for moment in ("imported", "undone", "redone"):
        for table, rows in expected[moment].items():
            assert as_known(got[moment][table], rows) == rows, (moment, table)
    assert got["told"] == expected["told"]
    registers = {t: rows for t, rows in got["undone"].items() if t not in ("record_history", "risk_history")}
    assert registers == {t: rows for t, rows in got["before"].items() if t in registers}, "the undo put back all"


def test_people_an_import_names_are_created_without_an_orm_object_each(store):
    """The people named by 10 risks, 4 new and 2 already there (in other case): created by one INSERT, noted as
    inserted (what the undo deletes and the window is told of), their ids on the risks, no Person object made."""
    with store.transaction() as s:
        records.create_records(s, REGISTERS["people"], [{"name": "Ann Lee"}, {"name": "Ben Okafor"}])
    made: list[str] = []  # each Person object made (a new one) or loaded (one stored)
    on_init, on_load = (lambda *_a, **_k: made.append("made")), (lambda *_a, **_k: made.append("loaded"))
    event.listen(Person, "init", on_init)
    event.listen(Person, "load", on_load)
    try:
        with operations.tracking() as changes, store.transaction() as s:
            rows = [{"title": f"Risk {i}", "owner": ["ann lee", "Cara Diaz", "BEN OKAFOR", "Dev Patel", "Eve Novak",
                                                     "Farid Haddad"][i % 6]} for i in range(10)]
            ids = records.create_records(s, REGISTERS["risks"], rows)
    finally:
        event.remove(Person, "init", on_init)
        event.remove(Person, "load", on_load)
    assert made == []
    with store.session() as s:
        people = dict(s.execute(select(Person.name, Person.id)).all())
        owners = [s.get(REGISTERS["risks"].entity, i).owner_id for i in ids]
        roles = set(s.scalars(select(Person.role)))
    assert sorted(people) == ["Ann Lee", "Ben Okafor", "Cara Diaz", "Dev Patel", "Eve Novak", "Farid Haddad"]
    assert owners == [people[{"ann lee": "Ann Lee", "BEN OKAFOR": "Ben Okafor"}.get(r["owner"], r["owner"])]
                      for r in rows]
    assert changes.inserted_ids()[Person] == sorted(people[n] for n in ["Cara Diaz", "Dev Patel", "Eve Novak",
                                                                       "Farid Haddad"])
    assert roles == {""}


if __name__ == "__main__":  # the expected file, made with the code before the round
    import tempfile

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    office = Store.create(folder / "empty.pmo")
    result = import_undo_redo(office, build_source(folder / "office.xlsx"))
    office.close()
    result.pop("before")
    Path(sys.argv[1]).write_text(json.dumps(result, indent=0, sort_keys=True, ensure_ascii=False), encoding="utf-8")
