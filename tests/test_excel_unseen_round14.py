"""Classes of problem found on round 14 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_created_and_last_updated_dates_of_a_risk_register(sqlite_store, tmp_path):
    """"Date Created" is when the risk was raised ("Last Updated", a record's edit, is no review: notes); the
    treatment's "Completion Date" has no field and stays in the notes."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Risk ID", "Risk Name", "Category", "Likelihood", "Impact", "Owner", "Treatment Plan", "Status",
         "Date Created", "Last Updated", "Completion Date"],
        ["R-001", "Ransomware Attack", "Cybersecurity", "5", "5", "IT Security", "Layered protection", "Open",
         "2026-06-11", "2026-06-12", "2026-06-20"],
        ["R-002", "Insider Threat", "Information Security", "3", "5", "Security Team", "Monitor users", "Closed",
         "2026-06-16", "2026-06-18", "2026-07-22"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["raised_on"] for c in ("R-001", "R-002")] == [dt.date(2026, 6, 11), dt.date(2026, 6, 16)]
    assert got["R-002"]["reviewed_on"] is None and "2026-06-18" in got["R-002"]["notes"]
    assert "2026-06-20" in got["R-001"]["notes"]


def test_an_open_closed_column_of_assumptions_and_a_scheduled_date_of_dependencies(sqlite_store, tmp_path):
    """A RAID workbook's assumptions give their state under "Open/Closed", its dependencies their date
    under "Scheduled Date": the status and the needed-by date."""
    path = write_xlsx(tmp_path / "RAID.xlsx", {
        "Assumptions": [
            ["Childs Game Project", None, None, "Assumptions"],
            [],
            ["ID", "Date raised", "Raised by", "Assumption", "Validated (Y/N", "Open/Closed", "Impact"],
            ["A_001", dt.date(2022, 7, 28), "Ian", "The release date allows enough time", "N", "Closed",
             "Starting later can be accommodated"],
            ["A_002", dt.date(2022, 7, 28), "Ian", "There are no electrical shutdowns", "N", "Open", "Cant work"]],
        "Dependencies": [
            ["Year End", None, None, "Dependencies"],
            [],
            ["ID", "Date raised", "Raised by", "Dependency", "Scheduled Date", "Completion Date", "Impact"],
            ["D_001", dt.date(2021, 10, 15), "Ian", "Developers have the tooling", dt.date(2022, 1, 7),
             dt.date(2022, 1, 21), "Without tooling developers will be blocked"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "assumptions")
    assert [got[c]["status"] for c in ("A_001", "A_002")] == ["Closed", "Open"]
    assert by_code(sqlite_store, "dependencies")["D_001"]["needed_by"] == dt.date(2022, 1, 7)


def test_a_misspelt_likeliness_header_is_the_likelihood(sqlite_store, tmp_path):
    """"Risk | Likliness | Severity | Mitigation": likeliness misspelt by a letter is the likelihood."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Risk", "Likliness", "Severity", "Mitigation"],
        ["Stressful Posture", "High", "Low", "Take frequent breaks"],
        ["Lost files - computer crashes", "Medium", "High", "Always make backup files"],
        ["Possible legal issues", "Low", "Medium", "Clarify with partners"]]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert [(r["probability"], r["impact"]) for r in got.values()] == [(4, 2), (3, 4), (2, 3)]


def test_an_issue_tracker_of_tickets_is_an_issue_log(sqlite_store, tmp_path):
    """"Ticket ID | Issue Summary | SQL Query | API Test | Status | Resolution Notes": a support team's
    ticket tracker is an issue log, the ticket its ID."""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {"Sheet1": [
        ["Ticket ID", "Issue Summary", "SQL Query", "API Test", "Status", "Resolution Notes"],
        ["T001", "User login failing", "SELECT * FROM users", "POST /login", "Resolved", "Password reset"],
        ["T002", "Dashboard loads slow", "SELECT * FROM analytics", "GET /dashboard", "Resolved", "Optimized"],
        ["T003", "Payment failure", "SELECT * FROM payments", "POST /payment", "Pending", "Escalated"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert [got[c]["title"] for c in ("T001", "T002", "T003")] == ["User login failing", "Dashboard loads slow",
                                                                   "Payment failure"]
    assert got["T003"]["status"] == "Open" and got["T001"]["status"] != "Open"


def test_a_danish_risk_analysis_is_read(sqlite_store, tmp_path):
    """Danish: "ID | Dato | Årsag | Hændelse | Konsekvens | Sandsynlighed værdi | Konsekvens værdi |
    Risikoværdi | Handlinger": the event is the title, the cause, the effect, likelihood and impact values,
    the actions the response plan."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Ark1": [
        [],
        [None, "ID", "Dato", "Årsag", "Hændelse", "Konsekvens", "Sandsynlighed værdi", "Konsekvens værdi",
         "Risikoværdi", "Handlinger"],
        [None, 1, dt.date(2024, 11, 14), "Manglende erfaring", "Merging af koden fejler",
         "Koden skal skrives om, eller noget bliver slettet", 3, 3, 9, "Undersøg og test hvordan man gør"],
        [None, 2, dt.date(2024, 11, 14), "Personlige problemer", "En af os er fraværende",
         "Opgaver bliver ikke lavet til tiden, og vi kommer bagud", 2, 4, 8, "God kommunikation om opgaver"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [(got[c]["title"], got[c]["probability"], got[c]["impact"]) for c in ("1", "2")] == [
        ("Merging af koden fejler", 3, 3), ("En af os er fraværende", 2, 4)]
    assert got["1"]["cause"] == "Manglende erfaring"
    assert got["2"]["effect"] == "Opgaver bliver ikke lavet til tiden, og vi kommer bagud"


def test_a_controls_library_is_no_decision_log(sqlite_store, tmp_path):
    """"Control ID | Control Name | Control Type | Framework | Owner | Status | Description": a library of
    security controls, keyed and named as controls, is no register though Owner, Status and Description
    name decision fields; a decision log keyed the same way by a project's ID and name still imports."""
    controls = write_csv(tmp_path / "controls_library.csv", [
        ["Control ID", "Control Name", "Control Type", "Framework", "Owner", "Status", "Description"],
        ["C-001", "Multi-Factor Authentication", "Preventive", "NIST CSF", "IT Security", "Implemented",
         "Require MFA for all privileged and remote access accounts."],
        ["C-002", "Privileged Access Management", "Preventive", "NIST CSF", "IT Security", "Implemented",
         "Control and monitor privileged accounts."],
        ["C-003", "Security Awareness Training", "Administrative", "NIST CSF", "HR", "Implemented",
         "Conduct annual cybersecurity awareness training."]])
    try:
        import_all(sqlite_store, controls)
    except Exception:  # noqa: BLE001 - refusing the file is as good as importing nothing
        pass
    assert rows_of(sqlite_store, "decisions") == []
    log = write_xlsx(tmp_path / "Decision Log.xlsx", {"Decision Log": [
        ["Decision ID", "Project ID", "Project Name", "Description", "Owner", "Status"],
        ["D-1", "P-7", "Portal", "Move the go-live to March", "Sponsor", "Approved"],
        ["D-2", "P-7", "Portal", "Buy the reporting module", "Sponsor", "Open"]]})
    import_all(sqlite_store, log)
    assert sorted(by_code(sqlite_store, "decisions")) == ["D-1", "D-2"]


def test_a_hazard_assessment_form_is_named_by_its_hazards(sqlite_store, tmp_path):
    """A university's risk-assessment form: "HAZARD TYPE | | HAZARD | HAZARD RISK | HAZARD | CONTROL
    MEASURES | RISK | MATRIX SCORE | FURTHER CONTROL MEASURES | HAZARD | RISK | MATRIX SCORE | ACCEPT? |
    COMMENTS", a row of HELP links under it and the matrix's legend below the table. "RISK" holds ratings
    (low, v low), so neither it nor the second "RISK" names the records: the hazards do, the hazard type is
    the category and the control measures the response plan; the HELP row and the legend are no risks."""
    header = ["HAZARD TYPE", None, " HAZARD", "HAZARD RISK", "HAZARD ", "CONTROL MEASURES", "RISK", "MATRIX SCORE",
              " FURTHER CONTROL MEASURES", "HAZARD ", "RISK", "MATRIX SCORE", "ACCEPT?", "COMMENTS "]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"ASSESSMENT": [
        [],
        header,
        [None, "HELP", None, "HELP", "HELP", None, "HELP", "HELP", None, "HELP", "HELP", None, "HELP"],
        [],
        ["PHYSICAL", 1, "Computer workstations", "Neck and back strain", "minor", "Adjust the chair", "low ", 9],
        [None, 2],
        [None, 3],
        [],
        [],
        ["CHEMICAL", 1, "None"],
        [None, 2],
        [None, 3],
        [],
        [],
        ["FIRE", 1, "Electrical faults with computer equipment", "Electric shock/fire", "minor",
         "PAT tested equipment only", "v low", 6],
        [None, 2, "Liquids near a computer", "Fire", "low", "Keep drinks away", "low ", 5],
        [None, 3],
        [],
        [],
        ["ENVIRONMENTAL", 1, "Light glare on the screen", "Eyestrain", "minor", "Tilt the screen", "low ", 9],
        [None, 2, "Temperature too low/high", "Poor concentration", "v low", "Use the windows", "v low", 1],
        [None, 3],
        [],
        [],
        ["HELP  - Risk Control ", None, "RISK", "MATRIX", None, None, "HAZARD", "impact", "cost", "interruption",
         "environmental"],
        ["HELP - Matrix function", 11, 7, 4, 2, 1, "V. LOW", "no treatment", "< £2K", "< 1 hour", "potential impact"],
        [None, 16, 12, 8, 5, 3, "LOW", "first aid treatment", "£2K - 25K", "1 hour to 1 day", "on site impact"],
        [None, 20, 17, 13, 9, 6, "MINOR", "medical treatment", "£25K - 100K", "1 day to 1 week", "off site impact"],
        [None, "V. HIGH", "HIGH", "MEDIUM", "LOW", "V. LOW", "RISK"]]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert list(got) == ["Computer workstations", "Electrical faults with computer equipment",
                         "Liquids near a computer", "Light glare on the screen", "Temperature too low/high"]
    assert got["Electrical faults with computer equipment"]["category"] == "FIRE"


def test_a_response_written_out_among_strategies_is_the_plan(sqlite_store, tmp_path):
    """"Response (Avoid, Reduce, Transfer, Contingency, Accept)" where one row writes what will be done
    ("ensure cover over these periods") instead of a strategy: that row imports, the sentence its response
    plan; the rows giving a strategy keep it."""
    path = write_xlsx(tmp_path / "RAID.xlsx", {"Risks": [
        ["Risk ID", "Risk Title", "Owner", "Probability", "Impact", "Response (Avoid, Reduce, Transfer, Accept)"],
        ["R-001", "Act of God", "PM", 1, 4, "Accept, nothing we can do about it"],
        ["R-002", "Civil unrest", "PM", 1, 3, "Reduce - monitor and plan if events develop"],
        ["R-006", "Seasonal Holidays", "PM", 4, 1, "ensure cover over these periods"]]})
    plan = import_all(sqlite_store, path)
    assert not [r for s in plan.sheets for r in s.rows if r.report.action.value == "error"]
    got = by_code(sqlite_store, "risks")
    assert [got[c]["response"] for c in ("R-001", "R-002")] == ["Accept", "Reduce"]
    assert got["R-006"]["response"] in (None, "")
    plans = [r["description"] for r in rows_of(sqlite_store, "risk_actions")]
    assert "ensure cover over these periods" in plans


def test_a_controls_rating_is_no_response_plan(sqlite_store, tmp_path):
    """"Steps to Mitigate" is the response plan and "Description of Potential Impact" the effect; "Controls
    (1-3)" over 1, 2, 3 rates how strong the controls are: no plan, kept in the notes."""
    path = write_xlsx(tmp_path / "CryptoBot_Risk_Register.xlsx", {"Sheet1": [
        ["Risk No", "Description of Potential Risk", "Description of Potential Impact", "Risk Owner",
         "Steps to Mitigate", "Monitoring Frequency", "Likelihood (1-5)", "Impact (1-5)", "Controls (1-3)",
         "Risk Category"],
        ["S1", "MT5 API changes", "Bot may stop functioning, leading to downtime", "Dev Lead",
         "Monitor MT5 release notes", "Monthly", 3, 4, 2, "Strategic"],
        ["C1", "Regulatory changes in crypto trading", "Loss of ability to trade in certain markets",
         "Compliance Officer", "Engage legal experts", "Quarterly", 3, 5, 2, "Compliance"],
        ["O1", "Security breach / user data leak", "Financial and reputational loss", "Security Lead",
         "Encryption; penetration testing", "Continuous", 2, 5, 1, "Operational"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["S1"]["effect"] == "Bot may stop functioning, leading to downtime"
    assert "Controls (1-3): 1" in got["O1"]["notes"]
    plans = sorted(r["description"] for r in rows_of(sqlite_store, "risk_actions"))
    assert plans == ["Encryption; penetration testing", "Engage legal experts", "Monitor MT5 release notes"]
