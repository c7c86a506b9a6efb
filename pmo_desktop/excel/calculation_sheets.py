"""A calculation titled by its references and formulas: no register (issue 12, classes79, unseen set 79).

An engineer's risk calculation ("Equação | Id | Valor | Referência | Tolerável | Atende?" over "R1=RA+RB+… | R1 |
7.3e-06 | Eq. 1 | 1e-05 | Sim", small tables stacked under their own headers) shares an "Id" with a register and
nothing else: the column taken to name the rows was "Referência", whose cells are references to a standard's
equations and tables ("Eq. B.1", "Tabela B.2") and formulas written as text ("Pa=Pta*Pb"). Its 19 rows became
risks titled "Eq. 1" and "Pa=Pta*Pb". A person names a record in words; a reference or a formula names a step of a
calculation.

Decided once a sheet, from its first rows under the header: the column naming the rows was guessed (no header
names it), no field of the register but the ID and that column is matched, and three in four of its cells (four
at least) are formulas ("symbol = expression") or references (a word and a numbered part, with a dot: "Eq. 4",
"Table B.2", "Art. 5.1"). By the cells' shape, in any language.
"""

from __future__ import annotations

import re
from typing import Any

from .header_detection import HeaderMatch, real_fields

CALCULATION_REASON = "a calculation"
_MIN_CELLS = 4
# "Pa=Pta*Pb", "R1 = RA + RB", "Pc=1-(1-Pcp)*(1-Pcd)", "Ad=L*W+2*(3*H)*(L+W)+pi*(3*H)²": a symbol, "=", an expression
_FORMULA_RE = re.compile(r"^\s*[^\W_][\w'’]{0,15}\s*=\s*[\w.,+\-*/^()²³√π=\s]*[\w)²³]\s*$")
# "Eq. 1", "Eq B.5", "Tabela B.2", "Fig. 3.1", "Art. 5": a word (an abbreviation's dot or not) and a numbered part
_REFERENCE_RE = re.compile(r"^\s*[^\W\d_]{1,12}(?:\.\s*|\s+)(?:[A-Z]\.?\s*)?\d{1,3}(?:\.\d{1,3})*\s*$")


def _formula(text: str) -> bool:
    found = _FORMULA_RE.match(text)
    return found is not None and any(ch in text.split("=", 1)[1] for ch in "+-*/^()²³√") or \
        found is not None and re.search(r"[^\W\d_]", text.split("=", 1)[1]) is not None


def _reference(text: str) -> bool:
    return _REFERENCE_RE.match(text) is not None and "." in text


def calculation_sheet(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why the sheet read as ``match`` is a calculation (``rows``: the first rows under its header): the column
    guessed to name its rows holds formulas and references, and only an ID is matched beside it; None otherwise."""
    col = match.titled_by
    if col is None or match.kind.is_child:
        return None
    reg = match.kind.reg
    key = reg.key_field.name if reg.key_field is not None else ""
    title = match.mapping.get(col, "")
    if real_fields(match.mapping) - {key, title}:
        return None
    cells = [x.strip() for r in rows if col < len(r) and isinstance(x := r[col], str) and x.strip()]
    if len(cells) < _MIN_CELLS:
        return None
    shaped = [x for x in cells if _formula(x) or _reference(x)]
    if len(shaped) * 4 < len(cells) * 3:
        return None
    shown = ", ".join(f"“{x}”" for x in dict.fromkeys(shaped[:1] + [x for x in shaped if _formula(x)][:1]))
    heading = match.headers[col].strip() if col < len(match.headers) else ""
    return (f"{CALCULATION_REASON}, not the {reg.title.lower()}: “{heading}”, the column taken to name its rows, "
            f"holds formulas and references ({shown}), and no other column but an ID is one of the register's.")
