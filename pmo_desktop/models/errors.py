"""Errors the store raises, each with a message a PMO user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: ``str(error)`` is a complete sentence fit for a message box or stderr."""


class FileNotFound(StoreError):
    pass


class NotAProgramOfficeFile(StoreError):
    pass


class NewerFileVersion(StoreError):
    pass


class CorruptFile(StoreError):
    pass


class ReadOnlyFile(StoreError):
    pass


class FileLocked(StoreError):
    pass


class ConnectionLost(StoreError):
    """The database server (or network share) went away. The edit was not applied and can be retried."""


class ValidationError(StoreError):
    """A value is refused by a rule of the register (type, range, required field, date order...)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class RecordNotFound(StoreError):
    pass


class EditConflict(StoreError):
    """Someone else changed the record since you read it. Carries both values so the user can choose."""

    def __init__(self, register: str, record_id: int, field: str | None, mine, theirs, current_version: int):
        label = f"“{field}”" if field else "this record"
        super().__init__(
            f"Someone else changed {label} while you were editing it.\n"
            f"Yours: {mine!r}\nTheirs: {theirs!r}"
        )
        self.register = register
        self.record_id = record_id
        self.field = field
        self.mine = mine
        self.theirs = theirs
        self.current_version = current_version
