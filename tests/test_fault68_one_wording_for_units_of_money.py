"""Fault round 68 (stop-54 leftover): the board packs said one thing two ways — the PDF "benefits in different
money are rolled up apart", the workbook "in different units" (and "£k/month" beside "£k per quarter" are two units
rolled up together). Both now say the one sentence, ``boardpack_data.ROLLED_UP_APART``, over one roll-up per unit
of money ("£k", "$k")."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from benefits_office import benefits_office
from cli_runner import run_cli
from pypdf import PdfReader

SAID = ("Financial amounts are the change from baseline in monthly amounts over the months measured so far, as on "
        "the Benefits page; benefits in different units of money (£k, $k) are rolled up apart.")


def _office(tmp_path: Path) -> Path:
    """Three financial benefits: two in pounds (a month's and a quarter's), one in dollars."""
    return benefits_office(
        tmp_path,
        [["B-001", "Lower running cost", "£k/month", 100, "2026-01-01", 50, "2027-12-31", "Financial - cashable"],
         ["B-002", "Fewer site visits", "£k per quarter", 30, "2026-01-01", 10, "2027-12-31", "Financial - cashable"],
         ["B-003", "US licences", "$k", 20, "2026-01-01", 5, "2027-12-31", "Financial - cashable"]],
        header=["ID", "Title", "Unit", "Baseline value", "Baseline date", "Target value", "Target date", "Category"])


def test_both_packs_say_the_same_sentence(tmp_path: Path) -> None:
    office = _office(tmp_path)
    run_cli("boardpack", office, tmp_path / "pack.pdf", "--no-snapshot", cwd=tmp_path, ok=True)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert text.count(SAID) == 1
    run_cli("boardpack", office, tmp_path / "pack.xlsx", "--no-snapshot", cwd=tmp_path, ok=True)
    cells = [c.value for ws in openpyxl.load_workbook(tmp_path / "pack.xlsx") for row in ws.iter_rows() for c in row]
    assert cells.count(SAID) == 1
    assert "Unit of money" in cells and "£k" in cells and "$k" in cells
