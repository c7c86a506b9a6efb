"""A plan column holding the response strategy, the action written beside it (issue 12, classes75b).

A risk register's response sheet headed "Código | Título | Acción | Descripción" writes under "Acción" (action, a
word for the response plan) the strategy alone — "Asumir", "Mitigación", "Plan de contingencia" — and under
"Descripción" what will be done. Read by the header's words, the strategy word became each risk's action and the
description was dropped as a second "description" (unseen set 75: ten actions "Mitigación", no response set, the
real action lost). A column whose cells are the strategy is the response, whatever its header calls it; and a
description column standing right after it describes that response: it is the plan, each cell the risk's action.

Decided once a sheet from its header and first rows: only a plan column most of whose filled cells (two at least)
are a strategy word of the files, whole, on a sheet with no response column of its own — or half of them, the
rest a few short words repeated (classes94: "Mitigar" / "Corregir inmediatamente"). Said once a sheet.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .header_detection import RESPONSE_PLAN, HeaderMatch
from .vocabulary import value_words, word_key, words_of

MIN_STRATEGIES = 2  # one strategy word is a cell, not the column's way of writing
MAX_KINDS = 3       # ... a column of types writes a few values, over and over
MAX_KIND_WORDS = 3  # ... each in a few words
# the first letters of a word for a description ("Descripción", "Descrição", "Beschreibung", "Описание")
_DESCRIPTION_STEMS = ("descri", "beschr", "beskriv", "omschr", "описан", "açıkla", "tanım")


def _strategy_column(cells: list[Any]) -> bool:
    """Whether most filled cells of a column (two at least) are a response strategy, written whole."""
    strategies = value_words("risks.response")
    filled = [c for c in cells if isinstance(c, str) and c.strip()]
    named = sum(1 for c in filled if word_key(c) in strategies)
    if named >= MIN_STRATEGIES and named * 2 > len(filled):
        return True
    # half its cells a strategy word and the rest a few short words repeated ("Mitigar" and "Corregir
    # inmediatamente" on ten rows, unseen set 94): a column of response types, the unknown one kept in the notes
    kinds = {word_key(c) for c in filled}
    return named >= MIN_STRATEGIES and named * 2 >= len(filled) and len(kinds) <= MAX_KINDS < len(filled) and \
        all(len(words_of(c)) <= MAX_KIND_WORDS for c in filled)


def _a_description(header: str) -> bool:
    """A header that is a description word alone, or with the words before it short ("Descripción", "Description
    of the action"): what the column beside it is, described."""
    words = words_of(header)
    return bool(words) and words[0].startswith(_DESCRIPTION_STEMS)


def strategies_not_plans(match: HeaderMatch, sample: list[list[Any]]) -> tuple[HeaderMatch, str] | None:
    """The sheet with its plan column of strategy words read as the response, and the description column right
    after it as the plan; with the note saying so. None when no plan column is so written."""
    if "response" not in match.kind.reg.field_names or "response" in match.mapping.values():
        return None
    for c in sorted(c for c, n in match.mapping.items() if n == RESPONSE_PLAN):
        if not _strategy_column([r[c] if c < len(r) else None for r in sample]):
            continue
        mapping = dict(match.mapping)
        mapping[c] = "response"
        said = f"“{match.headers[c]}” holds the response strategy on every row or most, so it is read as the response"
        beside = c + 1
        if beside < len(match.headers) and mapping.get(beside) in (None, "description") and \
                _a_description(match.headers[beside]) and RESPONSE_PLAN not in mapping.values():
            mapping[beside] = RESPONSE_PLAN
            said += f"; “{match.headers[beside]}” beside it describes that response: each cell is the risk's action"
        duplicates = {k: n for k, n in match.duplicates.items() if k not in mapping}
        return replace(match, mapping=mapping, duplicates=duplicates), said + "."
    return None
