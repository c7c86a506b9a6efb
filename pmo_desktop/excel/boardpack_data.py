"""Everything the board pack shows, gathered in one consistent read (a snapshot), as plain data.

Aggregates come from the database (counts per heat-map cell, per rating, per quadrant); only the few
rows the board actually reads (top risks, stakeholders, benefits, communications due) are fetched.
So a file of 10,000 risks costs a GROUP BY, not 10,000 rows of Python.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Sized
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import clock, history, snapshots
from ..models.benefit_rollup import Rollup, program_rollups
from ..models.benefit_rules import TYPED_MEASURES
from ..models.dashboard import exposure_order
from ..models.fields import Context, Register, plural_of
from ..models.office import Office
from ..models.program import Program
from ..models.records import fetch_rows, load_context
from ..models.registers import REGISTERS
from ..models.risks import Risk
from ..models.status_rollup import ProjectStatus, latest_status, milestones, milestones_slipped
from ..models.store import Store
from ..models.summary import (
    OPEN,
    HeatCell,
    Summary,
    heat_map_counts,
    overview_entries,
    risk_score_groups,
    summarize,
)
from ..models.values import day_text, month_text, stored_number
from ..models.what_changed import Comparison, compare_registers

TOP_RISKS = 20

# One record of a register as the board reads it: "id", "version", then each field's value by its name.
Record = dict[str, Any]


@dataclass
class BoardPackData:
    program: str
    sponsor: str
    manager: str
    today: date
    ctx: Context
    summary: Summary
    inherent_cells: Counter[HeatCell]
    residual_cells: Counter[HeatCell]
    top_risks: list[Record]          # open threats only
    stakeholders: list[Record]
    benefits: list[Record]
    # The program's own roll-ups (one per money basis), exactly as the Benefits page shows them.
    rollups: list[Rollup] = field(default_factory=list)
    top_opportunities: list[Record] = field(default_factory=list)
    comms_due: list[Record] = field(default_factory=list)
    # "Since the last board": what changed since the latest board snapshot (None: there is none yet).
    since: Comparison | None = None
    # The office as this pack reads it, packed, when the pack is published (kept as a board snapshot).
    frozen: bytes | None = None
    # Each project's latest status report beside the one before it, and the milestones slipped or late.
    project_status: list[ProjectStatus] = field(default_factory=list)
    slipped_milestones: list[Record] = field(default_factory=list)
    # The office's file, said in small print under the title when the program has no name of its own (``Program.own_name``).
    office_file: str = ""

    @property
    def title(self) -> str:
        """The pack's title: the program's name, else "Program"."""
        return self.program or "Program"


def _as_dicts(reg: Register, rows: Iterable[Sequence[Any]]) -> list[Record]:
    names = ["id", "version", *reg.field_names]
    return [dict(zip(names, r)) for r in rows]


def _top_risks(session: Session, ctx: Context, kind: str) -> list[Record]:
    """The open threats (or opportunities) by the rating they have now, as the overview ranks them
    (``exposure_order``): a threat's score is how bad it could be, an opportunity's how good, so the two are
    ranked apart and never in one list."""
    ids = session.scalars(
        select(Risk.id).where(Risk.status == OPEN, Risk.kind == kind)
        .order_by(*exposure_order()).limit(TOP_RISKS)
    ).all()
    rank = {rid: i for i, rid in enumerate(ids)}
    rows = fetch_rows(session, REGISTERS["risks"], ctx, ids=ids)
    return sorted(_as_dicts(REGISTERS["risks"], rows), key=lambda r: rank[r["id"]])


def top_heading(records: Sized, what: str) -> str:
    """The heading of a ranked list: "Top 7 open threats"; one alone is "The one open opportunity" — a board
    member read "Top 1 open opportunities" as a list cut short, and its number and noun at odds; none is "Top open
    threats", over the line that says there are none ("Top 0 open threats" read as a count gone wrong)."""
    if not records:
        return f"Top {plural_of(what)}"
    return f"The one {what}" if len(records) == 1 else f"Top {len(records)} {plural_of(what)}"


