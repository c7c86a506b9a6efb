"""Changing a file's risk scale (size, level names, rating bands and colours) safely.

A smaller scale would leave existing scores off the grid, so it is refused until those risks are
rescored; every other mistake (overlapping bands, a missing level name, a bad colour) is refused with
a sentence that says what to fix.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .colours import prints_alike
from .errors import ValidationError
from .risk_rules import RiskScale
from .risks import Risk
from .settings import RISK_SCALE

MIN_SIZE, MAX_SIZE = 2, 10
SCORE_COLUMNS = ("probability", "impact", "residual_probability", "residual_impact")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def validate_scale(scale: RiskScale) -> None:
    size = scale.size
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise ValidationError(f"The scale must have between {MIN_SIZE} and {MAX_SIZE} levels (got {size}).")
    names = [n.strip() for n in scale.level_names]
    if len(names) != size or not all(names):
        raise ValidationError(f"Give a name to each of the {size} levels of the scale.")
    if len({n.lower() for n in names}) != size:
        raise ValidationError("Each level of the scale needs a different name.")
    if not scale.bands:
        raise ValidationError("The scale needs at least one rating band.")
    bands = sorted(scale.bands, key=lambda b: b.min_score)
    ratings = [b.rating.strip() for b in bands]
    if not all(ratings) or len({r.lower() for r in ratings}) != len(ratings):
        raise ValidationError("Each rating band needs a different, non-empty name.")
    if bands[0].min_score != 1:
        raise ValidationError("The lowest rating band must start at score 1, so that every scored risk has a rating.")
    starts = [b.min_score for b in bands]
    if len(set(starts)) != len(starts):
        raise ValidationError("Two rating bands start at the same score; give each band its own starting score.")
    if starts[-1] > size * size:
        raise ValidationError(f"The band “{bands[-1].rating}” starts at {starts[-1]}, above the highest possible "
                              f"score of {size * size} on a {size}×{size} scale.")
    for b in bands:
        if not COLOUR.fullmatch(b.colour or ""):
            raise ValidationError(f"The colour of the band “{b.rating}” must look like #c62828 (got “{b.colour}”).")


def print_warning(scale: RiskScale) -> str:
    """A warning (not a refusal: the colours are the office's to choose) when two bands' colours print as
    nearly the same grey — a board pack on a mono laser then tells their cells apart only by position."""
    bands = sorted(scale.bands, key=lambda b: b.min_score)
    pairs = prints_alike({b.rating: b.colour for b in bands if COLOUR.fullmatch(b.colour or "")})
    if not pairs:
        return ""
    said = "; ".join(f"“{a}” and “{b}”" for a, b in pairs)
    return (f"Printed in black and white, {said} come out as nearly the same grey: choose a lighter or darker "
            f"colour for one of each pair, so that a printed heat map tells them apart.")


def highest_level_used(session: Session) -> tuple[int, str | None] | None:
    """The highest probability or impact level any risk uses, and the code of one risk using it."""
    best: tuple[int, str | None] | None = None
    for name in SCORE_COLUMNS:
        col = getattr(Risk, name)
        top = session.scalar(select(func.max(col)))
        if top is not None and (best is None or top > best[0]):
            code = session.scalar(select(Risk.code).where(col == top).order_by(Risk.code).limit(1))
            best = (top, code)
    return best


def set_risk_scale(session: Session, scale: RiskScale) -> RiskScale:
    """Validate and store the file's scale; returns the previous one (for undo)."""
    validate_scale(scale)  # first: a malformed scale says what is wrong before what it would break
    used = highest_level_used(session)
    if used is not None and used[0] > scale.size:
        level, code = used
        raise ValidationError(
            f"Risk {code} is scored at level {level}, above the new {scale.size}-level scale; "
            f"rescore such risks first or choose a size of at least {level}.")
    return RISK_SCALE.write(session, scale)


def owner_warning(rating: str, owner: str | None, scale: RiskScale) -> str:
    """A warning (not a refusal) for a risk in one of the two highest bands with no owner.

    Deliberately not a validation rule: new rows, pastes and imports are scored before an owner is
    known, and refusing them would lose work. The detail panel shows this sentence instead.
    """
    top_two = [b.rating for b in sorted(scale.bands, key=lambda b: b.min_score)][-2:]
    if rating in top_two and not owner:
        return f"This is a {rating.lower()} risk with no owner: give it an owner who will manage it."
    return ""
