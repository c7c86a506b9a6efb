"""Walkthrough 25: a PMO lead's monthly board and risk workshop — the board pack printed (PDF, and the workbook
through LibreOffice), the charts on a projector — what was found, fixed, on real files and real widgets."""

import re
import shutil
import subprocess
from datetime import date

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from PySide6.QtCore import Qt

from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models import clock, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 3)


@pytest.fixture
def workshop_office(tmp_path):
    """The demo office with a workshop's worth of open threats, so the pack ranks more than nine."""
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    rows = [{"title": f"Store {n} cutover weekend overruns", "probability": 1 + n % 5, "impact": 1 + (n * 3) % 5,
             "project": "Point of sale replacement", "owner": "Marcus Lee", "raised_on": date(2026, 11, 1)}
            for n in range(1, 25)]
    with clock.frozen(TODAY):
        Office(store).write(records.create_records, REGISTERS["risks"], rows)
    yield store
    store.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_no_column_of_the_printed_pack_breaks_a_word(workshop_office, tmp_path):
    """The top threats' rank column, 3 % of the page, was narrower than "10": ranks 10 to 20 printed as "1" over
    "0", "1" over "1" … and the benefits' Unit column broke the demo's "transactions" into "transaction" over "s".
    A column is widened to its longest word where the others can spare the room."""
    with clock.frozen(TODAY):
        pdf, _ = publish_board_pack(workshop_office, tmp_path / "pack.pdf", TODAY, keep_snapshot=False)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    ranks = [int(m) for m in re.findall(r"(?m)^\s*(\d+)\s+R-\d{3}\b", text)]
    assert ranks.count(10) >= 1 and max(ranks) >= 20, ranks  # each rank whole on its risk's line
    assert sorted(set(ranks)) == list(range(1, max(ranks) + 1)), ranks
    assert re.search(r"\btransactions\b", text)


def test_the_workbook_pack_prints_its_header_clear_of_the_page_and_every_line_whole(workshop_office, tmp_path):
    """Printed through LibreOffice, the workbook pack's header — the program and the date — stood over the first
    row of every page (top margin 0.6", header 0.5" from the edge: 0.1" for a line of text), and the "Since the
    last board" sheet, one line of text with no table, had a print area one column wide that cut the line after
    "Nothing the board watc". The header and footer have a line's room, and a print area spans the columns the
    sheet sets, so a line of text in it is printed whole."""
    with clock.frozen(TODAY):
        path, _ = publish_board_pack(workshop_office, tmp_path / "pack.xlsx", TODAY, keep_snapshot=False)
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        margins = ws.page_margins
        assert margins.top - margins.header >= 0.3 and margins.bottom - margins.footer >= 0.3, ws.title
        area = ws.print_area
        first, _, last, _ = range_boundaries((area[0] if isinstance(area, list) else area).split("!")[-1])
        widths = {col: ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width or 8.43
                  for col in range(1, last + 1)}
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or (cell.alignment and cell.alignment.wrap_text):
                    continue
                if any(cell.coordinate in merged for merged in ws.merged_cells.ranges):
                    continue
                room = sum(widths[c] for c in range(cell.column, last + 1))
                assert first <= cell.column <= last and len(cell.value) <= room * 1.1, (ws.title, cell.coordinate,
                                                                                        cell.value, room)


