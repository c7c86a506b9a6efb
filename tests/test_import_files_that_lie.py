"""Files whose name says Excel and whose content is text: the CSV a bank's or a finance system's "Export to
Excel" names .xls or .xlsx, Excel's own "Unicode Text" (UTF-16 with its byte-order mark, tab-separated,
.txt), a UTF-16 .csv, with or without its byte-order mark. They import as the text they are (before:
refused as "not … a CSV file", or as "not a text CSV file"). A web page named .xls is read as its tables, an
Excel XML Spreadsheet 2003 as its sheets (round 40); a binary file is still refused, never read as rows of
junk. The source file is never written."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from real_world_factory import write_ods, write_xls, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
ROWS = [["Risk ID", "Title", "Owner"], ["R-001", "Café supplier slips", "Zoë"], ["R-002", "Data centre move late", "Ann"]]


@pytest.fixture
def office(tmp_path: Path):
    store = Store.create(tmp_path / "office.pmo")
    yield store
    store.close()


def write_text(path: Path, delimiter: str, encoding: str) -> Path:
    path.write_bytes("\r\n".join(delimiter.join(r) for r in ROWS).encode(encoding) + b"\r\n")
    return path


def imported_titles(store: Store, path: Path) -> list[str]:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    apply_import(store, plan_import(store, path, register="risks"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with store.session() as s:
        i = RISKS.field_names.index("title") + 2
        return sorted(r[i] for r in records.fetch_rows(s, RISKS))


TITLES = ["Café supplier slips", "Data centre move late"]


@pytest.mark.parametrize("name,delimiter,encoding", [
    ("bank export.xls", ",", "cp1252"),      # a CSV under the old Excel name
    ("report.xlsx", ";", "utf-8-sig"),       # a CSV under the new one, ; separated
    ("Unicode Text.txt", "\t", "utf-16"),    # Excel's Save As "Unicode Text": UTF-16 LE with its BOM, tabs
    ("register.csv", ",", "utf-16"),         # a UTF-16 CSV
    ("big endian.csv", "\t", "utf-16-be"),   # with a BOM written by hand below
    # UTF-16 with no byte-order mark (some exporters, PowerShell scripts): refused as "not a text CSV file"
    ("no bom.csv", ",", "utf-16-le-bare"),
    ("no bom tabs.txt", "\t", "utf-16-le-bare"),
    ("no bom big endian.csv", ";", "utf-16-be-bare"),
    ("no bom.xls", "\t", "utf-16-le-bare"),
])
def test_text_under_any_name_imports(office: Store, tmp_path: Path, name: str, delimiter: str, encoding: str) -> None:
    path = write_text(tmp_path / name, delimiter, encoding.removesuffix("-bare"))
    if encoding == "utf-16-be":
        path.write_bytes(b"\xfe\xff" + path.read_bytes())
    assert imported_titles(office, path) == TITLES


def test_a_web_page_named_xls_is_read_as_the_table_it_is(office: Store, tmp_path: Path) -> None:
    """Refused until round 40 ("a web page … save it as an Excel workbook"): its table is plain data
    (test_fault40_files_that_lie reads a whole Jira export)."""
    path = tmp_path / "statement.xls"
    path.write_text("<!DOCTYPE html>\n<html><body><table><tr><td>Risk ID</td><td>Title</td><td>Owner</td></tr>"
                    + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in ROWS[1:])
                    + "</table></body></html>", encoding="utf-8")
    assert imported_titles(office, path) == TITLES


def test_an_excel_2003_xml_spreadsheet_is_read_as_the_sheets_it_is(office: Store, tmp_path: Path) -> None:
    """Excel's "XML Spreadsheet 2003", which web systems still export under .xls, was called a web page, then
    refused as "not read here" until round 40."""
    path = tmp_path / "export.xls"
    cells = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="String">{x}</Data></Cell>' for x in r) + "</Row>"
                    for r in ROWS)
    path.write_text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    f'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Risks"><Table>{cells}'
                    '</Table></Worksheet></Workbook>', encoding="utf-8")
    assert imported_titles(office, path) == TITLES


@pytest.mark.parametrize("seed", range(5))
def test_binary_files_are_still_refused(office: Store, tmp_path: Path, seed: int) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(random.Random(seed).randbytes(20_000))
    with pytest.raises(WorkbookError, match="is not an Excel workbook"):
        plan_import(office, path, register="risks")


@pytest.mark.parametrize("writer,name", [
    (write_xlsx, "renamed.xls"),   # an .xlsx someone renamed, or a system exported under the old name
    (write_xlsx, "renamed.ods"),
    (write_xls, "old.xlsx"),       # an Excel 97-2003 workbook under the new name
    (write_ods, "calc.xlsx"),      # a LibreOffice sheet under Excel's name
])
def test_a_workbook_under_another_formats_name_imports(office: Store, tmp_path: Path, writer, name: str) -> None:
    """calamine reads by the name, so these were "damaged and cannot be read (CalamineError)"."""
    path = writer(tmp_path / name, {"Risks": ROWS})
    assert imported_titles(office, path) == TITLES


def test_an_office_file_given_to_import_says_to_open_it(office: Store, tmp_path: Path) -> None:
    """A newcomer's first guess at bringing a colleague's office in is Import: it said "not an Excel workbook …
    save it in one of those formats", which no one can do with an office file. It says to open it, and the
    office given is left as it was."""
    other = Store.create(tmp_path / "colleague.pmo")
    other.close()
    path = tmp_path / "colleague.pmo"
    before = path.read_bytes()
    with pytest.raises(WorkbookError, match=r"is an office file .* not a workbook.*open it instead \(File ▸ Open"):
        plan_import(office, path, register="risks")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["board-pack.pdf", "board-pack.xlsx"])
def test_a_pdf_given_to_import_is_said_to_be_a_pdf(office: Store, tmp_path: Path, name: str) -> None:
    """The board pack sits beside the registers' workbook and gets picked. Mostly ASCII, it was read as a CSV
    and said to have "no header row naming register columns … check the workbook"."""
    from pmo_desktop.excel.boardpack_publish import publish_board_pack

    pdf = tmp_path / "board-pack.pdf"
    publish_board_pack(office, pdf, keep_snapshot=False)
    path = pdf.rename(tmp_path / name) if name != pdf.name else pdf
    before = path.read_bytes()
    with pytest.raises(WorkbookError, match=r"is a PDF document \(a board pack, a printout\), not a workbook"):
        plan_import(office, path, register="risks")
    assert path.read_bytes() == before
