"""The Risks page driven like a user would: filters, heat map clicks, escalation, issues, undo, scale."""

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt
from sqlalchemy import select

from pmo_desktop.models import records
from pmo_desktop.models import values as v
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_rules import Band, RiskScale
from pmo_desktop.models.risks import IssueEntry, Risk
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.risks.dialogs import ReasonDialog, ScaleDialog
from pmo_desktop.views.risks.page import RisksPage

RISKS = REGISTERS["risks"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The demo office is built once per module; each test works on its own copy of the file."""
    path = tmp_path_factory.mktemp("demo") / "demo.pmo"
    create_demo(path, today=date(2026, 6, 1)).close()
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    target = tmp_path / "demo.pmo"
    shutil.copy(demo_file, target)
    s = Store.open(target)
    yield s
    s.close()


@pytest.fixture
def page(qtbot, demo_copy):
    document = Document(demo_copy)
    errors = []
    document.error.connect(errors.append)
    p = RisksPage(document)
    p.errors = errors
    qtbot.addWidget(p)
    p.resize(1300, 850)
    p.show()
    return p


def risk_id(store, code):
    with store.session() as s:
        return s.scalar(select(Risk.id).where(Risk.code == code))


def stored(store, rid):
    with store.session() as s:
        return records.record_values(s, RISKS, rid)


def shown_ids(view):
    proxy = view.proxy
    return {view.model.record_id(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())}


def test_heat_map_counts_match_the_table_and_a_click_filters_it(page):
    page.filters.choose("statuses", "Open")
    heat = page.heat_map
    assert heat.open_only.isChecked()
    view = page.register_view
    assert sum(c.count for c in heat.cells.values()) == view.proxy.rowCount() == 8
    for (p, i), cell in heat.cells.items():
        heat.click_cell(p, i)
        assert shown_ids(view) == set(cell.ids)
        assert view.proxy.rowCount() == cell.count == heat.count(p, i)
        assert view.filter_chip.text().startswith(f"P{p} × I{i} (inherent)")
    view.set_record_filter(None)
    page.filters.choose("levels", "Program")  # quick filters reach the table and the chart alike
    assert sum(c.count for c in heat.cells.values()) == view.proxy.rowCount() == 4
    heat.set_residual(True)
    assert sum(c.count for c in heat.cells.values()) == 4 and heat.cells != {}


def test_a_real_mouse_click_on_a_heat_map_cell_filters_the_table(page, qtbot):
    page.tabs.setCurrentWidget(page.heat_map)
    heat = page.heat_map
    qtbot.waitExposed(heat.plot)
    vb = heat.plot.getPlotItem().getViewBox()
    scene_point = vb.mapViewToScene(QPointF(4, 3))   # impact 4 on x, probability 3 on y
    pos = heat.plot.mapFromScene(scene_point)
    assert heat.cell_at(scene_point) == (3, 4)
    qtbot.mouseClick(heat.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert page.tabs.currentWidget() is page.register_tab
    codes = {stored(page.document.store, rid)["code"] for rid in shown_ids(page.register_view)}
    assert codes == {"R-005", "R-007"} and heat.count(3, 4) == 2


def test_escalate_then_undo_and_redo(page):
    store, view = page.document.store, page.register_view
    rid = risk_id(store, "R-002")
    view.select_record(rid)
    assert page.escalate_button.isEnabled() and not page.de_escalate_button.isEnabled()
    assert page.escalate_current("Stock data also blocks point of sale")
    rec = stored(store, rid)
    assert (rec["level"], rec["escalated"], rec["project"]) == ("Program", True, "Inventory management")
    assert page.program_view.row_of(rid) is not None
    assert page.de_escalate_button.isEnabled() and not page.escalate_button.isEnabled()
    page.document.undo_stack.undo()
    rec = stored(store, rid)
    assert (rec["level"], rec["escalated"], rec["escalation_reason"]) == ("Project", False, "")
    assert page.program_view.row_of(rid) is None and page.escalate_button.isEnabled()
    page.document.undo_stack.redo()
    assert stored(store, rid)["level"] == "Program" and page.program_view.row_of(rid) is not None
    assert page.de_escalate_current()
    assert stored(store, rid)["level"] == "Project"
    assert page.errors == []


def test_refused_escalation_reports_and_changes_nothing(page):
    rid = risk_id(page.document.store, "R-005")  # a program risk from the start
    page.register_view.select_record(rid)
    assert not page.escalate_button.isEnabled()
    assert not page.escalate_current("anything")
    assert page.errors == ["R-005 is already a program risk, so it cannot be escalated."]
    assert page.document.undo_stack.count() == 0


def test_reason_dialog_needs_a_reason(qtbot):
    dialog = ReasonDialog("R-001", "Late supplier")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "Affects two projects")
    assert ok.isEnabled() and dialog.reason() == "Affects two projects"


def test_occurred_risk_becomes_an_issue_undoably(page):
    store, view = page.document.store, page.register_view
    done = risk_id(store, "R-010")  # the demo already raised its issue
    view.select_record(done)
    assert "already has issue" in (page.why_no_issue() or "")  # the button stays on, to say why (walk 35b)
    rid = risk_id(store, "R-003")
    view.select_record(rid)
    assert "has not occurred" in (page.why_no_issue() or "") and page.raise_issue_current() is None
    row = view.model.row_of(rid)
    assert view.model.setData(view.model.index(row, view.model.column_of("status")), "Occurred")
    assert page.issue_button.isEnabled() and page.why_no_issue() is None
    issue_id = page.raise_issue_current()
    assert page.tabs.currentWidget() is page.issue_tab and page.issue_view.current_record_id() == issue_id
    issue = records.record_values(store.session(), REGISTERS["issues"], issue_id)
    assert issue["risk"] == "R-003" and issue["title"] == "Store staff resist new tills"
    assert page.why_no_issue() is not None
    page.document.undo_stack.undo()
    assert page.issue_view.model.row_of(issue_id) is None and page.why_no_issue() is None
    page.document.undo_stack.redo()
    with store.session() as s:
        assert s.get(IssueEntry, issue_id).code == issue["code"]


def test_detail_texts_save_on_focus_out_and_undo(page, qtbot):
    store, view = page.document.store, page.register_view
    rid = risk_id(store, "R-001")
    view.select_record(rid)
    editor = page.detail.editors["cause"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "Single supplier for all tills")
    view.table.setFocus()
    qtbot.waitUntil(lambda: stored(store, rid)["cause"] == "Single supplier for all tills")
    page.document.undo_stack.undo()
    assert stored(store, rid)["cause"] == "" and editor.toPlainText() == ""
    # Typing then switching risk saves to the risk the text was typed for.
    editor.setPlainText("Trigger words")
    view.select_record(risk_id(store, "R-002"))
    assert stored(store, rid)["cause"] == "Trigger words"
    assert page.detail.header.text().startswith("R-002")
    assert page.detail.actions_view.model.rowCount() == 1
    assert "stock data" in page.detail.actions_view.model.record(0)["description"]


def test_owner_warning_shows_for_critical_risk_without_owner(page):
    store, view = page.document.store, page.register_view
    rid = risk_id(store, "R-004")
    view.select_record(rid)
    row = view.model.row_of(rid)
    view.model.setData(view.model.index(row, view.model.column_of("probability")), 5)
    view.model.setData(view.model.index(row, view.model.column_of("owner")), None)
    assert page.detail.warning.isVisibleTo(page) and "critical risk with no owner" in page.detail.warning.text()


FOUR = RiskScale(4, ("Rare", "Possible", "Likely", "Certain"),
                 (Band("Low", 1, "#2e7d32"), Band("Medium", 4, "#f9a825"), Band("High", 8, "#ef6c00"),
                  Band("Severe", 12, "#6a1b9a")))


def test_scale_change_is_refused_when_scores_do_not_fit(page):
    assert not page.edit_scale(FOUR)
    assert "scored at level 5" in page.errors[0]
    assert page.document.context.risk_scale == RiskScale()


def test_scale_change_recolours_everything_and_undoes(qtbot, store):
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "Small", "probability": 3, "impact": 4})
    document = Document(store)
    page = RisksPage(document)
    qtbot.addWidget(page)
    assert page.edit_scale(FOUR)
    assert page.register_view.model.record(0)["inherent_rating"] == "Severe"
    assert page.heat_map.count(3, 4) == 1
    assert [page.filters.combos["ratings"].itemText(i) for i in range(6)] == ["All", "Low", "Medium", "High", "Severe", "(none)"]
    assert page.heat_map.plot.getPlotItem().getViewBox().viewRange()[0] == pytest.approx([0.5, 4.5])
    document.undo_stack.undo()
    assert page.register_view.model.record(0)["inherent_rating"] == "High"


def test_scale_dialog_reads_and_checks_what_is_entered(qtbot):
    dialog = ScaleDialog(RiskScale())
    qtbot.addWidget(dialog)
    dialog.size_box.setValue(4)
    assert dialog.read_names() == ("Low", "Medium", "High", "Very high")
    dialog.bands.item(0, 1).setText("2")
    dialog.accept()
    assert "start at score 1" in dialog.message.text() and dialog.result() == 0
    dialog.bands.item(0, 1).setText("1")
    dialog.bands.item(3, 1).setText("12")
    dialog.bands.item(3, 2).setText("#123456")
    assert dialog.scale().size == 4 and dialog.scale().bands[3] == Band("Critical", 12, "#123456")


def test_page_combos_hold_only_text_data(page):
    """PySide6 6.12 drops a reference each time a combo returns None or a bool as item data, and the
    interpreter aborts once None or True runs out; the page's own combos therefore hold strings only."""
    from PySide6.QtWidgets import QComboBox

    combos = page.findChildren(QComboBox)
    assert len(combos) == 10  # six quick filters, heat map mode and as-at, trend mode and period
    for combo in combos:
        assert all(isinstance(combo.itemData(i), str) for i in range(combo.count())), combo.objectName()


def test_trend_chart_draws_one_line_per_band_from_history(qtbot, store):
    from datetime import datetime

    from pmo_desktop.models.risks import RiskHistory
    from pmo_desktop.views.risks.trend_chart import TrendChart

    with store.transaction() as s:
        a = records.create_record(s, RISKS, {"title": "A", "probability": 2, "impact": 2}).id
        records.create_record(s, RISKS, {"title": "B", "probability": 5, "impact": 5})
    with store.transaction() as s:
        for row in s.scalars(select(RiskHistory)):
            row.recorded_at = datetime(2026, 2, 10)
    document = Document(store)
    chart = TrendChart(document, today=date(2026, 4, 20))
    qtbot.addWidget(chart)
    assert chart.points == []  # nothing is read until the chart is shown
    chart.show()
    qtbot.waitExposed(chart)
    assert [p.on for p in chart.points] == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 20)]
    assert [(p.counts["Low"], p.counts["Critical"]) for p in chart.points] == [(1, 1)] * 3
    curves = chart.plot.getPlotItem().listDataItems()
    assert [c.name() for c in curves] == ["Critical", "High", "Medium", "Low"]
    # Band colours; the pale low and the yellow medium a darker shade of theirs, to stand out on the white chart.
    assert [c.opts["pen"].color().name() for c in curves] == ["#b71c1c", "#ef6c00", "#c7861e", "#829683"]
    assert [round(y) for y in curves[0].getData()[1]] == [1, 1, 1]  # bands sharing a count: a few pixels apart
    ticks = chart.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [label for _x, label in ticks] == ["28 Feb", "31 Mar", "20 Apr"]
    # While shown, an edit redraws it: A rescored to critical (recorded on 15 April) counts in the last point.
    with store.transaction() as s:
        records.update_record(s, RISKS, a, {"probability": 5, "impact": 4})
    with store.transaction() as s:
        s.scalars(select(RiskHistory).order_by(RiskHistory.id.desc())).first().recorded_at = datetime(2026, 4, 15)
    document.notify("risks", [a])
    assert [(p.counts["Low"], p.counts["Critical"]) for p in chart.points] == [(1, 1), (1, 1), (0, 2)]


