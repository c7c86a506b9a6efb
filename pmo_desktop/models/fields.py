"""How a register is described once: its fields, their types, allowed values, validation and the
header synonyms used on import. The GUI table, the Excel workbook and the importer all read this.
"""

from __future__ import annotations

import math
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Callable, Iterator, Mapping, Optional

from sqlalchemy import Table

from . import clock
from .colours import ColourRule
from .errors import ValidationError
from .kinds import FieldKind as FieldKind  # re-exported: registers name their kinds from here
from .kinds import Kind as Kind
from .risk_rules import RiskScale
from .values import float_text


@dataclass(frozen=True)
class Ref:
    target: type[Any]            # ORM class referred to
    label: str = "name"          # its attribute shown to the user
    create_missing: bool = False  # an unknown name creates the target (people) or is refused (projects)


@dataclass(frozen=True)
class Context:
    """Per-file settings that some fields need to validate or compute (the risk scale, ...), and the
    day computed columns are worked out for (see ``clock``)."""

    risk_scale: RiskScale = RiskScale()
    extra: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=clock.today)


# The control characters XML 1.0 cannot carry (so neither can an xlsx): all of C0 but tab, LF and CR.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_NAMES = dict(enumerate(
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC "
    "FS GS RS US".split()))

_CONTROLS_CHECKED_LATER: ContextVar[bool] = ContextVar("controls_checked_later", default=False)


@contextmanager
def controls_checked_later() -> Iterator[None]:
    """Meanwhile ``check_no_control`` lets a text through: an import's row planner checks the values a row
    writes once it knows which of them an update changes (an office from before may hold a control
    character its export carried and its untouched re-import gives back)."""
    token = _CONTROLS_CHECKED_LATER.set(True)
    try:
        yield
    finally:
        _CONTROLS_CHECKED_LATER.reset(token)


