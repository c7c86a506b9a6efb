"""The writing controls outside the register tables — a page's Escalate or Merge button, a detail pane's
text boxes — while the office is open read only, or becomes so (its file went away): the buttons are
hidden and the text boxes read only, so nothing invites an edit that would only be refused.

Buttons are hidden rather than disabled because their pages enable and disable them by what is
selected; text boxes are set read only rather than disabled, so their text can still be selected and
copied. The pages call ``follow_read_only`` once; the guard lives as long as the first widget."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .document import Document


class _Guard(QObject):
    def __init__(self, document: Document, widgets: tuple[QWidget, ...]) -> None:
        super().__init__(widgets[0])  # deleted with the page: the connection below goes with it
        self.document = document
        self.widgets = widgets
        document.read_only_changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        """An office never becomes writable again once read only: only that direction is followed."""
        if not self.document.read_only:
            return
        for widget in self.widgets:
            if isinstance(widget, (QPlainTextEdit, QTextEdit, QLineEdit)):
                widget.setReadOnly(True)
            else:
                widget.setVisible(False)


def follow_read_only(document: Document, *widgets: QWidget) -> None:
    """Hide ``widgets`` that write (text boxes: read only) while ``document`` is read only."""
    if widgets:
        _Guard(document, widgets)
