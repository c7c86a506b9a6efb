"""Finding the header row of a sheet and which register it holds.

Real templates put a title block above the header, use their own words ("Likelihood", "Risk Owner",
"Impact (1-5)") and sometimes two header rows ("Residual" merged over "Probability | Impact"). A row
scores by how many distinct fields of a register its cells name; the best row among the first rows
wins. Words are compared with ``normalise_key`` so case, spaces and punctuation never matter.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..models.fields import Kind
from ..models.registers import REGISTERS
from ..models.values import normalise_key

PARENT = "@parent"  # mapping target of a child sheet's "Risk ID" / "Benefit ID" column
MIN_FIELDS = 2      # a header names at least this many fields
SHEET_NAME_BONUS = 1.5


@dataclass(frozen=True)
class SheetKind:
    """What a sheet can hold: a register, or a register's child rows keyed by the parent's ID."""

    register: str
    parent: str | None = None          # parent register (child sheets)
    parent_labels: tuple[str, ...] = ()
    sheet_names: tuple[str, ...] = ()  # besides the register's own sheet synonyms

    @property
    def reg(self):
        return REGISTERS[self.register]

    @property
    def is_child(self) -> bool:
        return self.parent is not None

    def matches_sheet_name(self, title: str) -> bool:
        names = {normalise_key(n) for n in (self.reg.title, *self.reg.sheet_synonyms, *self.sheet_names)}
        return normalise_key(title) in names


MAIN_KINDS = (
    SheetKind("risks"),
    SheetKind("stakeholders"),
    SheetKind("benefits"),
    SheetKind("communications"),
)
CHILD_KINDS = (
    SheetKind("risk_actions", parent="risks", parent_labels=("Risk ID", "Risk", "Risk ref", "Risk code", "Risk no"),
              sheet_names=("Risk actions", "Actions", "Mitigation actions", "Risk mitigations")),
    SheetKind("benefit_plan", parent="benefits", parent_labels=("Benefit ID", "Benefit", "Benefit ref"),
              sheet_names=("Benefit plan", "Planned trajectory", "Benefit trajectory", "Benefit profile plan")),
    SheetKind("benefit_measurements", parent="benefits", parent_labels=("Benefit ID", "Benefit", "Benefit ref"),
              sheet_names=("Benefit measurements", "Measurements", "Benefit actuals", "Actuals")),
)
ALL_KINDS = MAIN_KINDS + CHILD_KINDS


def kind_for(register: str) -> SheetKind:
    for kind in ALL_KINDS:
        if kind.register == register:
            return kind
    from .errors import WorkbookError

    names = ", ".join(k.register for k in ALL_KINDS)
    raise WorkbookError(f"“{register}” cannot be imported from Excel; choose one of {names}.")


def header_variants(text) -> list[str]:
    """Keys a header cell may stand for: as written, and without a bracketed note ("Impact (H/M/L)")."""
    if text is None:
        return []
    raw = str(text).strip()
    if not raw:
        return []
    keys = [normalise_key(raw)]
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", raw)
    bare_key = normalise_key(bare)
    if bare_key and bare_key not in keys:
        keys.append(bare_key)
    return [k for k in keys if k]


@lru_cache(maxsize=None)
def field_keys(kind: SheetKind) -> dict[str, str]:
    """Normalised header word → field name. Labels and names win over another field's synonyms."""
    keys: dict[str, str] = {}
    for label in kind.parent_labels:
        keys.setdefault(normalise_key(label), PARENT)
    reg = kind.reg
    for f in reg.fields:
        for word in (f.label, f.name):
            keys.setdefault(normalise_key(word), f.name)
    for f in reg.fields:
        for word in f.synonyms:
            keys.setdefault(normalise_key(word), f.name)
    return keys


@dataclass
class HeaderMatch:
    kind: SheetKind
    row: int                              # 1-based row number of the header
    mapping: dict[int, str]               # column index (0-based) → field name (or PARENT)
    headers: list[str]                    # the header texts as written, one per column
    score: float = 0.0
    duplicates: dict[int, str] = field(default_factory=dict)  # column → field already taken by another

    @property
    def width(self) -> int:
        return len(self.headers)


def map_header(kind: SheetKind, row: list, group: list | None = None) -> tuple[dict[int, str], dict[int, str]]:
    """Column → field for one candidate header row; ``group`` is the row above (two-level headers)."""
    keys = field_keys(kind)
    mapping: dict[int, str] = {}
    duplicates: dict[int, str] = {}
    used: set[str] = set()
    for c, cell in enumerate(row):
        variants = header_variants(cell)
        if not variants:
            continue
        candidates: list[str] = []
        top = group[c] if group is not None and c < len(group) else None
        if isinstance(top, str) and top.strip() and top != cell:
            candidates += [g + v for g in header_variants(top) for v in variants]
        candidates += variants
        hit = None
        clash = None
        for key in candidates:
            name = keys.get(key)
            if name is None:
                continue
            if name in used:
                clash = clash or name
                continue
            hit = name
            break
        if hit:
            mapping[c] = hit
            used.add(hit)
        elif clash:
            duplicates[c] = clash
    return mapping, duplicates


def _score(kind: SheetKind, mapping: dict[int, str], sheet_title: str) -> float:
    score = float(len(mapping))
    if kind.is_child and PARENT not in mapping.values():
        score -= 1.0  # child rows mean nothing without the parent's ID
    if kind.matches_sheet_name(sheet_title):
        score += SHEET_NAME_BONUS
    return score


def detect_header(rows: list[list], sheet_title: str, kinds=ALL_KINDS) -> HeaderMatch | None:
    """The best (register, header row) among the top rows of a sheet, or None when nothing fits."""
    best: HeaderMatch | None = None
    for i, row in enumerate(rows):
        group = rows[i - 1] if i > 0 else None
        for kind in kinds:
            mapping, dups = map_header(kind, row, group)
            if len(mapping) < MIN_FIELDS:
                continue
            score = _score(kind, mapping, sheet_title)
            if best is None or score > best.score:
                headers = ["" if v is None else str(v).strip() for v in row]
                while headers and not headers[-1]:
                    headers.pop()
                best = HeaderMatch(kind, i + 1, mapping, headers, score, dups)
    return best


def layout_key(headers: list[str]) -> str:
    """A short stable key for a workbook layout: the hash of its normalised header texts."""
    text = "\x1f".join(normalise_key(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def computed_fields(kind: SheetKind) -> set[str]:
    return {f.name for f in kind.reg.fields if f.kind == Kind.COMPUTED}
