"""Edit ▸ Replace… (Ctrl+H): Excel's Find and Replace over the register on screen.

The cells are matched on the rows' data as the cells show them (the model's rows, or for a windowed table
every row read in one query), never by walking widgets; what a replacement makes is then read as if typed
into the cell (``Field.parse``), so a choice, a date, a number or a required title holds as when typed.
Replace All is one undo step (one ``EditCellsCommand``), one history entry per record changed. Cells the
register refuses are left as they were and listed; the others are changed (README "Working in it")."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models import errors, records, windows
from ...models.fields import Kind, count_of
from ...models.kinds import FieldKind
from .commands import LONG_EDIT, CellEdits, EditCellsCommand, cells_text
from .confirm import edited_rows
from .table_model import OFFSET, format_value, stored_rows, typed_value
from .windowed import WindowedRegisterModel, positions_in

if TYPE_CHECKING:
    from .register_view import RegisterView

# Cells refused by a Replace All listed in its dialog at most: a replacement refused in a column of choices among a
# million risks (every "Supplier" category) listed 142,857 lines, which the list took 1.75 s of the window to lay
# out; past these the list says how many more, each left as it was for the same kinds of reasons.
REFUSALS_LISTED = 1_000


@dataclass
class Outcome:
    edits: CellEdits = field(default_factory=CellEdits)  # kept compactly: the undo of a million titles holds them
    versions: dict[int, int] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    new_names: set[str] = field(default_factory=set)  # people the replacement names who are not in the office


def candidate_ids(session: Any, register: Any, ctx: Any, parent_id: int | None, text: str) -> list[int]:
    """The ids of the records the register's search finds ``text`` in (``candidate_rows``), their rows not read."""
    return windows.fetch_ids(session, register, windows.Window(parent_id=parent_id, search=text), ctx).tolist()


# Rows a Replace All planned on a worker reads at a time (``RowsInSteps``): a million rows of 26 values read at once
# held 1.7 GiB while every title was matched.
PLAN_STEP = 20_000


class RowsInSteps:
    """(row shown, row) of the records ``wanted`` ((row shown, id), in the order shown), read ``PLAN_STEP`` at a time
    as they are iterated (``read(ids)`` gives their rows; a table in memory's own rows, ``held``, taken as they are);
    a record gone meanwhile left out. Its length is the records wanted, for the progress shown."""

    def __init__(self, wanted: list[tuple[int, int]], read: Any, held: dict[int, tuple]) -> None:
        self.wanted, self.read, self.held = wanted, read, held

    def __len__(self) -> int:
        return len(self.wanted)

    def __iter__(self) -> Iterator[tuple[int, tuple]]:
        for start in range(0, len(self.wanted), PLAN_STEP):
            step = self.wanted[start:start + PLAN_STEP]
            rows = {row[0]: row for row in self.read([rid for _at, rid in step])}
            for at, rid in step:
                row = self.held.get(rid) or rows.get(rid)
                if row is not None:
                    yield at, row


def candidate_rows(session: Any, register: Any, ctx: Any, parent_id: int | None, text: str) -> list[tuple]:
    """The rows of the records the register's search finds ``text`` in (any cell showing it, case ignored):
    a superset of those holding it in a cell, read by the database's search, not by reading every row.
    Rows as the table's (``(id, version, *values)``) with the stored values only — the columns the register
    works out (score, rating, next review: never replaced) None, not worked out for 100,000 rows."""
    ids = windows.fetch_ids(session, register, windows.Window(parent_id=parent_id, search=text), ctx)
    return stored_rows(session, register, ctx, parent_id, ids.tolist()) if len(ids) else []


