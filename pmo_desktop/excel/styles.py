"""The look of our workbooks: header styles, number formats and the colour rules for ratings.

Colours come from the domain (risk bands per file, benefit status colours) so the workbook, the
table and the charts agree.
"""

from __future__ import annotations

from typing import Callable

from openpyxl.formatting.rule import CellIsRule, Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..models import benefit_rules
from ..models.fields import Context, Kind
from ..models.status_rules import DIMENSIONS, MILESTONE_COLOURS, RAG_COLOURS

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


def _cell_is_rule(operator: str, formula: list[str], *, fill: PatternFill | None = None,
                  font: Font | None = None) -> Rule:
    # openpyxl's stubs leave CellIsRule unannotated; it builds and returns a Rule.
    rule: Rule = CellIsRule(operator=operator, formula=formula, fill=fill, font=font)  # type: ignore[no-untyped-call]
    return rule


def _equal_rule(text: str, colour: str) -> Rule:
    return _cell_is_rule("equal", [f'"{text}"'], fill=fill(colour), font=font_on(colour))


def rating_rules(ctx: Context) -> list[Rule]:
    return [_equal_rule(b.rating, b.colour) for b in ctx.risk_scale.bands]


def score_rules(ctx: Context) -> list[Rule]:
    bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score)
    rules = []
    for band, nxt in zip(bands, [*bands[1:], None]):
        band_fill, band_font = fill(band.colour), font_on(band.colour)
        if nxt is None:
            rules.append(_cell_is_rule("greaterThanOrEqual", [str(band.min_score)], fill=band_fill, font=band_font))
        else:
            rules.append(_cell_is_rule("between", [str(band.min_score), str(nxt.min_score - 1)],
                                       fill=band_fill, font=band_font))
    return rules


def status_rules() -> list[Rule]:
    return [_equal_rule(status, colour) for status, colour in benefit_rules.STATUS_COLOURS.items()]


def rag_rules() -> list[Rule]:
    return [_equal_rule(rag, colour) for rag, colour in RAG_COLOURS.items()]


def milestone_rules() -> list[Rule]:
    return [_equal_rule(state, colour) for state, colour in MILESTONE_COLOURS.items()]


def overdue_rules() -> list[Rule]:
    return [_cell_is_rule("equal", ['"Yes"'], font=Font(bold=True, color="C62828"))]


# Which exported columns are coloured, by (register, field).
CONDITIONAL: dict[tuple[str, str], Callable[[Context], list[Rule]]] = {
    ("risks", "inherent_rating"): rating_rules,
    ("risks", "residual_rating"): rating_rules,
    ("risks", "inherent_score"): score_rules,
    ("risks", "residual_score"): score_rules,
    ("benefits", "status_rag"): lambda ctx: status_rules(),
    ("communications", "overdue"): lambda ctx: overdue_rules(),
    **{("status_reports", name): (lambda ctx: rag_rules()) for name in DIMENSIONS},
    ("milestones", "state"): lambda ctx: milestone_rules(),
}


def conditional_rules(register: str, field: str, ctx: Context) -> list[Rule]:
    make = CONDITIONAL.get((register, field))
    return make(ctx) if make else []