FIVE_LEVELS = ("Very low", "Low", "Medium", "High", "Very high")
# What an assessment nobody made reads as (``Field.unset``): said so, counted apart, never taken for a level. An
# issue's priority is set when it is triaged rather than assessed, so it reads in its own word.
NOT_ASSESSED_YET = "Not assessed yet"
NOT_PRIORITISED_YET = "Not prioritised yet"
# The most text one Excel cell holds: anything longer could be stored but never exported whole, so the
# office refuses it where it is typed, pasted or imported (a field's own column may allow less).
CELL_TEXT_LIMIT = 32_767


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: FieldKind = Kind.TEXT
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
    compute: Optional[Callable[[dict[str, Any], Context], Any]] = None
    # For a computed field: the same value as an SQL expression ``(entity, ctx) -> ColumnElement``, so
    # that a large register sorts and filters on it in the database (see models/windows.py). Without
    # it a windowed table falls back to computing the column in Python for every record.
    sql: Optional[Callable[[type, Context], Any]] = None
    # For a computed field: the kind of the value it works out — a score a number, a next review a date — which
    # says what its column's sort does ("Smallest to Largest"); None: text, as a rating.
    computes: Optional[FieldKind] = None
    # How a value reads where its record says how (a benefit's measures: money whole, another measure with its
    # decimals, ``benefit_rules.measured_text``): ``(record, value) -> text``, for its cell and the cell's value
    # filter. None: the kind says (``FieldKind.display``).
    reads_as: Optional[Callable[[Mapping[str, Any], Any], str]] = None
    # How a value reads when the whole column decides it (a benefit's "Planned today" to the decimals of the
    # measures typed beside it, ``benefit_rules.planned_reading``): ``records -> (record, value) -> text``, worked
    # out once over the column's records; over ``reads_as``.
    column_reading: Optional[Callable[[Any], Callable[[Mapping[str, Any], Any], str]]] = None
    aliases: dict[str, str] = field(default_factory=dict)  # for ENUM: other words people use for a choice
    tip: str = ""
    exported: bool = True                 # computed fields are exported for reading, never imported
    max_length: int = CELL_TEXT_LIMIT     # characters; bound from the column by Register (see bind_lengths)
    colours: Optional[ColourRule] = None  # how its cells are coloured, in the table and the workbook (colours.py)
    # "What changed since the last board" lists a move of this field under this heading ("Rating moves");
    # empty: not watched. Computed fields may be watched too (a benefit's status, a risk's rating).
    watch: str = ""
    # For a date: which way from today it looks — values.DATE_AHEAD (a due date, a forecast, a planned end),
    # DATE_PAST (a raised date), DATE_OBSERVED (the day a value was measured or reported on — a measurement's, a
    # benefit's baseline, a status report's: looks back, a day to come typed in full kept, not refused) or neither (typed: the nearest such day) — for the year of a date typed without one, and a typed future date
    # refused where it is PAST.
    when: str = ""
    # What an empty value reads as where it is shown (its table cell and the cell's value filter, the profile, the
    # board pack, the CLI): NOT_ASSESSED_YET for an assessment nobody made (a stakeholder's attitude, engagement, a
    # dependency's criticality, a benefit's confidence), NOT_PRIORITISED_YET for an issue's priority. They were
    # given a level on creation ("Unaware", "Medium") that nobody chose; the store keeps them empty, a workbook's
    # cell stays empty, and a rule computed from them takes them as not known. "": an empty cell reads empty.
    unset: str = ""
    # For a date: (field, choice) — typed in the register's table, a cell made that choice while this date is empty
    # gives the date today too, the day the user says it happened (a decision marked Decided: decided today), in the
    # same undo step and said in the status bar; typed over in its own cell when it happened earlier. The rule that
    # asks for the date (``raid_rules.check_decision``) refused the choice, and a row typed along its columns — the
    # status before the date — stopped at the status, the keys typed on piling into it (walk42, walk43). A workbook's
    # rows are imported as they are: the rule still asks for the date there.
    stamped_when: tuple[str, str] | None = None
    # Words the window's search (Ctrl+K) finds this column by, listed after the columns a word names by label or
    # header word (``excel.vocabulary.columns_named``) — never read by the import: a risk's Proximity is when it may
    # happen, which a newcomer asks for as "due", yet a colleague's "Due" header beside a risk is an action's date,
    # not read as Proximity (walk61b).
    search_words: tuple[str, ...] = ()

    @property
    def editable(self) -> bool:
        return self.kind.editable

    @property
    def sort_words(self) -> tuple[str, str]:
        """What sorting the column does, up and down, in Excel's words for its values ("Oldest to Newest")."""
        return (self.computes or self.kind).sort_words

    @property
    def attr(self) -> str:
        return self.column or self.name

    def shown(self, value: Any) -> str:
        """How a stored value reads to a person: its kind's text, or ``unset`` where it is empty."""
        text = self.kind.display(value)
        return text or self.unset

    def search_text(self, value: Any) -> str:
        """What a search finds a cell by: what it shows (``Kind.search_text``), ``unset`` where it is empty — a user
        who searches for "Not prioritised yet", read in the cell, finds those cells (``windows._search_terms`` finds
        them so in the database)."""
        return self.kind.search_text(value) or self.unset

    def cell_tip(self, value: Any, ctx: Context) -> str | None:
        """A cell's tooltip: its kind's, or the whole of ``unset`` where the value is empty — "Not prioritised yet"
        is cut to "Not prio…" in a column sized for "Critical"."""
        if self.unset and self.kind.is_empty(value):
            return self.unset
        return self.kind.cell_tip(self, value, ctx)

    def scale_names(self, ctx: Context) -> tuple[str, ...]:
        return ctx.risk_scale.level_names if self.scale == "risk" else FIVE_LEVELS

    def scale_max(self, ctx: Context) -> int:
        return ctx.risk_scale.size if self.scale == "risk" else 5

    def parse(self, raw: Any, ctx: Context) -> Any:
        """The typed value for what a user typed, pasted or imported; ValidationError when refused.

        REF and LINKS parse to names (str / list of str); the record layer resolves them to rows.
        """
        return self.kind.parse(self, raw, ctx)

    def check_length(self, value: str) -> str:
        """The one length rule, for every path that writes text: a cell, a paste, an import, the CLI. And no
        control character a workbook cannot carry (see check_no_control)."""
        self.check_no_control(value)
        if len(value) > self.max_length:
            raise ValidationError(
                f"{self.label} is too long ({len(value):,} characters; at most {self.max_length:,}).", self.name)
        return value

    def check_no_control(self, value: str, *, now: bool = False) -> str:
        """No text keeps an invisible control character but a tab and line ends. A NUL (code 0, what some
        programs' exports leave in a cell): PostgreSQL refuses one (a whole import with it, as "a value does
        not fit"), and SQLite keeps it but its text functions stop there, so a search never found the words
        after it. The others (an ESC or a BEL pasted from a terminal's coloured output, a backspace): an
        xlsx's XML cannot hold them, so the export dropped them and the re-import of that export called the
        row unchanged — the office's text and its workbook's differed without a word. Refused at the door
        (an edit, a paste, an import, the CLI) so the office never holds what its workbook cannot. ``now``: even
        within ``controls_checked_later`` (the import's own check, once it knows what a row changes)."""
        found = CONTROL_CHARACTER.search(value)
        if found is not None and (now or not _CONTROLS_CHECKED_LATER.get()):
            code = ord(found.group())
            before = " ".join(value[:found.start()].split()[-3:])
            where = f" after “{before}”" if before else " at its start"
            raise ValidationError(f"{self.label} holds an invisible {CONTROL_NAMES[code]} character (code {code})"
                                  f"{where}, which the office cannot keep; type the text again without it.",
                                  self.name)
        return value

    def check_range(self, value: Any) -> None:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(f"{self.label} must be a finite number (got {value}).", self.name)
        if isinstance(value, (int, float)):
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(f"{self.label} must be at least {self.minimum:g} (got {float_text(value)}).",
                                      self.name)
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(f"{self.label} must be at most {self.maximum:g} (got {float_text(value)}).",
                                      self.name)

    def display(self, value: Any) -> str:
        """How a stored value reads as text (table copy, CSV-like clipboard, Excel text cells)."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, float):
            # fifteen significant digits, as Excel keeps: ":g"'s six wrote 1234567 as "1.23457e+06" and 123456.7
            # as "123457" in the import's notes and the board pack's changes — a value changed without a word
            # and its exponent as the table writes it ("1E+308"; ``str`` wrote "1e+308" — fault69)
            return float_text(value)
        if hasattr(value, "isoformat"):
            return str(value.isoformat())
        return str(value)


@dataclass(frozen=True)
class Detail:
    """What a register's detail panel (below its table) shows of the selected record, in groups: a line
    at a glance (each entry a label and the fields read together, coloured as the fields declare), the
    long texts edited as paragraphs, and the sub-tables of the record beside them (title, register)."""

    glance: tuple[tuple[str, tuple[str, ...]], ...] = ()
    texts: tuple[str, ...] = ()
    tables: tuple[tuple[str, str], ...] = ()

    def field_names(self) -> list[str]:
        return [name for _, names in self.glance for name in names] + list(self.texts)


_IRREGULAR_PLURALS = {"person": "people"}  # "2 persons" reads as a form's words, not a colleague's


def plural_of(noun: str) -> str:
    """A noun of ours in the plural: "people", "categories", "dependencies", "risk actions"."""
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR_PLURALS:
        many = _IRREGULAR_PLURALS[last]
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        many = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def count_of(n: int, noun: str) -> str:
    """"1 risk", "2 people", "3 dependencies": a count and its noun agreeing."""
    return f"{n:,} {noun if n == 1 else plural_of(noun)}"


def a_noun(noun: str) -> str:
    """"a risk", "an issue", "an outcome": a noun with its article, as the messages name one record of a kind."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def count_lines(counts: Mapping[str, int]) -> list[str]:
    """"Open: 3", "Closed: 1" …: a breakdown of a summary as lines of an overview entry."""
    return [f"{k}: {n}" for k, n in counts.items()]


