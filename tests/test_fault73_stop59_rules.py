"""Issue 12, fault73: faults injected into the rules stop 59 added — ordinary registers that look like their shapes,
and near variants they should take. Each test writes a workbook of the shape (never a fetched file), imports it
through the real code and failed on main d9ccd20b unless its docstring says it guards a reading that must not
change."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

_PLACED = [("R-001", "Supplier delivers late", "Very High", "Very High"),
           ("R-003", "Budget cut in Q3", "High", "Medium"),
           ("R-002", "Key engineer leaves", "Medium", "High"),
           ("R-005", "Scope creep from sales", "Low", "Low"),
           ("R-004", "Data centre outage", "Very Low", "Very Low")]
_ACROSS = ["Very Low", "Low", "Medium", "High", "Very High"]
_LEVEL = {"Very Low": 1, "Low": 2, "Medium": 3, "High": 4, "Very High": 5}


def _heat_map(corner: str) -> list[list[object]]:
    """A probability-impact matrix: the impact's levels down column A under ``corner``, the likelihood's across,
    each risk written with its ID in the cell where its ratings meet."""
    rows: list[list[object]] = [[corner, *_ACROSS]]
    for code, title, down, across in _PLACED:
        row: list[object] = [down] + [None] * len(_ACROSS)
        row[1 + _ACROSS.index(across)] = f"{code} {title}"
        rows.append(row)
    return rows


def test_a_heat_map_of_risks_is_no_list_of_issues_by_level(sqlite_store, tmp_path):
    """"Impact | Very Low … Very High" over rows "Very High" … "Very Low", a risk where its ratings meet: read as a
    list by level, it made five issues titled "R-003 Budget cut in Q3", their priority the likelihood's column. Two
    scales make a matrix: the risks are risks, the side's levels (headed "Impact" in the corner) their impact, the
    top's their likelihood, and each keeps the ID written before its title."""
    import_all(sqlite_store, write_xlsx(tmp_path / "q3.xlsx", {"Sheet2": _heat_map("Impact")}))
    assert rows_of(sqlite_store, "issues") == []
    got = named(sqlite_store, "risks")
    assert set(got) == {t for _c, t, _d, _a in _PLACED}
    for code, title, down, across in _PLACED:
        assert got[title]["code"] == code
        assert (got[title]["impact"], got[title]["probability"]) == (_LEVEL[down], _LEVEL[across])


def test_a_heat_map_beside_the_risk_register_adds_nothing(sqlite_store, tmp_path):
    """The same matrix on an unnamed sheet beside the register it draws: five issues more were made of it."""
    register: list[list[object]] = [["Risk ID", "Risk Title", "Likelihood", "Impact", "Owner", "Status"]]
    register += [[c, t, _LEVEL[a], _LEVEL[d], "Ana Silva", "Open"] for c, t, d, a in _PLACED]
    path = write_xlsx(tmp_path / "q3 review.xlsx", {"Risk Register": register, "Sheet2": _heat_map("Impact")})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []
    assert {r["code"] for r in rows_of(sqlite_store, "risks")} == {c for c, _t, _d, _a in _PLACED}


@pytest.mark.parametrize(("levels", "priorities"), [
    (["Very High", "High", "Medium", "Low", "Very Low"], ["Critical", "High", "Medium", "Low", "Low"]),
    (["Sehr hoch", "Hoch", "Mittel", "Niedrig", "Sehr niedrig"], ["Critical", "High", "Medium", "Low", "Low"]),
    (["Très élevée", "Élevée", "Moyenne", "Faible", "Très faible"], ["Critical", "High", "Medium", "Low", "Low"]),
    (["Muy alta", "Alta", "Media", "Baja", "Muy baja"], ["Critical", "High", "Medium", "Low", "Low"]),
])
def test_a_defect_list_by_five_levels_in_its_own_language(sqlite_store, tmp_path, levels, priorities):
    """"Modul | Sehr hoch | Hoch | Mittel | Niedrig | Sehr niedrig", a defect under its level: English's five levels
    were read, German's, French's and Spanish's "very high" were no issue priority and the list was refused "no
    header row". The English guards the reading that was right."""
    texts = ["Crash when saving the form", "Reset mail arrives late", "Results come unsorted",
             "Typo on the help page", "Icon slightly blurred"]
    rows: list[list[object]] = [["Modul", *levels]]
    for i, text in enumerate(texts):
        row: list[object] = ["Login" if i == 0 else "Suche" if i == 2 else None] + [None] * len(levels)
        row[1 + i] = text
        rows.append(row)
    import_all(sqlite_store, write_xlsx(tmp_path / "fehler.xlsx", {"Tabelle1": rows}))
    got = named(sqlite_store, "issues")
    assert {t: got[t]["priority"] for t in texts} == dict(zip(texts, priorities))
    assert "Modul: Login" in (got["Reset mail arrives late"]["description"] or "")


