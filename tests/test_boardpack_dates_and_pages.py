"""The board pack reads as one document: every date in one format ("3 Dec 2026", Excel's "d mmm yyyy")
in the PDF and the workbook alike, "Since the last board" included; and no PDF page is left nearly
empty because the next section was sent to a new page when it fitted below (rendered with pdftoppm)."""

import re
import shutil
import subprocess
from datetime import date, timedelta

import openpyxl
import pytest
from PIL import Image
from pypdf import PdfReader

from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models import clock, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.kinds import DATE_FORMAT
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS

BOARD = date(2026, 11, 3)
TODAY = date(2026, 12, 3)
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
OTHER = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b0\d [A-Z][a-z]{2} \d{4}\b")  # 03/12/2026, 03 Dec 2026
DAY = re.compile(r"\b([1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")


@pytest.fixture
def two_boards(tmp_path):
    """The demo office with a pack published last month, then a milestone's forecast slipped."""
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    office = Office(store)
    milestones = REGISTERS["milestones"]
    with clock.frozen(BOARD):
        publish_board_pack(store, tmp_path / "october.pdf", BOARD, label="November board")
    with clock.frozen(TODAY):
        names = ["id", "version", *milestones.field_names]
        first = min((dict(zip(names, r)) for r in office.read(records.fetch_rows, milestones)),
                    key=lambda r: r["code"])
        slipped = (first["forecast"] or first["baseline"] or TODAY) + timedelta(days=21)
        office.write(records.update_record, milestones, first["id"], {"forecast": slipped})
    yield store, slipped
    store.close()


def test_every_date_in_the_pack_is_written_one_way(two_boards, tmp_path):
    store, slipped = two_boards
    with clock.frozen(TODAY):
        pdf, _ = publish_board_pack(store, tmp_path / "pack.pdf", TODAY, keep_snapshot=False)
        xlsx, _ = publish_board_pack(store, tmp_path / "pack.xlsx", TODAY, keep_snapshot=False)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Since the last board" in text and "Milestone slips" in text
    assert f"{slipped.day} {slipped:%b %Y}" in text  # the slip's new forecast, as the pack writes dates
    assert not ISO.findall(text) and not OTHER.findall(text)
    assert len(DAY.findall(text)) > 20

    wb = openpyxl.load_workbook(xlsx)
    formats, texts = set(), []
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, date):
                    formats.add(cell.number_format)
                elif isinstance(cell.value, str) and (ISO.search(cell.value) or OTHER.search(cell.value)):
                    texts.append((ws.title, cell.coordinate, cell.value))
    assert formats == {DATE_FORMAT}
    assert texts == []


def ink_depth(png) -> float:
    """How far down its body (between the header and the footer lines) a page is printed on, 0 to 1."""
    image = Image.open(png).convert("L")
    width, height = image.size
    top, bottom = int(height * 0.06), int(height * 0.92)
    pixels = image.load()
    inked = [y for y in range(top, bottom) if any(pixels[x, y] < 200 for x in range(0, width, 2))]
    return (max(inked) - top) / (bottom - top) if inked else 0.0


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_no_page_of_the_demo_pack_is_left_nearly_empty(two_boards, tmp_path):
    store, _ = two_boards
    with clock.frozen(TODAY):
        pdf, _ = publish_board_pack(store, tmp_path / "pack.pdf", TODAY, keep_snapshot=False)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(pages) == len(PdfReader(pdf).pages)
    depths = [round(ink_depth(p), 2) for p in pages]
    assert all(d > 0.05 for d in depths)  # nothing blank
    assert all(d >= 0.5 for d in depths[:-1]), depths  # a page ends early only where the next section did not fit
    assert len(pages) <= 8
