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

    def colour_of(self, rating: str) -> str | None:
        return next((b.colour for b in self.bands if b.rating == rating), None)


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
