"""Classes of problem found on round 55's held-out set (docs/import-rounds.md), fixed after its figure was written
down: each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_a_development_plan_with_a_definition_of_done_adds_no_issue(sqlite_store, tmp_path):
    """An app's development plan saved as "issues.csv": ID, Title, Track, Depends On, Status ("Backlog",
    "Ready"), Definition of Done, Labels. Only "Depends On" was known as planned work's column, so its 37 items
    were read as 29 issues (8 "Ready" ones left out). A definition of done is a backlog's acceptance criteria:
    with what each item depends on, the file is planned work, and says so."""
    rows = [["ID", "Title", "Track", "Depends On", "Status", "Definition of Done", "Labels"]]
    for n in range(1, 7):
        rows.append([f"A{n}", f"Feed step {n}", "A — Feed", f"A{n - 1}" if n > 1 else "", "Backlog",
                     f"Teste automatizado do passo {n}", "feed;api"])
    path = write_csv(tmp_path / "issues.csv", rows)
    with pytest.raises(WorkbookError, match="“Depends On”, “Definition of Done”.*planned work"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []


def test_a_hedge_joined_by_an_underscore_is_passed_over(sqlite_store, tmp_path):
    """A lab pipeline's risk register written with a program's column names: "risk, failure,
    possible_consequence, proposed_control …". "possible_consequence" is the effect, hedged as "Possible
    consequence" would be; joined by an underscore it was kept in the notes."""
    path = write_csv(tmp_path / "risk-register.csv", [
        ["risk", "failure", "possible_consequence", "proposed_control"],
        ["RISK-01", "Changed input or source", "Results cannot be reproduced", "Pin revision and input hashes"],
        ["RISK-02", "Sample mix-up", "Results attributed to wrong specimen", "Per-sample manifest"],
        ["RISK-03", "Wrong reference", "Misleading variant results", "Reference provenance checks"],
        ["RISK-04", "Partial output", "Misleading report of success", "Required-output checks"]])
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert risks["RISK-01"]["effect"] == "Results cannot be reproduced"
    assert "possible_consequence" not in (risks["RISK-02"]["notes"] or "")
