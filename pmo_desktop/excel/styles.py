"""The look of our workbooks: header styles, number formats and the colour rules for ratings.

Colours come from the domain (risk bands per file, benefit status colours) so the workbook, the
table and the charts agree.
"""

from __future__ import annotations

from typing import Any, Callable

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..models import benefit_rules
from ..models.fields import Context, Kind

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

DATE_FORMAT = "d mmm yyyy"
# Whole numbers (levels, scores, counts) read right in Excel's General format, so they are written as
# plain values: a styled cell costs openpyxl noticeably more to write than an unstyled one.
NUMBER_FORMATS = {Kind.DATE: DATE_FORMAT, Kind.FLOAT: "#,##0.00"}


def hex_colour(colour: str) -> str:
    return colour.lstrip("#").upper()


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=hex_colour(colour))


def text_colour_on(colour: str) -> str:
    """Black or white, whichever reads better on the background ``colour``."""
    c = hex_colour(colour)
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return "000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "FFFFFF"


def font_on(colour: str, bold: bool = False) -> Font:
    return Font(color=text_colour_on(colour), bold=bold)


# The register export's looks as xlsxwriter format properties (the board pack uses the openpyxl styles above).
HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3864", "text_wrap": True, "valign": "vcenter"}
COMPUTED_HEADER = {"bold": True, "italic": True, "font_color": "#404040", "bg_color": "#BFBFBF", "text_wrap": True,
                   "valign": "vcenter"}
WRAP_TOP = {"text_wrap": True, "valign": "top"}

# A colour rule: xlsxwriter's conditional_format options, its "format" given as format properties.
ColourRule = dict[str, Any]


def _band_format(colour: str, bold: bool = False) -> dict[str, Any]:
    # fg and bg both: Excel reads a rule's solid fill from bgColor, other readers from fgColor.
    c = "#" + hex_colour(colour)
    out: dict[str, Any] = {"bg_color": c, "fg_color": c, "font_color": "#" + text_colour_on(colour)}
    if bold:
        out["bold"] = True
    return out


def _equal_rule(text: str, colour: str) -> ColourRule:
    return {"type": "cell", "criteria": "==", "value": f'"{text}"', "format": _band_format(colour)}


def rating_rules(ctx: Context) -> list[ColourRule]:
    return [_equal_rule(b.rating, b.colour) for b in ctx.risk_scale.bands]


def score_rules(ctx: Context) -> list[ColourRule]:
    bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score)
    rules: list[ColourRule] = []
    for band, nxt in zip(bands, [*bands[1:], None]):
        if nxt is None:
            rules.append({"type": "cell", "criteria": ">=", "value": band.min_score, "format": _band_format(band.colour)})
        else:
            rules.append({"type": "cell", "criteria": "between", "minimum": band.min_score,
                          "maximum": nxt.min_score - 1, "format": _band_format(band.colour)})
    return rules


def status_rules() -> list[ColourRule]:
    return [_equal_rule(status, colour) for status, colour in benefit_rules.STATUS_COLOURS.items()]


def overdue_rules() -> list[ColourRule]:
    return [{"type": "cell", "criteria": "==", "value": '"Yes"', "format": {"bold": True, "font_color": "#C62828"}}]


# Which exported columns are coloured, by (register, field).
CONDITIONAL: dict[tuple[str, str], Callable[[Context], list[ColourRule]]] = {
    ("risks", "inherent_rating"): rating_rules,
    ("risks", "residual_rating"): rating_rules,
    ("risks", "inherent_score"): score_rules,
    ("risks", "residual_score"): score_rules,
    ("benefits", "status_rag"): lambda ctx: status_rules(),
    ("communications", "overdue"): lambda ctx: overdue_rules(),
}


def conditional_rules(register: str, field: str, ctx: Context) -> list[ColourRule]:
    make = CONDITIONAL.get((register, field))
    return make(ctx) if make else []
