"""Who makes a change: the name each history row is written with (``record_history.changed_by``).

**On a PostgreSQL server** the database login, ``current_user``: the name the colleague logged in with, which
the server has checked. It is read from the connection itself, once per pooled connection, so two analysts
sharing an office are told apart however their program is set up.

**On a SQLite file** the name set on this computer (``DISPLAY_NAME``; for the command line ``PMO_DESKTOP_NAME``), or
else the computer's login (``getpass.getuser()``). The name is a setting of the machine, not of the office: a file is passed around by
copy, and a name kept in it would name the next colleague who opens it with the previous one's name. On a
server the login always wins: a name typed on one's own computer could be anybody's, the login is checked.

A row written before version 7 of the file has no name (NULL): it is shown as "—", never guessed.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection

from .errors import ValidationError

# As wide as the column (``RecordHistory.changed_by``).
MAX_LENGTH = 100
UNKNOWN = "—"  # a change recorded before the file kept who made it


def check_display_name(name: str) -> None:
    if len(name.strip()) > MAX_LENGTH:
        raise ValidationError(f"A name in the history is at most {MAX_LENGTH} characters.")
    if any(c in name for c in "\r\n\t"):
        raise ValidationError("A name in the history is one line.")


@dataclass(frozen=True)
class MachineSetting:
    """A setting of this computer's user, not of an office (the window keeps it in QSettings under ``key``)."""

    key: str
    label: str
    default: str = ""

    def load(self, raw: object) -> str:
        """The stored value as the setting's type, a damaged one read as its default."""
        if not isinstance(raw, str):
            return self.default
        value = raw.strip()
        try:
            check_display_name(value)
        except ValidationError:
            return self.default
        return value


# Settings ▸ Your Name in the History…: empty, the computer's login.
DISPLAY_NAME = MachineSetting("user/display_name", "Your name in the history (this computer)")

_display_name: str = ""


def set_display_name(name: str) -> None:
    """The name this process writes history rows with on a file ("" for the computer's login)."""
    global _display_name
    check_display_name(name)
    _display_name = name.strip()


def display_name() -> str:
    return _display_name


@cache
def login() -> str:
    """The computer's login, or "" when the system has none to give (a container with no user entry)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


# The name for a process that reads no window settings — the command line loads no Qt, so not the QSettings the
# window keeps the name in: ``PMO_DESKTOP_NAME="Ana Ruiz" pmo-desktop import …``.
NAME_VARIABLE = "PMO_DESKTOP_NAME"


def file_user() -> str:
    """Who writes on a SQLite file from this process: the name set (in the window, or else in ``PMO_DESKTOP_NAME``),
    or the computer's login."""
    if _display_name:
        return _display_name
    named = DISPLAY_NAME.load(os.environ.get(NAME_VARIABLE))
    return named or login()


_INFO_KEY = "pmo_current_user"


def changed_by(conn: Connection) -> str | None:
    """The name the history rows this connection writes carry (None when no name can be told)."""
    if conn.dialect.name == "sqlite":
        return file_user()[:MAX_LENGTH] or None
    info = conn.connection.info  # the pooled connection's own: the login cannot change while it is open
    if _INFO_KEY not in info:
        info[_INFO_KEY] = str(conn.exec_driver_sql("SELECT current_user").scalar() or "")[:MAX_LENGTH]
    return info[_INFO_KEY] or None


def shown(name: str | None) -> str:
    """A history row's name as the history shows it: "—" for a row that has none."""
    return name or UNKNOWN
