"""The last made-up assessments (round unassessed49): an issue imported or typed with no priority became "Medium",
a dependency with no criticality "Medium", a benefit with no confidence "Medium" — values nobody gave, listed and
counted with the ones a colleague chose. Each is now empty in the office until someone gives it: an issue's priority
reads "Not prioritised yet" (it is set when the issue is triaged), a dependency's criticality and a benefit's
confidence "Not assessed yet"; a rule that reads them takes the empty value as not known and says so."""

from __future__ import annotations

import openpyxl
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.dashboard import dashboard
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_issues import raise_issue
from pmo_desktop.models.store import Store

ISSUES, DEPENDENCIES, BENEFITS = REGISTERS["issues"], REGISTERS["dependencies"], REGISTERS["benefits"]
NOT_PRIORITISED_YET, NOT_ASSESSED_YET = "Not prioritised yet", "Not assessed yet"
# register → the assessment nobody gave, and how its empty value reads
ASSESSED = {"issues": ("priority", NOT_PRIORITISED_YET), "dependencies": ("criticality", NOT_ASSESSED_YET),
            "benefits": ("confidence", NOT_ASSESSED_YET)}


def _value(store, reg, record_id, name):
    with store.session() as s:
        return records.record_values(s, reg, record_id)[name]


def test_nobody_s_priority_criticality_or_confidence_is_made_up_and_a_given_one_is_kept(store):
    """On SQLite and PostgreSQL (``store`` runs both): a record given only its title holds no level; one given a
    level keeps it, after the office is opened again (no migration changes a stored value); the words as shown,
    typed into the cell, are the empty value; each field says how its empty value reads."""
    created, kept = {}, {}
    with store.transaction() as s:
        ctx = records.load_context(s)
        for name, (field, _) in ASSESSED.items():
            created[name] = records.create_record(s, REGISTERS[name], {"title": f"A new {name}"}, ctx).id
            kept[name] = records.create_record(s, REGISTERS[name], {"title": f"An old {name}", field: "Medium"}, ctx).id
    again = Store.open(store.target)  # the office opened again, as after an upgrade
    try:
        for name, (field, shown) in ASSESSED.items():
            reg = REGISTERS[name]
            assert reg.field(field).unset == shown and field not in reg.defaults
            assert _value(again, reg, created[name], field) == "", name
            assert _value(again, reg, kept[name], field) == "Medium", name
            with again.transaction() as s:  # the words as they read, typed, pasted or in a workbook's cell
                records.update_record(s, reg, kept[name], {field: shown.upper()}, records.load_context(s))
            assert _value(again, reg, kept[name], field) == "", name
    finally:
        again.close()


def test_an_unprioritised_issue_is_listed_last_on_the_dashboard_and_says_so(sqlite_store):
    """The dashboard ranks the open issues by priority: one nobody prioritised is last, "not prioritised yet" —
    it was ranked a Medium, above the Low ones. An occurred risk nobody rated raises an issue not prioritised
    either (it was "High", nobody's word); a rated one's issue takes the rating."""
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        for title, priority in (("Till crash", ""), ("Printer jam", "Low"), ("Data loss", "Critical")):
            records.create_record(s, ISSUES, {"title": title, "priority": priority}, ctx)
        unrated = records.create_record(s, REGISTERS["risks"], {"title": "Vendor insolvent", "status": "Occurred"},
                                        ctx).id
        rated = records.create_record(s, REGISTERS["risks"], {"title": "Key staff leave", "status": "Occurred",
                                                              "probability": 5, "impact": 5}, ctx).id
    with sqlite_store.transaction() as s:
        from_unrated = raise_issue(s, unrated).id
        from_rated = raise_issue(s, rated).id
    assert _value(sqlite_store, ISSUES, from_unrated, "priority") == ""
    assert _value(sqlite_store, ISSUES, from_rated, "priority") in ISSUES.field("priority").choices
    with sqlite_store.session() as s:
        listed = [(i.title, i.detail) for i in dashboard(s).open_issues]
    assert listed[0] == ("Data loss", "Critical")
    assert listed[-3:] == [("Printer jam", "Low"), ("Till crash", "not prioritised yet"),
                           ("Vendor insolvent", "not prioritised yet")]


