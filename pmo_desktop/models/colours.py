"""How a column is coloured, declared once on its field (``Field.colours``) and read by the register
table and the exported workbook alike, so both show the same colours for the same values.

Qt-free and spreadsheet-free: a rule answers "what colour is this value" (the table) and describes
itself as Excel conditions (``excel/styles.py`` turns those into conditional formatting).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .fields import Context

FLAG_RED = "#c62828"


@dataclass(frozen=True)
class Condition:
    """One conditional format of an exported column: cells whose value is ``operator`` ``operands``
    (Excel formula text: '"High"', '5') get ``fill`` behind them or a ``font`` colour."""

    operator: Literal["equal", "between", "greaterThanOrEqual"]
    operands: tuple[str, ...]
    fill: str | None = None
    font: str | None = None
    bold: bool = False


class ColourRule:
    """A column's colours. ``colour_for`` is the background a table cell gets (None: none)."""

    def colour_for(self, value: Any, ctx: Context) -> str | None:
        raise NotImplementedError

    def conditions(self, ctx: Context) -> list[Condition]:
        raise NotImplementedError


@dataclass(frozen=True)
class ByValue(ColourRule):
    """Each value its colour (a rating its band's colour, a status its RAG colour)."""

    palette: Callable[[Context], Mapping[str, str]]

    def colour_for(self, value: Any, ctx: Context) -> str | None:
        return self.palette(ctx).get(value) if value else None

    def conditions(self, ctx: Context) -> list[Condition]:
        return [Condition("equal", (f'"{text}"',), fill=colour) for text, colour in self.palette(ctx).items()]


@dataclass(frozen=True)
class ByScoreBand(ColourRule):
    """A risk score coloured by the band of the file's risk scale it falls in."""

    def colour_for(self, value: Any, ctx: Context) -> str | None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return None
        band = ctx.risk_scale.band(int(value))
        return band.colour if band else None

    def conditions(self, ctx: Context) -> list[Condition]:
        bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score)
        out = []
        for band, nxt in zip(bands, [*bands[1:], None]):
            if nxt is None:
                out.append(Condition("greaterThanOrEqual", (str(band.min_score),), fill=band.colour))
            else:
                out.append(Condition("between", (str(band.min_score), str(nxt.min_score - 1)), fill=band.colour))
        return out


@dataclass(frozen=True)
class Flag(ColourRule):
    """A yes/no that calls for attention when yes (overdue): red in the table, bold red in a workbook."""

    colour: str = FLAG_RED

    def colour_for(self, value: Any, ctx: Context) -> str | None:
        return self.colour if value else None

    def conditions(self, ctx: Context) -> list[Condition]:
        return [Condition("equal", ('"Yes"',), font=self.colour, bold=True)]


def risk_ratings(ctx: Context) -> Mapping[str, str]:
    """The file's own risk bands: rating → colour."""
    out: dict[str, str] = {}
    for b in ctx.risk_scale.bands:
        out.setdefault(b.rating, b.colour)  # the first band of a name, as RiskScale.colour_of
    return out


RATING_COLOURS = ByValue(risk_ratings)
SCORE_COLOURS = ByScoreBand()
OVERDUE = Flag()
