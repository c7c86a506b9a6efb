"""File ▸ Your Name in the History…: the name the changes saved from this computer to an office file are recorded
under (models/who). A setting of this computer's user (QSettings), not of an office: a file passed around by copy
would otherwise name the next colleague with the previous one's name. On a shared server the database login is
recorded whatever is set here."""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..models import who
from ..models.errors import ValidationError
from . import stored_settings


def load_display_name(settings: QSettings) -> None:
    """The name set on this computer, taken for the changes this program saves (at start)."""
    who.set_display_name(who.DISPLAY_NAME.load(stored_settings.read_text(settings, who.DISPLAY_NAME.key)))


class YourNameDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None, on_server: str | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Your Name in the History")
        login = who.login()
        intro = ("Each change saved to an office file is recorded with who made it: the record's history, "
                 "What Changed Since the Last Board and the board pack show it. Leave the name empty to be "
                 f"recorded by your computer login{f' (“{html.escape(login)}”)' if login else ''}.")
        if on_server:
            intro += (f"<br><br>This office is on a server ({html.escape(on_server)}): its changes are recorded "
                      "under your database login, whatever is set here.")
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.name = QLineEdit(who.display_name(), self)
        self.name.setAccessibleName("Your name in the history")
        self.name.setPlaceholderText(login)
        self.name.setMaxLength(who.MAX_LENGTH)
        self.name.setClearButtonEnabled(True)
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        label = QLabel("&Name:", self)
        label.setBuddy(self.name)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width() - 40) if self.screen() else 520)

    def accept(self) -> None:
        name = self.name.text().strip()
        try:
            who.set_display_name(name)
        except ValidationError as e:
            self.problem.setText(str(e))
            self.problem.show()
            self.name.setFocus()
            return
        self.settings.setValue(who.DISPLAY_NAME.key, name)
        super().accept()
