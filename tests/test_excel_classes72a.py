"""Issue 12, classes72a: unseen set 72's largest miss classes as general rules — a scale legend beside the table
pairs a rating's decimals with level words ("0.8 | Almost Certain"), a text "Impact" column beside a rated one is
the risk's effect, and a row explaining each column under an empty template's header is no record. Each test
writes a workbook of the shape (never a fetched file) and failed on the code before (main a57a92c5)."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

_RATED = [
    ("Vendor misses the hosting deadline", 0.8, 0.4),
    ("Key developer leaves mid-release", 0.6, 0.8),
    ("Scope grows after sign-off", 0.4, 0.2),
    ("Test data is not anonymised in time", 0.2, 0.8),
]


def _legend_beside() -> list[list[object]]:
    """A risk table of decimals, a probability legend down two columns right of it (the number, then its word)
    and an impact legend along two rows under that (the words over their numbers)."""
    rows: list[list[object]] = [["Risk", "Probability", "Impact", "Score", None, None, None, None, None, None]]
    rows += [[t, p, i, p * i, None, None, None, None, None, None] for t, p, i in _RATED]
    rows += [[None] * 10 for _ in range(4)]
    for r, (n, word) in enumerate([(0.9, "Almost certain"), (0.7, "Likely"), (0.5, "Possible"),
                                   (0.3, "Unlikely"), (0.1, "Rare")], start=1):
        rows[r][5:7] = [n, word]
    rows[6][5:10] = ["Negligible", "Minor", "Moderate", "Major", "Severe"]
    rows[7][5:10] = [0.05, 0.1, 0.2, 0.4, 0.8]
    # the probability legend's numbers are 0.1 … 0.9; the table's 0.2 … 0.8 are other numbers: only the impact
    # legend fits its column, the probability is read as before (per cent)
    return rows


def test_a_legend_beside_the_table_gives_each_decimal_its_level(sqlite_store, tmp_path):
    """0.8 under "Impact" beside a legend "Negligible … Severe" over "0.05 … 0.8" is the fifth level, 0.4 the
    fourth, 0.2 the third — not 4, 2 and 1 as per cent; the notes say what each number became and keep it."""
    result = import_all(sqlite_store, write_xlsx(tmp_path / "analysis.xlsx", {"Sheet1": _legend_beside()}))
    risks = named(sqlite_store, "risks")
    assert [risks[t]["impact"] for t, _p, _i in _RATED] == [4, 5, 3, 5]
    # the probability legend holds no 0.2, 0.4, 0.6 or 0.8: that column is read as per cent, as before
    assert [risks[t]["probability"] for t, _p, _i in _RATED] == [4, 3, 2, 1]
    note = result.sheets[0].note
    assert "Impact 0.2–0.8 read as the levels of the legend beside the table (0.05 Negligible, 0.1 Minor, " \
           "0.2 Moderate, 0.4 Major, 0.8 Severe): 0.2 → 3" in note
    assert "Impact: 0.8" in risks["Key developer leaves mid-release"]["notes"]


def test_a_probability_legend_is_not_read_for_the_impact(sqlite_store, tmp_path):
    """A legend of probability words (0.2 Unlikely … 0.8 Almost certain) holds the probability's numbers and the
    impact's: it is the probability's scale only, and the impact, with no legend of its own and no PMBOK values,
    stays per cent."""
    rows = _legend_beside()
    for r, (n, word) in enumerate([(0.8, "Almost certain"), (0.6, "Likely"), (0.4, "Possible"),
                                   (0.2, "Unlikely"), (0.1, "Rare")], start=1):
        rows[r][5:7] = [n, word]
    rows[6][5:10] = rows[7][5:10] = [None] * 5
    rows[4][2] = 0.6  # an impact of 0.6 is none of PMBOK's
    import_all(sqlite_store, write_xlsx(tmp_path / "analysis.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert [risks[t]["probability"] for t, _p, _i in _RATED] == [5, 4, 3, 2]
    assert [risks[t]["impact"] for t, _p, _i in _RATED] == [2, 4, 1, 3]


def test_pmbok_values_with_no_legend_are_its_levels(sqlite_store, tmp_path):
    """With no legend, an impact column of PMBOK's values (0.05, 0.1, 0.2, 0.4, 0.8) is read on PMBOK's scale,
    0.8 the fifth level and 0.2 the third, said in the notes; a column of two such values says too little and
    stays per cent."""
    rows: list[list[object]] = [["Risk", "Probability", "Impact"],
                                ["Vendor misses the hosting deadline", 0.9, 0.8],
                                ["Key developer leaves mid-release", 0.5, 0.2],
                                ["Scope grows after sign-off", 0.1, 0.05],
                                ["Test data is not anonymised in time", 0.3, 0.1]]
    result = import_all(sqlite_store, write_xlsx(tmp_path / "pmbok.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert [risks[t[0]]["impact"] for t in rows[1:]] == [5, 3, 1, 2]
    assert [risks[t[0]]["probability"] for t in rows[1:]] == [5, 3, 1, 2]
    assert "Impact 0.05–0.8 read as PMBOK's impact scale" in result.sheets[0].note


def test_a_text_impact_beside_a_rated_impact_is_the_effect(sqlite_store, tmp_path):
    """"Impact" holding what would follow ("Release slips by a sprint") beside "Impact on the Project" holding the
    levels: the levels are the impact, the sentences the risk's effect — not notes."""
    rows = [["Risk", "Probability", "Impact", "Mitigate", "Owner", "Impact on the Project"],
            ["Hosting contract not signed", "Medium", "Release slips by a sprint and the demo moves", "Escalate to "
             "the sponsor this week", "Ana", "High"],
            ["Designer leaves the team", "Low", "Screens are not ready for the user tests", "Pair on the design "
             "system", "Ben", "Medium"],
            ["Payment API changes", "High", "Checkout fails for card payments", "Pin the API version", "Ana",
             "Catastrophic"],
            ["Laptop stolen", "Low", "Loss of local work", "Back up daily", "Ben", "Low"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert risks["Hosting contract not signed"]["effect"] == "Release slips by a sprint and the demo moves"
    assert risks["Laptop stolen"]["effect"] == "Loss of local work"
    assert (risks["Payment API changes"]["impact"], risks["Designer leaves the team"]["impact"]) == (5, 3)


def test_a_row_explaining_each_column_of_an_empty_template_is_no_record(sqlite_store, tmp_path):
    """An empty template's header, a row under it saying what each column holds ("Unique reference ID", "Who
    owns this item?", "Date the item was raised.", a priority's choices one a line) and numbered empty rows: the
    row is skipped with its reason, no record and no person made of it."""
    rows: list[list[object]] = [
        ["Ref ID", "Owner", "Date Raised", "Description", "Priority", "Due Date", "Status"],
        ["Unique reference ID", "Who owns this item?", "Date the item was raised.", "What has to be done, in full.",
         "Critical\nHigh\nMedium\nLow", "Date the item is due by.", "Current status of the item."],
        *[[n, None, None, None, None, None, None] for n in range(1, 8)],
    ]
    result = import_all(sqlite_store, write_xlsx(tmp_path / "items.xlsx", {"Items": rows}))
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "issues") == []
    assert rows_of(sqlite_store, "people") == []
    sheet = result.sheets[0]
    skipped = {r.report.row: r.report.reason for r in sheet.rows if r.report.action.name == "SKIP"}
    assert "explains what each column holds" in skipped[2]

    # records below it: a first row whose cells say their headers' words ("Risk of …", "Impact on …?") is a
    # record like the rows under it — the rule is for an empty template's lone row only
    rows = [["Risk", "Impact", "Mitigation", "Owner"],
            ["Risk of the vendor missing the deadline", "Impact on the launch date?", "Mitigation: weekly calls",
             "Ana"],
            ["Designer leaves", "Screens late", "Pair on the design", "Ben"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Sheet1": rows}))
    assert "Risk of the vendor missing the deadline" in named(sqlite_store, "risks")
