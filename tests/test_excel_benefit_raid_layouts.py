"""Benefits registers and RAID logs laid out as offices publish them (issue 12, left42; the layouts and their
sources in docs/import-rounds.md, "Benefits registers and RAID logs as published"): a course's "Program Benefits
Register" with its legend under the table, a PRINCE2 benefits realisation plan, a transport agency's register
of KPIs, metrics and objectives, a tracker with a target per year and a RAG, an NHS register by cash-releasing
category, and RAID logs with a RAG column in four languages. Each test writes the workbook and checks every
field lands, nothing is lost and nothing is made that the sheet did not hold."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.excel.value_translation import quantity

# ------------------------------------------------------------------ a course's "Program Benefits Register"


def test_a_legend_under_a_benefits_register_names_no_project_and_its_delivery_date_is_the_target(sqlite_store, tmp_path):
    """"Project | Benefit ID | Benefit Description | Benefit Owner | Target Delivery Date | Type | Category | …" under
    a merged title, a Legend block under the table ("Project | Name of the related projects …"). The legend's rows
    were skipped as notes, but the projects they named ("Project", "Benefit ID") had been gathered as each row was
    read and were created: two junk projects. Only the rows imported name projects to create. "Target Delivery
    Date" is the target date; "Tangible" is no "Intangible" (read as Non-financial by closeness: the opposite), so
    the Type column, not the financial category, is kept in the notes."""
    rows = [
        ["Program Benefits Register"],
        ["Project", "Benefit ID", "Benefit Description", "Benefit Owner", "Target Delivery Date", "Type", "Category",
         "Alignment", "Measurement Criteria", "Realization Status", "Planned Benefit", "Actual Benefit"],
        ["Hangar renovation", "B1", "Reduce heating cost of the hangar", "Maj. Ortiz", date(2027, 3, 31), "Tangible",
         "Cost savings", "Facilities", "Annual energy bill ($)", "In progress", "$120,000", "$45,000"],
        ["UPS upgrade", "B2", "Fewer outages of mission systems", "Capt. Reyes", date(2026, 12, 31), "Intangible",
         "Process improvement", "Whole enterprise", "Outage hours per year", "Planned", 12, None],
        ["UPS upgrade", "B3", "Lower maintenance contract cost", "Maj. Ortiz", date(2027, 9, 30), "Tangible",
         "Cost savings", "Facilities", "Contract cost ($)", "Realized", "$30,000", "$32,500"],
        [],
        ["Legend"],
        ["Project", "Name of the related projects to be managed in the same program."],
        ["Benefit ID", "Identifier assigned to each unique benefit in the program."],
        ["Benefit Owner", "The responsible team member for delivering the benefit to the organization."],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Program Benefits Register.xlsx", {"Sheet1": rows},
                                        merges={"Sheet1": ["A1:L1"]}))
    assert sorted(p["name"] for p in rows_of(sqlite_store, "projects")) == ["Hangar renovation", "UPS upgrade"]
    benefits = {b["code"]: b for b in rows_of(sqlite_store, "benefits")}
    assert sorted(benefits) == ["B1", "B2", "B3"]
    assert [benefits[c]["target_date"] for c in ("B1", "B2", "B3")] == \
        [date(2027, 3, 31), date(2026, 12, 31), date(2027, 9, 30)]
    assert [benefits[c]["lifecycle"] for c in ("B1", "B2", "B3")] == ["Realizing", "Planned", "Realized"]
    assert benefits["B1"]["owner"] == "Maj. Ortiz" and benefits["B1"]["measure"] == "Annual energy bill ($)"
    for code, kind in (("B1", "Tangible"), ("B2", "Intangible")):
        assert f"Type: {kind}" in benefits[code]["description"]
    assert "Actual Benefit: $32,500" in benefits["B3"]["description"]
    assert sorted(p["name"] for p in rows_of(sqlite_store, "people")) == ["Capt. Reyes", "Maj. Ortiz"]


# ------------------------------------------------------------------ a PRINCE2 benefits realisation plan


def test_a_benefits_plan_writing_baseline_and_target_with_their_unit_imports_every_benefit(sqlite_store, tmp_path):
    """A PRINCE2 "Benefits Realisation Plan" summary: "# | Benefit | Category | Measurement | Baseline | Target |
    Target date | Owner | Status" under the project's lines, the baseline and target written with their unit
    ("12 days", "5 days"). The first benefit was dropped as "text under the header" (two values no number rule
    read); "#" B01 … was kept in the notes and codes made up; the Status (In progress, Achieved …) was dropped as
    the office's calculated status. Now "12 days" is 12 in days, "#" the ID, the Status the benefit's stage, and
    the office's own themes (Efficiency, Quality, People) are kept in the notes, not half read as the financial
    category and the other half refused."""
    rows = [
        ["Benefits Realisation Plan"],
        ["Project:", "Finance system replacement"],
        ["Benefits owner (post go-live):", "Dana White, Finance Director"],
        [],
        ["#", "Benefit", "Category", "Measurement", "Baseline", "Target", "Target date", "Owner", "Status"],
        ["B01", "Faster month-end close", "Efficiency", "Days to close the month", "12 days", "5 days",
         date(2026, 12, 31), "Dana White", "In progress"],
        ["B02", "Fewer invoice errors", "Quality", "Invoices corrected per month", 140, 30, date(2027, 3, 31),
         "Sam Okafor", "Not started"],
        ["B03", "Lower licence cost", "Financial", "Annual licence spend", "£85,000", "£40,000", date(2027, 6, 30),
         "Dana White", "Partially achieved"],
        ["B04", "Staff retention in finance", "People", "Voluntary leavers per year", "9 leavers", "4 leavers",
         date(2027, 12, 31), "HR Business Partner", "Achieved"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "benefits-realisation-plan.xlsx", {"Benefits Summary": rows}))
    assert not [r for r in plan.reports if r.action.value == "error"]
    got = {b["code"]: b for b in rows_of(sqlite_store, "benefits")}
    assert [(c, b["title"], b["baseline_value"], b["target_value"], b["unit"], b["lifecycle"], b["owner"])
            for c, b in got.items()] == [
        ("B01", "Faster month-end close", 12, 5, "days", "Realizing", "Dana White"),
        ("B02", "Fewer invoice errors", 140, 30, "", "Planned", "Sam Okafor"),
        ("B03", "Lower licence cost", 85000, 40000, "£", "Realizing", "Dana White"),
        ("B04", "Staff retention in finance", 9, 4, "leavers", "Realized", "HR Business Partner")]
    # the sheet's stage word read as another stage is kept beside it (heldout50)
    assert [got[c]["description"] for c in ("B01", "B02", "B04")] == \
        ["Category: Efficiency\nStatus: In progress", "Category: Quality\nStatus: Not started",
         "Category: People\nStatus: Achieved"]


@pytest.mark.parametrize(("written", "read"), [
    ("12 days", (12, "days")), ("4,5 Tage", (4.5, "Tage")), ("1,200 hours", (1200, "hours")),
    ("3 FTE", (3, "FTE")), ("-2 weeks", (-2, "weeks")), ("10 per month", (10, "per month")),
    ("5m", None), ("2 million", None), ("250k", None), ("£250k", None), ("12", None), ("24/7", None),
    ("3 EUR", None), ("Q3 2026", None)])
def test_a_number_followed_by_its_unit_word_is_read_with_the_unit_and_a_multiplier_is_not_a_unit(written, read):
    """A baseline or target written with its unit: the number, and the unit word after it. A letter or word that
    multiplies ("5m", "2 million") and a currency are left to the money rule, which reads "m" as a million only
    beside a currency; a figure after a word ("Q3 2026") is no quantity."""
    assert quantity(written) == read


# ------------------------------------------------------------------ KPIs, metrics and strategic objectives


def _transport_register() -> list[list[object]]:
    return [
        ["Benefit ID", "Objective", "Benefit description", "KPI", "Benefit metric", "Measurement source",
         "Baseline measurement", "Baseline date", "Target measure", "Target measure date", "Benefit owner"],
        ["BEN-01", "Safer roads", "Fewer serious crashes on the corridor", "Serious injury crashes",
         "Crashes per year", "Police crash data", 42, date(2025, 6, 30), 30, date(2028, 6, 30), "Director Road Safety"],
        ["BEN-02", "Reliable journeys", "More predictable travel times", "Travel time reliability",
         "% trips within 5 min of median", "Bluetooth sensors", "68%", date(2025, 6, 30), "85%", date(2028, 12, 31),
         "Network Operations Lead"],
        ["BEN-03", "Safer roads", "Fewer crashes at the school crossing", "Crossing crashes", "Crashes per year",
         "Police crash data", 6, date(2025, 6, 30), 2, date(2027, 6, 30), "Director Road Safety"],
    ]


def test_a_register_naming_strategic_objectives_creates_them_when_the_user_agrees(sqlite_store, tmp_path):
    """A transport agency's register (ATAP): each benefit under the strategic objective it serves, its KPI and
    metric, where the measurement comes from, the baseline with the date taken, the target measure and its date.
    Every benefit was refused — "there is no strategic objective called “Safer roads”" — though the user had
    agreed to create what the workbook names. The objectives are created like projects, once each, and linked;
    "Target measure", "Target measure date" and "Measurement source" are the target, its date and how it is
    measured. Without the user's agreement the refusal says how to give it."""
    path = write_xlsx(tmp_path / "Benefits Register.xlsx", {"Benefits Register": _transport_register()})
    refused = plan_workbook_import(sqlite_store, path)
    assert any("tick “create missing”" in r.reason for r in refused.reports if r.action.value == "error")
    plan = import_all(sqlite_store, path)
    assert not [r for r in plan.reports if r.action.value == "error"]
    assert sorted(o["title"] for o in rows_of(sqlite_store, "objectives")) == ["Reliable journeys", "Safer roads"]
    got = {b["code"]: b for b in rows_of(sqlite_store, "benefits")}
    assert [(b["objectives"], b["measure"], b["measurement_method"], b["baseline_value"], b["baseline_date"],
             b["target_value"], b["target_date"]) for b in got.values()] == [
        ("Safer roads", "Serious injury crashes", "Police crash data", 42, date(2025, 6, 30), 30, date(2028, 6, 30)),
        ("Reliable journeys", "Travel time reliability", "Bluetooth sensors", 0.68, date(2025, 6, 30), 0.85,
         date(2028, 12, 31)),
        ("Safer roads", "Crossing crashes", "Police crash data", 6, date(2025, 6, 30), 2, date(2027, 6, 30))]
    assert "Benefit metric: Crashes per year" in got["BEN-01"]["description"]


