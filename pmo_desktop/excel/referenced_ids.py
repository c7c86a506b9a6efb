"""The records' IDs told by the references built on them (issue 12, unseen set 71).

A risk analysis heads its IDs "IP" ("RIE-01" … "RIE-30"), a word no register knows, so the column was kept in the
notes and every risk numbered R-001 anew; its responses name each row again — "EA-RIE-02" (the avoidance strategy
of risk RIE-02), "ED-RIE-03", "PLC-RIE-01" — as rows of other sheets. A first-column-of-codes rule was tried and
taken back (stop 54): it took "OrderID" and "from_initiative" columns, codes of other things, as the records' own.

What tells the records' own IDs from another thing's codes is that the row refers to itself by them: a column of
codes, each its own, that other cells of the same row write as a part of theirs ("EA-RIE-02" on the row of
"RIE-02") on most rows. An order's or an initiative's code is written once on its row, not built into the row's
other cells. Decided once per sheet from the sample under the header, only where no column is the ID; the report's
column line says it ("A “IP” → code").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .header_detection import SheetKind
from .vocabulary import header_words, words_of

_ID_RE = re.compile(r"[^\W\d_]{1,5}[-_.]?\d{1,5}")  # "RIE-01", "D7", "TC_12"
MIN_RECORDS = 3


def _built_on(code: str, row: list[Any], own: int) -> bool:
    """Whether another cell of ``row`` than column ``own`` writes ``code`` as a part of a longer reference."""
    part = re.compile(rf"(?<![^\W_]){re.escape(code)}(?![^\W_])", re.I)
    return any(c != own and isinstance(x, str) and len(x.strip()) > len(code) and part.search(x)
               for c, x in enumerate(row))


def referenced_ids(kind: SheetKind, mapping: dict[int, str], sample: list[list[Any]]) -> dict[int, str]:
    """``mapping`` with the column of the records' IDs (see the module's docstring) read as the code, when no
    column is yet; else ``mapping`` as it is."""
    named_by = kind.reg.name_field
    if "code" in mapping.values() or named_by is None or not any(f.name == "code" for f in kind.reg.fields):
        return mapping
    title = next((c for c, n in mapping.items() if n == named_by.name), None)
    if title is None:
        return mapping
    records = [r for r in sample if title < len(r) and r[title] is not None and str(r[title]).strip()]
    if len(records) < MIN_RECORDS:
        return mapping
    for c in range(max(len(r) for r in records)):
        if c in mapping:
            continue
        cells = [x.strip() for r in records if c < len(r) and isinstance(x := r[c], str)]
        if len(cells) != len(records) or not all(_ID_RE.fullmatch(x) for x in cells) or \
                len({x.lower() for x in cells}) != len(cells):
            continue
        built = sum(1 for r in records if _built_on(str(r[c]).strip(), r, c))
        if built * 3 >= len(records) * 2:
            return {**mapping, c: "code"}
    return mapping


# a reference to a row of another sheet: letters and digits joined by dashes ("EA-RIE-02", "PLC-RIE-01")
_REFERENCE_RE = re.compile(r"[^\W\d_]{1,5}(?:[-_.][^\W\d_]{1,5})*[-_.]?\d{1,5}")
MIN_REFERENCES = 2


def _rows_by_code(rows: list[list[Any]]) -> dict[str, tuple[str, str]]:
    """Each code standing first in a row of ``rows`` (any column) with the text right of it: the text on its row
    and on the rows under it that leave the code's column empty ("PLC-RIE-01 | 1.- Tratar …", "| 2.- Notificar …":
    numbered steps), keyed by the code folded, with the code as written."""
    out: dict[str, tuple[str, str]] = {}
    open_codes: dict[int, tuple[str, int]] = {}  # code column → (code, its text's column), while its steps go on
    for row in rows:
        for c, x in enumerate(row):
            if isinstance(x, str) and _REFERENCE_RE.fullmatch(x.strip()):
                text = next(((t, i) for i, t in enumerate(row[c + 1:], c + 1)
                             if isinstance(t, str) and len(t.split()) >= 2), None)
                if text is None:
                    open_codes.pop(c, None)
                    continue
                key = x.strip().casefold()
                out[key] = (x.strip(), " ".join(text[0].split()))
                open_codes[c] = (key, text[1])
            elif (x is None or not str(x).strip()) and c in open_codes:
                key, t = open_codes[c]
                more = row[t] if t < len(row) else None
                if isinstance(more, str) and more.strip():
                    out[key] = (out[key][0], out[key][1] + "\n" + " ".join(more.split()))
    return out


def referenced_rows(columns: list[int], mapped: set[int], headers: list[str], sample: list[list[Any]],
                    others: Callable[[], list[tuple[str, list[list[Any]]]]],
                    ratings: dict[int, dict[str, dict[str, Any]]] | None = None, register: str = "risks"
                    ) -> tuple[dict[int, dict[str, str]], list[str]]:
    """The columns of ``columns`` whose cells are references to rows of another sheet (``others``: (title, rows)
    of the workbook's sheets read as no register, read only when a column of references asks) — {column:
    {reference folded: what the cell reads as}}, for the row to read as written there (a response "EA-RIE-02" of a
    column of ``mapped`` is the action "Generar respaldos …" written on sheet ESTRATEGIAS; a column kept in the notes
    reads "EA-RIE-02 (Generar respaldos …)") — and a note a column saying so. A column is such when two of its
    references at least, and two thirds of them, name a row of one other sheet. ``ratings`` (when given) gets,
    for such a column, each reference's residual ratings written on its row there (``rated_again``)."""
    spelled: dict[int, dict[str, str]] = {}
    notes: list[str] = []
    indexed: list[tuple[str, dict[str, tuple[str, str]]]] | None = None
    sheets: dict[str, list[list[Any]]] = {}
    for c in columns:
        cells = [x.strip() for r in sample if c < len(r) and isinstance(x := r[c], str) and x.strip()]
        if len(cells) < MIN_REFERENCES or not all(_REFERENCE_RE.fullmatch(x) for x in cells):
            continue
        if indexed is None:  # the other sheets read only when a column of references is there to look up
            sheets = dict(others())
            indexed = [(title, _rows_by_code(rows)) for title, rows in sheets.items()]
        for title, texts in indexed:
            found = [x for x in cells if x.casefold() in texts]
            if len(found) >= MIN_REFERENCES and len(found) * 3 >= len(cells) * 2:
                spelled[c] = {k: text if c in mapped else f"{code} ({text})" for k, (code, text) in texts.items()}
                head = headers[c] if c < len(headers) and headers[c] else f"Column {c + 1}"
                notes.append(f"“{head}” names rows of sheet “{title}” (“{found[0]}” …): each read as the text "
                             "written there, the reference kept in the notes.")
                # (the sample's references say whether the column's rows there rate again; every row of the
                # sheet is looked up, the sample being the table's first rows only)
                if ratings is not None and (again := rated_again(sheets[title], register)) and \
                        any(x.casefold() in again for x in found):
                    ratings[c] = again
                    notes.append(f"The rows it names on “{title}” rate the risk again after the strategy (a "
                                 "probability or an impact said twice in their table, the later one): read as the "
                                 "risk's residual rating, no column of this sheet giving one.")
                break
    return spelled, notes


