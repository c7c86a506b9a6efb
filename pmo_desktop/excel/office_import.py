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
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import records
from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import CONTROL_CHARACTER, Context, Kind, Register, controls_checked_later, count_of
from ..models.registers import REGISTERS
from ..models.settings import OFFICE_ID
from . import date_order
from .cut_cells import characters, was_cut
from .header_detection import PARENT
from .import_plan import KEPT_DELETED, Action, ImportPlan, PlannedRow, RowReport, SheetPlan, refuse_whole_families
from .percent_cells import per_cent_unit, percent_cells
from .stamp import STAMP_SHEET, ExportStamp, Merge, canonical, fingerprint, merge_field, parse_stamp, stamped_fields
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
    if not titles:
        return None
    for title in titles:
        top = book.sheet(title).top_rows(fill_merged=False)
        headers = [str(h).strip() for h in (top[0] if top else []) if not v.is_blank(h)]
        found = by_sheet.get(title) or _sub_table_headed(headers)
        if found is None:
            return None
        reg = found
        labels = {f.label for f in reg.fields} | ({reg.parent_label} if reg.parent else set())
        if not headers or any(h not in labels for h in headers):
            return None
    return ExportStamp(office_id="", exported_at="")


def _sub_table_headed(headers: list[str]) -> Register | None:
    """The sub-table (a risk's actions, a benefit's measurements) whose export columns, every one and nothing else,
    head a sheet of another name: the sheet saved alone, as a CSV (LibreOffice names it "out-Risk actions.csv").
    Read as a colleague's register, "Risk ID | Action | … | Status" was the risk register's: every risk's title
    written over by its action's text and its status by the action's (fault72)."""
    given = set(headers)
    for reg in REGISTERS.values():
        if reg.parent and len(given) == len(headers) and \
                given == {reg.parent_label} | {f.label for f in reg.fields if f.exported}:
            return reg
    return None


def id_key(code: str) -> str:
    """An ID as a re-import matches it to the office's: case, outer spaces and leading zeros aside. A colleague
    who retypes R-007 as “r-7” or “ R-007 ” means that record; read as a new ID it was created a second
    time and the first reported as deleted from the workbook."""
    return re.sub(r"\d+", lambda m: m.group().lstrip("0") or "0", code.strip().casefold())


def month_first_columns(reg: Register, sheet: SheetPlan, table: list[list[Any]]) -> set[int]:
    """The date columns written month first (03/25/2026), by ``date_order``'s rules, said once for the sheet.

    The export writes real date cells, but a colleague retypes one (“3/4/27”) and a CSV saved from Excel or
    LibreOffice in the US writes them all as text, month first: read day first, 02/01/2026 became 2 January
    in silence and 01/19/2027 was refused."""
    dates = [c for c, name in sheet.mapping.items() if name != PARENT and reg.field(name).kind is Kind.DATE]
    orders, _sheet_order, unsettled = date_order.column_orders(
        {c: (sheet.headers[c], [cells[c] if c < len(cells) else None for cells in table[1:]]) for c in dates})
    month_first = {c for c, order in orders.items() if order == v.MONTH_FIRST}
    if month_first:
        sheet.say(f"Dates in {', '.join(sheet.headers[c] for c in sorted(month_first))} are written month first "
                  "(as a date such as 03/25/2026 says): each is read that way, 03/04/2026 as 4 March.")
    elif unsettled:
        sheet.say(f"Dates such as {unsettled} read either way and nothing in the sheet says which: they are read "
                  "day first (03/04/2026 is 3 April). If they are written month first, cancel and write them as "
                  "2026-03-04 or 4 Mar 2026.")
    return month_first


def read_month_first(row: dict[str, Any], mapping: dict[int, str], month_first: set[int], reg: Register) -> None:
    """The month-first texts of ``row`` as dates (``month_first_columns``); one that is no date is left for the
    field's own message."""
    for c in month_first:
        name = mapping[c]
        if isinstance(row.get(name), str):
            try:
                row[name] = v.parse_date(row[name], reg.field(name).label, v.MONTH_FIRST)
            except ValidationError:
                pass


