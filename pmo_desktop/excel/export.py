"""Export registers to an .xlsx workbook a PMO can work in, and import back without loss.

Every register is one sheet (its declared ``sheet``), columns from its definition, in the order of
``REGISTERS``; sub-tables follow their parent on their own sheets keyed by the parent's ID
(``parent_label``: "Risk ID", "Benefit ID"). With no register named, the whole office is written.

All data comes from one consistent read; the file is written beside the destination and renamed over
it only when complete.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from xlsxwriter.worksheet import Worksheet

from .. import APP_NAME
from ..models import paper
from ..models.fields import Context, Kind, Register
from ..models.program import Person, Program, Project
from ..models.records import OWN_LIST_PREFIX, fetch_rows, load_context
from ..models.registers import REGISTERS, children, top_level
from ..models.settings import BOARD_PACK_PAPER, OFFICE_ID, SETTINGS, ensure_office_id
from ..models.store import Store
from .atomic import check_target, write_atomically
from .cells import clean_text
from .export_errors import ExportError
from .lists_sheet import ListsSheet
from .office_import import SETTINGS_SHEET, family_stamp_lines
from .stamp import STAMP_SHEET, header_lines, pack, stamp_rows
from .table_sheet import Column, SheetSpec, columns_for, write_sheet
from .xlsx_book import Formats, StreamingSheet, Workbook, close_book, discard_book, new_book

Progress = Callable[[int, int], None]   # (rows written so far, rows in total)
SHEET_ROWS = 1_048_576  # an Excel sheet's rows, its header's included



def choose_registers(registers: Iterable[str] | str | None) -> list[str]:
    """The registers to export (each brings its sub-tables), in workbook order; None: the whole office.
    An unknown name is refused."""
    every = top_level()
    if registers is None:
        return every
    wanted = [registers] if isinstance(registers, str) else list(registers)
    for name in wanted:
        if name not in every:
            raise ExportError(f"Unknown register “{name}”; choose one of {', '.join(every)}.")
    return [name for name in every if name in wanted]


# ------------------------------------------------------------------------------------ reading
def _fits_a_sheet(session: Session, reg: Register) -> None:
    """Refused before a row is read when a register has more records than a sheet has rows below its header:
    xlsxwriter leaves out every row past Excel's last, without a word."""
    count = session.scalar(select(func.count()).select_from(reg.entity)) or 0
    if count > SHEET_ROWS - 1:
        raise ExportError(f"“{reg.title}” holds {count:,} records, more than an Excel sheet holds "
                          f"({SHEET_ROWS - 1:,} below its header); nothing was written. Move older closed records "
                          "into an archive office (File ▸ Save a Copy As, then delete them here) and export again.")


def _main_sheet(session: Session, reg: Register, ctx: Context) -> SheetSpec:
    _fits_a_sheet(session, reg)
    exported = [i for i, f in enumerate(reg.fields) if f.exported]
    every = len(exported) == len(reg.fields)
    stored = fetch_rows(session, reg, ctx)
    rows = [r[2:] if every else tuple(r[2 + i] for i in exported) for r in stored]
    spec = SheetSpec(reg.sheet, reg.name, columns_for(reg), rows, freeze_cols=2)
    spec.stamp_rows = stored
    return spec


def _child_sheet(session: Session, reg: Register, ctx: Context) -> SheetSpec:
    """A sub-table keyed by its parent's ID, grouped by parent in the parent register's order."""
    assert reg.parent is not None and reg.parent_register is not None
    # ``Register.entity`` is declared as a bare ``type``, so the mapped columns of the sub-table and its
    # parent (``id``, ``code``, the foreign key) are known only by name: the two classes are typed as Any.
    E: Any = reg.entity
    parent: Any = REGISTERS[reg.parent_register].entity
    parent_fk = getattr(E, reg.parent)
    _fits_a_sheet(session, reg)
    parents = dict(((cid, (pid, code)) for cid, pid, code in session.execute(
        select(E.id, parent.id, parent.code).join(parent, parent_fk == parent.id))))
    rows = sorted(((parents[r[0]], r) for r in fetch_rows(session, reg, ctx)), key=lambda item: (item[0][0], item[1][0]))
    columns = [Column(reg.parent_label, Kind.CODE, 10, None, reg.name), *columns_for(reg)]
    return SheetSpec(reg.sheet, reg.name, columns, [(code, *r[2:]) for (_, code), r in rows], freeze_cols=1)


def _sheets(session: Session, name: str, ctx: Context) -> list[SheetSpec]:
    return [_main_sheet(session, REGISTERS[name], ctx),
            *(_child_sheet(session, c, ctx) if c.parent else _main_sheet(session, c, ctx) for c in children(name))]


def _ref_names(session: Session) -> dict[str, list[str]]:
    """Names offered in the dropdowns of reference columns (owners, projects, stakeholders)."""
    from ..models.stakeholders import Stakeholder

    out = {}
    for entity, attr in ((Person, Person.name), (Project, Project.name), (Stakeholder, Stakeholder.name)):
        out[entity.__name__] = sorted({n for n in session.scalars(select(attr)) if n}, key=str.casefold)
    return out


