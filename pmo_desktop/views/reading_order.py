"""Tab through a page as it reads: top to bottom, a row left to right, a panel beside another read whole first.

Qt's Tab order is the order the widgets were made in, patched by ``setTabOrder`` here and there: a page that
made its buttons after its table (the Risks page's Escalate… and Scale…, put on the table's search bar) sent
Tab from the table's ✱ line back up to them before the detail panel below, and other pages had their own
(a tab bar, a page's button at the top right, a panel's buttons reached after the table under them). The
order is now read off the page as shown, each time Tab is pressed — the tab of a page shown, a panel shown
or hidden are followed without a chain to keep up to date: each widget that takes Tab once, none skipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStackedWidget, QWidget


def hands_focus_on(widget: QWidget) -> bool:
    """Whether Qt gives the focus ``widget`` is given to another widget, its focus proxy: a tab widget to its
    tab bar, a scroll area's viewport (a table's, a chart's, a text box's) to the scroll area.

    A viewport is known as one and never asked ``focusProxy()``: PySide makes the widget that call returns a
    child of the one asked, for Python's bookkeeping — the scroll area a child of its own viewport, two Python
    objects holding each other and nothing else. Python's collector then deleted the pair, and with it the
    scroll area and all in it, under a page still shown (crash45: one Tab on the Benefits page, and a moment
    later the benefit profile was gone; the next edit of a benefit met it deleted and the program died). A
    tab widget's proxy is below it, where that bookkeeping does no harm."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    return widget.focusProxy() is not None


def takes_tab(widget: QWidget) -> bool:
    """A control Tab stops at: shown, enabled, taking focus by Tab, not handing it to another."""
    return (widget.isVisible() and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and not hands_focus_on(widget))


def _in_rows(widgets: list[QWidget]) -> list[QWidget]:
    """Siblings as a reader meets them: by rows (a widget whose top is above the middle of the row's first
    is beside it, not below), each row left to right. A tall panel and those beside it are one row: the
    left one is read whole first."""
    rows: list[list[QWidget]] = []
    for w in sorted(widgets, key=lambda w: (w.geometry().top(), w.geometry().left())):
        first = rows[-1][0].geometry() if rows else None
        if first is not None and w.geometry().top() < first.center().y():
            rows[-1].append(w)
        else:
            rows.append([w])
    return [w for row in rows for w in sorted(row, key=lambda w: w.geometry().left())]


def reading_order(root: QWidget) -> list[QWidget]:
    """The controls of ``root`` Tab stops at, in reading order. A control is one stop: what is inside it (a
    table's open editor, a combo's line edit) is its own business."""
    # Named here, not with the module: PySide makes a class's Python type at the first use of its name, and the
    # start screen, which imports this module for its page stack, has no splitter and is painted before Tab is pressed
    from PySide6.QtWidgets import QSplitter

    found: list[QWidget] = []
    if isinstance(root, QSplitter):  # its panes in its order: one collapsed for room has no size to place it by
        children = [w for i in range(root.count()) if (w := root.widget(i)) is not None and w.isVisible()]
    else:  # widgets only (``children()`` would wrap every QObject of a table's too: its selection model …)
        children = _in_rows([c for c in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                             if not c.isWindow() and c.isVisible()])
    for child in children:
        if takes_tab(child):
            found.append(child)
        else:
            found.extend(reading_order(child))
    return found


class ReadingOrderStack(QStackedWidget):
    """The main window's pages: Tab and Shift+Tab walk the page shown in reading order (``reading_order``);
    past its last control (or before its first) the keyboard leaves the page for the window's next control
    outside it — the page list — as before."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        page = self.currentWidget()
        focus = QApplication.focusWidget()
        if page is None or focus is None or not page.isAncestorOf(focus):
            return super().focusNextPrevChild(next)
        order = reading_order(page)
        at = None
        for i, control in enumerate(order):
            if control is focus or control.isAncestorOf(focus):
                at = i
                break
        if at is None:
            return super().focusNextPrevChild(next)
        next_at = at + (1 if next else -1)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        if 0 <= next_at < len(order):
            order[next_at].setFocus(reason)
            return True
        outside = self._outside(next)
        (outside or order[0 if next else -1]).setFocus(reason)
        return True

    def _outside(self, forward: bool) -> QWidget | None:
        """The window's control after the pages (before them: ``forward`` False), round the window's end: the
        page list. Read off the window as the page is (never by Qt's focus chain: ``nextInFocusChain`` hands
        PySide widgets that then belong to the wrong owner — walkthrough 21's crash)."""
        whole = reading_order(self.window())
        inside = [i for i, w in enumerate(whole) if self.isAncestorOf(w)]
        if not inside:
            return None
        # from the page's last control on, round the end to its first: the controls outside, in reading order
        around = [w for w in whole[inside[-1] + 1:] + whole[:inside[0]] if not self.isAncestorOf(w)]
        if not around:
            return None
        return around[0] if forward else around[-1]

    def came_in(self, before: QWidget | None, forward: bool) -> None:
        """After Tab moved the keyboard from ``before``, outside the pages, into the page shown: to its first
        control (Shift+Tab: its last), not wherever Qt's chain enters it (the RAID page's tab bar, past its
        Rules… button above)."""
        page = self.currentWidget()
        focus = QApplication.focusWidget()
        if page is None or focus is None or not page.isAncestorOf(focus):
            return
        if before is not None and (before is page or page.isAncestorOf(before)):
            return
        order = reading_order(page)
        if order:
            order[0 if forward else -1].setFocus(Qt.FocusReason.TabFocusReason if forward
                                                 else Qt.FocusReason.BacktabFocusReason)
