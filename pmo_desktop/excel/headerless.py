"""A table written without its header row (issue 12, round 41's "risk_log.csv": an app's risk log of 30 risks
whose first line is blank and whose second is already a risk — "2026-04-25 22:04:34 | Quick Access … | 1. Risiko
Akses Tidak Sah | … | Low | 5 | Operasional | Pending Review").

Nothing names its columns, so nothing was imported and the refusal said only that no header row was found: a
user with such a file had no way in. The decision: such a file is still not imported by a guess — a column of
sentences may be the cause, the consequence or the plan, and a wrong guess files a paragraph under the wrong
field in silence; the look-alikes refused on their content (a machine's log, a data set) have no header either.
Instead the refusal says what the file is — a table with no header row, its first row values like the rows
under it — and which header row to add: each column with what it holds and, where its values read as one of
the register's fields (dates, level words, a status or category word on every row, short mostly distinct names), that
field's name, for the user to confirm or change. With that row added the file imports as any other.

A table: three rows or more under the first, every one filling the same columns (three at least) as the first —
or a list whose rows leave some of them empty, each filled on half its rows, a remark beside a few (left57) —
and the first row shaped as they are — a date where they hold dates, a number where they hold numbers — with one
cell at least that no header is (a date, a number, a sentence). Read from the sheet's first rows only, once, and
only for a workbook about to be refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..models.errors import ValidationError
from ..models.fields import Context, Kind, Register
from ..models.registers import REGISTERS
from .header_detection import ALL_KINDS, CODE_RE
from .value_translation import OPEN_LISTS, Translator
from .vocabulary import value_words, word_key
from .workbook_reader import column_letters
from .written_rows import is_sentence

MIN_ROWS = 3         # rows under the first that show the columns' shapes
MIN_COLUMNS = 3      # fewer columns are a list, not a table
NAMED_MIN_COLUMNS = 2  # ... unless the workbook or its sheet names the register: a name and its description
SENTENCE = 40        # characters: longer is a value written out, no header
CHOICE_WORDS = 3     # words of a choice at most ("Pending Review"); more is a sentence, no choice
MAX_LEVEL = 10       # a level of a 1–10 scale at most (a likelihood × impact product's two columns)
TITLE_LENGTH = 50    # characters of the middle value of a column naming the records (longer: descriptions)
_DATE_RE = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*$|"
                      r"\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*$")


def _filled(row: list[Any]) -> tuple[int, ...]:
    return tuple(c for c, x in enumerate(row) if x is not None and str(x).strip())


def _shape(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return "date"
    if isinstance(value, bool):
        return "text"
    if isinstance(value, (int, float)):
        return "number"
    text = str(value).strip()
    if _DATE_RE.match(text):
        return "date"
    try:
        float(text.replace(",", "."))
    except ValueError:
        return "sentence" if len(text) > SENTENCE else "text"
    return "number"


def _no_header(value: Any) -> bool:
    # (a sentence of Chinese or Japanese, 15 characters of their scripts with no spaces: grid55's, left57)
    return _shape(value) in ("date", "number", "sentence") or (isinstance(value, str) and is_sentence(value.strip()))


def _ragged_table(table: list[list[Any]], columns: tuple[int, ...]) -> bool:
    """A list whose rows leave some cells empty (a developer's problems: the API named on most rows, a remark on
    some): the first row's columns each filled on half the rows below at least, every row below filling one of
    them, and any other column on a third of the rows at most (a remark beside a few) — the rows one table,
    written as the first is (left57: such a list was refused as having no header naming register columns)."""
    below = table[1:]
    fills = [_filled(r) for r in below]
    if any(not set(f) & set(columns) for f in fills):
        return False
    if any(2 * sum(c in f for f in fills) < len(below) for c in columns):
        return False
    others = {c for f in fills for c in f} - set(columns)
    return all(3 * sum(c in f for f in fills) <= len(below) for c in others)


def headerless_rows(rows: list[list[Any]], named: bool = False) -> list[list[Any]] | None:
    """The table's rows, first included, when ``rows`` (a sheet's first rows) are a table with no header row.
    ``named``: the workbook's or the sheet's name says the register, when two columns are a table too — a game's
    bugs as "short name | what is wrong" (unseen set 70) were refused as having no header naming register columns,
    with no word of the header row to add; they still are refused (two columns say only a title by their values:
    the round-33 rule reads a bare list by its IDs and statuses, which such a list has not), now with that row."""
    table = [r for r in rows if _filled(r)]
    if len(table) < MIN_ROWS + 1:
        return None
    columns = _filled(table[0])
    if len(columns) < (NAMED_MIN_COLUMNS if named else MIN_COLUMNS) or \
            (any(_filled(r) != columns for r in table[1:]) and not _ragged_table(table, columns)):
        return None
    first, below = table[0], table[1:]
    for c in columns:
        shapes = {_shape(r[c]) for r in below if c < len(r) and _filled([r[c]])}
        if len(shapes) == 1 and next(iter(shapes)) in ("date", "number") and _shape(first[c]) not in shapes:
            return None  # a word over dates or numbers: that word is the column's header
    if not any(_no_header(first[c]) for c in columns):
        return None
    return table


def _all_columns(table: list[list[Any]]) -> tuple[int, ...]:
    """Every column some row of the table fills (a remark beside a few rows of a list too), left to right."""
    return tuple(sorted({c for r in table for c in _filled(r)}))


def _column(table: list[list[Any]], c: int) -> list[Any]:
    """The column's filled values, top to bottom (a list may leave a cell empty)."""
    return [r[c] for r in table if c < len(r) and _filled([r[c]])]


