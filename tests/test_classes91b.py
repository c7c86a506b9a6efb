"""Unseen set 91's miss classes as general rules (classes91b): a consequence column headed "Impact" beside the
impact's level, a rating's name with a clause after it, a product of ratings read as the impact, a Chinese severity
header, a tally beside the table and a default filled down below it, a risk's "Resolution", a matrix's title and
axis row under the table, "Fatal"."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

_CONSEQUENCES = ["Lost customers", "Late invoices", "Data corruption", "Failed audit", "Missed launch",
                 "Extra overtime", "Angry regulator", "Refund claims", "Broken builds", "Lost weekend"]


def test_an_impact_column_of_consequences_beside_a_severity_level_is_the_effect(sqlite_store, tmp_path):
    """"Code | Area | Risk | Severity | Likelihood | Score | Impact | Priority": "Severity" gives the level, "Impact"
    what would happen in two words ("Lost customers", "Late invoices"): the effect, said — it was kept in the
    notes (phrases of three words or more were already read so)."""
    levels = ["HIGH", "MEDIUM", "LOW"]
    rows: list[list[object]] = [["Code", "Area", "Risk", "Severity", "Likelihood", "Score", "Impact", "Priority"]]
    rows += [[f"K{i}", "Ops", f"Payment gateway outage number {i}", levels[i % 3], levels[(i + 1) % 3], 4, text,
              "High"] for i, text in enumerate(_CONSEQUENCES, start=1)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "matrix.xlsx", {"Risks": rows}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 10
    assert risks["K1"]["effect"] == "Lost customers" and risks["K1"]["impact"] == 3  # MEDIUM
    assert risks["K2"]["effect"] == "Late invoices" and risks["K2"]["impact"] == 2  # LOW on a 3-point sheet
    assert "Impact:" not in (risks["K1"]["notes"] or "")
    sheet = plan.sheets[0]
    assert "“Impact” says what each risk would do" in sheet.note and "“Severity” gives its impact" in sheet.note


def test_an_impact_column_of_many_short_consequences_alone_is_the_effect_but_unknown_levels_stay(sqlite_store,
                                                                                                 tmp_path):
    """With no other column giving the level, two-word consequences are the effect when there are more of them
    than any ladder has levels (ten here); three unknown two-word levels repeated over the rows stay in the notes."""
    rows: list[list[object]] = [["Risk", "Likelihood", "Impact"]]
    rows += [[f"Warehouse fire in hall {i}", "Low", text] for i, text in enumerate(_CONSEQUENCES, start=1)]
    other: list[list[object]] = [["Risk", "Likelihood", "Impact"]]
    other += [[f"Server room flood {i}", "Low", ["Quite bad", "Rather bad", "Truly bad"][i % 3]] for i in range(9)]
    import_all(sqlite_store, write_xlsx(tmp_path / "two.xlsx", {"Risks": rows}))
    import_all(sqlite_store, write_xlsx(tmp_path / "levels.xlsx", {"Risks": other}))
    risks = named(sqlite_store, "risks")
    assert risks["Warehouse fire in hall 3"]["effect"] == "Data corruption"
    assert not risks["Server room flood 1"]["effect"]
    assert "Impact: Rather bad" in (risks["Server room flood 1"]["notes"] or "")


def test_a_rating_named_with_a_clause_is_that_rating_and_a_product_of_ratings_no_impact(sqlite_store, tmp_path):
    """"Likelihood of the risk occurring | Impact if the risk occurs | Severity (based on key)": the impact's words
    (Minor … Extreme) are the impact, the severity's fractions (0.01–0.62, likelihood × impact from a key) a score
    kept in the notes — it had been read as the impact in per cent, every impact wrong."""
    rows: list[list[object]] = [["Raised", "Risk Description", "Likelihood of the risk occurring",
                                 "Impact if the risk occurs", "Severity (based on key)", "Owner"]]
    data = [("Venue double booked", "Probable", "Minor", 0.16), ("Speaker cancels", "Certain", "Moderate", 0.62),
            ("Caterer goes bust", "Rare", "Extreme", 0.01), ("Tickets oversold", "Possible", "Major", 0.5)]
    rows += [["2024-03-01", t, p, i, s, "Kim Ode"] for t, p, i, s in data]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Register": rows}))
    risks = named(sqlite_store, "risks")
    assert risks["Venue double booked"]["impact"] == 2  # Minor
    assert risks["Speaker cancels"]["impact"] == 3  # Moderate
    assert risks["Caterer goes bust"]["impact"] == 5  # Extreme
    assert "Severity (based on key): 0.62" in (risks["Speaker cancels"]["notes"] or "")


def test_a_product_of_ratings_before_the_impacts_words_gives_way_to_them_said(sqlite_store, tmp_path):
    """The fractions first ("Severity" read as the impact, the clause-headed words a duplicate): the words win, the
    fractions are said to be a score. Other languages' clauses name the rating too ("Auswirkung falls …"); one
    speaking of the measures ("Impact if mitigated") is another rating, not read as the impact."""
    rows: list[list[object]] = [["Risk", "Likelihood", "Severity (based on key)", "Impact should it happen",
                                 "Impact if mitigated"]]
    rows += [["Crane breaks down", "Possible", 0.38, "Moderate", "Low"], ["Permit refused", "Rare", 0.01, "Extreme", "Low"],
             ["Steel price rises", "Likely", 0.5, "Major", "Low"]]
    german: list[list[object]] = [["Risiko", "Wahrscheinlichkeit", "Auswirkung falls das Risiko eintritt"]]
    german += [["Lieferant fällt aus", "hoch", "gering"], ["Server brennt ab", "niedrig", "sehr hoch"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "site.xlsx", {"Risks": rows, "Risiken": german}))
    risks = named(sqlite_store, "risks")
    assert risks["Crane breaks down"]["impact"] == 3 and risks["Permit refused"]["impact"] == 5
    assert "Impact if mitigated: Low" in (risks["Crane breaks down"]["notes"] or "")
    assert risks["Server brennt ab"]["impact"] == 5
    note = next(s.note for s in plan.sheets if s.sheet == "Risks")
    assert "“Severity (based on key)” holds fractions of one (0.01–0.5" in note


def test_a_chinese_danger_level_header_is_the_impact(sqlite_store, tmp_path):
    """"危险度" (严重 / 一般) is the impact, as "影响程度" is; it was kept in the notes."""
    rows: list[list[object]] = [["编号", "风险描述", "危险度", "发生概率", "状态"],
                                [1, "供应商延期交货", "严重", "高", "已识别"],
                                [2, "需求频繁变更", "一般", "中", "已识别"],
                                [3, "测试环境不足", "严重", "低", "已识别"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "风险.xlsx", {"风险管理表": rows}))
    risks = named(sqlite_store, "risks")
    assert risks["供应商延期交货"]["impact"] == 4 and risks["需求频繁变更"]["impact"] == 3


def test_a_tally_beside_the_table_starting_above_its_header_is_no_column_of_the_records(sqlite_store, tmp_path):
    """A status tally past an empty column ("Status | Total", "Identified | 4", "Occurred | 0", "Gone | 0") whose
    rows start above the header and run beside it: its row on the band of captions ("Identified | 4" beside "Basic
    information … Treatment") is no caption, so its columns are another table's, not two columns of the risks."""
    rows: list[list[object]] = [
        ["Risk tracking", None, None, None, None, None, None, "Status", "Total"],
        ["Basic information", None, None, None, "Treatment", None, None, "Identified", 4],
        ["No.", "Risk Description", "Impact", "Probability", "Mitigation", "Owner", None, "Occurred", 0],
        [1, "Vendor ships the boards late", "High", "High", "Order from a second vendor", "Lee Wu", None, "Gone", 0],
        [2, "Key tester falls ill", "Medium", "Low", "Train a second tester", "Lee Wu"],
        [3, "Customer changes the scope", "High", "Medium", "Fix the scope in the contract", "Lee Wu"],
        [4, "Build server runs out of disk", "Low", "Medium", "Add a disk alarm", "Lee Wu"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "tracking.xlsx", {"Tracking": rows}))
    risks = named(sqlite_store, "risks")
    assert len(risks) == 4
    notes = risks["Vendor ships the boards late"]["notes"] or ""
    assert "Occurred" not in notes and "Gone" not in notes


def test_a_letter_filled_down_below_the_table_is_no_line_of_the_last_record(sqlite_store, tmp_path):
    """A drop-down's default dragged down a column below the records ("D" on every row under the last risk's own
    "D", nothing else on those rows): no continuation of the last risk — its notes had fourteen lines "D"."""
    rows: list[list[object]] = [["ID", "Risk", "Probability", "Impact", "Rank"],
                                ["R1", "Supplier folds", "High", "High", "A"],
                                ["R2", "Audit finds gaps", "Low", "Medium", "C"],
                                ["R3", "Office lease ends", "Low", "Low", "D"]]
    rows += [[None, None, None, None, "D"] for _ in range(8)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "log.xlsx", {"Log": rows}))
    risks = named(sqlite_store, "risks")
    assert len(risks) == 3
    assert (risks["Office lease ends"]["notes"] or "").count("D") == 1
    said = [r.reason for r in plan.reports if r.row == 6]
    assert said and "filled down below the table" in said[0]


