"""Walkthrough 22: what walkthrough 21's newcomer tripped on and was left — each fixed, by real key presses on
real widgets and real workbooks."""

import pytest
from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def test_the_import_summary_counts_people_not_persons(qtbot, document, tmp_path):
    """A workbook of a people list and a risk log: the summary said "(2 risks, 2 persons)". Every register's
    noun counts as a colleague would say it: people, dependencies, status reports, one risk."""
    other = Store.create(tmp_path / "colleague.pmo")  # a colleague's office, exported as the app writes it
    with other.transaction() as s:
        for name in ("Helen Brooks", "Omar Said"):
            records.create_record(s, REGISTERS["people"], {"name": name})
        records.create_record(s, REGISTERS["risks"], {"title": "Vendor slips", "probability": 2, "impact": 2,
                                                      "owner": "Helen Brooks"})
    export_workbook(other, tmp_path / "office.xlsx", ["people", "risks"])
    other.close()
    dialog = ImportDialog(document, tmp_path / "office.xlsx")
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "(2 people, 1 risk)" in summary
    from pmo_desktop.models.fields import count_of, plural_of

    for reg in REGISTERS.values():
        assert count_of(1, reg.noun) == f"1 {reg.noun}"
        assert not count_of(2, reg.noun).endswith(("ys", "persons", "ss"))
    assert plural_of("category") == "categories" and plural_of("dependency") == "dependencies"


def _focus_places(window, page) -> dict:
    """Where a presenter's keyboard may be on a page: the page list, a table, a chart, an overview tile."""
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    from pmo_desktop.views.tile import Tile

    def first(kind, also=lambda w: True):
        return next((w for w in page.findChildren(kind) if w.isVisible() and also(w)
                     and w.focusPolicy() & Qt.FocusPolicy.TabFocus), None)

    return {"page list": lambda: window.nav, "table": lambda: first(QAbstractItemView),
            "chart": lambda: first(QWidget, lambda w: hasattr(w, "keyboard_cursor")), "tile": lambda: first(Tile)}


def test_presenting_on_and_off_from_every_page_and_every_place_of_the_keyboard(demo_window, qtbot):
    """F11 on and off, twice, on every page with the keyboard in the page list, a table, a chart and a tile.
    Walkthrough 21's first try made the app crash on leaving: it walked Qt's focus chain, and PySide makes each
    widget handed out that way belong (for Python) to the widget it came from — the status bar to a tile's label;
    the overview remade its tiles at the presenting zoom, the label went, and the status bar's Python object was
    marked deleted with it. The tiles are now moved, not remade, at a new zoom (the tile with the keyboard keeps
    it, the very same tile), presenting holds no widget across, and every round leaves the window whole."""
    import shiboken6

    from pmo_desktop.views.tile import Tile

    window = demo_window
    for row in range(window.nav.count()):
        window.go_to_page(row)
        qtbot.wait(50)
        page = window.stack.currentWidget()
        for place, find in _focus_places(window, page).items():
            for _round in range(2):
                target = find()
                if target is None:
                    break
                target.setFocus()
                qtbot.waitUntil(target.hasFocus)
                press(qtbot, Qt.Key.Key_F11)
                qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                                and QApplication.focusWidget().isVisible(), timeout=2000)
                assert window.presentation.active and not window.nav.isVisible()
                if isinstance(target, Tile):  # the same tile, not one made anew, keeps the keyboard
                    assert shiboken6.isValid(target) and target.hasFocus(), (row, place)
                press(qtbot, Qt.Key.Key_F11)
                qtbot.wait(30)
                assert not window.presentation.active, (row, place)
                assert window.nav.isVisible() and window.toolbar.isVisible() and window.statusBar().isVisible()
                focus = QApplication.focusWidget()
                assert focus is not None and shiboken6.isValid(focus) and focus.isVisible(), (row, place)
                if isinstance(target, Tile):
                    assert shiboken6.isValid(target) and target.hasFocus(), (row, place)


