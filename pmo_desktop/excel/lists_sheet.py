"""The hidden "Lists" sheet: the allowed values behind every dropdown, one column per list.

Each list gets a workbook-level defined name (``lst_risks_kind``), and data validations refer to that
name: it works in every Excel version and survives users renaming or moving the register sheets.
Identical lists (Yes/No, the 1–5 scale) are written once and shared.
"""

from __future__ import annotations

from typing import Sequence

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName

from .cells import put_text
from .styles import HEADER_FILL, HEADER_FONT

LISTS_TITLE = "Lists"

ListValue = str | int  # a choice, a name, or a level of a scale


class ListsSheet:
    def __init__(self) -> None:
        self._names: dict[tuple[ListValue, ...], str] = {}
        self._columns: list[tuple[str, str, tuple[ListValue, ...]]] = []  # (defined name, header, values)

    def name_for(self, key: str, header: str, values: Sequence[ListValue]) -> str | None:
        """The defined name of a list with these values (None for an empty list: no dropdown)."""
        values = tuple(values)
        if not values:
            return None
        if values in self._names:
            return self._names[values]
        name = f"lst_{key}"
        self._names[values] = name
        self._columns.append((name, header, values))
        return name

    def __bool__(self) -> bool:
        return bool(self._columns)

    def write(self, workbook: Workbook) -> None:
        """Append the hidden sheet (write-only or normal workbook) and define a name per column."""
        ws = workbook.create_sheet(LISTS_TITLE)
        ws.sheet_state = "hidden"
        for j, (_, _header, values) in enumerate(self._columns, start=1):
            ws.column_dimensions[get_column_letter(j)].width = max(12, min(40, max(len(str(v)) for v in values) + 2))
        header_cells = []
        for _, header, _ in self._columns:
            cell = WriteOnlyCell(ws)
            put_text(cell, header)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header_cells.append(cell)
        ws.append(header_cells)
        depth = max(len(values) for _, _, values in self._columns)
        for i in range(depth):
            row: list[ListValue | Cell | None] = []
            for _, _, values in self._columns:
                value: ListValue | Cell | None = values[i] if i < len(values) else None
                if isinstance(value, str):
                    cell = WriteOnlyCell(ws)
                    put_text(cell, value)
                    value = cell
                row.append(value)
            ws.append(row)
        sheet = quote_sheetname(LISTS_TITLE)
        for j, (name, _, values) in enumerate(self._columns, start=1):
            col = get_column_letter(j)
            workbook.defined_names[name] = DefinedName(name, attr_text=f"{sheet}!${col}$2:${col}${len(values) + 1}")
