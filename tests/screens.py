"""Walking every screen of the main window: each page of the navigation, and each tab of a page."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QTabWidget

from pmo_desktop.views.pages import PAGES


def settle(qtbot, ms: int = 30) -> None:
    QApplication.processEvents()
    qtbot.wait(ms)


def screens(window, qtbot) -> Iterator[str]:
    """Show every page and every tab of its own tab bar in turn; yields a name for each screen shown."""
    for row, (title, _spec) in enumerate(PAGES):
        window.show_page(row)
        page = window.pages[row]
        tabs = page.findChild(QTabWidget)
        if tabs is None or tabs.window() is not window:
            settle(qtbot)
            yield title
            continue
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot)
            yield f"{title} - {tabs.tabText(i)}"
        tabs.setCurrentIndex(first)


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")