# the ratings a reference's row of the other sheet may give again after its strategy, and the fields they are then
# (a rating table's "Efecto" is the impact's level, not the effect's text: the table rates)
_RATED_AGAIN = {"probability": "residual_probability", "impact": "residual_impact", "effect": "residual_impact"}


def _rated_field(header: Any, keys: dict[str, str]) -> str | None:
    """The rating a header of the other sheet names ("NUEVA PROBABILIDAD": probability), by any of its words."""
    if not isinstance(header, str):
        return None
    return next((keys[w] for w in words_of(header) if keys.get(w) in _RATED_AGAIN), None)


def _header_above(rows: list[list[Any]], at: int, c: int) -> list[Any] | None:
    """The header row of the table a code at row ``at``, column ``c`` stands in: the nearest row above whose cell
    there is a word, not a code ("IP" over "ED-RIE-03")."""
    for j in range(at - 1, -1, -1):
        x = rows[j][c] if c < len(rows[j]) else None
        if isinstance(x, str) and x.strip() and not _REFERENCE_RE.fullmatch(x.strip()):
            return rows[j]
    return None


def rated_again(rows: list[list[Any]], register: str) -> dict[str, dict[str, Any]]:
    """Each code of ``rows`` (another sheet) → the residual ratings its row gives: right of the code, in its
    table (up to the first column with no header), a rating whose word its table's header says twice ("PROBABILIDAD
    | NUEVA PROBABILIDAD", "EFECTO | NUEVO EFECTO" beside a reduction strategy's actions): the later one is the
    rating after the strategy. Empty when no table there says a rating twice (VERDEJL's, unseen set 71: the new
    probability and effect of eleven reduction strategies were never read)."""
    keys = {k: f for k, f in header_words(register).items() if f in _RATED_AGAIN}
    out: dict[str, dict[str, Any]] = {}
    later: dict[tuple[int, int], dict[int, str]] = {}  # (header row's id, code column) → column → residual field
    for i, row in enumerate(rows):
        for c, x in enumerate(row):
            if not (isinstance(x, str) and _REFERENCE_RE.fullmatch(x.strip())):
                continue
            header = _header_above(rows, i, c)
            if header is None:
                continue
            key = (id(header), c)
            if key not in later:
                seen: dict[str, int] = {}
                again: dict[int, str] = {}
                for k in range(c + 1, len(header)):
                    if header[k] is None or not str(header[k]).strip():
                        break
                    field = _rated_field(header[k], keys)
                    if field is not None:
                        if _RATED_AGAIN[field] in seen:
                            again[k] = _RATED_AGAIN[field]
                        seen[_RATED_AGAIN[field]] = k
                later[key] = again
            given = {name: row[k] for k, name in later[key].items() if k < len(row) and row[k] is not None
                     and str(row[k]).strip()}
            if given:
                out[x.strip().casefold()] = given
    return out
