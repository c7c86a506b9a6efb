"""A sheet whose type column says its rows are issues, read as the issue log (issue 12, classes73a, unseen set 73).

A RAID log's type column sends each row to the register its type names, and a tracker's "Bug" beside "Feature"
sends its bugs to the issue log (``raid_type_column``): both need two kinds among the values. A small bug list
with one kind and a word of its own ("序号 | 类型 | 模块 | 描述 | 处理结果": "Bug" on nine rows, "待办项" — a to-do —
on one) had no second kind, and its header alone (a number and a description) was read as the risk register's:
ten bugs became ten risks. Values say what the rows are more surely than headers do, so a type column naming
issues on four rows in five, and no other register on any, makes the sheet the issue log, when nothing else of
its header is a risk's own (a probability, an impact, a proximity) and its name names no other register. The rows
of no named kind go with the rest, as a tracker's untyped rows do.
Decided once a sheet, from its header and first rows.
"""

from __future__ import annotations

from typing import Any

from .header_detection import RAID_REGISTERS, HeaderMatch, _raid_type_header, raid_kind, specific_fields

_ISSUES = "issues"
_MIN_TYPED = 2  # one bug says little of the rows under it


def issue_type_column(match: HeaderMatch, sample: list[list[Any]]) -> int | None:
    """The column whose values type the rows of ``match`` (another RAID register's reading) as issues, or None."""
    kind = match.kind
    if kind.is_child or kind.register == _ISSUES or kind.register not in RAID_REGISTERS or \
            kind.matches_sheet_name(match.sheet_title or ""):
        return None
    for c, head in enumerate(match.headers):
        if not isinstance(head, str) or not head.strip() or not _raid_type_header(head):
            continue
        if specific_fields(kind, {k: n for k, n in match.mapping.items() if k != c}):
            return None  # a risk's own ratings: the type is the risk's category
        values = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        kinds = [raid_kind(v) for v in values]
        if len(values) >= _MIN_TYPED and set(kinds) - {None} == {_ISSUES} and \
                kinds.count(_ISSUES) * 5 >= len(values) * 4:
            return c
    return None


def typed_note(match: HeaderMatch, col: int, was: str) -> str:
    """The sheet note saying why the sheet is read as the issue log."""
    return (f"Read as the issue log, not the {was}: its “{match.headers[col].strip()}” column names issues (bugs) on "
            "most rows and no other register on any.")
