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

# Two fills whose greys (as a mono laser prints them, 0–255) differ by less than this are one shade on paper.
PRINTS_ALIKE_BELOW = 30


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def grey_of(colour: str) -> float:
    """The grey (0 black – 255 white) a colour prints as in black and white: the luma printers and
    greyscale conversions use. Red and green of the same grey are one shade on a mono laser."""
    r, g, b = _rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def _luminance(colour: str) -> float:
    """WCAG relative luminance."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = _rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21; text wants at least 4.5)."""
    a, b = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def ink_on(colour: str) -> str:
    """Black or white text, whichever has the higher WCAG contrast on ``colour`` — never under 4.5:1, whatever
    the fill (a lightness cut-off put white on orange, 3:1, and in the pack on every mid-tone band)."""
    return "#000000" if contrast(colour, "#000000") >= contrast(colour, "#ffffff") else "#FFFFFF"


def seen_on(colour: str, background: str, least: float = 3.0) -> str:
    """``colour`` as a line or point on ``background``: itself if it stands out (WCAG 3:1 for graphics), else
    the same hue mixed toward black (a light page) or white (a dark one) until it does — the pale low band
    drawn as it is would vanish into a white chart."""
    if contrast(colour, background) >= least:
        return colour
    toward = 0 if _luminance(background) > 0.18 else 255
    r, g, b = _rgb(colour)
    mixed = colour
    for step in range(1, 21):
        t = step / 20
        mixed = "#{:02x}{:02x}{:02x}".format(*(round(c + (toward - c) * t) for c in (r, g, b)))
        if contrast(mixed, background) >= least:
            break
    return mixed


def prints_alike(colours: Mapping[str, str]) -> list[tuple[str, str]]:
    """The pairs of named colours (a rating → its fill) that print as nearly the same grey in black and white."""
    items = list(colours.items())
    return [(a, b) for n, (a, ca) in enumerate(items) for b, cb in items[n + 1:]
            if abs(grey_of(ca) - grey_of(cb)) < PRINTS_ALIKE_BELOW]


@dataclass(frozen=True)
class Condition:
    """One conditional format of an exported column: cells whose value is ``operator`` ``operands``
    (Excel formula text: '"High"', '5') get ``fill`` behind them or a ``font`` colour."""

    operator: Literal["equal", "between", "greaterThanOrEqual"]
    operands: tuple[str, ...]
    fill: str | None = None
    font: str | None = None
    bold: bool = False
    # Only where another cell of the row holds a value too: (field name, value) — an opportunity's rating,
    # coloured as the table colours it (``ByRiskRating``). Written first, so that it wins over the plain ones.
    row_has: tuple[str, str] | None = None


class ColourRule:
    """A column's colours. ``colour_for`` is the background a table cell gets (None: none)."""

    def colour_for(self, value: Any, ctx: Context, record: Mapping[str, Any] | None = None) -> str | None:
        """``record``: the rest of the row, for a colour that depends on another of its cells (a rating's on
        whether the risk is a threat or an opportunity)."""
        raise NotImplementedError

    def conditions(self, ctx: Context) -> list[Condition]:
        raise NotImplementedError


@dataclass(frozen=True)
class ByValue(ColourRule):
    """Each value its colour (a rating its band's colour, a status its RAG colour)."""

    palette: Callable[[Context], Mapping[str, str]]

    def colour_for(self, value: Any, ctx: Context, record: Mapping[str, Any] | None = None) -> str | None:
        return self.palette(ctx).get(value) if value else None

    def conditions(self, ctx: Context) -> list[Condition]:
        return [Condition("equal", (f'"{text}"',), fill=colour) for text, colour in self.palette(ctx).items()]


@dataclass(frozen=True)
class ByScoreBand(ColourRule):
    """A risk score coloured by the band of the file's risk scale it falls in."""

    def colour_for(self, value: Any, ctx: Context, record: Mapping[str, Any] | None = None) -> str | None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return None
        band = ctx.risk_scale.band(int(value))
        return ctx.risk_scale.band_colour(band, (record or {}).get("kind")) if band else None

    def conditions(self, ctx: Context) -> list[Condition]:
        scale = ctx.risk_scale
        bands = sorted(scale.bands, key=lambda b: b.min_score)
        out = []
        for kind in ("Opportunity", None):  # an opportunity's shades first: see Condition.row_has
            row_has = ("kind", kind) if kind else None
            for band, nxt in zip(bands, [*bands[1:], None]):
                fill = scale.band_colour(band, kind)
                if nxt is None:
                    out.append(Condition("greaterThanOrEqual", (str(band.min_score),), fill=fill, row_has=row_has))
                else:
                    out.append(Condition("between", (str(band.min_score), str(nxt.min_score - 1)), fill=fill,
                                         row_has=row_has))
        return out


@dataclass(frozen=True)
class Flag(ColourRule):
    """A yes/no that calls for attention when yes (overdue): red in the table, bold red in a workbook."""

    colour: str = FLAG_RED

    def colour_for(self, value: Any, ctx: Context, record: Mapping[str, Any] | None = None) -> str | None:
        return self.colour if value else None

    def conditions(self, ctx: Context) -> list[Condition]:
        return [Condition("equal", ('"Yes"',), font=self.colour, bold=True)]


def risk_ratings(ctx: Context) -> Mapping[str, str]:
    """The file's own risk bands: rating → colour."""
    out: dict[str, str] = {}
    for b in ctx.risk_scale.bands:
        out.setdefault(b.rating, b.colour)  # the first band of a name, as RiskScale.colour_of
    return out


@dataclass(frozen=True)
class ByRiskRating(ByValue):
    """A risk's rating in its band's colour, an opportunity's in its shade of blue (``RiskScale.colour_of``):
    the record's Threat / opportunity says which, in the table and in the exported workbook alike."""

    def colour_for(self, value: Any, ctx: Context, record: Mapping[str, Any] | None = None) -> str | None:
        return ctx.risk_scale.colour_of(value, (record or {}).get("kind")) if value else None

    def conditions(self, ctx: Context) -> list[Condition]:
        upside = [Condition("equal", (f'"{rating}"',), fill=ctx.risk_scale.colour_of(rating, "Opportunity"),
                            row_has=("kind", "Opportunity")) for rating in self.palette(ctx)]
        return upside + super().conditions(ctx)


RATING_COLOURS = ByRiskRating(risk_ratings)
SCORE_COLOURS = ByScoreBand()
OVERDUE = Flag()
