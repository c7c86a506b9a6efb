"""Freeze panes: a wide register's ID and title stay in view while the table scrolls sideways (1280×720,
at zoom, windowed), and the keyboard still walks, edits and sorts every column."""

import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import windowed
from pmo_desktop.views.zoom import zoom

RISKS = REGISTERS["risks"]


@pytest.fixture(autouse=True)
def _zoom_back_to_100():
    yield
    zoom().reset()


@pytest.fixture
def window(demo_window):
    return demo_window


def risk_view(window, qtbot):
    page = window.page("Risks")
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    qtbot.wait(30)
    return page.register_view


def cell_on_screen(table, point: QPoint):
    """The cell a person sees at a point of the table's viewport: whatever view is drawn on top there."""
    at = table.viewport().mapTo(table, point)
    widget = table.childAt(at)
    assert widget is not None, at
    while widget is not None and not isinstance(widget, QAbstractItemView):
        widget = widget.parentWidget()
    assert widget is not None
    return widget.indexAt(widget.viewport().mapFrom(table, at) if widget is not table else point)


def columns_on_the_left(view) -> list[str]:
    """The fields of the cells drawn at the left edge of the first row, left to right, for 1/3 of the width."""
    table = view.table
    y = table.rowViewportPosition(table.rowAt(3)) + 3
    seen: list[str] = []
    for x in range(2, table.viewport().width() // 3, 8):
        index = cell_on_screen(table, QPoint(x, y))
        name = RISKS.fields[index.column()].name if index.isValid() else "?"
        if not seen or seen[-1] != name:
            seen.append(name)
    return seen


def walk_right_with_tab(view, qtbot) -> list[int]:
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, 0))
    visited = [0]
    for _ in typed_into(view):
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        visited.append(table.currentIndex().column())
    return visited


def typed_into(view) -> list[int]:
    """The shown columns a row's Tabs stop at: those that take typing (Tab goes past a score, a rating)."""
    return [c for c in view._visible_columns() if view.proxy.index(0, c).flags() & Qt.ItemFlag.ItemIsEditable]


def test_the_id_and_title_stay_in_view_when_a_wide_register_scrolls_right(window, qtbot):
    view = risk_view(window, qtbot)
    assert [f.name for f in RISKS.frozen_fields] == ["code", "title"]
    assert columns_on_the_left(view)[:2] == ["code", "title"]
    visited = walk_right_with_tab(view, qtbot)
    # Tab still walks every shown column that takes typing, in order, to the last one (past the worked-out ones).
    assert visited == [0, *typed_into(view)] and visited[-1] == view._visible_columns()[-1]
    assert view.table.horizontalScrollBar().value() > 0  # scrolled right
    assert columns_on_the_left(view)[:2] == ["code", "title"]
    # The cell beside the frozen ones is the current one or a later column, never hidden under them.
    current = view.table.currentIndex()
    assert cell_on_screen(view.table, view.table.visualRect(current).center()).column() == current.column()
    # Home, then Tab into the title: they are in view where they are, the table does not jump back left.
    value = view.table.horizontalScrollBar().value()
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    assert view.table.currentIndex().column() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.table.currentIndex().column() == RISKS.fields.index(RISKS.field("title"))
    assert view.table.horizontalScrollBar().value() == value
    current = view.table.currentIndex()
    assert cell_on_screen(view.table, QPoint(view.frozen.columnViewportPosition(current.column()) + 5,
                                             view.table.visualRect(current).center().y())) == current


def test_a_frozen_cell_is_edited_where_it_is_seen_and_tab_goes_on(window, qtbot):
    view = risk_view(window, qtbot)
    walk_right_with_tab(view, qtbot)
    title = RISKS.fields.index(RISKS.field("title"))
    view.table.setCurrentIndex(view.proxy.index(1, title))
    assert view.table.horizontalScrollBar().value() > 0
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    centre = editor.mapTo(view.table, editor.rect().center())
    assert view.table.rect().contains(centre) and centre.x() < view.table.width() // 2  # on screen, at the left
    editor.selectAll()
    qtbot.keyClicks(editor, "Frozen title edited")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert view.proxy.index(1, title).data() == "Frozen title edited"
    assert view.table.currentIndex().column() == title + 1  # on through the table's columns
    assert view.table.hasFocus() or view.table.isAncestorOf(QApplication.focusWidget())


