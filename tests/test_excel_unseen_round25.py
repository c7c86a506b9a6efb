"""Classes of problem found on round 25 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_xlsx


def test_a_korean_issue_log(sqlite_store, tmp_path):
    """A development team's issue log kept in Korean ("이슈번호 | 발견일 | 유형 | 제목 | … | 상태 | 비고"): no
    word of it was known, so the whole log was refused ("no header row"). Korean is now a language of the
    import's word files: the number is the issue's ID, the found-on date when it was raised, "제목" its title,
    "상태" its status (완료 done, 진행중 in progress); the other columns are kept, labelled, in its description."""
    path = write_xlsx(tmp_path / "issue_log.xlsx", {"issues": [
        ["이슈번호", "발견일", "유형", "제목", "재현 방법", "원인 및 수정", "상태", "비고"],
        [1, "2026-04-21", "bug", "부팅 시 헬스체크에서 크래시 루프", "slack_bot.py 실행", "인코딩 수정", "완료", "Block"],
        [2, "2026-04-02", "enhancement", "자동 재시작 추가", "해당 없음", "감시 프로세스 추가", "완료", "Major"],
        [3, "2026-04-04", "bug", "알림 중복 방지", "커밋 참조", "중복 전송 수정", "진행중", "Minor"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert sorted(got) == ["1", "2", "3"]
    assert got["1"]["title"] == "부팅 시 헬스체크에서 크래시 루프"
    assert str(got["1"]["raised_on"]) == "2026-04-21"
    assert got["1"]["status"] == "Closed" and got["3"]["status"] == "Open"
    assert "원인 및 수정: 인코딩 수정" in got["1"]["description"] and "비고: Block" in got["1"]["description"]


def test_a_decision_number_is_the_decisions_own_id(sqlite_store, tmp_path):
    """A project's decision log left on "Sheet1": "Decision Number | Subject | Detailed Question | Possible
    Options | Chosen option | Rationale". The number is the decision's own ID (before, it was taken for a
    count of the rows and kept in the notes, the office numbering the decisions DEC-001 … itself); the subject
    still names the decisions."""
    path = write_xlsx(tmp_path / "decision_log.xlsx", {"Sheet1": [
        ["Decision Number", "Subject", "Detailed Question", "Possible Options", "Chosen option", "Rationale"],
        [1, "Cleaning data", "Fill the missing three-point data?", "", "fill with 0", "they never attempt one"],
        [2, "Scaling or normalizing", "Should we scale the data?", "Scale or normalize", "Scale", "Gaussian data"],
        ["3.", "Choice of folds", "Is it worth having 10 folds?", "3, 5 or 10 folds", "10 folds", "less variance"],
        ["4.", "Web server", "", "", "PythonAnywhere", "free and easy to use"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["1", "2", "3.", "4."]
    assert got["2"]["title"] == "Scaling or normalizing" and got["2"]["options"] == "Scale or normalize"
    assert "Chosen option: Scale" in got["2"]["rationale"]


def test_a_decision_log_naming_its_decisions_as_the_solution_taken(sqlite_store, tmp_path):
    """A decision log under a caption, beside a brainstorming sheet: "Potential Solution | Problem | Details |
    Impacts | Decision Date | Implementation | Result/Evaluation | Notes". No column was known to name the
    decisions, so the whole log was refused; the solution taken is what each row decides (the problem, its
    details and the outcome are kept, labelled)."""
    path = write_xlsx(tmp_path / "decision_log.xlsx", {
        "Brainstorming": [["Possible Charting Options", "", "", "", "", "Mock Up"],
                          ["Basic Stats by Product", "Purpose of inclusion", "Priority (1-high, 3-low)"],
                          ["average sales, etc.", "shows sales breakdowns by item", 1]],
        "Decision Log": [
            ["Decision Log"], [],
            ["Potential Solution", "Problem", "Details", "Impacts", "Decision Date", "Implementation",
             "Result/Evaluation", "Notes"],
            ["Leverage Dash/Plotly", "Time constraints", "Build the dashboard with what we know", "Less impressive",
             "2023-05-14", "Began with a simple Dash app", "", ""],
            ["Separate purchase and opportunity datasets", "Mockaroo limitations", "Generate them apart",
             "Extra code", "2023-05-14", "Merged at the start of the app", "Works", ""],
            ["Forego unit tests", "Time constraints", "Data created by hand", "Dirty data may get through",
             "2023-05-16", "-", "Profound regret.", "First thing to add"],
            ["Host on Render", "Heroku no longer free", "Render is free for Dash", "Slower service", "2023-05-19",
             "Deployed on Render", "Slow charts", ""],
        ]})
    import_all(sqlite_store, path)
    got = {d["title"]: d for d in by_code(sqlite_store, "decisions").values()}
    assert sorted(got) == ["Forego unit tests", "Host on Render", "Leverage Dash/Plotly",
                           "Separate purchase and opportunity datasets"]
    assert str(got["Host on Render"]["decided_on"]) == "2023-05-19"
    assert "Problem: Heroku no longer free" in got["Host on Render"]["rationale"]


def test_a_vulnerability_id_is_no_cause(sqlite_store, tmp_path):
    """A cloud security assessment: "Asset ID | Asset Description | Threat ID | Threat Description | Consequence
    Score | Vulnerability ID | Vulnerability Description | Likelihood Score | Mitigation Action". "Vulnerability
    ID" was read as the risk's cause by its first word, so each cause was a code ("a1t1v1") and the vulnerability
    itself went to the notes; a header ending in ID, Ref or No holds codes, never a field's text."""
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": [
        [],
        ["Asset ID", "Asset Description", "Threat ID", "Threat Description", "Consequence Score", "Vulnerability ID",
         "Vulnerability Description", "Likelihood Score", "Mitigation Action"],
        ["a1", "MongoDB on EC2", "a1t1", "Unauthorized Access", 9, "a1t1v1", "Weak Authentication", 7,
         "Enhance Authentication"],
        ["", "", "a1t2", "Data Loss", 8, "a1t2v1", "Lack of Backup Strategy", 6, "Implement Backup Solution"],
        ["", "", "a1t3", "DDoS Attack", 7, "a1t3v1", "Limited DDoS Protection", 5, "Enhance DDoS Mitigation"],
    ]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert got["Data Loss"]["cause"] == "Lack of Backup Strategy"
    assert "Vulnerability ID: a1t2v1" in got["Data Loss"]["notes"]


