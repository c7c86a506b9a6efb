"""Issue 12, classes58a: known small miss classes as general rules — a person's cell naming no one, a plan going on
after "no further action", quarters with two-figure or fiscal years, a status saying nothing. Each test writes a
workbook of the shape (never a fetched file) and failed on the code before (main 95774ab)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

NO_ONE = {
    "en": (["ID", "Risk", "Owner", "Probability", "Impact", "Comments"],
           ["N/A", "n/a", "NA", "—", "TBD", "TBC", "none", "nobody", "unassigned", "to be assigned", "?"]),
    "de": (["Nr.", "Risiko", "Verantwortlich", "Wahrscheinlichkeit", "Auswirkung", "Bemerkungen"],
           ["k.A.", "N.N.", "niemand", "nicht zugewiesen", "keine"]),
}


@pytest.mark.parametrize("language", sorted(NO_ONE))
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_person_cell_naming_no_one_makes_no_person(sqlite_store, tmp_path, language, suffix):
    """An owner written "N/A", "TBD", "nobody", "?" (or "k.A.", "nicht zugewiesen") made a person of that name, who
    then owned those risks. Such a cell in a column of people names no one: the risk has no owner, no person is
    made, the sheet says how many cells were read so. "N/A" in the comments is the sheet's text, kept."""
    header, words = NO_ONE[language]
    rows = [header, ["1", "Supplier delay", "Alice Smith", 3, 4, "N/A"]]
    rows += [[str(i), f"Risk number {i}", word, 2, 3, "N/A"] for i, word in enumerate(words, start=2)]
    rows.append([str(len(words) + 2), "Office move", "Bob Jones", 2, 2, "Agreed with facilities"])
    book = write_xlsx(tmp_path / f"risks.{suffix}", {"Risks": rows}) if suffix == "xlsx" else \
        write_csv(tmp_path / f"risks.{suffix}", rows)
    plan = import_all(sqlite_store, book)
    assert sorted(p["name"] for p in rows_of(sqlite_store, "people")) == ["Alice Smith", "Bob Jones"]
    risks = by_code(sqlite_store, "risks")
    assert len(risks) == len(words) + 2
    assert all(risks[str(i)]["owner"] is None for i in range(2, len(words) + 2))
    assert risks["1"]["owner"] == "Alice Smith"
    assert "N/A" in risks["2"]["notes"]  # the comments' "N/A" is text
    assert f"“{header[2]}” names no one on {len(words)} rows" in plan.sheets[0].note


def test_an_action_owner_naming_no_one_leaves_the_action_without_one(sqlite_store, tmp_path):
    """The same in a risk's action columns: "TBD" under "Action Owner" made a person "TBD" doing the action."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Probability", "Impact", "Mitigation Plan", "Action Owner", "Action Due"],
        ["R1", "Supplier delay", 3, 4, "Line up a second supplier", "Alice Smith", date(2026, 5, 1)],
        ["R2", "Office move", 2, 2, "Book the movers early", "TBD", date(2026, 6, 1)]]})
    import_all(sqlite_store, book)
    assert [p["name"] for p in rows_of(sqlite_store, "people")] == ["Alice Smith"]
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert actions["Book the movers early"]["actionee"] is None


NOT_ACTED_ON = [("R1", "Supplier delay", "No further action; escalate to the sponsor", True),
                ("R2", "Vendor silence", "No further action is possible until the vendor replies; escalate to the "
                                         "sponsor", True),
                ("R3", "Scope creep", "No action required. Continue to monitor at each steering meeting", True),
                ("R4", "Printer jams", "Accepted, no further action", False),
                ("R5", "Late invoices", "No action required (low score).", False),
                ("R6", "Office move", "Not handled – green zone", False)]


def test_a_plan_going_on_after_no_further_action_makes_its_action(sqlite_store, tmp_path):
    """classes55a made a plan one of whose parts says nothing is done ("no further action") no action — also when
    the text goes on to a step of its own: "No further action; escalate to the sponsor" lost its action. The
    phrase says nothing is done only as the text's last say: a reason or strategy before it, a bracketed aside
    or a qualifier of two words after it."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Mitigation Plan", "Probability", "Impact"],
        *[[c, t, p, 2, 3] for c, t, p, _acted in NOT_ACTED_ON]]})
    plan = import_all(sqlite_store, book)
    actions = [p.values["description"] for s in plan.sheets if s.register == "risk_actions" for p in s.rows]
    assert actions == [p for _c, _t, p, acted in NOT_ACTED_ON if acted]
    assert "“Mitigation Plan” says on 3 rows that nothing is done" in plan.sheets[0].note


