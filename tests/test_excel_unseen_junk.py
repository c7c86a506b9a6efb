"""Classes of problem left open by the last round of unseen workbooks, rebuilt as the workbooks PMOs keep
(title rows, notes, several sheets): sheets that are no register (a backlog, a task plan, an exercise
timeline) must add nothing while the register beside them imports; an issue log goes to the issue log,
a change log to the decision log titled by its change; an engagement matrix and a heat map beside a risk
list are read for what they are."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store

D = date
RISK_SHEET = [
    ["Project Risk Register"], ["Owner: PMO", None, "Last review: 2024-03-01"],
    ["Risk ID", "Risk Description", "Owner", "Likelihood", "Impact", "Mitigation", "Status"],
    ["R1", "Supplier delivers late", "Ann", "High", "Medium", "Weekly supplier calls", "Open"],
    ["R2", "Key engineer leaves", "Bob", "Low", "High", "Cross-train a second engineer", "Open"],
    ["R3", "Budget cut in Q3", "Cy", "Medium", "High", "Phase the spend", "Open"]]
RISKS = {"Supplier delivers late", "Key engineer leaves", "Budget cut in Q3"}








def only_the_risks(store: Store) -> None:
    assert set(named(store, "risks")) == RISKS
    for register in ("issues", "decisions", "assumptions", "dependencies", "milestones", "stakeholders"):
        assert not rows_of(store, register), register


def skipped(plan, sheet: str) -> str:
    return next(why for title, why in plan.skipped_sheets if title == sheet)


# ---------------------------------------------------------------------------- a. no register: add nothing
def test_a_product_backlog_beside_a_risk_register_adds_nothing(sqlite_store, tmp_path):
    """"Title | Description | Priority | Status | Owner" matches an issue log; the stories, "Estimate",
    "Sprint" and the sheet's name say backlog, and nothing says "issue"."""
    path = write_xlsx(tmp_path / "risk-and-backlog.xlsx", {"Risk Register": RISK_SHEET, "Product Backlog": [
        ["Product Backlog - Release 2"], [],
        ["ID", "Title", "Description", "Priority", "Estimate", "Sprint", "Status", "Owner"],
        [1, "Password reset", "As a member I want to reset my password so that I can log in", "High", 3, 1, "Done", "Ann"],
        [2, "Member export", "As an admin I want to export the member list", "Medium", 5, 2, "Open", "Bob"],
        [3, "Event search", "As a visitor, I want to search events near me", "Low", 8, 2, "Open", "Cy"],
        [4, "Online payment", "As a member I want to pay online", "High", 13, 3, "Open", "Ann"]]},
        merges={"Product Backlog": ["A1:H1"]})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "product backlog" in skipped(plan, "Product Backlog")


def test_a_tracker_export_of_stories_and_a_sheet_of_user_stories_add_nothing(sqlite_store, tmp_path):
    """A tracker export ("Issue key", "Summary", "Story Points", "Sprint") and stories alone under
    "Description" on an unnamed sheet. The export's stories add nothing; its bug is an issue (round 32: an
    issue tracker's bugs are the office's issues, its stories and tasks a backlog left out, each said why)."""
    stories = write_xlsx(tmp_path / "stories.xlsx", {"Risks": RISK_SHEET, "Sheet2": [
        ["Ref", "Description", "Priority", "Owner", "Status"],
        ["S1", "As a member, I want to reset my password", "High", "Ann", "Open"],
        ["S2", "As an admin I want to export the member list", "Medium", "Bob", "Open"],
        ["S3", "As a visitor I want to search events", "Low", "Cy", "Closed"]]})
    plan = import_all(sqlite_store, stories)
    only_the_risks(sqlite_store)
    assert "user stories" in skipped(plan, "Sheet2")
    path = write_xlsx(tmp_path / "export.xlsx", {"Sheet1": [
        ["Issue key", "Summary", "Issue Type", "Priority", "Status", "Assignee", "Story Points", "Sprint", "Created"],
        ["WEB-1", "Reset my password", "Story", "High", "Done", "Ann", 3, "Sprint 1", D(2024, 1, 2)],
        ["WEB-2", "Export members", "Story", "Medium", "In Progress", "Bob", 5, "Sprint 2", D(2024, 1, 3)],
        ["WEB-3", "Login button misaligned", "Bug", "Low", "To Do", "Cy", 1, "Sprint 2", D(2024, 1, 4)]]})
    plan = import_all(sqlite_store, path)
    assert sorted(named(sqlite_store, "issues")) == ["Login button misaligned"]
    assert not {"Reset my password", "Export members"} & set(named(sqlite_store, "risks"))
    assert sum(1 for r in plan.reports if "backlog" in r.reason) == 2


