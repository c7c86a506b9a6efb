"""Light, dark and high-contrast themes: the Fusion style with a palette per theme, and the colours the
charts, maps and coloured cells draw with.

By default the theme follows the system (Qt's colour scheme, and the platform's contrast preference where
Qt reports one) and changes with it; View ▸ Theme picks one instead (kept in QSettings by the window).
Everything that draws its own colours asks ``colours()`` when it draws and listens to ``theme().changed``,
so a change of theme redraws the charts at once. Colours chosen for a white page are adapted here, in one
place: ``tint`` turns a pale fill into a dark one of the same hue, ``strong`` lightens a line or text colour
that would vanish on a dark background.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle

SYSTEM, LIGHT, DARK, HIGH_CONTRAST = "system", "light", "dark", "high-contrast"
CHOICES = ((SYSTEM, "&System"), (LIGHT, "&Light"), (DARK, "&Dark"), (HIGH_CONTRAST, "&High Contrast"))
STYLE = "Fusion"  # draws every control from the palette, the same on every platform


class Colours(NamedTuple):
    """What a chart or a coloured cell draws with under one theme. (A named tuple, not a dataclass: the
    theme is read before the window is first shown, and ``dataclasses`` costs that start 5 ms to import.)"""

    name: str
    background: str     # charts and maps: the palette's base
    text: str           # chart text, axes
    muted: str          # secondary text (codes, empty states)
    faint: str          # grid lines
    divider: str        # quadrant dividers, arrows
    border: str         # legend frames, dashed boxes
    accent: str         # the keyboard cursor on a chart, selection rings
    error: str          # text that says something is wrong or overdue
    warning: str
    good: str
    panel: tuple[int, int, int, int]  # legend and label backgrounds (RGBA): the background, nearly opaque

    @property
    def dark(self) -> bool:
        return self.name != LIGHT

    def tint(self, pale: str) -> str:
        """A pale fill made for a white page, as a fill of the same hue that text of this theme reads on."""
        if not self.dark:
            return pale
        h, s, lightness = _hsl(pale)
        if self.name == HIGH_CONTRAST:
            return QColor.fromHslF(max(h, 0.0), s * 0.8, 0.06 + (1 - lightness) * 0.6).name()
        return QColor.fromHslF(max(h, 0.0), s * 0.55, 0.15 + (1 - lightness) * 0.9).name()

    def strong(self, colour: str) -> str:
        """A line or text colour made for a white page, light enough to read on this theme's background."""
        if not self.dark:
            return colour
        h, s, lightness = _hsl(colour)
        floor = 0.72 if self.name == HIGH_CONTRAST else 0.62
        return QColor.fromHslF(max(h, 0.0), s, max(lightness, floor)).name()


def _hsl(colour: str) -> tuple[float, float, float]:
    c = QColor(colour)
    return c.hslHueF(), c.hslSaturationF(), c.lightnessF()


LIGHT_COLOURS = Colours(LIGHT, "#ffffff", "#212121", "#546e7a", "#d5dbe0", "#78909c", "#bdbdbd", "#1565c0",
                        "#b71c1c", "#b26a00", "#1b5e20", (255, 255, 255, 225))
DARK_COLOURS = Colours(DARK, "#1e1f22", "#e6e6e6", "#aab4bb", "#3a4148", "#90a4ae", "#5f6b73", "#64b5f6",
                       "#ff8a80", "#ffcc80", "#a5d6a7", (30, 31, 34, 225))
HIGH_CONTRAST_COLOURS = Colours(HIGH_CONTRAST, "#000000", "#ffffff", "#ffffff", "#7a7a7a", "#ffffff", "#ffffff",
                                "#ffff00", "#ff8080", "#ffd54f", "#7cff7c", (0, 0, 0, 240))
COLOURS = {LIGHT: LIGHT_COLOURS, DARK: DARK_COLOURS, HIGH_CONTRAST: HIGH_CONTRAST_COLOURS}


# The selection of a table (or list) the keyboard is not in: a pale shade, the keyboard's own cell in the
# theme's strong highlight. Fusion drew both alike, so after Enter on the ✱ line the line's cell (with the
# keyboard) and the record just added in the table above shared one blue: which would typing go to?
INACTIVE_SELECTION = {LIGHT: ("#c2d4ea", "#000000"), DARK: ("#3b4655", "#e6e6e6"),
                      HIGH_CONTRAST: ("#6b6b00", "#ffffff")}


def palette_for(name: str) -> QPalette:
    """The Fusion palette of a theme."""
    if name == LIGHT:
        style = QApplication.style()  # Fusion once the theme is applied: no second style made to ask it
        if style is None or style.name().lower() != STYLE.lower():
            from PySide6.QtWidgets import QStyleFactory

            style = QStyleFactory.create(STYLE)
        return _inactive_selection(style.standardPalette(), name)
    hc = name == HIGH_CONTRAST
    R = QPalette.ColorRole
    roles = {
        R.Window: "#000000" if hc else "#2b2d30",
        R.WindowText: "#ffffff" if hc else "#e6e6e6",
        R.Base: "#000000" if hc else "#1e1f22",
        R.AlternateBase: "#1a1a1a" if hc else "#26282b",
        R.ToolTipBase: "#000000" if hc else "#3c3f41",
        R.ToolTipText: "#ffffff" if hc else "#e6e6e6",
        R.PlaceholderText: "#d0d0d0" if hc else "#8c9399",
        R.Text: "#ffffff" if hc else "#e6e6e6",
        R.Button: "#000000" if hc else "#3c3f41",
        R.ButtonText: "#ffffff" if hc else "#e6e6e6",
        R.BrightText: "#ffff00" if hc else "#ff8a80",
        R.Light: "#ffffff" if hc else "#4a4d50",
        R.Midlight: "#c0c0c0" if hc else "#404346",
        R.Mid: "#ffffff" if hc else "#303235",
        R.Dark: "#ffffff" if hc else "#1b1c1e",
        R.Shadow: "#000000",
        R.Highlight: "#ffff00" if hc else "#2f65ca",
        R.HighlightedText: "#000000" if hc else "#ffffff",
        R.Link: "#00ffff" if hc else "#7fb3ff",
        R.LinkVisited: "#ff80ff" if hc else "#c39bff",
    }
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#a0a0a0" if hc else "#7a7f84")
    for role in (R.WindowText, R.Text, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, R.Highlight, QColor("#606060" if hc else "#44474a"))
    return _inactive_selection(palette, name)


