"""Importing registers from Excel: plan (a preview that changes nothing), then apply (all or nothing).

    plan = plan_import(store, "risks.xlsx")          # or plan_workbook_import(store, path)
    for report in plan.reports: print(report)        # will insert / will update / will skip / error
    result = apply_import(store, plan)               # one transaction; ImportRefused if any row has an error

No Qt here: the GUI runs these in a worker thread and passes ``progress(done, total)`` and ``cancelled()``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from ..models import records
from ..models.errors import StoreError
from ..models.fields import Kind
from ..models.program import Setting
from ..models.registers import REGISTERS
from ..models.store import Store
from .errors import ImportCancelled, ImportRefused, MappingError, WorkbookError
from .header_detection import ALL_KINDS, PARENT, HeaderMatch, SheetKind, detect_header, kind_for, layout_key, map_header
from .import_plan import Action, ImportPlan, ImportResult, SheetPlan
from .row_planner import Cancelled, Planner, Progress
from .workbook_reader import DEFAULT_LIMITS, Limits, SafeWorkbook, SheetReader

MAPPING_SETTING = "import_mapping:"
BATCH = 2000  # rows written per flush; cancel is checked between batches


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col + 1)


def importable_fields(register: str) -> list[tuple[str, str]]:
    """(field name, label) a column may be mapped to, for the mapping dialog; child sheets add the parent ID."""
    kind = kind_for(register)
    out = []
    if kind.is_child:
        parent = REGISTERS[kind.parent]
        out.append((PARENT, kind.parent_labels[0] if kind.parent_labels else parent.key_field.label))
    out += [(f.name, f.label) for f in kind.reg.fields if f.kind != Kind.COMPUTED]
    return out


def saved_mapping(store: Store, layout: str) -> dict | None:
    """The mapping confirmed for this workbook layout by an earlier import: {"register", "mapping"}."""
    return store.get_setting(MAPPING_SETTING + layout)


# ------------------------------------------------------------------------------------ mapping
def _normalise_override(kind: SheetKind, mapping: dict) -> dict[int, str]:
    reg = kind.reg
    allowed = {name for name, _ in importable_fields(kind.register)}
    computed = {f.name for f in reg.fields if f.kind == Kind.COMPUTED}
    out: dict[int, str] = {}
    taken: dict[str, int] = {}
    for col, name in mapping.items():
        col = int(col)
        if not name or name in computed:
            continue
        if name not in allowed:
            raise MappingError(f"Column {_letter(col)} is mapped to “{name}”, which is not a column of the "
                               f"{reg.title.lower()}; choose another field or none.")
        if name in taken:
            label = dict(importable_fields(kind.register))[name]
            raise MappingError(f"Columns {_letter(taken[name])} and {_letter(col)} are both mapped to “{label}”; "
                               "map one of them to nothing.")
        taken[name] = col
        out[col] = name
    return out


def _ignored(kind: SheetKind, headers: list[str], mapping: dict[int, str], auto: HeaderMatch | None) -> dict[int, str]:
    """Why each named column is not imported, for the preview."""
    reg = kind.reg
    labels = {f.name: f.label for f in reg.fields}
    computed = {f.name for f in reg.fields if f.kind == Kind.COMPUTED}
    auto_map = auto.mapping if auto is not None else {}
    dups = auto.duplicates if auto is not None else {}
    out = {}
    for col, text in enumerate(headers):
        if not text or col in mapping:
            continue
        name = auto_map.get(col)
        if name in computed:
            out[col] = f"“{text}” is calculated ({labels[name]}), so it is not imported."
        elif col in dups:
            out[col] = f"“{text}” repeats {labels.get(dups[col], dups[col])}, which another column already gives."
        else:
            out[col] = f"“{text}” is not a column of the {reg.title.lower()}."
    return out


def _layout(reader: SheetReader, match: HeaderMatch) -> tuple[list[str], str]:
    return match.headers, layout_key(match.headers)


def _prepare(store: Store, reader: SheetReader, match: HeaderMatch,
             mapping: dict | None) -> tuple[dict[int, str], dict[int, str], str]:
    kind = match.kind
    headers, layout = _layout(reader, match)
    computed = {f.name for f in kind.reg.fields if f.kind == Kind.COMPUTED}
    if mapping is None:
        saved = saved_mapping(store, layout)
        if saved and saved.get("register") == kind.register:
            mapping = saved.get("mapping") or {}
    if mapping is not None:
        final = _normalise_override(kind, mapping)
    else:
        final = {c: n for c, n in match.mapping.items() if n not in computed}
    if kind.is_child and PARENT not in final.values():
        parent = REGISTERS[kind.parent]
        raise WorkbookError(f"The sheet “{reader.title}” has no {kind.parent_labels[0]} column, so its rows cannot "
                            f"be matched to the {parent.title.lower()}; add that column or map it.")
    if not final:
        raise WorkbookError(f"No column of the sheet “{reader.title}” is mapped to a field of the "
                            f"{kind.reg.title.lower()}; map at least one column.")
    return final, _ignored(kind, headers, final, match), layout


# ------------------------------------------------------------------------------------ planning
def _match_sheet(reader: SheetReader, kinds, header_row: int | None) -> HeaderMatch | None:
    rows = reader.top_rows()
    if header_row is None:
        return detect_header(rows, reader.title, kinds)
    if not 1 <= header_row <= max(len(rows), 1):
        raise WorkbookError(f"The header row must be one of the first {reader.book.limits.header_scan_rows} rows.")
    row = rows[header_row - 1] if rows else []
    group = rows[header_row - 2] if header_row >= 2 else None
    best = None
    for kind in kinds:
        mapping, dups = map_header(kind, row, group)
        if best is None or len(mapping) > len(best.mapping):
            headers = ["" if x is None else str(x).strip() for x in row]
            while headers and not headers[-1]:
                headers.pop()
            best = HeaderMatch(kind, header_row, mapping, headers, float(len(mapping)), dups)
    return best


def plan_import(store: Store, path: str | os.PathLike, register: str | None = None, sheet: str | None = None,
                mapping: dict[int, str] | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None, *, header_row: int | None = None,
                limits: Limits = DEFAULT_LIMITS) -> ImportPlan:
    """Preview importing one sheet (chosen when not given) into one register (detected when not given).

    ``mapping`` overrides the detected {0-based column index → field name}; without it a mapping
    confirmed earlier for the same header layout is reused. Changes nothing in the store.
    Raises ``WorkbookError`` when the file is unsafe or unreadable or no register header is found.
    """
    kinds = (kind_for(register),) if register else ALL_KINDS
    path = Path(path)
    with SafeWorkbook(path, limits) as book:
        titles = [sheet] if sheet else book.sheet_names
        best: tuple[SheetReader, HeaderMatch] | None = None
        for title in titles:
            reader = book.sheet(title)
            match = _match_sheet(reader, kinds, header_row)
            if match is None and mapping is not None and sheet:
                match = HeaderMatch(kinds[0], header_row or 1, {}, [], 0.0)
                rows = reader.top_rows()
                if rows:
                    match.headers = ["" if x is None else str(x).strip() for x in rows[match.row - 1]]
            if match is not None and (best is None or match.score > best[1].score):
                best = (reader, match)
        if best is None:
            what = kinds[0].reg.title.lower() if register else "register"
            n = limits.header_scan_rows
            if sheet:
                raise WorkbookError(f"The sheet “{sheet}” has no header row naming at least two {what} columns "
                                    f"(such as ID, Title, Owner) in its first {n} rows; choose the header row and "
                                    "columns yourself.")
            raise WorkbookError(f"No sheet of “{path.name}” has a header row naming at least two {what} columns "
                                f"(such as ID, Title, Owner) in its first {n} rows; check the workbook, or choose "
                                "the sheet and columns yourself.")
        reader, match = best
        final, ignored, layout = _prepare(store, reader, match, mapping)
        plan = ImportPlan(path)
        with store.session() as session:
            planner = Planner(session, progress, cancelled)
            planner.total = reader.declared_rows
            plan.sheets.append(planner.plan_sheet(reader, match.kind, match.row, final, match.headers, layout,
                                                  ignored))
        if progress is not None:
            progress(planner.total or planner.done, planner.total or planner.done)
        return plan


def plan_workbook_import(store: Store, path: str | os.PathLike, progress: Progress | None = None,
                         cancelled: Cancelled | None = None, *, limits: Limits = DEFAULT_LIMITS) -> ImportPlan:
    """Preview importing every recognised sheet: registers first, then their child sheets (risk actions,
    benefit plan and measurements), whose rows replace the stored children of the records they name."""
    path = Path(path)
    plan = ImportPlan(path)
    with SafeWorkbook(path, limits) as book:
        found: list[tuple[SheetReader, HeaderMatch]] = []
        for title in book.sheet_names:
            reader = book.sheet(title)
            match = _match_sheet(reader, ALL_KINDS, None)
            if match is None:
                plan.skipped_sheets.append((title, "no header row naming register columns was found."))
                continue
            found.append((reader, match))
        if not found:
            raise WorkbookError(f"No sheet of “{path.name}” has a header row naming register columns (such as ID, "
                                "Title, Owner) in its first rows; check the workbook.")
        order = {k.register: i for i, k in enumerate(ALL_KINDS)}
        found.sort(key=lambda item: order[item[1].kind.register])
        prepared = [(reader, match, *_prepare(store, reader, match, None)) for reader, match in found]
        with store.session() as session:
            planner = Planner(session, progress, cancelled)
            planner.total = sum(r.declared_rows for r, *_ in prepared)
            for reader, match, final, ignored, layout in prepared:
                plan.sheets.append(planner.plan_sheet(reader, match.kind, match.row, final, match.headers,
                                                      layout, ignored, finish=False))
            _whole_families(plan, planner)
    if progress is not None:
        progress(planner.total or planner.done, planner.total or planner.done)
    return plan


def _whole_families(plan: ImportPlan, planner: Planner) -> None:
    """With both a register and its child sheet in the workbook, the child sheet is the whole truth for
    every record the register sheet updates, even those left with no child rows."""
    by_register = {s.register: s for s in plan.sheets}
    for child in plan.sheets:
        if child.parent_register is None:
            continue
        parent = by_register.get(child.parent_register)
        for prow in parent.rows if parent is not None else ():
            if prow.report.action == Action.UPDATE:
                child.replace_parents.setdefault(prow.report.code.lower(), prow.record_id)
        planner.finish_children(child)


# ------------------------------------------------------------------------------------ applying
def apply_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ImportResult:
    """Write a plan in one transaction. Refused (``ImportRefused``, nothing written) when any row has an
    error or a row no longer fits the file; ``ImportCancelled`` when ``cancelled()`` turns true."""
    if not plan.ok:
        errors = plan.errors
        raise ImportRefused(f"{len(errors)} row{'s' if len(errors) != 1 else ''} of the workbook "
                            f"{'have' if len(errors) != 1 else 'has'} errors, so nothing was imported; fix "
                            f"{'them' if len(errors) != 1 else 'it'} and import again (first: {errors[0].sheet} "
                            f"row {errors[0].row}: {errors[0].reason})", plan)
    result = ImportResult(sheets=[s.sheet for s in plan.sheets])
    total = sum(1 for s in plan.sheets for r in s.rows if r.report.action in (Action.INSERT, Action.UPDATE))
    done = 0

    def tick() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("The import was cancelled; nothing was imported.")
        if progress is not None:
            progress(done, total)

    with store.transaction() as session:
        ctx = records.load_context(session)
        for sheet in plan.sheets:
            reg = REGISTERS[sheet.register]
            parent_ids: dict[str, int] = {}
            if sheet.parent_register:
                parent_ids = _parent_ids(session, REGISTERS[sheet.parent_register])
                result.children_replaced += _delete_children(session, reg, sheet, parent_ids)
            inserts: list = []
            updates: list = []
            for prow in sheet.rows:
                report = prow.report
                if report.action == Action.SKIP:
                    result.skipped += 1
                elif report.action == Action.INSERT:
                    inserts.append(prow)
                elif prow.values:
                    updates.append(prow)
                else:
                    result.unchanged += 1
                    done += 1
            for start in range(0, len(updates), BATCH):  # one load and one flush per batch
                batch = updates[start:start + BATCH]
                try:
                    records.update_records(session, reg, [(p.record_id, p.values) for p in batch], ctx, parsed=True)
                except StoreError as e:
                    raise _refused(plan, sheet, _failed_row(batch, e), e) from e
                result.updated += len(batch)
                done += len(batch)
                tick()
            for start in range(0, len(inserts), BATCH):  # one flush and batched lookups per batch
                batch = inserts[start:start + BATCH]
                parents = ([parent_ids.get((p.parent_code or "").lower()) for p in batch]
                           if sheet.parent_register else None)
                try:
                    records.create_records(session, reg, [p.values for p in batch], ctx, parents,
                                           parsed=True)
                except StoreError as e:
                    raise _refused(plan, sheet, _failed_row(batch, e), e) from e
                result.inserted += len(batch)
                done += len(batch)
                tick()
            session.merge(Setting(key=MAPPING_SETTING + sheet.layout, value=json.dumps(
                {"register": sheet.register, "mapping": {str(c): n for c, n in sheet.mapping.items()}})))
        tick()
    return result


def _failed_row(batch: list, error: StoreError):
    """The planned row of a batch that a batched write refused (``row_index`` says which)."""
    index = getattr(error, "row_index", None)
    return batch[index] if index is not None else batch[0]


def _refused(plan: ImportPlan, sheet: SheetPlan, prow, e: Exception) -> ImportRefused:
    report = prow.report
    return ImportRefused(f"{sheet.sheet} row {report.row} ({report.code or 'new'}) could not be written, so "
                         f"nothing was imported: {e}", plan)


def _parent_ids(session, parent_reg) -> dict[str, int]:
    E = parent_reg.entity
    return {code.lower(): i for code, i in session.execute(select(E.code, E.id)) if code}


def _delete_children(session, reg, sheet: SheetPlan, parent_ids: dict[str, int]) -> int:
    ids = [parent_ids[c] for c in sheet.replace_parents if c in parent_ids]
    col = getattr(reg.entity, reg.parent)
    removed = 0
    for start in range(0, len(ids), 500):
        removed += session.execute(delete(reg.entity).where(col.in_(ids[start:start + 500]))).rowcount or 0
    return removed


def import_workbook(store: Store, path: str | os.PathLike, **kwargs: Any) -> ImportResult:
    """Plan and apply every recognised sheet at once (the command line's ``import``)."""
    return apply_import(store, plan_workbook_import(store, path, **kwargs))
