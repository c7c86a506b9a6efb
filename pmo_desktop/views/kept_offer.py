"""“3 edits typed on 6 Dec 2026 while the server was away were not saved”: the edits a shared office's journal
kept (``models/kept_journal.py``) when the window that kept them closed anyway, or its process died, offered back
at the next start against the same office — save them now, review them first, or discard them; nothing is
applied without the user's word.

Cells typed, rows added and rows deleted are offered alike. Saved — all, or the ones chosen in the review, one undo
step a save — they go through the same commands as any edit (``EditCellsCommand``, ``CreateRecordsCommand``,
``DeleteRecordsCommand``), with the values the window showed when they were typed and the records' versions then: a
cell of a record a colleague changed since is asked about in the conflict dialog, as walk37 decided for edits kept
while the server was away — unless the cells typed still hold what was shown then, when only the version moved and
the edit goes ahead; a row deleted that a colleague changed since is not deleted unless the user chooses it in the
review, having seen that. An edit of a record deleted since, of a record whose ID holds another record now, of a
sub-table's row whose parent is gone, or of a register or field this program does not know, is said and set aside in
a file of its own beside the journal, never deleted. Non-blocking (``open()``), as the window's other questions:
tests press the buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models import records
from ..models.errors import StoreError
from ..models.fields import Register, count_of
from ..models.kept_journal import ADDED, CELL, DELETED, KeptEdit, KeptJournal
from ..models.registers import REGISTERS
from .document import Document, DocumentCommand
from .messages import warn
from .register_table.commands import (
    CellEdit,
    CompositeCommand,
    CreateRecordsCommand,
    DeleteRecordsCommand,
    EditCellsCommand,
)

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


class ServerNow(NamedTuple):
    """A kept edit's record as the server holds it now: still there, the cell's value (a cell typed), its code, its
    version, and its first text (its name or title)."""

    there: bool
    value: Any = None
    code: str = ""
    version: int | None = None
    named: str = ""


def parent_register(register: Register) -> Register | None:
    """The register a sub-table's rows belong to (a risk's actions: the risks), by its parent column's foreign key."""
    if not register.parent:
        return None
    entity: Any = register.entity
    for fk in entity.__table__.c[register.parent].foreign_keys:
        for other in REGISTERS.values():
            other_entity: Any = other.entity
            if other_entity.__table__ is fk.column.table:
                return other
    return None


class KeptSaveCommand(CompositeCommand):
    """The kept edits saved at once — rows added, cells typed, rows deleted, of any registers — as one undo step
    (``CompositeCommand``: all or nothing). A cell that meets a colleague's change is resolved by its register's part
    (``take_resolution``), as an edit typed is."""

    def take_resolution(self, conflict, choice, ctx) -> bool:
        for part in self.parts:
            if isinstance(part, EditCellsCommand) and part.register.name == conflict.register \
                    and any(e.record_id == conflict.record_id for e in part.edits):
                if not part.take_resolution(conflict, choice, ctx):
                    self.parts.remove(part)
                break
        return bool(self.parts)


