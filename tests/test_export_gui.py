"""Export and board pack from the GUI: written with progress, readable by openpyxl; failures are messages."""

import openpyxl
from PySide6.QtWidgets import QMessageBox, QWidget

from pmo_desktop.views.document import Document
from pmo_desktop.views.exchange.actions import export_board_pack, export_registers


def test_export_and_board_pack_from_the_window(qtbot, demo_store, tmp_path):
    document = Document(demo_store)
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "registers.xlsx"
    assert export_registers(parent, document, str(out))
    book = openpyxl.load_workbook(out)
    assert {"Risk register", "Stakeholder map", "Benefits plan"} <= set(book.sheetnames)
    pack = tmp_path / "pack.xlsx"
    assert export_board_pack(parent, document, str(pack))
    assert len(openpyxl.load_workbook(pack).sheetnames) >= 5
    pdf = tmp_path / "pack.pdf"  # the board pack ready to print, chosen by its extension
    assert export_board_pack(parent, document, str(pdf))
    from pypdf import PdfReader

    assert 1 <= len(PdfReader(pdf).pages) <= 12


def test_failed_export_is_a_message_and_leaves_the_old_file(qtbot, demo_store, tmp_path):
    document = Document(demo_store)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not export_registers(parent, document, str(tmp_path / "no such folder" / "x.xlsx"))
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and boxes[0].windowTitle() == "The workbook was not written"


def test_progress_reaches_the_dialog_in_the_gui_thread(qtbot):
    """Progress from the worker must be applied by the GUI thread (widgets are not thread-safe)."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from pmo_desktop.views.background import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    original = QProgressDialog.setValue

    def record_thread(dialog, value):
        seen.append(threading.current_thread() is threading.main_thread())
        original(dialog, value)

    QProgressDialog.setValue = record_thread
    try:
        def job(progress, cancelled):
            for i in range(50):
                progress(i, 50)
            return "done"

        assert run_with_progress(parent, "Working…", job) == "done"
    finally:
        QProgressDialog.setValue = original
    assert seen and all(seen)