def test_a_task_plan_beside_a_risk_register_adds_nothing(sqlite_store, tmp_path):
    """"Activity / Task", a start and a finish, a plan's name: a schedule, though "Description",
    "Responsible" and "Status" read as a risk register's."""
    path = write_xlsx(tmp_path / "plan.xlsx", {"Risks": RISK_SHEET, "Plan": [
        ["#", "Activity / Task", "Description", "Responsible", "Start", "Finish", "Dependencies", "Status", "Notes"],
        [1, "Kick-off", "Hold the kick-off meeting", "Ann", D(2024, 1, 8), D(2024, 1, 8), None, "Complete", None],
        [2, "Requirements", "Gather requirements from users", "Bob", D(2024, 1, 9), D(2024, 1, 19), "1", "Complete", None],
        [3, "Design", "Design the site map", "Cy", D(2024, 1, 22), D(2024, 2, 2), "2", "In Progress", None]]})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "schedule" in skipped(plan, "Plan")


def test_an_exercise_timeline_and_an_event_timeline_add_nothing(sqlite_store, tmp_path):
    """Times of day, "Inject", "Location", a timeline's name: events, though "Event" is a risk's."""
    path = write_xlsx(tmp_path / "exercise.xlsx", {"Risk Register": RISK_SHEET, "Timeline": [
        ["Date", "Time", "Event", "Owner", "Location", "Status", "Comments"],
        [D(2024, 5, 1), "09:00", "Registration opens", "Ann", "Lobby", "Confirmed", None],
        [D(2024, 5, 1), "10:00", "Keynote by the CEO", "Bob", "Hall A", "Confirmed", None],
        [D(2024, 5, 1), "12:00", "Lunch and networking", "Cy", "Atrium", "Pending", None]], "MSEL": [
        ["Tabletop exercise - master scenario events list"], [],
        ["Inject #", "Time", "Event", "Inject", "Actor", "Expected Action", "Status"],
        [1, "09:00", "Ransomware note appears on screens", "Call from the helpdesk", "Controller", "Declare an incident", "Open"],
        [2, "09:30", "Backups found encrypted", "Email from IT", "Controller", "Invoke the DR plan", "Open"],
        [3, "10:00", "Press call", "Journalist phones the switchboard", "Sim cell", "Issue a holding statement", "Open"]]})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "timeline of events" in skipped(plan, "Timeline")
    assert {t for t, _ in plan.skipped_sheets} >= {"Timeline", "MSEL"}


def test_a_delivery_plan_with_planned_and_actual_dates_over_two_rows_adds_nothing(sqlite_store, tmp_path):
    """"Planned" and "Actual" over "Start | Finish": a plan's dates, though "Ref | Description | Owner |
    Status" is all a risk register needs."""
    path = write_xlsx(tmp_path / "delivery.xlsx", {"Risks": RISK_SHEET, "Sheet1": [
        ["Delivery plan"], [],
        ["Ref", "Description", "Owner", "Planned", None, "Actual", None, "Status", "RAG"],
        [None, None, None, "Start", "Finish", "Start", "Finish", None, None],
        ["1", "Hold the kick-off meeting", "Ann", D(2024, 1, 8), D(2024, 1, 8), D(2024, 1, 8), D(2024, 1, 8), "Closed",
         "Green"],
        ["2", "Gather requirements from users", "Bob", D(2024, 1, 9), D(2024, 1, 19), D(2024, 1, 9), None, "Open",
         "Amber"],
        ["3", "Design the site map", "Cy", D(2024, 1, 22), D(2024, 2, 2), None, None, "Open", "Green"]]},
        merges={"Sheet1": ["D3:E3", "F3:G3"]})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "schedule" in skipped(plan, "Sheet1")


