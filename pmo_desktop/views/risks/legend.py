"""A band legend as plain widgets (crisp at any size): a coloured swatch and the band's score range, and beside it
the band's opportunity shade where the map draws a cell in one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

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


TITLE = "Rating (score = probability × impact):"
# A cell holding opportunities alone is drawn in blues (``RiskScale.colour_of``): a blue cell the legend did not name
# read as a colour of its own, or a fault (walk43). Each band's blue stands beside its swatch — no line added, so the
# legend beside the map on a short screen (150 % on 1280×720) still fits without a scroll — while the map draws one.
TITLE_WITH_OPPORTUNITIES = "Rating (score = probability × impact); blue: opportunities alone in a cell:"


class BandLegend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        # The title above the swatches, so the legend fits a 1280-pixel screen at projector font sizes.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.title = QLabel(TITLE, self)
        self.title.setFont(font(AXIS_PT))
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        # The swatches on as many lines as the width needs (150 % on a 1280×720 screen: two), rather than one
        # line wider than the page, which scrolled sideways and cut the heat map beside it.
        self.row = FlowLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        self.labels: list[QWidget] = []  # the title, then each band's swatch (with its opportunity shade)
        self.opportunity_labels: list[QLabel] = []
        self.scale: RiskScale | None = None
        self.opportunities = False

    def set_scale(self, scale: RiskScale, opportunities: bool = False) -> None:
        """The bands of ``scale``; with ``opportunities`` (the map draws a cell in their blues) each band's blue."""
        if (scale, opportunities) == (self.scale, self.opportunities):
            return
        self.scale, self.opportunities = scale, opportunities
        self.title.setText(TITLE_WITH_OPPORTUNITIES if opportunities else TITLE)
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
        self.labels = [self.title]
        self.opportunity_labels = []
        bands = sorted(scale.bands, key=lambda b: b.min_score)
        for band, (rating, span, colour) in zip(bands, band_ranges(scale)):
            threat = swatch(self, f"  {rating}  {span}  ", colour)
            self.labels.append(self._with_opportunity(threat, rating, scale.band_colour(band, "Opportunity"))
                               if opportunities else threat)
        for entry in self.labels[1:]:
            self.row.addWidget(entry)

    def _with_opportunity(self, label: QLabel, rating: str, blue: str) -> QWidget:
        """The band's swatch and, beside it, its opportunity shade (its rating in the tooltip)."""
        pair = QWidget(self)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        label.setParent(pair)
        shade = swatch(pair, "  +  ", blue)
        shade.setToolTip(f"An opportunity rated {rating}")
        shade.setAccessibleName(f"Opportunity {rating}")
        row.addWidget(label)
        row.addWidget(shade)
        self.opportunity_labels.append(shade)
        return pair

    def resizeEvent(self, event) -> None:
        """As tall as its lines at this width, as its minimum: a page too short for the screen is laid out
        at its minimum height, which otherwise counted the swatches on one line and laid the legend over
        the map above it."""
        super().resizeEvent(event)
        layout = self.layout()
        need = layout.heightForWidth(self.width()) if layout is not None else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)


def swatch(parent: QWidget, text: str, colour: str) -> QLabel:
    """A band's coloured label, its text black or white as reads best on it."""
    label = QLabel(text, parent)
    label.setFont(font(AXIS_PT, bold=True))
    label.setStyleSheet(f"background:{colour}; color:{text_on(colour)}; border-radius:4px; padding:4px;")
    return label
