"""fault70: stop 56 read the days PostgreSQL keeps past any Python has ('infinity', '-infinity', a day before Christ)
as no day, the value left on the server — and a file office's text in a day column ('next spring') so too. A delete's undo puts back what the delete read: a benefit whose target
day was 'infinity' came back with none — changed without a word — and one whose ``created_at`` another client
set to '-infinity' could not be put back at all ("null value in column "created_at" … violates not-null
constraint"), the step dropped and the benefit lost for good. The delete keeps such a day in the server's own
words (the file's text), and the undo puts it back as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from test_fault69_an_undone_delete_beside_anothers_change import _another_client, _office

from pmo_desktop.models.store import Store


def _days(url: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT code, target_date::text, baseline_date::text, created_at::text FROM benefit ORDER BY code"))]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_undone_delete_puts_back_days_past_any_calendar(qtbot, tmp_path: Path, pg_store_url: str) -> None:
    from pmo_desktop.models.registers.benefits import BENEFITS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

    _office(tmp_path, pg_store_url)
    _another_client(pg_store_url, "UPDATE benefit SET target_date = 'infinity', baseline_date = '0044-03-15 BC', "
                                  "created_at = '-infinity' WHERE code = 'B-002'",
                    "UPDATE benefit SET target_date = '-infinity' WHERE code = 'B-001'")
    before = _days(pg_store_url)
    document = Document(Store.open(pg_store_url))
    said: list[str] = []
    document.error.connect(said.append)
    try:
        ids = document.office.read(lambda s: list(s.execute(text("SELECT id FROM benefit")).scalars()))
        assert document.execute(DeleteRecordsCommand(document, BENEFITS, ids))
        assert _days(pg_store_url) == []
        document.undo_stack.undo()
        assert not [m for m in said if m.startswith("Could not")], said
        assert _days(pg_store_url) == before
        assert before[1][1:4] == ("infinity", "0044-03-15 BC", "-infinity")
    finally:
        document.close()


def test_an_undone_delete_puts_back_a_files_text_in_its_day_columns(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.models.registers.benefits import BENEFITS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

    path = str(tmp_path / "office.pmo")
    Store.create(path).close()
    _office(tmp_path, path)
    with sqlite3.connect(path) as conn:  # by hand, or another program writing the file
        conn.execute("UPDATE benefit SET target_date = 'next spring', created_at = 'long ago' WHERE code = 'B-002'")
    conn.close()

    def held() -> list[tuple[object, ...]]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT code, title, target_date, created_at FROM benefit ORDER BY code").fetchall()
        conn.close()
        return rows

    before = held()
    document = Document(Store.open(path))
    said: list[str] = []
    document.error.connect(said.append)
    try:
        ids = document.office.read(lambda s: list(s.execute(text("SELECT id FROM benefit")).scalars()))
        assert document.execute(DeleteRecordsCommand(document, BENEFITS, ids))
        assert held() == []
        document.undo_stack.undo()
        assert not [m for m in said if m.startswith("Could not")], said
        assert held() == before
        assert before[1][2:] == ("next spring", "long ago")
    finally:
        document.close()