def test_sorting_from_a_frozen_header_and_zoom_keep_the_frozen_columns_aligned(window, qtbot):
    view = risk_view(window, qtbot)
    walk_right_with_tab(view, qtbot)
    frozen = view.frozen
    assert frozen.isVisible()
    title = RISKS.fields.index(RISKS.field("title"))
    header = frozen.horizontalHeader()
    current = view.table.currentIndex()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(title) + 5, header.height() // 2))
    assert view.table.horizontalHeader().sortIndicatorSection() == title
    assert header.sortIndicatorSection() == title  # the frozen header shows the arrow too
    assert view.table.currentIndex().column() == current.column()  # as on the table's header: no column selected
    titles = [view.proxy.index(r, title).data() for r in range(view.proxy.rowCount())]
    assert titles == sorted(titles, key=str.lower) or titles == sorted(titles)
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert zoom().factor > 1
    qtbot.wait(10)
    current = view.table.currentIndex()  # still in view at the new widths
    assert view.table.viewport().rect().intersects(view.table.visualRect(current))
    assert view.table.visualRect(current).left() >= frozen.frozen_width()
    assert frozen.font().pointSizeF() == view.table.font().pointSizeF()
    assert frozen.rowHeight(0) == view.table.rowHeight(0)
    assert frozen.columnWidth(title) == view.table.columnWidth(title)
    view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == view.table.verticalScrollBar().value()
    last = view.proxy.rowCount() - 1
    assert frozen.rowViewportPosition(last) == view.table.rowViewportPosition(last)


def test_a_windowed_register_freezes_too(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 2)
    path = tmp_path / "windowed.pmo"
    create_demo(path).close()
    assert window.open_path(str(path))
    view = risk_view(window, qtbot)
    assert isinstance(view.model, windowed.WindowedRegisterModel)
    walk_right_with_tab(view, qtbot)
    view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum())
    last = view.proxy.rowCount() - 1

    def the_last_row_beside_its_frozen_id() -> None:  # once the scroll has settled (the window's pages fetched)
        assert columns_on_the_left(view)[:2] == ["code", "title"]
        assert view.frozen.indexAt(QPoint(5, view.frozen.rowViewportPosition(last) + 3)).data() == \
            view.proxy.index(last, 0).data()
    qtbot.waitUntil(the_last_row_beside_its_frozen_id, timeout=3000)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_screenshot_of_a_scrolled_register(window, qtbot, size):
    window.resize(*size)
    view = risk_view(window, qtbot)
    walk_right_with_tab(view, qtbot)
    assert columns_on_the_left(view)[:2] == ["code", "title"]
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"frozen-columns-{size[0]}x{size[1]}.png"))


def test_the_new_row_line_keeps_the_same_columns_in_view_and_takes_a_title(window, qtbot):
    view = risk_view(window, qtbot)
    walk_right_with_tab(view, qtbot)
    line = view.new_line
    assert line.horizontalScrollBar().value() == view.table.horizontalScrollBar().value() > 0
    title = RISKS.fields.index(RISKS.field("title"))
    # What is drawn at the left of the new-row line is its ID and title cells, under the table's.
    y = line.rowViewportPosition(0) + 3
    assert cell_on_screen(line, QPoint(line.frozen.columnViewportPosition(title) + 5, y)).column() == title
    assert cell_on_screen(line, QPoint(2, y)).column() == 0
    rows = view.proxy.rowCount()
    line.setFocus()
    line.setCurrentIndex(view.new_row_model.index(0, title))
    qtbot.keyClick(line, "T")  # typing starts editing, as in Excel
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "yped in the new line")
    assert isinstance(editor, QLineEdit) and editor.isVisible() and line.isAncestorOf(editor)
    assert editor.mapTo(line, editor.rect().center()).x() < line.width() // 2  # where the title is seen
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == rows + 1)
    titles = [view.proxy.index(r, title).data() for r in range(view.proxy.rowCount())]
    assert "Typed in the new line" in titles, titles[-3:]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_wide_title_still_freezes_narrowed_with_its_whole_text_in_a_tooltip(window, qtbot, size):
    """A title column widened past half the table (a long title, a user's drag) used to switch the freeze
    off without a word: now the frozen title is narrowed to fit (the table keeps its width), elided, its
    whole text on hover."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window.resize(*size)
    view = risk_view(window, qtbot)
    title = RISKS.fields.index(RISKS.field("title"))
    long_title = "Supplier of the point-of-sale terminals misses the store roll-out dates in the northern region"
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, title))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, long_title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    view.table.setColumnWidth(title, int(view.table.viewport().width() * 0.6))  # as a drag of its edge would
    wide = view.table.columnWidth(title)
    walk_right_with_tab(view, qtbot)
    frozen = view.frozen
    assert frozen.isVisible(), "the freeze silently did not happen"
    assert columns_on_the_left(view)[:2] == ["code", "title"]
    assert frozen.frozen_width() <= view.table.viewport().width() // 2
    assert frozen.columnWidth(title) < wide == view.table.columnWidth(title)  # the table keeps its width
    current = view.table.currentIndex()  # the cell Tab reached is not hidden under the frozen block
    assert view.table.visualRect(current).left() >= frozen.frozen_width() - 2
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, title).data() == long_title)
    view.table.scrollTo(view.proxy.index(row, current.column()))
    at = QPoint(frozen.columnViewportPosition(title) + 10, frozen.rowViewportPosition(row) + 3)
    assert frozen.indexAt(at).data() == long_title
    QApplication.sendEvent(frozen.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, frozen.viewport().mapToGlobal(at)))
    assert QToolTip.text() == long_title
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"frozen-wide-title-{size[0]}x{size[1]}.png"))
