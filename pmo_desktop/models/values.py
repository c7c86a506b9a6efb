"""Turning what people type (in a cell, a pasted block or a spreadsheet) into typed values.

Shared by the table editors, the paste command and the Excel importer so they accept the same things.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import ValidationError

_TRUE = {"yes", "y", "true", "t", "1", "x", "✓", "on"}
_FALSE = {"no", "n", "false", "f", "0", "", "off", "-"}
EXCEL_EPOCH = date(1899, 12, 30)


def stored_number(value: Any) -> float | None:
    """A value of a number column as sums, plans and charts read it: the number, or None for anything else — text a
    hand-edited SQLite office keeps in a REAL column (``UPDATE benefit SET baseline_value = 'abc'``), which the table
    shows as written. Read as a number it made the Benefits page and both board packs fail whole (fix54b)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def money_text(value: float) -> str:
    """An amount of money as the Benefits page and the board pack both print it: whole, grouped by thousands
    ("8,532"); the pack had printed 903.81 beside the page's 904."""
    text = _past_fifteen_digits(value) or f"{value:,.0f}"
    return "0" if text == "-0" else text  # -0.0, or less than half a unit below 0


# From here a number has more whole digits than the 15 a float (and a spreadsheet) keeps: written in full, 1e308 read
# as 309 digits, "1,097,906,362,944,…" after its first one, none of them typed (fault68).
FIFTEEN_DIGITS = 1e15
# From here it is written as a spreadsheet writes it, 1E+308: a table cell of 103 characters said nothing more.
EXPONENT_FROM = 1e21


def _past_fifteen_digits(value: float) -> str:
    """A number of 16 whole digits or more as its 15 significant digits say it — grouped by thousands and zeros
    after them ("123,456,789,012,346,000"), or from 1e21 as "1E+308"; "" for any other number."""
    if not math.isfinite(value) or abs(value) < FIFTEEN_DIGITS:
        return ""
    if abs(value) >= EXPONENT_FROM:
        return f"{value:.15g}".upper()
    return format(Decimal(f"{value:.15g}"), ",f")


def whole_text(value: float) -> str:
    """A whole number a cell holds, written as a person reads it: without its ".0", and past 15 digits by its
    15 significant digits ("1E+308", not 309 digits that were never typed)."""
    return str(int(value)) if abs(value) < 1e16 else float_text(value)


def float_text(value: float) -> str:
    """A number written as text to be read back (an import's notes, a message, a copied cell): its 15 significant
    digits, as a spreadsheet keeps them, and an exponent as a spreadsheet and the table write it, "1E+308". The
    notes, the messages and a copy wrote "1e+308" beside the table's and the board pack's "1E+308" (fault69)."""
    if not math.isfinite(value):
        return str(value)  # "inf", as the table shows it
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return f"{value:.15g}".upper()


# The Excel number format that shows an amount as ``money_text`` prints it: the cell keeps every decimal, the
# workbook pack printed 903.8 beside the PDF's 904.
MONEY_FORMAT = "#,##0"


def day_text(day: date, year: bool = True) -> str:
    """A date as people read it in the board pack and the reports: "3 Dec 2026" (Excel's "d mmm yyyy",
    ``kinds.DATE_FORMAT``, the format of the pack's date cells); "3 Dec" without its ``year``. English month
    names whatever the system's locale (``%b`` follows the locale Qt sets), as the search reads them."""
    text = f"{day.day} {_MONTH_SHOWN[day.month - 1]}"
    return f"{text} {day.year}" if year else text


_WEEKDAY_SHOWN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def reading_text(typed: str, day: date) -> str:
    """What a date typed in a cell is read as, said before it is stored: the day with its weekday ("“next Friday”
    is Friday 11 Dec 2026"). A word counted from today ("next Friday", "Friday", "tomorrow"), a day and a month
    without the year, or numbers in the locale's order each name one day by a rule (``_weekday_day``,
    ``year_left_out``) the user cannot see from the text; shown only once stored, a wrong week was found later."""
    return f"“{' '.join(typed.split())}” is {_WEEKDAY_SHOWN[day.weekday()]} {day_text(day)}"


