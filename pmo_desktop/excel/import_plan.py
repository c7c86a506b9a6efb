"""What an import will do, row by row: the preview the user confirms before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from ..models import disk
from ..models.fields import count_of, plural_of
from ..models.registers import REGISTERS


class Action(str, Enum):
    INSERT = "insert"
    UPDATE = "update"
    SKIP = "skip"
    ERROR = "error"

    @property
    def verb(self) -> str:
        return {"insert": "will insert", "update": "will update", "skip": "will skip", "error": "error"}[self.value]


@dataclass(slots=True)  # one per row: slots keep a 200,000-row preview small
class RowReport:
    sheet: str
    row: int            # the row number as Excel shows it
    action: Action
    code: str = ""      # the record's ID (for child rows: the parent's ID)
    reason: str = ""    # why skipped / why refused / what changes
    # a row skipped because its cells went into another row's record (the same ID on a detail sheet, a row
    # repeating one above): said "will merge", not "will skip", so that nobody takes it for a row left out
    merged: bool = False
    # the name of the office's record a row stands for where the row itself shows none: a record the office's own
    # export no longer lists, kept — "R-003" alone said nothing of which risk a colleague had deleted (walk52)
    name: str = ""

    @property
    def verb(self) -> str:
        return "will merge" if self.merged else self.action.verb

    def __str__(self) -> str:
        text = f"{self.sheet} row {self.row}: {self.verb}"
        if self.code:
            text += f" {self.code}"
        return f"{text} — {self.reason}" if self.reason else text


@dataclass(slots=True)
class PlannedRow:
    report: RowReport
    values: dict[str, Any] = field(default_factory=dict)  # parsed values by field name, ready for records
    record_id: int | None = None                          # updates: the stored record
    parent_code: str | None = None                        # child rows: the parent's ID
    has_title: bool = True                                # the row names its record (title / name filled)
    raw: tuple[Any, ...] | None = None                    # refused rows: the cells, for the rows-left-out workbook
    actions: list[dict[str, Any]] | None = None           # new risks: their response actions (description, …)
    planned: list[dict[str, Any]] | None = None           # new benefits: planned values (on, value), a target per year
    unplaced: list[tuple[str, str]] | None = None         # refused rows: (field, value) no rule could place
    failures: int = 0                                     # refused rows: how many of its values were not placed
    code_assigned: bool = False                           # new rows: the ID is the import's, not the workbook's
    creates: tuple[tuple[str, str], ...] = ()             # (target, name) the row names that the import creates
    # updates: the office's values of the fields the row changes, so that the preview shows what is written over
    was: dict[str, Any] | None = None
    # skips: the row is another register's, whose own pass over the same sheet reads it (a RAID log's types)
    elsewhere: bool = False
    # skips: the row gives what the office already has (re-imported export): listed after the rows that change
    # something, which a colleague's three edits among 137 such rows were buried under in the preview
    same: bool = False

    @property
    def changes_nothing(self) -> bool:
        """An update whose every value the record already holds: the apply leaves it as it is and counts it
        unchanged, so the preview says "unchanged" of it, not "will update" — a colleague's register imported
        again with two cells edited read "0 to insert, 70 to update", as if all 70 records would be written over."""
        return self.report.action == Action.UPDATE and not self.values

    @property
    def verb(self) -> str:
        """What the preview and the command line say the import does with the row: "unchanged" for an update
        that writes nothing (``changes_nothing``), else the report's "will insert", "will update" …"""
        return "unchanged" if self.changes_nothing else self.report.verb


