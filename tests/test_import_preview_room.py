"""The import preview uses the room it has (walk52's items 6 and 10): on a big screen it opens big, and where its
rows' reasons and what each row becomes cannot both be whole they share the width so the rows read in the fewest
lines — 137 rows "same as the office's …" each wrapped to three lines beside the width one inserted row's long
line took, at the dialog's 1100 px of a 1280×720 screen."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
from test_walkthrough52 import preview_of

from pmo_desktop.views.exchange.actions import export_registers
from pmo_desktop.views.exchange.import_dialog import REASON
from pmo_desktop.views.exchange.report_model import HEADERS

ROOT = Path(__file__).resolve().parents[1]


def test_skipped_rows_reasons_take_two_lines_not_three_beside_a_long_change(demo_window, qtbot, tmp_path):
    window = demo_window
    exported = tmp_path / "office.xlsx"
    assert export_registers(window, window.document, str(exported))
    book = openpyxl.load_workbook(exported)
    risks = book["Risk register"]
    title = [c.value for c in risks[1]].index("Title") + 1
    risks.cell(2, title).value = "POS supplier delivers late (re-worded)"
    added = risks.max_row + 1
    risks.cell(added, title).value = "Store staff leave before go-live, the rollout plan's trainers with them"
    book.save(tmp_path / "edited.xlsx")
    dialog = preview_of(qtbot, window, tmp_path / "edited.xlsx")
    dialog.resize(1100, 700)  # its first size on a 1280×720 screen (this test's screen is smaller) …
    dialog.splitter.setSizes([380, 710])  # … the mapping's pane as wide as its names there
    view, model = dialog.report_view, dialog.report_model
    same = [r for r in range(model.rowCount()) if (model.index(r, REASON).data() or "").startswith("same as")]
    assert len(same) > 100 and HEADERS[REASON] == "Reason"
    line = view.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: view.viewport().width() > 650)
    qtbot.wait(50)  # the rows fitted after the resize
    fixed = sum(view.columnWidth(c) for c in range(4) if not view.isColumnHidden(c))
    assert view.columnWidth(4) >= (view.viewport().width() - fixed) // 3  # what a change becomes, read beside it
    tallest = max(view.rowHeight(r) for r in same)
    assert tallest < 3 * line, (tallest, line, [view.columnWidth(c) for c in range(6)])


SCREEN_1920 = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
               "screens": [{"name": "big", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                            "logicalBaseDpi": 96, "dpr": 1}]}


def test_the_preview_opens_on_most_of_a_big_screen_and_within_a_small_one(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN_1920))
    csv = tmp_path / "risks.csv"
    csv.write_text("ID,Title,Owner\nR1,Tills arrive late,Sam\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        from PySide6.QtWidgets import QApplication
        from pmo_desktop.models.store import Store
        from pmo_desktop.views.document import Document
        from pmo_desktop.views.exchange.import_dialog import ImportDialog
        app = QApplication([])
        document = Document(Store.create({str(tmp_path / "office.pmo")!r}))
        dialog = ImportDialog(document, {str(csv)!r})
        room = dialog.screen().availableGeometry()
        print(dialog.width(), dialog.height(), room.width(), room.height())
    """)
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    width, height, room_width, room_height = map(int, done.stdout.split())
    assert (room_width, room_height) == (1920, 1080)
    assert width >= 0.8 * room_width - 1 and height >= 0.8 * room_height - 1  # was 1100 × 700
    assert width <= room_width and height <= room_height
