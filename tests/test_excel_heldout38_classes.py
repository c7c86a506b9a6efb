"""Classes of problem left by import round 38 (docs/import-rounds.md, "Round 38's held-out class (left38)"): its
held-out miss, a tool's catalogue of risk kinds read as 563 risks, and its leftover, a category numbered by the
office's risk breakdown structure kept in the notes. Each test writes a workbook of that shape."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_FACTORS = [("Bribery and Corruption", "adverse_media", "reputational_risk_bribery_and_corruption", "", ""),
            ("Cybercrime", "adverse_media", "reputational_risk_cybercrime", "", ""),
            ("Exports Cattle from a High-Risk Country", "environmental_risk", "exports_eudr_shipment_cattle",
             "{'max': 1, 'psa': False, 'relationships': ['ships_to']}", "https://eur-lex.europa.eu/eudr.pdf"),
            ("Exports Cocoa from a High-Risk Country", "environmental_risk", "exports_eudr_shipment_cocoa",
             "{'max': 3, 'psa': True, 'relationships': ['ships_to']}", "https://eur-lex.europa.eu/eudr.pdf"),
            ("Sanctioned Entity", "sanctions", "sanctioned", "", ""),
            ("Owned by a Sanctioned Entity", "sanctions", "owned_by_sanctioned",
             "{'max': 6, 'relationships': ['owned_by']}", ""),
            ("Imports High Priority Items", "export_controls", "imports_bis_high_priority_items",
             "{'max': 3, 'risk': ['imports_bis_high_priority_items']}", "https://www.bis.doc.gov/chpl"),
            ("Forced Labor Sourcing", "forced_labor", "forced_labor_sourcing", "", "")]


def test_a_tools_catalogue_of_risk_kinds_adds_no_risks(sqlite_store, tmp_path):
    """A KYC screening tool's "risks.csv": the risk factors it screens for, "Risk | Description | Category | Level |
    Type | Key | Traversal Parameters | URL", keys and categories snake_case identifiers, a column of parameter
    dictionaries and one of links. Its risk, category and key made 563 risks. Identifiers where an office writes
    words, beside columns only a program reads, with no owner, status, date or rating, are a tool's catalogue: the
    file adds nothing and says why. A register with links, or with a program's keys beside an owner, is still one."""
    rows = [["Risk", "Description", "Category", "Level", "Type", "Key", "Traversal Parameters", "URL"]]
    for title, category, key, parameters, url in _FACTORS:
        rows.append([title, f"The entity is linked to {title.lower()}.", category, "Elevated", "seed", key,
                     parameters, url])
    path = write_csv(tmp_path / "risks.csv", rows)
    with pytest.raises(WorkbookError, match="a tool's catalogue of kinds.*“Category” and “Key”"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    # the same signs one at a time, or beside a field an office keeps, are a register's: a team's risks with a
    # link to each one's ticket, and a tool's export of an office's risks keyed by identifiers beside a link and
    # an owner, import whole
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": [
        ["ID", "Risk", "Category", "Link"],
        ["R-001", "Supplier delivers the racks late", "Supply", "https://jira.example.com/browse/OPS-1"],
        ["R-002", "Two testers leave before go-live", "People", "https://jira.example.com/browse/OPS-2"],
        ["R-003", "Data migration overruns the cut-over", "Technical", "https://jira.example.com/browse/OPS-3"]]})
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R-001", "R-002", "R-003"}

    path = write_xlsx(tmp_path / "risk_export.xlsx", {"Risks": [
        ["Key", "Risk", "Category", "Owner", "URL"],
        ["racks_late", "Racks arrive late at the new site", "supply_chain", "Ann Lee", "https://tool.example.com/r/1"],
        ["testers_leave", "Testers leave before go-live", "people_risk", "Bo Chen", "https://tool.example.com/r/2"],
        ["cutover_overrun", "Migration overruns the cut-over", "technical_risk", "Ann Lee",
         "https://tool.example.com/r/3"]]})
    import_all(sqlite_store, path)
    titles = {r["title"] for r in rows_of(sqlite_store, "risks")}
    assert {"Racks arrive late at the new site", "Testers leave before go-live",
            "Migration overruns the cut-over"} <= titles


def test_a_category_numbered_by_the_risk_breakdown_structure_is_the_category(sqlite_store, tmp_path):
    """A Ukrainian register's "Категорія RBS" holds the office's own drop-down of categories numbered by its risk
    breakdown structure ("3.2 · Фінансування / бюджет"): counted as five words each, they were taken for sentences
    and kept in the notes. The outline number and the marks between the name's parts are no words: the column is
    the category, each value whole as the office wrote it (its code orders the office's list and says its branch),
    and nothing is left in the notes."""
    categories = ["3.2 · Фінансування / бюджет", "3.3 · Пріоритети / залежності", "1.3 · Дані / якість даних",
                  "1.1 · Вимоги / скоуп", "3.3 · Пріоритети / залежності"]
    rows: list[list[object]] = [["Реєстр ризиків проєкту"],
                                ["ID", "Категорія RBS", "Опис ризику", "Ймовір. (1-5)", "Вплив (1-5)", "Власник"]]
    for i, category in enumerate(categories, start=1):
        rows.append([i, category, f"Ризик {i}: бюджет не затверджено вчасно", 3, 4, "О. Хома"])
    path = write_xlsx(tmp_path / "Реєстр ризиків.xlsx", {"Реєстр ризиків": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[str(i)]["category"] for i in range(1, 6)] == categories
    assert not any("Категорія" in (r["notes"] or "") for r in got.values())
