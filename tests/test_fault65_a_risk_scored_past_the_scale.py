"""Fault round 65: a risk scored past the office's scale — its file edited by hand, or by a newer PMO Desktop: a
probability of 7 on the five levels. The heat map counted it among the risks scored ("3 risks scored") and drew it
in no cell, without a word; the unscored count (walk43) left it out too. Now the map counts the risks it draws and
says how many are scored past the scale and not drawn."""

from __future__ import annotations

from pathlib import Path

from imported import import_all
from real_world_factory import write_csv
from sqlalchemy import text

from pmo_desktop.views.risks.heatmap import HeatMapChart


def test_a_risk_scored_past_the_scale_is_said_not_counted_as_drawn(document, qtbot, tmp_path: Path) -> None:
    rows = [["ID", "Title", "Owner", "Probability", "Impact", "Status"],
            ["R1", "Supplier late", "Ann", 4, 3, "Open"],
            ["R2", "Budget cut", "Bob", 2, 5, "Open"],
            ["R3", "Staff leave", "Cy", 3, 3, "Open"]]
    import_all(document.store, write_csv(tmp_path / "risks.csv", rows))
    with document.store.engine.begin() as conn:  # as a database tool writes it
        conn.execute(text("UPDATE risk SET probability = 7 WHERE code = 'R3'"))
    chart = HeatMapChart(document)
    qtbot.addWidget(chart)
    chart.show()
    heat = chart
    qtbot.waitUntil(lambda: bool(heat.total_label.text()))
    assert heat.total_label.text() == "2 risks scored · 1 scored past the scale's 5 levels, not drawn"
    assert "edited outside PMO Desktop" in heat.total_label.toolTip()
