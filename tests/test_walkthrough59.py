"""Walk 59: what stop 58's walkthroughs left and what a newcomer at the keyboard tripped on next — each test drives
the real window with real key presses (README; /work/rounds/walk59/findings.md)."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier
TAB = Qt.Key.Key_Tab
LONG_NAME = "Harbour programme office - shared registers 2026-27.pmo"


def _said(window) -> str:
    return " ".join(window.statusBar().currentMessage().split())


def _room_of_the_line(window) -> int:
    """The px Qt's status bar paints its line in: up to 4 px before the file's name (when it shows one), from 6 px
    in (QStatusBar's messageRect)."""
    bar, label = window.statusBar(), window.file_label
    right = label.x() - 4 if label.isVisible() and label.text() else bar.width() - 12
    return right - 6


def _boxes() -> list[str]:
    return [b.text() for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]


def _on_cell(qtbot, view, row: int, name: str) -> None:
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of(name)))
    view.table.setFocus()
    settle(qtbot)


def test_every_line_a_cell_passed_by_says_is_read_whole_at_1280x720(main_window, qtbot, tmp_path, demo_file_copy):
    """At 1280×720 the status bar's line after Tab past a refused cell ran on behind the office's file name: "Raised
    left as …: “32/13/2026” is not a real date … F2 there to put it right, Esc to le" — what to do was cut. Each kind
    of refused cell, passed by on an office with a long file name: the whole line is in the room the bar paints it
    in (the name shortened or left out meanwhile, whole again once the line is gone)."""
    window = main_window
    path = demo_file_copy(tmp_path / LONG_NAME)
    assert window.open_path(str(path))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    metrics = window.statusBar().fontMetrics()
    typed = [("raised_on", "32/13/2026"), ("owner", "Open"), ("owner", "Priya Shaw"), ("level", "pr"),
             ("level", "zz"), ("project", "Harbour works"), ("probability", "lots"), ("proximity", "soonish"),
             ("related_projects", "Quay wall"), ("category", "qq")]
    for name, text in typed:
        _on_cell(qtbot, view, 1, name)
        type_as_a_person(qtbot, text)
        press(qtbot, TAB)
        qtbot.waitUntil(lambda: " left " in _said(window), timeout=3000)
        settle(qtbot, 60)  # the bar laid out again round the file's name
        said = window.statusBar().currentMessage()
        assert metrics.horizontalAdvance(said) <= _room_of_the_line(window), (name, said)
        assert f"“{text}”" in said and said.endswith("Esc lets it go."), said
        window.statusBar().clearMessage()
        settle(qtbot, 60)
        assert window.file_label.text() == LONG_NAME  # whole again, the line gone
    height = window.statusBar().height()
    window.statusBar().showMessage("A line longer than the whole bar, " * 12)  # any line: on two, none of it cut
    settle(qtbot, 60)
    assert window.statusBar().height() >= height + metrics.lineSpacing() - 2
    window.statusBar().clearMessage()
    settle(qtbot, 60)
    assert window.statusBar().height() == height


def test_every_way_of_leaving_a_refused_cell_passes_it_by_as_tab_does(demo_window, qtbot):
    """Ctrl+Tab, a click on another cell and Ctrl+PgDown to another tab, each on a refused value, held the cell open
    (Ctrl+Tab: the keyboard stayed in it; a name nobody has, left by a click, asked in a question box). Each now
    leaves it as Tab does: the cell as it was, what was typed kept in its red corner, the keyboard where the user
    went; F2 there gives the text back, Esc lets it go."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    delegate = view.table.itemDelegate()

    def cell(name: str):
        return view.proxy.index(1, view.model.column_of(name))

    raised, owner = cell("raised_on").data(), cell("owner").data()
    _on_cell(qtbot, view, 1, "raised_on")
    type_as_a_person(qtbot, "32/13/2026")
    press(qtbot, TAB, CTRL)  # on to the next control, out of the table
    settle(qtbot)
    assert view.table.state() != view.table.State.EditingState
    assert not view.table.isAncestorOf(QApplication.focusWidget())
    assert cell("raised_on").data() == raised and delegate.mark_of(cell("raised_on"))[1] == "32/13/2026"
    assert _said(window).startswith("Raised left as")

    _on_cell(qtbot, view, 1, "owner")
    type_as_a_person(qtbot, "Priya Shaw")  # near Priya Shah: refused, "Did you mean …?"
    clicked = view.proxy.index(3, view.model.column_of("title"))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(clicked).center())
    settle(qtbot)
    assert not _boxes(), _boxes()
    assert view.table.currentIndex() == clicked and view.table.state() != view.table.State.EditingState
    assert cell("owner").data() == owner and delegate.mark_of(cell("owner"))[1] == "Priya Shaw"
    _on_cell(qtbot, view, 2, "owner")
    type_as_a_person(qtbot, "Zzyzx Qq")  # near no one: a new person, stored as the click leaves the cell
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(clicked).center())
    settle(qtbot)
    assert not _boxes(), _boxes()
    assert view.proxy.index(2, view.model.column_of("owner")).data() == "Zzyzx Qq"
    assert view.table.currentIndex().row() == 3 and view.table.state() != view.table.State.EditingState

    _on_cell(qtbot, view, 1, "level")
    type_as_a_person(qtbot, "pr")
    page = window.stack.currentWidget()
    tab = page.tabs.currentIndex()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # to the heat map
    settle(qtbot)
    assert page.tabs.currentIndex() != tab and view.table.state() != view.table.State.EditingState
    assert delegate.mark_of(cell("level"))[1] == "pr"
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    settle(qtbot)

    _on_cell(qtbot, view, 1, "raised_on")  # F2 gives the text back, selected; Esc lets it go
    press(qtbot, Qt.Key.Key_F2)
    settle(qtbot)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "32/13/2026"
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert delegate.mark_of(cell("raised_on")) is None and cell("raised_on").data() == raised
    _on_cell(qtbot, view, 1, "owner")
    press(qtbot, Qt.Key.Key_F2)
    settle(qtbot)
    combo = QApplication.focusWidget()
    combo = combo.parentWidget() if isinstance(combo, QLineEdit) else combo
    assert isinstance(combo, QComboBox) and combo.currentText() == "Priya Shaw"


def test_ctrl_enter_then_tab_on_a_record_just_added_goes_along_its_row(empty_window, qtbot):
    """A title typed on the ✱ line, Tab: the record is added and the keyboard goes on along it in the table. Ctrl+Enter
    in its Type then went down, as Enter — below the last row, into the ✱ line — and the Tab after it went on
    from there, out of the table. Ctrl+Enter stores the cell and stays on it, as Excel's; Tab goes along the row."""
    window = empty_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    type_as_a_person(qtbot, "Crane delivery slips")
    press(qtbot, TAB)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1 and view.table.hasFocus(), timeout=5000)
    assert view.table.currentIndex().column() == view.model.column_of("kind")
    type_as_a_person(qtbot, "opp")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert view.table.hasFocus() and view.table.currentIndex().column() == view.model.column_of("kind")
    press(qtbot, TAB)
    type_as_a_person(qtbot, "tec")  # Category
    press(qtbot, TAB)
    type_as_a_person(qtbot, "prog")  # Level
    press(qtbot, TAB)
    settle(qtbot)
    record = view.model.record(0)
    assert (record["kind"], record["category"], record["level"]) == ("Opportunity", "Technical", "Program"), record
    assert view.proxy.rowCount() == 1 and not view.new_line.hasFocus()


