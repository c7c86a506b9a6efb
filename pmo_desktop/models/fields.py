"""How a register is described once: its fields, their types, allowed values, validation and the
header synonyms used on import. The GUI table, the Excel workbook and the importer all read this.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Any, Callable, Optional

from sqlalchemy import Table

from . import clock
from . import values as v
from .errors import ValidationError
from .risk_rules import RiskScale


class Kind(str, Enum):
    CODE = "code"            # the human readable ID; the natural key for import
    TEXT = "text"
    LONGTEXT = "longtext"    # edited in the detail editor, wrapped in Excel
    INT = "int"
    FLOAT = "float"
    SCALE = "scale"          # 1..N with level names (probability, impact, power, interest)
    DATE = "date"
    ENUM = "enum"
    MULTI_ENUM = "multi"     # several choices, stored as "A; B"
    BOOL = "bool"
    REF = "ref"              # a foreign key shown as the target's name
    LINKS = "links"          # a many-to-many shown as "name; name"
    COMPUTED = "computed"    # derived, read-only


@dataclass(frozen=True)
class Ref:
    target: type                 # ORM class referred to
    label: str = "name"          # its attribute shown to the user
    create_missing: bool = False  # an unknown name creates the target (people) or is refused (projects)


@dataclass(frozen=True)
class Context:
    """Per-file settings that some fields need to validate or compute (the risk scale, ...), and the
    day computed columns are worked out for (see ``clock``)."""

    risk_scale: RiskScale = RiskScale()
    extra: dict = field(default_factory=dict)
    today: date = field(default_factory=clock.today)


FIVE_LEVELS = ("Very low", "Low", "Medium", "High", "Very high")
# The most text one Excel cell holds: anything longer could be stored but never exported whole, so the
# office refuses it where it is typed, pasted or imported (a field's own column may allow less).
CELL_TEXT_LIMIT = 32_767


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Kind = Kind.TEXT
    choices: tuple[str, ...] = ()
    required: bool = False
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    synonyms: tuple[str, ...] = ()
    width: int = 14                       # characters; for the table and the Excel column
    column: Optional[str] = None          # ORM attribute holding the value when it differs from name
    ref: Optional[Ref] = None             # for REF and LINKS
    link: Optional[str] = None            # for LINKS: the relationship attribute on the entity
    link_table: Optional[Table] = None    # for LINKS: the association table
    scale: str = "five"                   # for SCALE: "risk" (per-file scale) or "five" (fixed 1–5)
    compute: Optional[Callable[[dict, Context], Any]] = None
    # For a computed field: the same value as an SQL expression ``(entity, ctx) -> ColumnElement``, so
    # that a large register sorts and filters on it in the database (see models/windows.py). Without
    # it a windowed table falls back to computing the column in Python for every record.
    sql: Optional[Callable[[type, Context], Any]] = None
    aliases: dict = field(default_factory=dict)  # for ENUM: other words people use for a choice
    tip: str = ""
    exported: bool = True                 # computed fields are exported for reading, never imported
    max_length: int = CELL_TEXT_LIMIT     # characters; bound from the column by Register (see bind_lengths)

    @property
    def editable(self) -> bool:
        return self.kind not in (Kind.COMPUTED, Kind.CODE)

    @property
    def attr(self) -> str:
        return self.column or self.name

    def scale_names(self, ctx: Context) -> tuple[str, ...]:
        return ctx.risk_scale.level_names if self.scale == "risk" else FIVE_LEVELS

    def scale_max(self, ctx: Context) -> int:
        return ctx.risk_scale.size if self.scale == "risk" else 5

    def parse(self, raw: Any, ctx: Context) -> Any:
        """The typed value for what a user typed, pasted or imported; ValidationError when refused.

        REF and LINKS parse to names (str / list of str); the record layer resolves them to rows.
        """
        label = self.label
        k = self.kind
        if k in (Kind.TEXT, Kind.LONGTEXT, Kind.CODE):
            value = v.parse_text(raw)
            if self.required and not value:
                raise ValidationError(f"{label} cannot be empty.", self.name)
            return self.check_length(value)
        if k == Kind.BOOL:
            return v.parse_bool(raw, label)
        if k == Kind.DATE:
            value = v.parse_date(raw, label)
        elif k == Kind.INT:
            value = v.parse_int(raw, label)
        elif k == Kind.FLOAT:
            value = v.parse_number(raw, label)
        elif k == Kind.SCALE:
            value = self._parse_scale(raw, ctx)
        elif k == Kind.ENUM:
            value = self._parse_choice(raw)
        elif k == Kind.MULTI_ENUM:
            picked = [self._parse_choice(item) for item in v.split_list(raw)]
            return v.join_list([c for c in self.choices if c in picked])
        elif k == Kind.REF:
            value = self.check_length(v.parse_text(raw)) or None
        elif k == Kind.LINKS:
            return [self.check_length(name) for name in v.split_list(raw)]
        else:
            raise ValidationError(f"{label} is calculated and cannot be edited.", self.name)
        if value is None:
            if self.required:
                raise ValidationError(f"{label} cannot be empty.", self.name)
            return None
        self._check_range(value)
        return value

    def check_length(self, value: str) -> str:
        """The one length rule, for every path that writes text: a cell, a paste, an import, the CLI."""
        if len(value) > self.max_length:
            raise ValidationError(
                f"{self.label} is too long ({len(value):,} characters; at most {self.max_length:,}).", self.name)
        return value

    def _check_range(self, value) -> None:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(f"{self.label} must be a finite number (got {value}).", self.name)
        if isinstance(value, (int, float)):
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(f"{self.label} must be at least {self.minimum:g} (got {value:g}).", self.name)
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(f"{self.label} must be at most {self.maximum:g} (got {value:g}).", self.name)

    def _parse_choice(self, raw) -> str | None:
        text = v.parse_text(raw)
        if not text:
            return None
        if text in self.choices:  # the common case (dropdowns, exported workbooks): no normalising needed
            return text
        key = v.normalise_key(text)
        for choice in self.choices:
            if v.normalise_key(choice) == key:
                return choice
        for alias, choice in self.aliases.items():
            if v.normalise_key(alias) == key:
                return choice
        raise ValidationError(
            f"{self.label}: “{text}” is not one of {', '.join(self.choices)}.", self.name
        )

    def _parse_scale(self, raw, ctx: Context) -> int | None:
        if v.is_blank(raw):
            return None
        top = self.scale_max(ctx)
        names = self.scale_names(ctx)
        number: float | None
        try:
            number = v.parse_number(raw, self.label)
        except ValidationError:
            number = None
            text = v.parse_text(raw)
            # "3 - Medium" as shown in dropdowns
            head = text.split(" ", 1)[0].strip(" -–:")
            if head.isdigit():
                number = float(head)
            else:
                key = v.normalise_key(text)
                for i, name in enumerate(names, start=1):
                    initials = "".join(w[0] for w in name.split()).lower()
                    if key in (v.normalise_key(name), initials):
                        number = float(i)
                        break
            if number is None:
                raise ValidationError(
                    f"{self.label}: “{text}” is not a level (1–{top} or {', '.join(names)}).", self.name
                ) from None
        if isinstance(raw, str) and raw.strip().endswith("%") and number is not None and number <= 1:
            number = max(1.0, round(number * top))  # "60%" likelihood on a 5-point scale → 3
        if not float(number).is_integer() or not 1 <= number <= top:
            raise ValidationError(f"{self.label} must be a level from 1 to {top} (got {raw}).", self.name)
        return int(number)

    def display(self, value: Any) -> str:
        """How a stored value reads as text (table copy, CSV-like clipboard, Excel text cells)."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, float):
            return f"{value:g}" if abs(value) < 1e15 else str(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return str(value)


@dataclass
class Register:
    """One register (or sub-table): its entity, fields, and rules that span several fields."""

    name: str                     # "risks"
    title: str                    # "Risk register"
    entity: type
    fields: list[Field]
    code_prefix: str = ""         # "R-": new records get ...
    code_digits: int = 3
    parent: Optional[str] = None  # for sub-tables: the FK attribute naming the parent record
    sheet_synonyms: tuple[str, ...] = ()  # sheet names that suggest this register on import
    # cross-field rule on the whole record; a sub-table's record also holds its parent object as "parent"
    check: Optional[Callable[[dict, Context], None]] = None
    prefetch: Optional[Callable[..., dict]] = None  # (session, ids) → data for computed fields
    defaults: dict = field(default_factory=dict)
    # Exchange with workbooks: the sheet it is written to (default: its title); a sub-table names its
    # parent register and the header of the column that holds the parent's ID ("Risk ID").
    sheet: str = ""
    parent_register: Optional[str] = None
    parent_label: str = ""
    exported_with: Optional[str] = None   # travels in a workbook with that register (comms with stakeholders)
    singleton: bool = False               # exactly one record per office (the program's own details)
    # The register's own word for one record ("risk"), for messages and the CLI's per-row report.
    noun: str = ""

    def __post_init__(self) -> None:
        self.fields = bind_lengths(self.entity, self.fields)
        self.sheet = self.sheet or self.title
        self.noun = self.noun or self.title.lower().rstrip("s")
        if (self.parent is None) != (self.parent_register is None) or (self.parent and not self.parent_label):
            raise ValueError(f"{self.name}: a sub-table declares parent, parent_register and parent_label together")

    @property
    def name_field(self) -> Optional[Field]:
        """The field that names a record to a person (a risk's title, a stakeholder's name)."""
        return next((f for f in self.fields if f.required and f.kind in (Kind.TEXT, Kind.LONGTEXT)), None)

    def field(self, name: str) -> Field:
        found = self._fields_by_name.get(name)
        if found is None:
            raise KeyError(f"{self.name} has no field {name!r}")
        return found

    @cached_property
    def _fields_by_name(self) -> dict[str, Field]:
        # Looked up per cell by imports; worked out once (the fields are fixed by the declaration).
        return {f.name: f for f in self.fields}

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @cached_property
    def key_field(self) -> Optional[Field]:
        return next((f for f in self.fields if f.kind == Kind.CODE), None)

    @property
    def importable_fields(self) -> list[Field]:
        return [f for f in self.fields if f.kind != Kind.COMPUTED]


def _column_length(entity: type, attr: str) -> int | None:
    prop = getattr(entity, attr, None)
    columns = getattr(getattr(prop, "property", None), "columns", None)
    return getattr(columns[0].type, "length", None) if columns else None


def bind_lengths(entity: type, fields: list[Field]) -> list[Field]:
    """Each text field's limit from the column that stores it (``String(300)`` → 300); references and
    links from the target's label column (a person's name). PostgreSQL refuses longer text and SQLite
    would store it, so the register says so the same way on both, before the database does."""
    out = []
    for f in fields:
        if f.kind == Kind.COMPUTED:
            out.append(f)
            continue
        if f.kind in (Kind.REF, Kind.LINKS) and f.ref is not None:
            limit = _column_length(f.ref.target, f.ref.label)
        else:
            limit = _column_length(entity, f.attr)
        out.append(replace(f, max_length=min(limit or CELL_TEXT_LIMIT, CELL_TEXT_LIMIT)))
    return out