def _column_notes(reg: Register, sheet: SheetPlan, table: list[list[Any]], labels: set[str]) -> None:
    """Say, once for the sheet, which of its columns the export did not have (renamed or added by a colleague:
    their values are not imported) and which exported columns are gone (those fields are kept as the office
    has them). Before, both went unsaid: a note typed under a renamed “Notes” column was lost in silence."""
    for c, header in enumerate(sheet.headers):
        if c in sheet.mapping or not header or header in labels:
            continue
        filled = sum(1 for cells in table[1:] if c < len(cells) and not v.is_blank(cells[c]))
        if filled:
            sheet.ignored[c] = "not a column of the export"
            sheet.say(f"Column “{header}” is not one of the export's columns, so the {count_of(filled, 'value')} "
                      f"in it {'is' if filled == 1 else 'are'} not imported: only the export's own columns are read back.")
    gone = [f.label for f in reg.fields if f.editable and f.exported and f.label not in sheet.headers]
    if gone:
        sheet.say("Not in the workbook, so kept as the office has them: " + ", ".join(gone) + ".")


# ------------------------------------------------------------------------------------------ planning
class OfficePlanner:
    def __init__(self, session: Session, stamp: ExportStamp, plan: ImportPlan) -> None:
        self.session = session
        self.stamp = stamp
        self.plan = plan
        self.ctx: Context = records.load_context(session)
        self.own = bool(stamp.office_id) and stamp.office_id == OFFICE_ID.read(session)
        self.conflicts: list[Conflict] = []
        self.units: dict[str, Any] = {}  # a record's ID (casefolded) → its unit, for its sub-tables' numbers
        self._percent: dict[str, set[tuple[int, int]]] = {}  # sheet → its cells shown as percentages

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

    @staticmethod
    def retyped(now: dict[str, Any], code: str) -> str:
        """The office's ID (casefolded) a workbook's ID stands for: itself, or the one stored ID it is a retyping
        of (``id_key``); itself when none or several are."""
        folded = code.strip().casefold()
        if folded in now or not folded:
            return folded
        wanted = id_key(folded)
        matches = [k for k in now if id_key(k) == wanted]
        return matches[0] if len(matches) == 1 else folded

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
                elif was_cut(raw):  # its length as read is the reader's cut's, not the file's (fault72)
                    errors.append(f"{f.label} is too long ({characters(len(text), True)}; at most {f.max_length:,}).")
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
        month_first = month_first_columns(reg, sheet, table)
        seen: dict[str, tuple[int, dict[str, Any]]] = {}  # ID (casefolded) → the row that had it first, its values
        firsts: dict[str, tuple[int, tuple[Any, ...]]] = {}  # ID (casefolded) → that row's place in sheet.rows, cells
        doubled: list[tuple[str, int, dict[str, Any]]] = []  # (ID, row number, values) of each row of a refused pair
        retitled: list[tuple[int, str, dict[str, Any], tuple[Any, ...]]] = []  # updates renaming their record
        for number, cells in enumerate(table[1:], start=2):
            row = {name: cells[c] if c < len(cells) else None for c, name in mapping.items()}
            if all(v.is_blank(x) for x in row.values()):
                continue
            read_month_first(row, mapping, month_first, reg)
            values, errors = self.parse(reg, row, controls_later=True)
            ident = (values.get(key.name) if key else values.get(reg.name_field.name if reg.name_field else "")) or ""
            typed = str(ident).strip()
            folded = self.retyped(now, typed) if key else typed.casefold()
            code = now[folded][key.name] if key and folded in now else typed
            if "unit" in reg.field_names:
                unit = values.get("unit") if "unit" in row else (now.get(folded) or {}).get("unit")
                self.units[folded] = unit
                self.per_cent(reg, sheet, unit, number, row, values)
            report = RowReport(title, number, Action.INSERT, code if key else "")
            if key and folded != typed.casefold():
                report.reason = f"ID “{typed}” read as {code}"
            first = seen.get(folded) if folded else None
            if first is not None:
                # the same ID on two rows (a row copied, an ID typed twice): one record cannot take both
                if first[1] == values and not errors:
                    report.action, report.merged = Action.SKIP, True
                    report.reason = f"repeats row {first[0]} (same ID, same values)."
                else:
                    report.action = Action.ERROR
                    report.reason = (f"{code} is also on row {first[0]}, with other values: one record, two rows. "
                                     "Delete one, or empty this row's ID to add it as a new record.")
                    self._refuse_first(sheet, firsts[folded], number, code)
                    doubled += [(folded, first[0], first[1]), (folded, number, values)]
                sheet.rows.append(PlannedRow(report, raw=tuple(cells)))
                continue
            if folded:
                seen[folded] = (number, values)  # a row refused below is still in the workbook: not "deleted from it"
                firsts[folded] = (len(sheet.rows), tuple(cells))
            if errors:
                report.action, report.reason = Action.ERROR, " ".join(errors)
                sheet.rows.append(PlannedRow(report, raw=tuple(cells)))
                continue
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
            retyped = report.reason
            if changes:
                report.action = Action.UPDATE
                # a cell emptied in the workbook empties the field: said as such, not as any other change
                report.reason = "changes " + ", ".join(
                    f"{reg.field(n).label} (emptied)" if v.is_blank(changes[n]) or changes[n] == [] else reg.field(n).label
                    for n in changes) + "."
            else:  # nothing to write: the office already has it (or keeps its own, newer, values)
                report.action, report.reason = Action.SKIP, "same as the office's, or changed only in the office."
            if retyped:
                report.reason = f"{retyped}: {report.reason}"
            if self.own and reg.name_field is not None and reg.name_field.name in changes:
                retitled.append((len(sheet.rows), folded, values, tuple(cells)))
            sheet.rows.append(PlannedRow(report, changes, stored["id"], was={n: stored.get(n) for n in changes},
                                         same=not changes))
        if doubled and self.own:
            self._say_typed_over(reg, sheet, doubled, seen, now)
        if retitled:
            self._refuse_typed_over(reg, sheet, retitled, seen, now)
        if self.own:
            for reg_name, folded in self.stamp.rows:
                if reg_name == reg.name and folded not in seen and folded in now:
                    kept = now[folded]
                    name = str(kept.get(reg.name_field.name) or "") if reg.name_field is not None else ""
                    sheet.rows.append(PlannedRow(RowReport(title, 0, Action.SKIP, kept[key.name] if key else "",
                                                           KEPT_DELETED, name=name)))
        _column_notes(reg, sheet, table, {f.label for f in reg.fields})
        return sheet

    def per_cent(self, reg: Register, sheet: SheetPlan, unit: Any, number: int, row: dict[str, Any],
                 values: dict[str, Any]) -> None:
        """A number of a record measured in per cent (its unit "%") written as a percentage — "80 %", or 0.8 in a
        cell shown as 80 % — is the 80 it shows: read as its fraction, a benefit's target of 75 (%) typed over as
        80 % became 0.8, in silence (fault72). Said once a sheet."""
        if not per_cent_unit(unit):
            return
        for name, raw in row.items():
            if reg.field(name).kind is not Kind.FLOAT or not isinstance(values.get(name), (int, float)):
                continue
            col = next(c for c, n in sheet.mapping.items() if n == name)
            if isinstance(raw, str) and raw.strip().endswith("%"):
                shown = raw.strip()
            elif isinstance(raw, (int, float)) and (number - 1, col) in self.percent_cells(sheet.sheet):
                shown = f"{raw * 100:.12g} %"
            else:
                continue
            values[name] = float(f"{values[name] * 100:.12g}") if isinstance(raw, str) else float(f"{raw * 100:.12g}")
            if not sheet.note or "measured in %" not in sheet.note:
                sheet.say(f"Numbers written as percentages in records measured in % (“{shown}” in "
                          f"{reg.field(name).label}) are read as the per cent they show: 80 % as 80, not 0.8.")

    def percent_cells(self, title: str) -> set[tuple[int, int]]:
        if title not in self._percent:
            self._percent[title] = percent_cells(self.plan.path, title)
        return self._percent[title]

    @staticmethod
    def _refuse_first(sheet: SheetPlan, first: tuple[int, tuple[Any, ...]], number: int, code: str) -> None:
        """The first of two rows of one ID with other values is refused too: which of the two is the record cannot
        be told (a row copied and edited, or another record's ID typed over this one's). Taken, it was written over
        the record when the valid rows were imported alone — another record's values in place of this one's,
        the preview having said "will update" of it (fault72)."""
        index, cells = first
        prow = sheet.rows[index]
        if prow.report.action == Action.ERROR:  # refused already, or by a third row of the ID
            return
        prow.report.action, prow.report.merged = Action.ERROR, False
        prow.report.reason = (f"{code} is also on row {number}, with other values: one record, two rows, and which "
                              "is the record cannot be told. Delete one, or empty the other's ID to add it as a new "
                              "record.")
        prow.values, prow.was, prow.same, prow.raw = {}, None, False, cells

    def _typed_over(self, reg: Register, values: dict[str, Any], missing: list[str]) -> str | None:
        """The exported record (casefolded ID) whose every field, as exported, a row's values give, among
        ``missing``: the records the workbook lists on no row."""
        fields = {f.name: f for f in stamped_fields(reg)}
        # the row's prints worked out once, not once a missing record (a hash each: rows renamed × rows deleted)
        prints = {n: fingerprint(fields[n], x) for n, x in values.items() if n in fields}
        if not prints:
            return None
        for code in missing:
            exported = self.stamp.row(reg.name, code)
            if exported is not None and all(exported.fingerprints.get(n) == p for n, p in prints.items()):
                return code
        return None

    def _refuse_typed_over(self, reg: Register, sheet: SheetPlan, retitled: list[tuple[int, str, dict[str, Any],
                           tuple[Any, ...]]], seen: dict[str, tuple[int, dict[str, Any]]],
                           now: dict[str, dict[str, Any]]) -> None:
        """A row that renames its record and holds, but for its ID, another exported record's every value as
        exported — that record on no row of the workbook — is that record with its ID typed over: refused, said.
        Taken, R-004's row with R-005 typed in its ID cell wrote R-004's title, owner and levels over R-005, the
        preview saying "will update R-005 — changes Title, Category, …" (fault72)."""
        missing = [code for code in self.stamp.codes(reg.name) if code not in seen]
        if not missing:
            return
        key = reg.key_field
        for index, folded, values, cells in retitled:
            other = self._typed_over(reg, values, missing)
            if other is None or other == folded:
                continue
            prow = sheet.rows[index]
            if prow.report.action is Action.ERROR:  # refused already: one ID on two rows (_say_typed_over)
                continue
            code = prow.report.code
            shown = str(now[other][key.name]) if key is not None and other in now else other.upper()
            prow.report.action = Action.ERROR
            prow.report.reason = (f"Its cells but the ID are {shown}'s as exported, and {shown} is on no other row: "
                                  f"{shown}'s ID typed over with {code}? Type {shown} back, or change more than its ID "
                                  f"to make it {code}.")
            prow.values, prow.was, prow.same, prow.raw = {}, None, False, cells

    def _say_typed_over(self, reg: Register, sheet: SheetPlan, doubled: list[tuple[str, int, dict[str, Any]]],
                        seen: dict[str, tuple[int, dict[str, Any]]], now: dict[str, dict[str, Any]]) -> None:
        """Where one row of a refused pair holds, but for its ID, another exported record's values as exported and
        that record's ID is on no row, its ID was typed over: said on the row, naming the record."""
        missing = [code for code in self.stamp.codes(reg.name) if code not in seen]
        if not missing:
            return
        by_row = {r.report.row: r for r in sheet.rows}
        key = reg.key_field
        for _folded, number, values in doubled:
            code = self._typed_over(reg, values, missing)
            if code is not None:
                shown = str(now[code][key.name]) if key is not None and code in now else code.upper()
                by_row[number].report.reason += (f" Its other cells are {shown}'s as exported, and {shown} is "
                                                 f"on no row: was {shown}'s ID typed over?")

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
        month_first = month_first_columns(reg, sheet, table)
        stored_parents = list(self.session.execute(select(P.code, P.id)))
        parents = {code.casefold(): i for code, i in stored_parents}
        spelled = {code.casefold(): code for code, _ in stored_parents}
        families: dict[str, list[tuple[int, dict[str, Any], tuple[Any, ...]]]] = defaultdict(list)
        for number, cells in enumerate(table[1:], start=2):
            code = v.parse_text(cells[parent_col] if parent_col < len(cells) else None)
            if not code:
                continue
            code = self.parent_code(spelled, code)
            row = {n: cells[c] if c < len(cells) else None for c, n in mapping.items() if n != PARENT}
            read_month_first(row, mapping, month_first, reg)
            families[code].append((number, row, tuple(cells)))
        current = self.children_now(reg)
        added = self.added_codes(parent)
        office: dict[str, dict[str, Any]] | None = None  # the parent's records in the office, read once if asked
        for code, rows in families.items():
            parsed = []
            folded = code.casefold()
            # a row of a record neither the office nor the workbook has (its row deleted, its ID mistyped): refused
            # here, said; the preview said "will insert" of it and the import then stopped whole (fault72)
            orphan = folded not in parents and folded not in added and not (
                self.own and self.stamp.row(parent.name, code) is not None)
            unit = None
            if "unit" in parent.field_names:
                # the workbook's row of the record, else the office's: a measurements sheet saved alone (a CSV) or
                # beside a benefits sheet without that benefit's row reads "62.5 %" by its benefit's unit too
                if folded in self.units:
                    unit = self.units[folded]
                else:
                    office = self.current(parent) if office is None else office
                    unit = (office.get(folded) or {}).get("unit")
            for number, row, kept in rows:
                values, errors = self.parse(reg, row)
                self.per_cent(reg, sheet, unit, number, row, values)
                if orphan:
                    errors.insert(0, f"There is no record “{code}” in the {parent.title.lower()} or in this workbook.")
                report = RowReport(title, number, Action.ERROR if errors else Action.INSERT, code, " ".join(errors))
                parsed.append(PlannedRow(report, values, parent_code=code, raw=kept if errors else None))
            if orphan:
                sheet.rows.extend(parsed)
                continue
            decision = Merge.TAKE
            if self.own and folded not in parents and self.stamp.row(parent.name, code) is not None:
                for p in parsed:  # its record was deleted in the office since the export: not brought back
                    p.report.action, p.report.reason = Action.SKIP, f"{parent.noun} {code} was deleted in the office."
                    p.values = {}
                sheet.rows.extend(parsed)
                continue
            if folded in parents:  # into another office too: a family as the office has it is left as it is
                exported = self.stamp.row(reg.name, code) if self.own else None
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
                    p.values, p.same = {}, decision == Merge.KEEP
                sheet.rows.extend(parsed)
                continue
            sheet.rows.extend(parsed)
            if any(p.report.action is Action.ERROR for p in parsed):
                for p in parsed:  # the family is taken whole or not at all: its other rows keep their cells
                    p.raw = p.raw or next(kept for number, _row, kept in rows if number == p.report.row)
                continue  # refuse_whole_families below: the office keeps the record's own rows
            sheet.replace_parents[folded] = parents.get(folded)
            sheet.replaced_children += len(current.get(folded, []))  # said in the preview, as for any workbook
        refuse_whole_families(sheet)
        return sheet

    def added_codes(self, reg: Register) -> set[str]:
        """The IDs (casefolded) of the records of ``reg`` this workbook's rows add, as planned so far."""
        key = reg.key_field
        return {str(p.values.get(key.name) or p.report.code).strip().casefold()
                for sheet in self.plan.sheets if sheet.register == reg.name
                for p in sheet.rows if p.report.action is Action.INSERT} if key is not None else set()

    def parent_code(self, spelled: dict[str, str], code: str) -> str:
        """The office's own spelling of a parent ID the workbook retyped (``id_key``), else the ID as typed."""
        return spelled.get(self.retyped(spelled, code), code.strip())

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
    titles = list(book.sheet_names)
    sheets = _register_sheets(book, titles)
    for title in titles:
        if title not in sheets.values():  # a colleague's own sheet: said, never passed over in silence
            plan.skipped_sheets.append((title, "not a sheet of the export, so nothing on it is imported."))
    tables: dict[str, list[list[Any]]] = {}
    with store.session() as session:
        planner = OfficePlanner(session, stamp, plan)
        for reg in REGISTERS.values():
            if reg.name not in sheets:
                continue
            title = sheets[reg.name]
            table = _table(book, title)
            if not table:
                continue
            sheet = (planner.plan_children(reg, title, table) if reg.parent
                     else planner.plan_register(reg, title, table))
            if title != reg.sheet:
                sheet.say(f"Read as the export's “{reg.sheet}” sheet, renamed.")
            plan.sheets.append(sheet)
            tables[title] = table
        _unknown_references(session, plan, tables)
        plan.settings = _settings_rows(book)
        _own_lists(plan)
    plan.conflicts = planner.conflicts
    plan.own_export = planner.own
    if take_theirs:
        _take_theirs(plan)
    return plan


