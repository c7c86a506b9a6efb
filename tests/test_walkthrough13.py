"""Walkthrough 13: what the last walkthrough left, and what a newcomer's walk at 150 % and on a projector found —
real widgets, real key presses (each key to the widget that has the focus)."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics

from pmo_desktop.views.page_area import PageArea

CTRL = Qt.KeyboardModifier.ControlModifier


def test_at_150_percent_the_heat_map_grid_and_benefits_fit_a_1280_by_720_screen(demo_window, qtbot):
    """At 150 % a 1280×720 screen holds 853×480 of Qt's pixels. The heat map (620 px asked), the stakeholder grid
    (520) and the Benefits tab (520) were taller than the room, so the whole page scrolled and the map's lowest
    row, the grid's lower quadrants and the benefit table's last rows were seen only by scrolling. Each now fits:
    the heat map's legend goes beside it, the grid is shorter, the benefit profile collapses to its handle."""
    window = demo_window
    window.resize(853, 480)
    area = window.findChild(PageArea)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    risks = window.stack.currentWidget()
    risks.tabs.setCurrentWidget(risks.heat_map)
    qtbot.wait(100)
    assert not area.verticalScrollBar().isVisible()
    heat = risks.heat_map
    item = heat.plot.getPlotItem()
    assert item.geometry().width() <= heat.plot.width() + 1  # the map drawn whole, its fifth column too
    assert not heat.legend.geometry().intersects(heat.plot.geometry())
    assert heat.legend.height() >= heat.legend.layout().heightForWidth(heat.legend.width())  # every band shown

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    stakeholders = window.stack.currentWidget()
    stakeholders.tabs.setCurrentIndex(0)
    qtbot.wait(100)
    assert not area.verticalScrollBar().isVisible()
    grid = stakeholders.grid
    axis = grid.plot.getPlotItem().getAxis("bottom")
    metrics = QFontMetrics(axis.style["tickFont"])
    view = grid.view
    ticks = [(view.mapViewToScene(QPointF(x, 0)).x(), max(metrics.horizontalAdvance(line) for line in text.split("\n")))
             for x, text in axis._tickLevels[0]]
    for (x1, w1), (x2, w2) in zip(ticks, ticks[1:]):
        assert x2 - x1 >= (w1 + w2) / 2, (x1, x2)  # the interest levels' labels do not run into each other

    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    benefits = window.stack.currentWidget()
    benefits.tabs.setCurrentIndex(0)
    qtbot.wait(100)
    assert not area.verticalScrollBar().isVisible()
    table = benefits.register_view.table
    assert table.viewport().height() >= 4 * table.verticalHeader().defaultSectionSize()

    # On an ordinary screen (1280×720 at 100 %) both are as they were: the legend under the map, the profile and
    # chart under the benefits table.
    window.resize(1280, 720)
    qtbot.wait(100)
    assert benefits.below.height() >= 250 and benefits.chart.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.wait(100)
    assert heat.legend.geometry().top() >= heat.plot.geometry().bottom()


def risk_cell(view, row: int, field: str):
    from pmo_desktop.models.registers import REGISTERS

    return view.proxy.mapFromSource(view.model.index(row, REGISTERS["risks"].field_names.index(field)))


def test_a_refused_value_kept_in_its_cells_note_survives_a_search_that_would_hide_its_row(demo_window, qtbot):
    """A date the register refuses, left by a click on the search box. Typing a search that the row did not pass
    hid the row, which closed its editor: what was typed was gone. The row stayed in view with its editor (walk
    13); now the cell is passed by (walk 59), and the row stays in view as long as the cell keeps what was typed in
    its note; F2 there gives it back, and corrected, it is stored."""
    from datetime import date

    from focused_keys import press, type_keys
    from PySide6.QtWidgets import QApplication, QLineEdit

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    rid = view.model.record_id(0)
    other = next(view.model.record(r)["title"] for r in range(1, view.model.rowCount()))
    word = next(w for w in other.split() if len(w) > 4 and w.lower() not in view.model.search_text(0))
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    type_keys(qtbot, "someday")
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.mouseClick(view.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
    type_keys(qtbot, word)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: view.proxy.rowCount() < view.model.rowCount())  # the search filters
    kept = view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), view.model.column_of("proximity")))
    assert kept.isValid()  # the row keeping a note stays
    assert table.itemDelegate().mark_of(kept)[1] == "someday"
    table.setFocus()
    table.setCurrentIndex(kept)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.wait(30)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "someday"
    type_keys(qtbot, "15 Mar 2031")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(view.model.row_of(rid))["proximity"] == date(2031, 3, 15)


