"""Presentation mode (View ▸ Presentation Mode, F11; Esc leaves): the window full screen without the
navigation list, toolbar and status bar, and tables and charts at a projector's size (at least
``PRESENTING_ZOOM`` %, through the zoom every table and chart already follows: text, row heights, line
widths; 125 % on a screen under 1200 pixels wide). Nothing of it is kept: leaving restores the window, the chrome and the zoom as they were, and a
zoom changed while presenting is not saved."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer

from .zoom import zoom

PRESENTING_ZOOM = 150
SMALL_SCREEN_ZOOM = 125  # below 1200 pixels across, 150 % leaves the charts no room for their labels


class _Before(NamedTuple):  # not a dataclass: this module loads with the window, ``dataclasses`` costs its start 5 ms
    state: Qt.WindowState
    zoom: int
    hidden: tuple[bool, ...]  # which of ``chrome()`` presentation mode hid, shown again on leaving


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
        # which ones, not the widgets: asked of the window again on leaving, no Python object of them held across
        # (PySide ties a widget's Python object to whichever widget handed it out — focusWidget(),
        # nextInFocusChain() — and marks it deleted when that one goes: leaving then failed on the status bar)
        hidden = tuple(widget.isVisible() for widget in self.chrome())
        self._before = _Before(w.windowState(), zoom().percent, hidden)
        for widget, hide in zip(self.chrome(), hidden):
            if hide:
                widget.hide()
        screen = w.screen()
        wide = screen is None or screen.geometry().width() >= 1200
        target = PRESENTING_ZOOM if wide else SMALL_SCREEN_ZOOM
        if zoom().percent < target:
            zoom().set_percent(target)
        w.showFullScreen()
        w.presentation_action.setChecked(True)
        QTimer.singleShot(0, w, lambda: keyboard_on_the_page(w))  # once the chrome has gone

    def leave(self) -> None:
        before, self._before = self._before, None
        if before is None:
            return
        w = self.window
        zoom().set_percent(before.zoom)
        for widget, hid in zip(self.chrome(), before.hidden):
            if hid:
                widget.show()
        if before.state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        elif before.state & Qt.WindowState.WindowFullScreen:
            w.showFullScreen()
        else:
            w.showNormal()
        w.presentation_action.setChecked(False)


def keyboard_on_the_page(window, tries: int = 10) -> None:
    """The keyboard on the page shown, when it is nowhere in the window: F11 with the keyboard in the page list
    hid the list and left the keyboard nowhere — on the Program overview the arrows, Enter and Tab went
    nowhere a presenter could see. A register's table takes it (as Ctrl+4 gives it), else the page's first
    control (the overview's first tile)."""
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    if focus is not None and focus.isVisible() and focus.window() is window:
        return
    page = window.stack.currentWidget()
    if page is None:
        return
    view = getattr(page, "register_view", None)
    if view is not None and view.isVisible():
        view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    # the first control the page made that takes Tab (the page's own order: its first tile); not a walk along
    # Qt's focus chain, whose wrappers for the window's other widgets upset the ones this class keeps
    from PySide6.QtWidgets import QWidget

    for widget in page.findChildren(QWidget):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
    if tries > 0:  # the overview lays its tiles out again at the presenting zoom: once they are shown
        QTimer.singleShot(50, window, lambda: keyboard_on_the_page(window, tries - 1))
