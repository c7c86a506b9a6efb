"""Stop 59 (left59): what the last unseen sets left, as general rules — each test writes a workbook of the shape."""

from __future__ import annotations

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

# 1. The raiser, assignee and decider words in every language (the words files filled from the English set)


@pytest.mark.parametrize("header", [
    ["ID", "Titolo", "Stato", "Segnalato da", "Assegnato a"],          # Italian
    ["ID", "Tytuł", "Status", "Zgłoszone przez", "Przypisano do"],     # Polish
    ["ID", "Tiêu đề", "Trạng thái", "Được báo cáo bởi", "Người được giao"],  # Vietnamese
    ["ID", "Titel", "Status", "Eingereicht von", "Zugewiesen an"],     # German
])
def test_the_assignee_owns_the_issue_beside_its_raiser_in_more_languages(sqlite_store, tmp_path, header):
    """An issue list naming who raised each issue and who it is assigned to, in a language whose words file had no
    assignee (or no raiser) words: the assignee was kept in the notes (or the raiser taken for the owner). The
    assignee owns the issue; the raiser is kept in the notes."""
    rows: list[list[object]] = [header,
                                ["IS-1", "Login page times out", "Open", "Marco Neri", "Luca Bassi"],
                                ["IS-2", "Report totals are wrong", "Open", "Marco Neri", "Anna Verdi"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    issues = named(sqlite_store, "issues")
    assert issues["Login page times out"]["owner"] == "Luca Bassi"
    assert issues["Report totals are wrong"]["owner"] == "Anna Verdi"
    assert "Marco Neri" in str(issues["Login page times out"]["description"])


@pytest.mark.parametrize("header", [
    ["ID", "Rozhodnutí", "Datum", "Schvalovatel"],    # Czech
    ["ID", "Beslut", "Datum", "Godkänd av"],          # Swedish
    ["ID", "Decyzja", "Data", "Zatwierdzone przez"],  # Polish
])
def test_a_decision_with_its_approver_and_day_is_decided_in_more_languages(sqlite_store, tmp_path, header):
    """A decision log naming who approved each decision and the day, under the language's plain words: the
    approver was kept in the notes (or the day), so the decisions stayed Pending. They are Decided, by whom, when."""
    rows: list[list[object]] = [header,
                                ["D-1", "Move to the new supplier", "2026-01-10", "Eva Lind"],
                                ["D-2", "Extend the pilot by two weeks", "2026-02-03", "Per Holm"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "decisions.xlsx", {"Log": rows}))
    decisions = named(sqlite_store, "decisions")
    first = decisions["Move to the new supplier"]
    assert (first["decided_by"], first["status"], str(first["decided_on"])) == ("Eva Lind", "Decided", "2026-01-10")
    assert decisions["Extend the pilot by two weeks"]["decided_by"] == "Per Holm"
