"""Round 63's leftovers as general rules (docs/import-rounds.md, "Round 63's leftovers (left63)"): each test writes
a file of that shape (never a fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named
from real_world_factory import write_csv

_STANCES = {
    "en": ("Position", "For", "Against", "Neutral"),
    "es": ("Posición", "A favor", "En contra", "Neutral"),
    "fr": ("Position", "Pour", "Contre", "Neutre"),
    "de": ("Position", "Dafür", "Dagegen", "Neutral"),
    "ru": ("Позиция", "За", "Против", "Нейтрально"),
}


@pytest.mark.parametrize("lang", sorted(_STANCES))
def test_a_position_of_for_and_against_is_the_stakeholders_attitude(sqlite_store, tmp_path, lang):
    """A stakeholder list's "Position" column holding For / Against / Neutral (in any language the words files
    have) says where each stakeholder stands on the project: the attitude, not the role. Decided by the column's
    values, once per column: a "Position" of job titles stays the role."""
    header, yes, no, neither = _STANCES[lang]
    rows = [["Name", "Organisation", header],
            ["Mario Bianchi", "City council", yes],
            ["Residents' committee", "North district", no],
            ["Lucia Verdi", "Region", neither],
            ["Paolo Neri", "Chamber of commerce", yes]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert people["Mario Bianchi"]["attitude"] == "Supporter"
    assert people["Residents' committee"]["attitude"] == "Opponent"
    assert people["Lucia Verdi"]["attitude"] == "Neutral"
    assert not people["Mario Bianchi"].get("role")



def test_a_position_of_job_titles_stays_the_role(sqlite_store, tmp_path):
    """The guard of the rule above (passes on main too): a "Position" of job titles, a sponsor's and a leader's
    among them (a champion's words as well), stays each stakeholder's role."""
    rows = [["Name", "Organisation", "Position"],
            ["Mario Bianchi", "City council", "Mayor"],
            ["Anna Rossi", "Head office", "Sponsor"],
            ["Lucia Verdi", "Region", "Project leader"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert people["Mario Bianchi"]["role"] == "Mayor"
    assert people["Anna Rossi"]["role"] == "Sponsor"
    assert not people["Anna Rossi"].get("attitude")


def test_a_mapping_read_from_one_files_values_is_not_forced_on_the_next(sqlite_store, tmp_path):
    """Found writing the tests above: every import remembered its columns' reading for that header layout, and the
    next file with the same headers took it without its values being looked at — a "Position" of stances read as
    the attitude made the next list's job titles unplaced attitudes. Only a mapping the user chose (in the preview)
    is remembered for the layout; one the import read from a file's values is read again from the next file's."""
    stances = [["Name", "Organisation", "Position"],
               ["Mario Bianchi", "City council", "For"],
               ["Residents' committee", "North district", "Against"],
               ["Lucia Verdi", "Region", "Neutral"]]
    import_all(sqlite_store, write_csv(tmp_path / "stances.csv", stances))
    jobs = [["Name", "Organisation", "Position"],
            ["Anna Rossi", "Head office", "Sponsor"],
            ["Paolo Neri", "Finance", "Finance lead"]]
    import_all(sqlite_store, write_csv(tmp_path / "jobs.csv", jobs))
    people = named(sqlite_store, "stakeholders")
    assert people["Mario Bianchi"]["attitude"] == "Supporter"
    assert (people["Anna Rossi"]["role"], people["Paolo Neri"]["role"]) == ("Sponsor", "Finance lead")
    assert not people["Anna Rossi"].get("attitude") and not people["Paolo Neri"].get("attitude")