# What the pack says where a section has nothing to list, on paper and in the workbook alike: a table of headers
# over nothing reads as a page gone wrong.
NO_PROJECTS = "No projects."
NO_OPEN_THREATS = "No open threats."
NO_STAKEHOLDERS = "No stakeholders."
NO_BENEFITS = "No benefits."
NOTHING_DUE = "Nothing is due this month."


# The communications due, their heading and whether each is overdue, worded once for the PDF and the workbook: the
# PDF's last column had no heading over its "Overdue" (and nothing beside one not overdue), the workbook's read
# "Overdue: Yes / No", and its title said "(including overdue)" where the PDF said "(overdue included)" (walk 51).
COMMS_OVERDUE = "Overdue"

# The financial benefits' roll-up said once for both packs: the PDF said "benefits in different money are rolled up
# apart", the workbook "in different units" — and units a period apart ("£k/month", "£k per quarter") are one
# roll-up (``benefit_rollup.money_basis``); it is their money that sets them apart, as the column above says.
MONEY_UNIT = "Unit of money"
ROLLED_UP_APART = ("Financial amounts are the change from baseline in monthly amounts over the months measured so "
                   "far, as on the Benefits page; benefits in different units of money (£k, $k) are rolled up apart.")


def comms_heading(data: BoardPackData) -> str:
    return f"Communications due in {month_text(data.today, full=True)} (overdue included)"


def comm_overdue(comm: Record) -> str:
    return "Yes" if comm["overdue"] else "No"


def none_slipped(data: BoardPackData) -> str:
    """Under "Milestones slipped or late (0)": every milestone on its baseline — or, in an office with none yet,
    that there are none (a new office's first pack said "Every milestone is on its baseline" of no milestone)."""
    return "Every milestone is on its baseline." if data.summary["status"]["milestones_total"] else "No milestones yet."


def _comms_due(session: Session, ctx: Context) -> list[Record]:
    """Communications due by the end of this month (overdue included); next due and overdue are the
    register's own computed columns, worked out for the pack's day (``ctx.today``)."""
    reg = REGISTERS["communications"]
    today = ctx.today
    month_end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    due = [c for c in _as_dicts(reg, fetch_rows(session, reg, ctx))
           if c["next_due"] is not None and c["next_due"] <= month_end]
    return sorted(due, key=lambda c: (c["next_due"], code_order(c["code"])))


_NUMBER = re.compile(r"(\d+)")


def code_order(code: str | None) -> tuple[tuple[int, str], ...]:
    """An ID's place in a list, its numbers by value: S-2 before S-10, S-135 before S-1340 — by its text a long
    register read S-1340, S-1345, S-135 in the pack, an order no reader follows."""
    parts = _NUMBER.split((code or "").casefold())
    return tuple((1, f"{int(p):020d}") if i % 2 else (0, p) for i, p in enumerate(parts))


def _since_last_board(store: Store, today: date, frozen: bytes | None) -> Comparison | None:
    """What changed from the latest board snapshot to the state this pack shows."""
    office = Office(store)
    last = office.read(snapshots.latest)
    if last is None:
        return None
    before = snapshots.open_snapshot(office, last.id)
    if frozen is not None:  # exactly what this pack reads (and will keep)
        after = snapshots.Source(history.materialise(history.unpack(frozen), "this pack"), "this pack", today, True,
                                 office)
    else:
        after = snapshots.Source(office, "this pack", today, False, office)
    return compare_registers(before, after)


def read_board_pack(store: Store, today: date | None = None, *, freeze: bool = False) -> BoardPackData:
    """Everything the pack shows; ``freeze``: also the office's data packed, to keep as a board snapshot
    once the pack is written (``boardpack_publish``)."""
    today = today or clock.today()
    with store.snapshot() as session:
        ctx = load_context(session, today)
        program = session.scalars(select(Program).order_by(Program.id)).first()
        groups = risk_score_groups(session)
        frozen = history.pack(history.current_state(session)) if freeze else None
        # A program with no name of its own (``Program.own_name``): the pack is titled "Program", the office's file
        # said in small print under it — a newcomer's pack went to the board titled "office" (walk43).
        own = program.own_name(store.path.stem if store.path is not None else None) if program else ""
        office_file = "" if own or store.path is None else store.path.name
        data = BoardPackData(
            program=own,
            sponsor=program.sponsor if program else "",
            manager=program.manager if program else "",
            today=today,
            ctx=ctx,
            summary=summarize(session, ctx, today=today),
            inherent_cells=heat_map_counts(groups),
            residual_cells=heat_map_counts(groups, residual=True),
            top_risks=_top_risks(session, ctx, "Threat"),
            top_opportunities=_top_risks(session, ctx, "Opportunity"),
            stakeholders=_as_dicts(REGISTERS["stakeholders"], fetch_rows(session, REGISTERS["stakeholders"], ctx)),
            benefits=_as_dicts(REGISTERS["benefits"], fetch_rows(session, REGISTERS["benefits"], ctx)),
            rollups=program_rollups(session),
            comms_due=_comms_due(session, ctx),
            frozen=frozen,
            project_status=latest_status(session, ctx),
            slipped_milestones=milestones_slipped(milestones(session, ctx)),
            office_file=office_file,
        )
    data.since = _since_last_board(store, today, frozen)
    return data