def _raid_log(path):
    book = openpyxl.Workbook()
    issues = book.active
    issues.title = "Issues"
    issues.append(["Issue", "Owner", "Status"])
    issues.append(["Till crash at store 12", "Priya Shah", "Open"])
    issues.append(["Card reader offline", "Tom Walker", "Open"])
    deps = book.create_sheet("Dependencies")
    deps.append(["What is needed", "Owner", "Status"])
    deps.append(["Real-time stock API", "Priya Shah", "On track"])
    benefits = book.create_sheet("Benefits")
    benefits.append(["Benefit", "Benefit owner", "Measure (KPI)"])
    benefits.append(["Faster checkout", "Tom Walker", "Seconds per basket"])
    book.save(path)
    return path


def test_a_raid_log_with_no_such_columns_is_imported_not_assessed_and_its_export_stays_empty(store, tmp_path):
    """A RAID log of titles, owners and status: the preview (and the command line) says the priority, criticality
    and confidence are left not assessed, none is "set" to Medium; the office holds them empty; the export's
    cells are empty and importing it again changes nothing."""
    plan = plan_workbook_import(store, _raid_log(tmp_path / "raid.xlsx"))
    assert plan.ok, plan.summary()
    by_register = {sh.register: sh for sh in plan.sheets}
    for name, (field, _) in ASSESSED.items():
        assert field in by_register[name].left_unassessed(), name
        assert field not in by_register[name].defaults_given(), name
    said = " ".join(plan.unassessed_said())
    assert "Left not assessed on the 2 new issues, as no column of the workbook gives it: Priority." in said
    assert "Criticality" in said and "Confidence" in said
    apply_import(store, plan)
    for name, (field, _) in ASSESSED.items():
        reg = REGISTERS[name]
        with store.session() as s:
            names = ["id", "version", *reg.field_names]
            rows = [dict(zip(names, r)) for r in records.fetch_rows(s, reg)]
        assert rows and {r[field] for r in rows} == {""}, name
    out = export_workbook(store, tmp_path / "registers.xlsx", list(ASSESSED))
    book = openpyxl.load_workbook(out)
    for name, (field, _) in ASSESSED.items():
        sheet = book[REGISTERS[name].sheet]
        column = [c.value for c in sheet[1]].index(REGISTERS[name].field(field).label) + 1
        assert {sheet.cell(row, column).value for row in range(2, sheet.max_row + 1)} == {None}, name
    again = plan_workbook_import(store, out)
    assert again.ok and again.summary().startswith("Nothing to import"), again.summary()


def test_the_board_pack_says_a_benefit_s_confidence_is_not_assessed_yet(sqlite_store, tmp_path):
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        records.create_record(s, BENEFITS, {"title": "Faster checkout"}, ctx)
        records.create_record(s, BENEFITS, {"title": "Fewer returns", "confidence": "High"}, ctx)
    book = openpyxl.load_workbook(write_board_pack(sqlite_store, tmp_path / "pack.xlsx"))
    ws = next(book[n] for n in book.sheetnames if "enefit" in n)
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r[1] in ("Faster checkout", "Fewer returns")}
    assert rows["Faster checkout"][12] == NOT_ASSESSED_YET and rows["Fewer returns"][12] == "High"


def test_the_command_line_says_the_issues_priority_is_left_not_assessed(tmp_path):
    from cli_runner import run_cli

    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    (tmp_path / "issues.csv").write_text("Issue,Owner\nTill crash,Priya Shah\n", encoding="utf-8")
    proc = run_cli("import", "office.pmo", "issues.csv", cwd=tmp_path, ok=True)
    assert "Left not assessed on the 1 new issue, as no column of the workbook gives it: Priority." in proc.stdout, \
        proc.stdout
    assert "Medium" not in proc.stdout
    store = Store.open(tmp_path / "office.pmo")
    try:
        assert _value(store, ISSUES, 1, "priority") == ""
    finally:
        store.close()


