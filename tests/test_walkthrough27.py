"""Walkthrough 27: a newcomer's first hour from the README — a fresh office and the demo, by the keyboard alone, at
1280×720 and 1920×1080, a colleague's workbook imported and the board pack shown on a projector. What they tripped
on, each fixed, by real key presses on the real window."""

import os

from file_dialogs import answer_file_dialog
from focused_keys import press
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.exchange.import_dialog import ImportDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def paste_path_into_file_dialog(qtbot, path: str) -> list[str]:
    """The file dialog about to open answered with a whole path pasted into its name box, then Enter (typed key by
    key, Qt's chooser goes into each folder as its "/" is typed and loses the rest of the path to an open's list
    of names). The folder it offered is returned in the list once it opened."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    earlier = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()}
    offered: list[str] = []

    def go(tries: int = 0) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible() and id(w) not in earlier), None)
        if dialog is None:
            if tries < 400:
                QTimer.singleShot(50, lambda: go(tries + 1))
            return
        offered.append(dialog.directory().absolutePath())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setCompleter(None)
        name.setText(path)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(50, go)
    return offered


def documents_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.realpath(documents if os.path.isdir(documents) else os.path.expanduser("~"))


def test_the_first_new_office_and_import_open_in_documents_then_where_the_last_went(main_window, qtbot, tmp_path):
    """Ctrl+N, the first thing the README says to do: the chooser opened in the folder the app was started from
    (`bash scripts/run-app.sh` in the download: the office was saved among the program's own files), and Ctrl+I
    after it opened there again, not where the office had just been made. The first chooser offers Documents (or
    home); then New…, Open… and Import offer the folder last used, and Import the one the last workbook came from."""
    window = main_window
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    office = tmp_path / "offices" / "Harbour.pmo"
    office.parent.mkdir()
    first = answer_file_dialog(qtbot, str(office))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.document is not None)
    offered = os.path.realpath(os.path.dirname(first.offered[0]))
    assert offered == documents_folder() != os.path.realpath(os.getcwd()), first.offered

    colleague = tmp_path / "from Jo" / "risks.csv"
    colleague.parent.mkdir()
    colleague.write_text("Title,Probability,Impact\nConcrete prices rise,4,4\n", encoding="utf-8")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    second = paste_path_into_file_dialog(qtbot, str(colleague))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(second) == 1)
    assert second[0] == str(office.parent)  # where the office was just made
    qtbot.waitUntil(lambda: any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    opened = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    opened.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    third = paste_path_into_file_dialog(qtbot, str(colleague))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(third) == 1)
    assert third[0] == str(colleague.parent)  # where the last workbook came from


def _workshop(path, crowds: dict[tuple[int, int], int]):
    """An office whose stakeholders crowd cells of the grid: {(power, interest): how many}."""
    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store

    first = ["Svetlana", "Bilal", "Chen", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Jonas", "Kofi", "Lena",
             "Mateo"]
    last = ["Svensson", "Okonkwo", "Nakamura", "Lindqvist", "Moreau", "Haddad", "Osei"]
    store = Store.create(path)
    n = 0
    with store.transaction() as s:
        for (power, interest), count in crowds.items():
            for _ in range(count):
                records.create_record(s, REGISTERS["stakeholders"], {
                    "name": f"{first[n % len(first)]} {last[n % len(last)]}", "power": power, "interest": interest,
                    "attitude": ("Champion", "Critic", "Neutral")[n % 3]})
                n += 1
    store.close()


def test_a_crowded_cell_of_the_grid_keeps_its_points_apart_and_says_no_name_by_two_letters(main_window, qtbot,
                                                                                         tmp_path):
    """A workshop at 1280×720: six stakeholders in "Manage closely"'s corner and thirteen in the cell beside it.
    Six went in two columns with their names cut to two to four letters ("Sv…", "El…", "Bil…"), read by nobody in
    the room; thirteen in two columns of seven, each point half over the one above (11 pixels apart, 20 wide), so
    a drag took the wrong one. Points of a cell stand apart — up to four a column, in up to four columns — and a
    name is drawn whole, shortened after five letters or more, or by its initials ("SS"), never by a scrap."""
    from pmo_desktop.views.stakeholders.grid import POINT_SIZE, PowerInterestGrid

    _workshop(tmp_path / "workshop.pmo", {(5, 5): 6, (5, 4): 12, (3, 2): 2})
    window = main_window
    assert window.open_path(str(tmp_path / "workshop.pmo"))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_3, CTRL)
    grid = next(g for g in window.findChildren(PowerInterestGrid) if g.isVisible())
    qtbot.waitUntil(lambda: len(grid.points) == 20 and grid.view.width() > 300)
    qtbot.wait(100)
    pixel_w, pixel_h = grid.view.viewPixelSize()
    centre = {rid: (x / pixel_w, y / pixel_h) for rid, (x, y) in grid.positions.items()}
    by_cell: dict[tuple, list[int]] = {}
    for p in grid.points:
        by_cell.setdefault((p.power, p.interest), []).append(p.id)
    for cell, ids in by_cell.items():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                (ax, ay), (bx, by) = centre[a], centre[b]
                assert max(abs(ax - bx), abs(ay - by)) >= POINT_SIZE - 1, (cell, a, b, ax - bx, ay - by)
    shown = {p.name: grid._labels[p.id].textItem.toPlainText().replace("\n", " ") for p in grid.points
             if grid._labels[p.id].isVisible()}
    initials = {name: "".join(w[0] for w in name.split()) for name in shown}
    for name, text in shown.items():
        whole_or_long = text == name or (text.endswith("…") and len(text[:-1].replace(" ", "")) >= 5)
        assert whole_or_long or text == initials[name], (name, text)
    assert any(text == initials[name] for name, text in shown.items())  # the two columns' names, by initials
    assert len(shown) >= len(by_cell)  # and a name or more in every cell


def _pick_paper(qtbot, window, letter) -> None:
    """Alt+F, K (Board Pack Paper), then the paper's letter — the keyboard alone, as the menus are walked."""
    from PySide6.QtWidgets import QMenu

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_K)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.paper_menu)
    qtbot.keyClick(window.paper_menu, letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_the_board_packs_paper_is_chosen_from_the_file_menu_and_said_when_it_is_written(demo_window, qtbot, tmp_path):
    """A US office on a computer set to another region: Ctrl+Shift+E wrote an A4 pack, cut at a Letter printer's
    edge, and the only way to Letter was `boardpack --paper Letter` on the command line, which a newcomer in the
    window never meets. File ▸ Board Pack Paper (Alt+F, K) chooses A4, US Letter or the computer's region's, one
    undo step kept in the office; the status bar says which paper the pack was written for."""
    from pypdf import PdfReader

    from pmo_desktop.models.settings import BOARD_PACK_PAPER

    window = demo_window
    _pick_paper(qtbot, window, Qt.Key.Key_L)
    assert window.document.read_setting(BOARD_PACK_PAPER) == "Letter"
    assert window.statusBar().currentMessage().startswith("Board pack paper: US Letter")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pack = tmp_path / "December board.pdf"
    answer_file_dialog(qtbot, str(pack))
    press(qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(pack.exists, timeout=60_000)
    qtbot.waitUntil(lambda: "Board pack written" in window.statusBar().currentMessage(), timeout=10_000)
    assert "on US Letter paper" in window.statusBar().currentMessage()
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(pack).pages} == {
        (792, 612)}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _pick_paper(qtbot, window, Qt.Key.Key_A)
    assert window.document.read_setting(BOARD_PACK_PAPER) == "A4"
    assert window.paper_menu.actions()[0].isChecked() and not window.paper_menu.actions()[1].isChecked()
    press(qtbot, Qt.Key.Key_Z, CTRL)  # one undo step: back to Letter
    assert window.document.read_setting(BOARD_PACK_PAPER) == "Letter"


def test_enter_in_the_search_box_goes_to_the_cell_found_as_excels_find_does(empty_window, qtbot):
    """Ctrl+F, "permit", Enter — as in Excel, where Find goes to the cell: the rows found were shown but the keyboard
    stayed in the box, Enter did nothing, and the arrows moved the caret in "permit". Enter (or Down) goes to the
    first row found, on the cell that holds the word, the search kept; with no row found it stays in the box."""
    from test_walkthrough20 import typed_along

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier delivers late", "Harbour wall permit refused",
                                              "IT cutover overruns"])
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is view.search
    for ch in "zzz":
        qtbot.keyClick(view.search, ch)
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.search  # nothing found: the keyboard stays to correct the word
    view.search.clear()
    for ch in "permit":
        qtbot.keyClick(view.search, ch)
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.table
    current = view.table.currentIndex()
    assert (current.row(), current.column()) == (0, view.model.column_of("title"))
    assert current.data() == "Harbour wall permit refused" and view.proxy.rowCount() == 1
    press(qtbot, Qt.Key.Key_F, CTRL)
    press(qtbot, Qt.Key.Key_Down)  # Down too, from a search already typed
    assert QApplication.focusWidget() is view.table and view.search.text() == "permit"


