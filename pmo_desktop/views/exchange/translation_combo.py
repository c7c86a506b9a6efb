"""The dropdown of a value to translate in the import preview.

Its choices quote the value ("Add “Data protection, privacy and compliance of customer records” to the
office's list"), in a column of a pane a third of the dialog wide: the closed box cut the choice mid-word
("Add “Cost” to the office") and a popup as wide as the box would cut it too. The popup is as wide as its
longest choice (within the screen); the closed box shortens a choice that does not fit inside its quotes,
then leaves the quoted value out (the row's label beside it names the value), so the words saying what the
choice does stay whole; the whole choice is the box's tooltip.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
# The letters typed into the dropdowns so far, and when the last came: one keyboard, so one run of letters, kept
# here rather than in a dropdown — a choice previews the import again and the dropdown is made anew.
class _Run:
    text = ""
    at = 0.0


_typed = _Run()


def short_form(text: str) -> str:
    """A choice at its shortest readable: without its quoted value ("Add to the office's list")."""
    start, end = text.find(OPEN_QUOTE), text.rfind(CLOSE_QUOTE)
    if 0 <= start < end:
        return " ".join((text[:start].strip() + " " + text[end + 1:].strip()).split())
    return text


def fitted_choice(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` as it fits ``width``: whole; else its quoted part cut short ("Add “Data prot…” to the office's
    list"); else without it ("Add to the office's list"); else cut at its end."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    start, end = text.find(OPEN_QUOTE), text.rfind(CLOSE_QUOTE)
    if 0 <= start < end:
        head, quoted, tail = text[:start + 1], text[start + 1:end], text[end:]
        room = width - metrics.horizontalAdvance(head + tail)
        if room >= metrics.horizontalAdvance(quoted[:4] + "…"):
            return head + metrics.elidedText(quoted, Qt.TextElideMode.ElideRight, room) + tail
        bare = " ".join((text[:start].strip() + " " + text[end + 1:].strip()).split())
        if metrics.horizontalAdvance(bare) <= width:
            return bare
        text = bare
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class TranslationCombo(QComboBox):
    """A value's choices: popup as wide as they are, closed box readable however narrow (module doc)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda *_: self.setToolTip(self.currentText()))

    def popup_width(self) -> int:
        """What the popup needs to show every choice whole, at most the screen's width."""
        view = self.view()
        needed = (view.sizeHintForColumn(0) + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
                  + 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self) + 8)
        screen = self.screen()
        limit = screen.availableGeometry().width() - 16 if screen is not None else needed
        return max(self.width(), min(needed, limit))

    def type_dates(self, typed: Callable[[str], None]) -> None:
        """Make the box editable for a date column's word: the user types the day and presses Enter, ``typed``
        gets the text (nothing is added to the list: the preview made anew shows the day chosen); a choice
        picked from the list still works as in any dropdown."""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.lineEdit()
        assert line is not None  # made by setEditable
        line.setPlaceholderText("type a date, e.g. 2026-03-31")
        line.returnPressed.connect(lambda: typed(line.text()))
        if self.currentData() is None:  # not translated yet: an empty field to type into, its example shown
            line.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Letters typed choose the first choice they begin, as Qt's own search does — but the run of letters
        goes on in the dropdown made anew by the choice its first letter made: "Occurred" typed chose Open at
        "O", then, in the new dropdown, "c" alone — Closed — and Enter imported Closed."""
        text = event.text()
        if self.isEditable():  # a date's box: the letters are the date typed, not a search of the choices
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # the Enter that gave the day (its line edit passes it on): not the dialog's default button too,
                # which imported the preview before the day was read into it
                event.accept()
                return
            super().keyPressEvent(event)
            return
        if not text or not text.isprintable() or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            _typed.text = ""
            super().keyPressEvent(event)
            return
        now = time.monotonic()
        run = _typed.text if now - _typed.at <= QApplication.keyboardInputInterval() / 1000 else ""
        _typed.text, _typed.at = run + text, now
        key = _typed.text.lower()
        found = next((i for i in range(self.count()) if self.itemText(i).lower().startswith(key)), -1)
        if found < 0 and len(set(key)) == 1:  # one letter again and again: the next choice it begins, as Qt does
            begins = [i for i in range(self.count()) if self.itemText(i).lower().startswith(key[0])]
            found = next((i for i in begins if i > self.currentIndex()), begins[0] if begins else -1)
        if found >= 0 and found != self.currentIndex():
            self.setCurrentIndex(found)
        # The run's clock from when this key was done with, not pressed: a choice re-checks the preview, which on
        # a loaded machine outlasted the interval, and the letters typed meanwhile ("ccurred" after "O") began a
        # run of their own — "c" chose Closed (walkthrough20 under load).
        _typed.at = time.monotonic()
        event.accept()

    def showPopup(self) -> None:
        self.view().setMinimumWidth(self.popup_width())
        super().showPopup()

    def least_width(self) -> int:
        """The box's width that shows each of its choices readable: the words of what it does whole ("Add to the
        office's list", "(not translated)", "3 – Medium"); an office's own long choice may still be shortened
        beyond that width (the tooltip and the opened list have it whole)."""
        metrics = self.fontMetrics()
        cap = metrics.horizontalAdvance("Add to the office's list")
        text = max((min(metrics.horizontalAdvance(short_form(self.itemText(i))), cap) for i in range(self.count())),
                   default=0)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return text + 4 + max(0, self.width() - field.width())  # the arrow and the frame beside the text

    def shown_text(self) -> str:
        """The closed box's text: the current choice as it fits the box."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return fitted_choice(self.currentText(), self.fontMetrics(), field.width() - 4)

    def paintEvent(self, event) -> None:
        if self.isEditable():  # its line edit shows the text typed or chosen
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
