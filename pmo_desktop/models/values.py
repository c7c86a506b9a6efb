"""Turning what people type (in a cell, a pasted block or a spreadsheet) into typed values.

Shared by the table editors, the paste command and the Excel importer so they accept the same things.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from .errors import ValidationError

_TRUE = {"yes", "y", "true", "t", "1", "x", "✓", "on"}
_FALSE = {"no", "n", "false", "f", "0", "", "off", "-"}
_DATE_FORMATS = (
    "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y",
    "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y", "%d/%m/%y", "%Y/%m/%d", "%b %Y", "%B %Y",
)
EXCEL_EPOCH = date(1899, 12, 30)


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def parse_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_number(value, label: str) -> float | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{label}: “{value}” is not a number.")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int too large for a float
            raise ValidationError(f"{label}: “{value}” is too large a number.") from None
    else:
        number = _parse_number_text(value, label)
    if not math.isfinite(number):  # "inf", "1e309", "nan": nothing a register can store or export
        raise ValidationError(f"{label}: “{value}” is not a finite number.")
    return number


def _parse_number_text(value, label: str) -> float:
    text = str(value).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    percent = text.endswith("%")
    text = text.rstrip("%").lstrip("£$€")
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(f"{label}: “{value}” is not a number.") from None
    return number / 100 if percent else number


def parse_int(value, label: str) -> int | None:
    number = parse_number(value, label)
    if number is None:
        return None
    if not float(number).is_integer():
        raise ValidationError(f"{label}: “{value}” must be a whole number.")
    return int(number)


def parse_date(value, label: str) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # an Excel serial date
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValidationError(f"{label}: {value} is not a date.")
    text = re.sub(r"\s+", " ", str(value).strip())
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].*", text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"{label}: “{value}” is not a date (use e.g. 2026-03-31 or 31/03/2026).")


def parse_bool(value, label: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(f"{label}: “{value}” is not yes or no.")


def normalise_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive key for matching headers and choices."""
    return re.sub(r"[^a-z0-9]+", "", str(text).lower())


def split_list(value) -> list[str]:
    if is_blank(value):
        return []
    if isinstance(value, (list, tuple, set)):
        items = value
    else:
        items = re.split(r"[;\n]+", str(value))
    seen: list[str] = []
    for item in items:
        item = str(item).strip()
        if item and item not in seen:
            seen.append(item)
    return seen


def join_list(items) -> str:
    return "; ".join(items)
