"""Walkthrough 28: a PMO lead's month-end — the benefits plan reviewed, the RAID logs walked, three risks re-scored,
"my" open items, what changed this month, last month's workbook from a project manager and the board pack — by
real key presses on the real window at 1280×720. What they tripped on, each fixed."""

from focused_keys import type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough18b import keys_to

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def _office(path) -> None:
    """Six people (in the order the owner lists show them) and a risk of Marcus Lee's to re-own."""
    from pmo_desktop.models.store import Store

    store = Store.create(path)
    with store.transaction() as s:
        for name in ("Aisha Patel", "Elena Rossi", "Grace Kim", "Marcus Lee", "Priya Shah", "Tom Walker"):
            records.create_record(s, REGISTERS["people"], {"name": name})
        records.create_record(s, RISKS, {"title": "POS supplier delivers late", "owner": "Marcus Lee",
                                         "probability": 4, "impact": 4})
    store.close()



def _on_the_risks(window, qtbot, tmp_path):
    """``_office`` opened at 1280×720 on its Risks page (Ctrl+4): the window and the register's view."""
    _office(tmp_path / "office.pmo")
    assert window.open_path(str(tmp_path / "office.pmo"))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    return window, window.active_register_view()

def _owners(window) -> list[str]:
    rows = window.document.office.read(lambda s: records.fetch_rows(s, RISKS, records.load_context(s)))
    return [row[2 + RISKS.field_names.index("owner")] for row in rows]


def test_down_after_did_you_mean_goes_to_the_names_meant_not_the_next_in_the_list(main_window, qtbot, tmp_path):
    """A risk re-owned: "Aisha" typed over "Marcus Lee" and Enter — beside the cell, "“Aisha” is not in the list
    of people. Did you mean Aisha Patel?". Down, to go to her, stepped the cell's drop-down from Marcus Lee to the
    next name of all, "Priya Shah", in place of what was typed, the question still asking about Aisha — and Enter
    stored Priya Shah as the owner. Down now opens the names that match what was typed, the first chosen, and
    Enter takes it."""
    window, view = _on_the_risks(main_window, qtbot, tmp_path)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("owner")))
    type_keys(qtbot, "Aish")  # mid-word (walk43: "Aisha", her whole first name, is Aisha Patel at once)
    keys_to(qtbot, Qt.Key.Key_Return)  # asks: Did you mean Aisha Patel?
    qtbot.waitUntil(lambda: "Did you mean Aisha Patel?" in _notes(window))
    assert "Down to pick it" in _notes(window)
    keys_to(qtbot, Qt.Key.Key_Down)  # as the platform sends keys: to the list once it is open
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert _owners(window) == ["Aisha Patel"]
    assert view.table.currentIndex().row() == 0 or view.new_line.hasFocus()  # and on, as Enter goes


def _notes(window) -> str:
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in window.findChildren(RefusalNote) if n.isVisible())


def what_changed_after_a_risk_typed(window, qtbot) -> str:
    """A risk typed on the Risks page (Ctrl+4, its title, Enter), then File ▸ What Changed (Ctrl+Shift+W): the
    dialog's text, the dialog closed."""
    from focused_keys import type_keys
    from PySide6.QtWidgets import QTextBrowser

    from pmo_desktop.views.changes_dialog import ChangesDialog

    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    type_keys(qtbot, "Quay crane delivered late")
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_register_view().model.rowCount() == 1)
    keys_to(qtbot, Qt.Key.Key_W, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, ChangesDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChangesDialog) and w.isVisible())
    text = dialog.findChild(QTextBrowser).toPlainText()
    dialog.reject()
    return text


def test_what_changed_in_an_office_begun_this_month_shows_what_was_typed(empty_window, qtbot):
    """File ▸ What Changed Since the Last Board (Ctrl+Shift+W) in an office made today, after a risk typed and
    re-scored: "What changed from Now (5 Dec 2026) to Now (5 Dec 2026) — Nothing the board watches has changed."
    Its first choice was the end of the day the history began, which for an office begun today is now. An office
    whose history begins within the month is compared from the day before it, so all it holds shows as new."""


    window = empty_window
    text = what_changed_after_a_risk_typed(window, qtbot)
    assert "from Now" not in text and "Nothing the board watches has changed" not in text, text
    assert "Quay crane delivered late" in text, text


