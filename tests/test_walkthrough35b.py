"""Walkthrough 35b: what the newcomer's walk 35 found and left — a due date typed "3 Dec" on 5 December stored
a year on, "next Friday" and "Feb" refused as typed dates, an export that printed 75 portrait pages, and the
board pack's residual chart one tall "Not rated" bar. Real key presses on real widgets, real files."""

from __future__ import annotations

from datetime import date

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_date_entry import _records, stored, type_into_cell

from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


@pytest.fixture
def on_a_december_saturday():
    from pmo_desktop.models import clock

    with clock.frozen(date(2026, 12, 5)):  # a Saturday
        yield


TYPED_ON_5_DECEMBER = [  # (register, column, typed, the day meant)
    ("risks", "proximity", "3 Dec", date(2026, 12, 3)),  # just missed: two days overdue, not next year's
    ("risks", "proximity", "1 Jan", date(2027, 1, 1)),  # ahead: next year's
    ("risks", "proximity", "30/11", date(2026, 11, 30)),  # the same rule for a day typed with a slash
    ("risks", "proximity", "15 Jun", date(2027, 6, 15)),  # six months back is no due date just missed
    ("risk_actions", "due", "1 Dec", date(2026, 12, 1)),
    ("benefits", "target_date", "20 Nov", date(2026, 11, 20)),
    ("risks", "proximity", "next Friday", date(2026, 12, 11)),  # on a Saturday only one Friday is next
    ("risks", "proximity", "Friday", date(2026, 12, 11)),
    ("risks", "raised_on", "Friday", date(2026, 12, 4)),  # a date of what happened: the last one
    ("risks", "proximity", "Feb", date(2027, 2, 1)),  # a month alone: its first day, of the year looked to
    ("projects", "start_date", "Jun", date(2027, 6, 1)),  # nearest: 1 Jun 2027 (178 days) not 2026 (187)
]


def test_a_day_typed_without_its_year_a_weekday_and_a_month_read_by_one_rule(qtbot, document,
                                                                             on_a_december_saturday):
    """On 5 December "3 Dec" typed as a risk's proximity was stored 3 Dec 2027: a look-ahead column took the next
    such day, so a date just missed became next year's in silence. It is the nearest such day, leaning ahead — the
    day passed when within three months and nearer. "next Friday", "Friday" and "Feb" were refused as not dates;
    they are read, counted from today, in the way the column looks, and the cell shows the day they became."""
    ids, parents = _records(document)
    views: dict[str, RegisterView] = {}
    got = []
    for register, field, typed, _meant in TYPED_ON_5_DECEMBER:
        if register not in views:
            views[register] = view = RegisterView(document, REGISTERS[register], parent_id=parents.get(register))
            qtbot.addWidget(view)
            view.resize(1280, 500)
            view.show()
        view, rid = views[register], ids[register]
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        type_into_cell(qtbot, view, rid, field, typed)
        got.append(stored(document, register, rid, field))
    assert got == [meant for *_, meant in TYPED_ON_5_DECEMBER]


def test_next_friday_typed_where_it_names_two_fridays_is_refused_naming_both(qtbot, document):
    """On a Tuesday "next Friday" is said for this week's and for next week's: refused naming both, the text kept
    in the cell to put right — never one of them picked in silence."""
    from pmo_desktop.models import clock

    with clock.frozen(date(2026, 12, 8)):  # a Tuesday
        ids, parents = _records(document)
        view = RegisterView(document, REGISTERS["risks"])
        qtbot.addWidget(view)
        view.resize(1280, 500)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        view.select_record(ids["risks"], view.model.column_of("proximity"))
        view.table.setFocus()
        type_keys(qtbot, "next Friday")
        press(qtbot, Qt.Key.Key_Return)
        assert view.table.state() == view.table.State.EditingState
        assert "could be 11 Dec 2026 or 18 Dec 2026" in _note(), _note()
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
        assert stored(document, "risks", ids["risks"], "proximity") is None
