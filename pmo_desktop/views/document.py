"""An open program office in the GUI: the store, its undo stack, and change notifications.

Views never write SQL: they ask the document, which runs each change in one store transaction and
then tells every interested view which records changed, so tables refresh only what they must.
"""

from __future__ import annotations

import itertools
import threading
import time
import weakref
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..models import errors
from ..models.fields import Context
from ..models.office import Office
from ..models.operations import Changes
from ..models.records import load_context
from ..models.registers import REGISTERS
from ..models.settings import SettingKey
from ..models.store import Store

if TYPE_CHECKING:  # (the journal is loaded with a shared office, not with every file: ``MainWindow._open_kept_journal``)
    from ..models.kept_journal import KeptEdit, KeptJournal

T = TypeVar("T")

CLOSE_WAIT_S = 5.0  # closing waits this long at most for the workers it stopped to end (``Document.close``)
_JOURNAL_OWNERS = itertools.count(1)  # each kept change's number in the journal (``DocumentCommand.journal_owner``)


def _dependants() -> dict[str, set[str]]:
    """For each register, the registers whose displayed values depend on it (names, children)."""
    deps: dict[str, set[str]] = {name: set() for name in REGISTERS}
    by_entity = {reg.entity: name for name, reg in REGISTERS.items()}
    for name, reg in REGISTERS.items():
        for f in reg.fields:
            if f.kind.refers and f.ref is not None and f.ref.target in by_entity:
                deps[by_entity[f.ref.target]].add(name)
        if reg.parent:
            entity: Any = reg.entity  # a mapped class; Register declares it as a bare type
            parent_table = entity.__table__.c[reg.parent].foreign_keys
            for fk in parent_table:
                for other, other_reg in REGISTERS.items():
                    other_entity: Any = other_reg.entity
                    if other_entity.__table__ is fk.column.table:
                        deps[name].add(other)  # a child changes the parent's computed columns
    return deps


DEPENDANTS = _dependants()


class Refusals(list[str]):
    """The messages of what was refused while held (``Document.holding_refusals``), and whether the store itself
    failed (``store_failed``) rather than the register's rules refusing the value."""

    store_failed = False
    # Not saved but kept to retry (``Document.pending``: a full disk, the server away, the file gone): the
    # editor has nothing left to hold — held too, the value was saved twice (Enter again, then the retry).
    kept = False

    @property
    def by_register(self) -> bool:
        """Refused by the register's rules alone: said beside the cell, the value kept there to correct."""
        return bool(self) and not self.store_failed

    @property
    def reason(self) -> str:
        """The last refusal as a note beside a cell says it (without the message box's "Nothing was changed:")."""
        return " ".join(self[-1].removeprefix("Nothing was changed:").split()) if self else ""


def changed_ids(changes: Changes) -> dict[type, list[int]]:
    """The records ``changes`` added, updated or deleted, by entity, in id order (as ``Document.announce`` tells)."""
    return {entity: sorted(changes.inserted.get(entity, set()) | changes.updated.get(entity, set())
                           | changes.deleted.get(entity, set())) for entity in changes.entities()}


