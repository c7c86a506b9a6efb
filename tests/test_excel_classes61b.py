"""Issue 12, classes61b: layout classes left by stop 50 — stacked plans captioned in other words or dated, an
employer's staff sheet in more languages, a "<noun> type" column titling a sheet with no other title. Each test
writes a workbook of the shape (never a fetched file) and failed on the code before (main 5dd8d77)."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx
from stacked_plans import stacked_plans

from pmo_desktop.excel.errors import WorkbookError


def _rated(store) -> dict[str, tuple[int, int]]:
    return {r["title"]: (r["probability"], r["impact"]) for r in rows_of(store, "risks")}


def _risk_note(plan) -> str:
    return next(s for s in plan.sheets if s.register == "risks").note


@pytest.mark.parametrize("captions", [
    ["Baseline", "Review June 2024", "Current"],          # a word placing each end, a date between
    ["Stand 31.03.2024", "Stand 30.06.2024", "Aktuell"],  # dated in figures, the last by its word (de)
    ["Update 1", "Update 3", "Revisión final"],           # numbered, then a word placing it last (es)
    ["Review Q4 2023", "Review Q1 2024", "Review Q2 2024"],  # quarters: by their days, not "4" after "1"
])
def test_stacked_plans_dated_or_placed_by_a_word_take_the_last_tables_ratings(sqlite_store, tmp_path, captions):
    """Plans of the same risks stacked down a sheet under captions that date them or place them by a word: each
    risk kept the first table's ratings (only captions numbering the tables in the same words said an order). The
    last table is now the risks' rating, the first kept in the notes under its caption, as for numbered plans."""
    rows = stacked_plans([[c, "Team B"] for c in captions])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "plans.xlsx", {"Plans": rows}))
    rated = _rated(sqlite_store)
    assert rated["Key staff leave"] == (2, 3) and rated["Supplier fails"] == (2, 3)
    assert "2 risks take the ratings of the last table rating them" in _risk_note(plan)


def test_stacked_plans_dated_from_the_latest_or_saying_no_order_keep_the_first_table(sqlite_store, tmp_path):
    """Dated from the latest down ("As at 30/06/2024" first): the first table is the risks' rating now and the
    earlier ones are history, said as such. Revisions out of order ("B", "A", "C"): the last by its letter wins.
    Captions saying no order ("Before mitigation" / "After mitigation"): the first table stays, as before, and the
    sheet notes now say why."""
    dated = stacked_plans([[c] for c in ("As at 30/06/2024", "As at 31/03/2024", "As at 31/12/2023")])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "dated.xlsx", {"Plans": dated}))
    assert _rated(sqlite_store)["Key staff leave"] == (3, 4)
    supplier = next(r for r in rows_of(sqlite_store, "risks") if r["title"] == "Supplier fails")
    assert "an earlier assessment of the same risk under “As at 31/03/2024”, writes: Likelihood: High" in \
        supplier["notes"]
    assert "placing a later table before the first (“As at 30/06/2024” first)" in _risk_note(plan)

    lettered = stacked_plans([[c] for c in ("Revision B", "Revision A", "Revision C")])
    import_all(sqlite_store, write_xlsx(tmp_path / "lettered.xlsx", {"Plans": lettered}))
    assert _rated(sqlite_store)["Key staff leave"] == (2, 3)

    unordered = stacked_plans([[c] for c in ("Before mitigation", "After mitigation", "Current")])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "stages.xlsx", {"Stages": unordered}))
    assert _rated(sqlite_store)["Key staff leave"] == (3, 4)
    assert "captions that say no order between them (“Before mitigation”, then “After mitigation”" in \
        _risk_note(plan)


_PEOPLE = [("P-01", "Ada Moss", "Analyst"), ("P-02", "Ben Ode", "Developer"), ("P-03", "Cy Lund", "Designer"),
           ("P-04", "Di Park", "Tester")]