SINCE_PER_HEADING = 10  # lines per heading in the pack; the rest is counted ("… and 4 more")
SINCE_HEADERS = ("Register", "What", "ID", "Name", "Change", "By")


def since_rows(data: BoardPackData, per_heading: int = SINCE_PER_HEADING) -> list[tuple[str, str, str, str, str, str]]:
    """The "Since the last board" table, for the PDF and the workbook alike: one row per move, at most
    ``per_heading`` under each heading and then one row counting the others; By: who made the move."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    if data.since is None:
        return rows
    for title, heading, moves in data.since.sections():
        for m in moves[:per_heading]:
            change = (f"{m.label}: {m.before or '—'} → {m.after or '—'}" if m.field else m.after)
            rows.append((title, heading, m.code, m.name, change, m.by))
        if len(moves) > per_heading:
            rows.append((title, heading, "", f"… and {len(moves) - per_heading} more", "", ""))
    return rows


ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def pack_dates(text: str) -> str:
    """A line written for the screen ("DEC-005 due 2026-11-30") with its dates as the pack writes them
    ("30 Nov 2026")."""
    def day(m: re.Match[str]) -> str:
        try:
            return day_text(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]
    return ISO_DAY.sub(day, text)


def glance_rows(summary: Summary) -> list[tuple[str, str]]:
    """"The registers at a glance": each register's overview entry, as on the Program overview page."""
    return [(heading, pack_dates("; ".join(lines)) or "—") for _, heading, lines in overview_entries(summary)]


def since_intro(data: BoardPackData) -> str:
    if data.since is None:
        return ("No earlier board pack is kept in this file: this is the first. "
                "The next pack lists what changed since this one.")
    s = data.since
    if not s.moves:
        return f"Nothing the board watches has changed since “{s.since}” ({day_text(s.since_day)})."
    return f"What changed since “{s.since}” ({day_text(s.since_day)}): " + "; ".join(
        f"{k.split(': ', 1)[1]} {n}" for k, n in s.counts().items()) + "."


def not_a_number_line(benefits: Sequence[Record]) -> str:
    """The benefits whose baseline, target or latest actual holds text, not a number — an office edited by hand
    (``UPDATE benefit SET baseline_value = 'abc'``, which SQLite keeps): shown as written in the listing, no value
    to their status, plan and sums; said once under it. "" when every one is a number or empty (fix54b)."""
    codes = [b["code"] for b in benefits
             if any(b[name] is not None and stored_number(b[name]) is None for name in TYPED_MEASURES)]
    if not codes:
        return ""
    return (f"Not a number ({len(codes)}): {', '.join(codes)} — a baseline, target or measure holds text (the office "
            "edited by hand); shown as written, left out of its status, plan and sums.")


def not_rated_line(stakeholders: Sequence[Record], most: int = 12) -> str:
    """The stakeholders with no power or interest yet, said under the pack's grid as the app's grid lists them
    beside it ("Not rated yet (3): …"): on no quadrant, they were in neither the grid nor a word of it — only in
    the register below. "" when every stakeholder is rated."""
    names = [s["name"] for s in stakeholders if not s["quadrant"]]
    if not names:
        return ""
    more = f", … and {len(names) - most} more" if len(names) > most else ""
    return f"Not rated yet ({len(names)}), on no quadrant until their power and interest are: " + ", ".join(
        names[:most]) + more
