"""Telling a text file from a binary one, whatever its name says, and reading its characters.

Many systems (banking, finance, HR, ticket trackers) export "Excel" files that are really text: a CSV
named .xls or .xlsx, or a web page (an HTML table) named .xls, which Excel opens with a warning. And
Excel's own "Unicode Text" is UTF-16 with a byte-order mark. A file is text here when it decodes —
UTF-16 by its byte-order mark, else UTF-8, else Windows-1252 — and holds no control characters but
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
    return ("utf-8-sig", "cp1252")


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
