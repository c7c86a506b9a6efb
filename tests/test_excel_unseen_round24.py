"""Classes of problem found on round 24 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_existing_controls_written_as_a_name_in_code_are_controls_in_place(sqlite_store, tmp_path):
    """A GDPR tracker's CSV export: "risk_id,threat,vulnerability,likelihood,impact,existing_controls". The
    header says the controls are there, as "Existing Controls" does (before, the underscore hid the word
    "existing" and each control became a measure still to be taken)."""
    path = write_csv(tmp_path / "risks.csv", [
        ["risk_id", "asset_id", "threat", "vulnerability", "likelihood", "impact", "existing_controls", "notes"],
        ["R-01", "AS-01", "Data breach", "Weak access controls", 4, 5, "Quarterly access reviews", "PII target"],
        ["R-02", "AS-02", "SQL injection", "Input not validated", 3, 5, "Prepared statements", "Public app"],
        ["R-03", "AS-03", "Malware infection", "Unpatched systems", 3, 4, "Endpoint protection", "BYOD"],
    ])
    import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["R-01", "R-02", "R-03"]
    actions = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Quarterly access reviews": "Done", "Prepared statements": "Done",
                       "Endpoint protection": "Done"}


def test_a_finding_id_is_the_risks_own_id(sqlite_store, tmp_path):
    """A cloud assessment's register keyed "Finding ID" (F-01, F-02 …): that is the risk's own ID (before, it went
    to the notes and the office numbered the risks R-001 … itself)."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Finding ID", "Risk Statement", "Asset", "Likelihood (1-5)", "Impact (1-5)", "Existing Controls",
         "Recommended Controls"],
        ["F-01", "Public object storage exposes customer data", "Object storage", 3, 5, "Basic access controls",
         "Block public access"],
        ["F-02", "Over-permissive IAM widens the blast radius", "Cloud IAM", 3, 5, "Role-based access",
         "Least-privilege review"],
        ["F-03", "Internet-exposed admin access", "Compute", 4, 4, "Security groups", "Default deny inbound"],
    ])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["F-01", "F-02", "F-03"]
    assert got["F-03"]["title"] == "Internet-exposed admin access" and "Finding ID" not in (got["F-03"]["notes"] or "")

    # a bare "Finding" beside an "ID" still names the risks (an audit's findings register): only "Finding ID",
    # "ref", "no" or "number" is an ID
    path = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Sheet1": [
        ["ID", "Finding", "Risk Level", "Business Impact", "Recommendation"],
        ["A1", "File integrity monitoring is not implemented.", "High", "Changes may go undetected.",
         "Implement FIM on production servers."],
        ["A2", "Incident response procedures are untested.", "Medium", "Response cannot be verified.",
         "Run incident response exercises."],
        ["A3", "Backups are not encrypted.", "Medium", "Backup data may be exposed.", "Encrypt the backups."]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["A3"]["title"] == "Backups are not encrypted." and not got["A3"]["cause"]  # the title, not a cause


def test_abbreviated_level_headers_and_a_type_of_categories(sqlite_store, tmp_path):
    """A German risk list kept as a semicolon CSV: "ID;Datum;Name;Beschreibung;Typ; IMP; PRB;MAG;Owner;
    Gegenmaßnahme", the probability in percent. "IMP" and "PRB" are the impact and the probability, as "Prob"
    already was (before, both went to the notes and the risks had no levels); a "Typ" whose cells are no threat or
    opportunity but a few repeating words ("Technisch", "Geschäftlich") is the risks' category (before, in the
    notes)."""
    path = write_csv(tmp_path / "risiken.csv", [
        ["ID", "Datum", "Name", "Beschreibung", "Typ", " IMP", " PRB", "MAG", "Owner", "Gegenmaßnahme"],
        [1, "01.12.2019", "Teammitglied fällt aus", "Ein Mitglied fehlt", "Technisch", 3, "100%", 3,
         "Klassowski, Denis", "Backup-Rollen"],
        [2, "01.12.2019", "Rollenverteilung", "Rollen unklar", "Geschäftlich", 2, "20%", "0,4", "Klassowski, Denis",
         "Team-Meetings"],
        [3, "13.01.2020", "Projektumfang", "Mehr Funktionen gewünscht", "Geschäftlich", 3, "40%", "1,2",
         "Däbler, Michael", "Erweiterungen ablehnen"],
        [4, "16.12.2019", "Neue Werkzeuge", "Keine Erfahrung", "Technisch", 1, "60%", "0,6", "Däbler, Michael",
         "Schulung"],
    ], delimiter=";")
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3", "4"]
    assert (got["1"]["probability"], got["1"]["impact"]) == (5, 3)
    assert (got["2"]["probability"], got["2"]["impact"]) == (1, 2)
    assert {got[c]["kind"] for c in got} == {"Threat"}
    # "Technisch" is the office's own Technical in German (cat24: a same-concept word is the office's category)
    assert got["1"]["category"] == "Technical" and got["2"]["category"] not in (None, "")
    assert "IMP" not in (got["1"]["notes"] or "")
    # "PRB" is read as the probability; its per cent is kept under its header, as a level cannot give it back
    # (left48b), the only line of it in the notes
    assert [line for line in got["1"]["notes"].splitlines() if "PRB" in line] == ["PRB: 100%"]


