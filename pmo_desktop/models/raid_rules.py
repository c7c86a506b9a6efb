"""Rules of the RAID logs that span fields: the office's decision rights, and what a dependency needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import values as v
from .errors import ValidationError


@dataclass(frozen=True)
class DecisionRights:
    """Which decisions belong to the program rather than a project (per office, in the file).

    The program decides what and why, the project how and when: a decision that touches more than one
    project, or that costs at least ``program_cost_threshold``, is the program's to take.
    """

    program_cost_threshold: float = 50_000.0
    cross_project_is_program: bool = True

    @classmethod
    def from_setting(cls, data: Any) -> "DecisionRights":
        if not isinstance(data, dict):
            return cls()
        default = cls()
        threshold = data.get("program_cost_threshold", default.program_cost_threshold)
        return cls(float(threshold) if isinstance(threshold, (int, float)) else default.program_cost_threshold,
                   bool(data.get("cross_project_is_program", default.cross_project_is_program)))

    def to_setting(self) -> dict[str, Any]:
        return {"program_cost_threshold": self.program_cost_threshold,
                "cross_project_is_program": self.cross_project_is_program}

    def validate(self) -> None:
        if not self.program_cost_threshold >= 0:
            raise ValidationError("The cost above which a decision is the program's cannot be negative.")

    def required_level(self, cost: float | None, projects: int) -> tuple[str, str]:
        """("Program", why) when the rule reserves the decision for the program, else ("", "")."""
        if cost is not None and cost >= self.program_cost_threshold:
            return "Program", f"its cost impact ({cost:,.0f}) is at least {self.program_cost_threshold:,.0f}"
        if self.cross_project_is_program and projects > 1:
            return "Program", f"it affects {projects} projects"
        return "", ""


def names(value: Any) -> list[str]:
    """A LINKS value as a list of names, whether parsed (a list) or read back ("A; B")."""
    if isinstance(value, (list, tuple)):
        return [str(x) for x in value if x]
    return v.split_list(value) if value else []


def check_assumption(rec: Mapping[str, Any], ctx: Any) -> None:
    raised, by = rec.get("raised_on"), rec.get("validate_by")
    if raised and by and by < raised:
        raise ValidationError("An assumption cannot have to be validated before it was raised.", "validate_by")
    if rec.get("status") == "Invalid" and not (rec.get("impact_if_false") or "").strip():
        raise ValidationError("Say what an assumption that proved false does to the program (Impact if false).",
                              "impact_if_false")


def check_dependency(rec: Mapping[str, Any], ctx: Any) -> None:
    """Both ends may still be unknown (a RAID log's dependency often names neither: it is kept, and drawn on
    the map once they are filled in), but what is named must make sense. An outside party with no project that
    needs it yet is such a dependency, as a project with none is: it was refused, and its row typed as it runs —
    the party before the project needing it — stopped at the party until Esc."""
    source, party, target = rec.get("from_project"), (rec.get("external_party") or "").strip(), rec.get("to_project")
    if source and party:
        raise ValidationError("A dependency comes from a project or from an external party, not both.",
                              "external_party")
    if source and source == target:
        raise ValidationError(f"A project cannot depend on itself ({source}).", "to_project")


def check_decision(rec: Mapping[str, Any], ctx: Any) -> None:
    """A project decision whose project is not named yet is kept, as a dependency with no project yet is: its row,
    typed as its columns run — Level before Project — stopped at "Project" ("A project decision names its
    project."), and the project, cost, decider and due date typed on went into the Level cell, refused one by one,
    never stored (walk41). What is named must still make sense: a decision taken has its date and decider, and one
    the office's decision rights reserve for the program is not the project's."""
    status, level = rec.get("status"), rec.get("level")
    if status == "Decided" and not rec.get("decided_on"):
        raise ValidationError("A decision that is taken has a date (Decided on).", "decided_on")
    if status == "Decided" and not rec.get("decided_by"):
        raise ValidationError("Say who took the decision (Decided by).", "decided_by")
    rights: DecisionRights = ctx.extra.get("decision_rights") or DecisionRights()
    affected = set(names(rec.get("projects")))
    if rec.get("project"):
        affected.add(rec["project"])
    required, why = rights.required_level(rec.get("cost_impact"), len(affected))
    if level == "Project" and required == "Program":
        raise ValidationError(f"By this office's decision rights this is a program decision: {why}.", "level")
