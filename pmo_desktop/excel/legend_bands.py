"""A header whose lower rows list each column's levels (issue 12, classes79, unseen set 79).

"Probabilidade(P) | Impacto(I) | Fator de | Ação" in row 1, then under each name its levels one a row — "1- Baixa",
"2-Média", "3-Alta" under the probability, "1- Baixo", "2- Médio", "3- Alto" under the impact, "-Evitar",
"-Mitigar" under the response — with "ID | Descrição de risco" on the second row, the data from row 5. The header
was taken as rows 2–3: the columns were named "2-Média" and "2- Médio", so probability and impact went to the
notes and every risk came in unrated. The rows of levels are the columns' legend, not the header: each column is
named by the cells of the band that are no level ("Fator de" + "Risco" + "(P) x (I)"), its numbered levels
written after its name as one cell lists them ("Probabilidade(P) 1- Baixa 2-Média 3-Alta", header_legends: a 1–3
scale), a column's choices ("-Evitar", "-Mitigar") left out of its name; the header is the band's last row.

Decided once a sheet, from its first rows: a column holds levels numbered 1, 2, 3 … (three to ten) one a row, under
a name; every such column's levels start on the same row, at or above the header found, and reach it or go
below it; the row under the band is no level. Said in the sheet's notes.
"""

from __future__ import annotations

import re
from typing import Any

from .header_detection import HeaderMatch

# "1- Baixa", "2-Média", "3) High", "4. Very high": a number, a mark, a word or two — the whole cell
_LEVEL_RE = re.compile(r"^\s*(\d{1,2})\s*[.):=–-]\s*([^\W\d_]+(?:\s[^\W\d_]+)?)\s*$")
# "-Evitar", "• Mitigate": a choice listed under the column's name
_CHOICE_RE = re.compile(r"^\s*[-–•*]\s*[^\W\d_]+(?:\s[^\W\d_]+)?\s*$")
MIN_LEVELS, MAX_LEVELS = 3, 10
_LOOK_BELOW = 4  # rows under the header found where a band of levels may still go on


def _text(x: Any) -> str:
    return x.strip() if isinstance(x, str) else ""


def _levels_down(rows: list[list[Any]], c: int, start: int) -> int:
    """How many levels numbered 1, 2, 3 … go down column ``c`` from row ``start`` (0-based), one a row."""
    n = 0
    while start + n < len(rows) and c < len(rows[start + n]):
        found = _LEVEL_RE.match(_text(rows[start + n][c]))
        if found is None or int(found.group(1)) != n + 1:
            break
        n += 1
    return n


def legend_band(rows: list[list[Any]], match: HeaderMatch) -> tuple[list[list[Any]], int, str] | None:
    """The sheet's rows with its header band made one header row (on the band's last row, the rows above it in
    the band left empty), that row's number (1-based) and the note saying so; None for any other sheet. ``rows``:
    every row of the sheet (only its first rows are looked at)."""
    top = rows[:match.row + _LOOK_BELOW]
    columns: dict[int, tuple[int, int]] = {}  # column → (row of its first level, levels)
    for r in range(1, len(top)):
        for c, x in enumerate(top[r]):
            if c in columns or _text(x)[:1] != "1" or _LEVEL_RE.match(_text(x)) is None:
                continue
            above = _text(top[r - 1][c]) if c < len(top[r - 1]) else ""
            count = _levels_down(top, c, r)
            if MIN_LEVELS <= count <= MAX_LEVELS and re.search(r"[^\W\d_]", above) and not _LEVEL_RE.match(above):
                columns[c] = (r, count)
    if not columns or len({r for r, _n in columns.values()}) != 1:
        return None
    first = next(iter(columns.values()))[0]
    last = max(r + n - 1 for r, n in columns.values())
    name_row = first - 1
    if first > match.row - 1 or last + 1 < match.row or last + 1 >= len(rows):
        # the levels start under the header found (a register's first rows rated 1, 2, 3), the band ends above
        # it, or nothing follows it
        return None
    below = rows[last + 1]
    if any(_LEVEL_RE.match(_text(x)) or _CHOICE_RE.match(_text(x)) for x in below):
        return None  # the levels go on as data: a register's rows, not a legend
    width = max(len(r) for r in rows[name_row:last + 1])
    header: list[Any] = []
    named: dict[int, str] = {}
    choices: dict[int, list[str]] = {}
    for c in range(width):
        cells = [_text(r[c]) if c < len(r) else "" for r in rows[name_row:last + 1]]
        if c in columns:
            r0, n = columns[c]
            levels = cells[r0 - name_row:r0 - name_row + n]
            names = cells[:r0 - name_row] + cells[r0 - name_row + n:]
            named[c] = " ".join(x for x in names if x)
            header.append(" ".join(x for x in [*names, *levels] if x) or None)
            continue
        listed = [x for x in cells if _CHOICE_RE.match(x)]
        if listed:
            choices[c] = [x.lstrip("-–•* ").strip() for x in listed]
        header.append(" ".join(x for x in cells if x and x not in listed) or None)
    made = [list(r) for r in rows]
    for r in range(name_row, last):
        made[r] = [None] * len(made[r])
    made[last] = header + [None] * max(0, len(made[last]) - len(header))
    said = "; ".join(f"“{named[c]}”: " + ", ".join(_text(rows[r + i][c]) for i in range(n))
                     for c, (r, n) in sorted(columns.items()))
    listed_said = "".join(f"; “{header[c]}”: {', '.join(x)}" for c, x in sorted(choices.items()) if header[c])
    note = (f"Rows {first + 1}–{last + 1} under the header list each column's levels ({said}{listed_said}): read as "
            f"that column's legend, not as the header, which stands over rows {name_row + 1}–{last + 1}.")
    return made, last + 1, note
