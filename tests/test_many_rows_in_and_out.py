"""Thousands of rows deleted from a register held in memory, and put back by Ctrl+Z (issue 16's "the window never
blocked"): the table takes them out and in at once, each coming back to its place in the order shown. Shown one
row at a time, each with its own signal and a new index of every row, 10,000 of 45,000 risks deleted froze the
window for 3 minutes and their undo for 4."""

from PySide6.QtCore import Qt
from test_replace40_bulk import office_with_risks, opened
from test_walkthrough21 import stored

from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

MANY = 6_000


def titles_shown(view) -> list[str]:
    column = view.model.column_of("title")
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def signals_of(model) -> dict[str, int]:
    counts = {"removed": 0, "inserted": 0, "layout": 0}
    model.rowsRemoved.connect(lambda *_: counts.__setitem__("removed", counts["removed"] + 1))
    model.rowsInserted.connect(lambda *_: counts.__setitem__("inserted", counts["inserted"] + 1))
    model.layoutChanged.connect(lambda *_: counts.__setitem__("layout", counts["layout"] + 1))
    return counts


def test_every_other_row_deleted_and_put_back_in_one_go(main_window, qtbot, tmp_path):
    titles = [f"Risk {i:05d}" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    doomed = [view.model.record_id(r) for r in range(0, MANY, 2)]
    counts = signals_of(view.model)
    assert view._delete_now(DeleteRecordsCommand(main_window.document, view.register, doomed), f"{len(doomed)} rows")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == MANY // 2, timeout=120_000)
    assert titles_shown(view) == titles[1::2]
    assert [r["title"] for r in stored(main_window, "risks")] == titles[1::2]
    assert counts == {"removed": 0, "inserted": 0, "layout": 1}

    main_window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == MANY, timeout=120_000)
    assert titles_shown(view) == titles
    assert counts == {"removed": 0, "inserted": 0, "layout": 2}
    assert view.count_label.text() == f"{MANY:,} rows"


def test_rows_put_back_into_a_sorted_table_go_to_their_places(main_window, qtbot, tmp_path):
    """Sorted by title, Z to A, titles shared by several risks: a third of the rows deleted come back where the sort
    puts them, ties in the order they had, the rows kept where they were; the current cell stays on its record."""
    titles = [f"Risk {i % 700:03d} {'abcdefghij'[i % 10]}" for i in range(MANY)]
    office_with_risks(tmp_path / "many.pmo", titles)
    view = opened(main_window, qtbot, tmp_path / "many.pmo", Qt.Key.Key_4)
    view.table.sortByColumn(view.model.column_of("title"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: titles_shown(view)[0] == "Risk 699 j")
    before = titles_shown(view)
    keep_id = view.model.record_id(1)
    view.table.setCurrentIndex(view.proxy.index(1, view.model.column_of("title")))
    doomed = [view.model.record_id(r) for r in range(0, MANY, 3)]
    assert view._delete_now(DeleteRecordsCommand(main_window.document, view.register, doomed), f"{len(doomed)} rows")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == MANY - len(doomed), timeout=120_000)
    assert titles_shown(view) == [t for i, t in enumerate(before) if i % 3]
    main_window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == MANY, timeout=120_000)
    assert titles_shown(view) == before
    assert view.model.record_id(view.proxy.mapToSource(view.table.currentIndex()).row()) == keep_id
