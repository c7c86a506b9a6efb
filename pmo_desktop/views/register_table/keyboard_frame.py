"""The frame round the cell the keyboard is on, as wide as its row makes it: the one measure the frame is drawn by
(``frozen.paint_keyboard_cell``) and a wrapping row leaves room for (``delegates.FieldDelegate.sizeHint``)."""

from __future__ import annotations


def keyboard_frame_width(row_height: int) -> int:
    """The width of the frame round the cell the keyboard is on (``paint_keyboard_cell``): a tenth of its row, 3
    pixels at least."""
    return max(3, round(row_height / 10))


def room_for_keyboard_frame(text_height: int) -> int:
    """The height of a row whose text is ``text_height`` high and stays whole inside the keyboard's frame, drawn
    over the cell's edges (``keyboard_frame_width`` of the row, on each side)."""
    width = 3
    while keyboard_frame_width(text_height + 2 * width) > width:
        width += 1
    return text_height + 2 * width
