"""Dropdown cells as Excel's lists behave: what is typed selects the first item starting with it
(incrementally: "Su" is Supplier), never the next item with that letter; and a typed person who is
not in the list is only added after the user says so."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QElapsedTimer, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListView, QMessageBox, QWidget

SEPARATOR = " – "  # scale items read "3 – Medium": typing 3 or M finds them


class _TypeAhead:
    """What has been typed in quick succession, and the item it selects."""

    def __init__(self):
        self.typed = ""
        self.clock = QElapsedTimer()

    def add(self, text: str) -> str:
        interval = max(QApplication.keyboardInputInterval(), 1000)
        if not self.clock.isValid() or self.clock.elapsed() > interval:
            self.typed = ""
        self.typed += text
        self.clock.restart()
        return self.typed

    @staticmethod
    def matches(item: str, typed: str) -> bool:
        item, typed = item.lower(), typed.lower()
        return item.startswith(typed) or (SEPARATOR in item and item.split(SEPARATOR, 1)[1].startswith(typed))

    @classmethod
    def find(cls, texts: list[str], typed: str, current: int) -> int:
        """The current item when it already starts with what was typed, else the first that does; -1: none."""
        if 0 <= current < len(texts) and texts[current] and cls.matches(texts[current], typed):
            return current
        return next((i for i, t in enumerate(texts) if t and cls.matches(t, typed)), -1)


def _is_typing(event) -> bool:
    text = event.text()
    blocked = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    return bool(text) and text.isprintable() and not (event.modifiers() & blocked)


class PrefixListView(QListView):
    """The open list: typing moves to the first item starting with what was typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ahead = _TypeAhead()

    def keyboardSearch(self, search: str) -> None:
        typed = self._ahead.add(search)
        model = self.model()
        texts = [str(model.index(r, 0).data() or "") for r in range(model.rowCount())]
        row = _TypeAhead.find(texts, typed, self.currentIndex().row())
        if row >= 0:
            self.setCurrentIndex(model.index(row, 0))


class ChoiceCombo(QComboBox):
    """A dropdown editor for a cell whose closed box also selects by prefix of what is typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ahead = _TypeAhead()
        self.setView(PrefixListView(self))

    def keyPressEvent(self, event) -> None:
        if not self.isEditable() and _is_typing(event) and (event.text() != " " or self._ahead.typed):
            self.select_prefix(self._ahead.add(event.text()))
            return
        super().keyPressEvent(event)

    def select_prefix(self, typed: str) -> bool:
        i = _TypeAhead.find([self.itemText(i) for i in range(self.count())], typed, self.currentIndex())
        if i >= 0:
            self.setCurrentIndex(i)
        return i >= 0


def existing_name(names: list[str], typed: str) -> str | None:
    """The listed name the user meant when they typed it in another case or spacing."""
    key = " ".join(typed.split()).lower()
    return next((n for n in names if n.lower() == key), None)


def suggestions(names: list[str], typed: str, limit: int = 3) -> list[str]:
    """Names that start with, then contain, what was typed (what the completer showed)."""
    key = typed.strip().lower()
    starts = [n for n in names if n.lower().startswith(key)]
    contains = [n for n in names if key in n.lower() and n not in starts]
    return (starts + contains)[:limit]


def confirm_new_name(parent: QWidget | None, what: str, typed: str, names: list[str],
                     choose: Callable[[str], None]) -> QMessageBox:
    """Ask before adding a new person: use a listed name (as the completer offered), add the new one,
    or cancel. ``choose`` gets the name chosen; nothing happens on cancel. Non-blocking."""
    offered = suggestions(names, typed)
    box = QMessageBox(QMessageBox.Icon.Question, f"New {what}?",
                      f"“{typed}” is not in the list of {what}s." + (
                          " Did you mean one of these?" if offered else f" Add “{typed}” as a new {what}?"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm-new-name")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    chosen: dict = {}
    for name in offered:
        chosen[box.addButton(f"Use {name}", QMessageBox.ButtonRole.AcceptRole)] = name
    add = box.addButton(f"Add “{typed}” as a new {what}", QMessageBox.ButtonRole.YesRole)
    chosen[add] = typed
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(chosen)) if offered else add)
    box.setEscapeButton(cancel)

    def done(_result) -> None:
        name = chosen.get(box.clickedButton())
        if name is not None:
            choose(name)

    box.finished.connect(done)
    box.open()
    return box


def persistent(index) -> QPersistentModelIndex:
    return QPersistentModelIndex(index)
