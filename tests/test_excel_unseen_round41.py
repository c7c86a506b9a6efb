"""Classes of problem found on round 41 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_project_named_in_two_cases_is_made_once(sqlite_store, tmp_path):
    """A hardware lab's issue log names its products in a "Project" column, now "VEGA-1U", now "vega-1u".
    Imported with "create missing", both spellings were made into projects — two junk projects, one of each
    pair left empty and every row of that product on whichever was stored last. Names are looked up in any
    case, so they are one project, made once under the spelling met first."""
    path = write_csv(tmp_path / "issue_log.csv", [
        ["Issue_ID", "Open_Date", "Project", "Symptom", "Severity", "Status"],
        ["ISS-0001", "2026-06-01", "ORION-2U", "Throughput below spec", "Minor", "Closed"],
        ["ISS-0002", "2026-06-15", "VEGA-1U", "Correctable ECC errors over threshold", "Major", "Closed"],
        ["ISS-0003", "2026-06-30", "vega-1u", "Kernel panic", "Major", "Closed"],
        ["ISS-0004", "2026-07-06", "LYRA-4U", "GPU throttling", "Critical", "In Progress"],
        ["ISS-0005", "2026-07-21", "lyra-4u", "No POST", "Major", "Closed"],
        ["ISS-0006", "2026-08-08", "vega-1u ", "Fan speed not responding", "Major", "Closed"]])
    import_all(sqlite_store, path)
    projects = rows_of(sqlite_store, "projects")
    assert sorted(p["name"] for p in projects) == ["LYRA-4U", "ORION-2U", "VEGA-1U"]
    issues = by_code(sqlite_store, "issues")
    assert len(issues) == 6
    assert {issues[c]["project"] for c in ("ISS-0002", "ISS-0003", "ISS-0006")} == {"VEGA-1U"}
    assert {issues[c]["project"] for c in ("ISS-0004", "ISS-0005")} == {"LYRA-4U"}


def test_a_german_change_log_says_who_decides_and_what_awaits_a_decision(sqlite_store, tmp_path):
    """A substation project's change requests ("change_log.csv", ";"): "Change_ID | Titel | Kostenwirkung_EUR |
    Terminwirkung_Tage | Status | Entscheider | Entscheidungsdatum". "Entscheider" (who decides) was kept in the
    notes, so the approved ("Genehmigt") requests stayed Pending for want of who decided; "Zur Entscheidung"
    (up for decision) was no status the import knew, and that request was left out. Both are German words
    now: the decider is who decided, a request up for decision is pending."""
    path = write_csv(tmp_path / "change_log.csv", [
        ["Change_ID", "Titel", "Kostenwirkung_EUR", "Terminwirkung_Tage", "Status", "Entscheider",
         "Entscheidungsdatum"],
        ["CR-001", "Zusätzliche digitale Zustandsmeldung", "6500", "0", "Genehmigt", "Projektleitung",
         "2026-04-10"],
        ["CR-002", "Anpassung Fundamentadapter", "18500", "3", "Zur Entscheidung", "Auftraggeber", ""],
        ["CR-003", "Alternative Kabelverschraubungen", "-2000", "0", "Genehmigt", "Fachprojektleitung",
         "2026-05-20"]], delimiter=";")
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["CR-001", "CR-002", "CR-003"]
    assert got["CR-001"]["status"] == "Decided" and got["CR-001"]["decided_by"] == "Projektleitung"
    assert got["CR-003"]["status"] == "Decided" and got["CR-003"]["decided_by"] == "Fachprojektleitung"
    assert got["CR-002"]["status"] == "Pending"
    assert "18500" in (got["CR-002"]["rationale"] or "")


def test_mitigating_controls_are_the_risks_response_plan(sqlite_store, tmp_path):
    """A GRC risk register: "Risk ID | Risk Statement | Inherent Risk | Mitigating Controls | Residual Risk |
    Risk Treatment | Risk Owner | Status". The controls that bring each risk down were kept in its notes as
    text; "Mitigating Controls" heads the plan, as "Mitigating Actions" and "Controls" do, and each risk gets
    them as its action."""
    path = write_xlsx(tmp_path / "Risk-Register.xlsx", {"Sheet1": [
        ["Risk ID", "Risk Statement", "Inherent Risk", "Mitigating Controls", "Residual Risk", "Risk Treatment",
         "Risk Owner", "Status"],
        ["RSK-01", "A ransomware attack could encrypt customer backup data.", "Critical",
         "BC-01 (Automated Backups), BC-02 (Disaster Recovery Testing)", "Low", "Mitigate", "CISO", "Monitoring"],
        ["RSK-02", "A terminated employee could retain access to production systems.", "High",
         "AC-01 (Quarterly Access Reviews), AC-03 (Automated Offboarding)", "Medium", "Mitigate", "IT Director",
         "Monitoring"],
        ["RSK-03", "Employees may fall victim to phishing.", "Medium",
         "SA-01 (Annual Security Awareness Training)", "Low", "Mitigate", "CISO", "Monitoring"]]})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["RSK-01", "RSK-02", "RSK-03"]
    assert risks["RSK-01"]["owner"] == "CISO" and risks["RSK-01"]["response"] == "Reduce"
    assert "Mitigating Controls" not in (risks["RSK-01"]["notes"] or "")
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert "BC-01 (Automated Backups), BC-02 (Disaster Recovery Testing)" in actions
    assert "SA-01 (Annual Security Awareness Training)" in actions


def test_a_list_of_risks_and_their_mitigation_is_a_risk_register(sqlite_store, tmp_path):
    """A household's "risks.csv": "system | risk | mitigation | during | aftermath", the mitigation written on
    two lines. Its header named one field besides the plan (the risk), and a header must name two: the file
    was refused and its risk lost. A risk's response plan is one of a risk register's fields (it already made
    a sheet a risk register when the rows were looked at), so the risk is read with its plan as its actions;
    the columns the office has no field for are kept in its notes."""
    path = write_csv(tmp_path / "risks.csv", [
        ["system", "risk", "mitigation", "during", "aftermath"],
        ["home", "fire", "setup fire alarms\nkeep important things to save together eg hdds", "run out",
         "rebuild"]], encoding="utf-8")
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert [r["title"] for r in risks] == ["fire"]
    assert "run out" in (risks[0]["notes"] or "") and "rebuild" in (risks[0]["notes"] or "")
    actions = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert actions == ["setup fire alarms\nkeep important things to save together eg hdds"]
