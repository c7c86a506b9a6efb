"""One register as one worksheet, streamed (openpyxl write-only mode) so 100,000 rows stay cheap.

Styled header (grey for calculated columns), column widths, frozen panes, an Excel table, real dates
and numbers, wrapped long text, a dropdown for every choice column and coloured ratings.
Speed: each column keeps one template cell per style and only re-binds its value, so no style
objects are created per cell; unstyled text goes in as plain values.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from typing import Any, Callable, Optional, Sequence

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ..models.fields import Context, Field, Register
from ..models.kinds import MONEY_FORMAT, FieldKind
from . import styles
from .cells import CELL_TEXT_LIMIT, ExportError, TextTooLong, clean_text, is_formula_like, needs_care
from .lists_sheet import ListsSheet

SPARE_ROWS = 1000   # dropdowns reach this far below the data, for rows users add in Excel
COMPUTED_NOTE = "Calculated by PMO Desktop from other columns. Shown for reading; ignored on import."

# What a column appends for a stored value: a styled template cell re-bound to it, or a plain value that
# openpyxl types itself (numbers and levels go in as they are, see ``_plain``).
CellOut = Cell | str | int | None
CellMaker = Callable[[Any], Any]


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


def columns_for(register: Register) -> list[Column]:
    return [Column(f.label, f.kind, f.width, f, register.name) for f in register.fields if f.exported]


def table_name(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", title.title()) or "Register"


# ------------------------------------------------------------------------------------ cell makers
def _template(ws: WriteOnlyWorksheet, number_format: str | None = None, alignment: Alignment | None = None,
              quote: bool = False) -> Cell:
    cell = WriteOnlyCell(ws)
    if number_format:
        cell.number_format = number_format
    if alignment is not None:
        cell.alignment = alignment
    if quote:
        cell.quotePrefix = True
    return cell


def _text_maker(ws: WriteOnlyWorksheet, wrap: bool) -> Callable[[Any], Cell | str | None]:
    align = styles.WRAP if wrap else None
    plain = _template(ws, alignment=align) if wrap else None
    quoted = _template(ws, alignment=align, quote=True)

    def make(value: Any) -> Cell | str | None:
        if value is None or value == "":
            return None
        text = value if isinstance(value, str) else str(value)
        if needs_care(text):
            text = clean_text(text)
            if is_formula_like(text):
                quoted.value = text
                quoted.data_type = "s"  # never a formula, whatever it starts with
                return quoted
        if plain is None:
            return text
        plain.value = text
        return plain

    return make


def _number_maker(ws: WriteOnlyWorksheet, number_format: str) -> Callable[[Any], Cell | None]:
    cell = _template(ws, number_format)

    def make(value: Any) -> Cell | None:
        if value is None:
            return None
        cell.value = value
        return cell

    return make


def _plain(value: Any) -> Any:
    return value


def _yes_no(value: object) -> str | None:
    return None if value is None else ("Yes" if value else "No")


def _computed_maker(ws: WriteOnlyWorksheet) -> CellMaker:
    """Calculated values come in several types; each goes to the cell type it deserves."""
    as_date = _number_maker(ws, styles.DATE_FORMAT)
    as_float = _number_maker(ws, MONEY_FORMAT)
    as_text = _text_maker(ws, wrap=False)

    def make(value: Any) -> CellOut:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return _yes_no(value)
        if isinstance(value, (date, datetime)):
            return as_date(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            return as_float(value)
        return as_text(value)

    return make


def cell_maker(ws: WriteOnlyWorksheet, column: Column) -> CellMaker:
    kind = column.kind
    cell = kind.excel_cell
    if cell == "number":
        assert kind.excel_number_format is not None
        return _number_maker(ws, kind.excel_number_format)
    if cell == "plain":
        return _plain
    if cell == "yes_no":
        return _yes_no
    if cell == "computed":
        return _computed_maker(ws)
    return _text_maker(ws, wrap=cell == "wrapped_text")


# ------------------------------------------------------------------------------- header and rules
def _header_cells(ws: WriteOnlyWorksheet, columns: list[Column]) -> list[Cell]:
    cells = []
    for col in columns:
        cell = WriteOnlyCell(ws, clean_text(col.header))
        cell.data_type = "s"
        cell.alignment = styles.HEADER_ALIGN
        if col.computed:
            cell.fill, cell.font = styles.COMPUTED_FILL, styles.COMPUTED_FONT
            cell.comment = Comment(COMPUTED_NOTE, "PMO Desktop", width=220, height=70)
        else:
            cell.fill, cell.font = styles.HEADER_FILL, styles.HEADER_FONT
        cells.append(cell)
    return cells


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _validation(col: Column, lists: ListsSheet, ctx: Context, refs: dict[str, list[str]]) -> DataValidation | None:
    f = col.field
    if f is None:
        return None
    drop = f.kind.dropdown(f, ctx, col.register, refs)
    if drop is None:
        return None
    if drop.values is None:  # any text, with a reminder of the choices (several at once)
        return DataValidation(type="custom", formula1="TRUE", allow_blank=True, showInputMessage=True,
                              promptTitle=_clip(f.label, 32), prompt=_clip(drop.prompt or "", 255))
    name = lists.name_for(drop.list_key, drop.list_title, drop.values)
    prompt, error, error_style = drop.prompt, drop.error, drop.error_style
    if name is None:
        return None
    dv = DataValidation(type="list", formula1=name, allow_blank=True, showErrorMessage=True,
                        errorStyle=error_style, errorTitle=_clip(f.label, 32), error=_clip(error, 225))  # Excel's limits
    if prompt:
        dv.showInputMessage = True
        dv.promptTitle = _clip(f.label, 32)
        dv.prompt = _clip(prompt, 255)
    return dv


# ------------------------------------------------------------------------------------------ sheet
def write_sheet(workbook: Workbook, spec: SheetSpec, lists: ListsSheet, ctx: Context,
                tick: Callable[[int], None] | None = None) -> None:
    """Append ``spec`` as a styled, filterable register sheet to a write-only ``workbook``."""
    ws = workbook.create_sheet(spec.title)
    ws.conditional_formatting = ConditionalFormattingList()  # write-only sheets lack one
    columns = spec.columns
    n = len(spec.rows)
    last_col = get_column_letter(len(columns))
    for j, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = max(col.width, 6) + 2
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = f"{get_column_letter(spec.freeze_cols + 1)}2"

    last_row = n + 1 + SPARE_ROWS
    for j, col in enumerate(columns, start=1):
        letter = get_column_letter(j)
        dv = _validation(col, lists, ctx, spec.refs)
        if dv is not None:
            dv.add(f"{letter}2:{letter}{last_row}")
            ws.data_validations.append(dv)
        if col.field is not None:
            for rule in styles.conditional_rules(col.field, ctx):
                ws.conditional_formatting.add(f"{letter}2:{letter}{max(n + 1, 2)}", rule)

    ref = f"A1:{last_col}{max(n + 1, 2)}"
    table = Table(displayName=table_name(spec.title), ref=ref, autoFilter=AutoFilter(ref=ref))  # filter buttons
    table.tableColumns = [TableColumn(id=j, name=clean_text(c.header)) for j, c in enumerate(columns, start=1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight15", showRowStripes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "add table columns manually": done just above
        ws.add_table(table)

    ws.append(_header_cells(ws, columns))
    makers = [cell_maker(ws, col) for col in columns]
    append = ws.append
    for i, row in enumerate(spec.rows, start=1):
        try:
            append([make(value) for make, value in zip(makers, row)])
        except TextTooLong as e:
            raise _too_long(spec, row, e) from None
        if tick is not None and i % 500 == 0:
            tick(500)
    if tick is not None:
        tick(n % 500)


def _too_long(spec: SheetSpec, row: Sequence[Any], error: TextTooLong) -> ExportError:
    where = next((c.header for c, v in zip(spec.columns, row) if isinstance(v, str) and len(v) > CELL_TEXT_LIMIT), "A cell")
    return ExportError(
        f"“{where}” of {row[0]} on the {spec.title} sheet is {error.length:,} characters, more than an Excel "
        f"cell holds ({CELL_TEXT_LIMIT:,}); shorten it and export again."
    )
