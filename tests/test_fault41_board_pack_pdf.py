"""Fault round 41, the board pack PDF: what a board prints when the office's words are not English.

Faults injected: owners, titles and a program's name in Polish, Czech, Russian and Greek (letters Helvetica has
no glyph for) — printed as black boxes, the PDF's text the boxes too, though a font of the computer had every
letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.program import Program
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)
OWNERS = ("Łukasz Wróbel", "Jiří Dvořák", "Ольга Петрова", "Γιώργος Παπαδόπουλος")
TITLES = ("Dostawca spóźnia się z wdrożeniem", "Zpoždění dodávky serverů", "Задержка поставки оборудования",
          "Καθυστέρηση προμηθευτή")


def _program(store, name: str) -> None:
    with store.transaction() as s:
        program = s.query(Program).one_or_none()
        if program is None:
            records.create_record(s, REGISTERS["program"], {"name": name})
        else:
            program.name = name


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
    _program(store, "Program Wdrożenia — Проект")
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