def _cell(view, title, name):
    column = view.model.column_of(name)
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, view.model.column_of("title")).data()
               == title)
    return row, column, view.proxy.index(row, column).data()


def _office(tmp_path):
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for name in ("Tills", "Stores"):
            records.create_record(s, REGISTERS["projects"], {"name": name}, ctx)
        records.create_record(s, ISSUES, {"title": "Till crash"}, ctx)
        records.create_record(s, ISSUES, {"title": "Data loss", "priority": "High"}, ctx)
        records.create_record(s, DEPENDENCIES, {"title": "Stock API", "from_project": "Stores", "to_project": "Tills"},
                              ctx)
        records.create_record(s, BENEFITS, {"title": "Faster checkout"}, ctx)
    store.close()
    return path


def test_the_issue_log_shows_sorts_filters_and_takes_not_prioritised_yet_by_keys(qtbot, main_window, tmp_path):
    """The issue log's cell and its filter menu say "Not prioritised yet"; sorted by priority it comes after the
    levels; an issue typed on the ✱ line gets no priority; one typed by keys is kept, and "Not" takes it back."""
    assert main_window.open_path(str(_office(tmp_path)))
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = main_window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.issue_tab)
    view = page.issue_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    row, column, shown = _cell(view, "Till crash", "priority")
    assert shown == NOT_PRIORITISED_YET
    # the column is wide enough for the words (it was sized for "Critical": "Not prio…"), and the tip says them too
    margin_free = view.table.columnWidth(column) - view.table.fontMetrics().horizontalAdvance(NOT_PRIORITISED_YET)
    assert margin_free > 0, view.table.columnWidth(column)
    assert view.proxy.index(row, column).data(Qt.ItemDataRole.ToolTipRole) == NOT_PRIORITISED_YET
    assert _cell(view, "Data loss", "priority")[2] == "High"
    priority = view.model.column_of("priority")
    menu = [a.text() for a in view.build_header_menu(priority).actions()]
    assert NOT_PRIORITISED_YET in menu and "(blank)" not in menu and "Medium" not in menu
    view.proxy.sort(priority, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, priority).data() for r in range(2)] == ["High", NOT_PRIORITISED_YET]

    store = main_window.document.store
    view.focus_new_line(view.model.column_of("title"))
    type_keys(qtbot, "Card reader offline")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    with store.session() as s:
        new = records.record_values(s, ISSUES, records.find_id_by_code(s, ISSUES, "I-003"))
    assert new["title"] == "Card reader offline" and new["priority"] == ""

    row, column, _ = _cell(view, "Till crash", "priority")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, "C")
    type_keys(qtbot, "ri")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(view, "Till crash", "priority")[2] == "Critical")
    row, column, _ = _cell(view, "Till crash", "priority")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.keyClick(view.table, "N")
    type_keys(qtbot, "ot")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(view, "Till crash", "priority")[2] == NOT_PRIORITISED_YET)
    with store.session() as s:
        assert records.record_values(s, ISSUES, records.find_id_by_code(s, ISSUES, "I-001"))["priority"] == ""


def test_the_overview_counts_the_issues_nobody_prioritised_among_those_it_leaves_out(qtbot, main_window, tmp_path):
    """The overview's issue tile names three open issues, the highest priority first; the ones it leaves out are
    the unprioritised, last: "… and 2 more, 2 not prioritised yet" (they read "… and 2 more", Medium among them)."""
    path = _office(tmp_path)
    store = Store.open(path)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for title, priority in (("Printer jam", "Low"), ("Slow receipts", "Medium"), ("Card reader offline", "")):
            records.create_record(s, ISSUES, {"title": title, "priority": priority}, ctx)
    store.close()
    assert main_window.open_path(str(path))
    page = main_window.stack.currentWidget()
    qtbot.waitUntil(lambda: "issues" in getattr(page, "tiles", {}))
    text = page.tiles["issues"].body.text()
    assert "I-002 Data loss <i>(High)</i>" in text and "… and 2 more, 2 not prioritised yet" in text, text


