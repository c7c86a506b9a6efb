"""One register as one worksheet, streamed (xlsxwriter's constant-memory mode) so 100,000 rows stay cheap.

Styled header (grey for calculated columns), column widths, frozen panes, an Excel table, real dates
and numbers, wrapped long text, a dropdown for every choice column and coloured ratings.
Speed: each column gets one writer, chosen once from its kind, that puts a value straight into its cell
with a format made once for the workbook; unstyled text and numbers go in without a format.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from typing import Any, Callable, Optional, Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..models import paper
from ..models.fields import Context, Field, Register
from ..models.kinds import DATE_FORMAT, MONEY_FORMAT, FieldKind
from ..models.values import shown_as_exponent
from . import styles
from .cells import CELL_TEXT_LIMIT, EXCEL_FIRST_DAY, ExportError, TextTooLong, clean_text, is_formula_like, needs_care
from .lists_sheet import ListsSheet
from .xlsx_book import Formats, StreamingSheet, Workbook

SPARE_ROWS = 1000   # dropdowns reach this far below the data, for rows users add in Excel
COMPUTED_NOTE = "Calculated by PMO Desktop from other columns. Shown for reading; ignored on import."

# What a column does with a stored value: writes it into (row, column) of the sheet (nothing when empty).
CellWriter = Callable[[int, int, Any], Any]


@dataclass
class Column:
    header: str
    kind: FieldKind
    width: int
    field: Optional[Field] = None   # None for the parent-ID column of a child sheet
    register: str = ""              # for the colour rules and list names

    @property
    def computed(self) -> bool:
        return not self.kind.stored


@dataclass
class SheetSpec:
    title: str
    register: str
    columns: list[Column]
    rows: Sequence[Sequence[Any]]   # values in column order
    freeze_cols: int = 1
    refs: dict[str, list[str]] = dc_field(default_factory=dict)  # REF target → its names, for dropdowns
    # The records as read ((id, version, *values)), until the export stamp has fingerprinted them.
    stamp_rows: Optional[Sequence[Sequence[Any]]] = None
    paper_size: str = paper.A4  # the office's paper (the board pack's setting, else the computer's region's)


def columns_for(register: Register) -> list[Column]:
    return [Column(f.label, f.kind, f.width, f, register.name) for f in register.fields if f.exported]


def table_name(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", title.title()) or "Register"


# ------------------------------------------------------------------------------------ cell writers
def write_text(ws: Worksheet, formats: Formats, wrap: bool = False) -> CellWriter:
    """Text as a literal string: never a formula, quote-prefixed when it starts like one (see ``cells``)."""
    plain = formats.get(**styles.WRAP_TOP) if wrap else None
    quoted = formats.get(**styles.WRAP_TOP, quote_prefix=True) if wrap else formats.get(quote_prefix=True)
    put = ws.write_string

    def write(row: int, col: int, value: Any) -> Any:
        if value is None or value == "":
            return None
        text = value if value.__class__ is str else str(value)
        if needs_care(text):
            text = clean_text(text)
            if is_formula_like(text):
                return put(row, col, text, quoted)
        return put(row, col, text, plain)

    return write


def _number_writer(ws: Worksheet, number_format: Format | None) -> CellWriter:
    put = ws.write_number
    put_text = ws.write_string

    def write(row: int, col: int, value: Any) -> Any:
        if value is None:
            return None
        if value.__class__ not in (int, float) or not math.isfinite(value):
            # no number a cell can hold: infinity (9e999 in a hand-edited office, a plan worked out from 1e308),
            # text in a number column — written as the table shows it; xlsxwriter refused it and the whole export
            # failed (fault68)
            return put_text(row, col, str(value))
        # 1E+308 as the table writes it: a format grouping thousands wrote its 309 digits (fault69)
        return put(row, col, value, None if shown_as_exponent(value) else number_format)

    return write


def _date_writer(ws: Worksheet, as_date: Format) -> CellWriter:
    put = ws.write_datetime
    put_text = ws.write_string

    def write(row: int, col: int, value: Any) -> Any:
        if value is None:
            return None
        if value.__class__ is date and value < EXCEL_FIRST_DAY:
            # no date number before 1900: xlsxwriter writes 0 or a negative one, which Excel shows as ##### and
            # an import reads as no date; its ISO text reads back as the very date
            return put_text(row, col, value.isoformat())
        return put(row, col, value, as_date)

    return write


def _yes_no_writer(ws: Worksheet) -> CellWriter:
    put = ws.write_string

    def write(row: int, col: int, value: Any) -> Any:
        if value is None:
            return None
        return put(row, col, "Yes" if value else "No")

    return write


def _computed_writer(ws: Worksheet, formats: Formats) -> CellWriter:
    """Calculated values come in several types; each goes to the cell type it deserves."""
    as_date = _date_writer(ws, formats.get(num_format=DATE_FORMAT))
    as_float = _number_writer(ws, formats.get(num_format=MONEY_FORMAT))
    as_int = _number_writer(ws, None)
    as_bool = _yes_no_writer(ws)
    as_text = write_text(ws, formats)

    def write(row: int, col: int, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return as_bool(row, col, value)
        if isinstance(value, (date, datetime)):
            return as_date(row, col, value)
        if isinstance(value, int):
            return as_int(row, col, value)
        if isinstance(value, float):
            return as_float(row, col, value)
        return as_text(row, col, value)

    return write


def cell_writer(ws: Worksheet, formats: Formats, column: Column) -> CellWriter:
    kind = column.kind
    cell = kind.excel_cell
    if cell == "number":
        assert kind.excel_number_format is not None
        number_format = formats.get(num_format=kind.excel_number_format)
        if kind.excel_number_format == DATE_FORMAT:  # xlsxwriter writes a date through its own call
            return _date_writer(ws, number_format)
        return _number_writer(ws, number_format)
    if cell in ("plain", "computed"):
        # a whole number as it is; anything else stored there (or calculated), as the type it has
        return _computed_writer(ws, formats)
    if cell == "yes_no":
        return _yes_no_writer(ws)
    return write_text(ws, formats, wrap=cell == "wrapped_text")


# ------------------------------------------------------------------------------- header and rules
def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _validation(col: Column, lists: ListsSheet, ctx: Context, refs: dict[str, list[str]]) -> dict[str, Any] | None:
    """xlsxwriter's data_validation options for a column: a dropdown through the list's defined name."""
    f = col.field
    if f is None:
        return None
    drop = f.kind.dropdown(f, ctx, col.register, refs)
    if drop is None:
        return None
    if drop.values is None:  # any text, with a reminder of the choices (several at once)
        return {"validate": "custom", "value": "=TRUE", "ignore_blank": True, "show_error": False,
                "input_title": _clip(f.label, 32), "input_message": _clip(drop.prompt or "", 255)}
    name = lists.name_for(drop.list_key, drop.list_title, drop.values)
    prompt, error, error_style = drop.prompt, drop.error, drop.error_style
    if name is None:
        return None
    options: dict[str, Any] = {"validate": "list", "source": f"={name}", "ignore_blank": True, "show_error": True,
                               "error_type": error_style, "error_title": _clip(f.label, 32),
                               "error_message": _clip(error, 225),  # Excel's limits
                               "show_input": bool(prompt)}
    if prompt:
        options["input_title"] = _clip(f.label, 32)
        options["input_message"] = _clip(prompt, 255)
    return options


# ------------------------------------------------------------------------------------------ sheet
def write_sheet(workbook: Workbook, formats: Formats, spec: SheetSpec, lists: ListsSheet, ctx: Context,
                tick: Callable[[int], None] | None = None) -> None:
    """Write ``spec`` as a styled, filterable register sheet, its rows streamed in order."""
    ws = workbook.add_worksheet(spec.title, worksheet_class=StreamingSheet)
    columns = spec.columns
    n = len(spec.rows)
    last = max(n, 1)  # 0-based index of the table's last row: a header and at least one (empty) row
    for j, col in enumerate(columns):
        ws.set_column(j, j, max(col.width, 6) + 2)
    ws.set_row(0, 32)
    ws.freeze_panes(1, spec.freeze_cols)
    _print_setup(ws, spec.paper_size, sum(max(col.width, 6) + 2 for col in columns), spec.freeze_cols)
    column_of = {col.field.name: j for j, col in enumerate(columns) if col.field is not None}
    for j, col in enumerate(columns):
        options = _validation(col, lists, ctx, spec.refs)
        if options is not None:
            ws.data_validation(1, j, n + SPARE_ROWS, j, options)
        if col.field is not None:
            for rule in styles.conditional_rules(col.field, ctx, column_of):
                ws.conditional_format(1, j, last, j, {**rule, "format": formats.get(**rule["format"])})
    headers = [clean_text(c.header) for c in columns]
    ws.add_table(0, 0, last, len(columns) - 1, {  # filter buttons on every column
        "name": table_name(spec.title), "style": "Table Style Light 15", "autofilter": True,
        "columns": [{"header": h} for h in headers]})
    header, computed = formats.get(**styles.HEADER), formats.get(**styles.COMPUTED_HEADER)
    for j, (col, text) in enumerate(zip(columns, headers)):
        ws.write_string(0, j, text, computed if col.computed else header)
        if col.computed:
            ws.write_comment(0, j, COMPUTED_NOTE, {"author": "PMO Desktop", "width": 220, "height": 70})
    writers = list(enumerate(cell_writer(ws, formats, col) for col in columns))
    for i, row in enumerate(spec.rows, start=1):
        try:
            for j, write in writers:
                write(i, j, row[j])
        except TextTooLong as e:
            raise _too_long(spec, row, e) from None
        if tick is not None and i % 500 == 0:
            tick(500)
    if tick is not None:
        tick(n % 500)


# Printing: the smallest a sheet is shrunk to fit its width on the page. A register of 32 columns (the risks')
# fitted to one page wide printed at a quarter of its size, letters 3 points high; wider than this allows, it goes
# on as many pages across as keep it readable, its key columns (ID, title) repeated at the left of each.
PRINT_SCALE_MIN = 0.6
POINTS_PER_WIDTH_UNIT = 5.3  # a column width of 1 (a digit of Calibri 11) is 7 pixels, about 5.3 points
MARGIN_SIDE_INCHES = 0.4


def pages_across(width_units: float, paper_size: str) -> int:
    """How many pages wide a sheet of columns ``width_units`` wide prints, shrunk no smaller than PRINT_SCALE_MIN."""
    page_points = (11.0 if paper_size == paper.LETTER else 11.69) * 72 - 2 * MARGIN_SIDE_INCHES * 72  # landscape
    return max(1, math.ceil(width_units * POINTS_PER_WIDTH_UNIT * PRINT_SCALE_MIN / page_points))


def _print_setup(ws: Worksheet, paper_size: str, width_units: float, key_columns: int) -> None:
    """A register sheet prints as a PMO sets it up in Excel: landscape, as few pages wide as stay readable (one for
    most registers: ``pages_across``) and as many down as its rows need, the header row repeated on each page (and
    its key columns on each page across), the sheet's name and "Page 2 of 5" at the foot, no gridlines (the
    table's style draws its bands). Before, nothing was set: 15 risks printed as 75 portrait pages, a few columns
    a page and the header on the first page only. An empty register prints its header row on one page, its name
    at the foot — what the reader of the printout needs to see that it holds nothing yet (hiding the sheet would
    hide it from the one who types into it)."""
    ws.set_landscape()
    ws.set_paper(1 if paper_size == paper.LETTER else 9)  # xlsxwriter's codes: 1 Letter, 9 A4
    across = pages_across(width_units, paper_size)
    ws.fit_to_pages(across, 0)
    ws.repeat_rows(0)
    if across > 1:
        ws.repeat_columns(0, key_columns - 1)
    ws.hide_gridlines(1)  # on paper only: the screen keeps Excel's grid
    ws.set_margins(left=MARGIN_SIDE_INCHES, right=MARGIN_SIDE_INCHES, top=0.5, bottom=0.6)  # inches; the footer stands 0.3 from the edge
    ws.set_footer("&L&A&RPage &P of &N", {"margin": 0.3})
    ws.center_horizontally()


def _too_long(spec: SheetSpec, row: Sequence[Any], error: TextTooLong) -> ExportError:
    where = next((c.header for c, v in zip(spec.columns, row) if isinstance(v, str) and len(v) > CELL_TEXT_LIMIT), "A cell")
    return ExportError(
        f"“{where}” of {row[0]} on the {spec.title} sheet is {error.length:,} characters, more than an Excel "
        f"cell holds ({CELL_TEXT_LIMIT:,}); shorten it and export again."
    )
