"""A template's own rows under its header: numbered placeholders and rows marked as examples (issue 12, classes85).

Unseen set 85's templates came filled with rows of their own. One numbered them: "Test 1 | … | Name 1 | Response 1 |
DD/MM/YYYY" down to "Test 5 | … | Name 5 | Response 5" — five risks titled "Test N", owned by five people "Name N"
(filler_columns refuses a whole sheet of such columns, a program's test data; here the sheet is a register whose other
cells are the template's list choices). Another marked its one row "(Example only)" under a caption saying "example
record only": a risk titled "Illustrative vulnerability record — example only".

- **Numbered placeholders** (``numbered_placeholder_rows``), decided once a sheet from its first rows: a row whose
  title is a word and a number ("Test 3") and whose other text cells are each a word and the same number ("Name 3",
  "Response 3"; two columns at least, each its own word), a date's format ("DD/MM/YYYY") or a word or two (a list's
  choice: "Delivery", "In Progress"); three such rows at least, their numbers going up by one down the sheet and each
  column keeping its word. A cell of three words or more is written by someone: the row is a record; so is a row
  holding a date typed as one (a date value, not its format written as text): "Phase 1 | Gate 1 | Ana Silva |
  1 Mar 2025" is a stage-gate plan's milestone, each phase ending at its gate (review59).
- **Rows marked as examples** (``example_mark``), per row: a cell one of whose clauses (split at a dash, a colon, a
  bracket, a full stop or a line break) is, or ends with, a phrase saying it is an example only ("(Example only)",
  "— example only", "Illustrative example record only", "solo de ejemplo", "à titre d'exemple": ``example_marks`` in
  the words files), that clause five words at most — "For example only admins can log in" marks nothing.

Both are skipped with their reason, said on the row (the sheet's rows-skipped list). No Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from .filler_columns import _FILLER_RE
from .vocabulary import date_mask, example_marks, text_key, words_of

_MIN_SERIES = 3
_CHOICE_WORDS = 2  # a text of this many words at most beside the numbered cells: a list's choice
_CLAUSE_RE = re.compile(r"\s+[-–—]\s+|[—–:()\[\]\n.;]")
_CLAUSE_WORDS = 5


def _numbered(value: Any) -> tuple[str, int] | None:
    if value.__class__ is not str:
        return None
    found = _FILLER_RE.match(value)
    if found is None or len(words_of(found.group(1))) > _CHOICE_WORDS:
        return None  # "Login fails on step 3", ".../browse/P-3": someone's own words that end in a number
    return found.group(1).casefold(), int(found.group(2))


def numbered_placeholder_rows(rows: Iterable[tuple[int, tuple[Any, ...]]], title_col: int | None,
                              code_col: int | None, people: frozenset[int] = frozenset(),
                              status_col: int | None = None) -> dict[int, str]:
    """Row number → its numbered cells as shown ("“Test 1”, “Name 1”, “Response 1”") for each row of a template's
    numbered placeholders (see the module); {} when the sheet has no such series. The records' IDs are never a
    placeholder: "R1", "R2" … count up with the rows in every register. ``people``: the columns naming a person — a
    name there that is no numbered placeholder ("Ana Silva" beside "Release 1 | Team 1 | Wave 1") is someone's, the
    row a record; ``status_col``: the status column — its states told apart along the series ("Done", "In
    progress", "Planned") are someone's, where a template writes one state down every row (left61, fault73's left)."""
    if title_col is None:
        return {}
    series: list[tuple[int, int, dict[int, str], list[str]]] = []
    states: set[str] = set()
    titled: dict[str, int] = {}  # the rows whose title is each stem and a number, in the series or not
    for number, row in rows:
        if title_col >= len(row) or (title := _numbered(row[title_col])) is None:
            continue
        stem, n = title
        titled[stem] = titled.get(stem, 0) + 1
        if any(isinstance(x, date) for c, x in enumerate(row) if c != code_col):
            continue  # a date typed in is someone's: a record (datetime is a date)
        stems = {title_col: stem}
        shown = [row[title_col].strip()]
        for c, x in enumerate(row):
            if c == title_col or c == code_col or x.__class__ is not str or not x.strip():
                continue
            other = _numbered(x)
            if c in people and other is None and not date_mask(x) and not x.lstrip().startswith(("[", "<", "(")):
                break  # a person named beside the numbered cells: someone's record
            if other is not None and other[1] == n:
                stems[c] = other[0]
                shown.append(x.strip())
            elif date_mask(x):
                continue
            elif other is not None or len(words_of(x)) > _CHOICE_WORDS:
                break  # another number, or words of someone's own: a record
        else:
            if len(set(stems.values())) >= 2:
                series.append((number, n, stems, shown))
                if status_col is not None and status_col < len(row) and row[status_col].__class__ is str and \
                        row[status_col].strip():
                    states.add(text_key(row[status_col]))
    if len(series) < _MIN_SERIES or len(states) >= 2:
        return {}
    stem = series[0][2][title_col]
    if titled[stem] > sum(1 for _, _, o, _ in series if o[title_col] == stem):
        # "Risk 1 … Risk 300" whose owners "Owner 1 … Owner 7" only happen to share the first rows' numbers: the
        # titles go on past the series, the sheet's own way of naming its records — no template's placeholders
        return {}
    if any(b[1] != a[1] + 1 for a, b in zip(series, series[1:])):
        return {}
    columns: dict[int, str] = {}
    for _number, _n, stems, _shown in series:
        for c, stem in stems.items():
            if columns.setdefault(c, stem) != stem:
                return {}
    return {number: ", ".join(f"“{x[:30]}”" for x in shown[:3]) for number, _n, _stems, shown in series}


@lru_cache(maxsize=1)
def _marks_re() -> re.Pattern[str]:
    """Any mark's words run together, looked for in a row's texts keyed and joined (the cheap test first)."""
    return re.compile("|".join(sorted(("".join(m) for m in example_marks()), key=len, reverse=True)) or "(?!)")


@lru_cache(maxsize=1)
def _mark_words() -> tuple[str, ...]:
    """One word of each mark (its longest), leaving out a word holding another kept one ("examples", "example"): a
    row's texts keyed hold a mark only if they hold one of these, found by a substring search in C each."""
    words = {max(m, key=len) for m in example_marks()}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def might_be_marked(texts: str) -> bool:
    """Whether a row's texts joined could hold an example's mark at all: the texts keyed, looked through for the
    marks' words first (some 20 substring searches) and only then for the marks themselves — the one search of every
    mark's alternative was a tenth of a 2,000-risk import's plan (stop 59)."""
    keyed = text_key(texts)
    return any(map(keyed.__contains__, _mark_words())) and _marks_re().search(keyed) is not None  # in C


def example_mark(row: Iterable[Any]) -> str | None:
    """The clause of a cell marking the row as the template's example only (see the module), else None."""
    marks = example_marks()
    for x in row:
        if x.__class__ is not str or len(x) > 400:
            continue
        for clause in _CLAUSE_RE.split(x):
            words = words_of(clause)
            if not words or len(words) > _CLAUSE_WORDS:
                continue
            if any(len(m) <= len(words) and tuple(words[-len(m):]) == m for m in marks):
                return clause.strip()
    return None


# a column name and a number written in the cells under it: "ER_Tipo de tratamiento 1" under "Tipo de Tratamiento"
_NAMED_MIN_COLUMNS = 3   # columns of a row writing their column's name and a number
_NAMED_KEY_MIN = 5       # letters of a column's name keyed, fewer say too little to be found in a cell
_ENDS_IN_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*\s*$")
PLACEHOLDER_SAMPLE_REASON = "a template's sample rows"


def _names_its_column(cell: Any, name_key: str) -> bool:
    return cell.__class__ is str and _ENDS_IN_NUMBER_RE.search(cell) is not None and name_key in text_key(cell)


def sample_of_its_columns(top: list[list[Any]], header_row: int) -> str | None:
    """Why a sheet's rows are a tool's import sample and no records: under the first row of column names (the
    header, or a row of names above it that the header search passed by), every filled row writes, in three columns
    or more, that column's name and a number ("Tipo de tratamiento" → "ER_Tipo de tratamiento 1", "Descripción del
    ER_Tipo de consecuencia 2"), and no other cell of its own words — a GRC tool's sample workbook, its 5 rows
    written again under 29 repeated headers, was read as 4 risks titled "Descripción detallada del ER_Riesgo
    Genérico N" (unseen set 87). Decided once a sheet from its first rows; None for any other sheet. A register
    whose one column counts its rows ("Phase 1" under "Phase") is read as before."""
    names_row = next((i for i, r in enumerate(top[:header_row]) if sum(1 for x in r if x.__class__ is str) >= 3),
                     None)
    if names_row is None:
        return None
    names = {c: k for c, x in enumerate(top[names_row]) if x.__class__ is str and len(k := text_key(x)) >= _NAMED_KEY_MIN}
    rows = [r for r in top[names_row + 1:] if any(x is not None and str(x).strip() for x in r)]
    sampled = 0
    example = ("", "")
    for row in rows:
        named = [c for c, k in names.items() if c < len(row) and _names_its_column(row[c], k)]
        if row == top[names_row] or [c for c, x in enumerate(row) if x is not None] == [
                c for c, x in enumerate(top[names_row]) if x is not None] and not named:
            continue  # the names written again over the next block
        if len(named) < _NAMED_MIN_COLUMNS:
            return None
        sampled += 1
        example = example[0] and example or (str(row[named[0]]).strip(), str(top[names_row][named[0]]).strip())
    if sampled < 2:
        return None
    return (f"{PLACEHOLDER_SAMPLE_REASON}, not records: each row writes its columns' names with a number (“{example[0]}” "
            f"under “{example[1]}” …), a tool's sample of what to write, in {sampled} rows of its first ones.")
