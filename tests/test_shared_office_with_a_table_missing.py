"""A shared office on a PostgreSQL server with a table or a column of its schema gone (a colleague's tool, a
hand-made "clean-up", a half-restored dump) is refused at open saying what is missing, as an office file is
(tests/test_office_with_a_table_missing.py). Before, it opened, and each page, export or board pack failed
on its own when it met the gap, with the server's own words."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from pmo_desktop.models import errors
from pmo_desktop.models.db_url import display
from pmo_desktop.models.store import Store

pytestmark = pytest.mark.postgres

DAMAGE = {
    "board snapshots dropped": ("DROP TABLE board_snapshot CASCADE", "its table “board_snapshot” is missing"),
    "a register dropped": ("DROP TABLE stakeholder CASCADE", "its table “stakeholder” is missing"),
    "a column dropped": ("ALTER TABLE risk DROP COLUMN cause", "the column “cause” of its table “risk” is missing"),
    "a column renamed": ("ALTER TABLE risk RENAME COLUMN proximity TO proximity_old",
                         "the column “proximity” of its table “risk” is missing"),
}


def run_sql(url: str, *statements: str) -> None:
    engine = create_engine(make_url(url))
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_refused_at_open_saying_what_is_missing(pg_store_url: str, damage: str) -> None:
    statement, missing = DAMAGE[damage]
    run_sql(pg_store_url, statement)
    with pytest.raises(errors.CorruptFile) as refused:
        Store.open(pg_store_url)
    assert str(refused.value) == (f"The program office on {display(pg_store_url)} is damaged ({missing}). "
                                  "Restore it from a backup of the database.")


def test_a_shared_office_with_more_than_it_needs_is_no_damage(pg_store_url: str) -> None:
    run_sql(pg_store_url, "ALTER TABLE risk ADD COLUMN someone_elses TEXT", "CREATE TABLE a_tool_of_theirs (x int)")
    Store.open(pg_store_url).close()
