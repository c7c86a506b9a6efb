"""Charts that read on a projector: month ticks on the benefit chart's date axis, the Today label clear
of the Target and Baseline labels, nothing but a hint when no benefit is selected, and stakeholder
names clear of the quadrant titles at 1280×720."""

from datetime import date, timedelta

import pytest
from stakeholder_helpers import STAKEHOLDERS, make_page

from pmo_desktop.models import records
from pmo_desktop.models.benefit_rollup import BenefitSeries
from pmo_desktop.views.benefits.chart_style import from_x
from pmo_desktop.views.benefits.realization_chart import RealizationChart


def series(**kw) -> BenefitSeries:
    values = dict(id=1, code="B-001", title="Faster tills", category="Non-financial", unit="seconds",
                  baseline_value=0.0, baseline_date=date(2026, 1, 1), target_value=120.0,
                  target_date=date(2027, 12, 31), window_start=date(2026, 1, 1), window_end=date(2027, 12, 31),
                  dis_benefit=False)
    values.update(kw)
    return BenefitSeries(**values)


def chart(qtbot, today: date, width=900, height=600) -> RealizationChart:
    c = RealizationChart(today=lambda: today)
    qtbot.addWidget(c)
    c.resize(width, height)
    c.show()
    qtbot.waitExposed(c)
    return c


def ticks(c: RealizationChart) -> list[tuple[date, str]]:
    axis = c.plot.getPlotItem().getAxis("bottom")
    low, high = c.plot.getPlotItem().getViewBox().viewRange()[0]
    levels = axis.tickValues(low, high, axis.width())
    values = [v for _spacing, vs in levels for v in vs]
    return list(zip([from_x(v) for v in values], axis.tickStrings(values, 1, 1)))


def test_the_date_axis_shows_months(qtbot):
    c = chart(qtbot, date(2026, 6, 15))
    c.show_series(series())
    got = ticks(c)
    assert len(got) >= 4
    assert all(d.day == 1 for d, _ in got)
    assert "Jan 2027" in [text for _, text in got]
    assert any(len(text) == 3 for _, text in got)  # months between the years: "Apr", "Jul" …
    wide = chart(qtbot, date(2026, 6, 15), width=1800)
    wide.show_series(series(window_end=date(2026, 12, 31), target_date=date(2026, 12, 31)))
    assert [d.month for d, _ in ticks(wide)][:3] == [1, 2, 3]  # room enough: every month


@pytest.mark.parametrize("today", [date(2026, 1, 10), date(2026, 6, 15), date(2027, 12, 20)])
def test_today_label_never_overprints_target_or_baseline(qtbot, today):
    c = chart(qtbot, today, width=700, height=500)
    c.show_series(series(plan=[(date(2026, 1, 1), 0.0), (date(2027, 12, 31), 120.0)]))
    qtbot.wait(10)
    today_box = c.today_line.label.sceneBoundingRect()
    for line in (c.target_line, c.baseline_line):
        assert not today_box.intersects(line.label.sceneBoundingRect()), line.label.format


def test_no_benefit_selected_shows_no_meaningless_axes(qtbot):
    c = chart(qtbot, date(2026, 6, 15))
    item = c.plot.getPlotItem()
    assert not item.getAxis("left").isVisible() and not item.getAxis("bottom").isVisible()
    assert not c.legend.isVisible()
    assert item.titleLabel.text == ""  # said once, by the profile beside it (walk46)
    c.show_series(series())
    assert item.getAxis("left").isVisible() and item.getAxis("bottom").isVisible() and c.legend.isVisible()
    c.show_series(None)
    assert not item.getAxis("left").isVisible()


def test_grid_names_and_quadrant_titles_do_not_overlap_at_1280x720(qtbot, store):
    names = [("Helen Brooks", 5, 5), ("Data protection officer", 4, 2), ("Store managers forum", 3, 5),
             ("Marketing team", 1, 5), ("Monitoring group", 1, 1), ("Finance", 5, 1)]
    with store.transaction() as s:
        for name, power, interest in names:
            records.create_record(s, STAKEHOLDERS, {"name": name, "power": power, "interest": interest})
    page = make_page(qtbot, store)
    page.resize(1280, 720)
    qtbot.wait(50)
    grid = page.grid
    titles = [label.sceneBoundingRect() for label in grid.quadrant_labels.values()]
    for label in grid._labels.values():
        box = label.sceneBoundingRect()
        assert not any(box.intersects(t) for t in titles), label.toPlainText()
    shown = {label.toPlainText().replace("\n", " ") for label in grid._labels.values()}
    assert "Data protection officer" in shown and "Store managers forum" in shown  # whole names, wrapped


def test_rollup_legend_leaves_the_curves_visible(qtbot, tmp_path):
    from PySide6.QtCore import QPointF

    from pmo_desktop.models.demo import create_demo
    from pmo_desktop.views.benefits.rollup_chart import RollupChart
    from pmo_desktop.views.document import Document

    document = Document(create_demo(tmp_path / "demo.pmo"))
    c = RollupChart(document)
    qtbot.addWidget(c)
    c.resize(1000, 520)
    c.show()
    qtbot.waitExposed(c)
    c.refresh()
    qtbot.wait(20)
    view = c.plot.getPlotItem().getViewBox()
    legend = c.legend.sceneBoundingRect()
    for x, y in c.chart_data()["cumulative_planned"]:
        assert not legend.contains(view.mapViewToScene(QPointF(x, y))), (x, y)
    document.close()


def test_trend_ticks_never_print_today_over_the_last_month_end():
    from types import SimpleNamespace

    from pmo_desktop.views.risks.trend_chart import date_ticks

    ends = [date(2026, m + 1, 1) - timedelta(days=1) for m in range(2, 12)] + [date(2026, 12, 2)]
    labels = [text for _x, text in date_ticks([SimpleNamespace(on=d) for d in ends])]
    assert labels[-1] == "2 Dec" and "30 Nov" not in labels and labels[-2] == "31 Oct"
    weekly = [date(2026, 11, 1) + timedelta(days=7 * k) for k in range(5)]
    assert [t for _x, t in date_ticks([SimpleNamespace(on=d) for d in weekly])] == [
        d.strftime("%d %b").lstrip("0") for d in weekly]  # evenly spaced: every label kept
