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


def test_a_risk_added_back_when_a_colleague_took_its_id_keeps_the_typed_title_under_the_next_id(
        qtbot, demo_window):
    """Deleted47's "Add It Back with My Change" put the risk back under its own ID. Had a colleague given that ID to
    another risk meanwhile, the add was refused — and the box was gone, with what was typed. It is now added back
    under the register's next ID, and the note says so."""
    from test_deleted47 import code_and_title, press_enter_and_get_offer, risks_page, start_typing

    from pmo_desktop.models.store import Store

    window = demo_window
    url = str(window.document.store.path)
    view = risks_page(qtbot, window)
    rid = view.model.record_id(3)
    code, _title = code_and_title(window.document.store, rid)
    start_typing(qtbot, view, rid, "Crane slips again")
    ann = Store.open(url)  # Ann deletes it, and gives its ID to a risk of her own
    try:
        with ann.session() as s, s.begin():
            records.delete_records(s, REGISTERS["risks"], [rid])
            records.create_record(s, REGISTERS["risks"], {"code": code, "title": "Ann's new risk"},
                                  records.load_context(s))
    finally:
        ann.close()
    notes: list[str] = []
    window.document.note.connect(notes.append)

    box = press_enter_and_get_offer(qtbot, window, view, rid)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: Add It Back with My Change

    def titles() -> dict[str, str]:
        risks = REGISTERS["risks"]
        code_at, title_at = (2 + risks.field_names.index(n) for n in ("code", "title"))
        with window.document.store.session() as s:
            return {row[code_at]: row[title_at] for row in records.fetch_rows(s, risks)}

    qtbot.waitUntil(lambda: "Crane slips again" in titles().values())
    now = next(c for c, t in titles().items() if t == "Crane slips again")
    assert now != code and titles()[code] == "Ann's new risk"
    assert any(f"as {now}: {code} is another record's now" in n for n in notes), notes


def test_deleting_more_than_twenty_risks_asks_naming_them_and_every_delete_is_said_with_its_undo(
        qtbot, empty_window):
    """Stop 45's walks: the question naming what goes showed only when other records referred to the rows, or
    every row was selected — 22 of 25 risks selected a row too far went at once, with no word of which, and one
    risk deleted left nothing said. Now more than 20 are asked about, naming them, and every delete is said in the
    status bar with the way back; Ctrl+Z puts them back."""
    from PySide6.QtWidgets import QMessageBox

    window = empty_window
    risks = REGISTERS["risks"]
    with window.document.store.transaction() as s:
        ctx = records.load_context(s)
        for i in range(25):
            records.create_record(s, risks, {"title": f"Risk number {i + 1}"}, ctx)
    window.document.records_changed.emit("risks", [])
    notes: list[str] = []
    window.document.note.connect(notes.append)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 25)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # the row, as in Excel
    for _ in range(21):
        qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.selected_ids()) == 22
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)  # Delete Rows
    qtbot.waitUntil(lambda: any(w.objectName() == "confirm-delete" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirm-delete" and w.isVisible())
    assert "R-001, R-002, R-003, R-004, R-005 and 17 more risks" in box.text(), box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: nothing deleted
    qtbot.waitUntil(lambda: not box.isVisible())
    assert view.proxy.rowCount() == 25 and window.document.undo_stack.count() == 0

    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(w.objectName() == "confirm-delete" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirm-delete" and w.isVisible())
    next(b for b in box.buttons() if b.text() == "Delete 22 rows").click()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)
    assert notes[-1] == "Deleted R-001, R-002, R-003, R-004, R-005 and 17 more risks. Edit ▸ Undo (Ctrl+Z) puts them back."

    # one risk: deleted at once, as before, and said
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert notes[-1] == "Deleted R-023 “Risk number 23”. Edit ▸ Undo (Ctrl+Z) puts it back."
    for _ in range(2):
        qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 25)


def test_right_to_left_text_is_given_to_the_pdf_joined_in_display_order_with_its_marks_on_their_letters():
    """What the PDF is given to draw left to right (``excel/rtl_text.py``): Arabic letters in their joining forms,
    lam-alef as one, Persian's letters too; a right-to-left run reversed, an ID or a Latin word in it left to
    right; each vowel mark after its letter, so that it is drawn over it."""
    from pmo_desktop.excel.rtl_text import visual

    assert visual("سلام") == "\ufee1\ufefc\ufeb3"  # meem alone, lam-alef joined before it, seen starting the word
    assert visual("پیام") == "\ufee1\ufe8e\ufbff\ufb58"  # Persian peh and yeh join as Arabic's letters do
    assert visual("R-004 עיכוב") == "R-004 בוכיע"
    assert visual("מחיר (ש״ח)") == "(ח״ש) ריחמ"  # brackets mirrored: they still open towards the words
    assert visual("شَدّ") == "\ufeaa\u0651\ufeb7\u064e"  # dal with its shadda, sheen (starting the word) its fatha
    assert visual("café") == "café" and visual("") == ""