def test_a_colleagues_workbook_with_one_bad_row_is_counted_in_the_singular(demo_window, qtbot, tmp_path):
    """A colleague's register of two risks, one with no title: the dialog offered "Import the 1 valid rows, leave
    1" and, imported, the status bar said "1 rows with errors were left out". One row is a row."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.views.exchange.actions import open_import_dialog

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risques"
    sheet.merge_cells("A1:D1")
    sheet["A1"] = "Registre des risques — comité de novembre"
    sheet.append(["Réf", "Intitulé du risque", "Probabilité", "Impact", "Remarques"])
    sheet.append(["RK-1", "Retard de livraison des caisses", 4, 3, "voir compte rendu"])
    sheet.append(["RK-2", None, 2, 2, "titre manquant"])
    book.save(tmp_path / "collegue.xlsx")
    dialog = open_import_dialog(demo_window, demo_window.document, str(tmp_path / "collegue.xlsx"))
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.partial_button.isVisible(), timeout=60_000)
    assert dialog.partial_button.text().replace("&", "") == "Import the 1 valid row, leave 1"
    qtbot.mouseClick(dialog.partial_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    QApplication.processEvents()
    message = demo_window.statusBar().currentMessage()
    assert "1 row with errors left out" in message and "1 row skipped" not in message, message
    assert (tmp_path / "collegue - rows left out.xlsx").exists()


def test_names_crowding_one_cell_of_the_grid_are_never_drawn_over_each_other(qtbot, store):
    """A workshop's 60 stakeholders, 13 of them in "Manage closely"'s top corner: on a 1280×720 projector their
    names were stacked 8 pixels apart in 16-pixel lines, each name's box over the one above — "Sv", "Ch", "Za",
    none readable. A name drawn stands clear of the others (its lines over another's by at most 30 % of a line,
    the room under the letters), those left out keep their points and tooltips; a cell with room names all."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetrics
    from stakeholder_helpers import STAKEHOLDERS, make_page

    first = ["Amara", "Bilal", "Chen", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Jonas"]
    last = ["Abbott", "Okonkwo", "Nakamura", "Lindqvist", "Moreau", "Haddad"]
    with store.transaction() as s:
        for n in range(60):
            power, interest = (5, 5) if n < 13 else (1 + n % 5, 1 + (n * 2) % 5)
            records.create_record(s, STAKEHOLDERS, {"name": f"{first[n % 10]} {last[n % 6]} {n}", "power": power,
                                                    "interest": interest, "attitude": "Champion"})
    page = make_page(qtbot, store)
    page.resize(1280, 720)
    grid = page.grid
    qtbot.waitUntil(lambda: grid.view.width() < 900)
    qtbot.wait(50)

    def drawn() -> dict[str, QRectF]:
        pixel_w, pixel_h = grid.view.viewPixelSize()
        return {p.name: grid._label_rect(p.id, grid._labels[p.id], 1 / pixel_w, 1 / pixel_h).adjusted(4, 4, -4, -4)
                for p in grid.points if grid._labels[p.id].isVisible()}

    boxes = drawn()
    line = QFontMetrics(next(iter(grid._labels.values())).textItem.font()).height()
    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            over = boxes[a].intersected(boxes[b])
            assert over.isEmpty() or over.height() <= 0.3 * line, (a, b, over.height(), line)
    cells = {(p.power, p.interest) for p in grid.points}
    named = {(p.power, p.interest) for p in grid.points if p.name in boxes}
    assert named == cells  # a name or more in every cell
    page.resize(2400, 1400)  # a cell with room: every name drawn
    # (The corner's thirteen stand apart in four columns since walkthrough 27, the inner ones' names left to the
    # tooltip where not even their initials fit before the next point.)
    crowd = {p.name for p in grid.points if (p.power, p.interest) == (5, 5)}
    qtbot.waitUntil(lambda: set(drawn()) >= {p.name for p in grid.points} - crowd and len(crowd & set(drawn())) >= 4)


def test_the_roll_up_chart_too_short_for_its_legend_keeps_its_key_beside_it(qtbot, tmp_path):
    """Presented at 150 % on 1280×720 the programme roll-up is too short for its legend, which it leaves out
    rather than draw over the curves: the room saw two lines and two sets of bars and no word of which was which.
    The key stands beside the chart then — planned and realized by colour and shape (a grey print), bars and
    lines told apart — in the width of the period choices, so the summary keeps its room; with the legend drawn,
    no key."""
    from pmo_desktop.views.benefits.rollup_chart import RollupChart
    from pmo_desktop.views.document import Document

    document = Document(create_demo(tmp_path / "demo.pmo", today=TODAY))
    chart = RollupChart(document)
    qtbot.addWidget(chart)
    chart.resize(820, 330)
    chart.show()
    qtbot.waitExposed(chart)
    chart.refresh()
    qtbot.wait(20)
    assert not chart.legend.isVisible()
    key = getattr(chart, "key", None)
    assert key is not None and key.isVisible()
    text = key.text()
    assert all(word in text for word in ("■ Planned", "● Realized", "bars", "lines")), text
    assert key.width() <= chart.by_month.width() + chart.by_quarter.width() + 20
    chart.resize(1200, 700)
    qtbot.waitUntil(lambda: chart.legend.isVisible() and not key.isVisible())
    document.close()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_a_section_longer_than_a_page_begins_under_the_one_before(workshop_office, tmp_path):
    """An office with 20 top threats: the section, longer than a page, was sent to a page of its own, and the page
    before held "Since the last board" — two lines — over a blank page. A section that breaks across pages anyway
    begins where the one before ends, when its heading and a few rows fit there; no page but the last is left
    half empty."""
    from test_boardpack_dates_and_pages import ink_depth

    with clock.frozen(TODAY):
        pdf, _ = publish_board_pack(workshop_office, tmp_path / "pack.pdf", TODAY, keep_snapshot=False)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    depths = [round(ink_depth(p), 2) for p in pages]
    assert all(d >= 0.5 for d in depths[:-1]), depths
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout.split("\f")
    since = next(i for i, page in enumerate(text) if "Since the last board" in page)
    assert "open threats" in text[since]  # on the same page


def test_the_engagement_matrix_in_a_narrow_pane_keeps_the_stakeholders_names(qtbot, tmp_path):
    """Presented at 150 % on 1280×720 the engagement matrix beside the stakeholders' table gave the levels' headers
    their whole width and the names 90 pixels: "Raj …", "Store …", "Data …" — every row's stakeholder unknown,
    and the table scrolled sideways. The names keep their width (up to 45 % of the pane), the levels share the
    rest with their headers shortened with "…" (whole in the tooltip), never cut at both ends; given room, the
    headers are whole as before."""
    from PySide6.QtGui import QFontMetrics

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.stakeholders.matrix import FIRST_LEVEL, GAP_COLUMN, EngagementMatrix

    document = Document(create_demo(tmp_path / "demo.pmo", today=TODAY))
    matrix = EngagementMatrix(document)
    qtbot.addWidget(matrix)
    matrix.resize(560, 420)
    matrix.show()
    qtbot.waitExposed(matrix)
    table, header, model = matrix.table, matrix.table.horizontalHeader(), matrix.model
    metrics, words = QFontMetrics(table.font()), QFontMetrics(header.font())
    room = table.viewport().width()
    names = max(metrics.horizontalAdvance(r.name) for r in model.rows)
    assert header.sectionSize(0) >= min(names, 0.45 * room - 16), (header.sectionSize(0), names, room)
    assert sum(header.sectionSize(c) for c in range(model.columnCount())) <= room + 1  # nothing scrolls sideways
    for col in range(FIRST_LEVEL, GAP_COLUMN + 1):
        shown = model.headerData(col, Qt.Orientation.Horizontal)
        # a heading's words and its margins in its column (Qt's margins are 7 px at the 10 pt a narrow pane's text
        # steps down to, gui43)
        assert words.horizontalAdvance(shown) <= header.sectionSize(col) - 7, (shown, header.sectionSize(col))
        assert shown == model.HEADERS[col] or shown.endswith("…")
        assert model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == model.HEADERS[col]
    matrix.resize(1400, 600)
    qtbot.waitUntil(lambda: all(model.headerData(c, Qt.Orientation.Horizontal) == model.HEADERS[c]
                                for c in range(model.columnCount())))
    document.close()


def test_the_workbook_packs_registers_at_a_glance_print_with_their_heading(workshop_office, tmp_path):
    """The Summary sheet fills its first printed page; printed through LibreOffice, "The registers at a glance"
    stood alone at the foot of page 1 with its table overleaf. The heading begins a page with its table."""
    with clock.frozen(TODAY):
        path, _ = publish_board_pack(workshop_office, tmp_path / "pack.xlsx", TODAY, keep_snapshot=False)
    ws = openpyxl.load_workbook(path)["Summary"]
    heading = next(c.row for c in ws["A"] if c.value == "The registers at a glance")
    assert heading - 1 in {b.id for b in ws.row_breaks.brk}
    assert ws.cell(heading + 1, 1).value == "Register"  # its table right under it


def test_the_workbook_packs_title_and_page_headers_write_the_day_as_every_date(workshop_office, tmp_path):
    """The workbook pack's title and every printed page's header said "as at 3 December 2026", over dates written
    "3 Dec 2026" everywhere else in it and in the PDF of the same board. One form throughout."""
    full_day = re.compile(r"\b\d{1,2} (January|February|March|April|June|July|August|September|October|November|"
                          r"December) \d{4}\b")
    with clock.frozen(TODAY):
        path, _ = publish_board_pack(workshop_office, tmp_path / "pack.xlsx", TODAY, keep_snapshot=False)
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        assert ws.oddHeader is not None and "as at 3 Dec 2026" in (ws.oddHeader.left.text or ""), ws.title
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and full_day.search(cell.value)), (ws.title, cell.value)
    assert book["Summary"]["A2"].value == "Board pack as at 3 Dec 2026"
