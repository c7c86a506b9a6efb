"""Dates typed into real cells of every kind of date column, with real key presses: every accepted
format is stored as the date it means, anything else is refused with a message and nothing changes."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.values import DATE_PAST, DAY_FIRST, MONTH_FIRST, day_text, parse_date
from pmo_desktop.views.register_table import RegisterView
from pmo_desktop.views.register_table.date_entry import DateLineEdit, locale_date_order

TODAY = date.today()


# ---------------------------------------------------------------------------------- the parser
@pytest.mark.parametrize("text, order, expected", [
    ("2027-03-15", DAY_FIRST, date(2027, 3, 15)),
    ("2027-03-15", MONTH_FIRST, date(2027, 3, 15)),
    ("2027/3/5", DAY_FIRST, date(2027, 3, 5)),
    ("2026-12-31T00:00:00", DAY_FIRST, date(2026, 12, 31)),
    ("15/03/2027", DAY_FIRST, date(2027, 3, 15)),
    ("03/15/2027", MONTH_FIRST, date(2027, 3, 15)),
    ("1/2/26", DAY_FIRST, date(2026, 2, 1)),
    ("1/2/26", MONTH_FIRST, date(2026, 1, 2)),
    ("15.03.2027", DAY_FIRST, date(2027, 3, 15)),
    ("15-03-2027", DAY_FIRST, date(2027, 3, 15)),
    ("15 Mar 2027", DAY_FIRST, date(2027, 3, 15)),
    ("15 march 2027", MONTH_FIRST, date(2027, 3, 15)),
    ("15th March 2027", DAY_FIRST, date(2027, 3, 15)),
    ("Mar 15, 2027", DAY_FIRST, date(2027, 3, 15)),
    ("15-Mar-27", DAY_FIRST, date(2027, 3, 15)),
    ("Sept 2027", DAY_FIRST, date(2027, 9, 1)),
    ("46100", DAY_FIRST, date(2026, 3, 19)),
    ("20270315", DAY_FIRST, date(2027, 3, 15)),
    ("today", DAY_FIRST, date(2026, 6, 30)),
    ("Tomorrow", DAY_FIRST, date(2026, 7, 1)),
    ("15 Mar", DAY_FIRST, date(2026, 3, 15)),
])
def test_parse_date_accepts(text, order, expected):
    assert parse_date(text, "Due", order=order, today=date(2026, 6, 30)) == expected


@pytest.mark.parametrize("text, order", [
    ("0261215", DAY_FIRST), ("31/02/2026", DAY_FIRST), ("15/03/2027", MONTH_FIRST), ("03/15/2027", DAY_FIRST),
    ("13/13/2026", DAY_FIRST), ("2027-03", DAY_FIRST), ("Mar", DAY_FIRST), ("15 foo 2027", DAY_FIRST),
    ("next week", DAY_FIRST), ("2027-02-30", DAY_FIRST), ("0", DAY_FIRST), ("12/15", DAY_FIRST),
])
def test_parse_date_refuses_what_is_not_a_date(text, order):
    with pytest.raises(ValidationError) as e:
        parse_date(text, "Due", order=order)
    assert "Due" in str(e.value) and text in str(e.value)


def test_numbers_and_dates_pass_through():
    assert parse_date(46100, "D") == date(2026, 3, 19)
    assert parse_date(date(2026, 1, 2), "D") == date(2026, 1, 2)
    assert parse_date("  ", "D") is None


def test_locale_order_comes_from_the_short_date_format():
    assert locale_date_order(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == MONTH_FIRST
    assert locale_date_order(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == DAY_FIRST
    assert locale_date_order(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == DAY_FIRST


# ---------------------------------------------------------------------------------- real cells
# uk_locale and us_locale: tests/conftest.py


def _records(document):
    """One record in every register that has date columns (children under their parents)."""
    ids = {}
    with document.store.transaction() as s:
        ctx = document.context
        ids["projects"] = records.create_record(s, REGISTERS["projects"], {"name": "Tills", "start_date": date(2026, 12, 31)}, ctx).id
        risk = records.create_record(s, REGISTERS["risks"], {"title": "Supplier late", "raised_on": date(2026, 1, 5)}, ctx)
        ids["risks"] = risk.id
        ids["risk_actions"] = records.create_record(s, REGISTERS["risk_actions"], {"description": "Chase"}, ctx, risk.id).id
        ids["issues"] = records.create_record(s, REGISTERS["issues"], {"title": "Outage"}, ctx).id
        ids["issue_actions"] = records.create_record(s, REGISTERS["issue_actions"], {"description": "Restore"}, ctx,
                                                     ids["issues"]).id
        ids["communications"] = records.create_record(s, REGISTERS["communications"], {"message": "Update"}, ctx).id
        for name in ("assumptions", "dependencies", "decisions"):
            ids[name] = records.create_record(s, REGISTERS[name], {"title": f"One of the {name}"}, ctx).id
        benefit = records.create_record(s, REGISTERS["benefits"], {"title": "Faster tills"}, ctx)
        ids["benefits"] = benefit.id
        ids["benefit_plan"] = records.create_record(s, REGISTERS["benefit_plan"], {"on": date(2026, 1, 1), "value": 1}, ctx, benefit.id).id
        ids["benefit_measurements"] = records.create_record(s, REGISTERS["benefit_measurements"],
                                                            {"on": date(2026, 1, 1), "value": 1}, ctx, benefit.id).id
        ids["milestones"] = records.create_record(s, REGISTERS["milestones"], {
            "title": "Go-live", "project": "Tills", "baseline": date(2026, 12, 31), "forecast": date(2027, 1, 8),
            "actual": date(2027, 1, 9)}, ctx).id
        ids["status_reports"] = records.create_record(s, REGISTERS["status_reports"], {
            "project": "Tills", "period": "2026-12", "reported_on": date(2026, 12, 28)}, ctx).id
        parents = {"risk_actions": risk.id, "issue_actions": ids["issues"], "benefit_plan": benefit.id, "benefit_measurements": benefit.id}
    return ids, parents


# Every date column of every register shown as a table (the program's own one record is edited in
# File ▸ Program Details, not in a table).
DATE_COLUMNS = [(r.name, f.name) for r in REGISTERS.values() if r.name != "program"
                for f in r.fields if f.kind.value == "date" and f.editable]


def test_every_date_column_is_covered():
    assert ("risks", "raised_on") in DATE_COLUMNS and ("risks", "proximity") in DATE_COLUMNS
    assert ("risk_actions", "due") in DATE_COLUMNS and ("projects", "end_date") in DATE_COLUMNS
    assert ("benefit_measurements", "on") in DATE_COLUMNS and ("benefits", "target_date") in DATE_COLUMNS


def open_view(qtbot, document, register_name):
    ids, parents = _records(document)
    view = RegisterView(document, REGISTERS[register_name], parent_id=parents.get(register_name))
    qtbot.addWidget(view)
    view.resize(1280, 500)
    view.show()
    qtbot.waitExposed(view)
    return view, ids[register_name]


def stored(document, register_name, record_id, field):
    with document.store.session() as s:
        row = records.fetch_rows(s, REGISTERS[register_name], document.context, ids=[record_id])[0]
    return row[2 + REGISTERS[register_name].field_names.index(field)]


def type_into_cell(qtbot, view, record_id, field, keys, start_with_f2=False, refused=False):
    view.select_record(record_id, view.model.column_of(field))
    view.table.setFocus()
    if start_with_f2:
        qtbot.keyClick(view.table, Qt.Key.Key_F2)
        editor = view.table.focusWidget()
        assert isinstance(editor, DateLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, keys)
    else:  # the first key opens the editor and replaces what was there, as in Excel
        qtbot.keyClick(view.table, keys[0])
        editor = view.table.focusWidget()
        assert isinstance(editor, DateLineEdit)
        qtbot.keyClicks(editor, keys[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    if refused:  # the editor stays open with the text and the reason beside it; Esc puts the cell back
        assert view.table.state() == view.table.State.EditingState and editor.text() == keys
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)


@pytest.mark.parametrize("register_name, field", DATE_COLUMNS)
def test_typing_a_date_over_a_date_in_every_date_column(qtbot, document, uk_locale, register_name, field):
    view, rid = open_view(qtbot, document, register_name)
    target = date(2026, 1, 20) if field in ("on",) else date(2027, 3, 15)
    looks_back = next(f for f in REGISTERS[register_name].fields if f.name == field).when == DATE_PAST
    if looks_back or (register_name == "risks" and field == "escalated_on"):
        target = date(2026, 2, 1)  # a day already come: a later one is refused where something happened
    type_into_cell(qtbot, view, rid, field, target.isoformat())
    assert stored(document, register_name, rid, field) == target
    assert view.proxy.index(view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), 0)).row(),
                            view.model.column_of(field)).data() == day_text(target)  # as shown everywhere
    document.undo_stack.undo()
    assert stored(document, register_name, rid, field) != target


@pytest.mark.parametrize("keys, expected", [
    ("2027-03-15", date(2027, 3, 15)),
    ("15/03/2027", date(2027, 3, 15)),
    ("15 Mar 2027", date(2027, 3, 15)),
    ("46461", date(2027, 3, 15)),
    ("today", TODAY),
])
def test_accepted_formats_typed_over_an_end_date_and_into_a_blank_one(qtbot, document, uk_locale, keys, expected):
    view, rid = open_view(qtbot, document, "projects")
    type_into_cell(qtbot, view, rid, "start_date", keys)  # over 2026-12-31: the reported 2027-12-03 case
    assert stored(document, "projects", rid, "start_date") == expected
    type_into_cell(qtbot, view, rid, "end_date", keys)  # a blank cell: the reported "0261215" case
    assert stored(document, "projects", rid, "end_date") == expected


def test_f2_then_typing_replaces_the_date(qtbot, document, uk_locale):
    view, rid = open_view(qtbot, document, "risks")
    type_into_cell(qtbot, view, rid, "proximity", "2027-03-31")
    type_into_cell(qtbot, view, rid, "proximity", "2027-03-15", start_with_f2=True)
    assert stored(document, "risks", rid, "proximity") == date(2027, 3, 15)


def test_month_first_locale_reads_month_first(qtbot, document, us_locale):
    view, rid = open_view(qtbot, document, "risk_actions")
    type_into_cell(qtbot, view, rid, "due", "03/15/2027")
    assert stored(document, "risk_actions", rid, "due") == date(2027, 3, 15)


@pytest.mark.parametrize("keys", ["0261215", "31/02/2027", "soon", "03/15/2027"])
def test_bad_dates_are_refused_with_a_message_and_nothing_changes(qtbot, document, uk_locale, keys):
    messages = []
    document.error.connect(messages.append)
    view, rid = open_view(qtbot, document, "projects")
    type_into_cell(qtbot, view, rid, "start_date", keys, refused=True)
    assert len(messages) == 1 and keys in messages[0] and "Start" in messages[0]
    assert stored(document, "projects", rid, "start_date") == date(2026, 12, 31)
    assert document.undo_stack.count() == 0


def test_clearing_the_text_clears_the_date(qtbot, document, uk_locale):
    view, rid = open_view(qtbot, document, "projects")
    view.select_record(rid, view.model.column_of("start_date"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.focusWidget()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "projects", rid, "start_date") is None


def test_alt_down_opens_a_calendar_and_enter_picks_the_date(qtbot, document, uk_locale):
    view, rid = open_view(qtbot, document, "projects")
    view.select_record(rid, view.model.column_of("start_date"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = QApplication.focusWidget()
    while calendar is not None and not isinstance(calendar, QCalendarWidget):
        calendar = calendar.parentWidget()
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toPython() == date(2026, 12, 31)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "projects", rid, "start_date") == date(2026, 12, 31) + timedelta(days=1)


def test_pasted_dates_are_read_in_the_locale_order(qtbot, document, us_locale):
    view, rid = open_view(qtbot, document, "projects")
    view.select_record(rid, view.model.column_of("start_date"))
    assert view.paste_text("03/15/2027\t03/31/2027\r\n")
    assert stored(document, "projects", rid, "start_date") == date(2027, 3, 15)
    assert stored(document, "projects", rid, "end_date") == date(2027, 3, 31)


def test_program_details_read_dates_in_the_locale_order_too(qtbot, main_window, tmp_path, us_locale):
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.program_dialog import ProgramDialog

    path = tmp_path / "office.pmo"
    Store.create(path, program_name="office").close()
    assert main_window.open_path(str(path))
    dialog = ProgramDialog(main_window.document, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert isinstance(dialog.editors["start_date"], DateLineEdit)
    qtbot.keyClicks(dialog.editors["start_date"], "03/15/2027")
    qtbot.keyClicks(dialog.editors["end_date"], "Dec 31, 2028")
    dialog.save()
    program = main_window.document.store.program()
    assert (program.start_date, program.end_date) == (date(2027, 3, 15), date(2028, 12, 31))
