"""Editors chosen from the field definition: lists for choices, calendars for dates, text otherwise."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from ...models.errors import ValidationError
from ...models.fields import Field, Kind
from ...models.records import near_names, noun_of, ref_keys
from ...models.values import parse_date, split_list
from ..excel_keys import TIME_SAID, row_key, today_key, today_refused
from ..shown_message import tell_while_in
from .choice_editor import (
    CHOICES_SAID_IN_A_LINE,
    ChoiceCombo,
    confirm_new_name,
    existing_name,
    named_so,
    persistent,
    plural,
)
from .date_entry import DateLineEdit
from .keyboard_frame import room_for_keyboard_frame
from .list_cell import names_begun
from .refusal_note import HELD, note_for
from .table_model import number_as_typed

Hint = QAbstractItemDelegate.EndEditHint
# The keys that store a typed cell and move on, and where to (as Qt's own editor event filter has them).
MOVES = {Qt.Key.Key_Return: Hint.SubmitModelCache, Qt.Key.Key_Enter: Hint.SubmitModelCache,
         Qt.Key.Key_Tab: Hint.EditNextItem, Qt.Key.Key_Backtab: Hint.EditPreviousItem}
MARK_COLOUR = QColor(198, 40, 40)  # the corner of a cell keeping what was typed there and refused
CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class _MovesFromTheList(QObject):
    """Enter or Tab while a name cell's list of matching names is open: Qt's completer handed the key to the
    cell's text box itself, past the table's editing rules, so a name not in the list ("Marcus", the list
    showing "Marcus Lee") left the cell and opened a question box that took the keys typed next — the next
    cell's date was lost. The list closes (on the name picked in it, if one was) and the key goes to the
    cell as it does with the list shut: a name not in the list is then asked about beside the cell."""

    def __init__(self, combo: QComboBox, completer: QCompleter):
        super().__init__(combo)
        self.combo, self.completer = combo, completer
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)  # installed after the completer's own filter: asked first

    def eventFilter(self, popup, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in MOVES
                and not event.modifiers() & CHORDS):
            picked = popup.currentIndex()
            if picked.isValid():  # chosen in the list with the arrows: that name
                self.combo.setEditText(str(picked.data()))
            popup.hide()
            key = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            # Once the list has closed, not while it closes, and with the keyboard back in the cell.
            QTimer.singleShot(0, self, lambda: self._press(key))
            return True
        return False

    def _press(self, key: QKeyEvent) -> None:
        window = self.combo.window()
        if not window.isActiveWindow():  # the list was the active window; no window manager may hand it back
            window.activateWindow()
        self.combo.setFocus(Qt.FocusReason.PopupFocusReason)
        QApplication.sendEvent(self.combo, key)


def hold_for_retry(editor: QWidget) -> None:
    """A value the register refused, held in its cell (Enter, Tab, a click away): its text selected, as Excel's Retry
    leaves a refused entry, so what is typed next replaces it — the value put right, never added to. The caret
    stayed after the text, and a user typing on as in a spreadsheet (Tab, then the next cell's value) had those
    keys added to the refused text ("32/13/2026Open", "Zzyzx QqMarcus"), the rest of the row piling up in a cell
    that could take none of it. Every kind of cell alike: a typed text, date or number, a person's name, a choice."""
    if isinstance(editor, ChoiceCombo) and not editor.isEditable():
        editor.replace_on_typing()  # its held text is painted, not a text box's: the next key starts afresh
        return
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    if isinstance(line, QLineEdit):
        line.selectAll()


def _table_command(editor: QWidget, event: QKeyEvent) -> str:
    """The table's command (its name) a key pressed in a cell being typed would run, where the cell's editor has no
    use for the key itself; "" for any other key. The table's shortcuts act while the keyboard is anywhere in it, a
    cell's editor too, and took these keys from the typing: Ctrl+D stored the text half typed and duplicated the
    record; in a list cell ("sup" typed, Supplier) Del cleared the cell behind the editor, which then showed it
    empty, Shift+Del deleted the record, Ctrl+V pasted into the table over the cell — as in Excel, where a cell
    being typed takes no command of the sheet's. A text cell's own keys (Del, Shift+Del, Ctrl+V) stay its own."""
    key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    if key == Qt.Key.Key_D and mods == ctrl:
        return "Ctrl+D (Fill Down, Duplicate Rows)"
    if row_key(event) == "delete":
        return "Delete Rows (Ctrl+-)"
    if row_key(event) == "insert":
        return "Add Row (Ctrl++)"
    if (key == Qt.Key.Key_N and mods == ctrl | shift) or (key == Qt.Key.Key_Insert and not mods):
        return "Add Row (Ctrl+Shift+N, Insert)"
    if not isinstance(editor, ChoiceCombo) or editor.isEditable():
        return ""
    if key == Qt.Key.Key_Delete:
        return "Delete Rows" if mods & shift else "Clear Cells (Del)"
    if event.matches(QKeySequence.StandardKey.Paste):
        return "Paste"
    return ""


def _move_in_text(editor: QWidget, event: QKeyEvent) -> bool:
    """Ctrl+Home / Ctrl+End in a cell being typed in: the caret to the start / end of its text (Shift: selecting
    to it), as in Excel's cell editing and any text box. A text box has no use for them, so they went on to the
    table, which stored the text and went to its first or last cell — on the ✱ line its last column — where the
    next keys typed went. False for an editor with no text (a list of choices: its own keys)."""
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    if not isinstance(line, QLineEdit):
        return False
    mark = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if event.key() == Qt.Key.Key_Home:
        line.home(mark)
    else:
        line.end(mark)
    return True


def _typed_text(editor: QWidget) -> str:
    """What was typed in a cell's editor, as it stands."""
    if isinstance(editor, ChoiceCombo) and not editor.isEditable():
        # letters of no choice, or a choice refused for another cell's sake (Status "Decided" before its date)
        return editor.unmatched or editor.currentText()
    if isinstance(editor, QComboBox):
        return " ".join(editor.currentText().split())
    return editor.text() if isinstance(editor, QLineEdit) else ""


def _shown(index) -> str:
    """A cell's value as it reads, "" for none (not the ✱ line's "Type here" or "Title needed")."""
    if index.data(Qt.ItemDataRole.EditRole) in (None, ""):
        return ""
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def _keyboard_back_in(view: QAbstractItemView) -> None:
    """The keyboard in ``view`` where no widget has it (the window made inactive by a list closed under a cell)."""
    if QApplication.focusWidget() is None and view.isVisible():
        view.window().activateWindow()
        view.setFocus(Qt.FocusReason.OtherFocusReason)


def _same_key(key: int) -> str:
    """Tab and Backtab one key, Enter and Return one: the key a question beside a cell asks to press again."""
    return "tab" if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) else "enter"


