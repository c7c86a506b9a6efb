"""Fault injection, round 49: the board pack with right-to-left and mixed scripts (gui49 shapes Arabic and Hebrew
with ``excel/rtl_text.py``). Texts carrying the characters that only say which way text runs — a right-to-left
override (U+202E), isolates (U+2066–2069), direction marks (U+200E/F), a zero-width joiner — as a name pasted from a
web page or a "Trojan Source"-like ID brings them. Each was drawn in the PDF as a box, and every page's note said
"Printed as boxes: Left-To-Right letters, Right-To-Left letters, Pop letters … install a font" — no font draws them,
and nothing was missing. Worse, an isolate around Hebrew or Arabic ("Owner: ⁧שרה⁩", as a web page writes a name)
stopped the whole pack: python-bidi's algorithm knows no isolates ("RLI not allowed here")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from pmo_desktop.excel import rtl_text
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 6)
# as typed (logical order) → what the page reads once the marks have done their work
MARKED = {
    "ID-\u2066\u202eabc\u2069-42": "ID-abc-42",
    "\u2067Isolate never closed": "Isolate never closed",
    "\u200e\u200fMarks only": "Marks only",
    "Supplier\u200d delay\u202c": "Supplier delay",
}


def test_direction_marks_draw_nothing_and_are_not_said_to_need_a_font(sqlite_store, tmp_path: Path) -> None:
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        for i, text in enumerate(MARKED):
            records.create_record(s, REGISTERS["risks"], {"title": text, "probability": 5, "impact": 5}, ctx)
            records.create_record(s, REGISTERS["stakeholders"], {"name": text, "power": 1 + i, "interest": 5}, ctx)
    pages = [page.extract_text() for page in PdfReader(write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf",
                                                                           TODAY)).pages]
    whole = "\n".join(pages)
    assert "Printed as boxes" not in whole and "Pop letters" not in whole
    assert "■" not in whole
    squeezed = "".join(whole.split())
    for shown in MARKED.values():
        assert "".join(shown.split()) in squeezed, shown


def test_an_isolated_hebrew_or_arabic_name_is_written_in_the_pack_not_an_unexpected_error(sqlite_store,
                                                                                       tmp_path: Path) -> None:
    isolated = ("Owner: \u2067שרה\u2069 (PMO)", "\u2068مخاطر المورد\u2069 #7", "a \u2066עברית never closed")
    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        for text in isolated:
            records.create_record(s, REGISTERS["risks"], {"title": text, "probability": 5, "impact": 5}, ctx)
            records.create_record(s, REGISTERS["stakeholders"], {"name": text, "power": 5, "interest": 5}, ctx)
    path = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf", TODAY)
    squeezed = "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Owner:" in squeezed and "(PMO)" in squeezed and "nevercl" in squeezed
    assert rtl_text.visual(isolated[0]) == "Owner: הרש (PMO)"  # drawn left to right, read right to left


def test_the_marks_are_left_out_of_the_drawn_text_after_they_have_put_it_in_order() -> None:
    """An isolate around Hebrew still orders it (python-bidi reads the marks), and then draws as nothing; the
    text typed in the office keeps them (only the drawing leaves them out)."""
    for typed, shown in MARKED.items():
        assert rtl_text.visual(typed) == shown
    assert rtl_text.visual("Owner: \u2067שרה\u2069 (PMO)") == "Owner: הרש (PMO)"
