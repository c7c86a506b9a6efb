"""An import as one undo step: undo puts back every record it touched, redo puts the import back."""

from __future__ import annotations

from typing import Any, Callable

from ...excel.import_plan import Action, ImportPlan
from ...excel.importer import apply_import
from ...models import operations, records
from ...models.registers import REGISTERS
from ..document import Document, DocumentCommand

ENTITIES = list(dict.fromkeys(reg.entity for reg in REGISTERS.values()))


def _tracked_import(store, plan: ImportPlan, progress, cancelled):
    """Apply the plan and note, inside its own transaction, exactly which records it inserted."""
    with operations.tracking() as changes:
        result = apply_import(store, plan, progress, cancelled)
    return result, changes


def _updated_ids(plan: ImportPlan) -> dict[type, list[int]]:
    """Records the import changes in place: updated rows, and parents whose child rows it replaces."""
    out: dict[type, set[int]] = {}
    for sheet in plan.sheets:
        reg = REGISTERS[sheet.register]
        for row in sheet.rows:
            if row.report.action == Action.UPDATE and row.record_id is not None:
                out.setdefault(reg.entity, set()).add(row.record_id)
        if sheet.parent_register:
            parent = REGISTERS[sheet.parent_register].entity
            out.setdefault(parent, set()).update(i for i in sheet.replace_parents.values() if i is not None)
    return {e: sorted(ids) for e, ids in out.items()}


class ImportCommand(DocumentCommand):
    """Apply an import plan. ``runner`` runs the long write (e.g. in a worker with progress)."""

    kept_to_retry = False  # its dialog stays open on the plan: Import again once the cause is gone

    def __init__(self, document: Document, plan: ImportPlan,
                 runner: Callable[[Callable[..., Any]], Any] | None = None):
        super().__init__(document, f"Import {plan.path.name}")
        self.plan = plan
        self.runner = runner or (lambda fn: fn(progress=None, cancelled=None))
        self.result = None
        self.updated = _updated_ids(plan)
        self.inserted: dict[type, list[int]] = {}
        self.before: records.Snapshot | None = None
        self.after: records.Snapshot | None = None

    def apply(self) -> None:
        store = self.document.store
        if self.after is None:  # the first time: really import
            self.before = self.document.office.read(records.capture_many, self.updated)
            self.result, changes = self.runner(
                lambda progress, cancelled: _tracked_import(store, self.plan, progress, cancelled))
            # Only what this import wrote: a record another window saved meanwhile is not ours to undo.
            self.inserted = changes.inserted_ids()
        else:  # redo after undo: the imported state, exactly as it was
            self.document.office.write(records.replace_records, self.updated, self.after)
        self.document.settings_changed()

    def revert(self) -> None:
        targets = {e: sorted(set(self.updated.get(e, [])) | set(self.inserted.get(e, []))) for e in ENTITIES}
        assert self.before is not None  # undo follows apply
        self.after, _ = self.document.office.write(records.replace_records, targets, self.before)
        self.document.settings_changed()
