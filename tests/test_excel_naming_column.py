"""The column naming a register's records under a name we do not know ("Risk Scenario", "Purpose of
Communication"): found by the register's noun in its header and by its values, when the other columns
already show which register the table is (round 9 of real public registers: 68 risks of one sheet were
skipped as "text under the header", a communication plan refused)."""

from __future__ import annotations

from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store


def rows_of(store: Store, register: str) -> list[dict]:
    reg = REGISTERS[register]
    with store.session() as s:
        return [dict(zip(["id", "version", *reg.field_names], r)) for r in records.fetch_rows(s, reg)]


def import_all(store: Store, path):
    plan = plan_workbook_import(store, path, create_missing=True)
    apply_import(store, plan, partial=True)
    return plan


def test_risk_scenario_names_the_risks_and_every_row_is_imported(sqlite_store, tmp_path):
    """A title block, an empty "Risk Number" column, the risks written under "Risk Scenario"; "Risk
    Response" (the same few words on every row) and "Risk Level" (ratings) are not taken for the title."""
    path = write_xlsx(tmp_path / "tra.xlsx", {"Sheet1": [
        ["Risk Register Input"],
        ["Use this tab to select which risks go to the committee"],
        [],
        ["Risk Number", "Risk Scenario", "Risk Owner", "Risk Source", "Likelihood", "Impact", "Risk Level",
         "Risk Response"],
        [None, "ERP System - attackers use obfuscated scripts to bypass the WAF", "Paul", "Threat assessment",
         "Possible", "Moderate", "Medium", "No New Actions Needed"],
        [None, "ERP System - a phishing mail steals an administrator's session", "John", "Threat assessment",
         "Unlikely", "Major", "Medium", "No New Actions Needed"],
        [None, "ERP System - ransomware encrypts the database server", "George", "Threat assessment",
         "Possible", "Catastrophic", "High", "Mitigate the Risk"],
        [None, "ERP System - backups are not restorable after an outage", "Ringo", "Audit finding",
         "Likely", "Minor", "Medium", "No New Actions Needed"],
    ]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(got) == 4
    ransomware = got["ERP System - ransomware encrypts the database server"]
    assert (ransomware["owner"], ransomware["probability"], ransomware["impact"]) == ("George", 3, 5)
    assert got["ERP System - backups are not restorable after an outage"]["probability"] == 4


def test_purpose_of_communication_names_what_is_communicated(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "comms.xlsx", {"Updated Communications Plan": [
        ["Stakeholder Group", "Purpose of Communication", "Communication Method", "Frequency"],
        ["Partners and Integrators", "Keep them satisfied with alignment updates", "Email, meetings", "Monthly"],
        ["Product Owner", "Involve them in decisions on the backlog", "Face-to-face meetings", "Weekly"],
        ["Regulatory Authorities", "Obtain approvals and report compliance", "Formal reports", "Quarterly"],
    ]})
    import_all(sqlite_store, path)
    got = {r["message"]: r for r in rows_of(sqlite_store, "communications")}
    assert set(got) == {"Keep them satisfied with alignment updates", "Involve them in decisions on the backlog",
                        "Obtain approvals and report compliance"}
    assert (got["Obtain approvals and report compliance"]["audience"],
            got["Obtain approvals and report compliance"]["frequency"]) == ("Regulatory Authorities", "Quarterly")


def test_a_noun_column_is_no_title_without_a_table_around_it_nor_other_words_for_descriptions(sqlite_store,
                                                                                              tmp_path):
    """A list of risks beside a heat matrix names only two fields: still refused. A control-gap sheet
    ("Gap Description" beside "Risk ID") describes gaps, not risks: it adds nothing beside the register."""
    path = write_xlsx(tmp_path / "matrix.xlsx", {"Sheet1": [
        [None, "Impact", None, None, None, "No.", "List of risks"],
        ["Probability", ".", "Minor", "Major", None, 1, "Security issues in the payment flow"],
        [None, "Rare", "Risk 2", None, None, 2, "Choosing the wrong development partner"],
        [None, "Likely", None, "Risk 1", None, 3, "A pandemic closes the office for weeks"],
    ]})
    try:
        import_all(sqlite_store, path)
    except WorkbookError:
        pass
    assert rows_of(sqlite_store, "risks") == []

    path = write_xlsx(tmp_path / "checklist.xlsx", {
        "Risk Checklist": [
            ["Risk ID", "Risk Description", "Likelihood", "Impact", "Risk Owner"],
            ["R-001", "Unauthorised access to customer data", 4, 5, "IT Manager"],
            ["R-002", "Phishing attack on the finance team", 4, 4, "Security Officer"],
        ],
        "Control Verification": [
            ["Risk ID", "Gap Description", "Target Date", "Assigned To", "Verified?"],
            ["R-001", "MFA is not enforced for the VPN accounts", "2026-03-01", "IT Manager", "No"],
            ["R-002", "No phishing simulation has run this year", "2026-04-01", "Security Officer", "No"],
        ]})
    plan = import_all(sqlite_store, path)
    assert [sp.sheet for sp in plan.sheets if not sp.synthetic] == ["Risk Checklist"]
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {
        "Unauthorised access to customer data", "Phishing attack on the finance team"}
