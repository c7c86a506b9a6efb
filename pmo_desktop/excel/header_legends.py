"""A header that lists its column's levels by number after its name (issue 12, unseen set 73).

"Probabilidade 1.Baixa 2.Média 3.Alta", "Impacto 1. Baixa 2.Média 3.Alta" (the levels spread over the cell by runs
of spaces), "Impact 1-Low 2-Medium 3-High": the field is named by the words before the list, and the list declares
the column's scale, its top number (a 1–3 scale: its numbers read as low, medium, high). Before, the impact's
header matched nothing and was kept in the notes, and the probability's 2 and 3 were read on the office's 1–5.
"""

from __future__ import annotations

import re

# "1.Baixa", "2. Média", "3-High", "4) Very high", "5=Critical": a number, a mark, then a word or two
_LEVEL_ITEM_RE = re.compile(r"(?<![\w.,])(\d{1,2})\s*[.):=–-]\s*([^\W\d_]+(?:[ \t][^\W\d_]+)?)")
MIN_LEVELS, MAX_LEVELS = 3, 10


def header_legend(text: object) -> tuple[str, int] | None:
    """The name a header gives before its numbered levels and the top of the scale they make ("Impacto 1. Baixa
    2.Média 3.Alta" → ("Impacto", 3)); None unless three to ten levels follow the name numbered 1, 2, 3 … in order."""
    if not isinstance(text, str) or not any(ch.isdigit() for ch in text):
        return None
    items = list(_LEVEL_ITEM_RE.finditer(text))
    numbers = [int(m.group(1)) for m in items]
    if not MIN_LEVELS <= len(numbers) <= MAX_LEVELS or numbers != list(range(1, len(numbers) + 1)):
        return None
    name = text[:items[0].start()].strip(" \t\r\n:;,(-–")
    if not re.search(r"[^\W\d_]", name):
        return None
    return name, numbers[-1]
