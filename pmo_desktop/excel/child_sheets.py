"""A register's records given twice in one workbook: a second sheet keyed by the same IDs as the register's
sheet before it ("Maßnahmen" beside "Risiken", both by "RNr") adds to those records — it is their child
sheet (risk actions, a benefit's plan), its ID column naming the parent. Read any other way its rows are
the same records again, refused as IDs given twice."""

from __future__ import annotations

from .header_detection import (
    ALL_KINDS,
    PARENT,
    RESPONSE_PLAN,
    SAMPLE,
    HeaderMatch,
    SheetKind,
    check_values,
    map_header,
    real_fields,
    refill,
)
from .workbook_reader import SheetReader

# A child field the parent's own mapping may have found under the parent's name for it: the risk's owner
# column on a sheet of measures is the actionee; its response-plan column the action.
_FROM_PARENT = {"actionee": ("owner",), "description": (RESPONSE_PLAN,)}


def child_kinds(register: str) -> tuple[SheetKind, ...]:
    """The register's child sheets (a risk's actions; a benefit's plan and measurements)."""
    return tuple(k for k in ALL_KINDS if k.parent == register)


def names_its_records(match: HeaderMatch) -> bool:
    """The sheet's mapping fills the register's required field (a risk action's action)."""
    required = next((f.name for f in match.kind.reg.fields if f.required), None)
    return required in match.mapping.values()


def _key_column(match: HeaderMatch) -> int | None:
    key = match.kind.reg.key_field
    return None if key is None else next((c for c, n in match.mapping.items() if n == key.name), None)


def _codes(reader: SheetReader, match: HeaderMatch, col: int) -> set[str]:
    rows = reader.top_rows(fill_merged=False)[match.row:]
    return {str(r[col]).strip() for r in rows if col < len(r) and r[col] is not None and str(r[col]).strip()}


def _as_child(reader: SheetReader, match: HeaderMatch, key_col: int, child: SheetKind) -> HeaderMatch | None:
    """The sheet read as ``child`` with its ID column naming the parent, or None when the child's own
    required field (the action) is nowhere on it."""
    rows = reader.top_rows()
    header = rows[match.row - 1]
    group = rows[match.row - 2] if match.row >= 2 else None
    mapping, dups = map_header(child, header, group)
    mapping = {c: n for c, n in mapping.items() if n != PARENT and c != key_col}
    for name, parents in _FROM_PARENT.items():
        if name in child.reg.field_names and name not in mapping.values():
            col = next((c for c, n in match.mapping.items() if n in parents and c not in mapping and c != key_col), None)
            if col is not None:
                mapping[col] = name
    sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
    named = set(mapping.values())
    mapping, demoted = check_values(child, mapping, sample, header)
    mapping = refill(child, header, group, mapping, demoted, sample, named - set(mapping.values()))
    mapping[key_col] = PARENT
    found = HeaderMatch(child, match.row, mapping, match.headers, float(len(real_fields(mapping))), dups, demoted,
                        match.sheet_title)
    return found if names_its_records(found) else None


def _only_names_them(match: HeaderMatch) -> bool:
    """The sheet gives none of the register's own facts beyond naming its records (ID, title, category,
    project, owner): a second sheet rating the same risks ("Risk Response Matrix" with probability and
    impact) goes on with those records instead (row_planner joins them)."""
    reg = match.kind.reg
    naming = {f.name for f in reg.fields if f.required or f.kind.is_key} | {"category", "project", "owner"}
    return not real_fields(match.mapping) - naming


def children_by_their_ids(found: list[tuple[SheetReader, HeaderMatch]]) -> list[tuple[SheetReader, HeaderMatch]]:
    """Each sheet read as a register whose IDs are all among those of that register's sheet before it, and
    that only names those records, is read as the register's child sheet when one fits it."""
    seen: dict[str, set[str]] = {}
    out: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        kind = match.kind
        key_col = None if kind.is_child else _key_column(match)
        if key_col is None:
            out.append((reader, match))
            continue
        codes = _codes(reader, match, key_col)
        earlier = seen.get(kind.register, set())
        if codes and codes <= earlier and _only_names_them(match):
            fits = [m for m in (_as_child(reader, match, key_col, k) for k in child_kinds(kind.register))
                    if m is not None]
            if fits:
                out.append((reader, max(fits, key=lambda m: m.score)))
                continue
        seen.setdefault(kind.register, set()).update(codes)
        out.append((reader, match))
    return out