class KeptOffer:
    """The question at the start, and what each answer does; ``box`` is the question, ``review`` the dialog that
    lists the edits when the user asks to see them first, to save or discard them all or one by one."""

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
        def known(e: KeptEdit) -> bool:
            if e.register not in REGISTERS:
                return False
            names = REGISTERS[e.register].field_names
            if e.kind == ADDED:
                return all(name in names for name in e.typed)
            return e.kind == DELETED or e.field in names

        unknown = [e for e in edits if not known(e)]
        if unknown:
            target = self.journal.set_aside([e.cell for e in unknown], "unknown-fields")
            self.set_aside_note += (f"\n\n{count_of(len(unknown), 'edit')} of a register or field this version of PMO "
                                    f"Desktop does not have {'was' if len(unknown) == 1 else 'were'} set aside, not "
                                    f"deleted, in {target}.")
        return [e for e in edits if e not in unknown]

    def _read_now(self, edits: list[KeptEdit]) -> dict[tuple[str, int, str], ServerNow]:
        """Each edit's record as the server holds it now (``ServerNow``); for a row added to a sub-table, its parent."""
        wanted: dict[str, set[int]] = {}
        for e in edits:
            if e.kind != ADDED:
                wanted.setdefault(e.register, set()).add(e.record_id)
            elif e.parent_id is not None and (parent := parent_register(REGISTERS[e.register])) is not None:
                wanted.setdefault(parent.name, set()).add(e.parent_id)

        def read(session) -> dict[str, dict[int, tuple]]:
            return {name: {row[0]: row for row in records.fetch_rows(session, REGISTERS[name], ids=sorted(ids))}
                    for name, ids in wanted.items()}

        rows = self.document.office.read(read)
        now: dict[tuple[str, int, str], ServerNow] = {}
        for e in edits:
            register = REGISTERS[e.register]
            if e.kind == ADDED:
                parent = parent_register(register) if e.parent_id is not None else None
                there = parent is None or e.parent_id in rows.get(parent.name, {})
                now[e.cell] = ServerNow(there)
                continue
            row = rows.get(e.register, {}).get(e.record_id)
            if row is None:
                now[e.cell] = ServerNow(False)
                continue

            def value_of(name: str, row: tuple = row, register: Register = register) -> Any:
                return row[2 + register.field_names.index(name)]

            key, name = register.key_field, register.name_field
            now[e.cell] = ServerNow(True, value_of(e.field) if e.kind == CELL else None,
                                    str(value_of(key.name) or "") if key is not None else "", row[1],
                                    str(value_of(name.name) or "") if name is not None else "")
        return now

    def _set_aside_deleted(self) -> None:
        """Edits of records deleted since they were typed cannot be saved, nor rows added to a record deleted since
        (a risk's action, the risk gone): set aside in a file, named in the question. A row deleted here that
        someone else deleted too has nothing left to do: it leaves the journal, said."""
        done = [e for e in self.edits if e.kind == DELETED and not self.now[e.cell].there]
        if done:
            self.journal.forget(cells=[e.cell for e in done])
            self.set_aside_note += (f"\n\n{count_of(len(done), 'row')} you deleted "
                                    f"{'was' if len(done) == 1 else 'were'} deleted by someone else too "
                                    f"({self._listed(done)}): nothing is left to do for "
                                    f"{'it' if len(done) == 1 else 'them'}.")
            self.edits = [e for e in self.edits if e not in done]
        gone = [e for e in self.edits if not self.now[e.cell].there]
        if not gone:
            return
        target = self.journal.set_aside([e.cell for e in gone], "records-deleted")
        added = any(e.kind == ADDED for e in gone)
        self.set_aside_note += (f"\n\n{count_of(len(gone), 'edit')} cannot be saved: "
                                f"{'its record was' if len(gone) == 1 else 'their records were'} deleted by someone "
                                f"else since{' (a row added: the record it belongs to)' if added else ''} "
                                f"({self._listed(gone)}). {'It was' if len(gone) == 1 else 'They were'} set "
                                f"aside, not deleted, in {target}.")
        self.edits = [e for e in self.edits if e not in gone]

    def is_other_record(self, edit: KeptEdit) -> bool:
        """The edit's record ID holds another record now — the database restored from an older backup, or not the
        office it was typed in: its code is not the one shown when it was typed; or its version is older than the one
        the edit was typed on (a record's version only grows: a restore put back an older state, or another record);
        or, in a register with no code, its first text is not the one shown while its version has not moved (a
        colleague's rename moves it)."""
        if edit.kind == ADDED:
            return False
        now = self.now[edit.cell]
        if edit.code and now.code != edit.code:
            return True
        if edit.version is not None and now.version is not None and now.version < edit.version:
            return True
        return bool(edit.named) and now.named != edit.named and (now.version or 0) <= (edit.version or 0)

    def renamed_since(self, edit: KeptEdit) -> bool:
        """In a register with no code, the record's first text is not the one shown when the edit was typed and its
        version moved on: renamed by a colleague — or another record. Not saved without the user's look."""
        return (edit.kind != ADDED and bool(edit.named) and not self.is_other_record(edit)
                and self.now[edit.cell].named != edit.named)

    def cannot_check(self, edit: KeptEdit) -> bool:
        """Whether nothing of the record shown is kept to tell it from another record under its ID (a register with
        neither code nor name — a benefit's planned value —, or a block too large to keep each row as shown): only
        its version can be compared."""
        return edit.kind != ADDED and not edit.code and not edit.named

    def _set_aside_other_records(self) -> None:
        """Edits whose record ID holds another record now (``is_other_record``) are set aside, named in the question.
        Saved, they went into that other record — silently when its cell held what the typed one had; a deletion
        deleted it."""
        other = [e for e in self.edits if self.is_other_record(e)]
        if not other:
            return
        target = self.journal.set_aside([e.cell for e in other], "other-records")
        listed = "; ".join(f"{self.record_of(e)}, {self.what_of(e)} — that ID is "
                           f"{self.now[e.cell].code or self.now[e.cell].named or 'a record of an older version'} now"
                           for e in other[:5])
        more = f" … and {len(other) - 5} more" if len(other) > 5 else ""
        self.set_aside_note += (f"\n\n{count_of(len(other), 'edit')} {'was' if len(other) == 1 else 'were'} not "
                                f"offered: {'its record' if len(other) == 1 else 'their records'} in the office "
                                f"{'is' if len(other) == 1 else 'are'} another record now — the database restored "
                                f"from an older backup, or not the office {'it was' if len(other) == 1 else 'they were'}"
                                f" typed in ({listed}{more}). {'It was' if len(other) == 1 else 'They were'} set "
                                f"aside, not saved nor deleted, in {target}.")
        self.edits = [e for e in self.edits if e not in other]

    # ------------------------------------------------------------------ words
    def _listed(self, edits: list[KeptEdit]) -> str:
        more = f" … and {len(edits) - 5} more" if len(edits) > 5 else ""
        return "; ".join(f"{self.record_of(e)}, {self.what_of(e)}" for e in edits[:5]) + more

    def record_of(self, edit: KeptEdit) -> str:
        register = REGISTERS[edit.register]
        if edit.kind == ADDED:
            return edit.record or f"a new {register.noun}"
        code = self.now[edit.cell].code if edit.cell in self.now else ""
        return edit.record or code or f"{register.noun} #{edit.record_id}"

    def what_of(self, edit: KeptEdit) -> str:
        """"Title: “Crane slips”", "row added", "row deleted": the edit in the words of a list."""
        if edit.kind == ADDED:
            return f"row added ({self.typed_text(edit)})"
        if edit.kind == DELETED:
            return "row deleted"
        return f"{self.field_label(edit)}: “{self.text_of(edit, edit.typed)}”"

    @staticmethod
    def field_label(edit: KeptEdit) -> str:
        if edit.kind == ADDED:
            return "(row added)"
        if edit.kind == DELETED:
            return "(row deleted)"
        return REGISTERS[edit.register].field(edit.field).label

    @staticmethod
    def text_of(edit: KeptEdit, value: Any, field: str | None = None) -> str:
        name = field or edit.field
        return str(REGISTERS[edit.register].field(name).kind.edit_text(value)) if value is not None else ""

    def typed_text(self, edit: KeptEdit) -> str:
        """What the edit wrote: the value typed, a row's values ("Title: Quay works; Owner: Ann"), or "deleted"."""
        if edit.kind == ADDED:
            register = REGISTERS[edit.register]
            return "; ".join(f"{register.field(name).label}: {self.text_of(edit, value, name)}"
                             for name, value in edit.typed.items() if value not in (None, ""))
        if edit.kind == DELETED:
            return "deleted"
        return self.text_of(edit, edit.typed)

    def server_text(self, edit: KeptEdit) -> str:
        if edit.kind == ADDED:
            return "(not there)"
        now = self.now[edit.cell]
        if edit.kind == DELETED:
            return "there" if now.there else "deleted"
        return self.text_of(edit, now.value)

    def changed_since(self, edit: KeptEdit) -> bool:
        """The server's record is no longer as the window showed it when the edit was typed: a colleague's change
        (the cell typed: its value; a row deleted: any of it, its version)."""
        if edit.kind == ADDED:
            return False
        now = self.now[edit.cell]
        if edit.kind == DELETED:
            return edit.version is not None and now.version != edit.version
        return (now.value or None) != (edit.was or None)

    def needs_look(self, edit: KeptEdit) -> bool:
        """Not saved by Save Them Now, only when chosen in the review: a row deleted that a colleague changed since
        (deleted, their change goes with it), an edit of a record with no code renamed since (or another record)."""
        return (edit.kind == DELETED and self.changed_since(edit)) or self.renamed_since(edit)

    def note_of(self, edit: KeptEdit) -> str:
        """The review's last column: whether the record is as when it was typed, and what cannot be checked."""
        if self.renamed_since(edit):
            note = (f"renamed since (“{edit.named}” when you typed, “{self.now[edit.cell].named}” now) — or another "
                    f"{REGISTERS[edit.register].noun}: check it")
        elif edit.kind == DELETED and self.changed_since(edit):
            note = "changed by someone else since — Save deletes it with their change"
        elif self.changed_since(edit):
            note = "changed by someone else since"
        elif edit.kind == ADDED:
            note = "new"
        else:
            note = "as when you typed"
        if self.cannot_check(edit):
            note += " (that its ID still holds the same record cannot be checked: nothing of it was kept but its version)"
        return note

    # ------------------------------------------------------------------ the question
    def ask(self) -> QMessageBox | None:
        """The question, open (non-blocking); None when nothing is left to offer (a note may still be said)."""
        if not self.edits:
            if self.set_aside_note:
                return warn(self.parent, "Kept edits set aside", self.set_aside_note.strip())
            return None
        count = len(self.edits)
        looks = sum(1 for e in self.edits if self.needs_look(e))
        changed = sum(1 for e in self.edits if self.changed_since(e) and not self.needs_look(e))
        box = QMessageBox(QMessageBox.Icon.Warning, "Edits not saved",
                          f"{count_of(count, 'edit')} typed {day_text(self.edits)} while the server was away "
                          f"{'was' if count == 1 else 'were'} not saved.", QMessageBox.StandardButton.NoButton,
                          self.parent)
        box.setObjectName("kept_offer")
        added = sum(1 for e in self.edits if e.kind == ADDED)
        deleted = sum(1 for e in self.edits if e.kind == DELETED)
        rows = ", ".join(filter(None, (f"{count_of(added, 'row')} added" if added else "",
                                       f"{count_of(deleted, 'row')} deleted" if deleted else "")))
        since = (f" {changed} of them {'is' if changed == 1 else 'are'} in a record someone "
                 "else has changed since: saving asks you which to keep." if changed else "")
        left = (f" {looks} of them Save Them Now leaves for you to look at in the review (a row someone else changed "
                "after you deleted it, a record renamed since)." if looks else "")
        box.setInformativeText(f"They were kept on this computer when the window closed with them unsaved"
                               f"{f' ({rows})' if rows else ''}.{since}{left}\n\n"
                               "Save them now, review them first (each record, field, what you typed and what the "
                               "server holds now — to save or discard them one by one), or discard them. Later keeps "
                               f"them for the next start.{self.set_aside_note}")
        save = box.addButton(SAVE, QMessageBox.ButtonRole.AcceptRole)
        review = box.addButton(REVIEW, QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(LATER, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(review)
        box.setEscapeButton(later)  # Esc, or a close with no answer, applies nothing and deletes nothing

        def chosen(button) -> None:
            if button is save:
                self.save()
                if self.edits and not self.document.met_conflict:
                    # Those left for the user's look (``needs_look``) are shown at once: the question is gone, and
                    # nothing else would lead back to them before the next start.
                    QTimer.singleShot(0, self.parent, self.show_review)
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
    def _still_unanswered(self, chosen: list[KeptEdit]) -> list[KeptEdit]:
        """Those of ``chosen`` no other window on the office has answered since this one asked (its own offer of
        the same journal): saved there, they were saved again here, asked about as someone else's change — or the
        answer here took them from that window's journal entries; discarded there, "saved" here. Says those left
        out, and forgets them here."""
        left = self.journal.unanswered(chosen)
        if len(left) < len(chosen):
            gone = len(chosen) - len(left)
            self.document.note.emit(f"{count_of(gone, 'edit')} typed while the server was away "
                                    f"{'was' if gone == 1 else 'were'} answered in another window on this office "
                                    "meanwhile (saved or discarded there): left as that window left "
                                    f"{'it' if gone == 1 else 'them'}.")
            answered = [e for e in chosen if e not in left]
            self.edits = [e for e in self.edits if e not in answered]
        return left

    def save(self, chosen: list[KeptEdit] | None = None) -> int:
        """Save ``chosen`` (the review's), else every edit but those left for the user's look (``needs_look``): one
        undo step, all or nothing; returns how many edits it saved. A change refused for good (a value the register
        refuses now) is set aside in a file, said, never dropped."""
        wanted = chosen if chosen is not None else [e for e in self.edits if not self.needs_look(e)]
        edits = self._still_unanswered(wanted)
        if not edits:
            return 0
        command = self._command(edits)
        self.document.take_up_journal(command, [e.cell for e in edits])
        self.edits = [e for e in self.edits if e not in edits]  # answered: saved, asked about, or kept to save
        document = self.document
        if document.execute(command):
            left = len(self.edits)
            document.note.emit(f"Saved {count_of(len(edits), 'edit')} typed while the server was away (Edit ▸ Undo "
                               f"takes {'it' if len(edits) == 1 else 'them'} back)."
                               + (f" {left} left for you to look at." if left and chosen is None else ""))
            return len(edits)
        if command not in document.pending and not document.met_conflict and not document.cancelled:
            # Refused for good and said (``execute``), its entries out of the journal: put them in a file of their own.
            try:
                target = self.journal.write_aside(edits, "refused")
            except OSError as e:
                document.note.emit(f"The edits refused could not be set aside on this computer's disk: {e}")
            else:
                document.note.emit(f"Not saved: {count_of(len(edits), 'edit')} typed while the server was away "
                                   f"{'was' if len(edits) == 1 else 'were'} set aside, not deleted, in {target}.")
        return 0

    def _command(self, edits: list[KeptEdit]) -> DocumentCommand:
        """One command for ``edits``: the rows added (a register and parent at a time), the cells typed (a register at
        a time, with the versions they were typed on), the rows deleted (with the version each was deleted at — or,
        chosen in the review though changed since, the version seen there)."""
        parts: list[DocumentCommand] = []
        document = self.document
        added: dict[tuple[str, int | None], list[KeptEdit]] = {}
        cells: dict[str, list[KeptEdit]] = {}
        deleted: dict[str, list[KeptEdit]] = {}
        for e in edits:
            if e.kind == ADDED:
                added.setdefault((e.register, e.parent_id), []).append(e)
            elif e.kind == DELETED:
                deleted.setdefault(e.register, []).append(e)
            else:
                cells.setdefault(e.register, []).append(e)
        for (name, parent_id), rows in added.items():
            create = CreateRecordsCommand(document, REGISTERS[name], [dict(e.typed) for e in rows], parent_id)
            create.tokens = [e.token for e in rows]  # kept again (the server gone again), the same entries
            parts.append(create)
        for name, typed in cells.items():
            # A cell of a record this save deletes is not written first: its save moved the record's version, and
            # the deletion, expecting the version it was made at, refused the whole save.
            going = {e.record_id for e in deleted.get(name, [])}
            typed = [e for e in typed if e.record_id not in going]
            if not typed:
                continue
            versions: dict[int, int] = {}
            for e in typed:
                if e.version is not None:
                    versions.setdefault(e.record_id, e.version)
            parts.append(EditCellsCommand(document, REGISTERS[name], [CellEdit(e.record_id, e.field, e.was, e.typed)
                                                                      for e in typed], versions))
        for name, gone in deleted.items():
            delete = DeleteRecordsCommand(document, REGISTERS[name], [e.record_id for e in gone])
            for e in gone:
                seen = self.now[e.cell].version if self.changed_since(e) else e.version
                if seen is not None:
                    delete.versions[e.record_id] = seen
                register = REGISTERS[name]
                shown: dict[str, Any] = {"version": e.version}  # kept again, the entry keeps the version it was deleted at
                if register.key_field is not None:
                    shown[register.key_field.name] = e.code
                delete.shown_rows[e.record_id] = shown
            parts.append(delete)
        text = f"Save {count_of(len(edits), 'edit')} typed while the server was away"
        if len(parts) == 1:
            parts[0].setText(text)
            return parts[0]
        return KeptSaveCommand(document, text, parts)

    def discard(self, chosen: list[KeptEdit] | None = None) -> int:
        """Discard ``chosen`` (the review's), else all: out of the journal, the office as the server holds it."""
        edits = self._still_unanswered(chosen if chosen is not None else list(self.edits))
        if not edits:
            return 0
        self.journal.forget(cells=[e.cell for e in edits])
        self.edits = [e for e in self.edits if e not in edits]
        self.document.note.emit(f"Discarded {count_of(len(edits), 'edit')} typed while the server was away: "
                                f"{'the office is' if not self.edits else 'those are'} as the server holds "
                                f"{'it' if not self.edits else 'them'}.")
        return len(edits)


class ReviewDialog(QDialog):
    """The edits, a row each: the record, the field (or "row added", "row deleted"), what was typed, what the server
    holds now and whether someone changed it since. Save or Discard the rows selected — all of them at first, any
    set chosen (Down, Shift+Down, Ctrl+click) — each Save one undo step; the dialog stays with the others until none
    is left. Later keeps what is left for the next start."""

    COLUMNS = ("Record", "Field", "You typed", "On the server now", "")

    def __init__(self, offer: KeptOffer):
        super().__init__(offer.parent)
        self.offer = offer
        self.setObjectName("kept_review")
        self.setWindowTitle("Edits not saved")
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.shown: list[KeptEdit] = []
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = buttons.addButton(SAVE.replace(" Now", ""),
                                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button: QPushButton = buttons.addButton(DISCARD, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(LATER, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        self.discard_button.clicked.connect(self._discard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._name_buttons)
        self._fill()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        # Wide enough for every column as sized to its contents (the last, "changed by someone else since", was cut
        # at a fixed 760), within the screen.
        margins = layout.contentsMargins()
        needed = (self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
                  + self.table.verticalScrollBar().sizeHint().width() + margins.left() + margins.right())
        screen = self.screen().availableGeometry().width()
        self.resize(max(760, min(needed, screen * 9 // 10)), 320)

    def _fill(self) -> None:
        """The edits still to answer, every one selected (Save and Discard answer them all until a set is chosen)."""
        offer = self.offer
        self.shown = list(offer.edits)
        self.heading.setText(f"{count_of(len(self.shown), 'edit')} typed {day_text(self.shown)} while the server "
                             "was away, not saved — select the ones to save or discard:" if self.shown else "")
        self.table.setRowCount(len(self.shown))
        for row, e in enumerate(self.shown):
            for column, text in enumerate((offer.record_of(e), offer.field_label(e), offer.typed_text(e),
                                           offer.server_text(e), offer.note_of(e))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.selectAll()
        if self.shown:
            self.table.setCurrentCell(0, 0, self.table.selectionModel().SelectionFlag.NoUpdate)
        self._name_buttons()

    def chosen(self) -> list[KeptEdit]:
        """The edits of the rows selected, in the review's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    def _name_buttons(self) -> None:
        """"Save Them" while every row is selected, "Save 2 Selected" for a set: what the button will do."""
        chosen = len(self.chosen())
        every = chosen == len(self.shown)
        self.save_button.setText("&Save Them" if every else f"&Save {chosen} Selected")
        self.discard_button.setText("&Discard Them" if every else f"&Discard {chosen} Selected")
        self.save_button.setEnabled(chosen > 0)
        self.discard_button.setEnabled(chosen > 0)

    def _answered(self) -> None:
        """The rows answered leave the list; the dialog closes with the last."""
        if not self.offer.edits:
            self.accept()
            return
        self._fill()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save(self) -> None:
        chosen = self.chosen()
        if len(chosen) == len(self.offer.edits):
            self.accept()  # closed first: a conflict question the save meets is the one the user answers next
        self.offer.save(chosen)
        self._answered()

    def _discard(self) -> None:
        chosen = self.chosen()
        self.offer.discard(chosen)
        self._answered()

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
