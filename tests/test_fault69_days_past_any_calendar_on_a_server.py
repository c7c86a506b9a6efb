"""Fault round 69 (stop-55 leftover, on a real PostgreSQL server): a day or moment Python holds no value for.
PostgreSQL keeps ``'infinity'``, years past 9999 and days before Christ in a date or timestamp column — another
client's ``UPDATE benefit SET target_date = 'infinity'``, a tool marking "never" so. The driver raised on the first
row read, "The database could not be used: (psycopg.DataError) date too large (after year 10K): 'infinity'": the
register's page, the export, the summary and both board packs of the office failed. Such a day reads as no day
(as text in a file's day column does, fault68); it stays on the server as written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, import_benefits
from cli_runner import run_cli
from sqlalchemy import create_engine, text

from pmo_desktop.models.registers.benefits import BENEFITS
from pmo_desktop.models.store import Store

pytestmark = pytest.mark.postgres

HELD = "SELECT code, target_date::text, baseline_date::text, created_at::text FROM benefit ORDER BY code"


def _office(tmp_path: Path, url: str) -> None:
    import_benefits(url, tmp_path, (FASTER_CHECKOUT, LOWER_RUNNING_COST))
    _another_client(url, "UPDATE benefit SET created_at = 'infinity', updated_at = '-infinity' WHERE code = 'B-001'",
                    "UPDATE benefit SET target_date = 'infinity', baseline_date = '0044-03-15 BC' WHERE code = 'B-002'")


def _another_client(url: str, *statements: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.execute(text(sql))
            return [tuple(r) for r in conn.execute(text(HELD))]
    finally:
        engine.dispose()


def test_the_office_is_exported_summed_up_and_packed(tmp_path: Path, pg_store_url: str) -> None:
    _office(tmp_path, pg_store_url)
    for args in (("export", pg_store_url, tmp_path / "all.xlsx"), ("summary", pg_store_url),
                 ("boardpack", pg_store_url, tmp_path / "pack.pdf"), ("boardpack", pg_store_url, tmp_path / "p.xlsx")):
        proc = run_cli(*args, cwd=tmp_path, ok=False)
        assert proc.returncode == 0, proc.stderr
    cells = [c.value for ws in openpyxl.load_workbook(tmp_path / "all.xlsx") for row in ws.iter_rows() for c in row]
    assert "Faster checkout" in cells and "Lower running cost" in cells
    assert _another_client(pg_store_url)[1][1:3] == ("infinity", "0044-03-15 BC")


def test_the_benefits_table_shows_the_day_empty_and_the_rest(qtbot, tmp_path: Path, pg_store_url: str) -> None:
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.table_model import RegisterTableModel

    _office(tmp_path, pg_store_url)
    document = Document(Store.open(pg_store_url))
    try:
        model = RegisterTableModel(document, BENEFITS)
        assert model.rowCount() == 2
        shown = {model.index(r, model.column_of("code")).data(): model.index(r, model.column_of("target_date")).data()
                 for r in range(2)}
        assert shown == {"B-001": "31 Dec 2027", "B-002": ""}
    finally:
        document.close()
    held = _another_client(pg_store_url)
    assert held[0] == ("B-001", "2027-12-31", "2026-01-01", "infinity")
    assert held[1][:3] == ("B-002", "infinity", "0044-03-15 BC")