@dataclass(frozen=True)
class Overview:
    """A register's entry in the office summary (``summary --json``, under the register's name), on the
    program overview page and in the board pack: a heading and lines read from its part of the summary
    (``models/summary.py`` computes that part: its own aggregate, or a count by status)."""

    heading: Callable[[Mapping[str, Any]], str]
    lines: Callable[[Mapping[str, Any]], list[str]] = lambda part: count_lines(part.get("by_status", {}))


@dataclass
class Register:
    """One register (or sub-table): its entity, fields, and rules that span several fields."""

    name: str                     # "risks"
    title: str                    # "Risk register"
    entity: type[Any]              # the mapped ORM class
    fields: list[Field]
    code_prefix: str = ""         # "R-": new records get ...
    code_digits: int = 3
    parent: Optional[str] = None  # for sub-tables: the FK attribute naming the parent record
    sheet_synonyms: tuple[str, ...] = ()  # sheet names that suggest this register on import
    # A colleague's own sheet of it is recognised on import (header detection tries it on every sheet).
    recognised_on_import: bool = False
    # cross-field rule on the whole record; a sub-table's record also holds its parent object as "parent"
    check: Optional[Callable[[dict[str, Any], Context], None]] = None
    prefetch: Optional[Callable[..., dict[str, Any]]] = None  # (session, ids) → data for computed fields
    defaults: dict[str, Any] = field(default_factory=dict)
    # What a field of ``defaults`` reads as on a record imported from a sheet with no column giving it: the
    # register's word for "not said" (a communication's frequency "Ad hoc"), where the default a record made by
    # hand starts with ("Monthly") would be a rhythm the colleague never set.
    unsaid: dict[str, Any] = field(default_factory=dict)
    # Exchange with workbooks: the sheet it is written to (default: its title); a sub-table names its
    # parent register and the header of the column that holds the parent's ID ("Risk ID").
    sheet: str = ""
    parent_register: Optional[str] = None
    parent_label: str = ""
    parent_label_synonyms: tuple[str, ...] = ()  # other headers of that column in colleagues' sheets
    exported_with: Optional[str] = None   # travels in a workbook with that register (comms with stakeholders)
    singleton: bool = False               # exactly one record per office (the program's own details)
    # The register's own word for one record ("risk"), for messages and the CLI's per-row report.
    noun: str = ""
    detail: Detail = Detail()   # what its detail panel shows (models/registers declare it, views build it)
    # Its entry in the summary, the overview and the board pack; None for the lists others name (people,
    # objectives …) and the program itself, which the overview shows as its heading.
    overview: Optional[Overview] = None
    # "What changed": the headings for records that appeared ("New risks") and that are gone ("Risks
    # deleted") between two states; empty: not reported. Watched fields are declared on each Field.
    watch_new: str = ""
    watch_gone: str = ""

    def __post_init__(self) -> None:
        self.fields = bind_lengths(self.entity, self.fields)
        self.sheet = self.sheet or self.title
        self.noun = self.noun or self.title.lower().rstrip("s")
        if (self.parent is None) != (self.parent_register is None) or (self.parent and not self.parent_label):
            raise ValueError(f"{self.name}: a sub-table declares parent, parent_register and parent_label together")
        names = set(self.field_names)
        for name in self.detail.field_names():
            if name not in names:
                raise ValueError(f"{self.name}: its detail panel names {name!r}, which is not one of its fields")

    @property
    def plural(self) -> str:
        """The noun of many records: "2 people", "3 dependencies", "2 risk actions"."""
        return plural_of(self.noun)

    @property
    def name_field(self) -> Optional[Field]:
        """The field that names a record to a person (a risk's title, a stakeholder's name)."""
        return next((f for f in self.fields if f.required and f.kind.free_text and not f.kind.is_key), None)

    @property
    def frozen_fields(self) -> list[Field]:
        """The leading fields that say which row is which (its ID, then its title or name): a wide table
        keeps them in view while it scrolls sideways, as Excel's freeze panes."""
        frozen: list[Field] = []
        for f in self.fields:
            if f is not self.key_field and f is not self.name_field:
                break
            frozen.append(f)
        return frozen if self.name_field in frozen else []

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
        return next((f for f in self.fields if f.kind.is_key), None)

    @property
    def watched_fields(self) -> list[Field]:
        return [f for f in self.fields if f.watch]

    @property
    def watched(self) -> bool:
        return bool(self.watch_new or self.watch_gone or self.watched_fields)

    @property
    def importable_fields(self) -> list[Field]:
        return [f for f in self.fields if f.kind.stored]


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
        if not f.kind.stored:
            out.append(f)
            continue
        if f.kind.refers and f.ref is not None:
            limit = _column_length(f.ref.target, f.ref.label)
        else:
            limit = _column_length(entity, f.attr)
        out.append(replace(f, max_length=min(limit or CELL_TEXT_LIMIT, CELL_TEXT_LIMIT)))
    return out
