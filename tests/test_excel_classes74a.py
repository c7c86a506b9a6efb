"""Issue 12, classes74a: the largest miss classes of unseen set 74 (English risk registers) as general rules — an
FMEA headed "Problem | Consequence | … | Severity | Likeliness" in per cent; letter grades whose direction the
workbook states (a key sheet, "(A - E)" over the header); several "Effect On …" columns and "Current Risk Control";
and three single fields ("Submit date", a ticket's key under "Issue", a "_" left in a plan column). Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main c8cbaed6)."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

_FMEA_HEAD = ["Problem", "Consequence", "Low pressure alarm", "Severity", "Likeliness", "Detection %", "RPN",
              "Comment"]


def test_an_fmea_naming_problems_rated_in_per_cent_is_read_as_risks(sqlite_store, tmp_path):
    """A ventilator's FMEA ("Problem | Consequence | six alarms | Severity | Likeliness | Detection % | RPNs") was
    refused whole: "Problem" names an issue, not a risk, and its severity and likeliness, written in whole per cent
    (100, 50, 20; 80, 5, 2), fitted no scale. A failure beside a likelihood and a consequence is a risk titled by the
    failure; numbers past every product of two ratings, up to 100, are per cent, read on the office's five levels
    (0–20 % → 1 … 81–100 % → 5) and said in the sheet notes."""
    rows: list[list[object]] = [
        ["FMEA"], [], ["Various parts of the system can fail; this lists the consequences."], [], _FMEA_HEAD,
        ["Disconnected patient", "No air to patient", 100, 100, 80, 100, 80, None],
        ["Inlet blocked", "Low pressure buildup", 0, 100, 5, 100, 5, None],
        ["Pump leaky", "Lower pressure, air not filtered", 100, 50, 20, 100, 10, None],
        ["Valve from pump stuck open", "Air sucked back into pump", 50, 20, 2, 50, 2, "Another valve still protects"],
        ["Valve to overpressure port leaks", "More water level changes", 0, 0, 20, 0, 0, None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "FMEA.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert len(risks) == 5
    assert risks["Disconnected patient"]["effect"] == "No air to patient"
    levels = {t: (r["impact"], r["probability"]) for t, r in risks.items()}
    assert levels == {"Disconnected patient": (5, 4), "Inlet blocked": (5, 1), "Pump leaky": (3, 1),
                      "Valve from pump stuck open": (1, 1), "Valve to overpressure port leaks": (1, 1)}
    assert "read as whole per cent" in plan.sheets[0].note
    assert rows_of(sqlite_store, "issues") == []
    # "Problem" stays an issue's title beside a severity and a status, with no likelihood and no consequence: only
    # a failure rated as a risk is read as one
    rows = [["Problem", "Severity", "Status", "Owner"], ["Login fails on Safari", "High", "Open", "Ana Silva"],
            ["Export is empty", "Low", "Closed", "Tom Berg"], ["Search is slow", "Medium", "Open", "Ana Silva"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Tracker.xlsx", {"Sheet1": rows}))
    assert set(named(sqlite_store, "issues")) == {"Login fails on Safari", "Export is empty", "Search is slow"}
    assert len(rows_of(sqlite_store, "risks")) == 5


_KEY = [["Key"], ["Probability"], ["A", "Extremely unlikely (virtually impossible)"],
        ["B", "Remote (relatively few failures)"], ["C", "Occasional (occasional failures)"],
        ["D", "Reasonably possible (repeated failures)"], ["E", "Frequent (failure is almost inevitable)"]]
_GRADED = [["Radio failure", "communication is impossible", "B", 5, "Test components before launch"],
           ["Hard drive failure", "data collection is impossible", "B", 4, "Check the drive before launch"],
           ["Failed ground connection", "data cannot be sent for a while", "C", 2, "Retry the link"],
           ["Files stuck in a loop", "the next file is not sent", "A", 4, "Clear the buffer and reboot"]]


def test_letter_grades_run_as_the_workbooks_key_says(sqlite_store, tmp_path):
    """A CubeSat FMEA rated each failure's probability A–E, its "Key" sheet listing A = extremely unlikely …
    E = frequent; the letters were read as a school's grades over the three used (A → 4, B → 3, C → 2): every
    probability backwards, unsaid. The key says the direction and the number of steps: A → 1, B → 2, C → 3, said
    in the sheet notes. "System Effects" is the effect."""
    head = ["Failure Mode", "System Effects", "Probability", "Severity", "Mitigation"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "FMEA.xlsx", {"Key": _KEY, "FMEA": [head, *_GRADED]}))
    risks = named(sqlite_store, "risks")
    assert {t: r["probability"] for t, r in risks.items()} == {
        "Radio failure": 2, "Hard drive failure": 2, "Failed ground connection": 3, "Files stuck in a loop": 1}
    assert risks["Radio failure"]["effect"] == "communication is impossible"
    note = next(s.note for s in plan.sheets if s.register == "risks")
    assert "letters read as the workbook's key" in note and "A → 1" in note


def test_a_range_of_letters_over_the_header_runs_from_the_first(sqlite_store, tmp_path):
    """With no key, "(A - E)" written over the column as "(1 - 6)" is over the one beside it says the letters are
    five steps from A, the lowest; a column of letters the workbook says nothing of keeps the grades' reading."""
    head = ["Failure Mode", "System Effects", "Probability", "Severity", "Mitigation"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "FMEA.xlsx", {
        "FMEA": [[None, None, "(A - E)", "(1 - 5)"], head, *_GRADED]}))
    assert {t: r["probability"] for t, r in named(sqlite_store, "risks").items()} == {
        "Radio failure": 2, "Hard drive failure": 2, "Failed ground connection": 3, "Files stuck in a loop": 1}
    assert "the range “(A - E)” above the header" in plan.sheets[0].note


