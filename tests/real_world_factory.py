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


def write_ods(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (strings and floats)."""
    body = []
    for title, rows in sheets.items():
        body.append(f'<table:table table:name="{escape(title)}">')
        for row in rows:
            body.append("<table:table-row>")
            for value in row:
                if value is None:
                    body.append("<table:table-cell/>")
                elif isinstance(value, (int, float)):
                    body.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                                f"<text:p>{value}</text:p></table:table-cell>")
                else:
                    body.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                                "</text:p></table:table-cell>")
            body.append("</table:table-row>")
        body.append("</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
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
