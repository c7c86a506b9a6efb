"""Presentation mode (View ▸ Presentation Mode, F11; Esc leaves): the window full screen without the
navigation list, toolbar and status bar, and tables and charts at a projector's size (at least
``PRESENTING_ZOOM`` %, through the zoom every table and chart already follows: text, row heights, line
widths; 125 % on a screen under 1200 pixels wide). Nothing of it is kept: leaving restores the window, the chrome and the zoom as they were, and a
zoom changed while presenting is not saved."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt

from .zoom import zoom

PRESENTING_ZOOM = 150
SMALL_SCREEN_ZOOM = 125  # below 1200 pixels across, 150 % leaves the charts no room for their labels


class _Before(NamedTuple):  # not a dataclass: this module loads with the window, ``dataclasses`` costs its start 5 ms
    state: Qt.WindowState
    zoom: int
    hidden: list  # the widgets presentation mode hid, shown again on leaving


class Presentation:
    """Enters and leaves presentation mode for one main window."""

    def __init__(self, window):
        self.window = window
        self._before: _Before | None = None

    @property
    def active(self) -> bool:
        return self._before is not None

    def chrome(self) -> list:
        """What a room does not need to see: the page list (Ctrl+1 … Ctrl+7 still switch pages), the
        toolbar and the status bar. The menu bar stays, so every command and its shortcut stays findable."""
        w = self.window
        return [w.nav, w.toolbar, w.statusBar()]

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        hidden = [widget for widget in self.chrome() if widget.isVisible()]
        self._before = _Before(w.windowState(), zoom().percent, hidden)
        for widget in hidden:
            widget.hide()
        screen = w.screen()
        wide = screen is None or screen.geometry().width() >= 1200
        target = PRESENTING_ZOOM if wide else SMALL_SCREEN_ZOOM
        if zoom().percent < target:
            zoom().set_percent(target)
        w.showFullScreen()
        w.presentation_action.setChecked(True)

    def leave(self) -> None:
        before, self._before = self._before, None
        if before is None:
            return
        w = self.window
        zoom().set_percent(before.zoom)
        for widget in before.hidden:
            widget.show()
        if before.state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        elif before.state & Qt.WindowState.WindowFullScreen:
            w.showFullScreen()
        else:
            w.showNormal()
        w.presentation_action.setChecked(False)
