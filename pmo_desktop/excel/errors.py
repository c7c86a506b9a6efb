"""Errors of the Excel import, each ``str()`` one sentence a PMO user can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.errors import StoreError

if TYPE_CHECKING:  # pragma: no cover
    from .import_plan import ImportPlan, RowReport


class WorkbookError(StoreError):
    """The workbook cannot be read safely (not an .xlsx, encrypted, hostile, too big, no register found)."""


class MappingError(WorkbookError):
    """A column mapping given by the caller cannot be used (unknown field, one field mapped twice)."""


class ImportRefused(StoreError):
    """The import was refused and nothing was written; ``plan`` carries the per-row report."""

    def __init__(self, message: str, plan: "ImportPlan | None" = None) -> None:
        super().__init__(message)
        self.plan = plan

    @property
    def errors(self) -> list[RowReport]:
        return self.plan.errors if self.plan is not None else []


class ImportCancelled(StoreError):
    """The user cancelled; nothing was written."""
