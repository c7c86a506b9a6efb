"""Reading and writing register records through their definitions.

Everything that edits a register — a table cell, a pasted block, an import, the CLI — goes through
these functions, so every path validates the same way and resolves names to rows the same way.
Rows for display are plain tuples ``(id, version, value, value, ...)`` fetched by one query, never
ORM objects, so a register of 100,000 rows stays cheap.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    ColumnExpressionArgument,
    CursorResult,
    Date,
    DateTime,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.exc import StaleDataError

from . import clock, operations
from . import values as v
from .base import Base, entities_by_table, utcnow
from .bulk import id_filters, id_in, id_in_chunks, insert_rows, insert_tuples, read_rows, update_rows
from .errors import EditConflict, OperationCancelled, RecordChanged, RecordNotFound, ValidationError
from .fields import Context, Field, Ref, Register, count_of

LIST_SEP = "\x1f"


def load_context(session: Session, today: date | None = None) -> Context:
    """The file's settings and the day (``clock.today()`` unless given) that rules and computed columns use."""
    from .settings import BENEFIT_THRESHOLDS, DECISION_RIGHTS, REVIEW_CADENCE, RISK_SCALE

    return Context(risk_scale=RISK_SCALE.read(session), today=today or clock.today(),
                   extra={"decision_rights": DECISION_RIGHTS.read(session),
                          "review_cadence": REVIEW_CADENCE.read(session),
                          "benefit_thresholds": BENEFIT_THRESHOLDS.read(session),
                          OWN_CHOICES: _own_choices(session)})


OWN_CHOICES = "own_choices"  # Context.extra: a field's choices → the office's own further choices
OWN_LIST_PREFIX = "import_own_list:"  # the setting the import keeps an open list in ("…risks.category")


def _own_choices(session: Session) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The office's own categories (those an import added: "Schedule", "Data Quality"), keyed by the choices of
    the field they extend, so that its dropdowns offer them and typing one is accepted."""
    from .program import Setting
    from .registers import REGISTERS

    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, value in session.execute(select(Setting.key, Setting.value).where(
            Setting.key.startswith(OWN_LIST_PREFIX))):
        register, _, name = key[len(OWN_LIST_PREFIX):].partition(".")
        reg = REGISTERS.get(register)
        if reg is None or name not in reg.field_names:
            continue
        try:
            words = [str(w) for w in json.loads(value) if str(w).strip()]
        except (ValueError, TypeError):
            continue
        choices = reg.field(name).choices
        out[choices] = tuple(w for w in words if w not in choices)
    return out


# ------------------------------------------------------------------------------------------ reading
def _ref(f: Field) -> Ref:
    """What a REF or LINKS field points at (every such field declares it)."""
    if f.ref is None:
        raise TypeError(f"{f.name} is a {f.kind} field declared without a ref")
    return f.ref


def _link_table(f: Field) -> Table:
    """The association table of a LINKS field (every such field declares it)."""
    if f.link_table is None:
        raise TypeError(f"{f.name} is a links field declared without its link_table")
    return f.link_table


def _link_attr(f: Field) -> str:
    """The relationship attribute of a LINKS field on its entity (every such field declares it)."""
    if f.link is None:
        raise TypeError(f"{f.name} is a links field declared without its link")
    return f.link


def _parent_attr(reg: Register) -> str:
    """The foreign key attribute naming a sub-table record's parent (a sub-table declares it)."""
    if reg.parent is None:
        raise TypeError(f"{reg.name} is not a sub-table: it has no parent")
    return reg.parent


def _link_columns(f: Field, entity: type[Any]) -> tuple[Column[Any], Column[Any]]:
    table = _link_table(f)
    own = next(c for c in table.c if any(fk.column.table is entity.__table__ for fk in c.foreign_keys))
    other = next(c for c in table.c if c is not own)
    return own, other


def _expression(reg: Register, f: Field) -> ColumnElement[Any]:
    E = reg.entity
    if f.kind.is_reference:
        ref = _ref(f)
        T = ref.target
        return select(getattr(T, ref.label)).where(T.id == getattr(E, f.attr)).scalar_subquery()
    if f.kind.is_links:
        ref = _ref(f)
        T = ref.target
        own, other = _link_columns(f, E)
        return (
            select(func.aggregate_strings(getattr(T, ref.label), LIST_SEP))
            .select_from(_link_table(f).join(T, other == T.id))
            .where(own == E.id)
            .scalar_subquery()
        )
    column: ColumnElement[Any] = getattr(E, f.attr)
    return column


def _computation(f: Field) -> Callable[[dict[str, Any], Context], Any]:
    """How a computed field's value is worked out from the record (every computed field declares it)."""
    if f.compute is None:
        raise TypeError(f"{f.name} is calculated but declares no compute")
    return f.compute


def _stored_fields(reg: Register) -> list[Field]:
    return [f for f in reg.fields if f.kind.stored]


# From this many ids (or all rows) ``fetch_rows`` reads each list of links by one query of its link table: as a
# subquery a row (``_expression``) the related projects of 100,000 risks took most of the server's time of the
# rows an edit of every column reads — 1.4 s of each 20,000 against 0.1–0.4 s for a column of the risk itself
# (docs/speed.md, round speed49b). Under it (a page painted) the one query is the cheaper.
LINKS_GROUPED_FROM = 1_000


def _links_of(session: Session, reg: Register, f: Field, ids: Sequence[int] | None) -> dict[int, str]:
    """Each record's targets of the LINKS field ``f`` (of ``ids``, or of every record) as its subquery in
    ``_expression`` reads them: the labels joined by ``LIST_SEP``, in the order read; a record with none absent."""
    own, other = _link_columns(f, reg.entity)
    ref = _ref(f)
    T = ref.target
    query = select(own, getattr(T, ref.label)).select_from(_link_table(f).join(T, other == T.id))
    if ids is not None:
        query = query.where(id_in(session.get_bind().dialect.name, own, ids))
    found: dict[int, list[str]] = {}
    for rid, label in session.connection().execute(query):
        if label is not None:  # as the aggregate leaves a NULL out
            found.setdefault(rid, []).append(label)
    return {rid: LIST_SEP.join(labels) for rid, labels in found.items()}


def fetch_rows(session: Session, reg: Register, ctx: Context | None = None, *, ids: Sequence[int] | None = None,
               parent_id: int | None = None, where: ColumnElement[bool] | None = None, with_computed: bool = True,
               only: Collection[str] | None = None) -> list[tuple[Any, ...]]:
    """Rows as tuples ``(id, version, *values in reg.fields order)``, ordered by id. ``with_computed=False``:
    the stored fields' values only (``(id, version, *values of the stored fields)``), none worked out; ``only``
    (with ``with_computed=False``): of those, the fields named only (``(id, version, *their values)``). Why: an edit of
    many cells needs its records' versions and the old values of the columns it edits, and each reference read
    by its name and each list of links gathered is a subquery a row — a fill of 100,000 cells of one column read
    every column of its rows, 4.4–6 s of the server's time (docs/speed.md, round speed49b)."""
    ctx = ctx or load_context(session)
    E = reg.entity
    if only is not None and with_computed:
        raise ValueError("fetch_rows: only some fields are read without the computed ones")
    stored = _stored_fields(reg) if only is None else [f for f in _stored_fields(reg) if f.name in only]
    # many rows: each list of links read by one query of the link table (``_links_of``), not a subquery a row; not
    # for a few rows picked otherwise (one parent's, a condition's), which that query would read every link for
    narrowed = where is not None or (parent_id is not None and reg.parent is not None)
    grouped = len(ids) >= LINKS_GROUPED_FROM if ids is not None else not narrowed
    query = select(E.id, E.version, *[(null() if grouped and f.kind.is_links else _expression(reg, f)).label(f.name)
                                      for f in stored]).order_by(E.id)
    if ids is not None:  # on PostgreSQL one array of ids, however many (a paste's 10,000 rows read back)
        query = query.where(id_in(session.get_bind().dialect.name, E.id, ids))
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    if where is not None:
        query = query.where(where)
    # Core execution on the session's connection: no ORM row processing, so 100,000 rows stay cheap.
    raw = session.connection().execute(query).all()
    links = [i for i, f in enumerate(stored) if f.kind.is_links]
    gathered = {i: _links_of(session, reg, stored[i], ids) for i in links} if grouped else {}
    computed = [(i, _computation(f)) for i, f in enumerate(reg.fields) if not f.kind.stored] if with_computed else []
    if reg.prefetch and computed:
        ctx = replace(ctx, extra={**ctx.extra, reg.name: reg.prefetch(session, ids)})
    if not links and not computed:
        return list(raw)  # Row objects are tuples to the caller; only the list of them is copied
    positions = {f.name: i for i, f in enumerate(reg.fields)}
    out: list[tuple[Any, ...]] = []
    for r in raw:
        vals = list(r[2:])
        for i in links:
            if grouped:
                vals[i] = gathered[i].get(r[0])
            vals[i] = "; ".join(sorted(vals[i].split(LIST_SEP))) if vals[i] else ""
        if computed:
            full: list[Any] = [None] * len(reg.fields)
            it = iter(vals)
            for j, f in enumerate(reg.fields):
                if f.kind.stored:
                    full[j] = next(it)
            # a number column holding text (an office edited by hand) is no value to what is worked out from it; the
            # row keeps the text, shown as written
            record = {f.name: (v.stored_number(full[positions[f.name]]) if f.kind.numeric and full[positions[f.name]]
                               is not None else full[positions[f.name]]) for f in reg.fields if f.kind.stored}
            record["id"] = r[0]
            for j, compute in computed:
                full[j] = compute(record, ctx)
            vals = full
        out.append((r[0], r[1], *vals))
    return out


