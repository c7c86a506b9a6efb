"""Issue 12, classes64: the miss classes of unseen set 64 as general rules — a field header prefixed by the
register's own noun ("Defect Priority"), a second table under the register with its own header row, a numbered
priority rung with a second word ("4 Low/Technical Request"). Each test writes a workbook of the shape (never a
fetched file) and failed on the code before (main 8040d298)."""

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


def test_a_second_table_under_the_register_with_its_own_header_ends_it(sqlite_store, tmp_path):
    """Under a team's risks, past two empty rows, a use-case effort table with its own header ("UC | Name |
    Documentation [h] | Coding [h] | …"): its header row was left out as a risk with bad ratings and its use cases
    read as risks, their figures as owners. The row of labels where the ratings go ends the register: the three
    risks are imported, the table below is said in the report, none of it a record or a person."""
    rows = [["Risk Name", "Risk Description", "Probability (1-5)", "Impact (1-5)", "Person in Charge"],
            ["Server availability", "We need a server for the app", 4, 5, "Joel"],
            ["Bad time management", "We misjudge our work", 4, 3, "Mia"],
            ["Lack of communication", "Nobody knows what the others do", 1, 3, "Joel"],
            [], [],
            ["UC", "Name", "Documentation [h]", "Coding [h]", "Testing [h]"],
            ["UC1", "Register", 2, 4, 3],
            ["UC2", "Log in and out", 2, 7, 1.5],
            ["UC3", "View profile", 1.5, 2, 1.5]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Tabelle1": rows}))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == [
        "Bad time management", "Lack of communication", "Server availability"]
    assert sorted(r["name"] for r in rows_of(sqlite_store, "people")) == ["Joel", "Mia"]
    said = [r.reason for s in plan.sheets for r in (x.report for x in s.rows)]
    assert any("the header of another table under the risk register" in w for w in said)


def test_a_numbered_priority_rung_with_more_words_reads_the_level_it_names(sqlite_store, tmp_path):
    """A defect export's priority ladder "1 Urgent … 4 Low/Technical Request": the lower rung's second word
    kept it from any level and the defects went unprioritised. The part of the rung naming a level gives it."""
    rows = [["Defect ID", "Summary", "Priority", "Status"],
            ["5101", "Alarm not cleared after reboot", "1 Urgent", "Open"],
            ["5102", "Wrong label on the port view", "4 Low/Technical Request", "Open"],
            ["5103", "Report export slow", "4 Low / Technical Request", "Closed"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", {"Defects": rows}))
    priority = {r["title"]: r["priority"] for r in rows_of(sqlite_store, "issues")}
    assert priority["Wrong label on the port view"] == "Low" and priority["Report export slow"] == "Low"
