"""Typing dates: a text editor whose text is read by the one date parser (models.values.parse_date)
in the user's locale order, with a calendar popup (the button, Alt+Down or F4) for picking."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QMainWindow, QVBoxLayout

from ...models import clock, errors
from ...models.values import (
    DATE_NEAREST,
    DATE_PAST,
    DAY_FIRST,
    MONTH_FIRST,
    date_example,
    day_text,
    full_year,
    parse_date,
    reading_text,
    without_direction_marks,
    year_left_out,
)


def locale_date_order(locale=None) -> str:
    """DAY_FIRST or MONTH_FIRST, from the short date format of the user's locale (QLocale)."""
    from PySide6.QtCore import QLocale

    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    d, m = fmt.find("d"), fmt.find("M")
    return MONTH_FIRST if 0 <= m < d else DAY_FIRST


# Two numbers with a slash, dot or dash between them: a day and a month, in the locale's order, of the year the
# field looks to (values.year_left_out) — as Excel reads "3/12" typed into a cell. Before, "3/12" was refused and
# "3.12" was read as the Excel date number 3.12, 2 January 1900.
_DAY_AND_MONTH = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*")
# Dots between a day, a month and perhaps a year (3.4.27, 3.4.2027, 3.4.): how day-first countries write dates.
_DOTTED = re.compile(r"\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4})?)?\s*")


def parse_typed_date(value, label: str, when: str = "") -> date | None:
    """What the user typed or pasted, read in their locale's order; ValidationError when not a date. A day
    and a month alone ("3/12", "3.12", "4 March") are of the year the field looks to (``when``: DATE_AHEAD,
    DATE_PAST, or else the nearest such day, as in values.year_left_out; typed here only: an import does not
    guess a year from today).

    Never two dates read as one without a word: a date written with dots (3.4.27) where the locale writes the
    month first is refused when it could be either — 3 Apr 2027 as its dots say, 4 Mar 2027 as the locale says —
    and read as the only real one otherwise (13.4.27). Before, it was read month first, in silence: a German's
    3 April on an American laptop stored as 4 March. And a day after today in a field of what already happened
    (DATE_PAST: raised, decided, reviewed, held) is refused with the reason, the text kept in the cell to put
    right; a workbook's such date is imported as it is (the program never changes the user's data)."""
    order = locale_date_order()
    today = clock.today()
    when = when or DATE_NEAREST  # typed in a field that looks neither way: the nearest such day (values.py)
    text = without_direction_marks(value) if isinstance(value, str) else None
    dotted = _DOTTED.fullmatch(text) if text is not None and order == MONTH_FIRST else None
    found = _DAY_AND_MONTH.fullmatch(text) if text is not None else None
    read: date | None
    if dotted is not None:
        read = _dotted_date(value, label, dotted, today, when)
    elif found is not None:
        first, second = int(found[1]), int(found[2])
        day, month = (first, second) if order == DAY_FIRST else (second, first)
        try:
            read = year_left_out(month, day, today, when)
        except ValueError:
            _refuse_the_other_order(value, label, order, today, when)
            raise errors.ValidationError(f"{label}: “{value}” is not a real date (dates are typed like "
                                         f"{date_example(order)} or 2026-03-31).") from None
    else:
        try:
            read = parse_date(value, label, order=order, today=today, when=when)
        except errors.ValidationError:
            _refuse_the_other_order(value, label, order, today, when)
            raise
    if when == DATE_PAST and read is not None and read > today:
        raise errors.ValidationError(f"{label}: {day_text(read)} is after today ({day_text(today)}) — this date "
                                     "records what has already happened: today or before.")
    return read


# A day and a month with a slash or a dash between them, perhaps a year: "4/13/2026", "13-4".
_NUMBERED_DATE = re.compile(r"\s*(\d{1,2})\s*([/\-])\s*(\d{1,2})\s*(?:\2\s*(\d{2}|\d{4})\s*)?")


def _refuse_the_other_order(value, label: str, order: str, today: date, when: str) -> None:
    """A date typed in the other order than this computer's, real only so ("4/13/2026" where the day comes first:
    13 is no month): refused with the order named and the date it would be, typed as this computer reads it.
    It said "is not a real date (dates are typed like 31/03/2026 …)", and an American at a British desk was left
    to work out why; the date is not taken as the other order's, as "4/5/2026" beside it would be read day first
    in silence. Returns when the text is no such date."""
    found = _NUMBERED_DATE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        return
    first, second, year = int(found[1]), int(found[3]), found[4]
    day, month = (second, first) if order == DAY_FIRST else (first, second)  # the other order's reading
    try:
        meant = date(full_year(year), month, day) if year else year_left_out(month, day, today, when)
    except ValueError:
        return
    ours = "the day first" if order == DAY_FIRST else "the month first"
    typed = (f"{meant.day:02d}/{meant.month:02d}" if order == DAY_FIRST else f"{meant.month:02d}/{meant.day:02d}") + (
        f"/{meant.year}" if year else "")
    raise errors.ValidationError(f"{label}: “{value}” is not a real date: this computer writes {ours} "
                                 f"({date_example(order)}) — for {day_text(meant)} type {typed} or "
                                 f"{day_text(meant)}.")