def test_enter_again_on_a_refused_new_row_line_tells_the_reason_again(empty_window, qtbot):
    """A second project of the same name typed in the ✱ line and Enter: the record is refused, kept in the line,
    with a note beside it. Enter again with nothing changed only took the note away — nothing added, nothing
    said. It now tries the record again and the note says why once more."""
    from focused_keys import a_project_named_twice, press

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    view = a_project_named_twice(qtbot, window)
    qtbot.wait(50)

    def notes():
        return [n for n in view.findChildren(RefusalNote) if n.isVisible()]

    assert len(notes()) == 1
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert len(notes()) == 1 and "already a project named" in notes()[0].text()
    assert view.model.rowCount() == 1 and view.new_row_model.pending == {"name": "Alpha"}


def test_the_refusal_note_follows_its_editor_when_its_row_moves(demo_window, qtbot):
    """A refused value held in the last row's cell, then a search typed that hides rows above it: the row, and its
    editor, moved up; the note stayed where the row had been, beside another row's cell. It now goes with its
    editor — there, and when the table scrolls."""
    from focused_keys import press, type_keys
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication, QLineEdit

    from pmo_desktop.views.register_table.refusal_note import note_for

    window = demo_window
    window.resize(1280, 720)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    last = view.proxy.rowCount() - 1
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(last, risk_cell(view, 0, "proximity").column()))
    qtbot.wait(50)
    type_keys(qtbot, "someday")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    press(qtbot, Qt.Key.Key_Return)  # held with its note (a click elsewhere passes the cell by: walk 59)
    note = note_for(editor)

    def beside() -> bool:  # under the cell, or over it where there is no room under it
        n, e = note.geometry(), QRect(editor.mapTo(note.parentWidget(), QPoint(0, 0)), editor.size())
        return n.top() == e.bottom() + 1 or n.bottom() + 1 == e.top()

    assert note.isVisible() and beside()
    top = editor.y()
    title = view.model.record(view.proxy.mapToSource(view.proxy.index(last, 0)).row())["title"]
    view.search.setText(title.split()[0])  # a word of its own title, searched while the cell is held: rows above go
    # the search runs after the typing pauses, on a loaded machine later than any fixed wait: wait for its rows
    qtbot.waitUntil(lambda: view.proxy.rowCount() <= last and editor.y() < top)  # the row moved up
    qtbot.waitUntil(lambda: note.isVisible() and beside())
    view.search.clear()  # the search cleared: back at the bottom
    qtbot.waitUntil(lambda: view.proxy.rowCount() == last + 1)
    qtbot.waitUntil(lambda: editor.y() > 0 and note.isVisible() and beside())


def test_the_import_mapping_shows_each_column_name_and_choice_whole(document, qtbot, tmp_path):
    """The mapping's two columns split a third of the dialog evenly: "Stakeholder Register: What do we need from
    them?" read "Stakeholder Register: What" and the choice "Response plan (as response actions)" read "Response
    plan (as resp". Each name and each choice is now whole, with every sheet's columns listed and with one sheet
    chosen, and the preview keeps its room. Where the dialog is too narrow for both, each choice stays whole and in
    view, and a long name is shortened in the middle, whole in its tooltip (walkthrough 22; scrolled sideways before,
    the choices were out of view)."""
    import openpyxl
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    path = tmp_path / "register.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Stakeholder Register"
    ws.append(["Stakeholder", "Role", "Internal / External", "Position/Interest", "What do we need from them?"])
    ws.append(["Frodo", "Management Staff", "Internal", "For/High", "Sign-off"])
    risks = wb.create_sheet("Risks")
    risks.append(["ID", "Risk Description", "Impact (High/Med/Low)", "Likelihood (High/Med/Low)", "Mitigation Strategy"])
    risks.append(["R1", "Model could get slow", "High", "Med", "Regular code reviews"])
    risks.append(["R2", "Crane breaks down", "High", 9, "Spare crane on call"])  # a value to translate
    wb.save(path)
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)

    def cut() -> list[str]:
        table = dialog.mapping_table
        out = []
        for r in range(table.rowCount()):
            label, combo = table.cellWidget(r, 0), table.cellWidget(r, 1)
            if combo is None:  # a sheet's name over its columns (walk 48)
                continue
            # a name too long for the pane is shortened in the middle, whole in its tooltip (walkthrough 22: the
            # choices beside the names were scrolled out of view, "Proc", "Spo"); each choice whole and in view
            if label.width() < label.sizeHint().width() and label.text() not in label.toolTip():
                out.append(label.text())
            if table.columnViewportPosition(1) + combo.width() > table.viewport().width():
                out.append(combo.currentText())
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxEditField, combo)
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > field.width():
                out.append(combo.currentText())
        return out

    for sheet in ("All recognised sheets", "Stakeholder Register", "Risks"):
        dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findText(sheet))
        qtbot.wait(20)
        assert cut() == [], sheet
        assert dialog.report_view.horizontalScrollBar().maximum() == 0  # the preview still reads without scrolling
        values = dialog.values_table.horizontalHeader()
        assert (dialog.values_table.rowCount() >= 1) == (sheet != "Stakeholder Register")  # the 9 to translate
        for c in range(2):
            assert values.sectionSize(c) >= values.sectionSizeHint(c), values.model().headerData(c, Qt.Orientation.Horizontal)


