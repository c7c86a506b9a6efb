"""The reason a value typed into a cell was refused, shown beside the cell's editor, as a spreadsheet's
data validation does — not in a message box, which takes the focus and with it the keys typed next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMainWindow, QWidget
from shiboken6 import isValid

FIX_OR_ESCAPE = "Type over it (it is selected) or correct it, and press Enter; Esc keeps the cell as it was."
HELD = ("What you typed stays in the cell, selected: type over it or correct it there and press Enter, or Esc there "
        "to keep the cell as it was.")
LEFT_SHOWN_MS = 10000  # a note with no editor (beside the ✱ line) goes after this long, or at the next click or key


class RefusalNote(QLabel):
    """A tooltip-coloured note under (or, at the bottom of the table, over) an open editor; it never
    takes the focus, and goes with the editor."""

    def __init__(self, editor: QWidget | None, host: QWidget | None = None, at: QRect | None = None):
        """``host`` and ``at`` (in the host's coordinates): a note beside a cell with no editor open."""
        super().__init__(host if host is not None else note_host(editor) if editor is not None else None)
        self.editor = editor
        self.at = at
        self._placing = False  # moved by ``_place`` (not by the table's scrolling)
        self._place_pending = False
        self.setObjectName("refusal")
        self.reason = ""  # in one line, as the status bar says it beside the note
        self.setAutoFillBackground(True)
        palette = QApplication.palette()
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setPalette(palette)
        self.setFrameShape(QLabel.Shape.Box)
        self.setMargin(4)
        self.setWordWrap(True)
        if editor is None:
            QTimer.singleShot(LEFT_SHOWN_MS, self, self._go)
            # Not yet: the key or click that made the note is still being delivered, and would take it.
            QTimer.singleShot(0, self, self._watch_next_click_or_key)
        else:
            self.setFont(editor.font())  # the table's size (its zoom), not that of the page it now sits on
            editor.destroyed.connect(self._go)  # Esc, or the value corrected and stored
            # The note goes where its editor goes: the table scrolled, the editor moved (or was hidden, its row
            # scrolled out of view) and the note stayed where it was, beside another row's cell.
            editor.installEventFilter(self)

    def _watch_next_click_or_key(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """A note follows its editor (moved, resized, hidden, shown again); a note with no editor goes at the
        user's next click or key."""
        if self.editor is not None:
            if watched is self.editor and self.text():
                if event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and self.isVisible():
                    self._place_soon()
                elif event.type() == QEvent.Type.Hide:
                    self.hide()
                elif event.type() == QEvent.Type.Show:
                    self._place()
                    self.show()
                    self.raise_()
            return False
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) and self.isVisible():
            self._go()
        return False

    def _go(self) -> None:
        if isValid(self):
            self.hide()
            self.deleteLater()

    def show_reason(self, reason: str, then: str = FIX_OR_ESCAPE) -> None:
        self.setText(f"{reason}\n{then}")
        self.reason = " ".join(reason.split())
        self._place()
        self.setAccessibleName(f"Refused: {reason}")
        self.setAccessibleDescription(then)
        self.show()
        self.raise_()
        self._say_in_status_bar()
        # Said to a screen reader as it appears, as an alert is: the note never takes the focus (the keys typed
        # next go on into the cell), so a reader following the focus never came to it.
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _say_in_status_bar(self) -> None:
        """The status bar says the reason too, whoever refused the value: a choice's refusal (said by its editor,
        not by the store) left there the "Saved" of the cell before, beside a note saying this one was not."""
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None and self.reason not in " ".join(bar.currentMessage().split()):
            bar.showMessage(self.reason, 15000)

    def hideEvent(self, event) -> None:
        """The note gone (Esc, the value corrected, the next key beside a locked cell) takes its words from the
        status bar too: they stayed there 15 seconds after the user had dismissed or fixed the edit, a refusal
        read as standing. Not a spontaneous hide (the window minimized) — nor a status word said since."""
        super().hideEvent(event)
        if event.spontaneous() or not self.reason:
            return
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None and self.reason in " ".join(bar.currentMessage().split()):
            bar.clearMessage()

    def moveEvent(self, event) -> None:
        """Scrolling the table moves the viewport's children, this note with them, and then sets its editor
        where its cell now is: once both are done the note goes beside the editor again."""
        super().moveEvent(event)
        if self.editor is not None and not self._placing:
            self._place_soon()

    def _place_soon(self) -> None:
        if not self._place_pending:
            self._place_pending = True
            QTimer.singleShot(0, self, self._place)

    def _place(self) -> None:
        """Under the cell (over it at the bottom of the table), as wide as the cell or 40 letters."""
        self._place_pending = False
        if self.editor is not None and not isValid(self.editor):
            # The editor went (a name picked from the list of people closes it) between the move that asked
            # for this and the note's own deletion, which its destroyed signal posted behind this call.
            return
        self._placing = True
        try:
            self._put()
        finally:
            self._placing = False

    def _put(self) -> None:
        host = self.parentWidget()
        at = self.at if self.at is not None else self._editor_rect()
        width = max(at.width(), min(self.fontMetrics().horizontalAdvance("M") * 40, host.width() if host else 400))
        self.setFixedWidth(width)
        self.adjustSize()
        left = at.left()
        if host is not None:
            left = max(0, min(left, host.width() - width))
        top = at.bottom() + 1
        if host is not None and top + self.height() > host.height():
            top = max(0, at.top() - self.height())
        self.move(left, top)


    def _editor_rect(self) -> QRect:
        """The editor's cell in the note's parent's coordinates."""
        if self.editor is None:
            return QRect()
        host = self.parentWidget()
        corner = self.editor.mapTo(host, QPoint(0, 0)) if host is not None else self.editor.pos()
        return QRect(corner, self.editor.size())


def note_host(editor: QWidget) -> QWidget | None:
    """Where an editor's note lives: beside the table, not in its viewport — there the frozen ID and title,
    drawn over the viewport, covered the note's first words, and a narrow table (the stakeholders' beside
    their grid) cut its width to the viewport's ("of the Program (Yes, No). Enter, or Esc to as.")."""
    host, widget = editor.parentWidget(), editor.parentWidget()
    while widget is not None and not widget.isWindow():
        if isinstance(widget, QAbstractItemView) and widget.parentWidget() is not None:
            host = widget.parentWidget()  # the outermost table's: a frozen column's table is inside its table
        widget = widget.parentWidget()
    return host


def note_for(editor: QWidget) -> RefusalNote:
    """The editor's note, made at its first refusal."""
    host = note_host(editor)
    for note in host.findChildren(RefusalNote) if host is not None else ():
        if note.editor is editor:
            return note
    return RefusalNote(editor)


def show_beside(host: QWidget, at: QRect, reason: str, then: str) -> RefusalNote:
    """The reason the store refused what a cell with no editor open completed (a record typed in the ✱ line),
    beside that cell (``at``, in ``host``'s coordinates) a few seconds, instead of a message box."""
    note = RefusalNote(None, host=host, at=at)
    note.show_reason(reason, then)
    return note
