"""Issue 16, round fastkept49: a row whose only difference from an ordinary row is a word of a column of choices
read as another choice ("T" as Threat, "Programme" as Program, "Mitigated" as Closed, "Mitigate" as Reduce) is
planned in one step (``Planner._plan_ordinary``), its word kept in the notes and counted for the preview's line
exactly as the full way keeps and counts it (heldout50). The same workbook planned and imported with the step and
without it (``Planner.ordinary_rows``) gives the same plan, preview line, records, notes and history."""

from random import Random

import pytest
from test_import_ordinary_rows import (
    HEADER,
    TAKEN,
    db_state,
    import_both,
    new_store,
    ordinary_rows,
    plan_both,
    plan_state,
    workbook,
)

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import plan_import

THREAT, LEVEL, RESPONSE, STATUS = (HEADER.index(h) for h in ("Threat / opportunity", "Level", "Response", "Status"))


@pytest.fixture
def stores(tmp_path):
    """Two offices: the first planned with the step, the second without it (``plan_both``)."""
    pair = [new_store(tmp_path / "on.pmo"), new_store(tmp_path / "off.pmo")]
    yield pair
    for s in pair:
        s.close()


def with_other_words(seed: int, n: int, start: int = 1) -> list[list]:
    """Ordinary rows, some of whose choices are written as words the office reads as another choice."""
    rng = Random(seed)
    rows = ordinary_rows(n, seed, start)
    for row in rows:
        if rng.random() < 0.6:
            row[THREAT] = rng.choice(["T", "Threat"]) if row[THREAT] != "Opportunity" else "Opportunity"
        if rng.random() < 0.5:
            row[LEVEL] = rng.choice(["Programme", "Program", "Project"])
        if rng.random() < 0.5 and row[THREAT] != "Opportunity":  # (an opportunity is not reduced: the full way)
            row[RESPONSE] = rng.choice(["Mitigate", "Accept", None])
        if rng.random() < 0.5:
            row[STATUS] = rng.choice(["Mitigated", "Closed", "Live", "Open"])
    return rows


def notes_of(store) -> dict[str, str]:
    return {r["code"]: r["notes"] or "" for r in db_state(store)["risk"]}


def test_the_step_keeps_and_says_a_word_read_as_another_choice_as_the_full_way(stores, tmp_path, monkeypatch):
    rows = with_other_words(16, 80)
    path = workbook(tmp_path / "words.xlsx", rows)
    plan, result = import_both(stores, monkeypatch, path)
    assert result["inserted"] == 80 and plan.count(Action.INSERT) == 80
    # every row below the first in one step (heldout50 sent each row of such a word the full way)
    assert TAKEN[0] == 79
    notes = notes_of(stores[0])
    assert notes == notes_of(stores[1])
    mitigated = [r[0] for r in rows if r[STATUS] == "Mitigated"]
    assert mitigated and all("Status: Mitigated" in notes[code] for code in mitigated)
    assert all("Status:" not in notes[r[0]] for r in rows if r[STATUS] in ("Open", "Closed"))
    # the preview's line, each word with its rows counted, by the step as by the full way
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, path))
    said = [p.sheets[0].note for p in plans]
    assert said[0] == said[1]
    assert f"“Mitigated” read as Closed ({len(mitigated)} rows)" in said[0]


def test_a_re_import_with_edited_words_the_same_both_ways(stores, tmp_path, monkeypatch):
    import_both(stores, monkeypatch, workbook(tmp_path / "first.xlsx", with_other_words(3, 40)))
    edited = with_other_words(4, 40) + with_other_words(5, 10, start=100)
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, workbook(tmp_path / "edited.xlsx", edited)))
    assert plan_state(plans[0]) == plan_state(plans[1])
    assert plans[0].sheets[0].note == plans[1].sheets[0].note
    assert TAKEN[0] >= 40
    plan, _result = import_both(stores, monkeypatch, tmp_path / "edited.xlsx")
    assert plan.sheets[0].note
    assert notes_of(stores[0]) == notes_of(stores[1])
