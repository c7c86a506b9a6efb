"""Undoable risk commands: escalate, de-escalate, raise an issue from an occurred risk, change the scale.

Like the table commands, each applies and reverts through the store in one transaction and then tells
the document which records changed.
"""

from __future__ import annotations

from datetime import date

from ...models import records
from ...models.registers.risks import ISSUES
from ...models.risk_escalation import EscalationState, de_escalate, escalate, get_record, restore_escalation
from ...models.risk_issues import raise_issue
from ...models.risk_rules import RiskScale
from ...models.risk_scale_config import set_risk_scale
from ...models.risks import IssueEntry, Risk
from ..document import Document, DocumentCommand

ENTITIES: dict[str, type[Risk] | type[IssueEntry]] = {"risks": Risk, "issues": IssueEntry}


class EscalateCommand(DocumentCommand):
    """Escalate a risk, or an issue (``register="issues"``), to the program."""

    def __init__(self, document: Document, risk_id: int, reason: str, on: date | None = None, register: str = "risks"):
        super().__init__(document, f"Escalate {register.rstrip('s')}")
        self.risk_id, self.reason, self.on, self.register = risk_id, reason, on, register
        self.entity = ENTITIES[register]
        self.before: EscalationState | None = None

    def apply(self) -> None:
        with self.document.store.transaction() as s:
            self.before = escalate(s, self.risk_id, self.reason, self.on, self.entity)
            self.setText(f"Escalate {get_record(s, self.risk_id, self.entity).code}")
        self.document.notify(self.register, [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        with self.document.store.transaction() as s:
            restore_escalation(s, self.risk_id, self.before, "escalation undone", self.entity)
        self.document.notify(self.register, [self.risk_id])


class DeEscalateCommand(DocumentCommand):
    def __init__(self, document: Document, risk_id: int, register: str = "risks"):
        super().__init__(document, f"De-escalate {register.rstrip('s')}")
        self.risk_id, self.register = risk_id, register
        self.entity = ENTITIES[register]
        self.before: EscalationState | None = None

    def apply(self) -> None:
        with self.document.store.transaction() as s:
            self.before = de_escalate(s, self.risk_id, self.entity)
            self.setText(f"De-escalate {get_record(s, self.risk_id, self.entity).code}")
        self.document.notify(self.register, [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        with self.document.store.transaction() as s:
            restore_escalation(s, self.risk_id, self.before, "de-escalation undone", self.entity)
        self.document.notify(self.register, [self.risk_id])


class RaiseIssueCommand(DocumentCommand):
    """Create the issue of an occurred risk; undo deletes it, redo restores the same issue (same code)."""

    def __init__(self, document: Document, risk_id: int, on: date | None = None):
        super().__init__(document, "Raise issue from risk")
        self.risk_id, self.on = risk_id, on
        self.issue_id: int | None = None
        self.snapshot: records.Snapshot | None = None

    def apply(self) -> None:
        with self.document.store.transaction() as s:
            if self.snapshot is None:
                issue = raise_issue(s, self.risk_id, self.on, self.document.context)
                self.issue_id = issue.id
                self.setText(f"Raise issue {issue.code}")
            else:
                records.restore_records(s, self.snapshot)
        self.document.notify("issues", [self.issue_id])

    def revert(self) -> None:
        assert self.issue_id is not None  # undo follows apply
        with self.document.store.transaction() as s:
            self.snapshot = records.delete_records(s, ISSUES, [self.issue_id])
        self.document.notify("issues", [self.issue_id])


class ChangeRiskScaleCommand(DocumentCommand):
    """Change the file's scale and bands; every table and chart showing ratings recomputes."""

    def __init__(self, document: Document, scale: RiskScale):
        super().__init__(document, "Change risk scale")
        self.scale = scale
        self.previous: RiskScale | None = None

    def _set(self, scale: RiskScale) -> RiskScale:
        with self.document.store.transaction() as s:
            previous = set_risk_scale(s, scale)
        self.document.settings_changed()
        return previous

    def apply(self) -> None:
        self.previous = self._set(self.scale)

    def revert(self) -> None:
        assert self.previous is not None  # undo follows apply
        self._set(self.previous)
