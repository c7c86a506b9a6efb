"""Round edit53: typing in a register as a spreadsheet user types — a value the register refuses, the keys typed
after it, the ✱ line's Ctrl+End, a day and month typed without a year — nothing lost, nothing misplaced, nothing
silently changed. Real key presses on the real window (the demo office and a fresh one)."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def _held_text(editor) -> str:
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    if isinstance(editor, ChoiceCombo):
        return editor.shown_text()
    return editor.currentText() if isinstance(editor, QComboBox) else editor.text()


def _shot(widget, name: str) -> None:
    from pathlib import Path

    folder = Path("/work/rounds/edit53")
    if folder.is_dir():
        widget.grab().save(str(folder / f"{name}.png"))


def test_typing_on_after_a_refused_cell_replaces_it_in_every_kind_of_cell(demo_window, qtbot):
    """A value the register refuses — a date that is none, a level off the scale, a name nobody has, a choice the
    list lacks, a number that is not one — is held in its cell with the reason beside it. A user typing on as in a
    spreadsheet (Tab, then what they meant) had those keys added to the refused text ("32/13/2026" became
    "32/13/20262026-02-01", "ZzyzxMarcus Lee"), nothing stored, the rest of the row piling up in the one cell. The
    refused text is now held selected, as Excel's Retry leaves it: what is typed next replaces it, and the next Tab
    stores it in that cell and goes on — the row's later cells untouched meanwhile.
    Walk58b: Tab on the refused value itself now leaves the cell as it was and goes on along the row (the keys
    typed next are the next cell's); the cell keeps the text typed in its note, and F2 there gives it back, selected,
    to be typed over as before. Enter still holds the cell (``test_note53``)."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    cases = [  # column, refused as typed, then typed on, and the cell as it then reads
        ("raised_on", "32/13/2026", "2026-02-03", "3 Feb 2026"),  # a date
        ("probability", "9", "2", "2"),  # a level, by its number
        ("category", "env", "sup", "Supplier"),  # a choice
        ("owner", "Aisha Patle", "Aisha Patel", "Aisha Patel"),  # a person (near someone: a slip — walk59 adds one near no one)
        ("title", "", "Crane slot lost", "Crane slot lost"),  # a required text
    ]
    row = 1
    for name, refused, meant, reads in cases:
        column = view.model.column_of(name)
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(row, column))
        next_column = view.table.moveCursor(view.table.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier).column()
        next_before = view.proxy.index(row, next_column).data()
        if refused:
            type_as_a_person(qtbot, refused)
        else:  # the title emptied: F2, then every letter taken back
            press(qtbot, Qt.Key.Key_F2)
            line = QApplication.focusWidget()
            assert isinstance(line, QLineEdit)
            line.selectAll()
            press(qtbot, Qt.Key.Key_Backspace)
        editor = QApplication.focusWidget()
        press(qtbot, Qt.Key.Key_Tab)
        settle(qtbot)
        assert QApplication.focusWidget() is not editor, name  # passed by: the keyboard on along the row
        assert view.table.currentIndex().column() == next_column, name
        assert " left " in window.statusBar().currentMessage(), name
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(row, column))  # back to put it right
        if refused:
            assert view.table.itemDelegate().mark_of(view.proxy.index(row, column))[1] == refused, name
            press(qtbot, Qt.Key.Key_F2)  # the text typed given back, selected, the reason beside it
            settle(qtbot)
            editor = QApplication.focusWidget()
            assert _note(), name
            if name in ("raised_on", "category", "owner"):
                _shot(window, f"refused-{name}-held-selected")
        else:
            press(qtbot, Qt.Key.Key_F2)
            settle(qtbot)
            editor = QApplication.focusWidget()
            editor.selectAll()
        type_as_a_person(qtbot, meant)
        assert _held_text(editor).casefold().startswith(meant.casefold()), (name, _held_text(editor))  # replaced
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda name=name, column=column, reads=reads: view.proxy.index(row, column).data() == reads,
                        timeout=3000)
        assert view.proxy.index(row, next_column).data() == next_before, name  # the next cell as it was
        assert view.table.currentIndex().column() == next_column, name  # and the keyboard on it
        press(qtbot, Qt.Key.Key_Escape)


def test_ctrl_end_on_every_registers_new_row_line_keeps_the_column_typed_in(demo_window, qtbot):
    """On the benefits register's ✱ line, in Measure, Ctrl+End went to the line's last column (Description, the
    table scrolled far right) and what was typed next for the Measure went in there; with the Measure's text being
    typed, it was stored and the rest of it went into the Description. The ✱ line is the register's end already:
    Ctrl+End leaves the keyboard in its column, as Ctrl+Down does, on every register's line; in a cell being typed,
    Ctrl+End and Ctrl+Home go to the end and start of its text, as in Excel."""
    window = demo_window
    for page in (2, 3, 4, 5, 6, 7, 8):
        press(qtbot, getattr(Qt.Key, f"Key_{page}"), CTRL)
        view = window.active_register_view()
        qtbot.waitUntil(lambda view=view: view.table.hasFocus())
        header = view.table.horizontalHeader()
        shown = [c for c in (header.logicalIndex(v) for v in range(header.count())) if not header.isSectionHidden(c)
                 and view.model.fields[c].editable]
        column = shown[len(shown) // 2]  # a column in the middle of the line
        for key in (Qt.Key.Key_End, Qt.Key.Key_Down):
            view.focus_new_line(column)
            qtbot.waitUntil(view.new_line.hasFocus)
            press(qtbot, key, CTRL)
            assert view.new_line.hasFocus(), (view.register.name, key)
            assert view.new_line.currentIndex().column() == column, (view.register.name, key,
                                                                     view.model.fields[view.new_line.currentIndex().column()].name)
    press(qtbot, Qt.Key.Key_5, CTRL)  # the benefits: a Measure typed, Ctrl+Home and Ctrl+End inside it
    view = window.active_register_view()
    measure = view.model.column_of("measure")
    view.focus_new_line(measure)
    qtbot.waitUntil(view.new_line.hasFocus)
    type_as_a_person(qtbot, "per day")
    press(qtbot, Qt.Key.Key_Home, CTRL)
    type_as_a_person(qtbot, "Baskets ")
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_as_a_person(qtbot, " a store")
    _shot(window, "new-line-ctrl-end-in-measure")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.new_line.row_model.pending.get("measure") == "Baskets per day a store")
    assert "description" not in view.new_line.row_model.pending


def test_home_end_and_page_keys_in_a_closed_list_change_nothing_typed(demo_window, qtbot):
    """A risk's Probability typed "3", then Home — a typist's key for the start of what was typed — emptied the cell
    (the list's first choice is the blank) and Enter stored it empty; End made it "5 – Very high", PageDown a
    status "Open" "Closed", out of sight of any list. In a closed list these keys now change nothing, as in
    Excel's list cell; Enter stores what was typed."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    for name, typed, keys, reads in (("probability", "3", (Qt.Key.Key_Home, Qt.Key.Key_End), "3"),
                                     ("status", "op", (Qt.Key.Key_PageDown, Qt.Key.Key_End), "Open"),
                                     ("category", "sup", (Qt.Key.Key_Home,), "Supplier")):
        column = view.model.column_of(name)
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(2, column))
        type_as_a_person(qtbot, typed)
        for key in keys:
            press(qtbot, key)
            press(qtbot, key, CTRL)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda column=column, reads=reads: view.proxy.index(2, column).data() == reads, timeout=3000)


def test_ctrl_home_in_a_cell_being_typed_goes_to_the_start_of_its_text_not_to_the_first_cell(demo_window, qtbot):
    """A risk's title being typed, Ctrl+Home to put a word before it: the title was stored half typed and the
    keyboard went to the register's first cell, the ID, where the word typed was refused letter by letter. Ctrl+Home
    and Ctrl+End now go to the start and end of the text, as in Excel's cell."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    title = view.model.column_of("title")
    view.table.setCurrentIndex(view.proxy.index(3, title))
    rid = view.proxy.index(3, view.model.column_of("code")).data()
    type_as_a_person(qtbot, "crane slot lost")
    press(qtbot, Qt.Key.Key_Home, CTRL)
    type_as_a_person(qtbot, "Harbour ")
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_as_a_person(qtbot, " twice")
    press(qtbot, Qt.Key.Key_Return)
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, view.model.column_of("code")).data() == rid)
    qtbot.waitUntil(lambda: view.proxy.index(row, title).data() == "Harbour crane slot lost twice", timeout=3000)


