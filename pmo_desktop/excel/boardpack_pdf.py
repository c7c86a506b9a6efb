"""The board pack as a print-ready PDF: A4 landscape, a header with the program, the date and the
classification on every page, "Page N of M", tables that break across pages with their header row
repeated, and charts drawn as vectors.

Written with ReportLab (a long-kept PDF library, pure Python here): the command line makes a PDF
without loading Qt or needing a display, and the pack is laid out as flowing pages rather than
painted by hand. It reads exactly the data the Excel pack reads (``read_board_pack``: one snapshot).
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from .. import APP_NAME
from ..models import benefit_rules, paper, summary
from ..models import values as v
from ..models.benefit_rollup import NOT_PLOTTED, Rollup
from ..models.errors import OperationCancelled
from ..models.registers.stakeholders import STAKEHOLDERS
from ..models.registers.status import STATUS_REPORTS as REPORTS
from ..models.stakeholder_rules import HIGH_FROM, KEEP_INFORMED, KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR
from ..models.status_rules import BETTER, DIMENSIONS, MILESTONE_COLOURS, NEW, RAG_COLOURS, TREND_ARROWS, WORSE
from ..models.store import Store
from ..models.summary import HeatCell
from ..models.values import day_text, number_text, period_text
from . import pdf_fonts, rtl_text
from .atomic import check_target, write_atomically
from .boardpack_data import (
    COMMS_OVERDUE,
    NO_OPEN_THREATS,
    NO_PROJECTS,
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
from .styles import text_colour_on

PAGE = landscape(A4)
PAGES = {paper.A4: landscape(A4), paper.LETTER: landscape(letter)}
# The page of the pack being written: every width below is worked out from it, so a Letter pack (25 mm
# narrower, 6 mm taller) is laid out for its page, not cut at A4's right edge.
_PAGE: ContextVar[tuple[float, float]] = ContextVar("board_pack_page", default=PAGE)
MARGIN = 14 * mm
HEADER_GREY = colors.HexColor("#D9D9D9")
GRID = colors.HexColor("#9E9E9E")
QUADRANT_COLOURS = {MANAGE_CLOSELY: "#F8CBAD", KEEP_SATISFIED: "#FFE699", KEEP_INFORMED: "#BDD7EE",
                    MONITOR: "#E2EFDA"}
MAX_NAMES_PER_QUADRANT = 18
SECTION_GAP = 8 * mm  # between two sections sharing a page
SECTION_START = 60 * mm  # the least room a section longer than a page begins in: its heading and a few rows
# The most rows a register's listing prints (stakeholders, benefits, communications due, changes since the last
# board, slipped milestones, decisions pending). A board reads the top of a list, not 400 pages of it: an office of 10,000
# stakeholders made a pack of 400 pages in 138 s. The rows past it are counted under the table and named where
# they are all listed: the workbook pack (every row, sortable and filterable) and the register's own page. The
# listings keep the pack's own order, so the rows printed are the ones a board reads first (stakeholders by
# power, then interest). Summary counts and charts always count every record.
LISTED_ON_PAPER = 200

_styles = getSampleStyleSheet()
TITLE = ParagraphStyle("PackTitle", parent=_styles["Title"], alignment=0, fontSize=22, leading=26, spaceAfter=4)
H1 = ParagraphStyle("PackH1", parent=_styles["Heading1"], fontSize=15, leading=18, spaceBefore=2, spaceAfter=6)
H2 = ParagraphStyle("PackH2", parent=_styles["Heading2"], fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
BODY = ParagraphStyle("PackBody", parent=_styles["BodyText"], fontSize=9.5, leading=12)
CELL = ParagraphStyle("PackCell", parent=BODY, fontSize=8.5, leading=10.5)
NOTE = ParagraphStyle("PackNote", parent=BODY, fontSize=8, leading=10, textColor=colors.HexColor("#606060"))


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):  # as the window shows it: a typed 95 is 95, not 95.0, and 76.24 not 76.2
        return number_text(value)
    if isinstance(value, date):
        return day_text(value)
    return str(value)


def _escape(text: str) -> str:
    """``text`` as a paragraph's markup: its letters Helvetica has no glyph for in a font of the computer
    that has them (``pdf_fonts``), not printed as boxes."""
    return "".join(_xml(part) if font is None else f'<font name="{font}">{_xml(part)}</font>'
                   for font, part in pdf_fonts.runs(text))


def _xml(text: str) -> str:
    # a line break typed in a cell ("1. Approve the budget⏎2. Name a sponsor") is one on paper too: a paragraph
    # takes it for a space, and the board read the asks as one run-on line
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _cell(value: Any, colour: str | None = None) -> Paragraph:
    """A table cell's paragraph (``colour``: its text's, on a dark fill)."""
    text = _text(value)
    if rtl_text.has_rtl(text):
        return RightToLeftParagraph(text, CELL, colour=colour)
    return Paragraph(_colour_markup(_escape(text), colour), CELL)


def _colour_markup(markup: str, colour: str | None) -> str:
    return f'<font color="{colour}">{markup}</font>' if colour else markup


class RightToLeftParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no types
    """A paragraph holding right-to-left letters, cut into lines in the order it was typed, then each line put in
    display order. ``rtl_text.visual`` orders a paragraph as one line, and ReportLab then broke that drawn string
    where the width ran out — but a right-to-left line ends on its left, so a Hebrew risk title wrapped over two
    lines of a narrow cell read its lines bottom to top, its first words on the second line (walk39). The
    lines are cut here at the width ReportLab lays the paragraph out in, a line given its paragraph's direction
    (a line of a Hebrew title that begins with "POS" still reads from the right)."""

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, bulletText: str | None = None,
                 frags: list[Any] | None = None, caseSensitive: int = 1, encoding: str = "utf8", colour: str | None = None):
        # ReportLab makes the two halves of a paragraph split over a page with (None, style, frags=…): lines
        # already cut and ordered, drawn as they are.
        self.typed = text if frags is None else None
        self.colour = colour
        self.cut_for: float | None = None
        if self.typed is not None and style is not None and not rtl_text.reads_left_to_right(self.typed):
            # its lines flush right, where a right-to-left line begins: a short last line under the start of
            # the one above, as Excel aligns such a cell
            style = ParagraphStyle(f"{style.name}RightToLeft", parent=style, alignment=TA_RIGHT)
        super().__init__(self._markup(text) if frags is None and text is not None else text, style,
                         bulletText=bulletText, frags=frags, caseSensitive=caseSensitive, encoding=encoding)

    def _markup(self, text: str) -> str:
        return _colour_markup(_escape(text), self.colour)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if self.typed is not None and self.cut_for != width:
            self.cut_for = width
            mark = "" if rtl_text.reads_left_to_right(self.typed) else "\u200f"  # the paragraph's direction
            lines = [mark + line for line in _lines_as_typed(self.typed, width, self.style)]
            self._setup(self._markup("\n".join(lines)), self.style, getattr(self.style, "bulletText", None), None,
                        cleanBlockQuotedText)
        width, height = super().wrap(availWidth, availHeight)
        return float(width), float(height)


def _drawn_width(text: str, style: ParagraphStyle) -> float:
    """The width ``text`` takes in ``style`` as drawn, each run in the font that prints it (``pdf_fonts.runs``)."""
    return float(sum(stringWidth(part, font or style.fontName, style.fontSize) for font, part in pdf_fonts.runs(text)))


def _lines_as_typed(text: str, width: float, style: ParagraphStyle) -> list[str]:
    """``text`` cut into lines of at most ``width`` at its spaces, in the order typed (a word wider than a line
    on a line of its own); a line break typed stays one."""
    lines: list[str] = []
    for typed_line in text.split("\n"):
        line = ""
        for word in typed_line.split(" "):
            longer = f"{line} {word}" if line else word
            if line and _drawn_width(longer, style) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        lines.append(line)
    return lines


def _colour(hex_colour: str | None) -> colors.Color | None:
    return colors.HexColor(hex_colour if hex_colour.startswith("#") else f"#{hex_colour}") if hex_colour else None


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
           fills: dict[tuple[int, int], str | None] | None = None) -> Table:
    """A table that breaks across pages with its header row repeated; ``fills``: (col, row) → colour."""
    data = [[Paragraph(f"<b>{_escape(h)}</b>", CELL) for h in headers],
            *[[_cell(v) for v in row] for row in rows]]
    style = [("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    for (col, row), colour in (fills or {}).items():
        c = _colour(colour)
        if c is not None and colour is not None:
            style.append(("BACKGROUND", (col, row + 1), (col, row + 1), c))
            if text_colour_on(colour) == "FFFFFF":  # "Critical" on dark red: white, as the app shows it
                data[row + 1][col] = _cell(rows[row][col], colour="white")
    # a row taller than a page (a project's asks of 32,000 letters) goes on over the next: ReportLab otherwise stops
    # the whole pack with "Flowable … too large on page" (a LayoutError)
    table = Table(data, colWidths=_whole_words(widths, [list(headers), *rows]), repeatRows=1, hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def _listing(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
             fills: dict[tuple[int, int], str | None] | None, noun: str, page: str | None) -> list[Flowable]:
    """A register's rows as a table of at most ``LISTED_ON_PAPER`` rows, and under it how many more there are
    and where they are all listed (``noun``: "stakeholders"; ``page``: the window's page that lists them, if one)."""
    if not rows:  # a table of headers over nothing reads as a page gone wrong
        return [Paragraph(f"No {_escape(noun)}.", BODY)]
    shown = rows[:LISTED_ON_PAPER]
    kept = {cell: colour for cell, colour in (fills or {}).items() if cell[1] < len(shown)}
    out: list[Flowable] = [_table(headers, shown, widths, kept)]
    if len(rows) > len(shown):
        out.append(Paragraph(f"… and {len(rows) - len(shown):,} more {_escape(noun)} ({len(rows):,} in all), "
                             f"not printed here: the first {len(shown):,} are. Every one is in the board pack "
                             "written as a workbook (.xlsx)" + (f" and on the {_escape(page)} page." if page else "."),
                             NOTE))
    return out


CELL_PADDING = 12  # ReportLab's table cells: 6 pt each side


def _whole_words(widths: Sequence[float], rows: Sequence[Sequence[Any]]) -> list[float]:
    """The widths given, each column widened to its longest word where the others can spare the room: a
    paragraph breaks a word longer than its column letter by letter, so a rank of 10 read "1" over "0" and a
    unit "transactions" as "transaction" over "s". The room is taken from the columns with the most to spare
    (above their own longest word), in proportion. A word no room could hold (a title of 300 letters without a
    space, a pasted link) is broken whatever is done: its column keeps its width and gives none, and the other
    columns still get theirs — it made the whole table keep the widths given, the rank of 10 "1" over "0"."""
    need = [0.0] * len(widths)
    for row_no, row in enumerate(rows):
        font = "Helvetica-Bold" if row_no == 0 else CELL.fontName  # the header row is bold
        for col, value in enumerate(row[:len(widths)]):
            for word in _text(value).split():
                need[col] = max(need[col], pdf_fonts.width(word, font, CELL.fontSize) + CELL_PADDING + 1)
    while True:
        short = sum(max(0.0, n - w) for n, w in zip(need, widths))
        spare = [max(0.0, w - n) for n, w in zip(need, widths)]
        if short == 0:
            return list(widths)
        if short <= sum(spare):
            break
        worst = max(range(len(widths)), key=lambda c: need[c] - widths[c])  # the column short of the most
        need[worst] = widths[worst]
    share = short / sum(spare)
    return [max(w, n) if n > w else w - s * share for w, n, s in zip(widths, need, spare)]


def _widths(total_mm: float, weights: Sequence[float]) -> list[float]:
    whole = sum(weights)
    return [total_mm * mm * w / whole for w in weights]


def _full() -> float:
    """The usable width of the page in mm (a frame pads 6 pt each side)."""
    return float((_PAGE.get()[0] - 2 * MARGIN - 12) / mm)


# ------------------------------------------------------------------------------------- charts
SERIES_COLOURS = {"Inherent": "#5B7DB1", "Residual": "#A9C4E8"}


def _chart_words(text: str, base: str) -> tuple[str, str]:
    """``text`` as a chart must be given it — right-to-left letters joined and in display order (``rtl_text``; a
    chart's label is drawn as given, not through ``pdf_fonts.runs``) — and the one font that prints it all."""
    shown = rtl_text.visual(text)
    return shown, pdf_fonts.one_font(shown, base)


def _bar_chart(ratings: list[str], series: list[tuple[str, list[int]]], note: str) -> Drawing:
    """The open risks by rating, a bar a series charted (summary.rating_chart_series), and ``note`` saying what
    is not charted — alone, in the chart's place, when nothing is."""
    d = Drawing(120 * mm, 62 * mm)
    d.add(String(14 * mm, 57 * mm, "Open risks by rating", fontSize=10, fontName="Helvetica-Bold"))
    if note:
        shown, font = _chart_words(note, "Helvetica")
        d.add(String(14 * mm, (30 if not series else 2) * mm, shown, fontSize=8, fontName=font))
    if not series:
        return d
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 12 * mm, 96 * mm, 42 * mm
    chart.data = [counts for _, counts in series]
    chart.categoryAxis.categoryNames = [rtl_text.visual(r) for r in ratings]  # the office's words
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.fontName = _chart_words(" ".join(ratings), "Helvetica")[1]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    top = max([n for _, counts in series for n in counts] + [1])
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    for i, (name, _) in enumerate(series):
        chart.bars[i].fillColor = colors.HexColor(SERIES_COLOURS[name])
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 80 * mm, 60 * mm
    legend.fontSize = 8
    legend.colorNamePairs = [(chart.bars[i].fillColor, name) for i, (name, _) in enumerate(series)]
    legend.columnMaximum = 1
    legend.deltax = 24 * mm
    d.add(legend)
    return d


def _rollup_chart(r: Rollup) -> Drawing:
    d = Drawing(_full() * mm, 70 * mm)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 18 * mm, 12 * mm, (_full() - 30) * mm, 48 * mm
    planned = [(i, p.cumulative_planned) for i, p in enumerate(r.periods)]
    realized = [(i, p.cumulative_realized) for i, p in enumerate(r.periods) if p.cumulative_realized is not None]
    plot.data = [planned, realized or [(0, 0.0)]]
    plot.lines[0].strokeColor = colors.HexColor(benefit_rules.PLANNED_COLOUR)
    plot.lines[0].strokeWidth = benefit_rules.PLANNED_LINE_PT
    plot.lines[1].strokeColor = colors.HexColor(benefit_rules.REALIZED_COLOUR)
    # The realized line thicker, each month measured a dot: it runs only to the last month measured, low under a plan
    # years long, and at 2 points it was a short thin stroke on the axis that a projector lost.
    plot.lines[1].strokeWidth = benefit_rules.REALIZED_LINE_PT
    plot.lines[1].symbol = makeMarker("FilledCircle", size=5, fillColor=plot.lines[1].strokeColor)
    step = max(1, len(r.periods) // 12)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, max(1, len(r.periods) - 1)
    plot.xValueAxis.valueSteps = list(range(0, len(r.periods), step))
    labels = [p.label for p in r.periods]
    plot.xValueAxis.labelTextFormat = lambda i: labels[int(i)] if 0 <= int(i) < len(labels) else ""
    plot.xValueAxis.labels.fontSize = 7
    plot.xValueAxis.labels.fontName = pdf_fonts.one_font(" ".join(labels), "Helvetica")
    plot.yValueAxis.labels.fontSize = 8
    plot.yValueAxis.labelTextFormat = "{:,.0f}".format
    d.add(plot)
    unit = f" ({r.unit})" if r.unit else ""
    title = f"Financial benefits{unit}: cumulative planned vs realized"
    shown, font = _chart_words(title, "Helvetica-Bold")
    d.add(String(18 * mm, 64 * mm, shown, fontSize=10, fontName=font))
    legend = Legend()
    legend.x, legend.y = (_full() - 120) * mm, 68 * mm
    legend.fontSize = 8
    # each line named with its figure, the realized against the plan over the same months: what the board reads off
    # the chart, which the realized line's height alone did not say
    realized_words = (f"Realized: {v.money_text(r.realized_to_date)} to {v.month_text(r.measured_until)}, "
                      f"{v.money_text(r.planned_to_date)} planned by then" if r.measured_until is not None
                      else "Realized: nothing measured yet")
    legend.colorNamePairs = [
        (plot.lines[0].strokeColor, f"Planned: {v.money_text(r.total_planned)} by {r.periods[-1].label}"),
        (plot.lines[1].strokeColor, realized_words)]
    legend.columnMaximum = 2
    legend.dy = legend.dx = 7
    legend.deltay = 4 * mm
    d.add(legend)
    return d


# ------------------------------------------------------------------------------------- sections
def _summary(data: BoardPackData) -> list[Flowable]:
    s = data.summary
    risks = s["risks"]
    people = ", ".join(x for x in (f"Sponsor: {data.sponsor}" if data.sponsor else "",
                                   f"Program manager: {data.manager}" if data.manager else "") if x)
    program = data.title
    out: list[Flowable] = [RightToLeftParagraph(program, TITLE) if rtl_text.has_rtl(program)
                           else Paragraph(_escape(program), TITLE),
                           Paragraph(f"Board pack as at {_text(data.today)}", H2)]
    if data.office_file:  # the program not named yet: which office the pack was written from
        out.append(Paragraph(_escape(f"Office file: {data.office_file}"), NOTE))
    if people:
        out.append(Paragraph(_escape(people), BODY))
    out.append(Paragraph(f"Risks past their review date: {risks['review_overdue']} "
                         "(the office's review cadence by rating).", BODY))
    ratings = list(risks["open_by_rating"])
    counts = _table(("Open risks by rating", "Inherent", "Residual"),
                    [(r, risks["open_by_rating"][r], risks["open_by_residual_rating"][r]) for r in ratings],
                    _widths(90, (3, 1.2, 1.2)),
                    {(0, i): data.ctx.risk_scale.colour_of(r) for i, r in enumerate(ratings)})
    chart = _bar_chart(ratings, *summary.rating_chart_series(risks))
    out += [Spacer(1, 4 * mm),
            Table([[counts, chart]], colWidths=[100 * mm, (_full() - 100) * mm], hAlign="LEFT",
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
    quadrants = _table(("Stakeholders by quadrant", "Count"), list(s["stakeholders"]["by_quadrant"].items()),
                       _widths(80, (3, 1)))
    statuses = list(s["benefits"]["by_status"].items())
    benefits = _table(("Benefits by status", "Count"), statuses, _widths(80, (3, 1)),
                      {(0, i): benefit_rules.STATUS_COLOURS.get(k) for i, (k, _) in enumerate(statuses)})
    money = _table(("Financial benefits to date", "Planned", "Realized", "Realized %"),
                   [(r.unit or "(no unit)", v.money_text(r.planned_to_date), v.money_text(r.realized_to_date),
                     f"{r.realized_to_date / r.planned_to_date:.0%}" if r.planned_to_date else "")
                    for r in data.rollups] or [("(none)", "", "", "")],
                   # as wide as the page leaves beside the other two: on Letter, 95 mm ran past the page's edge
                   _widths(min(95.0, _full() - 172), (2, 1.2, 1.2, 1.1)))
    out += [Spacer(1, 4 * mm),
            Table([[quadrants, benefits, money]], colWidths=[85 * mm, 85 * mm, (_full() - 170) * mm], hAlign="LEFT",
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
    overdue = sum(1 for c in data.comms_due if c["overdue"])
    out += [Spacer(1, 3 * mm),
            Paragraph(_escape(ROLLED_UP_APART), NOTE),
            Paragraph(f"Communications due this month: {len(data.comms_due)}, of which {overdue} overdue.", BODY)]
    pending = [d for d in s["decisions"]["pending"] if d["due"]]
    if pending:
        out += [Spacer(1, 3 * mm),
                *_listing(("Decision pending", "ID", "Level", "Due"),
                          [(d["title"], d["id"], d["level"],
                            day_text(date.fromisoformat(d["due"])) + (" (overdue)" if d["overdue"] else ""))
                           for d in pending], _widths(_full(), (30, 6, 6, 8)),
                          {(3, i): "#ffcdd2" for i, d in enumerate(pending) if d["overdue"]},
                          "decisions pending", "RAID")]
    # Every register that declares an overview entry, as on the Program overview page.
    out += [Spacer(1, 3 * mm),
            _table(("The registers at a glance", "Counts"),
                   glance_rows(s),
                   _widths(_full(), (12, 40)))]
    return out


RISK_HEADERS = ("#", "ID", "Title", "Level", "Project", "Owner", "Inherent", "Residual", "Response", "Proximity")
def _risk_widths() -> list[float]:
    return _widths(_full(), (3, 6, 30, 7, 14, 12, 9, 9, 8, 9))


def _risk_rows(data: BoardPackData, risks: list[Record]) -> tuple[list[list[Any]], dict[tuple[int, int], str | None]]:
    rows: list[list[Any]] = []
    fills: dict[tuple[int, int], str | None] = {}
    scale = data.ctx.risk_scale
    for i, r in enumerate(risks):
        inherent = f"{r['inherent_score'] or ''} {r['inherent_rating'] or ''}".strip()
        residual = f"{r['residual_score'] or ''} {r['residual_rating'] or ''}".strip()
        rows.append([i + 1, r["code"], r["title"], r["level"], r["project"], r["owner"], inherent, residual,
                     r["response"], r["proximity"]])
        # an opportunity's ratings in its blues, as in the register (RiskScale.colour_of)
        fills[(6, i)] = scale.colour_of(r["inherent_rating"], r.get("kind")) if r["inherent_rating"] else None
        fills[(7, i)] = scale.colour_of(r["residual_rating"], r.get("kind")) if r["residual_rating"] else None
    return rows, fills


def _project_status(data: BoardPackData) -> list[Flowable]:
    """Each project's latest RAG by dimension with the move since its previous report (▲ better,
    ▼ worse), then the milestones that slipped or are late."""
    headers = ("Project", "Period", *(REPORTS.field(d).label for d in DIMENSIONS), "Asks of the program")
    rows: list[list[Any]] = []
    fills: dict[tuple[int, int], str | None] = {}
    for i, p in enumerate(data.project_status):
        latest = p.latest or {}
        period = period_text(p.period) + (" (draft)" if latest.get("state") == "Draft" else "") if p.latest else "Not reported"
        cells = []
        for j, d in enumerate(DIMENSIONS, start=2):
            rating = latest.get(d) or ""
            move = p.trends.get(d, NEW)
            cells.append(f"{rating} {TREND_ARROWS[move]}" if rating and move in (BETTER, WORSE) else rating)
            fills[(j, i)] = RAG_COLOURS.get(rating)
        rows.append([p.project, period, *cells, latest.get("asks") or ""])
    out: list[Flowable] = [Paragraph("Project status", H1),
                           Paragraph("Latest report of each project; ▲ better and ▼ worse than its previous report.",
                                     NOTE),
                           _table(headers, rows, _widths(_full(), (20, 9, 8, 8, 8, 8, 8, 8, 33)), fills)
                           if rows else Paragraph(NO_PROJECTS, BODY)]
    slipped = data.slipped_milestones
    out += [Spacer(1, 4 * mm), Paragraph(f"Milestones slipped or late ({len(slipped)})", H2)]
    if slipped:
        out += _listing(("ID", "Milestone", "Project", "Owner", "Baseline", "Forecast", "Slip (days)", "State"),
                        [[m["code"], m["title"], m["project"] or "Program", m["owner"], m["baseline"],
                          m["forecast"], m["slip_days"], m["state"]] for m in slipped],
                        _widths(_full(), (7, 30, 18, 13, 10, 10, 8, 8)),
                        {(7, i): MILESTONE_COLOURS.get(m["state"]) for i, m in enumerate(slipped)},
                        "milestones slipped or late", "Status")
    else:
        out.append(Paragraph(none_slipped(data), BODY))
    return out


def _top_risks(data: BoardPackData) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(top_heading(data.top_risks, "open threat"), H1)]
    rows, fills = _risk_rows(data, data.top_risks)
    if rows:  # the order of a list, said over none, read as if a list should have followed
        out += [Paragraph("Ranked by residual, then inherent score.", NOTE), _table(RISK_HEADERS, rows, _risk_widths(), fills)]
    else:
        out.append(Paragraph(NO_OPEN_THREATS, BODY))
    if data.top_opportunities:
        rows, fills = _risk_rows(data, data.top_opportunities)
        out += [CondPageBreak(40 * mm), Paragraph(top_heading(rows, "open opportunity"), H2),
                _table(RISK_HEADERS, rows, _risk_widths(), fills)]
    return out


def _heat_grid(data: BoardPackData, title: str, counts: Counter[HeatCell]) -> list[Flowable]:
    scale = data.ctx.risk_scale
    n = scale.size
    header = [Paragraph("<b>Probability ↓ / Impact →</b>", CELL),
              *[Paragraph(f"<b>{i}</b> {_escape(scale.level_names[i - 1])}", CELL) for i in range(1, n + 1)]]
    rows: list[list[Any]] = [header]
    style = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("ALIGN", (1, 1), (-1, -1), "CENTER"),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
             ("BACKGROUND", (0, 0), (0, -1), HEADER_GREY), ("FONTSIZE", (1, 1), (-1, -1), 12)]
    for r, p in enumerate(range(n, 0, -1), start=1):
        row: list[Any] = [Paragraph(f"<b>{p}</b> {_escape(scale.level_names[p - 1])}", CELL)]
        for i in range(1, n + 1):
            count = counts.get((p, i), 0)
            row.append(str(count) if count else "")
            hex_fill = scale.colour_of(scale.rating(p, i) or "")
            colour = _colour(hex_fill)
            if colour is not None and hex_fill:
                style.append(("BACKGROUND", (i, r), (i, r), colour))
                style.append(("TEXTCOLOR", (i, r), (i, r), colors.HexColor("#" + text_colour_on(hex_fill))))
        rows.append(row)
    cell = min(16.0, (_full() / 2 - 30) / n)
    grid = Table(rows, colWidths=[28 * mm, *[cell * mm] * n], rowHeights=[10 * mm, *[9 * mm] * n], style=style)
    return [Paragraph(title, H2), grid]


def _heat_map(data: BoardPackData) -> list[Flowable]:
    grids = Table([[_heat_grid(data, "Inherent (before responses)", data.inherent_cells),
                    _heat_grid(data, "Residual (after responses)", data.residual_cells)]],
                  colWidths=[_full() / 2 * mm] * 2, hAlign="LEFT", style=[("VALIGN", (0, 0), (-1, -1), "TOP")])
    bands = sorted(data.ctx.risk_scale.bands, key=lambda b: b.min_score)
    n = data.ctx.risk_scale.size
    legend = [(b.rating, f"{b.min_score}–{(nxt.min_score - 1) if nxt else n * n}")
              for b, nxt in zip(bands, [*bands[1:], None])]
    return [Paragraph("Risk heat maps (open risks)", H1), grids, Spacer(1, 4 * mm),
            _table(("Rating", "Score (probability × impact)"), legend, _widths(90, (1, 2)),
                   {(0, i): b.colour for i, b in enumerate(bands)})]


def _stakeholders(data: BoardPackData) -> list[Flowable]:
    by_quadrant: dict[str, list[str]] = {}
    for s in data.stakeholders:
        by_quadrant.setdefault(s["quadrant"], []).append(s["name"])

    def names(quadrant: str) -> Paragraph:
        people = by_quadrant.get(quadrant, [])
        shown = [_escape(p) for p in people[:MAX_NAMES_PER_QUADRANT]]
        more = [f"… and {len(people) - len(shown)} more"] if len(people) > len(shown) else []
        return Paragraph(f"<b>{quadrant} ({len(people)})</b><br/>" + "<br/>".join(shown + more), CELL)

    grid = Table([[Paragraph(f"<b>High power ({HIGH_FROM}–5)</b>", CELL), names(KEEP_SATISFIED), names(MANAGE_CLOSELY)],
                  [Paragraph(f"<b>Low power (1–{HIGH_FROM - 1})</b>", CELL), names(MONITOR), names(KEEP_INFORMED)],
                  ["", Paragraph(f"<b>Low interest (1–{HIGH_FROM - 1})</b>", CELL),
                   Paragraph(f"<b>High interest ({HIGH_FROM}–5)</b>", CELL)]],
                 colWidths=[32 * mm, 90 * mm, 90 * mm],
                 style=[("GRID", (1, 0), (2, 1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BACKGROUND", (1, 0), (1, 0), _colour(QUADRANT_COLOURS[KEEP_SATISFIED])),
                        ("BACKGROUND", (2, 0), (2, 0), _colour(QUADRANT_COLOURS[MANAGE_CLOSELY])),
                        ("BACKGROUND", (1, 1), (1, 1), _colour(QUADRANT_COLOURS[MONITOR])),
                        ("BACKGROUND", (2, 1), (2, 1), _colour(QUADRANT_COLOURS[KEEP_INFORMED]))])
    ordered = sorted(data.stakeholders, key=lambda s: (-(s["power"] or 0), -(s["interest"] or 0), code_order(s["code"])))
    shown = STAKEHOLDERS.field  # an attitude or engagement nobody assessed reads "Not assessed yet"
    rows = [[s["code"], s["name"], s["organisation"], s["power"], s["interest"], s["quadrant"],
             shown("attitude").shown(s["attitude"]), shown("current_engagement").shown(s["current_engagement"]),
             shown("desired_engagement").shown(s["desired_engagement"]), s["owner"]] for s in ordered]
    listing = _listing(("ID", "Name", "Organisation", "Power", "Interest", "Quadrant", "Attitude", "Current",
                        "Desired", "Relationship owner"), rows, _widths(_full(), (6, 18, 16, 6, 7, 12, 9, 9, 9, 14)),
                       None, "stakeholders", "Stakeholders")
    unrated = not_rated_line(data.stakeholders)
    return [Paragraph("Stakeholders (power × interest)", H1), grid,
            *([Spacer(1, 2 * mm), Paragraph(_escape(unrated), CELL)] if unrated else []), CondPageBreak(50 * mm),
            Paragraph("Stakeholder register", H2), *listing]


def _benefits(data: BoardPackData) -> list[Flowable]:
    def measure(b: Record, name: str) -> Any:  # as the Benefits table reads it: money whole, as every amount
        value = b[name]
        return benefit_rules.measured_text(b, value) if value is not None else value

    reading = benefit_rules.planned_reading(data.benefits)  # the column's decimals, decided once, as the table's

    def planned(b: Record) -> Any:
        value = b["planned_now"]
        return reading(b, value) if value is not None else value

    rows = [[b["code"], b["title"], b["category"], b["owner"], b["unit"], measure(b, "baseline_value"),
             measure(b, "target_value"), b["target_date"], planned(b), measure(b, "latest_actual"),
             b["status_rag"]] for b in data.benefits]
    fills = {(10, i): benefit_rules.STATUS_COLOURS.get(b["status_rag"]) for i, b in enumerate(data.benefits)}
    out: list[Flowable] = [Paragraph("Benefits", H1), *_listing(
        ("ID", "Benefit", "Category", "Owner", "Unit", "Baseline", "Target", "Target date", "Planned today",
         "Latest actual", "Status"), rows, _widths(_full(), (6, 26, 14, 13, 9, 8, 8, 10, 9, 9, 10)), fills,
        "benefits", "Benefits")]
    if not_a_number := not_a_number_line(data.benefits):
        out.append(Paragraph(_escape(not_a_number), NOTE))
    for r in data.rollups:
        if r.periods and not r.plottable:  # a baseline of 1e308: its axis overflows, the whole PDF was refused
            unit = f" ({r.unit})" if r.unit else ""
            out.append(Paragraph(_escape(f"Financial benefits{unit}, cumulative planned vs realized: {NOT_PLOTTED}."),
                                 NOTE))
        elif r.periods:
            out += [CondPageBreak(75 * mm), Spacer(1, 4 * mm), _rollup_chart(r)]
    return out


def _communications(data: BoardPackData) -> list[Flowable]:
    rows = [[c["code"], c["message"], c["stakeholder"], c["channel"], c["frequency"], c["owner"], c["last_held"],
             c["next_due"], comm_overdue(c)] for c in data.comms_due]
    body = (_listing(("ID", "What", "Stakeholder", "Channel", "Frequency", "Owner", "Last held", "Next due",
                      COMMS_OVERDUE),
                     rows, _widths(_full(), (6, 30, 16, 10, 9, 13, 9, 9, 7)),
                     {(8, i): "#F4C7C3" for i, c in enumerate(data.comms_due) if c["overdue"]},
                     "communications due", "Stakeholders")
            if rows else [Paragraph(NOTHING_DUE, BODY)])
    return [Paragraph(comms_heading(data), H1), *body]


def _since(data: BoardPackData) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Since the last board", H1), Paragraph(_escape(since_intro(data)), BODY),
                           Spacer(1, 3 * mm)]
    rows = since_rows(data)
    if rows:
        out += _listing(SINCE_HEADERS, rows, _widths(_full(), (13, 15, 7, 32, 25, 10)), None, "changes", None)
    return out


SECTIONS: tuple[Callable[[BoardPackData], list[Flowable]], ...] = (
    _summary, _project_status, _since, _top_risks, _heat_map, _stakeholders, _benefits, _communications)


# ------------------------------------------------------------------------------------- pages
def _numbered_canvas(data: BoardPackData, classification: str) -> type[Canvas]:
    """A canvas that knows the page count when it writes each page's header and footer."""

    class PackCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type information
        unprinted: set[str] = set()  # the letters no font printed, complete when the pages are decorated

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = _PAGE.get()
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.HexColor("#404040"))
            label = classification.upper()
            # the program's name shortened to the room left of the classification: a long one ran under
            # it and past the page's edge
            room = width - 2 * MARGIN - pdf_fonts.width(label, "Helvetica", 8) - 6 * mm
            # an English line around the program's name: read from the left, a Hebrew name first or not
            self._runs(MARGIN, height - 9 * mm, _fitted(data.title, f" — board pack as at {_text(data.today)}", room),
                       left_to_right=True)
            self._runs(width - MARGIN - pdf_fonts.width(label, "Helvetica", 8), height - 9 * mm, label)
            self.drawCentredString(width / 2, 7 * mm, f"Page {number} of {total}")
            if self.unprinted:  # said where the boxes are seen: on paper
                self.setFont("Helvetica", 7)
                self.drawString(MARGIN, 10.5 * mm, _boxes_note(self.unprinted))  # between the body and the footer
                self.setFont("Helvetica", 8)
            self.drawRightString(width - MARGIN, 7 * mm, APP_NAME)

        def _runs(self, x: float, y: float, text: str, left_to_right: bool = False) -> None:
            """``text`` at (x, y) in Helvetica 8, each run of letters it lacks in a font that has them."""
            for font, part in pdf_fonts.runs(text, left_to_right):
                self.setFont(font or "Helvetica", 8)
                self.drawString(x, y, part)
                x += pdf_fonts.width(part, font or "Helvetica", 8)

    return PackCanvas


def _boxes_note(letters: set[str]) -> str:
    """A page's footnote on the letters printed as boxes: whose, and what to do (the boxes alone said nothing)."""
    kinds: dict[str, None] = {}
    for ch in sorted(letters):
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH")):
            kinds["Chinese, Japanese or Korean letters"] = None
        elif ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So":
            kinds["emoji"] = None
        else:
            kinds[f"{name.split(' ')[0].title() or 'other'} letters"] = None
    which = list(kinds)
    said = which[0] if len(which) == 1 else ", ".join(which[:-1]) + " and " + which[-1]
    return (f"Printed as boxes: {said} — no font on this computer has them; install one that does (such as Noto "
            "Sans) and write the pack again.")


def _fitted(name: str, tail: str, room: float) -> str:
    """``name + tail`` in Helvetica 8, the name shortened with "…" to fit ``room`` points."""
    if pdf_fonts.width(name + tail, "Helvetica", 8) <= room:
        return name + tail
    low, high = 0, len(name)  # the longest start of the name that fits, found by halves
    while low < high:
        mid = (low + high + 1) // 2
        if pdf_fonts.width(name[:mid].rstrip() + "…" + tail, "Helvetica", 8) <= room:
            low = mid
        else:
            high = mid - 1
    return name[:low].rstrip() + "…" + tail


def write_board_pack_pdf(store: Store, out_path: str | os.PathLike[str], today: date | None = None,
                         classification: str = "Official", data: BoardPackData | None = None,
                         paper_size: str = paper.A4, progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the board pack for ``today`` as a PDF; an existing file is replaced only by a complete one.
    ``data``: what ``read_board_pack`` read already (publishing keeps it as a snapshot afterwards);
    ``paper_size``: "A4" or "Letter", landscape. ``progress(done, total)``: the story's parts laid out so
    far; ``cancelled()`` true stops the pack with ``OperationCancelled``, the file left as it was."""
    out = check_target(out_path, store.path, suffix=".pdf")
    data = data or read_board_pack(store, today)

    def stop_if_cancelled() -> None:
        if cancelled is not None and cancelled():
            raise OperationCancelled("Cancelled: the board pack was not written (any earlier one is as it was).")

    def build(file: BinaryIO) -> None:
        token = _PAGE.set(PAGES[paper.check_paper(paper_size)])
        try:
            with pdf_fonts.unprinted() as seen:
                _build(file, seen)
        finally:
            _PAGE.reset(token)

    def _build(file: BinaryIO, unprinted: set[str]) -> None:
        page = _PAGE.get()
        doc = BaseDocTemplate(file, pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
                              topMargin=MARGIN, bottomMargin=MARGIN, title=f"{data.title} — board pack",
                              author=APP_NAME, subject=f"Board pack as at {data.today.isoformat()}")
        frame = Frame(MARGIN, MARGIN, page[0] - 2 * MARGIN, page[1] - 2 * MARGIN, id="body")
        doc.addPageTemplates([PageTemplate(id="pack", frames=[frame])])
        story: list[Flowable] = []
        stop_if_cancelled()
        width, height = page[0] - 2 * MARGIN - 12, page[1] - 2 * MARGIN - 12  # the frame's room, less its padding
        for k, section in enumerate(SECTIONS):
            if k:
                story.append(Spacer(1, SECTION_GAP))
            # A section follows the one before on the same page when it fits in what is left of it, else
            # it starts a page. One longer than a page breaks across pages anyway: it begins where the one
            # before ends, where its heading and a few rows fit (its tables repeat their header row) — sent to
            # a page of its own, it left the page before nearly empty ("Since the last board", two lines, then
            # a blank page under them for an office's 20 top threats).
            flowables = section(data)
            stop_if_cancelled()
            if sum(f.wrap(width, height)[1] for f in flowables) > height:
                story += [CondPageBreak(SECTION_START), *flowables]
            else:
                story.append(KeepTogether(flowables))
        canvas = _numbered_canvas(data, classification)
        canvas.unprinted = unprinted
        # progress and Cancel while ReportLab lays the story out, part by part: the parts of the story as
        # given (a table split over pages reports when its last page is laid out)
        parts = {id(f) for f in story}
        laid_out = 0

        def after_flowable(flowable: Flowable) -> None:
            nonlocal laid_out
            if id(flowable) in parts:
                laid_out += 1
                if progress is not None:
                    progress(laid_out, len(parts))
            stop_if_cancelled()

        doc.afterFlowable = after_flowable
        doc.build(story, canvasmaker=canvas)
        if progress is not None:  # the spacers a page break swallowed are never laid out: done all the same
            progress(len(parts), len(parts))

    write_atomically(out, build)
    return out
