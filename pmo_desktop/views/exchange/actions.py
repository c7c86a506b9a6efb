"""File ▸ Import from Excel / Export to Excel / Export Board Pack, for the main window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...models.errors import StoreError
from ..background import run_with_progress
from ..document import Document
from ..messages import warn

XLSX_FILTER = "Excel workbooks (*.xlsx *.xlsm);;All files (*)"


def ask_workbook_to_open(parent: QWidget, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import from Excel", folder, XLSX_FILTER)
    return path or None


def ask_workbook_to_save(parent: QWidget, title: str, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Excel workbook (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path or None


def open_import_dialog(parent: QWidget, document: Document, path: str):
    """Show the preview and mapping dialog for a workbook; returns the dialog (open, non-blocking)."""
    from .import_dialog import ImportDialog

    dialog = ImportDialog(document, path, parent)
    dialog.open()
    return dialog


def export_registers(parent: QWidget, document: Document, path: str, registers=None) -> bool:
    from ...excel.export import export_workbook

    try:
        run_with_progress(parent, f"Exporting to {Path(path).name}…",
                          lambda progress, cancelled: export_workbook(document.store, path, registers, progress=progress))
    except (StoreError, OSError) as e:
        warn(parent, "The workbook was not written", str(e))
        return False
    return True


def export_board_pack(parent: QWidget, document: Document, path: str, today: date | None = None) -> bool:
    from ...excel.boardpack import write_board_pack

    try:
        run_with_progress(parent, f"Writing the board pack {Path(path).name}…",
                          lambda progress, cancelled: write_board_pack(document.store, path, today, progress=progress))
    except (StoreError, OSError) as e:
        warn(parent, "The board pack was not written", str(e))
        return False
    return True
