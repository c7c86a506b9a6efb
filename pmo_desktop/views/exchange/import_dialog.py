"""Import from Excel: choose sheet and register, fix the column mapping, translate the values the import
could not place, preview row by row, then import everything in one transaction (one undo step) — or
only the valid rows, the others written beside the workbook with the reason."""

from __future__ import annotations

import html
from collections import Counter
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...excel.errors import ImportCancelled, WorkbookError
from ...excel.header_detection import CHILD_KINDS, importable_registers
from ...excel.import_plan import Action, ImportPlan
from ...excel.importer import (
    importable_fields,
    plan_import,
    plan_workbook_import,
    tick_label,
    valid_rows_only,
    write_left_out,
)
from ...excel.row_planner import CREATED_ON_CONFIRMATION
from ...excel.value_translation import OPEN_LISTS
from ...excel.workbook_reader import SafeWorkbook, column_letters, file_stamp
from ...models import records
from ...models.errors import StoreError, ValidationError
from ...models.fields import Kind, count_of
from ...models.registers import REGISTERS
from ..accessibility import name_table
from ..background import run_with_progress
from ..document import Document
from ..register_table.date_entry import parse_typed_date
from ..screen_fit import resize_to_screen_share
from ..theme import colours
from .import_command import ImportCommand
from .report_model import HEADERS, ReportModel
from .translation_combo import TranslationCombo

ALL_SHEETS = "All recognised sheets"
PREVIEW_WIDTHS = (110, 50, 90, 80)  # sheet, row, action, ID where there is room
NARROW_PREVIEW = sum(PREVIEW_WIDTHS) + 160 + 150  # narrower: those four as their contents, the sheet's maybe gone
REASON = HEADERS.index("Reason")  # the report's column of why a row is skipped or refused
IGNORE = "(do not import)"
KEEP = "(keep in the notes)"  # no field, but the cells are kept on each record under their header
# A value not translated: the row is refused, or imported with the cell empty and the value kept in its notes,
# as the row's reason in the preview says ("leave as an error" was said of rows the preview showed imported).
LEAVE = "(not translated)"
EMPTY = "(leave the cell empty)"


class _ColumnName(QLabel):
    """A workbook column's name in the mapping: whole when its column has room, else shortened in the middle
    ("Stakeholder map: … Influence"), the whole name in its tooltip, so the choice beside it keeps its words
    ("Process" was cut to "Proc" on a small screen, the names taking all the pane). ``text()`` stays whole."""

    def __init__(self, text: str, why: str = ""):
        super().__init__(text)
        self.setToolTip(f"{text}\n{why}" if why else text)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("MMMMMMMM"))
        return hint

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtGui import QPainter

        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, room.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(room, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)


MAPPING_PANE = 350  # the mapping's pane at its narrowest, beside the preview
NAMES_WHOLE = 22  # letters of a workbook column's name shown whole in the mapping where the preview has room to give
WHOLE_NAME_HEADER = "Workbook column"  # the mapping's names, as headed when there is room
SHORT_NAME_HEADER = "Column"  # … and when the choices beside them leave the names a few letters