def number_text(value: float) -> str:
    """A number as the window shows it, and so the board pack: thousands grouped, at most two decimals,
    none written that add nothing ("95", "76.24", "1,250.5")."""
    if past := _past_fifteen_digits(value):
        return past
    text = f"{value + 0.0:,.2f}"  # + 0.0: -0.0 (a hand-edited office's, a sum's) is shown 0, not "-0"
    if text in ("-0.00", "-0"):
        text = "0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain_number_text(value: float) -> str:
    """A number written whole, to be typed over or copied: every digit it keeps (15 significant, as a spreadsheet
    keeps them), no thousands separators, a decimal point — 1.2345, 1250, 0.00001. A cell shows two decimals
    (``number_text``); its editor showed them too, so F2 and Enter on 1.2345 stored 1.23."""
    text = format(Decimal(f"{value:.15g}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_format(value: float) -> str:
    """The Excel number format that shows ``value`` as ``number_text`` does: a typed 95 reads 95, not 95.0; 1e308
    as "1E+308" (a spreadsheet's General: "#,##0" wrote its 309 digits, or "#####" in a column too narrow)."""
    text = number_text(value)
    if "E" in text:
        return "General"
    decimals = len(text.partition(".")[2])
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def shown_as_exponent(value: object) -> bool:
    """``value`` is a number the table writes with an exponent ("1E+308"): a cell's number format grouping
    thousands would write its digits out instead."""
    return isinstance(value, float) and math.isfinite(value) and abs(value) >= EXPONENT_FROM


def month_text(day: date, full: bool = False) -> str:
    """The month of ``day`` as the pack and the charts name it, "Dec 2026" (``full``: "December 2026"),
    in English whatever the locale, as ``day_text``: ``%b`` and ``%B`` would say "Dez" in a German
    session of the window (Qt sets the C library's locale) and "Dec" from the command line."""
    return f"{(_MONTH_FULL if full else _MONTH_SHOWN)[day.month - 1]} {day.year}"


def moment_text(moment: datetime) -> str:
    """A time as a board snapshot is listed: "4 Dec 2026 14:05" (the day as ``day_text`` shows every date), English
    whatever the locale."""
    return f"{day_text(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_SHOWN = tuple(m.title() for m in _MONTH_ABBR)  # made once: every date cell a table paints reads it
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_SHOWN_DAY = re.compile(r"(\d{1,2}) ([A-Za-z]{3}) (\d{4})")


def shown_day(text: str) -> date | None:
    """The date a cell shows as ``text`` ("3 Dec 2026", ``day_text``; an ISO 2026-12-03 too), None
    for any other text: how a column filter's texts name dates again, no guessing."""
    m = _SHOWN_DAY.fullmatch(text)
    try:
        if m and m[2].lower() in _MONTH_ABBR:
            return date(int(m[3]), _MONTH_ABBR.index(m[2].lower()) + 1, int(m[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        return None
    return None


# A number as a cell shows it ("1,200,000", "12.50", "-3"), alone or beginning the text ("3 – Medium")
_SHOWN_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,.])")


def shown_order(text: str) -> tuple[bool, date, float, str]:
    """A sort key for texts as cells show them: dates in date order ("9 Mar" before "10 Jan" of a
    later year), numbers in number order (6, 8, 10, 12 — a score's filter listed 10, 12, 20, 6, 8, as text
    sorts), then other texts ignoring case; blank last."""
    day = shown_day(text) or shown_period(text)
    number = _SHOWN_NUMBER.match(text) if day is None else None
    return (text == "", day or date.min, float(number.group().replace(",", "")) if number else math.inf,
            text.lower())


def day_text_can_hold(text: str) -> bool:
    """Whether ``text`` (lower case) holding a letter can be part of a date as shown, "3 dec 2026":
    a piece of "dd mmm yyyy" whose letters are a month's, its digits where digits are. Such a text is
    searched in the dates' shown form; one of digits alone keeps the ISO search."""
    if not any(c.isalpha() for c in text):
        return False
    for month in _MONTH_ABBR:
        for template in (f"d {month} dddd", f"dd {month} dddd"):
            for at in range(len(template) - len(text) + 1):
                if all(c.isdigit() if t == "d" else c == t for c, t in zip(text, template[at:])):
                    return True
    return False


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def parse_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return whole_text(value)
    if isinstance(value, float) and math.isfinite(value):
        # as a spreadsheet shows it, 15 significant digits: a cell computing 7 × 1.2 holds 8.400000000000002
        # in an .xlsx, 8.4 in the .ods LibreOffice saves from it, and shows 8.4 in both
        value = float(f"{value:.15g}")
    return str(value).strip()


def parse_number(value: Any, label: str, decimal: str = "") -> float | None:
    """The number ``value`` holds. A text either separator reads as a different number ("2.500", "1,234")
    is read the English way (2.5, 1234) unless ``decimal`` is ``DECIMAL_COMMA``: then 2500 and 1.234, as the
    import reads a column (or sheet) whose other texts write decimal commas (``excel/number_order.py``)."""
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
        number = _parse_number_text(value, label, decimal)
    if not math.isfinite(number):  # "inf", "1e309", "nan": nothing a register can store or export
        raise ValidationError(f"{label}: “{value}” is not a finite number.")
    return number


_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")    # 1,250 · 1,234,567: thousands
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")  # 1.234.567: thousands, as Europe writes them
_ZERO_FIRST = re.compile(r"0+[.,]\d{3}$")  # 0,250 · 0.250: no thousands start with 0, so a decimal mark (was 250)


def _plain_decimal(text: str) -> str:
    """``text`` with its thousands separators dropped and its decimal separator a point. A comma that
    does not group thousands is a decimal comma, as most of Europe writes numbers (12,5; 1.234,56);
    when both marks appear, the last one is the decimal separator. "1,250" stays one thousand two hundred
    and fifty (the English reading). Anything else is left as it is, for float() to refuse — never read
    with the commas dropped: "12,5" is not 125."""
    sign, digits = (text[0], text[1:]) if text.startswith(("+", "-")) else ("", text)  # "" is "in" any string
    if "," in digits and "." in digits:
        point = max(",.", key=digits.rfind)
        whole, _, fraction = digits.rpartition(point)
        thousands = "." if point == "," else ","
        groups = _DOT_GROUPS if thousands == "." else _COMMA_GROUPS
        if "," in fraction or "." in fraction or not (whole.isdigit() or groups.fullmatch(whole)
                                                        or re.fullmatch(r"\d{1,3}\.\d{3}", whole)):
            return text
        return sign + whole.replace(thousands, "") + "." + fraction
    if "," in digits:
        if _COMMA_GROUPS.fullmatch(digits) and not _ZERO_FIRST.match(digits):
            return sign + digits.replace(",", "")
        return sign + digits.replace(",", ".") if digits.count(",") == 1 else text
    if _DOT_GROUPS.fullmatch(digits):
        return sign + digits.replace(".", "")
    return text


DECIMAL_POINT = "."  # 2.5 · 1,234.5: English
DECIMAL_COMMA = ","  # 2,5 · 1.234,5: most of Europe
_AMBIGUOUS = re.compile(r"[+-]?\d{1,3}[.,]\d{3}")       # 2.500 · 1,234: a different number either way
_POINT_READS = re.compile(r"(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?")   # 12.5 · 1,234.5 · 1,234,567
_COMMA_READS = re.compile(r"(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?")   # 12,5 · 1.234,5 · 1.234.567


# Marks that set a text's direction (left-to-right, right-to-left, the Arabic letter mark, embeddings, isolates):
# invisible, and written around dates and numbers by Windows in a right-to-left language (Hebrew, Arabic), copied
# with them from Excel and Outlook. Never part of a date or a number: "\u200e03/04/2026" was refused as "not a
# date", the message showing a date that looked right.
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def without_direction_marks(text: str) -> str:
    """``text`` without its invisible direction marks, and a typographic minus sign (U+2212, as Word, Numbers
    and web pages write a negative number) as the hyphen-minus a number is read with."""
    return _DIRECTION_MARKS.sub("", text).replace("\u2212", "-")


def _number_body(value: Any) -> str:
    """A number text as read: spaces (thin, non-breaking) and direction marks gone, without its % or currency sign."""
    text = without_direction_marks(str(value)).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    return text.rstrip("%").lstrip("£$€")


def decimal_mark(value: Any) -> str | None:
    """Which decimal separator a number written as text shows: ``DECIMAL_COMMA`` for one only a decimal comma
    reads (12,5; 1.234,56; 1.234.567), ``DECIMAL_POINT`` for one only a decimal point reads (12.5; 1,234.5;
    1,234,567), "" for one both read, as different numbers (2.500, 1,234), and None for anything else (12,
    a word, a real number cell: never in doubt)."""
    if value.__class__ is not str:
        return None
    text = _number_body(value)
    text = text[1:] if text[:1] in "+-" else text
    if "," not in text and "." not in text:
        return None
    if _ZERO_FIRST.match(text):  # 0,250 · 0.250: no thousands start with 0
        return DECIMAL_COMMA if "," in text else DECIMAL_POINT
    point, comma = _POINT_READS.fullmatch(text), _COMMA_READS.fullmatch(text)
    if point and comma:
        return ""
    return DECIMAL_POINT if point else DECIMAL_COMMA if comma else None


def _parse_number_text(value: Any, label: str, decimal: str = "") -> float:
    text = without_direction_marks(str(value)).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    percent = text.endswith("%")
    text = _number_body(text)
    if decimal == DECIMAL_COMMA and _AMBIGUOUS.fullmatch(text) and not _ZERO_FIRST.match(text.lstrip("+-")):
        text = text.replace(".", "") if "." in text else text.replace(",", ".")  # 2.500 → 2500 · 1,234 → 1.234
    text = _plain_decimal(text)
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(f"{label}: “{value}” is not a number.") from None
    if abs(number) >= 1e15 and math.isfinite(number):
        _whole_digits_kept(value, text, number, label)
    return number / 100 if percent else number


def _whole_digits_kept(value: Any, text: str, number: float, label: str) -> None:
    """A number typed with more whole digits than a number keeps (some 15 or 16: a spreadsheet keeps 15) is
    refused, not kept with its last digits changed: "12345678901234567" became 12,345,678,901,234,568. Digits
    after the point a number cannot hold are rounded, as for any number."""
    try:
        typed = int(Decimal(text))
    except (InvalidOperation, ValueError, OverflowError):
        return
    if typed != int(number) and Decimal(text) != Decimal(f"{number:.15g}"):
        # (a number typed as the table shows it — "1E+308", "123,456,789,012,346,000" — is one a float keeps to its
        # 15 digits: F2 and Enter on such a cell refused it, saying it "would be kept as" its 309 digits — fault69)
        kept = number_text(number) if abs(number) >= EXPONENT_FROM else f"{int(number):,}"
        raise ValidationError(f"{label}: “{value}” has more digits than a number keeps exactly (15); it would be "
                              f"kept as {kept}. Type it rounded, or keep it in a text column if it is an ID "
                              "or a reference.")


def parse_int(value: Any, label: str, decimal: str = "") -> int | None:
    number = parse_number(value, label, decimal)
    if number is None:
        return None
    if not float(number).is_integer():
        raise ValidationError(f"{label}: “{value}” must be a whole number.")
    return int(number)


DAY_FIRST = "DMY"    # 31/03/2026: the UK, Europe, most of the world
MONTH_FIRST = "MDY"  # 03/31/2026: the US

# Which way from today a date field looks, for a date typed without its year ("4 March", "3/12"): a due date, a
# review date ahead (AHEAD: the next 4 March), a raised, decided or last-held date behind (PAST: the last one, and
# a day after today refused when typed — views/register_table/date_entry.py). A field that looks neither way (a
# project's start, a milestone's baseline, a report's date) takes, typed, the NEAREST such day, within six months
# either way: what a person typing "30 Jan" in December means is next month, not eleven months back, and "30 Nov"
# is last month, not next year. Before, every such date was this year's, as Excel reads it: "4 March" typed in
# December as a risk's proximity was nine months gone. Left out ("") it is still this year's — an import's
# "14-May" takes the year the file's other dates give (excel/value_translation.py), never a guess from today.
# A look-ahead field does not jump a day just missed to next year: "3 Dec" typed on 5 Dec as a due date is two
# days overdue, not due in a year's time (it was stored 3 Dec 2027, in silence). It takes the day passed when
# that is within JUST_MISSED_DAYS and nearer than the one ahead — the nearest such day, leaning ahead: "1 Jan"
# typed in December is next year's, "15 Jun" (192 days on, 173 back) is still next year's.
DATE_AHEAD, DATE_PAST, DATE_NEAREST = "ahead", "past", "nearest"
# A day something was observed on (a benefit's measurement, its baseline, a status report): it looks back as
# DATE_PAST does — "12/3" typed in December is last March, "Friday" the last one — but a day to come typed in full is
# not refused: a measurement's is asked about (``benefit_rules.future_measurement_warning``), the others kept. Read as
# the nearer, "12/3" was next March: an actual value not yet measured, drawn three months ahead on the realization
# chart (walk39), a baseline not yet taken, a report dated ahead (edit53).
DATE_OBSERVED = "observed"
LOOKING_BACK = (DATE_PAST, DATE_OBSERVED)
JUST_MISSED_DAYS = 92  # about three months: further back, a due date typed without its year means the next one


def year_left_out(month: int, day: int, today: date, when: str = "") -> date:
    """The day and month typed without a year, in the year the field looks to: DATE_AHEAD the first such day from
    today on, or the one passed when it is nearer and within JUST_MISSED_DAYS; DATE_PAST (and DATE_OBSERVED) the last one
    up to today, DATE_NEAREST the nearer of those two (the one ahead when both
    are as near), "" this year's. ValueError for a day no year has (30 February), or that this year lacks in a
    field that looks neither way (29 February)."""
    if when in (DATE_NEAREST, DATE_AHEAD):
        ahead, behind = _next_such_day(month, day, today, 1), _next_such_day(month, day, today, -1)
        reach = 184 if when == DATE_NEAREST else JUST_MISSED_DAYS  # how far back the day passed may be
        near = ahead if (ahead - today) <= (today - behind) or (today - behind).days > reach else behind
        if when == DATE_NEAREST and abs((near - today).days) > 184:  # 29 Feb: no leap year within six months
            raise ValueError(f"29 February is not a day of {today.year}")
        return near
    return _next_such_day(month, day, today, -1 if when in LOOKING_BACK else 0)


def _next_such_day(month: int, day: int, today: date, step: int) -> date:
    """The first such day from today on (``step`` 1), the last one up to today (-1), this year's (0)."""
    year = today.year
    for _ in range(8 if step else 0):  # 29 February: on to the next (or back to the last) leap year
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and (found - today).days * step >= 0:
            return found
        year += step
    return date(today.year, month, day)


_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
# The months of the languages the import reads (French, German, Spanish, Italian, Dutch, Portuguese), whole and
# as their office software shortens them ("15 janv. 2027", "15. Okt. 2027", "15 ene. 2027"); written here without
# accents, as the words are read ("févr." → fevr, "März" → marz). Only ever a month beside a date's digits.
_FOREIGN_MONTHS = (
    ("janvier", "janv", "januar", "jaenner", "janner", "enero", "ene", "gennaio", "gen", "januari", "janeiro"),
    ("fevrier", "fevr", "fev", "februar", "febrero", "febbraio", "februari", "fevereiro"),
    ("mars", "marz", "mrz", "marzo", "maart", "mrt", "marco"),
    ("avril", "avr", "abril", "abr", "aprile"),
    ("mai", "mayo", "maggio", "mag", "mei", "maio"),
    ("juin", "juni", "junio", "giugno", "giu", "junho"),
    ("juillet", "juil", "juli", "julio", "luglio", "lug", "julho"),
    ("aout", "agosto", "ago", "augustus"),
    ("septembre", "septiembre", "setiembre", "set", "settembre", "setembro"),
    ("octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"),
    ("novembre", "noviembre", "novembro"),
    ("decembre", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro"),
)
# Russian months, named alone (nominative: "Май 2018") and in a date (genitive: "01 апреля 2018"), whole and
# shortened; "май" read as "маи", its "й" losing its mark as the accents above do
_RUSSIAN_MONTHS = (
    ("январь", "января", "янв"), ("февраль", "февраля", "фев"), ("март", "марта", "мар"),
    ("апрель", "апреля", "апр"), ("маи", "мая"), ("июнь", "июня", "июн"), ("июль", "июля", "июл"),
    ("август", "августа", "авг"), ("сентябрь", "сентября", "сен", "сент"), ("октябрь", "октября", "окт"),
    ("ноябрь", "ноября", "ноя"), ("декабрь", "декабря", "дек"),
)
for _number, _names in [*enumerate(_FOREIGN_MONTHS, start=1), *enumerate(_RUSSIAN_MONTHS, start=1)]:
    for _name in _names:
        _MONTHS.setdefault(_name, _number)
# A time of day after a date, as trackers and US spreadsheets write a moment: "22/Oct/23 10:56 AM" (Jira),
# "3/25/2026 4:05:09 PM", "Oct 22, 2023, 10:56", "2023-10-22 10:56:00.123 +02:00". Only ever after a date's own
# text, and only with its colon, so a serial number or a year is never taken for one.
_TIME_AFTER_DATE = re.compile(
    r"(?<=\w)[\s,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}))?$", re.IGNORECASE)
_DATE_FILLER_WORDS = ("de", "del")  # "15 de enero de 2027", "1 de março de 2027"
_RELATIVE = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
# A day counted from the day it was written: "tomorrow", "next week", "end of this month". Typed into the office
# it is counted from the user's today, which is the day meant (_RELATIVE); in a workbook it was counted from the
# day its author wrote it, which the workbook does not give, so an import that read it against today would move
# an old workbook's "tomorrow" to a wrong date without a word. ``parse_date(relative_words=False)`` refuses it.
_COUNTED_FROM_WRITING = re.compile(
    r"(?:today|now|tonight|yesterday|tomorrow|(?:the\s+)?day\s+(?:after|before)\s+tomorrow|"
    r"(?:(?:by|at|before)\s+)?(?:(?:the\s+)?end\s+of\s+)?(?:next|last|this|coming|following|previous)\s+"
    r"(?:day|week|fortnight|month|quarter|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:in|within)\s+(?:a|one|two|three|\d+)\s+(?:days?|weeks?|months?)|(?:a|one|two|three|\d+)\s+"
    r"(?:days?|weeks?|months?)\s+(?:ago|from\s+now|later))", re.IGNORECASE)


def counted_from_writing(text: Any) -> bool:
    """Whether a text names a day only by its distance from the day it was written ("tomorrow", "next week")."""
    return isinstance(text, str) and _COUNTED_FROM_WRITING.fullmatch(" ".join(text.split()).rstrip(".!")) is not None


def refuse_counted_from_writing(value: Any, label: str) -> None:
    """ValidationError for a day counted from the day a workbook was written (``counted_from_writing``)."""
    if counted_from_writing(value):
        raise ValidationError(f"{label}: “{value}” is not a date here: it counts from the day it was written, "
                              "which the workbook does not give; type the date, e.g. 2026-03-31.")
_SEPARATORS = r"[/.\-]"


def full_year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s
        year += 2000 if year < 30 else 1900
    return year


# A bare number is taken for a date only as Excel keeps one of a register's dates: its serial from 1 Jan 1950
# (18264) to 31 Dec 2099 (73050), as a paste of a column that lost its date format gives it, or a CSV a system
# wrote. Any other number in a date cell is refused, naming what Excel would make of it: "4" is no one's date
# (Excel's 4 Jan 1900; it was stored as 3 Jan), "2026" is a year, "1.5" a slip.
SERIAL_FIRST, SERIAL_LAST = 18264, 73050
_BARE_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def excel_day(number: float) -> date | None:
    """The day Excel shows for the serial ``number`` (its fraction, a time of day, dropped), None for one it shows
    as ##### (below 1, past 31 Dec 9999) and for 60: Excel counts a 29 Feb 1900 that never was, so its serials 1–59
    are a day later than the count from 30 Dec 1899 that is right from 61 on."""
    if not 1 <= number < 2958466 or int(number) == 60:
        return None
    return EXCEL_EPOCH + timedelta(days=int(number) + (1 if number < 60 else 0))


def _excel_shows(number: float) -> str:
    if 60 <= number < 61:
        return "29 Feb 1900, a day that never was"
    day = excel_day(number)
    return day_text(day) if day is not None else "#####"


def _bare_number_day(number: float, shown: str, label: str, order: str, in_cell: bool) -> date:
    """The day a bare number in a date cell stands for: an Excel serial of a register's dates; ValidationError
    otherwise, saying what it is (``shown`` as typed; ``in_cell``: a workbook cell's number, not a text)."""
    if SERIAL_FIRST <= number < SERIAL_LAST + 1:
        return EXCEL_EPOCH + timedelta(days=int(number))
    what = f"the cell holds the number {shown}" if in_cell else f"“{shown}” is a number"
    example = f"e.g. 2026-03-31 or {date_example(order)}"
    if not 1 <= number < 2958466:  # a negative or out-of-range serial: Excel shows such a date cell as #####
        # a day no calendar has, counted so where a column of them is said (fault71: a column of serials past
        # 9999 was said to be kept in the notes for its one "99999999" read as 9999-99-99)
        raise ImpossibleDate(f"{label}: {what}, which is no date (Excel's dates run from 1, 1 Jan 1900, to "
                              f"2958465, 31 Dec 9999; a date cell shows this one as #####); type the date in the "
                              f"cell, {example}.")
    if float(number).is_integer() and 1900 <= number <= 2200:
        year = f"the cell holds {shown}" if in_cell else f"“{shown}”"
        raise ValidationError(f"{label}: {year} is a year, not a date; type the whole date, {example}.")
    raise ValidationError(f"{label}: {what}, not a date (as a date Excel would make it {_excel_shows(number)}); "
                          f"type the date, {example} (a number is a date here only as Excel's serial of one "
                          f"from 1950 to 2099, {SERIAL_FIRST} to {SERIAL_LAST}).")


_WEEKDAYS = {name: i for i, names in enumerate(
    (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_WEEKDAY_WORDS = re.compile(r"(?:(this|coming|on|next|last|previous)\s+)?([a-z]+)")


class ImpossibleDate(ValidationError):
    """A date written as one but naming a day no calendar has (2025-02-30, month 13): an import counts them apart
    from words that are no date at all, to say why a column of them was not read as dates (fault66)."""


class AmbiguousDate(ValueError):
    """A text that names two days as readily ("next Friday" on a Tuesday): the nearer and the further."""

    def __init__(self, near: date, far: date):
        super().__init__(near, far)
        self.near, self.far = near, far


def _weekday_day(low: str, today: date, when: str) -> date | None:
    """The day a weekday typed names, counted from today, in the way the field looks: "Friday" (or "this",
    "coming", "on Friday") the coming one, the last one in a field of what has happened; "next Friday" and
    "last Friday" only where they cannot mean two days — "next Friday" on a Saturday is the coming one, but on a
    Tuesday it is said for this week's and for next week's, so it is refused naming both. None when no weekday."""
    m = _WEEKDAY_WORDS.fullmatch(low)
    if m is None or m[2] not in _WEEKDAYS:
        return None
    weekday, word = _WEEKDAYS[m[2]], m[1] or ""
    coming = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    passed = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    if word in ("next", "last", "previous"):
        near, far = (coming, coming + timedelta(days=7)) if word == "next" else (passed, passed - timedelta(days=7))
        this_week = today - timedelta(days=today.weekday())  # Monday
        if this_week <= near < this_week + timedelta(days=7):  # the nearest is in this week: "next" may mean either
            raise AmbiguousDate(near, far)
        return near
    return passed if when in LOOKING_BACK else coming


def _parse_date_text(text: str, order: str, today: date, when: str = "") -> date | None:
    """The date this text means, None when it is not a date; ValueError for an impossible one. A weekday
    ("Friday") and a month alone ("Feb": its 1st) are read only as typed (``when`` given), counted from today: a
    workbook's were counted from the day it was written, which it does not give."""
    low = text.lower()
    if low in _RELATIVE:
        return today + timedelta(days=_RELATIVE[low])
    if when and low.rstrip(".") in _MONTHS and low.rstrip(".").isalpha():  # "Feb": the 1st of the month looked to
        return year_left_out(_MONTHS[low.rstrip(".")], 1, today, when)
    if when:
        weekday = _weekday_day(" ".join(low.rstrip(".").split()), today, when)
        if weekday is not None:
            return weekday
    if re.fullmatch(r"\d{8}", text):  # 20270315
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    m = re.fullmatch(r"(\d{4})" + _SEPARATORS + r"(\d{1,2})" + _SEPARATORS + r"(\d{1,2})(?:[T ].*)?", text)
    if m:  # ISO, and 2027/03/15 or 2027.03.15: year first whatever the locale
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})(" + _SEPARATORS + r")(\d{1,2})\2(\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?", text)
    if m:  # 15/03/2027 or 03/15/2027, as the user's locale orders them
        first, second, year = int(m[1]), int(m[3]), full_year(m[4])
        day, month = (second, first) if order == MONTH_FIRST else (first, second)
        return date(year, month, day)
    # Month names: 15 Mar 2027, 15-Mar-27, Mar 15, 2027, March 2027, 15 March (this year), 15 janv. 2027
    words = [w for w in re.split(r"[\s,/.\-]+", _without_accents(low)) if w and w not in _DATE_FILLER_WORDS]
    if not 1 < len(words) <= 3:
        return None
    months = [w for w in words if w in _MONTHS]
    if len(months) != 1 or not all(w.isdigit() for w in words if w not in _MONTHS):
        return None
    month = _MONTHS[months[0]]
    numbers = [w for w in words if w.isdigit()]
    if len(numbers) == 1:
        if len(numbers[0]) == 4:      # March 2027: the first of the month
            return date(int(numbers[0]), month, 1)
        if words[0] == months[0] or words[1] == months[0]:  # 15 March / March 15: the year the field looks to
            return year_left_out(month, int(numbers[0]), today, when)
        return None
    if words[0] != months[0] and words[1] != months[0]:  # 15 Mar 2027 or Mar 15, 2027
        return None
    day_text, year_text = numbers
    if len(day_text) > 2:
        return None
    return date(full_year(year_text), month, int(day_text))


def _without_accents(text: str) -> str:
    """"févr." → "fevr.", "März" → "marz": a month's letters as typed with or without its accents."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def date_example(order: str = DAY_FIRST) -> str:
    return "03/31/2026" if order == MONTH_FIRST else "31/03/2026"


def parse_date(value: Any, label: str, order: str = DAY_FIRST, today: date | None = None,
               when: str = "", relative_words: bool = True) -> date | None:
    """A date from a cell, a paste or a workbook: a date, an Excel serial number, ISO 2026-03-31,
    31/03/2026 (or 03/31/2026 when ``order`` is MONTH_FIRST, as the user's locale says), 31 Mar 2026,
    Mar 31, 2026, March 2026, "today"; "15 March" in the year ``when`` says (``year_left_out``). Anything else
    raises ValidationError; nothing is guessed. ``relative_words=False`` (an import): "today", "tomorrow" are
    refused, as the day they count from is not known (``counted_from_writing``)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float_text(float(value))  # "1E+308" in its message, as the table writes it (fault69)
        if re.fullmatch(r"\d{8}", number):  # 20270315 as a number (a system's yyyymmdd), read as its text is
            return parse_date(number, label, order, today)
        return _bare_number_day(float(value), number, label, order, in_cell=True)
    if isinstance(value, (time, timedelta)):  # a number below 1 in a date cell, which a reader gives as a time
        raise ValidationError(f"{label}: the cell holds the time {value} with no date (a number below 1 in a date "
                              f"cell); type the date in the cell, e.g. 2026-03-31 or {date_example(order)}.")
    text = re.sub(r"\s+", " ", _DIRECTION_MARKS.sub("", str(value)).strip())
    if not relative_words:
        refuse_counted_from_writing(text, label)
    text = re.sub(r"(\d)(st|nd|rd|th|er|º|ª)(?=\W|$)", r"\1", text, flags=re.IGNORECASE)  # 15th, 1er, 1º
    if ":" in text:  # "22/Oct/23 10:56 AM": the day of a moment; the field holds a day (the test first: every
        day_alone = _TIME_AFTER_DATE.sub("", text)  # date cell of an import comes this way)
        if not day_alone.replace(".", "").isdigit():  # a serial number with a time is no one's way to write a day
            text = day_alone
    if _BARE_NUMBER.fullmatch(text) and not re.fullmatch(r"\d{8}", text):  # typed, pasted, replaced, or a CSV's: the same rule as a workbook's number
        return _bare_number_day(float(text), text, label, order, in_cell=False)
    try:
        found = _parse_date_text(text, order, today or date.today(), when)
    except AmbiguousDate as both:
        raise ValidationError(f"{label}: “{value}” could be {day_text(both.near)} or {day_text(both.far)} — type "
                              f"the day, e.g. {day_text(both.near, year=False)}.") from None
    except ValueError:  # 31/02/2026, month 13, ...
        raise ImpossibleDate(f"{label}: “{value}” is not a real date (dates are typed like "
                              f"{date_example(order)} or 2026-03-31).") from None
    if found is None:
        raise ValidationError(f"{label}: “{value}” is not a date (type e.g. 2026-03-31, {date_example(order)}, "
                              "31 Mar 2026 or today).")
    return found


def parse_bool(value: Any, label: str) -> bool:
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


# The ASCII characters that are no letter or digit: what a key drops from an ASCII text, by one translation
NOT_ALNUM_ASCII = bytes(c for c in range(128) if not chr(c).isalnum())
_NOT_KEY_RE = re.compile(r"[^a-z0-9]+")


def normalise_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive key for matching headers and choices."""
    low = str(text).lower()
    if low.isascii():  # no capitals left: every letter or digit kept, by the bytes' translation (no regex)
        return low.encode("ascii").translate(None, NOT_ALNUM_ASCII).decode("ascii")
    return _NOT_KEY_RE.sub("", low)


def split_list(value: Any) -> list[str]:
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


def join_list(items: Iterable[str]) -> str:
    return "; ".join(items)


# ---------------------------------------------------------------------------------------- reporting periods
# A status report's period is stored as a label that sorts and exchanges well ("2026-11", "2026-W46",
# "2026-Q4") and shown as people read it ("Nov 2026", "W46 2026", "Q4 2026").
_PERIOD_MONTH = re.compile(r"(\d{4})-(\d{2})")
_PERIOD_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_PERIOD_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def period_text(label: str) -> str:
    """A period label as people read it: "2026-11" → "Nov 2026", "2026-W46" → "W46 2026", "2026-Q4" →
    "Q4 2026"; any other text as it is."""
    text = label.strip()
    if (m := _PERIOD_MONTH.fullmatch(text)) and 1 <= int(m[2]) <= 12:
        return f"{_MONTH_SHOWN[int(m[2]) - 1]} {m[1]}"
    if m := _PERIOD_WEEK.fullmatch(text):
        return f"W{m[2]} {m[1]}"
    if m := _PERIOD_QUARTER.fullmatch(text):
        return f"Q{m[2]} {m[1]}"
    return label


def period_label(text: str) -> str | None:
    """The stored label of a period as typed or pasted, None when the text names no period: a month
    "2026-11", "2026/11", "11/2026", "Nov 2026", "November 2026", "Nov-26"; a week "2026-W46", "W46 2026",
    "Week 46 2026"; a quarter "2026-Q4", "Q4 2026", "Q4-2026". The label's numbers are not checked here
    (week 54 is refused by the register's rule, as before)."""
    low = text.strip().lower()
    if not low:
        return None
    words = [w for w in re.split(r"[\s,/.\-]+", low) if w]
    if len(words) == 3 and words[0] in ("week", "wk") and words[1].isdigit():  # "week 46 2026"
        words = [f"w{words[1]}", words[2]]
    if len(words) == 2 and words[0] in ("week", "wk") and re.fullmatch(r"\d{1,2}", words[1]):
        return None  # "week 46" alone: which year?
    if len(words) != 2:
        return None
    first, second = words
    for a, b in ((first, second), (second, first)):  # the year first or last
        if not re.fullmatch(r"\d{4}", a):
            continue
        year = a
        if m := re.fullmatch(r"(?:w|wk|week)(\d{1,2})", b):
            return f"{year}-W{int(m[1]):02d}"
        if m := re.fullmatch(r"q([1-4])", b):
            return f"{year}-Q{m[1]}"
        if re.fullmatch(r"\d{1,2}", b) and 1 <= int(b) <= 12:
            return f"{year}-{int(b):02d}"
        if b in _MONTHS:
            return f"{year}-{_MONTHS[b]:02d}"
        return None
    if first in _MONTHS and re.fullmatch(r"\d{2}", second):  # "Nov-26", as Excel writes mmm-yy
        return f"{full_year(second)}-{_MONTHS[first]:02d}"
    return None


def period_first_day(label: str) -> date | None:
    """The first day of a period label of any cadence; None when the label is not a period."""
    text = label.strip().upper()
    try:
        if m := _PERIOD_WEEK.fullmatch(text):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := _PERIOD_QUARTER.fullmatch(text):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := _PERIOD_MONTH.fullmatch(text):
            return date(int(m[1]), int(m[2]), 1)
    except ValueError:  # week 54, month 13
        return None
    return None


_SHOWN_PERIOD = re.compile(r"(?:[A-Z][a-z]{2}|W\d{2}|Q[1-4]) \d{4}")


def shown_period(text: str) -> date | None:
    """The first day of a period as ``period_text`` shows it ("Nov 2026", "W46 2026", "Q4 2026")."""
    if not _SHOWN_PERIOD.fullmatch(text):
        return None
    label = period_label(text)
    return period_first_day(label) if label else None


def measure_with_unit(measure: str, unit: str | None) -> str:
    """A measure and its unit as they read together, whatever the unit's form — a rate, a symbol, a
    currency, a word: "Lost sales (£k/month)", "Stock-outs (per week)", "Survey score (%)"; "in" joined
    a rate wrongly ("Stock-outs in per week"). A measure that names its unit already is left alone."""
    unit = " ".join((unit or "").split())
    if not unit or unit.lower() in measure.lower():
        return measure
    return f"{measure} ({unit})"
