"""Replace All over thousands of records (issue 16): written through the office core in one go, behind a
progress dialog while the window paints — one undo step that Ctrl+Z puts back whole, the history a row per
record each way, Cancel saving nothing, refused cells listed and the rest replaced. Replace All of one word
in 100,000 titles froze the window for 135 s."""

import json

from focused_keys import press
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from sqlalchemy import func, select
from test_find_replace import ALT, CTRL, alt, fill_in, open_dialog
from test_walkthrough21 import stored

from pmo_desktop.models import records
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

MANY = 6_000  # above LONG_EDIT: saved behind the progress dialog, as 100,000 are


class ProgressWatch(QObject):
    """Every progress dialog shown while it watches: its words; ``cancel`` clicks its Cancel as it shows."""

    def __init__(self, qtbot, cancel: bool = False):
        super().__init__()
        self.qtbot, self.cancel, self.labels = qtbot, cancel, []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QProgressDialog):
            self.labels.append(obj.labelText())
            button = obj.findChild(QPushButton)
            if self.cancel and button is not None:
                QTimer.singleShot(0, lambda: self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)


def saving_and_undoing(watch: ProgressWatch) -> list[str]:
    """The write's and its undo's dialogs: those finding the cells and showing the rows saved show too where
    they take 0.4 s (a loaded machine), on workers of their own."""
    return [label for label in watch.labels if label.startswith(("Saving", "Undoing"))]


def office_with_risks(path, titles: list[str], categories: list[str] | None = None) -> None:
    """An office file whose risks are ``titles``, made through the office core (their history begun)."""
    store = Store.create(path)
    reg = REGISTERS["risks"]
    rows = [{"title": t, **({"category": categories[i]} if categories else {})} for i, t in enumerate(titles)]
    with store.transaction() as session:
        records.create_records(session, reg, rows, records.load_context(session))
    store.close()


def opened(main_window, qtbot, path, page_key):
    assert main_window.open_path(str(path))
    main_window.resize(1280, 720)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    press(qtbot, page_key, CTRL)
    view = main_window.active_register_view()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title" if page_key == Qt.Key.Key_4
                                                                        else "name")))
    return view


def history_rows(window) -> int:
    return window.document.office.read(lambda s: s.scalar(
        select(func.count()).select_from(RecordHistory).where(RecordHistory.register == "risks")))


def last_title(window, record_id: int) -> str:
    data = window.document.office.read(lambda s: s.scalars(
        select(RecordHistory.data).where(RecordHistory.register == "risks", RecordHistory.record_id == record_id)
        .order_by(RecordHistory.id.desc()).limit(1)).one())
    return json.loads(data)["title"]


def test_replace_all_over_thousands_of_risks_is_one_undo_step_behind_a_progress_dialog(main_window, qtbot,
                                                                                       tmp_path):
    """6,000 risks whose titles name a supplier, every seventh's category "Supplier": Ctrl+H, "supplier" →
    "vendor", Alt+A. A progress dialog says what is saved while it is (the window painting); every title is
    replaced, the categories (no "vendor" among their choices) left and listed; one undo step, one history row
    per risk changed. Ctrl+Z, behind its own progress dialog, puts every title back, and the history says so:
    each risk's last row holds its old title again."""
    titles = [f"Risk {i} of supplier {i % 97}" for i in range(MANY)]
    categories = ["Supplier" if i % 7 == 0 else "Technical" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles, categories)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    window = main_window
    before_history, steps = history_rows(window), window.document.undo_stack.count()
    watch = ProgressWatch(qtbot)
    try:
        dialog = open_dialog(qtbot, view)
        fill_in(qtbot, dialog, "supplier", "vendor")
        alt(qtbot, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Replaced"), timeout=120_000)
        assert dialog.message.text() == (f"Replaced {MANY:,} in {MANY:,} risks; {len(range(0, MANY, 7)):,} cells "
                                         "left as they were, refused:")
        assert dialog.refusals.isVisible() and "Category" in dialog.refusals.toPlainText()
        assert saving_and_undoing(watch) == [f"Saving: Replace “supplier” with “vendor” in {MANY:,} cells of the risk register ({MANY:,} risks)…"]
        after = stored(window, "risks")
        assert [r["title"] for r in after] == [t.replace("supplier", "vendor") for t in titles]
        assert [r["category"] for r in after] == categories
        assert window.document.undo_stack.count() == steps + 1
        assert history_rows(window) == before_history + MANY
        first = view.model.record_id(0)
        assert last_title(window, first) == "Risk 0 of vendor 0"

        qtbot.waitUntil(lambda: dialog.replace_edit.hasFocus())  # the keyboard back where it was
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.table.hasFocus())
        press(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: len(saving_and_undoing(watch)) == 2, timeout=120_000)
        assert saving_and_undoing(watch)[1] == f"Undoing: Replace “supplier” with “vendor” in {MANY:,} cells of the risk register ({MANY:,} risks)…"
        qtbot.waitUntil(lambda: stored(window, "risks")[0]["title"] == titles[0], timeout=120_000)
        assert [r["title"] for r in stored(window, "risks")] == titles
        assert window.document.undo_stack.index() == steps
        assert history_rows(window) == before_history + 2 * MANY
        assert last_title(window, first) == "Risk 0 of supplier 0"
        qtbot.waitUntil(lambda: view.model.data(view.model.index(0, view.model.column_of("title"))) == titles[0])
    finally:
        watch.stop()