def test_a_feature_list_and_a_drill_log_add_nothing(sqlite_store, tmp_path):
    """Features with a target release (read as dependencies before), and a drill's log of times of day
    under "Event" (a risk's event) with nothing saying "risk"."""
    path = write_xlsx(tmp_path / "f.xlsx", {"Risk Register": RISK_SHEET, "Features": [
        ["Feature", "Description", "Priority", "Owner", "Status", "Target Release"],
        ["SSO", "Single sign-on with the staff directory", "High", "Ann", "Open", "R2"],
        ["Export", "Export members to CSV", "Medium", "Bob", "Open", "R2"],
        ["Search", "Search events by postcode", "Low", "Cy", "Closed", "R3"]], "Sheet3": [
        ["Serial", "Time", "Event", "Responsible", "Status", "Remarks"],
        [1, "08:30", "Fire alarm in building B", "Fire warden", "Done", None],
        [2, "08:45", "Roll call at the muster point", "Team leads", "Done", "2 missing"],
        [3, "09:00", "All clear given", "Site manager", "Open", None]]})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "backlog" in skipped(plan, "Features") and "timeline" in skipped(plan, "Sheet3")


def test_a_spanish_schedule_lower_and_righter_adds_nothing(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "cronograma.xlsx", {"Riesgos": RISK_SHEET, "Hoja2": [
        ["Cronograma del proyecto"], [],
        [None, "Id", "Actividad", "Descripción", "Responsable", "Fecha de inicio", "Fecha fin", "Duración", "Estado"],
        [None, 1, "Arranque", "Reunión de arranque con el cliente", "Ana", D(2024, 1, 8), D(2024, 1, 8), 1, "Cerrado"],
        [None, 2, "Requisitos", "Levantar requisitos con los usuarios", "Beto", D(2024, 1, 9), D(2024, 1, 19), 9, "Abierto"],
        [None, 3, "Diseño", "Diseñar el mapa del sitio", "Caro", D(2024, 1, 22), D(2024, 2, 2), 10, "Abierto"]]})
    import_all(sqlite_store, path)
    only_the_risks(sqlite_store)


def test_registers_with_dates_and_progress_still_import(sqlite_store, tmp_path):
    """A milestone tracker ("% Complete", baseline and forecast) and a RAID log with start and end dates
    are registers: their columns of dates and progress do not make them schedules."""
    path = write_xlsx(tmp_path / "tracker.xlsx", {"Milestones": [
        ["ID", "Milestone", "Owner", "Baseline date", "Forecast date", "Actual date", "% Complete", "Status"],
        ["M1", "Design signed off", "Ann", D(2024, 2, 1), D(2024, 2, 5), None, 0.8, "Amber"],
        ["M2", "Build complete", "Bob", D(2024, 4, 1), D(2024, 4, 1), None, 0.0, "Green"],
        ["M3", "Go live", "Cy", D(2024, 6, 1), D(2024, 6, 10), None, 0.0, "Green"]], "RAID Log": [
        ["ID", "Type", "Description", "Owner", "Start Date", "End Date", "Status"],
        ["1", "Risk", "Supplier late", "Ann", D(2024, 1, 1), D(2024, 3, 1), "Open"],
        ["2", "Issue", "Server down", "Bob", D(2024, 1, 2), D(2024, 1, 5), "Open"],
        ["3", "Risk", "Budget cut", "Cy", D(2024, 1, 3), D(2024, 6, 1), "Open"]]})
    import_all(sqlite_store, path)
    milestones = named(sqlite_store, "milestones")
    assert set(milestones) == {"Design signed off", "Build complete", "Go live"}
    assert milestones["Design signed off"]["forecast"] == D(2024, 2, 5)
    assert set(named(sqlite_store, "risks")) == {"Supplier late", "Budget cut"}
    assert set(named(sqlite_store, "issues")) == {"Server down"}


