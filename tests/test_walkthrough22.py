"""Walkthrough 22: what walkthrough 21's newcomer tripped on and was left — each fixed, by real key presses on
real widgets and real workbooks."""

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
