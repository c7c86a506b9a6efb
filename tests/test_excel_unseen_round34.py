"""Classes of problem found on round 34 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_ods, write_xlsx


def _game_bugs(n: int) -> list[list[object]]:
    """`gh issue list` rows of a game's tracker, as its export writes them: number, state, title, labels
    ("bug" on most, "bug, High, Currently Working" on some, none on a suggestion), updated."""
    labels = ["bug", "bug", "bug, High", "bug", "enhancement, Low", "bug, Low, Waiting for merge", "", "bug"]
    rows: list[list[object]] = []
    for i in range(n):
        title = f"[Bug]: Weapon number {i} breaks after one fight in the plains"
        if i == 5:
            title = "[Bug]: Weapon number 1 breaks after one fight in the plains"  # reported twice
        rows.append([400 - i, "CLOSED" if i % 3 == 0 else "OPEN", title, labels[i % len(labels)],
                     f"2023-02-{1 + i % 27:02d} 07:53:22 +0000 UTC"])
    return rows


def test_a_bare_issue_list_named_after_words_of_its_own(sqlite_store, tmp_path):
    """A game's `gh issue list` saved as "Dragon-Crypto-Gaming_issues.csv" (369 rows, no header row, ";"
    between the cells): refused whole — its name named the issue log only after words of its own, a title
    reported twice made the titles "not distinct", and its labels ("bug" on most rows) were no list of tags.
    The name's last words name the register as a headed sheet's do, a title may repeat once in twenty rows,
    and a column of a few short words given again and again, some of them lists, is the labels: the
    enhancements are left out as planned work, the bugs come in, the reported-twice one too."""
    rows = _game_bugs(40)
    path = write_csv(tmp_path / "Dragon-Crypto-Gaming_issues.csv", rows, delimiter=";")
    plan = import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    got = by_code(sqlite_store, "issues")
    assert len(got) == 35  # 40 rows, the five "enhancement, Low" rows left out
    assert got["400"]["title"] == "[Bug]: Weapon number 0 breaks after one fight in the plains"
    assert got["400"]["status"] == "Closed" and got["399"]["status"] == "Open"
    assert got["395"]["title"] == got["399"]["title"]  # the same bug reported twice: both kept
    assert "396" not in got  # "enhancement, Low"
    assert sum(1 for r in plan.reports if "planned work" in r.reason) == 5


def test_a_priority_among_the_labels(sqlite_store, tmp_path):
    """A GitHub-to-GitLab issue sheet "title, description, assignee_id, due_date, labels" whose labels are
    "Bug,High": every issue was Medium, the default, and the labels were dropped from the record. The one
    priority word among a row's labels is its priority; the labels stay in the notes as written. A row whose
    labels name two priorities, or none, is not prioritised yet (it was Medium, nobody's word: unassessed49)."""
    rows: list[list[object]] = [["title", "description", "assignee_id", "due_date", "labels"],
                                ["Login fails", "Login fails for SSO users", 123456, "2024-12-25", "Bug,High"],
                                ["Slow report", "Monthly report takes minutes", 123456, "2024-12-26", "bug, Low"],
                                ["Typo on page", "Footer typo", 123456, "2024-12-27", "bug"],
                                ["Odd labels", "Two priorities", 123456, "2024-12-28", "bug, High, Low"],
                                ["Dark mode", "Add a dark mode", 123456, "2024-12-29", "Feature,Medium"]]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    got = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(got) == ["Login fails", "Odd labels", "Slow report", "Typo on page"]
    assert got["Login fails"]["priority"] == "High"
    assert got["Slow report"]["priority"] == "Low"
    assert got["Typo on page"]["priority"] == "" and got["Odd labels"]["priority"] == ""
    assert "Bug,High" in got["Login fails"]["description"]


def test_desc_names_the_records(sqlite_store, tmp_path):
    """A risk scenario catalogue "Id, Desc, Rating, Risk, LEF_low, …" saved as "risks.csv" (75 scenarios:
    "Loss of Property", "Electrical System Failure"): refused whole, no column naming the risks. "Desc" is
    "description" cut short, as "Prob" is "probability": the risk's title, an issue's description."""
    rows: list[list[object]] = [["Id", "Desc", "Rating", "Risk", "LEF_low", "LEF_high"]]
    for n, what in enumerate(["Loss of Property", "Theft of Property", "Electrical System Failure",
                              "Heating, Ventilation, Air Conditioning (HVAC) Failure"], 1):
        rows.append([what.lower().replace(" ", "-"), what, n, 0.2 + 0.12 * n, 0.5, 2])
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    got = by_code(sqlite_store, "risks")
    assert got["loss-of-property"]["title"] == "Loss of Property"
    assert "Rating: 1" in got["loss-of-property"]["notes"] and "LEF_high: 2" in got["loss-of-property"]["notes"]
    assert len(got) == 4
    issue_rows = [["Issue ID", "Issue Desc", "Owner", "Status"], ["I-1", "Printer offline in the east wing", "Ann",
                                                                   "Open"],
                  ["I-2", "Badge reader fails at gate 3", "Bo", "Closed"]]
    import_all(sqlite_store, write_csv(tmp_path / "issue log.csv", issue_rows))
    issues = by_code(sqlite_store, "issues")
    assert issues["I-1"]["title"] == "Printer offline in the east wing"


def test_a_bare_list_under_a_header_of_its_own_words(sqlite_store, tmp_path):
    """`gh issue list` rows pasted into a spreadsheet under a first row the user typed, "| Fechado? | | Lista de
    issues de My Study Plan | Label |" (a Portuguese study plan's 33 issues, an .ods whose numbers are "1.0"):
    refused whole, no header cell naming a column of the issue log and the first row no issue. The columns are
    read by the values below that row as a bare list's are (ID, status, title), the sheet's own words kept for
    the others; a title listed twice is kept twice."""
    rows: list[list[object]] = [[None, "Fechado?", None, "Lista de issues de My Study Plan", "Label", None, None]]
    topics = ["Linear Search", "Binary Search", "Bubble Sort", "Counting Sort", "Minimum Sum", "Merge Sort",
              "Quick Sort", "Minimum Sum", "Jump Search", *(f"Exercise {n} of week two" for n in range(10, 25))]
    for n, topic in enumerate(topics, 1):
        done = n % 4 != 0
        rows.append([float(n), "[X]" if done else "[  ]", "CLOSED" if done else "OPEN", topic, "Algorithm", " Easy",
                     f"2023-02-{1 + n % 27:02d} 11:14:26 +0000 UTC"])
    path = write_ods(tmp_path / "issues.ods", {"issues": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert sorted(got, key=int) == [str(n) for n in range(1, 25)]
    assert got["1"]["title"] == "Linear Search" and got["1"]["status"] == "Closed"
    assert got["4"]["status"] == "Open"
    assert got["8"]["title"] == "Minimum Sum"
    assert "Label: Algorithm" in got["1"]["description"]
    assert rows_of(sqlite_store, "risks") == []
    # a list whose first row is a record, not a header, is read as before: every row an issue
    bare = [[100 + n, "OPEN", f"Study topic number {n} of the plan"] for n in range(1, 6)]
    import_all(sqlite_store, write_csv(tmp_path / "study_issues.csv", bare))
    assert "Study topic number 1 of the plan" in {r["title"] for r in rows_of(sqlite_store, "issues")}


def _assessment_rows(with_levels: bool) -> list[list[object]]:
    """A security risk assessment's step sheet: each supporting asset written once over its threats (the cells
    below left blank), a threat named again under every asset it threatens."""
    assets = {"CWP HMI": [("Malware", "No antivirus"), ("Hardware tampering", "Low physical protection"),
                          ("Power loss", "No backup power")],
              "Communication lines": [("Man in the middle", "Lines not encrypted"),
                                      ("Hardware tampering", "Cabinets unlocked")],
              "Data recorder": [("Hardware tampering", "Poor physical protection"), ("Power loss", "No UPS")]}
    rows: list[list[object]] = []
    for n, (asset, threats) in enumerate(assets.items()):
        for k, (threat, weakness) in enumerate(threats):
            rows.append([asset if k == 0 else None, threat, weakness]
                        + ([5 - n, 1 + (k + n) % 3, "High" if (k + n) % 3 == 2 else "Medium"] if with_levels else []))
    return rows


def test_a_threat_named_under_each_asset_on_two_sheets(sqlite_store, tmp_path):
    """A SecRAM-style risk assessment (27 threats of an airport tower's assets over two step sheets): the
    levels' sheet headed "Reviewed Impact (same as specified in step 4.1)" had each impact stored as a day of
    1900 ("Reviewed" named the date of the last review), and "Hardware tampering" of the communication lines
    and of the data recorder were merged into the CWP HMI's, three assets' threats made one. "Reviewed
    Impact" is the impact, reviewed; a title the first sheet lists once per asset is matched in order, the
    n-th on the second sheet to the n-th on the first."""
    threats = [["Supporting Asset (same as specified in step 2)", "Threats", "Vulnerability"],
               *_assessment_rows(False)]
    levels = [["Supporting Assets (same as specified in step 2.1)", "Threats (same as specified in step 3)",
               "Vulnerability (same as specified in step 3)", "Reviewed Impact (same as specified in step 4.1)",
               "Likelihood (see table below)", "Risk level (see table below)"], *_assessment_rows(True)]
    path = write_xlsx(tmp_path / "risk_assessment.xlsx", {"Step 3 Threats": threats, "Step 4.2 Risk Levels": levels})
    import_all(sqlite_store, path)
    got = rows_of(sqlite_store, "risks")
    assert len(got) == 7
    tampering = [r for r in got if r["title"] == "Hardware tampering"]
    assert len(tampering) == 3
    assert sorted(r["cause"] for r in tampering) == ["Cabinets unlocked", "Low physical protection",
                                                     "Poor physical protection"]
    by_cause = {r["cause"]: r for r in got}
    assert by_cause["No antivirus"]["impact"] == 5 and by_cause["Lines not encrypted"]["impact"] == 4
    assert by_cause["Cabinets unlocked"]["impact"] == 4 and by_cause["Poor physical protection"]["impact"] == 3
    assert all(r["reviewed_on"] is None for r in got)


def test_frequent_likelihood_and_an_active_decision(sqlite_store, tmp_path):
    """A Threagile risk export's likelihoods "Unlikely, Likely, Very Likely, Frequent": "Frequent", its
    highest, was left out ("not placed in probability"). It is the top of the scale, as "almost certain" is. A
    decision log "date, decision, reasoning, expected_outcome, review_date, status" with "ACTIVE": the
    reasoning was kept in the rationale under its header and the status said nothing; "reasoning" is the
    rationale, and an active decision (one in force) is decided."""
    risks = [["Severity", "Likelihood", "Impact", "Identified Risk", "Mitigation"],
             ["Medium", "Frequent", "Very High", "Example risk at the contract fileserver", "Encrypt the share"],
             ["High", "Very Likely", "High", "SQL injection at the ERP system", "Bind parameters"],
             ["Low", "Unlikely", "Low", "XXE at the backoffice", "Harden the parser"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Some Example Application": risks}))
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert got["Example risk at the contract fileserver"]["probability"] == 5
    assert got["XXE at the backoffice"]["probability"] == 2
    decisions = [["date", "decision", "reasoning", "decided by", "status"],
                 ["2026-03-26", "Magic link sign-in for the parent portal", "No password to remember", "Ann Lee",
                  "ACTIVE"],
                 ["2026-03-27", "Keep the old portal for a month", "Parents need time", "Ann Lee", "Proposed"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisions.csv", decisions))
    made = {r["title"]: r for r in rows_of(sqlite_store, "decisions")}
    assert made["Magic link sign-in for the parent portal"]["status"] == "Decided"
    # "ACTIVE" read as Decided is kept beside it under its header (heldout50)
    assert made["Magic link sign-in for the parent portal"]["rationale"] == "No password to remember\nstatus: ACTIVE"
    assert made["Keep the old portal for a month"]["status"] == "Pending"
