"""Importing PMO Desktop's own export: rebuild an office record for record, or merge a colleague's edits
back without ever reverting the office's own.

A workbook carrying an export stamp (``stamp``) is read exactly as it was written: each register from its
declared sheet, columns by their labels, sub-tables keyed by the parent's ID. Then, per record:

- **into an empty office** (or one the workbook did not come from): every record is created with its own
  ID, links and references included, so ``export`` → ``import`` into a new file rebuilds the office;
- **back into the office it came from**: each field is merged three ways (``stamp.merge_field``): a field
  only the workbook changed is taken, a field only the office changed is kept, a field both changed
  differently is a *conflict* — listed with both values and resolved by the caller (keep the office's
  unless told to take the workbook's). A sub-table (a risk's actions) is merged the same way as a
  whole family. Records deleted in the office since the export are not re-created; records deleted from
  the workbook are reported and kept.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import records
from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import CONTROL_CHARACTER, Context, Register, controls_checked_later
from ..models.registers import REGISTERS
from ..models.settings import OFFICE_ID
from .header_detection import PARENT
from .import_plan import Action, ImportPlan, PlannedRow, RowReport, SheetPlan
from .stamp import STAMP_SHEET, ExportStamp, Merge, canonical, merge_field, parse_stamp, stamped_fields
from .value_translation import OPEN_LISTS
from .workbook_reader import SafeWorkbook, Uncalculated

SETTINGS_SHEET = "Office settings"
FAMILY = "family"  # the stamp's fingerprint of a whole sub-table family


def control_error(reg: Register, values: dict[str, Any]) -> str | None:
    """The refusal of the first control character (an ESC, a NUL) among the texts ``values`` writes."""
    for name, value in values.items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and CONTROL_CHARACTER.search(text):
                try:
                    reg.field(name).check_no_control(text, now=True)
                except ValidationError as e:
                    return str(e)
    return None


@dataclass
class Conflict:
    """A field both the office and the workbook changed since the export, differently."""

    register: str
    code: str
    field: str
    label: str
    office: Any
    workbook: Any

    def __str__(self) -> str:
        return (f"{REGISTERS[self.register].noun} {self.code}: {self.label} changed in both — "
                f"office “{_shown(self.office)}”, workbook “{_shown(self.workbook)}”")


def _shown(value: Any) -> str:
    text = "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    return text if len(text) <= 60 else text[:57] + "…"


def family_print(reg: Register, rows: Iterable[dict[str, Any]]) -> str:
    """One fingerprint for a record's sub-table rows, whatever their order."""
    fields = stamped_fields(reg)
    lines = sorted("\x1f".join(canonical(f, row.get(f.name)) for f in fields) for row in rows)
    return hashlib.blake2b("\x1e".join(lines).encode("utf-8"), digest_size=5).hexdigest()


