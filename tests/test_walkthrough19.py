"""Walkthrough 19: closing an office stops its tables' workers and lets go of every connection; presenting grows
every page's title and chart controls; the import preview's and the power/interest grid's words whole at
1280×720 — real window, real key presses, real files and a real server."""

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pmo_desktop.models import records, sort_index
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import windowed

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def files_open_in_this_process(path: Path) -> list[str]:
    """The descriptors of this process open on ``path`` or its -wal / -shm (Linux's /proc)."""
    names = {str(path.resolve()) + side for side in ("", "-wal", "-shm", "-journal")}
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in names:
            found.append(target)
    return found


def server_sessions(url: str) -> int:
    """Sessions other than this one on the server's database of ``url``."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password, dbname="postgres") as c:
        return c.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                         (u.database,)).fetchone()[0]


@pytest.fixture
def slow_index_builds(monkeypatch):
    """A sort index's build that takes a while (a million risks take seconds): it is still running when the
    office is closed. The build itself is the real one, on the real database."""
    started = threading.Event()
    for name in ("ensure", "ensure_ahead", "ensure_concurrently"):
        real = getattr(sort_index, name)

        def slow(*args, _real=real, **kwargs):
            started.set()
            threading.Event().wait(1.5)
            return _real(*args, **kwargs)

        monkeypatch.setattr(sort_index, name, slow)
    monkeypatch.setattr(sort_index, "THRESHOLD", 5)
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 5)
    return started


def test_closing_an_office_stops_its_tables_workers_and_lets_go_of_every_connection(
        main_window, qtbot, store_url, backend, slow_index_builds):
    """Closed while a large table, opened and sorted, builds its sort indexes on a worker: the worker is stopped or finished
    and no connection is left — the file can be renamed and deleted (on Windows an open file cannot),
    nothing of this process holds it, and the server has no session left of ours."""
    from pmo_desktop.models.store import Store

    store = Store.open(store_url)
    with store.transaction() as s:
        ctx = records.load_context(s)
        for i in range(9):
            records.create_record(s, RISKS, {"title": f"Risk {i}"}, ctx)
    store.close()
    window = main_window
    assert window.open_path(store_url)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # the Risks page
    page = window.stack.currentWidget()
    view = page.register_view
    assert isinstance(view.model, windowed.WindowedRegisterModel)
    # Opened, the table builds sort indexes ahead; sorted by a date, SQLite builds its index after the sort.
    view.table.sortByColumn(view.model.column_of("raised_on"), Qt.SortOrder.AscendingOrder)
    assert slow_index_builds.wait(10)
    workers = [t for t in threading.enumerate() if t.name.startswith("pmo-sort-index") and t.is_alive()]
    assert workers
    qtbot.keyClick(window, Qt.Key.Key_F4, CTRL)  # File ▸ Close (Ctrl+W: the next test)
    assert window.document is None
    assert not any(t.is_alive() for t in workers)
    if backend == "sqlite":
        path = Path(store_url)
        assert files_open_in_this_process(path) == []
        moved = path.with_name("moved.pmo")
        path.rename(moved)
        moved.unlink()
    else:
        assert server_sessions(store_url) == 0


def test_every_standard_shortcut_of_the_menus_and_tables_works_by_each_of_its_keys(demo_window, qtbot):
    """Ctrl+W, the key people press to close a file, did nothing: the File menu's Close had Ctrl+F4 alone, the
    first of the platform's keys for it (every standard key had its first only: Copy no Ctrl+Insert)."""
    from PySide6.QtGui import QAction, QKeySequence

    window = demo_window
    standard = {"&Close": QKeySequence.StandardKey.Close, "&Quit": QKeySequence.StandardKey.Quit,
                "&New…": QKeySequence.StandardKey.New, "&Open…": QKeySequence.StandardKey.Open,
                "Save a Copy &As…": QKeySequence.StandardKey.SaveAs}
    actions = {a.text(): a for a in window.findChildren(QAction) if a.text() in standard}
    from pmo_desktop.views.main_window import MISSING_STANDARD_KEYS

    for text, key in standard.items():
        where_none = [QKeySequence(MISSING_STANDARD_KEYS[key])] if key in MISSING_STANDARD_KEYS else []
        assert actions[text].shortcuts() == (QKeySequence.keyBindings(key) or where_none), text
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # the Risks page, the keyboard in its table
    table = window.stack.currentWidget().register_view.table
    qtbot.waitUntil(table.hasFocus)
    copy = next(a for a in table.actions() if a.text() == "Copy")
    assert copy.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Copy)
    qtbot.keyClick(table, Qt.Key.Key_W, CTRL)
    assert window.document is None


