"""Walkthrough 26: the board pack and the workshop read in black and white (a mono laser) and at 150 % — what was
found, fixed, on real files and real widgets."""

from datetime import date
from itertools import combinations

import openpyxl
import pytest

from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models import clock
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.risk_rules import Band, RiskScale, default_bands

TODAY = date(2026, 12, 3)
CLEARLY_APART = 30  # of 255 greys: two fills a mono laser prints as visibly different shades


def grey_of(colour: str) -> float:
    """The grey a colour prints as in black and white (luma, 0–255)."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio."""
    def lum(c: str) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
        r, g, b = (int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    hi, lo = sorted((lum(one), lum(other)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("size", range(2, 11))
def test_every_default_rating_band_prints_as_its_own_grey_with_readable_text(size):
    """Printed in black and white, the default low (#2e7d32) and critical (#c62828) came out at about 93 and 88 of
    255: a heat map's cells could be told apart only by position. The default bands go light to dark as the
    rating rises, each pair of bands clearly apart in grey, and the text on each reads at WCAG 4.5:1 or more."""
    from pmo_desktop.excel.styles import text_colour_on

    bands = sorted(default_bands(size), key=lambda b: b.min_score)
    greys = [grey_of(b.colour) for b in bands]
    for (a, ga), (b, gb) in combinations(zip([b.rating for b in bands], greys), 2):
        assert abs(ga - gb) >= CLEARLY_APART, (a, round(ga), b, round(gb))
    assert greys == sorted(greys, reverse=True), greys  # darker as the rating rises
    for b in bands:
        assert contrast(b.colour, "#" + text_colour_on(b.colour)) >= 4.5, b


def test_text_on_any_band_colour_reads_at_wcag_contrast():
    """The count on the high band (#ef6c00) was white — 3.1:1, under the 4.5 that text needs — because ink was
    chosen by a lightness cut-off. Black or white is chosen by contrast: whichever is higher, never under 4.5."""
    from pmo_desktop.excel.styles import text_colour_on
    from pmo_desktop.views.risks.chart_style import text_on

    for fill in ("#ef6c00", "#f9a825", "#7b1fa2", "#1565c0", "#9e9e9e", "#00897b", "#808080", "#e53935"):
        assert contrast(fill, "#" + text_colour_on(fill)) >= 4.5, fill
        assert contrast(fill, text_on(fill)) >= 4.5, fill


def test_the_workbook_packs_heat_map_prints_each_band_its_own_grey_and_its_counts_readable(tmp_path):
    """The board pack's workbook heat map, as a mono laser prints it: the cells of different bands are clearly
    different greys, and the count on every cell reads at 4.5:1."""
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    try:
        with clock.frozen(TODAY):
            path, _ = publish_board_pack(store, tmp_path / "pack.xlsx", TODAY, keep_snapshot=False)
    finally:
        store.close()
    book = openpyxl.load_workbook(path)
    ws = next(ws for ws in book.worksheets if "heat" in ws.title.lower())
    fills: set[str] = set()
    for row in ws.iter_rows():
        for cell in row:
            rgb = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
            if not isinstance(rgb, str) or cell.value is None or not isinstance(cell.value, int):
                continue
            fill = "#" + rgb[-6:]
            fills.add(fill)
            ink = "#" + (cell.font.color.rgb or "FF000000")[-6:]
            assert contrast(fill, ink) >= 4.5, (cell.coordinate, fill, ink)
    assert len(fills) >= 3, fills
    for a, b in combinations(sorted(fills), 2):
        assert abs(grey_of(a) - grey_of(b)) >= CLEARLY_APART, (a, b)


def test_the_offices_own_colours_are_kept_and_two_that_print_alike_are_warned_of(qtbot):
    """The office's own band colours are its choice: kept as chosen, never refused — but when two of them print
    as one grey, the scale dialog says which, so a printed heat map is not left readable by position only."""
    from pmo_desktop.views.risks.dialogs import ScaleDialog

    theirs = RiskScale(5, bands=(Band("Low", 1, "#2e7d32"), Band("Medium", 5, "#f9a825"),
                                 Band("High", 10, "#ef6c00"), Band("Critical", 16, "#c62828")))
    dialog = ScaleDialog(theirs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.print_note.isVisible()
    assert "“Low” and “Critical”" in dialog.print_note.text()
    assert [b.colour for b in dialog.scale().bands] == ["#2e7d32", "#f9a825", "#ef6c00", "#c62828"]  # honoured
    dialog.set_bands(default_bands(5))
    assert not dialog.print_note.isVisible()


def _words_off_the_page(pdf) -> list[str]:
    """Words whose box reaches past the page's right or bottom edge, less a 5 mm margin, on any page."""
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    out = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for m in re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             page.group(3)):
            if float(m.group(1)) > width - 14 or float(m.group(2)) > height - 14:
                out.append(m.group(3))
    return out


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_an_office_in_the_us_prints_its_pack_on_letter_and_nothing_is_cut(tmp_path, monkeypatch):
    """The PDF pack was A4 only: printed on US Letter (25 mm narrower) its right-hand columns were cut or shrunk.
    The pack takes its paper from the office's setting, else the computer's locale — Letter in the US, A4
    elsewhere — and is laid out for that page: every word inside it, no word broken. The workbook pack is set to
    print on the same paper."""
    from pypdf import PdfReader

    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    try:
        sizes = {}
        for lang, name in (("en_US.UTF-8", "us"), ("en_GB.UTF-8", "gb")):
            monkeypatch.setenv("LANG", lang)
            monkeypatch.delenv("LC_ALL", raising=False)
            monkeypatch.delenv("LC_PAPER", raising=False)
            with clock.frozen(TODAY):
                pdf, _ = publish_board_pack(store, tmp_path / f"{name}.pdf", TODAY, keep_snapshot=False)
                book, _ = publish_board_pack(store, tmp_path / f"{name}.xlsx", TODAY, keep_snapshot=False)
            boxes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(pdf).pages}
            assert len(boxes) == 1, boxes
            sizes[name] = boxes.pop()
            assert _words_off_the_page(pdf) == []
            papers = {ws.page_setup.paperSize for ws in openpyxl.load_workbook(book).worksheets}
            assert {int(p) for p in papers} == ({1} if name == "us" else {9}), papers  # Letter 1, A4 9 (OOXML)
        assert sizes == {"us": (792, 612), "gb": (842, 595)}  # landscape, in points
        # The office's own choice wins over the locale's.
        from pmo_desktop.models.settings import BOARD_PACK_PAPER

        with store.transaction() as session:
            BOARD_PACK_PAPER.write(session, "Letter")
        with clock.frozen(TODAY):
            pdf, _ = publish_board_pack(store, tmp_path / "kept.pdf", TODAY, keep_snapshot=False)
        assert {round(float(p.mediabox.width)) for p in PdfReader(pdf).pages} == {792}
    finally:
        store.close()


def test_a_refused_rows_reason_reads_whole_in_the_import_dialog_at_150_percent(qtbot, tmp_path):
    """The import dialog on 1280×720 at 150 % (805 × 430 px of the dialog, a preview 425 px wide): the Reason
    column stood off to the right, behind a sideways scroll, so why a row was refused could not be read. The
    preview's first columns take only what they need (the sheet's goes when every row is of one sheet), the
    reason has its share of the width and its row grows down until the reason is whole."""
    from PySide6.QtCore import QRect, Qt

    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.import_dialog import REASON, ImportDialog

    book = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Owner", "Probability", "Impact", "Status"])
    for n in range(6):
        ws.append([f"Store {n} cutover weekend overruns" if n != 2 else None, "Marcus Lee", 3, 4, "Open"])
    wb.save(book)
    document = Document(Store.create(tmp_path / "office.pmo"))
    try:
        dialog = ImportDialog(document, book)
        qtbot.addWidget(dialog)
        dialog.resize(805, 430)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        view = dialog.report_view
        refused = [n for n, r in enumerate(dialog.report_model.reports) if r.reason]
        assert refused and not view.isColumnHidden(REASON)
        assert view.horizontalScrollBar().maximum() == 0
        assert view.columnViewportPosition(REASON) + view.columnWidth(REASON) <= view.viewport().width()
        assert view.columnWidth(4) >= 120  # what a row becomes still reads beside it
        for row in refused:
            reason = dialog.report_model.reports[row].reason
            needed = view.fontMetrics().boundingRect(QRect(0, 0, view.columnWidth(REASON) - 6, 10_000),
                                                     int(Qt.TextFlag.TextWordWrap), reason).height()
            assert view.rowHeight(row) >= needed, (reason, view.rowHeight(row), needed)
    finally:
        document.store.close()


def test_the_dependency_map_in_a_short_pane_keeps_its_boxes_words_readable(qtbot, tmp_path):
    """The dependency map on a projector at 150 % (a pane of about 790 × 180 px): fitted whole, it came down to
    half its size and the boxes' words to 7 pt. The map shrinks no further than keeps them at 10 pt or more, and
    never under the window's own text; the rest scrolls (dragged, or by the arrow keys' cursor)."""
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.raid.dependency_map import DependencyMapWidget

    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    document = Document(store)
    try:
        with clock.frozen(TODAY):
            widget = DependencyMapWidget(document)
            qtbot.addWidget(widget)
            widget.resize(800, 330)
            widget.show()
            qtbot.waitExposed(widget)
            qtbot.waitUntil(lambda: len(widget.view.boxes) >= 5)
            view = widget.view
            view.resize(790, 180)
            view.fit()
            scene = view.scene().sceneRect()
            assert scene.width() > view.viewport().width()  # a map wider than its pane: it is shrunk …
            box = next(iter(view.boxes.values()))
            shown_pt = box.text.font().pointSizeF() * view.transform().m11()
            assert shown_pt >= max(10, view.font().pointSizeF()), shown_pt  # … but its words stay readable
    finally:
        document.close()
