"""Risk scoring: the probability × impact scale, rating bands and their colours (per file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_LEVEL_NAMES = ("Very low", "Low", "Medium", "High", "Very high")


@dataclass(frozen=True)
class Band:
    rating: str
    min_score: int   # inclusive lower bound of the band
    colour: str      # hex, used by the table, the heat map and the Excel export


# An opportunity's rating in blues, light to dark as it rises: a Critical opportunity is the best news in the
# register, and filled the threats' dark red it read as the worst (walk 41). Blue is the colour PMO heat maps give
# the upside (no red, amber or green, which say RAG); each shade's grey 40 or more from the next, as the threats'
# bands, so a black-and-white board pack tells them apart too. A file's own threat colours (File ▸ Risk scale) do
# not change these: the n-th band of the scale is drawn in the n-th shade, whatever its name.
OPPORTUNITY_SHADES = ("#e3f2fd", "#90caf9", "#42a5f5", "#1565c0")


def default_bands(size: int = 5) -> tuple[Band, ...]:
    top = size * size
    # Thresholds for 5×5: 1-4 low, 5-9 medium, 10-15 high, 16-25 critical; scaled for other sizes.
    # Colours light to dark as the rating rises, each band's grey 40 or more apart: a board pack printed in
    # black and white tells them apart. The dark green low (#2e7d32) and red critical (#c62828) were both
    # about 90 of 255 in grey — one shade on a mono laser.
    return (
        Band("Low", 1, "#c8e6c9"),
        Band("Medium", max(2, round(5 * top / 25)), "#f9a825"),
        Band("High", max(3, round(10 * top / 25)), "#ef6c00"),
        Band("Critical", max(4, round(16 * top / 25)), "#b71c1c"),
    )


@dataclass(frozen=True)
class RiskScale:
    size: int = 5
    level_names: tuple[str, ...] = DEFAULT_LEVEL_NAMES
    bands: tuple[Band, ...] = field(default_factory=default_bands)

    @classmethod
    def from_setting(cls, data: dict[str, Any] | None) -> "RiskScale":
        if not data:
            return cls()
        size = int(data.get("size", 5))
        names = tuple(data.get("level_names") or _default_names(size))
        bands = tuple(Band(b["rating"], int(b["min_score"]), b["colour"]) for b in data.get("bands", ())) or default_bands(size)
        return cls(size, names, bands)

    def to_setting(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "level_names": list(self.level_names),
            "bands": [{"rating": b.rating, "min_score": b.min_score, "colour": b.colour} for b in self.bands],
        }

    def score(self, probability: int | None, impact: int | None) -> int | None:
        if probability is None or impact is None:
            return None
        return probability * impact

    def band(self, score: int | None) -> Band | None:
        if score is None:
            return None
        chosen = None
        for b in sorted(self.bands, key=lambda b: b.min_score):
            if score >= b.min_score:
                chosen = b
        return chosen

    def rating(self, probability: int | None, impact: int | None) -> str:
        band = self.band(self.score(probability, impact))
        return band.rating if band else ""

    def colour_of(self, rating: str, kind: str | None = None) -> str | None:
        """The fill of a rating: its band's colour for a threat (or a risk of no kind), its shade of
        ``OPPORTUNITY_SHADES`` for an opportunity — the one rule every table, chart and export reads."""
        band = next((b for b in self.bands if b.rating == rating), None)
        return self.band_colour(band, kind) if band else None

    def band_colour(self, band: Band, kind: str | None = None) -> str:
        if kind != "Opportunity":
            return band.colour
        names = list(dict.fromkeys(b.rating for b in sorted(self.bands, key=lambda b: b.min_score)))
        rank = names.index(band.rating)
        # More or fewer bands than shades: spread over them, the first band the palest, the last the darkest.
        last = len(OPPORTUNITY_SHADES) - 1
        return OPPORTUNITY_SHADES[round(rank * last / max(1, len(names) - 1))]


def _default_names(size: int) -> tuple[str, ...]:
    if size == 5:
        return DEFAULT_LEVEL_NAMES
    if size == 3:
        return ("Low", "Medium", "High")
    if size == 4:
        return ("Low", "Medium", "High", "Very high")
    return tuple(str(i) for i in range(1, size + 1))


THREAT_RESPONSES = ("Avoid", "Reduce", "Transfer", "Accept")
OPPORTUNITY_RESPONSES = ("Exploit", "Enhance", "Share", "Accept")
