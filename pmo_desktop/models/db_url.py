"""Database URLs for a shared office: shown without the password, remembered without it, and the
password found the way PostgreSQL users expect.

A password is never written to QSettings, a recent-files list or a log: remember
``without_password(url)`` and show ``display(url)``. When a URL has no password, it comes from, in
order: the ``PGPASSWORD`` environment variable, then the PostgreSQL password file (``~/.pgpass`` or
``PGPASSFILE``) — both read by libpq itself when no password is given — and finally a prompt
callback supplied by the GUI (or the command line). A prompted password is kept in memory only.
"""

from __future__ import annotations

import os
from typing import Callable, Optional

from sqlalchemy import URL, create_engine, exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from . import errors

# Given the display name of the server, returns a password, or None when the user cancels.
PasswordPrompt = Callable[[str], Optional[str]]


def is_url(target: str | os.PathLike[str] | URL) -> bool:
    """A database URL (``postgresql+psycopg://…``, ``sqlite:///…``) rather than a file path."""
    return isinstance(target, URL) or "://" in os.fspath(target)


# The databases an office lives in: a SQLite file (``sqlite:///office.pmo``) or a PostgreSQL server.
BACKENDS = ("sqlite", "postgresql")


def parsed(url: str | URL) -> URL:
    """``url`` read as a database address; ``StoreError`` in words when it names none this program opens — a
    SharePoint or web link to an office file, a typo in the scheme ("postgress://"). SQLAlchemy's own "Can't
    load plugin: sqlalchemy.dialects:https" told a user nothing, and escaped the window's File ▸ Open."""
    try:
        u = make_url(url)
        backend = u.get_backend_name()
    except (exc.ArgumentError, ValueError):  # no URL at all ("a://b://c": a port that is no number)
        u, backend = None, ""
    if u is not None and backend in BACKENDS:
        return u
    shown = u.render_as_string(hide_password=True) if u is not None else f"{str(url).partition('://')[0]}://…"
    raise errors.StoreError(
        f"“{shown}” is not a database address: a shared office is on a PostgreSQL server "
        "(postgresql://you@server/pmo). An office file on a web site or in SharePoint opens once it is downloaded "
        "or synced to a folder (File ▸ Open).")


def display(url: str | URL) -> str:
    """For titles and messages: ``user@host:port/database`` for a server, never the password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or "(memory)"
    user = f"{u.username}@" if u.username else ""
    port = f":{u.port}" if u.port else ""
    return f"{user}{u.host or 'localhost'}{port}/{u.database or ''}"


def hide_password(url: str | URL) -> str:
    """The full URL with the password as ``***`` (for logs and diagnostics)."""
    return make_url(url).render_as_string(hide_password=True)


def without_password(url: str | URL) -> str:
    """The URL to remember (settings, recent list): the same server and user, no password at all."""
    u = make_url(url)
    # (URL.set(password=None) would mean "unchanged")
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def is_password_refusal(error: exc.DBAPIError) -> bool:
    msg = str(error.orig).lower()
    return "no password supplied" in msg or "password authentication failed" in msg


def _probe(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect():
            pass
    finally:
        engine.dispose()


def resolve_password(url: str | URL, prompt: PasswordPrompt | None = None, attempts: int = 3) -> URL:
    """The URL to connect with, its password found as described above.

    Raises ``AuthenticationFailed`` when the server wants a password that no source supplies (or the
    user cancels the prompt), ``ConnectionLost`` when the server cannot be reached at all.
    """
    u = parsed(url)
    if u.get_backend_name() != "postgresql" or u.password:
        return u
    name = display(u)
    try:
        _probe(u)  # libpq tries PGPASSWORD and the password file itself
        return u
    except exc.OperationalError as e:
        if not is_password_refusal(e):
            raise errors.ConnectionLost(f"Could not reach the database server {name}: "
                                        f"{str(e.orig).strip().splitlines()[0]}") from e
    if prompt is None:
        raise errors.AuthenticationFailed(
            f"The server {name} needs a password: set PGPASSWORD or add it to your PostgreSQL "
            "password file (~/.pgpass).")
    for _ in range(attempts):
        password = prompt(name)
        if password is None:
            raise errors.AuthenticationFailed(f"Not connected to {name}: no password was given.")
        candidate = u.set(password=password)
        try:
            _probe(candidate)
            return candidate
        except exc.OperationalError as e:
            if not is_password_refusal(e):
                raise errors.ConnectionLost(f"Could not reach the database server {name}.") from e
    raise errors.AuthenticationFailed(f"The password for {name} was refused {attempts} times; not connected.")