@dataclass
class SheetPlan:
    sheet: str
    register: str
    header_row: int
    mapping: dict[int, str]              # column index (0-based) → field name ("@parent" for a parent ID column)
    headers: list[str]                   # header texts as written, one per column
    layout: str                          # key under which a chosen mapping and value translations are remembered
    parent_register: str | None = None
    ignored: dict[int, str] = field(default_factory=dict)  # column → why it is not imported
    rows: list[PlannedRow] = field(default_factory=list)
    replace_parents: dict[str, int | None] = field(default_factory=dict)  # child sheets: parent code → id (None: new)
    replaced_children: int = 0           # stored child rows the sheet's rows replace
    extras: dict[int, str] = field(default_factory=dict)   # column → header: kept on the record, no field
    unplaced: dict[str, dict[str, int]] = field(default_factory=dict)  # field → value it could not place → rows
    synthetic: bool = False              # rows made by the import (response actions), not a sheet of the file
    note: str = ""                       # what the preview says once of the whole sheet (its title column's source)
    # The user chose the columns' mapping (in the preview, or an earlier import's choice remembered for the layout):
    # only such a mapping is remembered. One the import read from this file's values (a "Position" of For/Against
    # read as the attitude) is read again from the next file's, which may hold job titles under the same headers.
    chosen: bool = False
    # Columns of two fields in each cell ("Position/Interest": "For/High"): column → the fields its parts gave, in
    # the order of the parts (row_planner._say_pairs), for the column list to say what the import reads from them
    parts_read: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def reading_of(self, column: int) -> str:
        """What the preview's column list says a column of two fields imports as, where no field is chosen for it:
        "Attitude, Interest (read from its words)" — it said "(keep in the notes)" beside rows each read
        "Interest: 4 – High · Attitude: Supporter" from it. "" for any other column."""
        if column not in self.parts_read or column in self.mapping:
            return ""
        reg = REGISTERS[self.register]
        return f"{', '.join(reg.field(name).label for name in self.parts_read[column])} (read from its words)"

    def reading_said(self, column: int) -> str:
        """The whole of it, for the column's tooltip: which part gives which field, and that the cell is kept in the
        notes as written too (or is the column's chosen field). "" for any other column."""
        names = self.parts_read.get(column)
        if not names:
            return ""
        labels = [REGISTERS[self.register].field(name).label for name in names]
        which = (f"the part before the slash as {labels[0]}, the part after it as {labels[1]}" if len(labels) == 2
                 else f"one of its parts as {labels[0]}")
        kept = "; the cell is kept in the notes too, as written" if column in self.extras else ""
        return f"Each cell holds two fields, split at the slash: the import reads {which}{kept}."

    def say(self, sentence: str) -> None:
        """Add a sentence to what the preview says once of the sheet (``note``)."""
        self.note = f"{self.note} {sentence}" if self.note else sentence

    @property
    def reports(self) -> list[RowReport]:
        return [r.report for r in self.rows]

    @property
    def to_create(self) -> dict[str, set[str]]:
        """"Project" → the names to create first: those the sheet's rows name, but not rows found afterwards to
        be no record (a legend under the table, "Project | Name of the related projects …", named a project
        “Project” when the names were gathered as each row was read)."""
        out: dict[str, set[str]] = {}
        for r in self.rows:
            if r.creates and r.report.action is not Action.SKIP:
                for target, name in r.creates:
                    out.setdefault(target, set()).add(name)
        return out

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.report.action == action)

    def unchanged(self) -> int:
        return sum(1 for r in self.rows if r.changes_nothing)

    def defaults_given(self) -> dict[str, Any]:
        """Field name → the value the register gives each record this sheet inserts, for its fields with a
        default that no column of the sheet gives: said in the preview, since the workbook never said it — a
        stakeholder register of names and roles came in with every stakeholder assessed "Unaware", wanted
        "Supportive", and a RAID log's issues all at priority "Medium", with no word before or after."""
        if self.synthetic or not self.count(Action.INSERT):
            return {}
        given = set(self.mapping.values())
        # a field a rule of the import sets on the rows themselves is no default either: a decision log dated and
        # signed off by its reviewer comes in Decided (``row_planner``), and was said to come in "Pending"
        given.update(name for r in self.rows if r.report.action == Action.INSERT for name in r.values)
        return {name: value for name, value in REGISTERS[self.register].defaults.items() if name not in given}

    def left_unassessed(self) -> list[str]:
        """The assessments (fields that read ``Field.unset`` when empty: a stakeholder's attitude, engagement, an
        issue's priority, a dependency's criticality, a benefit's confidence) no column of the sheet gives, for the
        records it inserts: they are left empty, "Not assessed yet", and the preview says so — they had been set to
        a level nobody chose ("Unaware", wanted "Supportive"; "Medium")."""
        if self.synthetic or not self.count(Action.INSERT):
            return []
        given = set(self.mapping.values())
        # a priority the import reads from the rows themselves (a tracker's labels "bug, High") is left only on the
        # rows that give none: said of them (``unassessed_rows``), not of every new record
        return [f.name for f in REGISTERS[self.register].fields if f.unset and f.name not in given
                and any(not r.values.get(f.name) for r in self._inserted())]

    def unassessed_groups(self) -> list[tuple[bool, list[str], int]]:
        """The assessments ``left_unassessed`` in two groups — (False) those no new row holds, no column giving them,
        and (True) those some new rows hold (a part of a "For/High" cell, a tracker's label) and others do not —
        each with how many new records are left without one of them. The preview said of every one "as no column
        of the workbook gives it": a stakeholder register whose "Position/Interest" gave 28 of 29 attitudes read
        "Left not assessed on the 29 new stakeholders …: Attitude" (walk39)."""
        left, inserted = self.left_unassessed(), self._inserted()
        partly = [name for name in left if any(r.values.get(name) for r in inserted)]
        groups = ((False, [name for name in left if name not in partly]), (True, partly))
        return [(given_on_some, names, sum(1 for r in inserted if any(not r.values.get(n) for n in names)))
                for given_on_some, names in groups if names]

    def unassessed_rows(self) -> int:
        """How many of the records the sheet inserts are left with an assessment empty (``left_unassessed``)."""
        left = self.left_unassessed()
        return sum(1 for r in self._inserted() if any(not r.values.get(name) for name in left))

    def _inserted(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.report.action == Action.INSERT]


