"""Walkthrough 31: what a newcomer tripped on in walkthrough 30 — a text typed into a choice cell that begins no
choice vanished from the cell, Tab on the Risks page went back up from the table to the buttons above it, and a
day and month typed without a year in a project's dates took this year's, "30 Jan" in December eleven months
back. Real key presses on real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from screens import screens, settle

from pmo_desktop.views.reading_order import takes_tab
from pmo_desktop.views.register_table import RegisterView

CTRL = Qt.KeyboardModifier.ControlModifier


def _tab_stops(page: QWidget) -> list[QWidget]:
    """Every control of the page shown that Tab should stop at: shown, enabled, taking focus by Tab — a control's
    own inner widgets (a combo's line edit, a table's editor) not counted apart."""
    stops = [w for w in page.findChildren(QWidget) if takes_tab(w)]  # never asked focusProxy() here (crash45)
    return [w for w in stops if not any(o is not w and o.isAncestorOf(w) for o in stops)]


def _box(w: QWidget, page: QWidget) -> QRect:
    return QRect(w.mapTo(page, QPoint(0, 0)), w.size())


def _walk(qtbot, window, page: QWidget) -> list[QWidget]:
    """From the page list, Tab until the keyboard leaves the page: the controls met, in order. Tab moves from
    cell to cell in a register's table, as in Excel; Ctrl+Tab leaves it (as the README says)."""
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    met: list[QWidget] = []
    for _ in range(80):
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus, Qt.Key.Key_Tab, CTRL if getattr(focus, "tabKeyNavigation", lambda: False)() else
                       Qt.KeyboardModifier.NoModifier)
        settle(qtbot, 5)
        focus = QApplication.focusWidget()
        if focus is None or not page.isAncestorOf(focus):
            break
        met.append(focus)
    return met


def test_tab_walks_every_register_page_as_it_reads(demo_window, qtbot):
    """Tab from the Risks table's ✱ line went back up to the Escalate… and Scale… buttons above the table before
    the detail panel below (made after the table, they came after it in Qt's order); the RAID page's Rules…, the
    Benefits page's Status thresholds… were reached after the table, and the stakeholders' engagement matrix
    kept the keyboard for ever. On every register page, each tab of it, Tab from the page list goes through
    the page as it reads — what is above before what is below it — each control once, none left out, then out."""
    window = demo_window
    walked = 0
    for name in screens(window, qtbot):
        page = window.stack.currentWidget()
        if not any(v.isVisible() for v in page.findChildren(RegisterView)):
            continue
        walked += 1
        for view in page.findChildren(RegisterView):  # a record current, so its buttons stay as they are
            if view.isVisible() and view.proxy.rowCount() and not view.table.currentIndex().isValid():
                view.table.setCurrentIndex(view.proxy.index(0, 0))
        met = _walk(qtbot, window, page)
        names = [f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}" for w in met]
        assert len(set(met)) == len(met), f"{name}: a control met twice: {names}"
        missed = [w for w in _tab_stops(page) if w not in met]
        assert not missed, f"{name}: never reached by Tab: {[(type(w).__name__, getattr(w, 'text', str)(), _box(w, page), w.parentWidget()) for w in missed]} — {names}"
        for i, early in enumerate(met):  # reading order: nothing met after what stands wholly below it
            for late in met[i + 1:]:
                a, b = _box(early, page), _box(late, page)
                overlap = a.left() < b.right() and b.left() < a.right()
                assert not (overlap and b.bottom() < a.top()), (
                    f"{name}: Tab went up from {type(early).__name__} to {type(late).__name__} above it: {names}")
    assert walked >= 12


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def _shown(editor) -> str:
    """What the closed drop-down shows in the cell (``ChoiceCombo.shown_text``, which paints it; before it, the
    choice current alone)."""
    return getattr(editor, "shown_text", editor.currentText)()


