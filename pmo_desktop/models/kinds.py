"""Field kinds as small classes: each kind parses, shows, blanks, sorts and formats its own values.

A ``Field`` (models/fields.py) names its kind (``Kind.DATE``, ``Kind.SCALE`` …); the table, its editors,
the Excel export, the importer and the windowed queries ask the kind rather than switching on it.
``Kind.X`` are singletons, so ``f.kind is Kind.DATE`` and ``f.kind == Kind.DATE`` both hold.

Qt-free and spreadsheet-free: an Excel number format is a format string, the cell style a word that
``excel/table_sheet.py`` turns into a cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from . import values as v
from .errors import ValidationError

_LEVEL_FIRST_RE = re.compile(r"^(\d{1,2})\s*[-–:.)]\s*(?=[^\W\d_])")

if TYPE_CHECKING:
    from .fields import Context, Field

DATE_FORMAT = "d mmm yyyy"
MONEY_FORMAT = "#,##0.00"
# How an exported cell is written: a number with a format, a plain value Excel types itself (levels and
# whole numbers read right in Excel's General format, and an unstyled cell is cheaper to write), Yes/No,
# text (wrapped or not), or a calculated value of whatever type it has.
ExcelCell = Literal["number", "plain", "yes_no", "text", "wrapped_text", "computed"]


@dataclass(frozen=True)
class Dropdown:
    """A column's allowed values in a workbook (an Excel data validation), said without openpyxl.

    ``list_key`` names the list on the workbook's hidden Lists sheet (shared by columns with the same
    values); with ``values`` None the column only shows ``prompt`` and accepts any text."""

    list_key: str
    list_title: str
    values: Sequence[Any] | None
    error: str = ""
    error_style: Literal["stop", "warning", "information"] = "stop"
    prompt: str | None = None


# Excel's words for a sort of numbers and of dates (``FieldKind.sort_words``).
NUMBER_SORT = ("Smallest to Largest", "Largest to Smallest")
DATE_SORT = ("Oldest to Newest", "Newest to Oldest")


class FieldKind:
    """What one kind of field does with its values. Subclasses override what differs."""

    value: ClassVar[str] = ""            # the kind's short name ("date"), as the old enum's value
    stored: ClassVar[bool] = True         # False: calculated from other fields, never written
    editable: ClassVar[bool] = True       # a user edits it (not an ID, not a calculated column)
    is_key: ClassVar[bool] = False        # the record's human-readable ID
    is_reference: ClassVar[bool] = False  # one other record, shown by its name
    is_links: ClassVar[bool] = False      # several other records, shown as "name; name"
    free_text: ClassVar[bool] = False     # any text: nothing to check but its length (TEXT, LONGTEXT, CODE)
    one_line: ClassVar[bool] = False      # a line of text (a title, an ID): an import cuts a longer one at a word
    textual: ClassVar[bool] = False       # stored (or shown) as text: searched with LIKE, sorted ignoring case
    numeric: ClassVar[bool] = False       # a number: right-aligned, typed without thousands separators
    vocabulary: ClassVar[bool] = False    # a fixed set of values people write in words (translated on import)
    checkable: ClassVar[bool] = False     # a column's sample values can be checked against it on import
    excel_cell: ClassVar[ExcelCell] = "text"
    excel_number_format: ClassVar[str | None] = None
    hint: ClassVar[str] = ""              # what may be typed in the column (its header tooltip)
    # What a column's sort does each way, in Excel's words for its values (its Sort menu): text A to Z, numbers
    # smallest to largest, dates oldest to newest. Every column said "A → Z", a risk's score and a review date too.
    sort_words: ClassVar[tuple[str, str]] = ("A to Z", "Z to A")

    def __repr__(self) -> str:
        return f"Kind.{self.value.upper()}"

    @property
    def refers(self) -> bool:
        """Names other records (a reference or links): resolved to rows by the record layer."""
        return self.is_reference or self.is_links

    # ------------------------------------------------------------------------ parsing
    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        """The stored value for what a user typed, pasted or imported; ValidationError when refused."""
        value = self.parse_value(f, raw, ctx)
        if value is None:
            if f.required:
                raise ValidationError(f"{f.label} cannot be empty.", f.name)
            return None
        f.check_range(value)
        return value

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        raise ValidationError(f"{f.label} is calculated and cannot be edited.", f.name)

    # ------------------------------------------------------------------------ showing and comparing
    def display(self, value: Any) -> str:
        """How a table cell shows a stored value (and how the header's value filter names it)."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, float):
            return v.number_text(value)
        if isinstance(value, datetime):
            return value.isoformat(sep=" ", timespec="minutes")
        if isinstance(value, date):  # as the dialogs and the board pack write it: "3 Dec 2026"
            return v.day_text(value)
        return str(value)

    def search_text(self, value: Any) -> str:
        """What a search finds a cell by: what it shows, and a date its ISO form too (2026-12-03), as
        the windowed table's search in the database does (``windows._search_terms``)."""
        shown = self.display(value)
        if isinstance(value, date) and not isinstance(value, datetime):
            return f"{shown}\u0002{value.isoformat()}"
        return shown

    def edit_text(self, value: Any) -> str:
        """The text an editor starts from when a cell is edited as text."""
        return self.display(value)

    def stored_texts(self, shown: Iterable[str]) -> list[str]:
        """For a textual kind: the stored texts of cells shown as these (a value filter's picks in SQL)."""
        return list(shown)

    def items(self, value: Any) -> list[str]:
        """The shown values a cell holds, for a value filter (a list cell: each of its names)."""
        return [self.display(value)]

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        """A cell's tooltip: the whole text where the cell likely cuts it off."""
        return None

    def blank(self, ctx: Context) -> Any:
        """What a required field of a new blank row starts as, for the user to fill in."""
        return ""

    @staticmethod
    def is_empty(value: Any) -> bool:
        return value is None or value == ""

    @staticmethod
    def sort_key(value: Any) -> tuple[int, int, Any]:
        """Blanks last (as in Excel), numbers and dates before text, text ignoring case."""
        if value is None or value == "":
            return (1, 0, "")
        if isinstance(value, str):
            return (0, 1, value.lower())
        return (0, 0, value)

    # ------------------------------------------------------------------------ choices and hints
    def options(self, f: Field, ctx: Context) -> list[tuple[str, Any]] | None:
        """The values an editor offers as (text, value), or None when it is typed (references: the
        target's names, which only the office knows)."""
        return None

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        """What may be typed in the column, for its header tooltip."""
        return self.hint

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        """The column's dropdown in an exported workbook (``names``: each reference target's names)."""
        return None


# ---------------------------------------------------------------------------------------- text
class TextKind(FieldKind):
    value = "text"
    free_text = True
    one_line = True
    textual = True
    hint = "Text."

    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        text = v.parse_text(raw)
        if f.required and not text:
            raise ValidationError(f"{f.label} cannot be empty.", f.name)
        return f.check_length(text)

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return str(value) if value and len(str(value)) > f.width else None  # the whole text on hover


class LongTextKind(TextKind):
    """Edited in the detail editor, wrapped in Excel."""

    value = "longtext"
    one_line = False
    excel_cell = "wrapped_text"
    hint = "Longer text; the full text shows in the tooltip of each cell."

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return str(value) if value else None


class CodeKind(TextKind):
    """The human-readable ID (R-042): the natural key for import, given automatically."""

    value = "code"
    editable = False
    is_key = True
    hint = "The record's ID, given automatically; it never changes."

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return None


class PeriodKind(TextKind):
    """A reporting period: stored as a label that sorts and exchanges well ("2026-11", "2026-W46",
    "2026-Q4"), shown as people read it ("Nov 2026", "W46 2026", "Q4 2026") and typed either way
    ("Nov 2026", "november 2026", "11/2026", "Q4 2026", "Week 46 2026")."""

    value = "period"
    sort_words = DATE_SORT  # in time order (``sort_key``), as the months and quarters follow each other
    hint = "Typed as shown, or as 2026-11, 2026-W46 or 2026-Q4."

    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        if isinstance(raw, (date, datetime)):  # a date cell of a workbook: its month
            raw = f"{raw.year}-{raw.month:02d}"
        text = v.parse_text(raw)
        if f.required and not text:
            raise ValidationError(f"{f.label} cannot be empty.", f.name)
        return f.check_length(v.period_label(text) or text)  # any other text: the register's rule says why not

    def display(self, value: Any) -> str:
        return v.period_text(value) if isinstance(value, str) else super().display(value)

    def search_text(self, value: Any) -> str:
        shown = self.display(value)
        return f"{shown}\u0002{value}" if isinstance(value, str) and shown != value else shown

    def stored_texts(self, shown: Iterable[str]) -> list[str]:
        """The stored labels of texts a value filter picked ("Nov 2026" → "2026-11")."""
        return [v.period_label(text) or text for text in shown]

    @staticmethod
    def sort_key(value: Any) -> tuple[int, int, Any]:
        if value is None or value == "":
            return (1, 0, "")
        day = v.period_first_day(str(value))
        return (0, 0, day) if day is not None else (0, 1, str(value).lower())

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return None


# ---------------------------------------------------------------------------------------- numbers
class IntKind(FieldKind):
    value = "int"
    numeric = True
    sort_words = NUMBER_SORT
    checkable = True
    excel_cell: ClassVar[ExcelCell] = "plain"
    hint = "A whole number."

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        return v.parse_int(raw, f.label)

    def blank(self, ctx: Context) -> Any:
        return 0

    def edit_text(self, value: Any) -> str:
        return self.display(value).replace(",", "")


class FloatKind(IntKind):
    value = "float"
    excel_cell = "number"
    excel_number_format = MONEY_FORMAT
    hint = "A number (1,250 or 12.5% are understood)."

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        return v.parse_number(raw, f.label)

    def blank(self, ctx: Context) -> Any:
        return 0.0

    def edit_text(self, value: Any) -> str:
        return "" if value is None else v.plain_number_text(value)


def scale_from_fraction(x: float, top: int) -> int:
    """The level of a probability on a scale of `top` levels: each level an equal band, its top included
    (0–20 % → 1 and 90 % → 5 on five levels). One rule for a percentage typed into a cell and one imported."""
    return min(top, max(1, math.ceil(x * top - 1e-9)))


class ScaleKind(FieldKind):
    """1..N with level names (probability, impact, power, interest)."""

    value = "scale"
    numeric = True
    sort_words = NUMBER_SORT  # by level, 1 (Very low) first
    vocabulary = True
    checkable = True
    excel_cell = "plain"

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        if v.is_blank(raw):
            return None
        top = f.scale_max(ctx)
        names = f.scale_names(ctx)
        number: float | None
        try:
            number = v.parse_number(raw, f.label)
        except ValidationError:
            number = None
            text = v.parse_text(raw)
            # "3 - Medium" as shown in dropdowns
            head = text.split(" ", 1)[0].strip(" -–:")
            glued = _LEVEL_FIRST_RE.match(text)  # "4-Alta", "2.Low": the level's number glued to its name
            if head.isdigit():
                number = float(head)
            elif glued:
                number = float(glued.group(1))
            else:
                key = v.normalise_key(text)
                for i, name in enumerate(names, start=1):
                    initials = "".join(w[0] for w in name.split()).lower()
                    if key in (v.normalise_key(name), initials):
                        number = float(i)
                        break
            if number is None:
                raise ValidationError(
                    f"{f.label}: “{text}” is not a level (1–{top} or {', '.join(names)}).", f.name
                ) from None
        if number is None:  # a blank was returned above; parse_number gives None only for a blank
            return None
        if isinstance(raw, str) and raw.strip().endswith("%") and number <= 1:
            number = scale_from_fraction(number, top)  # "60%" likelihood on a 5-point scale → 3
        if not float(number).is_integer() or not 1 <= number <= top:
            raise ValidationError(f"{f.label} must be a level from 1 to {top} (got {raw}).", f.name)
        return int(number)

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        if value is None:
            return None
        names = f.scale_names(ctx)
        return f"{value} – {names[value - 1]}" if 0 < value <= len(names) else str(value)

    def options(self, f: Field, ctx: Context) -> list[tuple[str, Any]] | None:
        return [("", None)] + [(f"{i} – {name}", i) for i, name in enumerate(f.scale_names(ctx), start=1)]

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        names = f.scale_names(ctx)
        return (f"A level from 1 ({names[0]}) to {len(names)} ({names[-1]}); "
                "type the number or the first letters of the name.")

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        prompt = ", ".join(f"{i} = {n}" for i, n in enumerate(f.scale_names(ctx), start=1))
        return Dropdown(f"scale_{f.scale}", f"{f.scale.title()} scale", range(1, f.scale_max(ctx) + 1),
                        f"Choose a level from 1 to {f.scale_max(ctx)} ({prompt}).", prompt=prompt)


# ---------------------------------------------------------------------------------------- dates and yes/no
class DateKind(FieldKind):
    value = "date"
    sort_words = DATE_SORT
    checkable = True
    excel_cell = "number"
    excel_number_format = DATE_FORMAT

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        return v.parse_date(raw, f.label)

    def blank(self, ctx: Context) -> Any:
        return ctx.today

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        return (f"A date: type 2026-03-31, {date_example}, 31 Mar 2026 or today; "
                "Alt+Down or F4 opens a calendar.")


class BoolKind(FieldKind):
    value = "bool"
    vocabulary = True
    checkable = True
    excel_cell = "yes_no"
    hint = "Yes or No."

    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        return v.parse_bool(raw, f.label)

    def options(self, f: Field, ctx: Context) -> list[tuple[str, Any]] | None:
        return [("Yes", True), ("No", False)]

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        return Dropdown("yes_no", "Yes / No", ("Yes", "No"), "Choose Yes or No.")


# ---------------------------------------------------------------------------------------- choices
def own_choices(f: Field, ctx: Context | None) -> tuple[str, ...]:
    """The office's own further choices of a field with an open list (risk categories an import added)."""
    if ctx is None or not f.choices:
        return ()
    return tuple(ctx.extra.get("own_choices", {}).get(f.choices, ()))


class EnumKind(FieldKind):
    value = "enum"
    textual = True
    vocabulary = True
    checkable = True

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        try:
            return self.choice(f, raw)
        except ValidationError:
            own = own_choices(f, ctx)  # the office's own categories (added by an import): typed or pasted
            key = v.normalise_key(v.parse_text(raw))
            found = next((c for c in own if v.normalise_key(c) == key), None)
            if found is None:
                raise
            return found

    @staticmethod
    def choice(f: Field, raw: Any) -> str | None:
        """One of the field's choices for ``raw`` (its case, spacing and aliases forgiven), or None."""
        text = v.parse_text(raw)
        if not text or (f.unset and v.normalise_key(text) == v.normalise_key(f.unset)):
            return None  # "Not assessed yet", typed, pasted or imported as shown: left empty, as it reads
        if text in f.choices:  # the common case (dropdowns, exported workbooks): no normalising needed
            return text
        key = v.normalise_key(text)
        for choice in f.choices:
            if v.normalise_key(choice) == key:
                return choice
        for alias, choice in f.aliases.items():
            if v.normalise_key(alias) == key:
                return str(choice)
        raise ValidationError(f"{f.label}: “{text}” is not one of {', '.join(f.choices)}.", f.name)

    def options(self, f: Field, ctx: Context) -> list[tuple[str, Any]] | None:
        return [(f.unset, None)] + [(c, c) for c in (*f.choices, *own_choices(f, ctx))]

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        return "One of: " + ", ".join((*f.choices, *own_choices(f, ctx))) + ". Type the first letters to choose."

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        choices = (*f.choices, *own_choices(f, ctx))  # an exported register's own categories stay valid in Excel
        return Dropdown(f"{register}_{f.name}", f"{f.label} ({register})", choices,
                        f"Choose one of: {', '.join(choices)}.")


class MultiEnumKind(EnumKind):
    """Several choices, stored as "A; B" in the order the field lists them."""

    value = "multi"

    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        items = v.split_list(raw)
        if not any("," in c for c in f.choices):
            # Commas part the choices too, as a list is written ("Time, Cost"): typed so, it was refused as
            # "“Time, Cost” is not one of Time, Cost, Scope, …" — both named among the choices it was not one of.
            items = [part for item in items for part in v.split_list(item.replace(",", ";"))]
        picked = [self.choice(f, item) for item in items]
        return v.join_list([c for c in f.choices if c in picked])

    def options(self, f: Field, ctx: Context) -> list[tuple[str, Any]] | None:
        return None  # typed: several at once

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        return "Any of: " + ", ".join(f.choices) + ", separated by ; or , (semicolons or commas)."

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        return Dropdown("", "", None, prompt=f"Any of: {', '.join(f.choices)} — separate several with ;")


# ---------------------------------------------------------------------------------------- other records
class RefKind(FieldKind):
    """A foreign key shown as the target's name; parsed to the name, resolved to a row by records.py."""

    value = "ref"
    is_reference = True
    textual = True

    def parse_value(self, f: Field, raw: Any, ctx: Context) -> Any:
        return f.check_length(v.parse_text(raw)) or None

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return str(value) if value and len(str(value)) > f.width else None

    def describe(self, f: Field, ctx: Context, date_example: str) -> str:
        if f.ref is not None and f.ref.create_missing:
            return "A person: choose from the list or type a name (a new name is added after you confirm)."
        return "Choose from the list; a name that does not exist is refused."

    def dropdown(self, f: Field, ctx: Context, register: str, names: Mapping[str, Sequence[str]]) -> Dropdown | None:
        assert f.ref is not None  # a reference field names its target
        target = f.ref.target.__name__
        listed = (f"{target.lower()}_names", f"{target} names", names.get(target, ()))
        if f.ref.create_missing:
            return Dropdown(*listed, "Not a known name yet: importing adds this person.", "information")
        return Dropdown(*listed, f"Not a known {target.lower()}: the import will refuse this row.", "warning")


class LinksKind(FieldKind):
    """A many-to-many shown as "name; name"; parsed to a list of names."""

    value = "links"
    is_links = True
    textual = True
    hint = "Several names separated by ; (semicolons)."

    def parse(self, f: Field, raw: Any, ctx: Context) -> Any:
        return [f.check_length(name) for name in v.split_list(raw)]

    def items(self, value: Any) -> list[str]:
        return [i.strip() for i in str(value).split(";")] if value else [self.display(value)]

    def cell_tip(self, f: Field, value: Any, ctx: Context) -> str | None:
        return str(value) if value and len(str(value)) > f.width else None


# ---------------------------------------------------------------------------------------- calculated
class ComputedKind(FieldKind):
    """Derived from other fields, read-only; exported for reading, ignored on import."""

    value = "computed"
    stored = False
    editable = False
    excel_cell = "computed"
    hint = "Calculated from other columns; it cannot be edited."


class Kind:
    """The kinds by name. Each is one instance, so kinds compare by identity."""

    CODE = CodeKind()
    TEXT = TextKind()
    LONGTEXT = LongTextKind()
    INT = IntKind()
    FLOAT = FloatKind()
    SCALE = ScaleKind()
    DATE = DateKind()
    ENUM = EnumKind()
    MULTI_ENUM = MultiEnumKind()
    BOOL = BoolKind()
    REF = RefKind()
    LINKS = LinksKind()
    PERIOD = PeriodKind()
    COMPUTED = ComputedKind()
