"""Classes of problem found on round 33 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def _bare_issue_rows(n: int) -> list[list[object]]:
    states = ["open", "closed", "open", "open", "closed", "open"]
    return [["requirements", 60 - i, states[i % len(states)], f"Fahrgast Auftrag Nummer {i} erfassen",
             f"https://github.com/example/requirements/issues/{60 - i}",
             ", ".join(["dringend", f"P{1 + i % 4}", "wichtig", "fahrer"][:1 + i % 4])]  # as many labels as given
            for i in range(n)]


def test_an_issue_list_saved_with_no_header_row_is_read_by_its_values(sqlite_store, tmp_path):
    """A script's dump of a repository's issues, "requirements; 59; open; OVI Fahrten-Kontrolle;
    https://…/issues/59; disposition, dringend, P4" on every line and no header row (`gh issue list` writes its
    rows so too): the file was refused whole, 68 issues lost. Named "issues.csv", every row giving a number, a
    status the issue log knows and a title, its columns are read by their values: the ID, the status, the title,
    the address and the labels kept in the notes."""
    path = tmp_path / "issues.csv"  # written as the script wrote it: "; " between the cells
    path.write_text("".join("; ".join(str(x) for x in row) + "\n" for row in _bare_issue_rows(6)), encoding="utf-8")
    plan = import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert len(got) == 6
    assert got["60"]["title"] == "Fahrgast Auftrag Nummer 0 erfassen" and got["60"]["status"] == "Open"
    assert got["59"]["status"] == "Closed"
    assert "https://github.com/example/requirements/issues/58" in got["58"]["description"]
    assert "Labels: dringend, P3, wichtig" in got["58"]["description"]
    assert any("no header row" in (s.note or "") for s in plan.sheets)


_NOT_BARE_LISTS = [
    # a demo list of placeholders: no status, the "risks" repeat
    ("risks.csv", [["Asset1", "Risk1", "Medium"], ["Asset2", "Risk1", "Low"], ["Asset1", "Risk3", "High"],
                   ["Asset3", "Risk1", "Low"]]),
    # funding decisions under their own header: its first row gives no status
    ("decisions.csv", [["name", "amount", "date", "channel"], ["Maia The Brave", "$520,426", "Mar 2016", "TV 2"],
                       ["Smokefree Rockquest", "$319,050", "Mar 2016", "The Edge TV"],
                       ["Kiwi Kids News", "$1,000", "Apr 2016", "TVNZ"]]),
]


def test_the_same_sheet_of_an_xlsx_with_no_header_row(sqlite_store, tmp_path):
    """The rule is the sheet's, not the CSV's: a workbook named "Issue Log.xlsx" whose sheet starts with its
    first issue. Bare rows without an ID, a status and a title each are still refused (a demo list of
    placeholders, a table under its own header)."""
    for name, bare in _NOT_BARE_LISTS:
        with pytest.raises(WorkbookError, match="No sheet"):
            import_all(sqlite_store, write_csv(tmp_path / name, bare))
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "decisions") == []
    rows = [[f"BUG-{100 + i}", f"Login page fails for user group {i}", "Open" if i % 2 else "Resolved", "web"]
            for i in range(5)]
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert sorted(got) == [f"BUG-{100 + i}" for i in range(5)]
    assert got["BUG-100"]["status"] == "Resolved" and got["BUG-101"]["status"] == "Open"


def test_a_scale_declared_between_underscores(sqlite_store, tmp_path):
    """An ISO 27001 gap register, "Control_Ref | Control_Name | Gap_Description | Likelihood_1_3 | Impact_1_3 |
    Risk_Score | Risk_Level | Risk_Owner": the 1–3 numbers were read on the office's 1–5 scale, so a 3 (the
    sheet's highest) was stored as Medium. "Likelihood_1_3" declares its scale as "Likelihood (1-3)" does: 1, 2, 3
    are low, medium, high."""
    rows: list[list[object]] = [["Risk_ID", "Risk_Description", "Likelihood_1_3", "Impact_1_3", "Risk_Score",
                                 "Risk_Owner"]]
    given = [(3, 3), (2, 3), (1, 2), (3, 1)]
    for n, (likelihood, impact) in enumerate(given, 1):
        rows.append([f"R-{n}", f"No independent review of control {n}", likelihood, impact, likelihood * impact,
                     "Security Lead"])
    path = write_csv(tmp_path / "risk-register.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    word_level = {1: 2, 2: 3, 3: 4}
    for n, (likelihood, impact) in enumerate(given, 1):
        assert (got[f"R-{n}"]["probability"], got[f"R-{n}"]["impact"]) == (word_level[likelihood], word_level[impact])


def test_planned_actions_are_the_response_plan(sqlite_store, tmp_path):
    """A security risk register, "risk_id | asset | threat | vulnerability | likelihood | impact | treatment |
    planned_actions | owner": the actions planned for each risk went to the notes, none on its response plan."""
    rows: list[list[object]] = [["risk_id", "asset", "threat", "vulnerability", "likelihood", "impact",
                                 "treatment", "planned_actions", "owner"]]
    for n in range(1, 4):
        rows.append([f"R0{n}", "Production web app", f"Attacker exploits weakness {n}", f"Unpatched library {n}", 3,
                     4, "Mitigate", f"Patch library {n}, scan weekly", "Head of Engineering"])
    path = write_csv(tmp_path / "risk-register.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["R02"]["response"] == "Reduce"
    assert "planned_actions" not in (got["R02"]["notes"] or "")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {f"Patch library {n}, scan weekly" for n in range(1, 4)}


def test_headers_written_as_identifiers_read_as_their_words(sqlite_store, tmp_path):
    """An AWS risk register's CSV, "Risk_ID | Asset | Security_Finding | Threat_Scenario | Business_Risk |
    Likelihood_1_5 | …": its words joined by underscores were not read as words ("Business Risk" names the risk,
    "Business_Risk" nothing), so the asset became every risk's title and the threat scenario went to the notes.
    The words of a header are split at underscores as at spaces, and a threat (or attack) scenario is the risk's
    event."""
    rows: list[list[object]] = [["Risk_ID", "Asset", "Security_Finding", "Threat_Scenario", "Business_Risk",
                                 "Likelihood_1_5", "Impact_1_5", "Risk_Owner"]]
    for n in range(1, 4):
        rows.append([f"RISK-00{n}", "Amazon S3 bucket", f"Bucket {n} allows public access",
                     f"An internet user reads the objects of bucket {n}", f"Exposure of customer data {n}", 4, 5,
                     "Cloud Security Lead"])
    path = write_csv(tmp_path / "risk-register.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == 3
    risk = got["RISK-002"]
    assert risk["event"] == "An internet user reads the objects of bucket 2"
    assert risk["title"] != "Amazon S3 bucket"
    assert "Asset: Amazon S3 bucket" in (risk["notes"] or "")
    assert "Business_Risk: Exposure of customer data 2" in (risk["notes"] or "")
    assert len(named(sqlite_store, "risks")) == 3


def test_a_level_written_between_two_is_read_at_the_higher(sqlite_store, tmp_path):
    """Round 29's leftover: an impact "Moderate/High" was stored as Moderate, the first word, with nothing kept
    of "High". A level written between two of the scale's words ("Moderate/High", "Low - Medium", "Medium to
    High") is read at the higher — the cautious reading of a risk; a word of its own ("Very-High") and a level
    with a remark after it are read as before."""
    rows: list[list[object]] = [["Risk ID", "Risk", "Likelihood", "Impact"],
                                ["R1", "Key developer leaves", "Low - Medium", "Moderate/High"],
                                ["R2", "Supplier goes bust", "Medium to High", "Very-High"],
                                ["R3", "Scope creep", "Medium", "High, if the sponsor changes"]]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["probability"], got["R1"]["impact"]) == (3, 4)
    assert (got["R2"]["probability"], got["R2"]["impact"]) == (4, 5)
    assert (got["R3"]["probability"], got["R3"]["impact"]) == (3, 4)


def test_a_second_sheets_issue_under_the_same_number_is_another_issue(sqlite_store, tmp_path):
    """Round 30's leftover: a developer's bug list, its current issues on one sheet and its previous ones on
    another numbered anew; the second sheet's issue 4 was merged into the first's issue 4 — its text and
    status put in the other's notes, one bug lost — because the two reports shared "and", "not", "for" and
    "getting". Two rows under one number are one record only where their titles say the same thing: the
    little words do not count, nor do a few shared words make a short title one with a long report."""
    current = [["NO", "ISSUE_DESCRIPTION", "STATUS"],
               [1, "Maturity amount is not getting calculated by the calculation service", "Open"],
               [2, "Deferred liquidation date should not exceed the maturity date", "Open"],
               [3, "Rollover fails for accounts opened on a holiday", "Open"],
               [4, "Interest not getting calculated for backdated accounts J0100 and J0101", "Open"]]
    previous = [["NO", "ISSUE_DESCRIPTION", "STATUS"],
                [1, "Liquidation not happened for the deposit account", "Fixed"],
                [2, "Since the next liquidation date is updated as null for the maturity case, the record is "
                    "not picked up for maturity processing and the liquidation service fails", "Fixed"],
                [4, "Resolution - all accounts are not getting picked for resolution and the job control table "
                    "is not getting cleared for the branch", "Closed"]]
    path = write_xlsx(tmp_path / "Issues.xlsx", {"TD_Issues": current, "#PrevIssues": previous})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert len(got) == 7
    assert got["Interest not getting calculated for backdated accounts J0100 and J0101"]["status"] == "Open"
    resolution = next(t for t in got if t.startswith("Resolution - all accounts"))
    assert got[resolution]["status"] == "Closed"
    assert "Resolution" not in (got["Interest not getting calculated for backdated accounts J0100 and J0101"]
                                ["description"] or "")
