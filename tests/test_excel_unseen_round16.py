"""Classes of problem found on round 16 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_lessons_learned_workbook_left_as_sheet1_holds_no_risks(sqlite_store, tmp_path):
    """"Lessons Learned.xlsx" whose one sheet is still "Sheet1": "ID | Area | Event | Lesson Learned |
    Actions | Status" is a lessons log (its "Event" reads as a risk's event), which the workbook's name says
    as a sheet's name would. Nothing is imported; a "Risk Register.xlsx" of the same shape still is."""
    rows = [["ID", "Family", "Area", "Event", "Lesson Learned", "Actions", "Input from", "Status"]] + [
        [i, "Engage", "Software", f"Customer app {i} failed in the field", f"Validate build {i} first",
         "- Inform the customer", "Local team", "Implemented"] for i in range(1, 6)]
    path = write_xlsx(tmp_path / "Lessons_Learned_v2.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "risks")) == 5


def test_a_sentence_above_a_raid_log_is_no_legend_title_and_placeholders_are_blank(sqlite_store, tmp_path):
    """A template's RAID log under its title and a line saying what it is ("… See the Legend tab for what each
    type means."): a sentence that mentions the legend is not a legend's title. Its "[Owner]" and "[Date]"
    placeholders are blank cells, not a person called "[Owner]"."""
    path = write_xlsx(tmp_path / "RAID_Log_Template.xlsx", {
        "How to use": [["How to use this tool"], ["One row per risk, assumption, issue or dependency."]],
        "RAID Log": [
            ["RAID Log"],
            ["Risks, Assumptions, Issues, and Dependencies. One running list of everything to keep an eye on. "
             "See the Legend tab for what each type means."],
            [],
            ["ID", "Type", "Description", "Impact", "Likelihood", "Owner", "Response or plan", "Status",
             "Due date", "Notes"],
            ["R1", "Risk", "Key role may not be filled in time", "High", "Medium", "[Owner]",
             "Start recruiting now", "Open", "[Date]", "Review weekly"],
            ["R2", "Risk", "Vendor delivers late", "Medium", "High", "Ann Lee", "Weekly calls", "Open",
             "2026-05-01", None],
            ["I1", "Issue", "Test environment is not ready", "High", "—", "[Owner]", "Raised with IT",
             "In progress", "[Date]", "Blocking testing"],
            ["A1", "Assumption", "Current data is accurate enough to migrate", "Medium", "—", "[Owner]",
             "Sample check", "Open", "[Date]", "Becomes a risk if wrong"]],
        "Legend": [["Type", "Meaning"], ["Risk", "Might happen"], ["Issue", "Has happened"]]})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R1", "R2"]
    assert sorted(by_code(sqlite_store, "issues")) == ["I1"]
    assert sorted(by_code(sqlite_store, "assumptions")) == ["A1"]
    assert risks["R1"]["owner"] is None and risks["R2"]["owner"] == "Ann Lee"
    assert "[Owner]" not in [p["name"] for p in rows_of(sqlite_store, "people")]


def test_an_issue_tracker_workbook_with_an_issue_and_a_fixed_column(sqlite_store, tmp_path):
    """"Issue Tracker.xlsx", its sheet "Sheet1" under an "Issues List" caption: "Issue | Description |
    Severity | Fixed | Fix/Notes" is the issue log (the workbook's name says so), and "Fixed" (Y / N) tells
    which issues are resolved."""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {"Sheet1": [
        ["Issues List"], ["Final Year Project"], [], [],
        ["Issue", "Description", "Severity", "Fixed", "Fix/Notes"],
        ["Hand position", "The virtual hand is offset from the controller", None, "Y", "Moved to XR tracking"],
        ["Player falling OOB", "The player falls through awkward geometry", None, "Y", "Bigger hitbox"],
        ["Hand mesh not disabling", "The mesh stays on after grabbing", None, "N", "Script refuses to run"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert sorted(got) == ["Hand mesh not disabling", "Hand position", "Player falling OOB"]
    assert got["Hand position"]["status"] == "Resolved" and got["Hand mesh not disabling"]["status"] == "Open"


def test_header_cells_that_all_end_in_a_colon_are_the_header(sqlite_store, tmp_path):
    """"Nombre | Descripción del riesgo: | Categoría del riesgo: | Probabilidad de ocurrencia (alta, media,
    baja): | Impacto en el proyecto (alto, medio, bajo): | Severidad …": colons side by side end a header's
    cells, not a form's labels ("Proyecto: | Tren"), which stay no column."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": [
        ["Nombre", "Descripción del riesgo:", "Categoría del riesgo:",
         "Probabilidad de ocurrencia\n (alta, media, baja):", "Impacto en el proyecto \n(alto, medio, bajo):",
         "Severidad", "Estrategia de respuesta", "Plan de accion"],
        ["Ciberataque", "Robo de informacion", "Riesgo Tecnico", "Alta", "Alto", "Alto", "Prevenir",
         "Contratar un hacker etico"],
        ["Mala Calificacion", "Malas calificaciones en redes sociales", "Reputacional", "Baja", "Bajo", "Baja",
         "Prevenir", "Trabajar de forma transparente"],
        ["Fuga de clientes", "Los clientes se van por la competencia", "Reputacional", "Media", "Alto", "Alto",
         "Mitigar", "Comprender las necesidades"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    # the short "Nombre" is the title, the description kept on the record (test_excel_known_cases4)
    assert sorted(got) == ["Ciberataque", "Fuga de clientes", "Mala Calificacion"]
    assert (got["Ciberataque"]["probability"], got["Ciberataque"]["impact"]) == (4, 4)
    assert got["Mala Calificacion"]["probability"] == 2
    assert "Robo de informacion" in got["Ciberataque"]["notes"]


def test_a_stakeholder_map_name_or_group_sentiment_and_impact_to_project(sqlite_store, tmp_path):
    """"Name or Group" names the stakeholders, "Current Sentiment" (Supportive, Unsure) is their attitude;
    in another map "Impact to Project" (High / Medium / Low) is their power where "Influence to Project"
    holds what kind of party each is (Supplier, Media)."""
    path = write_xlsx(tmp_path / "stakeholder-map.xlsx", {"Template": [
        ["Stakeholder Map"], ["Know your audiences. Rate influence and interest, then plan how to engage."], [],
        [],
        ["Name or Group", "Role", "Influence (H/M/L)", "Interest (H/M/L)", "Current Sentiment",
         "Desired Sentiment", "Engagement Approach", "Owner"],
        ["Sponsor", "Executive sponsor", "High", "High", "Supportive", "Champion", "Brief weekly", "Change Lead"],
        ["Front-line staff", "End users", "Low", "High", "Unsure", "Engaged", "Demos", "Change Lead"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["Front-line staff", "Sponsor"]
    assert got["Sponsor"]["attitude"] == "Supporter" and got["Front-line staff"]["attitude"] == "Neutral"
    path = write_xlsx(tmp_path / "Stakeholder Matrix.xlsx", {"Stakeholder Matrix": [
        ["Sl.No", "Stakeholder Name", "Contact Information", "Impact to Project", "Influence to Project",
         "Whats Important to stakeholder"],
        [1, "Google and Apple app store", "Mark Tiffany", "High", "Supplier", "Downloads"],
        [2, "Tour guide Community", "John Elen", "Medium", "Supplier", "Regular business"],
        [3, "Marketing Agency", "Emmett Oscar", "Medium", "Media", "Growth"],
        [4, "Department of Tourism", "Wilson Aldo", "Low", "Government Agency", "Travellers"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert got["Google and Apple app store"]["power"] > got["Marketing Agency"]["power"] > \
        got["Department of Tourism"]["power"]


def test_an_x_or_y_header_of_two_kinds_of_record_is_the_kind(sqlite_store, tmp_path):
    """"Name or Group" is read part by part, but "Opportunity or Threat" names the two kinds of risk: the
    kind of each row, not its event or title."""
    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"Risks": [
        ["ID", "Risk", "Opportunity or Threat", "Probability", "Impact"],
        ["R1", "Grant funding arrives early", "Opportunity", "Low", "High"],
        ["R2", "Supplier goes bankrupt", "Threat", "Medium", "High"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["kind"], got["R2"]["kind"]) == ("Opportunity", "Threat")
    assert got["R1"]["title"] == "Grant funding arrives early"


def test_abbreviated_probability_and_revised_scores(sqlite_store, tmp_path):
    """"Probab. 1--5" is the probability; "Prob. Rev" and "Imp. Rev" (revised) the residual ones."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"RiesgosProyecto": [
        [None, "Gestión de riesgos"],
        [None, "Código", "Descripción", "Riesgo S/N", "Probab.\n1--5", "Impacto\n1--5", "Exp. al riesgo"],
        [None, "Ri1", "Integrantes con muchos proyectos", "S", 2, 1, 2],
        [None, "Ri2", "Falta de experiencia juntos", "S", 1, 3, 3],
        [None, "Ri3", "Tecnología insuficiente", "S", 3, 5, 15]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["Ri3"]["probability"], got["Ri3"]["impact"]) == (3, 5)
    path = write_xlsx(tmp_path / "Risk, Opportunities and BSC.xlsx", {"Risks": [
        ["ID", "Area", "Description", "Probability", "Impact", "Risk", "Prob. Rev", "Imp. Rev", "Risk. Rev.",
         "Owner", "Status"],
        [7, "Pilot", "Plan to start can be impacted", 4, 4, 16, 2, 4, 8, "Mauricio", "Open"],
        [3, "Development", "Test environment is not stable", 4, 4, 16, 3, 4, 12, "Eduardo", "Closed"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["7"]["residual_probability"], got["7"]["residual_impact"]) == (2, 4)


def test_an_exercise_timeline_asking_for_decisions_holds_no_decisions(sqlite_store, tmp_path):
    """A tabletop exercise's log: "Time | Inject / Event | Owner | Decision Required | Action Taken |
    Status": its rows are the events of the exercise at times of day, though a column says "Decision"."""
    path = write_xlsx(tmp_path / "Incident_Timeline_and_Action_Log.xlsx", {"Action Log": [
        ["Ransomware Exercise - Timeline and Action Log"], [],
        ["Time", "Inject / Event", "Owner", "Decision Required", "Action Taken", "Status", "Next Step"],
        ["08:15", "Employee reports encrypted files", "Service Desk", "Escalate severity?", "Opened an incident",
         "Closed", "Notify security"],
        ["08:40", "Shared drives inaccessible", "Security Operations", "Containment scope?", "Disabled accounts",
         "In Progress", "Assess backups"],
        ["09:00", "Portal impact reported", "Incident Commander", "Executive notification?", "Sent an update",
         "Closed", "Prepare a statement"]]})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []


def test_a_change_requests_sheet_is_the_decision_log_though_a_risk_register_fits_more(sqlite_store, tmp_path):
    """"change_requests.csv", the same requests logged again at each session: "cr_id | date_raised |
    project_name | title | description | requested_by | impact_scope | priority | status | owner | notes":
    none of its columns is a risk's own (a probability, an impact score), so the sheet's name — a change
    request log, the decision log's — decides."""
    requests = [
        [1, "2023-10-27", "Logistics Hub", "Custom middleware for scanners", "Scanners lack the API",
         "Meeting Transcript", "Warehouse Manager", "SOW 2.1",
         "Requires additional development effort for custom middleware", "High", "3 weeks", "TBD", "Pending",
         "PM", None, "From the meeting", "2026-04-12"],
        [2, "2023-10-27", "Logistics Hub", "German language support", "Berlin office asks for German",
         "Meeting Transcript", "Warehouse Manager", "SOW 4.3",
         "Requires additional UI work and localisation of every screen", "Medium", "1 week", "TBD", "Pending",
         "PM", None, "Out of the SOW", "2026-04-12"]]
    path = write_csv(tmp_path / "change_requests.csv", [
        ["cr_id", "date_raised", "project_name", "title", "description", "source", "requested_by",
         "scope_baseline_ref", "impact_scope", "priority", "estimated_effort", "cost_impact", "status", "owner",
         "resolution_date", "notes", "session_date"], *requests, *requests])
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    assert sorted(named(sqlite_store, "decisions")) == ["Custom middleware for scanners", "German language support"]


def test_the_register_noun_inside_a_date_header(sqlite_store, tmp_path):
    """"Date risk registered" is the date the risk was raised, as "Date registered" is."""
    path = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Risk register": [
        ["Department:"],
        ["Risk ID", "Date risk registered", "Status (Open, Closed)", "Title", "Owner"],
        ["R1", "2024-02-01", "Open", "Data loss in transit", "DPO"],
        ["R2", "2024-03-15", "Closed", "Late breach reporting", "DPO"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert str(got["R2"]["raised_on"]) == "2024-03-15"


def test_an_issue_tracker_with_a_raise_date_and_notes(sqlite_store, tmp_path):
    """"Page | Issue | Raise Date | Fixed Date | Notes" on "Sheet1" of "Issue Tracker.xlsx": the issue log,
    raised on its "Raise Date", its notes the issue's description."""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {"Sheet1": [
        ["Page", "Issue", "Raise Date", "Fixed Date", "Notes"],
        ["Summary", "The same test ordered twice shows once", "2020-10-06", "2020-10-08", "Check MRN = TESTING"],
        ["Cumulative", "Changing the date does not refresh the grid", "2020-10-06", "2020-10-11", None],
        ["Printing", "Can we print the summary page?", "2020-10-19", None, "Waiting for confirmation"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert len(got) == 3
    assert str(got["Can we print the summary page?"]["raised_on"]) == "2020-10-19"
    assert "Waiting for confirmation" in got["Can we print the summary page?"]["description"]
