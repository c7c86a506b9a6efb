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

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


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


def test_an_exported_office_prints_as_a_pmo_would_set_it_up(tmp_path):
    """An exported office rendered by LibreOffice was 75 portrait pages for the demo's 10 risks: no print setup,
    a few columns a page, the header on the first page only. Each register sheet prints landscape, one page wide
    (the 32 columns of the risks' register on as few pages across as stay readable, ID and title repeated at the
    left of each), the header row repeated down, the sheet's name and page number at the foot, no gridlines."""
    import openpyxl

    from pmo_desktop.excel.export import export_workbook
    from pmo_desktop.models.demo import create_demo

    out = tmp_path / "office.xlsx"
    export_workbook(create_demo(tmp_path / "demo.pmo"), out)
    book = openpyxl.load_workbook(out)
    for title in ("People", "Risk register", "Risk actions", "Decisions", "Stakeholder map"):
        ws = book[title]
        setup = ws.page_setup
        assert setup.orientation == "landscape", title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0, title
        assert ws.print_title_rows == "$1:$1", title
        assert "&A" in (ws.oddFooter.left.text or "") and "&P" in (ws.oddFooter.right.text or ""), title
        assert not ws.print_options.gridLines, title
    assert book["People"].page_setup.fitToWidth in (1, None)  # a narrow register: one page wide
    risks = book["Risk register"]
    assert 1 < risks.page_setup.fitToWidth <= 3 and risks.print_title_cols == "$A:$B"


def test_the_board_pack_says_no_risk_has_a_residual_score_rather_than_charting_one_not_rated_bar(tmp_path):
    """Fifteen risks scored, none given a residual score: the board pack's "Open risks by rating" drew the residual
    series as one tall "Not rated 15" bar beside the inherent ones. The residual is not charted and the pack says
    why, in the workbook and the PDF alike; with no score at all there is nothing to chart, and it says so."""
    import openpyxl
    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.models import records
    from pmo_desktop.models.office import Office
    from pmo_desktop.models.store import Store

    store = Store.create(tmp_path / "office.pmo")
    office = Office(store)
    for i in range(15):
        office.write(records.create_record, REGISTERS["risks"], {"title": f"Risk {i}", "probability": 1 + i % 5,
                                                                "impact": 1 + i % 4})
    xlsx = write_board_pack(store, tmp_path / "pack.xlsx", date(2026, 12, 5))
    pdf = write_board_pack_pdf(store, tmp_path / "pack.pdf", date(2026, 12, 5))
    summary = openpyxl.load_workbook(xlsx).worksheets[0]
    charts = summary._charts
    assert len(charts) == 1 and len(charts[0].series) == 1  # the inherent series alone
    said = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    assert "No open risk has a residual score yet, so none is charted." in said
    first_page = PdfReader(pdf).pages[0].extract_text()
    assert "No open risk has a residual score yet, so none is charted." in first_page
    store.close()

    store = Store.create(tmp_path / "unscored.pmo")
    office = Office(store)
    office.write(records.create_record, REGISTERS["risks"], {"title": "Unscored"})
    summary = openpyxl.load_workbook(write_board_pack(store, tmp_path / "unscored.xlsx", date(2026, 12, 5))).worksheets[0]
    assert not summary._charts
    assert "Nothing to chart: no open risk has a score yet." in [c.value for row in summary.iter_rows() for c in row]
    store.close()


def test_undo_from_another_page_takes_the_user_to_the_record_it_changed(demo_window, qtbot):
    """A risk's title typed over, then Ctrl+3 to the stakeholders and Ctrl+Z: the title went back, but on the Risks
    page, out of sight — the user stayed on the stakeholders, only the status bar saying what was undone. As
    Excel's undo shows the cell it put back, the window goes to the risk, its title cell current, the keyboard in
    the table; Ctrl+Shift+Z from elsewhere again shows the redone change the same way."""
    from pmo_desktop.views.risks.page import RisksPage

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    rid = view.model.record_id(3)
    before = view.model.record(3)["title"]
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    type_keys(qtbot, "Quay cranes late")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(view.model.row_of(rid))["title"] == "Quay cranes late")

    def shown_on_the_risks_page() -> bool:
        current = view.proxy.mapToSource(view.table.currentIndex())
        return (isinstance(window.stack.currentWidget(), RisksPage) and view.model.record_id(current.row()) == rid
                and current.column() == view.model.column_of("title") and view.table.hasFocus())

    for keys, title in (((Qt.Key.Key_Z, CTRL), before), ((Qt.Key.Key_Z, CTRL | SHIFT), "Quay cranes late")):
        qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # the stakeholders' page
        qtbot.waitUntil(lambda: not isinstance(window.stack.currentWidget(), RisksPage))
        press(qtbot, *keys)
        qtbot.waitUntil(lambda title=title: view.model.record(view.model.row_of(rid))["title"] == title)
        qtbot.waitUntil(shown_on_the_risks_page)


def test_raise_issue_has_an_alt_letter_and_says_why_it_cannot_be_done_yet(demo_window, qtbot):
    """Raise issue, Escalate, De-escalate and Scale had no Alt letter, and Raise issue, disabled until the risk is
    Occurred, could neither be reached by the keyboard nor say why it was off. Each has its letter; Alt+I on an
    open risk says why not — in the status bar, the button's tip and its accessible description — and raises
    nothing; on an occurred risk Alt+I raises its issue."""
    from PySide6.QtGui import QKeySequence

    from pmo_desktop.views.risks.page import RisksPage

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, RisksPage)
    letters = {b.text(): QKeySequence.mnemonic(b.text()).toString() for b in
               (page.escalate_button, page.de_escalate_button, page.issue_button, page.scale_button)}
    assert all(letters.values()) and len(set(letters.values())) == 4, letters
    view = page.register_view
    row = next(r for r in range(view.model.rowCount()) if view.model.record(r)["status"] == "Open")
    rid, code = view.model.record_id(row), view.model.record(row)["code"]
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    issues = page.issue_view.model.rowCount()
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "has not occurred" in window.statusBar().currentMessage())
    assert code in window.statusBar().currentMessage() and "Occurred" in window.statusBar().currentMessage()
    assert "has not occurred" in page.issue_button.accessibleDescription()
    assert page.issue_view.model.rowCount() == issues
    view.select_record(rid, view.model.column_of("status"))
    view.table.setFocus()
    type_keys(qtbot, "oc")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(view.model.row_of(rid))["status"] == "Occurred")
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.issue_view.model.rowCount() == issues + 1)


def test_the_risk_register_shows_seven_rows_at_1280_by_720(demo_window, qtbot):
    """At 1280×720 the Risks page showed six register rows and a bit: the risk's panel below kept 225 pixels as
    its least — three lines for each of its five texts and Qt's 128-pixel least for its actions' table. The texts
    keep two lines at least (more where there is room), the actions' table its header and two rows; the register
    gets the height back: seven whole rows."""
    from screens import settle

    window = demo_window
    window.resize(1280, 720)
    settle(qtbot, 50)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    settle(qtbot, 100)
    table = window.active_register_view().table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert window.height() == 720 and rows >= 7, rows
