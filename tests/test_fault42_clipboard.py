"""Fault injection, round 42: text on the clipboard as browsers and text editors put it there, pasted with a real
Ctrl+V into a real register. A quote mark is part of what a cell shows unless Excel put it there to quote the
cell (its closing quote then ends the cell): nothing pasted loses its quote marks or lands in another cell."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView

PROJECTS = REGISTERS["projects"]


def paste_into_new_line(qtbot, document, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Ctrl+V of ``text`` in the name column of the ✱ line of an empty project register: what was said, and
    each project's name and manager after."""
    view = RegisterView(document, PROJECTS)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
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
    view = RegisterView(document, PROJECTS)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("name")))
    QGuiApplication.clipboard().setText('"Ready" state\n')
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with document.store.session() as s:
        assert s.get(PROJECTS.entity, rid).name == '"Ready" state'
