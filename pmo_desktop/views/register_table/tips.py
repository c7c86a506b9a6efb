"""What a column header says about its column: the register's own tip, what can be typed in it, and
how to sort and filter it — so a header tooltip explains rather than repeats the column name."""

from __future__ import annotations

from html import escape

from ...models.fields import Context, Field
from ...models.values import date_example


def column_tip(f: Field, ctx: Context, date_order: str) -> str:
    lines = [f"<b>{escape(f.label)}</b>"]
    if f.tip:
        lines.append(escape(f.tip))
    hint = f.kind.describe(f, ctx, date_example(date_order))
    if hint:
        lines.append(escape(hint, quote=False))
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
