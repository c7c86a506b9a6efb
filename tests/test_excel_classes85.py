"""Issue 12, classes85: the miss classes of unseen set 85 as general rules — a RAID workbook's side logs keep their
own codes under "Number" and link an issue to the risk it names; an issue's resolution approach is its action; a
project written with its spaces left out is the project another row named; a second mitigation column ("Key
mitigation actions") gives actions too. Each test writes a workbook of the shape (never a fetched file) and failed on
the code before (main fa24007c), unless its docstring says it guards a reading that must not change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_RISKS: list[list[object]] = [
    ["Risk Reference", "Date Raised", "Risk Description", "Probability", "Impact", "Status", "Mitigation",
     "Key mitigation actions / Closure note"],
    ["R-K3", date(2025, 2, 3), "Supplier misses the hardware delivery window", "High", "Medium", "Open",
     "Weekly call with the supplier", "Second supplier lined up"],
    ["R-K4", date(2025, 2, 3), "Testers are not available in March", "Low", "High", "Open",
     "Book the testers now", None],
]
_ISSUES: list[list[object]] = [
    ["Issue number", "Project", "Associated risk number", "Status", "Owner", "Date raised", "Issue description",
     "Priority", "Resolution approach"],
    ["I-K1", "Harbour Data Platform", "R-K3", "Open", "Mia Stone", date(2025, 3, 1),
     "The hardware arrived two weeks late", "High", "Escalate to the vendor's account manager"],
    ["I-K2", "Harbour Data Platform", "R-K9", "Open", "Mia Stone", date(2025, 3, 2),
     "The test lab has no power supply", "Medium", "Hire a generator until the supply is fixed"],
]
_ASSUMPTIONS: list[list[object]] = [
    ["Number", "Project", "Assumption", "Raised by", "Date raised", "Status"],
    ["A-K1", "Harbour Data Platform", "The vendor keeps its price for the year", "Mia Stone", date(2025, 1, 6), "Open"],
    ["A-K2", "Harbour Data Platform", "Users are trained before the go-live", "Mia Stone", date(2025, 1, 6), "Open"],
]
_DEPENDENCIES: list[list[object]] = [
    ["Number", "Project", "Description", "Raised by", "Status"],
    ["D-K1", "HarbourDataPlatform", "Network team opens the firewall ports", "Mia Stone", "Open"],
    ["D-K2", "HarbourDataPlatform", "Finance approves the second supplier", "Mia Stone", "Open"],
]


def _raid(tmp_path):
    return write_xlsx(tmp_path / "raid.xlsx", {"Risk log": _RISKS, "Issue Log": _ISSUES,
                                               "Assumptions Log": _ASSUMPTIONS, "Dependencies Log": _DEPENDENCIES})


def test_raid_side_logs_keep_their_own_numbers(sqlite_store, tmp_path):
    """A "Number" column of codes (A-K1, D-K1) is the assumption's and the dependency's own code: they were kept in the
    notes and A-001, D-001 invented."""
    import_all(sqlite_store, _raid(tmp_path))
    assert set(by_code(sqlite_store, "assumptions")) == {"A-K1", "A-K2"}
    assert set(by_code(sqlite_store, "dependencies")) == {"D-K1", "D-K2"}


def test_an_issue_links_to_the_risk_it_names_and_keeps_a_link_to_none_in_its_notes(sqlite_store, tmp_path):
    """"Associated risk number" naming a risk of the workbook links the issue to it; one naming no risk is kept in
    the issue's notes and said, the issue imported (it was refused for the link)."""
    plan = import_all(sqlite_store, _raid(tmp_path))
    issues = by_code(sqlite_store, "issues")
    risks = by_code(sqlite_store, "risks")
    assert set(issues) == {"I-K1", "I-K2"}
    assert issues["I-K1"]["risk"] in ("R-K3", risks["R-K3"]["id"])
    assert issues["I-K2"]["risk"] is None
    assert "R-K9" in issues["I-K2"]["description"]
    note = next(s.note for s in plan.sheets if s.sheet == "Issue Log")
    assert "R-K9" in note


def test_an_issues_resolution_approach_is_its_action(sqlite_store, tmp_path):
    """"Resolution approach" gives the issue's action, as a risk's mitigation does (it was kept in the notes)."""
    import_all(sqlite_store, _raid(tmp_path))
    actions = {a["description"] for a in rows_of(sqlite_store, "issue_actions")}
    assert actions == {"Escalate to the vendor's account manager", "Hire a generator until the supply is fixed"}


