"""Review of stop 60's merged change (review60): edges where two of the day's rules met or a rule ran past its
data. Each test writes a workbook of the shape and failed on main f5c2ed15."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_RISKS: list[list[object]] = [["Risk ID", "Risk Description", "Owner"],
                              ["R-01", "The vendor's interface is late", "Ann Lee"],
                              ["R-02", "Users keep the paper forms", "Bob Ray"]]
_ISSUES: list[list[object]] = [["Issue ID", "Issue Description", "Owner"],
                               ["ISS-01", "No workflow diagrams yet", "Cy Dee"],
                               ["ISS-02", "Budget not approved", "Cy Dee"]]


def test_a_decision_log_with_its_linked_issues_and_a_source_naming_issues_only(sqlite_store, tmp_path):
    """A decision log with a "Linked issues" column of its own and a "Source" column naming only issues ("Issue
    ISS-01 raised at the board"): the source names no record the decision has no column for. On main the import
    stopped with a StopIteration (links_named looked for an example among no register); now the sheet reads as
    before the rule, the linked issues from their own column and the source in the notes."""
    decisions: list[list[object]] = [
        ["Decision ID", "Decision", "Linked issues", "Source", "Decision Owner", "Date"],
        ["D-01", "Approve the phase 1 budget", "ISS-02", "Issue ISS-02 at the board", "Cy Dee", date(2027, 4, 14)],
        ["D-02", "Keep the old browser", "ISS-01", "Issue ISS-01 from the pilot", "Bob Ray", date(2027, 4, 22)],
        ["D-03", "Phased go-live", None, "Steering meeting", "Bob Ray", date(2027, 5, 1)],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {
        "Risks": _RISKS, "Issues": _ISSUES, "Decisions": decisions}))
    got = by_code(sqlite_store, "decisions")
    assert sorted(got) == ["D-01", "D-02", "D-03"]
    assert got["D-01"]["issues"] == "ISS-02" and got["D-02"]["issues"] == "ISS-01"
    assert not got["D-01"]["risks"]
    notes = " ".join(str(v) for v in got["D-01"].values())
    assert "Issue ISS-02 at the board" in notes



def test_a_blank_row_in_a_register_whose_rows_fill_unheaded_columns_ends_nothing(sqlite_store, tmp_path):
    """A stakeholder list whose rows fill two columns right of its header, left unheaded ("High", "Weekly" under
    no header), one blank row between its rows: the row after the blank is a record like those above it, not the
    header of a wider table below (classes89's rule asks the unheaded columns be empty above). On main the list
    ended at the blank row, the stakeholders under it not imported ("a table of its own follows")."""
    people = [("Ann Lee", "Sponsor", "Finance", "High", "Weekly"), ("Bob Ray", "Architect", "IT", "Low", "Monthly"),
              ("Cy Dee", "Tester", "Quality", "High", "Weekly"), None,
              ("Dana Fox", "Trainer", "People", "Low", "Monthly"), ("Eli Moss", "Lawyer", "Legal", "High", "Weekly")]
    rows: list[list[object]] = [["Name", "Role", "Organisation", None, None]]
    rows += [list(p) if p else [None] * 5 for p in people]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": rows}))
    names = sorted(r["name"] for r in rows_of(sqlite_store, "stakeholders"))
    assert names == ["Ann Lee", "Bob Ray", "Cy Dee", "Dana Fox", "Eli Moss"]


def test_a_colleagues_long_note_in_brackets_is_kept_on_the_risk(sqlite_store, tmp_path):
    """A risk register's "Comments" written in brackets by a colleague ("[Awaiting the vendor's answer on the
    migration plan]"): classes89 blanked any bracketed text up to 78 characters as a template's placeholder and the
    sheet's note said nothing was written there — the note was lost. A longer bracketed text is kept; a short
    template placeholder ("[Owner]") is still left empty."""
    rows: list[list[object]] = [
        ["Risk ID", "Risk Description", "Owner", "Comments"],
        ["R-01", "The vendor's interface is late", "Ann Lee", "[Awaiting the vendor's answer on the migration plan]"],
        ["R-02", "Users keep the paper forms", "Bob Ray", "[Comment]"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": rows}))
    got = by_code(sqlite_store, "risks")
    assert "[Awaiting the vendor's answer on the migration plan]" in " ".join(str(v) for v in got["R-01"].values())
    assert "[Comment]" not in " ".join(str(v) for v in got["R-02"].values())
