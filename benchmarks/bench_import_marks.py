"""The benchmark's import (``bench_import_instructions.py ours``) with some of the planner's functions each run under a
C function of the standard library that no import code calls, so that one callgrind count gives each function's
instructions, inclusive (round speed58a; speed69's marks did the same with an extension built for it):

    PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        --callgrind-out-file=/tmp/marks.cg .venv/bin/python benchmarks/bench_import_marks.py [plan|pieces|rest] [rows]
    callgrind_annotate --inclusive=yes --threshold=100 /tmp/marks.cg | grep -E "sys_call_tracing|_operator_call|functools_reduce"

``plan``: ``sys_call_tracing`` is ``Planner._plan_ordinary``, ``_operator_call`` its ``_fast_values``,
``functools_reduce`` ``Planner.plan_sheet``. ``pieces``: ``sys_call_tracing`` is the ID's and title's template looks
(``_example``, ``_example_title``), ``_operator_call`` the register's rule (at plan and at apply), ``functools_reduce``
the ``PlannedRow`` and ``RowReport`` made. ``apply``: the apply's pieces (``mark_apply``). A marker costs some 1,850 instructions a call (counted in the function it
marks), so the marked total is above the plain count. ``rows``: 2,000 unless given.

``rest`` (round speed59a): each top-level phase of the import outside the planner's rows, each under a C function of
its own (``REST``: the phase, the C function callgrind names it by), the apply being the whole less ``plan_import``:

    callgrind_annotate --inclusive=yes --threshold=100 /tmp/marks.cg | grep -E "$(PYTHONPATH=. \\
        .venv/bin/python benchmarks/bench_import_marks.py names)"

``names`` prints the C functions of ``rest`` as one pattern (no count made). None of them is called by the import
itself (checked on an unmarked count: none is in it), and no two marked phases nest except where ``REST`` says."""

from __future__ import annotations

import functools
import itertools
import operator
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as b  # noqa: E402

from pmo_desktop.excel import row_planner as rp  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402


def _under_reduce(fn: Any) -> Any:
    return lambda *a, **k: functools.reduce(lambda _x, _y: fn(*a, **k), [0], None)


def mark_plan() -> None:
    planner = rp.Planner
    ordinary, fast, plan_sheet = planner._plan_ordinary, planner._fast_values, planner.plan_sheet
    planner._plan_ordinary = lambda self, *a: sys.call_tracing(ordinary, (self, *a))  # type: ignore[method-assign]
    planner._fast_values = lambda self, row: operator.call(fast, self, row)  # type: ignore[method-assign]
    planner.plan_sheet = _under_reduce(plan_sheet)  # type: ignore[method-assign]


def mark_pieces() -> None:
    example, example_title = rp._example, rp._example_title
    rp._example = lambda value: sys.call_tracing(example, (value,))
    rp._example_title = lambda value, register: sys.call_tracing(example_title, (value, register))
    risks = REGISTERS["risks"]
    check: Any = risks.check
    object.__setattr__(risks, "check", lambda record, ctx: operator.call(check, record, ctx))
    for name in ("PlannedRow", "RowReport"):  # the names row_planner makes them by
        setattr(rp, name, _under_reduce(getattr(rp, name)))


def _starmap(fn: Any) -> Any:
    return lambda *a, **k: next(itertools.starmap(lambda: fn(*a, **k), [()]))


def _kept_by(pick: Any) -> Any:  # the call runs inside an iterator's predicate; its result kept aside
    def wrap(fn: Any) -> Any:
        def call(*a: Any, **k: Any) -> Any:
            out: list[Any] = []
            pick(lambda _x: out.append(fn(*a, **k)))
            return out[0]
        return call
    return wrap


def _accumulate(fn: Any) -> Any:
    def call(*a: Any, **k: Any) -> Any:
        out: list[Any] = []
        steps = itertools.accumulate([0, 0], lambda _x, _y: out.append(fn(*a, **k)))
        next(steps), next(steps)
        return out[0]
    return call


class _Shown:  # ascii(), dir(), format(), oct() and hex() call the object's own method: the call runs there
    def __init__(self, fn: Any, a: Any, k: Any) -> None:
        self.fn, self.a, self.k, self.out = fn, a, k, None

    def run(self) -> None:
        self.out = self.fn(*self.a, **self.k)

    def __repr__(self) -> str:
        self.run()
        return ""

    def __dir__(self) -> list[str]:
        self.run()
        return []

    def __format__(self, spec: str) -> str:
        self.run()
        return ""

    def __index__(self) -> int:
        self.run()
        return 0


def _by(show: Any) -> Any:
    def wrap(fn: Any) -> Any:
        def call(*a: Any, **k: Any) -> Any:
            shown = _Shown(fn, a, k)
            show(shown)
            return shown.out
        return call
    return wrap


# C function (as callgrind names it) → a wrapper that runs a call under it
MARKERS: dict[str, Any] = {
    "sys_call_tracing": lambda fn: lambda *a, **k: sys.call_tracing(lambda: fn(*a, **k), ()),
    "_operator_call": lambda fn: lambda *a, **k: operator.call(fn, *a, **k),
    "functools_reduce": _under_reduce,
    "starmap_next": _starmap,
    "dropwhile_next": _kept_by(lambda pred: next(itertools.dropwhile(pred, [0]))),  # None: not dropped
    "takewhile_next": _kept_by(lambda pred: next(itertools.takewhile(lambda x: not pred(x), [0]))),
    "filterfalse_next": _kept_by(lambda pred: next(itertools.filterfalse(pred, [0]))),
    "accumulate_next": _accumulate,
    "builtin_ascii": _by(ascii),
    "builtin_dir": _by(dir),
    "builtin_format": _by(format),
    "builtin_oct": _by(oct),
    "builtin_hex": _by(hex),
}
# the phases of ``rest``: (what, the C function it runs under, where it is looked up, its name there)
REST: list[tuple[str, str, Any, Any]] = []


