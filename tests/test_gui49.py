"""Walk 49: what stop 45's walks left in the GUI at 1280×720, 1920×1080 and 150 % — each by real key presses on
the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from screens import settle

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.stakeholder_rules import NOT_ASSESSED_YET
from pmo_desktop.views.theme import colours
from tests.stakeholder_helpers import STAKEHOLDERS, all_rows, make_page

CTRL = Qt.KeyboardModifier.ControlModifier


def _spot_of(grid, record_id):
    return next(s for s in grid.points_item.points() if s.data() == record_id)


def test_a_stakeholder_nobody_assessed_is_a_hollow_ring_counted_in_the_legend_not_a_grey_beside_neutral(
        qtbot, sqlite_store):
    """On a projector the grid's "Not assessed yet" point, a light grey disc, could not be told from Neutral's dark
    grey one. It is now a hollow, dashed ring, and the legend names it apart and counts it: "Not assessed yet (1)".
    An attitude typed by keys fills it; the legend's entry goes."""
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        records.create_record(s, STAKEHOLDERS, {"name": "Priya Shah", "power": 4, "interest": 4}, ctx)
        records.create_record(s, STAKEHOLDERS, {"name": "Raj Mehta", "power": 5, "interest": 2,
                                                "attitude": "Neutral"}, ctx)
    page = make_page(qtbot, sqlite_store)
    grid = page.grid
    priya, raj = (next(r["id"] for r in all_rows(sqlite_store, STAKEHOLDERS) if r["name"] == n)
                  for n in ("Priya Shah", "Raj Mehta"))
    qtbot.waitUntil(lambda: len(grid.points_item.points()) == 2)
    hollow, neutral = _spot_of(grid, priya), _spot_of(grid, raj)
    assert hollow.pen().style() == Qt.PenStyle.CustomDashLine  # dashed …
    assert hollow.brush().color().name() == colours().background.lower()  # … and hollow: the chart's background
    assert neutral.pen().style() == Qt.PenStyle.SolidLine and neutral.brush().color().name() == "#616161"
    assert (f"{NOT_ASSESSED_YET} (1)", None) in grid.legend_entries()
    assert f"◌</span>&nbsp;{NOT_ASSESSED_YET} (1)" in grid.legend.text()

    # in the engagement gap's colours too: nobody assessed Priya's engagement either
    grid.colour_combo.setFocus()
    qtbot.waitUntil(grid.colour_combo.hasFocus)
    qtbot.keyClick(grid.colour_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: grid.colour_mode == "gap")
    assert _spot_of(grid, priya).pen().style() == Qt.PenStyle.CustomDashLine
    assert [text for text, colour in grid.legend_entries() if colour is None] == [f"{NOT_ASSESSED_YET} (2)"]

    # an attitude typed in Priya's cell fills her point; nobody is left "not assessed"
    qtbot.keyClick(grid.colour_combo, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: grid.colour_mode == "attitude")
    view = page.register_view
    attitude = STAKEHOLDERS.field_names.index("attitude")
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 1).data() == "Priya Shah")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, attitude))
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, "C")
    qtbot.keyClicks(QApplication.focusWidget(), "ha")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _spot_of(grid, priya).pen().style() == Qt.PenStyle.SolidLine)
    assert _spot_of(grid, priya).brush().color().name() == "#1b5e20"  # Champion
    assert all(colour is not None for _text, colour in grid.legend_entries())
    assert NOT_ASSESSED_YET not in grid.legend.text()


def test_the_board_pack_names_the_stakeholders_not_rated_yet_under_its_grid(sqlite_store, tmp_path):
    """The app lists the stakeholders with no power or interest beside its grid ("Not rated yet"); the board pack's
    grid, in the PDF and the workbook, left them out without a word — on no quadrant, only in the register below."""
    import openpyxl
    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf

    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        records.create_record(s, STAKEHOLDERS, {"name": "Priya Shah"}, ctx)
        records.create_record(s, STAKEHOLDERS, {"name": "Raj Mehta", "power": 5, "interest": 2}, ctx)
    said = "Not rated yet (1), on no quadrant until their power and interest are: Priya Shah"
    pdf = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages)
    assert said in text
    book = openpyxl.load_workbook(write_board_pack(sqlite_store, tmp_path / "pack.xlsx"))
    ws = next(book[n] for n in book.sheetnames if "takeholder" in n)
    assert ws.cell(6, 2).value == said


def test_the_board_pack_pdf_prints_arabic_joined_and_hebrew_right_to_left(sqlite_store, tmp_path):
    """A stakeholder named in Arabic and a risk titled in Hebrew printed letter by letter, left to right, in the
    order typed: the Arabic letters apart, every word backwards. Each now prints as it reads on screen: a PDF
    reader's text gives each Hebrew word as typed, and each Arabic word in its joined letters (Unicode's
    presentation forms, which read back as the word typed)."""
    import unicodedata

    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf

    arabic, hebrew = "محمد الأحمد", "עיכוב באספקה של הספק"
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        records.create_record(s, STAKEHOLDERS, {"name": arabic, "organisation": "وزارة المالية", "power": 5,
                                                "interest": 4}, ctx)
        records.create_record(s, REGISTERS["risks"], {"title": hebrew, "probability": 4, "impact": 5}, ctx)
    pdf = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf")
    words = {w for page in PdfReader(str(pdf)).pages for w in page.extract_text().split()}
    assert set(hebrew.split()) <= words, sorted(w for w in words if "\u0590" <= w[0] <= "\u05ff")
    for word in arabic.split():
        joined = [w for w in words if w != word and unicodedata.normalize("NFKC", w) == word]
        assert joined, (word, sorted(w for w in words if "\u0600" <= unicodedata.normalize("NFKC", w)[0] <= "\u06ff"))


def test_at_150_percent_on_a_laptop_the_communication_plan_keeps_its_rows_and_the_week_scrolls_into_view(
        demo_window, qtbot):
    """At 150 % on 1280×720 (853×480 of Qt's pixels) the Communication plan tab squeezed its two parts into 300
    pixels: the plan a row and a half, the week's list its header alone, and the week's title, wrapped into the
    room beside its three buttons, ran over the list. Each part now keeps its header and three rows; the title
    has its own line; the page scrolls where it must, the week's list within its reach."""
    from pmo_desktop.views.page_area import PageArea

    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    for _ in range(2):  # Ctrl+PgDown to the third tab, the communication plan
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.comms)
    settle(qtbot)
    comms = page.comms
    table, due, label = comms.view.table, comms.due_list, comms.week_label

    assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize() - 2, table.viewport().height()
    assert due.viewport().height() >= 3 * due.sizeHintForRow(0) - 2, due.viewport().height()  # (under its header)
    below_label = label.mapTo(comms, label.rect().bottomLeft()).y()
    assert below_label <= due.mapTo(comms, due.rect().topLeft()).y()  # the title over no row of the list
    assert label.height() >= label.heightForWidth(label.width())  # nor cut

    area = window.findChild(PageArea)  # the page scrolls where it must: the week's list within its reach
    qtbot.waitUntil(lambda: due.mapTo(area.widget(), due.rect().bottomLeft()).y() <= area.widget().height())
    area.ensureWidgetVisible(due, 0, 0)
    settle(qtbot)
    top = due.mapTo(area.viewport(), due.rect().topLeft()).y()
    assert 0 <= top and top + due.header().height() + due.sizeHintForRow(0) <= area.viewport().height()
