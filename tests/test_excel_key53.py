"""Issue 12, key53: a key to the ratings written under a risk table, its text in the title column ("Probability |
1 = rare | 5 = almost certain", "Impact | 1 = negligible | 5 = severe"), after a blank row or right under the
records, is no record: it came in as two risks named "Probability" and "Impact" (walk40). It is skipped and said,
in any language the words files know; a real risk whose title starts with a rating's name still imports. Each
test writes a workbook of that shape."""

from __future__ import annotations

import pytest
from imported import by_code, import_all
from real_world_factory import write_xlsx

KEY = "a key to the ratings, not a risk."


def _skipped(plan) -> dict[int, str]:
    return {r.report.row: r.report.reason for r in plan.sheets[0].rows if r.report.action.name == "SKIP"}


ENGLISH = (["ID", "Title", "Owner", "Probability", "Impact"],
           [["R-001", "Supplier late", "Ann Lee", 4, 3], ["R-002", "Key engineer leaves", "Bo Chan", 2, 4],
            ["R-003", "Budget cut", "Ann Lee", 3, 5]],
           [[None, "Probability", None, "1 = rare", "5 = almost certain"],
            [None, "Impact", None, "1 = negligible", "5 = severe"]])
GERMAN = (["Nr", "Titel", "Verantwortlich", "Wahrscheinlichkeit", "Auswirkung"],
          [["R-001", "Lieferant verspätet", "Anna Lee", 4, 3], ["R-002", "Ingenieur kündigt", "Bo Chan", 2, 4],
           ["R-003", "Budgetkürzung", "Anna Lee", 3, 5]],
          [[None, "Wahrscheinlichkeit", None, "1 = selten", "5 = fast sicher"],
           [None, "Auswirkung", None, "1 = gering", "5 = schwer"]])
# the key in one cell, or in level words with their meanings
ONE_CELL = (ENGLISH[0], ENGLISH[1], [[None, "Probability", "1 = rare, 5 = almost certain"],
                                     [None, "Impact", "1 = negligible, 5 = severe"]])
LEVEL_WORDS = (ENGLISH[0], ENGLISH[1], [[None, "Likelihood", None, "Low = unlikely", "High = almost certain"],
                                        [None, "Impact", None, "Low: minor", "High: severe"]])


@pytest.mark.parametrize("blank", [True, False], ids=["after a blank row", "right under the records"])
@pytest.mark.parametrize("shape", [ENGLISH, GERMAN, ONE_CELL, LEVEL_WORDS],
                         ids=["English", "German", "one cell", "level words"])
def test_a_key_under_the_risks_is_skipped_and_said(sqlite_store, tmp_path, shape, blank):
    """The key's rows are skipped with their reason, the risks above them come in as written and nothing
    else: before, the key's two rows were two risks, rated 1 and 5 from "1 = rare" and "5 = almost certain"."""
    header, records, key = shape
    rows = [header, *records, *([[]] if blank else []), *key]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": rows})
    plan = import_all(sqlite_store, book)
    first_key = len(records) + 2 + (1 if blank else 0)
    skipped = _skipped(plan)
    assert [skipped.get(first_key), skipped.get(first_key + 1)] == [KEY, KEY]
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == [r[0] for r in records]
    assert [risks[r[0]]["title"] for r in records] == [r[1] for r in records]
    assert [(risks[r[0]]["probability"], risks[r[0]]["impact"]) for r in records] == [(r[3], r[4]) for r in records]


def test_a_risk_titled_by_a_rating_with_its_ratings_still_imports(sqlite_store, tmp_path):
    """A title that starts with a rating's name ("Impact on schedule of late permits"), or is one ("Impact",
    rated 3 and 4), rated with numbers or level words, is a risk: only cells explaining a scale's steps make a key."""
    header, records, key = ENGLISH
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        header, *records, ["R-004", "Impact on schedule of late permits", "Cy Diaz", 2, 2],
        ["R-005", "Impact", "Cy Diaz", 3, 4], ["R-006", "Probability", "Ann Lee", "High", "Low"], [], *key]})
    plan = import_all(sqlite_store, book)
    assert set(_skipped(plan).values()) == {KEY}
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R-001", "R-002", "R-003", "R-004", "R-005", "R-006"]
    assert risks["R-004"]["title"] == "Impact on schedule of late permits"
    assert (risks["R-004"]["probability"], risks["R-004"]["impact"]) == (2, 2)
    assert (risks["R-005"]["title"], risks["R-005"]["probability"], risks["R-005"]["impact"]) == ("Impact", 3, 4)
    assert risks["R-006"]["title"] == "Probability" and risks["R-006"]["probability"] == 4


def test_a_key_numbering_its_steps_tells_the_scale_as_a_legend_does(sqlite_store, tmp_path):
    """A key numbering a rating's steps 1 … 3 ("1 = rare", "3 = likely") tells a 1–3 scale, read as a legend's
    is (scale51): the sheet's 3 is high (4), not the office's middle, and said once a column. Before, the key's
    rows were risks and the sheet's 3 × 3 read as the office's Medium."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Title", "Owner", "Probability", "Impact"],
        ["R-001", "Supplier late", "Ann Lee", 3, 3], ["R-002", "Key engineer leaves", "Bo Chan", 2, 3],
        ["R-003", "Budget cut", "Ann Lee", 1, 1], [],
        [None, "Probability", None, "1 = rare", "3 = likely"],
        [None, "Impact", None, "1 = minor, 2 = moderate", "3 = severe"]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Probability: a 1–3 scale (from the legend) read as 2, 3, 4 on the office's 1–5." in note
    assert "Impact: a 1–3 scale (from the legend) read as 2, 3, 4" in note
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R-001", "R-002", "R-003"]
    assert [(risks[c]["probability"], risks[c]["impact"]) for c in sorted(risks)] == [(4, 4), (3, 4), (2, 2)]