def test_a_row_tagged_example_in_brackets_is_the_templates_example(sqlite_store, tmp_path):
    """"[Example] Supplier goes bankrupt", "Office move delayed (Beispiel)", "[sample]" alone in the notes: the
    template's tags on its worked examples, imported as risks. Skipped, said on the row; "(example: laptop stolen)"
    and "Example of …" are someone's words and stay."""
    rows: list[list[object]] = [["Risk ID", "Title", "Owner", "Status", "Notes"],
                                ["R-0", "[Example] Supplier goes bankrupt", "Max Muster", "Open", None],
                                ["R-00", "Office move delayed (Beispiel)", "Max Muster", "Open", None],
                                ["R-000", "Licence costs rise", "Max Muster", "Open", "[sample]"],
                                ["R-1", "Data loss (example: laptop stolen)", "Ana Silva", "Open", None],
                                ["R-2", "Example of vendor lock-in hurting us", "Ben Ode", "Open", None],
                                ["R-3", "Server room floods", "Ana Silva", "Open", "see [1]"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert set(named(sqlite_store, "risks")) == {"Data loss (example: laptop stolen)",
                                                 "Example of vendor lock-in hurting us", "Server room floods"}
    said = [r.report.reason for r in plan.sheets[0].rows if r.report.row in (2, 3, 4)]
    assert len(said) == 3 and all("the template's example" in s for s in said)


def test_a_group_column_written_on_each_row_leaves_its_blanks_blank(sqlite_store, tmp_path):
    """"Area | Issues", the area written on every row it applies to and left blank where none does: read as a
    group written once, "Nobody owns the shared mailbox" was said to be Finance's — an area invented. A label
    written again on the next row shows the column is no group's: each row keeps its own, a blank none."""
    rows: list[list[object]] = [["Area", "Issues"], ["Finance", "Invoices are posted twice"],
                                ["Finance", "Cost centre list is outdated"], [None, "Nobody owns the shared mailbox"],
                                ["IT", "VPN drops every hour"], ["IT", "Laptops arrive without images"],
                                [None, "Meeting rooms are double booked"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    got = named(sqlite_store, "issues")
    assert len(got) == 6
    assert "Finance" not in (got["Nobody owns the shared mailbox"]["description"] or "")
    assert "IT" not in (got["Meeting rooms are double booked"]["description"] or "")
    assert "Area: Finance" in (got["Cost centre list is outdated"]["description"] or "")


def test_a_group_written_once_is_still_carried_down(sqlite_store, tmp_path):
    """Guard: "Page Name | Issues", each page written once over its issues, still gives the rows below it."""
    rows: list[list[object]] = [["Page Name", "Issues"], ["Home Page", "Pictures change too fast"],
                                [None, "Services click goes nowhere"], ["Newsletter", "Signup button hidden"],
                                [None, "Unsubscribe link broken"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    got = named(sqlite_store, "issues")
    assert "Page Name: Home Page" in (got["Services click goes nowhere"]["description"] or "")
    assert "Page Name: Newsletter" in (got["Unsubscribe link broken"]["description"] or "")


_SIDE = ["ID", "{}", "Owner", "Probability", "Impact", "Status"]


@pytest.mark.parametrize(("first", "second", "kinds"), [
    ("Opportunity", "Threat", ("Opportunity", "Threat")),   # the threats under the opportunities
    ("Risk", "Threats", ("Threat", "Threat")),              # the threats' own table under the plain risks
])
def test_the_threats_table_under_a_first_table_is_the_registers(sqlite_store, tmp_path, first, second, kinds):
    """An opportunities table, a blank row, then "ID | Threat | Owner | Probability | Impact | Status" over its
    risks: the threats were skipped as another table's, "not risks, not imported" — lost. They are the register's
    other side, as the opportunities under the threats are."""
    rows: list[list[object]] = [[x.format(first) for x in _SIDE],
                                ["O-1", "Grant for green IT", "Ana Silva", 3, 4, "Open"],
                                ["O-2", "Reuse of the CRM licence", "Ben Ode", 2, 3, "Open"], [],
                                [x.format(second) for x in _SIDE],
                                ["T-1", "Grant withdrawn", "Carla Ruiz", 2, 4, "Open"],
                                ["T-2", "CRM licence lapses", "Dan Poe", 3, 2, "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risk register": rows}))
    got = {r["code"]: r["kind"] for r in rows_of(sqlite_store, "risks")}
    assert got == {"O-1": kinds[0], "O-2": kinds[0], "T-1": kinds[1], "T-2": kinds[1]}


def test_a_status_report_naming_a_project_on_two_rows_is_the_projects_items(sqlite_store, tmp_path):
    """"Priority | Project | Status | Notes" under "Project Status Report" and a week's date, "Portal" on two rows:
    read as status reports, two of one project in one month, the apply stopped whole ("The change conflicts with
    other records and was not saved"). A report is one a project: the rows are the projects' items, read as
    before the rule (an issue each, its project named)."""
    from datetime import date
    rows: list[list[object]] = [["Project Status Report"], ["Week ending", date(2025, 3, 7)], [],
                                ["Priority", "Project", "Status", "Notes"],
                                ["High", "Portal", "On track", "Login page redesign signed off"],
                                ["High", "Portal", "At risk", "Payment provider contract not signed"],
                                ["Medium", "Billing", "Delayed", "Invoice run moved to April"],
                                ["Low", "HR app", "Completed", "Go-live done on Monday"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Project Status Report.xlsx", {"Report": rows}))
    assert rows_of(sqlite_store, "status_reports") == []
    assert len(rows_of(sqlite_store, "issues")) == 4


def test_two_reports_of_one_project_and_date_refuse_the_second_on_its_row(sqlite_store, tmp_path):
    """"Projects | 2016-02-13" (a status report of one date, left59b), "Portal" said twice: the preview said "will
    insert" of both and the apply stopped whole. The second is refused on its row, naming the first; the rest come
    in."""
    from datetime import date
    rows: list[list[object]] = [["Projects", date(2016, 2, 13)], ["Portal", "Login page signed off"],
                                ["Billing", "Invoice run moved"], ["Portal", "Payment contract still open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Status report.xlsx", {"Sheet1": rows}))
    assert sorted(r["commentary"] for r in rows_of(sqlite_store, "status_reports")) == \
        ["Invoice run moved", "Login page signed off"]
    refused = [r.report for r in plan.sheets[0].rows if r.report.row == 4][0]
    assert "Portal already has a report for 2016-02 on row 2" in refused.reason


def test_an_exported_status_reports_sheet_with_a_twin_row_refuses_the_twin(sqlite_store, tmp_path):
    """The status reports' sheet as the office exports it ("Project | Period | Overall | Commentary") with a second
    row of one project and period typed in: the apply stopped whole. The twin is refused on its row."""
    rows: list[list[object]] = [["Project", "Period", "Overall", "Commentary"],
                                ["Portal", "2025-03", "Green", "All fine"],
                                ["Portal", "2025-03", "Amber", "Contract late"],
                                ["Billing", "2025-03", "Green", "Fine"]]
    projects: list[list[object]] = [["Project", "Status"], ["Portal", "Active"], ["Billing", "Active"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "reports.xlsx", {"Projects": projects,
                                                                          "Status reports": rows}))
    assert sorted(r["commentary"] for r in rows_of(sqlite_store, "status_reports")) == ["All fine", "Fine"]
    said = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row == 3 and s.sheet == "Status reports"]
    assert said and "Portal already has a report for 2025-03 on row 2" in said[0]


def test_two_turned_blocks_on_one_sheet_are_one_registers_records(sqlite_store, tmp_path):
    """A risk register laid out one risk a column (left59's turned reading), its risks in two blocks one under the
    other, a blank row between, the labels written again down column A: refused "no header row". Each column of
    each block is a risk, its texts under their labels."""
    rows: list[list[object]] = [
        ["Risk register"], [None, "Supplier fails", "Key staff leave"],
        ["Description", "The main supplier cannot deliver the parts in time",
         "Two senior engineers may leave after the merger"],
        ["Mitigation", "Qualify a second supplier before June", "Retention bonus for the core team"],
        ["Owner", "Ana Silva", "Ben Ode"], [],
        [None, "Budget cut", "Vendor lock-in"],
        ["Description", "The board may cut the budget by a tenth", "The platform ties us to one cloud vendor"],
        ["Mitigation", "Prepare a reduced scope plan now", "Keep the data export tested each quarter"],
        ["Owner", "Carla Ruiz", "Dan Poe"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risk register": rows}))
    got = named(sqlite_store, "risks")
    assert set(got) == {"Supplier fails", "Key staff leave", "Budget cut", "Vendor lock-in"}
    assert "The platform ties us to one cloud vendor" in (got["Vendor lock-in"]["notes"] or "")
    actions = {r["description"] for r in rows_of(sqlite_store, "risk_actions")}
    assert "Prepare a reduced scope plan now" in actions and "Retention bonus for the core team" in actions
    assert "in 2 blocks one under the other" in " ".join(s.note for s in plan.sheets)


_PARAGRAPHS = [
    "The vendor has not delivered the signed contract and the legal team cannot start the review before month end",
    "Two of the four testers were moved to another project so the regression cycle will take twice as long",
    "The data centre migration window clashes with the finance year end freeze and needs to be moved by the board",
    "Users in the Lisbon office report that the new laptops arrive without the standard image and cannot log in"]


@pytest.mark.parametrize(("sheet", "header", "register"), [
    ("Issues", ["#", "Issue", "Comments"], "issues"),
    ("Risk register", ["Ref", "Risk description", "Comments"], "risks"),
])
def test_a_register_of_paragraphs_with_its_number_column_empty_is_no_glossary(sqlite_store, tmp_path, sheet,
                                                                               header, register):
    """An issue list on a sheet named "Issues", "#" left empty, each issue told in a sentence of twenty words:
    skipped as a glossary ("its rows are definitions of terms"), and the refusal said only "No sheet … has a header
    row". A sheet named as the register holds its records."""
    rows: list[list[object]] = [header] + [[None, text, "Raised at the weekly meeting"] for text in _PARAGRAPHS]
    import_all(sqlite_store, write_xlsx(tmp_path / "log.xlsx", {sheet: rows}))
    assert {r["title"] for r in rows_of(sqlite_store, register)} == set(_PARAGRAPHS)


def test_a_workbook_of_a_glossary_alone_is_refused_saying_so(sqlite_store, tmp_path):
    """A definitions sheet alone ("# | Risk Assessment | Resource Link", a paragraph a term): refused "No sheet …
    has a header row … add a row above its first" — a header it has. The refusal says it holds definitions."""
    from pmo_desktop.excel.errors import WorkbookError
    defined = ["Risk assessment is the part of risk management that finds and rates the risks before anyone decides",
               "Risk control is what the project does about a rated risk, from avoiding it to accepting it with a plan",
               "Root cause analysis looks behind an event for the condition that made it possible, so it does not recur"]
    rows: list[list[object]] = [["#", "Risk Assessment", "Resource Link"]]
    rows += [[None, text, "https://example.org/terms"] for text in defined]
    with pytest.raises(WorkbookError, match="definitions of terms"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risk Management Doc.": rows}))


@pytest.mark.parametrize(("sheet", "header", "note"), [
    ("Registre des risques", ["ID", "Risque", "Responsable", "Statut", "Coût estimé"], "Montant à titre indicatif"),
    ("Risiken", ["ID", "Risiko", "Verantwortlich", "Status", "Bemerkung"], "Zusammenarbeit bisher beispielhaft"),
    ("Risicoregister", ["ID", "Risico", "Eigenaar", "Status", "Opmerking"], "Planning ter illustratie"),
])
def test_words_that_say_no_example_only_keep_the_record(sqlite_store, tmp_path, sheet, header, note):
    """"à titre indicatif" (an amount given as an estimate), "beispielhaft" (exemplary), "ter illustratie" (to
    illustrate) were example marks: a risk whose cell ended so was skipped as the template's example. Only words
    saying the row is an example only mark it; "(Example only)" still does."""
    rows: list[list[object]] = [header, ["R-1", "Supplier fails", "Ana Silva", "Open", note],
                                ["R-2", "Key staff leave", "Ben Ode", "Open", None],
                                ["R-3", "Budget cut", "Carla Ruiz", "Open", "(Example only)"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {sheet: rows}))
    got = named(sqlite_store, "risks")
    assert set(got) == {"Supplier fails", "Key staff leave"}
    assert note in (got["Supplier fails"]["notes"] or "")


def test_a_checklist_whose_group_is_written_on_every_row_is_titled_by_its_items(sqlite_store, tmp_path):
    """"Hazard checklist | Hazard checklist | Risk No. | … | Risk Description (empty) | …", the group ("Site",
    "Tools") written on every row beside the item ("Falls from ladders"): both columns name every row, and the first
    won — two risks titled "Site" and "Tools". The column naming each row its own titles them."""
    rows: list[list[object]] = [
        ["Hazard checklist", "Hazard checklist", "Risk No.", "Date Identified", "Risk Description", "Probability",
         "Impact"],
        ["Site", "Working at height", 1, None, None, None, None],
        ["Site", "Falls from ladders", 2, "2025-03-01", None, 3, 4],
        ["Tools", "Power tools", 3, None, None, None, None],
        ["Tools", "Noise", 4, "2025-03-02", None, 2, 2]]
    import_all(sqlite_store, write_xlsx(tmp_path / "hazards.xlsx", {"Risk register": rows}))
    got = named(sqlite_store, "risks")
    assert set(got) == {"Falls from ladders", "Noise"}
    assert "Site" in (got["Falls from ladders"]["notes"] or "")
