"""File ▸ What Changed Since the Last Board…: compare two states of the office — board snapshots, past
dates from the history, or now — by what each register declares a board watches (models/what_changed), each move
with who made it when the history knows."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..models import clock, history, snapshots
from ..models.snapshots import Source
from ..models.values import day_text
from ..models.what_changed import Comparison, compare_registers
from .as_at import PICK, DateDialog, key_of, key_text, source_for
from .document import Document
from .screen_fit import resize_within_screen

Key = tuple  # ("now", None) · ("snapshot", id) · ("day", date)


def state_name(label: str, day) -> str:
    """A state as the heading names it: its label, with its day after it unless the label says it already —
    "4 Dec 2026 (4 Dec 2026)", "Board pack 4 Dec 2026 (4 Dec 2026)" said the day twice; "Now (5 Dec 2026)"."""
    day_shown = day_text(day)
    return label if day_shown in label else f"{label} ({day_shown})"


def comparison_html(c: Comparison) -> str:
    parts = [f"<h2>What changed from {html.escape(state_name(c.since, c.since_day))} "
             f"to {html.escape(state_name(c.until, c.until_day))}</h2>"]
    sections = c.sections()
    if not sections:
        parts.append("<p>Nothing the board watches has changed.</p>")
    for title, heading, moves in sections:
        parts.append(f"<h3>{html.escape(title)} — {html.escape(heading)} ({len(moves)})</h3>"
                     "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>")
        for m in moves:
            change = (f"{html.escape(m.label)}: {html.escape(m.before or '—')} → <b>{html.escape(m.after or '—')}</b>"
                      if m.field else html.escape(m.after))
            by = f"by {html.escape(m.by)}" if m.by else ""  # who made it, from the office's history
            parts.append(f"<tr><td>{html.escape(m.code)}</td><td>{html.escape(m.name)}</td><td>{change}</td>"
                         f"<td>{by}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


class ChangesDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None, since: Key | None = None,
                 until: Key | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("What changed since the last board")
        self.since_combo = QComboBox(self)
        self.until_combo = QComboBox(self)
        self.since_combo.setAccessibleName("From")
        self.until_combo.setAccessibleName("To")
        found = list(reversed(document.office.read(snapshots.list_snapshots)))
        first = document.office.read(history.first_day)
        month_ago = clock.today() - timedelta(days=30)
        # An office whose history began within the month (made, or the demo opened, today) is compared from the
        # day before it — all it holds is new this month. From the end of its first day, an office begun today
        # was compared from now to now: "Nothing the board watches has changed" after a morning's changes.
        default_day = first - timedelta(days=1) if first and first > month_ago else month_ago
        for combo, with_now in ((self.since_combo, False), (self.until_combo, True)):
            if with_now:
                combo.addItem("Now", key_text(None))
            for s in found:
                combo.addItem(f"{s.label} (board snapshot)", key_text(("snapshot", s.id)))
            if not with_now and not found:
                combo.addItem(f"{day_text(default_day)}", key_text(("day", default_day)))
            combo.addItem("Another date…", PICK)
            combo.activated.connect(lambda i, c=combo: self._on_activated(c, i))
        self.since_combo.setCurrentIndex(0)
        self.until_combo.setCurrentIndex(0)
        if since is not None:
            self._select(self.since_combo, since)
        if until is not None:
            self._select(self.until_combo, until)
        self.text = QTextBrowser(self)
        form = QFormLayout()
        form.addRow("&From:", self.since_combo)
        form.addRow("&To:", self.until_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 900, 600)
        self.comparison: Comparison | None = None
        self.refresh()

    def _select(self, combo: QComboBox, key: Key) -> None:
        index = combo.findData(key_text(key))
        if index < 0:
            label = f"{day_text(key[1])}" if key[0] == "day" else "Now" if key[0] == "now" else f"#{key[1]}"
            combo.insertItem(combo.count() - 1, label, key_text(key))
            index = combo.count() - 2
        combo.setCurrentIndex(index)

    def _on_activated(self, combo: QComboBox, index: int) -> None:
        if combo.itemData(index) == PICK:
            first = self.document.office.read(history.first_day)
            dialog = DateDialog(first, clock.today() - timedelta(days=1), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                combo.setCurrentIndex(0)
            else:
                day = dialog.day()
                self._select(combo, ("now", None) if day >= clock.today() else ("day", day))
        self.refresh()

    def _source(self, text: str) -> Source:
        key = key_of(text)
        if key is None:
            return snapshots.now(self.document.office)
        return source_for(self.document, key)

    def refresh(self) -> None:
        try:
            before = self._source(self.since_combo.currentData())
            after = self._source(self.until_combo.currentData())
        except Exception as e:  # a damaged snapshot: say so in place of the comparison
            self.text.setPlainText(str(e))
            return
        self.comparison = compare_registers(before, after)
        self.text.setHtml(comparison_html(self.comparison))
