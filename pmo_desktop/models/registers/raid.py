"""Assumptions, dependencies and decisions: the RAID logs, each declared once."""

from datetime import date

from ..fields import NOT_ASSESSED_YET, Field, Kind, Overview, Ref, Register, count_lines
from ..links import assumption_risk, decision_issue, decision_project, decision_risk
from ..program import Project
from ..raid import Assumption, Decision, Dependency
from ..raid_rules import check_assumption, check_decision, check_dependency
from ..risks import IssueEntry, Risk
from ..values import DATE_AHEAD, DATE_PAST, day_text
from .program import PERSON, PROJECT


def _shown(iso: str | None) -> str:
    """A summary's ISO date as every screen and the board pack show one: "30 Nov 2026"."""
    return day_text(date.fromisoformat(iso)) if iso else "—"


ASSUMPTION_STATUSES = ("Open", "Validated", "Invalid", "Closed")
DEPENDENCY_STATUSES = ("On track", "At risk", "Late", "Delivered", "Cancelled")
CRITICALITIES = ("Low", "Medium", "High", "Critical")
DECISION_LEVELS = ("Program", "Project")
DECISION_STATUSES = ("Pending", "Decided", "Superseded")
LEVEL_ALIASES = {"Programme": "Program", "Prog": "Program", "Proj": "Project"}

ASSUMPTIONS = Register(
    name="assumptions",
    overview=Overview(lambda p: f"Assumptions ({p['total']})",
                      lambda p: [*count_lines(p["by_status"]), f"To validate, overdue: {p['overdue']}"]),
    title="Assumptions",
    noun="assumption",
    entity=Assumption,
    code_prefix="A-",
    sheet_synonyms=("assumptions", "assumption log", "assumptions log", "raid assumptions"),
    recognised_on_import=True,
    check=check_assumption,
    defaults={"status": "Open"},
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("assumption id", "ref", "no")),
        Field("title", "Assumption", required=True, width=36,
              synonyms=("assumption", "description", "assumption description", "we assume that")),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=20),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=18, synonyms=("assumption owner", "owned by")),
        Field("raised_on", "Raised", Kind.DATE, width=11, synonyms=("date raised", "date", "logged"), when=DATE_PAST),
        Field("validate_by", "Validate by", Kind.DATE, width=11,
              synonyms=("validation date", "date to validate", "validate by date", "confirm by", "by when", "due date"), when=DATE_AHEAD),
        Field("status", "Status", Kind.ENUM, choices=ASSUMPTION_STATUSES, width=10,
              aliases={"Confirmed": "Validated", "Valid": "Validated", "True": "Validated", "False": "Invalid",
                       "Proven false": "Invalid", "Not valid": "Invalid", "Active": "Open"}),
        Field("impact_if_false", "Impact if false", Kind.LONGTEXT, width=30,
              synonyms=("impact", "impact if wrong", "impact if untrue", "consequence", "consequence if false")),
        Field("risks", "Linked risks", Kind.LINKS, ref=Ref(Risk, "code"), link="risks", link_table=assumption_risk,
              width=14, synonyms=("risks", "related risks", "risk ids", "risk id")),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments", "validation", "update")),
    ],
)

DEPENDENCIES = Register(
    name="dependencies",
    overview=Overview(lambda p: f"Dependencies ({p['total']})",
                      lambda p: [f"Late or at risk: {p['late_or_at_risk']}", *count_lines(p["by_status"])]),
    title="Dependencies",
    noun="dependency",
    entity=Dependency,
    code_prefix="D-",
    sheet_synonyms=("dependencies", "dependency log", "dependencies log", "interdependencies", "raid dependencies"),
    recognised_on_import=True,
    check=check_dependency,
    # No criticality by default: an assessment, and one nobody made ("Medium") stays "Not assessed yet".
    defaults={"status": "On track"},
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("dependency id", "ref", "no")),
        Field("title", "What is needed", required=True, width=34,
              synonyms=("dependency", "description", "deliverable", "what", "dependency description")),
        Field("from_project", "From project", Kind.REF, column="from_project_id", ref=PROJECT, width=18,
              synonyms=("from", "provider", "supplier project", "delivering project", "predecessor")),
        Field("external_party", "From external party / program", width=20,
              synonyms=("external party", "external", "third party", "other program", "supplier")),
        Field("to_project", "Needed by project", Kind.REF, column="to_project_id", ref=PROJECT, width=18,
              synonyms=("to", "receiver", "dependent project", "receiving project", "successor", "project")),
        Field("needed_by", "Needed by", Kind.DATE, width=11, synonyms=("needed by date", "required by", "due", "due date", "date required"), when=DATE_AHEAD),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=18, synonyms=("dependency owner",)),
        Field("status", "Status", Kind.ENUM, choices=DEPENDENCY_STATUSES, width=10,
              watch="Status changes",
              synonyms=("rag", "rag status", "dependency status", "state"), aliases={"Green": "On track", "Amber": "At risk", "Red": "Late", "Complete": "Delivered",
                       "Completed": "Delivered", "Done": "Delivered", "Overdue": "Late", "Open": "On track"}),
        Field("criticality", "Criticality", Kind.ENUM, choices=CRITICALITIES, width=10,
              synonyms=("priority", "importance", "impact"), unset=NOT_ASSESSED_YET),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments", "update")),
    ],
)

