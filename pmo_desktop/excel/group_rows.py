"""Stakeholders listed by their group, under categories written once (issue 12, left56, unseen set 73).

A stakeholder register lists people and groups alike: "子项目 | 相关方类别 | 细分类别 | 姓名 | 组织职位 | 需求" — a
sub-project, a category ("用户", users), a sub-category ("二手车商", used-car dealers; "个人", individuals), a name,
a position, the needs. The CEO has a name; the user groups under him have none, only their sub-category and their
needs, and the category is written once over the rows it groups and left blank below. The rule that joins a row
with no name to the record above it (a stakeholder's needs going on over several lines) glued three user groups'
needs onto the CEO.

A category is a label, not a text that goes on: a row writing its own label in a group column — the register's
group column, or a column kept in the notes whose header ends in a group's word ("细分类别", "Sub-category") — where
the record above holds another or none is a record of its own. With no name and no role, it is named by its most
particular label (the sub-category before the category), and takes the category written above it when its own is
left blank (filled down). Decided once a sheet from the header (which columns are labels), then row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .vocabulary import header_words, words_of


def _spaced(text: str) -> str:
    """The words of a header, one space between (a hyphen parts them too: "Sub-category")."""
    return " ".join(words_of(text))


def _group_keys(register: str) -> tuple[str, ...]:
    return tuple(w for k, field in header_words(register).items() if field == "group" and (w := _spaced(k)))


def _ends_in(key: str, word: str) -> bool:
    """``key`` is ``word`` qualified before it: "sub category" of "category", "细分类别" of "类别" (a language
    written without spaces joins its words)."""
    if key == word or not key.endswith(word):
        return False
    before = key[-len(word) - 1]
    return before == " " or not word.isascii() and not before.isascii()


def label_columns(register: str, headers: Sequence[Any], group_col: int | None, extras: dict[int, str]) -> list[int]:
    """The group column, then the columns kept in the notes whose header is a group's word with a qualifier
    before it (the sub-groups), left to right; empty when the register keeps no group or none is given."""
    if group_col is None:
        return []
    words = _group_keys(register)
    subs = [c for c in extras if c < len(headers) and isinstance(headers[c], str) and
            any(_ends_in(_spaced(headers[c]), w) for w in words)]
    return [group_col, *sorted(subs)]


def _text(x: Any) -> str:
    return x.strip() if isinstance(x, str) else ""


def own_label(row: Sequence[Any], above: Sequence[Any], columns: Sequence[int]) -> bool:
    """Whether ``row`` writes a label of its own in one of the label ``columns`` — one the record above does not
    hold there: then it is no line of that record going on."""
    return any(c < len(row) and _text(row[c]) and (c >= len(above) or _text(row[c]) != _text(above[c]))
               for c in columns)


def naming_label(row: Sequence[Any], columns: Sequence[int]) -> tuple[int, str] | None:
    """(column, label) of the most particular label the row writes: a sub-group's before the group's, the
    rightmost of them first."""
    for c in [*sorted(columns[1:], reverse=True), *columns[:1]]:
        if c < len(row) and _text(row[c]):
            return c, _text(row[c])
    return None
