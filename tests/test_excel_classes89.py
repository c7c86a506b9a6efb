"""Issue 12, classes89: the miss classes of unseen set 89 as general rules — a register table with a second, wider
table of its own under it (a roles table over a RACI matrix of tasks); a communication plan whose headers are
questions; a plan with no frequency column; bracketed placeholders in a plan. Each test writes a workbook of the
shape (never a fetched file) and failed on the code before (main d9ccd20b), unless its docstring says it guards a
reading that must not change."""

from __future__ import annotations

import itertools

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_LETTERS = itertools.cycle("RACIRCIAIRCAICRA")


def _roles_over_a_matrix(header: list[str], parties: list[tuple[str, str, str, str]], caption: bool,
                         phase_word: str, task_word: str) -> list[list[object]]:
    rows: list[list[object]] = [["Parties of the warehouse project:"], header, *[list(p) for p in parties], []]
    codes = [p[0] for p in parties]
    for stage in range(1, 4):
        if caption:
            rows.append([f"{phase_word.upper()} {stage}: WORK PACKAGE {stage}"])
        rows.append([phase_word, f"{task_word} / Activity", *codes])
        for t in range(7):
            rows.append([f"{stage}.{t + 1} Work area", f"{task_word} {stage}-{t} carried out on site",
                         *[next(_LETTERS) for _ in codes]])
    return rows


_PARTIES_EN = [("SP", "Sponsor", "Board (Client)", "Approves the budget and the scope."),
               ("PMG", "Project Manager", "Acme (Supplier)", "Leads the delivery day to day."),
               ("QA", "Quality Lead", "Board (Client)", "Checks each delivery against the needs."),
               ("DEV", "Developers", "Acme (Supplier)", "Build and configure the system."),
               ("OPS", "Operations Team", "Board (Client)", "Runs the system once live.")]


@pytest.mark.parametrize(("header", "phase_word", "task_word"), [
    (["Code", "Role", "Organisation", "Description"], "Stage", "Task"),
    (["Código", "Rol", "Organización", "Descripción"], "Etapa", "Tarea"),
    (["Code", "Rôle", "Organisation", "Description"], "Étape", "Tâche"),
])
@pytest.mark.parametrize("caption", [True, False])
def test_a_roles_table_over_a_wider_matrix_of_tasks_reads_alone(sqlite_store, tmp_path, header, phase_word,
                                                                 task_word, caption):
    """A caption, "Code | Role | Organisation | Description" over five parties, a blank row, then (under a caption
    or not) a wider header "Stage | Task / Activity | SP | PMG | …" over rows of R/A/C/I letters, repeated per stage:
    the letters under the roles' columns made the roles table fit no field (refused whole), or its tasks were read
    as stakeholders. The roles table is read by its own rows — five stakeholders — and the table below is said to
    be another, its rows not imported."""
    rows = _roles_over_a_matrix(header, _PARTIES_EN, caption, phase_word, task_word)
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Project matrix.xlsx", {"Sheet1": rows}))
    people = named(sqlite_store, "stakeholders")
    assert set(people) == {p[1] for p in _PARTIES_EN}
    assert people["Sponsor"]["code"] == "SP"
    assert people["Developers"]["organisation"] == "Acme (Supplier)"
    said = " ".join(s.note for s in plan.sheets)
    assert "a table of its own" in said
    reasons = [r.reason for s in plan.sheets for r in s.reports]
    assert any("the header of another table" in r for r in reasons)


