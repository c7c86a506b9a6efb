"""Review 62: stop 61's change (801e7af2..ff04f305) read as a reviewer. Each test drives the real code — a real
progress dialog closed as the window's close button closes it, a real cache folder damaged on disk, a real CSV
written to tmp_path — of the shape of a defect found, and fails on main ff04f305."""

from __future__ import annotations

from focused_keys import job_until_stopped, progress_dialog_shown
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def test_the_close_button_of_an_imports_progress_dialog_asks_before_stopping_it(demo_window, qtbot):
    """Esc on an import's progress dialog asks before stopping it (walk61b), but the dialog's own close button (the
    title bar's ×, Alt+F4: a close event) went to QProgressDialog's closeEvent, which says "canceled" at once — the
    import stopped without a word, the same slip Esc was guarded against. It asks as Esc does: Go On keeps the job,
    Stop stops it; the dialog closing when the job is over asks nothing."""
    from pmo_desktop.views.background import run_with_progress

    seen: dict[str, object] = {}

    def close_it() -> None:
        dialog = progress_dialog_shown()
        assert dialog is not None
        dialog.close()  # what the window's close button sends
        qtbot.wait(100)
        seen["after close"] = dialog.wasCanceled()
        box = QApplication.activeModalWidget()
        seen["asked"] = box.text() if isinstance(box, QMessageBox) else ""
        if isinstance(box, QMessageBox):
            box.defaultButton().click()  # Go On
            qtbot.wait(100)
            seen["after go on"] = dialog.wasCanceled()
            dialog.close()
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
            next(b for b in QApplication.activeModalWidget().buttons() if b.text() == "Stop").click()

    QTimer.singleShot(300, close_it)
    result = run_with_progress(demo_window, "Importing risks.xlsx…", job_until_stopped(), at_once=True, writes=True)
    assert seen["after close"] is False
    assert "Stop “Importing risks.xlsx”?" in str(seen["asked"])
    assert seen["after go on"] is False
    assert result == "stopped"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    # a job done: its dialog closes without a question
    assert run_with_progress(demo_window, "Importing b.xlsx…", job_until_stopped(0.3), at_once=True,
                             writes=True) == "done"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _header_keys_damaged(kept, register: str, text: str, key: str) -> None:
    """The kept header tables with a header's key in ``register`` changed to ``key`` — bytes damaged where the key is,
    the file still whole and its fingerprint the same (the CRC-32 beside the kept bytes left as it was written)."""
    import marshal

    held = marshal.loads(kept.read_bytes())
    data = held["data"]
    tables = marshal.loads(data) if isinstance(data, bytes) else data
    keys = tables[register]["keys"]
    assert text in keys
    keys[key] = keys.pop(text)
    held["data"] = marshal.dumps(tables) if isinstance(data, bytes) else tables
    kept.write_bytes(marshal.dumps(held))


def test_a_header_key_damaged_in_the_kept_header_tables_is_never_read(tmp_path):
    """Review61 checked the words' keys kept in the cache folder against a CRC-32, but the header tables beside them
    (every register's header keys, their prefixes and near indexes: speed53, speed68) were still read unchecked: a key
    damaged on disk ("estado" read back as "esxxdo") left the Spanish issue log's Estado column unread in this process
    and every later one — the closed issues came in Open — until the program or a words file changed. Every kept
    table is now checked: the damaged file is built again and the workbook read as before."""
    from test_speed60a_word_keys import _import, _workbook

    book = _workbook(tmp_path / "Projekt.xlsx")
    cache = tmp_path / "cache"
    office = tmp_path / "office.pmo"
    built = _import(book, cache, office)
    assert any("Closed" in row for row in built["records"]["issues"])
    (kept,) = cache.glob("header-tables-*.tables")
    _header_keys_damaged(kept, "issues", "estado", "esxxdo")
    assert _import(book, cache, office)["records"] == built["records"]
    assert _import(book, cache, office)["records"] == built["records"]  # and in the process after it