def family_stamp_lines(reg: Register, rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """Stamp lines for an exported sub-table sheet (rows as written: parent ID, then the columns)."""
    names = [f.name for f in reg.fields if f.exported]
    families: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        families[str(row[0])].append(dict(zip(names, row[1:], strict=False)))
    return [[reg.name, code, 0, f"{FAMILY}={family_print(reg, rows_)}"] for code, rows_ in families.items()]


def read_stamp(book: SafeWorkbook) -> ExportStamp | None:
    """The export stamp of a workbook, or None (a register kept by hand, not our export)."""
    wb = getattr(book, "_wb", None)
    if wb is None or STAMP_SHEET not in list(wb.sheet_names):
        return None
    try:
        rows = wb.get_sheet_by_name(STAMP_SHEET).to_python(skip_empty_area=False)
    except Exception:  # an unreadable stamp only means the workbook is read as any other
        return None
    return parse_stamp(rows)


def unstamped_export(book: SafeWorkbook) -> ExportStamp | None:
    """Our own export that lost its stamp sheet — a colleague copied its sheets into a workbook of their
    own, or a program that keeps no very hidden sheet saved it — still read as our export: by ID, each
    register from its own sheet and each column by its own name, as into another office. Read by the
    rules for registers kept by hand, its outcomes, outputs and programme had no title column and every
    link to them failed, so nothing was imported. Only a workbook wholly in our form qualifies: every
    visible sheet one of the office's registers under its own sheet name, headed by that register's own
    column names alone; one sheet or column of the user's own, and it is read as any other workbook."""
    by_sheet = {reg.sheet: reg for reg in REGISTERS.values()}
    titles = book.sheet_names
    if not titles or any(title not in by_sheet for title in titles):
        return None
    for title in titles:
        top = book.sheet(title).top_rows(fill_merged=False)
        headers = [str(h).strip() for h in (top[0] if top else []) if not v.is_blank(h)]
        reg = by_sheet[title]
        labels = {f.label for f in reg.fields} | ({reg.parent_label} if reg.parent else set())
        if not headers or any(h not in labels for h in headers):
            return None
    return ExportStamp(office_id="", exported_at="")


# ------------------------------------------------------------------------------------------ planning
class OfficePlanner:
    def __init__(self, session: Session, stamp: ExportStamp, plan: ImportPlan) -> None:
        self.session = session
        self.stamp = stamp
        self.plan = plan
        self.ctx: Context = records.load_context(session)
        self.own = bool(stamp.office_id) and stamp.office_id == OFFICE_ID.read(session)
        self.conflicts: list[Conflict] = []

    def current(self, reg: Register) -> dict[str, dict[str, Any]]:
        """The office's records now, by ID (casefolded)."""
        key = reg.key_field
        names = ["id", "version", *reg.field_names]
        out = {}
        for r in records.fetch_rows(self.session, reg, self.ctx):
            rec = dict(zip(names, r, strict=True))
            code = rec[key.name] if key is not None else rec[reg.name_field.name if reg.name_field else "id"]
            out[str(code).strip().casefold()] = rec
        return out

    def parse(self, reg: Register, row: dict[str, Any], controls_later: bool = False
              ) -> tuple[dict[str, Any], list[str]]:
        """``controls_later``: a control character is let through, for ``control_error`` to say of what the
        row writes — an office from before they were refused may hold one, which its export carries."""
        values: dict[str, Any] = {}
        errors: list[str] = []
        for name, raw in row.items():
            f = reg.field(name)
            if not f.editable and not f.kind.is_key:
                continue
            if raw.__class__ is Uncalculated:  # a formula no program calculated: no value to take, said
                raw.tell(f.label, errors)
                continue
            try:
                if controls_later:
                    with controls_checked_later():
                        values[name] = f.parse(raw, self.ctx)
                else:
                    values[name] = f.parse(raw, self.ctx)
            except ValidationError as e:
                text = v.parse_text(raw)
                if (reg.name, name) in OPEN_LISTS and text and len(text) <= 60:
                    # a category of the office's own list (its "Schedule"): the word it stored, into the new
                    # office's list too, so that its export rebuilds it exactly
                    values[name] = text
                    self.plan.new_choices.setdefault(f"{reg.name}.{name}", set()).add(text)
                else:
                    errors.append(str(e))
        return values, errors

    def plan_register(self, reg: Register, title: str, table: list[list[Any]]) -> SheetPlan:
        headers = [str(h).strip() if h is not None else "" for h in table[0]]
        by_label = {f.label: f.name for f in reg.fields if f.kind.stored}
        mapping = {c: by_label[h] for c, h in enumerate(headers) if h in by_label}
        sheet = SheetPlan(title, reg.name, 1, mapping, headers, layout="")
        now = self.current(reg)
        key = reg.key_field
        seen: set[str] = set()
        for number, cells in enumerate(table[1:], start=2):
            row = {name: cells[c] if c < len(cells) else None for c, name in mapping.items()}
            if all(v.is_blank(x) for x in row.values()):
                continue
            values, errors = self.parse(reg, row, controls_later=True)
            ident = (values.get(key.name) if key else values.get(reg.name_field.name if reg.name_field else "")) or ""
            code = str(ident).strip()
            report = RowReport(title, number, Action.INSERT, code if key else "")
            if errors:
                report.action, report.reason = Action.ERROR, " ".join(errors)
                sheet.rows.append(PlannedRow(report, raw=tuple(cells)))
                continue
            folded = code.casefold()
            seen.add(folded)
            # the one program record is updated, whatever it is called; other records are found by ID (or name)
            stored = next(iter(now.values()), None) if reg.singleton else now.get(folded) if code else None
            stamped = self.stamp.row(reg.name, code) if (self.own and code) else None
            if stored is None:
                if stamped is not None:  # in the export, deleted in the office since: not brought back
                    report.action, report.reason = Action.SKIP, "deleted in the office since the export; not re-created."
                    sheet.rows.append(PlannedRow(report))
                    continue
                if (refused := control_error(reg, values)) is not None:
                    report.action, report.reason = Action.ERROR, refused
                    sheet.rows.append(PlannedRow(report, raw=tuple(cells)))
                    continue
                sheet.rows.append(PlannedRow(report, values))
                continue
            changes = self.merge(reg, code, values, stored, stamped.fingerprints if stamped else None)
            if (refused := control_error(reg, changes)) is not None:  # what it changes only: see parse
                report.action, report.reason = Action.ERROR, refused
                sheet.rows.append(PlannedRow(report, raw=tuple(cells)))
                continue
            if changes:
                report.action = Action.UPDATE
                report.reason = "changes " + ", ".join(reg.field(n).label for n in changes) + "."
            else:  # nothing to write: the office already has it (or keeps its own, newer, values)
                report.action, report.reason = Action.SKIP, "same as the office's, or changed only in the office."
            sheet.rows.append(PlannedRow(report, changes, stored["id"]))
        if self.own:
            for reg_name, folded in self.stamp.rows:
                if reg_name == reg.name and folded not in seen and folded in now:
                    sheet.rows.append(PlannedRow(RowReport(title, 0, Action.SKIP, now[folded][key.name] if key else "",
                                                           "deleted from the workbook; kept in the office.")))
        return sheet

    def merge(self, reg: Register, code: str, values: dict[str, Any], stored: dict[str, Any],
              exported: dict[str, str] | None) -> dict[str, Any]:
        """The fields to write: two-way against a record the export did not hold, three-way otherwise."""
        out: dict[str, Any] = {}
        for name, value in values.items():
            f = reg.field(name)
            if f.kind.is_key:
                continue
            decision = merge_field(f, exported.get(name) if exported else None, stored.get(name), value)
            if decision == Merge.TAKE:
                out[name] = value
            elif decision == Merge.CONFLICT:
                self.conflicts.append(Conflict(reg.name, code, name, f.label, stored.get(name), value))
        return out

    def plan_children(self, reg: Register, title: str, table: list[list[Any]]) -> SheetPlan:
        assert reg.parent_register is not None
        parent = REGISTERS[reg.parent_register]
        P: Any = parent.entity  # Register.entity is a bare type: its columns through Any
        headers = [str(h).strip() if h is not None else "" for h in table[0]]
        by_label = {f.label: f.name for f in reg.fields if f.kind.stored}
        mapping = {c: (PARENT if h == reg.parent_label else by_label[h]) for c, h in enumerate(headers)
                   if h == reg.parent_label or h in by_label}
        sheet = SheetPlan(title, reg.name, 1, mapping, headers, layout="", parent_register=parent.name)
        parent_col = next((c for c, n in mapping.items() if n == PARENT), 0)
        parents = {code.casefold(): i for code, i in self.session.execute(select(P.code, P.id))}
        families: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for number, cells in enumerate(table[1:], start=2):
            code = v.parse_text(cells[parent_col] if parent_col < len(cells) else None)
            if not code:
                continue
            families[code].append((number, {n: cells[c] if c < len(cells) else None
                                            for c, n in mapping.items() if n != PARENT}))
        current = self.children_now(reg)
        for code, rows in families.items():
            parsed = []
            for number, row in rows:
                values, errors = self.parse(reg, row)
                report = RowReport(title, number, Action.ERROR if errors else Action.INSERT, code, " ".join(errors))
                parsed.append(PlannedRow(report, values, parent_code=code, raw=None))
            folded = code.casefold()
            decision = Merge.TAKE
            if self.own and folded not in parents and self.stamp.row(parent.name, code) is not None:
                for p in parsed:  # its record was deleted in the office since the export: not brought back
                    p.report.action, p.report.reason = Action.SKIP, f"{parent.noun} {code} was deleted in the office."
                    p.values = {}
                sheet.rows.extend(parsed)
                continue
            if self.own and folded in parents:
                exported = self.stamp.row(reg.name, code)
                mine = family_print(reg, [p.values for p in parsed])
                theirs = family_print(reg, current.get(folded, []))
                base = exported.fingerprints.get(FAMILY) if exported else None
                decision = (Merge.KEEP if mine == theirs else Merge.TAKE if base is None or theirs == base
                            else Merge.KEEP if mine == base else Merge.CONFLICT)
                if decision == Merge.CONFLICT:
                    self.conflicts.append(Conflict(reg.name, code, FAMILY, reg.title, f"{len(current.get(folded, []))} rows",
                                                   f"{len(parsed)} rows"))
            if decision in (Merge.KEEP, Merge.CONFLICT):
                for p in parsed:
                    p.report.action, p.report.reason = Action.SKIP, "same as the office's." if decision == Merge.KEEP \
                        else "changed in the office and the workbook; the office's kept."
                    p.values = {}
                sheet.rows.extend(parsed)
                continue
            sheet.replace_parents[folded] = parents.get(folded)
            sheet.replaced_children += len(current.get(folded, []))  # said in the preview, as for any workbook
            sheet.rows.extend(parsed)
        return sheet

    def children_now(self, reg: Register) -> dict[str, list[dict[str, Any]]]:
        assert reg.parent is not None and reg.parent_register is not None
        parent: Any = REGISTERS[reg.parent_register].entity  # bare types: their columns through Any
        E: Any = reg.entity
        owner: dict[int, str] = dict(self.session.execute(
            select(E.id, parent.code).join(parent, getattr(E, reg.parent) == parent.id)).all())
        names = ["id", "version", *reg.field_names]
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in records.fetch_rows(self.session, reg, self.ctx):
            out[str(owner[r[0]]).casefold()].append(dict(zip(names, r, strict=True)))
        return out


def plan_office_import(store: Any, path: Any, book: SafeWorkbook, stamp: ExportStamp,
                       take_theirs: bool = False) -> ImportPlan:
    """The plan for our own export (see the module's docstring). ``take_theirs``: conflicts resolved for
    the workbook (the default keeps the office's values and lists them)."""
    plan = ImportPlan(book.path, stamp=book.stamp)
    titles = set(book.sheet_names)
    with store.session() as session:
        planner = OfficePlanner(session, stamp, plan)
        for reg in REGISTERS.values():
            if reg.sheet not in titles:
                continue
            table = _table(book, reg.sheet)
            if not table:
                continue
            sheet = (planner.plan_children(reg, reg.sheet, table) if reg.parent
                     else planner.plan_register(reg, reg.sheet, table))
            plan.sheets.append(sheet)
        plan.settings = _settings_rows(book)
        _own_lists(plan)
    plan.conflicts = planner.conflicts
    plan.own_export = planner.own
    if take_theirs:
        _take_theirs(plan)
    return plan


def _table(book: SafeWorkbook, title: str) -> list[list[Any]]:
    rows = book.sheet(title).all_rows()
    while rows and all(v.is_blank(x) for x in rows[-1]):
        rows.pop()
    return rows


def _settings_rows(book: SafeWorkbook) -> dict[str, Any]:
    wb = getattr(book, "_wb", None)
    if wb is None or SETTINGS_SHEET not in list(wb.sheet_names):  # a hidden sheet: not among the visible
        return {}
    import json

    out: dict[str, Any] = {}
    for row in _table(book, SETTINGS_SHEET)[1:]:
        if len(row) >= 3 and row[1]:
            try:
                out[str(row[1])] = json.loads(str(row[2]))
            except ValueError:
                continue
    return out


def _own_lists(plan: ImportPlan) -> None:
    """The office's own words for a choice its export carries (risk categories no record uses yet too) join the
    office's list as those the records bring do."""
    for key, words in plan.settings.items():
        register, _, name = key.removeprefix(records.OWN_LIST_PREFIX).partition(".")
        if key.startswith(records.OWN_LIST_PREFIX) and (register, name) in OPEN_LISTS and isinstance(words, list):
            plan.new_choices.setdefault(f"{register}.{name}", set()).update(
                str(w).strip() for w in words if str(w).strip())


def _take_theirs(plan: ImportPlan) -> None:
    """Resolve every conflict for the workbook: its values are written over the office's."""
    by_record: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for c in plan.conflicts:
        if c.field != FAMILY:
            by_record[(c.register, c.code.casefold())][c.field] = c.workbook
    for sheet in plan.sheets:
        for p in sheet.rows:
            extra = by_record.get((sheet.register, p.report.code.casefold()))
            if extra and p.report.action in (Action.UPDATE, Action.SKIP) and p.record_id is not None:
                p.report.action = Action.UPDATE
                p.values.update(extra)
                p.report.reason = "changes " + ", ".join(REGISTERS[sheet.register].field(n).label
                                                         for n in p.values) + " (conflicts: the workbook's)."
    plan.conflicts = [c for c in plan.conflicts if c.field == FAMILY]

