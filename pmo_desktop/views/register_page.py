"""A navigation page that shows one register table; register editors extend it with their charts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..models.registers import get_register
from .document import Document
from .register_table import RegisterView


def page_title(text: str, parent=None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    # Grown by the page's zoom with its other words (``zoom.scale_with_zoom``): presenting, a title at 100 %
    # over rows at 125 % looked like a mistake from the back of the room.
    label.setObjectName("page-title")
    return label


class RegisterPage(QWidget):
    """Title + register table. ``register_view`` is what the Edit menu acts on."""

    register_name = ""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.register = get_register(self.register_name)
        self.register_view = RegisterView(document, self.register, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.register.title, self))
        layout.addWidget(self.register_view, 1)

    def show_filtered(self, target) -> RegisterView | None:
        """Show this page's table filtered as a dashboard tile asks (views/register_filter.py)."""
        from .register_filter import apply_filter

        if target.register != self.register_name:
            return None
        apply_filter(self.register_view, target)
        return self.register_view

    def select_record(self, register_name: str, record_id: int) -> bool:
        """Navigate to a record of this page's register (from a chart or the benefits map)."""
        if register_name == self.register_name:
            return self.register_view.select_record(record_id)
        return False