def test_the_trends_points_sharing_a_count_stand_side_by_side_at_that_count(demo_window, qtbot):
    """Bands with the same count at a period were moved up and down to be told apart: on a projector 2 read as
    1.95 and 2.05, and a band with no risk as below zero. They now stand side by side in time at their count,
    apart; where their lines lie on one another, the one beneath is wider and shows round the one on top."""
    from itertools import combinations

    window = demo_window
    window.resize(853, 480)  # 150 % on 1280×720: the smallest chart, where a count is fewest pixels
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    chart = page.trend
    qtbot.wait(100)
    items = chart.plot.getPlotItem().listDataItems()
    counts = [ys for _item, ys in chart.series]
    assert any(a[j] == b[j] for a, b in combinations(counts, 2) for j in range(len(a)))  # the demo shares counts
    for item, ys in zip(items, counts):
        assert list(item.getData()[1]) == ys  # each point at its count, exactly
    widths = [item.opts["pen"].widthF() for item in items]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == len(widths)
    view = chart.plot.getPlotItem().getViewBox()
    drawn = []
    for s, item in enumerate(items):
        for j, spot in enumerate(item.scatter.points()):
            if spot.isVisible():
                drawn.append((s, j, view.mapViewToScene(QPointF(spot.pos().x(), spot.pos().y()))))
    for (s1, j1, p1), (s2, j2, p2) in combinations(drawn, 2):
        assert ((p1.x() - p2.x()) ** 2 + (p1.y() - p2.y()) ** 2) ** 0.5 >= 0.9 * chart.symbol_size, (s1, j1, s2, j2)


def test_a_new_persons_name_is_asked_about_in_plain_words(empty_window, qtbot):
    """A manager's name typed for a new project asked "is not in the list of persons": the list of people."""
    from focused_keys import press, type_keys

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("name"))
    type_keys(qtbot, "Loyalty app")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Helen Brooks")
    press(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
    notes = [n.text() for n in view.findChildren(RefusalNote) if n.isVisible()]
    assert len(notes) == 1 and "not in the list of people" in notes[0], notes
    press(qtbot, Qt.Key.Key_Return)  # the same key again: Helen Brooks is added as a new person
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.record(0)["manager"] == "Helen Brooks")


def test_an_empty_registers_add_button_reads_whole_in_a_narrow_table(empty_window, qtbot):
    """At 150 % on 1280×720 the empty stakeholder table beside the grid showed "Add a row to the stakeholder m":
    where the whole sentence does not fit the button says "Add a row"; where it fits, all of it."""
    from PySide6.QtWidgets import QPushButton

    window = empty_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    view = window.active_register_view()
    qtbot.wait(50)
    button = next(b for b in view.findChildren(QPushButton) if b.isVisible() and b.text().startswith("Add a row"))
    assert button.width() >= button.sizeHint().width() and button.geometry().right() < button.parentWidget().width()
    assert button.text() == "Add a row"
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: button.text() == "Add a row to the stakeholder map")
    assert button.width() >= button.sizeHint().width()


def test_a_value_to_translate_does_not_call_an_imported_row_an_error(document, qtbot, tmp_path):
    """A probability of 9 on a risk with an owner and an impact: the preview imports the row with its probability
    empty and the 9 kept in the notes, but the value's drop-down said "(leave as an error)"."""
    import openpyxl

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    path = tmp_path / "colleague.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Risk", "Owner", "Likelihood", "Impact"])
    ws.append(["Quay wall cracks", "Bea Ortiz", "Likely", 4])
    ws.append(["Tide gauge fails", "Bea Ortiz", 9, 3])
    wb.save(path)
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    assert dialog.values_table.rowCount() == 1
    row = next(r for r in dialog.report_model.reports if "9" in r.reason)
    assert "insert" in str(row.action).lower()
    combo = dialog.values_table.cellWidget(0, 1)
    assert "error" not in combo.currentText().lower() and combo.currentText() == "(not translated)"
