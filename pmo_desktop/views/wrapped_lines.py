"""Labels that wrap keep the height of all their lines."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel


def keep_wrapped_lines(labels: Iterable[QLabel]) -> None:
    """Each wrapping label asks for the height of all its lines at its width. A layout's minimum counts one line
    of a wrapping label, so where a panel is short (presenting on a small screen, a register below its table at
    1280×720) the splitter or the text boxes beside took the rest and the label's lines were cut through — a risk's
    summary on two lines at 125 %, a new stakeholder's "not rated yet · attitude not assessed yet · …". With this
    the panel asks for what it shows and the table above gives it (or the page scrolls). Call it when the panel
    is resized and when a label's text changes."""
    for label in labels:
        width = label.width() if label.isVisible() else 0
        need = label.heightForWidth(width) if width > 0 else -1
        if need > 0 and label.minimumHeight() != need:
            label.setMinimumHeight(need)
            # The label grows in place at once; its layout moves what is below it now, not at a next layout that
            # did not come (the stakeholder panel's summary lay under its text boxes until a resize).
            holder = label.parentWidget()
            layout = holder.layout() if holder is not None else None
            if layout is not None:
                layout.activate()