def test_an_issue_log_told_apart_by_its_ids_only_is_named_by_its_text(sqlite_store, tmp_path):
    """A portfolio's issue log exported for analysis: "issue_id | project_id | opened_date | closed_date |
    root_cause | severity | status | owner_function", no column naming the issues, its root causes repeating
    ("Supply chain" on many rows). Each ID is an issue, named by its root cause (before, the whole log was refused);
    "opened_date" is when it was raised and "owner_function" its owner."""
    causes = ["Interconnection delay", "Design revision", "Supply chain", "Weather", "Supply chain",
              "Permit approval", "Weather", "Supply chain"]
    rows = [["issue_id", "project_id", "opened_date", "closed_date", "root_cause", "severity", "status",
             "impact_days", "owner_function"]]
    for n, cause in enumerate(causes, start=1):
        rows.append([f"ISS-{n:04d}", "MN8-001", f"2025-08-{n:02d}", f"2025-09-{n:02d}", cause,
                     ["Low", "Medium", "High"][n % 3], "Closed" if n % 2 else "Open", n * 3,
                     ["Engineering", "Procurement", "Construction"][n % 3]])
    import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", rows))
    got = by_code(sqlite_store, "issues")
    assert sorted(got) == [f"ISS-{n:04d}" for n in range(1, 9)]
    assert got["ISS-0003"]["title"] == "Supply chain" and got["ISS-0005"]["title"] == "Supply chain"
    assert str(got["ISS-0001"]["raised_on"]) == "2025-08-01"
    assert got["ISS-0002"]["status"] == "Open" and got["ISS-0003"]["priority"] == "Low"
    assert "closed_date: 2025-09-01" in got["ISS-0001"]["description"]

    # the same shape without an ID of each row's own — a fact table of risk events for a dashboard ("project_id |
    # risk_id | risk_name | …", "Legal Risks" again and again under one risk_id) — is still no register: refused,
    # saying why, as before
    rows = [["project_id", "risk_id", "risk_name", "risk_detection", "risk_resolution", "cost"]]
    for n in range(12):
        rows.append([n % 3, 10 - n % 4, ["Legal Risks", "Technology and Design Risks", "Supply Chain Risks",
                                        "Weather Risks"][n % 4], f"8/{n + 1}/2018", f"9/{n + 1}/2018", 1000 + n])
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    assert rows_of(sqlite_store, "risks") == []


def test_the_controls_reviewed_name_the_rows_of_a_gap_register(sqlite_store, tmp_path):
    """An audit's "risk_register.xlsx", one sheet left "Sheet1": "Category | Control | Standard References |
    Likelihood | Impact | Score | Recommendation" — each row rates a control found wanting. The control names the
    risk and the recommendation is what is to be done (before, no column named the records and the sheet was
    refused)."""
    rows = [["Category", "Control", "Standard References", "Likelihood", "Impact", "Score", "Recommendation"],
            ["Lakehouse", "Confirm classification of information assets", "ISO 27001 A.5.12", 3, 3, 9,
             "Implement a data classification scheme"],
            ["Lakehouse", "Assess database access controls: MFA enforcement", "NIST 800-53 AC-2", 4, 4, 16,
             "Enforce MFA on the database"],
            ["CI/CD", "Review branch protection rules", "ISO 27001 A.8.9", 3, 3, 9,
             "Protect the main branch"],
            ["CI/CD", "Check pipeline secrets scanning", "ISO 27001 A.8.9", 2, 4, 8, "Enable secrets scanning"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk_register.xlsx", {"Sheet1": rows}))
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(got) == sorted(r[1] for r in rows[1:])
    mfa = got["Assess database access controls: MFA enforcement"]
    assert (mfa["probability"], mfa["impact"]) == (4, 4)
    assert "ISO 27001" not in (mfa["notes"] or "") and "NIST 800-53 AC-2" in mfa["notes"]
    actions = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions["Enforce MFA on the database"] == "Not started"
    assert "Assess database access controls: MFA enforcement" not in actions


def test_an_assumption_list_under_another_table_is_named_by_its_statements(sqlite_store, tmp_path):
    """A thesis's "assumption_log.csv": a table of systems and what is assumed of each, then, under two blank lines,
    the assumptions themselves — "assumption_id | sector_rule | guideline_source_to_cite", no column headed
    "Assumption". Each ID is an assumption, stated by its longer text, its source kept labelled in the notes
    (before, the file was refused)."""
    path = write_csv(tmp_path / "assumption_log.csv", [
        ["system", "pipeline_assumed", "latency_assumed", "assumption_ids"],
        ["Clinical chatbot", "Streaming", "Near real-time", "A1|A3"],
        ["Finance Q&A", "Hybrid", "Near real-time", "A2|A4"],
        ["", "", "", ""], ["", "", "", ""],
        ["assumption_id", "sector_rule", "guideline_source_to_cite", ""],
        ["A1", "FHIR security baseline: TLS, auth, access control, audit.", "HL7 FHIR security guidance.", ""],
        ["A2", "HIPAA/GDPR baseline for PHI: encryption at rest and in transit, least privilege.",
         "HIPAA Security Rule; GDPR Art. 32.", ""],
        ["A3", "Live clinical contexts require event boundaries for freshness.", "Event-driven integration.", ""],
        ["A4", "Finance AI: end-to-end encryption, strict access, immutable audit.", "Financial-services guidance.",
         ""],
    ])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "assumptions")
    assert sorted(got) == ["A1", "A2", "A3", "A4"]
    assert got["A3"]["title"] == "Live clinical contexts require event boundaries for freshness."
    assert "guideline_source_to_cite: Event-driven integration." in got["A3"]["notes"]
