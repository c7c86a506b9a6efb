"""Status-bar lines about what a widget shows — a chart's cell under the keyboard, "no risks in this cell" — last
only while the widget is shown. Left on the heat map's tab by Ctrl+1, "Probability 2 Low × impact 2 Low: no risks"
stood under the overview, read as the overview's (walk43). A line that reports a finished operation ("Imported …",
"Undone: …") is not said this way and stays across pages for its time, as before. A line about a cell just typed
("“Bob” is Bob Stone …") goes too once the keyboard leaves the table it was typed in (``tell_while_in``).

Qt's status bar keeps one line: a widget takes back only its own, still shown — never a line said since."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar, QWidget

TELL_MS = 10_000  # how long a line stays while the widget stays shown


def status_bar(widget: QWidget) -> QStatusBar | None:
    window = widget.window()
    return window.statusBar() if isinstance(window, QMainWindow) else None


class ShownMessage(QObject):
    """The line ``widget`` last said in the status bar: taken back when the widget is hidden (its page or tab
    left), or changed when what it described changes (``follow``)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget
        self.said = ""
        self.keyboard_in: tuple[QWidget, ...] = ()  # the line goes too when the keyboard leaves these (``say_while_in``)
        widget.installEventFilter(self)

    @staticmethod
    def of(widget: QWidget) -> ShownMessage:
        found = ShownMessage.said_by(widget)
        if found is None:
            found = ShownMessage(widget)
            widget._shown_message = found  # type: ignore[attr-defined]
        return found

    @staticmethod
    def said_by(widget: QWidget) -> ShownMessage | None:
        """The widget's line-keeper if it has said a line; None (and no event filter installed) if it never has."""
        return getattr(widget, "_shown_message", None)

    def say(self, text: str, timeout: int = TELL_MS, yields: bool = False) -> None:
        """``yields``: a line said as the keyboard arrives (a chart's cell) waits while the bar holds a line to be read
        (``StatusLine.hold``: a refused cell left by Ctrl+PgDown), then is said if the widget is still shown."""
        bar = status_bar(self.widget)
        if bar is None:
            return
        wait = bar.holding() if yields and hasattr(bar, "holding") else 0
        if wait:
            QTimer.singleShot(wait + 50, self, lambda: self._say_if_shown(text, timeout))
            return
        bar.showMessage(text, timeout)
        self.said = text

    def _say_if_shown(self, text: str, timeout: int) -> None:
        if self.widget.isVisible():
            self.say(text, timeout, yields=True)

    def say_while_in(self, text: str, within: tuple[QWidget, ...], timeout: int = TELL_MS) -> None:
        """``say``, the line taken back as soon as the keyboard goes to a control of the window outside ``within``
        (Ctrl+Tab on to the page's next control, a click in the panel), as well as when the widget is hidden."""
        if not self.keyboard_in:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._keyboard_moved)
        self.keyboard_in = within or (self.widget,)
        self.say(text, timeout)

    def _keyboard_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        # A popup or a dialog (a list of names, the calendar, a question) is not the keyboard leaving: the line stands.
        if now is None or not self.standing() or now.window() is not self.widget.window():
            return
        if not any(now is w or w.isAncestorOf(now) for w in self.keyboard_in):
            self.take_back()

    def standing(self) -> bool:
        """Whether the status bar still shows this widget's line (not expired, not replaced)."""
        bar = status_bar(self.widget)
        return bool(self.said) and bar is not None and bar.currentMessage() == self.said

    def follow(self, text: str | None) -> None:
        """What the line described reads ``text`` now (None: it is gone): the line standing says so — a line
        left saying "2 risks" under a map that now shows 1 read as the map's."""
        if not self.standing() or text == self.said:
            return
        if text:
            self.say(text)
        else:
            self.take_back()

    def take_back(self) -> None:
        bar = status_bar(self.widget)
        if self.standing() and bar is not None:
            bar.clearMessage()
        self.said = ""

    def eventFilter(self, watched, event) -> bool:
        # Not a spontaneous hide (the window minimized): the page is still the one shown.
        if watched is self.widget and event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.take_back()
        return False


def tell(widget: QWidget, text: str, timeout: int = TELL_MS) -> None:
    """A line in the window's status bar about what ``widget`` shows, gone with the widget's page."""
    ShownMessage.of(widget).say(text, timeout)


def tell_while_in(widget: QWidget, text: str, within: tuple[QWidget, ...] = (), timeout: int = TELL_MS) -> None:
    """A line about what was just typed in ``widget``, gone with the widget's page and once the keyboard leaves
    ``within`` (default: the widget) — a register's table and its ✱ line: "“Bob” is Bob Stone, the one person named
    so" stayed under the stakeholder grid after Ctrl+Tab had walked on to it, read as the grid's (walk 49)."""
    ShownMessage.of(widget).say_while_in(text, within, timeout)
