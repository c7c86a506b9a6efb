"""A band legend as plain widgets (crisp at any size): a coloured swatch and the band's score range."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...models.risk_rules import RiskScale
from ..flow_layout import FlowLayout
from .chart_style import AXIS_PT, font, text_on


def band_ranges(scale: RiskScale) -> list[tuple[str, str, str]]:
    """(rating, "5–9", colour) for each band, lowest first."""
    bands = sorted(scale.bands, key=lambda b: b.min_score)
    top = scale.size * scale.size
    out = []
    for n, b in enumerate(bands):
        end = bands[n + 1].min_score - 1 if n + 1 < len(bands) else top
        out.append((b.rating, f"{b.min_score}–{end}" if end > b.min_score else str(b.min_score), b.colour))
    return out


class BandLegend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        # The title above the swatches, so the legend fits a 1280-pixel screen at projector font sizes.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.title = QLabel("Rating (score = probability × impact):", self)
        self.title.setFont(font(AXIS_PT))
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        # The swatches on as many lines as the width needs (150 % on a 1280×720 screen: two), rather than one
        # line wider than the page, which scrolled sideways and cut the heat map beside it.
        self.row = FlowLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        self.labels: list[QLabel] = []
        self.scale: RiskScale | None = None

    def set_scale(self, scale: RiskScale) -> None:
        if scale == self.scale:
            return
        self.scale = scale
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
        self.labels = [self.title]
        for rating, span, colour in band_ranges(scale):
            label = QLabel(f"  {rating}  {span}  ", self)
            label.setFont(font(AXIS_PT, bold=True))
            label.setStyleSheet(f"background:{colour}; color:{text_on(colour)}; border-radius:4px; padding:4px;")
            self.labels.append(label)
        for label in self.labels[1:]:
            self.row.addWidget(label)

    def resizeEvent(self, event) -> None:
        """As tall as its lines at this width, as its minimum: a page too short for the screen is laid out
        at its minimum height, which otherwise counted the swatches on one line and laid the legend over
        the map above it."""
        super().resizeEvent(event)
        layout = self.layout()
        need = layout.heightForWidth(self.width()) if layout is not None else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)
