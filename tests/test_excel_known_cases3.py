"""Classes of problem left open by round 15 of real public registers: each test writes a workbook of that
shape (with openpyxl) and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
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