def test_the_heat_map_hidden_behind_the_register_counts_when_shown_not_at_every_filter(page, demo_copy, qtbot):
    """The quick filters set the heat map's filter at every pick; with its tab hidden behind the register it
    counted every risk each time (55–63 ms of CPU among 100,000, four times the table's own filter). It counts
    when shown, or when its counts are asked for, and then as the filters say."""
    from sqlalchemy import event

    heat, view = page.heat_map, page.register_view
    assert page.tabs.currentWidget() is not heat and not heat.isVisible()
    page.filters.choose("statuses", "Open")  # the map counts open risks: the table the same rows
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(demo_copy.engine, "before_cursor_execute", seen)
    try:
        page.filters.choose("levels", "Program")
        hidden = len(statements)
        page.tabs.setCurrentWidget(heat)
        qtbot.waitExposed(heat.plot)
        counted_when_shown = len(statements) - hidden
        statements.clear()
        page.filters.choose("levels", "Project")  # shown: counted at once, as the table filters
        shown = len(statements)
    finally:
        event.remove(demo_copy.engine, "before_cursor_execute", seen)
    assert counted_when_shown > 0 and shown > hidden  # the map's own statements: none while it was hidden
    assert sum(c.count for c in heat.cells.values()) == view.proxy.rowCount() > 0
    page.tabs.setCurrentWidget(view)
    page.filters.choose("levels", "Program")
    assert sum(c.count for c in heat.cells.values()) == view.proxy.rowCount() > 0  # asked while hidden: counted


def test_a_trend_of_one_day_says_where_the_history_begins(qtbot, store):
    """Risks just typed or imported have one day of history: one dot, which a newcomer took for a broken chart
    (walkthrough 27). The label under the chart says the history begins that day."""
    from pmo_desktop.views.risks.trend_chart import TrendChart

    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "A", "probability": 2, "impact": 2, "raised_on": date(2026, 1, 5)})
    chart = TrendChart(Document(store))
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    assert len(chart.points) == 1
    label = chart.plot.getPlotItem().getAxis("bottom").labelText
    assert label == f"History from {v.day_text(chart.points[0].on)}"
