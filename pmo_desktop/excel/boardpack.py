"""The board pack: one workbook the program board reads, from one consistent snapshot of the file.

Sheets: Summary (cover, counts, a bar chart of risks by rating), Top risks (with a board-decision
dropdown), Heat map (inherent and residual N×N grids), Stakeholders (power/interest quadrants with
names), Benefits (status and a line chart of planned vs realized financial benefits) and
Communications due this month. The data is small, so a normal (not write-only) workbook is used.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .. import APP_NAME
from ..models import benefit_rules, paper, summary
from ..models import values as v
from ..models.benefit_rollup import Rollup
from ..models.errors import OperationCancelled
from ..models.registers.benefits import BENEFITS
from ..models.registers.stakeholders import STAKEHOLDERS
from ..models.registers.status import STATUS_REPORTS
from ..models.stakeholder_rules import HIGH_FROM, KEEP_INFORMED, KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR
from ..models.status_rules import BETTER, DIMENSIONS, MILESTONE_COLOURS, NEW, RAG_COLOURS, TREND_ARROWS, WORSE
from ..models.store import Store
from ..models.summary import HeatCell
from ..models.values import number_format, period_text
from . import styles
from .atomic import check_target, save_atomically
from .boardpack_data import (
    COMMS_OVERDUE,
    MONEY_UNIT,
    NO_BENEFITS,
    NO_OPEN_THREATS,
    NO_PROJECTS,
    NO_STAKEHOLDERS,
    NOTHING_DUE,
    ROLLED_UP_APART,
    SINCE_HEADERS,
    BoardPackData,
    Record,
    code_order,
    comm_overdue,
    comms_heading,
    glance_rows,
    none_slipped,
    not_a_number_line,
    not_rated_line,
    read_board_pack,
    since_intro,
    since_rows,
    top_heading,
)
from .cells import printable, put_value

Progress = Callable[[int, int], None]
SHEETS = ("Summary", "Project status", "Since last board", "Top risks", "Heat map", "Stakeholders", "Benefits",
          "Communications")
BOARD_DECISIONS = ("Noted", "Response agreed", "Escalate", "Deep dive requested", "Close")
MAX_NAMES_PER_QUADRANT = 30
NOT_RATED_COLOUR = "#BDBDBD"


# ------------------------------------------------------------------------------------ helpers
def _cell(ws: Worksheet, row: int, col: int, value: Any = None, *, font: Font | None = None,
          fill: PatternFill | None = None, align: Alignment | None = None, fmt: str | None = None,
          border: bool = False) -> Cell:
    cell = ws.cell(row, col)
    assert isinstance(cell, Cell)  # the board pack merges no cells
    put_value(cell, value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if align is not None:
        cell.alignment = align
    if fmt is not None:
        cell.number_format = "General" if v.shown_as_exponent(value) else fmt  # 1E+308, as the PDF writes it
    if border:
        cell.border = styles.BOX
    return cell


def _header_row(ws: Worksheet, row: int, headers: Iterable[str], col: int = 1) -> None:
    for j, text in enumerate(headers, start=col):
        _cell(ws, row, j, text, font=styles.HEADER_FONT, fill=styles.HEADER_FILL, align=styles.HEADER_ALIGN, border=True)


def _none_listed(ws: Worksheet, row: int, rows_listed: int, text: str) -> None:
    """Under a table's header row, when it lists nothing, the line the PDF prints in its place ("No open
    threats."): a sheet of headers over nothing read as a pack gone wrong, the sheet's title saying "Top 0"."""
    if not rows_listed:
        _cell(ws, row + 1, 1, text, font=Font(italic=True))


def _widths(ws: Worksheet, widths: Iterable[float]) -> None:
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w


def _colour_cell(cell: Cell | MergedCell, colour: str | None) -> None:
    if colour:
        cell.fill = styles.fill(colour)
        cell.font = styles.font_on(colour, bold=True)


def _rating_colour(data: BoardPackData, rating: str, kind: str | None = None) -> str:
    """A rating's fill; an opportunity's in its blues (``RiskScale.colour_of``), as in the register."""
    return data.ctx.risk_scale.colour_of(rating, kind) or NOT_RATED_COLOUR


def _date_text(day: date) -> str:
    # as every date of the pack reads, "5 Dec 2026" — the title and each printed page's header said "5 December
    # 2026" over dates in the other form, and the PDF of the same board said "5 Dec 2026"
    return v.day_text(day)


