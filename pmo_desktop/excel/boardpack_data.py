"""Everything the board pack shows, gathered in one consistent read (a snapshot), as plain data.

Aggregates come from the database (counts per heat-map cell, per rating, per quadrant); only the few
rows the board actually reads (top risks, stakeholders, benefits, communications due) are fetched.
So a file of 10,000 risks costs a GROUP BY, not 10,000 rows of Python.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import benefit_rules
from ..models.fields import Context
from ..models.program import Program
from ..models.records import fetch_rows, load_context
from ..models.registers import REGISTERS
from ..models.risks import Risk
from ..models.stakeholder_rules import add_months, is_overdue, next_due
from ..models.store import Store
from ..models.summary import OPEN, heat_map_counts, risk_score_groups, summarize

TOP_RISKS = 20
MAX_MONTHS = 120   # points of the planned-vs-realized line


@dataclass
class FinancialPoint:
    month: date
    planned: float
    realized: float | None   # None after today: nothing realized yet


@dataclass
class BoardPackData:
    program: str
    sponsor: str
    manager: str
    today: date
    ctx: Context
    summary: dict
    inherent_cells: Counter
    residual_cells: Counter
    top_risks: list[dict]
    stakeholders: list[dict]
    benefits: list[dict]
    financial: list[FinancialPoint] = field(default_factory=list)
    comms_due: list[dict] = field(default_factory=list)

    @property
    def financial_to_date(self) -> tuple[float, float]:
        """(planned, realized) change from baseline of the financial benefits, as of today."""
        past = [p for p in self.financial if p.month <= self.today]
        if not past:
            return 0.0, 0.0
        return past[-1].planned, past[-1].realized or 0.0


def _as_dicts(reg, rows) -> list[dict]:
    names = ["id", "version", *reg.field_names]
    return [dict(zip(names, r)) for r in rows]


def _top_risks(session: Session, ctx: Context) -> list[dict]:
    residual = Risk.residual_probability * Risk.residual_impact
    inherent = Risk.probability * Risk.impact
    ids = session.scalars(
        select(Risk.id).where(Risk.status == OPEN)
        .order_by(residual.desc().nulls_last(), inherent.desc().nulls_last(), Risk.id).limit(TOP_RISKS)
    ).all()
    rank = {rid: i for i, rid in enumerate(ids)}
    rows = fetch_rows(session, REGISTERS["risks"], ctx, ids=ids)
    return sorted(_as_dicts(REGISTERS["risks"], rows), key=lambda r: rank[r["id"]])


def _direction(base: float, target: float) -> float:
    return -1.0 if target < base else 1.0


def _benefits(session: Session, ctx: Context, today: date) -> tuple[list[dict], list[FinancialPoint]]:
    reg = REGISTERS["benefits"]
    data = reg.prefetch(session, None)
    plans, actuals = data["plans"], data["actuals"]
    benefits = _as_dicts(reg, fetch_rows(session, reg, ctx))
    tracked = []   # (plan, actuals, baseline, direction) of financial benefits with a plan
    for b in benefits:
        plan = sorted(plans.get(b["id"], []))
        b["planned_now"] = benefit_rules.planned_value(plan, today) if plan else None
        if not plan or b["dis_benefit"] or not (b["category"] or "").startswith("Financial"):
            continue
        base = b["baseline_value"] if b["baseline_value"] is not None else plan[0][1]
        target = b["target_value"] if b["target_value"] is not None else plan[-1][1]
        tracked.append((plan, sorted(actuals.get(b["id"], [])), base, _direction(base, target)))
    if not tracked:
        return benefits, []
    first = min(plan[0][0] for plan, *_ in tracked)
    last = max(max(plan[-1][0] for plan, *_ in tracked), today)
    month = date(first.year, first.month, 1)
    series = []
    while month <= last and len(series) < MAX_MONTHS:
        end = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        on = min(end, today) if month <= today else end
        planned = sum(d * (benefit_rules.planned_value(plan, on) - base) for plan, _, base, d in tracked)
        realized = None
        if month <= today:
            realized = 0.0
            for _, acts, base, d in tracked:
                known = [v for when, v in acts if when <= on]
                if known:
                    realized += d * (known[-1] - base)
        series.append(FinancialPoint(month, planned, realized))
        month = add_months(month, 1)
    return benefits, series


def _comms_due(session: Session, ctx: Context, today: date) -> list[dict]:
    reg = REGISTERS["communications"]
    month_end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    due = []
    for c in _as_dicts(reg, fetch_rows(session, reg, ctx)):
        c["next_due"] = next_due(c["frequency"], c["last_held"], c["planned_on"], today)
        c["overdue"] = is_overdue(c["next_due"], today)
        if c["next_due"] is not None and c["next_due"] <= month_end:
            due.append(c)
    return sorted(due, key=lambda c: (c["next_due"], c["code"]))


def read_board_pack(store: Store, today: date | None = None) -> BoardPackData:
    today = today or date.today()
    with store.snapshot() as session:
        ctx = load_context(session)
        program = session.scalars(select(Program).order_by(Program.id)).first()
        groups = risk_score_groups(session)
        benefits, financial = _benefits(session, ctx, today)
        return BoardPackData(
            program=program.name if program else "",
            sponsor=program.sponsor if program else "",
            manager=program.manager if program else "",
            today=today,
            ctx=ctx,
            summary=summarize(session, ctx, today=today),
            inherent_cells=heat_map_counts(groups),
            residual_cells=heat_map_counts(groups, residual=True),
            top_risks=_top_risks(session, ctx),
            stakeholders=_as_dicts(REGISTERS["stakeholders"], fetch_rows(session, REGISTERS["stakeholders"], ctx)),
            benefits=benefits,
            financial=financial,
            comms_due=_comms_due(session, ctx, today),
        )
