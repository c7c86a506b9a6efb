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


# Names the machine a server runs on that all mean this computer: an office reached as "localhost" one day and as
# "127.0.0.1" the next is the same office.
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "127.0.0.1", "::1", "[::1]", "ip6-localhost"})
DEFAULT_PORT = 5432
# Query options of a URL that choose which office it reaches (a Unix socket's folder given as ``host``, a schema
# by ``options``); every other one (``connect_timeout``, ``sslmode``, ``application_name``, keepalives…) changes how
# it is reached, not what.
OFFICE_CHOOSING_OPTIONS = frozenset({"host", "hostaddr", "port", "dbname", "user", "options", "service"})


def office_key(url: str | URL) -> str:
    """One spelling for every address of the same office and user, for what is kept per office on this computer
    (``kept_journal.journal_path``): the server's name in lower case, this computer's own names as one, the
    default port written, the database without a trailing slash, the driver and the options that only say how to
    connect left out, the user the server would take when none is written (libpq's: ``PGUSER``, else the login).
    Never the password. Kept edits written under "localhost" were not found when the office was opened as
    "127.0.0.1:5432/pmo/?connect_timeout=10"."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return without_password(u)
    import getpass

    host = (u.host or "localhost").lower().rstrip(".")
    host = "localhost" if host in LOOPBACK_NAMES else host
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name to be found (a container without one): the user as written
        login = ""
    user = u.username or os.environ.get("PGUSER") or login
    database = (u.database or "").strip("/") or user  # libpq's default database is the user's own
    kept = sorted((name, value if isinstance(value, str) else ",".join(value))
                  for name, value in u.query.items() if name.lower() in OFFICE_CHOOSING_OPTIONS)
    options = "&".join(f"{name}={value}" for name, value in kept)
    return f"postgresql://{user}@{host}:{u.port or DEFAULT_PORT}/{database}{'?' + options if options else ''}"


def is_password_refusal(error: exc.DBAPIError) -> bool:
    msg = str(error.orig).lower()
    return "no password supplied" in msg or "password authentication failed" in msg


def connect_failure(url: str | URL, error: exc.DBAPIError) -> errors.StoreError:
    """Why a connection to a server's database was not made, in words for its cause and what to do — read by File
    ▸ Connect to Shared Office and the command line alike. Every cause was "Could not reach the database …" with
    libpq's line after it: a database name mistyped (the server reached, and answering) sent a newcomer to look at
    the network. A password refused is ``AuthenticationFailed``; the rest are ``ConnectionLost``."""
    u = make_url(url)
    name, host, port = display(u), u.host or "localhost", u.port or 5432
    said = str(error.orig).strip()
    lower = said.lower()
    if is_password_refusal(error):  # the server was reached: "Could not reach" sent the user to the network
        given = "given in the address " if u.password else ""
        return errors.AuthenticationFailed(
            f"The server refused the password {given}for {name}; not connected. Check it and the user name "
            f"(“{u.username or ''}”), or leave the password out of the address (postgresql://you@server/pmo): PMO "
            "Desktop then asks for it, or reads PGPASSWORD or ~/.pgpass.")
    if "database" in lower and "does not exist" in lower:
        return errors.ConnectionLost(
            f"The server {host} has no database “{u.database}”; not connected. Check its name in the address — or, "
            f"to put a new shared office there, have it made (createdb {u.database}, or ask whoever runs the "
            "server): an empty database becomes a new office when you connect to it.")
    if "role" in lower and "does not exist" in lower:
        return errors.AuthenticationFailed(
            f"The server {host} has no user “{u.username}”; not connected. Check the user name in the address "
            "(postgresql://you@server/pmo), or ask whoever runs the server for one.")
    if "resolve host" in lower or "translate host name" in lower or "name or service not known" in lower:
        return errors.ConnectionLost(
            f"No server named “{host}” was found on the network; not connected. Check the server's name in the "
            f"address ({name}), and that this computer is on the network that has it (a VPN?).")
    if "connection refused" in lower:
        return errors.ConnectionLost(
            f"Nothing answers at {host} port {port}; not connected. The server may be stopped, or the port wrong "
            "(PostgreSQL's own is 5432): check the address, or ask whoever runs the server.")
    if "timeout" in lower or "timed out" in lower:
        return errors.ConnectionLost(
            f"The server {host} did not answer in time; not connected. Check the address and that this computer "
            "can reach it (a firewall, a VPN), then try again.")
    first = said.splitlines()[0] if said else type(error.orig).__name__
    return errors.ConnectionLost(f"Could not reach the database {name}: {first}")


# libpq's own waits, for a server that stops answering rather than refusing: without them a connect or a read on
# the GUI thread waits for the operating system's TCP timeout (minutes, behind a firewall that drops packets) with
# the window frozen. A connect gives up after CONNECT_SECONDS; an open connection whose server has gone silent is
# found dead by TCP keepalives within about KEEPALIVE_IDLE + KEEPALIVE_COUNT × KEEPALIVE_INTERVAL seconds, and a
# write left unacknowledged after UNACKNOWLEDGED_MS. A value the user's URL sets itself is left as given.
CONNECT_SECONDS = 10
KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT = 10, 5, 3
UNACKNOWLEDGED_MS = 30_000


def server_connect_args(url: URL) -> dict[str, object]:
    """The connection options a shared office's engine passes to its driver (none for SQLite)."""
    if url.get_backend_name() != "postgresql":
        return {}
    waits: dict[str, object] = {
        "connect_timeout": CONNECT_SECONDS, "keepalives": 1, "keepalives_idle": KEEPALIVE_IDLE,
        "keepalives_interval": KEEPALIVE_INTERVAL, "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": UNACKNOWLEDGED_MS}
    return {name: value for name, value in waits.items() if name not in url.query}


def _probe(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool, connect_args=server_connect_args(url))
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
            raise connect_failure(u, e) from e
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
                raise connect_failure(u, e) from e
    raise errors.AuthenticationFailed(f"The password for {name} was refused {attempts} times; not connected.")
