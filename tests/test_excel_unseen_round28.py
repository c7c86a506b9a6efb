"""Classes of problem found on round 28 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_xlsx

_LEVEL = {"Low": 2, "Medium": 3, "High": 4}


def test_a_severity_after_the_score_is_its_rating_not_the_residual_impact(sqlite_store, tmp_path):
    """A project's risk register, "Risk ID | Deliverable | Description | Probability | Impact | Score | Risk
    Type | Mitigation | Owner | Early Warning | Severity", the severity (Critical, High, Medium) the band of
    the score: read as the residual impact because it came after the mitigation, so every risk got a
    residual rating nobody gave. A lone impact word again, with no second likelihood beside it and no word
    saying a later assessment, is the sheet's rating: kept in the notes."""
    rows: list[list[object]] = [["Risk ID", "Deliverable", "Description", "Probability", "Impact", "Score",
                                 "Risk Type", "Mitigation", "Owner", "Early Warning", "Severity"]]
    levels = [("High", "High", 16, "Critical"), ("Medium", "High", 12, "High"), ("Medium", "Medium", 9, "High"),
              ("Low", "High", 8, "Medium"), ("High", "Medium", 12, "High"), ("Low", "Low", 4, "Low")]
    for n, (p, i, score, severity) in enumerate(levels, 1):
        rows.append([f"A{n}", f"C{n}.1 Workstream", f"Risk to deliverable {n}", p, i, score, "Technical",
                     f"Mitigate deliverable {n}", "Project Manager", f"Warning sign {n}", severity])
    path = write_xlsx(tmp_path / "risk-register.xlsx", {"Risk Register": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(levels)
    for n, (p, i, _score, severity) in enumerate(levels, 1):
        risk = got[f"A{n}"]
        assert (risk["probability"], risk["impact"]) == (_LEVEL[p], _LEVEL[i])
        assert risk["residual_impact"] is None and risk["residual_probability"] is None
        assert f"Severity: {severity}" in (risk["notes"] or "")


def test_the_date_a_risk_was_recognised_is_when_it_was_raised(sqlite_store, tmp_path):
    """A team's risk assessment, "Risk | Effect | Cause | Probability | Severity | Mitigating Actions | Date
    Recognised | Date Mitigated and Action Taken | Review": the date
    each risk was recognised was kept in the notes, so no risk had a date raised and none sorted by age.
    "Date recognised" (or recognized) is the date raised."""
    from datetime import date

    rows: list[list[object]] = [["Risk", "Effect", "Cause", "Probability", "Severity", "Mitigating Actions",
                                 "Date Recognised", "Date Mitigated and Action Taken", "Review"]]
    for n in range(1, 6):
        rows.append([f"Threat number {n} to the project", f"Effect {n} on the product",
                     f"Cause {n} of the threat", (n % 3) + 1, (n % 4) + 2, f"Mitigate threat {n} early",
                     date(2023, 1, 10 + n), "Not mitigated.", f"Review of threat {n}"])
    path = write_xlsx(tmp_path / "Risk_Assessment.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert len(got) == 5
    for n in range(1, 6):
        risk = got[f"Threat number {n} to the project"]
        assert risk["raised_on"] == date(2023, 1, 10 + n)
        assert "Date Recognised" not in (risk["notes"] or "")


def test_items_named_in_sentences_with_a_short_one_are_the_titles(sqlite_store, tmp_path):
    """A student's risk register, "Item | P | I | Risk (P*I) | Recognized | Mitigated/ Resolved | ROAM | How",
    the items written as sentences but one of two words ("Program Freezing"): "Item" was read as the risks'
    IDs, the sheet refused (no column naming the risks). Texts of two words or more, three on average, all
    different, are what each row is about: the title."""
    from datetime import date

    items = ["I take too long to figure out the LCD screen", "PWM is too slow to change brightness",
             "Changes in PWM cannot be decoded", "My slider is sticking after some time", "Program Freezing"]
    rows: list[list[object]] = [["Item", "P", "I", "Risk (P*I)", "Recognized", "Mitigated/ Resolved", "ROAM",
                                 "How"]]
    for n, item in enumerate(items, 1):
        rows.append([item, 2, 5, 10, date(2022, 3, 10 + n), None, "O", f"What was done about item {n}"])
    path = write_xlsx(tmp_path / "RiskRegister.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert sorted(got) == sorted(items)
    assert got["Program Freezing"]["raised_on"] == date(2022, 3, 15)


def test_a_column_headed_by_the_closing_words_is_the_status(sqlite_store, tmp_path):
    """The same register's "Mitigated/ Resolved" column, blank while a risk is open and "Mitigated" or
    "Resolved" once it is not: kept in the notes, so every risk stayed Open. A header made of the words that
    close a risk is the status; "Resloved", two letters the wrong way round, is still "Resolved" (it was
    left out of the import as no status)."""
    rows: list[list[object]] = [["Item", "P", "I", "Risk (P*I)", "Mitigated/ Resolved", "ROAM", "How"]]
    states = [None, "Mitigated", "Resolved", None, "Resloved"]
    for n, state in enumerate(states, 1):
        rows.append([f"Risk item number {n} of the project", 3, 5, 15, state, "M", f"What was done {n}"])
    path = write_xlsx(tmp_path / "RiskRegister.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert [got[f"Risk item number {n} of the project"]["status"] for n in range(1, 6)] == \
        ["Open", "Closed", "Closed", "Open", "Closed"]


def test_a_templates_prompt_where_the_title_goes_is_no_risk(sqlite_store, tmp_path):
    """A risk assessment chart, its first row the template's prompt, "Enter Description" under "Risk
    Description" with example levels beside it (Medium, Medium, Moderate): imported as a risk named "Enter
    Description". A guidance word followed only by the column's own words, where the first record's title
    goes, is the template's prompt: skipped, said so; the risks written under it are imported."""
    rows: list[list[object]] = [[None, "RISK ASSESSMENT CHART"], [],
                                [None, "Unique ID", "Risk Description", "Caused by & Consequences", "Risk Owner",
                                 "Probability", "Impact", "Risk Rating", "Control(s)"],
                                [None, None, "Enter Description", None, None, "Medium", "Medium", "Moderate"],
                                [None, "R1", "Supplier delivers the parts late", "Single supplier", "Ann Lee",
                                 "High", "Medium", "Severe", "Second supplier"],
                                [None, "R2", "Key engineer leaves the team", "Market demand", "Bo Chan",
                                 "Low", "High", "Moderate", "Handover notes"]]
    path = write_xlsx(tmp_path / "risk_assessment.xlsx", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    got = {r["title"] for r in by_code(sqlite_store, "risks").values()}
    assert got == {"Supplier delivers the parts late", "Key engineer leaves the team"}
    assert any("the template's prompt (“Enter Description”)" in r.reason for r in plan.reports)