def _inactive_selection(palette: QPalette, name: str) -> QPalette:
    """The unfocused selection's colours (``INACTIVE_SELECTION``): Qt draws an item view the keyboard is not
    in, or any view of a window in the background, with the palette's inactive group."""
    fill, text = INACTIVE_SELECTION.get(name, INACTIVE_SELECTION[LIGHT])
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor(fill))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, QColor(text))
    return palette


def system_theme() -> str:
    """What the platform asks for: high contrast where Qt reports that preference, else dark or light."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is not None:
        contrast = getattr(Qt, "ContrastPreference", None)
        if contrast is not None and accessibility().contrastPreference() == contrast.HighContrast:
            return HIGH_CONTRAST
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


class Theme(QObject):
    """The application's theme. ``changed(name)`` with the theme now shown (light, dark, high-contrast)."""

    changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice = SYSTEM
        self.name = LIGHT
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_change)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None and hasattr(accessibility(), "contrastPreferenceChanged"):
            accessibility().contrastPreferenceChanged.connect(self._on_system_change)

    def colours(self) -> Colours:
        return COLOURS[self.name]

    def set_choice(self, choice: str) -> None:
        """System, light, dark or high-contrast; anything else (an old setting) means system."""
        self.choice = choice if choice in dict(CHOICES) else SYSTEM
        self.apply()

    def apply(self) -> None:
        name = system_theme() if self.choice == SYSTEM else self.choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            high_contrast = _high_contrast_class is not None and isinstance(app.style(), _high_contrast_class)
            if name == HIGH_CONTRAST and not high_contrast:
                app.setStyle(high_contrast_style())
            elif name != HIGH_CONTRAST and (high_contrast or app.style().name().lower() != STYLE.lower()):
                app.setStyle(STYLE)
            app.setPalette(palette_for(name))
        if name != self.name:
            self.name = name
            self.changed.emit(name)

    def _on_system_change(self, *_args) -> None:
        if self.choice == SYSTEM:
            self.apply()


_theme: Theme | None = None


def theme() -> Theme:
    """The application's one theme (created with the application)."""
    global _theme
    if _theme is None:
        _theme = Theme(QCoreApplication.instance())
        _theme.destroyed.connect(_forget)
    return _theme


def colours() -> Colours:
    return theme().colours()


def _forget(*_args) -> None:
    global _theme
    _theme = None


def rgba(values: tuple[int, int, int, int]) -> QColor:
    return QColor(*values)


_high_contrast_class: type[QStyle] | None = None


def high_contrast_class() -> type[QStyle]:
    """The high-contrast style's class, made at the first use of high contrast: PySide makes QProxyStyle's
    Python type when the name is first used, and most starts never use it before the first paint, or at all."""
    global _high_contrast_class
    if _high_contrast_class is None:
        _high_contrast_class = _make_high_contrast_class()
    return _high_contrast_class


def high_contrast_style() -> QStyle:
    """A new high-contrast style."""
    return high_contrast_class()()


def _make_high_contrast_class() -> type[QStyle]:
    from PySide6.QtWidgets import QProxyStyle

    class HighContrastStyle(QProxyStyle):
        """Fusion for high contrast. Fusion draws the frames of text boxes and tables in a shade of the window
        colour, which on a black window is black: here they are drawn white (yellow with the focus), and
        table grids grey. (A style sheet would do it too, but it stops fonts passing from a table to its
        headers, so the zoom would no longer reach them.)"""

        FRAMES = (QStyle.PrimitiveElement.PE_PanelLineEdit, QStyle.PrimitiveElement.PE_Frame)

        def __init__(self):
            super().__init__(STYLE)

        def drawPrimitive(self, element, option, painter, widget=None) -> None:
            super().drawPrimitive(element, option, painter, widget)
            if element in self.FRAMES:
                focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
                painter.save()
                painter.setPen(QPen(QColor("#ffff00" if focused else "#ffffff"), 2 if focused else 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
                painter.restore()

        def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:
            if hint == QStyle.StyleHint.SH_Table_GridLineColor:
                grey = QColor("#8a8a8a").rgba()  # an unsigned ARGB value, returned as the C++ int it is
                return grey - (1 << 32) if grey >= 1 << 31 else grey
            return super().styleHint(hint, option, widget, returnData)

    return HighContrastStyle


def glyph_icon(glyph: str, size: int = 22) -> QIcon:
    """A toolbar icon drawn from a character in the theme's text colour (Fusion's arrow icons are black,
    invisible on a dark toolbar)."""
    from PySide6.QtGui import QFont, QPainter, QPixmap

    palette = QApplication.palette()
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active), (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont()
        font.setPixelSize(int(size * 0.9))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(group, QPalette.ColorRole.ButtonText))
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), glyph)
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon
