"""An issue whose title cell is empty while its row says what went wrong (issue 12, classes75a).

Two shapes of unseen set 75:

- a builder's 2,883 site notifications name 2,163 in "NOMBRE DE INCIDENCIA" and leave the older 720 unnamed,
  each with its full description: once the name column titled the records (``noun_titles``), the unnamed ones
  would have been left out "Issue cannot be empty" — and the first 200 rows were skipped as text under the
  header;
- a tester's bug list with no short description on one row, only its steps and its actual result ("ФР"): left
  out "Issue cannot be empty".

Such a row is a record all the same: the first of its description, its actual result or its steps that says
something (a link alone says nothing a title can) titles it by its first sentence, the whole text kept where it
was. Decided once a sheet (the columns that may title a row), per row for the empty titles, said once a sheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models.fields import Field
from .generic_results import titled_instead
from .vocabulary import asset_words, result_words, word_key

# "- ", "• ", "* " before a line of a list: no part of what the line says
_BULLET_RE = re.compile(r"^[\s\-–—•*·]+")


def untitled_from(register: str, headers: Sequence[Any], title_col: int | None,
                  fields: Sequence[tuple[int, Field]]) -> list[int]:
    """The columns that title an issue whose title cell is empty, in order: the description, the actual result,
    the steps; a risk's, the asset it names; none for another register or a sheet with no title column."""
    if title_col is None:
        return []
    keys = [word_key(h) if isinstance(h, str) else "" for h in headers]
    if register == "risks":
        # an asset-risk register (ISO 27001) writes its threat once and names the asset on every row: the asset
        # ("Application", "Activo") titles a row whose threat is empty (unseen set 94: refused whole)
        return [c for c, k in enumerate(keys) if c != title_col and k and k in asset_words()]
    if register != "issues":
        return []
    described = [c for c, f in fields if f.name == "description" and c != title_col]
    actual = [c for c, k in enumerate(keys) if c != title_col and k and k in result_words("actual")]
    steps = [c for c, k in enumerate(keys) if c != title_col and k and k in result_words("input")]
    out: list[int] = []
    for c in (*described, *actual, *steps):
        if c not in out:
            out.append(c)
    return out


def title_instead(row: Sequence[Any], columns: Sequence[int]) -> tuple[str, int] | None:
    """(the text that titles the row, the column it came from) for a row whose title cell is empty, else None."""
    for c in columns:
        said = titled_instead(row, len(row), [c])
        # (its first line or step: the title says what went wrong, the rest is kept whole where it was)
        first = next((x for x in (_BULLET_RE.sub("", part).strip() for part in (said or "").split("; ")) if x), None)
        if first:
            return first.rstrip(" .;:"), c
    return None


def untitled_note(headers: Sequence[Any], title_col: int, by: dict[int, int]) -> str:
    """What the preview says once a sheet of the rows titled by another column."""
    def head(c: int) -> str:
        return " ".join(str(headers[c]).split()) if c < len(headers) and headers[c] is not None else f"column {c + 1}"

    rows = sum(by.values())
    said = " or ".join(f"“{head(c)}”" for c in by)
    return (f"{rows} {'row leaves' if rows == 1 else 'rows leave'} “{head(title_col)}” empty: titled by the first "
            f"sentence of {said}, the whole text kept.")
