"""Walkthrough 18, its leftovers: one zoom for every page's words, the power/interest grid's names whole at
150 %, a register's headers cut visibly at the view's edge — real window, real key presses."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from pmo_desktop.views.pages import PAGES
from pmo_desktop.views.zoom import zoom

CTRL = Qt.KeyboardModifier.ControlModifier
DIGITS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7,
          Qt.Key.Key_8]
WORDS = (QLineEdit, QPushButton, QComboBox, QCheckBox, QRadioButton, QLabel, QTabBar)


def beside_a_chart(widget: QWidget, page: QWidget) -> bool:
    """A chart's own controls and legend (in the widget that holds its plot) are sized with the chart, which
    the zoom already draws larger; a table's editors and headers follow the table's zoom."""
    w = widget.parentWidget()
    while w is not None and w is not page:
        if isinstance(w, QAbstractItemView):
            return True
        if not isinstance(w, (QStackedWidget, QTabWidget, QSplitter)) and w.findChild(QGraphicsView) is not None:
            return True
        if type(w).__name__ == "EngagementMatrix":  # a table of cells drawn at a size of their own
            return True
        w = w.parentWidget()
    return False


def every_page(window, qtbot) -> list[QWidget]:
    pages = []
    for key in DIGITS[:len(PAGES)]:
        qtbot.keyClick(window, key, CTRL)
        qtbot.wait(20)
        pages.append(window.stack.currentWidget())
    return pages


def sizes_then_presenting(window, qtbot) -> tuple[list[QWidget], dict[int, float], float]:
    """Every page, each of its widgets' type size at 100 % (by ``id``), then presenting (F11) with every page
    shown again: the pages, those sizes and the zoom's factor."""
    pages = every_page(window, qtbot)
    before = {id(w): w.font().pointSizeF() for page in pages for w in page.findChildren(QWidget)}
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.presentation.active)
    every_page(window, qtbot)
    return pages, before, zoom().factor


def test_presenting_grows_every_pages_filters_and_buttons_once(demo_window, qtbot):
    """Presenting (F11) the Risks page's filters, search box and buttons grew with its tables, every other
    page's stayed at 100 %: small words over big rows on the Stakeholders, Benefits, RAID and Status pages.
    One zoom now for every page, declared once; nothing — a chart above all, which the zoom already draws
    larger — grows twice."""
    window = demo_window
    pages, before, factor = sizes_then_presenting(window, qtbot)
    assert factor >= 1.25
    words = 0
    for title, page in zip((t for t, _s in PAGES), pages):
        for w in page.findChildren(QWidget):
            if id(w) not in before:
                continue
            grown = w.font().pointSizeF() / before[id(w)]
            assert grown < factor + 0.02, (title, type(w).__name__, grown)  # never twice
            if isinstance(w, WORDS) and not beside_a_chart(w, page) and w.objectName() != "page-title":
                words += 1
                text = w.text() if hasattr(w, "text") else ""
                assert abs(grown - factor) < 0.02, (title, type(w).__name__, text, grown, chain(w))
    assert words > 100

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)
    for page in pages:
        for w in page.findChildren(QWidget):
            if id(w) in before and isinstance(w, WORDS) and not beside_a_chart(w, page):
                assert abs(w.font().pointSizeF() - before[id(w)]) < 0.02, type(w).__name__


def chain(w):
    out = []
    while w is not None:
        out.append(type(w).__name__)
        w = w.parentWidget()
    return out


GRID_AT_150 = """
import json, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from pmo_desktop.views.main_window import MainWindow
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
assert window.open_path(sys.argv[1])
window.resize(853, 480)  # 1280×720 at 150 %
window.activateWindow()
QTest.qWait(100)
QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
page = window.stack.currentWidget()
page.tabs.setCurrentWidget(page.grid)
QTest.qWait(300)
grid = page.grid
grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them
def box(r):
    return [r.x(), r.y(), r.width(), r.height()]
print(json.dumps({
    "labels": {p.name: [grid._labels[p.id].textItem.toPlainText(), box(grid._labels[p.id].sceneBoundingRect())]
               for p in grid.points},
    "points": {p.name: [grid.scene_pos_of(p.id).x(), grid.scene_pos_of(p.id).y()] for p in grid.points},
    "view": box(grid.view.sceneBoundingRect()),
}))
"""