TWO_FIGURE = [("Q2 25", date(2025, 6, 30)), ("Q2 '25", date(2025, 6, 30)), ("Q3/25", date(2025, 9, 30)),
              ("Q4-25", date(2025, 12, 31)), ("2026-Q1", date(2026, 3, 31)), ("26Q2", date(2026, 6, 30)),
              ("Q1 2026", date(2026, 3, 31))]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_quarter_with_a_two_figure_year_is_its_last_day(sqlite_store, tmp_path, suffix):
    """"Q2 2025" was read as 30 June 2025 (classes55b), "Q2 25", "Q2 '25", "Q3/25", "26Q2" were no date: the column
    was kept in the notes whole. A two-figure year is read as the import reads a date's (Excel's 00–29 → 20xx)."""
    rows = [["ID", "Risk", "Probability", "Impact", "Target date"],
            *[[f"R{i}", f"Risk number {i}", 2, 3, q] for i, (q, _day) in enumerate(TWO_FIGURE, start=1)]]
    book = write_xlsx(tmp_path / f"risks.{suffix}", {"Risks": rows}) if suffix == "xlsx" else \
        write_csv(tmp_path / f"risks.{suffix}", rows)
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[f"R{i}"]["proximity"] for i in range(1, len(TWO_FIGURE) + 1)] == [d for _q, d in TWO_FIGURE]
    assert "Target date: Q2 '25" in risks["R2"]["notes"]
    assert "a quarter read as its last day" in plan.sheets[0].note


def test_a_fiscal_quarter_gives_no_date_and_keeps_its_record(sqlite_store, tmp_path):
    """"Q2 FY2025", "FY25 Q2", "Q2 2025/26" refused their rows ("not a date"). A fiscal year's quarter has the days
    of the organisation's year, which the workbook does not give: decided, no day is guessed — the date is left
    empty, the cell kept in the notes, the column's fiscal quarters said once. "Q5 25" is a quarter mistyped, as
    "31/13/2026" is a date mistyped: refused, to be put right."""
    fiscal = ["Q2 FY2025", "FY25 Q2", "Q2 FY25", "Q2 2025/26"]
    book = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["ID", "Risk", "Probability", "Impact", "Target date"],
        ["R1", "Supplier delay", 3, 4, "Q1 2026"],
        *[[f"R{i}", f"Risk number {i}", 2, 3, q] for i, q in enumerate(fiscal, start=2)],
        ["R9", "Typo in the quarter", 2, 2, "Q5 25"]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["proximity"] == date(2026, 3, 31)
    for i, q in enumerate(fiscal, start=2):
        assert risks[f"R{i}"]["proximity"] is None
        assert f"Target date: {q}" in risks[f"R{i}"]["notes"]
    assert "R9" not in risks
    assert "4 cells name a quarter of a fiscal year" in plan.sheets[0].note


def test_a_status_saying_nothing_keeps_its_record(sqlite_store, tmp_path):
    """A risk's status "N/A" (or "TBD", "?") refused its row — the record lost in a partial import — where "-" came
    in Open, as an empty cell does. Such a word says nothing of the status: the risk comes in at the default, the
    word kept in its notes and said in its row."""
    book = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["ID", "Risk", "Probability", "Impact", "Status"],
        ["R1", "Supplier delay", 3, 4, "Open"],
        ["R2", "Office move", 2, 2, "N/A"],
        ["R3", "Printer jams", 1, 2, "Closed"],
        ["R4", "Late invoices", 2, 3, "TBD"],
        ["R5", "Vendor silence", 2, 3, "?"]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["status"] for c in ("R1", "R2", "R3", "R4", "R5")] == ["Open", "Open", "Closed", "Open", "Open"]
    assert "Status: N/A" in risks["R2"]["notes"]
    said = {r.report.code: r.report.reason for r in plan.sheets[0].rows}
    assert "left at “Open”" in said["R2"]
