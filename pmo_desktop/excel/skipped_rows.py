"""What the rows an import skips hold, for the preview to show beside the reason: a row said to be "below the
table: a legend or notes, not a record", "a note below the data" or "no values in the imported columns" was shown
by its number alone, and a user could not see what was being left out of the office without opening the workbook
at that row (walk39, walk40). A row whose cells went into a record (``RowReport.merged``) or that holds nothing is
not shown: nothing of it is left out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..models.values import day_text, whole_text
from .import_plan import Action, PlannedRow, SheetPlan
from .workbook_reader import SheetReader, column_letters

# the skipped rows of a sheet whose cells are kept, the first ones down it: a preview of 200,000 rows that skips
# most of them keeps no second copy of the sheet, and these are what a reader of the preview looks through. The
# rows are read once more from the first of them to the last (a blank row under the header: the whole sheet), 0.08 s
# of CPU more on the 2.0 s plan of a generated 50,000-row register with a blank row under its header (best of 2)
KEPT_SKIPPED_ROWS = 500


def keep_skipped_cells(reader: SheetReader, sheet: SheetPlan) -> None:
    """Keep on each row ``sheet`` skips (up to ``KEPT_SKIPPED_ROWS``) the cells it holds (``PlannedRow.raw``), read
    once more from ``reader`` before it lets the sheet go: values past the last header too."""
    if sheet.synthetic:
        return
    skipped: dict[int, list[PlannedRow]] = {}
    for planned in sheet.rows:
        report = planned.report
        if report.action is Action.SKIP and not report.merged and planned.raw is None:
            skipped.setdefault(report.row, []).append(planned)
    numbers = sorted(skipped)[:KEPT_SKIPPED_ROWS]
    if not numbers:
        return
    wanted, last = set(numbers), numbers[-1]
    width = max(len(sheet.headers), 1)
    past: dict[int, dict[int, Any]] = {}
    for number, row in reader.data_rows(numbers[0], width, past):
        if number > last:
            break
        if number not in wanted:
            continue
        cells = list(row)
        for column, value in past.pop(number, {}).items():
            cells.extend([None] * (column + 1 - len(cells)))
            cells[column] = value
        if any(cell_text(x) for x in cells):
            for planned in skipped[number]:
                planned.raw = tuple(cells)


def cell_text(value: Any) -> str:
    """A cell as its sheet shows it: a date as the office writes days, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return day_text(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, float) and value.is_integer():
        return whole_text(value)
    return " ".join(str(value).split())


def row_held(headers: list[str], raw: tuple[Any, ...] | None) -> list[tuple[str, str]]:
    """(the column's header, else its letter; the cell's text) of each filled cell of a row, left to right."""
    out = []
    for column, value in enumerate(raw or ()):
        text = cell_text(value)
        if text:
            header = " ".join(str(headers[column]).split()) if column < len(headers) and headers[column] else ""
            out.append((header or column_letters(column), text))
    return out


def what_it_holds(headers: list[str], planned: PlannedRow) -> tuple[str, str]:
    """(a line, every cell on a line of its own) of what a skipped row holds, each cell under its column's header
    (else its letter) — "The row holds: ID: Probability · Probability: 1 = rare" — for the preview's "Imported as"
    and the command line's row. Said as what the row holds, not as left out: a row going on with the record above
    ("continues the record of row 5") is skipped too, its cells in that record. Empty for a row holding nothing."""
    held = row_held(headers, planned.raw)
    if not held:
        return "", ""
    return ("The row holds: " + " · ".join(f"{label}: {text}" for label, text in held),
            "The row holds, as the workbook has it:\n" + "\n".join(f"{label}: {text}" for label, text in held))
