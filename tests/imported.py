"""What the importer's tests read back: a register's rows as dicts, and a workbook imported as
``pmo-desktop import --partial --create-missing`` does it."""

from __future__ import annotations

from typing import Any

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

NAMING = {"stakeholders": "name", "communications": "message"}  # the field naming a register's rows


def rows_of(store: Store, register: str) -> list[dict]:
    reg = REGISTERS[register]
    with store.session() as s:
        return [dict(zip(["id", "version", *reg.field_names], r)) for r in records.fetch_rows(s, reg)]


def named(store: Store, register: str) -> dict[str, dict]:
    key = NAMING.get(register, "title")
    return {r[key]: r for r in rows_of(store, register)}


def by_code(store: Store, register: str) -> dict[str, dict]:
    return {r["code"]: r for r in rows_of(store, register)}


def import_all(store: Store, path: Any, create_missing: bool = True, **plan_options: Any) -> Any:
    plan = plan_workbook_import(store, path, create_missing=create_missing, **plan_options)
    apply_import(store, plan, partial=True)
    return plan
