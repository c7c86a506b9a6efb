"""Review of the merges of round 49 (walk37, gui49, unassessed49, round50): each test a bug found, failing before
its fix. Real PostgreSQL server on loopback, real windows, real key presses."""

from __future__ import annotations

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_walkthrough37 import field_of, laptop, risk_ids

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.conflict_dialog import ConflictDialog

RISKS = REGISTERS["risks"]
CTRL = Qt.KeyboardModifier.ControlModifier


def answer_boxes(qtbot) -> list[str]:
    """The message boxes showing, each answered with Enter; their texts."""
    boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
    texts = [b.text() for b in boxes]
    for box in boxes:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    return texts


def type_title(qtbot, view, rid: int, text: str) -> None:
    view.select_record(rid, view.model.column_of("title"))
    view.table.setFocus()
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(100)


@pytest.mark.postgres
@pytest.mark.qt_no_exception_capture  # the window's own failure hook, as the application installs it (run_gui)
@pytest.mark.parametrize("second_typed", ["while away", "when back"])
def test_a_cell_typed_twice_around_the_server_away_holds_the_last_without_asking_about_his_own_change(
        qtbot, tmp_path, request, pg_server, monkeypatch, second_typed):
    """Raj types a risk's title while the server is away (kept; the table shows the title as saved), then types
    it again — while it is still away, or when it is back, before the window's check (every 5 s) has found it.
    Kept twice: the first was saved when the server was back, and the second asked about as "someone else's
    change" — his own first one. Typed when back: it went straight to the server, and the check then asked about
    the kept, older one over it (kept "mine", his last word was replaced by the one before). Each change is saved
    after those made before it, expecting what they wrote: the title is his last, and nothing is asked."""
    import sys

    from conftest import _pg_clone

    from pmo_desktop.views import failure_message

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    raj = laptop(qtbot, tmp_path, "raj", _pg_clone(request, "demo"))
    failure_message.install(lambda: QApplication.activeModalWidget() or raj, raj.said_in_the_window)
    raj.sync_timer.stop()  # the window's check is run below, when the test says
    view = raj.active_register_view()
    rid = risk_ids(raj.document.store)[1]
    pg_server.stop("fast")
    try:
        type_title(qtbot, view, rid, "Typed while away")
        answer_boxes(qtbot)
        if second_typed == "while away":
            type_title(qtbot, view, rid, "Typed again")
            answer_boxes(qtbot)
            assert len(raj.document.pending) == 1  # the newer text replaces the kept one (round pending49)
        assert raj.document.pending
    finally:
        pg_server.start()
    if second_typed == "when back":
        type_title(qtbot, view, rid, "Typed again")
        answer_boxes(qtbot)
    raj.poll_outside_changes()
    qtbot.waitUntil(lambda: raj.document.server_away is None, timeout=10_000)
    qtbot.wait(300)
    assert answer_boxes(qtbot) == []
    asked = [d for d in raj.findChildren(ConflictDialog) if d.isVisible()]
    assert asked == [], "his own change was asked about as someone else's"
    assert not raj.document.pending
    assert field_of(raj.document.store, rid, "title") == "Typed again"


def test_a_right_to_left_name_with_a_latin_part_in_brackets_prints_its_brackets_round_it(sqlite_store, tmp_path):
    """A stakeholder named "محمد Smith (PMO)": the board pack printed "(Smith (PMO محمد" — python-bidi's pure-Python
    algorithm does not pair brackets (Unicode's rule N0), so the closing one went to the far end, mirrored. The
    levels are now the Rust algorithm's, as the screen's (Qt's) are, each bracket mirrored where it reads right
    to left."""
    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.excel.rtl_text import visual

    with sqlite_store.transaction() as s:
        ctx = records.load_context(s)
        records.create_record(s, REGISTERS["stakeholders"], {"name": "محمد Smith (PMO)", "power": 5, "interest": 4},
                              ctx)
    pdf = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf")
    words = {w for page in PdfReader(str(pdf)).pages for w in page.extract_text().split()}
    assert "(PMO)" in words and "(Smith" not in words, sorted(w for w in words if "(" in w or ")" in w)
    assert visual("Owner: דנה (PMO)") == "Owner: הנד (PMO)"  # the bracket's pair: Latin before and inside it
    assert visual("מחיר (ש״ח)") == "(ח״ש) ריחמ"  # still mirrored where it reads right to left
    assert visual("ספק (Acme Ltd) 2026") == "2026 (Acme Ltd) קפס"
    assert visual("שלום\n\nR-001 עולם") == "םולש\n\nR-001 םלוע"


def test_a_risk_added_back_under_the_next_id_is_named_by_that_id_in_edit_undo(qtbot, demo_window):
    """A risk added back with Raj's change after Ann gave its ID (R-004) to a risk of her own goes under the next ID.
    Its undo step still read "Add back R-004 … with your change" — Edit ▸ Undo offered to take out R-004, Ann's
    risk. It names the ID it was added under, and Ctrl+Z takes out that one alone."""
    from test_deleted47 import code_and_title, press_enter_and_get_offer, risks_page, start_typing


    window = demo_window
    url = str(window.document.store.path)
    view = risks_page(qtbot, window)
    rid = view.model.record_id(3)
    code, _title = code_and_title(window.document.store, rid)
    start_typing(qtbot, view, rid, "Crane slips again")
    ann = Store.open(url)
    try:
        with ann.session() as s, s.begin():
            records.delete_records(s, RISKS, [rid])
            records.create_record(s, RISKS, {"code": code, "title": "Ann's new risk"}, records.load_context(s))
    finally:
        ann.close()
    box = press_enter_and_get_offer(qtbot, window, view, rid)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: Add It Back with My Change

    def titles() -> dict[str, str]:
        code_at, title_at = (2 + RISKS.field_names.index(n) for n in ("code", "title"))
        with window.document.store.session() as s:
            return {row[code_at]: row[title_at] for row in records.fetch_rows(s, RISKS)}

    qtbot.waitUntil(lambda: "Crane slips again" in titles().values())
    now = next(c for c, t in titles().items() if t == "Crane slips again")
    undo_text = window.document.undo_stack.undoText()
    assert now in undo_text and code not in undo_text, undo_text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "Crane slips again" not in titles().values())
    assert titles()[code] == "Ann's new risk" and now not in titles()


def test_the_page_header_reads_from_the_left_when_the_programs_name_is_hebrew(sqlite_store, tmp_path):
    """Each page's header, "<program> — board pack as at <day>", was put in display order as a paragraph of its
    first letter's direction: a Hebrew program's name made it a right-to-left line, printed "board pack as at 6 Dec
    2026 — <name>" from the margin. It is an English line around the name: the name first, read from the left."""
    import re

    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.models.program import Program

    with sqlite_store.transaction() as s:
        program = s.query(Program).first()
        if program is None:
            s.add(Program(name="תוכנית הדיגיטל"))
        else:
            program.name = "תוכנית הדיגיטל"
    pdf = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf")
    drawn = PdfReader(str(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    header = [(float(x), text) for x, y, text in re.findall(r"BT 1 0 0 1 ([\d.]+) ([\d.]+) Tm (.{0,40})", drawn)
              if float(y) > 500 and "OFFICIAL" not in text]
    first_x = min(x for x, _text in header)
    english = next(x for x, text in header if "board pack as at" in text)
    assert english > first_x, header  # the name (in a Hebrew font) is drawn first, at the margin
