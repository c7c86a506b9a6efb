"""Heat map counts: one aggregate query, risks per probability × impact cell (inherent or residual).

The filter mirrors the risks table's quick filters (project, level, owner, status, rating) so that the
chart and the table always agree on which risks are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from sqlalchemy import ColumnElement, String, and_, case, cast, false, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from .program import Person, Project
from .risk_rules import RiskScale
from .risks import Risk


@dataclass(frozen=True)
class RiskFilter:
    """Which risks to count. ``None`` means no restriction; "" in a name set means "none set"."""

    open_only: bool = False
    projects: frozenset[str] | None = None
    levels: frozenset[str] | None = None
    owners: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    ratings: frozenset[str] | None = None   # inherent rating bands

    def conditions(self, scale: RiskScale) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.open_only:
            out.append(Risk.status == "Open")
        if self.statuses is not None:
            out.append(Risk.status.in_(self.statuses))
        if self.levels is not None:
            out.append(Risk.level.in_(self.levels))
        if self.projects is not None:
            out.append(_named(Risk.project_id, Project, self.projects))
        if self.owners is not None:
            out.append(_named(Risk.owner_id, Person, self.owners))
        if self.ratings is not None:
            out.append(rating_condition(scale, self.ratings, Risk.probability, Risk.impact))
        return out


def _named(column: InstrumentedAttribute[int | None], target: type[Project] | type[Person],
           names: frozenset[str]) -> ColumnElement[bool]:
    real = [n for n in names if n]
    parts = [column.in_(select(target.id).where(target.name.in_(real)))] if real else []
    if "" in names:
        parts.append(column.is_(None))
    return or_(*parts) if parts else false()


def rating_condition(scale: RiskScale, ratings: Collection[str], p_col: InstrumentedAttribute[int | None],
                     i_col: InstrumentedAttribute[int | None]) -> ColumnElement[bool]:
    """SQL for "the score p × i falls in one of these bands" on this file's scale."""
    bands = sorted(scale.bands, key=lambda b: b.min_score)
    score = p_col * i_col
    parts: list[ColumnElement[bool]] = []
    for n, band in enumerate(bands):
        if band.rating not in ratings:
            continue
        upper = bands[n + 1].min_score if n + 1 < len(bands) else None
        parts.append(and_(score >= band.min_score, score < upper) if upper is not None else score >= band.min_score)
    if "" in ratings:
        parts.append(or_(p_col.is_(None), i_col.is_(None)))
    return or_(*parts) if parts else false()


@dataclass(frozen=True)
class HeatCell:
    probability: int
    impact: int
    count: int
    ids: tuple[int, ...]
    opportunities: int = 0  # of ``count``

    @property
    def kind(self) -> str:
        """"Opportunity" where every risk in the cell is one — drawn in the opportunities' shades; a cell
        with a threat in it keeps the threats' colour, the warning the map is there to give."""
        return "Opportunity" if self.count and self.opportunities == self.count else "Threat"


def heat_map(session: Session, scale: RiskScale, residual: bool = False,
             flt: RiskFilter = RiskFilter()) -> dict[tuple[int, int], HeatCell]:
    """Counts (and the risk ids) per (probability, impact) cell; unscored risks are left out."""
    p = Risk.residual_probability if residual else Risk.probability
    i = Risk.residual_impact if residual else Risk.impact
    opportunities = func.sum(case((Risk.kind == "Opportunity", 1), else_=0))
    query = (select(p, i, func.count(Risk.id), func.aggregate_strings(cast(Risk.id, String), ","), opportunities)
             .where(p.is_not(None), i.is_not(None), *flt.conditions(scale))
             .group_by(p, i))
    cells: dict[tuple[int, int], HeatCell] = {}
    for prob, imp, count, ids, upside in session.execute(query):
        assert prob is not None and imp is not None  # unscored risks are filtered out above
        cells[(prob, imp)] = HeatCell(prob, imp, count, tuple(sorted(int(x) for x in ids.split(","))),
                                      int(upside or 0))
    return cells


def unscored_count(session: Session, scale: RiskScale, residual: bool = False, flt: RiskFilter = RiskFilter()) -> int:
    """How many of the risks ``flt`` counts the map leaves out for want of a score (its probability or impact, or
    their residual pair, not given): a new office's risks typed with their inherent scores only left the Residual
    map empty under "0 risks scored", with no word of why (walk43)."""
    p = Risk.residual_probability if residual else Risk.probability
    i = Risk.residual_impact if residual else Risk.impact
    return session.scalar(select(func.count(Risk.id)).where(or_(p.is_(None), i.is_(None)),
                                                               *flt.conditions(scale))) or 0


def cell_label(probability: int, impact: int, residual: bool) -> str:
    return f"P{probability} × I{impact} ({'residual' if residual else 'inherent'})"