def test_a_risks_resolution_of_plans_is_its_response(sqlite_store, tmp_path):
    """"Risk | Risk Statement | Resolution | Risk Likelihood | Risk Impact | Severity": the resolution's plans are
    each risk's action, as on an issue log; they were kept in the notes."""
    rows: list[list[object]] = [["Risk", "Risk Statement", "Resolution", "Risk Likelihood", "Risk Impact", "Severity"]]
    rows += [[f"Back pain {i}", f"Staff sit for long hours on shift {i}.", f"Provide standing desks to team {i} soon.",
              2, 4, 8] for i in range(1, 5)]
    import_all(sqlite_store, write_xlsx(tmp_path / "assessment.xlsx", {"Sheet1": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 4
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Provide standing desks to team 2 soon." in actions


def test_a_matrix_title_and_axis_row_below_the_table_are_no_risks(sqlite_store, tmp_path):
    """Under the table, a matrix's title "Risk Matrix (impact X likelihood)" and its axis row "Risk Impact | 1 | 2 |
    3 | 4 | 5" above the "Risk Likelihood" caption are the matrix's, not two risks: the matrix starts at its
    title (it was skipped from its caption on)."""
    rows: list[list[object]] = [["Risk", "Risk Statement", "Mitigation", "Risk Likelihood", "Risk Impact", "Severity"]]
    rows += [[f"Back pain {i}", f"Staff sit for long hours on shift {i}.", f"Provide standing desks to team {i} soon.",
              2, 4, 8] for i in range(1, 5)]
    rows += [[None] * 6, ["Risk Matrix (impact X likelihood)"], ["Risk Impact", 1, 2, 3, 4, 5], ["Risk Likelihood"]]
    rows += [[n, n, 2 * n, 3 * n, 4 * n, 5 * n] for n in range(1, 6)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "assessment.xlsx", {"Sheet1": rows}))
    assert sorted(named(sqlite_store, "risks")) == [f"Back pain {i}" for i in range(1, 5)]
    said = {r.row: r.reason for r in plan.reports}
    assert "probability–impact matrix" in said[7] and "probability–impact matrix" in said[8]


def test_fatal_is_the_top_of_the_impact_ladder(sqlite_store, tmp_path):
    """"Low | Moderate | High | Fatal" severities: Fatal is the top level (5), in English and its kin words
    ("tödlich"); it was left unplaced."""
    rows: list[list[object]] = [["Risk", "Risk Probability", "Risk Severity"],
                                ["Release slips a month", "High", "Fatal"], ["Laptop stolen", "Low", "Moderate"]]
    german: list[list[object]] = [["Risiko", "Wahrscheinlichkeit", "Auswirkung"],
                                  ["Datenverlust im Rechenzentrum", "gering", "tödlich"],
                                  ["Kleiner Verzug", "hoch", "gering"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "assess.xlsx", {"Sheet1": rows, "Risiken": german}))
    risks = named(sqlite_store, "risks")
    assert risks["Release slips a month"]["impact"] == 5
    assert risks["Datenverlust im Rechenzentrum"]["impact"] == 5