@pytest.mark.parametrize(("staff_header", "pay", "list_header"), [
    (["ID", "Imię i nazwisko", "Stanowisko", "Data zatrudnienia", "Wynagrodzenie", "Okres próbny"], "7000 zł",
     ["ID", "Imię i nazwisko", "Stanowisko", "Wpływ", "Zainteresowanie"]),
    (["ID", "Namn", "Befattning", "Anställningsdatum", "Månadslön", "Provanställning"], "42000 kr",
     ["ID", "Namn", "Befattning", "Inflytande", "Intresse"]),
])
def test_an_employers_staff_sheet_in_more_languages_adds_nothing(sqlite_store, tmp_path, staff_header, pay,
                                                                 list_header):
    """A Polish and a Swedish employer's staff list (hire date, pay, probation) were read as stakeholders: the
    employer's words were in six languages' files only. Every language's file has them now; a stakeholder list
    of the same people in the same language, judging each (power, interest), is read as before."""
    staff = [staff_header, *[[*p, "2023-01-09", pay, "6"] for p in _PEOPLE]]
    with pytest.raises(WorkbookError, match=rf"its rows are an employer's employees.*“{staff_header[3]}”"):
        import_all(sqlite_store, write_xlsx(tmp_path / "staff.xlsx", {"Personel": staff}))
    assert rows_of(sqlite_store, "stakeholders") == []
    kept = [list_header, *[[*p, "High", "Low"] for p in _PEOPLE]]
    import_all(sqlite_store, write_xlsx(tmp_path / "people.xlsx", {"Interesariusze": kept}))
    assert set(by_code(sqlite_store, "stakeholders")) == {"P-01", "P-02", "P-03", "P-04"}


def test_a_noun_type_column_titles_tracked_records_and_a_catalogue_of_kinds_is_refused(sqlite_store, tmp_path):
    """A sheet whose only column naming its rows is a "<noun> type" of one-word kinds. Beside an owner, a status
    or a rating each row is a record the office tracks: titled by its kind and ID ("Financial risk R1"), the kind
    still its category, said once (it was refused: no title). With none of them it is a catalogue of the kinds:
    refused saying why (six dependencies titled "Internal", "External" … came in)."""
    kinds = ["Financial", "Technical", "Schedule", "Legal", "Technical"]
    register = [["ID", "Risk type", "Owner", "Status", "Probability", "Impact"],
                *[[f"R{n}", k, "Ana Ruiz", "Open", "High", "Low"] for n, k in enumerate(kinds, 1)]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risk register": register}))
    risks = by_code(sqlite_store, "risks")
    assert (risks["R1"]["title"], risks["R1"]["category"], risks["R1"]["owner"]) == \
        ("Financial risk R1", "Financial", "Ana Ruiz")
    assert risks["R5"]["title"] == "Technical risk R5"
    assert "each is titled by its kind (“<kind> risk <ID>”)" in _risk_note(plan)

    # no ID: the row says which one; the dependency's kind kept in its notes (the register has no category)
    deps = [["Dependency type", "Owner", "Status", "Needed by"],
            *[[k, "Luis Gil", "Open", f"2024-06-0{n}"] for n, k in enumerate(["Internal", "External", "Vendor"], 1)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "deps.xlsx", {"Dependencies": deps}))
    made = {d["title"]: d for d in rows_of(sqlite_store, "dependencies")}
    assert set(made) == {"Internal dependency, row 2", "External dependency, row 3", "Vendor dependency, row 4"}
    assert "Dependency type: Vendor" in made["Vendor dependency, row 4"]["notes"]

    catalogue = [["ID", "Dependency type", "Weight"],
                 *[[f"DT-{n}", k, n] for n, k in enumerate(["Internal", "External", "Vendor", "Regulatory"], 1)]]
    with pytest.raises(WorkbookError, match=r"its rows are kinds of dependencies \(“Dependency type”: Internal, "
                                            r"External, Vendor, Regulatory\).*a catalogue or a summary"):
        import_all(sqlite_store, write_xlsx(tmp_path / "kinds.xlsx", {"Types": catalogue}))
    assert len(rows_of(sqlite_store, "dependencies")) == 3
