"""The benefits map as graph data: projects → outputs → outcomes → benefits → strategic objectives.

Nodes are placed in five columns and ordered within each column to keep arrows short (a few
barycenter sweeps). Orphans are flagged: a benefit that no project enables (directly or through an
output and an outcome) and a project that enables no benefit. Weaker gaps (an outcome that realizes
no benefit, a benefit that serves no objective...) are warnings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

from sqlalchemy import Executable, select
from sqlalchemy.orm import Session

from .benefits import Benefit
from .links import benefit_objective, benefit_outcome, benefit_project, output_outcome
from .program import Outcome, Output, Project, StrategicObjective

LAYERS = ("projects", "outputs", "outcomes", "benefits", "objectives")
LAYER_TITLES = ("Projects", "Outputs", "Outcomes", "Benefits", "Strategic objectives")
ORPHAN, WARNING = "orphan", "warning"

Key = tuple[str, int]  # (register name, record id)
EntityRow = tuple[int, str | None, str | None]             # (id, code, label)
OutputRow = tuple[int, str | None, str | None, int | None]  # (id, code, label, project id)
LinkRow = tuple[int, int]                                   # (left id, right id)


@dataclass
class Node:
    key: Key
    code: str
    label: str
    flag: str = ""       # "", WARNING or ORPHAN
    reason: str = ""

    @property
    def layer(self) -> int:
        return LAYERS.index(self.key[0])


@dataclass(frozen=True)
class Edge:
    source: Key
    target: Key
    direct: bool = False  # a project linked straight to a benefit with no output/outcome path between


@dataclass
class BenefitsMap:
    nodes: dict[Key, Node]
    edges: list[Edge]
    columns: list[list[Key]] = field(default_factory=list)  # per layer, in drawing order

    @property
    def orphans(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.flag == ORPHAN]

    def flagged(self, register: str) -> set[int]:
        return {n.key[1] for n in self.nodes.values() if n.flag == ORPHAN and n.key[0] == register}


def build_map(projects: Sequence[EntityRow], outputs: Sequence[OutputRow], outcomes: Sequence[EntityRow],
              benefits: Sequence[EntityRow], objectives: Sequence[EntityRow], output_outcomes: Sequence[LinkRow],
              benefit_outcomes: Sequence[LinkRow], benefit_objectives: Sequence[LinkRow],
              benefit_projects: Sequence[LinkRow]) -> BenefitsMap:
    """Pure graph building. Entities are (id, code, label) tuples; outputs are (id, code, label, project_id);
    links are (left id, right id) pairs named after their tables."""
    nodes: dict[Key, Node] = {}
    rows: Sequence[EntityRow | OutputRow]
    for register, rows in (("projects", projects), ("outputs", outputs), ("outcomes", outcomes),
                           ("benefits", benefits), ("objectives", objectives)):
        for row in rows:
            nodes[(register, row[0])] = Node((register, row[0]), row[1] or "", row[2] or "")
    edges: list[Edge] = []
    for oid, _c, _l, pid in outputs:
        if pid is not None:
            edges.append(Edge(("projects", pid), ("outputs", oid)))
    edges += [Edge(("outputs", a), ("outcomes", b)) for a, b in output_outcomes]
    edges += [Edge(("outcomes", a), ("benefits", b)) for b, a in benefit_outcomes]
    edges += [Edge(("benefits", a), ("objectives", b)) for a, b in benefit_objectives]
    edges = [e for e in edges if e.source in nodes and e.target in nodes]

    succ: dict[Key, set[Key]] = defaultdict(set)
    for e in edges:
        succ[e.source].add(e.target)

    def reach(start: Key, layer: str) -> set[Key]:
        seen, todo = set(), [start]
        while todo:
            for nxt in succ[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return {k for k in seen if k[0] == layer}

    enables: dict[Key, set[Key]] = {k: reach(k, "benefits") for k in nodes if k[0] == "projects"}
    for bid, pid in benefit_projects:
        p, b = ("projects", pid), ("benefits", bid)
        if p in nodes and b in nodes and b not in enables[p]:
            edges.append(Edge(p, b, direct=True))
            enables[p].add(b)
    enabled_benefits = set().union(*enables.values()) if enables else set()

    has_in = {e.target for e in edges}
    has_out = {e.source for e in edges}
    for key, node in nodes.items():
        kind = key[0]
        if kind == "projects" and not enables[key]:
            node.flag, node.reason = ORPHAN, "Enables no benefit"
        elif kind == "benefits" and key not in enabled_benefits:
            node.flag, node.reason = ORPHAN, "No enabling project"
        elif kind == "benefits" and not any(t[0] == "objectives" for t in succ[key]):
            node.flag, node.reason = WARNING, "Serves no strategic objective"
        elif kind == "outputs" and key not in has_out:
            node.flag, node.reason = WARNING, "Enables no outcome"
        elif kind == "outcomes" and key not in has_out:
            node.flag, node.reason = WARNING, "Realizes no benefit"
        elif kind == "objectives" and key not in has_in:
            node.flag, node.reason = WARNING, "No benefit serves it"
    graph = BenefitsMap(nodes, edges)
    graph.columns = _order_columns(graph)
    return graph


def _order_columns(graph: BenefitsMap, sweeps: int = 4) -> list[list[Key]]:
    """Order each column by the average position of its neighbours, sweeping down and up."""
    columns = [sorted((k for k in graph.nodes if k[0] == layer), key=lambda k: (graph.nodes[k].code, k[1]))
               for layer in LAYERS]
    chain = [e for e in graph.edges if not e.direct]
    up: dict[Key, list[Key]] = defaultdict(list)
    down: dict[Key, list[Key]] = defaultdict(list)
    for e in chain:
        down[e.source].append(e.target)
        up[e.target].append(e.source)

    def reorder(i: int, neighbours: dict[Key, list[Key]], ref: list[Key]) -> None:
        pos = {k: n for n, k in enumerate(ref)}
        own = {k: n for n, k in enumerate(columns[i])}

        def centre(k: Key) -> float:
            near = [pos[n] for n in neighbours[k] if n in pos]
            if not near:  # unconnected nodes keep their place relative to the column's scale
                return own[k] * max(len(ref), 1) / max(len(columns[i]), 1)
            return sum(near) / len(near)

        columns[i].sort(key=lambda k: (centre(k), own[k]))

    for _ in range(sweeps):
        for i in range(1, len(columns)):
            reorder(i, up, columns[i - 1])
        for i in range(len(columns) - 2, -1, -1):
            reorder(i, down, columns[i + 1])
    return columns


def load_map(session: Session) -> BenefitsMap:
    """The map of the open file: one small query per table."""
    def rows(q: Executable) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in session.execute(q)]

    return build_map(
        rows(select(Project.id, Project.code, Project.name)),
        rows(select(Output.id, Output.code, Output.name, Output.project_id)),
        rows(select(Outcome.id, Outcome.code, Outcome.name)),
        rows(select(Benefit.id, Benefit.code, Benefit.title)),
        rows(select(StrategicObjective.id, StrategicObjective.code, StrategicObjective.title)),
        rows(select(output_outcome.c.output_id, output_outcome.c.outcome_id)),
        rows(select(benefit_outcome.c.benefit_id, benefit_outcome.c.outcome_id)),
        rows(select(benefit_objective.c.benefit_id, benefit_objective.c.objective_id)),
        rows(select(benefit_project.c.benefit_id, benefit_project.c.project_id)),
    )
