"""Fault round 41, the board pack PDF: what a board prints when the office's words are not English.

Faults injected: owners, titles and a program's name in Polish, Czech, Russian and Greek (letters Helvetica has
no glyph for) — printed as black boxes, the PDF's text the boxes too, though a font of the computer had every
letter; a program's name of 200 letters — the page header ran under the classification and past the page's edge;
a title of 300 letters without a space — the widening of every column to its longest word was given up for the
whole table, the rank 10 printed "1" over "0" and an owner's double-barrelled name cut mid-word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from program_name import name_program
from pypdf import PdfReader

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)
OWNERS = ("Łukasz Wróbel", "Jiří Dvořák", "Ольга Петрова", "Γιώργος Παπαδόπουλος")
TITLES = ("Dostawca spóźnia się z wdrożeniem", "Zpoždění dodávky serverů", "Задержка поставки оборудования",
          "Καθυστέρηση προμηθευτή")




def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_letters_helvetica_lacks_print_in_a_font_of_the_computer_that_has_them(store, tmp_path: Path) -> None:
    try:
        from pmo_desktop.excel import pdf_fonts
    except ImportError:  # (before the fonts were looked for: the boxes below)
        pdf_fonts = None
    letters = "".join(OWNERS + TITLES)
    if pdf_fonts is not None and pdf_fonts.missing(letters):
        pytest.skip(f"no font of this computer has {pdf_fonts.missing(letters)!r}")
    name_program(store, "Program Wdrożenia — Проект")
    with store.transaction() as s:
        for owner, title in zip(OWNERS, TITLES):
            records.create_record(s, REGISTERS["people"], {"name": owner})
            records.create_record(s, REGISTERS["risks"], {"title": title, "owner": owner, "probability": 5,
                                                          "impact": 5})
    path = write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)
    whole = "\n".join(_pages(path))
    assert "■" not in whole  # the boxes the letters were
    for text in (*OWNERS, *TITLES, "Program Wdrożenia — Проект — board pack as at 5 Dec 2026"):
        assert "".join(text.split()) in "".join(whole.split()), text  # (the header's runs come out as lines)
    fonts = {str(f["/BaseFont"]) for page in PdfReader(path).pages
             for f in page["/Resources"]["/Font"].values()}
    embedded = [f for f in fonts if "+" in f]  # a subset of a TrueType font of the computer, carried in the PDF
    assert embedded and "/Helvetica" in fonts  # English stays in the pack's own font


@pytest.mark.parametrize("name", ["Digital Transformation and Operational Resilience Programme " * 4,
                                  "X" * 200])
def test_a_long_programs_name_is_shortened_in_the_page_header_never_run_past_its_edge(store, tmp_path: Path,
                                                                                     name: str) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    name = name.strip()[:200]
    name_program(store, name)
    path = write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)
    tail = " — board pack as at 5 Dec 2026"
    page_width = landscape(A4)[0]
    for text in _pages(path):
        header = next(line for line in text.splitlines() if line.endswith(tail) or tail + " " in line)
        header = header[:header.index(tail) + len(tail)]
        shown = header.removesuffix(tail)
        assert shown.endswith("…") and name.startswith(shown[:-1].rstrip()), header
        # it ends where the classification begins, with a gap: 14 mm margins, OFFICIAL in 8 pt at the right
        room = page_width - 2 * 14 * mm - stringWidth("OFFICIAL", "Helvetica", 8) - 6 * mm
        assert stringWidth(header, "Helvetica", 8) <= room
        assert stringWidth(header, "Helvetica", 8) > room - stringWidth("XX", "Helvetica", 8)  # not cut short


def test_a_word_no_column_holds_leaves_the_other_columns_their_longest_words(store, tmp_path: Path) -> None:
    with store.transaction() as s:
        records.create_record(s, REGISTERS["people"], {"name": "Bartholomew Montgomery-Fitzwilliam-Smythe"})
        records.create_records(s, REGISTERS["risks"], [
            {"title": f"Risk {i}", "probability": 4, "impact": 4} for i in range(11)])
        records.create_record(s, REGISTERS["risks"], {"title": "A" * 300, "probability": 5, "impact": 5,
                                                      "owner": "Bartholomew Montgomery-Fitzwilliam-Smythe"})
    path = write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)
    page = next(t for t in _pages(path) if "open threats" in t)
    lines = [line.strip() for line in page.splitlines()]
    assert "Montgomery-Fitzwilliam-Smythe" in " ".join(lines)  # the name's longest word on one line
    assert any(line.startswith("10 ") or line == "10" for line in lines), lines  # rank 10, not "1" over "0"
    assert any(line.startswith("12 ") or line == "12" for line in lines)


def test_letters_no_font_of_the_computer_has_are_said_on_the_page_they_print_as_boxes(store, tmp_path: Path) -> None:
    """Fault injected: a title in Chinese with a rocket emoji on a computer with no font for either — boxes, and
    nothing on the page said why or what to do."""
    title = "供应商延迟 🚀 launch"
    try:
        from pmo_desktop.excel import pdf_fonts
    except ImportError:
        pdf_fonts = None
    if pdf_fonts is not None and len(pdf_fonts.missing("供🚀")) < 2:
        pytest.skip("this computer has a font for Chinese or for emoji")
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": title, "probability": 5, "impact": 5})
    pages = _pages(write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY))
    said = ("Printed as boxes: Chinese, Japanese or Korean letters and emoji — no font on this computer has them; "
            "install one that does (such as Noto Sans) and write the pack again.")
    assert all(" ".join(said.split()) in " ".join(text.split()) for text in pages)
