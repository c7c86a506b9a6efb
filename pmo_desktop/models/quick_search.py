"""Search every register at once by ID or name (Ctrl+K in the GUI): a few SQL LIKE queries, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .fields import Kind
from .registers import REGISTERS

SEARCHED = ("projects", "risks", "issues", "stakeholders", "benefits", "objectives", "outcomes", "outputs",
            "communications", "assumptions", "dependencies", "decisions", "milestones")


@dataclass(frozen=True)
class Hit:
    register: str        # register name, for navigation
    register_title: str
    record_id: int
    code: str
    text: str


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quick_search(session: Session, text: str, per_register: int = 8) -> list[Hit]:
    """Records whose ID or name / title contains ``text`` (any case), a few per register."""
    text = text.strip()
    if not text:
        return []
    hits: list[Hit] = []
    pattern = _like(text)
    for name in SEARCHED:
        reg = REGISTERS.get(name)
        if reg is None:
            continue
        label = next((f for f in reg.fields if f.kind == Kind.TEXT and f.required), None)
        if label is None:
            continue
        entity: Any = reg.entity  # a mapped class; Register declares it as a bare type
        label_col = getattr(entity, label.attr)
        code_col = getattr(entity, "code", None) if reg.key_field is not None else None
        conditions = [label_col.ilike(pattern, escape="\\")]
        if code_col is not None:
            conditions.append(code_col.ilike(pattern, escape="\\"))
        columns = [entity.id, code_col if code_col is not None else entity.id, label_col]
        query = select(*columns).where(or_(*conditions)).order_by(entity.id).limit(per_register)
        for rid, code, value in session.execute(query):
            hits.append(Hit(name, reg.title, rid, str(code) if code_col is not None else "", str(value or "")))
    return hits
