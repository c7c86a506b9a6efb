"""The look of our workbooks: header styles, number formats and the colour rules for ratings.

Colours come from the domain (risk bands per file, benefit status colours) so the workbook, the
table and the charts agree.
"""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule, Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

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
    """Black or white, whichever reads better on the background ``colour``."""
    c = hex_colour(colour)
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return "000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "FFFFFF"


def font_on(colour: str, bold: bool = False) -> Font:
    return Font(color=text_colour_on(colour), bold=bold)


def _cell_is_rule(operator: str, formula: list[str], *, fill: PatternFill | None = None,
                  font: Font | None = None) -> Rule:
    # openpyxl's stubs leave CellIsRule unannotated; it builds and returns a Rule.
    rule: Rule = CellIsRule(operator=operator, formula=formula, fill=fill, font=font)  # type: ignore[no-untyped-call]
    return rule


def conditional_rules(f: Field, ctx: Context) -> list[Rule]:
    """The exported column's conditional formats, from the colours its field declares (models/colours.py):
    a fill with readable text on it, or a coloured font."""
    if f.colours is None:
        return []
    rules = []
    for c in f.colours.conditions(ctx):
        font = font_on(c.fill, c.bold) if c.fill else Font(bold=c.bold, color=hex_colour(c.font or "000000"))
        rules.append(_cell_is_rule(c.operator, list(c.operands), fill=fill(c.fill) if c.fill else None, font=font))
    return rules