def test_no_code_walks_the_focus_chain():
    """``nextInFocusChain()`` / ``previousInFocusChain()`` make, for PySide, each widget handed out belong to the
    widget it was reached from: walked through the window, the status bar and the window itself came to belong to
    tiles that a zoom deletes — walkthrough 21's crash on leaving presenting. The page's own widgets
    (``findChildren``) give the same order without it."""
    import re
    from pathlib import Path

    import pmo_desktop

    root = Path(pmo_desktop.__file__).parent
    walks = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\.(next|previous)InFocusChain\(", line)]
    assert walks == []


# French, German, Spanish, Italian, Dutch and Portuguese dates as their office software writes them: the month
# shortened with a dot, without it, whole, with and without its accents
FOREIGN_DATES = [("15 janv. 2027", (1, 15)), ("3 févr. 2027", (2, 3)), ("1er mars 2027", (3, 1)),
                 ("15. Okt. 2027", (10, 15)), ("2. März 2027", (3, 2)), ("15 ene. 2027", (1, 15)),
                 ("9 de diciembre de 2027", (12, 9)), ("15 mag 2027", (5, 15)), ("15 mrt. 2027", (3, 15)),
                 ("4 set. 2027", (9, 4)), ("15 août 2027", (8, 15)), ("15 déc 2027", (12, 15))]


def test_a_workbooks_french_or_german_dates_are_read_as_dates(qtbot, document, tmp_path):
    """A French risk log whose Raised column holds "15 janv. 2027" as text (as a French Excel shows a date
    exported to text): no month of another language was known, and every such row was refused as "not a date"."""
    from datetime import date

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Risk ID", "Risk", "Likelihood", "Impact", "Date raised"])
    for n, (text, _day) in enumerate(FOREIGN_DATES, 1):
        ws.append([f"R-{n:03d}", f"Risk {n}", "High", "Low", text])
    wb.save(tmp_path / "registre.xlsx")
    dialog = ImportDialog(document, tmp_path / "registre.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok, dialog.summary.text()
    dialog.do_import()
    reg = REGISTERS["risks"]
    with document.store.session() as s:
        raised = {r[2 + reg.field_names.index("code")]: r[2 + reg.field_names.index("raised_on")]
                  for r in records.fetch_rows(s, reg)}
    assert raised == {f"R-{n:03d}": date(2027, *day) for n, (_text, day) in enumerate(FOREIGN_DATES, 1)}


def _type(qtbot, view, text: str):
    """Keys as a French or German keyboard sends them, the first to the table (it opens the cell's editor, as in
    Excel), the rest to the editor: a letter with its accent is one key with its text (QTest's clicks know
    ASCII only). Returns the editor."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    target = view.table
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(target, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key(ord(ch.upper())), Qt.KeyboardModifier.NoModifier, ch))
        target = view.table.focusWidget()
    return target


@pytest.fixture
def french_locale():
    from PySide6.QtCore import QLocale

    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(old)


def test_a_french_date_typed_into_a_date_cell(qtbot, document, french_locale):
    """"15 janv. 2027" typed into a project's start date, key by key: refused as not a date; the months of the
    import's languages are read in a cell as in a workbook, shortened with or without the dot, with accents."""
    from datetime import date

    from test_date_entry import open_view, stored

    from pmo_desktop.views.register_table.date_entry import DateLineEdit

    view, rid = open_view(qtbot, document, "projects")
    for text, day in FOREIGN_DATES[:6]:
        view.select_record(rid, view.model.column_of("start_date"))
        view.table.setFocus()
        editor = _type(qtbot, view, text)
        assert isinstance(editor, DateLineEdit) and editor.text() == text
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
        assert stored(document, "projects", rid, "start_date") == date(2027, *day), text


def test_the_mapping_shows_each_choice_whole_on_a_small_screen(qtbot, document, tmp_path):
    """The office's own export imported again in a dialog a small screen makes narrow (752 px, as on 1280×720
    at 150 %, or any 800×600): the column names took the mapping's whole pane and the choices beside them were
    cut — "Proc", "Spo". Each choice shows whole in the pane; a long name is shortened in the middle and whole
    in its tooltip."""
    other = Store.create(tmp_path / "colleague.pmo")
    with other.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"code": "P-01", "name": "Harbour Wall", "manager": "Ann"})
        records.create_record(s, REGISTERS["stakeholders"], {"name": "Port board"})
    export_workbook(other, tmp_path / "office.xlsx", ["projects", "stakeholders"])
    other.close()
    dialog = ImportDialog(document, tmp_path / "office.xlsx")
    qtbot.addWidget(dialog)
    dialog.resize(752, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    table = dialog.mapping_table
    assert table.rowCount() > 5
    room = table.viewport().width()
    for r in range(table.rowCount()):
        label, combo = table.cellWidget(r, 0), table.cellWidget(r, 1)
        if combo is None:  # a sheet's name over its columns (walk 48)
            continue
        assert table.columnViewportPosition(1) + combo.width() <= room, combo.currentText()
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20, combo.currentText()
        assert label.text() in label.toolTip()


def test_a_new_benefit_at_1280x720_shows_its_add_button_whole_and_an_empty_chart_without_a_legend(empty_window,
                                                                                                 qtbot):
    """A benefit just typed on a 1280×720 screen: its profile scrolls (as designed), and the planned trajectory's
    "Add a row" sat under the panel's bottom edge, cut in half, below a heading that took the room; the chart, with
    nothing to draw, showed its legend over an axis of 0.2 … 0.8. The button shows whole in the part on screen,
    and the empty chart says there is nothing to chart yet, with no legend and no numbers."""
    from PySide6.QtWidgets import QPushButton

    from pmo_desktop.views.register_table import RegisterView

    window = empty_window
    with window.document.store.transaction() as s:
        records.create_record(s, REGISTERS["benefits"], {"title": "Faster turnaround"})
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.register_view.proxy.rowCount() == 1)
    page.register_view.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # to the benefit: its profile and chart
    qtbot.waitUntil(lambda: page.chart.series is not None)
    qtbot.wait(50)
    plan = next(v for v in page.profile.findChildren(RegisterView) if v.register.name == "benefit_plan")
    page.profile.show_part(plan)  # its tab, the profile in tabs at 1280×720
    qtbot.wait(20)
    button = next(b for b in plan.findChildren(QPushButton) if b.text().startswith("Add a row") and b.isVisible())
    assert button.visibleRegion().boundingRect() == button.rect()  # whole on screen, not under the panel's edge
    item = page.chart.plot.getPlotItem()
    assert not page.chart.legend.isVisible() and not item.getAxis("left").isVisible()
    assert "nothing to chart yet" in page.chart.plot.property("full_title")
