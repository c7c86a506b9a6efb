"""A legend beside the table (classes66b): a block right of the register, past an empty column, captioned "…
legend:" ("Tails7 bug legend: | Version | Status | Bug ID | Description", the table's own header words written
again one row lower, their explanations under them: "🔴 There is a bug detected in this version.").

Unseen set 66 read such a legend's header row as the sheet's header (it says the register's words, and the
record's cells left of it were no header to lose to): the real header and the first record became the header,
the other records were skipped, and the legend's explanation row was made an issue of its own. Its cells are
the legend's, never a header's nor a record's: ``legend_spans`` gives, for each row the legend stands on, the
first column it takes, and the header search reads those rows without it. Decided once per sheet, from the
rows the header search reads.

Its explanations also say what the table's symbols mean: ``symbol_meanings`` gives each symbol a legend row
opens with ("🔴", "🟢") the words after it, for a column written in those symbols to be read through them."""

from __future__ import annotations

import unicodedata
from typing import Any

from .vocabulary import negation_words, sheet_words, status_phrases, words_of

# the most words a caption says ("Tails7 bug legend:"): a longer text is a note, not a block's caption
_CAPTION_WORDS = 5


def _filled(x: Any) -> bool:
    return x is not None and (x.__class__ is not str or bool(x.strip()))


def _caption(row: list[Any], c: int) -> bool:
    """Whether ``row[c]`` captions a legend: a few words, the last one a legend's word ("legend", "key",
    "Legende"), and a colon after it or nothing right of it on its row. Such a word heading one column of a
    header row is the column's own ("Issue key" of a tracker; Indonesian "Keterangan", remarks, beside "Nilai"
    under a band of a risk template's header)."""
    x = row[c]
    if not isinstance(x, str):
        return False
    text = x.strip()
    words = words_of(text.rstrip(":"))
    return 0 < len(words) <= _CAPTION_WORDS and words[-1] in sheet_words("not_records") and \
        (text.endswith(":") or not any(_filled(y) for y in row[c + 1:]))


def legend_spans(rows: list[list[Any]]) -> dict[int, int]:
    """Row index → the first column of a legend standing beside the table on that row: from its caption's row
    down to the last row before one holding nothing from that column on. A caption is a legend's when cells of
    the table stand left of it, an empty column between (a caption in the table's own first column heads it)."""
    out: dict[int, int] = {}
    for i, row in enumerate(rows):
        if i in out:
            continue
        for c, x in enumerate(row):
            if c >= 2 and x.__class__ is str and not _filled(row[c - 1]) and _caption(row, c) and \
                    any(_filled(y) for y in row[:c - 1]):
                j = i
                while j < len(rows) and any(_filled(y) for y in rows[j][c:]):
                    out[j] = c
                    j += 1
                break
    return out


def without_legends(rows: list[list[Any]], spans: dict[int, int]) -> list[list[Any]]:
    """The rows with the legend's cells left empty (the rows it does not stand on as they are)."""
    if not spans:
        return rows
    return [[*row[:spans[i]], *([None] * (len(row) - spans[i]))] if i in spans else row
            for i, row in enumerate(rows)]


def _symbol(ch: str) -> bool:
    """A pictograph ("🔴", "✅", "⚠"): a character of Unicode's "other symbol" class, no letter, digit or mark."""
    return unicodedata.category(ch) == "So"


def symbol_meanings(rows: list[list[Any]], spans: dict[int, int]) -> dict[str, str]:
    """Each symbol a legend's cell opens with ("🔴There is a bug detected in this version.") → the words after
    it; a symbol explained twice differently means nothing sure, and is left out."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for i, c in spans.items():
        for x in rows[i][c:]:
            if not isinstance(x, str) or not x.strip() or not _symbol(x.strip()[0]):
                continue
            text = x.strip()
            k = 1
            while k < len(text) and (_symbol(text[k]) or unicodedata.category(text[k]) in ("Mn", "Cf")):
                k += 1  # a symbol's variation selector or joiner is part of it
            symbol, said = text[:k], text[k:].strip(" :-–—=")
            if said:
                if found.get(symbol, said) != said:
                    twice.add(symbol)
                found.setdefault(symbol, said)
    return {s: w for s, w in found.items() if s not in twice}


# the most words between a denying word and the status word it denies ("not fully finished")
_DENIED_WITHIN = 2


def status_said(text: str, register: str) -> str | None:
    """The one status a legend's sentence says ("Bug fully fixed." → "fixed"; "There is a bug detected in this
    version." → "detected"), as its words; None when it says none, or several. A status word denied ("cannot
    be fixed" where "cannot be fixed" is no status of its own, "not fully finished") says nothing."""
    words = words_of(text)
    denying = negation_words()
    found: set[tuple[str, ...]] = set()
    taken: set[int] = set()
    for phrase in status_phrases(register):  # the longest first: "cannot be fixed" before "fixed"
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) != phrase or taken & set(range(i, i + n)):
                continue
            taken.update(range(i, i + n))
            if not any(w in denying for w in words[max(0, i - _DENIED_WITHIN):i]):
                found.add(phrase)
    return " ".join(next(iter(found))) if len(found) == 1 else None


def symbol_statuses(rows: list[list[Any]], spans: dict[int, int], register: str) -> dict[str, str]:
    """Each symbol of a legend beside the table whose explanation says one status → that status's words
    ("🔴" → "detected", "🟢" → "fixed"): a table's status column written in those symbols is read through them,
    decided once per sheet. A symbol whose explanation says none stays as written (kept in the notes)."""
    return {s: said for s, text in symbol_meanings(rows, spans).items()
            if (said := status_said(text, register)) is not None}


def with_symbols_read(rows: list[list[Any]], read: dict[str, str]) -> list[list[Any]]:
    """The rows with each cell written as one of ``read``'s symbols in the words it reads as."""
    if not read:
        return rows
    return [[read.get(x.strip(), x) if x.__class__ is str else x for x in row] for row in rows]