def test_registers_with_times_places_and_durations_still_import(sqlite_store, tmp_path):
    """Fields only a register has (a risk's probability and impact, a stakeholder's power, a meeting's
    audience and frequency) outweigh a duration, a start and an end, a time of day or a location."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [
        ["ID", "Description", "Owner", "Probability", "Impact", "Start", "End", "Duration", "Status"],
        ["1", "Supplier delivers late", "Ann", "High", "Medium", D(2024, 1, 1), D(2024, 3, 1), "2 months", "Open"],
        ["2", "Key engineer leaves", "Bob", "Low", "High", D(2024, 1, 1), D(2024, 6, 1), "5 months", "Open"],
        ["3", "Budget cut in Q3", "Cy", "Medium", "High", D(2024, 7, 1), D(2024, 9, 30), "3 months", "Open"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "risks")) == RISKS
    path = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [
        ["Name", "Organisation", "Role", "Location", "Power", "Interest", "Start Date", "End Date"],
        ["Jane Doe", "ACME", "Sponsor", "London", "High", "High", D(2024, 1, 1), D(2024, 12, 31)],
        ["John Roe", "ACME", "CFO", "Paris", "High", "Low", D(2024, 1, 1), D(2024, 12, 31)],
        ["Max Mus", "Union", "Rep", "Berlin", "Low", "High", D(2024, 1, 1), D(2024, 12, 31)]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "stakeholders")) == {"Jane Doe", "John Roe", "Max Mus"}
    path = write_xlsx(tmp_path / "c.xlsx", {"Sheet1": [
        ["Meeting", "Purpose", "Audience", "Frequency", "Day", "Time", "Location", "Owner"],
        ["Steering committee", "Decide on escalations", "Board", "Monthly", "Tuesday", "10:00", "Room 1", "Ann"],
        ["Team stand-up", "Daily coordination", "Project team", "Daily", "Mon-Fri", "09:15", "Teams", "Bob"],
        ["Supplier review", "Review supplier performance", "Suppliers", "Weekly", "Thursday", "14:00", "Room 2", "Cy"]]})
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "communications")) == 3


# ---------------------------------------------------------------------------- b. an issue log is issues
def test_an_issue_log_beside_a_risk_register_goes_to_the_issue_log(sqlite_store, tmp_path):
    """"Impact", "Severity" and "Category" read as a risk's, but the column naming the rows says "Issue"."""
    path = write_xlsx(tmp_path / "risk-log.xlsx", {"Risk Register": RISK_SHEET, "Log": [
        ["Ref", "Issue Description", "Category", "Impact", "Severity", "Owner", "Target Date", "Resolution", "Status"],
        ["I1", "The air con fails every afternoon", "Facilities", "Team cannot work", "High", "Bob", D(2024, 3, 1),
         "Portable cooler", "Open"],
        ["I2", "Design tool licences lapsed", "Tools", "Designers idle", "Medium", "Dee", D(2024, 3, 1), "Renewed",
         "Closed"],
        ["I3", "No anonymised test data set yet", "Data", "Testing blocked", "High", "Ann", D(2024, 3, 5), None,
         "Open"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "risks")) == RISKS
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"The air con fails every afternoon", "Design tool licences lapsed",
                           "No anonymised test data set yet"}
    assert issues["Design tool licences lapsed"]["status"] == "Closed"
    assert "Resolution: Renewed" in issues["Design tool licences lapsed"]["description"]


def test_an_issue_log_on_a_sheet_named_risk_log_goes_to_the_issue_log(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risk Log": [
        ["Issue", "Date Raised", "Impact", "Likelihood", "Owner", "Action", "Status"],
        ["Air con fails every afternoon", D(2024, 2, 1), "High", "High", "Bob", "Portable cooler", "Open"],
        ["Design tool licences lapsed", D(2024, 2, 3), "Medium", "Low", "Dee", "Renewed", "Closed"],
        ["No anonymised test data", D(2024, 2, 9), "High", "Medium", "Ann", None, "Open"]]})
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "risks")
    issues = named(sqlite_store, "issues")
    assert len(issues) == 3 and issues["Air con fails every afternoon"]["raised_on"] == D(2024, 2, 1)


