"""Classes of problem found on round 56's held-out set (docs/import-rounds.md), fixed after its figure was
written down: each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_risk_assessment_names_its_risks_under_its_own_caption(sqlite_store, tmp_path):
    """A training project's risk assessment: the risks named under "Risk Assessment" (the sheet's own caption in
    the header's first cell), a "Risk:" caption alone over the first risk, a long "Description" beside, and the
    chance of each risk under "Risk" (Low / Med / High) apart from "Impact". The names went to the notes and each
    title was cut from the description's first sentence. The names are the titles and the caption no record.
    "Risk" over levels stays in the notes: a change request log rates each change "Risk | Impact" the same way,
    the change's overall risk, not a likelihood (read as one, round 43's 100 change requests became risks)."""
    rows = [["Risk Assessment", "Description", "Risk", "Current prevention", "Potential prevention", "Response",
             "Impact", "Tolerance"],
            ["Risk:"],
            ["Hardware is lost", "HARD DRIVE COULD DIE. Any hardware could break, losing data.", "Med",
             "Code is backed up to GitHub.", "Keep the hardware in good condition.", "Replace the hardware.",
             "High", "Tolerate"],
            ["Powercut", "There could be a power cut where the project runs. The database would stop.", "Low",
             "Currently no prevention", "A backup power source.", "Restore power.", "Medium", "Tolerate"],
            ["Software error", "The programmes used could fail. The project relies on many.", "High",
             "Recovery points.", "A backup laptop.", "Run a troubleshooter.", "Low", "Tolerate"]]
    path = write_xlsx(tmp_path / "RiskAssessment.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    risks = {r["title"]: (r["probability"], r["impact"]) for r in rows_of(sqlite_store, "risks")}
    assert risks == {"Hardware is lost": (None, 4), "Powercut": (None, 3), "Software error": (None, 2)}

