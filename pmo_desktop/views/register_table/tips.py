"""What a column header says about its column: the register's own tip, what can be typed in it, and
how to sort and filter it — so a header tooltip explains rather than repeats the column name."""

from __future__ import annotations

from html import escape

from ...models.fields import Context, Field, Kind
from ...models.values import date_example

_KIND_HINTS = {
    Kind.CODE: "The record's ID, given automatically; it never changes.",
    Kind.TEXT: "Text.",
    Kind.LONGTEXT: "Longer text; the full text shows in the tooltip of each cell.",
    Kind.INT: "A whole number.",
    Kind.FLOAT: "A number (1,250 or 12.5% are understood).",
    Kind.BOOL: "Yes or No.",
    Kind.LINKS: "Several names separated by ; (semicolons).",
    Kind.COMPUTED: "Calculated from other columns; it cannot be edited.",
}


def column_tip(f: Field, ctx: Context, date_order: str) -> str:
    lines = [f"<b>{escape(f.label)}</b>"]
    if f.tip:
        lines.append(escape(f.tip))
    if f.kind == Kind.DATE:
        lines.append(f"A date: type 2026-03-31, {date_example(date_order)}, 31 Mar 2026 or today; "
                     "Alt+Down or F4 opens a calendar.")
    elif f.kind == Kind.ENUM:
        lines.append("One of: " + escape(", ".join(f.choices)) + ". Type the first letters to choose.")
    elif f.kind == Kind.MULTI_ENUM:
        lines.append("Any of: " + escape(", ".join(f.choices)) + ", separated by ; (semicolons).")
    elif f.kind == Kind.SCALE:
        names = f.scale_names(ctx)
        lines.append(f"A level from 1 ({escape(names[0])}) to {len(names)} ({escape(names[-1])}); "
                     "type the number or the first letters of the name.")
    elif f.kind == Kind.REF:
        if f.ref is not None and f.ref.create_missing:
            lines.append("A person: choose from the list or type a name (a new name is added after you confirm).")
        else:
            lines.append("Choose from the list; a name that does not exist is refused.")
    elif f.kind in _KIND_HINTS:
        lines.append(_KIND_HINTS[f.kind])
    if f.required:
        lines.append("Required.")
    if f.minimum is not None or f.maximum is not None:
        low = f"{f.minimum:g}" if f.minimum is not None else "…"
        high = f"{f.maximum:g}" if f.maximum is not None else "…"
        lines.append(f"From {low} to {high}.")
    lines.append("<i>Right-click the header, or Ctrl+Shift+L in the column, to sort, filter or choose columns.</i>")
    return "<br>".join(lines)


def wrapped_label(label: str, width_chars: int) -> str:
    """A long header on two lines (at the space nearest the middle), so it is never cut off."""
    if len(label) <= max(width_chars, 10) or " " not in label:
        return label
    middle = len(label) / 2
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1:]
