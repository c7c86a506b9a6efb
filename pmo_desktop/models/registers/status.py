"""Project status reports and key milestones: the reporting cycle's two registers."""

from ..colours import ByValue
from ..fields import Field, Kind, Overview, Register
from ..status import Milestone, StatusReport
from ..status_rules import (
    DIMENSIONS,
    DUE_WITHIN_DAYS,
    MILESTONE_COLOURS,
    RAG_ALIASES,
    RAG_COLOURS,
    RAGS,
    REPORT_STATES,
    check_milestone,
    check_status_report,
    milestone_slip,
    milestone_state,
)
from ..values import DATE_AHEAD, DATE_OBSERVED, DATE_PAST, period_text
from .program import PERSON, PROJECT

_RAG_WORDS = {
    "overall": ("overall rag", "rag", "overall status", "status rag"),
    "schedule": ("schedule rag", "time", "timeline", "time rag"),
    "cost": ("cost rag", "budget", "budget rag", "finance"),
    "scope": ("scope rag",),
    "quality": ("quality rag",),
    "benefits": ("benefits rag", "benefit"),
}

RAG = ByValue(lambda ctx: RAG_COLOURS)
MILESTONE_STATE = ByValue(lambda ctx: MILESTONE_COLOURS)


def _rag(name: str) -> Field:
    # A change of any rating is reported under "what changed since the last board".
    return Field(name, name.capitalize(), Kind.ENUM, choices=RAGS, aliases=RAG_ALIASES, width=8, colours=RAG,
                 synonyms=_RAG_WORDS[name], tip=f"{name.capitalize()} RAG: Green, Amber or Red (type G, A or R)",
                 watch="RAG changes")


STATUS_REPORTS = Register(
    name="status_reports",
    title="Status reports",
    noun="status report",
    entity=StatusReport,
    overview=Overview(lambda p: f"Status reports ({p['total']})",
                      lambda p: [f"Current period: {period_text(p['current_period'])}",
                                 "Latest overall RAG — " + ", ".join(f"{k}: {n}" for k, n in p["overall"].items())]),
    code_prefix="SR-",
    sheet_synonyms=("status reports", "project status", "highlight reports", "status report", "rag report"),
    recognised_on_import=True,
    check=check_status_report,
    defaults={"state": "Draft"},
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("report id", "ref")),
        Field("period", "Period", Kind.PERIOD, required=True, width=9,
              synonyms=("reporting period", "month", "week", "quarter", "period ending"),
              tip="Nov 2026 (a month; 2026-11 too), W46 2026 (an ISO week) or Q4 2026 (a quarter)"),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=22),
        Field("state", "State", Kind.ENUM, choices=REPORT_STATES, width=7,
              aliases={"Draft": "Draft", "Submitted": "Final", "Approved": "Final", "Published": "Final"}),
        # the day a report was written, as at: typed without its year, the last such day (values.DATE_OBSERVED)
        Field("reported_on", "Reported on", Kind.DATE, width=11, synonyms=("date", "report date", "as at"),
              when=DATE_OBSERVED),
        Field("author", "Reported by", Kind.REF, column="author_id", ref=PERSON, width=16,
              synonyms=("author", "project manager", "submitted by")),
        *[_rag(name) for name in DIMENSIONS],
        Field("commentary", "Commentary", Kind.LONGTEXT, width=40,
              synonyms=("comments", "summary", "narrative", "progress", "update")),
        Field("asks", "Asks of the program", Kind.LONGTEXT, width=30,
              synonyms=("asks", "decisions needed", "escalations", "support needed", "help needed"),
              tip="What the project needs from the program: decisions, escalations, help"),
    ],
)

MILESTONES = Register(
    name="milestones",
    title="Milestones",
    noun="milestone",
    entity=Milestone,
    overview=Overview(lambda p: f"Milestones ({p['total']})",
                      lambda p: [f"Due in the next {DUE_WITHIN_DAYS} days: {p['due']}", f"Slipped or late: {p['slipped_or_late']}"]),
    watch_new="New milestones",
    watch_gone="Milestones removed",
    code_prefix="MS-",
    sheet_synonyms=("milestones", "key milestones", "milestone plan", "milestone tracker"),
    recognised_on_import=True,
    check=check_milestone,
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("milestone id", "ref")),
        Field("title", "Milestone", required=True, width=34, synonyms=("milestone", "description", "name")),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=22),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=16),
        Field("baseline", "Baseline", Kind.DATE, width=11,
              synonyms=("baseline date", "planned", "planned date", "original date", "due date", "target date",
                        "milestone date")),
        Field("forecast", "Forecast", Kind.DATE, width=11,  # a date still to come: "30 Jan" typed is the next one
              synonyms=("forecast date", "expected", "expected date", "revised date"), watch="Milestone slips",
              when=DATE_AHEAD),
        Field("actual", "Actual", Kind.DATE, width=11, synonyms=("actual date", "achieved", "completed", "done"), when=DATE_PAST),
        Field("slip_days", "Slip (days)", Kind.COMPUTED, computes=Kind.INT, compute=milestone_slip, width=8,
              tip="Days the forecast (or the actual, once met) lies after the baseline"),
        Field("state", "State", Kind.COMPUTED, compute=milestone_state, width=9, colours=MILESTONE_STATE,
              tip="Done once met; Late when its date has passed without an actual; "
                  "Slipped when the forecast is after the baseline; else On track"),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments", "update")),
    ],
)