def test_a_text_typed_into_a_choice_cell_that_begins_no_choice_stays_in_the_cell(empty_window, qtbot):
    """A risk's title typed, Tab, then a project's name typed into "Threat / opportunity": the cell kept showing
    "Threat", the text only quoted in the note, and the keys typed on were added to that quote unseen. The
    text typed stays in the open cell, the reason and the choices beside it; Enter keeps it there, Backspace
    puts it right letter by letter, and letters that begin a choice ("op", "th") still pick it."""
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Quay risk")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Harbour works")
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo)
    assert _shown(editor) == "Harbour works"
    assert "“Harbour works” begins none of the Threat / opportunity choices (Threat, Opportunity)" in _note()
    press(qtbot, Qt.Key.Key_Return)  # refused: the editor open, the text still in it
    assert QApplication.focusWidget() is editor and _shown(editor) == "Harbour works"
    assert "begins none" in _note()
    for _ in "Harbour works":
        press(qtbot, Qt.Key.Key_Backspace)
    assert _shown(editor) == "Threat" and not _note()  # all taken back: the cell's choice again
    type_keys(qtbot, "op")
    assert _shown(editor) == "Opportunity" and not _note()
    type_keys(qtbot, "z")  # within the second of typing: "opz" begins no choice, kept and said
    assert _shown(editor) == "opz" and "“opz” begins none" in _note()
    press(qtbot, Qt.Key.Key_Backspace)
    assert _shown(editor) == "Opportunity" and not _note()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.record(0)["kind"] == "Opportunity"


@pytest.fixture
def on_a_december_day():
    from pmo_desktop.models import clock

    with clock.frozen(date(2026, 12, 5)):
        yield


TYPED_IN_DECEMBER = [  # on 5 Dec 2026: (register, column, typed, the day meant)
    ("projects", "start_date", "30 Jan", date(2027, 1, 30)),  # next month, not eleven months back
    ("projects", "start_date", "30/11", date(2026, 11, 30)),  # last month, not next year
    ("projects", "start_date", "15 June", date(2026, 6, 15)),  # nearer behind (173 days) than ahead (192)
    ("projects", "end_date", "15 June", date(2027, 6, 15)),  # a planned end looks ahead
    ("milestones", "forecast", "15 Jun", date(2027, 6, 15)),  # so does a forecast
    ("milestones", "baseline", "30 Jan", date(2027, 1, 30)),
    ("status_reports", "reported_on", "30 Nov", date(2026, 11, 30)),  # a report's day looks back (edit53)
    ("benefits", "window_end", "15 Jun", date(2027, 6, 15)),
    ("benefits", "baseline_date", "2 Feb", date(2026, 2, 2)),  # so does a baseline's: measured, not to come (edit53)
]


def test_a_day_and_month_typed_in_a_column_that_looks_neither_way_is_the_nearest(qtbot, document,
                                                                                 on_a_december_day):
    """On 5 December "30 Jan" typed as a project's Start was 30 Jan 2026, eleven months back: a column that looks
    neither way took this year's. It is the nearest such day, within six months either way, as a person means
    it; the planning columns that look ahead (a forecast, a planned end) take the next one."""
    from test_date_entry import _records, stored, type_into_cell

    from pmo_desktop.models.registers import REGISTERS

    ids, parents = _records(document)  # a record of every register
    views: dict[str, RegisterView] = {}
    got = []
    for register, field, typed, _meant in TYPED_IN_DECEMBER:
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
    assert got == [meant for *_, meant in TYPED_IN_DECEMBER]


def test_backspace_on_a_choice_typed_in_the_new_row_line_takes_back_a_letter_not_the_row(empty_window, qtbot):
    """A risk's title typed on the ✱ line, Tab, "op" picked Opportunity, then Backspace: the table's Clear Cells
    ran instead of the cell's own key, and on the ✱ line it cleared the whole row being typed, its title too.
    Backspace in an open choice cell acts on the cell: the letters typed taken back, the choice they found kept;
    with none typed, an optional cell emptied — never another cell."""
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Quay risk")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "op")
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo) and _shown(editor) == "Opportunity"
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    assert QApplication.focusWidget() is editor and _shown(editor) == "Opportunity"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    record = view.model.record(0)
    assert record["title"] == "Quay risk" and record["kind"] == "Opportunity"
