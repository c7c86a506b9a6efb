"""Fault injection, round 42: text on the clipboard as browsers and text editors put it there, pasted with a real
Ctrl+V into a real register. A quote mark is part of what a cell shows unless Excel put it there to quote the
cell (its closing quote then ends the cell): nothing pasted loses its quote marks or lands in another cell."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from register_views import shown_view

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView

PROJECTS = REGISTERS["projects"]


def paste_into_new_line(qtbot, document, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Ctrl+V of ``text`` in the name column of the ✱ line of an empty project register: what was said, and
    each project's name and manager after."""
    view = shown_view(qtbot, document, PROJECTS)
    messages: list[str] = []
    document.error.connect(messages.append)
    view.focus_new_line(view.model.column_of("name"))
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with document.store.session() as s:
        return messages, sorted((p.name, p.manager and p.manager.name) for p in s.query(PROJECTS.entity))


def test_a_browser_table_whose_cell_starts_with_a_quoted_word_keeps_its_quote_marks(qtbot, document):
    """Two rows of a web page's table, copied as a browser copies them (cells as they show, unquoted): the
    first cell starts with a quoted word. The paste read it as a CSV does and dropped its quote marks — the
    project was stored as «Go-live slip»."""
    messages, projects = paste_into_new_line(qtbot, document, '"Go-live" slip\tHelen Brooks\r\nTills\tOmar Said\r\n')
    assert messages == []
    assert projects == [('"Go-live" slip', "Helen Brooks"), ("Tills", "Omar Said")]


def test_excels_quoted_cells_are_read_as_excel_wrote_them_beside_a_browsers(qtbot, document):
    """What Excel puts on the clipboard for cells holding a tab, a line break and quote marks — each cell whole,
    its quote marks undoubled, the quotes around it gone — and a browser's unquoted cell with a quoted word."""
    text = '"Tills\tphase 1"\t"Helen ""HB"" Brooks"\r\n"Harbour\nwall"\tOmar Said\r\n"Go-live" slip\tAnn\r\n'
    messages, projects = paste_into_new_line(qtbot, document, text)
    assert messages == []
    assert projects == [('"Go-live" slip', "Ann"), ("Harbour\nwall", "Omar Said"),
                        ("Tills\tphase 1", 'Helen "HB" Brooks')]


def test_a_lone_opening_quote_does_not_swallow_the_rest_of_the_paste(qtbot, document):
    """A cell that opens a quote and never closes it (an inch mark, a quotation cut short): every tab and line
    after it went into that one cell — one project named with the whole paste, its manager and the second
    project gone into its name."""
    messages, projects = paste_into_new_line(qtbot, document, '"Phase 2 budget\tHelen Brooks\nTills\tOmar Said\n')
    assert messages == []
    assert projects == [('"Phase 2 budget', "Helen Brooks"), ("Tills", "Omar Said")]


def test_pasting_over_a_record_keeps_a_quote_mark_that_starts_a_cell(qtbot, document):
    """The same over an existing record: '"Ready" state' pasted on its name is stored as it reads."""
    with document.store.transaction() as s:
        rid = records.create_record(s, PROJECTS, {"name": "Tills"}).id
    view = shown_view(qtbot, document, PROJECTS)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("name")))
    QGuiApplication.clipboard().setText('"Ready" state\n')
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with document.store.session() as s:
        assert s.get(PROJECTS.entity, rid).name == '"Ready" state'


def test_a_block_wider_than_the_columns_left_is_refused_and_said(qtbot, document):
    """Three columns copied from Excel and pasted on the second last column of the projects: the third value had
    no column and was dropped without a word, the first two stored. Nothing is pasted, and the message says why;
    trailing blank cells (a row's tabs) lose nothing and still paste."""
    view, rid, messages = _view_with_a_project(qtbot, document)
    header = view.table.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]
    assert [view.model.fields[c].name for c in shown[-2:]] == ["budget", "description"]
    view.table.setCurrentIndex(view.proxy.index(0, shown[-2]))
    view.table.setFocus()
    QGuiApplication.clipboard().setText("1200\tSea wall works\tHelen Brooks\r\n")
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(messages) == 1 and "Nothing was pasted" in messages[0] and "“Helen Brooks”" in messages[0]
    with document.store.session() as s:
        project = s.get(PROJECTS.entity, rid)
        assert (project.budget, project.description) == (None, "")
    QGuiApplication.clipboard().setText("1200\tSea wall works\t\t\r\n")
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(messages) == 1
    with document.store.session() as s:
        project = s.get(PROJECTS.entity, rid)
        assert (project.budget, project.description) == (1200.0, "Sea wall works")


def _view_with_a_project(qtbot, document) -> tuple[RegisterView, int, list[str]]:
    with document.store.transaction() as s:
        rid = records.create_record(s, PROJECTS, {"name": "Tills"}).id
    view = shown_view(qtbot, document, PROJECTS)
    messages: list[str] = []
    document.error.connect(messages.append)
    return view, rid, messages


def test_a_picture_on_the_clipboard_is_not_pasted_and_said(qtbot, document):
    """A screenshot on the clipboard and Ctrl+V on a project's name: nothing happened and nothing was said."""
    from PySide6.QtGui import QColor, QImage

    view, rid, messages = _view_with_a_project(qtbot, document)
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    QGuiApplication.clipboard().setImage(image)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("name")))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == ["Nothing was pasted: the clipboard holds a picture. Copy cells (in Excel, here) or text, "
                        "then paste again."]
    with document.store.session() as s:
        assert s.get(PROJECTS.entity, rid).name == "Tills"