def test_a_project_written_without_its_spaces_is_the_project_named_before(sqlite_store, tmp_path):
    """"HarbourDataPlatform" on the dependencies, "Harbour Data Platform" on the issues: one project, said."""
    plan = import_all(sqlite_store, _raid(tmp_path))
    assert [p["name"] for p in rows_of(sqlite_store, "projects")] == ["Harbour Data Platform"]
    note = next(s.note for s in plan.sheets if s.sheet == "Dependencies Log")
    assert "without its spaces" in note


def test_projects_one_letter_apart_stay_two(sqlite_store, tmp_path):
    """Guard: "Phase 1A" and "Phase1B" are two projects, not one written squashed."""
    rows: list[list[object]] = [["Number", "Project", "Assumption", "Status"],
                                ["A-1", "Phase 1A", "The site is ready in May", "Open"],
                                ["A-2", "Phase1B", "The crane is free in June", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Assumptions": rows}))
    assert sorted(p["name"] for p in rows_of(sqlite_store, "projects")) == ["Phase 1A", "Phase1B"]


def test_a_second_mitigation_column_gives_actions_too(sqlite_store, tmp_path):
    """"Key mitigation actions / Closure note" beside "Mitigation": both columns are the risk's actions (the second
    was kept in the notes)."""
    import_all(sqlite_store, _raid(tmp_path))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Weekly call with the supplier", "Second supplier lined up", "Book the testers now"}


_TEMPLATE_HEADER: list[object] = ["Risk ID", "Risk Description", "Risk Category", "Probability", "Impact",
                                  "Risk Owner", "Risk Response", "Identification Date", "Status"]


def _numbered_rows(stems: tuple[str, str, str], count: int, mask: str = "DD/MM/YYYY") -> list[list[object]]:
    title, owner, plan = stems
    categories = ["Delivery", "Tools", "People", "Others", "Delivery"]
    return [[n, f"{title} {n}", categories[n % 5], n, 1, f"{owner} {n}", f"{plan}{n}", mask if n == 1 else None,
             "In Progress"] for n in range(1, count + 1)]


def test_a_templates_numbered_placeholder_rows_are_skipped(sqlite_store, tmp_path):
    """"Item 1 | … | Person 1 | Plan 1 | DD/MM/YYYY" … down the sheet, each text cell a word and the row's number
    (the others a list's choices or a date's format): the template's placeholders, skipped saying so — they made
    risks "Item N" owned by people "Person N". The real risks written below them are read."""
    rows = [_TEMPLATE_HEADER, *_numbered_rows(("Item", "Person", "Plan"), 4)]
    rows += [[5, "The data centre move slips past the summer", "Delivery", 3, 4, "Ana Silva", "Book the movers now",
              date(2025, 3, 1), "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Register_Template.xlsx", {"Risk_Register": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["The data centre move slips past the summer"]
    assert [p["name"] for p in rows_of(sqlite_store, "people")] == ["Ana Silva"]
    reasons = [r.reason for s in plan.sheets for r in s.reports if r.row == 2]
    assert any("numbered placeholders" in r for r in reasons)


@pytest.mark.parametrize("stems", [("Risk", "Owner", "Action "), ("Riesgo", "Responsable", "Respuesta ")])
def test_numbered_placeholders_in_any_language(sqlite_store, tmp_path, stems):
    """The shape, not the words: "Riesgo 1 | Responsable 1 | Respuesta 1" is as much a placeholder series."""
    rows = [_TEMPLATE_HEADER, *_numbered_rows(stems, 5, mask="dd-mm-yyyy")]
    rows += [[6, "Supplier misses the hardware window", "Tools", 2, 2, "Li Wei", "Weekly supplier call", None, "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Supplier misses the hardware window"]


def test_numbered_titles_beside_real_owners_stay_records(sqlite_store, tmp_path):
    """Guard: titles "Milestone 1" … owned by real people, with plans of their own, are records."""
    rows: list[list[object]] = [_TEMPLATE_HEADER]
    rows += [[n, f"Milestone {n}", "Delivery", 2, 3, owner, f"Track milestone {n} weekly with the vendor", None, "Open"]
             for n, owner in enumerate(["Ana Silva", "Tom Berg", "Li Wei"], 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Milestone 1", "Milestone 2", "Milestone 3"]


def test_titles_of_several_words_ending_in_the_rows_number_stay_records(sqlite_store, tmp_path):
    """Guard (found when classes83 and classes85 met): "Delay on work package 1" beside a link ".../browse/R-1",
    each ending in the row's number, are someone's own words — a text of three words or more is no placeholder."""
    rows: list[list[object]] = [_TEMPLATE_HEADER]
    rows += [[n, f"Delay on work package {n}", "Delivery", 2, 3, owner, f"https://tracker.example.org/browse/R-{n}",
              None, "Open"] for n, owner in enumerate(["Ana Silva", "Tom Berg", "Li Wei"], 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == [f"Delay on work package {n}" for n in (1, 2, 3)]


@pytest.mark.parametrize(("title", "marked"), [
    ("Illustrative supplier failure — example only", "Validated\n(Example only)"),
    ("Fallo ilustrativo del proveedor", "Solo de ejemplo"),
    ("Supplier failure (for illustration only)", "Validated"),
])
def test_a_row_marked_as_an_example_is_skipped(sqlite_store, tmp_path, title, marked):
    """A row whose cell says it is an example only ("(Example only)", "— example only", "Solo de ejemplo") is the
    template's example, skipped saying so (it was imported as a risk)."""
    rows: list[list[object]] = [
        ["Finding register — example record only"],
        ["Finding ID", "Title", "Validation Status", "Likelihood", "Business Impact", "Suggested Action"],
        ["TMP-001", title, marked, 4, 4, "Replace with the suggested action"],
        ["F-002", "Admin passwords are shared by e-mail", "For example only admins can log in", 3, 4,
         "Move the passwords to a vault"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Findings.xlsx", {"Risk Register": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Admin passwords are shared by e-mail"]
    reasons = [r.reason for s in plan.sheets for r in s.reports if r.row == 3]
    assert any("example" in r for r in reasons)


_DEFINITIONS = [
    "Change control is the process that makes sure every change to the plan is reviewed, approved and recorded.",
    "A baseline is the approved version of a plan against which the progress of the work is measured and reported.",
    "Earned value compares the work done with the work planned and the money spent, to show where a project stands.",
    "A stage gate is a point where the board decides whether the project goes on, changes course or stops entirely.",
]


def test_a_sheet_of_definitions_is_no_register(sqlite_store, tmp_path):
    """"# | Risk | See also | Link" over paragraphs defining terms, a term now and then in the "#" column, no
    ID, rating, owner, status or date: a glossary, skipped saying why (it made a risk of each definition). The
    register beside it is read."""
    glossary: list[list[object]] = [["#", "Risk", "See also", "Link"]]
    glossary += [[None, d, c, None] for d, c in zip(_DEFINITIONS[:3], reversed(_DEFINITIONS))]
    glossary += [["Stage gate", _DEFINITIONS[3], None, "https://example.org/gates"]]
    risks: list[list[object]] = [["Risk ID", "Risk Description", "Owner", "Probability", "Impact"],
                                 ["R1", "Vendor misses the delivery window", "Ana Silva", 3, 4]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": risks, "Project Doc": glossary}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Vendor misses the delivery window"]
    why = dict(plan.skipped_sheets)["Project Doc"]
    assert "definitions of terms" in why


def test_a_list_of_long_risk_statements_with_ids_stays_the_register(sqlite_store, tmp_path):
    """Guard: "ID | Risk" over long risk statements, each with its ID, is a register, however long its titles."""
    rows: list[list[object]] = [["ID", "Risk"]]
    rows += [[f"R{n}", f"There is a risk that {d[0].lower()}{d[1:]}"] for n, d in enumerate(_DEFINITIONS, 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 4


@pytest.mark.parametrize(("first", "second"), [
    (["Risk", "Likelihood", "Impact", "Mitigation"], ["Opportunity description", "Likelihood", "Impact", "Plan"]),
    (["Riesgo", "Probabilidad", "Impacto", "Acción"], ["Oportunidades", "Probabilidad", "Impacto", "Acción"]),
])
def test_opportunities_under_the_threats_are_read_as_opportunities(sqlite_store, tmp_path, first, second):
    """After a blank row the sheet's second header names the other side ("Opportunity description | Likelihood |
    Impact"), its columns the register's own: its rows are risks of kind Opportunity (they were skipped as another
    table's)."""
    rows: list[list[object]] = [first,
                                ["Key developer leaves", "Low", "High", "Pair on every module"],
                                ["Server room floods", "Medium", "High", "Move the servers upstairs"],
                                [None, None, None, None], second,
                                ["A grant pays for the new lab", "Medium", "High", "Apply before June"],
                                ["The vendor offers a discount", "High", "Low", "Sign the framework early"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "analysis.xlsx", {"Sheet1": rows}))
    kinds = {r["title"]: r["kind"] for r in rows_of(sqlite_store, "risks")}
    assert kinds == {"Key developer leaves": "Threat", "Server room floods": "Threat",
                     "A grant pays for the new lab": "Opportunity", "The vendor offers a discount": "Opportunity"}
    assert "kind Opportunity" in plan.sheets[0].note


def test_another_table_under_the_risks_stays_left_out(sqlite_store, tmp_path):
    """Guard: a table under the risks headed by an opportunity word but of other columns ("Opportunity | Budget |
    Quarter | Team": a sales pipeline) is still another table's, not opportunities."""
    rows: list[list[object]] = [["Risk", "Likelihood", "Impact", "Mitigation"],
                                ["Key developer leaves", "Low", "High", "Pair on every module"],
                                ["Server room floods", "Medium", "High", "Move the servers upstairs"],
                                ["Scope grows", "High", "Medium", "Freeze the scope"],
                                [None, None, None, None], ["Opportunity", "Budget", "Quarter", "Team"],
                                ["Hospital tender", "Fifty", "Autumn", "Sales"],
                                ["School laptops", "Twenty", "Winter", "Sales"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "analysis.xlsx", {"Sheet1": rows}))
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Key developer leaves", "Server room floods",
                                                                    "Scope grows"]


@pytest.mark.parametrize(("header", "trigger"), [
    (["ID", "Descripción del riesgo", "Detonador", "Impacto"], "Falta de revisión semanal"),
    (["ID", "Risicobeschrijving", "Waarschuwingssignalen", "Impact"], "Leverancier mist twee leveringen"),
    (["ID", "Risikobeskrivelse", "Udløser", "Konsekvens"], "Leverandøren svarer ikke"),
])
def test_the_trigger_column_in_more_languages(sqlite_store, tmp_path, header, trigger):
    """"Detonador (del riesgo)", "Waarschuwingssignalen", "Udløser": the risk's trigger (it was kept in the notes)."""
    rows: list[list[object]] = [header, ["R1", "El proveedor entrega tarde", trigger, "Alto"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "riesgos.xlsx", {"Riesgos": rows}))
    assert [r["trigger"] for r in rows_of(sqlite_store, "risks")] == [trigger]


def test_numbered_titles_under_their_own_ids_stay_records(sqlite_store, tmp_path):
    """Guard: "R1 | Risk number 1 | … | Q2 25" — the ID counts up with the rows as every register's does, and is no
    placeholder: the rows are records."""
    rows: list[list[object]] = [["ID", "Risk", "Probability", "Impact", "Target date"],
                                *[[f"R{i}", f"Risk number {i}", 2, 3, "Q2 25"] for i in range(1, 5)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 4


def _checklist(assessed: dict[int, list[object]]) -> list[list[object]]:
    header: list[object] = ["Hazard checklist", "Hazard checklist", "Hazard checklist", "Ref", "Date identified",
                            "Risk description", "Owner", "Probability", "Impact"]
    items = [("Site", "Working at height", "Falls from scaffolds and roofs"),
             (None, "Confined spaces", "Tanks, pits and sewers with poor air"),
             (None, "Moving vehicles", "Dumpers and lorries reversing on site"),
             ("People", "Lone working", "Staff working out of sight of others"),
             (None, "Fatigue", "Long shifts and night work")]
    rows: list[list[object]] = [header]
    for n, (group, name, meaning) in enumerate(items, 1):
        rows.append([group, name, meaning, n, *assessed.get(n, [None, None, None, None, None])])
    return rows


def test_a_checklist_titles_its_assessed_rows_by_their_names(sqlite_store, tmp_path):
    """A checklist register ("Hazard checklist" over three label columns left of "Ref", "Risk description" empty): the
    rows someone assessed are risks titled by their item's name; the items nobody assessed are skipped, said (every
    row was left out "Title cannot be empty")."""
    rows = _checklist({1: [date(2025, 3, 3), None, "Ana Silva", 3, 4], 4: [date(2025, 3, 4), None, None, 2, 5]})
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Hazards.xlsx", {"Risk Register": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"Working at height", "Lone working"}
    assert risks["Working at height"]["probability"] == 3
    reasons = [r.reason for s in plan.sheets for r in s.reports if r.row == 3]
    assert any("nobody assessed" in r for r in reasons)


def test_a_label_column_beside_real_titles_stays_in_the_notes(sqlite_store, tmp_path):
    """Guard: the same checklist with its "Risk description" written keeps the description as the title."""
    rows = _checklist({n: [date(2025, 3, 3), f"Risk {n} written by the assessor in full", "Ana Silva", 2, 2]
                       for n in range(1, 6)})
    import_all(sqlite_store, write_xlsx(tmp_path / "Hazards.xlsx", {"Risk Register": rows}))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == \
        [f"Risk {n} written by the assessor in full" for n in range(1, 6)]