class Matcher:
    """What to find, and what a cell's text becomes."""

    def __init__(self, find: str, replace: str, match_case: bool, whole_cell: bool):
        self.find, self.replace, self.whole = find, replace, whole_cell
        flags = 0 if match_case else re.IGNORECASE
        self.pattern = re.compile(("^" + re.escape(find) + "$") if whole_cell else re.escape(find), flags)

    def matches(self, text: str) -> bool:
        return bool(text) and self.pattern.search(text) is not None

    def replaced(self, text: str) -> str:
        # a function as the replacement: a "\1" or "\\" typed is taken as typed, not as a group
        return self.pattern.sub(lambda _m: self.replace, text)


def shown_text(f, value: Any) -> str:
    """A cell's text as Find & Replace matches it: as the cell shows it, an assessment nobody made as its words
    ("Not prioritised yet", ``Field.unset``) — so Replace can fill it: "Not prioritised yet" → "High" sets the
    priority; a replacement the field does not take ("Not prioritised now") is refused as typing it is."""
    text = format_value(f, value)
    return str(text) if text else f.unset


class ReplaceDialog(QDialog):
    """Find what / Replace with, as Excel's dialog: Find Next (Enter), Replace, Replace All, Close (Esc)."""

    def __init__(self, view: "RegisterView"):
        super().__init__(view)  # a window of its own, gone with the register view it acts on
        self.setWindowFlag(Qt.WindowType.Dialog)
        self.view = view
        self.setObjectName("find-replace")
        self.setWindowTitle(f"Replace — {view.register.title}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 75)  # room for a refusal's reason
        self._scope: list[tuple[int, tuple]] | None = None  # (row shown, row tuple), dropped by any change
        self._scope_key = ""  # the text (lower case) the rows in ``_scope`` were found by
        self._busy = False  # a Replace All running

        self.find_edit = QLineEdit(self)
        self.replace_edit = QLineEdit(self)
        self.within = QComboBox(self)
        self.match_case = QCheckBox("Match &case", self)
        self.whole_cell = QCheckBox("Match entire cell c&ontents", self)
        self.find_next_button = QPushButton("&Find Next", self)
        self.replace_button = QPushButton("&Replace", self)
        self.replace_all_button = QPushButton("Replace &All", self)
        self.close_button = QPushButton("Close", self)
        self.find_next_button.setDefault(True)  # Enter in either box finds the next, as in Excel
        self.scope_note = QLabel(self)
        self.scope_note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("replace-result")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusals = QPlainTextEdit(self)
        self.refusals.setObjectName("replace-refusals")
        self.refusals.setReadOnly(True)
        self.refusals.setVisible(False)
        self.refusals.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)

        grid = QGridLayout()
        for row, (text, edit) in enumerate((("Fi&nd what:", self.find_edit), ("R&eplace with:", self.replace_edit),
                                            ("Wit&hin:", self.within))):
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        grid.addWidget(self.match_case, 3, 1)
        grid.addWidget(self.whole_cell, 4, 1)
        grid.setColumnStretch(1, 1)
        buttons = QVBoxLayout()
        for b in (self.find_next_button, self.replace_button, self.replace_all_button, self.close_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(grid, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.message)
        layout.addWidget(self.refusals)
        order: list[QWidget] = [self.find_edit, self.replace_edit, self.within, self.match_case, self.whole_cell,
                                self.find_next_button, self.replace_button, self.replace_all_button,
                                self.close_button]
        for before, after in zip(order, order[1:]):
            QDialog.setTabOrder(before, after)

        self.find_next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.reject)
        for edit in (self.find_edit, self.replace_edit):
            edit.textChanged.connect(lambda _t: self.message.clear())
        document, proxy = view.document, view.proxy
        document.records_changed.connect(self._drop_scope)
        document.outside_changes.connect(self._drop_scope)
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._drop_scope)
            signal.connect(self._refresh_note)
        self.refresh_scope_labels()

    def done(self, result: int) -> None:
        """Closed (Esc, Close): the keyboard back in the table, on the last cell found, as Excel leaves it."""
        super().done(result)
        window = self.view.window()
        window.activateWindow()
        self.view.table.setFocus()

    # ------------------------------------------------------------------ where to look
    def _drop_scope(self, *_args) -> None:
        self._scope = None

    def refresh_scope_labels(self) -> None:
        """The Within choices (this column named) and whether a filter narrows the rows looked in."""
        view = self.view
        column = view.table.currentIndex().column()
        keep = self.within.currentIndex()
        self.within.blockSignals(True)
        self.within.clear()
        self.within.addItem("All columns")
        if column >= 0:
            self.within.addItem(f"This column ({view.model.fields[column].label})")
        self.within.setCurrentIndex(keep if 0 <= keep < self.within.count() else 0)
        self.within.blockSignals(False)
        self._column = column
        self._refresh_note()

    def _refresh_note(self, *_args) -> None:
        """Whether a filter or search narrows the rows looked in (it may change with the dialog open)."""
        shown, total, noun = self.view.proxy.rowCount(), self.view.model.total_rows(), self.view.register.noun
        if shown < total:
            self.scope_note.setText(f"Within the {count_of(shown, noun)} shown of {total:,}: a filter or "
                                    "search is on, and the rows it hides are left alone.")
        else:
            self.scope_note.setText(f"Within every {noun} ({total:,}).")

    def columns(self) -> list[int]:
        """The columns looked in: the one chosen, or every column shown; never one worked out by the register
        (ID, score, rating) or read only."""
        fields = self.view.model.fields
        if self.within.currentIndex() == 1 and self._column >= 0:
            wanted = [self._column]
        else:
            header = self.view.table.horizontalHeader()
            wanted = [header.logicalIndex(v) for v in range(header.count())]
            wanted = [c for c in wanted if not self.view.table.isColumnHidden(c)]
        return [c for c in wanted if fields[c].editable]

    def scope(self, m: Matcher) -> list[tuple[int, tuple]]:
        """The rows shown that may hold the text, in the order shown, with their values: (row shown,
        (id, version, *values)). The database's search (Ctrl+F's: any cell showing the text, case
        ignored) names the records first; only their rows are then matched cell by cell."""
        key = m.find.lower()
        if self._scope is not None and self._scope_key == key:
            return self._scope
        view, model, proxy = self.view, self.view.model, self.view.proxy
        register, ctx = model.register, view.document.context
        rows = view.document.office.read(candidate_rows, register, ctx, model.parent_id, key)
        if isinstance(model, WindowedRegisterModel):
            model._finish_listing()
            shown = {rid: i for i, rid in enumerate(model.ids.tolist())}
            found = [(shown[row[0]], row) for row in rows if row[0] in shown]
        else:
            found = []
            for row in rows:
                source = model.row_of(row[0])
                if source is None:
                    continue
                at = proxy.mapFromSource(model.index(source, 0))
                if at.isValid():
                    found.append((at.row(), model.rows[source]))  # as the table holds it (its version)
        found.sort(key=lambda pair: pair[0])
        self._scope, self._scope_key = found, key
        return found

    def matcher(self) -> Matcher | None:
        find = self.find_edit.text()
        if not find:
            self.say("Type what to find.")
            return None
        return Matcher(find, self.replace_edit.text(), self.match_case.isChecked(), self.whole_cell.isChecked())

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.view.document.note.emit(message)

    def _nobody_holds(self, m: Matcher) -> None:
        self.refusals.setVisible(False)
        self.say(f"No cell holds “{m.find}”" + (" — within the rows shown" if self.view.proxy.rowCount()
                                                 < self.view.model.total_rows() else "") + ".")

    # ------------------------------------------------------------------ the buttons
    def find_next(self) -> bool:
        """The next cell holding the text after the current one, row by row, round the end: made current."""
        m = self.matcher()
        if m is None:
            return False
        fields, columns = self.view.model.fields, self.columns()
        current = self.view.table.currentIndex()
        here = (current.row(), current.column()) if current.isValid() else (-1, -1)
        order = {c: i for i, c in enumerate(columns)}
        first: tuple[int, int] | None = None
        for proxy_row, row in self.scope(m):
            for c in columns:
                if m.matches(shown_text(fields[c], row[c + OFFSET])):
                    if first is None:
                        first = (proxy_row, c)
                    if (proxy_row, order[c]) > (here[0], order.get(here[1], -1)):
                        self._go_to(proxy_row, c)
                        return True
        if first is None:
            self._nobody_holds(m)
            return False
        self._go_to(*first)
        return True

    def _go_to(self, proxy_row: int, column: int) -> None:
        table = self.view.table
        index = self.view.proxy.index(proxy_row, column)
        table.setCurrentIndex(index)
        table.scrollTo(index)
        self.message.clear()

    def replace_one(self) -> None:
        """The current cell replaced if it holds the text, then on to the next, as Excel's Replace."""
        m = self.matcher()
        if m is None:
            return
        index = self.view.table.currentIndex()
        fields = self.view.model.fields
        if index.isValid() and index.column() in self.columns():
            text = shown_text(fields[index.column()], index.data(Qt.ItemDataRole.EditRole))
            if m.matches(text):
                source = self.view.proxy.mapToSource(index)
                if not self.view.model.set_cells([(source.row(), index.column(), m.replaced(text))],
                                                 text=cells_text(self.view.register, f"Replace “{m.find}” in", 1, "of")):
                    return  # refused: the office's message says why, the cell is as it was
        self.find_next()

    def replace_all(self) -> Outcome | None:
        m = self.matcher()
        if m is None or self._busy:
            return None
        self._busy = True  # the button pressed again while a long one runs (the window painting) does nothing
        try:
            if self._long(m):
                outcome = self._plan_on_worker(m)
                if outcome is None:
                    self.refusals.setVisible(False)
                    self.say("Cancelled: nothing replaced.")
                    return None
            else:
                outcome = self.plan(m)
            return self._replace_planned(m, outcome)
        finally:
            self._busy = False

    def _long(self, m: Matcher) -> bool:
        """A Replace All planned on a worker: a windowed table's, or one over as many rows as a long edit
        (``LONG_EDIT``, whose write has its progress dialog too) — 45,000 risks held in memory took 1.3 s of
        the database's search and the matching with the window frozen, before the write's dialog showed."""
        if isinstance(self.view.model, WindowedRegisterModel):
            return True
        held = self._scope if self._scope is not None and self._scope_key == m.find.lower() else None
        return (len(held) if held is not None else self.view.proxy.rowCount()) >= LONG_EDIT

    def _plan_on_worker(self, m: Matcher) -> Outcome | None:
        """The cells found and read as typed on a worker, behind a progress dialog from 0.4 s on (the window
        painting; Cancel: nothing replaced, None): the database's search, then every row it finds matched —
        seconds for 100,000 rows, which froze the window. Only what Qt must answer is asked here first: the
        order the rows are shown in."""
        from ..background import collector_paused, run_with_progress

        view, model = self.view, self.view.model
        register, ctx, office, parent_id = model.register, view.document.context, view.document.office, model.parent_id
        columns, fields, key = self.columns(), model.fields, m.find.lower()
        found: list[tuple[int, tuple]] | None = self._scope if self._scope_key == key else None
        held: dict[int, tuple] = {}  # a table in memory: each record's row as it holds it (its version)
        shown: dict[int, int] = {}  # a table in memory: each record's row on screen
        ids_shown = None  # a windowed table's ids in their order: the rows of those found worked out on the worker
        if found is None and isinstance(model, WindowedRegisterModel):
            model._finish_listing()
            # a copy (a memory copy): a million ids made into a dict here held the window 0.33 s
            ids_shown = model.ids[:]
            import numpy  # noqa: F401  # here, not first on the worker: another worker may be importing it (half made)
        elif found is None:
            shown, held = self._shown_rows()

        def job(progress: Any, cancelled: Any) -> Outcome | None:
            with collector_paused():  # a million rows read and matched: no full pass of the collector holding the window
                return matched(progress, cancelled)

        def matched(progress: Any, cancelled: Any) -> Outcome | None:
            progress(0, 1)  # the dialog's clock starts: shown if this takes 0.4 s
            scope: Any = found
            if scope is None:  # the records found, in the order shown; their rows read a step at a time as matched
                ids = office.read(candidate_ids, register, ctx, parent_id, key)
                if cancelled():
                    return None
                at = shown if ids_shown is None else positions_in(ids_shown, ids)
                wanted = sorted((at[rid], rid) for rid in ids if rid in at)
                del ids
                scope = RowsInSteps(wanted, lambda step: office.read(stored_rows, register, ctx, parent_id, step,
                                                                     looked_at(fields, columns)), held)
            return plan_cells(scope, register, fields, columns, m, ctx, office, progress, cancelled)

        outcome: Outcome | None = run_with_progress(self, f"Finding “{m.find}”…", job)
        return outcome

    def _shown_rows(self) -> tuple[dict[int, int], dict[int, tuple]]:
        """A table in memory: each record shown → its row on screen, and its row as the table holds it."""
        model, proxy = self.view.model, self.view.proxy
        rows = model.rows
        if proxy.sortColumn() < 0 and proxy.rowCount() == len(rows):  # neither sorted nor filtered: as held
            order: Any = range(len(rows))
        else:
            order = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
        shown = {rows[source][0]: at for at, source in enumerate(order) if source >= 0}
        return shown, {rows[source][0]: rows[source] for source in order if source >= 0}

    def _replace_planned(self, m: Matcher, outcome: Outcome) -> Outcome:
        if not outcome.edits and not outcome.refused:
            self._nobody_holds(m)
            return outcome
        if outcome.edits:
            command = EditCellsCommand(self.view.document, self.view.register, outcome.edits, outcome.versions,
                                       text=cells_text(self.view.register, f"Replace “{m.find}” with “{m.replace}” in",
                                                       len(outcome.edits), "of"))
            if not self.view._execute_confirmed(command, edited_rows(outcome.edits)):
                if self.view.document.cancelled:  # its progress dialog's Cancel: rolled back
                    self.refusals.setVisible(False)
                    self.message.setText("Cancelled: nothing replaced.")
                return outcome
        changed = len(outcome.versions)  # one version a record edited (a set of a million ids took 0.5 s)
        message = (f"Replaced {len(outcome.edits):,} in {count_of(changed, self.view.register.noun)}"
                   if outcome.edits else "Nothing replaced")
        if outcome.new_names and outcome.edits:
            added = sorted(outcome.new_names)
            message += f"; {count_of(len(added), 'new person')} added to People: " + ", ".join(f"“{n}”" for n in added)
        if outcome.refused:
            message += (f"; {count_of(len(outcome.refused), 'cell')} left as "
                        f"{'it was' if len(outcome.refused) == 1 else 'they were'}, refused")
            self.refusals.setPlainText(refusals_text(outcome.refused))
        self.refusals.setVisible(bool(outcome.refused))
        self.message.setText(message + (":" if outcome.refused else "."))  # the list follows, in the dialog
        self.view.document.note.emit(message + (" (listed in the Replace dialog)." if outcome.refused else "."))
        return outcome

    def plan(self, m: Matcher) -> Outcome:
        """Each cell holding the text, its replacement read as typed; those the register refuses listed."""
        outcome = plan_cells(self.scope(m), self.view.register, self.view.model.fields, self.columns(), m,
                             self.view.document.context, self.view.document.office)
        assert outcome is not None  # not cancellable here
        return outcome