def record_values(session: Session, reg: Register, record_id: int, ctx: Context | None = None) -> dict[str, Any]:
    rows = fetch_rows(session, reg, ctx, ids=[record_id])
    if not rows:
        raise RecordNotFound(f"That {reg.title.lower()} record no longer exists (someone may have deleted it).")
    return dict(zip(["id", "version", *reg.field_names], rows[0]))


def same_text(column: ColumnExpressionArgument[str | None], wanted: str) -> ColumnElement[bool]:
    """``column`` equals ``wanted`` ignoring case, lowered by the database on both sides so that
    SQLite and PostgreSQL (whatever its locale) agree with what is stored; see ``find_ci``."""
    return func.lower(column) == func.lower(wanted)


def find_ci(session: Session, entity: type[Any], column: InstrumentedAttribute[str | None], wanted: str,
            exclude_id: int | None = None) -> Any:
    """The first ``entity`` whose ``column`` equals ``wanted`` ignoring case, or None.

    SQLite's lower() (and PostgreSQL's in the C locale) folds ASCII letters only, so a name such as
    “Élodie” typed in another case is compared in Python too; those tables (people, projects) are small.
    """
    query = select(entity).where(same_text(column, wanted))
    if exclude_id is not None:
        query = query.where(entity.id != exclude_id)
    found = session.scalars(query).first()
    if found is None and not wanted.isascii():
        key = wanted.casefold()
        for row_id, value in session.execute(select(entity.id, column)):
            if value is not None and value.casefold() == key and row_id != exclude_id:
                return session.get(entity, row_id)
    return found


def find_id_by_code(session: Session, reg: Register, code: str) -> int | None:
    E = reg.entity
    return session.scalar(select(E.id).where(same_text(E.code, code.strip())))


@dataclass(frozen=True)
class CodeStyle:
    """How a register's next ID is written: its prefix, the width its number is padded to, the highest number."""
    prefix: str
    digits: int
    highest: int

    def code(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.digits}d}"

    def number_of(self, code: str) -> int | None:
        """The number of an ID written in this style ("R13" → 13), None for another."""
        m = re.fullmatch(re.escape(self.prefix) + r"(\d+)", code or "", re.IGNORECASE)
        return int(m.group(1)) if m else None


_NUMBERED = re.compile(r"(\D*?)(\d{1,9})")


def code_style(codes: Iterable[str], reg: Register) -> CodeStyle:
    """The style of the next ID, from IDs already given: the register's own ("R-001") while any ID is written so
    (or none is numbered); else the prefix most numbered IDs share, at their width — a register imported with R1 …
    R12 goes on with R13, one numbered 001 … 015 with 016 (walk38: the next risk typed was R-001 beside R12, the
    office's numbering beside the user's). One odd ID sets no style."""
    own = CodeStyle(reg.code_prefix, reg.code_digits, 0)
    highest, others = -1, dict[str, list[str]]()
    for code in codes:
        number = own.number_of(code)
        if number is not None:
            highest = max(highest, number)
            continue
        m = _NUMBERED.fullmatch(code or "")
        if m:
            others.setdefault(m.group(1), []).append(m.group(2))
    if highest >= 0 or not others:
        return CodeStyle(own.prefix, own.digits, max(highest, 0))
    prefix, numbers = max(others.items(), key=lambda kv: len(kv[1]))
    if len(numbers) < 2:
        return own
    padded = [len(n) for n in numbers if len(n) > 1 and n.startswith("0")]
    return CodeStyle(prefix, max(padded, default=1), max(int(n) for n in numbers))


def stored_code_style(session: Session, reg: Register, given: Iterable[str] = ()) -> CodeStyle:
    """``code_style`` of the register's stored IDs (and ``given``, IDs of rows about to be written): those of its
    own prefix, the longest first (the highest numbers); only when none is written so, a look at the others."""
    E = reg.entity
    longest_first = (func.length(E.code).desc(), E.code.desc())
    given = list(given)
    codes = session.scalars(select(E.code).where(E.code.like(f"{reg.code_prefix}%")).order_by(*longest_first)
                            .limit(50)).all()
    style = code_style([*codes, *given], reg)
    if style.prefix != reg.code_prefix or style.highest:
        return style
    return code_style([*session.scalars(select(E.code).order_by(*longest_first).limit(200)), *given], reg)


def next_code(session: Session, reg: Register) -> str:
    style = stored_code_style(session, reg)
    return style.code(style.highest + 1)


# ------------------------------------------------------------------------------------------ writing
def near_names(names: Iterable[str], typed: str, limit: int = 3) -> list[str]:
    """The names a user probably meant by ``typed``, nearest first: those that begin with it, then those that hold
    it ("Quay" for "Quay Cranes"), then those spelled nearly as it ("Priya Shaw" for "Priya Shah", "Harbor Wall"
    for "Harbour Wall" — a letter or two off). Only the first two were looked for, so a slip of a letter in a
    colleague's name was offered nothing near, and the same key pressed again to end the cell added a second
    person for one. The one rule for a name cell's question, a refused reference's message and a paste's."""
    key = " ".join(typed.split()).casefold()
    if not key:
        return []
    ordered = sorted(set(names), key=str.casefold)
    starts = [n for n in ordered if n.casefold().startswith(key)]
    holds = [n for n in ordered if key in n.casefold() and n not in starts]
    # 0.85 of the letters in common: one letter off in a nine-letter name (0.89), not two names that share a
    # surname only ("Sam Patel" and "Ravi Patel", 0.74).
    by_case = {n.casefold(): n for n in ordered if n not in starts and n not in holds}
    spelled = [by_case[n] for n in difflib.get_close_matches(key, list(by_case), n=limit, cutoff=0.85)]
    return (starts + holds + spelled)[:limit]


def did_you_mean(names: Iterable[str], typed: str, limit: int = 3) -> str:
    """" Did you mean “Quay Cranes”?" — the names near what was typed (``near_names``): "Quay" typed among a
    risk's projects affected was refused with no word of the project it began, where its Project cell took "Harb"
    for Harbour Wall."""
    offered = near_names(names, typed, limit)
    return f" Did you mean {' or '.join(f'“{n}”' for n in offered)}?" if offered else ""


def noun_of(entity: type) -> str:
    """The word for one record of ``entity`` as its register says it ("objective", "issue"): the class's name lowered
    said "there is no strategicobjective called “Customers”" beside a benefit's cell (walk43)."""
    from .registers import REGISTERS  # the registers are declared over this module

    noun = next((r.noun for r in REGISTERS.values() if r.entity is entity), "")
    return noun or re.sub(r"(?<=[a-z])(?=[A-Z])", " ", entity.__name__).lower()


def no_such_name(f: Field, name: str, known: Iterable[str]) -> ValidationError:
    """The refusal of a name ``f``'s target lacks (a project typed, pasted, imported or replaced), offering the
    nearest it has."""
    noun = noun_of(_ref(f).target)
    return ValidationError(f"{f.label}: there is no {noun} called “{name}”.{did_you_mean(known, name)}", f.name)


def ref_keys(session: Session, f: Field) -> set[str]:
    """Every name ``f`` finds a record by, case folded: its target's names, and codes where it has them ("P-01"),
    as ``_resolve_ref`` looks them up."""
    T = _ref(f).target
    keys = {str(n).casefold() for n in session.scalars(select(getattr(T, _ref(f).label))) if n}
    if hasattr(T, "code"):
        keys.update(str(c).casefold() for c in session.scalars(select(T.code)) if c)
    return keys


def _resolve_ref(session: Session, f: Field, name: str | None) -> Any:
    """The row of ``f``'s target named ``name`` (an ORM object of ``ref.target``), or None for no name."""
    if name is None:
        return None
    ref = _ref(f)
    T = ref.target
    found = find_ci(session, T, getattr(T, ref.label), name)
    if found is None and hasattr(T, "code"):
        found = find_ci(session, T, T.code, name)
    if found is None:
        if not ref.create_missing:
            raise no_such_name(f, name, [str(n) for n in session.scalars(select(getattr(T, ref.label))) if n])
        found = T(**{ref.label: name})
        session.add(found)
        session.flush()
    return found


