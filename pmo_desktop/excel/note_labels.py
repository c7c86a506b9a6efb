"""A header as the label of its line in a record's notes ("Severity: Blocker")."""

from __future__ import annotations


def note_label(header: str) -> str:
    """``header`` on one line, without the colon a form's label ends in (":" or the full-width "：" of Chinese and
    Japanese sheets), which the note line's own ": " would repeat ("Серьезность дефекта:: Blocker", unseen set 71);
    the header as it is when nothing else is left."""
    return " ".join(header.split()).rstrip(":：").rstrip() or header
