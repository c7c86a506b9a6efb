"""Classes of problem round 28's held-out set showed (docs/import-rounds.md), fixed after it was measured: each
test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_xlsx


def test_an_impact_on_the_headers_one_to_five_is_read_so_above_a_pivot(sqlite_store, tmp_path):
    """A GRC risk register, "Risk ID | Risk Description | Likelihood (1-5) | Impact (1-5) | … | Risk Score",
    with a pivot under it whose maxima of the score (20, 12, 8) stand in the impact's column: the impacts (5, 4,
    3) were read as products of two ratings on 1–25 and became 2. A header naming the 1–5 scale says its
    numbers are levels on it."""
    risks = [("R1", "Data breach in HR system", 4, 5), ("R2", "Vendor system outage", 3, 4),
             ("R3", "Insider threat", 2, 5), ("R4", "Phishing attack", 5, 3), ("R5", "Reporting error", 2, 4)]
    rows: list[list[object]] = [["Risk Register"], [],
                                ["Risk ID", "Risk Description", "Likelihood (1-5)", "Impact (1-5)", "Status",
                                 "Risk Score"]]
    rows += [[code, title, p, i, "High" if p * i >= 15 else "Medium", p * i] for code, title, p, i in risks]
    rows += [[], [], ["Aggregation of Risk Score"], [],
             ["Row Labels", "Sum of Risk Score", "Average of Risk Score", "Max. of Risk Score", "Min. of Risk Score"],
             ["High", 35, 17.5, 20, 15], ["Medium", 26, 8.7, 12, 8], ["Grand Total", 61, 12.2, 20, 8]]
    path = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: (r["probability"], r["impact"]) for c, r in got.items()} == {
        code: (p, i) for code, _t, p, i in risks}