class Document(QObject):
    """The open file. ``records_changed(register, ids)``: ids None means "anything may have changed"."""

    records_changed = Signal(str, object)
    # Records that someone else (another window, another user) changed: views mark them for a moment.
    outside_changes = Signal(str, object)
    error = Signal(str)
    pending_changed = Signal(int)  # how many changes wait for the database to come back
    _probed = Signal(object)  # from the worker thread of poll_outside_changes
    outside_changes_found = Signal(int)  # how many records the timer's check found changed
    # The office became read only while open: its file was moved, deleted or replaced (``Store.still_there``).
    read_only_changed = Signal()
    # A passing word for the status bar: something went on without what it would have waited for (a table
    # sorted without its index while another transaction held the index's build up).
    note = Signal(str)
    # A change waits for the file another program is writing to: the seconds it may still wait, then None once the
    # wait is over (``Store.while_waiting``). Emitted on the thread of the change: the window's own, for an edit.
    waiting_for_file = Signal(object)
    # The database server could not be reached (the sentence that says so), then None once it answers again
    # (``server_went_away``, ``_server_answered``): the window says it once, in a bar, not in a box per row.
    server_state = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        store.while_waiting = self.waiting_for_file.emit
        # The one door to the data (models/office.py): views read and write through it, never a session.
        self.office = Office(store)
        self.undo_stack = QUndoStack(self)
        self.cancelled = False  # the last ``execute`` was a long change the user cancelled
        self.met_conflict = False  # the last ``execute`` met someone else's change: the user is asked (resolve)
        # Records being typed along their row, just added from a register's ✱ line (register name, id): a cell saved
        # there is part of the record's making, and its history keeps the record as added with the values as they
        # end — not "Changed Level Project → Program" the minute it was added (``RegisterView._typing_ended``).
        self.being_typed: set[tuple[str, int]] = set()
        self._context: Context | None = None
        # Called with (command, EditConflict) when a command meets someone else's change and can be
        # resolved (the main window opens the conflict dialog); None: the conflict is an error message.
        self.conflict_handler: Callable[[DocumentCommand, errors.EditConflict], None] | None = None
        # Called with (command, RecordNotFound) when cells typed into a record someone else has since deleted
        # can be offered back (the main window asks: add it back with the change, copy what was typed, or
        # discard); None: the deletion is an error message.
        self.deleted_handler: Callable[[DocumentCommand, errors.RecordNotFound], None] | None = None
        self._watched: weakref.WeakSet = weakref.WeakSet()
        # Changes the database could not take because it was unreachable: kept to be retried.
        self.pending: list[DocumentCommand] = []
        # Where the cells kept unsaved are written as they are kept, to outlive the window (a shared office's; the
        # window gives it — ``models/kept_journal.py``); None: kept in memory only.
        self.kept_journal: KeptJournal | None = None
        self._journal_owners: set[int] = set()  # the changes of this window written there (released at ``close``)
        # A change made before those kept is being run (``retry_pending``, ``resolve``): not sent behind them.
        self._running_earlier = False
        self._data_version: int | None = None  # the file's data_version at the last full check
        # (register, id) → "R-003 “Scope creep occurs”": records the last check for others' changes found deleted,
        # named by the table that showed them, for the window's word on it (``take_deleted_by_others``).
        self.deleted_by_others: dict[tuple[str, int], str] = {}
        self._highlighted = 0  # how many records that check found are still shown, highlighted
        self._probing = False  # a background read of signatures is under way (poll_outside_changes)
        self._closed = False
        self._workers: set[threading.Thread] = set()  # started by ``start_worker``: stopped or finished at close
        self._told_gone = False
        self.server_away: str | None = None  # why the server cannot be reached, while it cannot (``server_state``)
        self.saved_when_back = 0  # how many kept changes were saved as the server came back (for the window's word)
        self._probed.connect(self._probe_done)
        # What is refused while a cell's editor commits (``holding_refusals``); innermost last.
        self._holds: list[Refusals] = []
        self.error.connect(self._hold_refusal)
        self._announcing: Changes | None = None  # the change ``announce`` is telling of (``only_updated``)
        # While the stack moves back over a step refused for now (``put_back``), or drops one refused for good
        # (``say_step_refused``): what the status bar says of it.
        self.putting_back: str | None = None

    @contextmanager
    def holding_refusals(self) -> Iterator[Refusals]:
        """Collect what is refused while a cell's editor commits, for the editor to show beside the cell:
        the ``error`` signal still fires, but ``refusals_held`` tells the window not to open a message box,
        which would take the keys the user types next."""
        held = Refusals()
        self._holds.append(held)
        try:
            yield held
        finally:
            self._holds.remove(held)

    @property
    def refusals_held(self) -> bool:
        return bool(self._holds)

    def _hold_refusal(self, message: str) -> None:
        if self._holds:
            self._holds[-1].append(message)

    def _keep(self, command: "DocumentCommand") -> str:
        """Keep a change the store could not take now, to retry (Edit ▸ Retry Unsaved Changes). Returns a sentence
        when the journal's disk refused it (``_journal_keep``), for the caller's word of the keep to end with.

        A cell typed again while its first value is still kept replaces that value: the kept edit of the same
        cell is dropped (and a kept change left with nothing is dropped whole). The cell shows the kept value
        (``kept_cells``), so typing it again is the user's correction of it — kept as a second change, both were
        replayed in turn when the server came back, the first one's save seen by nobody."""
        typed = command.kept_cells()
        if typed is not None:
            register, cells = typed
            for earlier in list(self.pending):
                if earlier.drop_kept_cells(register, cells.keys()):
                    self.pending.remove(earlier)
            # Nothing left of a replaced change to follow (``follow``): its cells are this one's now.
            command.made_after = [earlier for earlier in command.made_after if earlier in self.pending]
        command.expect_as_shown()
        self.pending.append(command)
        refused = self._journal_keep(command)
        self.pending_changed.emit(len(self.pending))
        for held in self._holds:
            held.kept = True
        return refused

    def _journal_keep(self, command: "DocumentCommand") -> str:
        """Write a kept change's cells to the journal on the disk as it is kept: closed anyway, the battery flat or
        the process killed, the window's memory went with them (``kept_journal``): cells typed however many, rows
        added, rows deleted (``journal_edits``). A change of another kind (an escalation, a merge, a setting) stays in
        the window only, as the close question says.
        Returns, when the disk refused the write, the sentence that says so: said by the caller in its own word of the
        keep — said on its own first, it was replaced at once on the bar by "… is kept, and saved when the server is
        back", and the user took the edit as safe."""
        journal = self.kept_journal
        if journal is None:
            return ""
        edits = command.journal_edits()
        if not edits:
            return ""
        if command.journal_owner is None:
            command.journal_owner = next(_JOURNAL_OWNERS)
            self._journal_owners.add(command.journal_owner)
        try:
            written = journal.keep(command.journal_owner, edits)
        except TypeError:  # a value the journal cannot write so as to read it back the same: in the window only
            command.journal_owner = None
            return ""
        if not written:
            return (f" It is kept in this window only: it could not be written to this computer's disk as well "
                    f"({journal.failure}).")
        return ""

    def journal_done(self, command: "DocumentCommand") -> None:
        """A kept change saved, or given up by the user's choice: its cells leave the journal."""
        if self.kept_journal is not None and command.journal_owner is not None:
            self.kept_journal.forget(command.journal_owner)

    def take_up_journal(self, command: "DocumentCommand", cells: list[tuple[str, int, str]]) -> None:
        """``command`` saves the journal's entries of ``cells`` (edits an earlier run kept, offered back at the start):
        they leave the journal as it is saved, or stay with it if it is kept in turn."""
        if self.kept_journal is None:
            return
        command.journal_owner = next(_JOURNAL_OWNERS)
        self._journal_owners.add(command.journal_owner)
        self.kept_journal.take_up(command.journal_owner, cells)

    def journaled(self) -> int:
        """How many of the changes kept are written to this computer's disk too (``kept_journal``)."""
        if self.kept_journal is None:
            return 0
        journal = self.kept_journal
        return sum(1 for command in self.pending
                   if command.journal_owner is not None and journal.on_disk(command.journal_owner))

    def kept_cells(self, register: str) -> dict[tuple[int, str], Any]:
        """The values typed into ``register``'s cells and kept, not saved yet ((record id, field) → value, the
        newest last): its tables show them as typed, marked, until they are saved or given up (``pending_changed``)."""
        cells: dict[tuple[int, str], Any] = {}
        for command in self.pending:
            typed = command.kept_cells()
            if typed is not None and typed[0] == register:
                cells.update(typed[1])
        return cells

    def _store_failed(self) -> None:
        """The store could not take a change for a reason other than the register's rules (the file gone, the
        connection lost, a full disk, another user's edit): a cell's note is no place to say so."""
        for held in self._holds:
            held.store_failed = True

    @property
    def read_only(self) -> bool:
        """Open for viewing only (a read-only file, folder or disk): the views offer no edits."""
        return self.store.read_only

    def check_still_there(self) -> bool:
        """Whether the file is still where it was opened; the first time it is not, says so once
        (``error``) and announces ``read_only_changed``, so the window turns read only at once rather
        than at the next edit. A ``stat``: cheap enough for the timer."""
        if self.store.still_there():
            return True
        if not self._told_gone:
            self._told_gone = True
            if self.store.overwritten:  # nothing of what this window read is on the disk to copy
                self.error.emit(self.store.overwritten_message)
            else:
                self.error.emit(f"{self.store.gone_sentence}.\n\nNothing is lost: everything this window shows "
                                "is still readable, and File ▸ Save a Copy As… saves it and opens the copy to edit.")
            self.read_only_changed.emit()
        return False

    def watch(self, model) -> None:
        """A table model whose rows ``check_outside_changes`` compares with the database."""
        self._watched.add(model)

    def check_outside_changes(self, force: bool = False) -> int:
        """Refresh what others changed since we read it: one (id, version) query per open table.

        Called when the window regains focus and on a light timer. Returns how many records changed.
        On SQLite, ``PRAGMA data_version`` on the store's polling connection says first whether anyone
        committed since the last check: when nobody did (nearly always) this costs microseconds, so the
        GUI thread is never held by the timer. A table loaded since then read the file after that
        check and before any newer commit, so it is current too. On PostgreSQL each table's aggregate
        signature (one indexed query) is compared every time.
        """
        if not self.check_still_there():
            return 0
        version = self.store.data_version()
        if version is not None and version == self._data_version and not force:
            return 0
        found = self._find_outside_changes()
        if found is None:
            return 0
        self._data_version = version
        self._announce_outside(found)
        return sum(len(ids) for _n, ids in found)

    # ---------------------------------------------------------------- the timer's check, off the GUI thread
    def poll_outside_changes(self) -> bool:
        """The timer's check, which never holds the GUI thread for a query: on SQLite ``PRAGMA
        data_version`` says in microseconds whether anyone committed; when someone did (and always on
        PostgreSQL, which has no such number) each open table's probe (``outside_probe``: its aggregate
        signature — one query over the whole register, a tenth of a second or more for a million rows —
        and, when it moved, what changed) runs on a worker thread with its own connection; the GUI thread
        then only applies the answers (``apply_probe``). Returns whether a background read started."""
        if self._probing or self._closed or not self.check_still_there():
            return False
        version = self.store.data_version()
        if version is not None and version == self._data_version:
            return False
        probes = self._probes()
        if not probes and self.server_away is None:  # (while it is away, the check is how it is found back)
            self._data_version = version
            return False
        self._probing = True
        self.start_worker(partial(self._probe, probes, version), "pmo-outside-changes")
        return True

    def _probes(self) -> list[tuple[Any, Callable[[Any], Any]]]:
        """(model, probe) for one table per register shown (the others refresh from its announcement)."""
        seen: set[tuple[str, int | None]] = set()
        probes = []
        for model in list(self._watched):
            key = (model.register.name, model.parent_id)
            if key in seen or (model.register.parent and model.parent_id is None):
                continue
            seen.add(key)
            probes.append((model, model.outside_probe()))
        return probes

    def _probe(self, probes: list[tuple[Any, Callable[[Any], Any]]], version: int | None) -> None:
        """Worker thread: runs the probes (plain functions of a session, made on the GUI thread from
        plain data); no Qt object is touched here."""
        def read(session) -> list[Any]:
            session.connection()  # the server asked even with no table to probe: how it is found back (``server_away``)
            return [probe(session) for _model, probe in probes]

        away: errors.ConnectionLost | None = None
        try:
            answers: list[Any] | None = self.office.read(read)
        except errors.ConnectionLost as e:  # the server is away: nothing to refresh now, and the window says so
            answers, away = None, e
        except Exception:  # the file closed meanwhile: nothing to refresh now
            answers = None
        payload = (None if answers is None else [(m, a) for (m, _p), a in zip(probes, answers)], version, away)
        try:
            self._probed.emit(payload)  # queued to the GUI thread (the document lives there)
        except RuntimeError:
            pass  # the document was deleted meanwhile

    def _probe_done(self, payload) -> None:
        self._probing = False
        if self._closed:
            return
        answers, version, away = payload
        if away is not None:
            self.server_went_away(away)
        elif answers is not None and self.server_away is not None:
            # Back: what was kept is saved now; these answers were read before it was, so they would show this
            # window's own changes as someone else's — the next check reads the tables again.
            self._server_answered()
            return
        self.apply_probe(answers, version)

    # ---------------------------------------------------------------- the server away, and back
    def server_went_away(self, error: errors.StoreError) -> None:
        """A read or a write found the office's database server unreachable (``ConnectionLost``). Said once
        (``server_state``) until it answers again — a box for every row the user moved to, each one's details
        read from the server, came back as soon as the last was closed: a box per arrow key. The timer's check
        (``poll_outside_changes``, every few seconds, on a worker) finds it back."""
        if self.store.is_sqlite or not isinstance(error, errors.ConnectionLost) or self.server_away is not None:
            return
        self.server_away = str(error)
        self.server_state.emit(self.server_away)

    def _server_answered(self) -> None:
        """The timer's check read the server again: what was kept while it was away is saved now, in the order it
        was made (a record someone changed meanwhile is a conflict, asked as always; versions are checked), and
        the window says so."""
        if self.server_away is None:
            return
        self.server_away = None
        self.saved_when_back = self.retry_pending() if self.pending else 0
        if self.server_away is None:  # not gone again during the retry
            self.server_state.emit(None)

    def apply_probe(self, answers: list[tuple[Any, Any]] | None, version: int | None) -> int:
        """GUI thread: each table takes its probe's answer (``apply_outside``: no query when nothing
        changed); the records others changed are announced as by ``check_outside_changes``."""
        if answers is None:
            return 0
        found: list[tuple[str, set[int]]] = []
        try:
            for model, answer in answers:
                ids = model.apply_outside(answer)
                if ids:
                    found.append((model.register.name, ids))
        except errors.StoreError:
            return 0  # the server went away meanwhile: the next check tries again
        self._data_version = version
        self._announce_outside(found)
        changed = sum(len(ids) for _n, ids in found)
        if changed:
            self.outside_changes_found.emit(changed)
        return changed

    def take_outside_word(self) -> tuple[int, list[str]]:
        """What the last check for others' changes did to the tables, for the window to say once: how many of the
        records it found are still shown (highlighted), and the code and name of those it took off the tables. A
        risk deleted with its action was "2 records changed by someone else (highlighted)", nothing highlighted."""
        word = (self._highlighted, list(self.deleted_by_others.values()))
        self._highlighted, self.deleted_by_others = 0, {}
        return word

    def _announce_outside(self, found: list[tuple[str, set[int]]]) -> None:
        """Others' changes to the tables: every table told which of its records others changed before any refreshes
        — a register refreshed for another's sake (a risk's actions refresh the risks) takes a deleted record off
        first, and it was named only when its own announcement came first (the open tables' order, by chance) —
        and a register's own records before its sub-tables', whose rows go with a record deleted."""
        found = sorted(found, key=lambda item: bool(REGISTERS[item[0]].parent))
        for name, ids in found:
            self.outside_changes.emit(name, ids)
        for name, ids in found:
            self.notify(name, sorted(ids))
        self._highlighted = self._still_shown(found)

    def _still_shown(self, found: list[tuple[str, set[int]]]) -> int:
        """How many of the records found changed are still in a table once refreshed: the others were deleted."""
        models = list(self._watched)
        return sum(1 for name, ids in found for rid in ids
                   if any(m.register.name == name and m.row_of(rid) is not None for m in models))

    def _find_outside_changes(self) -> list[tuple[str, set[int]]] | None:
        """(register, changed ids) for each open table whose records differ from the database;
        None when the database cannot be reached."""
        def compare(session) -> list[tuple[str, set[int]]]:
            seen: set[tuple[str, int | None]] = set()
            found: list[tuple[str, set[int]]] = []
            for model in list(self._watched):
                key = (model.register.name, model.parent_id)
                if key in seen or (model.register.parent and model.parent_id is None):
                    continue
                seen.add(key)
                ids = model.outside_changed_ids(session)
                if ids:
                    found.append((model.register.name, ids))
            return found

        try:
            return self.office.read(compare)
        except errors.StoreError:
            return None  # the server is away: nothing to refresh now; the next edit reports it

    @property
    def context(self) -> Context:
        if self._context is None:
            self._context = self.office.read(load_context)
        return self._context

    def read_setting(self, key: SettingKey[T]) -> T:
        """A declared per-file setting (models/settings.py), typed, with its default when unset."""
        return self.office.setting(key)

    def write_setting(self, key: SettingKey[T], value: T) -> None:
        """Validate and store a setting in its own transaction, then refresh what shows it."""
        self.office.set_setting(key, value)
        self.settings_changed()

    def settings_changed(self) -> None:
        """Per-file settings (risk scale...) changed: recompute everything that shows them."""
        self._context = None
        for name in REGISTERS:
            self.records_changed.emit(name, None)

    def notify(self, register: str, ids) -> None:
        self.records_changed.emit(register, ids)
        for other in DEPENDANTS.get(register, ()):
            self.records_changed.emit(other, None)

    def operate(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run an operation of the office core in its own transaction and announce, once, exactly the
        records it changed (``operations.Changes``); returns the operation's result."""
        result, changes = self.office.write(operation, *args, **kwargs)
        self.announce(changes)
        return result

    def operate_long(self, label: str, operation: Callable[..., T], *args: Any, cancellable: bool = True,
                     tells: bool = True, **kwargs: Any) -> T:
        """``operate`` for a change known to take a while (Replace All over 100,000 cells, its undo, a delete of
        10,000 rows): its one transaction runs on a worker thread while a progress dialog shows at once, so the
        window keeps painting and takes no key. ``tells``: the operation takes ``progress`` and ``cancelled``.
        Cancel (``cancellable``) rolls it all back (``OperationCancelled``: nothing of it saved), as late as
        the operation's end."""
        from PySide6.QtWidgets import QApplication

        from .background import collector_paused, run_with_progress

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            def run(session: Any, *a: Any, **k: Any) -> Any:
                if tells:
                    k.update(progress=progress, cancelled=cancelled if cancellable else None)
                result = operation(session, *a, **k)
                if cancellable and cancelled():
                    raise errors.OperationCancelled("Cancelled: nothing was changed.")
                return result

            with collector_paused():  # millions of objects made: no full pass of the collector holding the window
                result, changes = self.office.write(run, *args, **kwargs)
                return result, changes, changed_ids(changes)  # sorted here: a million ids took the window 0.2 s

        result, changes, ids = run_with_progress(QApplication.activeWindow(), label, job, cancellable=cancellable,
                                                 at_once=True)
        self.announce(changes, ids)
        return result

    def announce(self, changes: Changes, ids_by_entity: dict[type, list[int]] | None = None) -> None:
        """Tell each table of the records ``changes`` made (``ids_by_entity``: ``changed_ids(changes)``, when a
        worker made them)."""
        self._announcing = changes
        try:
            for entity, ids in (ids_by_entity if ids_by_entity is not None else changed_ids(changes)).items():
                for name, reg in REGISTERS.items():
                    if reg.entity is entity:
                        self.notify(name, ids)
        finally:
            self._announcing = None

    def only_updated(self, entity: type) -> bool:
        """While ``records_changed`` tells of a change of ours (``announce``): whether it only updated records of
        ``entity`` — none added, none deleted —, so that a table shows the same records after it, in an order
        the values changed may have moved. False when not known (a ``notify`` of its own)."""
        changes = self._announcing
        return changes is not None and not changes.inserted.get(entity) and not changes.deleted.get(entity)

    def execute(self, command: "DocumentCommand") -> bool:
        """Apply a command now; only if it succeeds does it go on the undo stack.

        Returns False (after reporting the error) when the store refused the change; ``cancelled`` then
        says whether it was the user's Cancel of a long one (``operate_long``).
        """
        self.cancelled = self.met_conflict = False
        if self.pending and not self._running_earlier and command.kept_to_retry:
            # Changes kept unsaved (the server away, the disk full) were made before this one: they are saved
            # first, in order, or this one waits behind them. Saved before them — typed in the seconds between the
            # server coming back and the window's check finding it — it was written over by the older kept change
            # of the same cell, or that change was asked about as someone else's.
            command.made_after = list(self.pending)
            self.retry_pending()
            if self.pending:
                refused = self._keep(command)
                self.note.emit(f"Not saved yet: {command.text()} is kept behind the changes made before it, and "
                               f"saved after them.{refused}")
                return False
        # Made while those were kept, it took the cells as the table showed them, without them: it goes on from
        # what they wrote, not asking about this window's own change as someone else's (``follow``).
        for earlier in command.made_after:
            command.follow(earlier)
        command.made_after = []
        try:
            command.apply()
        except errors.OperationCancelled as e:  # the user's Cancel: nothing saved, nothing to retry
            self.cancelled = True
            self.note.emit(str(e))
            return False
        except errors.EditConflict as e:
            self._store_failed()
            self.met_conflict = True
            if self.conflict_handler is not None and hasattr(command, "take_resolution") and e.register:
                self.conflict_handler(command, e)  # the user chooses; then ``resolve`` carries on
            else:
                self.journal_done(command)  # refused for good, and said
                self.error.emit(str(e))
            return False
        except errors.FileGone as e:
            self._store_failed()
            if self.store.overwritten:  # no copy can keep the change: say so, keep nothing pending
                self._told_gone = True
                self.error.emit(str(e))
                self.read_only_changed.emit()
                return False
            # Kept, as when a server is away: Save a Copy As… saves it into the copy (``adopt``).
            self._told_gone = True  # this message says it; the window turns read only now
            self._keep(command)
            self.error.emit(f"{self.store.gone_sentence}.\n\nNothing is lost: your change is kept, and File ▸ Save a Copy As… saves the office "
                            "with it into the copy, which then opens to edit.")
            self.read_only_changed.emit()
            return False
        except (errors.ConnectionLost, errors.DiskFailure, errors.FileLocked) as e:
            # Refused for now, not for good: the server away, the disk full, the file held busy by another
            # program (a database tool with a change not yet written, another user's unfinished save on a
            # server) after the 5 s the edit waited for it. Kept to retry: a risk's cause typed and another
            # risk chosen, a block pasted, a row deleted was lost with the message, to be done again.
            self._store_failed()
            if not command.kept_to_retry:  # its window holds it to run again (an import's dialog, on its plan)
                self.error.emit(str(e))
                return False
            refused = self._keep(command)
            if isinstance(e, errors.ConnectionLost) and self.server_away is not None:
                # Said once already, and the window's bar still says it: a box for each change typed (or each
                # kept change retried) while the server is away told nothing new and took the keys typed next.
                self.note.emit(f"Not saved — the database server cannot be reached: {command.text()} is kept, and "
                               f"saved when the server is back.{refused}")
                return False
            self.server_went_away(e)
            if isinstance(e, errors.ConnectionLost) and self.server_away is not None:
                # The window looks for the server and saves what was kept when it answers (``_server_answered``):
                # the box said "Retry when it is back … Edit ▸ Retry Unsaved Changes saves it" under a strip
                # saying it is saved by itself — users retried by hand, or typed the change again.
                self.error.emit(f"{str(e).replace(' Retry when it is back.', '')}\n\nNothing is lost: your change is "
                                "kept, and saved by itself when the server is back — the window looks for it every "
                                f"few seconds, and the strip at the top says when.{refused}")
                return False
            # Not "Try again.": typed again, the change would be made twice once the kept one is retried.
            self.error.emit(f"{str(e).removesuffix(' Try again.')}\n\nYour change is kept: {_retry_when(e)}{refused}")
            return False
        except errors.RecordNotFound as e:
            self._store_failed()
            if self.deleted_handler is not None and e.record_id in getattr(command, "shown_rows", {}):
                # Nothing emitted as refused: an editor committing closes (held beside the cell, its note said
                # "Correct it and press Enter", which cannot help), and the window asks what to do with the text.
                self.deleted_handler(command, e)  # (its answer takes it out of the journal: ``journal_done``)
            else:
                self.journal_done(command)  # refused for good, and said
                self.error.emit(str(e))
            return False
        except errors.StoreError as e:
            if not isinstance(e, errors.ValidationError):
                self._store_failed()
            self.journal_done(command)  # refused for good, and said
            self.error.emit(str(e))
            return False
        command.applied_once = True
        self.journal_done(command)
        self.undo_stack.push(command)
        return True

    def put_back(self, command: "DocumentCommand", undoing: bool, saying: str | None = None) -> None:
        """Move the undo stack back over ``command``, whose undo (``undoing``) or redo was refused for now and
        changed nothing: QUndoStack moves its index whatever the command did, and cannot be moved from inside
        the command, so the move back is the next thing the event loop does, the command told to skip it.
        ``saying``: what the status bar says then, in place of "Not undone (kept to try again)"."""
        stack = self.undo_stack

        def move_back() -> None:
            if self._closed or stack.command(stack.index() - (0 if undoing else 1)) is not command:
                return  # the office closed, or the stack moved on meanwhile: nothing to put back
            self.putting_back = saying or f"Not {'undone' if undoing else 'redone'} (kept to try again): {command.text()}"
            try:
                stack.redo() if undoing else stack.undo()
            finally:
                self.putting_back = None

        if undoing:
            command.applied_once = True
        else:
            command.reverted_already = True
        QTimer.singleShot(0, move_back)

    def say_step_refused(self, text: str) -> None:
        """An undo or redo refused for good (someone else changed or deleted its records since): what the status
        bar says for that step instead of "Undone: …" — the stack drops the step and moves its index as if it were
        done, and the window's "Undone:" named the step after it, or nothing. Read while the stack moves (its
        ``indexChanged``, in the same call), forgotten after it."""
        self.putting_back = text
        QTimer.singleShot(0, lambda: setattr(self, "putting_back", None))

    def step_over_kept(self, command: "DocumentCommand", undoing: bool) -> bool:
        """Ctrl+Z or Ctrl+Y reaching ``command`` on the stack while changes are kept unsaved (``pending``): those
        changes are the newest the user made, after every step on the stack, and were made on the office as it is.
        So an undo takes back the newest kept change — it was never written, so nothing in the file changes — and
        the stack stays where it is; a redo is refused, as a new edit ends what could be redone. Before, Ctrl+Z
        undid the step under them (a title typed before a cause the full disk refused) and the kept change was then
        written over the office without it, the user's last change still "kept" after the undo they pressed for
        it; Ctrl+Y redid a step the kept change had replaced. Returns whether ``command`` is to be left as it is."""
        if not self.pending:
            return False
        if undoing:
            kept = self.pending.pop()
            self.journal_done(kept)  # taken back: nothing of it to offer at the next start
            self.pending_changed.emit(len(self.pending))
            place = kept.place(undoing=True)
            if place is not None and place[1]:
                self.notify(place[0], place[1])  # shown again as the file holds it
            saying = f"Undone: {kept.text()} (it was not saved yet: nothing in the file changed)"
        else:
            count = len(self.pending)
            saying = (f"Not redone: {count} change{'s' if count != 1 else ''} made since {'are' if count != 1 else 'is'} "
                      "not saved yet — Edit ▸ Retry Unsaved Changes saves them, Ctrl+Z takes them back")
        self.put_back(command, undoing, saying)
        return True

    def adopt(self, commands: list[DocumentCommand]) -> int:
        """Changes another document kept because its file went away (``FileGone``), saved here, in
        order, as the copy's first undo steps; returns how many saved."""
        for command in commands:
            command.document = self
        self.pending = list(commands)
        return self.retry_pending()

    def retry_pending(self) -> int:
        """Try the kept changes again, in order; stops at the first that still cannot be saved (kept again) or
        that met someone else's change (the user is asked; the rest wait for the answer, in their order). One
        refused for good is said (its record deleted by a colleague meanwhile: offered back with what was typed)
        and the changes after it are saved all the same: they stayed unsaved behind it, the server back, until
        Edit ▸ Retry Unsaved Changes. Returns how many saved."""
        saved = 0
        self._running_earlier = True  # (each kept change is run as it is, not sent behind the ones after it)
        try:
            while self.pending:
                command = self.pending.pop(0)
                before = len(self.pending)
                if not self.execute(command):
                    if len(self.pending) > before:  # still unreachable: it went back on the list, keep the order
                        self.pending.insert(0, self.pending.pop())
                        break
                    if self.met_conflict or self.cancelled:
                        break
                    continue
                saved += 1
        finally:
            self._running_earlier = False
        self.pending_changed.emit(len(self.pending))
        return saved

    def resolve(self, command: "DocumentCommand", conflict: errors.EditConflict, choice) -> bool:
        """Carry on with a command that met ``conflict`` as the user chose (see models.conflicts):
        the command drops or rebases its edits of that record, then runs again on the current
        version (which may meet another conflict, on another record or a newer save)."""
        self.notify(conflict.register, [conflict.record_id])  # show theirs meanwhile
        if not command.take_resolution(conflict, choice, self.context):
            self.journal_done(command)
            return True  # kept theirs and nothing else left to write: no undo step
        running, self._running_earlier = self._running_earlier, True  # (met in a retry: before those still kept)
        try:
            return self.execute(command)
        finally:
            self._running_earlier = running

    def start_worker(self, work: Callable[[], None], name: str) -> threading.Thread:
        """A thread reading or writing this office off the GUI thread (a table's index build, the rest of
        its ids, the timer's check), with its own connection: ``close`` stops it or waits for it to end."""
        self._workers = {t for t in self._workers if t.is_alive()}
        thread = threading.Thread(target=work, name=name, daemon=True)
        self._workers.add(thread)
        thread.start()
        return thread

    def close(self) -> None:
        """Close the office and every connection to it, the workers' too: their statements are stopped
        (``Store.stop_reads``) and they are waited for ``CLOSE_WAIT_S`` at most — a worker left running
        held a connection, so the file stayed open (on Windows it could not be moved or deleted) and a
        server kept a session, until the process ended. One still running then (a server that does not
        answer) gets no new connection, and the one it has is closed as it comes back."""
        self._closed = True
        if self.kept_journal is not None:  # what is left unsaved is an earlier run's now, offered at the next open
            self.kept_journal.release(self._journal_owners)
        self.undo_stack.clear()
        deadline = time.monotonic() + CLOSE_WAIT_S
        for thread in list(self._workers):
            while thread.is_alive() and time.monotonic() < deadline:
                self.store.stop_reads()  # each statement the worker starts, until it ends
                thread.join(min(0.05, max(0.0, deadline - time.monotonic())))
        self._workers.clear()
        self.store.close()


def _retry_when_stepping(refusal: errors.StoreError, verb: str) -> str:
    """When Edit ▸ Undo (or Redo) again will do a step refused for now (``DocumentCommand._guarded``)."""
    again = f"Edit ▸ {verb.capitalize()} ({'Ctrl+Z' if verb == 'undo' else 'Ctrl+Y'}) does it"
    if isinstance(refusal, errors.ConnectionLost):
        return f"{again} once the database is back."
    if isinstance(refusal, errors.DiskFailure):
        return f"make room on the disk (or see to what it says), then {again}."
    return f"once the other program or user has finished with the file, {again}."


def _retry_when(refusal: errors.StoreError) -> str:
    """When Edit ▸ Retry Unsaved Changes will save a change kept after ``refusal``."""
    if isinstance(refusal, errors.ConnectionLost):
        return "Edit ▸ Retry Unsaved Changes saves it once the database is back."
    if isinstance(refusal, errors.DiskFailure):
        return "make room on the disk (or see to what it says), then Edit ▸ Retry Unsaved Changes saves it."
    return "once the other program or user has finished with the file, Edit ▸ Retry Unsaved Changes saves it."


class DocumentCommand(QUndoCommand):
    """Base for undoable changes. Subclasses implement ``apply`` and ``revert`` through the store.

    ``Document.execute`` runs ``apply`` before pushing, so the first ``redo`` Qt calls on push is
    skipped; later redo/undo run ``apply``/``revert`` and report failures (a conflict, a lost
    connection) instead of raising into Qt.
    """

    # Kept to retry when refused for now — the server away, the disk full, the file busy (``Document.execute``).
    # A command whose window still holds it to run again (an import's dialog, on its plan) is not kept besides:
    # kept too, an import the dialog then ran again was run a second time by the retry, refused as "another
    # window or program added a record as R-011 … nothing was imported. Import it again" — and imported again,
    # every row twice.
    kept_to_retry = True

    def __init__(self, document: Document, text: str):
        super().__init__(text)
        self.document = document
        self.applied_once = False
        self.reverted_already = False  # its redo failed for now and the stack is being put back (``_guarded``)
        self.made_after: list[DocumentCommand] = []  # the changes kept unsaved when it was made (``follow``)
        self.journal_owner: int | None = None  # its number in the office's journal once kept there (``_journal_keep``)

    def apply(self) -> None:
        raise NotImplementedError

    def follow(self, earlier: DocumentCommand) -> None:
        """Made while ``earlier`` was kept unsaved (the server away, the disk full), this change took the records
        as the table showed them, without ``earlier``; once ``earlier`` is saved, this one expects what it wrote.
        A change that expects nothing of the cells it writes has nothing to do."""

    def expect_as_shown(self) -> None:
        """Kept to save later (``Document._keep``): from now on, expect the records as the window showed them when the
        change was made — saved minutes or hours later, a colleague's change meanwhile is not to be swept away. A
        change that checks its records' versions always (a cell typed) has nothing to do."""

    def place(self, undoing: bool) -> tuple[str, list[int], str | None] | None:
        """Where this change shows once undone (``undoing``) or redone: its register's name, the records it left
        there in their order, and the field changed (None: the row) — for the window to show it, as Excel's undo
        shows the cell; None when it leaves no record to show (an added row undone) or has no one place."""
        return None

    def kept_cells(self) -> tuple[str, dict[tuple[int, str], Any]] | None:
        """The cells this change types, as its register's name and (record id, field) → value, for a table to show
        them while the change is kept unsaved (``Document.kept_cells``); None when it types no cells to show."""
        return None

    def journal_edits(self) -> list[KeptEdit] | None:
        """The cells this change types, as the journal writes them to the disk while it is kept (the value typed, the
        value shown before, the record's version); None when it types no cells to keep there."""
        return None

    def drop_kept_cells(self, register: str, cells: Collection[tuple[int, str]]) -> bool:
        """Forget this kept change's edits of ``cells`` of ``register`` — typed again, the newer value replaces them
        (``Document._keep``). Returns whether nothing is left of the change."""
        return False

    def take_resolution(self, conflict: errors.EditConflict, choice: Any, ctx: Context) -> bool:
        """Drop or rebase the edits that met ``conflict`` as the user chose; True when something is left
        to write. Only commands whose ``apply`` can meet a conflict implement it."""
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied_once:
            self.applied_once = False  # the push after execute(), or a failed undo put back: already applied
            return
        if self.document.step_over_kept(self, undoing=False):
            return
        self._guarded(self.apply, undoing=False)

    def undo(self) -> None:
        if self.reverted_already:
            self.reverted_already = False  # a failed redo put back: not applied
            return
        if self.document.step_over_kept(self, undoing=True):
            return
        self._guarded(self.revert, undoing=True)

    def _guarded(self, fn: Callable[[], None], undoing: bool) -> None:
        verb = "undo" if undoing else "redo"
        try:
            fn()
        except (errors.ConnectionLost, errors.DiskFailure, errors.FileLocked) as e:
            # Refused for now, as ``Document.execute`` keeps a change: nothing of it was written, so the step
            # stays, to undo (or redo) once the cause is gone. Made obsolete, it was dropped from the stack: the
            # undo of a delete of 3,000 risks that a full disk, a stopped server or a busy file refused could
            # never be done again, and the rows were gone for good.
            self.document.error.emit(f"Could not {verb} “{self.text()}”: {e}\n\nNothing of it was changed, and the "
                                     f"step is kept: {_retry_when_stepping(e, verb)}")
            self.document.put_back(self, undoing)
        except errors.StoreError as e:  # for good (someone else changed or deleted its records): dropped
            reason = e.said_of_a_step(verb) if isinstance(e, errors.EditConflict) else str(e)
            if isinstance(e, errors.RecordNotFound):
                # "That risk register record no longer exists (someone may have deleted it)." named no record and
                # left the user wondering whether Ctrl+Z was now stuck on it.
                reason = (f"the record was deleted after this step (by someone else, or in another window), so "
                          f"there is nothing to {verb}. The step is taken off the {verb} list; "
                          f"{'Ctrl+Z' if undoing else 'Ctrl+Y'} goes on with the step "
                          f"{'before' if undoing else 'after'} it.")
            if isinstance(e, errors.RecordNotFound):
                # The refusal is the news that a record is gone: the tables take it away now, as the timer's check
                # would — the row stayed, to be typed into and refused again, until that check, which waits while
                # the box below is open (walk57). Read off the GUI thread, as the timer's is.
                self.document.poll_outside_changes()
            self.document.say_step_refused(f"Not {verb}ne: {self.text()}")
            self.document.error.emit(f"Could not {verb} “{self.text()}”: {reason}")
            self.setObsolete(True)
