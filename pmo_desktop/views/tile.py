"""A dashboard tile: a framed heading and a few lines, focusable, that opens what it counts on a click,
Enter or Space (``activated``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout

from .register_filter import RegisterFilter
from .theme import colours


def tile_style() -> str:
    """The tiles' frame in the theme's border colour (views/theme.py); focus and hover in its highlight."""
    border = colours().border
    return f"""
QGroupBox[tile="true"] {{ border: 1px solid {border}; border-radius: 6px; margin-top: 1.3em; padding: 4px 6px; }}
QGroupBox[tile="true"]::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; font-weight: bold; }}
QGroupBox[tile="true"]:hover {{ border: 1px solid palette(highlight); }}
QGroupBox[tile="true"]:focus {{ border: 3px solid palette(highlight); }}
"""


class Tile(QGroupBox):
    activated = Signal(object)   # its RegisterFilter

    def __init__(self, key: str, title: str, html: str, target: RegisterFilter, hint: str, parent=None):
        super().__init__(title, parent)
        self.key = key
        self.target = target
        self.setProperty("tile", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{hint} (Enter)")
        self.body = QLabel(html, self)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the whole tile is the button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.body)
        # Tiles of a row share its height and the columns share the width, however long a title is.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{self.body.text()} — {hint}")

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not event.modifiers():
            self.activated.emit(self.target)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.target)
            return
        super().mouseReleaseEvent(event)