def test_at_150_percent_on_1280_by_720_the_grid_draws_whole_the_names_it_has_room_for(tmp_path, demo_file_copy):
    """At 150 % (QT_SCALE_FACTOR=1.5) on 1280×720 the power/interest grid beside the table is 331 × 144 of Qt's
    pixels, and the demo's "Linda Osei", "Union representatives" (and "Store managers forum") were cut: each
    shortened name looked for room in the table's order, and the first to move aside took what another
    needed, or a neighbour's name 1 pixel too low kept it. The names now find their places together, a
    label may sit a few pixels above or below its point, and boxes may share their margins, never their text.
    "Store managers forum" has no room beside its point at this size (its neighbours' points are a cell
    away on both sides): it is drawn whole where the grid has room (walkthrough 19). Run in a process of its own
    for the scale."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QPointF, QRectF

    demo = demo_file_copy(tmp_path / "demo.pmo")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", GRID_AT_150, str(demo), str(tmp_path / "settings.ini")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    text = {name: t.replace("\n", " ") for name, (t, _r) in shown["labels"].items()}
    for name in ("Linda Osei", "Union representatives", "Data protection officer", "Payments provider",
                 "Marketing team", "Helen Brooks", "Raj Mehta"):
        assert text[name] == name, text
    assert sum(t == name for name, t in text.items()) >= 7

    rects = {name: QRectF(*r) for name, (_t, r) in shown["labels"].items()}
    names = list(rects)
    for i, a in enumerate(names):  # the texts (inside their 4-pixel margins) never overlap
        for b in names[i + 1:]:
            assert not rects[a].adjusted(4, 4, -4, -4).intersects(rects[b].adjusted(4, 4, -4, -4)), (a, b)
            # nor a box over another's text
            assert not rects[a].intersects(rects[b].adjusted(4, 4, -4, -4).adjusted(1, 1, -1, -1)), (a, b)
    view = QRectF(*shown["view"])
    for name, rect in rects.items():
        assert view.contains(rect.adjusted(4, 4, -4, -4)), name
        for other, (x, y) in shown["points"].items():
            if other != name:
                assert not rect.adjusted(4, 4, -4, -4).contains(QPointF(x, y)), (name, other)


def test_a_header_cut_by_the_view_s_edge_shows_the_cut_and_the_count_keeps_a_margin(demo_window, qtbot):
    """Scrolled sideways, the risk table's "Projects affected" half under the frozen title read "affected",
    half past the right edge "Projects": another word, a column the room took for another. A header cut at
    the view's edge now shows "…" on the side cut ("…ts affected", "Projects aff…") inside the part in view,
    or its whole label where that part has room. And at 800 pixels "10 rows" touched the right edge: it
    keeps a margin."""
    from PySide6.QtGui import QColor, QFontMetrics

    window = demo_window
    window.resize(800, 600)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    table = view.table
    header = table.horizontalHeader()
    qtbot.waitUntil(table.isVisible)
    column = view.model.column_of("related_projects")
    whole = view.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert whole == "Projects affected"
    bar = table.horizontalScrollBar()
    metrics = QFontMetrics(header.font())

    # Half past the right edge.
    part = metrics.horizontalAdvance(whole) // 2  # the part in view: room for half the label
    bar.setValue(header.sectionPosition(column) + part - table.viewport().width())
    qtbot.wait(50)
    # What is drawn ends before the edge: the last dark pixel of the header's row of text is inside it.
    picture = header.viewport().grab().toImage()
    middle = picture.height() // 2
    x0 = max(0, header.sectionViewportPosition(column))
    dark = [x for x in range(x0, picture.width())
            if any(QColor(picture.pixel(x, y)).lightness() < 110 for y in range(middle - 4, middle + 5))]
    assert dark and dark[-1] < picture.width() - 3, (dark[-1:], picture.width())
    text, shown, _option = header.label_in_view(column)
    assert text.endswith("…") and whole.startswith(text[:-1]) and len(text) > 3, text
    assert metrics.horizontalAdvance(text) <= shown.width() and shown.right() < header.viewport().width()

    # Half under the frozen ID and title.
    bar.setValue(header.sectionPosition(column) + header.sectionSize(column) - part - view.frozen.width())
    qtbot.waitUntil(view.frozen.isVisible)
    qtbot.wait(50)
    text, shown, _option = header.label_in_view(column)
    assert text.startswith("…") and whole.endswith(text[1:]) and len(text) > 3, text
    assert shown.left() >= view.frozen.width() - 2

    # The row count keeps clear of the table's right edge.
    label = view.count_label
    text_right = label.mapTo(window, label.contentsRect().topRight()).x()
    table_right = table.mapTo(window, table.rect().topRight()).x()
    assert table_right - text_right >= 6, (text_right, table_right)


def keys_to(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the platform sends it: to an open popup (a list of matching names) before the widget
    with the keyboard, as Qt routes a real key."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: (QApplication.activePopupWidget() or QApplication.focusWidget()) is not None)
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)


def typed_to(qtbot, text: str) -> None:
    from PySide6.QtWidgets import QApplication

    for ch in text:
        qtbot.waitUntil(lambda: (QApplication.activePopupWidget() or QApplication.focusWidget()) is not None)
        qtbot.keyClicks(QApplication.activePopupWidget() or QApplication.focusWidget(), ch)


def test_tab_with_the_list_of_names_open_asks_beside_the_cell_and_the_dates_typed_next_go_in(demo_window, qtbot):
    """A newcomer typing an assumption along its row typed "Marcus" in Owner — the list of matching names open
    under it, showing "Marcus Lee" — and pressed Tab: the list handed the Tab to the cell's text box past the
    table's rules, a question box opened ("“Marcus” is not in the list of people. Did you mean…") and took
    the "3/12/26" typed next for the Raised date; Enter then pressed one of its buttons. Now Tab with the list
    open does what it does with it shut: the cell stays, the question beside it; Down picks "Marcus Lee" in
    the list, Tab takes it, and the dates typed as a user types them ("3/12/26", "12 Dec") go in."""
    from datetime import date

    from PySide6.QtWidgets import QApplication, QMessageBox

    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.values import parse_date
    from pmo_desktop.views.register_table.date_entry import locale_date_order

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)  # RAID, the assumptions' table
    view = window.stack.currentWidget().register_view
    assert view.register.name == "assumptions"
    keys_to(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    # The page's order (walk46): Assumption, Owner, Validate by, Status, Impact if false, Project, Raised
    typed_to(qtbot, "Suppliers keep their prices")
    keys_to(qtbot, Qt.Key.Key_Tab)
    # "Marc", letters ending mid-word (walk43: "Marcus", the one person of that first name, is Marcus Lee at once)
    typed_to(qtbot, "Marc")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)  # the names that match, listed
    keys_to(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
    qtbot.wait(100)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert not boxes, [b.text() for b in boxes]
    editor = QApplication.focusWidget()
    assert isinstance(editor.parentWidget(), QWidget) and view.table.isAncestorOf(editor), editor
    assert view.table.state() == QAbstractItemView.State.EditingState  # still in the Owner cell

    typed_to(qtbot, "us L")  # typing on: the list again, to pick from
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    keys_to(qtbot, Qt.Key.Key_Down)
    keys_to(qtbot, Qt.Key.Key_Tab)
    typed_to(qtbot, "12 Dec")
    for _ in range(3):  # Status (Open), Impact if false
        keys_to(qtbot, Qt.Key.Key_Tab)
    typed_to(qtbot, "Point")
    keys_to(qtbot, Qt.Key.Key_Tab)
    typed_to(qtbot, "3/12/26")
    keys_to(qtbot, Qt.Key.Key_Return)

    assumptions = REGISTERS["assumptions"]

    def added():
        rows = window.document.office.read(lambda s: records.fetch_rows(s, assumptions, records.load_context(s)))
        return [r for r in rows if r[2 + assumptions.field_names.index("title")] == "Suppliers keep their prices"]

    qtbot.waitUntil(lambda: len(added()) == 1
                    and added()[0][2 + assumptions.field_names.index("validate_by")] is not None)
    row = added()[0]
    at = {name: row[2 + assumptions.field_names.index(name)] for name in ("owner", "raised_on", "validate_by")}
    # "3/12/26" in the region's order (day first or month first, as the cell reads it), "12 Dec" this year's.
    order = locale_date_order()
    assert at == {"owner": "Marcus Lee", "raised_on": parse_date("3/12/26", "Raised", order),
                  "validate_by": date(date.today().year, 12, 12)}
    assert at["raised_on"] in (date(2026, 12, 3), date(2026, 3, 12))
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_after_ctrl_k_what_changed_or_help_closed_with_esc_the_keyboard_is_back_in_the_table(demo_window, qtbot):
    """Ctrl+K's finder closed with Esc left no window active and nothing with the keyboard, with no window
    manager to hand the activation back (a bare X server, a kiosk, the offscreen platform): the newcomer's
    next shortcuts — Ctrl+Shift+W, F1, Ctrl+F — did nothing. Every dialog of the window now gives the
    keyboard back where it was when it closes."""
    from PySide6.QtWidgets import QApplication

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    assert QApplication.focusWidget() is view.table
    shift = Qt.KeyboardModifier.ShiftModifier
    for key, modifier, name in ((Qt.Key.Key_K, CTRL, "QuickSearchDialog"), (Qt.Key.Key_W, CTRL | shift, "ChangesDialog"),
                                (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "HelpDialog")):
        keys_to(qtbot, key, modifier)
        qtbot.waitUntil(lambda n=name: type(QApplication.activeWindow()).__name__ == n)
        keys_to(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is view.table)
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is view.search


def test_presenting_every_search_box_shows_its_hint_whole(demo_window, qtbot):
    """Presenting, the Stakeholders page's narrow table pane cut its search box's hint to "Search… (C…": a
    cut word where a shortcut was meant. The hint is "Search… (Ctrl+F)" where the box has room for it, else
    "Search…" (on an 800-pixel screen the box has room for a few letters of even that)."""
    from pmo_desktop.views.register_table import RegisterView

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.presentation.active)
    pages = every_page(window, qtbot)
    qtbot.wait(100)
    seen = long_hints = 0
    for page in pages:
        window.stack.setCurrentWidget(page)
        qtbot.wait(30)
        for view in page.findChildren(RegisterView):
            box = view.search
            if not box.isVisible():
                continue
            seen += 1
            hint = box.placeholderText()
            room = box.contentsRect().width() - 2 * box.fontMetrics().averageCharWidth() - 24  # the clear button
            fits = box.fontMetrics().horizontalAdvance("Search… (Ctrl+F)") <= room
            assert hint == ("Search… (Ctrl+F)" if fits else "Search…"), (type(page).__name__, hint, room)
            long_hints += hint != "Search…"
    assert seen >= 5 and long_hints >= 1
    qtbot.keyClick(window, Qt.Key.Key_Escape)
