"""Issue 12, classes64: the miss classes of unseen set 64 as general rules — a field header prefixed by the
register's own noun ("Defect Priority"), … Each test writes a workbook of the shape (never a fetched file) and
failed on the code before (main 8040d298)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_field_header_prefixed_by_the_registers_noun_names_that_field(sqlite_store, tmp_path):
    """A tester's defect list heads its columns "Defect Severity", "Defect Priority": the register's noun before
    a field's own words names that field. The priority and the severity were kept in the notes, the issues left
    unprioritised."""
    rows = [["Defect Id.", "Defect Summary", "Defect Severity", "Defect Priority", "Reported By"],
            ["D-1", "Login button does nothing", "Critical", "High", "Ann Lee"],
            ["D-2", "Balance shows the wrong currency", "Major", "Medium", "Ann Lee"],
            ["D-3", "Typo on the transfer page", "Minor", "Low", "Bo Chan"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", {"Defects": rows}))
    priority = {r["title"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert priority == {"Login button does nothing": "High", "Balance shows the wrong currency": "Medium",
                        "Typo on the transfer page": "Low"}
