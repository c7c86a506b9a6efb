"""Classes of problem left open by round 15 of real public registers: each test writes a workbook of that
shape (with openpyxl) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def test_no_break_spaces_in_names_titles_and_ids_become_plain_spaces(sqlite_store, tmp_path):
    """A stakeholder list pasted from a web page writes "Project\\xa0Manager" (and a narrow no-break space,
    U+202F): the names, IDs and roles import with plain spaces, so searching "Project Manager" finds them;
    the text is otherwise as written."""
    rows = [["ID", "Name", "Role", "Influence\xa0Level", "Interest\xa0Level"],
            ["S\xa0001", "Project\xa0Manager", "Oversees the\u202fproject", "High", "High"],
            ["S\xa0002", "Operation\xa0Manager", "Manages operations", "Medium", "High"],
            ["S\xa0003", "Admin Staff", "Supports  the team", "Low", "Medium"]]
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    got = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert sorted(got) == ["Admin Staff", "Operation Manager", "Project Manager"]
    assert got["Project Manager"]["code"] == "S 001"
    assert got["Project Manager"]["role"] == "Oversees the project"
    assert got["Admin Staff"]["role"] == "Supports  the team"  # otherwise unchanged
    assert (got["Project Manager"]["power"], got["Project Manager"]["interest"]) == (4, 4)
    assert not any("\xa0" in str(v) or "\u202f" in str(v) for r in got.values() for v in r.values())


_LEGEND_SHEETS = {
    "de": (["Risiko", "Verantwortlich", "GRADE", "RANG"], ("niedrig", "mittel", "hoch"),
           ("unwahrscheinlich, tritt kaum ein", "möglich", "tritt oft ein"),
           ("geringfügiger Schaden", "Verletzungen", "schwere Verletzungen oder Tod")),
    "fr": (["Risque", "Responsable", "GRADE", "RANG"], ("faible", "moyen", "élevé"),
           ("survient rarement", "se produit parfois", "se produit souvent"),
           ("dommages légers", "blessures", "décès")),
    "es": (["Riesgo", "Responsable", "GRADE", "RANG"], ("bajo", "medio", "alto"),
           ("raramente ocurre", "puede ocurrir", "ocurre con frecuencia"),
           ("daños menores", "lesiones", "muerte")),
}


@pytest.mark.parametrize("lang", sorted(_LEGEND_SHEETS))
def test_a_legend_in_french_german_or_spanish_says_which_column_is_chance_and_which_harm(sqlite_store, tmp_path,
                                                                                           lang):
    """A form rates each risk in two columns headed by labels that say nothing ("GRADE", "RANG"); the key
    under the table lists each label's levels with what they mean, in the sheet's language ("tritt oft
    ein", "se produit souvent", "ocurre con frecuencia" for the chance; "Verletzungen", "décès", "muerte"
    for the harm): GRADE is the likelihood, RANG the impact, each level at its place in the key."""
    head, (low, mid, high), chance, harm = _LEGEND_SHEETS[lang]
    rows = [head, ["Supplier late", "Ana Silva", high, low], ["Scope grows", "Tom Berg", low, high],
            ["Key person leaves", "Ana Silva", mid, mid], [],
            ["GRADE", None, None, "RANG"],
            [low, chance[0], None, low, harm[0]],
            [mid, chance[1], None, mid, harm[1]],
            [high, chance[2], None, high, harm[2]]]
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {t: (r["probability"], r["impact"]) for t, r in got.items()} == {
        "Supplier late": (4, 2), "Scope grows": (2, 4), "Key person leaves": (3, 3)}
