"""Classes of problem left by the held-out set of import round 43 (docs/import-rounds.md, "Round 43's misses
(left43b)"): each test writes a file of that shape (never the fetched one) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError

COURSES = [
    ["Number", "Name", "Credits", "Offered", "Prerequisites", "Concurrent", "BS CS Required", "Data Science"],
    [121, "Computer Science I", 3, "Fall and Spring", "", "", "X", ""],
    [122, "Computer Science II", 3, "Fall and Spring", 121, "", "X", ""],
    [212, "Computational Modeling", 3, "On Demand", 121, "", "", ""],
    [222, "Introduction to Data Science", 3, "Fall and Spring", 121, "", "", "X"],
    [322, "Data Science Algorithms", 3, "Fall", "122 or 222", "", "", "X"],
    [491, "Software Engineering", 2, "Fall", "223 and 224", "491L and 499", "X", ""],
]


def test_a_catalogue_of_numbered_named_things_is_no_register(sqlite_store, tmp_path):
    """A course catalogue saved as "dependencies.csv" ("Number | Name | Credits | Offered | Prerequisites …") gave
    35 risks on its "Number" and "Name" alone. An ID and a generic name beside columns that name no field of any
    register and hold no level, status or date are a catalogue of other things: refused, saying why."""
    path = write_csv(tmp_path / "dependencies.csv", COURSES)
    with pytest.raises(WorkbookError, match="catalogue of numbered, named things.*“Number” and “Name”"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "dependencies") == []

    # a real short register keeps its records: an owner and a status name its own fields ("ID | Title | Owner |
    # Status"), and a thin list whose other columns hold levels and dates writes what a register keeps
    rows: list[list[object]] = [["ID", "Title", "Owner", "Status"]]
    rows += [[f"R-{i}", f"Supplier {i} may deliver late", "Ana", "Open"] for i in range(1, 6)]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    assert len(rows_of(sqlite_store, "risks")) == 5

    thin: list[list[object]] = [["No", "Name", "Flag", "Seen"]]
    thin += [[i, f"Vendor lock-in on service {i}", "High" if i % 2 else "Low", f"2024-03-0{i}"] for i in range(1, 6)]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", thin))
    assert len(rows_of(sqlite_store, "risks")) == 10


def test_l_and_s_side_by_side_are_the_likelihood_and_the_impact(sqlite_store, tmp_path):
    """A course project's risk register rates each risk "L | S" (likelihood, severity): "L" was read, "S" kept in
    the notes, and every risk lacked its impact. A likelihood's letter beside "S" or "C" (consequence) makes the
    pair; "S" beside no likelihood letter is no impact."""
    rows: list[list[object]] = [["ID", "Description (hypothesis)", "Cause", "L", "S", "Owner"]]
    rows += [[f"RISK-0{i}", f"System slows down under load {i}", "High user load", i, 6 - i, "Developer"]
             for i in range(1, 6)]
    import_all(sqlite_store, write_csv(tmp_path / "RiskRegister.csv", rows))
    risks = by_code(sqlite_store, "risks")
    assert [(risks[f"RISK-0{i}"]["probability"], risks[f"RISK-0{i}"]["impact"]) for i in range(1, 6)] == \
        [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)]
    assert "S:" not in (risks["RISK-01"]["notes"] or "")

    consequence: list[list[object]] = [["Risk ID", "Risk", "L", "C", "Owner"]]
    consequence += [[f"C-{i}", f"Key engineer leaves {i}", 2, 4, "Bo"] for i in range(1, 4)]
    import_all(sqlite_store, write_csv(tmp_path / "risk_log.csv", consequence))
    assert {(r["probability"], r["impact"]) for r in by_code(sqlite_store, "risks").values()
            if r["code"].startswith("C-")} == {(2, 4)}

    alone: list[list[object]] = [["Risk ID", "Risk", "Likelihood", "Owner", "S"]]
    alone += [[f"A-{i}", f"Data centre outage {i}", 3, "Cy", 2] for i in range(1, 4)]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", alone))
    lone = by_code(sqlite_store, "risks")["A-1"]
    assert lone["impact"] is None and "S: 2" in (lone["notes"] or "")


def test_a_cadence_under_next_review_is_kept_beside_both_levels(sqlite_store, tmp_path):
    """"Next Review: Weekly" beside both levels was dropped as the office's calculated next review: a cadence is
    no day the office works out, so it is kept in the notes."""
    rows: list[list[object]] = [["ID", "Risk", "Likelihood", "Impact", "Owner", "Next Review"]]
    rows += [[f"R-{i}", f"Login errors {i}", 2, 3, "Dev", "Weekly"] for i in range(1, 4)]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    assert "Next Review: Weekly" in (by_code(sqlite_store, "risks")["R-1"]["notes"] or "")


def test_grc_columns_and_first_action_are_placed(sqlite_store, tmp_path):
    """A GRC tool's risk register ("control_weakness", "business_consequence", "decision": accept / treat with
    its reason in brackets) and a project's "First Action" were kept in the notes: they are the cause, the
    effect, the response and the response plan. The reason after the strategy is kept in the notes."""
    rows: list[list[object]] = [["risk_id", "threat", "control_weakness", "business_consequence",
                                 "inherent_likelihood_1_5", "inherent_impact_1_5", "owner", "decision"]]
    rows += [[f"R-00{i}", f"Unsupported web component {i}", "isolated test subnet",
              "No production data at risk", 3, 2, "Infrastructure Lead",
              "accept (not funded this cycle)" if i % 2 else "treat (funded this cycle)"] for i in range(1, 5)]
    import_all(sqlite_store, write_csv(tmp_path / "risk-register.csv", rows))
    risk = by_code(sqlite_store, "risks")["R-001"]
    assert (risk["cause"], risk["effect"], risk["response"]) == \
        ("isolated test subnet", "No production data at risk", "Accept")
    assert by_code(sqlite_store, "risks")["R-002"]["response"] == "Reduce"
    assert "not funded this cycle" in (risk["notes"] or "")

    plan: list[list[object]] = [["ID", "Risk", "Owner", "First Action"]]
    plan += [[f"P-{i}", f"Deadline may slip {i}", "Lead", f"Weekly progress check {i}"] for i in range(1, 4)]
    import_all(sqlite_store, write_csv(tmp_path / "RiskRegister.csv", plan))
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} >= \
        {f"Weekly progress check {i}" for i in range(1, 4)}


def test_a_stakeholders_engagement_is_the_current_engagement(sqlite_store, tmp_path):
    """A stakeholder register's "Engagement" beside "Desired Engagement" is where the stakeholder stands now."""
    rows: list[list[object]] = [["Name", "Role", "Interest", "Influence", "Engagement", "Desired Engagement"]]
    rows += [["Ana Ruiz", "Sponsor", "High", "High", "Neutral", "Leading"],
             ["Bo Li", "CFO", "Low", "High", "Resistant", "Supportive"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholder-register.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert (people["Ana Ruiz"]["current_engagement"], people["Bo Li"]["current_engagement"]) == \
        ("Neutral", "Resistant")
