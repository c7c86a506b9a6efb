"""The window runs under the user's desktop locale: Qt sets the C library's locale from it when the
application starts, so ``strftime("%b")`` says "Dez" in a German session (and "Ara" in a Turkish one)
where the command line says "Dec". Dates are shown one way everywhere, whatever the region (README): what
the window writes — a board snapshot's label kept in the file, the board pack's headings, the roll-up's
periods, the trend's dates — must read as the command line writes them.

Fault injected (fault12): LANG=de_DE.UTF-8 and tr_TR.UTF-8, for real: the locales are compiled with
``localedef`` into a folder of the test's (LOCPATH), and the window's code runs in a process of its own
with a QApplication, as on such a desktop."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
from datetime import date, datetime
from PySide6.QtWidgets import QApplication
app = QApplication([])  # sets the C library's locale from LANG, as the window's start does
from openpyxl import load_workbook
from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models import snapshots
from pmo_desktop.models.benefit_rollup import period_label
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.risk_trend import TrendPoint
from pmo_desktop.views.risks.trend_chart import date_ticks

office, pack = sys.argv[1], sys.argv[2]
store = create_demo(office)
publish_board_pack(store, pack, date(2026, 12, 4))
texts = [str(c.value) for ws in load_workbook(pack) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
with store.session() as s:
    kept = [i.label for i in snapshots.list_snapshots(s)]
print(json.dumps({
    "strftime": date(2026, 12, 4).strftime("%b"),
    "kept": kept,
    "default_label": snapshots.default_label(date(2026, 12, 4)),
    "title": snapshots.SnapshotInfo(1, datetime(2026, 12, 4, 9, 5), "x", 1).title,
    "period": period_label(date(2026, 3, 1), "month"),
    "ticks": [t for _, t in date_ticks([TrendPoint(date(2025, 12, 31), {}), TrendPoint(date(2026, 3, 4), {})])],
    "communications": [t for t in texts if t.startswith("Communications due in")],
}))
"""


@pytest.fixture(scope="module")
def locales(tmp_path_factory) -> Path:
    if shutil.which("localedef") is None or not Path("/usr/share/i18n/locales/de_DE").exists():
        pytest.skip("localedef and the locale sources (package locales) are needed to make a German desktop")
    folder = tmp_path_factory.mktemp("locales")
    for name in ("de_DE", "tr_TR"):
        subprocess.run(["localedef", "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")], check=True,
                       capture_output=True, timeout=120)
    return folder


@pytest.mark.parametrize("lang,local_december", [("de_DE.UTF-8", "Dez"), ("tr_TR.UTF-8", "Ara")])
def test_what_the_window_writes_reads_the_same_whatever_the_desktop_locale(tmp_path, locales, lang,
                                                                           local_december):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LOCPATH": str(locales), "LANG": lang,
           "QT_QPA_PLATFORM": "offscreen"}
    for name in ("LC_ALL", "LC_TIME", "LANGUAGE"):
        env.pop(name, None)
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.pmo"), str(tmp_path / "pack.xlsx")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["strftime"] == local_december  # the locale is really in force: the fault is injected
    assert got["kept"] == ["Board pack 4 Dec 2026"]  # kept in the file, named by `changes --since`
    assert got["default_label"] == "Board pack 4 Dec 2026"
    assert got["title"] == "x (taken 4 Dec 2026 09:05)"
    assert got["period"] == "Mar 2026"
    assert got["ticks"] == ["31 Dec 25", "4 Mar 26"]
    assert got["communications"] and all("December 2026" in t for t in got["communications"])