def _unknown_references(session: Session, plan: ImportPlan, tables: dict[str, list[list[Any]]]) -> None:
    """Refuse, in the preview, each row naming a project, a risk, an issue … that neither the office nor the
    workbook's own rows have (people are added as named), and each sub-table row whose record is neither.
    Unchecked until the import wrote, such a row — a project renamed by hand, "Projects affected" typed with
    commas, a decision linked to a risk deleted from the sheet, an action of a risk whose row was refused — was
    said "will update" or "will insert", and then stopped the whole import ("could not be written, so nothing was
    imported"), the valid rows too, even imported alone (fault72). A row refused so may leave another without
    its record: checked again until none is."""
    stored: dict[Any, set[str]] = {}
    while _refuse_unknown(session, plan, tables, stored):
        pass


def _refuse_unknown(session: Session, plan: ImportPlan, tables: dict[str, list[list[Any]]],
                    stored: dict[Any, set[str]]) -> bool:
    added: dict[Any, set[str]] = defaultdict(set)  # target entity → IDs and names the workbook's new rows give
    refused: dict[Any, dict[str, str]] = defaultdict(dict)  # target entity → ID of a refused row → where it is
    for sheet in plan.sheets:
        reg = REGISTERS[sheet.register]
        if reg.parent is not None:
            continue
        names = [f.name for f in (reg.key_field, reg.name_field) if f is not None]
        # a record named by its name (a project) is refused where its row is, as one named by its ID (left59b)
        name_col = next((c for c, n in sheet.mapping.items() if reg.name_field is not None and n == reg.name_field.name
                         and n != (reg.key_field.name if reg.key_field is not None else None)), None)
        table = tables.get(sheet.sheet, [])
        for prow in sheet.rows:
            if prow.report.action is Action.INSERT:
                added[reg.entity].update(str(prow.values[n]).strip().casefold() for n in names if prow.values.get(n))
            elif prow.report.action is Action.ERROR:
                at = f"{sheet.sheet} row {prow.report.row}"
                if prow.report.code:
                    refused[reg.entity].setdefault(prow.report.code.strip().casefold(), at)
                cells = prow.raw or (table[prow.report.row - 1] if 0 < prow.report.row <= len(table) else ())
                name = cells[name_col] if name_col is not None and name_col < len(cells) else None
                if isinstance(name, str) and name.strip():
                    refused[reg.entity].setdefault(" ".join(name.split()).casefold(), at)
    refused_any = False
    for sheet in plan.sheets:
        reg = REGISTERS[sheet.register]
        table = tables.get(sheet.sheet, [])
        parent = REGISTERS[reg.parent_register] if reg.parent_register else None
        for prow in sheet.rows:
            if prow.report.action not in (Action.INSERT, Action.UPDATE):
                continue
            errors = []
            if parent is not None and prow.parent_code:
                P: Any = parent.entity
                if P not in stored:
                    stored[P] = {str(c).casefold() for c in session.scalars(select(P.code)) if c}
                if prow.parent_code.casefold() not in stored[P] | added[P]:
                    errors.append(f"There is no record “{prow.parent_code}” in the {parent.title.lower()} or in this "
                                  "workbook (its own row is refused).")
            for name, value in prow.values.items():
                f = reg.field(name)
                if f.ref is None or f.ref.create_missing or not (f.kind.is_reference or f.kind.is_links):
                    continue
                target = f.ref.target
                if target not in stored:
                    stored[target] = records.ref_keys(session, f)
                for item in value if isinstance(value, list) else [value]:
                    text = str(item).strip() if item is not None else ""
                    if text and text.casefold() not in stored[target] and text.casefold() not in added[target]:
                        where = refused[target].get(text.casefold())
                        errors.append(f"{f.label}: {text} is refused on its own row ({where}), so it cannot be named "
                                      "here." if where else _no_such(f, text, stored[target] | added[target]))
            if errors:
                refused_any = True
                prow.report.action, prow.report.reason = Action.ERROR, " ".join(errors)
                prow.values, prow.was, prow.same = {}, None, False
                row = prow.report.row
                prow.raw = tuple(table[row - 1]) if 0 < row <= len(table) else None
        if parent is not None:
            refuse_whole_families(sheet)
    return refused_any