def _current_record(obj: Any, reg: Register, session: Session) -> dict[str, Any]:
    """The stored values of an ORM object as the user sees them, for cross-field checks."""
    out: dict[str, Any] = {}
    for f in reg.fields:
        if not f.kind.stored:
            continue
        if f.kind.is_reference:
            target = getattr(obj, f.attr)
            if target is None:
                out[f.name] = None
            else:
                ref = _ref(f)
                ref_obj = session.get(ref.target, target)
                out[f.name] = getattr(ref_obj, ref.label) if ref_obj else None
        elif f.kind.is_links:
            label = _ref(f).label
            out[f.name] = "; ".join(sorted(getattr(t, label) for t in getattr(obj, _link_attr(f))))
        else:
            out[f.name] = getattr(obj, f.attr)
    return out


def apply_values(session: Session, reg: Register, obj: Any, raw_values: dict[str, Any], ctx: Context) -> None:
    """Validate and set several fields of one record at once; nothing is set if any is refused."""
    parsed: dict[str, Any] = {}
    for name, raw in raw_values.items():
        f = reg.field(name)
        if not f.editable and not (f.kind.is_key and raw_values.get(name)):
            if not f.kind.stored:
                raise ValidationError(f"{f.label} is calculated and cannot be edited.", name)
        parsed[name] = f.parse(raw, ctx)
    if reg.check:
        record = _current_record(obj, reg, session)
        record.update(parsed)
        if reg.parent:  # a sub-table's rule may depend on its parent (a measurement on its benefit's window)
            record["parent"] = _parent_object(session, reg, obj)
        reg.check(record, ctx)
    for name, value in parsed.items():
        f = reg.field(name)
        if f.kind.is_reference:
            target = _resolve_ref(session, f, value)
            setattr(obj, f.attr, target.id if target is not None else None)
        elif f.kind.is_links:
            setattr(obj, _link_attr(f), [_resolve_ref(session, f, n) for n in value])
        elif f.kind.is_key:
            if not value:
                raise ValidationError(f"{f.label} cannot be empty.", name)
            E = reg.entity
            clash = find_ci(session, E, E.code, value, exclude_id=obj.id)
            if clash:
                raise ValidationError(f"{f.label} “{value}” is already used by another record.", name)
            setattr(obj, f.attr, value)
        else:
            if value is None and not _nullable(reg, f):
                value = ""  # a cleared choice or text in a NOT NULL text column
            if value and is_unique(reg, f):  # said in words, not as the database's UNIQUE constraint
                with session.no_autoflush:  # in any case: see ``name_key``
                    held_by = find_ci(session, reg.entity, getattr(reg.entity, f.attr), value, exclude_id=obj.id)
                if held_by is not None:
                    raise name_taken(reg, name, getattr(held_by, f.attr))
            setattr(obj, f.attr, value)


def _parent_object(session: Session, reg: Register, obj: Any) -> Any:
    """The ORM object a sub-table record belongs to (found through its parent foreign key)."""
    parent = _parent_attr(reg)
    parent_id = getattr(obj, parent)
    if parent_id is None:
        return None
    with session.no_autoflush:  # the record being created is not complete yet
        return session.get(_parent_entity(reg), parent_id)


def _parent_entity(reg: Register) -> Any:
    """The mapped class of the records a sub-table's rows belong to (its parent foreign key's table)."""
    fk = next(iter(reg.entity.__table__.c[_parent_attr(reg)].foreign_keys))
    return next(m for m in Base.registry.mappers if m.local_table is fk.column.table).class_


def name_taken(reg: Register, name: str, value: Any) -> ValidationError:
    """The refusal of a unique name (a project's) another record holds: typed, pasted, filled or replaced."""
    return ValidationError(f"There is already a {reg.noun} named “{value}”; choose another name.", name)


def name_key(name: str) -> str:
    """What a unique name (a person's, a project's) is told apart by: its letters, in any case. A name typed
    anywhere finds its record whatever its case (``find_ci``), so "priya shah" beside "Priya Shah" would be a
    second person no owner cell could ever name — typing it found the first."""
    return name.casefold()


def name_holders(session: Session, reg: Register, f: Field) -> dict[str, int]:
    """Each name a unique field holds (its ``name_key``) → the record holding it (what ``update_records``
    checks a batch by)."""
    column = getattr(reg.entity, f.attr)
    return {name_key(value): rid for rid, value in session.execute(select(reg.entity.id, column)) if value}


def is_unique(reg: Register, f: Field) -> bool:
    return bool(getattr(reg.entity, f.attr).property.columns[0].unique)


def _count(session: Session, reg: Register) -> int:
    return session.scalar(select(func.count()).select_from(reg.entity)) or 0


def _nullable(reg: Register, f: Field) -> bool:
    column: Column[Any] = getattr(reg.entity, f.attr).property.columns[0]
    return bool(column.nullable)


def create_record(session: Session, reg: Register, raw_values: dict[str, Any] | None = None,
                  ctx: Context | None = None, parent_id: int | None = None) -> Any:
    """Insert a record with defaults, the next free code and the given values; returns the ORM object."""
    ctx = ctx or load_context(session)
    obj = reg.entity(**reg.defaults)
    if reg.parent:
        if parent_id is None:
            raise ValidationError(f"A {reg.title.lower()} entry must belong to a record.")
        setattr(obj, reg.parent, parent_id)
    raw_values = dict(raw_values or {})
    key = reg.key_field
    if key is not None and v.is_blank(raw_values.get(key.name)):
        raw_values.pop(key.name, None)
        setattr(obj, key.attr, next_code(session, reg))
    for f in reg.fields:  # a new blank row: required fields start empty / today / zero for the user to fill
        if f.required and v.is_blank(raw_values.get(f.name)) and getattr(obj, f.attr, None) is None:
            raw_values.pop(f.name, None)
            blank = f.kind.blank(ctx)
            if blank == "" and is_unique(reg, f):  # two blank rows must not clash on a unique name
                blank = f"New {reg.title.lower().rstrip('s')} {getattr(obj, 'code', None) or _count(session, reg) + 1}"
            setattr(obj, f.attr, blank)
    # Added only once every value is set: a lookup inside apply_values would otherwise autoflush a
    # half-built row (no code yet when the code is given explicitly, as an import does).
    apply_values(session, reg, obj, raw_values, ctx)
    session.add(obj)
    session.flush()
    return obj


class _Names:
    """Name → id lookups for a batch of records: one query per target table, missing people created
    together, so inserting 10,000 records does not cost a query per name. Ids, not ORM objects: an import
    naming 60 new people spent more on making them objects and flushing them through the unit of work
    than on the 2,000 risks naming them (docs/speed.md, round speed61); they are written by one Core
    INSERT, noted as inserted (undo, the history, the "changed" announcement) as a flush notes them."""

    def __init__(self, session: Session):
        self.session = session
        self._maps: dict[type, dict[str, int]] = {}
        self._labels: dict[type, dict[int, Any]] = {}  # id → label: a refusal's "did you mean", a rule's record

    def _map(self, f: Field) -> dict[str, int]:
        ref = _ref(f)
        T = ref.target
        if T not in self._maps:
            found: dict[str, int] = {}
            label = getattr(T, ref.label)
            has_code = hasattr(T, "code")
            rows = self.session.execute(select(T.id, label, T.code) if has_code else select(T.id, label)).all()
            if has_code:  # a code first, a label over it: as the ORM objects were keyed before
                found.update({r[2].casefold(): r[0] for r in rows if r[2]})
            found.update({str(r[1]).casefold(): r[0] for r in rows if r[1]})
            self._maps[T] = found
            # as each row's label reads (None, ""), for the rows found by a name or a code
            self._labels[T] = {r[0]: r[1] for r in rows if r[1] or has_code and r[2]}
        return self._maps[T]

    def prepare(self, f: Field, names: Iterable[str]) -> None:
        """Create in one INSERT the people (``create_missing`` targets) that do not exist yet."""
        known = self._map(f)
        ref = _ref(f)
        new: dict[str, str] = {}
        for name in names:
            if name and name.casefold() not in known and name.casefold() not in new:
                new[name.casefold()] = name
        if new:
            T = ref.target
            table: Table = T.__table__
            column = inspect(T).mapper.attrs[ref.label].columns[0].key
            ids = list(self.session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                            [{column: name} for name in new.values()]).scalars())
            operations.note("inserted", T, ids)
            known.update(zip(new, ids))
            self._labels[T].update(zip(ids, new.values()))

    def label(self, f: Field, target_id: int) -> Any:
        """The label of ``f``'s target of this id (None for an id it has not)."""
        self._map(f)
        return self._labels[_ref(f).target].get(target_id)

    def get(self, f: Field, name: str | None) -> int | None:
        """The id of ``f``'s target named ``name``, or None for no name."""
        if name is None:
            return None
        found = self._map(f).get(name.casefold())
        if found is None:
            ref = _ref(f)
            if ref.create_missing:
                self.prepare(f, [name])
                return self._map(f)[name.casefold()]
            raise no_such_name(f, name, {str(n) for n in self._labels[ref.target].values() if n})
        return found


# Bulk inserts skip the unit of work, so rules that listen to flushes (risk history) register here
# as well: called with (session, ids, rows as column values) after each bulk insert of that entity.
AFTER_BULK_INSERT: dict[type[Any], Callable[[Session, list[int], list[dict[str, Any]]], None]] = {}


