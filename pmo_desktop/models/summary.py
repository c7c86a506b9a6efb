"""Counts per register for the overview page, the CLI summary and the board pack cover."""

from __future__ import annotations

from collections import Counter

from . import records
from .registers import REGISTERS
from .risk_rules import RATINGS
from .stakeholder_rules import QUADRANTS
from .store import Store


def _column(reg_name: str, rows, field: str):
    i = REGISTERS[reg_name].field_names.index(field) + 2
    return [r[i] for r in rows]


def _ordered(counter: Counter, order) -> dict:
    out = {k: counter[k] for k in order if counter.get(k)}
    out.update({k: v for k, v in counter.items() if k not in out})
    return out


def summarize(store: Store, with_records: bool = False) -> dict:
    """One consistent read of the whole office; ``with_records`` adds every record's ID and title."""
    with store.session() as s:
        ctx = records.load_context(s)
        rows = {name: records.fetch_rows(s, REGISTERS[name], ctx) for name in ("projects", "risks", "stakeholders", "benefits")}
    risks = rows["risks"]
    status = _column("risks", risks, "status")
    rating = _column("risks", risks, "inherent_rating")
    open_rating = [r for r, st in zip(rating, status) if st == "Open"]
    out = {
        "projects": {"total": len(rows["projects"]), "by_status": dict(Counter(_column("projects", rows["projects"], "status")))},
        "risks": {
            "total": len(risks),
            "by_level": dict(Counter(_column("risks", risks, "level"))),
            "by_status": dict(Counter(status)),
            "by_rating": _ordered(Counter(r or "Not scored" for r in rating), RATINGS),
            "open_by_rating": _ordered(Counter(r or "Not scored" for r in open_rating), RATINGS),
        },
        "stakeholders": {
            "total": len(rows["stakeholders"]),
            "by_quadrant": _ordered(Counter(q or "Not placed" for q in _column("stakeholders", rows["stakeholders"], "quadrant")), QUADRANTS),
        },
        "benefits": {
            "total": len(rows["benefits"]),
            "by_status": dict(Counter(_column("benefits", rows["benefits"], "status_rag"))),
        },
    }
    if with_records:
        for name in ("projects", "risks", "stakeholders", "benefits"):
            reg = REGISTERS[name]
            title = "name" if "name" in reg.field_names else "title"
            out[name]["records"] = [{"id": c, "title": t} for c, t in zip(_column(name, rows[name], "code"), _column(name, rows[name], title))]
    return out
