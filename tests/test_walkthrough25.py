"""Walkthrough 25: a PMO lead's monthly board and risk workshop — the board pack printed (PDF, and the workbook
through LibreOffice), the charts on a projector — what was found, fixed, on real files and real widgets."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models import clock, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 3)


@pytest.fixture
def workshop_office(tmp_path):
    """The demo office with a workshop's worth of open threats, so the pack ranks more than nine."""
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    rows = [{"title": f"Store {n} cutover weekend overruns", "probability": 1 + n % 5, "impact": 1 + (n * 3) % 5,
             "project": "Point of sale replacement", "owner": "Marcus Lee", "raised_on": date(2026, 11, 1)}
            for n in range(1, 25)]
    with clock.frozen(TODAY):
        Office(store).write(records.create_records, REGISTERS["risks"], rows)
    yield store
    store.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_no_column_of_the_printed_pack_breaks_a_word(workshop_office, tmp_path):
    """The top threats' rank column, 3 % of the page, was narrower than "10": ranks 10 to 20 printed as "1" over
    "0", "1" over "1" … and the benefits' Unit column broke the demo's "transactions" into "transaction" over "s".
    A column is widened to its longest word where the others can spare the room."""
    with clock.frozen(TODAY):
        pdf, _ = publish_board_pack(workshop_office, tmp_path / "pack.pdf", TODAY, keep_snapshot=False)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    ranks = [int(m) for m in re.findall(r"(?m)^\s*(\d+)\s+R-\d{3}\b", text)]
    assert ranks.count(10) >= 1 and max(ranks) >= 20, ranks  # each rank whole on its risk's line
    assert sorted(set(ranks)) == list(range(1, max(ranks) + 1)), ranks
    assert re.search(r"\btransactions\b", text)

