"""A header as the label of its line in a record's notes ("Severity: Blocker")."""

from __future__ import annotations

# A label's room in a note line. A header may be a sentence (a survey's question) or carry a list no scale holds —
# "Impact 1.L1 2.L2 … 5000.L5000", 32,000 characters: written whole before each row's value, it made every row's
# notes longer than a record holds and each row was refused, "shorten the longest cell", no cell of the row being
# long (fault69). Past this room the label ends in "…"; the sheet's own header row keeps it whole.
LABEL_ROOM = 200


def note_label(header: str) -> str:
    """``header`` on one line, without the colon a form's label ends in (":" or the full-width "：" of Chinese and
    Japanese sheets), which the note line's own ": " would repeat ("Серьезность дефекта:: Blocker", unseen set 71);
    the header as it is when nothing else is left. Cut to ``LABEL_ROOM`` characters."""
    label = " ".join(header.split()).rstrip(":：").rstrip() or header
    return label if len(label) <= LABEL_ROOM else label[:LABEL_ROOM - 1].rstrip() + "…"