def test_a_table_stacked_under_a_caption_with_the_same_header_stays_one_register(sqlite_store, tmp_path):
    """Guards a reading that must not change: tables stacked under captions with the header written again (not
    wider) are one register, as before."""
    header = ["Code", "Role", "Organisation", "Description"]
    rows: list[list[object]] = [header, *[list(p) for p in _PARTIES_EN[:3]], [], ["Second team"], header,
                                *[list(p) for p in _PARTIES_EN[3:]]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": rows}))
    assert set(named(sqlite_store, "stakeholders")) == {p[1] for p in _PARTIES_EN}


_PLAN_ROWS = [
    ["Project goals and scope", "Everyone needs the same picture", "Maya Ortiz", "Whole team", "Kick-off meeting"],
    ["Roles on the project", "Each person knows what they own", "Maya Ortiz", "Whole team", "Kick-off meeting"],
    ["Equipment needed", "Requirements list for the studio", "Ravi Shah", "Maya Ortiz", "Request letter"],
    ["Work plan", "How the activities will be carried out", "Lena Vogt", "Whole team", "Activity list"],
]


@pytest.mark.parametrize(("number", "what", "why", "whom", "how"), [
    ("item", "What to communicate?", "Why communicate?", "To whom?", "How to communicate?"),
    ("#", "What do we need to communicate?", "Why?", "Who to inform?", "How will it be communicated?"),
    ("Nº", "¿Qué comunicar?", "¿Por qué comunicar?", "¿A quién comunicar?", "¿Cómo comunicar?"),
    ("N°", "Que communiquer ?", "Pourquoi communiquer ?", "À qui communiquer ?", "Comment communiquer ?"),
    ("Nr", "Was kommunizieren?", "Warum kommunizieren?", "An wen kommunizieren?", "Wie kommunizieren?"),
    ("N°", "Cosa comunicare?", "Perché comunicare?", "A chi comunicare?", "Come comunicare?"),
    ("Nº", "O que comunicar?", "Por que comunicar?", "A quem comunicar?", "Como comunicar?"),
    ("№", "Что сообщать?", "Зачем сообщать?", "Кому сообщать?", "Как сообщать?"),
])
def test_a_communication_plan_headed_by_questions_reads_each_as_its_field(sqlite_store, tmp_path, number, what, why,
                                                                         whom, how):
    """The PMBOK communication matrix written as questions ("What to communicate? | Why? | Sender | To whom? |
    How?"): no column was read as the message, and the plan was refused whole. What is the message, to whom the
    audience, how the channel; why stays in the notes under its header; the number column numbers the rows (their
    code), not a line of the notes."""
    rows: list[list[object]] = [[number, what, why, "Owner", whom, how]]
    rows += [[k + 1, *r[:2], r[2], r[3], r[4]] for k, r in enumerate(_PLAN_ROWS)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Communication matrix.xlsx", {"Sheet1": rows}))
    plans = named(sqlite_store, "communications")
    assert set(plans) == {r[0] for r in _PLAN_ROWS}
    goals = plans["Project goals and scope"]
    assert goals["audience"] == "Whole team"
    assert goals["channel"] == "Kick-off meeting"
    assert goals["code"] == "1"
    assert "Everyone needs the same picture" in goals["notes"]
    assert number not in goals["notes"]
    assert any(s.register == "communications" for s in plan.sheets)


def test_a_communication_plan_with_no_frequency_column_is_ad_hoc_said_once(sqlite_store, tmp_path):
    """A plan with no frequency column stored the default of a communication made by hand, "Monthly", on every row:
    a rhythm the colleague never set. Each new communication is Ad hoc (as a cell naming no frequency is), said once
    in the sheet's note."""
    rows: list[list[object]] = [["Message", "Purpose", "Sender", "Audience", "Channel"], *_PLAN_ROWS]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Comms plan.xlsx", {"Communications": rows}))
    plans = named(sqlite_store, "communications")
    assert len(plans) == 4
    assert {p["frequency"] for p in plans.values()} == {"Ad hoc"}
    notes = " ".join(s.note for s in plan.sheets)
    assert notes.count("No column gives the frequency") == 1


def test_a_communication_plans_own_frequencies_are_kept(sqlite_store, tmp_path):
    """Guards a reading that must not change: a plan with a frequency column keeps each row's."""
    rows: list[list[object]] = [["Message", "Audience", "Channel", "Frequency"],
                                ["Status report", "Sponsor", "Email", "Weekly"],
                                ["Steering review", "Board", "Meeting", "Quarterly"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Comms plan.xlsx", {"Communications": rows}))
    plans = named(sqlite_store, "communications")
    assert plans["Status report"]["frequency"] == "Weekly"
    assert plans["Steering review"]["frequency"] == "Quarterly"


@pytest.mark.parametrize("header", [
    ["What?", "Why?", "Who?", "To whom?", "How?", "When?"],
    ["¿Qué?", "¿Por qué?", "¿Quién?", "¿A quién?", "¿Cómo?", "¿Cuándo?"],
    ["Quoi ?", "Pourquoi ?", "Qui ?", "À qui ?", "Comment ?", "Quand ?"],
    ["Cosa?", "Perché?", "Chi?", "A chi?", "Come?", "Quando?"],
])
def test_the_communication_matrix_of_bare_questions_is_a_plan_not_an_action_list(sqlite_store, tmp_path, header):
    """"What? | Why? | Who? | To whom? | How? | When?" — the PMBOK matrix's questions alone: refused as an action
    plan's 5W questions (or as naming no field, in other languages). Asking to whom says it is a communication
    plan: what is the message, who the sender (owner), to whom the audience, how the channel, when the frequency."""
    rows: list[list[object]] = [header, ["Status report", "Keep the sponsor informed", "Maya Ortiz", "Sponsor", "Email",
                                         "Weekly"],
                                ["Steering review", "Decisions on scope", "Ravi Shah", "Board", "Meeting", "Monthly"],
                                ["Newsletter", "Awareness", "Lena Vogt", "All staff", "Intranet", "Quarterly"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Matrix.xlsx", {"Sheet1": rows}))
    plans = named(sqlite_store, "communications")
    assert set(plans) == {"Status report", "Steering review", "Newsletter"}
    report = plans["Status report"]
    assert report["audience"] == "Sponsor"
    assert report["channel"] == "Email"
    assert report["frequency"] == "Weekly"
    assert "Keep the sponsor informed" in report["notes"]


def test_a_plan_of_bare_questions_with_no_audience_stays_refused(sqlite_store, tmp_path):
    """Guards a reading that must not change: a founder's plan "N° | Qui ? | Quoi ? | Où ? | Comment ?" (steps to
    take, nobody told) is still refused — now as the action plan it is (its questions read as a communication
    plan's fields, with no one to tell)."""
    rows: list[list[object]] = [["N°", "Qui ?", "Quoi ?", "Où ?", "Comment ?"],
                                [1, "Nadia", "Register the company", "Paris", "Online form"],
                                [2, "Hugo", "Open the bank account", "Lyon", "At the branch"],
                                [3, "Nadia", "Hire the accountant", "Paris", "Interviews"]]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "Plan.xlsx", {"Sheet1": rows}))


def test_short_bracketed_placeholders_are_left_empty_said_once_longer_bracketed_text_kept(sqlite_store, tmp_path):
    """A plan's "Resource Links" column of template placeholders: "[link to vendor SoW]" was left empty without a
    word. A short one is a placeholder, left empty, said once in the sheet's note. A longer bracketed text ("[link to
    folder with training notes and survey results]", "[Awaiting the vendor's answer on the migration plan]") is kept:
    nothing tells a template's long placeholder from a colleague's bracketed note, and a note must not be lost
    (review60); a bracketed remark written as a sentence stays."""
    rows: list[list[object]] = [
        ["Message", "Audience", "Channel", "Frequency", "Resource Links"],
        ["Kick-off meeting", "Core team", "In person", "Weekly", "[link to meeting agenda and notes]"],
        ["Vendor review", "Vendor", "Video call", "Monthly", "[link to vendor SoW]"],
        ["Training results", "Managers", "Email", "Quarterly",
         "[link to folder with training notes and survey results]"],
        ["Room booking", "Facilities", "Email", "Monthly", "[Booked by Ana for the whole week, confirmed on the phone.]"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Comms plan.xlsx", {"Communications": rows}))
    plans = named(sqlite_store, "communications")
    assert len(plans) == 4
    for title in ("Kick-off meeting", "Vendor review"):
        assert "[" not in (plans[title]["notes"] or "")
    assert "[link to folder with training notes and survey results]" in plans["Training results"]["notes"]
    assert "[Booked by Ana for the whole week, confirmed on the phone.]" in plans["Room booking"]["notes"]
    notes = " ".join(s.note for s in plan.sheets)
    assert notes.count("placeholder in brackets") == 1
