"""A name shortened by its words to fit a narrow column: "Aisha P.", "Store m. f." — where an elision cut mid-word
read "Aisha …", "Store ma…", and "Tom W…" (walk 49: the Communication plan's week at 1280×720)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics


def shortened_name(text: str, room: int, metrics: QFontMetrics) -> str:
    """``text`` whole where it fits in ``room`` pixels; else its first words whole and the others' initials ("Aisha
    P.", "Project m.", "Store m. f."), as many words whole as fit; in a room too narrow even for those, the first
    word whole and the others' initials all the same (the caller widens its column to them) — never elided mid-word
    ("Store …", as a fresh-clone CI run's narrower column drew it, fix53d). A name of one word is kept whole. The
    whole name is the caller's to keep (a tooltip)."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    words = text.split()
    for kept in range(len(words) - 1, 0, -1):
        shown = " ".join(words[:kept] + [f"{word[0]}." for word in words[kept:]])
        if metrics.horizontalAdvance(shown) <= room:
            return shown
    if len(words) < 2:
        return text
    return " ".join(words[:1] + [f"{word[0]}." for word in words[1:]])
