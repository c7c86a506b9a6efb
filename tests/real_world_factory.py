"""Workbooks in the shapes real registers come in: .ods and .csv, 1904 dates, organisations' own words."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for ref in (merges or {}).get(title, []):
            ws.merge_cells(ref)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], delimiter: str = ",", encoding: str = "utf-8-sig") -> Path:
    import csv

    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _ods_spans(refs: list[str]) -> tuple[dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    """Merged ranges ("A2:A4") as LibreOffice writes them: spans on the first cell, the others covered."""
    from openpyxl.utils.cell import range_boundaries

    spans, covered = {}, set()
    for ref in refs:
        c1, r1, c2, r2 = range_boundaries(ref)
        spans[(r1 - 1, c1 - 1)] = (r2 - r1 + 1, c2 - c1 + 1)
        covered |= {(r - 1, c - 1) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1 - 1, c1 - 1)}
    return spans, covered


def write_ods(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None,
              excel_booleans: bool = False) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (strings, floats and booleans — or, with
    ``excel_booleans``, the =TRUE() / =FALSE() it makes of an Excel workbook's; an ``XlsError`` as the error cell
    it saves; merged ranges as spanned and covered cells; trailing empty rows as one repeated row)."""
    body = []
    for title, rows in sheets.items():
        spans, covered = _ods_spans((merges or {}).get(title, []))
        body.append(f'<table:table table:name="{escape(title)}">')
        for r, row in enumerate(rows):
            body.append("<table:table-row>")
            for c, value in enumerate(row):
                tag = "table:covered-table-cell" if (r, c) in covered else "table:table-cell"
                span = ""
                if (r, c) in spans:
                    span = (f' table:number-rows-spanned="{spans[r, c][0]}"'
                            f' table:number-columns-spanned="{spans[r, c][1]}"')
                if value is None:
                    body.append(f"<{tag}{span}/>")
                elif isinstance(value, XlsError):  # as LibreOffice saves a cell showing an error: an empty text
                    body.append(f'<{tag}{span} table:formula="of:=1/0" office:value-type="string" '
                                f'office:string-value="" calcext:value-type="error"><text:p>{escape(value)}</text:p>'
                                f"</{tag}>")
                elif isinstance(value, bool) and excel_booleans:  # as LibreOffice saves Excel's TRUE / FALSE
                    body.append(f'<{tag}{span} table:formula="of:={str(value).upper()}()" office:value-type="float" '
                                f'office:value="{int(value)}"><text:p>{str(value).upper()}</text:p></{tag}>')
                elif isinstance(value, bool):
                    body.append(f'<{tag}{span} office:value-type="boolean" office:boolean-value="{str(value).lower()}">'
                                f"<text:p>{str(value).upper()}</text:p></{tag}>")
                elif isinstance(value, (int, float)):
                    body.append(f'<{tag}{span} office:value-type="float" office:value="{value}">'
                                f"<text:p>{value}</text:p></{tag}>")
                else:
                    body.append(f'<{tag}{span} office:value-type="string"><text:p>{escape(str(value))}'
                                f"</text:p></{tag}>")
            body.append("</table:table-row>")
        body.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>')
        body.append("</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(body) + "</office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


class XlsError(str):
    """A cell showing an Excel error ("#N/A") in a workbook ``write_xls`` or ``write_ods`` writes."""


_XLS_ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24,
                    "#N/A": 0x2A}


def _biff(kind: int, body: bytes) -> bytes:
    import struct

    return struct.pack("<HH", kind, len(body)) + body


def _biff_workbook(sheets: dict[str, list[list[Any]]], formula_errors: bool) -> bytes:
    """A BIFF8 workbook stream: globals (BOF, BOUNDSHEET per sheet, EOF), then each sheet's cells as LABEL,
    NUMBER and — for ``XlsError`` cells — BOOLERR records with the error flag (or FORMULA records whose
    cached result is that error, as Excel saves a formula showing #N/A)."""
    import struct

    bof = lambda dt: _biff(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0x41, 0x06))  # noqa: E731
    bodies = []
    for rows in sheets.values():
        out = [bof(0x0010), _biff(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows), default=0), 0))]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                head = struct.pack("<HHH", r, c, 0)
                if value is None:
                    continue
                if isinstance(value, XlsError):
                    code = _XLS_ERROR_CODES[value]
                    if formula_errors:  # =NA(): result bytes 02 00 code 00 00 00 FF FF, then a token
                        result = bytes([2, 0, code, 0, 0, 0, 0xFF, 0xFF])
                        out.append(_biff(0x0006, head + result + struct.pack("<HIH", 0, 0, 2) + b"\x1c" + bytes([code])))
                    else:
                        out.append(_biff(0x0205, head + bytes([code, 1])))
                elif isinstance(value, (int, float)):
                    out.append(_biff(0x0203, head + struct.pack("<d", float(value))))
                else:
                    text = str(value)
                    out.append(_biff(0x0204, head + struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")))
        out.append(_biff(0x000A, b""))
        bodies.append(b"".join(out))
    names = list(sheets)
    bound_len = [4 + 8 + 2 * len(n) for n in names]
    offset = 20 + sum(bound_len) + 4  # BOF + BOUNDSHEETs + EOF
    globals_ = [bof(0x0005)]
    for name, body in zip(names, bodies):
        globals_.append(_biff(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name), 1) + name.encode("utf-16-le")))
        offset += len(body)
    globals_.append(_biff(0x000A, b""))
    return b"".join(globals_) + b"".join(bodies)


def write_xls(path: Path, sheets: dict[str, list[list[Any]]], formula_errors: bool = False) -> Path:
    """An old-format Excel workbook (.xls: a compound document holding a BIFF8 "Workbook" stream), as Excel
    97–2003 saves one; a stream under 4,096 bytes goes to the mini stream, as in real small files."""
    import struct

    free, end, fat_sect, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    data = _biff_workbook(sheets, formula_errors)
    mini = len(data) < 4096
    pad = lambda b, n: b + b"\x00" * (-len(b) % n)  # noqa: E731
    if mini:
        content = pad(pad(data, 64), 512)
        mini_count = -(-len(data) // 64)
        mini_fat = [i + 1 for i in range(mini_count - 1)] + [end]
        mini_fat_sector = pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat), 512).replace(b"", b"")
        mini_fat_sector = struct.pack(f"<{len(mini_fat)}I", *mini_fat) + struct.pack("<I", free) * (128 - len(mini_fat))
        first_data = 3
    else:
        content = pad(data, 512)
        first_data = 2
    data_sectors = len(content) // 512
    fat = [fat_sect, end] + ([end] if mini else [])
    fat += [first_data + i + 1 for i in range(data_sectors - 1)] + [end]
    assert len(fat) <= 128, "a test workbook fits one FAT sector"
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", no_stream, no_stream, child) + b"\x00" * 36
                + struct.pack("<III", start, size, 0))

    directory = (entry("Root Entry", 5, 1, first_data if mini else end, len(content) if mini else 0)
                 + entry("Workbook", 2, no_stream, 0 if mini else first_data, len(data))
                 + entry("", 0, no_stream, 0, 0) * 2)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2 if mini else end, 1 if mini else 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    body = struct.pack("<128I", *fat) + directory + (mini_fat_sector if mini else b"") + content
    path.write_bytes(header + body)
    return path
