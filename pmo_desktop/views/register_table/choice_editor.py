"""Dropdown cells as Excel's lists behave: what is typed selects the item starting with it
(incrementally: "Su" is Supplier), never the next item with that letter; letters that begin several items
("pr": Program and Project) pick none — the cell keeps its value and a tip names them and what to type on;
and a typed person who is not in the list is only added after the user says so.

A level cell ("1 – Very low" … "5 – Very high") is typed by its number or by its level's word: "4",
"h" (High), "very h" or the word's initials "vh" (Very high). Letters that begin more than one level's
word ("v": Very low or Very high) pick neither — the cell keeps its value and a tip says what to type
on — rather than the first, the opposite end of the scale."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QListView,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

from ...models.fields import plural_of
from ...models.records import near_names
from .refusal_note import RefusalNote, note_for, note_host

SEPARATOR = " – "  # scale items read "3 – Medium": typing 3 or M finds them
AMBIGUOUS = -2     # ``_TypeAhead.find``: letters that begin several levels' words ("v")


class _TypeAhead:
    """What has been typed in quick succession, and the item it selects."""

    def __init__(self):
        self.typed = ""
        self.clock = QElapsedTimer()

    def recent(self) -> bool:
        """Typed within the last second (or the platform's interval between keys): more letters go on the word."""
        return self.clock.isValid() and self.clock.elapsed() <= max(QApplication.keyboardInputInterval(), 1000)

    def add(self, text: str) -> str:
        if not self.recent():
            self.typed = ""
        self.typed += text
        self.clock.restart()
        return self.typed

    @staticmethod
    def word(item: str) -> str | None:
        """A level's word ("Very high" of "5 – Very high"), None for another item."""
        return item.split(SEPARATOR, 1)[1] if SEPARATOR in item else None

    @classmethod
    def matches(cls, item: str, typed: str) -> bool:
        word, item, typed = (cls.word(item) or "").lower(), item.lower(), typed.lower()
        initials = "".join(w[0] for w in word.split())
        return item.startswith(typed) or bool(word) and (word.startswith(typed) or initials.startswith(typed))

    @classmethod
    def find(cls, texts: list[str], typed: str, current: int) -> int:
        """The one item that begins with what was typed; -1: none; ``AMBIGUOUS`` for letters that begin several
        items ("pr": Program and Project; "v": Very low and Very high) — unless one of them is what was typed whole,
        or a digit begins a level's number. The first of them (or the item the cell held) was taken in silence:
        "pr" kept a risk's Level "Project" when "Program" was meant, and Enter stored it."""
        hits = [i for i, t in enumerate(texts) if t and cls.matches(t, typed)]
        if len(hits) > 1 and not typed[:1].isdigit():
            said = typed.strip().casefold()
            whole = [i for i in hits if said in (texts[i].casefold(), (cls.word(texts[i]) or "").casefold())]
            return whole[0] if len(whole) == 1 else AMBIGUOUS
        if 0 <= current < len(texts) and current in hits:
            return current
        return hits[0] if hits else -1

    @classmethod
    def hint(cls, texts: list[str], typed: str) -> str:
        """What to type on when ``typed`` begins several items: which they are, and for a list of words the fewest
        letters that pick each ("prog" or "proj"); for levels their words' initials or numbers."""
        hits = [t for t in texts if t and cls.matches(t, typed)]
        words = [cls.word(t) or t for t in hits]
        said = " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]
        if all(cls.word(t) for t in hits):  # levels
            initials = [a for w in words if len(a := "".join(p[0] for p in w.split()).upper()) > 1]
            tail = f", its initials ({', '.join(initials)})" if len(initials) == len(words) else ""
            return f"“{typed}” begins {said} — type more of the word{tail} or its number."
        starts = [cls.fewest_letters(texts, t, len(typed)) for t in hits]
        picks = " or ".join(f"“{s}”" for s in starts if s)
        return f"“{typed}” begins {said} — type more of the word" + (f": {picks}." if picks else ".")

    @classmethod
    def fewest_letters(cls, texts: list[str], item: str, least: int) -> str:
        """The shortest start of ``item``, longer than ``least`` letters, that begins no other item ("" if none)."""
        for n in range(least + 1, len(item) + 1):
            start = item[:n]
            if [t for t in texts if t and cls.matches(t, start)] == [item]:
                return start.lower()
        return ""


def begun_by(texts: list[str], typed: str) -> str | None:
    """The one choice that the letters typed begin ("sup" for Supplier, "Store" for Store rollout), or that they
    are whole where they begin several; None for letters that begin none or several. A dropdown cell's rule for
    what is typed in it (``_TypeAhead.find``), for a list cell's names too (``list_cell.names_begun``)."""
    typed = typed.strip()
    i = _TypeAhead.find(texts, typed, -1) if typed else -1
    return texts[i] if i >= 0 else None


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
        elif row == AMBIGUOUS:
            QToolTip.showText(self.mapToGlobal(self.visualRect(self.currentIndex()).bottomLeft()),
                              _TypeAhead.hint(texts, typed), self)


class ChoiceCombo(QComboBox):
    """A dropdown editor for a cell whose closed box also selects by prefix of what is typed.

    What begins no choice at all ("9" in a level of 1 to 5) is refused as a typed value the register refuses
    is: the reason beside the cell (``unmatched``), and Enter or Tab keep the editor open (the delegate asks
    ``holds_unmatched``) until a choice is typed or Esc puts the cell back. It selected nothing and said
    nothing, and Enter then stored the old value and moved on, as if the 9 had been taken."""

    def __init__(self, parent=None, what: str = ""):
        super().__init__(parent)
        self._ahead = _TypeAhead()
        self.what = what  # the column's name, for the reason ("Probability")
        self.ambiguous_hint = ""  # what is said of the letters held (``unmatched``) that begin several choices
        self.unmatched = ""  # what was typed last that begins no choice
        self.held = False  # refused by Enter or Tab (``replace_on_typing``): the next key typed replaces what is held
        self.setView(PrefixListView(self))

    def shown_text(self) -> str:
        """What the closed box shows: the text typed that begins no choice, kept in the cell with the reason
        beside it (as a refused date or number is kept in its editor), else the choice. It showed the choice
        the cell had ("Threat") while the text typed ("Harbour works") was only quoted in the note — the
        typing seemed lost, and the keys typed on went on to the quote unseen."""
        return self.unmatched or self.currentText()

    def paintEvent(self, event) -> None:
        if not self.unmatched:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        option.currentIcon = QIcon()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.held:  # refused: drawn selected, as a refused date's text is, for the next key replaces it
            field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                QStyle.SubControl.SC_ComboBoxEditField, self)
            width = min(field.width(), self.fontMetrics().horizontalAdvance(option.currentText) + 4)
            painter.fillRect(QRect(field.left(), field.top() + 2, width, field.height() - 4),
                             option.palette.brush(QPalette.ColorRole.Highlight))
            for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
                option.palette.setBrush(role, option.palette.brush(QPalette.ColorRole.HighlightedText))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def event(self, event) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and not self.isEditable()
                and event.key() == Qt.Key.Key_Backspace and not event.modifiers()):
            # Backspace in an open cell acts on the cell, as in a text cell — never the table's Clear Cells, which
            # on the ✱ line cleared the whole row being typed, its title too
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if not self.isEditable() and self.unmatched and event.key() == Qt.Key.Key_Backspace:
            # The text kept is put right as in any cell: Backspace takes its last letter back ("Tz" → "T",
            # which is Threat again; the last one gone, the cell shows its choice again) — once refused too.
            shorter = self.unmatched[:-1]
            self._ahead.typed = ""
            if shorter:
                self.select_prefix(self._ahead.add(shorter))
            else:
                self.unmatched = self.ambiguous_hint = ""
                self._hide_note()
            self.update()
            return
        if not self.isEditable() and event.key() == Qt.Key.Key_Backspace and not event.modifiers():
            self._take_back_a_letter()
            return
        if not self.isEditable() and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp,
                                                     Qt.Key.Key_PageDown):
            # Home and End (Ctrl too) in a closed list are a typist's keys for the start and end of what was typed,
            # PageUp and PageDown a reader's: they change nothing here, as in Excel's list cell. Qt's chose a choice
            # out of sight of the list: "3", Home emptied a level cell (its first choice is the blank), End made it
            # "5 – Very high", PageDown a risk's Open "Closed" — which Enter then stored. The open list (Alt+Down)
            # still goes to its first, last or next page's item with them.
            return
        if (not self.isEditable() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                             | Qt.KeyboardModifier.MetaModifier)):
            # Up and Down in a closed list go on to the cell above or below, the choice typed stored — as in a text
            # cell and as Excel's arrows leave a cell typed into (what begins no choice passed by, as the other
            # arrows pass it). Qt's stepped to the next choice in the closed box: "2" and Down stored 3 in a risk's
            # Probability, and the keyboard stayed on the cell (walk 61). The open list (Alt+Down, F4) still moves
            # through its choices with them.
            event.ignore()
            return
        if not self.isEditable() and _is_typing(event) and (event.text() != " " or self._ahead.typed):
            if self.unmatched:  # after a refusal (Enter or Tab) the next key replaces what was held: "9", Enter,
                # "4" is 4, not "94". A word typed on goes on: "checked" in a Status cell was quoted "cked", its
                # second "c" having started afresh on Closed; the note quotes all that was typed ("checked").
                self._ahead.typed = "" if self.held else self.unmatched
            self.select_prefix(self._ahead.add(event.text()))
            return
        super().keyPressEvent(event)

    def type_over(self, text: str) -> None:
        """``text`` in place of what the cell holds, read as if typed at once (a paste into the open cell)."""
        self._ahead.typed = ""
        self.select_prefix(self._ahead.add(text))

    def _take_back_a_letter(self) -> None:
        """Backspace on a choice the letters typed found: the last letter taken back ("op" → "o", still
        Opportunity); with nothing typed, the cell emptied where the column may be empty, as Backspace empties a
        text cell being edited (Enter then stores it; Esc puts the cell back)."""
        typed = self._ahead.typed if self._ahead.recent() else ""
        if typed[:-1]:
            self._ahead.typed = ""
            self.select_prefix(self._ahead.add(typed[:-1]))
        elif typed:
            self._ahead.typed = ""  # the letters all taken back: the choice they found stays
        elif (blank := next((i for i in range(self.count()) if self.itemData(i) is None), -1)) >= 0:
            # the empty choice, whatever it reads as ("Not assessed yet" for an assessment)
            self.setCurrentIndex(blank)

    def select_prefix(self, typed: str) -> bool:
        texts = [self.itemText(i) for i in range(self.count())]
        i = _TypeAhead.find(texts, typed, self.currentIndex())
        # Letters that begin several choices are held as letters that begin none are: shown in the cell, and Enter
        # or Tab keep the cell open with the choices they could be ("pr" had kept "Project" and Tab stored it).
        self.unmatched = typed if i in (-1, AMBIGUOUS) else ""
        self.ambiguous_hint = _TypeAhead.hint(texts, typed) if i == AMBIGUOUS else ""
        self.held = False
        if i >= 0:
            self.setCurrentIndex(i)
            QToolTip.hideText()
        elif i == AMBIGUOUS:  # while typing, a tip says what to type on (the note comes if Enter or Tab is pressed)
            self._hide_note()
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.ambiguous_hint, self)
        if self.unmatched and not self.ambiguous_hint:
            self.tell_unmatched()
        elif not self.unmatched:
            self._hide_note()
        self.update()  # the box shows the text typed, or the choice it found (``shown_text``)
        return i >= 0

    def unmatched_reason(self, whole: int = 0) -> str:
        """Why the letters typed are no choice; the choices named up to ``whole`` letters (0: as many as the note
        beside the cell takes, ``CHOICES_SAID_WHOLE``; the status bar's one line takes fewer)."""
        if self.ambiguous_hint:
            return self.ambiguous_hint
        texts = [t for t in (self.itemText(i) for i in range(self.count())) if t]
        words = [w for t in texts if (w := _TypeAhead.word(t))]
        of = f" {self.what}" if self.what else ""
        if words and len(words) == len(texts):  # a level: by its number or its word
            return (f"“{self.unmatched}” is none of the{of} levels: type a number from 1 to {len(words)}, or a "
                    f"level's word, as “{words[-1]}”.")
        meant = _near_choices(texts, self.unmatched)
        said = f" Did you mean {' or '.join(f'“{t}”' for t in meant)}?" if meant else ""
        return f"“{self.unmatched}” begins none of the{of} choices ({_choices_said(texts, whole)}).{said}"

    def tell_unmatched(self) -> None:
        note_for(self).show_reason(self.unmatched_reason())

    def hold_unmatched(self) -> None:
        """Enter or Tab on what begins no choice: the editor stays, the reason is said again, and the next key typed
        replaces what is held (``replace_on_typing``), as in a refused date or number."""
        self.tell_unmatched()
        self.replace_on_typing()

    def replace_on_typing(self) -> None:
        """The value held here refused (Enter or Tab): the next key typed starts a new word in its place — the
        refused text is as good as selected, as Excel's Retry selects a refused entry (``delegates.hold_for_retry``).
        Typed on after Tab, the keys went on the text held ("envOpen"): the row's next values piled up in a cell
        that could take none of them."""
        self.held = True
        self._ahead.typed = ""
        self._ahead.clock.invalidate()
        self.update()

    def let_go_of_letters(self) -> None:
        """The letters held let go (the cell left as it was): no text shown, no note, no tip."""
        self.unmatched = self.ambiguous_hint = ""
        self._ahead.typed = ""
        self._hide_note()
        QToolTip.hideText()

    def _hide_note(self) -> None:
        host = note_host(self)
        for note in host.findChildren(RefusalNote) if host is not None else ():
            if note.editor is self:
                note.hide()


