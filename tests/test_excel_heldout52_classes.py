"""Issue 12: round 52's held-out misses (left52; docs/import-rounds.md): each test writes a workbook of that shape
(never the fetched file) and checks what a user gets — a program's lookup table refused saying why, an issue list
named in Japanese read as issues, an assumption log beside other tables found."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_a_programs_lookup_table_of_named_kinds_adds_no_risks(sqlite_store, tmp_path):
    """A clinical tool's risk factors saved as "risks.csv": "risk_id | label | description" over keys written as a
    program writes them ("risk_mrsa", "allergy_pcg", "is_shock"), no rating, owner, status or date. Its keys and
    descriptions made 6 risks. Identifiers as the ID under a header named as a program names its fields are a
    lookup table of kinds: the file adds nothing and says why. An office's small list, "ID | Title | Description"
    over "R-001", or the same header written in lower case, imports whole."""
    path = write_csv(tmp_path / "risks.csv", [
        ["risk_id", "label", "description"],
        ["risk_mrsa", "MRSA", "Earlier MRSA, dialysis, care home, frequent admissions, prior antibiotics."],
        ["risk_pseudo", "Pseudomonas", "Structural lung disease, recent broad-spectrum antibiotics."],
        ["allergy_pcg", "Penicillin allergy", "Immediate allergy to penicillins (rash, anaphylaxis, wheeze)."],
        ["risk_esbl", "ESBL producers", "Earlier ESBL, recent travel abroad, complicated urinary tract disease."],
        ["is_shock", "Septic shock", "Unstable haemodynamics, poor response to fluids, vasopressors needed."]])
    with pytest.raises(WorkbookError, match="a tool's catalogue of kinds.*“risk_id” holds a program's identifiers"
                                            ".*a program's column names"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []

    path = write_csv(tmp_path / "risk list.csv", [
        ["ID", "Title", "Description"],
        ["R-001", "Supplier delivers the racks late", "The racks for the new site come from one supplier."],
        ["R-002", "Two testers leave before go-live", "Both contracts end in March."],
        ["R-003", "Data migration overruns the cut-over", "The last rehearsal took 30 hours of 24."]])
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R-001", "R-002", "R-003"}

    (tmp_path / "exported").mkdir()
    path = write_csv(tmp_path / "exported" / "risks.csv", [
        ["risk_id", "title", "description"],
        ["R-004", "Vendor lock-in on the message bus", "Only one vendor supports the protocol."],
        ["R-005", "Licence costs rise at renewal", "The renewal is due in May."],
        ["R-006", "Key architect is on leave in June", "No deputy is named."]])
    import_all(sqlite_store, path)
    assert {"R-004", "R-005", "R-006"} <= set(by_code(sqlite_store, "risks"))
