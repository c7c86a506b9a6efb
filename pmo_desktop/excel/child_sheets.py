"""A register's records given twice in one workbook: a second sheet keyed by the same IDs as the register's
sheet before it ("Maßnahmen" beside "Risiken", both by "RNr") adds to those records — it is their child
sheet (risk actions, a benefit's plan), its ID column naming the parent. Read any other way its rows are
the same records again, refused as IDs given twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ..models.errors import ValidationError
from ..models.values import DAY_FIRST, parse_date
from .date_order import column_orders
from .header_detection import (
    ALL_KINDS,
    PARENT,
    RESPONSE_PLAN,
    SAMPLE,
    HeaderMatch,
    SheetKind,
    check_values,
    map_header,
    real_fields,
    refill,
)
from .vocabulary import day_count_words, header_words, id_words, word_key, words_of
from .workbook_reader import SheetReader

# A child field the parent's own mapping may have found under the parent's name for it: the risk's owner
# column on a sheet of measures is the actionee; its response-plan column the action.
_FROM_PARENT = {"actionee": ("owner",), "description": (RESPONSE_PLAN,)}


def child_kinds(register: str) -> tuple[SheetKind, ...]:
    """The register's child sheets (a risk's actions; a benefit's plan and measurements)."""
    return tuple(k for k in ALL_KINDS if k.parent == register)


def names_its_records(match: HeaderMatch) -> bool:
    """The sheet's mapping fills the register's required field (a risk action's action)."""
    required = next((f.name for f in match.kind.reg.fields if f.required), None)
    return required in match.mapping.values()


def _key_column(match: HeaderMatch) -> int | None:
    key = match.kind.reg.key_field
    return None if key is None else next((c for c, n in match.mapping.items() if n == key.name), None)


def _codes(reader: SheetReader, match: HeaderMatch, col: int) -> set[str]:
    rows = reader.top_rows(fill_merged=False)[match.row:]
    return {str(r[col]).strip() for r in rows if col < len(r) and r[col] is not None and str(r[col]).strip()}


def _as_child(reader: SheetReader, match: HeaderMatch, key_col: int, child: SheetKind) -> HeaderMatch | None:
    """The sheet read as ``child`` with its ID column naming the parent, or None when the child's own
    required field (the action) is nowhere on it."""
    rows = reader.top_rows()
    header = rows[match.row - 1]
    group = rows[match.row - 2] if match.row >= 2 else None
    mapping, dups = map_header(child, header, group)
    mapping = {c: n for c, n in mapping.items() if n != PARENT and c != key_col}
    for name, parents in _FROM_PARENT.items():
        if name in child.reg.field_names and name not in mapping.values():
            col = next((c for c, n in match.mapping.items() if n in parents and c not in mapping and c != key_col), None)
            if col is not None:
                mapping[col] = name
    sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
    named = set(mapping.values())
    mapping, demoted = check_values(child, mapping, sample, header)
    mapping = refill(child, header, group, mapping, demoted, sample, named - set(mapping.values()))
    mapping[key_col] = PARENT
    found = HeaderMatch(child, match.row, mapping, match.headers, float(len(real_fields(mapping))), dups, demoted,
                        match.sheet_title)
    return found if names_its_records(found) else None


def child_of_the_parent_named(reader: SheetReader, match: HeaderMatch) -> HeaderMatch | None:
    """A child sheet named as one register's children ("Actions", "Acciones": a risk's actions by their name)
    whose header names another register's records instead ("Issue ID | Action | Owner | Due date", "ID
    incidencia | Acción | Responsable"): the other register's children, tied by that column — or None. An
    issue log's action sheet was skipped, "no Risk ID column ties them to the risk register", in every
    language (classes53a): the sheet's name says actions, its header says whose. Decided once a sheet from its
    header; only a reading that ties the rows to their parent and fills the child's own required field."""
    rows = reader.top_rows()
    if match.row < 1 or match.row > len(rows):
        return None
    header = rows[match.row - 1]
    group = rows[match.row - 2] if match.row >= 2 else None
    sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
    found: list[HeaderMatch] = []
    for child in ALL_KINDS:
        if not child.is_child or child == match.kind:
            continue
        mapping, dups = map_header(child, header, group)
        if PARENT not in mapping.values():
            continue
        named = set(mapping.values())
        mapping, demoted = check_values(child, mapping, sample, header)
        mapping = refill(child, header, group, mapping, demoted, sample, named - set(mapping.values()))
        reading = HeaderMatch(child, match.row, mapping, match.headers, float(len(real_fields(mapping))), dups,
                              demoted, match.sheet_title)
        if PARENT in mapping.values() and names_its_records(reading):
            found.append(reading)
    return max(found, key=lambda m: m.score) if found else None


