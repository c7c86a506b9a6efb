"""An open program office in the GUI: the store, its undo stack, and change notifications.

Views never write SQL: they ask the document, which runs each change in one store transaction and
then tells every interested view which records changed, so tables refresh only what they must.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..models import errors
from ..models.fields import Context, Kind
from ..models.records import load_context
from ..models.registers import REGISTERS
from ..models.store import Store


def _dependants() -> dict[str, set[str]]:
    """For each register, the registers whose displayed values depend on it (names, children)."""
    deps: dict[str, set[str]] = {name: set() for name in REGISTERS}
    by_entity = {reg.entity: name for name, reg in REGISTERS.items()}
    for name, reg in REGISTERS.items():
        for f in reg.fields:
            if f.kind in (Kind.REF, Kind.LINKS) and f.ref.target in by_entity:
                deps[by_entity[f.ref.target]].add(name)
        if reg.parent:
            parent_table = reg.entity.__table__.c[reg.parent].foreign_keys
            for fk in parent_table:
                for other, other_reg in REGISTERS.items():
                    if other_reg.entity.__table__ is fk.column.table:
                        deps[name].add(other)  # a child changes the parent's computed columns
    return deps


DEPENDANTS = _dependants()


class Document(QObject):
    """The open file. ``records_changed(register, ids)``: ids None means "anything may have changed"."""

    records_changed = Signal(str, object)
    error = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._context: Context | None = None

    @property
    def context(self) -> Context:
        if self._context is None:
            with self.store.session() as s:
                self._context = load_context(s)
        return self._context

    def settings_changed(self) -> None:
        """Per-file settings (risk scale...) changed: recompute everything that shows them."""
        self._context = None
        for name in REGISTERS:
            self.records_changed.emit(name, None)

    def notify(self, register: str, ids) -> None:
        self.records_changed.emit(register, ids)
        for other in DEPENDANTS.get(register, ()):
            self.records_changed.emit(other, None)

    def execute(self, command: "DocumentCommand") -> bool:
        """Apply a command now; only if it succeeds does it go on the undo stack.

        Returns False (after reporting the error) when the store refused the change.
        """
        try:
            command.apply()
        except errors.StoreError as e:
            self.error.emit(str(e))
            return False
        command.applied_once = True
        self.undo_stack.push(command)
        return True

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()


class DocumentCommand(QUndoCommand):
    """Base for undoable changes. Subclasses implement ``apply`` and ``revert`` through the store.

    ``Document.execute`` runs ``apply`` before pushing, so the first ``redo`` Qt calls on push is
    skipped; later redo/undo run ``apply``/``revert`` and report failures (a conflict, a lost
    connection) instead of raising into Qt.
    """

    def __init__(self, document: Document, text: str):
        super().__init__(text)
        self.document = document
        self.applied_once = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied_once:
            self.applied_once = False  # the push after execute(): already applied
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, fn) -> None:
        try:
            fn()
        except errors.StoreError as e:
            self.document.error.emit(f"Could not {self.text().lower()}: {e}")
            self.setObsolete(True)
