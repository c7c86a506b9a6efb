"""The program's dependency map: projects (and the outside parties they wait on) as nodes, dependencies as
arrows from who delivers to who needs it, and what a late or at-risk dependency threatens downstream.

Downstream of a dependency is the project that needs it, then every project that needs something from
that one (and so on, following open dependencies), with their outputs and the benefits they enable
(linked to the project, or through an output's outcomes). Plain column queries, no ORM objects.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .benefits import Benefit
from .links import benefit_outcome, benefit_project, output_outcome
from .program import Output, Project
from .raid import Dependency

CLOSED = frozenset({"Delivered", "Cancelled"})
TROUBLE = ("Late", "At risk")
STATUS_COLOURS = {"On track": "#2e7d32", "At risk": "#ef6c00", "Late": "#c62828", "Delivered": "#78909c",
                  "Cancelled": "#bdbdbd"}
Node = tuple[str, str]   # ("project", "12") or ("external", "Card scheme")


@dataclass(frozen=True)
class Arrow:
    id: int
    code: str
    title: str
    source: Node
    target: Node
    status: str          # as recorded, or "Late" when its date has passed undelivered
    criticality: str
    needed_by: date | None


@dataclass(frozen=True)
class Threat:
    """What a dependency in trouble puts at risk downstream."""

    projects: tuple[str, ...]
    outputs: tuple[str, ...]     # "OUT-003 Store network live"
    benefits: tuple[str, ...]    # "B-002 Shorter queues"


@dataclass
class DependencyMap:
    labels: dict[Node, str] = field(default_factory=dict)     # node → what the box says
    codes: dict[Node, str] = field(default_factory=dict)      # project code ("P-001"), "" outside
    columns: list[list[Node]] = field(default_factory=list)   # left to right: who delivers before who needs
    arrows: list[Arrow] = field(default_factory=list)
    unplaced: int = 0     # dependencies whose ends are not named yet (not drawn)

    def in_trouble(self) -> list[Arrow]:
        return [a for a in self.arrows if a.status in TROUBLE]


def effective_status(status: str, needed_by: date | None, today: date) -> str:
    """An open dependency past its needed-by date is late, whatever its status still says."""
    if status not in CLOSED and needed_by is not None and needed_by < today:
        return "Late"
    return status


def load_dependency_map(session: Session, today: date) -> DependencyMap:
    graph = DependencyMap()
    names = {pid: (code, name) for pid, code, name in session.execute(select(Project.id, Project.code, Project.name))}
    rows = session.execute(select(Dependency.id, Dependency.code, Dependency.title, Dependency.from_project_id,
                                  Dependency.external_party, Dependency.to_project_id, Dependency.status,
                                  Dependency.criticality, Dependency.needed_by).order_by(Dependency.code)).all()

    def node(pid: int | None, party: str) -> Node | None:
        if pid is not None and pid in names:
            key: Node = ("project", str(pid))
            graph.codes[key], graph.labels[key] = names[pid]
            return key
        if party:
            key = ("external", party)
            graph.codes[key], graph.labels[key] = "", party
            return key
        return None

    for did, code, title, source_id, party, target_id, status, criticality, needed_by in rows:
        source, target = node(source_id, party or ""), node(target_id, "")
        if source is None or target is None:
            graph.unplaced += 1
            continue
        graph.arrows.append(Arrow(did, code, title, source, target, effective_status(status, needed_by, today),
                                  criticality, needed_by))
    # Columns: each node one step right of the furthest node it waits on (cycles are cut at a revisit).
    depth: dict[Node, int] = {n: 0 for n in graph.labels}
    for _ in range(len(depth)):
        changed = False
        for a in graph.arrows:
            if depth[a.target] < depth[a.source] + 1 <= len(depth):
                depth[a.target] = depth[a.source] + 1
                changed = True
        if not changed:
            break
    # An outside party sits just left of the first project that needs it, so its arrow crosses no box.
    for n in depth:
        if n[0] == "external":
            targets = [depth[a.target] for a in graph.arrows if a.source == n]
            depth[n] = max(0, min(targets, default=1) - 1)
    width = max(depth.values(), default=-1) + 1
    graph.columns = [sorted((n for n, d in depth.items() if d == col), key=lambda n: graph.labels[n].casefold())
                     for col in range(width)]
    return graph


def threatened(session: Session, dependency_id: int) -> Threat:
    """The projects, outputs and benefits downstream of a dependency (see the module's note)."""
    dep = session.execute(select(Dependency.to_project_id).where(Dependency.id == dependency_id)).first()
    if dep is None or dep[0] is None:
        return Threat((), (), ())
    feeds: dict[int, set[int]] = {}
    for source, target, status in session.execute(
            select(Dependency.from_project_id, Dependency.to_project_id, Dependency.status)
            .where(Dependency.from_project_id.is_not(None), Dependency.to_project_id.is_not(None))):
        if status not in CLOSED and source is not None and target is not None:
            feeds.setdefault(source, set()).add(target)
    reached: list[int] = []
    queue = deque([dep[0]])
    while queue:
        pid = queue.popleft()
        if pid in reached:
            continue
        reached.append(pid)
        queue.extend(sorted(feeds.get(pid, ())))
    names = dict(session.execute(select(Project.id, Project.name).where(Project.id.in_(reached))).all())
    outputs = session.execute(select(Output.id, Output.code, Output.name).where(Output.project_id.in_(reached))
                              .order_by(Output.code)).all()
    benefit_ids = set(session.scalars(select(benefit_project.c.benefit_id)
                                      .where(benefit_project.c.project_id.in_(reached))))
    if outputs:
        benefit_ids |= set(session.scalars(
            select(benefit_outcome.c.benefit_id)
            .join(output_outcome, output_outcome.c.outcome_id == benefit_outcome.c.outcome_id)
            .where(output_outcome.c.output_id.in_([o[0] for o in outputs]))))
    benefits = session.execute(select(Benefit.code, Benefit.title).where(Benefit.id.in_(benefit_ids))
                               .order_by(Benefit.code)).all() if benefit_ids else []
    return Threat(tuple(names[p] for p in reached if p in names), tuple(f"{c} {n}" for _i, c, n in outputs),
                  tuple(f"{c} {t}" for c, t in benefits))
