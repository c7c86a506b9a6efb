"""Fault round 40: a workbook saved again between the import's preview and its apply — the import dialog open while
the user fixes a row in Excel and saves. The apply wrote the preview's rows, the file as it had been, without a word:
the fix they had just saved was not imported and the rows they had deleted were. Now the apply notices the file
changed (or went) since it was read, says so and writes nothing; Check again reads it anew."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import xlsxwriter
from xlsx_factory import snapshot

from pmo_desktop.excel.errors import ImportRefused
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.import_dialog import ImportDialog


def save(path: Path, titles: list[str]) -> Path:
    """The register as Excel saves it; each save a second later than the last, as a person's are."""
    old = path.stat().st_mtime_ns if path.exists() else None
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Owner"])
    for row, title in enumerate(titles, start=1):
        ws.write_row(row, 0, [title, 2, 3, "Ann Lee"])
    wb.close()
    if old is not None:
        os.utime(path, ns=(old + 1_000_000_000, old + 1_000_000_000))
    return path


def titles(store) -> list[str]:
    reg = REGISTERS["risks"]
    with store.session() as s:
        return [r[2 + reg.field_names.index("title")] for r in records.fetch_rows(s, reg)]


def test_a_workbook_saved_again_after_the_preview_is_not_imported_as_it_was(sqlite_store, tmp_path: Path) -> None:
    path = save(tmp_path / "Risks.xlsx", ["Supplier late", "Crane fails"])
    plan = plan_import(sqlite_store, path, register="risks")
    save(path, ["Supplier late, fixed", "Crane fails", "Permit refused"])
    before = snapshot(sqlite_store)
    with pytest.raises(ImportRefused) as refused:
        apply_import(sqlite_store, plan)
    said = str(refused.value)
    assert said.startswith("“Risks.xlsx” has changed since it was checked (saved again at ")
    assert "so nothing was imported: the preview shows it as it was. Check it again" in said
    assert snapshot(sqlite_store) == before
    apply_import(sqlite_store, plan_import(sqlite_store, path, register="risks"))  # read anew: what it holds now
    assert titles(sqlite_store) == ["Supplier late, fixed", "Crane fails", "Permit refused"]


def test_a_workbook_moved_after_the_preview_is_said_to_be_gone(sqlite_store, tmp_path: Path) -> None:
    path = save(tmp_path / "Risks.xlsx", ["Supplier late"])
    plan = plan_import(sqlite_store, path, register="risks")
    path.rename(tmp_path / "Risks (old).xlsx")
    with pytest.raises(ImportRefused, match="“Risks.xlsx” is no longer where it was when it was checked"):
        apply_import(sqlite_store, plan)
    assert titles(sqlite_store) == []


def test_the_import_dialog_says_so_and_reads_the_saved_file_again(qtbot, document, tmp_path: Path) -> None:
    path = save(tmp_path / "Risks.xlsx", ["Supplier late", "Crane fails"])
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plan is not None and dialog.plan.count("insert") == 2
    save(path, ["Supplier late, fixed"])  # the user fixed a row and deleted one in Excel, and saved
    dialog.do_import()
    assert titles(document.store) == [] and dialog.isVisible()
    assert "has changed since it was checked (saved again at " in dialog.summary.text()
    assert "the preview now shows what it holds: look it over and import again" in dialog.summary.text()
    assert [r.values["title"] for s in dialog.plan.sheets for r in s.rows] == ["Supplier late, fixed"]
    dialog.do_import()
    assert titles(document.store) == ["Supplier late, fixed"]
