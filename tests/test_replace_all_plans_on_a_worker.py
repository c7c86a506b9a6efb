"""Replace All over thousands of records held in memory (a register under 50,000 records, issue 16's "the window
never blocked"): the database's search and the matching of every cell run on a worker, as a windowed table's
always did — 45,000 risks took 1.3 s with the window frozen before the write's progress dialog showed. Only
the rows' order on screen is asked of Qt first, so a filtered table replaces only the rows it shows, and a
sorted one lists its refusals in the order shown."""

import threading

from PySide6.QtCore import Qt
from test_find_replace import alt, fill_in, open_dialog
from test_replace40_bulk import office_with_risks, opened
from test_walkthrough21 import stored

from pmo_desktop.views.register_table import find_replace

MANY = 6_000  # above LONG_EDIT (5,000): planned on a worker


def planned_on(monkeypatch) -> list[bool]:
    """Whether each matching of cells (``plan_cells``, no Qt) ran on the GUI thread: the function itself runs."""
    on_gui: list[bool] = []
    real = find_replace.plan_cells

    def plan_cells(*args, **kwargs):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(find_replace, "plan_cells", plan_cells)
    return on_gui


def replaced_all(qtbot, view, find: str, replace: str):
    """Ctrl+H, the two texts typed, Alt+A: the dialog once it says what it replaced."""
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, find, replace)
    alt(qtbot, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Replaced"), timeout=120_000)
    return dialog


def test_thousands_of_risks_in_memory_are_found_and_matched_off_the_gui_thread(main_window, qtbot, tmp_path,
                                                                               monkeypatch):
    titles = [f"Risk {i} of supplier {i % 97}" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    on_gui = planned_on(monkeypatch)
    dialog = replaced_all(qtbot, view, "supplier", "vendor")
    assert on_gui == [False]
    assert dialog.message.text() == f"Replaced {MANY:,} in {MANY:,} risks."
    assert [r["title"] for r in stored(main_window, "risks")] == [t.replace("supplier", "vendor") for t in titles]


def test_a_filtered_table_replaces_only_the_rows_it_shows(main_window, qtbot, tmp_path, monkeypatch):
    """6,000 risks, every seventh in category "Supplier", filtered to the others (5,142 shown): only theirs
    change, on the worker; the hidden ones keep "supplier"."""
    titles = [f"Risk {i} of supplier {i % 97}" for i in range(MANY)]
    categories = ["Supplier" if i % 7 == 0 else "Technical" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles, categories)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    view.set_column_filter("category", {"Technical"})
    shown = MANY - len(range(0, MANY, 7))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == shown)
    on_gui = planned_on(monkeypatch)
    dialog = replaced_all(qtbot, view, "supplier", "vendor")
    assert on_gui == [False]
    assert dialog.message.text() == f"Replaced {shown:,} in {shown:,} risks."
    after = stored(main_window, "risks")
    assert [r["title"] for r in after] == [t if c == "Supplier" else t.replace("supplier", "vendor")
                                          for t, c in zip(titles, categories)]


def test_refusals_of_a_sorted_table_are_listed_in_the_order_shown(main_window, qtbot, tmp_path, monkeypatch):
    """Sorted by title, Z to A: "supplier" → "" empties the titles of the risks titled "supplier" alone,
    which a risk refuses; each refusal names its row as shown, first the one shown first."""
    titles = [f"Risk {i} of supplier" for i in range(MANY - 2)] + ["supplier", "Supplier"]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    view.table.sortByColumn(view.model.column_of("title"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, view.model.column_of("title"))) in
                    ("supplier", "Supplier"))
    rows_shown = [view.proxy.index(r, view.model.column_of("title")).data() for r in range(view.proxy.rowCount())]
    at = sorted(i + 1 for i, t in enumerate(rows_shown) if t.lower() == "supplier")
    on_gui = planned_on(monkeypatch)
    dialog = replaced_all(qtbot, view, "supplier", "")
    assert on_gui == [False]
    listed = dialog.refusals.toPlainText().splitlines()
    assert [line.split(" ")[1] for line in listed] == [str(n) for n in at]
    after = {r["title"] for r in stored(main_window, "risks")}
    assert {"supplier", "Supplier", "Risk 0 of"} <= after  # a title stored without its trailing space


def test_the_rows_saved_are_read_again_on_a_worker_and_announced_once(main_window, qtbot, tmp_path, monkeypatch):
    """After the write, the 6,000 changed rows are read again off the GUI thread (their ratings and review dates
    worked out: seconds for 45,000) and the table announces them in one signal, not one a row — 45,000 signals,
    each answered by the proxy, the row count and the empty-table hint, froze the window 5–8 s. Ctrl+Z the same."""
    from pmo_desktop.views.register_table import table_model

    titles = [f"Risk {i} of supplier {i % 97}" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    read_on_gui: list[bool] = []
    real_reader = table_model.rows_reader

    def rows_reader(register, *args):
        read = real_reader(register, *args)

        def reading(session, ids=None):
            if register.name == "risks":  # not the registers naming risks, read again whole (a few rows)
                read_on_gui.append(threading.current_thread() is threading.main_thread())
            return read(session, ids)
        return reading

    monkeypatch.setattr(table_model, "rows_reader", rows_reader)
    announced: list[tuple[int, int]] = []
    view.model.dataChanged.connect(lambda first, last, *_: announced.append((first.row(), last.row())))
    replaced_all(qtbot, view, "supplier", "vendor")
    assert read_on_gui == [False]
    assert announced == [(0, MANY - 1)]
    assert view.model.data(view.model.index(MANY - 1, view.model.column_of("title"))) == titles[-1].replace(
        "supplier", "vendor")
    main_window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, view.model.column_of("title"))) == titles[0],
                    timeout=120_000)
    assert read_on_gui == [False, False]
    assert announced == [(0, MANY - 1)] * 2
