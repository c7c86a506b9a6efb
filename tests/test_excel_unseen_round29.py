"""Classes of problem found on round 29 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all
from real_world_factory import write_csv, write_xlsx


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