def stored_codes(session: Session, reg: Register) -> set[str]:
    """The register's record IDs in lower case: what ``create_records`` checks new IDs against."""
    E = reg.entity
    return {c.lower() for c in session.scalars(select(E.code)) if c} if reg.key_field is not None else set()


def create_records(session: Session, reg: Register, rows: Sequence[dict[str, Any]], ctx: Context | None = None,
                   parent_ids: Sequence[int | None] | None = None, *, parsed: bool = False,
                   codes: set[str] | None = None, with_ids: bool = False) -> list[int]:
    """Insert many records exactly as ``create_record`` would, in one bulk INSERT; returns their ids
    (an empty list for child rows without a code, whose ids nobody needs, unless ``with_ids``: a table adding
    them shows them).

    The same parsing, codes, placeholders, cross-field check and name resolution as ``create_record``,
    but codes are checked against one query of the stored codes and names against one query per
    target, so 10,000 records cost a few statements. On a refused value the ``ValidationError``
    carries ``row_index`` (position in ``rows``); the caller's transaction then rolls back.
    ``parsed=True``: the values already come from ``Field.parse`` (an import plan) and are not parsed again.
    ``codes``: the register's IDs as ``stored_codes`` read them in this transaction, for a caller writing
    in batches (read once, not once a batch); the IDs this call gives are added to it.
    """
    ctx = ctx or load_context(session)
    by_name = {f.name: f for f in reg.fields}
    names = _Names(session)
    key = reg.key_field
    E = reg.entity
    if codes is None:
        codes = stored_codes(session, reg)
    # the highest stored number, read when a row first needs a fresh ID (an import's rows mostly give theirs)
    counter = [0]
    style: list[CodeStyle] = []  # the IDs' style (``code_style``), read when a row first needs a fresh ID

    given_codes: list[str] = []  # IDs the rows gave since the last fresh one: read for their number when needed

    def fresh_code() -> str:
        if not style:  # nothing is written before the loop ends: as read at the start, with the IDs given so far
            style.append(stored_code_style(session, reg, given_codes))
            counter[0] = style[0].highest
        for given in given_codes:  # after the highest number given so far
            number = style[0].number_of(given)
            if number is not None:
                counter[0] = max(counter[0], number)
        given_codes.clear()
        while True:
            counter[0] += 1
            code = style[0].code(counter[0])
            if code.lower() not in codes:
                return code

    numbered: list[int] = []  # a register without IDs: its blank unique names numbered on from its count
    parents: dict[int, Any] = {}  # a sub-table's parents by id, each read once, for the register's rule

    def parent_of(pid: int) -> Any:
        if pid not in parents:
            with session.no_autoflush:
                parents[pid] = session.get(_parent_entity(reg), pid)
        return parents[pid]

    def unnamed(i: int) -> int:  # as create_record's, a row at a time: the count with the rows before it, and one
        if not numbered:
            numbered.append(_count(session, reg))
        return numbered[0] + i + 1

    for f in reg.fields:  # people named anywhere in the batch are created together
        if f.kind.refers and _ref(f).create_missing:
            wanted: set[str] = set()
            for raw in rows:
                if f.name in raw:
                    value = raw[f.name] if parsed else f.parse(raw[f.name], ctx)
                    wanted.update([value] if f.kind.is_reference else value)
            names.prepare(f, sorted(n for n in wanted if n))
    placeholders = [f for f in reg.fields if f.required and not f.kind.is_key]
    required = {f.name for f in placeholders}
    nullable = {f.name: _nullable(reg, f) for f in reg.fields if f.kind.stored and not f.kind.refers}
    base_record = {f.name: reg.defaults.get(f.attr) for f in reg.fields if f.kind.stored}
    # worked out once, used per value: (field, 0 plain / 1 reference / 2 links, attribute, may hold None)
    writers = {f.name: (f, 1 if f.kind.is_reference else 2 if f.kind.is_links else 0, f.attr, nullable.get(f.name))
               for f in reg.fields}
    stored = {f.name for f in reg.fields if f.kind.stored}
    # a row's plain values put in at once, by name, where the name is the attribute: then only the
    # references, links and renamed attributes (``special``) and the Nones of columns that hold none
    special = {n for n, (_f, how, attr, _none) in writers.items() if how or attr != n}
    special_names = [n for n in writers if n in special]  # in field order: a row's few looked up, not its every value
    no_none = [n for n, (_f, how, attr, none) in writers.items() if not how and attr == n and not none]
    moved = {n for n in special if writers[n][2] != n or writers[n][1] == 2}  # no column by their name
    at_once = not any(n in set(reg.defaults) | {reg.parent or "", key.attr if key else ""} or
                      any(w[2] == n and m != n for m, w in writers.items()) for n in moved)  # nor another's
    ref_ids: dict[str, dict[str, int]] = {f.name: {} for f in reg.fields if f.kind.is_reference}  # name → id
    # a unique name (a project's) given in the batch: the names stored, and those given by earlier rows
    names_taken = {f.name: {name_key(n): n for n in session.scalars(select(getattr(reg.entity, f.attr))) if n}
                   for f in reg.fields
                   if f.kind.stored and not f.kind.refers and not f.kind.is_key and is_unique(reg, f)
                   and any(f.name in raw for raw in rows)}
    values_out: list[dict[str, Any]] = []
    links_out: list[list[tuple[Field, list[int]]]] = []
    low_codes: list[str] = []  # each row's ID in lower case, in order: its id looked up by it once written
    defaults, check = reg.defaults, reg.check
    for i, raw_values in enumerate(rows):
        try:
            out = dict(defaults)
            if reg.parent:
                pid = parent_ids[i] if parent_ids is not None else None
                if pid is None:
                    raise ValidationError(f"A {reg.title.lower()} entry must belong to a record.")
                out[reg.parent] = pid
            values: dict[str, Any] = {}
            if parsed and raw_values.keys() <= stored:  # parsed already: the row's values as they are
                values = dict(raw_values)  # a blank required value: the placeholders' loop below drops it
            else:
                for name, raw in raw_values.items():
                    if name in required and (raw is None or (isinstance(raw, str) and not raw.strip())):
                        continue  # a placeholder below, as create_record gives (v.is_blank, inline)
                    if name not in stored:
                        given = by_name.get(name)
                        if given is None:
                            raise KeyError(f"{reg.name} has no field {name!r}")
                        raise ValidationError(f"{given.label} is calculated and cannot be edited.", name)
                    values[name] = raw if parsed else by_name[name].parse(raw, ctx)
            for name, taken in names_taken.items() if names_taken else ():  # said in words, as create_record says it, not as UNIQUE failed
                value = values.get(name)
                if value:  # in any case (``name_key``): the name refused is the one already there
                    if name_key(value) in taken:
                        raise name_taken(reg, name, taken[name_key(value)])
                    taken[name_key(value)] = value
            if key is not None:
                code = values.pop(key.name, None)
                if not code:
                    code = fresh_code()
                low_code = code.lower()
                if low_code in codes:
                    raise ValidationError(f"{key.label} “{code}” is already used by another record.", key.name)
                given_codes.append(code)
                codes.add(low_code)
                low_codes.append(low_code)
                out[key.attr] = code
            for f in placeholders:  # as create_record: empty / today / zero, a unique name made unique
                given_value = values.get(f.name)
                if given_value is None or (isinstance(given_value, str) and not given_value.strip()):
                    values.pop(f.name, None)
                    blank = f.kind.blank(ctx)
                    if blank == "" and is_unique(reg, f):
                        blank = f"New {reg.title.lower().rstrip('s')} {out.get(key.attr) if key else unnamed(i)}"
                    out[f.attr] = blank
            if check:
                record = {**base_record, **values}
                if reg.parent:  # as create_record's: a sub-table's rule may depend on its parent (a benefit's window)
                    record["parent"] = parent_of(out[reg.parent])
                check(record, ctx)
            links: list[tuple[Field, list[int]]] = []  # (Field is not hashable): the targets' ids
            if at_once:
                out.update(values)
                if None in values.values():
                    for name in no_none:
                        if name in values and values[name] is None:
                            out[name] = ""
                todo: Iterable[str] = [*filter(values.__contains__, special_names)]  # in C: no Python frame a row
            else:
                todo = values
            for name in todo:
                value = values[name]
                f, how, attr, may_be_none = writers[name]
                if at_once and name in moved:
                    del out[name]  # put in by name above: its value goes under its attribute, or in links
                if how == 0:
                    out[attr] = "" if value is None and not may_be_none else value
                elif how == 1:
                    if value is None:
                        out[attr] = None
                        continue
                    known = ref_ids[name]
                    rid = known.get(value)
                    if rid is None:  # each name looked up once per batch
                        rid = known[value] = cast(int, names.get(f, value))
                    out[attr] = rid
                else:
                    links.append((f, [cast(int, names.get(f, n)) for n in value]))
        except ValidationError as e:
            e.row_index = i
            raise
        values_out.append(out)
        links_out.append(links)
    if not values_out:
        return []
    hook = AFTER_BULK_INSERT.get(E)
    written = None
    if key is not None:  # one executemany, then the ids by code (RETURNING in order costs a statement per row)
        columns = {p.key: p.columns[0].key for p in inspect(E).column_attrs}
        renamed = {c: k for k, c in columns.items() if k != c}  # attributes named otherwise than their columns
        conn = session.connection()
        # on SQLite, holding the write lock, the new rows take ids above the highest: only theirs are read
        before = conn.scalar(select(func.max(E.id))) if conn.dialect.name == "sqlite" else None
        written = insert_rows(conn, E.__table__, values_out, renamed or None)
        new_rows = select(E.code, E.id) if before is None else select(E.code, E.id).where(E.id > before)
        by_code = {c.lower(): i for c, i in conn.execute(new_rows).all()}  # fetched at once, not row by row
        ids = list(map(by_code.__getitem__, low_codes))
    elif hook is not None or any(links_out) or with_ids:
        ids = list(session.scalars(insert(E).returning(E.id, sort_by_parameter_order=True), values_out))
    else:  # child rows nobody refers to: their ids only for the change notes, in any order (one batch)
        operations.note("inserted", E, session.scalars(insert(E).returning(E.id), values_out))
        ids = []
    operations.note("inserted", E, ids)
    pairs: dict[Table, list[dict[str, Any]]] = {}
    for rid, links in zip(ids, links_out):
        for f, targets in links:
            own, other = _link_columns(f, E)
            pairs.setdefault(_link_table(f), []).extend(
                {own.name: rid, other.name: t} for t in dict.fromkeys(targets))
    for table, link_rows in pairs.items():
        if link_rows:
            session.execute(insert(table), link_rows)
    if written is not None and not any(links_out):  # the record history encodes these rows as written
        operations.remember_written(E, dict(zip(ids, zip(repeat(written.names), written.rows, repeat(None)))))
    elif written is not None:  # links included
        operations.remember_written(E, {rid: (written.names, row, {f.name: sorted(set(targets))
                                                                   for f, targets in links} if links else None)
                                        for rid, row, links in zip(ids, written.rows, links_out)})
    if hook is not None:
        hook(session, ids, values_out)
    return ids


