"""Tabs by keyboard, the same way wherever they are: Ctrl+PgDown / Ctrl+PgUp (View ▸ Next Tab) move to the next or
previous tab of the tabs the keyboard is in — a page's own, or a benefit profile's in tabs at 1280×720 — and the
keyboard goes into the tab shown: its table, its chart, its list, else its first control.

In the benefit profile Ctrl+PgDown left the Benefits tab for the program roll-up, Ctrl+Tab in its description
showed the next part with the keyboard left in the hidden box (typing went nowhere seen), and Ctrl+Shift+Tab
went back a part into its table: three ways for one move.

Ctrl+Tab is not one of them: in the window it is the README's key on to the next control (out of a table, a text
box that takes Tab for focus), and a tab widget took it from whatever inside it left it unused — the keyboard
went round the tabs for ever (the risk panel's Cause to the Heat map, Trend, Program view, Issue log and back,
never Event or Notes; a benefit's profile part after part), with no way on to the next control
(``TabsLeaveCtrlTab``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

from .reading_order import reading_order, takes_tab


def tabs_of_keyboard(page: QWidget) -> QTabWidget | None:
    """The tabs Ctrl+PgDown moves: the innermost shown tabs holding the keyboard (a benefit's profile), else the
    page's own — the outermost shown, not tabs inside one of its tabs."""
    shown = [t for t in page.findChildren(QTabWidget) if t.isVisible() and t.count() > 1]
    focus = QApplication.focusWidget()
    holding = [t for t in shown if focus is not None and t.isAncestorOf(focus)]
    if holding:
        return next(t for t in holding if not any(o is not t and t.isAncestorOf(o) for o in holding))
    return next((t for t in shown if not any(o is not t and o.isAncestorOf(t) for o in shown)), None)


def switch_tab(tabs: QTabWidget, step: int) -> None:
    """``tabs``' next (``step`` 1) or previous (-1) enabled tab, round the end, the keyboard into it."""
    enabled = [i for i in range(tabs.count()) if tabs.isTabEnabled(i)]
    if not enabled:
        return
    here = enabled.index(tabs.currentIndex()) if tabs.currentIndex() in enabled else 0
    tabs.setCurrentIndex(enabled[(here + step) % len(enabled)])
    keyboard_into(tabs)


def keyboard_into(tabs: QTabWidget) -> None:
    """The keyboard in the tab shown: its register's table, else its chart (whose cursor the arrows move,
    views/chart_cursor.py), else a list of its own (the action log's), else its first control as Tab reads it
    (a profile's description) — on the tab bar, for the arrows, where the tab has none."""
    from .register_table.register_view import RegisterView

    shown = tabs.currentWidget()
    if shown is None:
        return
    # The tab's register, not a sub-table beside it (the issue log's actions under it): a record's own table
    # has no parent register.
    views = [shown] if isinstance(shown, RegisterView) else [v for v in shown.findChildren(RegisterView)
                                                             if v.isVisible()]
    view = next((v for v in views if v.register.parent is None), views[0] if views else None)
    chart = next((w for w in [shown, *shown.findChildren(QWidget)]
                  if hasattr(w, "keyboard_cursor") and w.isVisible()), None)
    # A list of its own: the keyboard stayed on the tab bar, where Down did nothing and the lines took two Tabs
    # to reach — the README promises the keyboard in the tab's table.
    listing = next((w for w in shown.findChildren(QAbstractItemView)
                    if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and w.model() is not None and w.model().rowCount() > 0), None)
    if view is None and chart is None and listing is not None:
        if not listing.currentIndex().isValid():
            listing.setCurrentIndex(listing.model().index(0, 0))
        listing.setFocus(Qt.FocusReason.TabFocusReason)
        return
    first = shown if takes_tab(shown) else next(iter(reading_order(shown)), None)  # a tab that is a text box
    target = view.table if view is not None else chart if chart is not None else first or tabs.tabBar()
    target.setFocus(Qt.FocusReason.TabFocusReason)


class TabsLeaveCtrlTab(QObject):
    """Ctrl+Tab / Ctrl+Shift+Tab that nothing inside a tab widget of ``window`` used goes past the tab widget to
    the window, which moves on to the next (previous) control as Tab does (``MainWindow.keyPressEvent``); Qt's tab
    widget would show its next tab instead, round and round. Ctrl+PgDown / Ctrl+PgUp move the tabs. Dialogs keep
    Qt's way, Ctrl+Tab their tabs, as in any dialog."""

    def __init__(self, window: QWidget):
        super().__init__(window)  # goes with the window
        self.window = window

    def watch(self, page: QWidget) -> None:
        """Filter the tab widgets of ``page`` (built whole at its first visit, ``MainWindow._ensure_page``): on them
        only, not on the application, where a filter written in Python would run for every event of every widget —
        each paint and wheel turn of a scrolled register."""
        for tabs in page.findChildren(QTabWidget):
            tabs.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QTabWidget)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and self.window.isAncestorOf(watched)):
            # Filtered and left unaccepted: Qt hands the key on to the tab widget's parent, and so up to the window.
            event.ignore()
            return True
        return False
