"""Undoable risk commands: escalate, de-escalate, raise an issue from an occurred risk, change the scale.

Like the table commands, each applies and reverts through the store in one transaction and then tells
the document which records changed.
"""

from __future__ import annotations

from datetime import date

from ...models import records
from ...models.registers.risks import ISSUES
from ...models.risk_escalation import EscalationState, de_escalate, escalate, get_risk, restore_escalation
from ...models.risk_issues import raise_issue
from ...models.risk_rules import RiskScale
from ...models.risk_scale_config import set_risk_scale
from ..document import Document, DocumentCommand


class EscalateCommand(DocumentCommand):
    def __init__(self, document: Document, risk_id: int, reason: str, on: date | None = None):
        super().__init__(document, "Escalate risk")
        self.risk_id, self.reason, self.on = risk_id, reason, on
        self.before: EscalationState | None = None

    def apply(self) -> None:
        with self.document.store.transaction() as s:
            self.before = escalate(s, self.risk_id, self.reason, self.on)
            self.setText(f"Escalate {get_risk(s, self.risk_id).code}")
        self.document.notify("risks", [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        with self.document.store.transaction() as s:
            restore_escalation(s, self.risk_id, self.before, "escalation undone")
        self.document.notify("risks", [self.risk_id])


class DeEscalateCommand(DocumentCommand):
    def __init__(self, document: Document, risk_id: int):
        super().__init__(document, "De-escalate risk")
        self.risk_id = risk_id
        self.before: EscalationState | None = None

    def apply(self) -> None:
        with self.document.store.transaction() as s:
            self.before = de_escalate(s, self.risk_id)
            self.setText(f"De-escalate {get_risk(s, self.risk_id).code}")
        self.document.notify("risks", [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        with self.document.store.transaction() as s:
            restore_escalation(s, self.risk_id, self.before, "de-escalation undone")
        self.document.notify("risks", [self.risk_id])


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
