"""Ctrl+K: find any record by its ID or name across every register, and open it where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ..models.quick_search import quick_search

ROLE = Qt.ItemDataRole.UserRole


class QuickSearchDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("quick-search")
        self.setWindowTitle("Find in All Registers")
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Type an ID, part of a name or a column's word: R-012, loyalty, Helen, likelihood…")
        self.query.setAccessibleName("Find in all registers")
        self.results = QListWidget(self)
        self.results.setAccessibleName("Records found")
        self.results.itemActivated.connect(self.open_item)
        self.hint = QLabel("↓ to the list, Enter opens the record, Esc closes", self)
        font = self.query.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.query.setFont(font)
        self.results.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)  # search once typing pauses
        self.timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._open_first)
        self.query.installEventFilter(self)
        self.resize(640, 420)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.query and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def search(self) -> None:
        self.timer.stop()
        self.results.clear()
        document = self.window_.document
        if document is None:
            return
        from .column_search import column_hits

        for text, column in column_hits(self.query.text()):  # a word for a column: its column, before the records
            item = QListWidgetItem(f"{text}    (“{column.word}”)")
            item.setData(ROLE, ("column", column))
            self.results.addItem(item)
        columns = self.results.count()
        hits = document.office.read(quick_search, self.query.text())
        for hit in hits:
            text = f"{hit.code}  {hit.text}" if hit.code else hit.text
            item = QListWidgetItem(f"{text}    — {hit.register_title}")
            item.setData(ROLE, (hit.register, hit.record_id))
            self.results.addItem(item)
        if self.query.text().strip() and not hits and not columns:
            self.results.addItem(QListWidgetItem("Nothing found"))

    def _open_first(self) -> None:
        self.search()
        first = self.results.item(0)
        if first is not None:
            self.open_item(first)

    def open_item(self, item: QListWidgetItem) -> None:
        target = item.data(ROLE)
        if not target:
            return
        if target[0] == "column":
            from .column_search import go_to_column

            if go_to_column(self.window_, target[1]):
                self.accept()
            return
        register, record_id = target
        if self.window_.go_to_record(register, record_id):
            self.accept()
            # The keyboard on the record's row, as the window takes it back: on a page not shown before in the
            # session Qt gave it to the page's first control, its search box, where Down did nothing and the keys
            # typed next filtered the table (walk 58).
            self.window_.keyboard_on_register(register)
