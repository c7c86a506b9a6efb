"""Classes of problem found on round 9 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS


def test_responsibility_is_the_owner_and_a_threat_category_the_category(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [
        ["Risk ID", "Risk Description", "Asset Affected", "Threat Category", "Impact", "Likelihood",
         "Responsibility", "Status"],
        ["T-1", "SQL injection", "API", "Technical", "High", "Medium", "Development Team", "Planned"],
        ["T-2", "Power outage", "Data centre", "Environmental", "High", "Low", "Facilities", "Planned"],
        ["T-3", "Phishing", "Staff", "Human", "Medium", "High", "Security Team", "Planned"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["SQL injection"]["category"] == "Technical"
    assert [got[t]["owner"] for t in ("SQL injection", "Power outage")] == ["Development Team", "Facilities"]


def test_an_empty_category_column_leaves_the_field_to_its_filled_sibling(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [
        ["Risk Number", "Risk Scenario", "Enterprise Risk Category", "IT Risk Category", "Risk Owner",
         "Likelihood", "Impact"],
        ["R1", "ERP attacker escalates", None, "Technology Risk", "Paul", "Possible", "Major"],
        ["R2", "Mail server phished", None, "Technical", "John", "Unlikely", "Minor"],
        ["R3", "Vendor goes bust", None, "Supplier", "Ringo", "Possible", "Moderate"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["category"] for t in ("Mail server phished", "Vendor goes bust")] == ["Technical", "Supplier"]
    assert got["ERP attacker escalates"]["category"]

    # both filled: the first keeps the field, the second lands in the notes
    path = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [
        ["Risk Number", "Risk Scenario", "Enterprise Risk Category", "IT Risk Category", "Risk Owner"],
        ["R9", "Budget overrun", "Financial", "Technical", "Paul"],
        ["R8", "Scope creep", "Commercial", "Technical", "John"],
        ["R7", "Team churn", "People", "Technical", "John"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["Budget overrun"]["category"] == "Financial"
    assert "IT Risk Category: Technical" in got["Budget overrun"]["notes"]


def test_an_issue_log_headed_issues_raised_by_is_read_as_issues(sqlite_store, tmp_path):
    """"Issues" (plural) names the issue, "Raised By" its owner; "WIP (dev team on it)" is open, "Done (...)"
    resolved; "ETA" is the due date of the issue's action (classes61a: it was kept in the notes, the issue register
    having no due date of its own), a cell that is no date ("TBD") kept in the notes."""
    path = write_xlsx(tmp_path / "i.xlsx", {"Sheet1": [
        ["Issues", "Raised By", "Status", "Action", "ETA"],
        ["Share the VAPT report", "Keith", "WIP(already communicated)", "Vendor", "2019-04-12"],
        ["Final testing report", "Prabhakar", "WIP", "Vendor", "TBD"],
        ["Encrypt user ids", "Prabhakar", "WIP(Dev team working on it)", "Vendor", "2019-04-11"],
        ["JMeter scripts", "Prabhakar", "Done(Shared with test data)", "Vendor", "Done"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert set(got) == {"Share the VAPT report", "Final testing report", "Encrypt user ids", "JMeter scripts"}
    assert (got["Share the VAPT report"]["owner"], got["Share the VAPT report"]["status"]) == ("Keith", "Open")
    assert got["JMeter scripts"]["status"] == "Resolved"
    assert {a["due"] for a in rows_of(sqlite_store, "issue_actions")} == {date(2019, 4, 12), date(2019, 4, 11), None}
    assert "ETA: TBD" in (got["Final testing report"]["description"] or "")
    assert not named(sqlite_store, "risks")


def test_a_scale_the_header_declares_as_1_to_3_is_read_as_low_medium_high(sqlite_store, tmp_path):
    """"Likelihood (1-3)": 1, 2, 3 are low, medium, high, which the office's 1–5 scale holds as 2, 3, 4 (the
    levels "Low", "Medium", "High" import to); a header naming the office's own scale changes nothing."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [
        ["Risk ID", "Risk Description", "Likelihood (1-3)", "Impact 1-3", "Residual Impact (1-5)", "Owner"],
        ["R-01", "Phishing of staff", 3, 3, 5, "IT Security"],
        ["R-02", "Website DDoS", 2, 1, 2, "Network Team"],
        ["R-03", "Backup failure", 1, "2", 1, "IT Department"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [(got[t]["probability"], got[t]["impact"]) for t in ("Phishing of staff", "Website DDoS", "Backup failure")] \
        == [(4, 4), (3, 2), (2, 3)]
    assert [got[t]["residual_impact"] for t in ("Phishing of staff", "Website DDoS")] == [5, 2]

    words = write_xlsx(tmp_path / "w.xlsx", {"Sheet1": [
        ["Risk ID", "Risk Description", "Likelihood", "Impact", "Owner"],
        ["W-01", "Supplier late", "High", "Low", "Ann"],
        ["W-02", "Scope creep", "Medium", "High", "Bob"],
        ["W-03", "Key person leaves", "Low", "Medium", "Cy"]]})
    import_all(sqlite_store, words)
    got = named(sqlite_store, "risks")
    assert (got["Supplier late"]["probability"], got["Supplier late"]["impact"]) == (4, 2)  # the same levels


def test_declared_scales_of_other_sizes():
    from pmo_desktop.excel.value_translation import declared_scale, scale_from_declared
    assert [declared_scale(h) for h in ("Likelihood (1-3)", "Impact 1 to 4", "Score (1-25)", "Rating",
                                        "Probability (1–10)", "Q1-3 plan")] == [3, 4, None, None, 10, None]
    # 1–4 from low up, as four level words read (scale51; stretched end to end before: 1, 2, 4, 5)
    assert [scale_from_declared(n, 4, 5) for n in (1, 2, 3, 4, 5)] == [2, 3, 4, 5, None]
    assert [scale_from_declared(n, 10, 5) for n in (1, 5, 10)] == [1, 3, 5]
    assert [scale_from_declared(n, 3, 3) for n in (1, 2, 3)] == [1, 2, 3]


def test_portuguese_stakeholder_groups_numbered_with_their_names_beside(sqlite_store, tmp_path):
    """"Grupos de stakeholders" over the numbers 1, 2, 3 and the groups' names under "Descrição" beside
    them: the names name the records; "Poder" / "Interesse" on 1–10 are rescaled, "Justificativa" is a note."""
    path = write_xlsx(tmp_path / "s.xlsx", {"Influência dos stakeholders": [
        ["Inventário de stakeholders", None, None, "Poder X interesse"],
        ["Grupos de\n stakeholders", "Descrição", None, "Poder", "Interesse", "Justificativa da Influência"],
        [1, "Equipe de projeto", "1 - Equipe de projeto", 10, 10, "Pode interferir se não entender o objetivo."],
        [2, "Políticos engajados", "2 - Políticos engajados", 7.9, 9, "Esperam melhorar sua imagem."],
        [3, "OAB - Mogi das Cruzes", "3 - OAB - Mogi das Cruzes", 8, 5, "Pode interferir caso alguma lei mude."],
        [4, "Fatec - Mogi das Cruzes", "4 - Fatec - Mogi das Cruzes", 4, 8, "Possui interesse em promover."]]})
    import_all(sqlite_store, path)
    reg = REGISTERS["stakeholders"]
    with sqlite_store.session() as s:
        got = {r["name"]: r for r in (dict(zip(["id", "version", *reg.field_names], x))
                                      for x in records.fetch_rows(s, reg))}
    assert set(got) == {"Equipe de projeto", "Políticos engajados", "OAB - Mogi das Cruzes", "Fatec - Mogi das Cruzes"}
    assert (got["Equipe de projeto"]["power"], got["Fatec - Mogi das Cruzes"]["interest"]) == (5, 4)
    assert "Pode interferir" in got["Equipe de projeto"]["notes"]


def test_raised_by_gives_way_to_an_owner_column(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "i.xlsx", {"Issues": [
        ["ID", "Title", "raised_by", "owner", "Status"],
        ["I-1", "API misses a field", "Client IT", "Dev Anand", "Open"],
        ["I-2", "Consent module needed", "Project Team", "Project Manager", "Open"],
        ["I-3", "Test data unavailable", "Project Team", "IT Support", "Open"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert [got[t]["owner"] for t in ("API misses a field", "Test data unavailable")] == ["Dev Anand", "IT Support"]
    assert "Client IT" in got["API misses a field"]["description"]