def test_a_persian_word_keeps_its_joiner(sqlite_store, tmp_path):
    """A Persian hazard list: "آتش‌سوزی" (fire) is written with a zero-width non-joiner between its two parts.
    The import dropped every joiner as an invisible character pasted from the web, which changed the word; a
    joiner between two letters of a joining script is spelling and stays, a stray one (after a Latin word, a
    digit or at the end of a cell) still goes."""
    fire = "آتش\u200cسوزی ناشی از نشت بنزین"
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": [
        ["متن خطر", "شدت", "احتمال", "مسئول"],
        [fire, 5, 5, "Ann\u200c"],
        ["نشت گاز در حین تعمیرات مخزن", 5, 4, "Ann"],
        ["R\u200cisk of a fall\u200d", 4, 3, "Bob"],
    ]})
    import_all(sqlite_store, path)
    titles = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert fire in titles and titles[fire]["owner"] == "Ann"
    assert "Risk of a fall" in titles


def test_a_sentence_under_a_status_word_is_kept_and_the_outcome_says_its_word(sqlite_store, tmp_path):
    """A refund desk's decision log: "No | Date/Time | Case Type | Accepted Alternative | Description | Decision |
    Reasons". "Accepted Alternative" was read as the status by its first word, and its sentences ("No — I did not
    accept any alternative") became "Decided", the sentence lost. A column of sentences is no choice: it is kept
    in the notes. The status is the "Decision" column; "APPROVED" and "DENIED" both read as Decided (not set, as
    nobody is said to have decided), the note saying which the sheet wrote, and "PARTIAL" is decided too (before,
    its rows were left out)."""
    path = write_xlsx(tmp_path / "decision_log.xlsx", {"Refund Decisions": [
        ["No", "Date/Time", "Case Type", "Accepted Alternative", "Description", "Decision", "Reasons"],
        [1, "2026-03-04 00:21:02", "Significant Delay", "No — I did not accept any alternative",
         "Delta flight delayed nearly five hours", "APPROVED", "The delay exceeds the DOT threshold."],
        [2, "2026-03-04 00:34:43", "Baggage Delayed", "No — I did not accept any alternative",
         "Checked bag arrived eight hours late", "DENIED", "Eight hours is under the threshold."],
        [3, "2026-03-04 21:10:50", "Downgrade", "Yes — I accepted a seat in economy on the same flight",
         "Downgraded from business to economy", "PARTIAL", "The fare difference is owed."],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["1", "2", "3"]
    assert "Accepted Alternative: No — I did not accept any alternative" in got["1"]["rationale"]
    assert "written “DENIED”" in got["2"]["rationale"] and "written “APPROVED”" in got["1"]["rationale"]
    assert got["3"]["title"] == "Downgraded from business to economy"


def test_stakeholders_named_by_their_role_within_a_group(sqlite_store, tmp_path):
    """A bank's stakeholder register with no names: "Stakeholder Group | Role | Interest | Influence/Attitude |
    Pain Point". Each stakeholder was named by its group, so two were "Customer" and two "Internal Staff"; the
    groups come back on several rows and the roles once a row, so the role names each stakeholder and the group
    stays its group. Roles that repeat, or groups that do not, leave the group naming them, as before."""
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Stakeholder Register": [
        [], [],
        ["", "Stakeholder Group", "Role", "Interest", "Influence/Attitude", "Pain Point"],
        ["", "Customer", "Loan Applicant", "Wants a fast loan process", "High (users of the system)",
         "Process takes too long"],
        ["", "Internal Staff", "Relationship Manager", "Wants less paperwork", "High (manages the process)",
         "Collects documents by hand"],
        ["", "Internal Staff", "Credit Analyst", "Compliance without delay", "High (gatekeepers)", "KYC checks are slow"],
        ["", "Customer", "General Loan Applicant", "Fewer bank visits", "High", "Tedious process"],
    ]})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert sorted(got) == ["Credit Analyst", "General Loan Applicant", "Loan Applicant", "Relationship Manager"]
    assert got["Credit Analyst"]["group"] == "Internal Staff" and got["Loan Applicant"]["group"] == "Customer"
