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
        self.before = self.document.operate(escalate, self.risk_id, self.reason, self.on, self.entity)
        self.setText(f"Escalate {self.document.office.read(get_record, self.risk_id, self.entity).code}")
        self.document.notify(self.register, [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        self.document.operate(restore_escalation, self.risk_id, self.before, "escalation undone", self.entity)


class DeEscalateCommand(DocumentCommand):
    def __init__(self, document: Document, risk_id: int, register: str = "risks"):
        super().__init__(document, f"De-escalate {register.rstrip('s')}")
        self.risk_id, self.register = risk_id, register
        self.entity = ENTITIES[register]
        self.before: EscalationState | None = None

    def apply(self) -> None:
        self.before = self.document.operate(de_escalate, self.risk_id, self.entity)
        self.setText(f"De-escalate {self.document.office.read(get_record, self.risk_id, self.entity).code}")
        self.document.notify(self.register, [self.risk_id])

    def revert(self) -> None:
        assert self.before is not None  # undo follows apply
        self.document.operate(restore_escalation, self.risk_id, self.before, "de-escalation undone", self.entity)


class RaiseIssueCommand(DocumentCommand):
    """Create the issue of an occurred risk; undo deletes it, redo restores the same issue (same code)."""

    def __init__(self, document: Document, risk_id: int, on: date | None = None):
        super().__init__(document, "Raise issue from risk")
        self.risk_id, self.on = risk_id, on
        self.issue_id: int | None = None
        self.snapshot: records.Snapshot | None = None

    def apply(self) -> None:
        if self.snapshot is None:
            issue = self.document.operate(raise_issue, self.risk_id, self.on, self.document.context)
            self.issue_id = issue.id
            self.setText(f"Raise issue {issue.code}")
        else:
            self.document.operate(records.restore_records, self.snapshot)

    def revert(self) -> None:
        assert self.issue_id is not None  # undo follows apply
        self.snapshot = self.document.operate(records.delete_records, ISSUES, [self.issue_id])


class ChangeRiskScaleCommand(DocumentCommand):
    """Change the file's scale and bands; every table and chart showing ratings recomputes."""

    def __init__(self, document: Document, scale: RiskScale):
        super().__init__(document, "Change risk scale")
        self.scale = scale
        self.previous: RiskScale | None = None

    def _set(self, scale: RiskScale) -> RiskScale:
        previous, _ = self.document.office.write(set_risk_scale, scale)
        self.document.settings_changed()
        return previous

    def apply(self) -> None:
        self.previous = self._set(self.scale)

    def revert(self) -> None:
        assert self.previous is not None  # undo follows apply
        self._set(self.previous)
