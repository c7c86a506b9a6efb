"""Round grid49: on the power / interest grid no stakeholder's name covers a quadrant's title, and no title a name
— at 150 % on 1280×720 and at 100 % on 1920×1080, on the demo office and on one of 40 stakeholders crowded in one
quadrant. Each size runs in a process of its own for the scale (QT_SCALE_FACTOR)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from pmo_desktop.models import records
from pmo_desktop.models.store import Store
from tests.stakeholder_helpers import STAKEHOLDERS

NAMES_AND_TITLES = r"""
import json, sys
from PySide6.QtCore import QSettings
from pmo_desktop.views.app import make_application
app = make_application([])
from pmo_desktop.views.main_window import MainWindow
from pmo_desktop.views.pages import PAGES
from pmo_desktop.views.stakeholders.grid import PowerInterestGrid
office, settings, width, height, scale = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
w = MainWindow(QSettings(settings, QSettings.Format.IniFormat))
w.show()
assert w.open_path(office)
w.resize(int(width / scale), int(height / scale))
w.show_page([title for title, _spec in PAGES].index("Stakeholders"))
for _ in range(10):
    app.processEvents()
grid = w.findChild(PowerInterestGrid)
grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them
def box(label):
    margin = label.textItem.document().documentMargin()  # the text, less its margin
    r = label.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
    return [r.x(), r.y(), r.width(), r.height()]
print(json.dumps({"titles": {name: [label.isVisible(), box(label)] for name, label in grid.quadrant_labels.items()},
                  "names": {grid.point(rid).name: [box(label), label.textItem.toPlainText()]
                            for rid, label in grid._labels.items() if label.isVisible()},
                  "plot": [0, 0, grid.plot.width(), grid.plot.height()]}))
"""

FIRST = ["Amara", "Bilal", "Chen", "Dmitri", "Elena", "Farah", "Gustavo", "Hana", "Ivan", "Jia"]
LAST = ["Okafor", "Nakamura", "Svensson", "Fernandez"]


def _crowded_office(path: Path) -> Path:
    """40 stakeholders in the "Manage closely" quadrant, ten to each of its four top-right cells."""
    store = Store.create(path)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for i in range(40):
            records.create_record(s, STAKEHOLDERS, {"name": f"{FIRST[i % 10]} {LAST[i // 10]}", "power": 4 + i % 2,
                                                    "interest": 4 + (i // 2) % 2, "attitude": "Neutral"}, ctx)
    store.close()
    return path


@pytest.mark.parametrize("office", ["demo", "crowded"])
@pytest.mark.parametrize("screen", [(1280, 720, 1.5), (1920, 1080, 1.0)], ids=["1280x720-150", "1920x1080-100"])
def test_no_name_covers_a_quadrant_title_nor_a_title_a_name(tmp_path, demo_file_copy, office, screen):
    """At 150 % on 1280×720 the grid was too short for the bands that hold the quadrants' titles, and the titles
    went inside their quadrants: "Raj Mehta" lay over "Manage closely" and "Store managers forum" over "Keep
    informed". The titles now keep their bands, outside the cells, at every size, and the names keep to the
    cells; on the demo every name is whole as well. (At 150 % on 1280×720 the crowded cells leave every name out,
    none readable over another: their points, tooltips and the table name them.)"""
    path = demo_file_copy(tmp_path / "demo.pmo") if office == "demo" else _crowded_office(tmp_path / "crowded.pmo")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": str(screen[2]),
           "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", NAMES_AND_TITLES, str(path), str(tmp_path / "settings.ini"),
                           *map(str, screen)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    titles = {name: QRectF(*rect) for name, (visible, rect) in shown["titles"].items() if visible}
    assert sorted(titles) == ["Keep informed", "Keep satisfied", "Manage closely", "Monitor"]
    plot = QRectF(*shown["plot"])
    assert all(plot.contains(rect) for rect in titles.values()), titles
    covered = [(name, title) for name, (rect, _text) in shown["names"].items()
               for title, t in titles.items() if QRectF(*rect).intersects(t)]
    assert not covered
    if office == "demo":
        cut = [text for name, (_rect, text) in shown["names"].items() if text.replace("\n", " ") != name]
        assert len(shown["names"]) == 8 and not cut, cut
