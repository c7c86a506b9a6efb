"""Everything the board pack shows, gathered in one consistent read (a snapshot), as plain data.

Aggregates come from the database (counts per heat-map cell, per rating, per quadrant); only the few
rows the board actually reads (top risks, stakeholders, benefits, communications due) are fetched.
So a file of 10,000 risks costs a GROUP BY, not 10,000 rows of Python.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import clock
from ..models.benefit_rollup import Rollup, program_rollups
from ..models.fields import Context, Register
from ..models.program import Program
from ..models.records import fetch_rows, load_context
from ..models.registers import REGISTERS
from ..models.risks import Risk
from ..models.status_rollup import ProjectStatus, latest_status, milestones, milestones_slipped
from ..models.store import Store
from ..models.summary import OPEN, HeatCell, Summary, heat_map_counts, risk_score_groups, summarize

TOP_RISKS = 20

# One record of a register as the board reads it: "id", "version", then each field's value by its name.
Record = dict[str, Any]


@dataclass
class BoardPackData:
    program: str
    sponsor: str
    manager: str
    today: date
    ctx: Context
    summary: Summary
    inherent_cells: Counter[HeatCell]
    residual_cells: Counter[HeatCell]
    top_risks: list[Record]          # open threats only
    stakeholders: list[Record]
    benefits: list[Record]
    # The program's own roll-ups (one per money basis), exactly as the Benefits page shows them.
    rollups: list[Rollup] = field(default_factory=list)
    top_opportunities: list[Record] = field(default_factory=list)
    comms_due: list[Record] = field(default_factory=list)
    # Each project's latest status report beside the one before it, and the milestones slipped or late.
    project_status: list[ProjectStatus] = field(default_factory=list)
    slipped_milestones: list[Record] = field(default_factory=list)


def _as_dicts(reg: Register, rows: Iterable[Sequence[Any]]) -> list[Record]:
    names = ["id", "version", *reg.field_names]
    return [dict(zip(names, r)) for r in rows]


def _top_risks(session: Session, ctx: Context, kind: str) -> list[Record]:
    """The open threats (or opportunities) by residual, then inherent score: a threat's score is how bad
    it could be, an opportunity's how good, so the two are ranked apart and never in one list."""
    residual = Risk.residual_probability * Risk.residual_impact
    inherent = Risk.probability * Risk.impact
    ids = session.scalars(
        select(Risk.id).where(Risk.status == OPEN, Risk.kind == kind)
        .order_by(residual.desc().nulls_last(), inherent.desc().nulls_last(), Risk.id).limit(TOP_RISKS)
    ).all()
    rank = {rid: i for i, rid in enumerate(ids)}
    rows = fetch_rows(session, REGISTERS["risks"], ctx, ids=ids)
    return sorted(_as_dicts(REGISTERS["risks"], rows), key=lambda r: rank[r["id"]])


def _comms_due(session: Session, ctx: Context) -> list[Record]:
    """Communications due by the end of this month (overdue included); next due and overdue are the
    register's own computed columns, worked out for the pack's day (``ctx.today``)."""
    reg = REGISTERS["communications"]
    today = ctx.today
    month_end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    due = [c for c in _as_dicts(reg, fetch_rows(session, reg, ctx))
           if c["next_due"] is not None and c["next_due"] <= month_end]
    return sorted(due, key=lambda c: (c["next_due"], c["code"]))


def read_board_pack(store: Store, today: date | None = None) -> BoardPackData:
    today = today or clock.today()
    with store.snapshot() as session:
        ctx = load_context(session, today)
        program = session.scalars(select(Program).order_by(Program.id)).first()
        groups = risk_score_groups(session)
        return BoardPackData(
            program=program.name if program else "",
            sponsor=program.sponsor if program else "",
            manager=program.manager if program else "",
            today=today,
            ctx=ctx,
            summary=summarize(session, ctx, today=today),
            inherent_cells=heat_map_counts(groups),
            residual_cells=heat_map_counts(groups, residual=True),
            top_risks=_top_risks(session, ctx, "Threat"),
            top_opportunities=_top_risks(session, ctx, "Opportunity"),
            stakeholders=_as_dicts(REGISTERS["stakeholders"], fetch_rows(session, REGISTERS["stakeholders"], ctx)),
            benefits=_as_dicts(REGISTERS["benefits"], fetch_rows(session, REGISTERS["benefits"], ctx)),
            rollups=program_rollups(session),
            comms_due=_comms_due(session, ctx),
            project_status=latest_status(session, ctx),
            slipped_milestones=milestones_slipped(milestones(session, ctx)),
        )
