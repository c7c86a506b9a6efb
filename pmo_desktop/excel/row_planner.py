"""Turning the rows of one sheet into planned inserts, updates and skips, without writing anything.

Values go through ``Field.parse`` (as in the GUI), names of projects/objectives/stakeholders are checked
against sets loaded once per import, and IDs against a code → id map loaded once per register, so a
10,000-row sheet costs a handful of queries, not a few per row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import records
from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import Field, Kind, Register
from ..models.registers import REGISTERS
from .errors import ImportCancelled
from .header_detection import PARENT, SheetKind
from .import_plan import Action, PlannedRow, RowReport, SheetPlan
from .workbook_reader import EXCEL_ERRORS, SheetReader

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
TICK = 256  # rows between progress reports and cancel checks
_UNCACHED = (Kind.TEXT, Kind.LONGTEXT, Kind.CODE)  # cheap to parse and mostly unique: not worth caching
_NOUNS = {"StrategicObjective": "strategic objective", "Project": "project", "Outcome": "outcome",
          "Stakeholder": "stakeholder", "Risk": "risk", "Person": "person"}


def _looks_like_code(value) -> bool:
    text = v.parse_text(value)
    return bool(re.fullmatch(r"\S{1,20}", text)) and any(ch.isdigit() for ch in text)


def _same(field: Field, new, old) -> bool:
    """Whether an imported value equals the stored one as the user sees it."""
    if field.kind == Kind.LINKS:
        return sorted(n.lower() for n in new) == sorted(n.strip().lower() for n in v.split_list(old or ""))
    if field.kind == Kind.REF:
        return (new or "").lower() == (old or "").lower()
    if new in (None, "") and old in (None, ""):
        return True
    if isinstance(new, float) and isinstance(old, (int, float)) and not isinstance(old, bool):
        return abs(new - old) <= 1e-9 * max(1.0, abs(old))
    return new == old


class Planner:
    """Plans sheets against one read session; remembers what earlier sheets of the import add."""

    def __init__(self, session: Session, progress: Progress | None = None, cancelled: Cancelled | None = None):
        self.session = session
        self.ctx = records.load_context(session)
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 0
        self._codes: dict[str, dict[str, int]] = {}
        self._names: dict[type, set[str]] = {}
        self._current: dict[str, dict[int, dict]] = {}
        self.claimed: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)  # register → code → (sheet, row)
        self.pending_names: dict[type, set[str]] = defaultdict(set)
        self._parsed: dict[int, dict | None] = {}  # per field: cell value → parsed value or error

    # ----------------------------------------------------------------------------- batched lookups
    def codes(self, reg: Register) -> dict[str, int]:
        if reg.name not in self._codes:
            E = reg.entity
            self._codes[reg.name] = {c.lower(): i for c, i in self.session.execute(select(E.code, E.id)) if c}
        return self._codes[reg.name]

    def names(self, target: type, label: str) -> set[str]:
        if target not in self._names:
            cols = [getattr(target, label)] + ([target.code] if hasattr(target, "code") and label != "code" else [])
            known: set[str] = set()
            for row in self.session.execute(select(*cols)):
                known.update(str(x).lower() for x in row if x)
            self._names[target] = known
        return self._names[target]

    def current(self, reg: Register, record_id: int) -> dict:
        if reg.name not in self._current:
            rows = records.fetch_rows(self.session, reg, self.ctx)
            names = ["id", "version", *reg.field_names]
            self._current[reg.name] = {r[0]: dict(zip(names, r)) for r in rows}
        return self._current[reg.name][record_id]

    def _tick(self) -> None:
        self.done += TICK
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("The import was cancelled; nothing was imported.")
        if self.progress is not None:
            self.progress(min(self.done, self.total) if self.total else self.done, self.total)

    # ----------------------------------------------------------------------------- one sheet
    def plan_sheet(self, reader: SheetReader, kind: SheetKind, header_row: int, mapping: dict[int, str],
                   headers: list[str], layout: str, ignored: dict[int, str], finish: bool = True) -> SheetPlan:
        """Plan every row of one sheet. Child sheets are finished (unchanged families found, replaced
        rows counted) unless ``finish`` is false, for the caller to add parents first."""
        reg = kind.reg
        plan = SheetPlan(reader.title, reg.name, header_row, dict(mapping), headers, layout,
                         parent_register=kind.parent, ignored=dict(ignored))
        fields = [(c, reg.field(n)) for c, n in sorted(mapping.items())
                  if n != PARENT and reg.field(n).kind != Kind.COMPUTED]
        for _, f in fields:
            self._parsed.setdefault(id(f), None if f.kind in _UNCACHED else {})
        mapped_cols = {c for c, _ in fields} | {c for c, n in mapping.items() if n == PARENT}
        key = reg.key_field
        code_col = next((c for c, f in fields if key is not None and f.name == key.name), None)
        parent_col = next((c for c, n in mapping.items() if n == PARENT), None)
        title = next((f for f in reg.fields if f.required), None)
        title_col = next((c for c, f in fields if title is not None and f.name == title.name), None)
        first_col = min(mapped_cols) if mapped_cols else 0
        strict_refs = [(c, f) for c, f in fields if f.kind in (Kind.REF, Kind.LINKS) and not f.ref.create_missing]
        width = max(len(headers), max(mapping, default=-1) + 1)
        parent_reg = REGISTERS[kind.parent] if kind.parent else None
        blank_run: list[int] = []
        notes: set[int] = set()  # rows holding only a title below a gap: notes if nothing follows them
        data_started = False
        tick = 0

        def skip(number: int, reason: str, code: str = "") -> None:
            plan.rows.append(PlannedRow(RowReport(plan.sheet, number, Action.SKIP, code, reason)))

        for number, row in reader.data_rows(header_row + 1, width):
            tick += 1
            if tick % TICK == 0:
                self._tick()
            filled = [c for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip())]
            if not filled:
                if data_started:
                    blank_run.append(number)
                continue
            after_gap = bool(blank_run) or (len(plan.rows) - 1 in notes)
            if blank_run:
                span = f"row {blank_run[0]}" if len(blank_run) == 1 else f"rows {blank_run[0]}–{blank_run[-1]}"
                skip(blank_run[0], f"blank spacer ({span}).")
                blank_run = []
            data_started = True
            mapped_filled = [c for c in filled if c in mapped_cols]
            has_key = any(c in (code_col, title_col, parent_col) for c in mapped_filled)
            if not mapped_filled:
                skip(number, "no values in the imported columns (a note or a total, not a record).")
                continue
            if len(filled) == 1 and filled[0] == first_col and first_col != title_col and \
                    not (first_col in (code_col, parent_col) and _looks_like_code(row[first_col])):
                skip(number, f"a note, not a record (only “{v.parse_text(row[first_col])[:40]}” in the first column).")
                continue
            if len(mapped_filled) < 2 and not has_key:
                what = " or ".join(x for x in (key.label if key else "", title.label if title else "") if x)
                skip(number, f"looks like a note, not a record (one filled cell and no {what}).")
                continue
            if after_gap and len(filled) == 1 and filled[0] == first_col == title_col:
                notes.add(len(plan.rows))
            plan.rows.append(self._plan_row(plan, reg, parent_reg, number, row, fields, code_col, parent_col,
                                            strict_refs))
        self._trailing_notes(plan, notes)
        if reg.key_field is not None:
            self._assign_codes(plan, reg)
        self.done += tick % TICK
        for prow in plan.rows:
            if prow.report.action in (Action.INSERT, Action.UPDATE):
                self._remember_names(reg, prow)
        if parent_reg is not None and finish:
            self.finish_children(plan)
        return plan

    def _plan_row(self, plan: SheetPlan, reg: Register, parent_reg: Register | None, number: int, row: tuple,
                  fields: list[tuple[int, Field]], code_col, parent_col, strict_refs) -> PlannedRow:
        errors: list[str] = []
        values: dict[str, Any] = {}
        ctx = self.ctx
        width = len(row)
        for c, f in fields:
            raw = row[c] if c < width else None
            cls = raw.__class__
            if cls is str and raw[:1] == "#" and raw.strip() in EXCEL_ERRORS:
                errors.append(f"{f.label} shows the Excel error {raw.strip()}; correct or clear that cell.")
                continue
            cache = self._parsed[id(f)]
            if cache is None:  # text: cheap to parse and mostly unique
                try:
                    values[f.name] = f.parse(raw, ctx)
                except ValidationError as e:
                    errors.append(str(e))
                continue
            hit = cache.get((cls, raw))
            if hit is None:
                try:
                    hit = (True, f.parse(raw, ctx))
                except ValidationError as e:
                    hit = (False, str(e))
                if len(cache) < 10_000:
                    cache[(cls, raw)] = hit
            if hit[0]:
                values[f.name] = hit[1]
            else:
                errors.append(hit[1])
        for _c, f in strict_refs:
            if f.name not in values:
                continue
            wanted = values[f.name]
            known = self.names(f.ref.target, f.ref.label)
            pending = self.pending_names[f.ref.target]
            for name in ([wanted] if f.kind == Kind.REF else wanted):
                if name and name.lower() not in known and name.lower() not in pending:
                    noun = _NOUNS.get(f.ref.target.__name__, f.ref.target.__name__.lower())
                    errors.append(f"{f.label}: there is no {noun} called “{name}”.")
        code = ""
        record_id = None
        parent_code = None
        action = Action.INSERT
        reason = ""
        if parent_reg is not None:
            parent_code = v.parse_text(row[parent_col]) if parent_col is not None and parent_col < len(row) else ""
            code = parent_code
            if not parent_code:
                errors.append(f"{parent_reg.key_field.label} of the {parent_reg.title.lower()} record is empty; "
                              "each row needs the ID of the record it belongs to.")
            else:
                low = parent_code.lower()
                pid = self.codes(parent_reg).get(low)
                if pid is None and low not in self.claimed[parent_reg.name]:
                    errors.append(f"There is no record “{parent_code}” in the {parent_reg.title.lower()} or in "
                                  "this workbook.")
                elif low not in plan.replace_parents:
                    plan.replace_parents[low] = pid
        elif reg.key_field is not None:
            key = reg.key_field
            code = values.pop(key.name, "") or ""
            if code:
                low = code.lower()
                earlier = self.claimed[reg.name].get(low)
                if earlier is not None:
                    where = f"row {earlier[1]}" if earlier[0] == plan.sheet else f"row {earlier[1]} of “{earlier[0]}”"
                    errors.append(f"{key.label} “{code}” appears twice in this import ({where} and row {number}).")
                else:
                    self.claimed[reg.name][low] = (plan.sheet, number)
                    record_id = self.codes(reg).get(low)
                    if record_id is not None:
                        action = Action.UPDATE
        if action == Action.INSERT:
            for f in reg.fields:
                if f.required and f.kind != Kind.CODE and f.name not in values:
                    errors.append(f"{f.label} cannot be empty (no column of the sheet holds it).")
        if not errors and reg.check is not None:
            if record_id is not None:
                record = dict(self.current(reg, record_id))
            else:
                record = dict(reg.defaults)
            record.update(values)
            try:
                reg.check(record, ctx)
            except ValidationError as e:
                errors.append(str(e))
        if not errors and record_id is not None:
            old = self.current(reg, record_id)
            changed = [reg.field(n) for n, new in values.items() if not _same(reg.field(n), new, old.get(n))]
            values = {f.name: values[f.name] for f in changed}
            reason = ("changes " + ", ".join(f.label for f in changed) + ".") if changed else "no changes."
        if errors:
            return PlannedRow(RowReport(plan.sheet, number, Action.ERROR, code, " ".join(errors)))
        if action == Action.INSERT and code and reg.key_field is not None:
            values = {reg.key_field.name: code, **values}  # the code first: it must be set before any flush
        return PlannedRow(RowReport(plan.sheet, number, action, code, reason), values, record_id, parent_code)

    @staticmethod
    def _trailing_notes(plan: SheetPlan, notes: set[int]) -> None:
        """A lone first-column text below a gap at the very end is a note under the table, not a record."""
        i = len(plan.rows) - 1
        while i >= 0 and (plan.rows[i].report.action == Action.SKIP or i in notes):
            if i in notes:
                report = plan.rows[i].report
                plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                    "a note below the data, not a record."))
            i -= 1

    def _assign_codes(self, plan: SheetPlan, reg: Register) -> None:
        """IDs for new rows without one: after the highest in the file and in this import."""
        new = [p for p in plan.rows if p.report.action == Action.INSERT and not p.report.code]
        if not new:
            return
        pattern = re.compile(re.escape(reg.code_prefix) + r"(\d+)", re.IGNORECASE)
        highest = int(records.next_code(self.session, reg)[len(reg.code_prefix):]) - 1
        for code in self.claimed[reg.name]:
            m = pattern.fullmatch(code)
            if m:
                highest = max(highest, int(m.group(1)))
        for p in new:
            highest += 1
            code = f"{reg.code_prefix}{highest:0{reg.code_digits}d}"
            p.report.code = code
            p.values = {reg.key_field.name: code, **p.values}  # the code first: set before any flush
            self.claimed[reg.name][code.lower()] = (plan.sheet, p.report.row)

    def _remember_names(self, reg: Register, prow: PlannedRow) -> None:
        """So a later sheet (the communication plan) may name a stakeholder this import adds."""
        pending = self.pending_names[reg.entity]
        if prow.report.code:
            pending.add(prow.report.code.lower())
        for name in ("name", "title"):
            value = prow.values.get(name)
            if isinstance(value, str) and value:
                pending.add(value.lower())

    def finish_children(self, plan: SheetPlan) -> None:
        """Leave alone the families whose rows equal the stored ones; count the stored rows replaced."""
        reg = REGISTERS[plan.register]
        ids = {pid: low for low, pid in plan.replace_parents.items() if pid is not None}
        mapped = [f for f in reg.fields if f.name in plan.mapping.values()]
        if ids and len(mapped) == len([f for f in reg.fields if f.kind != Kind.COMPUTED]):
            parent_col = getattr(reg.entity, reg.parent)
            owner = dict(self.session.execute(select(reg.entity.id, parent_col)).all())
            stored: dict[int, list] = defaultdict(list)
            for row in records.fetch_rows(self.session, reg, self.ctx):  # two queries for all families
                if owner.get(row[0]) in ids:
                    stored[owner[row[0]]].append(row[2:])
            fields = reg.fields
            planned: dict[str, list] = defaultdict(list)
            for prow in plan.rows:
                if prow.report.action == Action.INSERT:
                    planned[prow.parent_code.lower()].append(prow)
            for pid, low in ids.items():
                new, old = planned.get(low, []), stored.get(pid, [])
                if len(new) != len(old):
                    continue
                remaining = list(old)
                for prow in new:
                    match = next((o for o in remaining if all(_same(f, prow.values.get(f.name), x)
                                                              for f, x in zip(fields, o))), None)
                    if match is None:
                        break
                    remaining.remove(match)
                else:
                    del plan.replace_parents[low]
                    for prow in new:
                        prow.report.action = Action.SKIP
                        prow.report.reason = "same as stored."
        self._count_children(plan, reg)

    def _count_children(self, plan: SheetPlan, reg: Register) -> None:
        ids = [i for i in plan.replace_parents.values() if i is not None]
        col = getattr(reg.entity, reg.parent)
        total = 0
        for start in range(0, len(ids), 500):
            total += self.session.scalar(select(func.count()).where(col.in_(ids[start:start + 500]))) or 0
        plan.replaced_children = total