def _dotted_date(value: str, label: str, dotted: re.Match, today: date, when: str) -> date:
    """A date typed with dots in a month-first locale: the one real reading, day first or month first; refused
    with both readings when it could be either."""
    first, second, year = int(dotted[1]), int(dotted[2]), dotted[3]
    readings: list[date] = []
    for day, month in ((first, second), (second, first)):
        try:
            reading = (date(full_year(year), month, day) if year
                       else year_left_out(month, day, today, when))
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        raise errors.ValidationError(f"{label}: “{value}” is not a real date (dates are typed like "
                                     f"{date_example(MONTH_FIRST)} or 2026-03-31).")
    if len(readings) == 2:
        day_first, month_first = readings
        raise errors.ValidationError(
            f"{label}: “{value}” could be {day_text(day_first)} (day first, as dates with dots are written) or "
            f"{day_text(month_first)} (month first, as this computer writes dates) — type the month's name, "
            f"e.g. {day_text(day_first)}, or {day_first.isoformat()}.")
    return readings[0]


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn once (QStyle has no standard calendar icon)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRect(1, 2, size - 3, size - 4)
    p.setPen(QColor("#455a64"))
    p.setBrush(QColor("white"))
    p.drawRoundedRect(frame, 2, 2)
    p.fillRect(QRect(frame.left(), frame.top(), frame.width() + 1, max(3, size // 4)), QColor("#c62828"))
    p.setPen(QColor("#455a64"))
    step = (size - 6) / 3
    for row in range(2):
        for col in range(3):
            x = int(frame.left() + 2 + col * step)
            y = int(frame.top() + size // 4 + 2 + row * step)
            p.drawPoint(QPoint(x + 1, y + 1))
            p.drawPoint(QPoint(x + 2, y + 1))
    p.end()
    return QIcon(pixmap)


class DateLineEdit(QLineEdit):
    """Type a date as text (2026-03-31, 31/03/2026, 31 Mar 2026, today, 46112); the calendar
    button, Alt+Down or F4 opens a calendar to pick one. ``picked`` says a date was chosen there."""

    picked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(f"e.g. {date_example(locale_date_order())}, 31 Mar 2026, today")
        self._usual_tip = ("Type a date: 2026-03-31, " + date_example(locale_date_order())
                           + ", 31 Mar 2026, today — or Alt+Down / F4 for a calendar")
        self.setToolTip(self._usual_tip)
        self.calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip("Pick from a calendar (Alt+Down or F4)")
        self.calendar_action.setText("Pick a date from a calendar")  # what a screen reader says for the button
        self.calendar_action.triggered.connect(self.show_calendar)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None
        self.label, self.when = "Date", ""
        self._said = ""  # the reading last put in the window's status bar, taken back once it no longer stands
        self.textEdited.connect(self._say_reading)

    def read_as(self, label: str, when: str) -> None:
        """The field this editor is for: its name and the way it looks (``Field.when``), as the cell reads it."""
        self.label, self.when = label, when

    def _say_reading(self, text: str) -> None:
        """As the user types, the day the text will be stored as, with its weekday, in the window's status bar
        ("Due: “next Friday” is Friday 11 Dec 2026"), before Enter stores it — a word counted from today or a day
        without its year was seen only once stored, and a wrong week went unnoticed. Said only for a text that is a
        date: a half-typed one says nothing yet (Enter says why it is not one)."""
        try:
            day = parse_typed_date(text, self.label, self.when) if text.strip() else None
        except errors.ValidationError:
            day = None
        said = f"{self.label}: {reading_text(text, day)} — Enter stores it" if day is not None else ""
        self.setToolTip(said or self._usual_tip)
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is None:
            return
        if said:
            bar.showMessage(said)
        elif self._said and bar.currentMessage() == self._said:
            bar.clearMessage()
        self._said = said

    def hideEvent(self, event) -> None:
        """The editor closed (stored, Esc) takes its reading from the status bar: it no longer stands."""
        super().hideEvent(event)
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None and self._said and bar.currentMessage() == self._said:
            bar.clearMessage()
        self._said = ""

    def needed_width(self) -> int:
        """Wide enough for a date typed with the month's name, and the calendar button."""
        return self.fontMetrics().horizontalAdvance("30 Sep 2026  ") + self.height() + 12

    def typed_date(self) -> date | None:
        """The date typed so far, or None (blank or not a date)."""
        try:
            return parse_typed_date(self.text(), self.label, self.when)  # the day Enter would store
        except errors.ValidationError:
            return None

    def set_date(self, value: date | None) -> None:
        self.setText(day_text(value) if value else "")  # as the cell shows it: "15 Mar 2027"

    def type_today(self) -> None:
        """Excel's Ctrl+; (the table's delegate passes it here): today's date as the cell's whole text, said as a
        date typed is said; Enter stores it."""
        self.set_date(clock.today())
        self.textEdited.emit(self.text())  # its reading in the status bar, as a date typed

    def keyPressEvent(self, event) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self.popup is None:
            # A child of the editor, so the table's delegate does not take its focus as "editing done".
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.clicked.connect(self._pick)
            self.calendar.activated.connect(self._pick)
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(1, 1, 1, 1)
            layout.addWidget(self.calendar)
        assert self.calendar is not None
        current = self.typed_date() or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and below.y() + self.popup.height() > screen.bottom():
            below = self.mapToGlobal(QPoint(0, -self.popup.height()))
        self.popup.move(below)
        self.popup.show()
        self.calendar.setFocus()

    def _pick(self, qdate: QDate) -> None:
        self.set_date(date(qdate.year(), qdate.month(), qdate.day()))
        if self.popup is not None:
            self.popup.hide()
        self.setFocus()
        self.picked.emit()

