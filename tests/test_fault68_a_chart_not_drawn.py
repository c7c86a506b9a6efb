"""Fault round 68 (stop-54 leftover): the benefits roll-up chart it cannot draw — a baseline of 1e308 in a
hand-edited office (``Rollup.plottable``, fault67) — still showed its plot: an empty axis of 0 to 0.9 under a
summary line saying it was not drawn, read on a projector as "nothing planned". The sentence now stands in the
chart's place, in the chart's large type; the chart comes back once its amounts can be drawn."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benefits_office import LOWER_RUNNING_COST, benefits_office

from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    """One financial benefit with a plan (a baseline and a target)."""
    return benefits_office(tmp_path, [LOWER_RUNNING_COST])


def _set_baseline(office: Path, baseline: str) -> None:
    con = sqlite3.connect(office)
    with con:
        con.execute(f"UPDATE benefit SET baseline_value = {baseline}")
    con.close()


def test_the_sentence_stands_in_place_of_the_chart(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.benefits import chart_style as st
    from pmo_desktop.views.benefits.rollup_chart import RollupChart
    from pmo_desktop.views.document import Document

    office = _office(tmp_path)
    _set_baseline(office, "1e308")
    document = Document(Store.open(office))
    try:
        chart = RollupChart(document)
        qtbot.addWidget(chart)
        chart.resize(900, 500)
        chart.show()
        qtbot.waitExposed(chart)
        chart.refresh()
        assert not chart.plot.isVisible()  # no empty axis of 0 to 0.9
        note = chart.not_drawn
        assert note.isVisible() and note.text().startswith("The chart is not drawn — an amount of these benefits")
        assert note.font().pointSizeF() >= st.FONT_PT  # as large as the chart's own words
        assert chart.summary.text() == "<b>1</b> financial benefit."  # one benefit, not "1 financial benefits"
        qtbot.waitUntil(lambda: note.height() > chart.height() / 2, timeout=2000)  # in the chart's room, not a line above it

        _set_baseline(office, "100")  # put right: the chart is drawn again
        chart.refresh()
        assert chart.plot.isVisible() and not note.isVisible()
        assert chart.summary.text().startswith("<b>1</b> financial benefit. Realized to date")
    finally:
        document.close()
