"""Work that waits until the window is on screen: what the user asked for at launch (an office named on the command
line, the demo office at a first start) opens once the main window has been painted, not before.

A ``QTimer.singleShot(0, …)`` after ``show()`` was not enough: it runs at the event loop's first turn, before the
window system has exposed the window (on X11 the window is painted when the server answers), so the window first
appeared with the office already open — at a first start 1.6 s of CPU later, the demo made and opened first (round
speed47c, ``benchmarks/bench_startup.py`` with ``PMO_BENCH_REAL=1``). Here the work waits for the window's first
exposure, whose paint Qt makes at once, and runs on the event loop's next turn, after that paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def after_first_paint(window: QWidget, work: Callable[[], object]) -> None:
    """Run ``work`` once ``window`` has been painted on screen; at once if it already has been, or if no paint is
    coming: a window not shown at all (made and driven without being shown), or started minimized (what the user
    asked for is not left waiting for a restore they may not make). No timer stands in for the exposure: on a
    loaded machine it ran out first, and the office opened before the window was painted, as before."""
    handle = window.windowHandle()
    if not window.isVisible() or window.isMinimized() or handle is None or handle.isExposed():
        work()
        return
    _WhenExposed(window, work)


class _WhenExposed(QObject):
    """Watches the window's own QWindow for its first exposure, then lets go of it: no cost once it has run."""

    def __init__(self, window: QWidget, work: Callable[[], object]):
        super().__init__(window)
        self.work: Callable[[], object] | None = work
        self.handle = window.windowHandle()
        self.handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt marks the window exposed before this event reaches it, and paints it while handling it: the work is
        # queued for the loop's next turn, after the paint.
        if event.type() == QEvent.Type.Expose and self.handle.isExposed():
            self.handle.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self.work = self.work, None
        if work is not None:
            work()
        self.deleteLater()
