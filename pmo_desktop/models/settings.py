"""The office's own settings, each declared once: key, type, default, validation.

A setting lives in the file (table ``settings``, one JSON value per key), so a copied office keeps its
risk scale and thresholds. Code never reads or writes the raw JSON: it reads ``RISK_SCALE.read(session)``
and writes ``RISK_SCALE.write(session, scale)``, which validate, convert and default the same way for
the GUI, the importer, the exports and the CLI. Keys a layout or a user adds (the column mapping
remembered for one workbook layout) are a ``SettingFamily``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from .benefit_rules import Thresholds
from .paper import check_paper
from .program import Setting
from .raid_rules import DecisionRights
from .risk_review import ReviewCadence
from .risk_rules import RiskScale
from .status_rules import ReportingCadence

T = TypeVar("T")


def _no_check(_value: Any) -> None:
    return None


@dataclass(frozen=True)
class SettingKey(Generic[T]):
    """One typed setting. ``load`` turns the stored JSON (or None when unset) into the value, so the
    default lives in one place too; ``dump`` turns the value back into JSON; ``check`` refuses a value
    with a ``ValidationError``."""

    key: str
    load: Callable[[Any], T]
    dump: Callable[[T], Any]
    check: Callable[[T], None] = _no_check
    label: str = ""

    def read(self, session: Session) -> T:
        row = session.get(Setting, self.key)
        return self.load(json.loads(row.value) if row is not None else None)

    def write(self, session: Session, value: T) -> T:
        """Validate and store ``value``; returns the previous value (for undo)."""
        self.check(value)
        previous = self.read(session)
        session.merge(Setting(key=self.key, value=json.dumps(self.dump(value))))
        session.flush()
        return previous


@dataclass(frozen=True)
class SettingFamily:
    """Settings sharing a prefix, one per name (a remembered import mapping per workbook layout)."""

    prefix: str

    def read(self, session: Session, name: str) -> Any:
        row = session.get(Setting, self.prefix + name)
        return json.loads(row.value) if row is not None else None

    def write(self, session: Session, name: str, value: Any) -> None:
        session.merge(Setting(key=self.prefix + name, value=json.dumps(value)))


def _check_scale(scale: RiskScale) -> None:
    from .risk_scale_config import validate_scale  # it reads risks; imported late to keep this module light

    validate_scale(scale)


def _check_paper(value: str) -> None:
    if value:  # "": the locale's paper
        check_paper(value)


RISK_SCALE: SettingKey[RiskScale] = SettingKey(
    "risk_scale", RiskScale.from_setting, RiskScale.to_setting, _check_scale, "Risk scale and rating bands")
BENEFIT_THRESHOLDS: SettingKey[Thresholds] = SettingKey(
    "benefit_thresholds", Thresholds.from_setting, Thresholds.to_setting, label="Benefit status thresholds")
DECISION_RIGHTS: SettingKey[DecisionRights] = SettingKey(
    "decision_rights", DecisionRights.from_setting, DecisionRights.to_setting, DecisionRights.validate,
    "Decision rights (which decisions are the program's)")
REVIEW_CADENCE: SettingKey[ReviewCadence] = SettingKey(
    "risk_review_cadence", ReviewCadence.from_setting, ReviewCadence.to_setting, ReviewCadence.validate,
    "Risk review cadence (days between reviews by rating)")
# How often projects report status (weekly, monthly, quarterly): the period a new status report is for.
REPORTING_CADENCE: SettingKey[ReportingCadence] = SettingKey(
    "reporting_cadence", ReportingCadence.from_setting, ReportingCadence.to_setting, ReportingCadence.validate,
    "Reporting cadence (weekly, monthly or quarterly status reports)")
# The paper the board pack is printed on, "A4" or "Letter"; unset ("") the computer's locale's (models/paper.py).
BOARD_PACK_PAPER: SettingKey[str] = SettingKey(
    "board_pack_paper", lambda data: str(data or ""), str,
    _check_paper, "Board pack paper (A4 or Letter)")
IMPORT_MAPPINGS = SettingFamily("import_mapping:")
# Which office a workbook was exported from (its export stamp), made on first need: a re-import of the
# office's own export merges three ways; a colleague's workbook is never taken for it.
OFFICE_ID: SettingKey[str] = SettingKey("office_id", lambda data: str(data or ""), str, label="Office identity")


def ensure_office_id(session: Session) -> str:
    """This office's id, made (a random UUID) and stored the first time it is asked for."""
    office = OFFICE_ID.read(session)
    if not office:
        import uuid

        office = uuid.uuid4().hex
        OFFICE_ID.write(session, office)
    return office

# Every declared setting, for the whole-office export and for the test that walks them.
SETTINGS: tuple[SettingKey[Any], ...] = (RISK_SCALE, BENEFIT_THRESHOLDS, DECISION_RIGHTS, REVIEW_CADENCE,
                                        REPORTING_CADENCE)