def test_a_web_table_copied_as_html_alone_is_pasted_as_its_cells(qtbot, document):
    """A table copied by a program that puts only its HTML on the clipboard (no plain text): Ctrl+V did nothing,
    silently. Its cells are pasted as a browser shows them."""
    from PySide6.QtCore import QMimeData

    view, rid, messages = _view_with_a_project(qtbot, document)
    mime = QMimeData()
    mime.setHtml("<html><body><table><tr><td>Harbour <b>wall</b></td><td>Helen  Brooks</td></tr>"
                 "<tr><td>Quay</td><td></td></tr></table></body></html>")
    QGuiApplication.clipboard().setMimeData(mime)
    assert QGuiApplication.clipboard().text() == ""
    view.focus_new_line(view.model.column_of("name"))
    qtbot.keyClick(view.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    with document.store.session() as s:
        made = sorted((p.name, p.manager and p.manager.name) for p in s.query(PROJECTS.entity) if p.id != rid)
    assert made == [("Harbour wall", "Helen Brooks"), ("Quay", None)]


MANY_ROWS = 150  # above LONG_CREATE: added behind a progress dialog, as the 70,000 rows of 5 MB of one column are


def _paste_many_risks(qtbot, document, cancel: bool) -> tuple[list[str], list[str]]:
    """Ctrl+V of ``MANY_ROWS`` risk titles, one a line, into the ✱ line of the risk register: the progress
    dialogs shown, and the risks' titles after."""
    from test_replace40_bulk import ProgressWatch

    risks = REGISTERS["risks"]
    view = shown_view(qtbot, document, risks)
    view.focus_new_line(view.model.column_of("title"))
    QGuiApplication.clipboard().setText("".join(f"Supplier risk {i}\r\n" for i in range(MANY_ROWS)))
    watch = ProgressWatch(qtbot, cancel=cancel)
    try:
        qtbot.keyClick(view.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    finally:
        watch.stop()
    with document.store.session() as s:
        return watch.labels, [r.title for r in s.query(risks.entity).order_by(risks.entity.id)]


def test_a_paste_of_many_new_rows_is_saved_behind_a_progress_dialog(qtbot, document):
    """A paste of thousands of lines into the ✱ line added them one by one with the window frozen (4,000 rows
    40 s on a loaded machine; 5 MB of one column some 20 minutes, the window white). It runs behind a progress
    dialog, the window painting, and is one undo step."""
    labels, titles = _paste_many_risks(qtbot, document, cancel=False)
    assert labels == [f"Adding {MANY_ROWS} risks…"]
    assert titles == [f"Supplier risk {i}" for i in range(MANY_ROWS)]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    with document.store.session() as s:
        assert s.query(REGISTERS["risks"].entity).count() == 0


def test_cancel_while_many_pasted_rows_are_added_adds_none(qtbot, document):
    labels, titles = _paste_many_risks(qtbot, document, cancel=True)
    # once cancelled, the dialog says it stops at the next safe point until the job has (gui47); a loaded machine
    # shows that text for a while
    adding = f"Adding {MANY_ROWS} risks…"
    assert labels[0] == adding and set(labels[1:]) <= {f"{adding}\nStopping at the next safe point…"}, labels
    assert titles == [] and document.undo_stack.count() == 0


def test_blank_lines_pasted_past_the_end_add_no_empty_records(qtbot, document):
    """Lines copied from a web page or a text editor with an empty line between two and an empty last line (the
    last line break is Excel's, the one before it a blank line), pasted with Ctrl+V into the ✱ line of the risk
    register: each blank line added a risk with no title, without a word. Only the lines with text are added."""
    risks = REGISTERS["risks"]
    view = shown_view(qtbot, document, risks)
    view.focus_new_line(view.model.column_of("title"))
    QGuiApplication.clipboard().setText("Vendor slips\r\n\r\nPort strike\r\n  \r\n\r\n")
    qtbot.keyClick(view.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with document.store.session() as s:
        assert [r.title for r in s.query(risks.entity).order_by(risks.entity.id)] == ["Vendor slips", "Port strike"]


def test_rows_pasted_past_the_end_of_a_filtered_register_are_shown(qtbot, document):
    """The risks filtered to the Technical category, two titles pasted with Ctrl+V into the ✱ line: both were
    stored out of sight (no category, so the filter hid them), the count still "1 of 2 rows" — a paste that seemed
    to do nothing, and a second made four. The filters are cleared, as for a record typed in the line, and the two
    are in view."""
    risks = REGISTERS["risks"]
    with document.store.transaction() as s:
        records.create_record(s, risks, {"title": "Vendor slips", "category": "Technical"})
        records.create_record(s, risks, {"title": "Port strike", "category": "Commercial"})
    view = shown_view(qtbot, document, risks)
    view.set_column_filter("category", {"Technical"})
    assert view.proxy.rowCount() == 1
    view.focus_new_line(view.model.column_of("title"))
    QGuiApplication.clipboard().setText("Crane fails\r\nPermit late\r\n")
    qtbot.keyClick(view.new_line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    title = view.model.column_of("title")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 4)
    shown = {view.proxy.index(r, title).data() for r in range(view.proxy.rowCount())}
    assert {"Crane fails", "Permit late"} <= shown and view.count_label.text() == "4 rows"
