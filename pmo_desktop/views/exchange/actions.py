"""File ▸ Import from Excel / Export to Excel / Export Board Pack, for the main window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QTabWidget, QWidget

from ...excel.export_errors import ExportError
from ...excel.import_plan import Action
from ...models.errors import OperationCancelled, StoreError
from ..background import run_with_progress
from ..document import Document
from ..keyboard_back import give_keyboard_back, keyboard_kept
from ..messages import warn

# Text files too: Excel's "Unicode Text" is a .txt, some exports a .tsv (read as CSV: excel/plain_text.py).
XLSX_FILTER = ("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;Excel workbooks (*.xlsx *.xlsm *.xls);;"
               "OpenDocument spreadsheets (*.ods);;CSV and text files (*.csv *.tsv *.txt);;All files (*)")


def ask_workbook_to_open(parent: QWidget, folder: str = "") -> str | None:
    from ..file_dialogs import open_file_name

    with keyboard_kept(parent):
        return open_file_name(parent, "Import from Excel", folder, XLSX_FILTER)


EXCEL = "Excel workbook (*.xlsx)"
PDF = "PDF document, ready to print (*.pdf)"


def ask_workbook_to_save(parent: QWidget, title: str, suggested: str, pdf: bool = False) -> str | None:
    """A save dialog for a workbook (and, for the board pack, a PDF); the file's kind follows its filter."""
    filters = f"{PDF};;{EXCEL}" if pdf else EXCEL
    with keyboard_kept(parent):
        path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    suffix = ".pdf" if chosen == PDF else ".xlsx"
    if path and not path.lower().endswith((".xlsx", ".pdf")):
        path += suffix
    return path or None


def open_import_dialog(parent: QWidget, document: Document, path: str):
    """Show the preview and mapping dialog for a workbook; returns the dialog (open, non-blocking)."""
    from .import_dialog import ImportDialog

    before = QApplication.focusWidget()
    if hasattr(parent, "hide_left_out"):  # the rows the import before left out: said again by this one if it leaves any
        parent.hide_left_out()
    dialog = ImportDialog(document, path, parent)
    dialog.accepted.connect(lambda: _say_imported(parent, dialog))
    dialog.finished.connect(lambda _result: _keyboard_back(parent, before, dialog))
    dialog.open()
    return dialog


def _keyboard_back(parent: QWidget, before: QWidget | None, dialog=None) -> None:
    """Once the dialog closes, the keyboard in the table the rows came into, else where it was."""
    view = getattr(dialog, "imported_into", None)
    if view is None:
        view = parent.active_register_view() if hasattr(parent, "active_register_view") else None
    give_keyboard_back(parent, view.table if view is not None and view.isVisible() else before)


def _show_register_page(parent: QWidget, registers: list[str]):
    """The first of ``registers`` a page shows: that page shown, at the tab holding the register's table where it is
    on one of the page's tabs (the issue log on the Risks page, the decisions on RAID), its table returned. Only a
    page's main table was looked for: an issue log imported from the risk register left the window on the risks,
    the issues on a tab out of sight (walk40)."""
    from ..pages import PAGE_OF_REGISTER, PAGES
    from ..register_table import RegisterView

    if not hasattr(parent, "show_page"):
        return None
    titles = [title for title, _spec in PAGES]
    for name in registers:
        title = PAGE_OF_REGISTER.get(name)
        if title not in titles:
            continue
        row = titles.index(title)
        parent.show_page(row)
        page = getattr(parent, "pages", {}).get(row)
        view = getattr(page, "register_view", None)
        if view is not None and view.register.name == name:
            return view
        shown = next((v for v in page.findChildren(RegisterView) if v.register.name == name), None) \
            if page is not None else None
        if page is None or shown is None:
            continue
        for tabs in page.findChildren(QTabWidget):
            at = next((i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(shown)), -1)
            if at >= 0:
                tabs.setCurrentIndex(at)
        return shown
    return None


