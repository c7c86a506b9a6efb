"""The file format: its marker, its schema version, and the migrations that move old files forward.

Why not Alembic: a program office file is a document, migrated on open on a user's laptop, with no
migration scripts directory to ship or configure. Each step below is a plain function run inside the
same transaction as the version bump, so a migration either completes or leaves the file untouched;
``Store.open`` also keeps a backup copy of the file before migrating it.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Column, Connection, MetaData, String, Table, Text, inspect, select, text

FORMAT_NAME = "pmo-desktop"
SCHEMA_VERSION = 7

meta_metadata = MetaData()
pmo_meta = Table(
    "pmo_meta",
    meta_metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)



def _add_tables(conn: Connection, names: tuple[str, ...]) -> None:
    """Create tables a version adds, as declared on the ORM (only those not there yet)."""
    from .base import Base

    Base.metadata.create_all(conn, tables=[Base.metadata.tables[n] for n in names], checkfirst=True)


def _add_column(conn: Connection, table: str, column: str, ddl: str) -> None:
    if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))


def _version_2(conn: Connection) -> None:
    """The RAID logs (assumptions, dependencies and decisions with their links), issues that escalate
    to the program with their history and have actions, and the date a risk was last reviewed."""
    from .raid import TABLES

    _add_tables(conn, (*TABLES, "issue_history", "issue_action"))
    _add_column(conn, "issue_entry", "level", "VARCHAR(20) DEFAULT 'Project' NOT NULL")
    _add_column(conn, "issue_entry", "escalated", "BOOLEAN DEFAULT FALSE NOT NULL")
    _add_column(conn, "issue_entry", "escalation_reason", "TEXT DEFAULT '' NOT NULL")
    _add_column(conn, "issue_entry", "escalated_on", "DATE")
    _add_column(conn, "risk", "reviewed_on", "DATE")  # the review cadence counts from it


def _version_3(conn: Connection) -> None:
    """The history of every register and the board snapshots. A file without history gets a baseline
    row per record, dated now: its past before this version is not known, its present is."""
    from . import history
    from .history_tables import BoardSnapshot, RecordHistory

    _add_tables(conn, (RecordHistory.__tablename__, BoardSnapshot.__tablename__))
    history.seed(conn)


def _version_4(conn: Connection) -> None:
    """The reporting cycle: project status reports per period and key milestones."""
    from .status import TABLES

    _add_tables(conn, TABLES)


def _version_5(conn: Connection) -> None:
    """Communications keep notes (an imported plan's purpose, key dates and remarks). Their history
    rows from before have no notes: the past reads them as empty (``history.materialise``)."""
    _add_column(conn, "communication", "notes", "TEXT DEFAULT '' NOT NULL")


def _version_6(conn: Connection) -> None:
    """The month the office's financial year starts in (File ▸ Program Details), not set in a file from before:
    an import reads "Q2 FY25" by it (``financial_year``)."""
    _add_column(conn, "program", "financial_year_start", "VARCHAR(9)")


def _version_7(conn: Connection) -> None:
    """Who made each change (``models/who``): a history row written from now on names its maker. The rows from
    before have none (NULL) and are shown "—": who made them is not known, and no name is guessed for them."""
    _add_column(conn, "record_history", "changed_by", "VARCHAR(100)")


# MIGRATIONS[n] upgrades a file from version n - 1 to version n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _version_2, 3: _version_3, 4: _version_4, 5: _version_5,
                                                   6: _version_6, 7: _version_7}


def read_meta(conn: Connection) -> dict[str, str] | None:
    """The marker table of a program office database, or None when the database is not one."""
    if not inspect(conn).has_table("pmo_meta"):
        return None
    return {k: v for k, v in conn.execute(select(pmo_meta.c.key, pmo_meta.c.value))}


def write_meta(conn: Connection, version: int = SCHEMA_VERSION) -> None:
    conn.execute(pmo_meta.delete())
    conn.execute(pmo_meta.insert(), [
        {"key": "format", "value": FORMAT_NAME},
        {"key": "schema_version", "value": str(version)},
    ])


def migrate(conn: Connection, from_version: int) -> None:
    from . import search_index, sort_index

    search_index.drop_all(conn)  # a step may rebuild or alter a table an index follows; it is rebuilt on demand
    sort_index.drop_all(conn)
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
    write_meta(conn, SCHEMA_VERSION)