class ImportDialog(QDialog):
    def __init__(self, document: Document, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.path = Path(path)
        self.plan: ImportPlan | None = None
        self.command: ImportCommand | None = None
        self.translations: dict[str, dict[str, dict[str, str]]] = {}  # register → field → value → target
        self._offered: dict[tuple[str, str], dict[str, int]] = {}  # (register, field) → value → rows, as first seen
        self.left_out_path: Path | None = None
        self.recognised_sheets: list[str] = []  # the sheets an import of the whole workbook takes
        self.other_sheets: list[str] = []  # those of them one sheet chosen leaves out of this import
        self.setWindowTitle(f"Import {self.path.name}")
        resize_to_screen_share(self, 1100, 700)

        self.sheet_combo = QComboBox(self)
        self.register_combo = QComboBox(self)
        self.register_combo.addItem("Detect from the headers", None)
        for name in (*importable_registers(), *(k.register for k in CHILD_KINDS)):
            self.register_combo.addItem(REGISTERS[name].title, name)
        # The header row, found by its words unless the user says which row it is (a sheet whose headers
        # name no column we know: the user picks the row, then what each column holds)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(0, 30)
        self.header_spin.setSpecialValueText("found by its words")
        self.header_spin.setPrefix("row ")
        self.header_spin.setAccessibleName("Header row")
        self.header_spin.valueChanged.connect(lambda *_: self.preview(mapping=None))
        self.recheck_button = QPushButton("&Check again", self)  # Alt+C
        self.recheck_button.setAutoDefault(False)  # Enter imports (below), not this button's click
        self.recheck_button.clicked.connect(self.recheck)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        self.register_combo.currentIndexChanged.connect(lambda *_: self.preview(mapping=None))

        self.mapping_table = QTableWidget(0, 2, self)
        self.mapping_table.setHorizontalHeaderLabels([WHOLE_NAME_HEADER, "Imports as"])  # short: whole when squeezed
        # Each column as wide as its longest name and choice, and the pane as wide as the table as long as the
        # preview keeps its room (past that the table scrolls sideways): at an even split of a third of the
        # dialog the names were cut ("Stakeholder Register: Stake", "Response plan (as resp").
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.viewport().installEventFilter(self)
        # Why the mapping can or cannot be changed: greyed with no word, it read as broken.
        self.mapping_note = QLabel(self)
        self.mapping_note.setWordWrap(True)
        self.mapping_note.setObjectName("mapping-note")
        self.report_model = ReportModel(self, document.context)
        self.report_view = QTableView(self)
        self.report_view.setModel(self.report_model)
        self._texts_shown: Counter[tuple[str, str]] | None = None  # ``_preview_texts``, until the rows change
        self.report_model.modelReset.connect(lambda: setattr(self, "_texts_shown", None))
        self.report_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(PREVIEW_WIDTHS):  # "Imported as" and the reason share the rest
            self.report_view.setColumnWidth(column, width)
        self.report_view.viewport().installEventFilter(self)
        # Each row's height follows the widths of what it becomes and of its reason, whenever they change (the last
        # stretched to the preview's width after the rows were fitted, a scroll bar come): once after the changes.
        self._row_fit = QTimer(self)
        self._row_fit.setSingleShot(True)
        self._row_fit.setInterval(0)
        self._row_fit.timeout.connect(self._fit_preview_rows)
        self.report_view.horizontalHeader().sectionResized.connect(
            lambda column, *_: self._row_fit.start() if column >= REASON - 1 else None)
        self.values_table = QTableWidget(0, 2, self)
        # Short headers: "Value the import could not place" was cut at both ends in half the mapping's pane
        self.values_table.setHorizontalHeaderLabels(["Value to translate", "Translate to"])
        # The value's label as wide as it reads on a line, up to 300 px and less than half the table, the
        # dropdown the rest (``_fit_value_columns``): a long value wraps in its label, the row growing to
        # hold it, instead of being cut at the column's edge.
        self.values_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.values_table.horizontalHeader().setStretchLastSection(True)
        self.values_table.viewport().installEventFilter(self)
        # "Create missing" in its words and Alt+M: a refused row says to tick "create missing", which the box did
        # not say, and the keyboard reached it only by Tab past every dropdown of the mapping and the values.
        self.create_missing_box = QCheckBox("Create &missing projects, objectives and outcomes: those the workbook "
                                            "names that the office does not have", self)
        self.create_missing_box.toggled.connect(lambda *_: self.recheck())
        # Re-importing the office's own export: fields changed both here and in the workbook since then.
        self.take_theirs_box = QCheckBox("Where a value changed both in the office and in the workbook since the "
                                         "export, take the workbook's", self)
        self.take_theirs_box.setVisible(False)
        self.take_theirs_box.toggled.connect(lambda *_: self.recheck())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)

        self.sheet_combo.setAccessibleName("Sheet")
        self.register_combo.setAccessibleName("Register")
        for table, name in ((self.mapping_table, "Column mapping"), (self.values_table, "Values to translate"),
                            (self.report_view, "Rows to import")):
            name_table(table, name)
            table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move within the table
        for table in (self.mapping_table, self.values_table):
            # Their dropdowns are the Tab stops (``_order_tab_stops``): the table itself was one more before them,
            # showing nothing focused, and a click on a name still selects its row.
            table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)  # Enter from anywhere in the dialog imports, when it can
        self.partial_button = self.buttons.addButton("Import the valid rows", QDialogButtonBox.ButtonRole.ActionRole)
        self.partial_button.clicked.connect(lambda: self.do_import(partial=True))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.sheet_combo, 1)
        # Alt+S, Alt+R, Alt+H reach them from anywhere, as Alt+C, Alt+M, Alt+V and Alt+I do the rest: with no
        # mnemonic, a keyboard user deep in the mapping took a dozen Shift+Tabs back to choose another sheet (walk52)
        form.addRow(self._label("&Sheet:", self.sheet_combo), row)
        reg_row = QHBoxLayout()
        reg_row.addWidget(self.register_combo, 1)
        reg_row.addWidget(self._label("&Header:", self.header_spin))
        reg_row.addWidget(self.header_spin)
        reg_row.addWidget(self.recheck_button)
        form.addRow(self._label("&Register:", self.register_combo), reg_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        mapping_box = QWidget(self)
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(self.mapping_note)
        mapping_layout.addWidget(self.mapping_table, 1)
        left.addWidget(mapping_box)
        left.addWidget(self.values_table)
        splitter.addWidget(left)
        splitter.addWidget(self.report_view)
        splitter.setSizes([MAPPING_PANE, 750])
        splitter.setCollapsible(0, False)  # dragged to the left, the mapping stays, at its least width
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.create_missing_box)
        layout.addWidget(self.take_theirs_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._load_sheets()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_mapping_pane()

    # ------------------------------------------------------------------ planning
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.report_view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_preview_columns()
        if watched is self.values_table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_value_columns()
        if watched is self.mapping_table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_mapping_columns()  # the splitter dragged, the dialog resized
        return super().eventFilter(watched, event)

    def _fit_preview_columns(self) -> None:
        """What a row becomes and why a row is left share the width, so a refused row's reason is read without
        scrolling sideways. Where the preview is narrow (1280×720 at 150 %: 425 px) the sheet, row, action and
        ID columns take only what their header and values need, the sheet's column goes when every row is of
        one sheet, and a row with a reason grows down to show it whole — the reason stood 165 px past the right
        edge, behind a sideways scroll."""
        view = self.report_view
        room = view.viewport().width()
        reason = not view.isColumnHidden(REASON)
        view.setColumnHidden(0, len({r.sheet for r in self.report_model.reports}) <= 1 and room < NARROW_PREVIEW)
        for column, width in enumerate(PREVIEW_WIDTHS):
            need = self._preview_need(column)
            if room < NARROW_PREVIEW:
                width = min(width, need)
            elif reason:
                # As wide as their header and values need, wherever there are reasons to read beside what each row
                # becomes: an ID column of 80 px for "P-01" wrapped each reason to three lines, and a sheet's name
                # cut at 110 px ("Communication / plan") made its rows two lines high (walk45). Up to twice the
                # width: a sheet named at length is not given the reasons' room.
                width = min(2 * width, need)
            view.setColumnWidth(column, width)
        fixed = sum(view.columnWidth(c) for c in range(4) if not view.isColumnHidden(c))
        rest = room - fixed
        if not reason:
            view.setColumnWidth(4, max(160, rest))
        else:
            view.setColumnWidth(4, self._imported_as_width(rest))
            view.setColumnWidth(REASON, max(80, rest - view.columnWidth(4)))
        self._fit_preview_rows()

    def _preview_need(self, column: int) -> int:
        """The width a preview column's header and its values shown need."""
        view = self.report_view
        return max(view.horizontalHeader().sectionSizeFromContents(column).width(), view.sizeHintForColumn(column))

    def _imported_as_width(self, rest: int) -> int:
        """"Imported as" beside the reasons: both whole where they fit, the reasons stretching to the edge; where
        not, the split that shows the rows in the fewest lines, neither column below its header or a third of the
        room. Shared by their longest texts, 137 rows skipped "same as the office's …" each wrapped to three lines
        beside the width one inserted row's long line took (walk52); at three fifths of the room whatever the rows,
        a workbook imported again (every row skipped, "Imported as" empty) showed a wide empty column beside
        reasons wrapped to three lines each (walk45)."""
        imported, reasons = self._preview_need(4), self._preview_need(REASON)
        if imported + reasons <= rest:
            return imported
        low, high = min(imported, rest // 3, 160), rest - min(reasons, rest // 3)
        if high <= low:
            return max(low, 0)
        rows = self._preview_texts()
        imported_texts, reason_texts = {a for a, _ in rows if a}, {r for _, r in rows if r}
        metrics = self.report_view.fontMetrics()
        margin = 2 * self.report_view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8

        def wrapped(texts: set[str], width: int) -> dict[str, int]:  # each text's lines, wrapped at words as shown
            box = QRect(0, 0, max(width - margin, 1), 1 << 20)
            flags = int(Qt.TextFlag.TextWordWrap)
            return {t: -(-metrics.boundingRect(box, flags, t).height() // metrics.lineSpacing()) for t in texts}

        def lines(width: int) -> int:
            shown, why = wrapped(imported_texts, width), wrapped(reason_texts, rest - width)
            return sum(n * max(shown.get(a, 1), why.get(r, 1), 1) for (a, r), n in rows.items())
        step = max((high - low) // 16, 1)
        return min(range(low, high + 1, step), key=lambda width: (lines(width), width))

    def _preview_texts(self) -> Counter[tuple[str, str]]:
        """The first rows' "Imported as" and reason, counted: the fit is for what is read on screen, not every row of
        a huge sheet, and each distinct text is wrapped once per width tried. Read once a preview (every resize of
        the dialog or drag of its splitter fits the columns again), anew when the preview's rows are."""
        if self._texts_shown is None:
            model = self.report_model
            self._texts_shown = Counter((model.data(model.index(row, 4)) or "", model.data(model.index(row, REASON)) or "")
                                        for row in range(min(model.rowCount(), 300)))
        return self._texts_shown

    def _fit_preview_rows(self) -> None:
        """A row with a reason as tall as its reason and what it becomes need at their widths now; every other row
        one line. Fitted only as the columns were first set, a reason was cut ("… (tick “create missing”, or
        --create-missin…") once the reason's column stretched narrower, and after Check again or a translation a
        row that had had a long reason kept its height, five lines of empty green, the rows below pushed down."""
        view = self.report_view
        line = view.verticalHeader().defaultSectionSize()
        reasons = not view.isColumnHidden(REASON)
        for row, report in enumerate(self.report_model.reports):
            if reasons and report.reason:
                view.resizeRowToContents(row)
            elif view.rowHeight(row) != line:
                view.setRowHeight(row, line)

    def _load_sheets(self) -> None:
        try:
            with SafeWorkbook(self.path) as book:
                names = book.sheet_names
        except WorkbookError as e:
            self._show_problem(str(e))
            self.sheet_combo.setEnabled(False)
            return
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.addItem(ALL_SHEETS, None)
        for name in names:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.blockSignals(False)
        self.preview()

    def _on_sheet_changed(self, *_):
        whole = self.sheet_combo.currentData() is None
        self.register_combo.setEnabled(not whole)
        self.header_spin.setEnabled(not whole)
        self.preview(mapping=None)

    def _show_problem(self, message: str) -> None:
        self.plan = None
        self.mapping_note.setText("")
        self.summary.setText(f"<span style='color:{colours().error}'>{message}</span>")
        self.import_button.setEnabled(False)
        self.partial_button.setEnabled(False)
        self.report_model.set_plan(None)
        self.mapping_table.setRowCount(0)
        self.values_table.setRowCount(0)
        self._order_tab_stops()

    def preview(self, mapping: dict[int, str] | None = None) -> None:
        """Plan the import (nothing is written) and show the mapping and the per-row report."""
        # A column's choice changed since the preview was read: it no longer shows what Import would write
        self.mapping_changed = False
        sheet = self.sheet_combo.currentData()
        register = self.register_combo.currentData()
        store = self.document.store
        translations = self.translations or None
        create_missing = self.create_missing_box.isChecked()
        if sheet is None:
            take = self.take_theirs_box.isChecked()
            job = lambda progress, cancelled: plan_workbook_import(  # noqa: E731
                store, self.path, progress, cancelled, take_theirs=take, translations=translations,
                create_missing=create_missing)
        else:
            header_row = self.header_spin.value() or None
            job = lambda progress, cancelled: plan_import(  # noqa: E731
                store, self.path, register, sheet, mapping, progress, cancelled, header_row=header_row,
                translations=translations, create_missing=create_missing)
        unmapped = ""
        try:
            plan = run_with_progress(self, f"Reading {self.path.name}…", job)
        except WorkbookError as e:
            if sheet is None or register is None or mapping is not None:
                self._show_problem(str(e))
                return
            # no header names this register's columns: show the sheet's columns, for the user to map
            unmapped = str(e)
            try:
                plan = run_with_progress(self, f"Reading {self.path.name}…", lambda progress, cancelled: plan_import(
                    store, self.path, register, sheet, {}, progress, cancelled, header_row=header_row,
                    translations=translations, create_missing=create_missing))
            except (ImportCancelled, StoreError):
                self._show_problem(unmapped)
                return
        except (ImportCancelled, StoreError) as e:
            self._show_problem(str(e))
            return
        self.plan = plan
        if sheet is None:  # the workbook's sheets the import recognises, as the dialog first reads it
            read = {s.sheet for s in plan.sheets}
            self.recognised_sheets = [n for n in (self.sheet_combo.itemData(i) for i in
                                                  range(self.sheet_combo.count())) if n is not None and n in read]
        # One sheet chosen (to change what its columns import as) imports that sheet alone: said, with the way to
        # the others, where "4 to insert" and Import left a RAID log's risks, assumptions and dependencies out
        # unseen, the status bar then saying only "Imported 4 new"
        self.other_sheets = [n for n in self.recognised_sheets if n != sheet] if sheet is not None else []
        self.report_model.set_plan(plan)
        # The reason column only when a row has one: empty, it took the room "Imported as" needs.
        self.report_view.setColumnHidden(REASON, not any(r.reason for r in self.report_model.reports))
        self._fit_preview_columns()
        self._fill_mapping(plan)
        self._fill_values(plan)
        skipped = "".join(f"<br><span style='color:{colours().error}'>⚠ {html.escape(s)}</span>" for s in plan.not_read)
        skipped += "".join(f"<br>Sheet “{s}” not imported: {why}" for s, why in plan.skipped_sheets)
        skipped += "".join(f"<br>Sheet “{html.escape(s.sheet)}”: {html.escape(s.note)}" for s in plan.sheets if s.note)
        added = "".join(f"<br>New {key.split('.')[-1]} values join the office's list: {', '.join(sorted(v))}"
                        for key, v in sorted(plan.new_choices.items()))
        # What "create missing" will add, by name, before it is added: ticked, the preview said only "3 to insert",
        # and a project misspelt in one row ("Harbor" beside "Harbour") became a second project unseen.
        created = "".join(f"<br>{REGISTERS[register].title} to create with the import (the office has none of "
                          f"these names): {html.escape(', '.join(f'“{n}”' for n in sorted(names, key=str.lower)))}"
                          for target, register in CREATED_ON_CONFIRMATION.items()
                          if (names := plan.to_create.get(target)))
        renamed = self._renamed_records(plan) + self._defaults_given(plan)
        if deleted := plan.deleted_from_workbook():
            # said on their rows only, at the end of their sheet's, the summary counted them among "137 skipped"
            renamed += (f"<br>Deleted from the workbook, kept in the office: {html.escape(', '.join(deleted))} (an "
                        f"import never deletes a record: delete {'it' if len(deleted) == 1 else 'them'} in the office "
                        f"if {'it is' if len(deleted) == 1 else 'they are'} gone).")
        if self.other_sheets:
            renamed += (f"<br>Only “{html.escape(sheet)}” is imported this time, not the workbook's other "
                        f"{'sheet' if len(self.other_sheets) == 1 else 'sheets'} "
                        f"{html.escape(', '.join(f'“{n}”' for n in self.other_sheets))}: the columns as chosen here are "
                        "remembered, so import the workbook again with All recognised sheets for the rest.")
        something = plan.valid_count > 0 or bool(plan.conflicts)
        colour = colours().error if not plan.ok else colours().good if something else colours().muted
        conflicts = "".join(f"<br>⚠ {html.escape(str(c))}" for c in plan.conflicts[:8])
        if len(plan.conflicts) > 8:
            conflicts += f"<br>… and {len(plan.conflicts) - 8} more"
        self.take_theirs_box.setVisible(bool(plan.conflicts) or self.take_theirs_box.isChecked())
        if unmapped:
            unmapped = (f"<span style='color:{colours().error}'>{html.escape(unmapped.split(';')[0])}: choose what "
                        "each column holds (and the header row if it is not the first), then Check again.</span><br>")
        self.summary.setText(f"{unmapped}<span style='color:{colour}'>{plan.summary()}</span>{conflicts}{skipped}"
                             f"{renamed}{created}{added}")
        self.import_button.setEnabled(plan.ok and something)
        # Nothing to import (every row the office's already, or skipped): Enter closes the dialog. Import greyed out
        # was still the default button, so Enter did nothing and Esc, or five Tabs to Cancel, was the way out
        # (walk45, the walk's own export imported into its office again).
        nothing = plan.ok and not something
        self.cancel_button.setText("Close" if nothing else "Cancel")
        self.import_button.setDefault(not nothing)
        self.cancel_button.setDefault(nothing)
        valid, bad = plan.valid_count, len(plan.errors)
        self.partial_button.setVisible(bad > 0 and valid > 0)  # "Import the 0 valid rows" offers nothing
        self.partial_button.setEnabled(bad > 0 and valid > 0)
        # "the 1 valid row"; Alt+V presses it — with a row in error Enter imports nothing, and the keyboard took
        # five Tabs past the mapping and the preview to reach it
        self.partial_button.setText(f"Import the {count_of(valid, 'valid row').replace('valid', '&valid', 1)}, leave {bad}")
        self.create_missing_box.setVisible(self.create_missing_box.isChecked() or any(
            "create missing" in r.reason for r in plan.errors))
        self._order_tab_stops()

    @staticmethod
    def _defaults_given(plan: ImportPlan) -> str:
        """The plan's values set on new records that no column gives (``ImportPlan.defaults_said``), then the
        assessments it leaves empty (``ImportPlan.unassessed_said``) — the command line prints the same — with what
        the user can do about them."""
        said = plan.defaults_said()
        given = f"<br>{html.escape(said)} Choose the column that does, or correct them in the office after." if said else ""
        # a column to choose only where none gives the assessment: where one gives it on some rows, it is theirs
        return given + "".join(f"<br>{html.escape(line)} " + ("Assess them in the office after." if given_on_some else
                                                             "Choose the column that does, or assess them in the "
                                                             "office after.")
                               for given_on_some, line in plan.unassessed_lines())

    @staticmethod
    def _renamed_records(plan: ImportPlan) -> str:
        """A warning line when rows of a workbook not exported by this office update records it has under another
        title or name: a colleague's R-001 (headed "ID | Title | Probability …", our export's words) said
        "will update — changes Title, …" on a line among the others, and Import wrote a colleague's risk over the
        office's own. Still updated as the rules decide; said once, above the buttons, with the way to keep both."""
        if plan.own_export:
            return ""
        # Only a row matched by its ID can be another record under that ID: a person is matched by the name it
        # has, and the program is the office's one — another office's export imported into a fresh office warned
        # of "a record the office already has another title or name ()", the program's name being the file's.
        codes = [prow.report.code for sheet in plan.sheets if not sheet.synthetic
                 and (named := REGISTERS[sheet.register].name_field) is not None
                 for prow in sheet.rows
                 if prow.report.action == Action.UPDATE and prow.report.code and named.name in prow.values]
        if not codes:
            return ""
        shown = ", ".join(codes[:8]) + (f" and {len(codes) - 8} more" if len(codes) > 8 else "")
        said = (f"⚠ {count_of(len(codes), 'row')} of the workbook {'gives' if len(codes) == 1 else 'give'} a record "
                f"the office already has another title or name ({shown}) and will update "
                f"{'it' if len(codes) == 1 else 'them'}. If {'it is' if len(codes) == 1 else 'they are'} another "
                "record, not the office's renamed, cancel and clear or change the ID in the workbook: a row with no "
                "ID is added as a new record.")
        return f"<br><span style='color:{colours().error}'>{html.escape(said)}</span>"

    def _order_tab_stops(self) -> None:
        """Tab walks the dialog as it reads: the sheet, the register, the header row, Check again, each column's
        choice down the mapping, each value's translation below it, the rows to import beside them, the boxes
        under them, then the buttons. The dropdowns of the mapping and the values are made with each preview,
        after the rest, and so came last — after Cancel — and the mapping's table was a stop of its own."""
        combos = [w for table in (self.mapping_table, self.values_table) for r in range(table.rowCount())
                  if isinstance(w := table.cellWidget(r, 1), QComboBox)]
        # The boxes under them and the buttons follow the rows to import as made (the button box orders its own
        # buttons as the platform lays them out; chained here as well, Tab went round Import and Cancel alone).
        stops = [self.sheet_combo, self.register_combo, self.header_spin, self.recheck_button, *combos,
                 self.report_view]
        for before, after in zip(stops, stops[1:]):
            QWidget.setTabOrder(before, after)

    def _fill_values(self, plan: ImportPlan) -> None:
        """One row per distinct value no rule could place, with a dropdown of what it may mean. A value the
        user has translated keeps its row, its choice shown: it dropped out of the table as soon as it was
        translated, so a keyboard user's Down in its dropdown (which chooses the next item at once) read it
        as "1 – Very low", took the row away with the choice unseen, and left the keyboard at the dialog's
        top. The keyboard stays in the dropdown it was in, for Down again to go on to the level meant."""
        # the dialog's own focus too: a check over 0.4 s shows a progress dialog, and for a moment after it no window
        # is active and no widget has the keyboard — the dropdown translated was then forgotten and the keyboard
        # thrown to the Sheet at the top, three Tabs back to the next value (walk52)
        focused = QApplication.focusWidget() or self.focusWidget()
        keep_focus = (focused.property("key") if isinstance(focused, QComboBox)
                      and self.values_table.isAncestorOf(focused) else None)
        for key, values in plan.unplaced.items():
            for value, count in values.items():
                self._offered.setdefault(key, {})[value] = count
        shown: dict[tuple[str, str], dict[str, int]] = {k: dict(v) for k, v in plan.unplaced.items()}
        for register, fields in self.translations.items():
            for name, chosen in fields.items():
                for value in chosen:
                    if (register, name) in OPEN_LISTS and value not in self._offered.get((register, name), {}):
                        continue  # a new category the user translated keeps its row among the categories below
                    shown.setdefault((register, name), {})[value] = self._offered.get((register, name), {}).get(value, 0)
        self.values_table.setRowCount(0)
        ctx = self.document.office.read(records.load_context)
        for (register, name), values in sorted(shown.items()):
            f = REGISTERS[register].field(name)
            if f.kind == Kind.SCALE:
                names = f.scale_names(ctx)
                targets = [(f"{i} – {n}", str(i)) for i, n in enumerate(names, start=1)]
            elif f.kind == Kind.DATE:
                targets = []  # no list of dates: the dropdown is editable, the user types the day meant (left45)
            else:
                targets = [(c, c) for c in f.choices]
            for value, count in sorted(values.items()):
                rows = f" ({count} row{'s' if count != 1 else ''})" if count else ""
                items = [(LEAVE, None), *targets]
                if (register, name) in OPEN_LISTS:
                    items.append((f"Add “{value}” to the office's list", value))
                target = self.translations.get(register, {}).get(name, {}).get(value)
                if f.kind == Kind.DATE and target:
                    items.append((target, target))  # the day the user typed, shown as chosen
                self._add_value_row((register, name, value), f"{f.label}: “{value}”{rows}", items, target,
                                    keep_focus, typed_date=f.kind == Kind.DATE)
        # the organisation's own categories joining the office's list: added as they are unless the user
        # translates one to a category the office has ("Schedule" → Capacity), remembered for the layout
        # (a value the user translated stays listed with its choice, to be changed back)
        lists = {key: set(values) for key, values in plan.new_choices.items()}
        for register, name in OPEN_LISTS:
            for value, target in self.translations.get(register, {}).get(name, {}).items():
                if target not in (None, value):
                    lists.setdefault(f"{register}.{name}", set()).add(value)
        for list_key, joining in sorted(lists.items()):
            register, _, name = list_key.partition(".")
            f = REGISTERS[register].field(name)
            chosen = self.translations.get(register, {}).get(name, {})
            for value in sorted(joining):
                items = [(f"Add “{value}” to the office's list", None), *((c, c) for c in f.choices)]
                self._add_value_row((register, name, value), f"{f.label}: “{value}”" + (
                    "" if value in chosen else " (new)"), items, chosen.get(value), keep_focus)
        self.values_table.setVisible(self.values_table.rowCount() > 0)
        self._fit_value_columns()
        self._fit_mapping_pane()

    def _add_value_row(self, key: tuple[str, str, str], text: str, items: list[tuple[str, str | None]],
                       current: str | None, keep_focus: object, typed_date: bool = False) -> None:
        """A row of the values table: the value as read, and a dropdown of what it may be read as, showing
        ``current`` (the user's translation); the keyboard goes back to the dropdown it was in.

        ``typed_date``: a date column's word ("tomorrow", "ASAP", "TBC"): its dropdown is editable, the user
        types the day it means and presses Enter — the only translation there is to a day the workbook does not
        give (before, only "leave the cell empty" was offered, and the word was lost)."""
        register, name, value = key
        r = self.values_table.rowCount()
        self.values_table.insertRow(r)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setToolTip(text)
        # a wrapped label and its dropdown read from the row's top, as a form's field beside its label does
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(2, 4, 2, 2)
        label.setProperty("key", key)
        self.values_table.setCellWidget(r, 0, label)
        combo = TranslationCombo()
        combo.setAccessibleName(f"Translate {REGISTERS[register].field(name).label} “{value}” to")
        for item, data in [*items, (EMPTY, "")]:
            combo.addItem(item, data)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        if typed_date:
            combo.type_dates(partial(self._date_typed, combo, register, name, value))
        combo.setProperty("key", key)
        combo.setToolTip(combo.currentText())
        combo.setMaximumHeight(combo.sizeHint().height())  # at the top of a row its wrapped label makes taller
        combo.currentIndexChanged.connect(partial(self._translation_chosen, combo, register, name, value))
        self.values_table.setCellWidget(r, 1, combo)
        self._fit_value_rows(r)
        if keep_focus == key:
            combo.setFocus()
            self.values_table.scrollTo(self.values_table.model().index(r, 1))

    def _value_widths(self) -> tuple[int, int]:
        """(the widest value label on one line, at most 300 px; the widest current choice of its dropdown,
        whole) of the values table."""
        table = self.values_table
        labels = [w for r in range(table.rowCount()) if isinstance(w := table.cellWidget(r, 0), QLabel)]
        combos = [w for r in range(table.rowCount()) if isinstance(w := table.cellWidget(r, 1), QComboBox)]
        label = min(300, max((w.fontMetrics().horizontalAdvance(w.text()) + 12 for w in labels), default=0))
        choice = max((w.fontMetrics().horizontalAdvance(w.currentText()) + 48 for w in combos), default=0)
        return label, choice

    def _least_choice(self) -> int:
        """The dropdowns' column at its narrowest: each choice's words readable (``TranslationCombo.least_width``)."""
        table = self.values_table
        combos = [w for r in range(table.rowCount()) if isinstance(w := table.cellWidget(r, 1), TranslationCombo)]
        return max((w.least_width() for w in combos), default=0) + 2  # the cell's grid line beside its dropdown

    def _fit_value_columns(self) -> None:
        table = self.values_table
        room = table.viewport().width()
        label, _choice = self._value_widths()
        least = self._least_choice()
        # The pane can be no narrower than its values' header and their dropdowns' words (a 1280×720 screen,
        # the splitter dragged): the dropdown showed "Add to th…", the value's label wraps instead.
        header = table.horizontalHeader().sectionSizeHint(0)
        table.setMinimumWidth(header + least + table.verticalHeader().sizeHint().width() + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width())
        width = max(header, min(label, room * 9 // 20, room - least))  # its header whole
        if table.columnWidth(0) != width:
            table.setColumnWidth(0, width)
        self._fit_value_rows()

    def _fit_value_rows(self, only: int | None = None) -> None:
        """Each row of the values table as tall as its label wrapped in its column, at least its dropdown's
        height."""
        table = self.values_table
        width = table.columnWidth(0) - 6
        for r in range(table.rowCount()) if only is None else (only,):
            label, combo = table.cellWidget(r, 0), table.cellWidget(r, 1)
            if isinstance(label, QLabel) and combo is not None and width > 0:
                table.setRowHeight(r, max(combo.sizeHint().height(), label.heightForWidth(width) + 2))

    def _translation_chosen(self, combo: QComboBox, register: str, name: str, value: str, _index: int) -> None:
        self.translate_value(register, name, value, combo.currentData())

    def _date_typed(self, combo: TranslationCombo, register: str, name: str, value: str, typed: str) -> None:
        """The day typed into a date word's dropdown, read as a date typed in the office is (the user's locale
        order, "tomorrow" the user's tomorrow): the word is translated to it; a text that is no date is said in
        the dropdown's tooltip and translates nothing."""
        label = REGISTERS[register].field(name).label
        try:
            day = parse_typed_date(typed, label)
        except ValidationError as e:
            combo.setToolTip(str(e))
            return
        if day is not None:
            # after the key press is done: the preview made anew replaces this dropdown, whose line edit is
            # still handling the Enter that typed it (translated at once, Qt crashed)
            QTimer.singleShot(0, self, partial(self.translate_value, register, name, value, day.isoformat()))

    def translate_value(self, register: str, name: str, value: str, target: str | None) -> None:
        """Read ``value`` of field ``name`` as ``target`` (None: leave it an error) and preview again."""
        table = self.translations.setdefault(register, {}).setdefault(name, {})
        if target is None:
            table.pop(value, None)
        else:
            table[value] = target
        self.recheck()

    def _fill_mapping(self, plan: ImportPlan) -> None:
        """One row per workbook column of a single-sheet plan, with a choice of field to import it as. The keyboard
        stays on the column whose choice it was on: Alt+C (Check again) from a column's dropdown, or a check shown
        with its progress, made the dropdowns anew and threw the keyboard to the Sheet at the dialog's top, a dozen
        Tabs back to the next column (walk57)."""
        focused = QApplication.focusWidget() or self.focusWidget()
        keep_column = None
        if isinstance(focused, QComboBox) and self.mapping_table.isAncestorOf(focused):
            keep_column = next((self.mapping_table.cellWidget(r, 0).property("column")
                                for r in range(self.mapping_table.rowCount())
                                if self.mapping_table.cellWidget(r, 1) is focused), None)
        self.mapping_table.setRowCount(0)
        self.mapping_table.clearSpans()
        # one sheet chosen: its columns are the user's to map (the response actions the import makes of its
        # plan columns are no sheet of the workbook)
        own = [s for s in plan.sheets if not s.synthetic]
        single = len(own) == 1 and self.sheet_combo.currentData() is not None
        self.mapping_table.setEnabled(single)
        self.recheck_button.setEnabled(single)
        if single:
            self.mapping_note.setText(f"What each column of “{html.escape(own[0].sheet)}” imports as: change a choice, "
                                      "then <b>Check again</b> (Alt+C).")
        elif own:
            self.mapping_note.setText("Each recognised sheet is imported as its headers say (shown here). To change "
                                      "what a sheet's columns import as, choose that sheet under <b>Sheet</b> above.")
        else:
            self.mapping_note.setText("")
        for sheet in own:
            choices = importable_fields(sheet.register)
            if len(own) > 1:
                # Several sheets' columns listed: each sheet's name once, over its columns. Before each column ("Program:
                # Program", "Progra…anager" at 1280×720) it said the sheet again on every line and left the column's
                # own name a few letters.
                r = self.mapping_table.rowCount()
                self.mapping_table.insertRow(r)
                heading = QLabel(f"<b>{html.escape(sheet.sheet)}</b>")
                heading.setToolTip(f"The columns of the sheet “{sheet.sheet}”")
                self.mapping_table.setCellWidget(r, 0, heading)
                self.mapping_table.setSpan(r, 0, 1, 2)
                self.mapping_table.setVerticalHeaderItem(r, QTableWidgetItem(""))
            # a column with no header is listed when it is mapped or kept in the notes (a value typed past the last
            # header too), named by its letter, so the user sees where that value goes and can map it
            for col in sorted(set(range(len(sheet.headers))) | set(sheet.mapping) | set(sheet.extras)):
                header = sheet.headers[col] if col < len(sheet.headers) else ""
                if not header and col not in sheet.mapping and col not in sheet.extras:
                    continue
                unnamed = f"(no header, column {column_letters(col)})"
                r = self.mapping_table.rowCount()
                self.mapping_table.insertRow(r)
                # the fields a column of two fields gives, not why the whole cell reads as no one field
                label = _ColumnName(header or unnamed, sheet.reading_said(col) or sheet.ignored.get(col, ""))
                label.setProperty("column", col)
                # each line by its workbook column's letter, as Excel heads it (numbered, a sheet's heading took one)
                self.mapping_table.setVerticalHeaderItem(r, QTableWidgetItem(column_letters(col)))
                self.mapping_table.setCellWidget(r, 0, label)
                combo = QComboBox()
                combo.setAccessibleName(f"Import {header or f'column {column_letters(col)}, which has no header,'} as")
                # a column of two fields in each cell says the fields its parts give, as the rows beside it read them
                combo.addItem(sheet.reading_of(col) or (KEEP if col in sheet.extras else IGNORE), None)
                combo.setToolTip(sheet.reading_said(col))
                for name, text in choices:
                    combo.addItem(text, name)
                current = sheet.mapping.get(col)
                if current is not None and combo.findData(current) < 0:
                    # a tick-box level column ("H" under "Probability"): offered as detected, so that
                    # "Check again" keeps it instead of reading it as "ignore"
                    combo.addItem(tick_label(sheet.register, current), current)
                i = combo.findData(current)
                combo.setCurrentIndex(i if i >= 0 else 0)
                combo.currentIndexChanged.connect(self._on_mapping_changed)
                self.mapping_table.setCellWidget(r, 1, combo)
                if keep_column is not None and col == keep_column and single:
                    combo.setFocus()
                    self.mapping_table.scrollTo(self.mapping_table.model().index(r, 1))

        self._fit_mapping_pane()

    def _fit_mapping_pane(self) -> None:
        """The mapping's pane as wide as its table needs (at least as first laid out), as long as the preview keeps
        room for a row's reason; past that the mapping scrolls sideways."""
        table = self.mapping_table
        table.resizeColumnsToContents()
        frame = 2 * table.frameWidth()
        # the sections as sized to their contents and their headers' words ("Workbook column")
        needed = (table.verticalHeader().sizeHint().width() + frame + table.verticalScrollBar().sizeHint().width()
                  + table.horizontalHeader().length())
        # and the values to translate: a label of up to 300 px on a line, beside its dropdown's choice whole
        # ("Add “Data Quality” to the office's list"); narrower, the label wraps and the choice is shortened
        values = self.values_table
        if values.rowCount():
            label_width, choice_width = self._value_widths()
            needed = max(needed, values.verticalHeader().sizeHint().width() + 2 * values.frameWidth()
                         + values.verticalScrollBar().sizeHint().width() + label_width + choice_width)
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if not self.splitter.isVisible() or total <= 0:
            return  # laid out when shown (``showEvent``)
        # The preview keeps room for what each row becomes and 150 px for the reason a row is left (its two fifths
        # of what the first four columns leave, ``eventFilter``) — before the mapping's least width.
        view = self.report_view
        preview = (sum(view.columnWidth(c) for c in range(4)) + 150 * 5 // 2 + view.verticalHeader().sizeHint().width()
                   + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + self.splitter.handleWidth())
        left = min(max(MAPPING_PANE, needed), total - preview)
        # Too narrow for the names and the choices whole, the names still get their header's width, a few words,
        # beside the choices whole (each name shortened in the middle, whole in its tooltip), the preview giving
        # way down to its first four columns, an "Imported as" and a reason of 150 px each.
        if table.rowCount() and left < needed:
            words = (table.verticalHeader().sizeHint().width() + frame + table.verticalScrollBar().sizeHint().width()
                     + self._names_width() + self._choices_width())
            least_preview = preview - 150 * 5 // 2 + 300
            left = max(left, min(needed, words, total - least_preview))
        # A dialog made narrow by a small screen (``resize_within_screen``) still shows the mapping and the values
        # to translate, at their least width or half the dialog: the preview, which scrolls, gives way first.
        left = max(left, min(MAPPING_PANE, total // 2))
        if left != sizes[0]:
            self.splitter.setSizes([left, total - left])
        self._fit_mapping_columns()

    def _names_width(self) -> int:
        """The names' column with each name whole up to NAMES_WHOLE letters ("Risk Description", "Mitigation
        Strategy": two words, as most registers head their columns), at least its header's words and a few
        letters; a longer name is shortened in the middle. The header's width alone (and 40 px) had cut "Risk
        Description" to "Risk D…iption" at 1280×720, the preview beside it having room to give (walk 57 item 10)."""
        table = self.mapping_table
        least = table.horizontalHeader().sectionSizeFromContents(0).width() + 40
        metrics = table.fontMetrics()
        most = metrics.averageCharWidth() * NAMES_WHOLE
        longest = max((metrics.horizontalAdvance(w.text()) + 2 * w.margin() + 8
                       for r in range(table.rowCount()) if isinstance(w := table.cellWidget(r, 0), _ColumnName)),
                      default=0)
        return max(least, min(longest, most))

    def _choices_width(self) -> int:
        """The "Imports as" column with each choice as chosen whole (a dropdown is as wide as its longest choice;
        its list opens wider than the column)."""
        table = self.mapping_table
        chosen = table.horizontalHeader().sectionSizeFromContents(1).width()
        for r in range(table.rowCount()):
            combo = table.cellWidget(r, 1)
            if isinstance(combo, QComboBox):
                metrics = combo.fontMetrics()
                longest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
                chosen = max(chosen, combo.sizeHint().width() - longest + metrics.horizontalAdvance(combo.currentText()))
        return chosen

    def _fit_mapping_columns(self) -> None:
        """The choices ("Imports as") whole, the names given what is left when both do not fit: a choice cut to
        "Proc" or "Spo" says nothing, a name shortened in the middle still reads, whole in its tooltip."""
        table = self.mapping_table
        header = table.horizontalHeader()
        self._name_header(WHOLE_NAME_HEADER)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            table.resizeColumnToContents(column)
        room = table.viewport().width()
        if header.sectionSize(0) + header.sectionSize(1) <= room or room <= 0:
            return
        chosen = self._choices_width()
        # the names what the choices leave, never under a few letters (under that the table scrolls sideways)
        names = max(room - chosen, table.fontMetrics().horizontalAdvance("MMMM"))
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, max(chosen, room - names))
        header.resizeSection(0, names)
        # The names' header in a word when its two do not fit: "Workbook column" was cut at both ends to
        # "kbook colu" on a small screen (a header's label is centred and clipped, not shortened).
        if header.sectionSizeFromContents(0).width() > names:
            self._name_header(SHORT_NAME_HEADER)

    def _name_header(self, text: str) -> None:
        item = self.mapping_table.horizontalHeaderItem(0)
        if item is not None and item.text() != text:
            item.setText(text)
            item.setToolTip(WHOLE_NAME_HEADER)

    def current_mapping(self) -> dict[int, str]:
        mapping: dict[int, str] = {}
        for r in range(self.mapping_table.rowCount()):
            col = self.mapping_table.cellWidget(r, 0).property("column")
            combo = self.mapping_table.cellWidget(r, 1)  # every mapping row holds its choice of field
            name = combo.currentData() if isinstance(combo, QComboBox) else None
            if name:
                mapping[int(col)] = name
        return mapping

    def set_mapping(self, column: int, field_name: str | None) -> None:
        for r in range(self.mapping_table.rowCount()):
            if self.mapping_table.cellWidget(r, 0).property("column") == column:
                combo = self.mapping_table.cellWidget(r, 1)
                if isinstance(combo, QComboBox):  # every mapping row holds its choice of field
                    combo.setCurrentIndex(max(0, combo.findData(field_name)))

    def _on_mapping_changed(self, *_args) -> None:
        if not self.mapping_changed:
            self.summary.setText(f"<span style='color:{colours().error}'>The columns' choices have changed since the "
                                 "rows were checked: Check again (Alt+C) shows what they import; Import checks them "
                                 f"first.</span><br>{self.summary.text()}")
        self.mapping_changed = True

    def recheck(self) -> None:
        single = self.sheet_combo.currentData() is not None
        self.preview(mapping=self.current_mapping() if single and self.mapping_table.rowCount() else None)

    # ------------------------------------------------------------------ importing
    def do_import(self, partial: bool = False) -> None:
        if getattr(self, "mapping_changed", False):
            # A choice changed and not checked: the preview, and the plan Import would write, are the old choices'
            # (the owners chosen went into the notes as first read). Checked now, imported by the next Enter.
            self.recheck()
            self.summary.setText(f"<span style='color:{colours().error}'>Nothing was imported yet: the rows were "
                                 "checked again with the columns as you chose them — look them over and import "
                                 f"again.</span><br>{self.summary.text()}")
            return
        if self.plan is None or (not self.plan.ok and not (partial and self.plan.valid_count)):
            return
        now = file_stamp(self.path)
        if self.plan.stamp is not None and now is not None and now != self.plan.stamp:
            # Saved again in Excel while this dialog was open: its preview no longer says what the file holds, so
            # it is read anew (Check again is only for one sheet chosen) and nothing is imported until looked over.
            single = self.sheet_combo.currentData() is not None and self.mapping_table.rowCount() > 0
            self.preview(mapping=self.current_mapping() if single else None)
            when = datetime.fromtimestamp(now[1] / 1e9).strftime("%H:%M:%S")
            said = (f"“{self.path.name}” has changed since it was checked (saved again at {when}), so nothing was "
                    "imported; it has been read again and the preview now shows what it holds: look it over and "
                    "import again.")
            self.summary.setText(f"<span style='color:{colours().error}'>{html.escape(said)}</span><br>"
                                 f"{self.summary.text()}")
            return
        # the plan as checked now: a check still on its way (Alt+C just before Enter) may replace self.plan while
        # the import runs its progress dialog, and the rows left out are this plan's, not the next one's
        checked = self.plan
        plan = valid_rows_only(checked) if partial and not checked.ok else checked
        runner = lambda fn: run_with_progress(self, f"Importing {self.path.name}…", fn, writes=True)  # noqa: E731
        command = ImportCommand(self.document, plan, runner)
        errors: list[str] = []
        self.document.error.connect(errors.append)
        try:
            ok = self.document.execute(command)
        finally:
            self.document.error.disconnect(errors.append)
        if not ok:
            self.summary.setText(f"<span style='color:{colours().error}'>{errors[-1] if errors else 'Nothing was imported.'}</span>")
            return
        self.command = command
        if plan is not checked:
            why: list[str] = []  # what stopped them being written ("the disk is full"), if it did
            self.left_out_path = write_left_out(checked, why)
            if command.result is not None:  # said by the result's summary, as the command line says it
                command.result.left_out = len(checked.errors)
                command.result.left_out_path = self.left_out_path
                command.result.left_out_why = "; ".join(why)
                command.result.source = checked.path
        self.accept()
