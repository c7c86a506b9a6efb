"""Classes of problem left by rounds 47 and 48's held-out sets (docs/import-rounds.md, "Rounds 47 and 48's
misses"): each test writes a file of that shape (never the fetched one) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.row_planner import EXTRA_FIELD, TITLE_FALLBACK
from pmo_desktop.excel.vocabulary import header_words
from pmo_desktop.models.registers import REGISTERS


def test_a_dependency_register_described_by_its_description_column(sqlite_store, tmp_path):
    """A strategic dependency register ("id | dimension | concentration | description | treatment | …") whose
    records are named by a "description" column of long texts: the register has no description field, and
    the planner wrote the whole text to one anyway (the header and the field are both "description"), so
    the apply refused the whole file ("KeyError: dependencies has no field 'description'"). Each dependency
    is named by its text's first sentence; the whole text is kept in the notes under its header."""
    long_text = ("Single-country concentration across every core mission area: wideband access, positioning "
                 "and space surveillance hosting. The programme is assessed as structurally dependent.")
    path = write_csv(tmp_path / "dependencies.csv", [
        ["id", "dimension", "concentration", "description", "treatment", "treatment_owner"],
        ["DEP-01", "Nation", "High", long_text, "Diversify with a second ally", "Space Command"],
        ["DEP-02", "Nation", "Medium", "Weather imagery comes from one partner's satellite.",
         "Sustain the arrangement", "Bureau of Meteorology"],
        ["DEP-03", "Supplier", "High", "Launch capacity is booked with one provider.",
         "Qualify a second launcher", "Launch Office"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "dependencies")
    assert sorted(got) == ["DEP-01", "DEP-02", "DEP-03"]
    assert got["DEP-01"]["title"].startswith("Single-country concentration across every core mission area")
    assert f"description: {long_text}" in got["DEP-01"]["notes"]
    assert "treatment: Qualify a second launcher" in got["DEP-03"]["notes"]


def test_every_import_word_names_a_field_its_register_declares():
    """The import's words and rules name fields by register; a name the register does not declare is a word
    that can never place a column (the Korean "비고" was an issue's "notes", which issues keep in their
    description) or, worse, a value the apply refuses. Walks every register's declaration."""
    undeclared = {
        name: sorted({f for f in header_words(name).values() if not f.startswith("@")} - set(reg.field_names))
        for name, reg in REGISTERS.items()}
    assert {name: fields for name, fields in undeclared.items() if fields} == {}
    assert {name: field for name, field in EXTRA_FIELD.items() if field not in REGISTERS[name].field_names} == {}
    assert {name: [f for f in fields if f not in REGISTERS[name].field_names]
            for name, fields in TITLE_FALLBACK.items() if any(f not in REGISTERS[name].field_names
                                                              for f in fields)} == {}


def test_a_card_perks_list_named_benefits_is_no_benefits_register(sqlite_store, tmp_path):
    """A credit-card perks tracker saved as "benefits.csv" (benefit_id, card_id, card_name, benefit_name,
    face_value, used_amount, expiration_date) was read as benefits, one per perk: its rows are listed under
    another thing's ID and name (the card), and nothing says what is measured, a baseline, a target or who
    benefits. Refused with that reason, nothing stored; a benefits register listed by project that says what
    it measures keeps every benefit."""
    perks = write_csv(tmp_path / "benefits.csv", [
        ["benefit_id", "card_id", "owner", "card_name", "benefit_name", "frequency", "face_value", "used_amount",
         "remaining_amount", "expiration_date", "notes"],
        ["gold_uber", "gold_1", "Eason", "Gold Card", "Ride Credit", "Monthly", 10.0, 0.0, 10.0, "2026-05-31",
         "$10 a month"],
        ["gold_dining", "gold_1", "Eason", "Gold Card", "Dining Credit", "Monthly", 10.0, 10.0, 0.0, "2026-05-31",
         "after enrolment"],
        ["plat_hotel", "plat_1", "Eason", "Platinum Card", "Hotel Credit", "Semiannual", 100.0, 50.0, 50.0,
         "2026-06-30", "prepaid stays"],
        ["plat_air", "plat_1", "Eason", "Platinum Card", "Airline Fee Credit", "Annual", 200.0, 0.0, 200.0,
         "2026-12-31", "one airline"]])
    with pytest.raises(WorkbookError, match="“card_id” and “card_name”.*perks, not the benefits"):
        import_all(sqlite_store, perks)
    assert by_code(sqlite_store, "benefits") == {}

    register = write_csv(tmp_path / "benefits_register.csv", [
        ["Benefit ID", "Project ID", "Project Name", "Benefit", "Owner", "Measure", "Baseline", "Target"],
        ["B1", "P1", "New CRM", "Faster quotes", "Ana Silva", "Days to quote", 10, 3],
        ["B2", "P1", "New CRM", "Fewer lost leads", "Ana Silva", "Leads lost a month", 40, 10],
        ["B3", "P2", "Self-service portal", "Fewer calls", "Li Wei", "Calls a week", 900, 500]])
    import_all(sqlite_store, register)
    got = by_code(sqlite_store, "benefits")
    assert sorted(got) == ["B1", "B2", "B3"]
    assert got["B2"]["measure"] == "Leads lost a month"


def test_the_sheets_own_id_wins_over_a_column_of_references(sqlite_store, tmp_path):
    """A security review's risks ("ID | Risk | Description | Impact Rating | Likelihood Rating | … | Reference"),
    the ID counting 1, 2, 3 and the reference a link to the weakness's page: the links (letters and digits)
    were taken for codes over the counting ID, then refused as codes, so every risk was numbered by the import
    (R-001 …). A web address is never a code, and a column headed "ID" keeps the ID over references written
    as codes ("CWE-284"); the references stay in the notes."""
    rows = [["ID", "Risk", "Description", "Impact Rating", "Likelihood Rating", "Reference"],
            ["1", "Improper access control", "No strong access check", "Critical", "Certain",
             "https://cwe.mitre.org/data/definitions/284.html"],
            ["2", "Hardcoded credentials", "Keys in the source", "Critical", "Possible",
             "https://cwe.mitre.org/data/definitions/798.html"],
            ["3", "Insecure storage", "Personal data in clear", "High", "Possible",
             "https://cwe.mitre.org/data/definitions/922.html"]]
    import_all(sqlite_store, write_csv(tmp_path / "Risk Register.csv", rows))
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3"]
    assert "https://cwe.mitre.org/data/definitions/798.html" in got["2"]["notes"]

    coded = [r[:5] + [r[5] if i == 0 else f"CWE-{r[5].rsplit('/', 1)[1].split('.')[0]}"]
             for i, r in enumerate(rows)]
    for r in coded[1:]:
        r[0] = str(int(r[0]) + 10)
    import_all(sqlite_store, write_csv(tmp_path / "risk_log.csv", coded))
    got = by_code(sqlite_store, "risks")
    assert {"11", "12", "13"} <= set(got) and "CWE-798" in got["12"]["notes"]


def _categories(store) -> list[str]:
    return sorted({r["category"] for r in rows_of(store, "risks") if r.get("category")})


def test_level_words_are_never_new_categories(sqlite_store, tmp_path):
    """A Spanish course project's risks ("No. | Riesgo | Tipo | Respuesta | Plan de Contingencia |
    Responsable"), "Tipo" holding Alto / Medio / Bajo: stored as three new categories "Alto", "Medio", "Bajo".
    A column whose every value is a level of the scale is a rating, never a sort of risk; the header does not
    say which rating, so each stays in the notes as written. The same under "Category" itself."""
    path = write_csv(tmp_path / "Riesgos.csv", [
        ["No.", "Riesgo", "Tipo", "Respuesta", "Plan de Contingencia", "Responsable"],
        ["1", "Tiempo insuficiente para pruebas", "Alto", "Reducir", "Automatizar pruebas", "Ana"],
        ["2", "Poca retroalimentación externa", "Medio", "Reducir", "Compartir el proyecto", "Luis"],
        ["3", "Errores de la API externa", "Medio", "Evitar", "Detectar errores", "Ana"],
        ["4", "Caídas de servicios", "Bajo", "Evitar", "Vigilar los servicios", "Luis"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3", "4"]
    assert _categories(sqlite_store) == []
    assert "Tipo: Alto" in got["1"]["notes"] and got["3"]["response"] == "Avoid"

    path = write_csv(tmp_path / "risk_log.csv", [
        ["ID", "Risk", "Category", "Owner", "Status"],
        ["K1", "Vendor late", "High", "Ana", "Open"],
        ["K2", "Scope creep", "Medium", "Ben", "Open"],
        ["K3", "Staff leave", "Low", "Ana", "Open"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert _categories(sqlite_store) == [] and "Category: Medium" in got["K2"]["notes"]