# Bulk updates skip the unit of work too: called with (session, [(id, the row's column values after the
# update, the column names it changed)]) after each bulk update of that entity (risk history).
AFTER_BULK_UPDATE: dict[type[Any], Callable[[Session, list[tuple[int, dict[str, Any], frozenset[str]]]], None]] = {}


class _ParsedOnce:
    """``Field.parse`` of each distinct value typed into a field, worked out once a batch: a fill writes one
    value into 100,000 cells, a clear none, the undo of either a few distinct values back — each was parsed
    and checked (its length, no control character) 100,000 times (docs/speed.md, round pg44). A value parses
    by its field and the context only; a refused one raises at its first cell as before. Kept only when the
    typed value is hashable and its parse immutable (a LINKS field's list of names is parsed each time)."""

    _KEPT = frozenset({str, int, float, bool, date, datetime, type(None)})

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.done: dict[tuple[str, type, Any], Any] = {}

    def __call__(self, f: Field, raw: Any) -> Any:
        key = (f.name, raw.__class__, raw)  # by class too: 1, 1.0 and True are equal keys
        try:
            return self.done[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value
            return f.parse(raw, self.ctx)
        value = f.parse(raw, self.ctx)
        if value.__class__ in self._KEPT:
            self.done[key] = value
        return value


def update_records(session: Session, reg: Register, updates: Sequence[tuple[int, dict[str, Any]]],
                   ctx: Context | None = None, *, parsed: bool = False,
                   versions: Mapping[int, int] | None = None, bases: Mapping[int, dict[str, Any]] | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> dict[int, int]:
    """Set fields of many records as ``update_record`` would (an import of an edited workbook, a pasted
    block, Replace All, a fill); returns each record's version after (as read where nothing changed).

    The records are read with one Core query per 500 ids and names resolved with one query per target;
    each row's changed columns are compared with the stored ones in a dict, and the rows are written
    grouped by the set of columns they change, one executemany per group: a few statements, each
    compiled once, for 10,000 rows that each change different columns. Every row written gets its
    version bumped and is checked against the version read (as the ORM's ``version_id_col`` does);
    the ids are noted in ``operations`` and the entity's ``AFTER_BULK_UPDATE`` hook (risk history) runs.

    The same rules as ``update_record``'s, record by record in the order given: each value parsed, the
    register's cross-field check on the record as it would be, a name the office lacks refused (a person
    added), an ID or a unique name used by another record refused. ``versions`` (record id → the version
    the edit was made on) and ``bases`` (the values it started from) make a record someone else saved
    meanwhile an ``EditConflict`` with theirs, as ``update_record``'s; found when the rows are read, or on
    PostgreSQL when the write meets a row committed since (its version moved, or the server's
    serialization failure). ``progress(done, total)`` is told as the records are checked;
    ``cancelled()`` turning true stops it with ``OperationCancelled`` (the transaction rolls back).

    On a refused value the error carries ``row_index`` (position in ``updates``).
    """
    ctx = ctx or load_context(session)
    E = reg.entity
    table: Table = E.__table__
    by_name = {f.name: f for f in reg.fields}
    column_of = {p.key: p.columns[0].key for p in inspect(E).column_attrs}
    names = _Names(session)
    parse = _ParsedOnce(ctx)
    for f in reg.fields:
        if f.kind.refers and _ref(f).create_missing:
            wanted: set[str] = set()
            for _, raw in updates:
                if f.name in raw:
                    value = raw[f.name] if parsed else parse(f, raw[f.name])
                    wanted.update([value] if f.kind.is_reference else value)
            names.prepare(f, sorted(n for n in wanted if n))
    session.flush()  # what the ORM still holds goes first: the Core writes below must see it and win
    ids = [rid for rid, _ in updates]
    stored: dict[int, dict[str, Any]] = {row["id"]: row for row in read_rows(session.connection(), table, ids)}
    links = [f for f in reg.fields if f.kind.is_links]
    linked: dict[str, dict[int, list[str]]] = {}  # field → record id → names, for the check and the compare
    for f in links:
        if not (reg.check or any(f.name in raw for _, raw in updates)):
            continue
        own, other = _link_columns(f, E)
        ref = _ref(f)
        T = ref.target
        found: dict[int, list[str]] = {}
        chosen = set(ids)
        for where in id_filters(own, sorted(chosen)):  # a range may hold records not edited: skipped
            for rid, label in session.execute(select(own, getattr(T, ref.label)).join(T, other == T.id).where(where)):
                if rid in chosen:
                    found.setdefault(rid, []).append(label)
        linked[f.name] = found
    key = reg.key_field
    codes = ({c.lower(): i for c, i in session.execute(select(E.code, E.id))}
             if key is not None and any(key.name in raw for _, raw in updates) else {})
    # A unique name (a project's) changed in the batch: who holds each name, read once and kept as the
    # batch goes, so a name taken by another record, or by one earlier in the batch, is refused as typing it is.
    unique_fields = {name for name, f in by_name.items() if f.kind.stored and not f.kind.refers
                     and not f.kind.is_key and is_unique(reg, f) and any(name in raw for _, raw in updates)}
    holders = {name: name_holders(session, reg, by_name[name]) for name in unique_fields}

    def ref_label(f: Field, target_id: int | None) -> Any:
        if target_id is None:
            return None
        return names.label(f, target_id)

    # Per field, worked out once rather than per row: its column, and what a cleared value becomes.
    plan = {f.name: (f, f.kind, column_of[f.attr] if f.kind.stored and not f.kind.is_links else None,
                     f.kind.stored and not f.kind.refers and not _nullable(reg, f))
            for f in reg.fields}
    checked = [(name, kind, column) for name, (_f, kind, column, _) in plan.items() if kind.stored]
    # (stored row, its changed columns, the version it was read at: the row itself becomes the row as written)
    rows_changed: list[tuple[dict[str, Any], dict[str, Any], int]] = []
    # Each record once (a fill, Replace All): the row read is made the row written in place, not copied — a million
    # records' rows of 26 columns read and then copied held two dicts a record at once (about 1.5 GB more at the peak).
    in_place = len(set(ids)) == len(ids)
    new_links: dict[str, dict[int, set[int]]] = {}            # LINKS field → record id → target ids
    written: list[tuple[int, dict[str, Any], frozenset[str]]] = []
    total = len(updates)
    now = utcnow()  # one stamp for the batch, as a bulk insert's
    for i, (rid, raw_values) in enumerate(updates):
        if not i % 2000 and i:
            if cancelled is not None and cancelled():
                raise OperationCancelled("Cancelled: nothing was changed.")
            if progress is not None:
                progress(i, total)
        try:
            row = stored.get(rid)
            if row is None:
                raise RecordNotFound(f"That {reg.title.lower()} record no longer exists "
                                     "(someone may have deleted it).", rid)
            if versions is not None and versions.get(rid) not in (None, row["version"]):
                # someone saved it since the edit was made: theirs and yours, as update_record says
                raise edit_conflict(session, reg, rid, raw_values, bases.get(rid) if bases else None, ctx)
            values: dict[str, Any] = {}
            for name, raw in raw_values.items():
                f, kind, _, _ = plan[name]
                if not kind.stored:
                    raise ValidationError(f"{f.label} is calculated and cannot be edited.", name)
                values[name] = raw if parsed else parse(f, raw)
            if reg.check:
                record: dict[str, Any] = {}
                for name, kind, column in checked:
                    if column is None:  # a LINKS field: its names were read above, it has no column
                        record[name] = "; ".join(sorted(linked[name].get(rid, ())))
                    elif kind.is_reference:
                        record[name] = ref_label(by_name[name], row[column])
                    else:
                        record[name] = row[column]
                record.update(values)
                reg.check(record, ctx)
            changed: dict[str, Any] = {}
            links_changed = False
            for name, value in values.items():
                f, kind, column, not_null = plan[name]
                if column is None:  # a LINKS field (a stored field without a column of its own)
                    targets = {cast(int, names.get(f, n)) for n in value}
                    current = {cast(int, names.get(f, n)) for n in linked[name].get(rid, ())}
                    if targets != current:
                        new_links.setdefault(name, {})[rid] = targets
                        links_changed = True
                    continue
                if kind.is_reference:
                    value = names.get(f, value)
                elif kind.is_key:
                    if not value:
                        raise ValidationError(f"{f.label} cannot be empty.", name)
                    if codes.get(value.lower(), rid) != rid:
                        raise ValidationError(f"{f.label} “{value}” is already used by another record.", name)
                    codes.pop(str(row[column] or "").lower(), None)
                    codes[value.lower()] = rid
                elif value is None and not_null:
                    value = ""
                if name in unique_fields and value:
                    held = holders[name]
                    if held.get(name_key(value), rid) != rid:
                        raise name_taken(reg, name, value)
                    if row[column] and held.get(name_key(row[column])) == rid:
                        del held[name_key(row[column])]
                    held[name_key(value)] = rid
                if row[column] != value:
                    changed[column] = value
            if changed or links_changed:
                version = row["version"]
                rows_changed.append((row, changed, version))
                as_written = row if in_place else dict(row)
                as_written.update(changed)
                as_written["version"], as_written["updated_at"] = version + 1, now
                written.append((rid, as_written, frozenset(changed)))
        except (ValidationError, RecordNotFound) as e:
            e.row_index = i
            raise
    if rows_changed:
        # One statement for the whole batch: every row sets the columns any row changes, those it does not
        # change to the value just read (the version check makes that safe). Each row changing its own
        # set of columns would otherwise make a statement — and a compilation — per set.
        columns = sorted({c for _, changed, _ in rows_changed for c in changed})
        from sqlalchemy.exc import DBAPIError

        from . import search_index

        try:
            with search_index.rebuilt_after(session, reg, len(rows_changed), columns):
                # on SQLite one executemany of tuples through the driver; elsewhere Core's, with a dict a row
                count = update_rows(session.connection(), table, columns,
                                    [(*[changed[c] if c in changed else row[c] for c in columns], row["id"],
                                      version) for row, changed, version in rows_changed], {"updated_at": now})
            if count is None:
                params = [{"b_id": row["id"], "b_version": version,
                           **{f"b_{c}": changed[c] if c in changed else row[c] for c in columns}}
                          for row, changed, version in rows_changed]
                statement = (update(table).where(table.c.id == bindparam("b_id"),
                                                 table.c.version == bindparam("b_version"))
                             .values({**{c: bindparam(f"b_{c}") for c in columns}, "version": table.c.version + 1,
                                      "updated_at": now}))
                # A Core UPDATE returns a CursorResult, which Session.execute types only as Result.
                result = cast("CursorResult[Any]", session.execute(statement, params))
                if session.get_bind().dialect.supports_sane_multi_rowcount:
                    count = result.rowcount
        except DBAPIError as e:
            # PostgreSQL: a row another user committed after this transaction's snapshot (REPEATABLE READ)
            if versions is None or getattr(e.orig, "sqlstate", None) != "40001":
                raise
            raise _bulk_conflict(session, reg, updates, rows_changed, bases) from e
        if count is not None and count != len(rows_changed):
            if versions is not None:  # an edit: say whose record and what they saved
                raise _bulk_conflict(session, reg, updates, rows_changed, bases)
            raise StaleDataError(f"{reg.title}: {len(rows_changed) - count} of {len(rows_changed)} records were "
                                 "changed by someone else while they were being updated.")
    for name, per_record in new_links.items():
        own, other = _link_columns(by_name[name], E)
        link_table = _link_table(by_name[name])
        changed_ids = list(per_record)
        for start in range(0, len(changed_ids), 500):
            session.execute(delete(link_table).where(own.in_(changed_ids[start:start + 500])))
        pairs = [{own.name: rid, other.name: t} for rid, targets in per_record.items() for t in sorted(targets)]
        if pairs:
            session.execute(insert(link_table), pairs)
    operations.note("updated", E, [rid for rid, _, _ in written])
    if written and session.get_bind().dialect.name in ("sqlite", "postgresql"):
        # the history then encodes them as written: 100,000 rows read back cost 2 s on PostgreSQL too
        _remember_updated(session, reg, written, new_links)
    done = {rid for rid, _, _ in written}
    for obj in list(session.identity_map.values()):  # what this session holds of them is stale now
        if isinstance(obj, E) and obj.id in done:
            session.expire(obj)
    hook = AFTER_BULK_UPDATE.get(E)
    if hook is not None and written:
        hook(session, written)
    if cancelled is not None and cancelled():  # still before the commit: a Cancel pressed as it wrote
        raise OperationCancelled("Cancelled: nothing was changed.")
    after = {rid: row["version"] for rid, row in stored.items()}
    after.update((rid, row["version"]) for rid, row, _ in written)
    return after


def _remember_updated(session: Session, reg: Register, written: list[tuple[int, dict[str, Any], frozenset[str]]],
                      new_links: dict[str, dict[int, set[int]]]) -> None:
    """The rows just updated, as written, for the record history (``operations.remember_written``): it then
    encodes them without reading 100,000 rows back. Their links are read in one range (those this batch set
    as set)."""
    E = reg.entity
    table: Table = E.__table__
    names = [c.name for c in table.c]
    if any(row[0] != names for row in operations.written_rows(E).values()):
        return  # rows a bulk insert of this transaction wrote name fewer columns: these are read back, as before
    ids = sorted(rid for rid, _, _ in written)
    links: dict[int, dict[str, list[int]]] = {rid: {} for rid in ids}
    for f in reg.fields:
        if not f.kind.is_links or f.link_table is None:
            continue
        own, other = _link_columns(f, E)
        query = select(own, other).where(own.between(ids[0], ids[-1])).order_by(own, other)
        for rid, target in session.execute(query):
            if rid in links:
                links[rid].setdefault(f.name, []).append(target)
        for rid, targets in new_links.get(f.name, {}).items():
            links[rid][f.name] = sorted(targets)
    values = itemgetter(*names)  # a row's values in the table's order, in C
    operations.remember_written(E, {rid: (names, values(row), links[rid] or None) for rid, row, _ in written})


def _bulk_conflict(session: Session, reg: Register, updates: Sequence[tuple[int, dict[str, Any]]],
                   rows_changed: Sequence[tuple[dict[str, Any], dict[str, Any], int]],
                   bases: Mapping[int, dict[str, Any]] | None) -> EditConflict:
    """The conflict of a bulk write that met rows saved by someone else after they were read: the first
    record, in the order given, whose version moved, read afresh (this session's transaction is done for)."""
    read = {row["id"]: version for row, _, version in rows_changed}
    raw = dict(updates)
    table: Table = reg.entity.__table__
    ids = list(read)
    with Session(session.get_bind()) as fresh:
        now: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            now.update((rid, version) for rid, version in fresh.execute(
                select(table.c.id, table.c.version).where(table.c.id.in_(ids[start:start + 500]))))
        for rid in ids:
            if now.get(rid) != read[rid]:
                return edit_conflict(fresh, reg, rid, raw[rid], bases.get(rid) if bases else None, None)
    return EditConflict.unknown()


def update_record(session: Session, reg: Register, record_id: int, raw_values: dict[str, Any],
                  ctx: Context | None = None, expected_version: int | None = None,
                  base_values: dict[str, Any] | None = None) -> int:
    """Set fields of one record; returns its new version.

    ``expected_version`` is the version the user's edit was made on: when the record has moved on,
    or moves on between this read and the write (another transaction committing in between), the
    edit is refused with ``EditConflict`` carrying yours and theirs. ``base_values`` (the values the
    edit started from, e.g. the undo command's old values) let ``conflicts.resolve`` re-apply only
    what the user changed.
    """
    from sqlalchemy.exc import DBAPIError

    ctx = ctx or load_context(session)
    obj = session.get(reg.entity, record_id)
    if obj is None:
        raise RecordNotFound(f"That {reg.title.lower()} record no longer exists (someone may have deleted it).",
                             record_id)
    if expected_version is not None and obj.version != expected_version:
        raise edit_conflict(session, reg, record_id, raw_values, base_values, ctx)
    apply_values(session, reg, obj, raw_values, ctx)
    try:
        session.flush()
    except (StaleDataError, DBAPIError) as e:
        # Someone committed this row after this transaction read it (PostgreSQL): our UPDATE ...
        # WHERE version = ours matched nothing, or the server refused to write a row changed since
        # the transaction's snapshot (REPEATABLE READ, see Store.transaction) — the case where no
        # version was given and the caller's read was the base. Read theirs afresh: this session
        # is now unusable.
        if isinstance(e, DBAPIError) and getattr(e.orig, "sqlstate", None) != "40001":
            raise
        with Session(session.get_bind()) as fresh:
            raise edit_conflict(fresh, reg, record_id, raw_values, base_values, None) from e
    version: int = obj.version
    return version


def edit_conflict(session: Session, reg: Register, record_id: int, raw_values: dict[str, Any],
                  base_values: dict[str, Any] | None, ctx: Context | None) -> EditConflict:
    """The conflict for an edit of ``record_id``, with the record as it is now in ``session``."""
    theirs = record_values(session, reg, record_id, ctx)  # RecordNotFound when they deleted it
    name = next(iter(raw_values), None)
    labels = {n: reg.field(n).label for n in raw_values}
    return EditConflict(reg.name, record_id, labels[name] if name else None,
                        raw_values.get(name) if name else None, theirs.get(name) if name else None,
                        theirs["version"], mine_values=raw_values, theirs_values=theirs,
                        base_values=base_values, labels=labels)


# ------------------------------------------------------------------------------- delete and restore
@dataclass
class Snapshot:
    """Every row a delete removes (the records, their children and link rows) and every reference it
    clears, so that undo can put the file back exactly as it was."""

    rows: list[tuple[str, list[dict[str, Any]]]] = dc_field(default_factory=list)
    cleared: list[tuple[str, str, list[int], int]] = dc_field(default_factory=list)  # (table, column, ids, ref)


def _collect(session: Session, table: Table, where: ColumnElement[bool], snap: Snapshot) -> None:
    rows = [dict(r._mapping) for r in session.execute(select(table).where(where))]
    if not rows:
        return
    _days_as_kept(session, table, where, rows)
    snap.rows.append((table.name, rows))
    if "id" not in table.c:
        return
    ids = [r["id"] for r in rows]
    dialect = session.get_bind().dialect.name
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            col = fk.parent
            if fk.ondelete == "CASCADE":
                _collect(session, child, id_in(dialect, col, ids), snap)
            elif fk.ondelete == "SET NULL" and "id" in child.c:
                hits = session.execute(select(child.c.id, col).where(id_in(dialect, col, ids))).all()
                for ref_id in {h[1] for h in hits}:
                    snap.cleared.append((child.name, col.name, [h[0] for h in hits if h[1] == ref_id], ref_id))


def _days_as_kept(session: Session, table: Table, where: ColumnElement[bool], rows: list[dict[str, Any]]) -> None:
    """``rows`` (a delete's, read by ``select(table)``) with each day or moment the database keeps where Python has
    none — a file's text ('soon', ``text_dates``), PostgreSQL's 'infinity', '-infinity', a day before Christ or
    past 9999 — read as None, given instead as kept (``KeptDay``), so that the undo puts it back as it was. Put
    back as None, a target day "infinity" was gone without a word, and a NOT NULL ``created_at`` refused the undo
    whole: every record of the delete lost for good (fault70)."""
    from .text_dates import KeptDay

    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql") or "id" not in table.c:
        return
    days = [c for c in table.c if isinstance(c.type, (Date, DateTime)) and any(r[c.name] is None for r in rows)]
    if not days:
        return
    if dialect == "postgresql":
        unread = [or_(c > (datetime.max if isinstance(c.type, DateTime) else date.max),
                      c < (datetime.min if isinstance(c.type, DateTime) else date.min)) for c in days]
    else:  # what the file holds where the day was read as none: text
        unread = [c.is_not(None) for c in days]
    held = session.execute(select(table.c.id, *[sql_cast(c, Text) for c in days]).where(where, or_(*unread))).all()
    by_id = {h[0]: h[1:] for h in held}
    for row in rows:
        for c, kept in zip(days, by_id.get(row["id"], ())):
            if row[c.name] is None and kept is not None:
                row[c.name] = KeptDay(kept)


def delete_records(session: Session, reg: Register, ids: Iterable[int],
                   versions: Mapping[int, int] | None = None) -> Snapshot:
    """Delete the records ``ids`` (what refers to them as the schema says), returning what puts them back.
    ``versions``: record id → the version the deletion was decided on (a deletion kept while the server was away,
    saved later): a record changed since is not deleted, and nothing is (``RecordChanged``) — a colleague's change
    made after the user last saw it went with the record."""
    ids = list(ids)
    table = reg.entity.__table__
    snap = Snapshot()
    dialect = session.get_bind().dialect.name
    if versions:
        expected = {rid: version for rid, version in versions.items() if rid in set(ids)}
        rows = session.execute(select(table.c.id, table.c.version).where(id_in(dialect, table.c.id, list(expected)))
                               .with_for_update()).all()
        moved = sorted(rid for rid, version in rows if version != expected[rid])
        if moved:
            raise RecordChanged(f"Not deleted: {count_of(len(moved), reg.noun)} {'was' if len(moved) == 1 else 'were'}"
                                f" changed by someone else since {'it was' if len(moved) == 1 else 'they were'} "
                                "deleted here, so nothing was deleted. Look at "
                                f"{'it' if len(moved) == 1 else 'them'} again and delete again if "
                                f"{'it' if len(moved) == 1 else 'they'} should still go.", moved[0])
    _collect(session, table, id_in(dialect, table.c.id, ids), snap)
    session.execute(delete(table).where(id_in(dialect, table.c.id, ids)))
    operations.note("deleted", reg.entity, ids)
    _touch_captured(snap)
    session.expire_all()
    return snap


def _touch_captured(snap: Snapshot) -> None:
    """Tell the record history about the rows a delete reached through the database's own cascades
    (a risk's actions) and the references it cleared, which no ORM flush or note reports."""
    entities = entities_by_table()
    for name, rows in snap.rows:
        if name in entities:
            operations.touch(entities[name], (r.get("id") for r in rows))
    for name, _column, ids, _ref in snap.cleared:
        if name in entities:
            operations.touch(entities[name], ids)


def capture(session: Session, entity: type[Any], ids: Iterable[int]) -> Snapshot:
    """A snapshot of records (with their children and links) without deleting them."""
    table = entity.__table__
    snap = Snapshot()
    ids = list(ids)
    for where in id_in_chunks(session.get_bind().dialect.name, table.c.id, ids):  # SQLite's parameter limit
        _collect(session, table, where, snap)
    return snap


def capture_many(session: Session, targets: dict[type[Any], list[int]]) -> Snapshot:
    """Snapshots of several sets of records, each row once (a parent's capture includes its children)."""
    snap = Snapshot()
    seen: set[tuple[Any, ...]] = set()
    tables = Base.metadata.tables
    for entity, ids in targets.items():
        part = capture(session, entity, ids)
        for name, rows in part.rows:
            keys = [c.name for c in tables[name].primary_key.columns]
            fresh = [r for r in rows if (name, *[r[k] for k in keys]) not in seen]
            seen.update((name, *[r[k] for k in keys]) for r in fresh)
            if fresh:
                snap.rows.append((name, fresh))
        snap.cleared.extend(part.cleared)
    return snap


def replace_records(session: Session, targets: dict[type[Any], list[int]], snapshot: Snapshot) -> Snapshot:
    """Put records back as a snapshot holds them (undo/redo of a bulk change such as an import).

    Deletes the ``targets`` (entity → ids, with their children) and restores ``snapshot``; returns a
    snapshot of what was deleted, so the opposite direction is the same call. References to deleted
    records from elsewhere are re-pointed when the restored records have the same ids.
    """
    targets = {e: list(ids) for e, ids in targets.items() if ids}
    before = capture_many(session, targets)  # everything, before deleting anything
    _touch_captured(before)
    for entity, ids in targets.items():
        table = entity.__table__
        for where in id_in_chunks(session.get_bind().dialect.name, table.c.id, ids):
            session.execute(delete(table).where(where))
        operations.note("deleted", entity, ids)
    restore_records(session, Snapshot(rows=snapshot.rows, cleared=[]))
    restored = {(name, r["id"]) for name, rows in snapshot.rows for r in rows if "id" in r}
    tables = Base.metadata.tables
    _put_references_back(session, [
        (name, column, ref_ids, ref_id) for name, column, ref_ids, ref_id in before.cleared
        if (next((fk.column.table.name for fk in tables[name].c[column].foreign_keys), None), ref_id) in restored])
    session.expire_all()
    return before



def restore_records(session: Session, snap: Snapshot) -> tuple[dict[str, dict[int, int]], list[str]]:
    """``snap``'s rows put back, beside what another window or client put in their place since
    (``put_back.make_room``: ``snap`` is changed to match); returns the ids given anew (table → old → new) and
    what was changed, a sentence each."""
    from .put_back import make_room

    tables = Base.metadata.tables
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    entities = entities_by_table()
    snap.rows, snap.cleared, moved, said = make_room(session, snap.rows, snap.cleared)
    for name, rows in sorted(snap.rows, key=lambda item: order[item[0]]):
        _put_back(session, tables[name], rows)
        if name in entities:
            operations.note("inserted", entities[name], (r.get("id") for r in rows))
    _put_references_back(session, snap.cleared)
    reset_id_sequences(session, [tables[name] for name, _ in snap.rows])
    session.expire_all()
    return moved, said


def _put_references_back(session: Session, cleared: Iterable[tuple[str, str, list[int], int]]) -> None:
    """The references a delete cleared (``Snapshot.cleared``: a risk's owner, a project's manager) pointed again at
    the record put back — as the delete left them: the database's ON DELETE SET NULL touched neither ``updated_at``
    nor ``version``, so the undo touches neither. An UPDATE of Core's stamps ``updated_at`` (its ``onupdate``): an
    undo of a delete of a person gave every risk, action, project and stakeholder they owned a new "updated" time,
    as if edited. A reference someone set again since the delete (a new owner chosen) is theirs, and kept: only one
    still cleared is put back. And the record history hears of it (``operations.touch``), or its last entry of each
    such record stayed the one the delete wrote, owner blank: the office "as at" today, a board snapshot's
    comparison and what changed since showed those risks ownerless while the office had their owner back."""
    tables = Base.metadata.tables
    entities = entities_by_table()
    dialect = session.get_bind().dialect.name
    for name, column, ids, ref_id in cleared:
        t = tables[name]
        kept = {"updated_at": t.c.updated_at} if "updated_at" in t.c else {}  # named, so its onupdate is not applied
        session.execute(update(t).where(id_in(dialect, t.c.id, ids), t.c[column].is_(None))
                        .values({column: ref_id, **kept}))
        if name in entities:
            operations.touch(entities[name], ids)


def _put_back(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """A snapshot's rows of ``table`` inserted again as they were (their ids included). On PostgreSQL by
    ``bulk.insert_tuples`` (one binary COPY), the rows grouped by the columns they hold: Core's executemany sent
    a statement a row, so the undo of 10,000 risks deleted was 10,000 INSERTs of the risks, and as many again of
    their link rows (docs/speed.md, round pg44). Elsewhere Core's, as before."""
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:  # a snapshot read by ``select(table)``: one group, every column
        groups.setdefault(tuple(row), []).append(tuple(row.values()))
    for names, values in groups.items():
        insert_tuples(session.connection(), table, names, values)


def reset_id_sequences(session: Session, tables: Iterable[Table]) -> None:
    """After rows were inserted with explicit ids, move PostgreSQL's id sequences past them, or the
    next new record would collide. (SQLite takes max(id) + 1 by itself.) Sequences only move forward."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for t in tables:
        if "id" not in t.c or not t.c.id.primary_key:
            continue
        seq = session.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name})
        if seq is None:
            continue
        session.execute(text(
            f"SELECT setval(:seq, GREATEST((SELECT COALESCE(MAX(id), 0) FROM {t.name}) , "
            f"(SELECT last_value FROM {seq}), 1))"), {"seq": seq})


def snapshot_fields(reg: Register, row: dict[str, Any]) -> dict[str, Any]:
    """The editable values of a displayed row, ready to be given back to ``create_record`` (duplicate)."""
    return {f.name: row[f.name] for f in reg.fields if f.editable}


# ------------------------------------------------------------------------ operations of the table commands
def update_many(session: Session, reg: Register, values: dict[int, dict[str, Any]], ctx: Context | None,
                versions: Mapping[int, int], bases: Mapping[int, dict[str, Any]], *,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, being_made: Collection[int] = ()) -> dict[int, int]:
    """Set cells of several records in one transaction (a typed cell, a pasted block, a fill, Replace All),
    each checked against the version the edit was made on; returns the new versions. ``being_made``: records still
    being typed in, whose history keeps them as added with these values (``history.fold_into_added``).

    ``update_records``' one read and one executemany, with ``update_record``'s rules record by record — a
    record written one by one through the ORM cost 1.3 ms, so Replace All over 100,000 titles took minutes.
    A sub-table whose rule reads its parent (a measurement in its benefit's window) goes record by record."""
    if being_made:
        from . import history

        history.fold_into_added(session, reg.entity, being_made)
    if reg.parent and reg.check:
        return {rid: update_record(session, reg, rid, vals, ctx, expected_version=versions.get(rid),
                                   base_values=bases.get(rid)) for rid, vals in values.items()}
    return update_records(session, reg, list(values.items()), ctx, versions=versions, bases=bases,
                          progress=progress, cancelled=cancelled)


#: records a long edit writes at a time in its one transaction (``update_in_chunks``): their rows read whole (26
#: columns of a risk), checked, written and their history recorded before the next chunk is read
WRITE_CHUNK = 20_000


def update_in_chunks(session: Session, reg: Register, chunks: Iterable[tuple[dict[int, dict[str, Any]],
                                                                                 dict[int, dict[str, Any]]]],
                     total: int, fields: Iterable[str], ctx: Context | None, versions: Mapping[int, int], *,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> dict[int, int]:
    """``update_many`` of a long edit (a fill or a Replace All of a million cells, its undo) a chunk of records at a
    time, in one transaction: ``chunks`` gives each chunk's values and the values it expects to find, by record
    (each record in one chunk only; ``total`` records in all, ``fields`` the fields written). Done whole, the write
    held every record's row read (a dict of 26 columns a risk), its row as written for the history and the history's
    texts at once — a million records peaked at 3.4 GiB; a chunk's are let go before the next is read, its history
    written at once (``history.record_so_far``). The rules, the versions checked and the conflicts are
    ``update_many``'s, chunk by chunk; a refusal or Cancel anywhere rolls the whole transaction back. Returns each
    record's version after."""
    from . import history, search_index

    ctx = ctx or load_context(session)
    column_of = {p.key: p.columns[0].key for p in inspect(reg.entity).column_attrs}
    columns = [column_of[f.attr] for f in map(reg.field, fields) if f.kind.stored and not f.kind.is_links]
    after: dict[int, int] = {}
    done = 0
    # the search index dropped once for the whole write and built again at its end (a chunk alone is too few rows)
    with search_index.rebuilt_after(session, reg, total, columns):
        for values, bases in chunks:
            def told(i: int, _of: int, start: int = done) -> None:
                if progress is not None:
                    progress(start + i, total)

            after.update(update_many(session, reg, values, ctx, versions, bases, progress=told,
                                     cancelled=cancelled))
            done += len(values)
            history.record_so_far(session)
            if cancelled is not None and cancelled():
                raise OperationCancelled("Cancelled: nothing was changed.")
            if progress is not None:
                progress(done, total)
    return after


#: rows ``create_many`` writes in one INSERT between two looks at ``progress`` and ``cancelled``
CREATE_BATCH = 1_000


def create_many(session: Session, reg: Register, rows: Sequence[dict[str, Any]], ctx: Context | None,
                parent_id: int | None = None, *, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[int]:
    """New records as the table adds them (each with its placeholders), their ids in the order of ``rows``.
    Written by ``create_records``, a batch of ``CREATE_BATCH`` a statement with the same rules record by record:
    one ``create_record`` a row took 5–18 ms, so a paste of 4,000 rows 40 s and 70,000 rows some 20 minutes.
    ``progress(done, total)`` is told between batches, and ``cancelled()`` turning true stops it with
    ``OperationCancelled`` (the transaction rolls back): a paste of thousands of rows runs behind a progress
    dialog (``views/register_table/commands.py``). A refused value's ``ValidationError`` names its row
    (``row_index``, in ``rows``)."""
    ctx = ctx or load_context(session)
    codes = stored_codes(session, reg)  # read once, not once a batch; each batch's IDs added to it
    ids: list[int] = []
    for start in range(0, len(rows), CREATE_BATCH):
        if start:
            if cancelled is not None and cancelled():
                raise OperationCancelled("Cancelled: nothing was changed.")
            if progress is not None:
                progress(start, len(rows))
        batch = rows[start:start + CREATE_BATCH]
        try:
            ids += create_records(session, reg, batch, ctx, [parent_id] * len(batch), codes=codes, with_ids=True)
        except ValidationError as e:
            e.row_index = (e.row_index or 0) + start
            raise
    return ids


def ref_names(session: Session, f: Field) -> list[str]:
    """Every name a reference field may take (a dropdown's choices), sorted."""
    assert f.ref is not None
    T = f.ref.target
    return sorted(n for n in session.scalars(select(getattr(T, f.ref.label))) if n)


def rows_pass_check(session: Session, reg: Register, rows: Sequence[dict[str, Any]], parent_id: int,
                    ctx: Context) -> bool:
    """Whether the register's own cross-field rule (a measurement inside its benefit's window) lets every
    one of these new sub-table rows in: asked before a question that only matters for rows it accepts."""
    if reg.check is None:
        return True
    parent = session.get(_parent_entity(reg), parent_id)
    for values in rows:
        try:
            reg.check({**values, "parent": parent}, ctx)
        except ValidationError:
            return False
    return True
