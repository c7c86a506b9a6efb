"""Issue 12, classes53b: known miss classes of rounds 47–52 — scales, legends and ratings per area. Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main 2a0b731)."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv, write_xlsx

# (ID, title, likelihood, impact) in a legend's own words, four levels each
WORDED = [("R1", "Improper access control", "CERTAIN", "CRITICAL"), ("R2", "Hardcoded credentials", "POSSIBLE", "CRITICAL"),
          ("R3", "Weak encryption", "REMOTE", "CRITICAL"), ("R4", "Missing error page", "POSSIBLE", "LOW"),
          ("R5", "Insufficient logging", "LIKELY", "HIGH"), ("R6", "Single-factor login", "REMOTE", "MEDIUM")]


def test_a_legend_places_its_words_remote_first_of_four_is_low(sqlite_store, tmp_path):
    """A legend sheet numbers the likelihood words 1–4 ("REMOTE | 1" … "CERTAIN | 4"): REMOTE is the sheet's lowest
    of four levels, read as 2 (low) as a "1" of the same legend is — not as the office's word "remote" (1, very
    low), which made the sheet's REMOTE × CRITICAL a lower risk than its own matrix rates it. The place in the
    legend decides; the words are said with the levels they became."""
    legend = [["Likelihood", "Score", None, "Impact", "Score"], ["REMOTE", 1, None, "LOW", 1],
              ["POSSIBLE", 2, None, "MEDIUM", 2], ["LIKELY", 3, None, "HIGH", 3], ["CERTAIN", 4, None, "CRITICAL", 4]]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["ID", "Risk", "Likelihood Rating", "Impact Rating"], *[list(r) for r in WORDED]],
        "Legend": legend})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "its words read as REMOTE 2, POSSIBLE 3, LIKELY 4, CERTAIN 5 on the office's 1–5" in note
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["probability"] for c in ("R3", "R6", "R2", "R5", "R1")] == [2, 2, 3, 4, 5]
    assert [risks[c]["impact"] for c in ("R4", "R6", "R5", "R1")] == [2, 3, 4, 5]


def test_a_score_of_one_to_a_hundred_tells_a_ten_point_scale(sqlite_store, tmp_path):
    """"Likelihood | Impact | Risk Score (1-100)": the ratings are on 1–10, though no risk is rated above 5. Read as
    the office's 1–5, a 5 × 4 (20 of 100, low on the sheet) became a 5 × 4 of 25, High; the score, taken for the
    office's calculation, was dropped. The score's top, 10 × 10, tells the 1–10 scale, read by two a level
    (1–2 → 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5), said once a column, the score kept in the notes."""
    rows = [("R1", "Supplier delay", 1, 2), ("R2", "Key staff leave", 2, 3), ("R3", "Budget overrun", 3, 3),
            ("R4", "Data loss", 4, 5), ("R5", "Scope creep", 5, 4), ("R6", "Late approvals", 2, 2)]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Risk Score (1-100)"], *[[c, t, p, i, p * i] for c, t, p, i in rows]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Likelihood: a 1–10 scale (from the “Risk Score (1-100)” column) read as 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 " \
        "on the office's 1–5." in note
    risks = by_code(sqlite_store, "risks")
    assert (risks["R5"]["probability"], risks["R5"]["impact"]) == (3, 2)
    assert (risks["R1"]["probability"], risks["R1"]["impact"]) == (1, 1)
    assert "Risk Score (1-100): 20" in risks["R5"]["notes"]


def test_ratings_per_area_under_captions_take_the_worst_area(sqlite_store, tmp_path):
    """"delivery assurance | customer requirements | product data" each over "frequency | impact", a dash where a
    risk does not touch an area: the first area's impact was taken as the risk's and the other areas' went to the
    notes as a bare "impact". The risk is rated by its worst area — the area whose two ratings multiply highest
    gives both —, said once, and every area's ratings stay in the notes under the area's name."""
    book = write_csv(tmp_path / "risks.csv", [
        ["risks", "delivery assurance", "", "customer requirements", "", "product data", "", "companies"],
        ["", "frequency", "impact", "frequency", "impact", "frequency", "impact", ""],
        ["machine breakdown", "2", "3", " - ", " - ", "4", "1", "a b"],
        ["data missing", " - ", " - ", " - ", " - ", "1", "2", "a"],
        ["furnace failure", "1", "1", "3", "4", "2", "5", "c"]], delimiter=";")
    plan = import_all(sqlite_store, book)
    assert "Rated per area (delivery assurance, customer requirements, product data)" in plan.sheets[0].note
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert (risks["machine breakdown"]["probability"], risks["machine breakdown"]["impact"]) == (2, 3)
    assert (risks["data missing"]["probability"], risks["data missing"]["impact"]) == (1, 2)
    assert (risks["furnace failure"]["probability"], risks["furnace failure"]["impact"]) == (3, 4)
    notes = risks["furnace failure"]["notes"]
    for line in ("delivery assurance impact: 1", "customer requirements impact: 4", "product data impact: 5"):
        assert line in notes
    assert len(risks) == 3


def test_an_impact_caption_over_areas_takes_the_highest(sqlite_store, tmp_path):
    """"Impact severity" over "Scope | Quality | Time | Cost", each rated in words: no impact was read at all (the
    areas kept in the notes only). The risk's impact is its highest area's, as the sheet's own "MAX" score works
    it out, said once; each area stays in the notes."""
    book = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Risks": [
        ["Risk description", "Impact severity", None, None, None, "Probability", "Owner"],
        [None, "Scope", "Quality", "Time", "Cost", None, None],
        ["Axis misalignment", "Very High", "High", "Medium", "Low", "Low", "Felipe"],
        ["Power failure", "Low", "Very Low", "Medium", "Very Low", "Medium", "Rafael"],
        ["Budget shortfall", "High", "High", "Medium", "Very High", "Low", "Antonio"]]},
        merges={"Risks": ["B1:E1"]})
    plan = import_all(sqlite_store, book)
    assert "Rated per area (Scope, Quality, Time, Cost): the risk's impact is its worst area's" in plan.sheets[0].note
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert [risks[t]["impact"] for t in ("Axis misalignment", "Power failure", "Budget shortfall")] == [5, 3, 5]
    assert "Time: Medium" in risks["Power failure"]["notes"]
    assert len(risks) == 3
