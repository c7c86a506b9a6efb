"""The reason a value typed into a cell was refused, shown beside the cell's editor, as a spreadsheet's
data validation does — not in a message box, which takes the focus and with it the keys typed next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

FIX_OR_ESCAPE = "Correct it and press Enter, or Esc to keep the cell as it was."
HELD = "What you typed stays in the cell: correct it there and press Enter, or Esc there to keep the cell as it was."
LEFT_SHOWN_MS = 10000  # a note with no editor (beside the ✱ line) goes after this long, or at the next click or key


class RefusalNote(QLabel):
    """A tooltip-coloured note under (or, at the bottom of the table, over) an open editor; it never
    takes the focus, and goes with the editor."""

    def __init__(self, editor: QWidget | None, host: QWidget | None = None, at: QRect | None = None):
        """``host`` and ``at`` (in the host's coordinates): a note beside a cell with no editor open."""
        super().__init__(host if host is not None else editor.parentWidget() if editor is not None else None)
        self.editor = editor
        self.at = at
        self.setObjectName("refusal")
        self.setAutoFillBackground(True)
        palette = QApplication.palette()
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setPalette(palette)
        self.setFrameShape(QLabel.Shape.Box)
        self.setMargin(4)
        self.setWordWrap(True)
        if editor is None:
            QTimer.singleShot(LEFT_SHOWN_MS, self, self.deleteLater)
            # Not yet: the key or click that made the note is still being delivered, and would take it.
            QTimer.singleShot(0, self, self._watch_next_click_or_key)
        else:
            editor.destroyed.connect(self.deleteLater)

    def _watch_next_click_or_key(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """A note with no editor goes at the user's next click or key."""
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) and self.isVisible():
            self.hide()
            self.deleteLater()
        return False

    def show_reason(self, reason: str, then: str = FIX_OR_ESCAPE) -> None:
        self.setText(f"{reason}\n{then}")
        host = self.parentWidget()
        at = self.at if self.at is not None else self.editor.geometry() if self.editor is not None else QRect()
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
        self.setAccessibleName(f"Refused: {reason}")
        self.show()
        self.raise_()


def note_for(editor: QWidget) -> RefusalNote:
    """The editor's note, made at its first refusal."""
    host = editor.parentWidget()
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
