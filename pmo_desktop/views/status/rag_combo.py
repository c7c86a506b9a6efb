"""A drop-down for a Red / Amber / Green rating, coloured by its value. Typing G, A or R picks the
rating (Qt's own keyboard search of a combo box), as in the tables' choice editor. Its colours are the
theme's (views/theme.py) and follow a change of theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from ...models.status_rules import RAG_COLOURS, RAGS
from ..theme import colours, theme

NOT_RATED = "—"


class RagCombo(QComboBox):
    """``rating()`` is "" when none is chosen."""

    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(f"{label} RAG")
        self.setToolTip(f"{label}: Green, Amber or Red (type G, A or R)")
        self.addItem(NOT_RATED, "")
        for rag in RAGS:
            self.addItem(rag, rag)
        self.setMinimumContentsLength(7)
        self.currentIndexChanged.connect(self._paint)
        theme().changed.connect(self._recolour)
        self._recolour()

    def _recolour(self, *_args) -> None:
        """Each rating's colour in the list, as the theme draws it."""
        now = colours()
        for index in range(1, self.count()):
            self.setItemData(index, QColor(now.tint(RAG_COLOURS[self.itemData(index)])), Qt.ItemDataRole.BackgroundRole)
            self.setItemData(index, QColor(now.text), Qt.ItemDataRole.ForegroundRole)
        self._paint()

    def rating(self) -> str:
        return str(self.currentData() or "")

    def set_rating(self, rating: str | None) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(rating or "")))
        self.blockSignals(False)
        self._paint()

    def _paint(self, *_args) -> None:
        colour = RAG_COLOURS.get(self.rating())
        now = colours()
        # The closed combo shows the rating's colour too, so a row of them reads like the board's RAG strip.
        self.setStyleSheet(f"QComboBox {{ background-color: {now.tint(colour)}; color: {now.text}; }}"
                           if colour else "")
