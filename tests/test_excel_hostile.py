"""Hostile or broken files get one clear sentence and change nothing."""

import zipfile

import openpyxl
import pytest
from xlsx_factory import billion_laughs, save, snapshot, zip_bomb

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import, plan_workbook_import
from pmo_desktop.excel.workbook_reader import Limits, MiB, SafeWorkbook

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(store, path, match, **kwargs):
    before = snapshot(store)
    with pytest.raises(WorkbookError, match=match) as err:
        plan_import(store, path, **kwargs)
    message = str(err.value)
    assert "\n" not in message and message.endswith(".")
    assert snapshot(store) == before
    return message


def test_missing_file(demo_store, tmp_path):
    refused(demo_store, tmp_path / "nowhere.xlsx", "does not exist")


def test_not_a_zip(demo_store, tmp_path):
    path = tmp_path / "risks.xlsx"  # binary, and no workbook (a CSV named .xlsx is read: test_import_files_that_lie)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02")  # a PDF is said to be one: test_import_files_that_lie
    refused(demo_store, path, "is not an Excel workbook")


def test_empty_file(demo_store, tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(demo_store, path, "is empty")


def test_encrypted_workbook(demo_store, tmp_path):
    path = tmp_path / "secret.xlsx"  # what Excel writes for a password-protected workbook: a CFB container
    path.write_bytes(OLE2 + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 2048)
    refused(demo_store, path, "protected with a password")


def test_old_xls_workbook(demo_store, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLE2 + b"\0" * 4096)
    refused(demo_store, path, r"old-format Excel file \(\.xls\)")


def test_truncated_zip(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["ID", "Title"])
    data = save(wb, tmp_path / "full.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(demo_store, path, "is damaged or is not an Excel workbook")


def test_a_zip_that_is_not_a_workbook(demo_store, tmp_path):
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    refused(demo_store, path, "is a zip file but not an Excel workbook")


def test_xml_entity_attack(demo_store, tmp_path):
    path = billion_laughs(tmp_path / "lol.xlsx")
    assert b"<!ENTITY" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    refused(demo_store, path, "refused as unsafe")
    with pytest.raises(WorkbookError, match="refused as unsafe"):
        plan_workbook_import(demo_store, path)


def test_zip_bomb_is_refused_before_anything_is_decompressed(demo_store, tmp_path):
    path = zip_bomb(tmp_path / "bomb.xlsx", megabytes=24)
    assert path.stat().st_size < 200_000
    refused(demo_store, path, "looks like a zip bomb")
    small = Limits(max_uncompressed_bytes=8 * MiB, ratio_applies_above=64 * MiB)
    refused(demo_store, path, "would expand to 24 MB", limits=small)


def test_too_many_rows_is_refused_with_the_limit(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Title", "Impact"])
    for i in range(60):
        ws.append([f"Risk {i}", 2])
    path = save(wb, tmp_path / "many.xlsx")
    message = refused(demo_store, path, "more than 50 rows", limits=Limits(max_rows=50))
    assert "split it into smaller workbooks" in message
    assert plan_import(demo_store, path, limits=Limits(max_rows=60)).count("insert") == 60


def test_a_stray_far_away_cell_is_read_but_empty_rows_do_not_count(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Title", "Impact"])
    ws.append(["Only risk", 2])
    ws.cell(row=5000, column=1, value="Notes: end")
    plan = plan_import(store, save(wb, tmp_path / "far.xlsx"), limits=Limits(max_rows=10))
    assert [r.action.value for r in plan.reports] == ["insert", "skip", "skip"]


def test_hidden_sheets_are_not_offered(tmp_path):
    wb = openpyxl.Workbook()
    wb.create_sheet("Lists").sheet_state = "hidden"
    with SafeWorkbook(save(wb, tmp_path / "h.xlsx")) as book:
        assert book.sheet_names == ["Sheet"]
