"""The reason a value typed into a cell was refused, shown beside the cell's editor, as a spreadsheet's
data validation does — not in a message box, which takes the focus and with it the keys typed next."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

FIX_OR_ESCAPE = "Correct it and press Enter, or Esc to keep the cell as it was."


class RefusalNote(QLabel):
    """A tooltip-coloured note under (or, at the bottom of the table, over) an open editor; it never
    takes the focus, and goes with the editor."""

    def __init__(self, editor: QWidget):
        super().__init__(editor.parentWidget())
        self.editor = editor
        self.setObjectName("refusal")
        self.setAutoFillBackground(True)
        palette = QApplication.palette()
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setPalette(palette)
        self.setFrameShape(QLabel.Shape.Box)
        self.setMargin(4)
        self.setWordWrap(True)
        editor.destroyed.connect(self.deleteLater)

    def show_reason(self, reason: str, then: str = FIX_OR_ESCAPE) -> None:
        self.setText(f"{reason}\n{then}")
        host = self.parentWidget()
        at: QRect = self.editor.geometry()
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
