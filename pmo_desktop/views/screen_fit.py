"""A window's first size, within the screen it opens on."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 48  # pixels kept free around a window made to fit: its frame and title bar, the taskbar's edge
SCREEN_SHARE = 0.8  # of a big screen, taken by a dialog whose tables read better the wider they are


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, or smaller where the screen has less room: a dialog of 1100×700 on a
    1280×720 laptop at 150 % (853×480 for Qt) ran past the screen's bottom, its Import and Cancel buttons out
    of reach and no window manager obliged to bring them back. Its layout takes what it is given, as when the
    user makes it smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = max(min(width, room.width() - MARGIN), 1)
        height = max(min(height, room.height() - MARGIN), 1)
    widget.resize(width, height)


def resize_to_screen_share(widget: QWidget, width: int, height: int) -> None:
    """At least ``width``×``height`` (within a small screen, as ``resize_within_screen``), and on a big screen
    ``SCREEN_SHARE`` of it: the import preview opened at 1100×700 on a 1920×1080 screen too, half the screen
    free beside reasons wrapped to three lines each (walk52)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = max(width, int(room.width() * SCREEN_SHARE))
        height = max(height, int(room.height() * SCREEN_SHARE))
    resize_within_screen(widget, width, height)