def test_the_dependencies_their_map_and_the_benefits_say_not_assessed_yet(qtbot, main_window, tmp_path):
    """The dependency's criticality cell, the map's line (drawn thin, as no High or Critical: its tooltip says the
    criticality is not assessed yet), and the benefit's confidence cell."""
    assert main_window.open_path(str(_office(tmp_path)))
    qtbot.keyClick(main_window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = main_window.stack.currentWidget()
    view = page.show_log("dependencies")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert _cell(view, "Stock API", "criticality")[2] == NOT_ASSESSED_YET
    page.tabs.setCurrentWidget(page.dependency_map)
    qtbot.waitUntil(lambda: bool(page.dependency_map.view.lines))
    (_arrow, line), = page.dependency_map.view.lines.values()
    assert line.toolTip().startswith("D-001 Stock API — On track, criticality not assessed yet"), line.toolTip()
    assert line.pen().widthF() < 5

    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    benefits = main_window.active_register_view()
    qtbot.waitUntil(lambda: benefits.model.rowCount() == 1)
    assert _cell(benefits, "Faster checkout", "confidence")[2] == NOT_ASSESSED_YET
    assert QApplication.focusWidget() is not None


def test_the_preview_counts_only_the_issues_whose_labels_give_no_priority(sqlite_store, tmp_path):
    """A tracker's sheet whose labels name a priority on some rows ("bug, High"): those issues are prioritised by
    their labels; the preview says the others, and only they, are left not assessed."""
    (tmp_path / "issues.csv").write_text(
        "title,description,assignee_id,due_date,labels\n"
        "Login fails,Login fails for SSO users,123456,2024-12-25,\"Bug,High\"\n"
        "Typo on page,Footer typo,123456,2024-12-27,bug\n"
        "Slow report,Monthly report takes minutes,123456,2024-12-26,\"bug, Low\"\n"
        "Odd footer,Two priorities,123456,2024-12-28,\"bug, High, Low\"\n", encoding="utf-8")
    plan = plan_workbook_import(sqlite_store, tmp_path / "issues.csv")
    assert plan.ok, plan.summary()
    assert plan.unassessed_said() == [  # the labels give it on the other two (walk39: not "no column gives it")
        "Left not assessed on the 2 new issues whose rows give none (the workbook gives it on the others): Priority."]
    apply_import(sqlite_store, plan)
    with sqlite_store.session() as s:
        names = ["id", "version", *ISSUES.field_names]
        got = {r["title"]: r["priority"] for r in (dict(zip(names, row)) for row in records.fetch_rows(s, ISSUES))}
    assert got == {"Login fails": "High", "Typo on page": "", "Slow report": "Low", "Odd footer": ""}


def test_no_table_column_gives_a_new_record_a_value_its_register_does_not_declare():
    """The walk of ``test_unassessed47`` reads the registers' declared defaults; a column's own default in the
    office's tables escaped it: every new benefit was measured "Monthly", nobody's plan, and every project "Active",
    unsaid by the import preview. Each value a column gives a new record is now declared (and so walked, and
    said), or there is none."""
    from sqlalchemy import inspect

    from tests.test_unassessed47 import FACTS_OF_BEING_RAISED

    undeclared, given = [], set()
    for reg in REGISTERS.values():
        if reg.entity is None:
            continue
        columns = inspect(reg.entity).columns
        for f in reg.fields:
            column = columns.get(f.attr)
            default = column.default if column is not None else None
            if default is None or not default.is_scalar or default.arg in ("", None, False, 0):
                continue
            given.add((reg.name, f.name))
            if reg.defaults.get(f.name) != default.arg:
                undeclared.append((reg.name, f.name, default.arg))
    assert not undeclared, f"values a new record gets that its register does not declare: {undeclared}"
    assert given <= set(FACTS_OF_BEING_RAISED)
