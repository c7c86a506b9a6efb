"""Command line entry: the GUI by default, headless subcommands otherwise.

    pmo-desktop [FILE]                                    the GUI (one FILE; none: the demo, later the start screen)
    pmo-desktop new FILE [--demo]
    pmo-desktop import FILE WORKBOOK [--register R] [--sheet NAME] [--dry-run] [--partial] [--values MAP.json]
                                     [--create-missing]
    pmo-desktop export FILE OUT.xlsx [--register R]
    pmo-desktop boardpack FILE OUT.xlsx [--label TEXT] [--no-snapshot]
    pmo-desktop summary FILE [--json]
    pmo-desktop snapshots FILE [--json]
    pmo-desktop changes FILE [--since SNAPSHOT|DATE] [--until SNAPSHOT|DATE] [--json]

``--database URL`` stands in for FILE everywhere. Headless paths import no Qt at all, so they run on
servers without display libraries. Exit codes: 0 done, 1 refused or failed (nothing changed),
2 usage error. Errors are one line on stderr, never a traceback (PMO_DEBUG=1 shows one).
"""

from __future__ import annotations

import argparse
import os
import sys

# json is imported by the commands that read or print it, not here: the window starts through this module and
# reads none before its first paint (7 M instructions, round speed47c).
from typing import TYPE_CHECKING, Any, Callable

from . import __version__

if TYPE_CHECKING:  # headless paths import the models only when they run
    from .models.summary import Summary

PROG = "pmo-desktop"
SUBCOMMANDS = ("new", "import", "export", "boardpack", "summary", "snapshots", "changes")
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be run as given (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of argparse's usage block
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see “{self.prog} --help”).\n")