def test_the_risk_filters_above_the_table_come_before_it_by_tab_and_answer_their_alt_letter(main_window, qtbot,
                                                                                           tmp_path):
    """"My open risks" by the drop-downs above the register: Tab from the page list went to the search and into
    the table, the drop-downs (Project, Level, Owner, Status, Rating, Review) only after the table and its ✱ line,
    and their captions had no Alt letter. They are now reached in the order they stand — the page list, the
    drop-downs, the search, the table — and Alt+O goes to Owner, Alt+S to Status."""
    from PySide6.QtWidgets import QComboBox, QPushButton

    from pmo_desktop.views.page_list import PageList

    window, view = _on_the_risks(main_window, qtbot, tmp_path)
    window.findChild(PageList).setFocus()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), PageList))
    stops = []
    for _ in range(14):
        keys_to(qtbot, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    names = [w.objectName() for w in stops[:7]]  # the page's tabs first: they stand above (walkthrough 31)
    assert names == ["qt_tabwidget_tabbar", "filter_projects", "filter_levels", "filter_owners", "filter_statuses",
                     "filter_ratings", "filter_review"], names
    assert stops[7] is view.search and view.table in stops  # the buttons on the search's bar between them
    assert all(isinstance(w, QPushButton) for w in stops[8:stops.index(view.table)])
    view.table.setFocus()
    keys_to(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    assert QApplication.focusWidget().objectName() == "filter_owners"
    type_keys(qtbot, "Marcus")  # a combo's own search by the letters typed, as in Excel's list
    qtbot.waitUntil(lambda: QApplication.focusWidget().currentText() == "Marcus Lee")
    keys_to(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "filter_statuses")


def test_a_choice_the_register_refuses_for_another_cell_is_said_beside_it_not_in_a_box(empty_window, qtbot):
    """A decision typed along its row as the columns run: Status "dec" (Decided) and Tab, before its Decided on
    date — "A decision that is taken has a date (Decided on)." came in a message box, which took the keys typed
    next: "today" was lost and the space of the rationale pressed its OK, the rest typed into the Due cell. A
    drop-down's value the register refuses is held in its cell with the reason beside it, as a typed one is."""
    from PySide6.QtWidgets import QMessageBox

    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    for _ in range(2):
        keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    view = window.active_register_view()
    assert view.register.name == "decisions"
    type_keys(qtbot, "Buy the second crane now")
    keys_to(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("status")))
    type_keys(qtbot, "dec")
    keys_to(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)

    def boxes():
        return [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]

    qtbot.waitUntil(lambda: bool(boxes()) or "(Decided by)" in _notes(window))  # its date given today (walk43), its decider not
    shown = boxes()
    for box in shown:
        box.reject()
    assert not shown, "a message box took the keys typed next"
    assert isinstance(QApplication.focusWidget(), ChoiceCombo)  # the cell still open, the keyboard in it
    keys_to(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.hasFocus())
    record = view.model.record(0)
    assert record["status"] == "Pending" and record["decided_on"] is None


def _last_months_log(path) -> None:
    """A project manager's risk log as they keep it: a merged title row, their own words for the columns, a notes
    column, dates as text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Nov risks"
    ws.merge_cells("A1:F1")
    ws["A1"] = "POS replacement — risks, November 2026"
    ws.append([])
    ws.append(["Risk #", "Title", "Looks after it", "Chance (1-5)", "Impact (1-5)", "Notes"])
    ws.append(["POS-11", "Store Wi-Fi too weak for the new tills", "Marcus Lee", 4, 3, "survey booked"])
    ws.append(["POS-12", "Receipt printer firmware recalled", "Aisha Patel", 2, 4, ""])
    wb.save(path)


def test_a_column_remapped_in_the_import_is_checked_before_it_imports(main_window, qtbot, tmp_path):
    """Last month's log from a project manager, previewed; "Looks after it" set to Owner in the mapping and Enter
    ("Who owns it", the column's first wording here, is read as the owner by itself since classes70b's questions):
    the rows imported as first read — the owners in the notes, the choice just made ignored — for the preview was
    only read again by "Check again", a button with no Alt letter five Tabs away. Enter after a changed choice
    now checks again first and says so; Alt+C checks again; the next Enter imports what the preview shows."""
    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    _office(tmp_path / "office.pmo")
    _last_months_log(tmp_path / "marcus-november.xlsx")
    window = main_window
    assert window.open_path(str(tmp_path / "office.pmo"))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = ImportDialog(window.document, tmp_path / "marcus-november.xlsx", window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findText("Nov risks"))
    dialog.register_combo.setCurrentIndex(dialog.register_combo.findData("risks"))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.ok)
    owner = next(dialog.mapping_table.cellWidget(r, 1) for r in range(dialog.mapping_table.rowCount())
                 if dialog.mapping_table.cellWidget(r, 0).property("column") == 2)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    owner.setFocus()
    qtbot.waitUntil(owner.hasFocus)
    owner_was = owner.currentData()
    type_keys(qtbot, "Own")  # the choice by its letters, as the keyboard picks in a list
    assert owner.currentData() == "owner" != owner_was
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert dialog.isVisible(), "imported the rows as first read, the owner chosen ignored"
    assert "checked again" in dialog.summary.text().lower()
    keys_to(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Check again by its letter
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rows = window.document.office.read(lambda s: records.fetch_rows(s, RISKS, records.load_context(s)))
    owners = sorted(row[2 + RISKS.field_names.index("owner")] or "" for row in rows)
    assert owners == ["Aisha Patel", "Marcus Lee", "Marcus Lee"], owners


def test_the_demos_risk_actions_write_their_risks_acronyms_as_the_titles_do(demo_window, qtbot):
    """RAID ▸ Action log of the demo office on the projector: "Agree mitigation plan for: pos supplier delivers
    late", "… gdpr consent model rejected by dpo" — each risk's title lowered whole, its acronyms with it, read in
    the room as typing slips. A title in the sentence keeps its acronyms: "POS supplier delivers late"."""
    from PySide6.QtWidgets import QTreeWidget

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    for _ in range(3):
        keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    log = next(t for t in window.findChildren(QTreeWidget) if t.accessibleName() == "Action log")
    qtbot.waitUntil(lambda: log.isVisible() and log.topLevelItemCount() > 0)
    texts = [log.topLevelItem(i).text(2) for i in range(log.topLevelItemCount())]
    assert "Agree mitigation plan for: POS supplier delivers late" in texts, texts
    assert "Agree mitigation plan for: GDPR consent model rejected by DPO" in texts, texts
    assert "Agree mitigation plan for: store staff resist new tills" in texts, texts
