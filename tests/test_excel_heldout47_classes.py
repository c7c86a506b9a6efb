"""Classes of problem left by rounds 47 and 48's held-out sets (docs/import-rounds.md, "Rounds 47 and 48's
misses"): each test writes a file of that shape (never the fetched one) and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv

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