def ref_names(document, f: Field) -> list[str]:
    from ...models.records import ref_names as names

    return document.office.read(names, f)


class FieldDelegate(QStyledItemDelegate):
    # Ctrl+Enter in a cell typed into while several cells are selected: the editor, whose value goes into them all
    fill_selection = Signal(QWidget)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        # The cells whose editor is open, by editor: one left open holds a refused value (``_leave_and_tell``),
        # and its record stays in view while the search or filters change (``held_indexes``).
        self._open: dict[QWidget, QPersistentModelIndex] = {}
        self._filling: QWidget | None = None  # the editor whose value Ctrl+Enter is putting into the cells selected
        # Cells passed by with Tab on a value refused (``_pass_refused``): the cell, the reason, the text typed.
        self._marks: list[tuple[QPersistentModelIndex, str, str]] = []
        self._watched: set[QAbstractItemView] = set()
        if hasattr(model, "pending"):  # the ✱ line's
            model.dataChanged.connect(self._drop_line_marks)

    def held_indexes(self) -> list[QPersistentModelIndex]:
        """The cells whose editor is still open (a refused value held to correct), and those keeping what was typed
        in their note (``_pass_refused``): a search the row does not pass leaves it in view, the note with it — a
        cell passed by on a click in the search box lost its note to the search typed there."""
        return [index for editor, index in self._open.items() if index.isValid() and editor.isVisible()] + [
            at for at, _reason, _typed in self._marks if at.isValid()]

    def held_editors(self) -> list[tuple[QWidget, QPersistentModelIndex]]:
        """The editors still open on a value the register refused, with their cells."""
        from .refusal_note import RefusalNote, note_host

        held = []
        for editor, index in self._open.items():
            host = note_host(editor)
            notes = host.findChildren(RefusalNote) if host is not None else []
            if index.isValid() and any(n.editor is editor and n.text() for n in notes):
                held.append((editor, index))
        return held

    def createEditor(self, parent, option, index):
        editor = self._make_editor(parent, option, index)
        self._open[editor] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _obj=None, editor=editor: self._open.pop(editor, None))
        return editor

    def destroyEditor(self, editor, index) -> None:
        self._open.pop(editor, None)
        super().destroyEditor(editor, index)

    def _field(self, index) -> Field:
        return self.model.sourceModel().fields[index.column()] if hasattr(self.model, "sourceModel") else self.model.fields[index.column()]

    def _document(self):
        src = self.model.sourceModel() if hasattr(self.model, "sourceModel") else self.model
        return src.document

    def _make_editor(self, parent, option, index):
        f = self._field(index)
        options = f.kind.options(f, self._document().context)
        if options is not None or f.kind.is_reference:
            combo = ChoiceCombo(parent, f.label)
            if options is not None:
                for text, data in options:
                    combo.addItem(text, data)
            else:
                combo.addItem("", None)
                for name in ref_names(self._document(), f):
                    combo.addItem(name, name)
                if f.ref is not None and f.ref.create_missing:  # people: type a new name to add them
                    combo.setEditable(True)
                    combo.setProperty("new_name_kind", "person" if f.ref.target.__name__ == "Person" else f.label.lower())
                    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                    completer = combo.completer()
                    if completer is not None:  # an editable combo always has one
                        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                        completer.setFilterMode(Qt.MatchFlag.MatchContains)
                        _MovesFromTheList(combo, completer)
            return combo
        if f.kind is Kind.DATE:
            editor = DateLineEdit(parent)
            editor.read_as(f.label, f.when)  # the day typed words name, said as they are typed
            editor.picked.connect(lambda: self._commit_and_close(editor))
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        f = self._field(index)
        if isinstance(editor, QComboBox):
            i = editor.findData(value)
            if i < 0 and value is not None:
                i = editor.findText(str(value))
            if i >= 0:
                editor.setCurrentIndex(i)
            elif editor.isEditable():
                editor.setEditText("" if value is None else str(value))
            line = editor.lineEdit()
            if line is not None:  # a typed name replaces the one shown, as in Excel (not "Ana SilvaJo")
                line.selectAll()
        elif isinstance(editor, DateLineEdit):
            editor.set_date(value if isinstance(value, date) else None)
        elif isinstance(editor, QLineEdit):
            number = number_as_typed(f, value)
            editor.setText(f.kind.edit_text(value) if number is None else number)
        mark = self._take_mark(index)
        if mark is not None:  # the text typed and refused when Tab passed the cell by: back, to put right
            self._give_back(editor, *mark)

    def _give_back(self, editor: QWidget, reason: str, typed: str) -> None:
        """A cell passed by with Tab on a value refused, opened again (F2, a double click, a key): the text typed then
        in it, selected (a key typed replaces it), the reason beside it — the note on the cell taken into it."""
        if isinstance(editor, ChoiceCombo) and not editor.isEditable():
            editor.type_over(typed)  # said beside the cell as it was when typed
            editor.replace_on_typing()
            return
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setEditText(typed)
        elif isinstance(editor, QLineEdit):
            editor.setText(typed)
        note_for(editor).show_reason(reason)
        hold_for_retry(editor)
        # Once the view has opened it: F2 puts the caret after the text, as Excel's does, after this is called —
        # unless a key typed on the cell opened it: that key has replaced the text given back, as a key typed on a
        # cell replaces it in Excel, and is the start of the value typed. Selected again, it was replaced by the
        # next key: "Priya Shah" typed on the cell went in as "riya Shah" (walk 59).
        QTimer.singleShot(0, editor, lambda: hold_for_retry(editor) if _typed_text(editor) == typed else None)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            if editor.isEditable():  # people: a name not in the list is added only when the user says so
                text = " ".join(editor.currentText().split())
                names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
                value = existing_name(names, text) if text else None
                if value is None and text and editor.property("confirmed_new") == text:
                    value = text  # the user said so beside the cell (``_hold_new_name``): a new person
                if value is None and text:
                    self._confirm_new(model, index, text, names)  # stored later, if the user says so
                    return
            else:
                value = editor.currentData()
        elif self._field(index).kind.is_links and isinstance(editor, QLineEdit):
            value = self._names_begun(editor, self._field(index))
        else:  # dates too: the model reads the text in the user's locale order, or refuses it with a message
            value = editor.text()
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def _names_begun(self, editor: QLineEdit, f: Field) -> str:
        """A list cell's text, each name typed that begins one of the list's taken as that one (``names_begun``), as
        the single cell takes it; the status bar says so once the cell is stored, and a refused cell shows them."""
        if f.ref is None:
            return editor.text()
        names, keys = ref_names(self._document(), f), self._document().office.read(ref_keys, f)
        text, taken = names_begun(editor.text(), names, keys)
        if taken:
            editor.setText(text)
            said = "; ".join(f"“{typed}” is {name}" for typed, name in taken) + \
                f", the one {noun_of(f.ref.target)} {'it begins' if len(taken) == 1 else 'each begins'}."
            held = self._open.get(editor)
            wanted = set(split_list(text))
            stored = lambda: (held is not None and held.isValid()  # noqa: E731
                              and set(split_list(held.data(Qt.ItemDataRole.EditRole))) == wanted)
            # Said once the cell is stored (its "Saved" said first), not over the reason a refused cell gives.
            QTimer.singleShot(0, self, lambda: self._tell_while_typing(said) if stored() else None)
        return text

    def _confirm_new(self, model, index, text: str, names: list[str]) -> None:
        """Ask before a typed name becomes a new person; the answer is stored as its own edit."""
        target = persistent(index)
        ref = self._field(index).ref
        what = "person" if ref is not None and ref.target.__name__ == "Person" else self._field(index).label.lower()

        def choose(name: str) -> None:
            if target.isValid():
                model.setData(model.index(target.row(), target.column()), name, Qt.ItemDataRole.EditRole)

        parent = self.parent()
        self.confirmation = confirm_new_name(parent if isinstance(parent, QWidget) else None, what, text, names, choose)

    def eventFilter(self, editor, event) -> bool:
        """Enter / Tab in a typed cell store it and move on, as Qt's own filter does — unless the register
        refuses the value: then the editor stays open with the text as typed and the reason shows beside
        it, so the keys typed next go on into the editor (a message box took them, and the value was
        lost) and the user corrects the value or presses Esc."""
        if isinstance(editor, QAbstractItemView):  # a table a cell was passed by in (``_pass_refused``)
            return self._esc_on_mark(editor, event)
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
                and self._several_selected()):
            # as Excel's Ctrl+Enter: the value typed fills every cell selected. Many cells are worked out and saved
            # behind a progress dialog, which takes the focus: the editor's focus-out then went its own way (its cell
            # stored alone, the editor closed) and the other cells were never filled. The editor stays as it is
            # until the fill is over (closed then, or left open with the reason when refused).
            self._filling = editor
            try:
                self.fill_selection.emit(editor)
            finally:
                self._filling = None
            return True
        if event.type() == QEvent.Type.FocusOut and editor is self._filling:
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, (QLineEdit, QComboBox))
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.AltModifier):
            self._line_break(editor)
            return True
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and (which := today_key(event)):
            if event.type() == QEvent.Type.KeyPress:  # the override taken, the key comes here as a key press
                self._type_today(editor, which)
            event.accept()
            return True
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and (command := _table_command(editor, event)):
            if event.type() == QEvent.Type.KeyPress:
                self._keep_typing(editor, event, command)
            event.accept()  # an override taken: the key comes to the editor as a key press, not to the table
            return True
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier and _move_in_text(editor, event)):
            return True
        if event.type() == QEvent.Type.FocusOut and isinstance(editor, (QLineEdit, QComboBox)):
            # a drop-down's cell alike: a choice the register refuses for another cell's sake (a decision's Level
            # "Project" before its project is named), left by Ctrl+3 to another page, came in a message box and
            # was lost, where a typed cell's waits with its reason (walk41)
            return self._leave_and_tell(editor, event)
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, (QLineEdit, QComboBox))
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            return self._leave_by_ctrl_tab(editor, event)
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, ChoiceCombo) and editor.unmatched
                and event.key() in MOVES and not event.modifiers() & CHORDS):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # letters of no choice, or of several
                self._pass_refused(editor, MOVES[Qt.Key(event.key())], editor.unmatched_reason())
                return True
            # typed what is no choice: held, said again (Esc puts the cell back)
            editor.hold_unmatched()
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, (QLineEdit, QComboBox))
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier):
            self._store_and_stay(editor)
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QComboBox) and editor.isEditable()
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & CHORDS
                and self._new_name_at_once(editor)):
            self._store_or_pass(editor, MOVES[Qt.Key(event.key())])  # (Enter asks first: the typist stops there)
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QComboBox) and editor.isEditable()
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & CHORDS
                and (reason := self._unlisted_name(editor))):
            self._pass_refused(editor, MOVES[Qt.Key(event.key())], reason)  # a name nobody has: Enter asks
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QComboBox) and editor.isEditable()
                and event.key() in MOVES and not event.modifiers() & CHORDS
                and self._hold_new_name(editor, _same_key(event.key()))):
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QComboBox) and editor.isEditable()
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not event.modifiers() & CHORDS
                and self._list_names_like(editor, event.key() == Qt.Key.Key_Up)):
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, (QLineEdit, QComboBox)) and event.key() in MOVES
                and not event.modifiers() & CHORDS):
            # A value typed, or a choice the register refuses for the sake of another cell (Status "Decided" before
            # its Decided on date, typed along the row as the columns run): held beside the cell. Qt's own filter
            # stored it unheld, and the refusal's message box took the keys typed next.
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._store_or_pass(editor, MOVES[Qt.Key(event.key())])
            elif self.commit_or_hold(editor):
                self.closeEditor.emit(editor, MOVES[Qt.Key(event.key())])
            return True
        return super().eventFilter(editor, event)

    def _line_break(self, editor: QWidget) -> None:
        """Alt+Enter in a cell being typed, as in Excel's cell: a new line in a long text (a risk's Cause, its Notes), the
        cell still open; in a cell of one line (a title, a date, a choice) nothing typed, and said. Qt took it for Enter:
        the cell was stored and the keyboard went down a row, and the second line typed went into the next record's
        cell (walk 61)."""
        index = self._open.get(editor)
        field = self._field(index) if index is not None and index.isValid() else None
        if field is None:
            return
        if field.kind is Kind.LONGTEXT and isinstance(editor, QLineEdit):
            editor.insert("\n")
            self._tell_while_typing(f"A new line in {field.label} (Alt+Enter, as in Excel): Enter stores the cell, its "
                                    "lines read whole in the record's panel.")
            return
        fields = self.model.sourceModel().fields if hasattr(self.model, "sourceModel") else self.model.fields
        longs = [f.label for f in fields if f.kind is Kind.LONGTEXT]
        where = (f"in a long text only ({', '.join(longs[:3])}{'…' if len(longs) > 3 else ''})" if longs
                 else "in no cell of this table")
        self._tell_while_typing(f"{field.label} holds one line: Alt+Enter starts a new line {where}. What you typed "
                                "stays in the cell: Enter stores it.")

    def _store_and_stay(self, editor: QWidget) -> None:
        """Ctrl+Enter in one cell being typed: stored, and the keyboard stays on that cell, as Excel's Ctrl+Enter
        keeps the active cell — a name not in the list added as a new person (the user's own word for it,
        ``_add_new_name``). It closed as Enter does and went down a row: on a record just added from the ✱ line (its
        last row) down into the ✱ line, and the Tab after it went on from there, out of the table, never along the
        record's row (walk 58b). Letters of no choice are held, as Enter holds them."""
        if isinstance(editor, ChoiceCombo) and editor.unmatched:
            editor.hold_unmatched()
            return
        if isinstance(editor, QComboBox) and editor.isEditable():
            self._add_new_name(editor)
        if self.commit_or_hold(editor):
            self.closeEditor.emit(editor, Hint.NoHint)

    def _refused_before_storing(self, editor: QWidget) -> str:
        """The reason a cell's editor holds what the register cannot take before it is stored — letters of no choice
        or of several, a name nobody has — "" when it is to be stored (a name one person's begins, "Ann" for Ann Lee,
        made hers here, said after its "Saved", as Tab makes it)."""
        if isinstance(editor, ChoiceCombo) and editor.unmatched:
            return editor.unmatched_reason()
        if isinstance(editor, QComboBox) and editor.isEditable():
            reason = "" if self._new_name_at_once(editor) else self._unlisted_name(editor)
            if reason:
                return reason
            self._hold_new_name(editor, "leave")  # a name begun: the one named so (never held: it is not unlisted)
        return ""

    def leave_cell(self, editor: QWidget) -> bool:
        """A cell being typed left otherwise than by Tab or Enter — Ctrl+Tab, a click on another cell or control,
        Ctrl+PgDown or Ctrl+3 to another tab or page, another window: stored and closed, or — refused — passed by as
        Tab passes it (``_pass_refused``): the cell as it was, what was typed kept in its note (a red corner; F2 gives
        it back, Esc lets it go), the keyboard where the user went. Held open there (edit53), the refused text stood
        in an editor on a page no longer looked at, or took the next keys typed (Ctrl+Tab: the cell stayed open, and
        so did the keyboard in it); a name nobody has, left by a click, asked in a question box that took the keyboard.
        False when the cell was refused (passed by)."""
        reason = self._refused_before_storing(editor)
        if reason:
            self._pass_refused(editor, Hint.NoHint, reason)
            return False
        document = self._document()
        with document.holding_refusals() as refused:
            self.commitData.emit(editor)
        if refused.by_register:
            self._pass_refused(editor, Hint.NoHint, refused.reason)
            return False
        if refused:  # not a refusal: the file gone, the disk full… said in a message box, as before
            document.error.emit(refused[-1])
        self.closeEditor.emit(editor, Hint.NoHint)
        return True

    def _store_or_pass(self, editor: QWidget, hint: Hint) -> None:
        """Tab (Shift+Tab) in a typed cell: stored and on along the row — or, refused by the register, passed by
        (``_pass_refused``): a date that is none, a number that is not one, a name no list has."""
        with self._document().holding_refusals() as refused:
            self.commitData.emit(editor)
        if refused and refused.kept:  # not saved but kept to retry (a full disk …): said in a message box
            self._document().error.emit(refused[-1])
        if not refused or refused.kept:
            self.closeEditor.emit(editor, hint)
            return
        self._pass_refused(editor, hint, refused.reason)

    def _pass_refused(self, editor: QWidget, hint: Hint, reason: str) -> None:
        """Tab on a value the register refuses — letters that begin several choices ("pr": Project and Program) or
        none, a date that is no date, a number that is not one, a name nobody in the office has, an objective the
        program lacks, a choice another cell forbids: the cell left as it was, the keyboard on along the row, as
        Excel refuses an entry without taking the keys meant for the next cells. Held open (edit53), the cell took
        every value typed after the Tab: a fast typist's row ended with all it had after that cell in its text,
        none stored (walk 58, walk 58b). What was typed is not lost: the status bar quotes it, and the cell keeps
        it in its note (a red corner; its tooltip the reason) until the cell is edited — F2 there opens it with
        that text, selected, to put right — or Esc there lets it go. Enter still holds the cell with its note (a
        row's end: the typist stops there and reads)."""
        index = self._open.get(editor)
        typed = _typed_text(editor)
        what = self._field(index).label if index is not None and index.isValid() else "The cell"
        kept = _shown(index) if index is not None and index.isValid() else ""
        reason = " ".join(reason.split())
        reason = reason[len(what) + 2:] if reason.startswith(f"{what}: ") else reason  # the name said once
        in_a_line = reason  # the status bar's one line: a long list of choices named in part (the note has them all)
        if isinstance(editor, ChoiceCombo):
            if editor.unmatched:
                in_a_line = " ".join(editor.unmatched_reason(CHOICES_SAID_IN_A_LINE).split())
            editor.let_go_of_letters()
        if index is not None and index.isValid() and typed:
            self._marks = [m for m in self._marks if m[0].isValid() and m[0] != index]
            self._marks.append((QPersistentModelIndex(index), reason, typed))
        port = editor.parentWidget()
        view = port.parentWidget() if port is not None else None
        self.closeEditor.emit(editor, hint)
        if isinstance(view, QAbstractItemView):
            if view not in self._watched:
                self._watched.add(view)  # Esc there lets a kept note go (``_esc_on_mark``)
                view.installEventFilter(self)
            # left while the list of names under the cell had the keyboard (``_MovesFromTheList``): the table takes
            # it once the editor has gone, as a cell stored takes it back — no widget had it, and the keys typed next
            # went nowhere
            QTimer.singleShot(0, view, lambda: _keyboard_back_in(view))
        left = f"as “{kept}”" if kept else "empty"
        said = f"{what} left {left}: {in_a_line}"
        if typed:  # in few words: at 1280×720 the line's end — what to do — was cut behind the file's name (walk 59)
            said += " Kept in its red corner: F2 there gives it back, Esc lets it go."
        self._document().note.emit(said)
        from ..shown_message import status_bar

        bar = status_bar(view) if isinstance(view, QAbstractItemView) else None
        if bar is not None and hasattr(bar, "hold"):  # read before the next tab's or page's own line replaces it
            bar.hold()  # (walk 60)

    def kept_notes(self) -> list[tuple[QPersistentModelIndex, str, str]]:
        """(cell, reason, text typed) of each cell keeping what was typed in its note, in the order they were kept."""
        return [m for m in self._marks if m[0].isValid()]

    def drop_notes(self) -> None:
        """Every note let go (the office closed without them)."""
        if self._marks:
            self._marks.clear()
            parent = self.parent()
            if isinstance(parent, QAbstractItemView):
                parent.viewport().update()

    def mark_of(self, index) -> tuple[str, str] | None:
        """The reason and the text typed a cell passed by with Tab keeps (``_pass_refused``), or None."""
        if not self._marks or not index.isValid():
            return None
        at = QPersistentModelIndex(index)
        return next(((reason, typed) for p, reason, typed in self._marks if p.isValid() and p == at), None)

    def _take_mark(self, index) -> tuple[str, str] | None:
        mark = self.mark_of(index)
        if mark is not None:
            at = QPersistentModelIndex(index)
            self._marks = [m for m in self._marks if m[0].isValid() and m[0] != at]
        return mark

    def _drop_line_marks(self) -> None:
        """The ✱ line emptied (its record added, or cleared): its cells' notes go with what was typed there."""
        if not getattr(self.model, "pending", True):
            self._marks.clear()

    def sizeHint(self, option, index) -> QSize:
        """A wrapping table's row (a risk's response actions, rows as tall as their text) with room for the keyboard's
        frame round its text: the row was as tall as its lines alone, and the frame, drawn over the cell's edges, covered
        the top and bottom of a two-line action's letters where the keyboard was — selected, the frame joins the
        highlight and the action read cut through at 1280×720 (walk 61). One-line tables keep their fixed rows."""
        hint = super().sizeHint(option, index)
        if option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
            hint.setHeight(room_for_keyboard_frame(hint.height()))
        return hint

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if self._marks and self.mark_of(index) is not None:  # a red corner, as Excel marks a cell's note
            rect, side = option.rect, max(6, option.rect.height() // 3)
            corner = QPolygon([QPoint(rect.right() - side, rect.top()), QPoint(rect.right(), rect.top()),
                               QPoint(rect.right(), rect.top() + side)])
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARK_COLOUR)
            painter.drawPolygon(corner)
            painter.restore()

    def helpEvent(self, event, view, option, index) -> bool:
        mark = self.mark_of(index) if event is not None and event.type() == QEvent.Type.ToolTip else None
        if mark is None:
            return super().helpEvent(event, view, option, index)
        reason, typed = mark
        QToolTip.showText(event.globalPos(), f"Not stored: {reason}\nYou typed “{typed}”: F2 to put it right, Esc to "
                          "let it go.", view)
        return True

    def _esc_on_mark(self, view: QAbstractItemView, event) -> bool:
        """Esc on a cell keeping a note of what was typed there (not being edited): the note let go."""
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)
                or event.key() != Qt.Key.Key_Escape or view.state() == QAbstractItemView.State.EditingState):
            return False
        index = view.currentIndex()
        mark = self._take_mark(index)
        if mark is None:
            return False
        view.viewport().update()
        self._document().note.emit(f"“{mark[1]}” let go: {self._field(index).label} stays as it was.")
        return True

    def _leave_by_ctrl_tab(self, editor: QWidget, event: QKeyEvent) -> bool:
        """Ctrl+Tab (Ctrl+Shift+Tab) in a cell being typed: the cell stored as Tab stores it — or, refused, passed by
        as Tab passes it (``leave_cell``) — then the keyboard on to the next control, as Ctrl+Tab goes from the
        table. Qt's own filter read it as Tab: a row typed along with Tab has the next cell open, and Ctrl+Tab
        walked on cell by cell, each opened in turn, never out of the table (walk 51); a refused value held the
        cell open, and the keyboard in it (walk 59)."""
        table = self.parent()
        self.leave_cell(editor)
        forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if isinstance(table, QWidget):
            QWidget.focusNextPrevChild(table, forward)
        return True

    @staticmethod
    def _list_names_like(editor: QComboBox, last: bool) -> bool:
        """Down (or Up) in a name cell holding a name typed that is not in the list ("Aisha", asked "Did you mean
        Aisha Patel?"): the names like it open under the cell, the first (Up: the last) chosen, for Enter or Tab
        to take. The combo's own Down stepped to the name after the cell's old value in the whole list ("Marcus
        Lee" → "Priya Shah"), in place of what was typed, and Enter stored her. True when the key was taken."""
        text = " ".join(editor.currentText().split())
        names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
        completer = editor.completer()
        if not text or completer is None or existing_name(names, text) is not None:
            return False  # a listed name (or an empty cell): the arrows step the list as ever
        completer.setCompletionPrefix(text)
        count = completer.completionCount()
        if count:  # nothing like it: the key does nothing rather than replace what was typed
            completer.complete()
            popup = completer.popup()
            if popup is not None:
                popup.setCurrentIndex(completer.completionModel().index(count - 1 if last else 0, 0))
        return True

    def _type_today(self, editor: QWidget, which: str) -> None:
        """Excel's Ctrl+; in a cell being typed: a date cell's text becomes today's date (its reading said, as typing
        it says it; Enter stores it, Esc puts the cell back). The time (Ctrl+Shift+;) and any other cell type nothing
        and say why — before, Ctrl+; typed nothing and said nothing (walk61)."""
        if which == "time":
            self._document().note.emit(TIME_SAID)
            return
        if isinstance(editor, DateLineEdit):
            editor.type_today()
            return
        index = self._open.get(editor)
        label = self._field(index).label if index is not None and index.isValid() else "this cell"
        self._document().note.emit(today_refused(label))

    def _keep_typing(self, editor: QWidget, event: QKeyEvent, command: str) -> None:
        """A table command's key pressed in a cell being typed (``_table_command``): a paste into a list cell is
        typed there, as a word typed is; Del there takes nothing (what was typed stays: Backspace takes a letter
        back); any other says in the status bar how to reach it — the cell first stored or put back."""
        if isinstance(editor, ChoiceCombo) and command == "Paste":
            text = " ".join(QApplication.clipboard().text().split("\n", 1)[0].split("\t", 1)[0].split())
            if text:
                editor.type_over(text)
            return
        if command.startswith("Clear Cells"):
            return
        self._document().note.emit(f"{command} acts on the table's cells, not on the cell being typed: Enter "
                                   "stores it (Esc puts it back), then press the key again.")

    def _several_selected(self) -> bool:
        view = self.parent()
        selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
        return selection is not None and len(selection.selectedIndexes()) > 1

    @staticmethod
    def _add_new_name(editor: QComboBox) -> bool:
        """Ctrl+Enter in a name cell holding a name not in the list: the user's own word that it is a new person
        (``setModelData`` then stores it as one). True when the cell holds such a name."""
        text = " ".join(editor.currentText().split())
        names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
        if not text or existing_name(names, text) is not None:
            return False
        editor.setProperty("confirmed_new", text)
        return True

    def _new_name_at_once(self, editor: QComboBox, say: bool = True) -> bool:
        """A name typed in a person cell that is no one's and near no one's — "Dana Cole" in an office with no Dana,
        no Dan Cole — marked to be added as a new person when the cell is stored (``setModelData``), said once it is.
        A newcomer's first office has nobody in it: every owner, actionee and decider typed was refused, the cell
        left empty, "(A new person: F2 there, then Ctrl+Enter.)" — three keys more for each colleague, and a row
        typed along with Tab kept none of its people (walk 59). A name near someone's ("Priya Shaw" beside Priya
        Shah) is still refused with "Did you mean …?": a slip of a letter never makes a second person. Nor is a
        text that reads as another column's value taken for a name — a date or a date's word, a number, any digit,
        a choice of this register's lists ("Open", "High") — typed one column off, it would be a person "4". Only
        where the typist goes on — Tab, Shift+Tab, Ctrl+Tab, a click away: Enter, where the typist stops, asks first
        beside the cell ("Press the same key again to add …"), as before."""
        text = " ".join(editor.currentText().split())
        names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
        if (not text or existing_name(names, text) is not None or named_so(names, text) is not None
                or near_names(names, text) or editor.property("new_name_kind") != "person"
                or not self._reads_as_a_name(text)):
            return False
        editor.setProperty("confirmed_new", text)
        held = self._open.get(editor)
        if say:
            QTimer.singleShot(0, self, lambda: self._say_new_person(held, text))
        return True

    def _say_new_person(self, held: QPersistentModelIndex | None, text: str) -> None:
        if held is not None and held.isValid() and held.data(Qt.ItemDataRole.EditRole) == text:  # stored
            self._tell_while_typing(f"“{text}” added to People (Ctrl+6), a new person: a name near someone's is "
                                    "asked about instead.")

    def store_new_name_later(self, editor: QWidget) -> bool:
        """A new person's name (``_new_name_at_once``) in a cell left by a click on another cell: the editor closed
        now and the name stored once the click is over. A new person reads the table's rows again, and stored while
        Qt's view was still handling the click, the cell it had found under the mouse was gone — the process ended.
        False for any other cell (left as ``leave_cell`` leaves it)."""
        held = self._open.get(editor)
        if (not isinstance(editor, QComboBox) or not editor.isEditable() or held is None
                or not self._new_name_at_once(editor, say=False)):
            return False
        text = editor.property("confirmed_new")
        self.closeEditor.emit(editor, Hint.NoHint)
        QTimer.singleShot(0, self, lambda: self._store_later(held, text))
        return True

    def _store_later(self, held: QPersistentModelIndex, text: str) -> None:
        model = held.model() if held.isValid() else None
        if model is None:
            return
        document = self._document()
        with document.holding_refusals() as refused:
            model.setData(model.index(held.row(), held.column()), text, Qt.ItemDataRole.EditRole)
        if refused:
            document.note.emit(refused.reason)
        else:
            self._say_new_person(held, text)

    def _reads_as_a_name(self, text: str) -> bool:
        """Whether ``text`` can be a person's name rather than another column's value typed one column off: letters,
        no digit, no date ("today", "next Friday"), no choice of this register's lists."""
        if not any(c.isalpha() for c in text) or any(c.isdigit() for c in text):
            return False
        try:
            if parse_date(text, "") is not None:
                return False
        except ValidationError:
            pass
        src = self.model.sourceModel() if hasattr(self.model, "sourceModel") else self.model
        context = self._document().context
        key = text.casefold()
        for f in src.fields:
            options = f.kind.options(f, context) if not f.kind.is_reference else None
            if options and any(key in (str(shown).casefold(), str(shown).split(" – ", 1)[-1].casefold())
                               for shown, _data in options):  # "High", as "4 – High" is shown
                return False
        return True

    @staticmethod
    def _unlisted_name(editor: QComboBox) -> str:
        """The reason a name typed in a name cell is no one's — "" for a listed name, an empty cell, or a name one
        person's begins ("Ann" for Ann Lee, taken by ``_hold_new_name``)."""
        text = " ".join(editor.currentText().split())
        names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
        if not text or existing_name(names, text) is not None or named_so(names, text) is not None:
            return ""
        what = editor.property("new_name_kind") or "name"
        offered = near_names(names, text)
        meant = f" Did you mean {' or '.join(offered)}?" if offered else ""
        return f"“{text}” is not in the list of {plural(what)}.{meant} (A new {what}: F2 there, then Ctrl+Enter.)"

    def _hold_new_name(self, editor: QComboBox, key: str) -> bool:
        """A name not in the list, typed and Enter / Tab: the editor stays open and a note beside it says whom the
        user may have meant — a question box here took the keys typed next and left the window with no focus.
        The same key again gives the safe answer: the person meant, where one is near what was typed ("Priya
        Shaw" beside Priya Shah); a new person only where none is. The same key added the new person, so a slip
        of a letter ended with the key pressed twice — once to end the cell, once more when it seemed not to
        have — made a second Priya. A new person beside a near name is added by its own key, Ctrl+Enter (named
        in the note). False when the key is to go on: the cell then stores the name as it now stands."""
        text = " ".join(editor.currentText().split())
        names = [editor.itemText(i) for i in range(editor.count()) if editor.itemText(i)]
        if not text or existing_name(names, text) is not None:
            return False
        named = named_so(names, text)
        if named is not None:
            # "Ann" for Ann Lee, the one person named so: taken, as a list cell takes "sup" for Supplier. Asked, a row
            # typed along with Tab went on into the cell — its Raised, Proximity and scores typed over the question,
            # "today" and "4" each asked about as a new person, the next record's title too (walk43).
            editor.setEditText(named)
            completer = editor.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:  # the names like it, listed again by the text set: shut, as the cell closes
                popup.hide()
            what = editor.property("new_name_kind") or "name"
            self._say_after_saved(f"“{text}” is {named}, the one {what} named so (a new “{text}”: type it and "
                                  "Ctrl+Enter).")
            return False
        offered = near_names(names, text)
        if editor.property("asked_new") == text and editor.property("asked_key") == key:  # the second press
            if offered:
                editor.setEditText(offered[0])  # the person meant: stored as a name of the list
            else:
                editor.setProperty("confirmed_new", text)  # ``setModelData`` stores it as a new person
            return False
        what = editor.property("new_name_kind") or "name"
        meant = f" Did you mean {' or '.join(offered)}?" if offered else ""
        if offered:
            pressed = "Tab" if key == "tab" else "Enter"
            listed = self._names_listed_like(editor, text)
            pick = f" (Down to pick {'it' if listed == 1 else 'one of them'})" if listed else ""
            hint = (f"{pressed} again uses {offered[0]}{pick}; Ctrl+Enter adds “{text}” as a new {what}; "
                    "or type over it (it is selected), or Esc.")
        else:
            hint = f"Press the same key again to add “{text}” as a new {what}, or type over it (it is selected), or Esc."
        note_for(editor).show_reason(f"“{text}” is not in the list of {plural(what)}.{meant}", hint)
        hold_for_retry(editor)
        # The same key, as the note says: Enter after the Tab that asked (a row typed along with Tab, ended with
        # Enter, the question unread) asks again rather than answers.
        editor.setProperty("asked_new", text)
        editor.setProperty("asked_key", key)
        return True

    def _say_after_saved(self, text: str) -> None:
        """``text`` in the status bar once the cell is stored (its "Saved" said first), for as long as the keyboard
        stays in the register's table and ✱ line."""
        QTimer.singleShot(0, self, lambda: self._tell_while_typing(text))

    def _tell_while_typing(self, text: str) -> None:
        """``text`` in the status bar while the keyboard stays in the register's table and its ✱ line (the table this
        delegate edits, or the line, and its sibling), gone once it leaves them or the page."""
        edited = self.parent()
        assert isinstance(edited, QWidget)
        view = edited.parentWidget() or edited
        within = tuple(w for w in (getattr(view, "table", None), getattr(view, "new_line", None))
                       if isinstance(w, QWidget)) or (edited,)
        tell_while_in(view, text, within)

    @staticmethod
    def _names_listed_like(editor: QComboBox, text: str) -> int:
        """How many names Down lists under the cell for ``text`` (``_list_names_like``): those that hold it. A name
        spelled nearly as it is offered in the note only."""
        completer = editor.completer()
        if completer is None:
            return 0
        completer.setCompletionPrefix(text)
        return completer.completionCount()

    def _leave_and_tell(self, editor: QWidget, event) -> bool:
        """A typed cell left by a click elsewhere, another tab or page: stored and closed, as Qt's own filter does —
        or, a value the register refuses, passed by as Tab passes it (``leave_cell``): the cell as it was, what was
        typed kept in its note, the reason in the status bar; the keyboard stays where the user went. Held open
        (edit53), the refused text waited in an editor the user had left — on a page no longer shown, or beside a
        control clicked (walk 59). Another window (a question the window asks, as at its closing, or another
        program): the user has not left the cell, so a refused value is held in it with its reason, as Excel keeps
        a refused entry to retry, and the keyboard comes back to it."""
        within = QApplication.focusWidget()
        while within is not None:  # the focus moved inside the editor (its calendar): still editing
            if within is editor:
                return False
            within = within.parentWidget()
        parent = editor.parentWidget()
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:
            self.leave_cell(editor)
            return False
        document = self._document()
        with document.holding_refusals() as refused:
            self.commitData.emit(editor)
        if refused.by_register:  # held, to correct
            note_for(editor).show_reason(refused.reason, HELD)
            hold_for_retry(editor)
            return True
        if refused:  # not a refusal: the file gone, the disk full… said in a message box, as before
            document.error.emit(refused[-1])
        self.closeEditor.emit(editor, Hint.NoHint)
        if parent is not None:
            parent.setFocus()  # as Qt's filter: back in this window, the keyboard is in the table
        return False

    def commit_or_hold(self, editor: QWidget) -> bool:
        """Store the editor's text; False when it was refused (the reason then shows beside the editor)."""
        with self._document().holding_refusals() as refused:
            self.commitData.emit(editor)
        if not refused:
            return True
        if refused.kept:  # not saved but kept to retry (a full disk …): said in a message box, as a click away says it
            self._document().error.emit(refused[-1])
            return True
        note_for(editor).show_reason(refused.reason)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        hold_for_retry(editor)
        return False

    def _commit_and_close(self, editor) -> None:
        """A date picked on the calendar is stored at once, as Enter would."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, DateLineEdit):  # room for "31 Mar 2026" and the calendar button
            rect = rect.adjusted(0, 0, max(0, editor.needed_width() - rect.width()), 0)
        editor.setGeometry(rect)
