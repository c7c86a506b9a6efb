"""Classes of problem found on round 29 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_project_impact_written_out_is_the_effect(sqlite_store, tmp_path):
    """A student's risk assessment, "Risk ID | Date registered | Risk area | Risk description | Probability |
    Risk Level | Project impact | Proximity / Length of impact | Response strategy", the project impact
    written as what would happen ("Workload builds up …"): kept in the notes, so no risk had its effect.
    "Project impact" is the impact (a level, when the cells are levels), and as sentences the effect, as a
    bare "Impact" is."""
    effects = ["Workload builds up and the project is late.", "Fall behind deadlines for lack of hardware.",
               "Objectives not met, so the project is redone.", "Low quality product, requirements not met."]
    rows: list[list[object]] = [["Risk ID", "Date registered", "Risk area", "Risk description", "Probability",
                                 "Project impact", "Response strategy"]]
    for n, effect in enumerate(effects, 1):
        rows.append([n, date(2020, 4, n), "Area", f"Risk number {n} to the project", "M", effect,
                     f"Respond to risk {n}"])
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(effects)
    for n, effect in enumerate(effects, 1):
        risk = got[str(n)]
        assert risk["effect"] == effect
        assert "Project impact" not in (risk["notes"] or "")

    levels = [["Risk ID", "Risk description", "Probability", "Project impact"],
              ["A1", "Supplier goes bust", "High", "Low"], ["A2", "Key person leaves", "Low", "High"]]
    path = write_xlsx(tmp_path / "levels.xlsx", {"Risks": levels})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["A1"]["impact"], got["A2"]["impact"]) == (2, 4)


def test_the_date_an_issue_was_flagged_is_when_it_was_raised(sqlite_store, tmp_path):
    """An issue log written by a script, "id,date_flagged,exercise,muscle_group,issue_type,description,status":
    the date each issue was flagged was kept in the notes, so no issue had a date raised. "Date flagged",
    "flagged on" are the date raised (issues and risks)."""
    rows: list[list[object]] = [["id", "date_flagged", "area", "issue_type", "description", "status"]]
    for n in range(1, 6):
        rows.append([n, f"2026-01-{10 + n:02d}", f"Area {n}", "Stall", f"Progress stalled on item {n}", "Active"])
    path = write_csv(tmp_path / "issue_log.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert len(got) == 5
    for n in range(1, 6):
        assert got[str(n)]["raised_on"] == date(2026, 1, 10 + n)
        assert "date_flagged" not in (got[str(n)]["description"] or "")

    risks = [["Risk ID", "Risk", "Date flagged", "Likelihood", "Impact"],
             ["R1", "Vendor slips", date(2025, 3, 1), 3, 4], ["R2", "Budget cut", date(2025, 3, 2), 2, 5]]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risk Register": risks})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["R1"]["raised_on"] == date(2025, 3, 1)


def test_a_score_with_no_levels_beside_it_is_kept(sqlite_store, tmp_path):
    """An ISO 27001 lab's register, "Risk ID | Risk Description | Score | Risk Level | Treatment", scores of 10
    to 20 and no likelihood or impact: "Score" was dropped as calculated, though nothing could work it out again,
    so every risk lost it. A score is dropped only where the sheet gives the likelihood and impact it is made
    of; otherwise it is kept in the notes. Beside the levels it is still the office's own."""
    scores = [20, 15, 12, 16, 10]
    rows: list[list[object]] = [["Risk ID", "Risk Description", "Score", "Risk Level", "Treatment"]]
    for n, score in enumerate(scores, 1):
        rows.append([f"R00{n}", f"Threat number {n} to the data", score, "High", f"Control {n}"])
    path = write_xlsx(tmp_path / "risk-register.xlsx", {"Risk Register": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(scores)
    for n, score in enumerate(scores, 1):
        assert f"Score: {score}" in (got[f"R00{n}"]["notes"] or "")

    rated = [["Risk ID", "Risk Description", "Likelihood", "Impact", "Score"],
             ["Q1", "Vendor slips", 3, 4, 12], ["Q2", "Budget cut", 2, 5, 10]]
    path = write_xlsx(tmp_path / "rated.xlsx", {"Risk Register": rated})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert "Score" not in (got["Q1"]["notes"] or "") and got["Q1"]["inherent_score"] == 12


def test_a_row_of_web_addresses_is_no_header(sqlite_store, tmp_path):
    """A research tally of bug reports, "link or description | bug(s) | confirmed? | edge case" over rows of
    "https://github.com/…/issues/99151 | 2 | yes | no": its header names no register's column, so a row of
    values lower down was taken as the header ("no" the ID, the address the title) and 16 links became issues,
    ten more refused as duplicate IDs "yes" and "no". A row holding a web or e-mail address heads no column;
    an issue log with a column of links is read as before."""
    rows: list[list[object]] = [["link or description", "bug(s)", "confirmed?", "edge case"]]
    for n in range(35):
        rows.append([f"https://github.com/pytorch/pytorch/issues/{83000 + 7 * n}", 1 + n % 3,
                     "rejected" if n % 9 == 0 else "yes" if n % 4 else "no", "no" if n % 5 else "yes"])
    for n in range(10):
        rows.append([f"the result on CPU differs from GPU in function_{n} when the dimension is {n}", 1, "yes", "no"])
    for n in range(8):
        rows.append([f"https://github.com/pytorch/pytorch/issues/{89000 + n}", 1, "yes", "no" if n % 3 else "yes"])
    rows.append([None, 65])
    path = write_xlsx(tmp_path / "issues.xlsx", {"PyTorch": rows})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert by_code(sqlite_store, "issues") == {}

    log = [["Issue ID", "Issue", "Owner", "Status", "Link"]]
    for n in range(1, 5):
        log.append([f"I-{n}", f"Build breaks on platform {n}", "Ana", "Open",
                    f"https://github.com/example/project/issues/{n}"])
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Issues": log})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert sorted(got) == ["I-1", "I-2", "I-3", "I-4"]


def test_a_remediation_priority_is_no_action(sqlite_store, tmp_path):
    """A hospital's GRC register, "Risk ID | Risk Statement | … | Risk Owner | KPI | Target | Remediation Priority |
    Status": "Remediation Priority" (Immediate, High) began with a word of the response plan, so each risk got an
    action "Immediate" — four junk actions. A header ending in "priority" or "urgency" after a field's words says
    how soon, not what is done: kept in the notes; "Remediation Plan" beside it is still the plan."""
    from pmo_desktop.models.risks import RiskAction

    rows: list[list[object]] = [["Risk ID", "Risk Statement", "Likelihood", "Impact", "Risk Owner",
                                 "Remediation Plan", "Remediation Priority", "Status"]]
    priorities = ["Immediate", "High", "Immediate", "Medium"]
    for n, priority in enumerate(priorities, 1):
        rows.append([f"RR-{n}", f"Accounts of leavers stay active {n}", "High", 4, "IT Manager",
                     f"Review accounts quarterly {n}", priority, "Open"])
    path = write_csv(tmp_path / "risk_register.csv", rows)
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == len(priorities)
    for n, priority in enumerate(priorities, 1):
        assert f"Remediation Priority: {priority}" in (got[f"RR-{n}"]["notes"] or "")
    with sqlite_store.session() as s:
        actions = sorted(a.description for a in s.query(RiskAction))
    assert actions == [f"Review accounts quarterly {n}" for n in range(1, 5)]


def test_a_likelihood_after_the_treatment_is_the_residual_one_even_misspelt(sqlite_store, tmp_path):
    """An information security assessment, "Asset Name | … | Possibility of occurrence | Current Control | Risk
    Score | Risk Treatment | Possibility of occurance after traetment | Residual risk": the misspelt header of the
    likelihood after treatment matched nothing, so the residual likelihood was kept in the notes. A likelihood or
    impact named "after" a word of the measures (a letter off at most) is the residual one."""
    rows: list[list[object]] = [["Asset Name", "Known threats", "Possibility of occurrence", "Current Control",
                                 "Risk Treatment", "Possibility of occurance after traetment",
                                 "Impact after mitigaton"]]
    cases = [("high", "low", "medium"), ("medium", "low", "low"), ("high", "medium", "low")]
    for n, (before, after, impact) in enumerate(cases, 1):
        rows.append([f"Asset {n}", f"Disclosure of the data held in asset {n}", before, f"Encrypt asset {n}",
                     "Accept", after, impact])
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = sorted(by_code(sqlite_store, "risks").values(), key=lambda r: r["code"])
    level = {"low": 2, "medium": 3, "high": 4}
    assert [(r["probability"], r["residual_probability"], r["residual_impact"]) for r in got] == \
        [(level[b], level[a], level[i]) for b, a, i in cases]
    assert all("after traetment" not in (r["notes"] or "") for r in got)


def test_a_korean_issue_logs_completed_column_is_its_status(sqlite_store, tmp_path):
    """A Korean issue log, "이슈 번호 | 이슈명 | 발생일 | … | 완료 여부 | 기타 사항", its "완료 여부" (completed or not)
    saying 진행중 (in progress) or 완료 (done): kept in the notes, so the done issues stayed Open. "완료 여부" is
    the status (the Korean word file)."""
    rows: list[list[object]] = [["이슈 번호", "이슈명", "발생일", "카테고리", "완료 여부", "기타 사항"]]
    states = ["진행중", "완료", "진행중", "완료", "진행중"]
    for n, state in enumerate(states, 1):
        rows.append([f"2024-S-{n}", f"농약 등록 기준 개정 건 {n}", date(2024, 1, n), "제도", state, None])
    path = write_xlsx(tmp_path / "issues.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert [got[f"2024-S-{n}"]["status"] for n in range(1, 6)] == ["Open", "Closed", "Open", "Closed", "Open"]


def test_a_scans_vulnerability_name_is_the_title_over_its_description(sqlite_store, tmp_path):
    """A vulnerability scan saved as "risk_register.csv", "ip_address,asset_name,asset_owner,asset_criticality,
    vuln_name,description,cvss,likelihood,impact,risk_score", some findings listed twice and a block of
    "(unknown)" placeholders at the end: the long description was the title, so the findings with no description
    (9 rows) were left out though their name stood beside it. A "… name" column whose first word says what the
    rows are ("vuln", "threat", "hazard", as "Risk name" does), shorter than the description, is the title (the
    description kept in the notes); a row repeated cell for cell counts once; "(unknown)" names nothing."""
    rows: list[list[object]] = [["ip_address", "asset_name", "asset_owner", "asset_criticality", "vuln_name",
                                 "description", "cvss", "likelihood", "impact", "risk_score"]]
    names = [f"Service {n} Backdoor Vulnerability" for n in range(1, 9)]
    for n, name in enumerate(names, 1):
        described = "" if n % 3 == 0 else f"The service {n} answers a command with a root shell; " * 4
        row = ["192.168.56.101", "Metasploitable 2", "KillChain", 5, name, described, 9.8, 5, 4, 20]
        rows.append(row)
        if n % 4 == 0:
            rows.append(list(row))  # the same finding listed twice
    for _ in range(6):
        rows.append(["", "(unknown)", "", 1, "(unknown)", "", "", 1, 1, 1])
    path = write_csv(tmp_path / "risk_register.csv", rows)
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert sorted(got) == sorted(names)
    assert "description: The service 1 answers" in (got[names[0]]["notes"] or "")


def test_a_sign_off_block_under_a_form_goes_on_with_no_risk(sqlite_store, tmp_path):
    """A university's risk assessment form: its risks, empty "Please select" rows, a note, then well below an
    "Authorisations" block ("Risk Assessment Validation", "I confirm that in my view …", an "Overall Residual
    Risk Rating" merged over four rows beside "MED"): the validation texts went into the last risk's notes and
    "MED" three times into its action, as if its text went on over several rows. A row goes on with the record
    above only right under it (or under the rows already going on with it), not rows of notes away."""
    from pmo_desktop.models.risks import RiskAction

    rows: list[list[object]] = [
        ["Who might be affected:\n- Employees\n- Students\n- Students & Staff\n- Visitors\n- Combination ",
         "What are the hazards? What could go wrong?",
         "What are the controls?  What will you do to reduce the risk?\n- Elimination  - remove the hazard\n"
         "- PPE - Protect the worker (Personal Protective Equipment)",
         "Select a the potential outcome after controls are in place:\n\n\n10 - Fatality\n8 - Severe injury\n"
         "5 - 7+day absence\n3 - Minor injury\n0.5 - No harm",
         "Select how likely that outcome is once the controls are in place:\n\n\n5 - Almost certain\n"
         "4 - Very likely\n3 - Likely\n2 - Possible\n1 - Unlikely",
         "Risk after controls applied:\n\nCell will automatically populate when outcome and likelihood are "
         "selected:  \n\nGreen - Low\nAmber - Med\nRed - High",
         "Further controls required?\n\nIndicate YES if the risk after controls score is red / high"]]
    hazards = ["Use of hand tools and equipment", "Breathing in fumes from soldering", "Trip hazards",
               "Noise and loud machinery", "Laser cutting", "Risk of burns"]
    for n, (hazard, outcome, likely) in enumerate(zip(hazards, (0.5, 0.5, 3.0, 0.5, 0.5, 3.0),
                                                      (2.0, 1.0, 2.0, 1.0, 1.0, 2.0)), 1):
        rows.append(["Students & Staff", hazard, f"Wear the protective equipment for hazard {n}", outcome, likely,
                     outcome * likely, "NO"])
    for _ in range(4):
        rows.append(["Please select", None, None, "Please select", "Please select", None, "Please select"])
    rows += [[None], ["List any further controls that you have now decided to implement", None,
                      "Who is implementing the control and when?"], [None], [None], ["Authorisations"], [None],
             ["Risk Assessment Validation"],
             ["I confirm that in my view this assessment is an accurate reflection of the risk"],
             ["Name: ", None, None, "Date:"], [None],
             ["Overall Residual Risk Rating\n\n[Validator's view of the overall residual risk]", None, "MED"],
             ["Overall Residual Risk Rating\n\n[Validator's view of the overall residual risk]", None, "MED"],
             ["Overall Residual Risk Rating\n\n[Validator's view of the overall residual risk]", None, "MED"]]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert sorted(got) == sorted(hazards)
    last = got["Risk of burns"]
    assert "I confirm" not in (last["notes"] or "") and "Validator" not in (last["notes"] or "")
    with sqlite_store.session() as s:
        actions = [a.description for a in s.query(RiskAction)]
    assert not any("MED" in a for a in actions) and len(actions) == len(hazards)
