"""The rows of an "Excel" file that is a web page or an Excel 2003 XML Spreadsheet — what Jira's, ServiceNow's and
many web systems' "Export to Excel" write, named .xls — read as Excel opens them.

A web page: its tables one under another in one sheet, as Excel shows them, an empty row between two (a tracker's
"Generated at … by …" under its issues was taken for the last issue's text going on), the text around them (a title)
each a row of one cell; a cell spanning columns or rows is a merged range holding its text in its
first cell; a line break in a cell (<br>, a paragraph) is kept; an image's alternative text stands for a cell with no
text (a tracker's issue-type icon); a table inside a cell is that cell's text. Every value is text, as a CSV's.

An XML Spreadsheet 2003: each worksheet by its name, its cells typed as the file says (numbers, dates, yes/no), a
cell's ss:Index and ss:MergeAcross/MergeDown placed as Excel places them. A document type or entity declaration is
refused before parsing (the XML parser would expand entities).
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

from .errors import WorkbookError

Merge = tuple[int, int, int, int]  # (first row, first column, last row, last column): rows 1-based, columns 0-based
Table = tuple[list[list[Any]], list[Merge]]

_SPACE_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_SKIPPED = {"script", "style", "head", "title", "noscript", "template"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "blockquote", "caption"}
_BREAK = "\x00"  # a line break the page asks for (<br>, a block's end), kept through the collapsing of its spaces


def _tidy(parts: list[str]) -> str:
    """A cell's text as a browser shows it: runs of spaces and line ends one space, the breaks asked for kept."""
    text = _SPACE_RE.sub(" ", "".join(parts))
    lines = [line.strip() for line in text.split(_BREAK)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


class _Page(HTMLParser):
    def __init__(self, max_columns: int) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Any]] = []
        self.merges: list[Merge] = []
        self.cut: set[int] = set()
        self.max_columns = max_columns
        self.depth = 0  # tables open; only the outermost one's rows and cells are the sheet's
        self.skipping = 0
        self.row: list[Any] | None = None
        self.cell: list[str] | None = None
        self.alts: list[str] = []
        self.span = (1, 1)
        self.spanned: dict[int, int] = {}  # column → rows still covered by a cell spanning rows from above
        self.outside: list[str] = []  # text around the tables, a row once its block ends

    # ------------------------------------------------------------------------------------------------ cells
    def _flush_outside(self) -> None:
        text = _tidy(self.outside)
        self.outside = []
        if text:
            self.rows.append([text])

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        text = _tidy(self.cell) or " ".join(a for a in self.alts if a)
        self.cell, self.alts = None, []
        col = len(self.row)
        while self.spanned.get(col, 0) > 0:  # a cell spanning down from a row above takes this place
            self.row.append(None)
            col += 1
        across, down = self.span
        self.row.append(text or None)
        self.row.extend([None] * (across - 1))
        number = len(self.rows) + 1
        if across > 1 or down > 1:
            self.merges.append((number, col, number + down - 1, col + across - 1))
        if down > 1:
            for c in range(col, col + across):
                self.spanned[c] = down  # counted down as each row ends, this one included

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is None:
            return
        row, self.row = self.row, None
        while self.spanned.get(len(row), 0) > 0:  # columns at the end still covered from above
            row.append(None)
        self.spanned = {c: n - 1 for c, n in self.spanned.items() if n > 1}
        if len(row) > self.max_columns:
            self.cut.update(c for c in range(self.max_columns, len(row)) if row[c] not in (None, ""))
            del row[self.max_columns:]
        self.rows.append(row)

    # ------------------------------------------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "table":
            if self.depth == 0:
                self._flush_outside()
                if self.rows and any(x is not None for x in self.rows[-1]):
                    self.rows.append([])  # tables apart, as on the page: a tracker's footer is no row of its data
            self.depth += 1
            return
        if self.depth == 0:
            if tag == "br" or tag in _BLOCKS:
                self._flush_outside()
            return
        target = self.cell
        if self.depth > 1:  # a table inside a cell: its text is the cell's
            if target is not None and tag in ("tr", "br", *_BLOCKS):
                target.append(_BREAK)
            elif target is not None and tag in ("td", "th"):
                target.append(" ")
            return
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            if self.row is None:
                self.row = []
            self._end_cell()
            values = dict(attrs)
            self.span = (_span(values.get("colspan")), _span(values.get("rowspan")))
            self.cell, self.alts = [], []
        elif target is not None:
            if tag == "br" or tag in _BLOCKS:
                target.append(_BREAK)
            elif tag == "img":
                self.alts.append((dict(attrs).get("alt") or "").strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
            return
        if self.skipping:
            return
        if tag == "table":
            if self.depth == 1:
                self._end_row()
                self.spanned = {}
            self.depth = max(self.depth - 1, 0)
            return
        if self.depth == 0:
            if tag in _BLOCKS:
                self._flush_outside()
            return
        if self.depth > 1:
            return
        if tag == "tr":
            self._end_row()
        elif tag in ("td", "th"):
            self._end_cell()
        elif self.cell is not None and tag in _BLOCKS:
            self.cell.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.depth == 0:
            self.outside.append(data)
        elif self.cell is not None:
            self.cell.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush_outside()


def _span(value: str | None) -> int:
    try:
        return min(max(int(str(value).strip()), 1), 1000)  # a span past a thousand is a page's mistake
    except ValueError:
        return 1


def html_rows(text: str, max_columns: int) -> tuple[list[list[Any]], list[Merge], set[int]]:
    """The rows of a web page as Excel lays them out (see the module), its merged ranges, and the columns past
    ``max_columns`` that held text (cut, to be said)."""
    page = _Page(max_columns)
    page.feed(text)
    page.close()
    return page.rows, page.merges, page.cut


# ---------------------------------------------------------------------------------------- XML Spreadsheet 2003
_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"
_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")  # its encoding is the bytes', which are read already
_DTD_RE = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _index(element: Any, attribute: str) -> int | None:
    raw = element.get(_SS + attribute)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _typed(kind: str, text: str) -> Any:
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            moment = dt.datetime.fromisoformat(text[:19])
        except ValueError:
            return text
        return moment.date() if moment.time() == dt.time() else moment
    if kind == "Boolean":
        return text.strip() == "1"
    return text  # String, Error (#N/A, named as in any workbook)


def xml_sheets(name: str, text: str, max_columns: int) -> tuple[dict[str, Table], dict[str, set[int]]]:
    """Each visible worksheet of an Excel 2003 XML Spreadsheet: its rows and merged ranges, by name; and the
    columns past ``max_columns`` each held values in (cut, to be said)."""
    import xml.etree.ElementTree as ET

    if _DTD_RE.search(text):
        raise WorkbookError(f"“{name}” contains XML constructs that can be used to attack a computer "
                            "(entity definitions); it was refused as unsafe.")
    try:
        root = ET.fromstring(_DECLARATION_RE.sub("", text.lstrip("\ufeff"), count=1))
    except ET.ParseError as e:
        raise WorkbookError(f"“{name}” is an Excel 2003 XML Spreadsheet that is damaged ({e}); open it in Excel, "
                            "save it as an Excel workbook (.xlsx) and import that.") from None
    sheets: dict[str, Table] = {}
    cut: dict[str, set[int]] = {}
    for number, sheet in enumerate(root.iter(_SS + "Worksheet"), start=1):
        options = sheet.find(_X + "WorksheetOptions")
        visible = options.findtext(_X + "Visible") if options is not None else None
        if visible in ("SheetHidden", "SheetVeryHidden"):
            continue
        title = sheet.get(_SS + "Name") or f"Sheet{number}"
        rows: list[list[Any]] = []
        merges: list[Merge] = []
        cut[title] = set()
        covered: set[tuple[int, int]] = set()  # cells a MergeDown from above takes
        table = sheet.find(_SS + "Table")
        for row in (table.iter(_SS + "Row") if table is not None else ()):
            at = _index(row, "Index")
            while at is not None and len(rows) < at - 1:
                rows.append([])
            rows.append([])
            here, r = rows[-1], len(rows)
            col = 0
            for cell in row.iter(_SS + "Cell"):
                at = _index(cell, "Index")
                col = at - 1 if at is not None and at - 1 >= col else col
                while (r, col) in covered:
                    col += 1
                data = cell.find(_SS + "Data")
                value = _typed(data.get(_SS + "Type") or "String", "".join(data.itertext())) if data is not None \
                    else None
                across, down = _index(cell, "MergeAcross") or 0, _index(cell, "MergeDown") or 0
                if col >= max_columns:
                    if value not in (None, ""):
                        cut[title].add(col)
                else:
                    here.extend([None] * (col - len(here)))
                    here.append(value if value != "" else None)
                if across or down:
                    merges.append((r, col, r + down, col + across))
                    covered.update((r + i, col + j) for i in range(down + 1) for j in range(across + 1) if i or j)
                col += across + 1
        sheets[title] = (rows, merges)
    if not sheets:
        raise WorkbookError(f"“{name}” is an Excel 2003 XML Spreadsheet with no worksheet to read; open it in Excel, "
                            "save it as an Excel workbook (.xlsx) and import that.")
    return sheets, cut