def _say_imported(parent: QWidget, dialog) -> None:
    """What the import did, in the window's status bar; a partial import names the rows-left-out workbook."""
    result = getattr(dialog.command, "result", None)
    if result is None or not hasattr(parent, "statusBar"):
        return
    # A partial import's rows left out and where they went are the result's summary's (the dialog fills them in):
    # said apart here too, the one bad row read as "1 row skipped" and again as "1 row … left out".
    text = result.summary()
    if dialog.plan is not None and dialog.plan.not_read:  # columns past the reading limit: said again here,
        # without the why the preview gave (the status bar's width shows the sheet and the columns whole)
        text += "".join(f" {s.split(' — ')[0]}." for s in dialog.plan.not_read)
    if dialog.other_sheets:  # one sheet chosen: the rest of the workbook is still to import
        text += (" Not imported this time: " + ", ".join(f"“{n}”" for n in dialog.other_sheets)
                 + " — import the workbook again for them.")
    # The table on screen shows what came in: a search or a value filter set before (which lists the
    # values shown then) would hide the new rows — "4 of 75 rows" and no sign of the import.
    view = parent.active_register_view() if hasattr(parent, "active_register_view") else None
    imported = {s.register for s in dialog.plan.sheets} if dialog.plan is not None else set()
    if (result.inserted or result.updated) and (view is None or view.register.name not in imported):
        # Imported from another page (risks while the Benefits page showed): the rows were in, the window
        # said so, and nothing on screen showed them. The page of the register they came into is shown.
        # The registers the import changed first: the office's own export, a colleague's three risk edits in it,
        # went to the Projects page — its first sheet, all of whose rows the office already had (walk52).
        sheets = dialog.plan.sheets
        changed = [s.register for s in sheets if s.count(Action.INSERT) + s.count(Action.UPDATE) > s.unchanged()]
        view = _show_register_page(parent, [*changed, *(s.register for s in sheets)]) or view
        dialog.imported_into = view
    if (view is not None and view.register.name in imported and (result.inserted or result.updated)
            and view.proxy.is_filtered):
        view.clear_filters()
        text += " The table's search and filters were cleared, so the imported rows show."
    parent.statusBar().showMessage(text, 30_000)
    if view is not None and view.register.name in imported and dialog.command is not None:
        _first_imported_current(view, dialog.command)
    if result.left_out and hasattr(parent, "show_left_out"):  # said until put away, not for 30 s alone
        parent.show_left_out(result.left_out, result.source, result.left_out_path, result.left_out_why)


def _first_imported_current(view, command) -> None:
    """The table the rows came into goes to the first record the import added (else the first it updated), in view,
    its column kept: the cell stayed where it was before the import — R-001 at the top of the risks, the 12 risks
    imported below the rows in view, where a new user looked for them and saw the register unchanged (walk57)."""
    entity = view.register.entity
    ids = command.inserted.get(entity) or command.updated.get(entity)
    if not ids:
        return
    current = view.table.currentIndex()
    column = current.column() if current.isValid() else view._first_editable_column()
    view.select_record(min(ids), column)


def _write(parent: QWidget, label: str, failure_title: str, job) -> bool:  # job(progress, cancelled)
    """Run a workbook writer with progress; a failure is a message and leaves any old file as it was."""
    try:
        with keyboard_kept(parent):
            run_with_progress(parent, label, job)
    except OperationCancelled as e:  # the user's own Cancel: said in the status bar, not as a failure
        if hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(str(e), 30_000)
        return False
    except (StoreError, ExportError, OSError) as e:
        # A failure that is not the file's (a board pack written, its snapshot not kept) has its own title.
        warn(parent, getattr(e, "title", failure_title), str(e))
        return False
    return True


def export_registers(parent: QWidget, document: Document, path: str, registers=None) -> bool:
    from ...excel.export import export_workbook

    return _write(parent, f"Exporting to {Path(path).name}…", "The workbook was not written",
                  lambda progress, cancelled: export_workbook(document.store, path, registers, progress=progress))


def region_paper() -> str:
    """The paper of the computer's region (Qt knows it where no LANG says it: Windows, macOS)."""
    from PySide6.QtCore import QLocale

    from ...models.paper import territory_paper

    return territory_paper(QLocale.system().name().split("_")[-1])


def board_pack_paper(document: Document) -> str:
    """The paper the board pack is laid out for: the office's (File ▸ Board Pack Paper), else the region's."""
    from ...models.settings import BOARD_PACK_PAPER

    return document.read_setting(BOARD_PACK_PAPER) or region_paper()


def export_board_pack(parent: QWidget, document: Document, path: str, today: date | None = None) -> bool:
    """Publish the board pack: a PDF (ready to print) or a workbook, by the file's extension, and a board
    snapshot of what it shows kept in the office (for "what changed since the last board")."""
    from ...excel.boardpack_publish import publish_board_pack

    paper = board_pack_paper(document)
    return _write(parent, f"Writing the board pack {Path(path).name}…", "The board pack was not written",
                  lambda progress, cancelled: publish_board_pack(document.store, path, today, progress=progress,
                                                                 cancelled=cancelled, paper_size=paper))