def test_effects_on_several_things_join_in_the_effect_and_current_controls_are_done(sqlite_store, tmp_path):
    """A database's hazards ("Hazard | Effect On Database/System | Effect On Business | Current Risk Control |
    Probability Of Hazard") kept both effects and the control in the notes. Each "Effect On …" column is the effect,
    the two joined a line each under its header; "Current Risk Control" is a control in place: a done action."""
    rows = [["Hazard", "Effect On Database/System", "Effect On Business", "Current Risk Control",
             "Probability Of Hazard"],
            ["Deployment failure", "Cross-database corruption", "Clients could be lost", "Every database is tested first",
             "Low"],
            ["Data leaks", "System open to attack", None, "Data is encrypted on all channels", "Moderate"],
            ["Stolen backups", "Passwords made public", "Lost trust in the business", "Backups kept off site", "Low"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risk.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert risks["Deployment failure"]["effect"] == ("Effect On Database/System: Cross-database corruption\n"
                                                     "Effect On Business: Clients could be lost")
    assert risks["Data leaks"]["effect"] == "System open to attack"
    assert "Effect On" not in (risks["Stolen backups"]["notes"] or "")
    actions = rows_of(sqlite_store, "risk_actions")
    assert {a["description"] for a in actions} == {"Every database is tested first", "Data is encrypted on all channels",
                                                   "Backups kept off site"}
    assert {a["status"] for a in actions} == {"Done"}
    assert "are one effect" in plan.sheets[0].note


def test_a_submit_date_is_the_day_an_issue_was_raised(sqlite_store, tmp_path):
    """A bug report's "Submit date" was kept in the notes: it is the day the bug was raised."""
    rows = [["Bug ID", "Title", "Submit date", "Status"], ["B-1", "Basket empties on refresh", "2025-12-12", "Open"],
            ["B-2", "Logo blurred on phones", "2025-12-14", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Bugs": rows}))
    assert {t: str(r["raised_on"]) for t, r in named(sqlite_store, "issues").items()} == {
        "Basket empties on refresh": "2025-12-12", "Logo blurred on phones": "2025-12-14"}


def test_a_tickets_key_under_issue_gives_the_title_to_the_sentence_beside_it(sqlite_store, tmp_path):
    """A tester wrote the tracker's key under "Issue" ("RB-162") and what should happen beside it: the issue was
    titled "RB-162". The sentence titles it, the key is kept in its notes, said once."""
    rows = [["SNo", "Issue", "Expected Result", "My Result", "Status"],
            [1, "RB-162", "The travels page should be displayed.", None, None],
            [2, "RB-170", "The booking form keeps the date typed.", None, None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"Issues": rows}))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"The travels page should be displayed.", "The booking form keeps the date typed."}
    assert "RB-162" in issues["The travels page should be displayed."]["description"]
    assert "tickets' numbers" in plan.sheets[0].note


def test_a_plan_cell_of_no_letter_makes_no_action(sqlite_store, tmp_path):
    """A RAID template's "_" left in Mitigation became an action "_": a cell of no letter or digit is none."""
    rows = [["Risk", "Impact", "Mitigation", "Owner"], ["Data privacy breach", "High", "_", "Project Manager"],
            ["Key supplier late", "Medium", "Agree a second supplier", "Project Manager"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "RAID log.xlsx", {"Risks": rows}))
    assert len(named(sqlite_store, "risks")) == 2
    assert [a["description"] for a in rows_of(sqlite_store, "risk_actions")] == ["Agree a second supplier"]