def test_a_long_risk_register_looks_for_a_matrixs_title_without_a_header_search_a_row(tmp_path, sqlite_store,
                                                                                     monkeypatch):
    """Stop 61's matrix title (``_matrix_lead``: "Risk Severity | 1 | 2 | 4 | 5" right above a matrix under the table)
    was looked for on every record of a register with ratings, and ran a header search of the row's first cell before
    its other cells — a record's texts — ruled it out: a 60,000-row risk register's planning spent about a minute
    there. The numbers are looked at first; the matrix under the table is still found from its title."""
    import openpyxl
    from imported import import_all, rows_of

    from pmo_desktop.excel import row_planner

    searched = [0]
    real = row_planner.map_header

    def counted(*args, **kwargs):
        searched[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(row_planner, "map_header", counted)
    # a sheet too long to hold (over 20,000 rows) is the one looked at row by row: held at 500 rows here, as 1,500
    monkeypatch.setattr(row_planner, "KEEP_ROWS", 500)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    sheet.append(["ID", "Risk Description", "Likelihood", "Impact", "Owner", "Status"])
    levels = ["Low", "Medium", "High"]
    for i in range(1, 1501):
        sheet.append([f"R-{i:04d}", f"Supplier batch {i} may arrive late", levels[i % 3], levels[i * 2 % 3],
                      f"Owner {i % 9}", "Open"])
    sheet.append([])
    sheet.append(["Risk Matrix (likelihood x impact)"])
    sheet.append(["Impact", 1, 2, 3])
    sheet.append(["Likelihood"])
    for n in (1, 2, 3):
        sheet.append([n, n, 2 * n, 3 * n])
    path = tmp_path / "Long risk register.xlsx"
    book.save(path)
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 1500  # the matrix's title, axes and scores no risks
    assert searched[0] < 200, searched[0]  # main: 1,502, a search for each of the 1,500 records


def _issues_csv(tmp_path, lines: list[str]):
    path = tmp_path / "issues.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_record_written_with_a_hash_among_a_csvs_records_is_kept(sqlite_store, tmp_path):
    """Stop 61's CSV comment lines (classes93) took any line under the first whose first filled cell opened with
    "# " and a word: an issue logged with no ID and titled "# of failed logins doubled since the upgrade" — "#" for
    "number of" — was blanked as a comment and lost (said only as a comment's text). A comment opens its line (its
    first cell) and stands above the records or below them all: a "#" line between records is read as a record."""
    from imported import import_all, named

    for lines in (
        ["ID,Issue,Owner,Priority,Status", "I-1,Test server down,Ann Lee,High,Open",
         ",# of failed logins doubled since the upgrade,Omar Haddad,Medium,Open",
         "I-3,Vendor invoice disputed,Mia Stone,Low,Closed"],
        ["Issue,Owner,Priority,Status", "Test server down,Ann Lee,High,Open",
         "# of failed logins doubled since the upgrade,Omar Haddad,Medium,Open",
         "Vendor invoice disputed,Mia Stone,Low,Closed"],
    ):
        import_all(sqlite_store, _issues_csv(tmp_path, lines))
        titles = set(named(sqlite_store, "issues"))
        assert "# of failed logins doubled since the upgrade" in titles, titles


def test_comment_lines_above_a_csvs_records_and_below_them_are_still_no_records(sqlite_store, tmp_path):
    """The comments the rule is for stay comments: under the header, and at the file's end."""
    from imported import import_all, named

    lines = ["Issue,Owner,Priority,Status", "# exported by the weekly job; do not edit by hand",
             "# Priority: High, Medium or Low", "Test server down,Ann Lee,High,Open",
             "Vendor invoice disputed,Mia Stone,Low,Closed", "# end of export, 2 rows"]
    import_all(sqlite_store, _issues_csv(tmp_path, lines))
    assert set(named(sqlite_store, "issues")) == {"Test server down", "Vendor invoice disputed"}


def test_ctrl_minus_and_ctrl_plus_zoom_on_a_page_with_no_table_and_stay_row_keys_in_a_table(demo_window, qtbot):
    """Walk61b gave Ctrl+- and Ctrl++ to the tables' rows (Excel's Delete and Insert Row) and took them from the zoom
    everywhere: on the Dashboard, where there is no row, Ctrl+= zoomed in and Ctrl+- did nothing — the zoom taken
    by the obvious key could not be undone by its pair. Out of a table they zoom again; in a table they stay row
    keys (the zoom unchanged)."""
    from focused_keys import press
    from PySide6.QtCore import Qt
    from screens import settle

    from pmo_desktop.views.zoom import zoom

    ctrl = Qt.KeyboardModifier.ControlModifier
    press(qtbot, Qt.Key.Key_1, ctrl)  # the Dashboard: no table
    settle(qtbot)
    percent = zoom().percent
    press(qtbot, Qt.Key.Key_Equal, ctrl)
    settle(qtbot)
    assert zoom().percent > percent
    press(qtbot, Qt.Key.Key_Minus, ctrl)
    settle(qtbot)
    assert zoom().percent == percent  # main: still zoomed in
    press(qtbot, Qt.Key.Key_Equal, ctrl | Qt.KeyboardModifier.ShiftModifier)  # Ctrl++ on a US keyboard
    settle(qtbot)
    assert zoom().percent > percent
    press(qtbot, Qt.Key.Key_Minus, ctrl)
    settle(qtbot)
    assert zoom().percent == percent
    press(qtbot, Qt.Key.Key_4, ctrl)  # Risks: the keyboard in the table
    view = demo_window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    rows = view.proxy.rowCount()
    press(qtbot, Qt.Key.Key_Equal, ctrl | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot)
    assert view.proxy.rowCount() == rows + 1 and zoom().percent == percent  # a row added, no zoom


def test_ids_written_hash_space_number_are_no_comments(sqlite_store, tmp_path):
    """"# 1", "# 2": an ID column written with the number sign and a space. Each line's first cell opened with "#", a
    space and a word character, and every issue under the header was blanked as a comment — the file imported
    nothing. A comment goes on in words (a letter after the "# ")."""
    from imported import import_all, named

    lines = ["#,Issue,Owner,Status", "# 1,Test server down,Ann Lee,Open", "# 2,Vendor invoice disputed,Mia Stone,Closed",
             "# 3,Login page times out,Omar Haddad,Open"]
    import_all(sqlite_store, _issues_csv(tmp_path, lines))
    assert set(named(sqlite_store, "issues")) == {"Test server down", "Vendor invoice disputed", "Login page times out"}
