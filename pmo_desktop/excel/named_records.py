"""Records named in a free text by their register's noun and code: "Risk R-01 / PRD M-02", "SRS §10 / Issue
ISS-08" (issue 12, left60). A RAID log's actions sheet says in a "Source / Trigger" column which risk each action
answers, and its decisions which issue or risk each was raised from. The office keeps actions on the risk or issue
they answer (a risk's actions, an issue's actions: no register of their own) and links a decision to its risks and
issues, so a column naming them so is read for that: decided once a sheet, from the column's cells; what else the
cell names (a requirement's clause, a document's code) stays in the record's notes or beside it, as before.

Only a code after a word naming the register's records ("Risk", "Issue", "Riesgo", "Problème": the ``nouns`` of
the words files) is taken: a bare code ("M-02") could be any document's."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..models.fields import Kind
from .header_detection import (
    ALL_KINDS,
    PARENT,
    SAMPLE,
    HeaderMatch,
    SheetKind,
    check_values,
    map_header,
    real_fields,
    refill,
)
from .vocabulary import quantity_words, register_nouns, word_key, words_of
from .workbook_reader import SheetReader

_CODE = r"[^\W\d_]{0,4}[-_.]?\d+[a-z]?"
# a word, then one code or several joined by "," ";" "&" "+" "and" ("Risks R-01, R-03"); a "/" ends the list, as
# it starts another reference ("Risk R-01 / PRD M-02")
_NAMED_RE = re.compile(rf"([^\W\d_]+)\s*[:#№]?\s*({_CODE}(?:\s*(?:,|;|&|\+|\band\b)\s*{_CODE})*)(?![\w§])", re.I)
_DIGIT_RE = re.compile(r"\d")  # every code holds a figure: a cell with none names no record (most cells)
_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\+|\band\b)\s*", re.I)
# what follows a number: a per cent sign, or the next one or two words
_AFTER_RE = re.compile(r"\s*(%|[^\W\d_]+(?:\s+[^\W\d_]+)?)")
_REGISTERS = ("risks", "issues")
_MIN_ROWS = 2  # one row naming a risk says little of the column


def _register_of(word: str) -> str | None:
    key = word_key(word)
    for register in _REGISTERS:
        nouns = register_nouns(register) - {"raid"}  # "RAID" names every kind of a RAID log's items
        if key in nouns or (key.endswith("s") and key[:-1] in nouns):
            return register
    return None


def named_codes(value: Any) -> dict[str, list[str]]:
    """The codes a cell names, by register: "PRD §10 Risk R-02" → {"risks": ["R-02"]}."""
    out: dict[str, list[str]] = {}
    if not isinstance(value, str) or not _DIGIT_RE.search(value):
        return out
    for m in _NAMED_RE.finditer(value):
        register = _register_of(m.group(1))
        if register is None:
            continue
        codes = _SPLIT_RE.split(m.group(2))
        if codes and codes[-1].isdigit() and _a_quantity(value[m.end():]):
            codes.pop()  # "closes risk 2 weeks early", "Risk 1 of 3 covered": a count, no record's number (fault74)
        for code in codes:
            if code and code not in out.setdefault(register, []):
                out[register].append(code)
    return out


def _a_quantity(after: str) -> bool:
    """Whether the text right after a number makes it a quantity: "%", or a word of ``quantity_words`` ("weeks",
    "days", "of", "Tage", "semanas") alone or with the word after it ("out of")."""
    m = _AFTER_RE.match(after)
    if m is None:
        return False
    if m.group(1) == "%":
        return True
    words = words_of(m.group(1))
    quantities = quantity_words()
    return bool(words) and (words[0] in quantities or " ".join(words[:2]) in quantities)


def naming_column(headers: list[str], rows: list[list[Any]], skip: set[int],
                  together: set[str] | None = None) -> tuple[int, str, int] | None:
    """The column whose cells name records of a register most often (column, register, rows naming one), when
    they do on two rows at least and on a third of the rows it fills at least; ``skip``: columns not to look in;
    ``together``: registers counted as one (a decision's risks and issues), the register then the first named."""
    best: tuple[int, str, int] | None = None
    for c, head in enumerate(headers):
        if c in skip or not head:
            continue
        filled = [r[c] for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]
        counts: dict[str, int] = {}
        for value in filled:
            named = [r for r in named_codes(value) if together is None or r in together]
            for register in (named[:1] if together else named):
                counts[register] = counts.get(register, 0) + 1
        if together:
            counts = {r: sum(counts.values()) for r in list(counts)[:1]}
        for register, n in counts.items():
            if n >= _MIN_ROWS and 3 * n >= len(filled) and (best is None or n > best[2]):
                best = (c, register, n)
    return best


def _only_names(cell: str, code: str) -> bool:
    """The cell is the record's noun and code and nothing more ("Risk R-03")."""
    return len(cell.split()) <= 2 and cell.endswith(code)


def _child_of(register: str) -> SheetKind | None:
    return next((k for k in ALL_KINDS if k.is_child and k.parent == register and
                 any(f.required and f.name == "description" for f in k.reg.fields)), None)


def _counts(rows: list[list[Any]], col: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        for register in (named_codes(row[col]) if col < len(row) else {}):
            out[register] = out.get(register, 0) + 1
    return out


def _as_actions_of(reader: SheetReader, match: HeaderMatch, headers: list[str], col: int, register: str,
                   taken: Any) -> tuple[SheetReader, HeaderMatch, int] | None:
    """The sheet read as ``register``'s actions, the parent column added; a data row ``taken`` refuses is blanked
    (read by the other register's reading), with the rows kept, its count of cells kept after the action's text."""
    child = _child_of(register)
    if child is None:
        return None
    rows = [list(r) for r in reader.all_rows()]
    group = rows[match.row - 2] if match.row >= 2 else None
    width = max(len(headers), max((len(r) for r in rows), default=0))
    label = child.parent_labels[0]
    for i, row in enumerate(rows):
        row += [None] * (width - len(row))
        if i == match.row - 1:
            row.append(label)
        elif i >= match.row:
            if not taken(row):
                row[:] = [None] * (width + 1)
                continue
            codes = named_codes(row[col]).get(register, [])
            row.append(codes[0] if codes else None)
        else:
            row.append(None)
    mapping, dups = map_header(child, rows[match.row - 1], group)
    mapping = {c: f for c, f in mapping.items() if f != PARENT and c != col}
    sample = [r for r in rows[match.row:] if any(x is not None for x in r)][:SAMPLE]
    named = set(mapping.values())
    mapping, demoted = check_values(child, mapping, sample, rows[match.row - 1])
    mapping = refill(child, rows[match.row - 1], group, mapping, demoted, sample, named - set(mapping.values()))
    mapping[width] = PARENT
    if "description" not in mapping.values():
        return None
    # what else the cell names (a document's clause, the other register's record) has no field on an action:
    # kept after the action's text, so that nothing the colleague wrote of its source is lost
    what = next(c for c, f in mapping.items() if f == "description")
    kept = 0
    for row in rows[match.row:]:
        cell = str(row[col]).strip() if row[col] is not None else ""
        codes = named_codes(cell).get(register, [])
        if not codes or not row[what] or (len(codes) == 1 and _only_names(cell, codes[0])):
            continue
        row[what] = f"{str(row[what]).rstrip()} ({headers[col]}: {cell})"
        kept += 1
    tied = SheetReader(reader.book, reader.title, rows, reader.merged_ranges())
    reading = HeaderMatch(child, match.row, mapping, [*headers, *[""] * (width - len(headers)), label],
                          float(len(real_fields(mapping))), dups, demoted, match.sheet_title)
    return tied, reading, kept


def actions_naming_their_records(reader: SheetReader, match: HeaderMatch
                                 ) -> tuple[SheetReader, HeaderMatch, str, tuple[SheetReader, HeaderMatch] | None] | None:
    """An action list (refused as one) whose column names the risk or issue each action answers ("Source /
    Trigger" of "Risk R-01 / PRD M-02"): read as that register's actions, each row's first record of it the
    parent (a column added, as ``child_sheets.tied_by_the_parents_ids`` adds one); a row naming none is left out
    by the planner saying it belongs to no record. The register is the one the column names most; the rows naming
    only the other's records ("Issue ISS-03" among risks) are read as its actions, a second reading of the sheet
    (returned last, or None). Said once a sheet."""
    rows = reader.all_rows()
    if match.row < 1 or match.row > len(rows):
        return None
    headers = [str(h).strip() if h is not None else "" for h in rows[match.row - 1]]
    found = naming_column(headers, [list(r) for r in rows[match.row:]], set())
    if found is None:
        return None
    col, register, n = found
    other = next((r for r in _counts([list(x) for x in rows[match.row:]], col) if r != register), None)

    def names(row: list[Any], reg: str) -> bool:
        return bool(named_codes(row[col] if col < len(row) else None).get(reg))

    first = _as_actions_of(reader, match, headers, col, register,
                           lambda row: other is None or names(row, register) or not names(row, other))
    if first is None:
        return None
    tied, reading, kept = first
    second = None if other is None else _as_actions_of(
        reader, match, headers, col, other, lambda row: names(row, other) and not names(row, register))
    noun = reading.kind.parent_labels[1].lower()
    also = ""
    if second is not None:
        noun2 = second[1].kind.parent_labels[1].lower()
        m = sum(1 for r in rows[match.row:] if names(list(r), other or "") and not names(list(r), register))
        also = f" The {m} naming only {_a(noun2)} are that {noun2}'s actions."
        kept += second[2]
    said = (f"An action list whose “{headers[col]}” names the {noun} each action answers (on {n} rows): read as "
            f"the {noun}s' actions, each under the first {noun} its row names; a row naming no {noun} is left out "
            f"saying so.{also}" + (f" What else “{headers[col]}” names is kept after the action's text, in "
                                   f"brackets ({kept} rows)." if kept else ""))
    return tied, reading, said, None if second is None else (second[0], second[1])


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def links_named(reader: SheetReader, match: HeaderMatch) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A register linking its records to risks and issues (a decision's "Linked risks", "Linked issues") whose
    sheet gives no such column, but a column the import keeps in the notes names them ("Source / Trigger" of
    "SRS §10 / Issue ISS-08", "Raised from", "Related risk/issue"): each record linked to the records its cell
    names, a column of their codes added for each register; the cell itself stays in the notes whole. Decided
    once a sheet, for the one column naming records most (two rows at least, a third of its cells); said."""
    kind = match.kind
    if kind.is_child:
        return None
    fields = {f.name: f for f in kind.reg.fields if f.kind is Kind.LINKS and f.name in _REGISTERS}
    if not fields:
        return None
    rows = [list(r) for r in reader.all_rows()]
    if match.row < 1 or match.row > len(rows):
        return None
    headers = [str(h).strip() if h is not None else "" for h in rows[match.row - 1]]
    data = rows[match.row:]
    # the notes' columns, and a link column itself written as a sentence ("Related risk/issue" of "Spec §10 /
    # Issue ISS-01": read as codes, each row was refused for naming no risk "Spec §10 / Issue ISS-01")
    skip = {c for c, f in match.mapping.items() if f not in fields}
    found = naming_column(headers, data, skip, set(fields))
    if found is None:
        return None
    col, _, n = found
    kept_map = {c: f for c, f in match.mapping.items() if c != col}
    links = {name: f for name, f in fields.items() if name not in kept_map.values()}
    if not links:
        return None
    width = max(len(headers), max((len(r) for r in rows), default=0))
    added = {name: width + i for i, name in enumerate(links)}
    linked = {name: 0 for name in links}
    for i, row in enumerate(rows):
        row += [None] * (width - len(row))
        for name in links:
            if i == match.row - 1:
                row.append(links[name].label)
            elif i >= match.row:
                codes = named_codes(row[col]).get(name, [])
                linked[name] += bool(codes)
                row.append("; ".join(codes) if codes else None)
            else:
                row.append(None)
    used = {name for name, count in linked.items() if count}
    if not used:  # the column names only records of a register another column already links ("Linked issues")
        return None
    mapping = {**kept_map, **{added[name]: name for name in used}}
    tied = SheetReader(reader.book, reader.title, rows, reader.merged_ranges())
    heads = [*headers, *[""] * (width - len(headers)), *(links[name].label for name in links)]
    reading = replace(match, mapping=mapping, headers=heads)
    example = next(str(r[col]).strip() for r in data if col < len(r) and any(
        named_codes(r[col]).get(name) for name in used))
    what = ", ".join(f"{name} on {linked[name]}" for name in links if linked[name])
    said = (f"“{headers[col]}” names the risk or issue each {kind.reg.noun} comes from (“{example}”): linked to "
            f"them ({what} rows); the cell is kept in the notes as written.")
    return tied, reading, said
