"""Walkthrough 42: what walk 41 saw and left — an opportunity rated Critical filled red like a threat, the Program
view wider than a projector's window at 150 %, undo's words for the many-cell commands that did not name the
register, a stakeholder's name drawn over its own point on the power/interest grid. Each fixed and driven here by
real key presses on the real window."""

from __future__ import annotations

from focused_keys import press, tab_named
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from pmo_desktop.models.risk_rules import OPPORTUNITY_SHADES

CTRL = Qt.KeyboardModifier.ControlModifier
THREAT_REDS = ("#b71c1c", "#ef6c00")  # the demo's Critical and High bands


def open_risks_tab(qtbot, window, name: str):
    """Ctrl+4 to the Risks page, Ctrl+PgDown to the tab called ``name``; the page."""
    return tab_named(qtbot, window, Qt.Key.Key_4, name)


def test_an_opportunity_rated_critical_is_not_filled_red_like_a_threat(demo_window, qtbot):
    """The demo's opportunity — reuse the loyalty data for e-commerce, 3 × 4 High before its response and 4 × 4
    Critical after — sat in the register filled the dark red of the worst threat, in the Program view too, and
    its cell of the residual heat map, where nothing else is, read as the program's worst news. An opportunity's
    rating is now drawn in blues, light to dark as it rises, from one rule (``RiskScale.colour_of``) in the
    table, the risk's panel, the Program view and the heat map; a threat's keeps its band's colour."""
    window = demo_window
    page = open_risks_tab(qtbot, window, "Register")
    view = window.active_register_view()
    model = view.model
    kind, residual = model.column_of("kind"), model.column_of("residual_rating")
    fills = {model.index(r, kind).data(): [] for r in range(model.rowCount())}
    for r in range(model.rowCount()):
        brush = model.index(r, residual).data(Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            fills[model.index(r, kind).data()].append(QColor(brush.color()).name())
    assert fills["Opportunity"] and all(f in OPPORTUNITY_SHADES for f in fills["Opportunity"]), fills
    assert fills["Opportunity"] == [OPPORTUNITY_SHADES[-1]]  # Critical: the darkest blue
    assert any(f in THREAT_REDS for f in fills["Threat"])
    page = open_risks_tab(qtbot, window, "Program view")
    table = page.program_view.table
    row = next(r for r in range(table.rowCount()) if "e-commerce personalisation" in table.item(r, 1).text())
    assert table.item(row, 3).text() == "Critical"
    assert table.item(row, 3).background().color().name() == OPPORTUNITY_SHADES[-1]
    page = open_risks_tab(qtbot, window, "Heat map")
    page.heat_map.mode.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # Residual (after responses)
    qtbot.waitUntil(lambda: page.heat_map.residual)
    assert page.heat_map.cells[(4, 4)].kind == "Opportunity"
    assert page.heat_map.fills[(4, 4)] == OPPORTUNITY_SHADES[-1]
    assert page.heat_map.fills[(4, 5)] not in OPPORTUNITY_SHADES  # an empty cell is the threats' position


def test_undo_names_the_register_for_fill_down_clear_and_replace(demo_window, qtbot):
    """Walk 41 named a paste's register in undo's words ("Paste 24 cells into the stakeholder map"); Fill down,
    Del over a selection and Replace All still said "Fill down", "Clear cells" and "Replace “POS” with “Till”" —
    which register, after work on three pages? Every command over many cells is now named, from one place
    (``commands.cells_text``), with its count and its register."""
    from test_find_replace import alt, fill_in, open_dialog

    window = demo_window
    open_risks_tab(qtbot, window, "Register")
    view = window.active_register_view()
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    while view.table.currentIndex().column() != view.model.column_of("owner"):
        press(qtbot, Qt.Key.Key_Right)
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_D, CTRL)  # Fill down
    assert window.document.undo_stack.undoText() == "Fill down 2 cells in the risk register"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Undone: Fill down 2 cells in the risk register"
    press(qtbot, Qt.Key.Key_Delete)  # Clear the three owners
    assert window.document.undo_stack.undoText() == "Clear 3 cells in the risk register"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Undone: Clear 3 cells in the risk register"
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "POS", "Till")
    alt(qtbot, Qt.Key.Key_A)  # Replace All
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Replaced"))
    said = window.document.undo_stack.undoText()
    assert said.startswith("Replace “POS” with “Till” in ") and said.endswith(" cells of the risk register"), said
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # as the window manager gives it back when the dialog closes
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == f"Undone: {said}"


def columns_all_seen(table) -> bool:
    """Every column of ``table`` within its pane: no sideways scroll, none narrower than a few letters."""
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(table.columnCount())]
    return (table.horizontalScrollBar().maximum() == 0 and sum(widths) <= table.viewport().width()
            and min(widths) >= table.fontMetrics().averageCharWidth() * 3)


def test_the_program_view_fits_a_projector_at_150_percent_every_column_seen(demo_window, qtbot):
    """The Program view on a 1920×1080 projector at 150 %: the table ran past the window, "Projects touched"
    cut at its edge, Escalated on and Reason behind a sideways scroll bar a room cannot work. The columns now fit
    the pane — the two-word names on two lines, the long texts cut with "…" and whole in their tooltips — at
    1280×720 and 100 % as at 1920×1080 and 150 %."""
    from pmo_desktop.views.zoom import zoom

    window = demo_window
    page = open_risks_tab(qtbot, window, "Program view")
    table = page.program_view.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    qtbot.wait(50)
    assert columns_all_seen(table)
    window.resize(1920, 1080)
    try:
        while zoom().percent < 150:
            press(qtbot, Qt.Key.Key_Equal, CTRL)
        qtbot.wait(100)
        assert columns_all_seen(table)
        touched = page.program_view.risks[0].projects
        assert len(touched) > 1
        item = table.item(0, 7)
        assert item.toolTip() == ", ".join(touched)  # the whole list, where the cell is cut
    finally:
        press(qtbot, Qt.Key.Key_0, CTRL)


