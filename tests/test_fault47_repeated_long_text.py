"""Fault round 47: a workbook whose cells name one long text again and again — a cell of 32,760 letters in every
column of 20,000 rows, kept once among the workbook's shared strings and named by each cell (a 270 KB file), or
an OpenDocument spreadsheet's one cell repeated over 3 columns and 20,000 rows (``…-repeated``: 963 bytes).

The checks bounded the file (its size, each part's, the shared strings', the cells from A1 to the last), but not
what the cells hold once read: the reader gives each cell its own copy of the text it names, 3.9 GB here. Under a
limit of 1.5 GB on the program's memory (``ulimit -v``, a container's) it aborted — "memory allocation of 32759
bytes failed", a core dump, exit 134: in the window, the window gone with whatever was typed. Now such a sheet is
refused before it is read, naming how much text it would hold, the office untouched; a register with long texts
each written once is read as before. The command line runs as a process of its own: an abort would end the
test session."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from xlsx_factory import save, snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits, MiB
from pmo_desktop.models.store import Store

LONG = "Supplier late " * 2340  # 32,760 letters: Excel's most in a cell is 32,767
HEADERS = ["ID", "Title", "Owner", "Status", "Cause", "Notes"]
MEMORY = 1536 << 20


def named_again_and_again(path: Path, rows: int) -> Path:
    """Every cell under the header names shared string 0, the long text — as Excel itself saves a column filled
    down with one text."""
    letters = [get_column_letter(c) for c in range(1, len(HEADERS) + 1)]
    header = "".join(f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>' for c, h in zip(letters, HEADERS))
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in letters) + "</row>"
                   for r in range(2, rows + 2))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                   f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" '
                   'Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{main}" count="1" uniqueCount="1">'
                   f"<si><t>{LONG}</t></si></sst>")
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>'
                   f'<row r="1">{header}</row>{body}</sheetData></worksheet>')
    return path


def repeated_in_an_ods(path: Path, rows: int) -> Path:
    """One cell of the long text standing for 3 columns of ``rows`` rows, as LibreOffice writes a block of one value."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="Risks"><table:table-row>'
               + "".join(cell.format(h) for h in ("ID", "Title", "Cause")) + "</table:table-row>"
               f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="3" '
               f'office:value-type="string"><text:p>{LONG}</text:p></table:table-cell></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.parametrize("make, name, size", [(named_again_and_again, "risks.xlsx", "3,764"),
                                              (repeated_in_an_ods, "risks.ods", "1,875")])
def test_a_long_text_named_by_every_cell_is_refused_before_it_is_read(tmp_path: Path, make, name, size) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    book = make(tmp_path / name, rows=20_000)
    assert book.stat().st_size < 400_000
    before = hashlib.sha256(office.read_bytes()).hexdigest()
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "import", str(office), str(book), "--dry-run"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()},
                          timeout=300, preexec_fn=limited)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    said = done.stderr.strip()
    assert said.startswith(f"pmo-desktop: A sheet of “{name}” would hold {size} MB of text once read: its "), said
    assert "cells of text repeat texts of up to" in said and "more than the 256 MB" in said, said
    assert "\n" not in said
    assert hashlib.sha256(office.read_bytes()).hexdigest() == before


def test_long_texts_each_written_once_are_read_as_before(store, tmp_path: Path) -> None:
    """The bound is what the cells name, not the longest text times the cells: under a limit of 8 MB, 200 rows of a
    text of 32,760 letters each, written once (6.5 MB; 13 MB were each cell the longest), are read; the same text
    repeated in every column of 100 rows (19 MB) is not."""
    limits = Limits(max_sheet_text_bytes=8 * MiB)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Cause"])
    for i in range(1, 201):
        ws.append([f"R-{i:03}", f"Risk {i}", f"{i} {LONG}"[:32_760]])
    book = save(wb, tmp_path / "long.xlsx")
    before = snapshot(store)
    plan = plan_import(store, book, register="risks", limits=limits)
    assert plan.count("insert") == 200
    with pytest.raises(WorkbookError, match=r"would hold 19 MB of text once read.*more than the 8 MB.*refused as unsafe"):
        plan_import(store, named_again_and_again(tmp_path / "again.xlsx", rows=100), register="risks", limits=limits)
    assert snapshot(store) == before
