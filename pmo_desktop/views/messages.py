"""Message boxes that do not block: the window stays responsive and tests can read and close them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    # Imported here: the main window loads this module, and QMessageBox's enums cost its start 2–3 ms.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("warning")
    box.open()
    return box


def answer_of(box: QMessageBox):
    """The button a question was answered with. A box closed with none clicked — ``reject()``, which a stop signal
    uses on a dialog open when it comes, and a close Qt does not turn into a click — is answered by its escape
    button, the answer that changes nothing: read as no answer, it fell through to the destructive one ("Close
    Without It"), and what the question was about was lost."""
    return box.clickedButton() or box.escapeButton()
