"""Classes of problem left by the held-out set of import round 39 (docs/import-rounds.md, "Round 39's held-out
classes (left39b)"): each test writes a file of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, importable_fields, plan_import, plan_workbook_import


def test_a_row_of_web_addresses_and_user_names_is_never_a_headers_second_line(sqlite_store, tmp_path):
    """A grant program's task list ("Type | Issue Creator | … | Task Link") had its first data row joined to the
    header as its second line ("Issue Creator guni7", "Task Link https://…/38"): the lower-case user name and
    address read as a wrapped header's rest, the Type column was not seen as the tracker's, and 16 issues titled
    by web addresses were made. A web address or a user name is a value, never a header's rest: the list is
    refused as the tracker's planned work (tasks), saying so, and no issue is made."""
    link = "https://github.com/example-org/acceleration-program/issues/"
    rows: list[list[object]] = [["Type", "Issue Creator", "Assignee (Grant Liaison)", "Task Link", "Linked Proposal?",
                                 "Proposal Link"]]
    creators = ["guni7", "cyl19970726", *["NOOMA-42"] * 14, "tkmct"]
    for k, creator in enumerate(creators):
        proposal = k % 3 == 1
        rows.append(["Task & Proposal" if proposal else "Task", creator, "NOOMA-42" if k == 6 else "",
                     f"{link}{40 - k}", "Yes" if proposal else "No", f"{link}{60 - k}" if proposal else ""])
    path = write_csv(tmp_path / "issues.csv", rows)
    with pytest.raises(WorkbookError, match="its rows are a tracker's planned work .“Task” …, under “Type”."):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "issues") == []


@pytest.mark.parametrize("lower", ["que debe darse con este stakeholder", "and mitigation"])
def test_a_header_wrapped_in_lower_case_is_still_one_header(lower):
    """The rule above leaves a header's real second line alone: words in lower case go on with the phrase."""
    from pmo_desktop.excel.header_detection import wrapped_header
    assert wrapped_header("Tipo de Relación y Seguimiento", lower) == f"Tipo de Relación y Seguimiento {lower}"
    assert wrapped_header("Task Link", f"https://example.org/issues/{len(lower)}") is None
    assert wrapped_header("Issue Creator", "guni7") is None


@pytest.mark.parametrize("first, last, organisation", [
    ("Voornaam", "Naam", "Affiliatie"), ("Voornaam", "Achternaam", "Organisatie"),
    ("First Name", "Last Name", "Affiliation"), ("Given name", "Family name", "Organisation"),
    ("Vorname", "Nachname", "Organisation"), ("Prénom", "Nom", "Organisation"),
    ("Nombre", "Apellidos", "Organización")])
def test_a_persons_name_in_two_columns_is_one_name(sqlite_store, tmp_path, first, last, organisation):
    """A Dutch list of stakeholders ("Voornaam | Naam | Affiliatie": first name, surname, organisation) was read
    with the surname as the whole name ("Fragkou" for Pavlina Fragkou) and the first name and the organisation
    kept in the notes (17 rows). A first name and a surname in two columns, in any of the usual languages, are
    one name, first name first; a group written under the first name alone is named by it; "Affiliatie" /
    "Affiliation" is the organisation."""
    rows: list[list[object]] = [[first, last, organisation, "E-mail", "CCCEV", "CoreVoc"],
                                ["Core Vocabularies Working Group", "", "", "", "A", "A"],
                                ["Pavlina", "Fragkou", "European Commission", "", "E", "E"],
                                ["Seth", "van Hooland", "European Commission", "", "C", "C"],
                                ["Bert", "Van Nuffelen", "TenForce", "bert@example.org", "E", ""],
                                ["Emidio", "Stani", "PwC EU Services", "", "E", "E"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows, delimiter=";"))
    got = named(sqlite_store, "stakeholders")
    assert set(got) == {"Core Vocabularies Working Group", "Pavlina Fragkou", "Seth van Hooland",
                        "Bert Van Nuffelen", "Emidio Stani"}
    assert got["Pavlina Fragkou"]["organisation"] == "European Commission"
    assert first not in (got["Pavlina Fragkou"].get("notes") or "")


