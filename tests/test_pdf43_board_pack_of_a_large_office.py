"""The board pack of a large office (round pdf43): the PDF lists the first ``LISTED_ON_PAPER`` rows of a long
register, its header on every page, and counts the rest with where they are all listed; the workbook pack
still lists every one. Writing it reports progress and stops on Cancel, the file left as it was, no snapshot."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import insert, text

from pmo_desktop.excel.boardpack_pdf import LISTED_ON_PAPER
from pmo_desktop.excel.boardpack_publish import publish_board_pack
from pmo_desktop.models.errors import OperationCancelled
from pmo_desktop.models.program import Person
from pmo_desktop.models.stakeholders import Stakeholder
from pmo_desktop.models.store import Store

TODAY = date(2026, 12, 5)
MANY = LISTED_ON_PAPER + 57


@pytest.fixture
def large_office(tmp_path: Path):
    store = Store.create(tmp_path / "office.pmo", program_name="Large program")
    with store.transaction() as s:
        s.execute(insert(Person.__table__), [{"name": "Owner One", "version": 1}])
        # power falls with the number, so the pack's order (power, then interest, then ID) is the IDs' order
        s.execute(insert(Stakeholder.__table__), [
            {"code": f"S-{i:04d}", "name": f"Stakeholder {i}", "organisation": "Org", "power": 5 - (i - 1) * 5 // MANY,
             "interest": 3, "owner_id": 1, "version": 1} for i in range(1, MANY + 1)])
    yield store
    store.close()


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_a_long_register_lists_its_first_rows_on_paper_and_every_one_in_the_workbook(large_office: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "pack.pdf"
    publish_board_pack(large_office, pdf, TODAY, keep_snapshot=False)
    pages = _pages(pdf)
    whole = "\n".join(pages)
    printed = re.findall(r"S-\d{4}", whole)
    ranked = [f"S-{i:04d}" for i in range(1, MANY + 1)]
    assert sorted(set(printed)) == ranked[:LISTED_ON_PAPER]  # the first ones, each once, none cut
    assert len(printed) == LISTED_ON_PAPER
    said = " ".join(whole.split())
    assert f"… and {MANY - LISTED_ON_PAPER} more stakeholders ({MANY} in all)" in said
    assert "Every one is in the board pack written as a workbook (.xlsx) and on the Stakeholders page." in said
    # the register's header row on every page that lists stakeholders
    register_pages = [p for p in pages if re.search(r"S-\d{4}", p)]
    assert len(register_pages) >= 3
    assert all("Relationship owner" in p for p in register_pages)
    # the power/interest grid still counts every one
    grid = dict(re.findall(r"(Manage closely|Keep satisfied|Keep informed|Monitor) \((\d+)\)", said))
    assert sum(int(n) for n in grid.values()) == MANY
    # and the workbook pack, where the note sends the reader, lists every one
    book = tmp_path / "pack.xlsx"
    publish_board_pack(large_office, book, TODAY, keep_snapshot=False)
    cells = {str(c.value) for ws in openpyxl.load_workbook(book, read_only=True).worksheets
             for row in ws.iter_rows() for c in row if c.value is not None}
    assert {f"S-{i:04d}" for i in range(1, MANY + 1)} <= cells


@pytest.mark.parametrize("name", ["pack.pdf", "pack.xlsx"])
def test_the_pack_reports_progress_and_stops_on_cancel_leaving_the_old_file(large_office: Store, tmp_path: Path,
                                                                           name: str) -> None:
    out = tmp_path / name
    steps: list[tuple[int, int]] = []
    publish_board_pack(large_office, out, TODAY, progress=lambda done, total: steps.append((done, total)),
                       keep_snapshot=False)
    assert len(steps) >= 3 and steps[-1][0] == steps[-1][1]  # up to the whole of it
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)

    out.write_bytes(b"last month's pack")
    asked: list[int] = []

    def cancelled() -> bool:  # Cancel pressed once the pack is under way
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(OperationCancelled, match="the board pack was not written"):
        publish_board_pack(large_office, out, TODAY, cancelled=cancelled)
    assert out.read_bytes() == b"last month's pack"
    # no half-written file left beside it
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("office.pmo")] == [name]
    with large_office.session() as s:  # a pack not written keeps no snapshot
        assert s.execute(text("SELECT count(*) FROM board_snapshot")).scalar() == 0


def test_cancel_in_the_window_stops_the_pack(qtbot, large_office: Store, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QPushButton

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.actions import export_board_pack

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"last month's pack")
    pressed: list[bool] = []

    def press_cancel() -> None:
        for dialog in window.findChildren(QProgressDialog):
            # shown at once, as on a machine slow enough for the dialog to come up (it waits 0.4 s)
            dialog.setMinimumDuration(0)
            if dialog.isVisible() and not pressed:
                [button] = dialog.findChildren(QPushButton)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                pressed.append(True)

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(5)
    try:
        assert not export_board_pack(window, Document(large_office), str(out), TODAY)
    finally:
        timer.stop()
    assert pressed
    assert not window.findChildren(QMessageBox)  # the user's own Cancel is no failure box
    assert "Cancelled: the board pack was not written" in window.statusBar().currentMessage()
    assert out.read_bytes() == b"last month's pack"
    with large_office.session() as s:
        assert s.execute(text("SELECT count(*) FROM board_snapshot")).scalar() == 0


def test_decisions_pending_by_the_thousand_list_the_soonest_due_and_count_the_rest(tmp_path: Path) -> None:
    from datetime import timedelta

    from pmo_desktop.models.raid import Decision

    store = Store.create(tmp_path / "office.pmo", program_name="Large program")
    with store.transaction() as s:
        s.execute(insert(Decision.__table__), [
            {"code": f"D-{i:04d}", "title": f"Decision {i}", "level": "Program", "status": "Pending",
             "due": TODAY + timedelta(days=i), "version": 1} for i in range(1, MANY + 1)])
    pdf = tmp_path / "pack.pdf"
    publish_board_pack(store, pdf, TODAY, keep_snapshot=False)
    store.close()
    pages = _pages(pdf)
    said = " ".join("\n".join(pages).split())
    assert sorted(set(re.findall(r"D-\d{4}", said))) == [f"D-{i:04d}" for i in range(1, LISTED_ON_PAPER + 1)]
    assert f"… and {MANY - LISTED_ON_PAPER} more decisions pending ({MANY} in all)" in said
    assert "on the RAID page" in said
    listing = [p for p in pages if re.search(r"Decision \d+\s+D-\d{4}", p)]  # not the registers at a glance
    assert len(listing) >= 3 and all("Decision pending" in p for p in listing)  # its header on every page


def test_a_register_with_nothing_to_list_says_so_instead_of_a_header_over_nothing(large_office: Store,
                                                                                   tmp_path: Path) -> None:
    """The office has stakeholders but no benefit: the Benefits section printed its table's header row over
    nothing, which reads as a page gone wrong. It says there are none."""
    pdf = tmp_path / "pack.pdf"
    publish_board_pack(large_office, pdf, TODAY, keep_snapshot=False)
    said = " ".join("\n".join(_pages(pdf)).split())
    assert "Benefits No benefits." in said
    assert "Latest actual" not in said  # the empty table's header
