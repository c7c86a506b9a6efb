"""Tab-separated text as Excel puts on (and takes from) the clipboard."""

from __future__ import annotations

import csv
import io


def to_tsv(block: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(block)
    return out.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. Excel quotes cells holding tabs or line breaks; a final line break is not a row.
    Word writes a line break made with Shift+Enter as a vertical tab (code 11) in the text it copies: a
    paste takes it as the line break it is, within its cell, where the office refuses every other control character."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'))
    return [[cell.replace("\x0b", "\n") for cell in row] if row else [""] for row in rows]
