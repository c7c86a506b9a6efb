"""“Someone else changed this record”: yours and theirs side by side, and the three ways out.

Non-blocking (``open()``), like the other messages: the window stays usable and tests can press the
buttons. ``chosen`` carries the ``Resolution``; closing the dialog any other way keeps theirs, since
that writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models.conflicts import Resolution
from ..models.errors import EditConflict, show_value

BUTTONS = (
    (Resolution.KEEP_THEIRS, "&Keep theirs", "Discard your change; the record stays as they left it."),
    (Resolution.OVERWRITE, "&Overwrite with mine", "Write every value of your edit over theirs."),
    (Resolution.REAPPLY, "&Re-apply my change",
     "Apply only the values you changed on top of their version; their other changes stay."),
)


class ConflictDialog(QDialog):
    chosen = Signal(object)  # Resolution

    def __init__(self, conflict: EditConflict, record_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflict")
        self.setWindowTitle("Someone else changed this record")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict = conflict
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{record_title}</b> was changed by someone else while you were editing it. "
                       "Your change has not been saved yet.")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        names = list(conflict.mine_values) or ([conflict.field] if conflict.field else [])
        self.table = QTableWidget(len(names), 3, self)
        self.table.setHorizontalHeaderLabels(["Field", "Yours", "Theirs (saved now)"])
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Your values and theirs")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, name in enumerate(names):
            mine = conflict.mine_values.get(name, conflict.mine)
            theirs = conflict.theirs_values.get(name, conflict.theirs)
            cells = (conflict.labels.get(name, name), show_value(mine), show_value(theirs))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

        box = QDialogButtonBox(self)
        self.buttons: dict[Resolution, QPushButton] = {}
        for choice, text, tip in BUTTONS:
            button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            self.buttons[choice] = button
        self.buttons[Resolution.KEEP_THEIRS].setDefault(True)  # the choice that writes nothing
        # The keyboard on the choices, each with its Alt letter: it opened in the values' table, from which Tab
        # reached the buttons only after the table, and no letter chose one (a keyboard-only user's conflict).
        self.buttons[Resolution.KEEP_THEIRS].setFocus()
        layout.addWidget(box)
        self.resize(640, 160 + 30 * len(names))

    def _choose(self, choice: Resolution) -> None:
        self.chosen.emit(choice)
        self.accept()

    def reject(self) -> None:  # Escape or the close box: keep theirs
        self.chosen.emit(Resolution.KEEP_THEIRS)
        super().reject()
