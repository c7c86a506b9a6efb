"""The selected risk at a glance, its long texts (cause, event, effect, trigger, notes) and its response
actions: which fields, in which groups, is the register's ``detail`` declaration (models/registers/risks.py).

Texts are saved when the editor loses focus, as one undoable edit of the risk, so typing a paragraph
is one undo step rather than one per key.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ...models import errors, records
from ...models.registers import REGISTERS
from ...models.registers.risks import RISKS
from ...models.risk_scale_config import owner_warning
from ..child_caption import ADDS_ONE
from ..document import Document
from ..read_only_guard import follow_read_only
from ..register_table import RegisterView
from ..register_table.commands import CellEdit, EditCellsCommand
from ..theme import colours
from ..wrapped_lines import keep_wrapped_lines
from ..zoom import follow_zoom, scale_with_zoom
from .chart_style import text_on

LONG_FIELDS = RISKS.detail.texts


class CommitOnFocusOutEdit(QPlainTextEdit):
    """A record's long text (a risk's cause, a report's commentary): saved when the editor loses focus, its
    text at the tables' size at every zoom level, so Ctrl++ on a projector enlarges what is written too."""

    focus_lost = Signal()

    def __init__(self, parent=None, lines: int = 0):
        super().__init__(parent)
        self.lines = lines
        follow_zoom(self, self._keep_lines)

    def _keep_lines(self) -> None:
        """At least ``lines`` lines of text at the zoom's size: a pane short of room (presenting on a small
        screen) takes it from the table above rather than showing a sliver of each text."""
        if self.lines:
            margins = self.contentsMargins().top() + self.contentsMargins().bottom()
            extra = 2 * self.document().documentMargin() + margins + 2
            self.setMinimumHeight(int(self.fontMetrics().lineSpacing() * self.lines + extra))

    def focusOutEvent(self, event) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)


class WrapInView(QObject):
    """Keeps a table's wrapping text column inside what the table shows. Qt's Stretch mode only gives the
    column what the other columns leave, and keeps its last width when they leave less: on a projector
    (125 % on an 800-pixel screen) the action ran past the table's right edge, cut mid-word ("Agree
    mitigation plan for: pos sup"). Here the text column is as wide as the view less the other columns
    when that leaves it room to read, else the view's whole width — the text wraps where it can be read
    and the other columns are a scroll to the right."""

    def __init__(self, table, column: int):
        super().__init__(table)
        self.table, self.column = table, column
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_section_resized(self, *_args) -> None:
        self.fit()  # a column changed width (the zoom, a remembered layout): the text's share is set again

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        view = self.table.viewport().width()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != self.column and not header.isSectionHidden(i))
        left = view - others
        width = left if left >= view * 0.6 else view  # too little beside the others: the whole view
        width = max(width, header.minimumSectionSize())
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)