def _only_names_them(match: HeaderMatch) -> bool:
    """The sheet gives none of the register's own facts beyond naming its records (ID, title, category,
    project, owner): a second sheet rating the same risks ("Risk Response Matrix" with probability and
    impact) goes on with those records instead (row_planner joins them)."""
    reg = match.kind.reg
    naming = {f.name for f in reg.fields if f.required or f.kind.is_key} | {"category", "project", "owner"}
    return not real_fields(match.mapping) - naming


def children_by_their_ids(found: list[tuple[SheetReader, HeaderMatch]]) -> list[tuple[SheetReader, HeaderMatch]]:
    """Each sheet read as a register whose IDs are all among those of that register's sheet before it, and
    that only names those records, is read as the register's child sheet when one fits it."""
    seen: dict[str, set[str]] = {}
    out: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        kind = match.kind
        key_col = None if kind.is_child else _key_column(match)
        if key_col is None:
            out.append((reader, match))
            continue
        codes = _codes(reader, match, key_col)
        earlier = seen.get(kind.register, set())
        if codes and codes <= earlier and _only_names_them(match):
            fits = [m for m in (_as_child(reader, match, key_col, k) for k in child_kinds(kind.register))
                    if m is not None]
            if fits:
                out.append((reader, max(fits, key=lambda m: m.score)))
                continue
        seen.setdefault(kind.register, set()).update(codes)
        out.append((reader, match))
    return out



def _id_text(value: object) -> str:
    """An ID cell as text: 1 and 1.0 (a number typed in Excel) are both "1"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None or isinstance(value, bool) else str(value).strip()


def _says_an_id_of(header: object, child: SheetKind, alone: bool) -> bool:
    """Whether ``header`` names IDs of the child's records: an ID word ("ID", "Nº", "Código") with a word the
    child's records are named by ("Ação", "Action", "Maßnahme"), in any language the import words know —
    "ID Ação de Contingência" over a risk's column; ``alone``: those two words and nothing else, or the ID word
    alone, as the child sheet heads its own ID column ("ID Ação", "Nº")."""
    words = words_of(header) if isinstance(header, str) else []
    ids = [w for w in words if w in id_words()]
    required = next((f.name for f in child.reg.fields if f.required), None)
    naming = [w for w in words if header_words(child.register).get(w) == required]
    if len(ids) != 1:
        return False
    return len(words) == 1 + len(naming) and len(naming) <= 1 if alone else bool(naming)


def ids_not_plans(match: HeaderMatch) -> HeaderMatch:
    """The register's sheet without the response plans that are its children's IDs: "ID Ação de Contingência",
    "Contingency Action ID" name an action by its ID ("1", "A-2"), they do not state it — read as the plan, each
    ID became a response action of its own (left47). Kept in the notes instead, and what ties the actions on
    their own sheet to their risks (``tied_by_the_parents_ids``). Decided once a sheet, from its header."""
    ids = {c for c, n in match.mapping.items() if n == RESPONSE_PLAN and c < len(match.headers) and
           any(_says_an_id_of(match.headers[c], child, False) for child in child_kinds(match.kind.register))}
    return replace(match, mapping={c: n for c, n in match.mapping.items() if c not in ids}) if ids else match


def tied_by_the_parents_ids(reader: SheetReader, match: HeaderMatch, earlier: list[tuple[SheetReader, HeaderMatch]]
                            ) -> tuple[SheetReader, HeaderMatch] | None:
    """A child sheet with no column naming its parent ("Ações": "ID Ação | Ação | Responsável …"), whose
    records the parent register's sheet before it names by their IDs instead: the risk's "ID Ação de
    Contingência" holds 1, the action sheet's row "1" is that action. Read as the risk's actions, each tied to
    the risk naming its ID — the sheet with a parent column added (``match.kind.parent_labels``), as if the
    template had one (left47: the sheet was skipped, its actions lost). Only where every action with content is
    named by exactly one risk, and every ID the risks give is on the sheet: else None, and the sheet is skipped
    saying why, as before. Decided once a sheet; the two sheets are read whole once."""
    child = match.kind
    own = [c for c, h in enumerate(match.headers) if c not in match.mapping and _says_an_id_of(h, child, True)]
    if len(own) != 1:
        return None
    id_col = own[0]
    for parent_reader, parent in earlier:
        if parent.kind.register != child.parent or parent.kind.is_child:
            continue
        code_col = next((c for c, n in parent.mapping.items() if n == "code"), None)
        tying = [c for c, h in enumerate(parent.headers)
                 if c != code_col and c not in parent.mapping and _says_an_id_of(h, child, False)]
        if code_col is None or not tying:
            continue
        ties: dict[str, str] = {}
        for row in parent_reader.all_rows()[parent.row:]:
            code = _id_text(row[code_col]) if code_col < len(row) else ""
            for c in tying:
                named = _id_text(row[c]) if c < len(row) else ""
                if not (code and named):
                    continue
                if ties.setdefault(named, code) != code:
                    return None  # one action named by two risks: whose it is, the sheet does not say
        rows = [list(r) for r in reader.all_rows()]
        filled = [c for c in match.mapping if c != id_col]
        given: set[str] = set()
        for row in rows[match.row:]:
            action = _id_text(row[id_col]) if id_col < len(row) else ""
            given.add(action)
            if any(c < len(row) and _id_text(row[c]) for c in filled) and action not in ties:
                return None  # an action no risk names: tied by nothing
        if not ties or not set(ties) <= given:
            return None
        width = len(match.headers)
        label = child.parent_labels[0]
        for i, row in enumerate(rows):
            row += [None] * (width - len(row))
            row.append(label if i == match.row - 1 else ties.get(_id_text(row[id_col])) if i >= match.row else None)
        tied = SheetReader(reader.book, reader.title, rows, reader.merged_ranges())
        return tied, replace(match, mapping={**match.mapping, width: PARENT}, headers=[*match.headers, label])
    return None


def _parent_column(reader: SheetReader, match: HeaderMatch, child: SheetKind, key_col: int | None) -> int | None:
    """The one column of the sheet the child's words take as its parent's ("Código riesgo", "Risk ID") — not the
    sheet's own ID column, unless a column of its own numbers its rows —, or None."""
    rows = reader.top_rows()
    header = rows[match.row - 1]
    group = rows[match.row - 2] if match.row >= 2 else None
    mapping, _ = map_header(child, header, group)
    cols = [c for c, n in mapping.items() if n == PARENT]
    if len(cols) != 1 or cols[0] == key_col and not _numbers_its_rows(reader, match, header, key_col):
        return None
    return cols[0]