def test_a_day_and_month_typed_for_a_baseline_or_a_report_is_the_last_such_day(demo_window, qtbot, uk_locale):
    """"12/3" typed in December as a benefit's Baseline date became next March — the nearer such day — a baseline
    not yet taken; a status report's Reported on alike. Walk39 gave a measurement's date the rule of a day something
    was observed on (the last such day up to today); a baseline's and a report's date are such days too, and now
    take it. A day four months ahead typed without its year is the one of a year ago; typed in full, a day to come is
    kept as typed (not refused)."""
    from datetime import timedelta

    from pmo_desktop.models import clock
    from pmo_desktop.models.values import DATE_PAST, day_text, year_left_out

    window = demo_window
    today = clock.today()
    ahead = today + timedelta(days=120)  # nearer ahead than a year back: the nearest such day is the one to come
    meant = year_left_out(ahead.month, ahead.day, today, DATE_PAST)
    assert meant <= today
    for page, register, column in ((5, "benefits", "baseline_date"), (8, "status_reports", "reported_on")):
        press(qtbot, getattr(Qt.Key, f"Key_{page}"), CTRL)
        view = window.active_register_view()
        for _ in range(4):  # the Status page's tabs: on to its reports
            if view.register.name == register:
                break
            press(qtbot, Qt.Key.Key_PageDown, CTRL)
            view = window.active_register_view()
        qtbot.waitUntil(lambda view=view: view.table.hasFocus())
        assert view.register.name == register
        col = view.model.column_of(column)
        view.table.setCurrentIndex(view.proxy.index(0, col))
        type_as_a_person(qtbot, f"{ahead.day}/{ahead.month}")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda view=view, col=col: view.proxy.index(0, col).data() == day_text(meant), timeout=3000)
        view.table.setCurrentIndex(view.proxy.index(0, col))
        type_as_a_person(qtbot, ahead.isoformat())  # a day to come, typed in full: kept
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda view=view, col=col: view.proxy.index(0, col).data() == day_text(ahead), timeout=3000)
        assert not _note()