# Walk 41's stakeholder map, as its team pasted it from Excel.
STAKEHOLDERS_FROM_EXCEL = "Name\tOrganisation\tPower\tInterest\tAttitude\r\n" + "".join(
    f"{name}\t{org}\t{power}\t{interest}\t{attitude}\r\n" for name, org, power, interest, attitude in (
        ("Helen Brooks", "Board", 5, 5, "Champion"), ("Raj Mehta", "Finance", 5, 3, "Critic"),
        ("Store managers forum", "Retail ops", 3, 5, "Neutral"), ("Trade union rep", "Union", 4, 4, "Opponent"),
        ("IT security", "IT", 4, 2, "Neutral"), ("Card acquirer", "Supplier", 3, 2, "Supporter"),
        ("Customers panel", "Customers", 2, 4, "Neutral"), ("Regulator", "FCA", 5, 1, "Neutral"),
        ("Head of HR", "HR", 3, 3, "Supporter"), ("Marketing", "Marketing", 2, 2, "Neutral"),
        ("Warehouse leads", "Logistics", 1, 4, "Critic"), ("Internal audit", "Audit", 4, 1, "Neutral")))


def names_clear_of_points(grid) -> list[str]:
    """The names drawn over a point: the selected stakeholder's over the ring its point wears, any name over a
    point's disc."""
    from PySide6.QtCore import QPointF, QRectF

    from pmo_desktop.views.stakeholders.grid import POINT_SIZE, RING_SIZE

    pixel_w, pixel_h = grid.view.viewPixelSize()
    unit_px, unit_py = 1 / pixel_w, 1 / pixel_h
    over = []
    for p in grid.points:
        label = grid._labels[p.id]
        if not label.isVisible() or not label.textItem.toPlainText():
            continue
        text = grid._label_rect(p.id, label, unit_px, unit_py).adjusted(4, 4, -4, -4)  # less the box's margin
        for other, (x, y) in grid.positions.items():
            centre = QPointF(x * unit_px, -y * unit_py)
            radius = RING_SIZE / 2 if other == p.id == grid.selected else POINT_SIZE / 2
            near = QPointF(min(max(centre.x(), text.left()), text.right()),
                           min(max(centre.y(), text.top()), text.bottom()))
            if (near - centre).manhattanLength() < radius and QRectF(text).contains(near):
                over.append(f"{p.name} over {'its own point' if other == p.id else 'another point'}")
    return over


def test_a_stakeholders_name_stands_beside_its_point_never_over_it(empty_window, qtbot):
    """Walk 41's twelve stakeholders pasted from Excel and the last, Internal audit (power 4, interest 1), the one
    selected: at 1280×720 its name began 7 pixels right of its point's centre, under the ring the selected point
    wears — "nternal audit". The selected stakeholder's name now stands past its ring, either side, the others
    past their discs: no name is drawn over a point, at 1280×720 and on a 1920×1080 projector at 150 %."""
    from test_walkthrough41 import paste_from_excel

    from pmo_desktop.views.zoom import zoom

    window = empty_window
    view = paste_from_excel(qtbot, window, Qt.Key.Key_3, STAKEHOLDERS_FROM_EXCEL)
    grid = window.stack.currentWidget().grid

    def selected() -> str:
        return view.model.record(view.proxy.mapToSource(view.table.currentIndex()).row())["name"]
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(12):  # down the table to Internal audit: selected, its point ringed
        if selected() == "Internal audit":
            break
        press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: len(grid.points) == 12)
    qtbot.wait(100)
    assert selected() == "Internal audit"
    assert names_clear_of_points(grid) == []
    window.resize(1920, 1080)
    try:
        while zoom().percent < 150:
            press(qtbot, Qt.Key.Key_Equal, CTRL)
        qtbot.wait(150)
        assert names_clear_of_points(grid) == []
    finally:
        press(qtbot, Qt.Key.Key_0, CTRL)


def test_the_board_packs_top_opportunity_is_blue_as_in_the_register(sqlite_demo_store, tmp_path):
    """The board pack's "The one open opportunity" table filled its Critical residual the threats' dark red,
    beside the top threats' in the same red: in the pack too it is the opportunities' blue."""
    from openpyxl import load_workbook

    from pmo_desktop.excel.boardpack import write_board_pack

    path = write_board_pack(sqlite_demo_store, tmp_path / "pack.xlsx") or tmp_path / "pack.xlsx"
    fills = {}
    for ws in load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "Reuse loyalty data for e-commerce personalisation":
                    fills = {ws.cell(cell.row, c).value: ws.cell(cell.row, c).fill.fgColor.rgb[-6:].lower()
                             for c in (8, 10)}
    assert fills == {"High": OPPORTUNITY_SHADES[-2].lstrip("#"), "Critical": OPPORTUNITY_SHADES[-1].lstrip("#")}, fills