def test_cancel_in_the_progress_dialog_leaves_every_cell_as_it_was(main_window, qtbot, tmp_path):
    """The same Replace All, its progress dialog's Cancel clicked as it shows: not one title changed, no
    undo step, no history row, and the dialog says nothing was replaced."""
    titles = [f"Risk {i} of supplier {i % 97}" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    window = main_window
    before_history, steps = history_rows(window), window.document.undo_stack.count()
    watch = ProgressWatch(qtbot, cancel=True)
    try:
        dialog = open_dialog(qtbot, view)
        fill_in(qtbot, dialog, "supplier", "vendor")
        alt(qtbot, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=120_000)
        assert watch.labels, "no progress dialog was shown"
        assert dialog.message.text() == "Cancelled: nothing replaced."
        assert [r["title"] for r in stored(window, "risks")] == titles
        assert window.document.undo_stack.count() == steps
        assert history_rows(window) == before_history
        assert view.model.data(view.model.index(0, view.model.column_of("title"))) == titles[0]
    finally:
        watch.stop()


def test_a_unique_name_taken_is_refused_and_listed_and_the_rest_replaced(empty_window, qtbot):
    """Projects' names are unique. "North" → "South" where "South Quay" exists: "North Quay" is left and
    listed, "North Dock" becomes "South Dock"; "West East Pier" and "East West Pier" → "East": the first
    becomes "East East Pier", the second, which would take the same name, is left and listed. Before, the whole
    Replace All failed on the first clash and nothing was replaced. (Two names alike but for their case, "West
    Pier" and "WEST Pier", are one name since walk32, so no longer a pair to start from.)"""
    window = empty_window
    names = ["North Quay", "South Quay", "North Dock", "West East Pier", "East West Pier"]
    reg = REGISTERS["projects"]
    window.document.operate(records.create_many, reg, [{"name": n} for n in names], window.document.context)
    press(qtbot, Qt.Key.Key_2, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == len(names))
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("name")))

    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "North", "South")
    alt(qtbot, Qt.Key.Key_A)
    assert sorted(r["name"] for r in stored(window, "projects")) == sorted(
        ["North Quay", "South Quay", "South Dock", "West East Pier", "East West Pier"])
    assert dialog.message.text() == "Replaced 1 in 1 project; 1 cell left as it was, refused:"
    assert "There is already a project named “South Quay”" in dialog.refusals.toPlainText()

    press(qtbot, Qt.Key.Key_N, ALT)  # Fi&nd what
    qtbot.waitUntil(lambda: dialog.find_edit.hasFocus())
    fill_in(qtbot, dialog, "west", "East")
    alt(qtbot, Qt.Key.Key_A)
    assert sorted(r["name"] for r in stored(window, "projects")) == sorted(
        ["North Quay", "South Quay", "South Dock", "East East Pier", "East West Pier"])
    assert dialog.message.text() == "Replaced 1 in 1 project; 1 cell left as it was, refused:"
    assert "There is already a project named “East East Pier”" in dialog.refusals.toPlainText()
