"""Classes of problem round 28's held-out set showed (docs/import-rounds.md), fixed after it was measured: each
test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store


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


_ASSETS = [("Servers", [("Hacking", "Open internet access", 2, 4), ("Fire, flood", "No redundant site", 1, 4),
                        ("Theft of hardware", "Easy access to the room", 1, 3)]),
           ("Billing database", [("Poor quality data", "No input checks", 1, 2),
                                 ("SQL injection", "Old web form", 3, 4)]),
           ("Laptops", [("Malware", "USB drives", 4, 3), ("Loss in transit", "No disk encryption", 2, 3),
                        ("Shoulder surfing", "Open-plan office", 2, 2)])]


def _asset_sheet() -> list[list[object]]:
    rows: list[list[object]] = [["Information Asset", "Threat", "Vulnerability", "Probability", "Impact",
                                 "Security controls"]]
    for asset, risks in _ASSETS:
        for k, (threat, cause, p, i) in enumerate(risks):
            rows.append([asset if k == 0 else None, threat, cause, p, i, "Policy"])
    return rows


def _assets_of(store) -> dict[str, str]:
    return {r["title"]: next((line.split(": ", 1)[1] for line in (r["notes"] or "").split("\n")
                              if line.startswith("Information Asset: ")), "")
            for r in rows_of(store, "risks")}


def test_a_value_written_once_over_its_group_of_rows_holds_for_each_row(sqlite_store, tmp_path):
    """An ISO 27001 assessment by asset: the asset written on the first risk of its group and blank on the
    risks below it, as people do in Excel — not merged (13 of 19 rows lost their asset) and merged down. Each
    risk keeps its asset, and the preview says once why the blanks were filled."""
    want = {threat: asset for asset, risks in _ASSETS for threat, *_ in risks}
    merges = []
    row = 2
    for _asset, risks in _ASSETS:
        merges.append(f"A{row}:A{row + len(risks) - 1}")
        row += len(risks)
    for name, merged in (("plain", None), ("merged", {"Sheet1": merges})):
        path = write_xlsx(tmp_path / f"{name}.xlsx", {"Sheet1": _asset_sheet()}, merged)
        store = sqlite_store if name == "plain" else Store.create(tmp_path / "merged.pmo")
        try:
            plan = import_all(store, path)
            assert _assets_of(store) == want, name
        finally:
            if store is not sqlite_store:
                store.close()
        if name == "plain":
            assert "Information Asset: blank cells take the value above them, as the sheet groups its rows." \
                in plan.sheets[0].note


def test_a_column_blank_here_and_there_is_not_filled_from_above(sqlite_store, tmp_path):
    """A category some rows leave blank among filled ones, with no group shape (labels repeat, blanks are
    single and scattered): a blank means none, never the value of the row above."""
    rows: list[list[object]] = [["Risk", "Category", "System", "Probability", "Impact"]]
    cats = ["Technical", None, "Technical", "Commercial", "Technical", None, "Commercial", "Commercial",
            "Technical", None]
    systems = ["CRM", "CRM", None, "ERP", "ERP", "ERP", "CRM", None, "ERP", "CRM"]
    for k, (cat, system) in enumerate(zip(cats, systems)):
        rows.append([f"Risk number {k + 1}", cat, system, 2, 3])
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert [bool(got[f"Risk number {k + 1}"]["category"]) for k in range(10)] == [c is not None for c in cats]
    assert [("System: " in (got[f"Risk number {k + 1}"]["notes"] or "")) for k in range(10)] == \
        [s is not None for s in systems]
    assert "blank cells take the value above" not in plan.sheets[0].note