CHOICES_SAID_WHOLE = 160  # letters: a list this long fits the note (about four lines at its 40 letters' width)
CHOICES_SAID_IN_A_LINE = 48  # letters of choices the status bar's one line names (a cell passed by with Tab)


def _choices_said(texts: list[str], most: int = 0) -> str:
    """Every choice, when they fit the note (``CHOICES_SAID_WHOLE`` letters); else as many as fit and how to see the
    rest — in the status bar's one line (``most`` letters), how many there are. The first six were said and "…" — a
    risk's Category named 6 of its 11, and the user looking for one could not see what there was."""
    whole = ", ".join(texts)
    if len(whole) <= (most or CHOICES_SAID_WHOLE):
        return whole
    if most:  # the status bar's one line: how many, and how to see them
        return f"{len(texts)} of them: Alt+Down or F4 there lists them"
    most = CHOICES_SAID_WHOLE
    shown: list[str] = []
    for text in texts:
        if len(", ".join([*shown, text])) > most:
            break
        shown.append(text)
    return f"{', '.join(shown)} and {len(texts) - len(shown)} more: Alt+Down or F4 lists them all"


def _near_choices(texts: list[str], typed: str, least: int = 3) -> list[str]:
    """The choices that share the longest start with what was typed, three letters or more: a colleague's own word
    ("Supply", "Finance") for one of the list's ("Supplier", "Financial") was refused with the first six choices
    listed, the one meant among the five cut off by "…"."""
    def shared(text: str) -> int:
        n = 0
        for a, b in zip(text.casefold(), typed.casefold()):
            if a != b:
                break
            n += 1
        return n
    best = max((shared(t) for t in texts), default=0)
    return [t for t in texts if best >= least and shared(t) == best][:3]


