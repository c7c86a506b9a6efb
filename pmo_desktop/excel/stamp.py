"""The export stamp: which office wrote a workbook, when, and each record as it was exported.

A very hidden sheet (never in the user's way, survives their sorting and filtering of the visible
sheets because it is keyed by ID) holds the office's id, the time, and for every exported record its
version and a short fingerprint of each field's value. Re-importing the workbook can then tell, field
by field, who changed what since the export (``merge_field``):

    workbook = as exported            → the colleague did not touch it: keep the office's value
    office   = as exported            → only the colleague changed it: take the workbook's
    office   = workbook               → both made the same change: nothing to do
    otherwise                         → both changed it differently: a conflict, shown side by side

so re-importing yesterday's workbook never reverts an edit made in the office today.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from types import NoneType
from typing import Any

from ..models import values as v
from ..models.fields import Field, Register

STAMP_SHEET = "_pmo_export"
MAGIC = "PMO Desktop export"
FORMAT = 1


def canonical(f: Field, value: Any) -> str:
    """A value as text that compares equal however it was typed or stored (a name in any case, a list
    in any order, 3 and 3.0, a date and its datetime)."""
    if v.is_blank(value) or value == []:
        return ""
    if f.kind.is_links:
        items = value if isinstance(value, list) else v.split_list(value)
        return "; ".join(sorted(str(i).strip().casefold() for i in items))
    if f.kind.is_reference or f.kind.is_key:  # a name or an ID in any case
        return str(value).strip().casefold()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return f"{float(value):.9g}"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    # Text as a workbook can carry it: XML reads CR as LF and holds no control characters, so a note with
    # Windows line breaks or a vertical tab pasted from Word comes back from its own export without them.
    # Compared as stored, every such record would look changed in the workbook, and re-importing an
    # untouched export would rewrite it.
    return _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fingerprint(f: Field, value: Any) -> str:
    return hashlib.blake2b(canonical(f, value).encode("utf-8"), digest_size=5).hexdigest()


@dataclass
class RowStamp:
    version: int
    fingerprints: dict[str, str] = field(default_factory=dict)  # field name → fingerprint as exported


@dataclass
class ExportStamp:
    office_id: str
    exported_at: str
    rows: dict[tuple[str, str], RowStamp] = field(default_factory=dict)  # (register, code casefolded)

    def row(self, register: str, code: str) -> RowStamp | None:
        return self.rows.get((register, code.strip().casefold()))

    def codes(self, register: str) -> set[str]:
        return {code for reg, code in self.rows if reg == register}


def stamped_fields(reg: Register) -> list[Field]:
    """The fields a stamp fingerprints: what an import can change (not the ID, not calculated columns)."""
    return [f for f in reg.fields if f.editable]


def stamp_rows(reg: Register, rows: Iterable[Sequence[Any]]) -> Iterable[list[Any]]:
    """Stamp lines for records as ``records.fetch_rows`` gives them: ``(id, version, *values)``."""
    key = reg.key_field
    if key is None:
        return
    position = {f.name: i + 2 for i, f in enumerate(reg.fields)}
    # Choices, levels, names and dates repeat: each is printed once (free text, mostly unique, is not kept).
    columns: list[tuple[int, str, Field, dict[tuple[type, Any], str] | None]] = [
        (position[f.name], f"{f.name}=", f, None if f.kind.free_text else {})
        for f in stamped_fields(reg)]
    code_at = position[key.name]
    for r in rows:
        parts = []
        for at, prefix, f, memo in columns:
            value = r[at]
            if memo is None or not isinstance(value, (str, int, float, date, NoneType)):
                parts.append(prefix + fingerprint(f, value))
                continue
            part = memo.get((value.__class__, value))
            if part is None:
                part = memo[(value.__class__, value)] = prefix + fingerprint(f, value)
            parts.append(part)
        yield [reg.name, r[code_at], r[1], ";".join(parts)]


def header_lines(office_id: str, exported_at: str) -> list[list[Any]]:
    return [[MAGIC, FORMAT], ["office", office_id], ["exported", exported_at], ["register", "id", "version", "fields"]]


PACKED_CELL = 30_000  # characters of stamp lines per cell, under Excel's 32,767


def pack(lines: Sequence[Sequence[Any]]) -> list[list[str]]:
    """Record lines packed many to a cell (tab between fields, a newline between lines): a stamp of
    10,000 records is then about a hundred cells, not 40,000, and costs the export little."""
    out: list[list[str]] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        text = "\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in line)
        if chunk and size + len(text) + 1 > PACKED_CELL:
            out.append(["\n".join(chunk)])
            chunk, size = [], 0
        chunk.append(text)
        size += len(text) + 1
    if chunk:
        out.append(["\n".join(chunk)])
    return out


def _unpacked(rows: Iterable[Sequence[Any]]) -> Iterable[Sequence[Any]]:
    for row in rows:
        if len(row) >= 1 and isinstance(row[0], str) and "\t" in row[0]:
            for text in row[0].split("\n"):
                yield text.split("\t")
        else:
            yield row


def parse_stamp(lines: Iterable[Sequence[Any]]) -> ExportStamp | None:
    """The stamp from the hidden sheet's rows; None when the sheet is not a stamp this version reads."""
    it = iter(lines)
    try:
        first = next(it)
        if not first or first[0] != MAGIC:
            return None
        office = next(it)
        exported = next(it)
        next(it)  # column headers
    except StopIteration:
        return None
    stamp = ExportStamp(str(office[1] if len(office) > 1 else ""), str(exported[1] if len(exported) > 1 else ""))
    for line in _unpacked(it):
        if len(line) < 4 or not line[0] or not line[1]:
            continue
        try:
            version = int(line[2])
        except (TypeError, ValueError):
            continue
        prints = dict(part.split("=", 1) for part in str(line[3] or "").split(";") if "=" in part)
        stamp.rows[(str(line[0]), str(line[1]).strip().casefold())] = RowStamp(version, prints)
    return stamp


class Merge(str, Enum):
    KEEP = "keep"          # leave the office's value
    TAKE = "take"          # take the workbook's value
    CONFLICT = "conflict"  # both changed it differently


def merge_field(f: Field, exported: str | None, office_now: Any, workbook: Any) -> Merge:
    """The three-way decision for one field (``exported``: its fingerprint in the stamp, None when the
    record was not in the export, which makes it a plain two-way update)."""
    mine = fingerprint(f, workbook)
    theirs = fingerprint(f, office_now)
    if mine == theirs:
        return Merge.KEEP
    if exported is None or theirs == exported:
        return Merge.TAKE
    if mine == exported:
        return Merge.KEEP
    return Merge.CONFLICT
