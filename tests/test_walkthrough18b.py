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


def test_presenting_grows_every_pages_filters_and_buttons_once(demo_window, qtbot):
    """Presenting (F11) the Risks page's filters, search box and buttons grew with its tables, every other
    page's stayed at 100 %: small words over big rows on the Stakeholders, Benefits, RAID and Status pages.
    One zoom now for every page, declared once; nothing — a chart above all, which the zoom already draws
    larger — grows twice."""
    window = demo_window
    pages = every_page(window, qtbot)
    before = {id(w): w.font().pointSizeF() for page in pages for w in page.findChildren(QWidget)}

    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.presentation.active)
    every_page(window, qtbot)
    factor = zoom().factor
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