@dataclass
class ImportPlan:
    """A preview: nothing has been written. Give it to ``apply_import`` to write it all at once."""

    path: Path
    sheets: list[SheetPlan] = field(default_factory=list)
    skipped_sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet, reason)
    new_choices: dict[str, set[str]] = field(default_factory=dict)  # "risks.category" → values joining the list
    translations: dict[str, Any] | None = None  # the value translations the user gave; remembered on apply
    # Our own export (excel/office_import.py): the office's settings it carries, the fields both the office
    # and the workbook changed since the export, and whether it came from this very office.
    settings: dict[str, Any] = field(default_factory=dict)
    conflicts: list[Any] = field(default_factory=list)
    own_export: bool = False
    # Sheets whose columns past the reading limit hold values: a sentence each (workbook_reader.not_read)
    not_read: list[str] = field(default_factory=list)
    # The file's size and time of change as it was read (SafeWorkbook.stamp): the apply refuses a file saved again
    # since, whose preview no longer says what it holds (apply_import).
    stamp: tuple[int, int] | None = None
    # A portfolio status report's projects (keyed in lower case) → the state its status column gives each: the
    # projects the import makes take it (portfolio_reports)
    project_states: dict[str, str] = field(default_factory=dict)

    @property
    def unplaced(self) -> dict[tuple[str, str], dict[str, int]]:
        """(register, field) → each value no rule could place → how many rows hold it."""
        out: dict[tuple[str, str], dict[str, int]] = {}
        for s in self.sheets:
            for name, values in s.unplaced.items():
                table = out.setdefault((s.register, name), {})
                for value, n in values.items():
                    table[value] = table.get(value, 0) + n
        return out

    @property
    def to_create(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for s in self.sheets:
            for target, names in s.to_create.items():
                out.setdefault(target, set()).update(names)
        return out

    @property
    def valid_count(self) -> int:
        return self.count(Action.INSERT) + self.count(Action.UPDATE)

    @property
    def reports(self) -> list[RowReport]:
        return [r for s in self.sheets for r in s.reports]

    @property
    def errors(self) -> list[RowReport]:
        error = Action.ERROR  # looked up once, not once a row (the Enum metaclass's attribute hook)
        return [r for r in self.reports if r.action == error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def defaults_said(self) -> str:
        """One sentence for the registers whose new records get values the workbook does not give (the sheets'
        ``defaults_given``): "Set on the 6 new stakeholders, as no column of the workbook gives it: Attitude
        “Neutral”, Current engagement “Unaware” …", so that an assessment nobody made is not taken for the
        colleague's. Said by the preview and by ``pmo-desktop import`` alike; "" when there are none."""
        given: dict[str, dict[str, Any]] = {}
        inserted: dict[str, int] = {}
        for sheet in self.sheets:
            defaults = sheet.defaults_given()
            if defaults:
                given.setdefault(sheet.register, {}).update(defaults)
                inserted[sheet.register] = inserted.get(sheet.register, 0) + sheet.count(Action.INSERT)
        if not given:
            return ""
        said = {name: ", ".join(f"{REGISTERS[name].field(f).label} “{REGISTERS[name].field(f).display(v)}”"
                                for f, v in defaults.items()) for name, defaults in given.items()}
        if len(said) == 1:  # one line however many registers: a RAID log's four filled the dialog's foot
            name, values = next(iter(said.items()))
            whom = f"the {count_of(inserted[name], 'new ' + REGISTERS[name].noun)}, as no column of the workbook gives it:"
        else:
            whom = "the new records, as no column of the workbook gives it —"
            values = "; ".join(f"{plural_of(REGISTERS[n].noun)}: {v}" for n, v in said.items())
        return f"Set on {whom} {values}."

    def unassessed_said(self) -> list[str]:
        """A sentence per register whose new records' assessments no column gives (the sheets'
        ``left_unassessed``): "Left not assessed on the 6 new stakeholders, as no column of the workbook gives it:
        Attitude, Current engagement, Desired engagement." — empty in the office, never a level nobody chose. Said by
        the preview and by ``pmo-desktop import`` alike."""
        return [line for _given_on_some, line in self.unassessed_lines()]

    def unassessed_lines(self) -> list[tuple[bool, str]]:
        """``unassessed_said``'s sentences, each with whether the workbook gives the assessments on some rows (the
        preview then has no column to offer)."""
        left: dict[tuple[str, bool], list[str]] = {}
        inserted: dict[tuple[str, bool], int] = {}
        for sheet in self.sheets:
            for given_on_some, names, rows in sheet.unassessed_groups():
                key = (sheet.register, given_on_some)
                listed = left.setdefault(key, [])
                listed += [n for n in names if n not in listed]
                inserted[key] = inserted.get(key, 0) + rows
        said: list[tuple[bool, str]] = []
        for (name, given_on_some), names in left.items():
            n = inserted[(name, given_on_some)]
            whom = count_of(n, "new " + REGISTERS[name].noun)
            why = (f" whose {'row gives' if n == 1 else 'rows give'} none (the workbook gives it on the others)"
                   if given_on_some else ", as no column of the workbook gives it")
            said.append((given_on_some, f"Left not assessed on the {whom}{why}: "
                                        f"{', '.join(REGISTERS[name].field(f).label for f in names)}."))
        return said

    def count(self, action: Action) -> int:
        return sum(s.count(action) for s in self.sheets)

    def unchanged(self) -> int:
        """Rows that give records the office already holds as they are (``PlannedRow.changes_nothing``)."""
        return sum(s.unchanged() for s in self.sheets)

    def summary(self) -> str:
        """One sentence for the preview dialog or the command line."""
        n_ins, n_upd, n_skip, n_err = (self.count(a) for a in Action)
        n_same = self.unchanged()
        n_upd -= n_same  # said apart: "2 to update, 68 unchanged", where it read "70 to update"
        if not (n_ins or n_upd or n_same or n_err or self.conflicts):
            return (f"Nothing to import: all {n_skip} rows are skipped, each with its reason (empty, a note, "
                    "or the same as the office's)."
                    if n_skip else "Nothing to import: the sheet has no rows under its header.")
        merged = sum(1 for r in self.reports if r.merged) if n_skip else 0
        text = f"{n_ins} to insert, {n_upd} to update, " + (f"{n_same} unchanged, " if n_same else "") + \
            f"{n_skip - merged} skipped"
        if merged:
            text += f", {merged} merged into another row's record"
        per_register: dict[str, int] = {}
        for s in self.sheets:
            n = s.count(Action.INSERT) + s.count(Action.UPDATE) - s.unchanged()
            if n:
                per_register[s.register] = per_register.get(s.register, 0) + n
        if len(per_register) > 1:  # "7 to insert" of 4 risks and their 3 response actions: say so
            text += " (" + ", ".join(count_of(n, REGISTERS[r].noun) for r, n in per_register.items()) + ")"
        if self.conflicts:
            text += (f", {len(self.conflicts)} changed in both the office and the workbook since the export "
                     "(the office's values kept unless you take the workbook's)")
        if n_err:
            first = self.errors[0]
            # with no valid row there is nothing to import alone: do not offer "the 0 valid rows"
            valid = n_ins + n_upd  # "unless the 1 valid row is imported alone", not "the 1 valid rows are"
            alone = (f", unless the {count_of(valid, 'valid row')} {'is' if valid == 1 else 'are'} imported alone"
                     if valid else "")
            return (f"{text}, {n_err} with errors — nothing will be imported until they are fixed{alone} "
                    f"(first: {first.sheet} row {first.row}: "
                    f"{first.reason.rstrip('.')}).")  # no "….)." after a reason's own full stop
        return text + "."

    def deleted_from_workbook(self) -> list[str]:
        """The IDs and names of the office's records its own export, imported back, no longer lists (a colleague
        deleted the row): kept in the office, said in the preview's summary as well as on their rows."""
        return [f"{r.code} “{r.name}”" if r.name else r.code
                for r in self.reports if r.action is Action.SKIP and r.reason == KEPT_DELETED]


def refuse_whole_families(sheet: SheetPlan, stored_only: bool = False) -> None:
    """A sub-table's rows replace the stored rows of each record they name as a whole (a risk's actions, a
    benefit's measurements): a record with one refused row among them keeps its stored rows, and its other rows
    are refused with it, each saying which row holds the error. Before (fault72), "Import the valid rows, leave
    the rest" deleted the record's stored rows and wrote its valid ones alone: the risk whose one action had a
    mistyped date lost that action, and a risk with a new action and an edited one lost the edited one.
    ``stored_only``: only the families of records the office holds (a colleague's own sub-table sheet, left59b: a
    new record's valid rows lose nothing stored, and come in as before)."""
    refused: dict[str, int] = {}
    for prow in sheet.rows:
        # a refused row keeps its record's ID as its code (the planner sets no parent on a refused row)
        parent = prow.parent_code or (prow.report.code if stored_only else None)
        if prow.report.action == Action.ERROR and parent and \
                (not stored_only or sheet.replace_parents.get(parent.casefold()) is not None):
            refused.setdefault(parent.casefold(), prow.report.row)
    if not refused:
        return
    reg = REGISTERS[sheet.register]
    for prow in sheet.rows:
        low = (prow.parent_code or "").casefold()
        if low in refused and prow.report.action in (Action.INSERT, Action.UPDATE):
            prow.report.action = Action.ERROR
            prow.report.reason = (f"The {plural_of(reg.noun)} of {prow.parent_code} are taken as a whole, and row "
                                  f"{refused[low]} of them is refused: correct that row and this one comes in with it "
                                  f"(until then the office keeps {prow.parent_code}'s own).")
            prow.values = {}
    for low in refused:
        sheet.replace_parents.pop(low, None)


KEPT_DELETED = "deleted from the workbook; kept in the office."  # an exported record's row deleted by a colleague
LEFT_OUT_SUFFIX = " - rows left out.xlsx"


def left_out_where(written: Path | None, source: Path | None, count: int = 2, why: str = "") -> str:
    """Where the ``count`` rows left out went, for the CLI's summary and the window's status bar: one row said as
    one ("1 row with errors left out; it is in … with the reason"), not as "they … with the reasons" (walk57).
    ``why``: what stopped them being written (``disk.failure_cause``: "the disk is full"), when they were not."""
    one = count == 1
    they, them, reasons = ("it", "it", "the reason") if one else ("they", "them", "the reasons")
    if written is None and why:
        # a full disk said as such (fault70b: "cannot be written" alone sent the user to the folders' permissions)
        return (f"{they} could not be written to a workbook, beside the workbook or in your Documents folder: {why}; "
                f"nothing of {them} is lost: the import's report lists {them}, "
                + ("with its reason" if one else "each with its reason"))
    if written is None:
        return (f"{they} could not be written to a workbook (neither beside the workbook nor in your Documents "
                f"folder can be written); the import's report lists {them}")
    kept = ""
    if source is not None:
        usual = disk.fitted_stem(source.stem, LEFT_OUT_SUFFIX) + LEFT_OUT_SUFFIX
        if written.name != usual:  # importer.write_left_out kept the one there
            kept = f"; “{usual}” was kept as it was (it holds other rows, or is open or read-only)"
    is_in = "it is in" if one else "they are in"
    if source is not None and written.parent == source.parent:
        return f"{is_in} “{written.name}” beside the workbook, with {reasons}{kept}"
    return f"{is_in} “{written}” (the workbook's folder cannot be written), with {reasons}{kept}"


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    children_replaced: int = 0
    # child register → its stored rows deleted to be replaced by the workbook's (a risk's actions): said in the
    # summary, as the preview said it (row_planner.replaced_said), so that the report does not read as additions only
    replaced: dict[str, int] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    left_out: int = 0                      # refused rows a partial import did not write
    left_out_path: Path | None = None      # where they were written, with the reasons
    left_out_why: str = ""                 # what stopped them being written, when nothing was ("the disk is full")
    source: Path | None = None             # the workbook imported (its folder is where left_out_path goes first)

    def summary(self) -> str:
        # A partial import writes its refused rows as skips naming their error (``importer.valid_rows_only``), so
        # ``skipped`` counts them too: said as skipped and again as left out, one bad row read as two rows lost.
        skipped = self.skipped - self.left_out
        text = (f"Imported {self.inserted} new and {self.updated} updated records "
                f"({self.unchanged} unchanged, {count_of(skipped, 'row')} skipped")  # "1 row", not "1 rows"
        if self.left_out:
            text += (f", {count_of(self.left_out, 'row')} with errors left out; "
                     f"{left_out_where(self.left_out_path, self.source, self.left_out, self.left_out_why)}")
        text += ")."
        if self.replaced:
            text += " Replaced by the workbook's: " + ", ".join(
                count_of(n, "stored " + REGISTERS[name].noun) for name, n in self.replaced.items()) + "."
        return text
