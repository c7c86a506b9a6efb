"""Fault round 69 (stop-55 leftover): Edit ▸ Undo of a delete after another client changed the office — on a real
PostgreSQL server and on a file. A colleague added a benefit under the deleted one's ID (B-002, free again), or
deleted the person the deleted benefit named as owner. The undo put the rows back exactly as they were and the
database refused: "Could not undo “Delete 1 row”: The change conflicts with other records and was not saved
(duplicate key value violates unique constraint "uq_benefit_code" … CONTEXT: COPY benefit, line 1)" — and the
step was dropped, the deleted benefit gone for good. Now it is put back beside theirs, under the register's next
ID or without the owner gone since, and the undo says so; a redo deletes the benefit put back, not theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benefits_office import import_benefits
from sqlalchemy import create_engine, event, text

from pmo_desktop.models.registers.benefits import BENEFITS
from pmo_desktop.models.store import Store

THEIR_BENEFIT = ("INSERT INTO benefit (code, title, description, category, beneficiary, measure, unit, "
                 "measurement_method, measurement_frequency, lifecycle, confidence, dis_benefit, created_at, updated_at, "
                 "version) VALUES ('B-002', 'Their own', '', '', '', '', '', '', '', 'Identified', '', :no, "
                 "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")


def _office(tmp_path: Path, url: str) -> None:
    import_benefits(url, tmp_path, (["B-001", "Faster checkout", "Ann Lee", 1, 2],
                                    ["B-002", "Lower running cost", "Bob Ray", 3, 4]),
                    header=["ID", "Title", "Owner", "Baseline value", "Target value"])


def _another_client(url: str, *statements: str) -> list[tuple[object, ...]]:
    """Another program's connection: its statements, then the benefits as it reads them (code, title, owner)."""
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.execute(text(sql), {"no": False})
            return [tuple(r) for r in conn.execute(text(
                "SELECT b.code, b.title, p.name FROM benefit b LEFT JOIN person p ON p.id = b.owner_id ORDER BY b.code"))]
    finally:
        engine.dispose()


def _deleted_then(qtbot, url: str, *statements: str) -> tuple[list[str], Any]:
    """B-002 deleted in a window, ``statements`` run by another client, then Edit ▸ Undo: what the window said."""
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

    document = Document(Store.open(url))
    said: list[str] = []
    document.error.connect(said.append)
    ours = document.office.read(lambda s: s.execute(text("SELECT id FROM benefit WHERE code = 'B-002'")).scalar_one())
    assert document.execute(DeleteRecordsCommand(document, BENEFITS, [ours]))
    _another_client(url, *statements)
    document.undo_stack.undo()
    return said, document


def test_a_benefit_put_back_beside_the_one_added_under_its_id(qtbot, tmp_path: Path, store_url: str) -> None:
    _office(tmp_path, store_url)
    said, document = _deleted_then(qtbot, store_url, THEIR_BENEFIT)
    try:
        assert said == ["Undone: Delete 1 row, beside changes made since by someone else:\n"
                        "B-002 is put back as B-003: another record took B-002 since it was deleted."]
        assert _another_client(store_url) == [("B-001", "Faster checkout", "Ann Lee"), ("B-002", "Their own", None),
                                              ("B-003", "Lower running cost", "Bob Ray")]
        document.undo_stack.redo()  # deletes ours again, not theirs
        assert _another_client(store_url) == [("B-001", "Faster checkout", "Ann Lee"), ("B-002", "Their own", None)]
        document.undo_stack.undo()
        assert [r[:2] for r in _another_client(store_url)][1:] == [("B-002", "Their own"), ("B-003", "Lower running cost")]
    finally:
        document.close()


def test_a_benefit_put_back_without_its_owner_deleted_since(qtbot, tmp_path: Path, store_url: str) -> None:
    _office(tmp_path, store_url)
    said, document = _deleted_then(qtbot, store_url, "DELETE FROM person WHERE name = 'Bob Ray'")
    try:
        assert said == ["Undone: Delete 1 row, beside changes made since by someone else:\n"
                        "B-002 put back without its owner: the record named there was deleted since."]
        assert _another_client(store_url) == [("B-001", "Faster checkout", "Ann Lee"),
                                              ("B-002", "Lower running cost", None)]
    finally:
        document.close()
