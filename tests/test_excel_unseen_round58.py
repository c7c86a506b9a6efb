"""Classes of problem found by import round 58's first run (docs/import-rounds.md, "Round 58"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.header_detection import ALL_KINDS, map_header
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_table_of_statistics_named_risks_adds_nothing(sqlite_store, tmp_path):
    """Counts of exposed hosts per kind of threat saved as "risks.csv" ("id | title | total | max | min | mean |
    score | rank | description"): 4 risks were made of its rows. Three columns named by statistics make it a table
    of measurements whatever its name: nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["id", "title", "total", "max", "min", "mean", "score", "rank", "description"]]
    for k, (key, name) in enumerate([("ntp", "Open NTP"), ("dns", "Open DNS"), ("smtp", "Open relay"),
                                     ("ssdp", "Open SSDP")]):
        rows.append([key, name, 150000 * (k + 1), 32000 + k, 10, 740 + k, 45 + k, k + 1,
                     f"{name} servers answer anyone, and are used to amplify attacks."])
    path = write_csv(tmp_path / "risks.csv", rows)
    with pytest.raises(WorkbookError, match=r"holds no register's records.*a table of statistics \(“max”, “min”, "
                                            r"“mean”\)"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "risks") == []
    # a register with one or two such words among its columns ("Total" score, "Average" rating) is read
    register: list[list[object]] = [["ID", "Risk", "Likelihood", "Impact", "Total", "Average", "Owner"],
                                    ["R1", "Supplier goes bust", 3, 4, 12, 3.5, "Ana"],
                                    ["R2", "Key engineer leaves", 2, 5, 10, 3.5, "Ben"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", register))
    assert len(rows_of(sqlite_store, "risks")) == 2


def test_an_issues_impact_number_is_its_level_not_its_rank(sqlite_store, tmp_path):
    """A RAID export's issue rated "probability 5 | impact 5" came in with priority Low: the numbers under an
    issue's "impact" (a priority by the register's words) were read as ranks, 1 the highest. An impact's number is
    its level, 5 the most: Critical. A column headed "Priority" still ranks (1 the first to handle)."""
    rows: list[list[object]] = [["id", "type", "description", "probability", "impact", "owner", "status"],
                                ["A-I1", "ISSUE", "Design change after the order triggered a change order", 5, 5,
                                 "Riley", "Open"],
                                ["A-I2", "ISSUE", "Crane hire slipped a week", 3, 2, "Drew", "Open"],
                                ["A-R1", "RISK", "Crew loading may trend below plan", 2, 2, "Taylor", "Open"]]
    import_all(sqlite_store, write_csv(tmp_path / "raid.csv", rows))
    priority = {r["code"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert priority == {"A-I1": "Critical", "A-I2": "Low"}
    ranked: list[list[object]] = [["Issue ID", "Issue", "Priority", "Owner"],
                                  ["I-1", "Server room too warm", 1, "Ana"],
                                  ["I-2", "Badge reader flaky", 4, "Ben"]]
    import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", ranked))
    assert by_code(sqlite_store, "issues")["I-1"]["priority"] == "Critical"
    assert by_code(sqlite_store, "issues")["I-2"]["priority"] == "Low"


def test_a_risk_awaiting_a_decision_is_open(sqlite_store, tmp_path):
    """A risk whose status was "Decision Required" was left out ("not one of Open, Closed, Occurred"). A risk
    or an issue waiting for someone to decide is open, the word kept in the notes."""
    rows: list[list[object]] = [["Risk ID", "Risk", "Likelihood", "Impact", "Owner", "Status"],
                                ["R-1", "Transformer delivery may miss the need-by date", 4, 4, "Drew",
                                 "Decision Required"],
                                ["R-2", "Commissioning window may shrink", 3, 3, "Alex", "Awaiting decision"],
                                ["R-3", "Crew loading below plan", 2, 2, "Taylor", "Open"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", rows))
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R-1", "R-2", "R-3"}
    assert risks["R-1"]["status"] == risks["R-2"]["status"] == "Open"
    assert "Decision Required" in risks["R-1"]["notes"]


def test_a_header_naming_its_field_twice_and_measures_already_in_place(sqlite_store, tmp_path):
    """"trigger_leading_indicator" (two names of the trigger joined as a program's column name) and "Existing
    mitigation" (a plan word after a word saying it is already there) were kept in the notes. The first is the
    trigger; the second the plan, its measures done. Two names of different fields ("Risk Owner") stay as read."""
    rows: list[list[object]] = [["risk_id", "description", "trigger_leading_indicator", "likelihood", "impact",
                                 "Existing mitigation", "Risk Owner"],
                                ["R-1", "Installation productivity may trend below plan",
                                 "First-week crew loading lower than plan", 2, 2, "Daily constraint log", "Taylor"],
                                ["R-2", "Transformer delivery may slip", "Supplier milestones slipped", 4, 4,
                                 "Twice-weekly recovery review", "Drew"]]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    risks = by_code(sqlite_store, "risks")
    assert risks["R-1"]["trigger"] == "First-week crew loading lower than plan"
    assert "trigger" not in risks["R-1"]["notes"] and "Existing mitigation" not in risks["R-1"]["notes"]
    actions = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Daily constraint log": "Done", "Twice-weekly recovery review": "Done"}
    assert {r["owner"] for r in risks.values()} == {"Taylor", "Drew"}
    # a letter is no name of a field: "Impacto_I" rates integrity beside "Impacto_C" (confidentiality), not the impact
    risks_kind = next(k for k in ALL_KINDS if k.register == "risks")
    assert map_header(risks_kind, ["ID_Activo", "Impacto_C", "Impacto_I", "trigger_warning_signs"])[0] == {3: "trigger"}


def test_a_mitigant_is_the_plan_and_a_company_name_the_organisation(sqlite_store, tmp_path):
    """Words: a register's "mitigant" (28 plans kept in the notes) is the response plan; a stakeholder list's
    "Company Name" (10 kept in the notes) is the organisation."""
    risks: list[list[object]] = [["risk_id", "category", "description", "severity", "likelihood", "mitigant"],
                                 ["RR-01", "Title", "Contested disposition of the land", "High", "High",
                                  "Require a seller indemnity backed by escrow"],
                                 ["RR-02", "Environmental", "Habitat commitment on the site", "Severe", "High",
                                  "Map the committed grassland first"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", risks))
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert plans == {"Require a seller indemnity backed by escrow", "Map the committed grassland first"}
    people: list[list[object]] = [["Company Name ", "Stakeholders"], ["Acme", "Luca Duranti"],
                                  ["Globex", "Sang Han"], ["Initech", "John Harris"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", people))
    assert named(sqlite_store, "stakeholders")["Sang Han"]["organisation"] == "Globex"
