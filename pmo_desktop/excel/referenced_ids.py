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
                    others: Callable[[], list[tuple[str, list[list[Any]]]]]
                    ) -> tuple[dict[int, dict[str, str]], list[str]]:
    """The columns of ``columns`` whose cells are references to rows of another sheet (``others``: (title, rows)
    of the workbook's sheets read as no register, read only when a column of references asks) — {column:
    {reference folded: what the cell reads as}}, for the row to read as written there (a response "EA-RIE-02" of a
    column of ``mapped`` is the action "Generar respaldos …" written on sheet ESTRATEGIAS; a column kept in the notes
    reads "EA-RIE-02 (Generar respaldos …)") — and a note a column saying so. A column is such when two of its
    references at least, and two thirds of them, name a row of one other sheet."""
    spelled: dict[int, dict[str, str]] = {}
    notes: list[str] = []
    indexed: list[tuple[str, dict[str, tuple[str, str]]]] | None = None
    for c in columns:
        cells = [x.strip() for r in sample if c < len(r) and isinstance(x := r[c], str) and x.strip()]
        if len(cells) < MIN_REFERENCES or not all(_REFERENCE_RE.fullmatch(x) for x in cells):
            continue
        if indexed is None:  # the other sheets read only when a column of references is there to look up
            indexed = [(title, _rows_by_code(rows)) for title, rows in others()]
        for title, texts in indexed:
            found = [x for x in cells if x.casefold() in texts]
            if len(found) >= MIN_REFERENCES and len(found) * 3 >= len(cells) * 2:
                spelled[c] = {k: text if c in mapped else f"{code} ({text})" for k, (code, text) in texts.items()}
                head = headers[c] if c < len(headers) and headers[c] else f"Column {c + 1}"
                notes.append(f"“{head}” names rows of sheet “{title}” (“{found[0]}” …): each read as the text "
                             "written there, the reference kept in the notes.")
                break
    return spelled, notes