def mark_rest() -> None:
    from pmo_desktop.excel import importer
    from pmo_desktop.excel import workbook_reader as wr
    from pmo_desktop.models import history, records, search_index

    phases = [
        ("the import's plan (``plan_import``, all of it)", "sys_call_tracing", importer, "plan_import"),
        ("the file's checks (``SafeWorkbook.__init__``: ``check_file``, calamine's open)", "_operator_call",
         wr.SafeWorkbook, "__init__"),
        ("the sheet read (``SafeWorkbook.sheet``: calamine's read, the reader)", "functools_reduce", wr.SafeWorkbook,
         "sheet"),
        ("the header search (``_match_sheet``)", "starmap_next", importer, "_match_sheet"),
        ("the columns' reading (``_prepare``: the mapping's rules, extras, ignored; one ``sheet_keys`` in it)",
         "dropwhile_next", importer, "_prepare"),
        ("the sheet's keys (``sheet_keys``: its first call, in ``_prepare``, reads them; the second finds them kept)",
         "builtin_oct", importer, "sheet_keys"),
        ("the sheet's legends (``legends_of``, ``_legend_places``, ``_numbered_words``, ``_letter_grades``, "
         "``_legend_levels``)", "takewhile_next", importer,
         ("legends_of", "_legend_places", "_numbered_words", "_letter_grades", "_legend_levels")),
        ("the planner made (``_planner``: settings, context, office's lists)", "filterfalse_next", importer,
         "_planner"),
        ("the planner's rows (``Planner.plan_sheet``)", "accumulate_next", rp.Planner, "plan_sheet"),
        ("after the rows (``keep_skipped_cells``, ``_response_actions``, ``_planned_values``, ``_collect``)",
         "builtin_hex", importer, ("keep_skipped_cells", "_response_actions", "_planned_values", "_collect")),
        ("the records written (``records.create_records``: people, rule, risks' and risk history's executemany)",
         "builtin_ascii", records, "create_records"),
        ("the record history (``history.record``, at the commit)", "builtin_dir", history, "record"),
        ("the search index's look (``search_index.follow_writes``)", "builtin_format", search_index,
         "follow_writes"),
    ]
    for what, marker, where, names in phases:
        for name in (names,) if isinstance(names, str) else names:
            setattr(where, name, MARKERS[marker](getattr(where, name)))
        REST.append((what, marker, where, names))
    b.plan_import = importer.plan_import  # the benchmark's own name for it


def mark_apply() -> None:
    """``apply`` (round speed60b): the apply's pieces, the plan made before the count (only the apply is collected).
    ``sys_call_tracing``: the risks' insert (``bulk.insert_rows`` from ``create_records``; ``builtin_oct`` its
    ``_bound`` in it), ``_operator_call`` the risk history's snapshot, ``functools_reduce`` the register's rule,
    ``takewhile_next`` the people named (``_Names.prepare``), ``filterfalse_next`` the stored IDs, ``builtin_hex``
    ``remember_written`` — all in ``builtin_ascii``, ``create_records``; ``builtin_dir`` the record history
    (``history.record``), with ``starmap_next`` its rows' JSON (``_written_as_read``) and ``dropwhile_next`` its
    executemany (``insert_tuples``)."""
    from pmo_desktop.models import bulk, history, operations, records
    from pmo_desktop.models import risks as risk_model

    records.insert_rows = MARKERS["sys_call_tracing"](records.insert_rows)
    risk = risk_model.Risk
    records.AFTER_BULK_INSERT[risk] = MARKERS["_operator_call"](records.AFTER_BULK_INSERT[risk])
    register = REGISTERS["risks"]
    object.__setattr__(register, "check", MARKERS["functools_reduce"](register.check))
    history._written_as_read = MARKERS["starmap_next"](history._written_as_read)
    history.insert_tuples = MARKERS["dropwhile_next"](history.insert_tuples)
    records.create_records = MARKERS["builtin_ascii"](records.create_records)
    history.record = MARKERS["builtin_dir"](history.record)
    bulk._bound = MARKERS["builtin_oct"](bulk._bound)
    operations.remember_written = MARKERS["builtin_hex"](operations.remember_written)
    records._Names.prepare = MARKERS["takewhile_next"](records._Names.prepare)  # type: ignore[method-assign]
    records.stored_codes = MARKERS["filterfalse_next"](records.stored_codes)


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "plan"
    if what == "names":
        mark_rest()
        print("|".join(marker for _w, marker, _where, _n in REST))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-import-marks-"))
    path = folder / "risks.xlsx"
    b.write_register(path, int(sys.argv[2]) if len(sys.argv) > 2 else 2_000)
    store = b.fresh_store(folder, "office.pmo")
    if what == "apply":
        plan = b.plan_import(store, path)
        mark_apply()

        def run(_: int) -> int:
            b.apply_import(store, plan)
            return 0
    else:
        {"plan": mark_plan, "pieces": mark_pieces, "rest": mark_rest}[what]()

        def run(_: int) -> int:
            b.apply_import(store, b.plan_import(store, path))
            return 0
    sorted([0], key=run)  # collected: everything under builtin_sorted


if __name__ == "__main__":
    main()
