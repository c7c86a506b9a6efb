"""“3 edits typed on 6 Dec 2026 while the server was away were not saved”: the edits a shared office's journal
kept (``models/kept_journal.py``) when the window that kept them closed anyway, or its process died, offered back
at the next start against the same office — save them now, review them first, or discard them; nothing is
applied without the user's word.

Saved, they go through the same save as any edit typed (``EditCellsCommand``, one undo step), with the values the
window showed when they were typed and the records' versions then: a record a colleague changed since is asked
about in the conflict dialog, as walk37 decided for edits kept while the server was away — unless the cells typed
still hold what was shown then, when only the version moved and the edit goes ahead. An edit of a record deleted
since, or of a register or field this program does not know, is said and set aside in a file of its own beside the
journal, never deleted. Non-blocking (``open()``), as the window's other questions: tests press the buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models import records
from ..models.errors import StoreError
from ..models.fields import count_of
from ..models.kept_journal import KeptEdit, KeptJournal
from ..models.registers import REGISTERS
from .document import Document
from .messages import warn
from .register_table.commands import CellEdit, EditCellsCommand

SAVE, REVIEW, DISCARD, LATER = "&Save Them Now", "&Review…", "&Discard Them", "&Later"


def day_text(edits: list[KeptEdit]) -> str:
    """"on 6 Dec 2026", or "between 5 Dec 2026 and 6 Dec 2026": the days, on this computer's clock, they were typed."""
    days = sorted({edit.typed_at.astimezone().date() for edit in edits})
    first, last = (f"{d.day} {d:%b %Y}" for d in (days[0], days[-1]))
    return f"on {first}" if first == last else f"between {first} and {last}"


def said_unreadable(parent: QWidget, journal: KeptJournal) -> QMessageBox | None:
    """A journal that could not be read, set aside when the office opened (``KeptJournal``): said, with where it is."""
    problem = journal.unreadable
    if problem is None:
        return None
    journal.unreadable = None  # said once, not again by the next window on the office
    where = (f"It was set aside, not deleted, as {problem.set_aside}." if problem.set_aside is not None
             else f"It is left where it is, {problem.path}.")
    return warn(parent, "Kept edits not read",
                f"Edits kept on this computer for {journal.office} while its server was away could not be read back: "
                f"{problem.reason}.\n\n{where} Edits you make now are kept in a new journal.")


