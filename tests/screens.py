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


def demo_with_a_colleagues_csv(main_window, tmp_path):
    """The demo office open in ``main_window``, and a one-risk CSV beside it to import: the dialogs' tests'
    starting point. Its document and the CSV's path."""
    from pmo_desktop.models.demo import create_demo

    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert main_window.open_path(str(path))
    csv = tmp_path / "risks.csv"
    csv.write_text("ID,Title,Probability,Impact,Project\nR-900,Supplier late,9,3,P-01\n", encoding="utf-8")
    return main_window.document, csv