DECISIONS = Register(
    name="decisions",
    # each pending decision by its title, as the other tiles and the command line's summary name their records:
    # "DEC-005 due 3 Dec 2026 — overdue" alone, on the dashboard and in the board pack's registers at a glance, left
    # the board asking which decision was late (walk40)
    overview=Overview(lambda p: f"Decisions ({len(p['pending'])} pending)",
                      lambda p: [f"{d['id']} {d['title']}" + (f", due {_shown(d['due'])}" if d["due"] else "")
                                 + (" (overdue)" if d["overdue"] else "") for d in p["pending"][:4]]),
    title="Decisions",
    noun="decision",
    entity=Decision,
    code_prefix="DEC-",
    # a change log records requests for change and what was decided on each (approved, rejected, deferred)
    sheet_synonyms=("decisions", "decision log", "decisions log", "raid decisions", "change log", "change register",
                    "change request log", "change requests", "change control log", "change control", "changes log",
                    "rfc register", "rfc log", "requests for change", "change request register"),
    recognised_on_import=True,
    check=check_decision,
    defaults={"status": "Pending", "level": "Program"},
    fields=[
        Field("code", "ID", Kind.CODE, width=9, synonyms=("decision id", "ref", "no")),
        Field("title", "Decision", required=True, width=34,
              synonyms=("decision", "description", "what was decided", "decision required")),
        Field("options", "Options considered", Kind.LONGTEXT, width=28, synonyms=("options", "alternatives")),
        Field("level", "Level", Kind.ENUM, choices=DECISION_LEVELS, width=9,
              synonyms=("decision level", "tier"), aliases=LEVEL_ALIASES),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=18),
        Field("projects", "Projects affected", Kind.LINKS, ref=Ref(Project, "name"), link="projects",
              link_table=decision_project, width=22, synonyms=("affected projects", "projects")),
        Field("cost_impact", "Cost impact", Kind.FLOAT, minimum=0, width=11, synonyms=("cost", "financial impact")),
        Field("decided_by", "Decided by", Kind.REF, column="decided_by_id", ref=PERSON, width=18,
              synonyms=("decision maker", "approver", "approved by", "owner")),
        Field("status", "Status", Kind.ENUM, choices=DECISION_STATUSES, width=10,
              aliases={"Open": "Pending", "Awaiting": "Pending", "Approved": "Decided", "Agreed": "Decided",
                       "Made": "Decided", "Closed": "Decided"}),
        Field("due", "Due", Kind.DATE, width=11, synonyms=("decision due", "due date", "needed by"), when=DATE_AHEAD),
        Field("decided_on", "Decided on", Kind.DATE, width=11, synonyms=("date decided", "decision date", "date"), when=DATE_PAST,
              stamped_when=("status", "Decided")),
        Field("rationale", "Rationale", Kind.LONGTEXT, width=30, synonyms=("why", "reason", "justification")),
        Field("risks", "Linked risks", Kind.LINKS, ref=Ref(Risk, "code"), link="risks", link_table=decision_risk,
              width=14, synonyms=("risks", "related risks")),
        Field("issues", "Linked issues", Kind.LINKS, ref=Ref(IssueEntry, "code"), link="issues",
              link_table=decision_issue, width=14, synonyms=("issues", "related issues")),
    ],
)
