"""Unseen set 96's miss classes (registers other than risks) as general rules (unseen96)."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, named
from real_world_factory import write_csv, write_xlsx


def _rated_twice() -> list[list[object]]:
    rows: list[list[object]] = [["Stakeholder", "Position", "Interest 2021", "Interest 2023", "Influence 2021",
                                 "Influence 2023", "Attitude 2021", "Attitude 2023"]]
    people = [("Water board", "Chair", 2, 4, 3, 5, "Neutral", "Supporter"),
              ("Farmers' union", "Secretary", 4, 2, 2, 3, "Supporter", "Critic"),
              ("City council", "Mayor", 1, 3, 5, 4, "Critic", "Neutral"),
              ("Press office", "Head", 3, 3, 2, 2, "Neutral", "Neutral")]
    rows += [list(p) for p in people]
    return rows


def test_a_rating_written_for_two_years_side_by_side_is_read_from_the_latest(sqlite_store, tmp_path):
    """"Interest 2021 | Interest 2023": the latest year's column is the current rating, the earlier kept in the
    notes, said. The first column won before, so the stakeholders came in with their old ratings."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": _rated_twice()}))
    people = named(sqlite_store, "stakeholders")
    assert (people["Water board"]["interest"], people["Water board"]["power"]) == (4, 5)
    assert people["Water board"]["attitude"] == "Supporter"
    assert (people["Farmers' union"]["interest"], people["Farmers' union"]["attitude"]) == (2, "Critic")
    assert "Interest 2021: 2" in people["Water board"]["notes"]
    note = plan.sheets[0].note
    assert "latest year" in note and "“Interest 2023” read as the interest" in note