def test_presenting_grows_every_pages_title_and_chart_controls_once_and_back(demo_window, qtbot):
    """Presenting (F11) the tables and filter bars grew, every page's title and the controls above its charts
    (the heat map's "Open risks only", the trend's combos, the benefits' "By quarter", the map's buttons)
    stayed at 100 %: words of their own size the page's zoom did not reach. Now every word of every page
    grows by the zoom, once — nothing inside a chart, which the zoom already draws larger, nor what sizes
    itself to its room (the power/interest grid, the engagement matrix) — and Esc gives each its size back."""
    from PySide6.QtWidgets import QAbstractItemView, QGraphicsView, QWidget
    from test_walkthrough18b import WORDS, sizes_then_presenting

    from pmo_desktop.views.pages import PAGES

    def measured(w: QWidget, page: QWidget) -> bool:
        p = w.parentWidget()
        while p is not None and p is not page:
            if isinstance(p, (QAbstractItemView, QGraphicsView)) or type(p).__name__ in (
                    "PowerInterestGrid", "EngagementMatrix"):
                return False
            p = p.parentWidget()
        return isinstance(w, WORDS)

    window = demo_window
    pages, before, factor = sizes_then_presenting(window, qtbot)
    titles = chart_controls = 0
    for title, page in zip((t for t, _s in PAGES), pages):
        for w in page.findChildren(QWidget):
            if id(w) not in before or not measured(w, page):
                continue
            grown = w.font().pointSizeF() / before[id(w)]
            text = w.text() if hasattr(w, "text") else ""
            assert abs(grown - factor) < 0.02, (title, type(w).__name__, text, grown)
            titles += w.objectName() in ("page-title", "overview-title")
            chart_controls += w.parentWidget().findChild(QGraphicsView) is not None
    assert titles == len(PAGES) and chart_controls >= 8
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)
    for page in pages:
        for w in page.findChildren(QWidget):
            if id(w) in before and measured(w, page):
                assert abs(w.font().pointSizeF() - before[id(w)]) < 0.02, type(w).__name__


