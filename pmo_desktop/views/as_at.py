"""The "As at: [Today ▾]" control: shows a page's chart or table as the office stood at a past date
(from the record history) or in a board snapshot, read only, and back to today with one click, Esc or Home.

The past states themselves are Qt-free (``models.snapshots``): each is a private read-only office in
memory, read by the very queries the page uses for today. They are kept per document while it is open
(a past day and a snapshot never change), so switching back and forth costs nothing.
"""

from __future__ import annotations

import weakref
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models import clock, history, snapshots
from ..models.snapshots import Source
from ..models.values import day_text
from .document import Document
from .failure_message import reported_not_raised

READ_ONLY_STYLE = ("QLabel { background: #FFF3CD; color: #5C4400; border: 1px solid #E0B84C; "
                   "border-radius: 3px; padding: 3px 8px; font-weight: bold; }")

_cache: "weakref.WeakKeyDictionary[Document, dict[tuple, Source]]" = weakref.WeakKeyDictionary()
TODAY, PICK = "today", "pick"


def key_text(key: tuple | None) -> str:
    """A state as a combo's item data: text only (PySide6 mishandles None, bools and tuples there)."""
    if key is None or key[0] == "now":
        return TODAY
    return f"{key[0]}:{key[1].isoformat() if key[0] == 'day' else key[1]}"


def key_of(text: str) -> tuple | None:
    if text in (TODAY, "now"):
        return None
    kind, value = text.split(":", 1)
    return (kind, date.fromisoformat(value)) if kind == "day" else (kind, int(value))


def not_today_words(source: Source) -> str:
    """What a chart's title adds while it shows a past state, so that no one reads it as today's."""
    if source.label == day_text(source.day):  # a past day, not a snapshot
        return f"as at {day_text(source.day)} — not today"
    return f"board snapshot “{source.label}” ({day_text(source.day)}) — not today"


def source_for(document: Document, key: tuple) -> Source:
    """("day", date) or ("snapshot", id): the past state, made once per open document."""
    known = _cache.setdefault(document, {})
    if key not in known:
        kind, value = key
        known[key] = (snapshots.open_as_at(document.office, value) if kind == "day"
                      else snapshots.open_snapshot(document.office, value))
    return known[key]