def test_the_edit_and_view_menus_answer_a_letter_as_excels_do(demo_window, qtbot):
    """The keyboard alone, menus by Alt: Alt+V showed the pages but none had a letter — R for Risks did nothing —
    and in Alt+E only Undo, Redo, Find in All Registers and Record History had one: F for Find, C for Copy, I for
    Fill Down did nothing, the menu walked with the arrows. Every item of both menus has its own letter, Excel's
    where it has one."""
    import re

    from PySide6.QtWidgets import QMenu

    window = demo_window
    for menu in (window.edit_menu, window.menuBar().actions()[2].menu()):
        shown = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        assert not [a.text() for a in shown if not re.search(r"&\w", a.text())], menu.title()
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.active_register_view() is not None
                    and window.active_register_view().register.name == "risks")
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_F)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)


def colleagues_risk_log(path, bad_dates: tuple[str, ...] = ("2026-02-30",)) -> int:
    """A risk log as a colleague keeps it: a merged title row, their own column names, dates typed as text — and
    a date mistyped (30 February; a "tbc" is no longer a row in error: its row comes in with the date empty and the
    word kept in the notes, left45). The number of rows that are sound."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risk log"
    sheet.merge_cells("A1:H1")
    sheet["A1"] = "Harbour programme — risk log (Jo's copy, for Tuesday)"
    sheet.append([])
    sheet.append(["Ref", "Risk description", "Risk owner", "Date logged", "Likelihood (1-5)", "Severity (1-5)", "Comments"])
    good = [("JR-01", "Concrete prices rise 20%", "Jo Diaz", "03/11/2026", 4, 4, "quote due Friday"),
            ("JR-02", "Crane operator training slips", "Helen Brooks", "14-Oct-2026", 3, 3, ""),
            ("JR-03", "Network switch delivery late", "Sam Patel", "2 November 2026", 2, 4, "chased")]
    for row in good:
        sheet.append(list(row))
    for n, text in enumerate(bad_dates):
        sheet.append([f"JR-9{n}", f"Security vetting backlog {n}", "Tom Okafor", text, 3, 2, "date to confirm"])
    book.save(path)
    return len(good)


def test_a_workbook_with_a_row_in_error_imports_its_valid_rows_by_one_key(empty_window, qtbot, tmp_path):
    """A colleague's log with one date mistyped: the dialog offers "Import the 3 valid rows, leave 1", but Enter
    (the README's key) imports nothing while a row is in error, and the button lay five Tabs away past the mapping
    and the preview. Alt+V presses it, as its underlined letter says; the valid rows come in, the other is left
    beside the workbook with its reason."""
    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    window = empty_window
    workbook = tmp_path / "jo-risks.xlsx"
    sound = colleagues_risk_log(workbook)
    press(qtbot, Qt.Key.Key_4, CTRL)
    paste_path_into_file_dialog(qtbot, str(workbook))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=20_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    qtbot.waitUntil(dialog.partial_button.isEnabled, timeout=20_000)
    assert not dialog.import_button.isEnabled()
    assert dialog.partial_button.text().replace("&", "") == f"Import the {sound} valid rows, leave 1"
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))  # the keyboard in the dialog
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    view = window.active_register_view()
    assert sorted(view.model.record(r)["code"] for r in range(view.model.rowCount())) == ["JR-01", "JR-02", "JR-03"]
    assert (tmp_path / "jo-risks - rows left out.xlsx").exists()


def test_a_colleagues_word_for_a_choice_is_answered_with_the_choice_it_is_near(empty_window, qtbot):
    """"Supply" typed in a risk's Category, as the colleague's sheet says it: refused, rightly, with the first six of
    eleven categories listed and "…" — "Supplier", the one meant, among those cut off, so the newcomer guessed.
    The note names the choices nearest what was typed (sharing its first letters, three or more)."""
    from test_walkthrough20 import typed_along

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier delivers late"])
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_Up)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("category")))
    for word, meant in (("Supply", "“Supplier”"), ("Finance", "“Financial”")):
        for ch in word:
            qtbot.keyClick(QApplication.focusWidget(), ch)
        press(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
        notes = [n.text() for n in window.findChildren(RefusalNote) if n.isVisible()]
        assert any(f"“{word}” begins none of the Category choices" in n and f"Did you mean {meant}?" in n
                   for n in notes), notes
        press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(0)["category"] in ("", None)