def test_a_benefit_type_of_dis_benefit_marks_the_benefit_a_dis_benefit(sqlite_store, tmp_path):
    """A university's benefit profiles listed one a row ("Benefit Title | Benefit Type | Benefit ID | Planned
    Delivery Date | Person Accountable for Realising Benefit"), the type Tangible / Intangible / Dis-benefit: not the
    financial category (the column is kept in the notes whole), but a "Dis-benefit" there marks the benefit one,
    as a "Dis-benefit?" column would. It was left out: "Dis-benefit" is not one of the categories."""
    rows = [["Benefit Title", "Benefit Type", "Benefit ID", "Planned Delivery Date",
             "Person Accountable for Realising Benefit"],
            ["Faster enrolment for new students", "Tangible", "BFT_01", date(2027, 2, 1), "Ernie Doe, Division Director"],
            ["Better staff experience of the new system", "Intangible", "BFT_02", date(2027, 6, 30), "Ernie Doe, Division Director"],
            ["Two help-desk staff moved to the new team", "Dis-benefit", "BFT_03", date(2027, 2, 1), "Bert Smith, Project Manager"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Benefit profiles.xlsx", {"Benefit profiles": rows}))
    assert not [r for r in plan.reports if r.action.value == "error"]
    got = {b["code"]: b for b in rows_of(sqlite_store, "benefits")}
    assert [(c, b["dis_benefit"], b["target_date"]) for c, b in got.items()] == [
        ("BFT_01", False, date(2027, 2, 1)), ("BFT_02", False, date(2027, 6, 30)), ("BFT_03", True, date(2027, 2, 1))]
    assert "Benefit Type: Dis-benefit" in got["BFT_03"]["description"]


# ------------------------------------------------------------------ the sheet's own RAG, NHS categories


def test_a_benefits_registers_own_rag_is_kept_and_nhs_categories_are_read(sqlite_store, tmp_path):
    """An NHS benefits register ("Benefit Ref | Benefit Description | Benefit Category | Measure | Baseline |
    Baseline Date | Target | Target Date | Benefit Owner | Status | Comments") and a tracker with a target per year
    and a "RAG": the office works a benefit's status out from its measurements, which no register row gives, so
    dropping the sheet's Red / Amber / Green as calculated lost the only word on it — it is kept in the notes.
    "Non-cash releasing" was read as cash releasing (one word from it: the opposite); it is non-cashable, and the
    NHS's "Quality" and "Societal" benefits are non-financial, so no benefit is left out."""
    nhs = [
        ["Benefit Ref", "Benefit Description", "Benefit Category", "Measure", "Baseline", "Baseline Date", "Target",
         "Target Date", "Benefit Owner", "Status", "Comments"],
        ["1", "Reduction in agency spend", "Cash releasing", "Agency spend per month (£)", "£210,000",
         date(2025, 4, 1), "£150,000", date(2026, 3, 31), "Director of Workforce", "Amber", "Rota tool in 6 of 9 wards"],
        ["2", "Time to triage in ED", "Non-cash releasing", "Minutes to triage", 25, date(2025, 4, 1), 15,
         date(2026, 3, 31), "ED Matron", "Green", ""],
        ["3", "Patient experience", "Quality", "FFT score (%)", "88%", date(2025, 4, 1), "93%", date(2026, 9, 30),
         "Head of Patient Experience", "Red", "Survey delayed"],
        ["4", "Fewer hospital journeys for patients", "Societal", "Journeys saved per year", 0, date(2025, 4, 1),
         4000, date(2026, 9, 30), "Head of Patient Experience", "Green", ""],
    ]
    tracker = [
        ["Benefits Tracker – Digital Front Door"],
        ["Please complete one row per benefit. Values in italics are examples."],
        ["Ref", "Benefit", "Measure / KPI", "Baseline", "Year 1 Target", "Year 2 Target", "Year 3 Target",
         "Benefit Owner", "RAG"],
        ["DFD-1", "Reduced missed appointments", "DNA rate (%)", "9%", "8%", "7%", "6%", "Outpatients Manager", "Green"],
        ["DFD-2", "Staff time released from booking calls", "Hours per week", 120, 90, 60, 40, "Access Lead", "Amber"],
        ["DFD-3", "Patients booking online", "% of bookings online", "5%", "20%", "35%", "50%", "Digital Lead", "Red"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Benefits Realisation Register.xlsx", {"Register": nhs}))
    assert not [r for r in plan.reports if r.action.value == "error"]
    import_all(sqlite_store, write_xlsx(tmp_path / "Benefits Tracker.xlsx", {"Benefits": tracker},
                                        merges={"Benefits": ["A1:I1", "A2:I2"]}))
    got = named(sqlite_store, "benefits")
    assert [(got[t]["category"], got[t]["description"].splitlines()[1:])
            for t in ("Reduction in agency spend", "Time to triage in ED", "Patient experience")] == [
        # the NHS's category word read as the office's is kept beside it (heldout50)
        ("Financial cashable", ["Status: Amber", "Comments: Rota tool in 6 of 9 wards",
                                "Benefit Category: Cash releasing"]),
        ("Financial non-cashable", ["Status: Green", "Benefit Category: Non-cash releasing"]),
        ("Non-financial", ["Status: Red", "Comments: Survey delayed", "Benefit Category: Quality"])]
    assert got["Fewer hospital journeys for patients"]["category"] == "Non-financial"
    assert "RAG: Amber" in got["Staff time released from booking calls"]["description"]
    assert "Year 3 Target: 40" in got["Staff time released from booking calls"]["description"]


# ------------------------------------------------------------------ RAID logs with a RAG, in four languages

RAID = {
    "en": ("RAID Log.xlsx", ["ID", "Type", "Description", "Owner", "Date Raised", "RAG", "Status", "Update"],
           ["Risk", "Assumption", "Issue", "Dependency"], ["Open", "Open", "Open", "Open"], "RAG"),
    "de": ("RAID-Log.xlsx", ["Nr.", "Typ", "Beschreibung", "Verantwortlich", "Erfasst am", "RAG-Status", "Status",
                             "Aktueller Stand"],
           ["Risiko", "Annahme", "Problem", "Abhängigkeit"], ["Offen", "Offen", "Offen", "Offen"], "RAG-Status"),
    "fr": ("Journal RAID.xlsx", ["N°", "Type", "Description", "Responsable", "Date de création", "Statut RAG",
                                 "Statut", "Commentaire"],
           ["Risque", "Hypothèse", "Problème", "Dépendance"], ["Ouvert", "Ouvert", "Ouvert", "Ouvert"], "Statut RAG"),
    "es": ("Registro RAID.xlsx", ["ID", "Tipo", "Descripción", "Responsable", "Fecha de alta", "Estado RAG",
                                  "Estado", "Comentarios"],
           ["Riesgo", "Supuesto", "Problema", "Dependencia"], ["Abierto", "Abierto", "Abierto", "Abierto"],
           "Estado RAG"),
}
RAID_TITLES = ["Servers delivered late by the supplier", "Budget released in January",
               "Test environment unavailable", "Works council approval of the rota"]
RAID_REGISTERS = ["risks", "assumptions", "issues", "dependencies"]
RAID_NOTES = {"risks": "notes", "assumptions": "notes", "issues": "description", "dependencies": "notes"}


@pytest.mark.parametrize("language", list(RAID))
def test_a_raid_log_with_a_type_column_routes_each_row_and_keeps_its_rag(sqlite_store, tmp_path, language):
    """One RAID sheet with a Type column (Risk / Assumption / Issue / Dependency, in the office's language) and a
    RAG: each row to its register by its type, its owner and date raised read. The issue log, assumptions and
    dependencies rate nothing, so their "RAG" was dropped as a calculated rating the office works out again —
    the report said it was kept, and it was lost. It is kept in each record's notes under its header."""
    name, header, types, statuses, rag = RAID[language]
    rags = ["Amber", "Green", "Red", "Amber"]
    rows = [header] + [[str(i + 1), kind, title, "Anna Becker", date(2026, 10, 1 + i), colour, status, f"Update {i + 1}"]
                       for i, (kind, title, colour, status) in enumerate(zip(types, RAID_TITLES, rags, statuses))]
    import_all(sqlite_store, write_xlsx(tmp_path / name, {"RAID": rows}))
    for register, title, colour in zip(RAID_REGISTERS, RAID_TITLES, rags):
        got = rows_of(sqlite_store, register)
        assert [r["title"] for r in got] == [title], register
        assert got[0]["owner"] == "Anna Becker"
        assert f"{rag}: {colour}" in (got[0][RAID_NOTES[register]] or ""), register
    assert not rows_of(sqlite_store, "decisions")


def test_a_prince2_raid_csv_keeps_every_rag_and_review_of_its_rows(sqlite_store, tmp_path):
    """A PRINCE2 RAID log kept as CSV ("id,type,title,description,likelihood,impact,rag,owner,due_date,
    mitigation_action,status,date_raised,date_last_reviewed,notes"), dates written day first: the risk's RAG is
    the office's rating again (its likelihood and impact are given) and goes; the issue's RAG, which nothing
    works out again, is kept."""
    rows = [
        ["id", "type", "title", "description", "likelihood", "impact", "rag", "owner", "due_date",
         "mitigation_action", "status", "date_raised", "date_last_reviewed", "notes"],
        ["R001", "Risk", "Supplier insolvency", "Main supplier reports losses two years running", "High", "High",
         "RED", "Jo Bright", "15/01/2027", "Second-source the key parts", "Open", "02/11/2026", "20/11/2026", ""],
        ["A001", "Assumption", "Budget confirmed in Q1", "Funding board approves the full budget", "", "", "",
         "Ken Ito", "31/01/2027", "Re-plan scope if cut", "Confirmed", "02/11/2026", "20/11/2026", ""],
        ["I001", "Issue", "Test environment down", "UAT servers unavailable since Monday", "", "", "AMBER",
         "Raj Patel", "10/12/2026", "Vendor ticket raised", "Escalated", "16/11/2026", "20/11/2026", "Vendor ref 4471"],
        ["D001", "Dependency", "Identity service release", "Login depends on IAM release 3.2", "", "", "GREEN",
         "Lee Chan", "28/02/2027", "Weekly check with IAM team", "At Risk", "02/11/2026", "20/11/2026", ""],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "raid-log.csv", rows))
    risk, = rows_of(sqlite_store, "risks")
    assert (risk["code"], risk["probability"], risk["impact"], risk["proximity"], risk["reviewed_on"]) == \
        ("R001", 4, 4, date(2027, 1, 15), date(2026, 11, 20))
    issue, = rows_of(sqlite_store, "issues")
    assert "rag: AMBER" in issue["description"] and "Vendor ref 4471" in issue["description"]
    dependency, = rows_of(sqlite_store, "dependencies")
    assert (dependency["status"], dependency["needed_by"]) == ("At risk", date(2027, 2, 28))
    assert "rag: GREEN" in dependency["notes"]
    assumption, = rows_of(sqlite_store, "assumptions")
    assert (assumption["status"], assumption["validate_by"]) == ("Validated", date(2027, 1, 31))


def test_the_drop_down_lists_typed_beside_a_raid_log_are_no_records_notes(sqlite_store, tmp_path):
    """An internship's RAID template: project lines above, rows numbered 1 … 24 under no header, "RAID Category |
    Description | Impact | Mitigation | Owner | Priority | RPN (for risks) | Status", and in column J, under no
    header, the lists its drop-downs read (Risk, Assumption, Issue, Dependency; Open, Closed; Critical … Negligible).
    Each record had one word of those lists in its notes ("Column J: Assumption" on a risk) and the empty
    numbered rows each a line of their own; the column is named in the report as the drop-downs' lists instead."""
    lists = ["Risk", "Assumption", "Issue", "Dependency", None, "Open", "Closed", None, "Critical", "High",
             "Moderate", "Low", "Negligible"]
    records = [
        ("Risk", "AWS Free Tier limits may restrict storage", "Backups may not be stored", "Monitor usage weekly",
         "High", 4, "Open"),
        ("Risk", "Backup script may fail on a configuration error", "Scheduled backups missing", "Test and log runs",
         "Critical", 5, "Open"),
        ("Assumption", "AWS services stay available during the project", "Work depends on the cloud",
         "Watch the service health page", "Low", 2, "Open"),
        ("Issue", "Learning curve for AWS and MongoDB tools", "Slower implementation", "Use the tutorials",
         "Moderate", 3, "Open"),
        ("Dependency", "Amazon S3 bucket configuration", "Backups cannot be stored without it",
         "Configure and test S3 first", "High", 4, "Open"),
        ("Issue", "Public IP changes on every restart", "SSH sessions break", "Use the web console",
         "Moderate", None, "Closed"),
    ]
    rows: list[list[object]] = [
        [None, "RAID Log"], [],
        [None, "Project title:", "Automated MongoDB Backup", None, "Project Id:", None, "Project Manager:", "H. Topale"],
        [], [None, "Select …", None, None, None, None, "Select …", "Risk Priority Number", "Open/Closed"], [],
        [None, "RAID Category", "Description", "Impact", "Mitigation", "Owner", "Priority", "RPN (for risks)", "Status"],
    ]
    for i in range(16):
        record = list(records[i]) if i < len(records) else [None] * 7
        kind, title, impact, plan, priority, rpn, status = record
        rows.append([i + 1, kind, title, impact, plan, "Pranit J" if kind else None, priority, rpn, status,
                     lists[i] if i < len(lists) else None])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID Log.xlsx", {"RAID LOG": rows}))
    notes = [r["notes"] or "" for register in ("risks", "assumptions", "dependencies")
             for r in rows_of(sqlite_store, register)] + [r["description"] for r in rows_of(sqlite_store, "issues")]
    assert len(notes) == 6
    assert not [n for n in notes if "Column J" in n]
    assert all("drop-downs choose from" in s.ignored[9] for s in plan.sheets if not s.synthetic)


# ------------------------------------------------------------------ leftover: a page's address under its caption


def test_a_page_address_alone_under_its_caption_goes_with_the_caption_onto_its_items(sqlite_store, tmp_path):
    """Round 35's list of problems under page captions: under "Courses page" its address stands alone on the next
    row, before the first problem. The row was skipped as holding nothing in the columns read, and the address
    was lost; it is the page's, so it is carried with the caption onto the page's problems. An address beside a
    problem stays that problem's, under its column's letter."""
    rows: list[list[object]] = [
        ["Home page"],
        ["http://example.org/app/", "Login problem when the window is resized", "Done"],
        [None, "forgot password link closes after two clicks"],
        [None, "courses link goes to the wrong page", "Done"],
        [],
        ["Courses page"],
        ["http://example.org/app/courses.php"],
        [None, "arrange the login popup in the same page"],
        [None, "use roman letters for course numbers", "Done"],
        [],
        ["Reports page"],
        [None, "filters are not implemented on the column headers"],
        [None, "remove the extra space after the table rows"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "issues")
    assert len(got) == 7
    for title in ("arrange the login popup in the same page", "use roman letters for course numbers"):
        assert "Group: Courses page (http://example.org/app/courses.php)" in got[title]["description"]
    assert "Group: Home page\n" in got["Login problem when the window is resized"]["description"] + "\n"
    assert "Column A: http://example.org/app/" in got["Login problem when the window is resized"]["description"]
    assert "Group: Reports page" in got["remove the extra space after the table rows"]["description"]
