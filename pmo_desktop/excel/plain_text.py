"""Telling a text file from a binary one, whatever its name says, and reading its characters.

Many systems (banking, finance, HR, ticket trackers) export "Excel" files that are really text: a CSV
named .xls or .xlsx, or a web page (an HTML table) named .xls, which Excel opens with a warning. And
Excel's own "Unicode Text" is UTF-16 with a byte-order mark; some exporters (and scripts) write UTF-16
without one. A file is text here when it decodes — UTF-16 by its byte-order mark or by the zero byte every
Latin character carries on one side, else UTF-8, else Windows-1252 — and holds no control characters but
tabs and line ends; a damaged workbook or any other binary file does not pass, so it is never read as
rows of junk.
"""

from __future__ import annotations

import codecs
import re

SAMPLE = 64 * 1024  # bytes looked at to decide
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP_RE = re.compile(r"\s*<(?:!doctype\s+html|html|table|\?xml|!--)", re.IGNORECASE)


def _encodings(raw: bytes) -> tuple[str, ...]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16", "utf-8-sig", "cp1252")
    bare = _bare_utf16(raw)
    if bare:
        return (bare, "utf-8-sig", "cp1252")
    return ("utf-8-sig", "cp1252")


def _bare_utf16(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark, by its zero bytes: a header row and values in a Latin script put a
    zero beside every character, always on the same side (after it little-endian, before it big-endian),
    and UTF-8 or Windows-1252 text has none. Read as UTF-8 it was a row of NUL characters, and refused as
    "not a text CSV file". A binary file with zeros on both sides stays binary."""
    sample = raw[:4096]
    if b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_even == 0 and zeros_odd * 2 >= len(odd):
        return "utf-16-le"
    if zeros_odd == 0 and zeros_even * 2 >= len(even):
        return "utf-16-be"
    return None


def decode(raw: bytes) -> str:
    """The characters of a text file: UTF-16 by its byte-order mark, else UTF-8, else Windows-1252
    (else Latin-1, which reads any byte)."""
    for encoding in _encodings(raw):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def text_of(head: bytes) -> str | None:
    """The characters of a file starting with ``head`` (up to ``SAMPLE`` bytes) when it is text — it
    decodes strictly and holds no control characters but tabs and line ends — else None. A character
    cut at the sample's end does not count against it."""
    for cut in range(4):
        sample = head[: len(head) - cut] if cut else head
        for encoding in _encodings(sample):
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            return None if _CONTROL_RE.search(text) else text
    return None


def is_web_page(text: str) -> bool:
    """An HTML (or XML) document rather than rows of values."""
    return _MARKUP_RE.match(text.lstrip("\ufeff")) is not None


def is_xml_spreadsheet(text: str) -> bool:
    """Excel's "XML Spreadsheet 2003" (still exported as .xls by web systems): its namespace, which an HTML
    table saved by Excel ("…office:excel") does not have."""
    return "urn:schemas-microsoft-com:office:spreadsheet" in text
