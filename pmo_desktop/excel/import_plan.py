"""What an import will do, row by row: the preview the user confirms before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class Action(str, Enum):
    INSERT = "insert"
    UPDATE = "update"
    SKIP = "skip"
    ERROR = "error"

    @property
    def verb(self) -> str:
        return {"insert": "will insert", "update": "will update", "skip": "will skip", "error": "error"}[self.value]


@dataclass(slots=True)  # one per row: slots keep a 200,000-row preview small
class RowReport:
    sheet: str
    row: int            # the row number as Excel shows it
    action: Action
    code: str = ""      # the record's ID (for child rows: the parent's ID)
    reason: str = ""    # why skipped / why refused / what changes

    def __str__(self) -> str:
        text = f"{self.sheet} row {self.row}: {self.action.verb}"
        if self.code:
            text += f" {self.code}"
        return f"{text} — {self.reason}" if self.reason else text


@dataclass(slots=True)
class PlannedRow:
    report: RowReport
    values: dict[str, Any] = field(default_factory=dict)  # parsed values by field name, ready for records
    record_id: int | None = None                          # updates: the stored record
    parent_code: str | None = None                        # child rows: the parent's ID


@dataclass
class SheetPlan:
    sheet: str
    register: str
    header_row: int
    mapping: dict[int, str]              # column index (0-based) → field name ("@parent" for a parent ID column)
    headers: list[str]                   # header texts as written, one per column
    layout: str                          # key under which the confirmed mapping is remembered
    parent_register: str | None = None
    ignored: dict[int, str] = field(default_factory=dict)  # column → why it is not imported
    rows: list[PlannedRow] = field(default_factory=list)
    replace_parents: dict[str, int] = field(default_factory=dict)  # child sheets: parent code → id (None: new)
    replaced_children: int = 0           # stored child rows the sheet's rows replace

    @property
    def reports(self) -> list[RowReport]:
        return [r.report for r in self.rows]

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.report.action == action)


@dataclass
class ImportPlan:
    """A preview: nothing has been written. Give it to ``apply_import`` to write it all at once."""

    path: Path
    sheets: list[SheetPlan] = field(default_factory=list)
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet, reason)

    @property
    def reports(self) -> list[RowReport]:
        return [r for s in self.sheets for r in s.reports]

    @property
    def errors(self) -> list[RowReport]:
        return [r for r in self.reports if r.action == Action.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: Action) -> int:
        return sum(s.count(action) for s in self.sheets)

    def summary(self) -> str:
        """One sentence for the preview dialog or the command line."""
        n_ins, n_upd, n_skip, n_err = (self.count(a) for a in Action)
        text = f"{n_ins} to insert, {n_upd} to update, {n_skip} skipped"
        if n_err:
            first = self.errors[0]
            return (f"{text}, {n_err} with errors — nothing will be imported until they are fixed "
                    f"(first: {first.sheet} row {first.row}: {first.reason}).")
        return text + "."


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    children_replaced: int = 0
    sheets: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"Imported {self.inserted} new and {self.updated} updated records "
                f"({self.unchanged} unchanged, {self.skipped} rows skipped).")