def _show_axes(chart: BarChart | LineChart) -> None:
    # openpyxl 3.1 leaves axes "deleted" unless told otherwise; Excel would then hide them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


# Rows repeated at the top of every printed page of a sheet whose table runs over several pages.
PRINT_TITLES = {"Project status": "2:2", "Since last board": "3:3", "Top risks": "2:2", "Stakeholders": "7:7", "Benefits": "2:2",
                "Communications": "2:2"}
COLUMN_CM = 2.3  # about one default column, to find how far right a chart reaches
EMU_PER_POINT = 12700  # a drawing's lengths (a chart's line widths) are in English Metric Units


HEADER_LIMIT = 255 - len("&L&R&A")  # Excel's limit for a page header, its codes included
# Letters a page header prints on one line beside the sheet's name on the right, on A4 or Letter landscape: a
# longer one ran under the sheet's name (Excel) or wrapped to a second line over the page's first row (LibreOffice)
HEADER_SHOWN = 100


def _header_text(name: str, after: str) -> str:
    """``name`` then ``after`` as a printed page header shows them: each "&" doubled — alone it starts one of the
    header's codes, so "R&D Programme" printed as "R" and the date, "&P" as the page number, "&12" as a font size —
    and the name shortened with "…" if the header would pass Excel's 255 characters or the line a page has for
    it (``HEADER_SHOWN``; the sheet shows it whole)."""
    name = name if len(name) + len(after) <= HEADER_SHOWN else name[:HEADER_SHOWN - len(after) - 1].rstrip() + "…"
    text = name.replace("&", "&&")
    room = HEADER_LIMIT - len(after)
    if len(text) > room:
        text = text[:room - 1]
        if (len(text) - len(text.rstrip("&"))) % 2:  # cut between the two of a doubled "&"
            text = text[:-1]
        text += "…"
    return text + after


