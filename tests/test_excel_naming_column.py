"""The column naming a register's records under a name we do not know ("Risk Scenario", "Purpose of
Communication"): found by the register's noun in its header and by its values, when the other columns
already show which register the table is (round 9 of real public registers: 68 risks of one sheet were
skipped as "text under the header", a communication plan refused)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


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
    """A list of risks beside a heat matrix: its header "List of risks" names the risks (classes65b; refused
    before), the matrix beside none of their ratings. A control-gap sheet ("Gap Description" beside "Risk ID")
    describes gaps, not risks: it adds nothing beside the register."""
    path = write_xlsx(tmp_path / "matrix.xlsx", {"Sheet1": [
        [None, "Impact", None, None, None, "No.", "List of risks"],
        ["Probability", ".", "Minor", "Major", None, 1, "Security issues in the payment flow"],
        [None, "Rare", "Risk 2", None, None, 2, "Choosing the wrong development partner"],
        [None, "Likely", None, "Risk 1", None, 3, "A pandemic closes the office for weeks"],
    ]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 3 and all(r["impact"] is None and r["probability"] is None and not r["notes"] for r in risks)
    listed = {r["title"] for r in risks}

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
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} - listed == {
        "Unauthorised access to customer data", "Phishing attack on the finance team"}


def test_the_threat_names_the_risk_not_the_asset_at_risk(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "assets.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Owner", "Asset at Risk", "Threat", "Vulnerability", "Likelihood", "Impact"],
        ["R1", "CTO", "Customer database server", "Ransomware encrypts the data", "Unpatched OS", 3, 5],
        ["R2", "CISO", "Payment web front end", "Card skimming script injected", "No CSP headers", 2, 5],
        ["R3", "COO", "Warehouse scanners fleet", "Devices stolen from the dock", "No asset tags", 2, 2],
    ]})
    import_all(sqlite_store, path)
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {
        "Ransomware encrypts the data", "Card skimming script injected", "Devices stolen from the dock"}


def test_asset_and_threat_lists_beside_the_risk_register_add_nothing(sqlite_store, tmp_path):
    """An ISO 27001 workbook: an asset inventory and a threat catalogue (no IDs, names that are not the
    register's) feed the "Risk-Register" sheet; only its risks are imported, the other sheets are
    skipped with the reason."""
    path = write_xlsx(tmp_path / "iso.xlsx", {
        "Asset Valuation": [
            ["Primary Assets"],
            ["Type", "Category", "Description", "C", "I", "A"],
            ["Data", "PII Data", "PII held by the HR and payroll applications", "Very High", "High", "High"],
            ["Data", "Analytical Data", "Sales figures gathered by the BI platform", "High", "High", "Mid"],
            ["Facilities", "Headquarters", "The head office and its server room", "Mid", "High", "High"],
        ],
        "Threat-Cat": [
            ["Threat", "Category", "Assets", "Impact"],
            ["Power failure", "Hardware", "Server room", "A power failure stops every system in the building"],
            ["Social engineering", "People", "Staff", "Staff are tricked into giving away their passwords"],
            ["Theft", "Site", "Office equipment", "Laptops and phones are taken from the open office"],
        ],
        "Risk-Register": [
            ["Risk ID", "Risk description", "Vulnerability", "Probability Score", "Impact Score"],
            ["R1", "A power failure stops the server room", "No UPS monitoring", 3, 4],
            ["R2", "Staff give their passwords to a caller", "No awareness training", 4, 4],
        ]})
    plan = import_all(sqlite_store, path)
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {
        "A power failure stops the server room", "Staff give their passwords to a caller"}
    skipped = dict(plan.skipped_sheets)
    # the asset sheet's "C | I | A" is a rating of the assets, so only two of its columns name risk fields
    assert "table of another kind" in skipped["Asset Valuation"] and "Risk-Register" in skipped["Threat-Cat"]