class RiskDetail(QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.risk_id: int | None = None
        self._unread = False  # the risk chosen could not be read: nothing shown to edit (``_show_unread``)
        self.values: dict = {}

        self.header = QLabel("Select a risk to see its details.", self)
        header_font = self.header.font()
        header_font.setBold(True)
        header_font.setPointSizeF(header_font.pointSizeF() * 1.2)
        self.header.setFont(header_font)
        self.header.setWordWrap(True)
        scale_with_zoom(self.header)  # its own size (larger than the page's) grown by the zoom
        self.summary = QLabel(self)
        self.summary.setObjectName("risk-summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setStyleSheet(f"color:{colours().error}; font-weight:bold;")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)

        texts = QWidget(self)
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, CommitOnFocusOutEdit] = {}
        for n, name in enumerate(LONG_FIELDS):
            f = RISKS.field(name)
            # Two lines at least, more where the page has room: three kept the panel 225 pixels high at 1280×720,
            # and the register above showed six rows (walkthrough 35b).
            editor = CommitOnFocusOutEdit(texts, lines=2)
            editor.setObjectName(f"risk_{name}")
            editor.setPlaceholderText(f.label)
            editor.setTabChangesFocus(True)  # Tab moves on, as in a form
            editor.focus_lost.connect(self.commit)
            self.editors[name] = editor
            label = QLabel(f.label, texts)
            label.setBuddy(editor)
            row, col = (n // 3) * 2, n % 3  # two rows of three: more of the register shows above
            grid.addWidget(label, row, col)
            grid.addWidget(editor, row + 1, col)

        actions_box = QWidget(self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        title, sub_table = RISKS.detail.tables[0]
        caption = QLabel(f"<b>{escape(title)}</b> {ADDS_ONE}", actions_box)
        caption.setWordWrap(True)  # on two lines rather than taking the texts' width (presenting, 125 %)
        actions_layout.addWidget(caption)
        self.actions_view = RegisterView(document, REGISTERS[sub_table], parent=actions_box, compact=True)
        actions_layout.addWidget(self.actions_view, 1)
        # The action's text is what matters here: it takes the panel's spare width and wraps.
        table = self.actions_view.table
        table.setWordWrap(True)
        self.action_wrap = WrapInView(table, self.actions_view.model.column_of("description"))
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        split = QSplitter(self)
        split.addWidget(texts)
        split.addWidget(actions_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])  # 3:2 from the start: the splitter shares a short width by size hints
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)  # the boxes end above the tab's frame, not on it
        layout.addWidget(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(split, 1)
        self._wrapped = (self.header, self.summary, self.warning, caption)
        document.records_changed.connect(self._on_records_changed)
        document.server_state.connect(self._read_again)
        follow_read_only(document, *self.editors.values())
        self.show_risk(None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._keep_wrapped_lines()

    def _keep_wrapped_lines(self) -> None:
        keep_wrapped_lines(self._wrapped)  # the pane asks for the height its wrapped lines need

    # ------------------------------------------------------------------ showing
    def show_risk(self, risk_id: int | None) -> None:
        if risk_id == self.risk_id and risk_id is not None and not self._unread:
            return
        self.commit()  # texts typed for the previous risk are never lost
        self.risk_id = risk_id
        try:
            self.actions_view.model.set_parent_id(risk_id)
            self._load(force=True)
        except errors.StoreError:
            # Not read (the server away): the panel kept the risk before's header, texts and version while it
            # stood for this one, so a cause typed under "R-002" was saved into the risk chosen since — R-004,
            # whose version was the same. Nothing is left to edit until it is read (``_read_again``).
            self._show_unread()
            raise
        self._unread = False

    def _show_unread(self) -> None:
        self._unread = True
        self.values = {}
        for editor in self.editors.values():
            editor.setPlainText("")
            editor.setEnabled(False)
        self.actions_view.setEnabled(False)
        self.header.setText("This risk could not be read: the database server cannot be reached. It is shown "
                            "when the server is back.")
        self.summary.setVisible(False)
        self.warning.setVisible(False)

    def _read_again(self, away: str | None) -> None:
        """The server is back (``Document.server_state``): the risk chosen while it was away is read now."""
        if away is None and self._unread:
            self.show_risk(self.risk_id)
        self._mark_kept()  # a kept text's tip says why it is kept

    def _load(self, force: bool = False) -> None:
        self.values = {}
        if self.risk_id is not None:
            try:
                self.values = self.document.office.read(records.record_values, RISKS, self.risk_id,
                                                        self.document.context)
            except errors.RecordNotFound:
                self.risk_id = None
        if self.values and self.risk_id is not None:
            # Texts typed and kept unsaved (the server away) read as typed, as the table's cells do — read again
            # from the store, a cause typed under R-002 vanished when the user came back to R-002 — and, as
            # ``commit`` hands them over, not sent a second time.
            for (rid, name), value in self.document.kept_cells(RISKS.name).items():
                if rid == self.risk_id and name in self.editors:
                    self.values[name] = value
        enabled = self.risk_id is not None
        for name, editor in self.editors.items():
            editor.setEnabled(enabled)
            stored = self.values.get(name) or ""
            # Never overwrite what the user is typing because something else changed the risk.
            if force or not editor.hasFocus() or editor.toPlainText() == stored:
                editor.setPlainText(stored)
        self.actions_view.setEnabled(enabled)
        self._mark_kept()
        if not enabled:
            self.header.setText("Select a risk to see its details.")
            self.summary.setText("")
            self.summary.setVisible(False)
            self.warning.setVisible(False)
            return
        v = self.values
        self.header.setText(f"{v['code']} — {v['title']}")
        self.summary.setText(self._summary(v))
        self.summary.setVisible(True)
        warning = owner_warning(v.get("inherent_rating") or "", v.get("owner"), self.document.context.risk_scale)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self._keep_wrapped_lines()  # another risk's line may wrap onto more (or fewer) lines at this width

    def _summary(self, v: dict) -> str:
        """The declared line at a glance (owner, status, scores, proximity); what a field declares coloured
        (a rating in its band colour) on its colour, the rest in bold."""
        ctx = self.document.context
        parts = []
        for label, names in RISKS.detail.glance:
            shown = [RISKS.field(n).kind.display(v.get(n)) for n in names if v.get(n) not in (None, "")]
            coloured = [(RISKS.field(n).colours, v.get(n)) for n in names if RISKS.field(n).colours is not None]
            if coloured:
                declared, value = coloured[-1]  # the rating, after its score
                colour = (declared.colour_for(value, ctx, v) if declared else None) or "#9e9e9e"
                text = escape(" ".join(shown)) if shown else "not scored"
                parts.append(f"{escape(label)} <span style='background:{colour}; color:{text_on(colour)}'>"
                             f"&nbsp;{text}&nbsp;</span>")
            else:
                parts.append(f"{escape(label)}: <b>{escape(' '.join(shown) or '—')}</b>")
        # each item kept whole on a narrow pane ("Proximity: 3" over "Jan 2027" read as two things): the
        # line breaks only at the dots between items
        return " &nbsp;·&nbsp; ".join(f"<span style='white-space:nowrap'>{part}</span>" for part in parts)

    def _mark_kept(self, *_told: object) -> None:
        """Each text box holding a text typed and kept, not saved yet, in italics with the table's tip for it
        (``table_model.KEPT_TIP``); the mark goes when it is saved or given up."""
        from ..register_table.table_model import KEPT_TIP, KEPT_TIP_RETRY

        kept = self.document.kept_cells(RISKS.name) if self.risk_id is not None else {}
        tip = KEPT_TIP if self.document.server_away is not None else KEPT_TIP_RETRY
        for name, editor in self.editors.items():
            marked = (self.risk_id, name) in kept
            font = editor.font()
            if font.italic() != marked:
                font.setItalic(marked)
                editor.setFont(font)
            editor.setToolTip(tip if marked else "")

    def _on_records_changed(self, register: str, ids) -> None:
        if register == "risks" and self.risk_id is not None and (ids is None or self.risk_id in ids):
            self._load()

    # ------------------------------------------------------------------ saving
    def commit(self) -> bool:
        """Save edited texts of the shown risk as one undoable step. True when nothing was refused."""
        if self.risk_id is None or not self.values:
            return True
        edits = [CellEdit(self.risk_id, name, self.values.get(name) or "", editor.toPlainText())
                 for name, editor in self.editors.items() if editor.toPlainText() != (self.values.get(name) or "")]
        if not edits:
            return True
        text = f"Edit {RISKS.field(edits[0].field).label.lower()}" if len(edits) == 1 else "Edit risk details"
        command = EditCellsCommand(self.document, RISKS, edits, {self.risk_id: self.values["version"]}, text)
        saved = self.document.execute(command)
        if not saved and command in self.document.pending:
            # Kept to retry (a full disk, the server away): these texts are handed over, not to be sent again
            # by the next commit (choosing another risk right after the focus left commits twice).
            self.values.update({edit.field: edit.new for edit in edits})
            self._mark_kept()  # (saved, taken back or met as a conflict, the risk is read again: ``_load``)
        return saved
