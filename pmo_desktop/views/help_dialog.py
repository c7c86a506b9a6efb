"""F1: the help page shipped with the application (pmo_desktop/resources/help.html), in a dialog."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .. import APP_NAME
from .screen_fit import resize_within_screen


def help_html() -> str:
    return resources.files("pmo_desktop").joinpath("resources", "help.html").read_text(encoding="utf-8")


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("help")
        self.setWindowTitle(f"{APP_NAME} Help")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Help")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(help_html())
        font = self.browser.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.browser.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 760, 640)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