def existing_name(names: list[str], typed: str) -> str | None:
    """The listed name the user meant when they typed it in another case or spacing."""
    key = " ".join(typed.split()).lower()
    return next((n for n in names if n.lower() == key), None)


def named_so(names: list[str], typed: str) -> str | None:
    """The one listed name that begins with the whole words typed — "Ann" or "ann" for Ann Lee, "Mary Ann" for Mary Ann
    Cole — where no other does; None for letters that end mid-word ("An") or begin two names."""
    key = " ".join(typed.split()).casefold()
    found = [n for n in names if n.casefold().startswith(key + " ")] if key else []
    return found[0] if len(found) == 1 else None


def plural(what: str) -> str:
    """"people" for "person" ("the list of persons" read as a form's, not a colleague's words), else an s."""
    return plural_of(what)


def confirm_new_name(parent: QWidget | None, what: str, typed: str, names: list[str],
                     choose: Callable[[str], None]) -> QMessageBox:
    """Ask before adding a new person: use a listed name (as the completer offered), add the new one,
    or cancel. ``choose`` gets the name chosen; nothing happens on cancel. Non-blocking."""
    offered = near_names(names, typed)
    box = QMessageBox(QMessageBox.Icon.Question, f"New {what}?",
                      f"“{typed}” is not in the list of {plural(what)}." + (
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
