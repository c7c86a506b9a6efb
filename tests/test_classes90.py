"""Unseen set 90's miss classes as general rules (classes90)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_lone_bug_form_under_field_details_heads_is_one_record(sqlite_store, tmp_path):
    """"Field | Details" over label | value rows, the first "Issue ID | ISSUE-42": the code's letters named the
    register, so that row was taken for a header and each label below it became a record. One form, one defect."""
    rows: list[list[object]] = [
        ["Field", "Details"],
        ["Issue ID", "ISSUE-42"],
        ["Title", "Search box ignores accented letters"],
        ["Component", "Search"],
        ["Priority", "Low"],
        ["Status", "Open"],
        ["Description", "Typing an accented letter returns nothing."],
        ["Steps to Reproduce", "1. Open search."],
        [None, "2. Type an accented word."],
        ["Expected Result", "Matches are listed."],
        ["Actual Result", "No match is listed."],
        ["Browser", "Firefox"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "defect.xlsx", {"Sheet1": rows}, {"Sheet1": ["A8:A9"]}))
    issues = rows_of(sqlite_store, "issues")
    assert len(issues) == 1
    (issue,) = issues
    assert issue["code"] == "ISSUE-42"
    assert issue["title"] == "Search box ignores accented letters"
    assert issue["priority"] == "Low" and issue["status"] == "Open"


def test_a_testers_sheet_of_actual_and_expected_results_is_an_issue_log(sqlite_store, tmp_path):
    """"(empty) | Summary | Steps | Actual Result | Expected Result | Severity" on a sheet of Excel's default name:
    two columns name issue log fields, so the sheet was refused as a table of another kind — but an actual result
    beside an expected one is a tester's defect report, which names the issue log as a "Repro Steps" column does."""
    rows: list[list[object]] = [[None, "Summary", "Steps", "Actual Result", "Expected Result", "Severity"]]
    rows += [[float(i), f"Export button fails on screen {i}", f"Open screen {i} and export", "An error is shown",
              "A file is saved", "High" if i % 2 else "Low"] for i in range(1, 7)]
    import_all(sqlite_store, write_xlsx(tmp_path / "book.xlsx", {"Лист1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(issues) == 6
    first = issues["Export button fails on screen 1"]
    assert first["priority"] == "High"
    assert "A file is saved" in (first["description"] or "")


def test_a_title_column_of_short_codes_is_the_code_and_the_description_titles(sqlite_store, tmp_path):
    """"# | Risk | Description | Likelihood | Owner" where "Risk" holds only "RK-1" … and "Description" the
    sentences: the codes were the titles and the real text went to the notes. Decided from the values once a
    sheet; a column of bare numbers gives the code up and stays in the notes."""
    texts = ["Supplier delivers the parts late", "Key engineer leaves during the build",
             "Budget cut halfway through the year", "Test lab is not available in time", "Regulator changes the rules"]
    rows: list[list[object]] = [["#", "Risk", "Description", "Likelihood", "Owner"]]
    rows += [[i, f"RK-{i}", text, "High", "Dana Smith"] for i, text in enumerate(texts, start=1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Register": rows}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == [f"RK-{i}" for i in range(1, 6)]
    assert risks["RK-2"]["title"] == "Key engineer leaves during the build"


def test_a_russian_reaction_column_is_the_response_plan(sqlite_store, tmp_path):
    """"Реакция" (the reaction to a risk) beside its title, probability and impact: the response plan, as
    "План реагирования" is; it was kept in the notes."""
    rows: list[list[object]] = [["Название риска", "Вероятность", "Влияние", "Реакция"]]
    rows += [[f"Отказ сервера номер {i}", "Высокая", "Низкое", f"Резервный сервер {i}"] for i in range(1, 4)]
    import_all(sqlite_store, write_xlsx(tmp_path / "riski.xlsx", {"Лист1": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 3
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Резервный сервер 2" in actions


def test_encountered_risks_occurred_and_unencountered_ones_are_open(sqlite_store, tmp_path):
    """A risk status of "Encountered" (the risk happened) is Occurred; "Unencountered" is Open."""
    rows: list[list[object]] = [["Risk", "Probability", "Impact", "Status"],
                                ["Power cut in the data centre", "High", "High", "Encountered"],
                                ["Vendor goes bankrupt", "Low", "High", "Unencountered"],
                                ["Office flood", "Low", "Medium", "Unencountered"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    status = {r["title"]: r["status"] for r in rows_of(sqlite_store, "risks")}
    assert status == {"Power cut in the data centre": "Occurred", "Vendor goes bankrupt": "Open",
                      "Office flood": "Open"}


def test_a_chance_written_below_a_bound_is_the_band_under_it(sqlite_store, tmp_path):
    """"<0.1" in a column of fractions (0.3, 0.6): below a tenth, the lowest band — it was not placed at all."""
    rows: list[list[object]] = [["Risk", "Probability", "Impact"],
                                ["Disk fills up", 0.3, 3], ["Backup job fails", "<0.1", 4], ["Licence expires", 0.6, 2]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    chance = {r["title"]: r["probability"] for r in rows_of(sqlite_store, "risks")}
    assert chance["Backup job fails"] == 1
    assert chance["Licence expires"] == 3
