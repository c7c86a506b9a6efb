"""Classes of problem left by the held-out sets of import rounds 34 and 35 (docs/import-rounds.md, "Held-out misses
of rounds 34 and 35 fixed afterwards"): each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_machines_log_of_a_few_values_is_no_register_whatever_its_name(sqlite_store, tmp_path):
    """An autonomous car's per-frame "Decision_Log.csv" (frame, decision, object, distance, reason, track_id:
    "STEER LEFT", "BRAKE", "Object in center path" again and again) gave 7,149 decisions. Rows repeating a few
    words beside numbers, with no free text and no person, are a machine's output: refused, saying so. A decision
    log whose decisions repeat little is read as before."""
    actions = ["NONE", "STEER LEFT", "BRAKE", "STEER RIGHT"]
    reasons = ["No threat detected", "Object in center path", "Object too close"]
    rows: list[list[object]] = [["frame", "decision", "object", "distance", "reason", "track_id"]]
    for i in range(60):
        rows.append([i // 2, actions[i % 4], "car" if i % 4 else "", round(3.5 + i * 0.37, 6) if i % 4 else "",
                     reasons[i % 3], i % 5 - 1])
    path = write_csv(tmp_path / "Decision_Log.csv", rows)
    with pytest.raises(WorkbookError, match="machine's log"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    # a real decision log with a counter column and a few statuses repeated: read as before
    rows = [["No", "Decision", "Status", "Owner", "Rationale"]]
    for i in range(15):
        rows.append([i + 1, f"Adopt option {i} for the data platform", "Approved" if i % 2 else "Pending",
                     "Ana" if i % 3 else "Bo", f"Cheaper by {i * 10} k over three years"])
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows))
    assert len(rows_of(sqlite_store, "decisions")) == 15


def test_a_templates_unfilled_rows_are_no_machines_log(sqlite_store, tmp_path):
    """A risk register template's rows left unfilled — every title empty, a score of 0 and a rank 1, 2, 3 … by
    formula — repeat a few values beside numbers too, but name nothing: no machine's log (the shared corpus's
    "Risk_Register_Template.xls" was refused so after the rule came in)."""
    rows: list[list[object]] = [["Risk", "Risk Category", "Probability", "Impact", "Risk Score", "Risk Ranking",
                                 "Risk Response", "Trigger", "Risk Owner"]]
    rows += [["", "", "", "", 0, i + 1, "", "", ""] for i in range(40)]
    path = write_xlsx(tmp_path / "Risk_Register_Template.xlsx", {"Sheet1": rows})
    try:
        import_all(sqlite_store, path)
    except WorkbookError as e:
        assert "machine's log" not in str(e)
    assert rows_of(sqlite_store, "risks") == []


def test_a_taxonomy_with_an_empty_letter_column_is_no_risk_register(sqlite_store, tmp_path):
    """A sprint biomechanics KPI taxonomy, "labels | Description | id | parents | … | I2 | Studies" on sheets
    named for the race's phases, gave 75 risks: "I2" (a study statistic, never filled) read as the impact made
    the sheet a risk register. A header of one letter over an empty column says nothing of the rows: the sheets
    are refused. The same letter over ratings still rates the risks."""
    head = ["labels", "Description", "id", "parents", "Measurability", "NumStudies", "I2", "Studies"]
    rows: list[list[object]] = [head]
    for i in range(10):
        rows.append([f"Joint angle {i}", f"The angle formed at joint {i}, measured in degrees.", f"Angle{i}",
                     "SetPosition", 2, 6 + i, None, f"Author {i} 2010\nAuthor {i + 1} 2012"])
    path = write_xlsx(tmp_path / "KPIs.xlsx", {"Sprint Start": rows, "Obstacles": rows})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    rated = [head, *[r[:6] + [1 + i % 5] + r[7:] for i, r in enumerate(rows[1:])]]
    import_all(sqlite_store, write_xlsx(tmp_path / "rated.xlsx", {"Sprint Start": rated}))
    assert len(rows_of(sqlite_store, "risks")) == 10


def test_a_linear_backlog_named_issues_adds_no_issues(sqlite_store, tmp_path):
    """A Linear import sheet saved as "issues.csv": "Title | Parent | Priority | User Story / Description |
    Context | Acceptance Criteria | Project" gave 10 issues and 2 projects. Linear calls every item an issue; its
    columns say user stories with their acceptance criteria: planned work, which the office keeps in no register
    (as a Jira export's stories and tasks). Refused, saying so. An issue log with a "Parent" and a "Project" is
    read as before."""
    rows: list[list[object]] = [["Title", "Parent", "Priority", "User Story / Description", "Context",
                                 "Acceptance Criteria", "Project"]]
    for i in range(8):
        rows.append([f"Screen {i}", "Authentication" if i else "", "Medium", f"Create screen {i} of the portal.",
                     "Frontend work.", f"Field {i} is displayed|Button {i} is enabled", "Customer Portal"])
    with pytest.raises(WorkbookError, match="backlog"):
        import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    assert rows_of(sqlite_store, "issues") == [] and rows_of(sqlite_store, "projects") == []

    rows = [["Title", "Parent", "Priority", "Description", "Status", "Project"]]
    rows += [[f"Login fails on screen {i}", "", "High", f"Users cannot log in from screen {i}.", "Open", "Portal"]
             for i in range(4)]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    assert len(named(sqlite_store, "issues")) == 4


def test_a_risks_timestamp_is_the_day_it_was_raised(sqlite_store, tmp_path):
    """A security risk list "id, name, severity, category, status, owner, timestamp, due_date": the timestamp
    (when the risk was logged, "2026-05-15 10:30:00") stayed in the notes. It is the date raised, of a risk as of
    an issue."""
    rows: list[list[object]] = [["id", "name", "severity", "category", "status", "owner", "timestamp", "due_date"]]
    rows += [[f"RISK-00{i}", f"WEAK CONTROL {i}", 9 - i, "Network", "OPEN", "Security Team",
              f"2026-05-1{i} 10:30:00", "2026-06-01"] for i in range(1, 5)]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", rows))
    got = named(sqlite_store, "risks")
    assert str(got["WEAK CONTROL 2"]["raised_on"]) == "2026-05-12"

    rows = [["ID", "Issue", "Status", "Timestamp"], *[[f"I-{i}", f"Printer {i} jams", "Open", f"2026-03-0{i}"]
                                                      for i in range(1, 4)]]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    assert str(named(sqlite_store, "issues")["Printer 3 jams"]["raised_on"]) == "2026-03-03"


def test_a_ladder_ending_in_a_misspelt_level_word_still_orders_its_words(sqlite_store, tmp_path):
    """A risk matrix above the table "Negliable | Minor | Major | Hazardous | Catastrophic" ordered nothing (its
    first word misspelt), so "Major" was read 4, though the third of five there; a "Key" sheet "Impossible,
    Unlikly, Likely, Very Likely, Extreemly Likely" likewise, so "Likely" was read 4. A word a slip away from a
    level word still ends the ladder, and a value a slip away from a listed word ("Catastophic") is that word."""
    rows: list[list[object]] = [["Risk Matrices"],
                                [None, "Negliable", "Minor ", "Major", "Hazardous ", "Catastrophic"],
                                ["Very Unlikely", "Low", "Low", "Low Medium", "Medium", "Medium"],
                                ["Very Likely", "Low Medium", "Medium", "Medium High", "High", "High"],
                                [], ["Risk", "Statement", "Likelihood", "Impact", "Risk Level"],
                                ["Loss of work", "Files lost to a crash", "Unlikely", "Major", "Low Medium"],
                                ["Eye strain", "Long hours at a screen", "Likely", "Negliable", "Low"],
                                ["Power cut", "Power cut from the house", "Very Unlikely", "Catastophic", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "risks")
    assert got["Loss of work"]["impact"] == 3 and got["Eye strain"]["impact"] == 1
    assert got["Power cut"]["impact"] == 5

    key = [["-", "-", "-"], ["Impossible", "Very Low", 1], ["Unlikly", "Low", 2], ["Likely", "Middle", 3],
           ["Very Likely", "High", 4], ["Extreemly Likely", "Very High", 5]]
    sheet = [["Risk", "Statement", "Liklyhood", "Impact"], ["-", "-", "-", "-"],
             ["Tables fail", "The tables do not work", "Likely", "High"],
             ["Lost users", "Too many pages", "Very Likely", "Low"],
             ["Data loss", "Data reset by the server", "Unlikly", "Middle"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk_Assessment.xlsx", {"Risk Assesment": sheet, "Key": key}))
    got = named(sqlite_store, "risks")
    assert (got["Tables fail"]["probability"], got["Lost users"]["probability"],
            got["Data loss"]["probability"]) == (3, 4, 2)


def test_problem_loss_prob_risk_plan_reads_the_problem_as_the_risk(sqlite_store, tmp_path):
    """A dissertation's risk assessment "Problem | Loss | Prob | Risk | Plan" (Risk = Loss × Prob): the plan was
    the title, the problem and the loss in the notes, the score the risk's ID. The loss is the impact, the plan
    the response, the column of scores under the noun no ID, and the problem names the risk."""
    rows: list[list[object]] = [["Problem", "Loss", "Prob", "Risk", "Plan"],
                                ["Laptop may be lost, or files corrupted.", 4, 1, 4, "Keep the code on a server."],
                                ["Difficulty implementing the swarm.", 3, 2, 6, "Ask the supervisor for help."],
                                ["The model cannot change once settled.", 4, 3, 12, "Start the approach early."],
                                ["Running out of time for the write-up.", 5, 2, 10, "Write chapters as you go."]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk_assessment.xlsx", {"Sheet1": rows}))
    got = named(sqlite_store, "risks")
    risk = got["Difficulty implementing the swarm."]
    assert (risk["impact"], risk["probability"]) == (3, 2)
    assert risk["code"] != "6" and len(got) == 4