def _no_such(f: Any, name: str, known: set[str]) -> str:
    """``records.no_such_name``'s words, and where the name is names written with commas that the office has,
    the separator a list of them takes ("Inventory management, Point of sale replacement")."""
    said = str(records.no_such_name(f, name, ()))
    parts = [p.strip() for p in name.split(",")]
    if f.kind.is_links and len(parts) > 1 and all(p.casefold() in known for p in parts if p):
        said += " Its names are written with commas: separate them with “;” (“" + "; ".join(p for p in parts if p) + "”)."
    return said


def _register_sheets(book: SafeWorkbook, titles: list[str]) -> dict[str, str]:
    """Register name → the visible sheet that holds it: its own sheet, or — renamed by a colleague (“Risks
    (Dec)”) — the one other sheet headed by that register's column names alone and at least half of them.
    A renamed sheet was passed over in silence, the edits on it with it."""
    out = {reg.name: reg.sheet for reg in REGISTERS.values() if reg.sheet in titles}
    others = [t for t in titles if t not in out.values()]
    for reg in REGISTERS.values():
        if reg.name in out or not others:
            continue
        labels = {f.label for f in reg.fields if f.exported} | ({reg.parent_label} if reg.parent else set())
        fits = []
        for title in others:
            top = book.sheet(title).top_rows(fill_merged=False)
            headers = {str(h).strip() for h in (top[0] if top else []) if not v.is_blank(h)}
            if headers and headers <= labels and 2 * len(headers) >= len(labels):
                fits.append(title)
        if len(fits) == 1:
            out[reg.name] = fits[0]
            others.remove(fits[0])
    return out


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
    office: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)  # what each taken value writes over
    for c in plan.conflicts:
        if c.field != FAMILY:
            by_record[(c.register, c.code.casefold())][c.field] = c.workbook
            office[(c.register, c.code.casefold())][c.field] = c.office
    for sheet in plan.sheets:
        for p in sheet.rows:
            extra = by_record.get((sheet.register, p.report.code.casefold()))
            if extra and p.report.action in (Action.UPDATE, Action.SKIP) and p.record_id is not None:
                p.report.action = Action.UPDATE
                p.values.update(extra)
                p.was = {**(p.was or {}), **office[(sheet.register, p.report.code.casefold())]}
                p.report.reason = "changes " + ", ".join(REGISTERS[sheet.register].field(n).label
                                                         for n in p.values) + " (conflicts: the workbook's)."
    plan.conflicts = [c for c in plan.conflicts if c.field == FAMILY]