def read_export(store: Store, registers: Iterable[str] | str | None = None
                ) -> tuple[list[SheetSpec], Context, str, list[list[Any]], list[list[Any]]]:
    """Everything an export writes, from one consistent snapshot of the file: the register sheets, the
    export stamp (see ``stamp``) and, for the whole office, its settings."""
    names = choose_registers(registers)
    if store.read_only:  # the id is kept when first made; a read-only office without one gets a passing one
        with store.session() as session:
            office_id = OFFICE_ID.read(session) or uuid.uuid4().hex
    else:
        with store.transaction() as session:
            office_id = ensure_office_id(session)
    with store.snapshot() as session:
        ctx = load_context(session)
        refs = _ref_names(session)
        sheet_paper = BOARD_PACK_PAPER.read(session) or paper.locale_paper()  # the paper the office prints on
        program = session.scalars(select(Program.name).order_by(Program.id)).first() or ""
        sheets = [sheet for name in names for sheet in _sheets(session, name, ctx)]
        lines = header_lines(office_id, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        for sheet in sheets:
            reg = REGISTERS[sheet.register]
            if reg.key_field is not None and sheet.stamp_rows is not None:
                lines.extend(stamp_rows(reg, sheet.stamp_rows))
            elif reg.parent:
                lines.extend(family_stamp_lines(reg, sheet.rows))
            sheet.stamp_rows = None
        if len(lines) > SHEET_ROWS:  # the stamp's sheet: a line a record, the whole office's on one sheet
            raise ExportError(f"The office holds {len(lines):,} records in all, more than one export's stamp sheet "
                              f"holds ({SHEET_ROWS:,}); nothing was written. Export its registers one at a time.")
        settings = ([[key.label, key.key, json.dumps(key.dump(key.read(session)))] for key in SETTINGS]
                    + _own_lists(session) if registers is None else [])
    for sheet in sheets:
        sheet.refs = refs
        sheet.paper_size = sheet_paper
    return sheets, ctx, program, lines, settings


def _own_lists(session: Session) -> list[list[Any]]:
    """The office's own words for a choice (the risk categories an import added: "Data Quality", "Weather"), as
    settings rows: the whole office's export rebuilds them. Only the words its records used came back before, so
    a category no risk had yet left the office, and the next export's dropdown, without a word."""
    from ..models.program import Setting

    rows = []
    for key, value in session.execute(select(Setting.key, Setting.value).where(
            Setting.key.startswith(OWN_LIST_PREFIX)).order_by(Setting.key)):
        register, _, name = key[len(OWN_LIST_PREFIX):].partition(".")
        reg = REGISTERS.get(register)
        if reg is not None and name in reg.field_names:
            rows.append([f"{reg.title}: own words for {reg.field(name).label}", key, value])
    return rows


# ------------------------------------------------------------------------------------ writing
def _write_line(ws: Worksheet, row: int, line: Sequence[Any]) -> None:
    """A line of plain values: text always as text, numbers as numbers."""
    for col, value in enumerate(line):
        if value is None:
            continue
        if isinstance(value, str):
            ws.write_string(row, col, clean_text(value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            ws.write_number(row, col, value)
        else:
            ws.write_string(row, col, clean_text(str(value)))


def write_stamp(wb: Workbook, lines: list[list[Any]]) -> None:
    """The export stamp on a very hidden sheet: out of the user's way, read back on re-import."""
    ws = wb.add_worksheet(STAMP_SHEET, worksheet_class=StreamingSheet)
    ws.very_hidden()
    head = len(header_lines("", ""))
    for row, line in enumerate([*lines[:head], *pack(lines[head:])]):
        _write_line(ws, row, line)


def write_settings(wb: Workbook, rows: list[list[Any]]) -> None:
    """The office's declared settings (risk scale, thresholds …) on a hidden sheet, as JSON: a whole-office
    export rebuilds them too. Hidden because they are changed in the program, not typed in a cell."""
    if not rows:
        return
    ws = wb.add_worksheet(SETTINGS_SHEET, worksheet_class=StreamingSheet)
    ws.hide()
    for row, line in enumerate([["Setting", "Key", "Value (JSON)"], *rows]):
        _write_line(ws, row, line)


def export_workbook(store: Store, out_path: str | os.PathLike[str], registers: Iterable[str] | str | None = None,
                    progress: Progress | None = None) -> Path:
    """Write the chosen registers (the whole office by default) with their sub-tables to ``out_path``.

    ``progress(done, total)`` is called as rows are written; an exception raised from it cancels the
    export and leaves any existing file untouched. Raises ``ExportError`` (a clear sentence) or
    ``OSError`` (disk full, permission) — never leaves a partial file behind.
    """
    out = check_target(out_path, store.path)
    sheets, ctx, program, stamp, settings = read_export(store, registers)
    total = sum(len(s.rows) for s in sheets)
    done = 0

    def tick(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None:
            progress(done, total)

    def write(target: BinaryIO) -> None:
        wb = new_book(target)
        wb.set_properties({"author": APP_NAME, "title": f"{program} — registers" if program else "Registers"})
        try:
            formats = Formats(wb)
            lists = ListsSheet()
            for sheet in sheets:
                write_sheet(wb, formats, sheet, lists, ctx, tick)
            if lists:
                lists.write(wb, formats)
            write_settings(wb, settings)
            write_stamp(wb, stamp)
        except BaseException:
            discard_book(wb)
            raise
        close_book(wb)

    return write_atomically(out, write)
