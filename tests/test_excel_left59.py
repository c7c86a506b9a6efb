"""Stop 59 (left59): what the last unseen sets left, as general rules — each test writes a workbook of the shape."""

from __future__ import annotations

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

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


# 2. A register laid out turned: one record a column under a row of their names, labels of its own down column A


def _across(title: str, heads: list[str], labelled: list[tuple[str, list[str]]]) -> list[list[object]]:
    return [[title, None, None, None], [None, None, None, None], [None, *heads],
            *([label, *values] for label, values in labelled)]


def test_a_communication_plan_one_stage_a_column_is_read_turned_in_french(sqlite_store, tmp_path):
    """A plan named as the communication plan, its stages across a row, "Objectifs" and "Actions" down column A, a
    sentence in each cell, under a title: refused "no header row" on main. Each column is a communication, named by
    its stage, each label's text in its notes; a column of placeholders ("X") holds none; said."""
    rows = _across("Plan de communication : la plateforme", ["Notoriété", "Considération", "Achat", "Fidélisation"],
                   [("Objectifs souhaités", ["Toucher les étudiants de toutes les écoles", "Augmenter le nombre "
                                             "d'utilisateurs", "X", "Offrir des rabais aux membres actifs"]),
                    ("Principales actions associées", ["Diffuser l'information sur les réseaux", "Mettre le site à "
                                                       "jour chaque semaine", "X", "Lancer un système de points"])])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Plan de communication.xlsx", {"Feuil1": rows}))
    comms = named(sqlite_store, "communications")
    assert set(comms) == {"Notoriété", "Considération", "Fidélisation"}
    assert "Objectifs souhaités: Toucher les étudiants" in comms["Notoriété"]["notes"]
    assert "Principales actions associées: Lancer un système de points" in comms["Fidélisation"]["notes"]
    notes = " ".join(s.note for s in plan.sheets)
    assert "Read one record a column" in notes and "column D (“Achat”), every value a placeholder" in notes


def test_a_risk_list_one_risk_a_column_is_read_turned_in_english(sqlite_store, tmp_path):
    """Risks named across a row of a sheet named "Risks", "Description" and "Mitigation" down column A: two labels
    naming fields (the turned reading of classes68a needs three), so the workbook was refused. Each column a risk."""
    rows = _across("Project risks", ["Supplier may fail", "Key staff may leave", "Budget may be cut"],
                   [("Description", ["The only supplier of the chips is in trouble", "Two engineers hold all the "
                                     "knowledge", "The board reviews the budget in March"]),
                    ("Mitigation", ["Find a second supplier this quarter", "Pair each engineer with a junior",
                                    "Show the board the savings so far"])])
    import_all(sqlite_store, write_xlsx(tmp_path / "project.xlsx", {"Risks": rows}))
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"Supplier may fail", "Key staff may leave", "Budget may be cut"}
    assert any("only supplier of the chips" in str(v) for v in risks["Supplier may fail"].values())


def test_figures_by_month_on_a_sheet_named_as_a_register_are_not_records(sqlite_store, tmp_path):
    """The same shape holding figures or levels, not phrases (a budget by month, a matrix of levels), is no
    register laid out turned: nothing is made of its columns."""
    rows = _across("Risk budget", ["January", "February", "March"],
                   [("Contingency", ["1200", "1300", "900"]), ("Spent", ["High", "Low", "Medium"])])
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "budget.xlsx", {"Risks": rows}))


# 3. A change history by its shape, not by its person column's name


@pytest.mark.parametrize("name, header", [
    ("change_log.xlsx", ["Date", "Component", "Made by", "Description"]),
    ("journal des modifications.xlsx", ["Date", "Composant", "Visa", "Modification"]),
])
def test_a_change_history_is_refused_whoever_its_person_column_names(sqlite_store, tmp_path, name, header):
    """A file named as a change log by a change word alone, its columns when, where, who and what, nothing a decision
    has: read as decisions on main when the person column's header was a decider word other than "Initials"
    ("Made by", "Visa"). Refused as a change history, whatever the person column is called."""
    rows: list[list[object]] = [header,
                                ["2026-01-10", "Parser", "TS", "Added the CSV reader"],
                                ["2026-01-12", "Parser", "TS", "Fixed the quote handling"],
                                ["2026-01-20", "Viewer", "AB", "Added the dark mode"]]
    with pytest.raises(WorkbookError, match="a change history"):
        import_all(sqlite_store, write_xlsx(tmp_path / name, {"Sheet1": rows}))
    assert not named(sqlite_store, "decisions")


@pytest.mark.parametrize("approver", ["Approved by", "Approver", "Signed off by", "Genehmigt von"])
def test_a_change_log_naming_who_approved_each_change_stays_the_decision_log(sqlite_store, tmp_path, approver):
    rows: list[list[object]] = [["Date", "Change", approver],
                                ["2026-01-10", "Move the go-live to March", "Ann Lee"],
                                ["2026-01-12", "Drop the mobile app from phase 1", "Ann Lee"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "change_log.xlsx", {"Sheet1": rows}))
    decisions = named(sqlite_store, "decisions")
    assert decisions["Move the go-live to March"]["decided_by"] == "Ann Lee"


# 4. What the last sets still counted wrong, as classes


def test_a_priority_kept_in_the_notes_beside_a_worded_one_is_not_said_to_be_a_number(sqlite_store, tmp_path):
    """A one-bug form whose "Severity" is a word and whose "Priority" is a typo, both kept in the notes: the sheet
    note said "“Severity” gives the priority as a number, 1 the most urgent …" though no cell holds a number. Said
    only of a column that holds such numbers."""
    rows: list[list[object]] = [["ID", "#1", None, None, None, None],
                                ["Reporter:", "Ann Lee", "Assignee:", None, "Status:", "New"],
                                ["Type:", "Functional", "Severity:", "Critical", "Priority:", "Higt"],
                                ["Summary:", "The save button stays grey after every field is filled", None, None,
                                 None, None],
                                ["Actual result:", None, None, None, None, None],
                                ["The button stays grey", None, None, None, None, None],
                                ["Expected result:", None, None, None, None, None],
                                ["The button turns blue", None, None, None, None, None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Bug Report": rows}))
    issues = named(sqlite_store, "issues")
    assert list(issues) == ["The save button stays grey after every field is filled"]
    assert not any("as a number" in s.note for s in plan.sheets)


@pytest.mark.parametrize("header, words", [
    (["ID", "Titolo", "Stato", "Priorità"], ["Bassa", "Normale", "Alta", "Bloccante"]),   # Italian
    (["ID", "Titel", "Status", "Prioritet"], ["Låg", "Medel", "Hög", "Brådskande"]),     # Swedish
    (["ID", "Başlık", "Durum", "Öncelik"], ["Düşük", "Orta", "Yüksek", "Acil"]),        # Turkish
])
def test_an_issues_priority_words_in_more_languages(sqlite_store, tmp_path, header, words):
    """An issue list's priority in a language whose words file had no issue priority words: the words another
    language happens to share ("Alta" is Spanish too) were read, the rest ("Bassa") not placed, kept in the notes."""
    titles = ["Login page times out", "Report totals are wrong", "Search is slow", "Export crashes"]
    rows: list[list[object]] = [header, *([f"IS-{n}", t, "Open", w] for n, (t, w) in enumerate(zip(titles, words)))]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    issues = named(sqlite_store, "issues")
    assert [issues[t]["priority"] for t in titles] == ["Low", "Medium", "High", "Critical"]
