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


def test_a_dashboards_texts_beside_its_top_risks_are_no_records_nor_actions(sqlite_store, tmp_path):
    """A KPI dashboard: "Top 10 Risks" (Risk ID | Risk Description | Asset | Inherent | Residual) and, one empty
    column to its right, a tile captioned "Actions" above the header row whose texts ("14 risks are exposed to
    the assets", "Key Performance Indicator", "1-Four incidents are acceptable within the week") stand on some
    of the risks' rows and on rows under the list. They became the risks' response plans (and child actions).
    A tile's texts are no column of the list: the risks are imported without them, and nothing else."""
    top = [("R5", "Password attack", "Personal data", 25.2, 21.84), ("R6", "Malware attack", "Personal data", 25.2, 25.2),
           ("R7", "Unauthorized access", "Personal data", 29.9, 25.48), ("R9", "Information disclosure", "IP", 37.8, 32.76),
           ("R10", "Insider threat", "IP", 29.4, 29.4), ("R13", "Data corruption", "Cloud services", 24.15, 20.93)]
    tile = {0: "14 risks are exposed to the assets.", 1: "7 risks are above the risk tolerance.",
            2: "4 of the risks need a control to be implemented", 8: "Key Performance Indicator",
            11: "1-Four incidents are acceptable within the week",
            12: "2-Maximum acceptable outage is between 2 and 24 hours",
            13: "3-The priority is for critical, high then medium incidents"}
    rows: list[list[object]] = [["Risk Management Key Performance Indicator Dashboard"], [], [], [],
                                ["Top 10 Risks", None, None, None, None, None, "Actions"], [],
                                ["Risk ID", "Risk Description", "Asset", "Inherent Risk", "Residual Risk"]]
    for i in range(14):
        row: list[object] = list(top[i]) if i < len(top) else [None] * 5
        rows.append([*row, None, tile.get(i)])
    merges = ["A1:L3", "A5:E6", "G5:J6"] + [f"G{8 + i}:J{8 + i}" for i in tile]
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"KPI": rows}, {"KPI": merges})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == sorted(code for code, *_ in top)
    assert not rows_of(sqlite_store, "risk_actions")
    assert not any("risks" in (r["notes"] or "").lower() for r in got.values())