class DateDialog(QDialog):
    """A calendar limited to the days the history covers."""

    def __init__(self, first: date | None, current: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Show as at a date")
        self.calendar = QCalendarWidget(self)
        today = clock.today()
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        if first is not None:
            self.calendar.setMinimumDate(QDate(first.year, first.month, first.day))
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        note = QLabel(f"The history of this office starts on {day_text(first)}." if first else
                      "This office has no history yet.", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(lambda _d: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def day(self) -> date:
        picked = self.calendar.selectedDate()
        return date(picked.year(), picked.month(), picked.day())


class AsAtCombo(QComboBox):
    """The "As at" box: its keys never change the date shown on their own. A closed QComboBox moves to the next
    item on an arrow, Page, End, a typed letter or the mouse wheel and shows it at once — one Tab past the heat
    map, a user who meant to move on the map read an old map as today's (walk40). Here those keys open the list
    instead, where the arrows move and Enter picks; the wheel over the closed box scrolls the page, not the
    date; and Home is the way back to today (``home``)."""

    home = Signal()

    OPENS_THE_LIST = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_End}

    def keyPressEvent(self, event) -> None:  # noqa: N802  (Qt's name)
        plain = not event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
        if plain and event.key() == Qt.Key.Key_Home:
            event.accept()
            self.home.emit()
        elif plain and (event.key() in self.OPENS_THE_LIST or self._types_a_letter(event.text())):
            event.accept()
            self.showPopup()  # nothing changes until an item is picked in the list
        else:
            super().keyPressEvent(event)  # Alt+Down, F4 and Space open the list as ever; Tab moves on

    @staticmethod
    def _types_a_letter(text: str) -> bool:
        return bool(text) and text.isprintable() and not text.isspace()

    def wheelEvent(self, event) -> None:  # noqa: N802  (Qt's name)
        event.ignore()  # to the page under it: a scroll passing over the box changed the date shown


class AsAtBar(QWidget):
    """``source_changed(Source | None)``: None means today, the live office."""

    source_changed = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.source: Source | None = None
        self.combo = AsAtCombo(self)
        self.combo.setToolTip("Show this view as the office stood at a past date, or in a board snapshot "
                              "(read only): the arrow keys open the list, Enter picks. Esc or Home comes back "
                              "to today.")
        self.combo.home.connect(self.back_to_today)
        self.combo.setAccessibleName("As at")
        self.combo.activated.connect(self._on_activated)
        self.banner = QLabel(self)
        self.banner.setStyleSheet(READ_ONLY_STYLE)
        self.banner.hide()
        self.back = QPushButton("Back to today", self)
        self.back.setToolTip("Show today's data again, editable (Esc, or Home in the As at box)")
        self.back.clicked.connect(self.back_to_today)
        self.back.hide()
        label = QLabel("As at:", self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.banner)
        layout.addWidget(self.back)
        layout.addStretch(1)
        # Esc only while a past state shows: today, the page's own keys keep it.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), parent or self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.setEnabled(False)
        self.escape.activated.connect(self.back_to_today)
        self.fill()

    def fill(self) -> None:
        """Today, each board snapshot (newest first), and a date picker."""
        # Read before the list is touched: a read that fails (the server away) leaves it as it was, its signals on —
        # failing in between, it left "Today" alone in the list, deaf to a choice until shown again with the server back.
        listed = self.document.office.read(snapshots.list_snapshots)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("Today", TODAY)
        for s in reversed(listed):
            self.combo.addItem(f"{s.label} (board snapshot)", key_text(("snapshot", s.id)))
        self.combo.addItem("Another date…", PICK)
        self.combo.blockSignals(False)
        self._show_current()

    @reported_not_raised  # a read of the office, in a Qt virtual: see ``failure_message.reported_not_raised``
    def showEvent(self, event) -> None:  # noqa: N802  (Qt's name)
        self.fill()  # a pack published meanwhile adds a snapshot
        super().showEvent(event)

    def _show_current(self) -> None:
        key = None if self.source is None else self._key
        index = self.combo.findData(key_text(key))
        if index < 0 and self.source is not None:  # a picked date: shown as its own entry
            self.combo.insertItem(self.combo.count() - 1, self.source.label, key_text(key))
            index = self.combo.count() - 2
        self.combo.setCurrentIndex(max(index, 0))

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data == PICK:
            first = self.document.office.read(history.first_day)
            current = self.source.day if self.source is not None else clock.today()
            dialog = DateDialog(first, current, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._show_current()
                return
            self.show_day(dialog.day())
        elif data == TODAY:
            self.back_to_today()
        else:
            key = key_of(data)
            if key is not None:
                self.show_key(key)

    def show_day(self, day: date) -> None:
        if day >= clock.today():
            self.back_to_today()
        else:
            self.show_key(("day", day))

    def show_snapshot(self, snapshot_id: int) -> None:
        self.show_key(("snapshot", snapshot_id))

    def show_key(self, key: tuple) -> None:
        try:
            source = source_for(self.document, key)
        except Exception as e:  # a damaged snapshot: say so, stay on today
            self.document.error.emit(str(e))
            self.back_to_today()
            return
        self._key = key
        self.source = source
        kind = "Board snapshot “%s”" % source.label if key[0] == "snapshot" else f"As at {day_text(source.day)}"
        self.banner.setText(f"{kind} — read only")
        self.banner.show()
        self.back.show()
        self.escape.setEnabled(True)
        self._show_current()
        self.source_changed.emit(source)

    def back_to_today(self) -> None:
        if self.source is None:
            self._show_current()
            return
        self.source = None
        self.banner.hide()
        self.back.hide()
        self.escape.setEnabled(False)
        self._show_current()
        self.source_changed.emit(None)
