"""Risk register, risk actions and the issue log."""

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import case, literal

from ..colours import RATING_COLOURS, SCORE_COLOURS
from ..computed_sql import ComputedSql
from ..errors import ValidationError
from ..fields import NOT_PRIORITISED_YET, Context, Detail, Field, Kind, Overview, Ref, Register, count_lines
from ..links import risk_project
from ..program import Project
from ..risk_review import NEXT_REVIEW_SQL, REVIEW_OVERDUE_SQL, next_review, review_overdue
from ..risk_rules import OPPORTUNITY_RESPONSES, THREAT_RESPONSES
from ..risks import IssueAction, IssueEntry, Risk, RiskAction
from ..values import DATE_AHEAD, DATE_PAST, day_text
from .program import PERSON, PROJECT

RISK_KINDS = ("Threat", "Opportunity")
RISK_LEVELS = ("Project", "Program")
# a risk is open (still watched: "Monitoring", "Mitigating"), closed (no longer watched: "Mitigated", "Transferred",
# "Avoided" — its response done, what is left accepted) or occurred (an issue now); an imported word read as one of
# them is kept in the record's notes and said (heldout50), so "Mitigated" is never lost in "Closed"
RISK_STATUSES = ("Open", "Closed", "Occurred")
RESPONSES = tuple(dict.fromkeys(THREAT_RESPONSES + OPPORTUNITY_RESPONSES))
IMPACT_AREAS = ("Time", "Cost", "Scope", "Quality", "Benefits")  # the triple constraint, quality, benefits
CATEGORIES = ("Strategic", "Interdependency", "Benefits", "Capacity", "Technical", "Commercial",
              "Financial", "Operational", "People", "Regulatory", "Supplier")
ACTION_STATUSES = ("Not started", "In progress", "Done", "Cancelled")


def _score(p: str, i: str) -> Callable[[Mapping[str, Any], Context], int | None]:
    return lambda rec, ctx: ctx.risk_scale.score(rec.get(p), rec.get(i))


def _rating(p: str, i: str) -> Callable[[Mapping[str, Any], Context], str]:
    return lambda rec, ctx: ctx.risk_scale.rating(rec.get(p), rec.get(i))


def _score_sql(p: str, i: str) -> ComputedSql:
    """The score in SQL: NULL when either level is blank, as ``RiskScale.score``."""
    def can_show(text: str, ctx: Context) -> bool:  # one of the scale's products, as digits
        levels = range(1, ctx.risk_scale.size + 1)
        return any(text in str(a * b) for a in levels for b in levels)
    return ComputedSql(lambda E, ctx: getattr(E, p) * getattr(E, i), can_show=can_show)


def rating_sql(p: str, i: str) -> ComputedSql:
    """The rating band in SQL, from the file's own bands (highest threshold first); '' when unscored,
    as ``RiskScale.rating``. It can show only a band's name."""
    def expression(E: type, ctx: Context) -> Any:
        score = getattr(E, p) * getattr(E, i)
        bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score, reverse=True)
        if not bands:
            return literal("")
        return case(*[(score >= b.min_score, literal(b.rating)) for b in bands], else_=literal(""))
    def contains(E: type, text: str, ctx: Context) -> Any:
        from ..risk_heatmap import rating_condition

        names = [b.rating for b in ctx.risk_scale.bands if text in b.rating.lower()]
        return rating_condition(ctx.risk_scale, names, getattr(E, p), getattr(E, i))

    return ComputedSql(expression, can_show=lambda text, ctx: any(text in b.rating.lower() for b in ctx.risk_scale.bands),
                       is_text=True, contains=contains)