@pytest.mark.parametrize("screen_width", [800, 1280])
def test_the_previews_values_to_translate_stay_readable_however_narrow_the_pane(qtbot, document, tmp_path,
                                                                              screen_width):
    """A colleague's workbook with new categories: the pane of the
    values to translate dragged to its narrowest (or made narrow by a small screen) showed "Add to th…" —
    the words of what the choice does cut. It can be no narrower than its dropdowns' words whole; the
    value's label wraps instead."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox
    from real_world_factory import write_xlsx

    from pmo_desktop.views.exchange.import_dialog import ImportDialog
    from pmo_desktop.views.exchange.translation_combo import fitted_choice

    def field_width(combo) -> int:  # the closed box's room for its text, as it paints it
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width() - 4

    rows = [["ID", "Risk", "Risk Category", "Likelihood", "Impact", "Status"],
            ["R1", "Customer records leak", "Data protection, privacy and compliance", 3, 4, "Open"],
            ["R2", "Supplier fails", "Schedule", 2, 3, "Open"], ["R3", "Budget overrun", "Money", 2, 3, "Open"]]
    dialog = ImportDialog(document, write_xlsx(tmp_path / "colleague.xlsx", {"Risks": rows}))
    qtbot.addWidget(dialog)
    dialog.resize(min(1100, screen_width - 40), 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    total = sum(dialog.splitter.sizes())
    least = dialog.splitter.widget(0).minimumSizeHint().width()
    dialog.splitter.setSizes([least, total - least])  # the user drags the splitter as far left as it goes
    qtbot.wait(50)
    table = dialog.values_table
    combos = [table.cellWidget(r, 1) for r in range(table.rowCount())]
    assert len(combos) == 3 and dialog.splitter.sizes()[0] > 0
    for combo in combos:
        box = combo.geometry()
        assert box.left() >= 0 and box.right() < table.viewport().width(), (box, table.viewport().width())  # seen whole
        for i in range(combo.count()):
            words = combo.itemText(i)
            if len(words) > 24 and "“" not in words:
                continue  # an office's own long choice: shortened, whole in its tooltip and opened list
            shown = fitted_choice(words, combo.fontMetrics(), field_width(combo))
            start, end = words.find("“"), words.rfind("”")
            bare = " ".join((words[:start] + " " + words[end + 1:]).split()) if start >= 0 else words
            assert shown in (words, bare) or (start >= 0 and shown.startswith(words[:start + 1])
                                              and shown.endswith(words[end:])), shown
    assert table.columnWidth(0) >= table.horizontalHeader().sectionSizeHint(0)


LEADERS = """
from PySide6.QtCore import QPointF
xs, ys = grid.leaders.getData() if hasattr(grid, "leaders") else (None, None)
xs, ys = ([] if xs is None else list(xs)), ([] if ys is None else list(ys))
ends = [grid.view.mapViewToScene(QPointF(float(x), float(y))) for x, y in zip(xs, ys)]
print(json.dumps([[e.x(), e.y()] for e in ends]))
"""


def test_at_150_percent_on_1280_by_720_a_name_with_no_room_beside_its_point_is_drawn_whole_where_there_is(
        tmp_path, demo_file_copy):
    """At 150 % on 1280×720 the grid is 331 × 144 of Qt's pixels and "Store managers forum" has no room beside
    its point (its neighbours' points a cell away on both sides): it was cut to "Store…", whole only in its
    tooltip. It is drawn whole where the grid has room — clear of every name and point — with a thin line to
    its point that crosses no other name or point. Run in a process of its own for the scale."""
    import json
    import os
    import subprocess
    import sys

    from PySide6.QtCore import QLineF, QPointF, QRectF
    from test_walkthrough18b import GRID_AT_150

    demo = demo_file_copy(tmp_path / "demo.pmo")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", GRID_AT_150 + LEADERS, str(demo), str(tmp_path / "settings.ini")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout.strip().splitlines()
    shown, ends = json.loads(out[-2]), json.loads(out[-1])
    text = {name: t.replace("\n", " ") for name, (t, _r) in shown["labels"].items()}
    assert all(t == name for name, t in text.items()), text  # every name whole, "Store managers forum" too
    rects = {name: QRectF(*r).adjusted(4, 4, -4, -4) for name, (_t, r) in shown["labels"].items()}
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), (a, b)
    view = QRectF(*shown["view"])
    disc = 11
    points = {name: QRectF(x - disc, y - disc, 2 * disc, 2 * disc) for name, (x, y) in shown["points"].items()}
    for name, rect in rects.items():
        assert view.contains(rect), name
        assert not any(rect.intersects(points[o]) for o in points if o != name), name
    # a line from "Store managers forum"'s point to its name; and one from the selected stakeholder's (Helen
    # Brooks, the first row), whose name stands clear of the ring it wears and so has no room beside it here (walk42)
    lines = [QLineF(QPointF(*ends[i]), QPointF(*ends[i + 1])) for i in range(0, len(ends), 2)]
    led = {name: line for name, (x, y) in shown["points"].items()
           for line in lines if (line.p1() - QPointF(x, y)).manhattanLength() < 1
           and rects[name].adjusted(-5, -5, 5, 5).contains(line.p2())}
    assert set(led) == {"Store managers forum", "Helen Brooks"}, (led, ends)
    assert len(lines) == 2
    for name, line in led.items():
        for i in range(51):  # each line crosses no other name or point
            at = line.pointAt(i / 50)
            assert not any(r.contains(at) for n, r in {**rects, **points}.items() if n != name), (name, at)


def test_every_menu_item_has_a_letter_of_its_own_and_board_snapshots_opens_by_keys(demo_window, qtbot):
    """File ▸ Board Snapshots has no shortcut, and its letter S was also Connect to Shared Office's: Alt+F, S
    only moved between the two and Enter was needed to know which (Save a Copy As and Close shared C, Redo and
    Find in All Registers R). Each item of a menu now has a letter no other item of it has, and Alt+F, S
    opens the snapshots."""
    import re

    from PySide6.QtWidgets import QApplication

    from pmo_desktop.views.snapshots_dialog import SnapshotsDialog

    window = demo_window
    for top in window.menuBar().actions():
        letters = [m.group(1).lower() for a in top.menu().actions()
                   if (m := re.search(r"&(\w)", a.text())) and a.isVisible()]
        assert len(letters) == len(set(letters)), (top.text(), letters)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), type(window.file_menu)))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_S)
    qtbot.waitUntil(lambda: any(isinstance(w, SnapshotsDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SnapshotsDialog) and w.isVisible())
    dialog.close()


def test_a_column_half_under_the_frozen_title_shows_its_cells_in_the_part_in_view(empty_window, qtbot):
    """Scrolled sideways to a risk's owner and dates, the Project column lay half under the frozen ID and title:
    its header read "Project" in the part in view, its cells looked empty — "Shop" was drawn from the cell's
    left edge, under the title. The part in view now shows the cell's text, as the header shows its label."""
    from PySide6.QtGui import QColor

    window = empty_window
    office = window.document.office
    from pmo_desktop.models import records as recs

    def fill(session):
        ctx = recs.load_context(session)
        recs.create_record(session, REGISTERS["projects"], {"name": "Shop"}, ctx)
        ctx = recs.load_context(session)
        recs.create_record(session, RISKS, {"title": "Card payments outage", "project": "Shop"}, ctx)
    office.write(fill)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    column = view.model.column_of("project")
    bar = table.horizontalScrollBar()
    frozen = table.frozen
    for _ in range(3):  # the frozen columns show once scrolled; their width is then known
        edge = frozen.frozen_width() + 2
        bar.setValue(table.horizontalHeader().sectionPosition(column) + table.columnWidth(column) - 45 - edge)
        qtbot.wait(30)
    edge = frozen.width()
    left = table.columnViewportPosition(column)
    assert frozen.isVisible() and left < edge < left + table.columnWidth(column) - 30
    picture = table.viewport().grab().toImage()
    top, height = table.rowViewportPosition(0), table.rowHeight(0)
    dark = sum(1 for x in range(edge + 1, left + table.columnWidth(column) - 2) for y in range(top + 2, top + height - 2)
               if QColor(picture.pixel(x, y)).lightness() < 110)
    assert dark > 15, dark  # the text's strokes in the part in view


def test_a_workbook_imported_from_another_page_shows_the_rows_where_they_came_in(empty_window, qtbot, tmp_path):
    """A colleague's risks imported by Ctrl+I while the Benefits page showed: the status bar said "Imported 2
    new", the Benefits table kept the keyboard, and nothing on screen showed the two risks. The Risks page is
    shown, its table has the keyboard and the rows."""
    from PySide6.QtWidgets import QApplication
    from real_world_factory import write_xlsx

    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = empty_window
    path = write_xlsx(tmp_path / "colleague risks.xlsx", {"Risks": [
        ["Ref", "Risk description", "Likelihood", "Impact", "Status"],
        ["OS-1", "Payment provider contract delayed", "High", "Medium", "Open"],
        ["OS-2", "Peak traffic crashes the site", "Low", "Very high", "Open"]]})
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # the Benefits page
    qtbot.waitUntil(lambda: window.stack.currentWidget().register_view.table.hasFocus())
    dialog = open_import_dialog(window, window.document, str(path))  # as Ctrl+I opens it, the file chosen
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page = window.stack.currentWidget()
    assert getattr(page, "register_view", None) is not None and page.register_view.register.name == "risks"
    qtbot.waitUntil(lambda: page.register_view.table.hasFocus())
    assert page.register_view.proxy.rowCount() == 2
    assert "Imported 2 new" in window.statusBar().currentMessage()


def test_the_board_snapshots_name_their_day_as_every_date_is_shown():
    """File ▸ Board Snapshots listed "04 Dec 2026 21:09" and "Board pack 04 Dec 2026" beside tables reading
    "4 Dec 2026": dates are shown one way everywhere (README). A snapshot's label, its time and the label of
    the office as at a past day now read "4 Dec 2026"."""
    from datetime import date, datetime

    from pmo_desktop.models import snapshots
    from pmo_desktop.models import values as v

    day = date(2026, 12, 4)
    assert snapshots.default_label(day) == f"Board pack {v.day_text(day)}" == "Board pack 4 Dec 2026"
    assert v.moment_text(datetime(2026, 12, 4, 9, 5)) == "4 Dec 2026 09:05"
    assert v.moment_text(datetime(2026, 12, 14, 21, 9)) == "14 Dec 2026 21:09"