def test_the_years_written_in_the_other_order_still_read_the_latest(sqlite_store, tmp_path):
    """The later year first ("Power (2024) | Power (2022)"): the column with the latest year is read, wherever
    it stands."""
    rows: list[list[object]] = [["Name", "Power (2024)", "Power (2022)", "Interest"],
                                ["Ana Ruiz", 2, 5, 3], ["Bo Lind", 4, 1, 2], ["Cy Moss", 3, 3, 4]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert people["Ana Ruiz"]["power"] == 2 and people["Bo Lind"]["power"] == 4


def test_a_half_point_rating_is_rounded_said_and_kept_in_the_notes(sqlite_store, tmp_path):
    """3.5 between levels 3 and 4: the register keeps a level, the nearer one (halves up), but the written number
    was lost without a word. Now the report says the rounding and the cell is kept in the notes."""
    rows: list[list[object]] = [["Name", "Role", "Power", "Interest"],
                                ["Ann Lee", "Sponsor", 4.5, 3], ["Bob Roy", "Lead", 2, 3.5], ["Cy Dee", "User", 1, 2]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": rows}))
    people = named(sqlite_store, "stakeholders")
    assert people["Ann Lee"]["power"] == 5 and "Power: 4.5" in people["Ann Lee"]["notes"]
    assert people["Bob Roy"]["interest"] == 4 and "Interest: 3.5" in people["Bob Roy"]["notes"]
    assert not people["Cy Dee"]["notes"]
    assert "between two levels" in plan.sheets[0].note


def test_a_half_point_rating_in_a_csv_is_kept_too(sqlite_store, tmp_path):
    rows: list[list[object]] = [["Stakeholder", "Influence", "Interest"], ["Port authority", "2.5", "4"],
                                ["Harbour pilots", "3", "1"], ["Ferry line", "5", "4.5"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert people["Port authority"]["power"] == 3 and "Influence: 2.5" in people["Port authority"]["notes"]
    assert people["Ferry line"]["interest"] == 5 and "Interest: 4.5" in people["Ferry line"]["notes"]


def test_a_stakeholder_not_assessed_at_all_is_kept(sqlite_store, tmp_path):
    """"NA | NA | No information" in every rating of a row: each says nothing, as an empty cell does, so the
    stakeholder is imported with the words in its notes. Three such cells refused the row before."""
    rows: list[list[object]] = [["Stakeholder", "Interest", "Influence", "Attitude"],
                                ["Health ministry", 4, 5, "Positive"], ["District office", "NA", "NA", "No information"],
                                ["Seed suppliers", 2, 1, "Negative"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert set(people) == {"Health ministry", "District office", "Seed suppliers"}
    office = people["District office"]
    assert office["interest"] is None and office["power"] is None
    assert "No information" in office["notes"]


def _plan_rows(first: str) -> list[list[object]]:
    return [["Communication plan", None, None, None, None],
            [None, None, None, None, None],
            [first, "participants", "purpose", "frequency", "type"],
            ["steering group review", "steering group members", "decisions on scope and budget", "monthly",
             "physical meeting"],
            ["core team stand-up", "project manager, developers", "status and blockers", "weekly", "video call"],
            ["escalation call", "depends on the issue", "resolve blockers", "ad hoc", "phone call"],
            ["newsletter to staff", "all staff", "information", "quarterly", "email update"]]


def test_a_communication_plan_naming_its_meetings_is_read(sqlite_store, tmp_path):
    """"name of meeting or update | participants | purpose | frequency | type" under a title: the meeting's name
    is the message. Only "participants" and "frequency" were known, so the plan was refused whole."""
    import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Sheet1": _plan_rows("name of meeting or update")}))
    comms = named(sqlite_store, "communications")
    assert set(comms) == {"steering group review", "core team stand-up", "escalation call", "newsletter to staff"}
    review = comms["steering group review"]
    assert review["audience"] == "steering group members" and review["frequency"] == "Monthly"
    assert "decisions on scope and budget" in review["notes"]


def test_a_meeting_name_header_in_spanish(sqlite_store, tmp_path):
    rows = _plan_rows("Nombre de la reunión")
    rows[2][1:4] = ["Participantes", "Propósito", "Frecuencia"]
    import_all(sqlite_store, write_xlsx(tmp_path / "plan.xlsx", {"Hoja1": rows}))
    comms = named(sqlite_store, "communications")
    assert "core team stand-up" in comms and comms["core team stand-up"]["frequency"] == "Weekly"


def test_a_pending_decisions_plain_date_is_not_its_day_decided(sqlite_store, tmp_path):
    """A decision log's bare "Date" is the day decided of the decisions taken; a Pending row's date is the day it
    was logged or is needed, so it is kept in the notes and no day decided is stored, said once. It was stored as
    the day decided of a decision not taken."""
    rows: list[list[object]] = [["Decision ID", "Date", "Decision Required", "Decision Owner", "Status"],
                                ["D-01", date(2026, 1, 12), "Pick the hosting region", "Sponsor", "Approved"],
                                ["D-02", date(2026, 2, 2), "Choose the survey vendor", "Research lead", "Approved"],
                                ["D-03", date(2026, 3, 30), "Agree the launch format", "Marketing lead", "Pending"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "decisions.xlsx", {"Decision Log": rows}))
    decisions = by_code(sqlite_store, "decisions")
    assert decisions["D-01"]["status"] == "Decided" and decisions["D-01"]["decided_on"] == date(2026, 1, 12)
    pending = decisions["D-03"]
    assert pending["status"] == "Pending" and pending["decided_on"] is None
    assert "Date: 2026-03-30" in pending["rationale"]
    assert "day decided only of a decision taken" in plan.sheets[0].note


def test_a_short_text_saying_nothing_is_left_empty_and_kept(sqlite_store, tmp_path):
    """"NA" under a stakeholder's position, "n/a" as its contact: the cell says nothing (not available), so the field
    is left empty and the word kept in the notes, said once a column. "NA" was stored as the role."""
    rows: list[list[object]] = [["Stakeholder", "Position", "Contact", "Interest"],
                                ["Planning office", "NA", "plan@example.org", 3],
                                ["Mayor", "Head of council", "n/a", 4],
                                ["Transit agency", "Director", "transit@example.org", 2],
                                ["Residents' forum", "NA", "n/a", 5]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "stakeholders.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert not people["Planning office"]["role"] and "Position: NA" in people["Planning office"]["notes"]
    assert people["Mayor"]["role"] == "Head of council" and not people["Mayor"]["contact"]
    assert not people["Residents' forum"]["role"] and not people["Residents' forum"]["contact"]
    assert people["Transit agency"]["role"] == "Director"
    assert "“Position” says nothing on 2 rows" in plan.sheets[0].note


def test_a_short_text_that_is_a_mark_is_kept_as_written(sqlite_store, tmp_path):
    """A mark with no letter says something in a text: a benefit's unit "%" (or "$") is its unit. Read as saying
    nothing, every "%" unit went to the notes — the office's own export came back changed."""
    rows: list[list[object]] = [["Benefit", "Unit", "Owner"],
                                ["Fewer late payments", "%", "Ana Ruiz"],
                                ["Lower running cost", "$", "Ana Ruiz"],
                                ["Shorter queues", "NA", "Ana Ruiz"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "benefits.xlsx", {"Benefits": rows}))
    benefits = named(sqlite_store, "benefits")
    assert benefits["Fewer late payments"]["unit"] == "%"
    assert benefits["Lower running cost"]["unit"] == "$"
    assert not benefits["Shorter queues"]["unit"]