def check_risk(rec: Mapping[str, Any], ctx: Context) -> None:
    raised, proximity = rec.get("raised_on"), rec.get("proximity")
    if raised and proximity and proximity < raised:
        # The two dates named: "4" typed in Proximity is read as Excel's day 4 (4 Jan 1900), "3 Apr" as this
        # year's — the message said only the rule, not which date it had read nor what to do.
        raise ValidationError(f"Proximity cannot be before the date the risk was raised: {day_text(proximity)} is"
                              f" before {day_text(raised)}. Type a later date, or change Raised.", "proximity")
    response = rec.get("response")
    if response:
        allowed = OPPORTUNITY_RESPONSES if rec.get("kind") == "Opportunity" else THREAT_RESPONSES
        if response not in allowed:
            raise ValidationError(
                f"“{response}” is not a response to {'an opportunity' if rec.get('kind') == 'Opportunity' else 'a threat'}"
                f" (use {', '.join(allowed)}).", "response")


RISKS = Register(
    name="risks",
    overview=Overview(lambda p: f"Risks ({p['total']})", lambda p: count_lines(p["open_by_rating"])),
    title="Risk register",
    noun="risk",
    entity=Risk,
    code_prefix="R-",
    sheet_synonyms=("risks", "risk register", "risk log", "raid risks"),
    recognised_on_import=True,
    check=check_risk,
    detail=Detail(
        glance=(("Owner", ("owner",)), ("Status", ("status",)), ("Inherent", ("inherent_score", "inherent_rating")),
                ("Residual", ("residual_score", "residual_rating")), ("Proximity", ("proximity",))),
        texts=("cause", "event", "effect", "trigger", "notes"),
        tables=(("Response actions", "risk_actions"),),
    ),
    watch_new="New risks",
    watch_gone="Risks deleted",
    # A new risk is a project risk until it is escalated: the usual path in a program (DB default too).
    defaults={"level": "Project", "kind": "Threat", "status": "Open"},
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("risk id", "risk ref", "ref", "risk no", "risk number", "no")),
        Field("title", "Title", required=True, width=34, synonyms=("risk", "risk title", "risk name", "summary", "risk description", "description")),
        Field("kind", "Threat / opportunity", Kind.ENUM, choices=RISK_KINDS, width=12,
              synonyms=("type", "risk type", "threat or opportunity", "opportunity or threat", "t/o"), aliases={"T": "Threat", "O": "Opportunity", "Opp": "Opportunity"}),
        Field("category", "Category", Kind.ENUM, choices=CATEGORIES, width=14, synonyms=("risk category",)),
        Field("level", "Level", Kind.ENUM, choices=RISK_LEVELS, width=9, synonyms=("risk level", "tier"),
              aliases={"Programme": "Program", "Prog": "Program", "Proj": "Project"}),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=20, synonyms=("source project",)),
        Field("related_projects", "Projects affected", Kind.LINKS, ref=Ref(Project, "name"), link="related_projects",
              link_table=risk_project, width=24, synonyms=("related projects", "affected projects", "projects")),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=18, synonyms=("risk owner", "owned by", "responsible")),
        Field("raised_on", "Raised", Kind.DATE, width=11, synonyms=("date raised", "raised on", "date identified", "identified", "date"), when=DATE_PAST),
        Field("proximity", "Proximity", Kind.DATE, width=11, synonyms=("proximity date", "by when", "expected date", "timing"), when=DATE_AHEAD,
              search_words=("due",)),  # Ctrl+K only, never the import (``Field.search_words``)
        Field("probability", "Probability", Kind.SCALE, scale="risk", width=9,
              synonyms=("likelihood", "prob", "p", "inherent probability", "inherent likelihood", "probability 1 5", "likelihood 1 5")),
        Field("impact", "Impact", Kind.SCALE, scale="risk", width=9,
              synonyms=("i", "severity", "inherent impact", "impact 1 5")),
        Field("inherent_score", "Inherent score", Kind.COMPUTED, computes=Kind.INT, compute=_score("probability", "impact"), sql=_score_sql("probability", "impact"), width=8,
              colours=SCORE_COLOURS, synonyms=("score", "inherent score", "risk score", "p x i")),
        Field("inherent_rating", "Inherent rating", Kind.COMPUTED, compute=_rating("probability", "impact"), sql=rating_sql("probability", "impact"), width=10,
              colours=RATING_COLOURS, synonyms=("rating", "inherent rating", "rag"), watch="Rating moves"),
        Field("residual_probability", "Residual probability", Kind.SCALE, scale="risk", width=9,
              synonyms=("residual likelihood", "target probability", "post mitigation probability", "residual p")),
        Field("residual_impact", "Residual impact", Kind.SCALE, scale="risk", width=9,
              synonyms=("target impact", "post mitigation impact", "residual i")),
        Field("residual_score", "Residual score", Kind.COMPUTED, computes=Kind.INT, compute=_score("residual_probability", "residual_impact"), sql=_score_sql("residual_probability", "residual_impact"), width=8,
              colours=SCORE_COLOURS),
        Field("residual_rating", "Residual rating", Kind.COMPUTED, compute=_rating("residual_probability", "residual_impact"), sql=rating_sql("residual_probability", "residual_impact"), width=10,
              colours=RATING_COLOURS, watch="Rating moves"),
        Field("impact_areas", "Impact areas", Kind.MULTI_ENUM, choices=IMPACT_AREAS, width=16, synonyms=("impact on", "areas")),
        Field("response", "Response", Kind.ENUM, choices=RESPONSES, width=10,
              synonyms=("response strategy", "strategy", "treatment"), aliases={"Mitigate": "Reduce", "Tolerate": "Accept", "Terminate": "Avoid", "Treat": "Reduce", "Exploit": "Exploit"}),
        Field("status", "Status", Kind.ENUM, choices=RISK_STATUSES, width=9, synonyms=("risk status", "state"), watch="Closed, occurred or reopened",
              aliases={"Live": "Open", "Active": "Open", "Materialised": "Occurred", "Materialized": "Occurred", "Issue": "Occurred"}),
        Field("cause", "Cause", Kind.LONGTEXT, width=30, synonyms=("because of", "risk cause")),
        Field("event", "Event", Kind.LONGTEXT, width=30, synonyms=("risk event", "there is a risk that")),
        Field("effect", "Effect", Kind.LONGTEXT, width=30, synonyms=("consequences", "which would result in", "risk effect")),
        Field("trigger", "Trigger / early warning", Kind.LONGTEXT, width=24, synonyms=("trigger", "early warning", "early warning indicator", "indicator")),
        Field("escalated", "Escalated", Kind.BOOL, width=9, synonyms=("escalated to program", "escalate"), watch="Escalations"),
        Field("escalation_reason", "Escalation reason", Kind.LONGTEXT, width=24, synonyms=("reason for escalation",)),
        Field("escalated_on", "Escalated on", Kind.DATE, width=11, synonyms=("date escalated",), when=DATE_PAST),
        Field("reviewed_on", "Last reviewed", Kind.DATE, width=11, synonyms=("last reviewed", "review date", "date reviewed", "reviewed"), when=DATE_PAST),
        Field("next_review", "Next review", Kind.COMPUTED, computes=Kind.DATE, compute=next_review, sql=NEXT_REVIEW_SQL, width=11,
              tip="Last reviewed (or raised) plus the days this office gives a risk of its rating"),
        Field("review_overdue", "Review", Kind.COMPUTED, compute=review_overdue, sql=REVIEW_OVERDUE_SQL, width=8,
              tip="Overdue once the next review date has passed"),
        Field("notes", "Notes", Kind.LONGTEXT, width=30, synonyms=("comments", "commentary", "update", "latest update")),
    ],
)