def refusals_text(refused: list[str]) -> str:
    """The cells refused, a line each, as the dialog lists them: the first ``REFUSALS_LISTED``, then how many more."""
    text = "\n".join(refused[:REFUSALS_LISTED])
    more = len(refused) - REFUSALS_LISTED
    if more > 0:
        text += f"\n… and {count_of(more, 'more cell')} refused, left as they were (not listed)."
    return text


def looked_at(fields: Any, columns: list[int]) -> set[str]:
    """The fields ``plan_cells`` reads of a row: those of the columns searched, and the ID that names a row in a
    refusal. The only ones a windowed table's rows are read with (``stored_rows``): every column of 100,000 rows,
    each reference by its name, cost the server seconds (docs/speed.md, round speed49b)."""
    return {fields[c].name for c in columns} | ({fields[0].name} if fields[0].kind == Kind.CODE else set())


def plan_cells(found: Collection[tuple[int, tuple]], register: Any, fields: Any, columns: list[int], m: Matcher, ctx: Any,
               office: Any, progress: Any = None, cancelled: Any = None) -> Outcome | None:
    """Each cell of ``found`` ((row shown, row)) holding the text in ``columns``, its replacement read as if
    typed (``Field.parse``); those the register would refuse — a value it does not take, a project the office
    lacks, a unique name another record holds or an earlier cell of this replacement takes — listed, the
    others to write. No Qt: run on a worker for a big register, ``progress(done, total)`` told as it goes,
    None when ``cancelled()`` turns true."""
    outcome = Outcome()
    names: dict[str, set[str]] = {}
    holders: dict[str, dict[Any, int]] = {}
    code_first = fields[0].kind == Kind.CODE
    search = m.pattern.search
    # a text shown as it is stored (titles, choices, names): matched on the value itself, not formatted first
    plain_kind = FieldKind.display
    looked = [(fields[c], c + OFFSET, type(fields[c].kind).display is plain_kind) for c in columns]

    def where(proxy_row: int, row: tuple) -> str:
        code = row[OFFSET] if code_first else None
        return f"Row {proxy_row + 1}{f' ({code})' if code else ''}"

    total = len(found)
    for n, (proxy_row, row) in enumerate(found):
        if not n % 1000 and n:
            if cancelled is not None and cancelled():
                return None
            if progress is not None:
                progress(n, total)
        for f, at, plain in looked:
            old = row[at]
            if (old is None or old == "") and not f.unset:
                continue
            text = old if plain and old.__class__ is str and old else shown_text(f, old)
            if not search(text):
                continue
            new_text = m.replaced(text)
            try:
                parsed = f.parse(typed_value(f, new_text), ctx)
            except errors.ValidationError as e:
                outcome.refused.append(f"{where(proxy_row, row)}: {e}")
                continue
            if f.kind.is_reference and parsed not in (None, ""):
                # a name the office lacks: refused for a project, as typing it is; a new person added
                known = names.get(f.name)
                if known is None:
                    known = names[f.name] = office.read(records.ref_keys, f)
                if str(parsed).casefold() not in known:
                    if not (f.ref is not None and f.ref.create_missing):
                        refusal = records.no_such_name(f, str(parsed), office.read(records.ref_names, f))
                        outcome.refused.append(f"{where(proxy_row, row)}: {refusal}")
                        continue
                    outcome.new_names.add(str(parsed))
            if f.kind.is_links:
                parsed = "; ".join(sorted(parsed))
            if parsed == old or (parsed in ("", None) and old in ("", None)):
                continue
            if parsed and f.kind.stored and not f.kind.refers and not f.kind.is_key and \
                    records.is_unique(register, f):
                held = holders.get(f.name)
                if held is None:
                    held = holders[f.name] = office.read(records.name_holders, register, f)
                key = records.name_key(str(parsed))
                if held.get(key, row[0]) != row[0]:  # another record's name, or one given above, in any case
                    outcome.refused.append(f"{where(proxy_row, row)}: {records.name_taken(register, f.name, parsed)}")
                    continue
                if old and held.get(records.name_key(str(old))) == row[0]:
                    del held[records.name_key(str(old))]
                held[key] = row[0]
            outcome.edits.add(row[0], f.name, old, parsed)
            outcome.versions[row[0]] = row[1]
    return outcome