# ------------------------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Registers of a program office: risks, stakeholders, benefits. With no command (or just "
                    "a FILE) the desktop application opens, on that office or the demo: one office a window, so "
                    "two files are refused — open each in its own. The commands below run without a display.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    where = _Parser(add_help=False)
    where.add_argument("--database", metavar="URL",
                       help="a database URL (e.g. postgresql+psycopg://user@host/pmo) in place of FILE")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = subs.add_parser("new", parents=[where], help="create a program office file",
                        description="Create a program office file, empty or with the demo program.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the new .pmo file (refused if it exists)")
    p.add_argument("--demo", action="store_true", help="fill it with the demo program")
    p.set_defaults(handler=cmd_new)

    p = subs.add_parser("import", parents=[where], help="import a workbook into a register",
                        description="Import registers from an Excel workbook: header detection, synonyms and "
                                    "validation as in the application, then all rows in one transaction or none. "
                                    "Rows whose ID exists update that record.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("workbook", metavar="WORKBOOK", help="the workbook to import (.xlsx, .xlsm, .xls, .ods or .csv)")
    p.add_argument("--register", metavar="NAME", help="import one sheet into this register "
                   "(default: every sheet that is recognised)")
    p.add_argument("--sheet", metavar="NAME", help="import this sheet only")
    p.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    p.add_argument("--partial", action="store_true", help="import the valid rows and leave the rows with errors "
                   "(written beside the workbook, with the reason, as “NAME - rows left out.xlsx”)")
    p.add_argument("--values", metavar="MAP.json", help="translations of values the import cannot place, "
                   'e.g. {"status": {"Watch list": "Open"}, "risks": {"category": {"Data Quality": "Technical"}}}; '
                   "remembered for the workbook's layout")
    p.add_argument("--create-missing", action="store_true", help="create the projects the workbook names that "
                   "the office does not have (instead of refusing those rows)")
    p.add_argument("--take-theirs", action="store_true", help="re-importing the office's own export: where a field "
                   "changed both in the office and in the workbook since the export, take the workbook's value "
                   "(default: keep the office's and list the conflict)")
    p.set_defaults(handler=cmd_import)

    p = subs.add_parser("export", parents=[where], help="export registers to a workbook",
                        description="Export the whole office, or one register with its sub-tables (risk actions, "
                                    "benefit plans and measurements), to an .xlsx workbook.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("out", metavar="OUT.xlsx", help="the workbook to write (replaced if it exists)")
    # Checked against the register declarations when the command runs (they are not imported before).
    p.add_argument("--register", metavar="NAME", help="export this register only: people, projects, objectives, "
                   "outcomes, outputs, risks, issues, assumptions, dependencies, decisions, stakeholders or benefits")
    p.set_defaults(handler=cmd_export)

    p = subs.add_parser("boardpack", parents=[where], help="write the board pack (a workbook or a PDF)",
                        description="Write the board pack: summary, top threats and opportunities, heat maps, "
                                    "stakeholder grid, benefits and communications due this month, with charts. "
                                    "OUT ending in .pdf gives a print-ready PDF; .xlsx a workbook set up to print.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("out", metavar="OUT", help="the board pack to write, .xlsx or .pdf (replaced if it exists)")
    p.add_argument("--label", metavar="TEXT", help="the name of the board snapshot kept in the office "
                   "(default: “Board pack DD Mon YYYY”)")
    p.add_argument("--no-snapshot", action="store_true", help="a draft: keep no board snapshot in the office")
    p.add_argument("--paper", metavar="SIZE", help="A4 or Letter, landscape; kept as the office's paper for its "
                   "later packs (default: the office's, else the computer's locale's: Letter in the US, A4 elsewhere)")
    p.set_defaults(handler=cmd_boardpack)

    p = subs.add_parser("snapshots", parents=[where], help="list the board snapshots kept in the office",
                        description="List the board snapshots: the frozen copies of the registers kept each "
                                    "time a board pack was published.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("--json", action="store_true", help="a JSON list")
    p.set_defaults(handler=cmd_snapshots)

    p = subs.add_parser("changes", parents=[where], help="what changed since the last board",
                        description="What changed between two states of the office: new, closed and escalated "
                                    "risks, rating moves, stakeholder quadrant and engagement moves, benefit "
                                    "status changes, and every field a register watches. A state is a board "
                                    "snapshot (its number or label), a date (YYYY-MM-DD, from the history) or now.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("--since", metavar="SNAPSHOT", help="the older state (default: the latest board snapshot)")
    p.add_argument("--until", metavar="SNAPSHOT", help="the newer state (default: now)")
    p.add_argument("--json", action="store_true", help="a JSON object with every move")
    p.set_defaults(handler=cmd_changes)

    p = subs.add_parser("summary", parents=[where], help="counts per register",
                        description="Counts per register: risks by level and rating, stakeholders by quadrant, "
                                    "benefits by status.")
    p.add_argument("file", nargs="?", metavar="FILE", help="the program office file")
    p.add_argument("--json", action="store_true", help="a JSON object that also lists every record's ID and title")
    p.set_defaults(handler=cmd_summary)
    return parser


def _target(args) -> str:
    if args.file and args.database:
        raise UsageError("give either FILE or --database URL, not both")
    if not (args.file or args.database):
        raise UsageError("give a program office FILE or --database URL")
    if args.database:
        warn_if_password_in_url(args.database)
    return args.database or args.file


PASSWORD_WARNING = (f"{PROG}: warning: the --database URL contains a password, which other users of this "
                    "computer can read in the process list (and your shell keeps in its history). Put it in "
                    "~/.pgpass or the PGPASSWORD environment variable instead, and leave it out of the URL.")


def warn_if_password_in_url(url: str) -> bool:
    """Say on stderr, once, that a password given in the URL is visible to others. It cannot be
    hidden after the fact: the process list shows the command line as it was started."""
    try:
        from sqlalchemy.engine import make_url

        has_password = bool(make_url(url).password)
    except Exception:  # not a URL we can parse: Store.open will say so
        return False
    if has_password:
        print(PASSWORD_WARNING, file=sys.stderr)
    return has_password


def _gui_database_url(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--database" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--database="):
            return arg.split("=", 1)[1]
    return None


# Qt's own options that take the next word as their value (QGuiApplication, QApplication): that word is no file.
_QT_OPTIONS_WITH_A_VALUE = ("-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
                            "-qwindowicon", "-qwindowtitle", "-session", "-style", "-stylesheet", "-display", "-geometry")


def gui_files(argv: list[str]) -> list[str]:
    """The files named on a command line that opens the window: every word that is no option nor an option's
    value (``--database URL``, Qt's ``-style fusion``)."""
    files, skip_next = [], False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg.startswith("-"):
            skip_next = arg in ("--database", *_QT_OPTIONS_WITH_A_VALUE)
        else:
            files.append(arg)
    return files


def more_than_one_office(argv: list[str]) -> str | None:
    """The usage error for a window asked to open two offices or more (pmo-desktop a.pmo b.pmo), or None. The
    window holds one office; before, the first opened and the others were ignored in silence, the user left to
    look for the second in vain. Refused before any window, with the way to open each."""
    url = _gui_database_url(argv)  # a database is an office too: with a file beside it, the file was ignored
    files = gui_files(argv) + ([f"--database {url}"] if url else [])
    if len(files) < 2:
        return None
    others = ", ".join(f"“{f}”" for f in files[1:])
    return (f"{PROG}: one office at a time: “{files[0]}” and {others} were given. A window holds one office; "
            f"open each in its own: {PROG} {files[0]} & {PROG} {files[1]}")


def _open(args):
    target = _target(args)
    from .models.store import Store

    return _told(Store.open(target))


def _told(store):
    """The office just opened, after one line on stderr when a -wal another file left beside it was set
    aside or ignored (``stale_wal``): the command goes on with the office as it was last saved."""
    if store.open_note:
        print(f"{PROG}: {store.open_note}", file=sys.stderr)
    return store


def _say(text: str = "") -> None:
    try:
        print(text, flush=False)
    except BrokenPipeError:
        _stdout_gone()


def _stdout_gone() -> None:
    """Whoever read the output stopped (``| head``): the command still does its work and exits as it
    would — an import piped into head is imported — with the rest of its output dropped, instead of
    stopping half-way with "Could not use the file: Broken pipe"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


# ------------------------------------------------------------------------------------ commands
def cmd_new(args) -> int:
    target = _target(args)
    from .models.store import Store

    if args.demo:
        from .models.demo import create_demo

        store = _told(create_demo(target))
    else:
        store = _told(Store.create(target))  # a leftover -wal of a deleted office of that name is set aside
    name = store.display_name  # a URL is shown without its password
    store.close()
    _say(f"Created {name}{' with the demo program' if args.demo else ''}.")
    return EXIT_OK


_DONE = {"insert": "inserted", "update": "updated", "skip": "skipped", "error": "error"}


def _print_reports(plan, dry_run: bool) -> None:
    for sheet, reason in plan.skipped_sheets:
        _say(f"Sheet “{sheet}” skipped: {reason}")
    for s in plan.sheets:
        if s.note:
            _say(f"Sheet “{s.sheet}”: {s.note}")
    for key, values in sorted(plan.new_choices.items()):
        _say(f"New {key.split('.')[-1]} values added to the office's list: {', '.join(sorted(values))}")
    for (register, name), values in sorted(plan.unplaced.items()):
        shown = ", ".join(f"“{v}” ({n} row{'s' if n != 1 else ''})" for v, n in sorted(values.items()))
        _say(f"Values of {register} {name} not placed (translate them with --values): {shown}")
    if dry_run and (defaults := plan.defaults_said()):
        _say(defaults)  # the preview's line, from the one place that words it
    for line in plan.unassessed_said():  # as the preview says it: none of them is made up
        _say(line)
    from .excel.import_plan import Action
    from .excel.skipped_rows import what_it_holds

    headers_of = {s.sheet: s.headers for s in plan.sheets}
    for row in (row for s in plan.sheets for row in s.rows):
        report = row.report
        # "unchanged" where the preview says it (PlannedRow.verb): an update that writes nothing is no update
        verb = row.verb if dry_run or row.changes_nothing else "merged" if report.merged else \
            _DONE[report.action.value]
        line = f"{report.sheet} row {report.row}: {verb}"
        if report.code:
            line += f" {report.code}"
        line = f"{line} — {report.reason}" if report.reason else line
        if report.action is Action.SKIP:  # what the row holds, as the preview shows it (excel/skipped_rows.py)
            held, _every = what_it_holds(headers_of.get(report.sheet, []), row)
            line = f"{line} {held}" if held else line
        _say(line)


def _read_values(path: str | None) -> dict | None:
    """The value translations of ``--values FILE``. Read as a text editor saves JSON: UTF-8 with or without the
    mark Notepad puts first, or UTF-16 by its mark ("Unicode" in Notepad) — refused before as "not valid JSON
    (Unexpected UTF-8 BOM …)" (fault71). A key written twice in one table, or two values that the import compares
    as one ("Watch" and "watch ") sent to different choices, is refused, naming them: JSON keeps the last of
    them, and the import took that one without a word."""
    import codecs
    import json

    from .excel.errors import MappingError
    from .excel.vocabulary import word_key

    if not path:
        return None
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as e:
        raise MappingError(f"The value translations “{path}” cannot be read ({e.strerror or e}).") from None

    def once(pairs: list[tuple[str, object]]) -> dict[str, object]:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise MappingError(f"The value translations “{path}” give “{key}” twice in one table; give it "
                                   "once, with the choice meant.")
            seen[key] = value
        return seen

    try:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("utf-8-sig")
        data = json.loads(text, object_pairs_hook=once)
    except ValueError as e:
        raise MappingError(f"The value translations “{path}” are not valid JSON ({e}).") from None
    if not isinstance(data, dict):
        raise MappingError(f"The value translations “{path}” must be a JSON object of field → value → choice.")

    def same_value(table: dict) -> None:
        keyed: dict[str, tuple[str, object]] = {}
        for word, target in table.items():
            if isinstance(target, dict):
                same_value(target)
                continue
            key = word_key(word)
            if key in keyed and keyed[key][1] != target:
                raise MappingError(f"The value translations “{path}” send “{keyed[key][0]}” to “{keyed[key][1]}” "
                                   f"and “{word}” to “{target}”, but the import reads those two values as one; "
                                   "give one choice for them.")
            keyed.setdefault(key, (word, target))

    same_value(data)
    return data


def plan_cli_import(store, args, translations: dict | None):
    """The import's plan as ``pmo-desktop import`` makes it from its parsed arguments (also what
    benchmarks/import_round.py runs, so that a round measures this command and no other path)."""
    from .excel.importer import plan_import, plan_workbook_import

    options = {"translations": translations, "create_missing": args.create_missing}
    if args.register or args.sheet:
        return plan_import(store, args.workbook, register=args.register, sheet=args.sheet, **options)
    return plan_workbook_import(store, args.workbook, take_theirs=args.take_theirs, **options)


def cmd_import(args) -> int:
    import warnings

    from .excel.header_detection import importable_registers

    if args.register and args.register not in importable_registers():
        raise UsageError(f"argument --register: invalid choice: '{args.register}' "
                         f"(choose from {', '.join(importable_registers())})")
    target = _target(args)
    from .excel.importer import apply_import
    from .models.store import Store

    translations = _read_values(args.values)
    # An empty database on a server becomes the shared office the import fills, as File ▸ Connect to Shared Office
    # makes it in the window: refused as "not a PMO Desktop program office", the command line had no way to put an
    # office on a server but `new --database` first. A file is never made by an import (a path mistyped).
    store = _told(Store.open(target, create_if_empty=bool(args.database)))
    if store.made_on_open:
        print(f"{PROG}: {store.display_name} was an empty database: it is now a new program office, which this "
              "import fills.", file=sys.stderr)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the contract: one line per row, or one error line
            plan = plan_cli_import(store, args, translations)
            for sentence in plan.not_read:  # data the import never read: said apart from the rows' report
                print(f"{PROG}: {sentence}", file=sys.stderr)
            if args.dry_run:
                _print_reports(plan, dry_run=True)
                for conflict in plan.conflicts:
                    _say(f"Conflict: {conflict}")
                _say(f"Dry run, nothing changed: {plan.summary()}")
                return EXIT_OK if plan.ok or (args.partial and plan.valid_count) else EXIT_REFUSED
            if not plan.ok:
                _print_reports(plan, dry_run=True)
            # ImportRefused (exit 1) when any row has an error, unless --partial
            result = apply_import(store, plan, partial=args.partial, translations=translations)
        _print_reports(plan, dry_run=False)
        for conflict in plan.conflicts:
            _say(f"Conflict, the office's value kept (--take-theirs takes the workbook's): {conflict}")
        _say(result.summary())
        return EXIT_OK
    finally:
        store.close()


def cmd_export(args) -> int:
    from .excel.export import export_workbook
    from .models.registers import top_level

    if args.register and args.register not in top_level():
        raise UsageError(f"argument --register: invalid choice: '{args.register}' "
                         f"(choose from {', '.join(top_level())})")

    store = _open(args)
    try:
        out = export_workbook(store, args.out, registers=[args.register] if args.register else None)
    finally:
        store.close()
    _say(f"Wrote {out}.")
    return EXIT_OK


def cmd_boardpack(args) -> int:
    from .excel.boardpack_publish import publish_board_pack
    from .models.paper import check_paper
    from .models.settings import BOARD_PACK_PAPER

    store = _open(args)
    try:
        paper = check_paper(args.paper) if args.paper else None
        if paper is not None and not store.read_only:
            with store.transaction() as session:
                BOARD_PACK_PAPER.write(session, paper)
        out, kept = publish_board_pack(store, args.out, label=args.label or "", keep_snapshot=not args.no_snapshot,
                                       paper_size=paper)
    finally:
        store.close()
    note = f" Kept board snapshot #{kept}." if kept is not None else ""
    if store.read_only and not args.no_snapshot:
        note = f" Kept no board snapshot: {store.display_name} is read only ({store.read_only_reason})."
    _say(f"Wrote the board pack to {out}." + note)
    return EXIT_OK


def cmd_snapshots(args) -> int:
    import json

    from .models.snapshots import list_snapshots

    store = _open(args)
    try:
        with store.snapshot() as session:
            found = list_snapshots(session)
    finally:
        store.close()
    if args.json:
        _say(json.dumps([{"id": s.id, "taken_at": s.taken_at.isoformat(timespec="seconds"), "label": s.label,
                          "bytes": s.size} for s in found], indent=2, ensure_ascii=False))
    elif not found:
        _say("No board snapshots yet: publishing a board pack (boardpack) keeps one.")
    else:
        _say("\n".join(f"#{s.id}  {s.taken_at:%Y-%m-%d %H:%M}  {s.label}  ({s.size:,} bytes)" for s in found))
    return EXIT_OK


def cmd_changes(args) -> int:
    import json

    from .models.office import Office
    from .models.snapshots import latest, open_source
    from .models.what_changed import compare_registers

    store = _open(args)
    try:
        office = Office(store)
        since = args.since
        if since is None:
            last = office.read(latest)
            if last is None:
                raise UsageError("there is no board snapshot yet to compare with; publish a board pack "
                                 "(boardpack) or give --since YYYY-MM-DD")
            since = str(last.id)
        comparison = compare_registers(open_source(office, since), open_source(office, args.until))
    finally:
        store.close()
    if args.json:
        _say(json.dumps(comparison.as_json(), indent=2, ensure_ascii=False))
    else:
        _say("\n".join(comparison.lines()))
    return EXIT_OK


def _counts(counts: dict) -> str:
    return " · ".join(f"{k} {v}" for k, v in counts.items())


def format_summary(data: Summary, name: str) -> str:
    r, s, b = data["risks"], data["stakeholders"], data["benefits"]
    lines = [f"{data['program'] or 'Program'} — {name}", ""]
    lines.append(f"Risks: {r['total']}" + (f" ({_counts(r['by_status'])})" if r["by_status"] else ""))
    ratings = list(r["open_by_rating"])
    rows = [(level, list(c.values())) for level, c in r["open_by_level_and_rating"].items()]
    rows += [("All open, inherent", list(r["open_by_rating"].values())),
             ("All open, residual", list(r["open_by_residual_rating"].values()))]
    first = max(len("Open risks by rating"), *(len(x) for x, _ in rows))
    widths = [max(len(x), 4) for x in ratings]
    lines.append("  " + "Open risks by rating".ljust(first) + "".join(f"  {x:>{w}}" for x, w in zip(ratings, widths)))
    for label, values in rows:
        lines.append("  " + label.ljust(first) + "".join(f"  {v:>{w}}" for v, w in zip(values, widths)))
    lines += ["", f"Stakeholders: {s['total']}", "  " + _counts(s["by_quadrant"]),
              "", f"Benefits: {b['total']}", "  " + _counts(b["by_status"])]
    i, a, d, dec, act = data["issues"], data["assumptions"], data["dependencies"], data["decisions"], data["actions"]
    lines += ["", f"Issues: {i['total']}" + (f" ({_counts(i['by_status'])}; {i['escalated']} open escalated)"
                                             if i["total"] else ""),
              f"Assumptions: {a['total']}" + (f" ({_counts(a['by_status'])}; {a['overdue']} past their "
                                              "validation date)" if a["total"] else ""),
              f"Dependencies: {d['total']}" + (f" ({_counts(d['by_status'])})" if d["total"] else ""),
              f"Decisions: {dec['total']}" + (f" ({_counts(dec['by_status'])})" if dec["total"] else "")]
    lines += [f"  pending {p['id']} {p['title']}" + (f", due {p['due']}" if p["due"] else "")
              + (" (overdue)" if p["overdue"] else "") for p in dec["pending"]]
    lines.append(f"Actions: {act['open']} open, {act['overdue']} overdue, {act['due_this_week']} due this week")
    st = data["status"]
    lines += ["", f"Project status ({st['cadence'].lower()} reports; current period {st['current_period']}): "
              + _counts(st["overall"])]
    lines += [f"  {p['project']}: {p['ratings']['overall'] or 'no rating'} in {p['period']} ({p['trend'].lower()})"
              if p["period"] else f"  {p['project']}: not reported" for p in st["projects"]]
    lines.append(f"Milestones: {st['milestones_total']}, {len(st['milestones_due'])} due in the next 30 days, "
                 f"{len(st['milestones_slipped'])} slipped or late")
    return "\n".join(lines)


def cmd_summary(args) -> int:
    import json

    from .models.summary import summarize

    store = _open(args)
    try:
        with store.snapshot() as session:
            data = summarize(session, with_records=args.json)
        name = store.display_name
    finally:
        store.close()
    if args.json:
        _say(json.dumps({"file": name, **data}, indent=2, ensure_ascii=False))
    else:
        _say(format_summary(data, name))
    return EXIT_OK


# ------------------------------------------------------------------------------------ entry
def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


def _os_error(e: OSError) -> str:
    from .models.disk import failure_cause

    what = f"“{e.filename}”" if e.filename else "the file"
    folder = os.path.dirname(os.path.abspath(e.filename)) if isinstance(e.filename, str) else None
    return f"Could not use {what}: {failure_cause(e, folder) or e.strerror or _one_line(e)}."


def _quiet_when_memory_ran_out(previous: Callable[[Any], object]) -> Callable[[Any], None]:
    """A ``sys.unraisablehook`` for a command: a cleanup that failed for want of memory — a generator closed as an
    out-of-memory failure unwinds, which cannot make its GeneratorExit — went to stderr as "Exception ignored in:
    <generator object …>" and a traceback, beside the one line that says memory ran out (robust62). That line says
    it all; with PMO_DEBUG set, or for any other failure, the report goes to ``previous`` as before."""

    from .models.errors import ran_out_of_memory  # now: an import when memory is short fails too

    def hook(unraisable: Any) -> None:
        if unraisable.exc_value is not None and not os.environ.get("PMO_DEBUG") \
                and ran_out_of_memory(unraisable.exc_value):
            return
        previous(unraisable)

    return hook


def run_headless(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return EXIT_USAGE
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_when_memory_ran_out(previous_hook)
    try:
        try:
            code = args.handler(args)
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                _stdout_gone()
            return code
        except UsageError as e:
            print(f"{PROG} {args.command}: {e} (see “{PROG} {args.command} --help”).", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print(f"{PROG}: Interrupted; nothing was changed.", file=sys.stderr)
            return 130
        except Exception as e:
            print(f"{PROG}: {describe_error(e)}", file=sys.stderr)
            return EXIT_REFUSED
    finally:  # after the except clauses: the failure's frames, and what they held, dropped by then
        sys.unraisablehook = previous_hook


def describe_error(e: Exception) -> str:
    """One line for the user. Imported lazily: a usage error should not pay for loading SQLAlchemy."""
    from .models.errors import OUT_OF_MEMORY, StoreError, ran_out_of_memory

    if isinstance(e, StoreError):
        return _one_line(e)
    if ran_out_of_memory(e):  # a MemoryError, or a C library's failed allocation (robust62): before any import,
        return OUT_OF_MEMORY  # which memory short may fail too
    from sqlalchemy.exc import SQLAlchemyError

    from .excel.export_errors import ExportError

    if isinstance(e, ExportError):
        return _one_line(e)
    if isinstance(e, OSError):
        return _os_error(e)
    import sqlite3

    if isinstance(e, sqlite3.Error):  # a file written directly (a copy): the cause, in words
        from .models.disk import describe_failure

        return describe_failure("The file could not be written", e)
    if isinstance(e, (SQLAlchemyError, ImportError)):
        return f"The database could not be used: {_one_line(e)}"
    if os.environ.get("PMO_DEBUG"):  # a bug: still one line for the user unless asked for details
        raise e
    return f"Unexpected error ({type(e).__name__}: {_one_line(e)}). Run again with PMO_DEBUG=1 to see the details."


def not_a_command(word: str) -> str | None:
    """What to say when the first argument reads as a command this program lacks ("sumary", "report"): a bare
    word — no folder, no extension, no address — naming no file. It was taken for a file to open in the window,
    which on a machine with no display (a script, a server) ended in Qt's "could not connect to display" and
    an abort."""
    if word.startswith("-") or "://" in word or os.path.splitext(word)[1] or os.sep in word or "/" in word \
            or os.path.exists(word):
        return None
    import difflib

    near = difflib.get_close_matches(word, SUBCOMMANDS, n=1)
    guess = f" Did you mean “{near[0]}”?" if near else ""
    return (f"{PROG}: “{word}” is not a command ({', '.join(SUBCOMMANDS)}), nor a file here.{guess} "
            f"To open an office in the window, give its file (e.g. {PROG} office.pmo); see “{PROG} --help”.")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        return run_headless(argv)
    refused = (not_a_command(argv[0]) if argv else None) or more_than_one_office(argv)
    if refused is not None:
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    url = _gui_database_url(argv)
    if url:
        warn_if_password_in_url(url)
    from .views.app import run_gui  # only the GUI path loads Qt

    return run_gui(argv)