def test_program_details_end_date_reads_as_typed_the_day_save_stores(demo_window, qtbot):
    """File ▸ Program Details: a planned End typed as "9 Jul" in December (five months gone) read, as it was typed, as this
    July — the nearest such day — and Save stored next July (the field looks ahead). The box now reads the text as
    Save does, so the day said is the day stored. A date Save refuses is selected, as a refused cell's text is."""
    from datetime import timedelta

    from pmo_desktop.models import clock
    from pmo_desktop.models.values import DATE_AHEAD, day_text, year_left_out
    from pmo_desktop.views.program_dialog import ProgramDialog

    today = clock.today()
    gone = today - timedelta(days=150)  # further back than a due date's "just missed", nearer than the one ahead
    stored = year_left_out(gone.month, gone.day, today, DATE_AHEAD)
    assert stored > today
    dialog = ProgramDialog(demo_window.document, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    end = dialog.editors["end_date"]
    end.setFocus()
    qtbot.waitUntil(end.hasFocus)
    end.selectAll()
    qtbot.keyClicks(end, f"{gone.day} {gone.strftime('%b')}")
    assert day_text(stored) in end.toolTip(), end.toolTip()
    _shot(dialog, "program-details-end-read-as-saved")
    end.selectAll()
    qtbot.keyClicks(end, "31/02/2027")  # no such day: Save (Ctrl+Enter) refuses it, and typing on replaces it
    qtbot.keyClick(end, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "31/02/2027" in dialog.message.text()
    assert end.selectedText() == "31/02/2027"
    qtbot.keyClicks(end, "2027-03-01")
    assert end.text() == "2027-03-01"
    dialog.reject()


def test_the_tables_command_keys_in_a_cell_being_typed_act_on_the_typing_not_the_table(demo_window, qtbot):
    """The table's shortcuts act while the keyboard is anywhere in it — a cell being typed too — and took keys from
    the typing: a title half typed and Ctrl+D was stored and the risk duplicated; in a list cell ("sup" typed, the
    Category Supplier) Del cleared the stored category behind the open cell, which then showed it empty, Shift+Del
    deleted the risk, Ctrl+V pasted over the cell with a message box. As in Excel, where a cell being typed takes no
    command of the sheet's: Del and Shift+Del in a list cell leave what was typed, Ctrl+V there is typed in, and
    Ctrl+D says in the status bar to store the cell first; the table is untouched until Enter."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    rows = view.proxy.rowCount()
    category, title = view.model.column_of("category"), view.model.column_of("title")
    other = view.proxy.index(2, category).data()
    view.table.setCurrentIndex(view.proxy.index(2, category))
    type_as_a_person(qtbot, "sup")
    editor = QApplication.focusWidget()
    for key, modifier in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_D, CTRL)):
        press(qtbot, key, modifier)
        settle(qtbot)
        assert QApplication.focusWidget() is editor and _held_text(editor) == "Supplier", key
        assert view.proxy.rowCount() == rows and view.proxy.index(2, category).data() == other, key
    assert "Enter stores it" in window.statusBar().currentMessage()
    _shot(window, "ctrl-d-in-a-cell-being-typed")
    QApplication.clipboard().setText("technical\tignored\n")
    press(qtbot, Qt.Key.Key_V, CTRL)  # typed into the open cell, its first value
    assert _held_text(editor) == "Technical" and view.proxy.index(2, category).data() == other
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.index(2, category).data() == "Technical", timeout=3000)
    view.table.setCurrentIndex(view.proxy.index(2, title))
    type_as_a_person(qtbot, "Tills late")
    press(qtbot, Qt.Key.Key_D, CTRL)
    settle(qtbot)
    assert view.proxy.rowCount() == rows and _held_text(QApplication.focusWidget()) == "Tills late"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.index(2, title).data() == "Tills late", timeout=3000)
    assert view.proxy.rowCount() == rows


def test_a_block_pasted_on_the_new_row_line_with_a_bad_cell_names_its_row(demo_window, qtbot):
    """Three risks copied from a spreadsheet and pasted on the ✱ line, the third's Threat / opportunity a word the
    register lacks: nothing was added (a paste is all or nothing) and the message said only "Threat / opportunity:
    “Maybe” is not one of Threat, Opportunity." — which of the rows, the user had to find. A row pasted over a
    record was named ("Row 3: …"); a row the paste adds is named now too, by the row it would have been."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    rows = view.proxy.rowCount()
    header = view.table.horizontalHeader()
    shown = [c for c in (header.logicalIndex(v) for v in range(header.count())) if not header.isSectionHidden(c)]
    title = view.model.column_of("title")
    after_title = view.model.fields[shown[shown.index(title) + 1]]
    assert after_title.name == "kind"  # the block's second column lands in Threat / opportunity
    view.focus_new_line(title)
    qtbot.waitUntil(view.new_line.hasFocus)
    QApplication.clipboard().setText("Quay cranes late\tThreat\nBerth closed\tThreat\nTug strike\tMaybe\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=3000)
    box = QApplication.activeModalWidget()
    text = " ".join(box.text().split())
    _shot(box, "new-line-paste-names-its-row")
    box.close()
    assert f"Row {rows + 3}: Threat / opportunity: “Maybe”" in text, text
    assert "Nothing was changed" in text and view.proxy.rowCount() == rows