def _shown(values: list[Any]) -> str:
    seen = list(dict.fromkeys(" ".join(str(x).split()) for x in values))
    return ", ".join(f"“{x[:30]}{'…' if len(x) > 30 else ''}”" for x in seen[:2]) + (" …" if len(seen) > 2 else "")


def _guess(reg: Register, values: list[Any], used: set[str], ctx: Context, translator: Translator) -> str | None:
    """The field of ``reg`` every value of a column reads as, by what they are: dates the first date field,
    level words the first scale, a few words repeated down the rows a choice they all read as, short texts
    each its own the field naming the records. None where the values say no field (sentences, numbers)."""
    shapes = {_shape(x) for x in values}
    texts = [str(x).strip() for x in values]
    distinct = len({t.casefold() for t in texts})

    def reads_all(f: Any) -> bool:
        try:
            return all(translator.parse(f, x, ctx) not in (None, "") for x in values)
        except ValidationError:
            return False

    free = [f for f in reg.fields if f.kind.stored and f.name not in used and not f.kind.is_key]
    if shapes == {"date"}:
        return next((f.name for f in free if f.kind is Kind.DATE), None)
    if shapes == {"text"} and all(word_key(t) in value_words("scale") for t in texts):
        return next((f.name for f in free if f.kind is Kind.SCALE), None) or \
            next((f.name for f in free if f.kind is Kind.ENUM and reads_all(f)), None)  # an issue's priority
    if all(CODE_RE.match(t) for t in texts) and distinct == len(texts):
        return next((f.name for f in reg.fields if f.kind.is_key and f.name not in used), None)  # "R-001", "K64428"
    if shapes == {"text"} and distinct * 2 <= len(texts) and all(len(t.split()) <= CHOICE_WORDS for t in texts):
        return next((f.name for f in free if f.kind is Kind.ENUM and reads_all(f)), None) or \
            next((f.name for f in free if (reg.name, f.name) in OPEN_LISTS), None)  # the office's own categories
    if shapes <= {"text", "sentence"} and distinct * 4 >= len(texts) * 3 and \
            sorted(map(len, texts))[len(texts) // 2] <= TITLE_LENGTH:
        return next((f.name for f in free if f.required), None)  # names, mostly each its own, a few words long
    return None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() and len(text) <= 3 else None


def _product_columns(table: list[list[Any]], columns: tuple[int, ...]) -> tuple[int, int, int] | None:
    """Two columns of whole levels side by side and a column after them holding their product on every row
    (E × F = G: a likelihood, an impact and the score they make), or None (classes80)."""
    whole: dict[int, list[int]] = {}
    for c in columns:
        values = [_whole(r[c]) if c < len(r) else None for r in table]
        if len(values) >= MIN_ROWS + 1 and all(v is not None for v in values):
            whole[c] = [v for v in values if v is not None]
    for a in columns:
        b = a + 1
        if a not in whole or b not in whole or not all(1 <= x <= MAX_LEVEL for x in (*whole[a], *whole[b])):
            continue
        for c in columns:
            if c > b and c in whole and all(x * y == z for x, y, z in zip(whole[a], whole[b], whole[c], strict=True)) \
                    and len({*whole[a], *whole[b]}) > 1:
                return a, b, c
    return None


def _guesses(register: str, table: list[list[Any]]) -> dict[int, str]:
    """Column → the field of ``register`` its values read as (``_guess``), for the columns that read as one. On a
    register rated by likelihood and impact, two columns of levels whose product a later column holds on every row
    are those two, in that order ("likelihood × impact" as it is written), and the later column the score; a column
    of level words beside them then is the score's rating, not a third level (classes80: "High" was proposed as the
    probability of a risk list whose E × F = G)."""
    reg = REGISTERS[register]
    used: set[str] = set()
    ctx = Context()
    translator = Translator(register, add_unknown=False)
    out: dict[int, str] = {}
    product = _product_columns(table, _all_columns(table)) if {"probability", "impact", "inherent_score"} <= \
        set(reg.field_names) else None
    if product is not None:
        out.update(zip(product, ("probability", "impact", "inherent_score"), strict=True))
        used.update(out.values())
    for c in _all_columns(table):
        if c in out:
            continue
        if product is not None and "inherent_rating" not in used and \
                all(word_key(str(x)) in value_words("scale") for x in _column(table, c)):
            out[c] = "inherent_rating"
            used.add("inherent_rating")
            continue
        name = _guess(reg, _column(table, c), used, ctx, translator)
        if name is not None:
            used.add(name)
            out[c] = name
    return out


def _likeliest(table: list[list[Any]]) -> list[tuple[str, dict[int, str]]]:
    """The registers whose fields most of the columns read as (three at least, its records' name among them),
    each with its guesses: one, or those tied (a risk log and an issue log both rate and date their records)."""
    found = [(kind.register, guessed) for kind in ALL_KINDS if not kind.is_child
             for guessed in [_guesses(kind.register, table)]
             if len(guessed) >= 3 and any(kind.reg.field(n).required for n in guessed.values())]
    most = max((len(g) for _r, g in found), default=0)
    return [(r, g) for r, g in found if len(g) == most]


def headerless_message(file_name: str, register: str | None, table: list[list[Any]]) -> str:
    """The refusal of a table with no header row: what it is, which register its columns read like, and the header
    row to add (``register``: the one the file's name names; None: the register its columns' values read like, by
    the fields they read as — left45: it named the header row but not where it would go — else the register's
    words)."""
    columns = _all_columns(table)
    if register is not None:
        guessed, like = _guesses(register, table), f"It goes into the {REGISTERS[register].title.lower()}, as the file or its sheet is named. "
    elif likeliest := _likeliest(table):
        register, guessed = likeliest[0]
        others = " or ".join(f"the {REGISTERS[r].title.lower()}" for r, _g in likeliest[1:])
        like = (f"By its columns' values it reads like the {REGISTERS[register].title.lower()}"
                + (f" (or {others})" if others else "") + ". ")
    else:
        guessed, like = {}, ""
    reg = REGISTERS[register] if register else None
    said = [f"{column_letters(c)} “{reg.field(guessed[c]).label}”? ({_shown(_column(table, c))})"
            if reg is not None and c in guessed else f"{column_letters(c)} ({_shown(_column(table, c))})"
            for c in columns]
    what = f"the {reg.title.lower()}'s words" if reg is not None else "the register's words (ID, Title, Owner …)"
    return (f"“{file_name}” has no header row: its first row holds values like the rows under it, "
            f"so nothing names its {len(columns)} columns and nothing was imported. {like}Add a row above the first "
            f"naming each column in {what} and import it again; by their values: {'; '.join(said)}. A column whose "
            "name no field takes is kept in each record's notes under that name.")