def _print_setup(ws: Worksheet, data: BoardPackData, title_rows: str | None, paper_size: str = paper.A4) -> None:
    """Every sheet prints as the board reads it: A4 (or Letter) landscape, one page wide, the program, date and page
    number on each page, the table's header row repeated, and a print area that holds the charts."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER if paper_size == paper.LETTER else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    # inches; the header and footer stand in the top and bottom margins, 0.3 from the edge, and need a line's height
    # there — openpyxl's 0.5 left them 0.1, and LibreOffice printed the program's name over each page's first row
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # a new sheet has both, empty
    header.left.text = _header_text(printable(data.title), f" — board pack as at {_date_text(data.today)}")
    header.right.text = "&A"
    footer.center.text = "Page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows
    # the columns given a width too: a sheet of one line of text ("Nothing the board watches has changed …") had
    # a print area one column wide, and the page cut the line at that column's edge
    widths = [column_index_from_string(key) for key, dim in ws.column_dimensions.items() if dim.width]
    last_col, last_row = max(ws.max_column, *widths, 1), ws.max_row
    charts: list[BarChart | LineChart] = getattr(ws, "_charts", [])  # openpyxl keeps them there; no public list
    for chart in charts:
        row, col = coordinate_to_tuple(chart.anchor) if isinstance(chart.anchor, str) else (
            chart.anchor._from.row + 1, chart.anchor._from.col + 1)
        last_col = max(last_col, col + int(chart.width / COLUMN_CM + 0.99))
        last_row = max(last_row, row + int(chart.height / 0.5 + 0.99))
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


ROW_HEIGHT_MAX = 409.0  # points: Excel's tallest row


def _wrapped_height(text: str | None, width_chars: float) -> float:
    """Row height (points) for wrapped text, so a long title never prints over the row below: each line typed in
    the cell, each wrapped as the column's width allows, a Chinese or Japanese letter as wide as two — counted as
    one, a title of 60 Chinese letters had two lines' height for its three, and one typed on three lines one — and no
    taller than Excel's tallest row (asks of 3,000 letters were given 945 points, past the 409 Excel takes)."""
    per_line = max(1, int(width_chars * 1.1))
    lines = 0
    for part in (text or "").split("\n"):
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in part)
        lines += max(1, -(-width // per_line))
    return min(ROW_HEIGHT_MAX, 15.0 * lines)


# ------------------------------------------------------------------------------------- sheets
TITLE_ON_ONE_LINE = 60  # letters of the program's name, in the title's 18 pt, across the summary's columns A–G


def _summary(ws: Worksheet, data: BoardPackData) -> None:
    s = data.summary
    _widths(ws, (28, 14, 14, 14, 14, 14, 14))
    title = _cell(ws, 1, 1, data.title, font=styles.TITLE_FONT)
    if len(data.program) > TITLE_ON_ONE_LINE:
        # wrapped across the tables' width below it, as tall as its lines: a long name ran past the print area's
        # right edge, cut there mid-word, its first line cut at the top by the row's height
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
        title.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[1].height = min(ROW_HEIGHT_MAX, 26.0 * -(-len(data.program) // TITLE_ON_ONE_LINE))
    _cell(ws, 2, 1, f"Board pack as at {_date_text(data.today)}", font=styles.SUBTITLE_FONT)
    line = ", ".join(x for x in (f"Sponsor: {data.sponsor}" if data.sponsor else "",
                                 f"Program manager: {data.manager}" if data.manager else "") if x)
    # the program not named yet: which office the pack was written from
    _cell(ws, 3, 1, line or (f"Office file: {data.office_file}" if data.office_file else None))

    risks = s["risks"]
    _cell(ws, 5, 1, f"Open risks by rating ({risks['by_status'].get('Open', 0)} open of {risks['total']}; "
          f"{risks['review_overdue']} past their review date)", font=styles.SUBTITLE_FONT)
    _header_row(ws, 6, ("Rating", "Inherent", "Residual"))
    ratings = list(risks["open_by_rating"])
    for i, rating in enumerate(ratings, start=7):
        _colour_cell(_cell(ws, i, 1, rating, border=True), _rating_colour(data, rating))
        _cell(ws, i, 2, risks["open_by_rating"][rating], border=True)
        _cell(ws, i, 3, risks["open_by_residual_rating"][rating], border=True)
    series, note = summary.rating_chart_series(risks)  # only the series some open risk is rated in
    if note:
        _cell(ws, 5 if not series else 21, 8, note)  # in the chart's place when nothing is charted, else below it
    if series:
        chart = BarChart()
        chart.type, chart.grouping = "col", "clustered"
        chart.title = "Open risks by rating"
        chart.y_axis.title, chart.x_axis.title = "Risks", "Rating"
        for name, _ in series:
            col = 2 if name == "Inherent" else 3  # the table's column of that series
            chart.add_data(Reference(ws, min_col=col, min_row=6, max_row=6 + len(ratings)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=7, max_row=6 + len(ratings)))
        chart.height, chart.width = 7.5, 13
        _show_axes(chart)
        ws.add_chart(chart, "H5")

    row = 8 + len(ratings)
    _cell(ws, row, 1, "Open risks by level and inherent rating", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Level", *ratings))
    for i, rating in enumerate(ratings, start=2):
        _colour_cell(ws.cell(row + 1, i), _rating_colour(data, rating))
    row += 2
    for level, counts in risks["open_by_level_and_rating"].items():
        _cell(ws, row, 1, level, border=True)
        for j, rating in enumerate(ratings, start=2):
            _cell(ws, row, j, counts[rating], border=True)
        row += 1

    row = max(row + 1, 23)
    _cell(ws, row, 1, "Stakeholders by quadrant", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Quadrant", "Stakeholders"))
    row += 2
    for quadrant, count in s["stakeholders"]["by_quadrant"].items():
        _cell(ws, row, 1, quadrant, border=True)
        _cell(ws, row, 2, count, border=True)
        row += 1

    row += 1
    _cell(ws, row, 1, "Benefits by status", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Status", "Benefits"))
    row += 2
    for status, count in s["benefits"]["by_status"].items():
        _colour_cell(_cell(ws, row, 1, status, border=True), benefit_rules.STATUS_COLOURS.get(status))
        _cell(ws, row, 2, count, border=True)
        row += 1

    row += 1
    _cell(ws, row, 1, "Financial benefits to date (as on the Benefits page)", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, (MONEY_UNIT, "Planned", "Realized", "Realized %", "Benefits"))
    row += 2
    for r in data.rollups or [Rollup("month", [], 0)]:
        _cell(ws, row, 1, r.unit or "(no unit)", border=True)
        _cell(ws, row, 2, r.planned_to_date, fmt=v.MONEY_FORMAT, border=True)
        _cell(ws, row, 3, r.realized_to_date, fmt=v.MONEY_FORMAT, border=True)
        _cell(ws, row, 4, r.realized_to_date / r.planned_to_date if r.planned_to_date else None, fmt="0%",
              border=True)
        _cell(ws, row, 5, r.benefits, border=True)
        row += 1
    _cell(ws, row, 1, ROLLED_UP_APART, font=Font(italic=True, color="606060"))

    row += 2
    overdue = sum(1 for c in data.comms_due if c["overdue"])
    _cell(ws, row, 1, "Communications due this month", font=styles.SUBTITLE_FONT)
    _cell(ws, row + 1, 1, f"{len(data.comms_due)} due, of which {overdue} overdue (see Communications).")

    row += 3
    pending = [d for d in s["decisions"]["pending"] if d["due"]]
    _cell(ws, row, 1, f"Decisions pending ({len(pending)} with a due date)", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Due", "ID", "Level", "Decision"))
    row += 2
    for d in pending:
        _cell(ws, row, 1, date.fromisoformat(d["due"]), fmt=styles.DATE_FORMAT, border=True,
              font=Font(color=OVERDUE_COLOUR, bold=True) if d["overdue"] else None)
        _cell(ws, row, 2, d["id"], border=True)
        _cell(ws, row, 3, d["level"], border=True)
        _cell(ws, row, 4, d["title"], border=True)
        row += 1
    if not pending:
        _cell(ws, row, 1, "(none)")
        row += 1

    row += 1  # every register that declares an overview entry, as on the Program overview page
    # on a page of its own with its table: the page above is full, and printed (LibreOffice, A4) the heading
    # stood alone at its foot with the table overleaf
    ws.row_breaks.append(Break(id=row - 1))
    _cell(ws, row, 1, "The registers at a glance", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Register", "At a glance"))
    row += 2
    for heading, text in glance_rows(s):
        _cell(ws, row, 1, heading, border=True)
        _cell(ws, row, 2, text, border=True)
        row += 1


def _project_status(ws: Worksheet, data: BoardPackData) -> None:
    """Each project's latest RAG by dimension (▲ better, ▼ worse than its previous report), then the
    milestones slipped or late."""
    headers = ("Project", "Period", *(STATUS_REPORTS.field(d).label for d in DIMENSIONS), "Asks of the program")
    # One set of widths for both tables: RAG columns 3–8 are also the milestones' owner, dates and state.
    _widths(ws, (30, 12, 14, 12, 12, 12, 12, 26, 44))
    _cell(ws, 1, 1, "Project status: latest report of each project (▲ better, ▼ worse than the previous one)",
          font=styles.SUBTITLE_FONT)
    _header_row(ws, 2, headers)
    row = 3
    for p in data.project_status:
        latest = p.latest or {}
        period = period_text(p.period) + (" (draft)" if latest.get("state") == "Draft" else "") if p.latest else "Not reported"
        _cell(ws, row, 1, p.project, border=True)
        _cell(ws, row, 2, period, border=True)
        for j, d in enumerate(DIMENSIONS, start=3):
            rating = latest.get(d) or ""
            move = p.trends.get(d, NEW)
            text = f"{rating} {TREND_ARROWS[move]}" if rating and move in (BETTER, WORSE) else rating
            cell = _cell(ws, row, j, text or None, border=True)
            _colour_cell(cell, RAG_COLOURS.get(rating))
        asks = latest.get("asks") or None
        _cell(ws, row, 9, asks, border=True, align=Alignment(wrap_text=True, vertical="top"))
        ws.row_dimensions[row].height = _wrapped_height(asks, 44)
        row += 1
    _none_listed(ws, 2, len(data.project_status), NO_PROJECTS)
    row += 1 if data.project_status else 2
    slipped = data.slipped_milestones
    _cell(ws, row, 1, f"Milestones slipped or late ({len(slipped)})", font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Milestone", "ID", "Owner", "Baseline", "Forecast", "Slip (days)", "State", "Project"))
    for i, m in enumerate(slipped, start=row + 2):
        values = (m["title"], m["code"], m["owner"], m["baseline"], m["forecast"], m["slip_days"], m["state"],
                  m["project"] or "Program")
        for j, value in enumerate(values, start=1):
            cell = _cell(ws, i, j, value, border=True)
            if j in (4, 5) and value is not None:
                cell.number_format = styles.DATE_FORMAT
        _colour_cell(ws.cell(i, 7), MILESTONE_COLOURS.get(m["state"]))
    _none_listed(ws, row + 1, len(slipped), none_slipped(data))
    ws.freeze_panes = "A3"


OVERDUE_COLOUR = "C62828"
RISK_HEADERS = ("Rank", "ID", "Title", "Level", "Project", "Owner", "Inherent score", "Inherent rating",
                "Residual score", "Residual rating", "Response", "Proximity", "Board decision", "Board comment")


def _risk_table(ws: Worksheet, data: BoardPackData, top: int, title: str, risks: list[Record]) -> int:
    """A ranked table of risks from row ``top`` (its title), with a board-decision dropdown; returns
    the last row written."""
    _cell(ws, top, 1, title, font=styles.SUBTITLE_FONT)
    _header_row(ws, top + 1, RISK_HEADERS)
    ws.row_dimensions[top + 1].height = 32
    first = top + 2
    for i, r in enumerate(risks, start=first):
        values = (i - first + 1, r["code"], r["title"], r["level"], r["project"], r["owner"], r["inherent_score"],
                  r["inherent_rating"] or None, r["residual_score"], r["residual_rating"] or None, r["response"] or None,
                  r["proximity"])
        for j, value in enumerate(values, start=1):
            cell = _cell(ws, i, j, value, align=styles.WRAP if j == 3 else styles.TOP, border=True)
            if j == 12 and value is not None:
                cell.number_format = styles.DATE_FORMAT
        ws.row_dimensions[i].height = _wrapped_height(r["title"], 40)
        for j in (8, 10):
            rating = ws.cell(i, j).value
            if rating and isinstance(rating, str):   # a rating is written as text, or left blank
                _colour_cell(ws.cell(i, j), _rating_colour(data, rating, r.get("kind")))
        for j in (13, 14):
            _cell(ws, i, j, None, border=True, align=styles.WRAP)
    last = max(first, first + len(risks) - 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(BOARD_DECISIONS) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Board decision",
                        error="Choose one of: " + ", ".join(BOARD_DECISIONS) + ".")
    dv.add(f"M{first}:M{last}")
    ws.add_data_validation(dv)
    return last


def _top_risks(ws: Worksheet, data: BoardPackData) -> None:
    """Threats and opportunities ranked apart: a high-scoring opportunity is good news, not a top risk."""
    _widths(ws, (6, 8, 40, 10, 22, 18, 9, 11, 9, 11, 11, 12, 20, 36))
    last = _risk_table(ws, data, 1, _ranked(data.top_risks, "open threat"), data.top_risks)
    _none_listed(ws, 2, len(data.top_risks), NO_OPEN_THREATS)
    ws.freeze_panes = "D3"
    if data.top_risks:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(RISK_HEADERS))}{last}"
    if data.top_opportunities:
        _risk_table(ws, data, last + 3, _ranked(data.top_opportunities, "open opportunity"), data.top_opportunities)


def _ranked(records: list[Record], what: str) -> str:
    """A ranked list's heading, and its order where it has one."""
    return top_heading(records, what) + (" by residual, then inherent score" if len(records) > 1 else "")


def _heat_grid(ws: Worksheet, data: BoardPackData, top: int, left: int, title: str,
               counts: Mapping[HeatCell, int]) -> None:
    scale = data.ctx.risk_scale
    n = scale.size
    _cell(ws, top, left, title, font=styles.SUBTITLE_FONT)
    _cell(ws, top + 1, left, "Probability ↓  Impact →", font=Font(italic=True, color="606060"))
    for p in range(n, 0, -1):
        row = top + 2 + (n - p)
        _cell(ws, row, left, f"{p} {scale.level_names[p - 1]}", font=Font(bold=True), border=True,
              align=styles.CENTER)
        for i in range(1, n + 1):
            count = counts.get((p, i), 0)
            cell = _cell(ws, row, left + i, count or None, border=True, align=styles.CENTER)
            band = scale.band(scale.score(p, i))
            if band is not None:
                cell.fill = styles.fill(band.colour)
                cell.font = Font(bold=True, size=14, color=styles.text_colour_on(band.colour))
        ws.row_dimensions[row].height = 34
    for i in range(1, n + 1):
        _cell(ws, top + 2 + n, left + i, f"{i} {scale.level_names[i - 1]}", font=Font(bold=True),
              border=True, align=styles.CENTER)
    _cell(ws, top + 3 + n, left, f"{sum(counts.values())} open risks with scores")


def _heat_map(ws: Worksheet, data: BoardPackData) -> None:
    n = data.ctx.risk_scale.size
    ws.column_dimensions["A"].width = 14
    for j in range(2, 2 + n):
        ws.column_dimensions[get_column_letter(j)].width = 12
    _heat_grid(ws, data, 1, 1, "Inherent (before responses)", data.inherent_cells)
    _heat_grid(ws, data, n + 6, 1, "Residual (after responses)", data.residual_cells)
    legend = 2 * n + 12
    _cell(ws, legend, 1, "Rating bands (score = probability × impact)", font=styles.SUBTITLE_FONT)
    bands = sorted(data.ctx.risk_scale.bands, key=lambda b: b.min_score)
    for k, (band, nxt) in enumerate(zip(bands, [*bands[1:], None])):
        upper = nxt.min_score - 1 if nxt else n * n
        _colour_cell(_cell(ws, legend + 1 + k, 1, band.rating, border=True), band.colour)
        _cell(ws, legend + 1 + k, 2, f"{band.min_score}–{upper}", border=True)


def _stakeholders(ws: Worksheet, data: BoardPackData) -> None:
    _widths(ws, (16, 40, 40, 12, 9, 9, 16, 12, 14, 14, 6, 18))
    _cell(ws, 1, 1, "Stakeholder grid (power × interest)", font=styles.SUBTITLE_FONT)
    by_quadrant: dict[str, list[str]] = {}
    for s in data.stakeholders:
        by_quadrant.setdefault(s["quadrant"], []).append(s["name"])

    def names(quadrant: str) -> str:
        people = by_quadrant.get(quadrant, [])
        shown = people[:MAX_NAMES_PER_QUADRANT]
        more = f"\n… and {len(people) - len(shown)} more" if len(people) > len(shown) else ""
        return f"{quadrant} ({len(people)})\n" + "\n".join(shown) + more

    colours = {MANAGE_CLOSELY: "#F8CBAD", KEEP_SATISFIED: "#FFE699", KEEP_INFORMED: "#BDD7EE", MONITOR: "#E2EFDA"}
    _cell(ws, 3, 1, f"High power\n({HIGH_FROM}–5)", font=Font(bold=True), align=styles.CENTER, border=True)
    _cell(ws, 4, 1, f"Low power\n(1–{HIGH_FROM - 1})", font=Font(bold=True), align=styles.CENTER, border=True)
    _cell(ws, 5, 2, f"Low interest (1–{HIGH_FROM - 1})", font=Font(bold=True), align=styles.CENTER, border=True)
    _cell(ws, 5, 3, f"High interest ({HIGH_FROM}–5)", font=Font(bold=True), align=styles.CENTER, border=True)
    for (row, col), quadrant in {(3, 2): KEEP_SATISFIED, (3, 3): MANAGE_CLOSELY, (4, 2): MONITOR,
                                 (4, 3): KEEP_INFORMED}.items():
        _cell(ws, row, col, names(quadrant), fill=styles.fill(colours[quadrant]), border=True,
              align=Alignment(wrap_text=True, vertical="top"))
    unrated = not_rated_line(data.stakeholders)
    if unrated:
        _cell(ws, 6, 2, unrated, font=Font(italic=True))
    for row in (3, 4):
        longest = max(len(by_quadrant.get(q, [])) for q in (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR))
        ws.row_dimensions[row].height = min(409, 15 * (2 + min(longest, MAX_NAMES_PER_QUADRANT + 1)))

    headers = ("ID", "Name", "Organisation", "Role", "Power", "Interest", "Quadrant", "Attitude",
               "Current engagement", "Desired engagement", "Gap", "Relationship owner")
    _header_row(ws, 7, headers)
    ws.row_dimensions[7].height = 32
    for i, s in enumerate(sorted(data.stakeholders, key=lambda s: (-(s["power"] or 0), -(s["interest"] or 0), code_order(s["code"]))),
                          start=8):
        for j, key in enumerate(("code", "name", "organisation", "role", "power", "interest", "quadrant", "attitude",
                                 "current_engagement", "desired_engagement", "engagement_gap", "owner"), start=1):
            value = s[key] if s[key] != "" else STAKEHOLDERS.field(key).unset or None  # "Not assessed yet"
            _cell(ws, i, j, value, border=True)
    _none_listed(ws, 7, len(data.stakeholders), NO_STAKEHOLDERS)
    ws.freeze_panes = "A8"


def _benefits(ws: Worksheet, data: BoardPackData) -> None:
    headers = ("ID", "Benefit", "Category", "Owner", "Unit", "Baseline", "Target", "Target date", "Planned today",
               "Latest actual", "Status", "Stage", "Confidence")
    _widths(ws, (8, 34, 20, 18, 12, 11, 11, 12, 11, 11, 12, 11, 11))
    _cell(ws, 1, 1, "Benefits status", font=styles.SUBTITLE_FONT)
    _header_row(ws, 2, headers)
    ws.row_dimensions[2].height = 32
    row = 3
    places = benefit_rules.planned_places(data.benefits)  # "Planned today"'s decimals, decided once for the column
    planned_format = "#,##0" + ("." + "0" * places if places else "")
    for b in data.benefits:
        values = (b["code"], b["title"], b["category"], b["owner"], b["unit"] or None, b["baseline_value"],
                  b["target_value"], b["target_date"], b["planned_now"], b["latest_actual"], b["status_rag"],
                  b["lifecycle"], BENEFITS.field("confidence").shown(b["confidence"]))  # or "Not assessed yet"
        money = benefit_rules.measures_are_money(b)
        for j, value in enumerate(values, start=1):
            cell = _cell(ws, row, j, value, border=True, align=styles.WRAP if j == 2 else None)
            # money whole (the value kept), else as typed: 95, 76.24; text a hand-edited office keeps there, as written
            if j in (6, 7, 9, 10) and v.stored_number(value) is not None:
                cell.number_format = ("General" if v.shown_as_exponent(value) else v.MONEY_FORMAT if money
                                      else planned_format if j == 9 else number_format(value))
            if j == 8 and value is not None:
                cell.number_format = styles.DATE_FORMAT
        _colour_cell(ws.cell(row, 11), benefit_rules.STATUS_COLOURS.get(b["status_rag"]))
        ws.row_dimensions[row].height = _wrapped_height(b["title"], 34)
        row += 1
    _none_listed(ws, 2, len(data.benefits), NO_BENEFITS)
    ws.freeze_panes = "C3"
    if not_a_number := not_a_number_line(data.benefits):
        row += 1
        _cell(ws, row, 2, not_a_number, font=Font(italic=True))

    for r in data.rollups:
        if r.periods:
            row = _rollup_table(ws, r, row + 2)


def _rollup_table(ws: Worksheet, r: Rollup, row: int) -> int:
    """The roll-up of one money basis, month by month, with its native line chart; returns the last row."""
    unit = f" ({r.unit})" if r.unit else ""
    _cell(ws, row, 1, f"Financial benefits{unit}: cumulative planned vs realized change from baseline",
          font=styles.SUBTITLE_FONT)
    _header_row(ws, row + 1, ("Month", "Planned", "Realized"), col=1)
    first = row + 2
    for k, period in enumerate(r.periods):
        _cell(ws, first + k, 1, period.label, border=True)
        _cell(ws, first + k, 2, round(period.cumulative_planned, 2), fmt=v.MONEY_FORMAT, border=True)
        realized = period.cumulative_realized
        _cell(ws, first + k, 3, None if realized is None else round(realized, 2), fmt=v.MONEY_FORMAT, border=True)
    last = first + len(r.periods) - 1
    chart = LineChart()
    chart.title = printable(f"Financial benefits{unit}: planned vs realized")
    chart.y_axis.title, chart.x_axis.title = "Cumulative change from baseline", "Month"
    chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=row + 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    # The PDF's lines: its colours and widths, the realized line a dot a month measured, neither smoothed — Excel's
    # default hairlines with a marker on every month read on a projector as two grey threads.
    for series, colour, width, dotted in zip(chart.series, (benefit_rules.PLANNED_COLOUR, benefit_rules.REALIZED_COLOUR),
                                            (benefit_rules.PLANNED_LINE_PT, benefit_rules.REALIZED_LINE_PT), (False, True)):
        rgb = colour.lstrip("#").upper()
        series.graphicalProperties.line.solidFill = rgb  # the page's and the PDF's colours
        series.graphicalProperties.line.width = int(width * EMU_PER_POINT)
        series.smooth = False
        series.marker.symbol = "circle" if dotted else "none"
        if dotted:
            series.marker.size = 7
            series.marker.graphicalProperties = GraphicalProperties(solidFill=rgb)
            series.marker.graphicalProperties.line.solidFill = rgb
    chart.height, chart.width = 8, 18
    _show_axes(chart)
    ws.add_chart(chart, f"E{row}")
    return last


def _communications(ws: Worksheet, data: BoardPackData) -> None:
    headers = ("ID", "What", "Stakeholder", "Audience / group", "Channel", "Frequency", "Owner", "Last held",
               "Next due", COMMS_OVERDUE)
    _widths(ws, (8, 34, 22, 20, 14, 12, 18, 12, 12, 9))
    _cell(ws, 1, 1, comms_heading(data), font=styles.SUBTITLE_FONT)
    _header_row(ws, 2, headers)
    for i, c in enumerate(data.comms_due, start=3):
        values = (c["code"], c["message"], c["stakeholder"], c["audience"] or None, c["channel"] or None,
                  c["frequency"], c["owner"], c["last_held"], c["next_due"], comm_overdue(c))
        for j, value in enumerate(values, start=1):
            cell = _cell(ws, i, j, value, border=True)
            if j in (8, 9) and value is not None:
                cell.number_format = styles.DATE_FORMAT
        if c["overdue"]:
            ws.cell(i, 10).font = Font(bold=True, color="C62828")
    _none_listed(ws, 2, len(data.comms_due), NOTHING_DUE)
    ws.freeze_panes = "A3"


def _since(ws: Worksheet, data: BoardPackData) -> None:
    _widths(ws, (18, 24, 9, 44, 40, 16))
    _cell(ws, 1, 1, "Since the last board", font=styles.SUBTITLE_FONT)
    _cell(ws, 2, 1, since_intro(data))
    rows = since_rows(data)
    if not rows:
        return
    _header_row(ws, 3, SINCE_HEADERS)
    for i, row in enumerate(rows, start=4):
        for j, value in enumerate(row, start=1):
            _cell(ws, i, j, value or None, border=True, align=Alignment(wrap_text=True, vertical="top"))
        ws.row_dimensions[i].height = max(_wrapped_height(row[3], 44), _wrapped_height(row[4], 40))
    ws.freeze_panes = "A4"


# --------------------------------------------------------------------------------------- entry
def write_board_pack(store: Store, out_path: str | os.PathLike[str], today: date | None = None,
                     progress: Progress | None = None, data: BoardPackData | None = None,
                     paper_size: str = paper.A4, cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the board pack for ``today`` (default: the real today) to ``out_path`` (.xlsx), set to print
    on ``paper_size`` ("A4" or "Letter"). ``cancelled()`` true between two sheets stops it with
    ``OperationCancelled``, the file left as it was.

    Raises ``ExportError`` or ``OSError`` with a clear message; an existing file is replaced only
    by a complete new one.
    """
    out = check_target(out_path, store.path)
    steps = len(SHEETS) + 2

    def tick(step: int) -> None:
        if progress is not None:
            progress(step, steps)
        if cancelled is not None and cancelled():
            raise OperationCancelled("Cancelled: the board pack was not written (any earlier one is as it was).")

    data = data or read_board_pack(store, today)
    tick(1)
    wb = Workbook()
    wb.properties.creator = APP_NAME
    wb.properties.title = printable(f"{data.title} — board pack {data.today.isoformat()}")
    writers = (_summary, _project_status, _since, _top_risks, _heat_map, _stakeholders, _benefits, _communications)
    for k, (title, write) in enumerate(zip(SHEETS, writers)):
        ws = wb.active if k == 0 else wb.create_sheet(title)
        assert isinstance(ws, Worksheet)  # a new workbook's own sheet, or one just added to it
        ws.title = title
        write(ws, data)
        _print_setup(ws, data, PRINT_TITLES.get(title), paper.check_paper(paper_size))
        tick(k + 2)
    save_atomically(wb, out)
    tick(steps)
    return out
