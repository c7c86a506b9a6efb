"""Tables of the same records stacked down one sheet, each under a caption and the header written again (a team's
risk plan for each iteration: "Risikoplan 1 for | Gruppe 37", "Risikoplan 2 for | Gruppe 37" …): which table is
the later assessment, as the captions say it (classes58b, decided as the office's owner; classes61b for dates and
words).

A PMO user reading such a sheet takes the last plan as the risk's rating now and the earlier ones as its history.
The order is taken only from what the captions carry (``order_key``): a date ("Review March 2024", "As at
30/06/2024", "Stand 31.03.2024"), a number or a revision's letter after the same words ("Risikoplan 2 for",
"Update 3", "Revision B"), or a word placing the table first ("Baseline", "Original") or last ("Current",
"Latest") — the words in each language's words file (``table_order``). Captions in other words ("Before
mitigation" / "After mitigation", a residual rating, not a later one), two of a kind ("Current" twice), or none
say no order: the first table stays the record and the later ratings stay in the notes, the sheet notes saying
so. Nothing here knows Qt or openpyxl."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from ..models import values as v
from ..models.errors import ValidationError
from .vocabulary import table_order_words, words_of

_NUMBER_RE = re.compile(r"\d+")
CAPTION_REACH = 3  # a caption stands on one of the three rows over its header, past a blank row or two


def caption_text(cells: Sequence[Any]) -> str | None:
    """A caption row's cells as one line ("Risikoplan 2 for | Gruppe 37"), None for an empty row."""
    texts = [" ".join(str(x).split()) for x in cells if x is not None and str(x).strip()]
    return " | ".join(texts) if texts else None


def caption_above(rows_above: Sequence[Sequence[Any]]) -> str | None:
    """The first table's caption: the nearest filled row over its header, within ``CAPTION_REACH`` rows."""
    for cells in reversed(rows_above[-CAPTION_REACH:]):
        text = caption_text(cells)
        if text is not None:
            return text
    return None


def _numbered(caption: str) -> tuple[str, int] | None:
    """The words before a caption's first number, and that number ("Risikoplan 2 for" → ("risikoplan", 2))."""
    found = _NUMBER_RE.search(caption)
    if found is None:
        return None
    return " ".join(caption[:found.start()].lower().split()), int(found.group())


# An order key: ("edge", 0 | 2) for a table placed first or last by a word; ("date", day read day first, day read
# month first or None); ("seq", the words before, "n" | "letter", the number). Keys of different kinds but "edge"
# compare to nothing: a date and a number, or numbers after other words, say no order.
OrderKey = tuple[Any, ...]
_DATE_RE = re.compile(r"\d{1,2}([/.\-])\d{1,2}\1(\d{4}|\d{2})\b|\d{4}-\d{1,2}-\d{1,2}\b")
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_LETTER_RE = re.compile(r"[^\W\d_]")
_PERIOD_RE = re.compile(r"[Qq][1-4]|[Ww][Kk]?\d{1,2}")


def _day(text: str, order: str) -> date | None:
    try:
        return v.parse_date(text, "caption", order, today=date(2000, 1, 1))
    except ValidationError:
        return None


def _dated(caption: str) -> OrderKey | None:
    """The date a caption carries: a date in figures ("30/06/2024", "2024-06-30", "31.03.24": read both ways
    where the day and the month could swap) or a month's name beside a year ("March 2024", "30 June 2024",
    "März 2024"); a year alone says no day."""
    found = _DATE_RE.search(caption)
    if found is not None:
        first = _day(found.group(), v.DAY_FIRST)
        second = _day(found.group(), v.MONTH_FIRST)
        if first is None and second is None:
            return None
        return ("date", first or second, second if first is not None else None)
    year = _YEAR_RE.search(caption)
    if year is None:
        return None
    tokens = caption[:year.start()].split()[-2:]  # "30 June 2024", "March 2024": up to two words before the year
    for k in range(len(tokens)):
        day = _day(" ".join([*tokens[k:], year.group()]), v.DAY_FIRST)
        if day is not None:
            return ("date", day, day)
    # a quarter or a week before the year ("Q4 2023", "W46 2024"): its first day (never its number alone, which
    # would put "Q4 2023" after "Q1 2024")
    label = v.period_label(f"{tokens[-1]} {year.group()}") if tokens and _PERIOD_RE.fullmatch(tokens[-1]) else None
    day = v.period_first_day(label) if label else None
    return ("date", day, day) if day is not None else None


@lru_cache(maxsize=256)
def order_key(caption: str | None) -> OrderKey | None:
    """Where a caption places its table among the tables stacked down a sheet, or None when it says nothing of
    it (see the module's docstring)."""
    if caption is None:
        return None
    words = words_of(caption)
    first, last = _says(caption, words, "first"), _says(caption, words, "last")
    if first != last:  # ("Current baseline" says both: nothing)
        return ("edge", 0 if first else 2)
    dated = _dated(caption)
    if dated is not None:
        return dated
    numbered = _numbered(caption)
    if numbered is not None and numbered[0]:
        return ("seq", numbered[0], "n", numbered[1])
    revisions = {w[0] for w in table_order_words("revision") if len(w) == 1}
    for k, word in enumerate(words[:-1]):  # "Revision B", "Version C": a revision word before a lone letter
        after = words[k + 1]
        if word in revisions and len(after) == 1 and _LETTER_RE.match(after):
            return ("seq", " ".join(words[:k + 1]), "letter", ord(after))
    return None


_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _says(caption: str, words: list[str], part: str) -> bool:
    """Whether the caption holds a word of ``part`` of ``table_order``, whole ("Línea base" as two words); a word
    of a script written without spaces (「現在」, 「最新」) anywhere in it."""
    for w in table_order_words(part):
        if _UNSPACED_RE.search(w[0]) is not None:
            if "".join(w) in caption:
                return True
        elif any(tuple(words[i:i + len(w)]) == w for i in range(len(words) - len(w) + 1)):
            return True
    return False


def _sign(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)


def compare(a: OrderKey | None, b: OrderKey | None) -> int | None:
    """1 when key ``a`` comes after ``b``, -1 before, None when the two say no order between them."""
    if a is None or b is None:
        return None
    if a[0] == "edge" or b[0] == "edge":
        ra = a[1] if a[0] == "edge" else 1
        rb = b[1] if b[0] == "edge" else 1
        return _sign(ra, rb) or None
    if a[0] != b[0]:
        return None
    if a[0] == "date":
        signs = {_sign(a[1], b[1])}
        if a[2] is not None and b[2] is not None:  # both could be read month first too: the order must hold both ways
            signs.add(_sign(a[2], b[2]))
        return signs.pop() or None if len(signs) == 1 else None
    if a[1] != b[1] or a[2] != b[2]:
        return None
    return _sign(a[3], b[3]) or None


def comes_after(caption: str | None, earlier: list[str | None]) -> bool:
    """Whether the table under ``caption`` is a later assessment than every table over it (their captions
    ``earlier``, the first table's first): its caption places it after each ("Risikoplan 1 for" → "Risikoplan 2
    for"; "Baseline" → "Review June 2024" → "Current")."""
    key = order_key(caption)
    return key is not None and bool(earlier) and all(compare(key, order_key(e)) == 1 for e in earlier)


def comes_before_first(caption: str | None, first: str | None) -> bool:
    """Whether the table under ``caption`` is an earlier assessment than the first table (captions dated
    down the sheet from the latest)."""
    return compare(order_key(caption), order_key(first)) == -1
