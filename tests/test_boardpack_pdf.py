"""The board pack as a print-ready PDF: at most 12 pages for the demo office, landscape, a header and
page numbers on every page, threats and opportunities apart, the same figures as the workbook."""

from datetime import date

import pytest
from pypdf import PdfReader

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.excel.export_errors import ExportError
from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 3, 18)


@pytest.fixture
def dated_demo(tmp_path):
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    yield store
    store.close()


def pages_text(path):
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def test_demo_pack_prints_on_a_few_landscape_pages(dated_demo, tmp_path):
    reader, texts = pages_text(write_board_pack_pdf(dated_demo, tmp_path / "pack.pdf", today=TODAY))
    assert 4 <= len(texts) <= 12
    for n, (page, text) in enumerate(zip(reader.pages, texts), start=1):
        assert page.mediabox.width > page.mediabox.height  # landscape
        assert "Retail Transformation Programme — board pack as at 18 Mar 2026" in text
        assert f"Page {n} of {len(texts)}" in text and "OFFICIAL" in text
    whole = "\n".join(texts)
    for heading in ("Top 7 open threats", "The one open opportunity", "Risk heat maps", "Stakeholders",
                    "Benefits", "Communications due in March 2026"):
        assert heading in whole
    threats, opportunities = whole.split("The one open opportunity")
    assert "R-007" not in threats.split("Top 7 open threats")[1] and "R-007" in opportunities


def test_a_long_register_breaks_across_pages_with_its_header_repeated(dated_demo, tmp_path):
    with dated_demo.transaction() as s:
        records.create_records(s, REGISTERS["stakeholders"],
                               [{"name": f"Store manager {i:03d}", "power": 2, "interest": 2} for i in range(120)])
    _, texts = pages_text(write_board_pack_pdf(dated_demo, tmp_path / "pack.pdf", today=TODAY))
    register_pages = [t for t in texts if "Store manager" in t and "Relationship owner" in t]
    assert len(register_pages) >= 3  # every page of the table starts with its header row


def test_refusals_leave_nothing(dated_demo, tmp_path):
    with pytest.raises(ExportError, match=r"must end in \.pdf"):
        write_board_pack_pdf(dated_demo, tmp_path / "pack.docx", today=TODAY)
    assert list(tmp_path.iterdir()) == [tmp_path / "demo.pmo"] or all(p.suffix != ".docx" for p in tmp_path.iterdir())


def test_words_on_dark_fills_print_white(dated_demo, tmp_path):
    """"Critical" on dark red and "Off track" on red read in white, as the app shows them, not black on a
    dark fill that a printer turns into a blot."""
    path = write_board_pack_pdf(dated_demo, tmp_path / "pack.pdf", today=TODAY)
    fills: dict[str, set] = {}
    for page in PdfReader(path).pages:
        current: list = [None]

        def before(op, args, _cm, _tm, current=current):
            if op == b"rg":
                current[0] = tuple(round(float(a), 2) for a in args)
            elif op in (b"Tj", b"TJ"):
                for word in ("Critical", "Off track"):
                    if word in str(args[0]):
                        fills.setdefault(word, set()).add(current[0])

        page.extract_text(visitor_operand_before=before)
    white = (1.0, 1.0, 1.0)
    assert white in fills["Critical"] and white in fills["Off track"]


def test_financial_benefits_print_as_the_benefits_page_shows_them(dated_demo, tmp_path):
    """The pack printed the money to date with two decimals ("903.81") beside the Benefits page's "904": the
    same figure read as two on a projector. Whole and grouped, as on the page."""
    import re

    from pmo_desktop.excel.boardpack_data import read_board_pack
    from pmo_desktop.models.values import money_text

    _, texts = pages_text(write_board_pack_pdf(dated_demo, tmp_path / "pack.pdf", today=TODAY))
    lines = "\n".join(texts).splitlines()
    row = lines[lines.index("£k"):lines.index("£k") + 4]  # one cell a line: basis, planned, realized, share
    rollup = read_board_pack(dated_demo, TODAY).rollups[0]
    assert row[1:3] == [money_text(rollup.planned_to_date), money_text(rollup.realized_to_date)], row
    assert not any(re.search(r"\d\.\d", cell) for cell in row), row
