"""Issue 12: what a newcomer saw the import change without a word (walk36; docs/import-rounds.md, "What the import
changed without a word (left48b)"): each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

from cli_runner import run_cli
from imported import by_code, import_all
from real_world_factory import write_xlsx


def test_a_probability_written_as_a_fraction_is_said_and_kept(sqlite_store, tmp_path):
    """0.4 in a "Probability" column became "2 – Low" with nothing kept nor said. The reading is said once for the
    column, with each level's band, and each cell's number is kept in the notes under its header."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["No", "Risk", "Owner", "Probability", "Impact"],
        ["R1", "Requirements are impossible to achieve", "Pippin", 0.4, "High"],
        ["R2", "Scope doesn't meet requirements", "Frodo", 0.1, "High"],
        ["R3", "Scope creep occurs", "Sam", 0.9, "Medium"]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Probability 0.1–0.9 read as per cent: 0.1 → 1 – Very low (0–20 %); 0.4 → 2 – Low (21–40 %); " \
           "0.9 → 5 – Very high (81–100 %)" in note
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["probability"] == 2 and "Probability: 0.4" in risks["R1"]["notes"]
    assert "Probability: 0.9" in risks["R3"]["notes"]


def test_a_score_of_ten_rescaled_onto_five_levels_is_said_and_kept(sqlite_store, tmp_path):
    """The same for a 1–10 score put onto the register's five levels: 7 and 8 both become 4 – High."""
    book = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact"],
        ["R1", "Vendor late", 7, 3], ["R2", "Budget cut", 8, 2], ["R3", "Key person leaves", 2, 9]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "read as a score of 1–10" in note and "7–8 → 4 – High" in note
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["probability"] == 4 and "Likelihood: 7" in risks["R1"]["notes"]


def test_an_issue_logs_impact_is_its_priority(sqlite_store, tmp_path):
    """A RAID log's issues' "Impact (High/Med/Low)" went to the notes: an issue has happened, so its impact is how
    much it matters now, the issue's priority."""
    book = write_xlsx(tmp_path / "RAID Log.xlsx", {"Issues": [
        ["ID", "Issue Description", "Impact (High/Med/Low)", "Status (Open/In Progress/Closed)", "Owner"],
        ["I1", "Server outage", "High", "Open", "Ann"],
        ["I2", "Late invoices", "Med", "Closed", "Bob"],
        ["I3", "Typo on the site", "Low", "Open", "Ann"]]})
    import_all(sqlite_store, book)
    issues = by_code(sqlite_store, "issues")
    assert [issues[c]["priority"] for c in ("I1", "I2", "I3")] == ["High", "Medium", "Low"]
    assert "Impact" not in (issues["I1"]["description"] or "")


def test_the_command_line_says_what_the_preview_says(tmp_path):
    """``pmo-desktop import --dry-run`` said "will update R1 — no changes." of a row the preview calls unchanged,
    and not the preview's "Set on the N new …" / "Left not assessed …" lines: all now come from the plan, worded
    once."""
    write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": [
        ["ID", "Name", "Role"], ["S1", "Ann Lee", "Sponsor"], ["S2", "Bob Stone", "Finance lead"]]})
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    first = run_cli("import", "office.pmo", "stakeholders.xlsx", "--dry-run", cwd=tmp_path, ok=True).stdout
    assert ("Left not assessed on the 2 new stakeholders, as no column of the workbook gives it: Attitude, Current "
            "engagement, Desired engagement.") in first  # the preview's line (unassessed47: no level made up)
    assert "Attitude “Neutral”" not in first
    run_cli("import", "office.pmo", "stakeholders.xlsx", cwd=tmp_path, ok=True)
    again = run_cli("import", "office.pmo", "stakeholders.xlsx", "--dry-run", cwd=tmp_path, ok=True).stdout
    assert "Stakeholders row 2: unchanged S1" in again and "will update" not in again


def test_a_note_above_the_header_is_shown_as_not_imported(sqlite_store, tmp_path):
    """"NB: Frodo, Sam, Pippin and Bilbo are the project management team" above a risk register's header was
    dropped without a word. Every line of text above the header is said as not imported (the sheet's own name as
    its title is not), in the preview and the command line's report alike."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        [None, None, None],
        ["Risk Register", None, None],
        ["NB: Frodo, Sam, Pippin and Bilbo   are the project management team", None, None],
        ["No", "Risk", "Owner"],
        ["R1", "Requirements are impossible to achieve", "Pippin"]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Not imported, above the header: “NB: Frodo, Sam, Pippin and Bilbo are the project management team”." \
        in note
    assert "“Risk Register”" not in note
    assert by_code(sqlite_store, "risks")["R1"]["title"] == "Requirements are impossible to achieve"
    run_cli("new", "cli.pmo", cwd=tmp_path, ok=True)
    said = run_cli("import", "cli.pmo", book, "--dry-run", cwd=tmp_path, ok=True).stdout
    assert "Not imported, above the header: “NB: Frodo" in said