class KeptOffer:
    """The question at the start, and what each answer does; ``box`` is the question, ``review`` the dialog that
    lists the edits when the user asks to see them first."""

    def __init__(self, parent: QWidget, document: Document, journal: KeptJournal):
        self.parent = parent
        self.document = document
        self.journal = journal
        self.review: ReviewDialog | None = None
        self.box: QMessageBox | None = None
        self.set_aside_note = ""
        self.edits = self._known(journal.earlier())
        self.now = self._read_now(self.edits)
        self._set_aside_deleted()
        self._set_aside_other_records()

    # ------------------------------------------------------------------ what the journal holds, and the office now
    def _known(self, edits: list[KeptEdit]) -> list[KeptEdit]:
        """The edits of registers and fields this program has; the others (a newer version's) set aside, said."""
        unknown = [e for e in edits if e.register not in REGISTERS or e.field not in REGISTERS[e.register].field_names]
        if unknown:
            target = self.journal.set_aside([e.cell for e in unknown], "unknown-fields")
            self.set_aside_note += (f"\n\n{count_of(len(unknown), 'edit')} of a register or field this version of PMO "
                                    f"Desktop does not have {'was' if len(unknown) == 1 else 'were'} set aside, not "
                                    f"deleted, in {target}.")
        return [e for e in edits if e not in unknown]

    def _read_now(self, edits: list[KeptEdit]) -> dict[tuple[str, int, str], tuple[bool, Any, str]]:
        """Each edit's cell as the server holds it now: (the record still there, the value, the record's ID)."""
        wanted: dict[str, set[int]] = {}
        for e in edits:
            wanted.setdefault(e.register, set()).add(e.record_id)

        def read(session) -> dict[str, dict[int, tuple]]:
            return {name: {row[0]: row for row in records.fetch_rows(session, REGISTERS[name], ids=sorted(ids))}
                    for name, ids in wanted.items()}

        rows = self.document.office.read(read)
        now: dict[tuple[str, int, str], tuple[bool, Any, str]] = {}
        for e in edits:
            register = REGISTERS[e.register]
            row = rows.get(e.register, {}).get(e.record_id)
            if row is None:
                now[e.cell] = (False, None, "")
                continue
            key = register.key_field
            code = str(row[2 + register.field_names.index(key.name)] or "") if key is not None else ""
            now[e.cell] = (True, row[2 + register.field_names.index(e.field)], code)
        return now

    def _set_aside_deleted(self) -> None:
        """Edits of records deleted since they were typed cannot be saved: set aside in a file, named in the question."""
        gone = [e for e in self.edits if not self.now[e.cell][0]]
        if not gone:
            return
        target = self.journal.set_aside([e.cell for e in gone], "records-deleted")
        listed = "; ".join(f"{self.record_of(e)}, {self.field_label(e)}: “{self.text_of(e, e.typed)}”" for e in gone[:5])
        more = f" … and {len(gone) - 5} more" if len(gone) > 5 else ""
        self.set_aside_note += (f"\n\n{count_of(len(gone), 'edit')} cannot be saved: "
                                f"{'its record was' if len(gone) == 1 else 'their records were'} deleted by someone "
                                f"else since ({listed}{more}). {'It was' if len(gone) == 1 else 'They were'} set "
                                f"aside, not deleted, in {target}.")
        self.edits = [e for e in self.edits if e not in gone]

    def _set_aside_other_records(self) -> None:
        """Edits whose record ID holds another record now (its code not the one shown when they were typed: the
        server restored from an older backup, the journal copied to another office) are set aside, named in the
        question. Saved, they went into that other record — silently when its cell held what the typed one had."""
        other = [e for e in self.edits if e.code and self.now[e.cell][2] != e.code]
        if not other:
            return
        target = self.journal.set_aside([e.cell for e in other], "other-records")
        listed = "; ".join(f"{self.record_of(e)}, {self.field_label(e)}: “{self.text_of(e, e.typed)}” — that ID is "
                           f"{self.now[e.cell][2] or 'a record without a code'} now" for e in other[:5])
        more = f" … and {len(other) - 5} more" if len(other) > 5 else ""
        self.set_aside_note += (f"\n\n{count_of(len(other), 'edit')} {'was' if len(other) == 1 else 'were'} not "
                                f"offered: {'its record' if len(other) == 1 else 'their records'} in the office "
                                f"{'is' if len(other) == 1 else 'are'} another record now — the database restored "
                                f"from an older backup, or not the office {'it was' if len(other) == 1 else 'they were'}"
                                f" typed in ({listed}{more}). {'It was' if len(other) == 1 else 'They were'} set "
                                f"aside, not saved nor deleted, in {target}.")
        self.edits = [e for e in self.edits if e not in other]

    # ------------------------------------------------------------------ words
    def record_of(self, edit: KeptEdit) -> str:
        register = REGISTERS[edit.register]
        code = self.now.get(edit.cell, (False, None, ""))[2]
        return edit.record or code or f"{register.noun} #{edit.record_id}"

    @staticmethod
    def field_label(edit: KeptEdit) -> str:
        return REGISTERS[edit.register].field(edit.field).label

    @staticmethod
    def text_of(edit: KeptEdit, value: Any) -> str:
        return str(REGISTERS[edit.register].field(edit.field).kind.edit_text(value)) if value is not None else ""

    def changed_since(self, edit: KeptEdit) -> bool:
        """The server's value is no longer the one the window showed when the edit was typed: a colleague's change."""
        return (self.now[edit.cell][1] or None) != (edit.was or None)

    # ------------------------------------------------------------------ the question
    def ask(self) -> QMessageBox | None:
        """The question, open (non-blocking); None when nothing is left to offer (a note may still be said)."""
        if not self.edits:
            if self.set_aside_note:
                return warn(self.parent, "Kept edits set aside", self.set_aside_note.strip())
            return None
        count = len(self.edits)
        changed = sum(1 for e in self.edits if self.changed_since(e))
        box = QMessageBox(QMessageBox.Icon.Warning, "Edits not saved",
                          f"{count_of(count, 'edit')} typed {day_text(self.edits)} while the server was away "
                          f"{'was' if count == 1 else 'were'} not saved.", QMessageBox.StandardButton.NoButton,
                          self.parent)
        box.setObjectName("kept_offer")
        since = (f" {changed} of them {'is' if changed == 1 else 'are'} in a record someone "
                 "else has changed since: saving asks you which to keep." if changed else "")
        box.setInformativeText(f"They were kept on this computer when the window closed with them unsaved.{since}\n\n"
                               "Save them now, review them first (each record, field, what you typed and what the "
                               "server holds now), or discard them. Later keeps them for the next start."
                               f"{self.set_aside_note}")
        save = box.addButton(SAVE, QMessageBox.ButtonRole.AcceptRole)
        review = box.addButton(REVIEW, QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(LATER, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(review)
        box.setEscapeButton(later)  # Esc, or a close with no answer, applies nothing and deletes nothing

        def chosen(button) -> None:
            if button is save:
                self.save()
            elif button is review:  # once the question has closed, which hands the keyboard back to the window
                QTimer.singleShot(0, self.parent, self.show_review)
            elif button is discard:
                self.discard()
            else:
                self.document.note.emit(f"{count_of(count, 'unsaved edit')} kept on this computer for the next start.")

        box.buttonClicked.connect(chosen)
        box.open()
        self.box = box
        return box

    def show_review(self) -> "ReviewDialog":
        self.review = ReviewDialog(self)
        self.review.open()
        self.review.activateWindow()  # the keyboard in it (its Alt+ keys), not left on the window under it
        return self.review

    # ------------------------------------------------------------------ the answers
    def _still_unanswered(self) -> bool:
        """Keep to the edits no other window on the office has answered since this one asked (its own offer of the
        same journal): saved there, they were saved again here, asked about as someone else's change — or the
        answer here took them from that window's journal entries; discarded there, "saved" here. Says those left
        out; returns whether any edit is left to answer."""
        left = self.journal.unanswered(self.edits)
        if len(left) < len(self.edits):
            gone = len(self.edits) - len(left)
            self.document.note.emit(f"{count_of(gone, 'edit')} typed while the server was away "
                                    f"{'was' if gone == 1 else 'were'} answered in another window on this office "
                                    "meanwhile (saved or discarded there): left as that window left "
                                    f"{'it' if gone == 1 else 'them'}.")
        self.edits = left
        return bool(left)

    def save(self) -> int:
        """Save the edits, a register at a time, each as one undo step; returns how many registers' steps saved."""
        saved = 0
        if not self._still_unanswered():
            return 0
        by_register: dict[str, list[KeptEdit]] = {}
        for e in self.edits:
            by_register.setdefault(e.register, []).append(e)
        for name, edits in by_register.items():
            register = REGISTERS[name]
            versions: dict[int, int] = {}
            for e in edits:
                if e.version is not None:
                    versions.setdefault(e.record_id, e.version)
            command = EditCellsCommand(self.document, register, [CellEdit(e.record_id, e.field, e.was, e.typed)
                                                                 for e in edits], versions,
                                       text=f"Save {count_of(len(edits), 'edit')} typed while the server was away")
            self.document.take_up_journal(command, [e.cell for e in edits])
            if self.document.execute(command):
                saved += 1
        if saved:
            self.document.note.emit(f"Saved {count_of(len(self.edits), 'edit')} typed while the server was away "
                                    "(Edit ▸ Undo takes them back)." if saved == len(by_register) else
                                    "Some edits typed while the server was away were saved; the others are said.")
        return saved

    def discard(self) -> None:
        if not self._still_unanswered():
            return
        self.journal.forget(cells=[e.cell for e in self.edits])
        self.document.note.emit(f"Discarded {count_of(len(self.edits), 'edit')} typed while the server was away: "
                                "the office is as the server holds it.")


class ReviewDialog(QDialog):
    """The edits, a row each: the record, the field, what was typed, what the server holds now (and whether someone
    changed it since); Save Them, Discard Them, or Later."""

    COLUMNS = ("Record", "Field", "You typed", "On the server now", "")

    def __init__(self, offer: KeptOffer):
        super().__init__(offer.parent)
        self.offer = offer
        self.setObjectName("kept_review")
        self.setWindowTitle("Edits not saved")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{count_of(len(offer.edits), 'edit')} typed {day_text(offer.edits)} while the server "
                                "was away, not saved:"))
        self.table = QTableWidget(len(offer.edits), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, e in enumerate(offer.edits):
            there, value, _code = offer.now[e.cell]
            note = "changed by someone else since" if offer.changed_since(e) else "as when you typed"
            for column, text in enumerate((offer.record_of(e), offer.field_label(e), offer.text_of(e, e.typed),
                                           offer.text_of(e, value), note)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(SAVE.replace(" Now", ""), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(DISCARD, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(LATER, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        self.discard_button.clicked.connect(self._discard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        # Wide enough for every column as sized to its contents (the last, "changed by someone else since", was cut
        # at a fixed 760), within the screen.
        margins = layout.contentsMargins()
        needed = (self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
                  + self.table.verticalScrollBar().sizeHint().width() + margins.left() + margins.right())
        screen = self.screen().availableGeometry().width()
        self.resize(max(760, min(needed, screen * 9 // 10)), 320)

    def _save(self) -> None:
        self.accept()
        self.offer.save()

    def _discard(self) -> None:
        self.accept()
        self.offer.discard()

    def rows(self) -> list[list[str]]:
        return [[item.text() if (item := self.table.item(r, c)) is not None else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]


def offer_kept_edits(parent: QWidget, document: Document, journal: KeptJournal) -> KeptOffer | None:
    """At an office's open: say a journal that could not be read, then offer what an earlier run kept."""
    said_unreadable(parent, journal)
    if not journal.earlier():
        return None
    try:
        offer = KeptOffer(parent, document, journal)
    except (StoreError, OSError) as e:  # the server away again, or the folder refused: offered at the next start
        document.note.emit(f"Edits kept on this computer while the server was away could not be offered now: {e}")
        return None
    offer.ask()
    return offer


def kept_journal_for(folder: Path, document: Document) -> KeptJournal:
    """The journal of a shared office's kept edits in ``folder``, the one a window of this process has open if any."""
    from ..models.kept_journal import journal_path

    where = document.store.url_to_remember
    return KeptJournal.opened(journal_path(folder, where), where)
