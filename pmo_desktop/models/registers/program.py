"""Projects, people, strategic objectives, outputs and outcomes."""

from collections.abc import Mapping
from typing import Any

from ..fields import Context, Field, Kind, Overview, Ref, Register, count_lines
from ..financial_year import CONVENTION, MONTHS
from ..links import output_outcome
from ..program import Outcome, Output, Person, Program, Project, StrategicObjective
from ..values import DATE_AHEAD

PROJECT_STATUSES = ("Proposed", "Active", "On hold", "Closed")
PERSON = Ref(Person, "name", create_missing=True)
PROJECT = Ref(Project, "name")


def _check_dates(rec: Mapping[str, Any], what: str) -> None:
    from ..errors import ValidationError

    if rec.get("start_date") and rec.get("end_date") and rec["end_date"] < rec["start_date"]:
        raise ValidationError(f"{what} cannot end before it starts.", "end_date")


def _check_project(rec: Mapping[str, Any], ctx: Context) -> None:
    _check_dates(rec, "A project")


def _check_program(rec: Mapping[str, Any], ctx: Context) -> None:
    _check_dates(rec, "The program")


PROGRAM = Register(
    name="program",
    title="Program details",
    noun="program",
    sheet="Program",
    entity=Program,
    singleton=True,
    check=_check_program,
    fields=[
        Field("name", "Program", required=True, width=32, synonyms=("program name", "programme", "programme name", "name")),
        Field("sponsor", "Sponsor", width=22, synonyms=("senior responsible owner", "sro", "program sponsor")),
        Field("manager", "Program manager", width=22, synonyms=("manager", "programme manager")),
        Field("start_date", "Start", Kind.DATE, width=11, synonyms=("start date",)),
        Field("end_date", "End", Kind.DATE, width=11, synonyms=("end date",), when=DATE_AHEAD),  # a planned end
        Field("description", "Description", Kind.LONGTEXT, width=50, synonyms=("vision", "purpose", "summary")),
        # the office's own setting, not the program's to report: no column of the export or the board pack
        # (exported=False), kept in the file and its history as the fields above are (models/financial_year.py)
        Field("financial_year_start", "Financial year starts in", Kind.ENUM, choices=MONTHS, unset="(not set)",
              exported=False,
              tip="Imports read “Q2 FY25”, “H1 FY26” or “FY2025/26” in a date column as the last day of that quarter, "
                  "half or year by it; not set, such a cell gets no date and is kept in the record's notes. "
                  f"{CONVENTION}"),
    ],
)

PROJECTS = Register(
    name="projects",
    overview=Overview(lambda p: f"Projects ({p['total']})"),
    title="Projects",
    noun="project",
    entity=Project,
    code_prefix="P-",
    code_digits=2,
    sheet_synonyms=("projects", "project list", "portfolio"),
    check=_check_project,
    # declared, not left to the table's column default where nothing saw it: a project named is active
    defaults={"status": "Active"},
    fields=[
        Field("code", "ID", Kind.CODE, width=8, synonyms=("project id", "ref", "project code")),
        Field("name", "Project", required=True, width=28, synonyms=("project name", "name", "title")),
        Field("manager", "Manager", Kind.REF, column="manager_id", ref=PERSON, width=18,
              synonyms=("project manager", "pm")),
        Field("sponsor", "Sponsor", Kind.REF, column="sponsor_id", ref=PERSON, width=18,
              synonyms=("project sponsor", "senior responsible owner", "sro")),
        Field("status", "Status", Kind.ENUM, choices=PROJECT_STATUSES, width=10),
        Field("start_date", "Start", Kind.DATE, width=11, synonyms=("start date", "begins")),
        Field("end_date", "End", Kind.DATE, width=11, synonyms=("end date", "finish", "finish date"),
              when=DATE_AHEAD),  # a planned end: "30 Jan" typed in December is the next one
        Field("budget", "Budget", Kind.FLOAT, minimum=0, width=12, synonyms=("budget £", "cost")),
        Field("description", "Description", Kind.LONGTEXT, width=40, synonyms=("scope", "summary")),
    ],
)

PEOPLE = Register(
    name="people",
    title="People",
    noun="person",
    entity=Person,
    fields=[
        Field("name", "Name", required=True, width=24),
        Field("role", "Role", width=24),
        Field("email", "Email", width=28, synonyms=("e-mail", "mail")),
    ],
)

OBJECTIVES = Register(
    name="objectives",
    title="Strategic objectives",
    noun="objective",
    entity=StrategicObjective,
    code_prefix="O-",
    code_digits=1,
    fields=[
        Field("code", "ID", Kind.CODE, width=6),
        Field("title", "Objective", required=True, width=40),
        Field("description", "Description", Kind.LONGTEXT, width=50),
    ],
)

OUTPUTS = Register(
    name="outputs",
    overview=Overview(lambda p: f"Outputs ({p['total']})", lambda p: count_lines(p["by_project"])),
    title="Outputs",
    noun="output",
    entity=Output,
    code_prefix="OP-",
    code_digits=2,
    fields=[
        Field("code", "ID", Kind.CODE, width=7),
        Field("name", "Output", required=True, width=32),
        Field("project", "Project", Kind.REF, column="project_id", ref=PROJECT, width=24),
        Field("outcomes", "Enables outcomes", Kind.LINKS, ref=Ref(Outcome, "name"), link="outcomes",
              link_table=output_outcome, width=32),
        Field("description", "Description", Kind.LONGTEXT, width=40),
    ],
)

OUTCOMES = Register(
    name="outcomes",
    title="Outcomes",
    noun="outcome",
    entity=Outcome,
    code_prefix="OC-",
    code_digits=2,
    fields=[
        Field("code", "ID", Kind.CODE, width=7),
        Field("name", "Outcome", required=True, width=36),
        Field("description", "Description", Kind.LONGTEXT, width=50),
    ],
)
