"""Registers ruled out by a better header above (round speed55, issue 16): once a header of the sheet scores more
than a register's header could (``_score_ceiling``), the rows below are not read as that register. The header
found must be the one the full rules find, wherever it stands: low on the sheet, in a late column, under a band,
under a title row, below another register's table."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

from pmo_desktop.excel import header_detection as hd
from pmo_desktop.excel.header_detection import ALL_KINDS, ENGAGE, HeaderMatch, detect_header

# a risk register's columns that do not say its noun (a header saying it would keep the risks for the sheet,
# whatever its name: _named_sheet), and one row of values under them
_RISK_HEADER = ["ID", "Title", "Category", "Project", "Owner", "Raised", "Likelihood", "Impact", "Response", "Status",
                "Cause", "Event", "Effect", "Proximity", "Trigger", "Residual likelihood", "Residual impact",
                "Impact areas", "Next review", "Last reviewed", "Level"]


def _risk_row(n: int) -> list[Any]:
    return [f"R-{n}", f"Supplier {n} may slip", "Technical", "Alpha", f"Owner {n}", date(2025, 1, n), "High", "Low",
            "Reduce", "Open", "Stretched supplier", f"Delivery {n} slips", "Late go-live", "Near", "Missed date",
            "Low", "Low", "Cost", date(2025, 6, n), date(2025, 5, n), "Project"]


_MILESTONE_HEADER = ["ID", "Milestone", "Project", "Owner", "Baseline", "Forecast", "Actual", "Slip (days)", "State",
                     "Notes"]


def _milestone_row(n: int) -> list[Any]:
    return [f"M-{n}", f"Stage gate {n} passed", "Alpha", f"Owner {n}", date(2025, 2, n), date(2025, 3, n),
            date(2025, 3, n + 1), n, "On track", f"note {n}"]


def _sheet(risk_columns: int, low: int = 0, late: int = 0, band: bool = False, title: bool = True) -> list[list[Any]]:
    """A table of risks (its first ``risk_columns`` columns) above a table of milestones: ``low`` empty rows
    more between them, both ``late`` columns to the right, a band over the milestones' dates, a title row on top."""
    width = late + max(risk_columns, len(_MILESTONE_HEADER))

    def placed(cells: list[Any]) -> list[Any]:
        return ([None] * late + cells + [None] * width)[:width]

    rows = [placed(["Programme tracker — December"])] if title else []
    # as many risks as a header's values are judged by (SAMPLE): the milestones below are none of them
    rows += [placed(_RISK_HEADER[:risk_columns])] + [placed(_risk_row(n)[:risk_columns]) for n in range(1, hd.SAMPLE + 1)]
    rows += [[None] * width for _ in range(1 + low)]
    if band:
        rows.append(placed([None, None, None, None, "Dates", None, None, None, None, None]))
    rows += [placed(_MILESTONE_HEADER)] + [placed(_milestone_row(n)) for n in range(1, 6)]
    return rows


_PLACES = [{}, {"low": 8}, {"late": 4}, {"band": True}, {"title": False}, {"low": 3, "late": 2, "band": True}]


def _full_rules(monkeypatch: pytest.MonkeyPatch, rows: list[list[Any]], title: str, **kw: Any) -> HeaderMatch | None:
    """The header every register's rules find on every row, none ruled out."""
    with monkeypatch.context() as m:
        m.setattr(hd, "_score_ceiling", lambda *_: math.inf)
        return detect_header(rows, title, **kw)


def test_ceiling_is_the_most_a_header_can_score() -> None:
    """Every name a register's mapping can fill read, its title among them, its noun said in the title's
    header (an issue tracker's header too), the sheet or the file named as it: no more than its ceiling."""
    for kind in ALL_KINDS:
        if kind.register == "risks":
            assert hd._score_ceiling(kind, "Sheet1", None) == math.inf  # response plans add a half each
            continue
        names = [*kind.reg.field_names, "", f"{ENGAGE}Supportive"]
        mapping = dict(enumerate(names))
        title = next((f.name for f in kind.reg.fields if f.required), None)
        row: list[Any] = [f"{kind.reg.noun} {n}" if n == title else n for n in names] + ["Tracker"]
        for sheet, file_name in ((kind.reg.title, None), ("Sheet1", f"{kind.reg.title}.xlsx"), ("Sheet1", None)):
            most = hd._score(kind, mapping, sheet, file_name) + hd._noun_bonus(kind, row, mapping)
            assert most <= hd._score_ceiling(kind, sheet, file_name), (kind.register, sheet, file_name)


@pytest.mark.parametrize("place", _PLACES)
def test_register_below_a_header_scoring_more_than_its_ceiling(monkeypatch: pytest.MonkeyPatch,
                                                               place: dict[str, Any]) -> None:
    """The risks' header above scores more than the milestones' could: the sheet (or, its own name saying
    nothing, the workbook) named "Milestones" still makes the milestones below its register, as with every
    register tried on every row."""
    rows = _sheet(len(_RISK_HEADER), **place)
    milestones_at = next(i for i, r in enumerate(rows) if "Milestone" in r) + 1
    for title, book in (("Milestones", None), ("Data", "Milestones")):
        full = _full_rules(monkeypatch, rows, title, book=book)
        found = detect_header(rows, title, book=book)
        assert full is not None and (full.kind.register, full.row) == ("milestones", milestones_at)
        assert repr(found) == repr(full)


@pytest.mark.parametrize("place", _PLACES)
def test_register_below_a_lesser_header(monkeypatch: pytest.MonkeyPatch, place: dict[str, Any]) -> None:
    """A milestone plan read whole (its ten fields, its title saying the noun) below a risks' header of fewer
    columns, on a sheet whose name says neither: the milestones outscore the risks by a point; every point of
    their ceiling is reached for, none left out."""
    rows = _sheet(10, **place)
    milestones_at = next(i for i, r in enumerate(rows) if "Milestone" in r) + 1
    full = _full_rules(monkeypatch, rows, "Sheet1")
    found = detect_header(rows, "Sheet1")
    assert full is not None and (full.kind.register, full.row) == ("milestones", milestones_at)
    assert repr(found) == repr(full)


def test_rows_below_the_header_same_as_full_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each register's own table at each place, under the other registers' rows ruled out: the same header."""
    for kind in ALL_KINDS:
        if kind.is_child:
            continue
        header = [f.label for f in kind.reg.fields][:12]
        values = [[f"{label} {n}" if i else f"X-{n}" for i, label in enumerate(header)] for n in range(1, 8)]
        for place in _PLACES:
            late = place.get("late", 0)
            rows = [[None] * late + ["Register — December"] + [None] * (len(header) - 1)] \
                if place.get("title", True) else []
            rows += [[None] * (late + len(header)) for _ in range(place.get("low", 0))]
            if place.get("band"):
                rows.append([None] * late + [None, "Details"] + [None] * (len(header) - 2))
            rows += [[None] * late + header] + [[None] * late + r for r in values]
            full = _full_rules(monkeypatch, rows, "Sheet1")
            assert repr(detect_header(rows, "Sheet1")) == repr(full), (kind.register, place)