def test_a_spanish_issue_log_beside_a_risk_register_goes_to_the_issue_log(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "riesgos.xlsx", {"Riesgos": RISK_SHEET, "Hoja2": [
        ["Registro de incidencias"], [],
        ["N°", "Incidencia", "Descripción", "Fecha", "Prioridad", "Responsable", "Resolución", "Estado"],
        [1, "Servidor caído", "El servidor de pruebas no arranca", D(2024, 2, 1), "Alta", "Beto", "Reinicio", "Abierto"],
        [2, "Licencias vencidas", "Las licencias de diseño vencieron", D(2024, 2, 3), "Media", "Ana", "Renovadas",
         "Cerrado"],
        [3, "Datos de prueba", "No hay datos anonimizados", D(2024, 2, 9), "Alta", "Caro", None, "Abierto"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "risks")) == RISKS
    issues = named(sqlite_store, "issues")
    assert {t: (r["priority"], r["status"]) for t, r in issues.items()} == {
        "Servidor caído": ("High", "Open"), "Licencias vencidas": ("Medium", "Closed"),
        "Datos de prueba": ("High", "Open")}


# ---------------------------------------------------------------------------- c. a change log
def test_a_change_log_goes_to_the_decision_log_titled_by_its_change(sqlite_store, tmp_path):
    """"Decision" over Approved / Rejected is each change's outcome, not its title: the description of
    the change names the record; the outcome is kept, and gives the status when no column does."""
    path = write_xlsx(tmp_path / "changes.xlsx", {"Change Log": [
        ["Change Control Log"], ["Project: CRM upgrade"],
        ["Change Request No.", "Description of change", "Requested by", "Date", "Impact", "Decision", "Status"],
        ["CR-001", "Add SSO to the portal", "Ann", D(2024, 1, 10), "2 weeks delay", "Approved", "Closed"],
        ["CR-002", "Drop the legacy report", "Bob", D(2024, 1, 20), "Saves 3 days", "Rejected", "Closed"],
        ["CR-003", "Move go-live to June", "Cy", D(2024, 2, 2), "Cost +10k", "Pending", "Open"]]},
        merges={"Change Log": ["A1:G1"]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "decisions")}
    assert {c: r["title"] for c, r in got.items()} == {"CR-001": "Add SSO to the portal",
                                                       "CR-002": "Drop the legacy report",
                                                       "CR-003": "Move go-live to June"}
    assert "Decision: Rejected" in got["CR-002"]["rationale"]
    assert "Requested by: Bob" in got["CR-002"]["rationale"]
    assert got["CR-003"]["status"] == "Pending"
    assert not rows_of(sqlite_store, "risks")

    # no Status column: the outcome is the status ("Approved" is decided, "Deferred" pending)
    path = write_xlsx(tmp_path / "cr.xlsx", {"Sheet1": [
        ["CR #", "Change Title", "Raised By", "Date Raised", "Outcome", "Approved By", "Decision Date"],
        ["1", "Add SSO", "Ann", D(2024, 1, 10), "Approved", "Board", D(2024, 1, 15)],
        ["2", "Drop the legacy report", "Bob", D(2024, 1, 20), "Deferred", "Board", None],
        ["3", "Move go-live", "Cy", D(2024, 2, 2), "Approved", "Sponsor", D(2024, 2, 9)]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "decisions")
    assert (got["Add SSO"]["status"], got["Add SSO"]["decided_by"]) == ("Decided", "Board")
    assert got["Drop the legacy report"]["status"] == "Pending"


def test_an_rfc_register_with_a_yes_no_approval(sqlite_store, tmp_path):
    """"Approved (Y/N)" is the status (both are decided), kept word for word, never a person."""
    path = write_xlsx(tmp_path / "rfc.xlsx", {"RFC Register": [
        ["RFC ID", "Summary", "Requestor", "Date", "Approved (Y/N)", "Comments"],
        ["RFC-1", "Add SSO to the portal", "Ann", D(2024, 1, 10), "Y", "ok"],
        ["RFC-2", "Drop the legacy report", "Bob", D(2024, 1, 20), "N", "still used"],
        ["RFC-3", "Move go-live to June", "Cy", D(2024, 2, 2), "Y", None]]})
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "decisions")}
    assert got["RFC-2"]["title"] == "Drop the legacy report" and not got["RFC-2"]["decided_by"]
    assert "Approved (Y/N): N" in got["RFC-2"]["rationale"] and "still used" in got["RFC-2"]["rationale"]
    assert not rows_of(sqlite_store, "risks")


def test_a_french_change_log_and_a_version_history(sqlite_store, tmp_path):
    """A change log in French goes to the decision log; a document's version history ("Version | Date |
    Author | Description of change") adds nothing."""
    path = write_xlsx(tmp_path / "journal.xlsx", {"Journal des modifications": [
        ["N° demande", "Description de la modification", "Demandé par", "Date", "Décision", "Statut"],
        ["DM-1", "Ajouter le SSO au portail", "Anne", D(2024, 1, 10), "Approuvé", "Clos"],
        ["DM-2", "Supprimer l'ancien rapport", "Bruno", D(2024, 1, 20), "Rejeté", "Clos"],
        ["DM-3", "Décaler la mise en service", "Claire", D(2024, 2, 2), "En attente", "Ouvert"]], "Change Log": [
        ["Version", "Date", "Author", "Description of change", "Approved by"],
        ["0.1", D(2024, 1, 10), "Ann", "First draft", "Bob"],
        ["0.2", D(2024, 1, 20), "Ann", "Added the risks section", "Bob"],
        ["1.0", D(2024, 2, 2), "Cy", "Baselined", "Board"]]})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "decisions")
    assert set(got) == {"Ajouter le SSO au portail", "Supprimer l'ancien rapport", "Décaler la mise en service"}
    assert "Décision: Rejeté" in got["Supprimer l'ancien rapport"]["rationale"]
    assert "version history" in skipped(plan, "Change Log")


# ---------------------------------------------------------------------------- d. not simple tables
def test_an_engagement_matrix_gives_current_and_desired_engagement(sqlite_store, tmp_path):
    """Stakeholders as rows, the engagement levels as columns, "C" and "D" in the cells (the table under a
    title, two columns in, a legend below)."""
    path = write_xlsx(tmp_path / "sem.xlsx", {"Engagement": [
        ["Stakeholder engagement assessment matrix"], ["Prepared by the PMO"], [],
        [None, None, "Stakeholder", "Unaware", "Resistant", "Neutral", "Supportive", "Leading", "Notes"],
        [None, None, "Sponsor", None, None, None, "C", "D", "keen"],
        [None, None, "Finance Director", None, "C", None, "D", None, None],
        [None, None, "Works council", "C", None, "D", None, None, "needs a briefing"],
        [None, None, "Staff", None, None, "C, D", None, None, None],
        [], [None, None, "C = current engagement, D = desired engagement"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert {n: (r["current_engagement"], r["desired_engagement"]) for n, r in got.items()} == {
        "Sponsor": ("Supportive", "Leading"), "Finance Director": ("Resistant", "Supportive"),
        "Works council": ("Unaware", "Neutral"), "Staff": ("Neutral", "Neutral")}
    assert got["Works council"]["notes"] == "needs a briefing"


def test_a_german_engagement_matrix(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "sem.xlsx", {"Stakeholder": [
        ["Stakeholder", "Ahnungslos", "Widerstrebend", "Neutral", "Unterstützend", "Führend"],
        ["Vorstand", None, None, None, "A", "Z"],
        ["Betriebsrat", None, "A", None, "Z", None],
        ["IT", "A", None, "Z", None, None]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert (got["Betriebsrat"]["current_engagement"], got["Betriebsrat"]["desired_engagement"]) == \
        ("Resistant", "Supportive")


def test_a_heat_map_beside_the_risk_list_adds_nothing(sqlite_store, tmp_path):
    """A likelihood × impact grid of counts to the right of the list, past an empty column, sharing its
    header row and going on below it: the list imports, the grid is neither records nor notes."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Risk Register": [
        ["Risk Register", None, None, None, None, None, None, None, "Heat map"],
        ["ID", "Risk", "Owner", "Likelihood", "Impact", "Status", None, None, "Likelihood \\ Impact", 1, 2, 3, 4, 5],
        ["R1", "Supplier delivers late", "Ann", 4, 3, "Open", None, None, 5, 0, 0, 0, 0, 0],
        ["R2", "Key engineer leaves", "Bob", 2, 4, "Open", None, None, 4, 0, 0, 1, 0, 0],
        ["R3", "Budget cut in Q3", "Cy", 3, 4, "Open", None, None, 3, 0, 0, 0, 1, 0],
        [None, None, None, None, None, None, None, None, 2, 0, 0, 0, 1, 0],
        [None, None, None, None, None, None, None, None, 1, 0, 0, 0, 0, 0]]})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == RISKS
    assert not any(r["notes"] for r in got.values())
    assert (got["Supplier delivers late"]["probability"], got["Supplier delivers late"]["impact"]) == (4, 3)
    assert any("another table beside" in why for why in plan.sheets[0].ignored.values())


def test_a_heat_map_right_against_the_list_adds_nothing(sqlite_store, tmp_path):
    """No empty column between: the last columns headed by levels and holding counts, and the axis before
    them, are the grid."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Risk Register": [
        ["ID", "Risk", "Owner", "Likelihood", "Impact", "Status", "Likelihood \\ Impact", "Low", "Medium", "High"],
        ["R1", "Supplier delivers late", "Ann", "High", "Medium", "Open", "High", 0, 1, 0],
        ["R2", "Key engineer leaves", "Bob", "Low", "High", "Open", "Medium", 0, 0, 1],
        ["R3", "Budget cut in Q3", "Cy", "Medium", "High", "Open", "Low", 0, 0, 1]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == RISKS and not any(r["notes"] for r in got.values())


def test_an_engagement_matrix_under_a_two_row_header_with_words(sqlite_store, tmp_path):
    """"Engagement level" over the levels; "Current" / "Desired" written out."""
    path = write_xlsx(tmp_path / "sem.xlsx", {"Sheet1": [
        ["Stakeholder engagement"], [],
        ["Stakeholder", "Engagement level", None, None, None, None],
        [None, "Unaware", "Resistant", "Neutral", "Supportive", "Leading"],
        ["Jane Doe", None, None, None, "Current", "Desired"],
        ["John Roe", None, "C", "D", None, None],
        ["Works council", "Current", None, None, "Desired", None]]}, merges={"Sheet1": ["B3:F3"]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert {n: (r["current_engagement"], r["desired_engagement"]) for n, r in got.items()} == {
        "Jane Doe": ("Supportive", "Leading"), "John Roe": ("Resistant", "Neutral"),
        "Works council": ("Unaware", "Supportive")}


@pytest.mark.parametrize("sheet", [
    [[None, "Projektplan"], [],
     [None, "Nr", "Vorgang", "Beschreibung", "Verantwortlich", "Beginn", "Ende", "Dauer", "Status"],
     [None, 1, "Kick-off", "Kick-off mit dem Kunden", "Anna", D(2024, 1, 8), D(2024, 1, 8), 1, "Erledigt"],
     [None, 2, "Anforderungen", "Anforderungen aufnehmen", "Bernd", D(2024, 1, 9), D(2024, 1, 19), 9, "Offen"],
     [None, 3, "Entwurf", "Sitemap entwerfen", "Clara", D(2024, 1, 22), D(2024, 2, 2), 10, "Offen"]],
    [["Backlog produit"], [], [],
     [None, None, "ID", "Titre", "Description", "Priorité", "Points", "Sprint", "Statut"],
     [None, None, 1, "Mot de passe", "En tant que membre, je veux réinitialiser mon mot de passe", "Haute", 3, 1, "Ouvert"],
     [None, None, 2, "Export", "En tant qu'admin, je veux exporter la liste des membres", "Moyenne", 5, 2, "Ouvert"],
     [None, None, 3, "Recherche", "En tant que visiteur, je veux chercher un événement", "Basse", 8, 2, "Clos"]],
    [["Hora", "Evento", "Responsable", "Lugar", "Estado", "Observaciones"],
     ["09:00", "Apertura del simulacro", "Ana", "Sala 1", "Hecho", None],
     ["09:20", "Corte de energía en el CPD", "Beto", "CPD", "Hecho", None],
     ["10:00", "Llamada de prensa", "Caro", "Sala 2", "Pendiente", None]]], ids=["de-plan", "fr-backlog", "es-timeline"])
def test_schedules_backlogs_and_timelines_in_other_languages_add_nothing(sqlite_store, tmp_path, sheet):
    path = write_xlsx(tmp_path / "w.xlsx", {"Risks": RISK_SHEET, "Sheet2": sheet})
    plan = import_all(sqlite_store, path)
    only_the_risks(sqlite_store)
    assert "not the" in skipped(plan, "Sheet2")