def _column_ids(reader: SheetReader, match: HeaderMatch, col: int) -> set[str]:
    """Every ID a column holds below the header, down the whole sheet (an action sheet's rows need not follow the
    register's order, nor stop within the first rows the header search reads)."""
    ids = (_id_text(r[col]) for r in reader.all_rows()[match.row:] if col < len(r))
    return {x for x in ids if x}


def _numbers_its_rows(reader: SheetReader, match: HeaderMatch, header: list[object], key_col: int | None) -> bool:
    """The sheet has a column of its own under an ID word alone ("N°", "No.", "#") counting its rows 1, 2, 3 …:
    the column the register took as its records' IDs ("Risk code") is then another record's, beside it."""
    for c, head in enumerate(header):
        if c == key_col or not isinstance(head, str) or [w for w in words_of(head) if w not in id_words()] or \
                not words_of(head) and head.strip() not in ("#", "№", "N°", "Nº"):
            continue
        values = [_id_text(r[c]) for r in reader.top_rows(fill_merged=False)[match.row:] if c < len(r)]
        values = [v for v in values if v]
        if len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]:
            return True
    return False


def children_by_a_parent_column(found: list[tuple[SheetReader, HeaderMatch]]
                                ) -> tuple[list[tuple[SheetReader, HeaderMatch]], dict[str, str]]:
    """A sheet read as a register that names, in a column of its own beside its row number, the register's
    records of another sheet ("N° | Código riesgo | Título | Acción | Responsable | Plazo (días) | Estado", each
    "Código riesgo" a code of "Registro de Riesgos"): the register's child sheet (the risks' response actions),
    tied by that column. Read as risks, its row numbers became codes and its rows 38 new risks, their actions lost
    from the risks they belong to (classes87a). Only where every value of that column is a code of the register's
    other sheets and the child's own required field (the action) is on the sheet; decided once a sheet, said in
    its report. Returns the sheets and the notes to say."""
    registers = [m.kind.register for _, m in found if not m.kind.is_child]
    codes: dict[int, set[str]] = {}  # each register sheet's own IDs, read whole once, when a sheet asks for them
    out: list[tuple[SheetReader, HeaderMatch]] = []
    said: dict[str, str] = {}
    for i, (reader, match) in enumerate(found):
        kind = match.kind
        if kind.is_child or registers.count(kind.register) < 2 or not 1 <= match.row < len(reader.top_rows()):
            out.append((reader, match))
            continue
        key_col = _key_column(match)
        fits = []
        for child in child_kinds(kind.register):
            col = _parent_column(reader, match, child, key_col)
            if col is None:
                continue
            named = _column_ids(reader, match, col)
            for j, (other_reader, other) in enumerate(found):
                if j != i and j not in codes and other.kind.register == kind.register and not other.kind.is_child \
                        and (other_key := _key_column(other)) is not None:
                    codes[j] = _column_ids(other_reader, other, other_key)
            others = set().union(*(c for j, c in codes.items() if j != i and found[j][1].kind.register == kind.register))
            if len(named) >= 2 and named <= others and (as_child := _as_child(reader, match, col, child)) is not None:
                fits.append((as_child, col))
        if not fits:
            out.append((reader, match))
            continue
        child_match, col = max(fits, key=lambda f: f[0].score)
        noun = kind.reg.noun
        said[match.sheet_title] = (
            f"Read as {child_match.kind.reg.title.lower()}: each row names its {noun} by “{match.headers[col]}” "
            f"(every value the code of a {noun} on another sheet), so it is that {noun}'s, not a {noun} of its own.")
        if (dated := due_from_days(reader, child_match)) is not None:
            reader, child_match, due_said = dated
            said[match.sheet_title] += f" {due_said}"
        out.append((reader, child_match))
    return out, said