def action_fields(words_for_action: tuple[str, ...]) -> list[Field]:
    """The fields of an action sub-table (a risk's or an issue's): what, who, by when, how far."""
    return [
        Field("description", "Action", required=True, width=40, synonyms=words_for_action),
        Field("actionee", "Actionee", Kind.REF, column="actionee_id", ref=PERSON, width=18, synonyms=("action owner", "who")),
        Field("due", "Due", Kind.DATE, width=11, synonyms=("due date", "by"), when=DATE_AHEAD),
        Field("status", "Status", Kind.ENUM, choices=ACTION_STATUSES, width=11),
    ]


RISK_ACTIONS = Register(
    name="risk_actions",
    title="Risk actions",
    noun="risk action",
    entity=RiskAction,
    parent="risk_id",
    parent_register="risks",
    parent_label="Risk ID",
    parent_label_synonyms=("Risk", "Risk ref", "Risk code", "Risk no"),
    sheet_synonyms=("Risk actions", "Actions", "Mitigation actions", "Risk mitigations"),
    recognised_on_import=True,
    defaults={"status": "Not started"},
    fields=action_fields(("action", "mitigation", "mitigating action")),
)

ISSUES = Register(
    name="issues",
    overview=Overview(lambda p: f"Issues ({p['total']})",
                      lambda p: [*count_lines(p["by_status"]), f"Escalated to the program: {p['escalated']}"]),
    title="Issue log",
    noun="issue",
    sheet_synonyms=("Issues", "Issue log", "Issue register", "Issues log"),
    recognised_on_import=True,
    entity=IssueEntry,
    code_prefix="I-",
    # No priority by default: one nobody gave ("Medium" on every issue of a log with no priority column) stays "Not
    # prioritised yet", listed apart, until someone triages the issue.
    defaults={"status": "Open", "level": "Project"},
    watch_new="New issues",
    watch_gone="Issues deleted",
    fields=[
        Field("code", "ID", Kind.CODE, width=8),
        Field("title", "Issue", required=True, width=34),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=20),
        Field("level", "Level", Kind.ENUM, choices=RISK_LEVELS, width=9, synonyms=("issue level", "tier"),
              aliases={"Programme": "Program", "Prog": "Program", "Proj": "Project"}),
        Field("owner", "Owner", Kind.REF, column="owner_id", ref=PERSON, width=18),
        Field("raised_on", "Raised", Kind.DATE, width=11, when=DATE_PAST),
        # An issue has already happened, so a log's "Impact" or "Severity" column is how much it matters now: the
        # issue's priority (Low to Critical); left unmatched, the user's rating would sit in the notes (walk36).
        Field("priority", "Priority", Kind.ENUM, choices=("Low", "Medium", "High", "Critical"), width=9, watch="Priority moves",
              unset=NOT_PRIORITISED_YET,
              synonyms=("impact", "severity", "issue impact", "issue severity", "urgency")),
        Field("status", "Status", Kind.ENUM, choices=("Open", "Resolved", "Closed"), width=9, watch="Resolved, closed or reopened"),
        Field("risk", "From risk", Kind.REF, column="risk_id", ref=Ref(Risk, "code"), width=9),
        Field("description", "Description", Kind.LONGTEXT, width=40),
        Field("escalated", "Escalated", Kind.BOOL, width=9, synonyms=("escalated to program",), watch="Escalations"),
        Field("escalation_reason", "Escalation reason", Kind.LONGTEXT, width=24, synonyms=("reason for escalation",)),
        Field("escalated_on", "Escalated on", Kind.DATE, width=11, synonyms=("date escalated",), when=DATE_PAST),
    ],
)

ISSUE_ACTIONS = Register(
    name="issue_actions",
    title="Issue actions",
    noun="issue action",
    entity=IssueAction,
    parent="issue_id",
    parent_register="issues",
    parent_label="Issue ID",
    parent_label_synonyms=("Issue", "Issue ref", "Issue code", "Issue no"),
    sheet_synonyms=("Issue actions", "Issue resolution actions"),
    recognised_on_import=True,
    defaults={"status": "Not started"},
    fields=action_fields(("action", "resolution action", "next step")),
)
