"""The look of our workbooks: header styles, number formats and the colour rules for ratings.

Colours come from the domain (risk bands per file, benefit status colours) so the workbook, the
table and the charts agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from xlsxwriter.utility import xl_col_to_name

from ..models.colours import Condition, ink_on
from ..models.fields import Context, Field
from ..models.kinds import DATE_FORMAT as DATE_FORMAT  # re-exported: the board pack's dates

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
COMPUTED_FILL = PatternFill("solid", fgColor="BFBFBF")   # grey: calculated, read-only, ignored on import
COMPUTED_FONT = Font(bold=True, italic=True, color="404040")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TITLE_FONT = Font(bold=True, size=18, color="1F3864")
SUBTITLE_FONT = Font(bold=True, size=12, color="1F3864")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)



def hex_colour(colour: str) -> str:
    return colour.lstrip("#").upper()


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=hex_colour(colour))


def text_colour_on(colour: str) -> str:
    """Black or white, whichever reads better on the background ``colour`` (WCAG contrast, ≥ 4.5:1 always)."""
    return hex_colour(ink_on("#" + hex_colour(colour)))


def font_on(colour: str, bold: bool = False) -> Font:
    return Font(color=text_colour_on(colour), bold=bold)


# The register export's looks as xlsxwriter format properties (the board pack uses the openpyxl styles above).
HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3864", "text_wrap": True, "valign": "vcenter"}
COMPUTED_HEADER = {"bold": True, "italic": True, "font_color": "#404040", "bg_color": "#BFBFBF", "text_wrap": True,
                   "valign": "vcenter"}
WRAP_TOP = {"text_wrap": True, "valign": "top"}

# A colour rule: xlsxwriter's conditional_format options, its "format" given as format properties.
ColourRule = dict[str, Any]


# xlsxwriter's criteria for the operators a colour declaration uses (models/colours.py Condition).
_CRITERIA = {"equal": "==", "greaterThanOrEqual": ">="}


def _condition_format(c: Condition) -> dict[str, Any]:
    """A fill with readable text on it, or a coloured (bold) font."""
    out: dict[str, Any] = {}
    if c.fill:
        # fg and bg both: Excel reads a rule's solid fill from bgColor, other readers from fgColor.
        colour = "#" + hex_colour(c.fill)
        out.update(bg_color=colour, fg_color=colour, font_color="#" + text_colour_on(c.fill))
    else:
        out["font_color"] = "#" + hex_colour(c.font or "000000")
    if c.bold:
        out["bold"] = True
    return out


def conditional_rules(f: Field, ctx: Context, column_of: Mapping[str, int] | None = None,
                      first_row: int = 1) -> list[ColourRule]:
    """The exported column's conditional formats, from the colours its field declares (models/colours.py),
    as xlsxwriter ``conditional_format`` options. ``column_of`` (field name → 0-based column) places a condition
    on another cell of the row (``Condition.row_has``: an opportunity's rating in its blues) as a formula on
    ``first_row`` (0-based), the range's top; without that cell in the sheet the condition is left out."""
    if f.colours is None:
        return []
    rules: list[ColourRule] = []
    for c in f.colours.conditions(ctx):
        rule: ColourRule = {"type": "cell", "format": _condition_format(c)}
        if c.row_has is not None:
            other, value = c.row_has
            if column_of is None or other not in column_of or f.name not in column_of:
                continue
            this = f"{xl_col_to_name(column_of[f.name])}{first_row + 1}"
            there = f"${xl_col_to_name(column_of[other])}{first_row + 1}"
            test = (f"AND({this}>={c.operands[0]},{this}<={c.operands[1]})" if c.operator == "between"
                    else f"{this}{_CRITERIA[c.operator]}{c.operands[0]}".replace("==", "="))
            rule = {"type": "formula", "criteria": f'=AND({there}="{value}",{test})', "format": rule["format"],
                    "stop_if_true": True}
        elif c.operator == "between":
            rule.update(criteria="between", minimum=c.operands[0], maximum=c.operands[1])
        else:
            rule.update(criteria=_CRITERIA[c.operator], value=c.operands[0])
        rules.append(rule)
    return rules
