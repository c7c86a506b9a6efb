"""A field rated once a year in columns side by side (unseen96): "Interest_2019 | Interest_2020", "Influence 2019 |
Influence 2020", "Attitude (2019) | Attitude (2020)" — the same header but for its year, each naming one field.

The latest year's column is the field (the assessment as it stands now) and the earlier ones are kept in the notes
under their headers. Before, the first column won, so a stakeholder analysis updated in 2020 was imported with its
2019 ratings and the current ones were only in the notes. Decided once a header row, from the header cells alone:
every column naming the field must carry exactly one year (1900–2099) and be the same header once the year is taken
out; a lone dated column or headers that differ otherwise ("Budget 2024 | Forecast 2025") are left as they were.
The report says which column was read (``latest_year_note``).
"""

from __future__ import annotations

import re
from typing import Any

from ..models import values as v

_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def year_and_stem(cell: Any) -> tuple[int, str] | None:
    """The year a header cell names and its header without the year ("Interest_2019" → (2019, "interest")), or
    None where it names no year, more than one, or nothing but the year."""
    if not isinstance(cell, str):
        return None
    years = _YEAR_RE.findall(cell)
    if len(years) != 1:
        return None
    stem = v.normalise_key(_YEAR_RE.sub(" ", cell))
    return (int(years[0]), stem) if stem else None


def latest_year_wins(row: list[Any], mapping: dict[int, str], duplicates: dict[int, str]) -> None:
    """Columns naming one field that differ only by their year: the latest year's column takes the field, the
    others are duplicates (kept labelled in the notes). ``mapping`` and ``duplicates`` are changed in place."""
    for name in sorted(set(duplicates.values())):
        cols = sorted([c for c, n in mapping.items() if n == name] + [d for d, n in duplicates.items() if n == name])
        if len(cols) < 2 or any(c >= len(row) for c in cols):
            continue
        dated = [year_and_stem(row[c]) for c in cols]
        if any(d is None for d in dated):
            continue
        years = [d[0] for d in dated if d is not None]
        stems = {d[1] for d in dated if d is not None}
        if len(stems) != 1 or len(set(years)) != len(years):
            continue
        latest = cols[years.index(max(years))]
        for c in cols:
            mapping.pop(c, None)
            duplicates.pop(c, None)
            if c == latest:
                mapping[c] = name
            else:
                duplicates[c] = name


def latest_year_note(headers: list[Any], mapping: dict[int, str], extras: dict[int, str],
                     labels: dict[str, str]) -> str | None:
    """The report's sentence for the fields read from their latest year's column ("“Interest_2020”, the latest of
    its years, read as the interest; “Interest_2019” kept in the notes"), or None where no field was."""
    said: list[str] = []
    for c, name in sorted(mapping.items()):
        if c >= len(headers) or (dated := year_and_stem(headers[c])) is None:
            continue
        others = [headers[e] for e in sorted(extras) if e < len(headers) and e != c
                  and (d := year_and_stem(headers[e])) is not None and d[1] == dated[1] and d[0] < dated[0]]
        if others:
            said.append(f"“{headers[c]}” read as the {labels.get(name, name).lower()}, "
                        f"{', '.join(f'“{o}”' for o in others)} kept in the notes")
    if not said:
        return None
    return ("A field rated for several years side by side is read from its latest year's column, the assessment as "
            f"it stands: {'; '.join(said)}.")