def test_a_key_typed_on_a_cell_keeping_a_refused_text_is_the_first_of_the_new_value(demo_window, qtbot):
    """A cell passed by on "32/13/2026" keeps it in its red corner. Typing the right date straight onto the cell (no
    F2), as on any cell in Excel: the first key replaced the text given back, then was selected with it and replaced
    by the second — "31/03/2026" went in as "1/03/2026", stored as 1 March with no word. The first key stays the
    first of the value."""
    from datetime import date

    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    raised = view.model.column_of("raised_on")
    _on_cell(qtbot, view, 1, "raised_on")
    type_as_a_person(qtbot, "32/13/2026")
    press(qtbot, TAB)  # passed by: on to Proximity
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Left)  # back on Raised, its red corner
    settle(qtbot)
    assert view.table.currentIndex().column() == raised
    type_as_a_person(qtbot, "31/03/2026")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    row = view.proxy.mapToSource(view.proxy.index(1, raised)).row()
    assert view.model.record(row)["raised_on"] == date(2026, 3, 31), view.model.record(row)["raised_on"]


def test_a_colleague_named_for_the_first_time_is_added_as_they_are_typed_along_the_row(empty_window, qtbot):
    """A newcomer's first office has nobody in it: the owner typed along a risk's row — "Dana Cole", Tab — was
    refused ("not in the list of people … F2 there, then Ctrl+Enter"), the risk left with no owner, and so was every
    colleague after her. A name near no one's is added as a new person as it is stored, said in the status bar (Ctrl+Z
    takes the cell back). A name near someone's is still refused ("Did you mean …?"), and a text that reads as
    another column's value ("Open", a date) is never taken for a person."""
    window = empty_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    for value in ("Crane delivery slips", "", "tec", "", "", "", "Dana Cole"):
        if value:
            type_as_a_person(qtbot, value)
        press(qtbot, TAB)
    qtbot.waitUntil(lambda: "“Dana Cole” added to People" in _said(window), timeout=3000)
    press(qtbot, Qt.Key.Key_Escape)  # Raised, opened by the Tab: left as it is
    settle(qtbot)
    assert view.model.record(0)["owner"] == "Dana Cole"

    def people() -> list[str]:
        from pmo_desktop.models.records import ref_names

        owner = next(f for f in view.model.fields if f.name == "owner")
        return window.document.office.read(ref_names, owner)

    assert people() == ["Dana Cole"]
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the cell's one step (the person stays in People, as any person added does)
    qtbot.waitUntil(lambda: view.model.record(0)["owner"] is None, timeout=3000)
    press(qtbot, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: view.model.record(0)["owner"] == "Dana Cole", timeout=3000)
    assert people() == ["Dana Cole"]
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    for value in ("Quay wall cracks", "", "", "", "", "", "Dana Coles"):  # a slip of a letter: refused, not a person
        if value:
            type_as_a_person(qtbot, value)
        press(qtbot, TAB)
    qtbot.waitUntil(lambda: "Did you mean" in _said(window), timeout=3000)
    press(qtbot, Qt.Key.Key_Escape)
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    for value in ("Berth closure", "", "", "", "", "", "Open"):  # Status's word, one column off: not a person
        if value:
            type_as_a_person(qtbot, value)
        press(qtbot, TAB)
    qtbot.waitUntil(lambda: "Owner left empty" in _said(window), timeout=3000)
    assert people() == ["Dana Cole"]
    assert not _boxes()
