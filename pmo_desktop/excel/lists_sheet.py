"""The hidden "Lists" sheet: the allowed values behind every dropdown, one column per list.

Each list gets a workbook-level defined name (``lst_risks_kind``), and data validations refer to that
name: it works in every Excel version and survives users renaming or moving the register sheets.
Identical lists (Yes/No, the 1–5 scale) are written once and shared.
"""

from __future__ import annotations

from typing import Sequence

from xlsxwriter.utility import quote_sheetname, xl_col_to_name

from . import styles
from .cells import clean_text, is_formula_like
from .xlsx_book import Formats, StreamingSheet, Workbook

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

    def write(self, workbook: Workbook, formats: Formats) -> None:
        """Add the hidden sheet and define a name per column."""
        ws = workbook.add_worksheet(LISTS_TITLE, worksheet_class=StreamingSheet)
        ws.hide()
        for j, (_, _header, values) in enumerate(self._columns):
            ws.set_column(j, j, max(12, min(40, max(len(str(v)) for v in values) + 2)))
        header = formats.get(bold=True, font_color=styles.HEADER["font_color"], bg_color=styles.HEADER["bg_color"])
        quoted = formats.get(quote_prefix=True)
        for j, (_, text, _) in enumerate(self._columns):
            ws.write_string(0, j, clean_text(text), header)
        depth = max(len(values) for _, _, values in self._columns)
        for i in range(depth):  # row by row: the sheet streams
            for j, (_, _, values) in enumerate(self._columns):
                if i >= len(values):
                    continue
                value = values[i]
                if isinstance(value, str):  # a name such as "=EVIL()" stays text
                    text = clean_text(value)
                    ws.write_string(i + 1, j, text, quoted if is_formula_like(text) else None)
                else:
                    ws.write_number(i + 1, j, value)
        sheet = quote_sheetname(LISTS_TITLE)
        for j, (name, _, values) in enumerate(self._columns):
            col = xl_col_to_name(j)
            workbook.define_name(name, f"={sheet}!${col}$2:${col}${len(values) + 1}")
