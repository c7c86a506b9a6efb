"""A risk rated per area under captions, read as one rating: the highest of its areas (classes53b).

Some registers rate each risk once for every area it touches, under a caption a column group:
"delivery assurance | customer requirements | …" each over "frequency | impact" (a business simulation's
risks), or "Índice de gravidade do impacto" over "Escopo | Qualidade | Tempo | Custo" (a course project's
impact on scope, quality, time and cost). The office holds one likelihood and one impact a risk. Before, the
first area's impact was taken as the risk's and the others went to the notes, some under a bare "impact".

Decided: a risk of several areas is rated by its worst area, as a PMO reads it (and as such sheets work out
their own score: "P = MAX(G)×O"). Where each area gives a likelihood and an impact, the area whose two
ratings multiply highest gives both (a pair one area was assessed at, never the likelihood of one with the
impact of another); where the areas give one rating, the highest. That rating is set in a column the import
makes after the sheet's own, named by the field, and said once; every area's cells stay in the notes, each
under its area's caption. No Qt, no database: the header's lines and the rows only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch, map_header
from .vocabulary import first_assessed_words, reassessed_words, value_words, word_key, words_of

# the fewest areas that make a sheet rated per area (one caption over one pair is an ordinary two-line header)
MIN_AREAS = 2
RATING_FIELDS = ("probability", "impact")
# an area a risk does not touch: left empty or dashed
_UNRATED = ("", "-", "–", "—")


@dataclass(frozen=True)
class Areas:
    """The areas a sheet rates its risks in: for each rating field, the column of each area, in the sheet's
    order, and each area's caption; the header line the sheet's columns are named on (0-based)."""

    columns: dict[str, list[int]]   # field → each area's column
    captions: list[str]             # the areas' names, in order
    header_at: int
    by_caption: bool                # the areas are captions over the fields (else the field is the caption)


def _text(row: list[Any], c: int) -> str:
    x = row[c] if c < len(row) else None
    return " ".join(str(x).split()) if x is not None and str(x).strip() else ""


def _groups(upper: list[Any], lower: list[Any]) -> list[tuple[str, list[int]]]:
    """The caption groups of a two-line header: a caption of the upper line and the columns under it, to the
    next caption or a column the lower line leaves empty (a caption merged over its columns is stored in its
    first cell only)."""
    out: list[tuple[str, list[int]]] = []
    width = max(len(upper), len(lower))
    c = 0
    while c < width:
        caption = _text(upper, c)
        if not caption or not _text(lower, c):
            c += 1
            continue
        cols = [c]
        c += 1
        while c < width and not _text(upper, c) and _text(lower, c):
            cols.append(c)
            c += 1
        out.append((caption, cols))
    return out


def _rating_of(match: HeaderMatch, label: str) -> str | None:
    name = map_header(match.kind, [label])[0].get(0)
    return name if name in RATING_FIELDS else None


def _names_a_rating(match: HeaderMatch, caption: str) -> str | None:
    """The rating a caption over several columns names, as a whole or by one of its words ("Índice de gravidade
    do impacto": its "impacto"); one rating only."""
    found = {_rating_of(match, caption)} | {_rating_of(match, w) for w in caption.split() if len(w) > 3}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _assessed_again(captions: list[str]) -> bool:
    """Captions of one risk assessed again, not of its areas: a word of a first or a later assessment
    ("Inherent", "Residual", "Current", "Target"), or captions differing only by a number ("Qualitative (Phase
    1)", "Qualitative (Phase 2)"). Their pairs are the register's inherent and residual ratings, read as such."""
    times = first_assessed_words() | reassessed_words()
    if any(w in times for caption in captions for w in words_of(caption)):
        return True
    return len({re.sub(r"\d+", "#", caption) for caption in captions}) == 1


def _levels(top: list[list[Any]], first: int, cols: list[int]) -> bool:
    """Whether the columns' filled cells under the header are ratings (level words, numbers 0–10), most of them."""
    cells = [r[c] for r in top[first:] for c in cols if c < len(r) and str(r[c] if r[c] is not None else "").strip()
             not in _UNRATED]
    rated = [x for x in cells if (level := _level(x)) is not None and 0 <= level <= 10]
    return bool(cells) and len(rated) * 4 >= len(cells) * 3


def areas_of(match: HeaderMatch, top: list[list[Any]]) -> Areas | None:
    """The areas a risk sheet's two-line header rates in (``top``: the first rows as stored, the header's lower
    line at ``match.row``), or None. Two shapes: captions naming areas over the same rating labels again and
    again ("delivery assurance" over "frequency | impact", then "customer requirements" over the same), at least
    one group's columns unread by the header as found (an inherent and a residual pair under their captions are
    read, and stay so); or a caption naming a rating over columns naming areas ("impact" over "Scope | Quality |
    Time | Cost"), none of them a rating of its own. Decided once a sheet from its header lines."""
    if match.kind.register != "risks" or match.row < 2 or match.row > len(top):
        return None
    upper, lower = top[match.row - 2], top[match.row - 1]
    groups = _groups(upper, lower)
    mapped = set(match.mapping)
    # areas as captions over the same ratings each
    rated = [(caption, cols, [_rating_of(match, _text(lower, c)) for c in cols]) for caption, cols in groups]
    rated = [(caption, cols, names) for caption, cols, names in rated
             if all(names) and len(set(names)) == len(names) and _rating_of(match, caption) is None]
    if len(rated) >= MIN_AREAS and not _assessed_again([caption for caption, _k, _n in rated]) and \
            len({tuple(names) for _c, _k, names in rated}) == 1 and \
            any(not set(cols) <= mapped for _c, cols, _n in rated) and \
            _levels(top, match.row, [c for _c, cols, _n in rated for c in cols]):
        columns: dict[str, list[int]] = {}
        for _caption, cols, names in rated:
            for c, name in zip(cols, names):
                columns.setdefault(name or "", []).append(c)
        return Areas(columns, [caption for caption, _k, _n in rated], match.row - 1, True)
    # a rating as the caption over its areas
    for caption, cols in groups:
        name = _names_a_rating(match, caption)
        if name is None or name in match.mapping.values() or len(cols) < MIN_AREAS or \
                any(_rating_of(match, _text(lower, c)) for c in cols) or \
                _assessed_again([_text(lower, c) for c in cols]) or not _levels(top, match.row, cols):
            continue
        return Areas({name: cols}, [_text(lower, c) for c in cols], match.row - 1, False)
    return None


def _level(x: Any) -> float | None:
    """A cell's rating for comparing areas: a number as written, a level word as its level on the five-point
    scale; None for anything else (a dash for an area the risk does not touch)."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    text = str(x or "").strip()
    try:
        return float(text.replace(",", "."))
    except ValueError:
        level = value_words("scale").get(word_key(text)) if text else None
        return float(level) if level is not None and level.isdigit() else None


def worst_area(areas: Areas, row: list[Any]) -> dict[str, Any]:
    """The ratings of a row's worst area, as written, by field: the area whose ratings multiply highest where
    each area gives two (the first such area on a tie), else the highest rating; nothing for a row no area
    rates."""
    def cell(c: int) -> Any:
        return row[c] if c < len(row) else None

    names = [n for n in RATING_FIELDS if n in areas.columns]
    best: tuple[float, int] | None = None
    for k in range(len(areas.columns[names[0]])):
        levels = [_level(cell(areas.columns[n][k])) for n in names]
        if any(level is None for level in levels):
            continue
        product = 1.0
        for level in levels:
            product *= level or 0.0
        if best is None or product > best[0]:
            best = (product, k)
    if best is None:
        return {}
    return {n: cell(areas.columns[n][best[1]]) for n in names}


def read_per_area(areas: Areas, rows: list[list[Any]], labels: dict[str, str],
                  merges: list[tuple[int, int, int, int]] | None = None) -> tuple[list[list[Any]], str]:
    """The sheet's rows with a column after its own for each rating the areas give, holding the worst area's
    rating of each row under the field's label (``labels``), and the area columns' lower labels named with
    their area where the areas are captions ("delivery assurance impact": two areas' "impact" told apart in the
    notes); and the sentence saying so once. A row a merged cell comes down into (``merges``: 1-based rows,
    0-based columns) goes on with the record above it (a course project's risk on two lines, words then
    numbers): it gets no rating of its own, the record's first line gives it."""
    going_on = {r - 1 for r1, _c1, r2, _c2 in merges or () for r in range(r1 + 1, r2 + 1)}
    width = max(len(r) for r in rows)
    names = [n for n in RATING_FIELDS if n in areas.columns]
    out = [list(r) + [None] * (width - len(r)) for r in rows]
    h = areas.header_at
    if areas.by_caption:
        for k, caption in enumerate(areas.captions):
            for n in names:
                c = areas.columns[n][k]
                if h and not _text(rows[h - 1], c):  # under the caption's first column the header reads both lines
                    out[h][c] = f"{caption} {_text(rows[h], c)}"
    for i, r in enumerate(out):
        if i < h:
            r.extend([None] * len(names))
        elif i == h:
            r.extend(labels[n] for n in names)
        else:
            worst = {} if i in going_on else worst_area(areas, rows[i])
            r.extend(worst.get(n) for n in names)
    rated = " and ".join(labels[n].lower() for n in names)
    how = ("the area whose ratings multiply highest gives both" if len(names) > 1 else "the highest of them")
    said = (f"Rated per area ({', '.join(areas.captions)}): the risk's {rated} {'are' if len(names) > 1 else 'is'} "
            f"its worst area's — {how}, "
            f"as a PMO rates a risk of several areas — in the column{'s' if len(names) > 1 else ''} "
            f"{', '.join(labels[n] for n in names)} made by the import; every area's ratings are kept in the notes.")
    return out, said


def scale_fields(match: HeaderMatch) -> dict[str, str]:
    """The labels of the register's rating fields, for the column the import makes for each."""
    return {f.name: f.label for f in match.kind.reg.fields if f.name in RATING_FIELDS and f.kind is Kind.SCALE}