def _days_count(value: Any) -> int | None:
    """A whole number of days (0 to ten years) as a cell holds it, 10, 10.0 or "10"; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(value, (int, float)) and float(value).is_integer() and 0 <= value <= 3660:
        return int(value)
    return None


def due_from_days(reader: SheetReader, match: HeaderMatch) -> tuple[SheetReader, HeaderMatch, str] | None:
    """An action sheet giving each action's time in days from the day it was written down ("Plazo (días)" beside
    "Fecha creación", "Deadline (days)" beside "Created"), no due date of its own: the due is that day plus the
    days — the column of days refused as due values ("10.0 … are not due values") and the day written left out
    (unseen set 87). Only where the one column of days is headed by a due word of the child's ("Plazo", "Deadline")
    with a day word ("días", "days": ``day_counts`` in the files), the one column of the day written by a
    "raised on" word of the parent's, and every row with a number of days has a day written; else None. Returns
    the sheet with the due as a column of its own (made by the import, the two columns it is made of unread) and
    what the report says once."""
    child = match.kind
    if child.parent is None or "due" not in child.reg.field_names or "due" in match.mapping.values():
        return None
    header = list(match.headers)
    days_said, dues, raised = day_count_words(), header_words(child.register), header_words(child.parent)

    def counts_days(head: object) -> bool:
        words = words_of(head) if isinstance(head, str) else []
        rest = [w for w in words if w not in days_said]
        return bool(rest) and len(rest) < len(words) and dues.get(word_key(" ".join(rest))) == "due"

    counts = [c for c, h in enumerate(header) if c not in match.mapping and counts_days(h)]
    bases = [c for c, h in enumerate(header) if c not in match.mapping and isinstance(h, str) and
             raised.get(word_key(h)) == "raised_on"]
    if len(counts) != 1 or len(bases) != 1:
        return None
    count, base = counts[0], bases[0]
    rows = [list(r) for r in reader.all_rows()]
    body = rows[match.row:]
    cells = [r[base] if base < len(r) else None for r in body]
    orders, _, unsettled = column_orders({base: (header[base], cells)})
    dues_made: list[date | None] = []
    example: tuple[date, int, date] | None = None
    for r, written in zip(body, cells):
        raw = r[count] if count < len(r) else None
        if raw is None or not str(raw).strip():
            dues_made.append(None)
            continue
        days = _days_count(raw)
        if days is None:
            return None  # "10 días hábiles", "ASAP": not a count of calendar days
        try:
            day = parse_date(written, str(header[base]), orders.get(base, DAY_FIRST), relative_words=False)
        except ValidationError:
            return None
        if day is None:
            return None  # days counted from no day written
        dues_made.append(day + timedelta(days=days))
        example = example or (day, days, day + timedelta(days=days))
    if example is None:
        return None
    width = max(len(header), *(len(r) for r in rows))
    label = f"{header[base]} + {header[count]}"
    for i, r in enumerate(rows):
        r += [None] * (width - len(r))
        r.append(label if i == match.row - 1 else dues_made[i - match.row] if i >= match.row else None)
    dated = SheetReader(reader.book, reader.title, rows, reader.merged_ranges())
    headers = [*header, *[""] * (width - len(header)), label]
    order = f" ({unsettled} read day first)" if unsettled else ""
    said = (f"Each action's due is its “{header[base]}” plus its “{header[count]}” ({example[0]:%d %b %Y} + {example[1]} "
            f"days → {example[2]:%d %b %Y}){order}.")
    return dated, replace(match, mapping={**match.mapping, width: "due"}, headers=headers), said