def test_the_first_name_column_is_shown_in_the_mapping_and_the_user_can_change_it(sqlite_store, tmp_path):
    """The preview's mapping names the first-name column as such, and the user may map it to nothing (the
    surname alone is the name) or map another column to it."""
    rows: list[list[object]] = [["First Name", "Last Name", "Role"], ["Ada", "Lovelace", "Sponsor"],
                                ["Alan", "Turing", "Analyst"], ["Grace", "Hopper", "Architect"]]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": rows})
    plan = plan_import(sqlite_store, path, register="stakeholders")
    assert plan.sheets[0].mapping[0] == "@first_name"
    assert "@first_name" in dict(importable_fields("stakeholders"))
    surname_only = plan_import(sqlite_store, path, register="stakeholders", mapping={1: "name", 2: "role"})
    apply_import(sqlite_store, surname_only)
    assert set(named(sqlite_store, "stakeholders")) == {"Lovelace", "Turing", "Hopper"}


def test_a_change_logs_implementation_status_is_the_decisions_status(sqlite_store, tmp_path):
    """A change log read as decisions ("Change No. | Category | Priority | Description | Implementation status")
    kept "Implementation status" (Complete) in the notes: every decision Pending and nothing said of it (8 rows).
    It is the decision's status: "Complete" reads as Decided. A decision taken has a date and a person by the
    office's rule, which this log does not give: the decision stays Pending and its notes say Decided, written
    “Complete”, to be completed by hand; one that gives them is Decided."""
    rows: list[list[object]] = [["Change Log "], [], ["Change\nNo.", "Category", "Priority", "Description",
                                                      "Implementation\nstatus", "Notes", "Decided on", "Decided by"]]
    for n, (title, status) in enumerate([("Scrape the card service and fetch its history", "Complete"),
                                         ("Add balance-over-time and daily spending charts", "Complete"),
                                         ("Cache the pages fetched for an hour", "Pending")], start=1):
        rows.append([n, "Data", "High", title, status, "Core data source added",
                     "2026-03-0{n}".format(n=n) if n == 1 else None, "Yitong" if n == 1 else None])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "change_log.xlsx", {"Change Log": rows}))
    assert plan.sheets[0].register == "decisions"
    assert "status" in plan.sheets[0].mapping.values()
    got = named(sqlite_store, "decisions")
    assert got["Scrape the card service and fetch its history"]["status"] == "Decided"
    charts = got["Add balance-over-time and daily spending charts"]
    assert charts["status"] == "Pending"
    assert "Status: Decided" in charts["rationale"] and "“Complete”" in charts["rationale"]
    assert got["Cache the pages fetched for an hour"]["status"] == "Pending"


def test_in_the_import_dialog_the_first_name_is_shown_and_can_be_mapped_to_nothing(qtbot, document, tmp_path):
    """The dialog's mapping names the first-name column "First name (joined before the name)"; chosen away with
    the keyboard (Home: the first choice, nothing) and checked again, the surname alone is each name."""
    from PySide6.QtCore import Qt

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    rows: list[list[object]] = [["First Name", "Last Name", "Role"], ["Ada", "Lovelace", "Sponsor"],
                                ["Alan", "Turing", "Analyst"], ["Grace", "Hopper", "Architect"]]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": rows})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData("Stakeholders"))
    assert dialog.current_mapping().get(0) == "@first_name"
    combo = next(w for r in range(dialog.mapping_table.rowCount())
                 if dialog.mapping_table.cellWidget(r, 0).property("column") == 0
                 and (w := dialog.mapping_table.cellWidget(r, 1)) is not None)
    assert combo.currentText() == "First name (joined before the name)"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert dialog.current_mapping().get(0) is None
    dialog.recheck()
    dialog.do_import()
    assert set(named(document.store, "stakeholders")) == {"Lovelace", "Turing", "Hopper"}
