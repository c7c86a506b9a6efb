"""Stakeholder register and communication plan."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..colours import OVERDUE
from ..fields import Context, Detail, Field, Kind, Overview, Ref, Register, count_lines
from ..links import stakeholder_project
from ..program import Project
from ..stakeholder_rules import (
    ATTITUDES,
    ENGAGEMENT_LEVELS,
    FREQUENCIES,
    NOT_ASSESSED_YET,
    engagement_gap,
    is_overdue,
    next_due,
    quadrant,
)
from ..stakeholders import Communication, Stakeholder
from ..values import DATE_AHEAD, DATE_PAST
from .program import PERSON

STAKEHOLDERS = Register(
    name="stakeholders",
    overview=Overview(lambda p: f"Stakeholders ({p['total']})", lambda p: count_lines(p["by_quadrant"])),
    title="Stakeholder map",
    noun="stakeholder",
    entity=Stakeholder,
    code_prefix="S-",
    sheet_synonyms=("stakeholders", "stakeholder map", "stakeholder register", "stakeholder list", "stakeholder analysis"),
    recognised_on_import=True,
    # No attitude nor engagement level by default: they are assessments, and one nobody made ("Unaware", wanted
    # "Supportive": a gap of +3 on every stakeholder of an imported list of names) stays "Not assessed yet".
    detail=Detail(texts=("concerns", "notes")),
    watch_new="New stakeholders",
    watch_gone="Stakeholders removed",
    fields=[
        Field("code", "ID", Kind.CODE, width=7, synonyms=("stakeholder id", "ref")),
        Field("name", "Name", required=True, width=24, synonyms=("stakeholder", "stakeholder name", "full name")),
        Field("organisation", "Organisation", width=20, synonyms=("organization", "org", "department", "business unit", "company")),
        Field("role", "Role", width=20, synonyms=("job title", "title", "position")),
        Field("group", "Group", width=14, synonyms=("stakeholder group", "category", "type", "sector")),
        Field("contact", "Contact", width=22, synonyms=("email", "e-mail", "phone", "contact details")),
        Field("program_level", "Program stakeholder", Kind.BOOL, width=9, synonyms=("program level", "programme", "program")),
        Field("projects", "Projects", Kind.LINKS, ref=Ref(Project, "name"), link="projects", link_table=stakeholder_project,
              width=24, synonyms=("related projects", "project")),
        Field("power", "Power", Kind.SCALE, width=7, synonyms=("influence", "power influence", "power 1 5", "influence 1 5")),
        Field("interest", "Interest", Kind.SCALE, width=7, synonyms=("interest 1 5", "impact on them")),
        Field("quadrant", "Quadrant", Kind.COMPUTED, width=15,
              compute=lambda rec, ctx: quadrant(rec.get("power"), rec.get("interest")), synonyms=("strategy", "approach"),
              watch="Quadrant moves"),
        Field("attitude", "Attitude", Kind.ENUM, choices=ATTITUDES, width=11, synonyms=("stance", "support", "position on change"),
              unset=NOT_ASSESSED_YET,
              aliases={"Blocker": "Opponent", "Resistor": "Opponent", "Sceptic": "Critic", "Skeptic": "Critic", "Supportive": "Supporter", "Advocate": "Champion", "Sponsor": "Champion"}),
        Field("current_engagement", "Current engagement", Kind.ENUM, choices=ENGAGEMENT_LEVELS, width=12,
              synonyms=("current", "engagement current", "c", "current level"), watch="Engagement moves",
              unset=NOT_ASSESSED_YET),
        Field("desired_engagement", "Desired engagement", Kind.ENUM, choices=ENGAGEMENT_LEVELS, width=12,
              synonyms=("desired", "target engagement", "engagement desired", "d", "desired level"),
              unset=NOT_ASSESSED_YET),
        Field("engagement_gap", "Gap", Kind.COMPUTED, computes=Kind.INT, width=5,
              compute=lambda rec, ctx: engagement_gap(rec.get("current_engagement"), rec.get("desired_engagement"))),
        Field("owner", "Relationship owner", Kind.REF, column="owner_id", ref=PERSON, width=18,
              synonyms=("owner", "engaged by", "relationship manager", "account owner")),
        Field("concerns", "Key concerns", Kind.LONGTEXT, width=30, synonyms=("concerns", "what they want", "interests", "needs")),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments",)),
    ],
)


def _next_due(rec: Mapping[str, Any], ctx: Context) -> date | None:
    return next_due(rec.get("frequency"), rec.get("last_held"), rec.get("planned_on"), ctx.today)


COMMUNICATIONS = Register(
    name="communications",
    title="Communication plan",
    exported_with="stakeholders",
    noun="communication",
    entity=Communication,
    code_prefix="C-",
    sheet_synonyms=("communications", "communication plan", "comms plan", "comms"),
    recognised_on_import=True,
    defaults={"frequency": "Monthly"},
    unsaid={"frequency": "Ad hoc"},
    fields=[
        Field("code", "ID", Kind.CODE, width=7),
        Field("message", "What", required=True, width=30, synonyms=("message", "communication", "report")),
        Field("stakeholder", "Stakeholder", Kind.REF, column="stakeholder_id", ref=Ref(Stakeholder, "name"), width=22),
        Field("audience", "Audience / group", width=20, synonyms=("audience", "group")),
        Field("channel", "Channel", width=14, synonyms=("method", "medium")),
        Field("frequency", "Frequency", Kind.ENUM, choices=FREQUENCIES, width=11,
              aliases={"Fortnight": "Fortnightly", "Biweekly": "Fortnightly", "Month": "Monthly", "Quarter": "Quarterly", "Adhoc": "Ad hoc", "As needed": "Ad hoc"}),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=18),
        Field("last_held", "Last held", Kind.DATE, width=11, when=DATE_PAST),
        Field("planned_on", "Planned (ad hoc)", Kind.DATE, width=11, when=DATE_AHEAD),
        Field("next_due", "Next due", Kind.COMPUTED, computes=Kind.DATE, compute=_next_due, width=11),
        Field("overdue", "Overdue", Kind.COMPUTED, width=8, colours=OVERDUE,
              compute=lambda rec, ctx: is_overdue(_next_due(rec, ctx), ctx.today)),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments", "remarks")),
    ],
)
