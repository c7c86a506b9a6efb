"""The benchmark's import (``bench_import_instructions.py ours``) with some of the planner's functions each run under a
C function of the standard library that no import code calls, so that one callgrind count gives each function's
instructions, inclusive (round speed58a; speed69's marks did the same with an extension built for it):

    PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        --callgrind-out-file=/tmp/marks.cg .venv/bin/python benchmarks/bench_import_marks.py [plan|pieces] [rows]
    callgrind_annotate --inclusive=yes --threshold=100 /tmp/marks.cg | grep -E "sys_call_tracing|_operator_call|functools_reduce"

``plan``: ``sys_call_tracing`` is ``Planner._plan_ordinary``, ``_operator_call`` its ``_fast_values``,
``functools_reduce`` ``Planner.plan_sheet``. ``pieces``: ``sys_call_tracing`` is the ID's and title's template looks
(``_example``, ``_example_title``), ``_operator_call`` the register's rule (at plan and at apply), ``functools_reduce``
the ``PlannedRow`` and ``RowReport`` made. A marker costs some 1,850 instructions a call (counted in the function it
marks), so the marked total is above the plain count. ``rows``: 2,000 unless given."""

from __future__ import annotations

import functools
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


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "plan"
    {"plan": mark_plan, "pieces": mark_pieces}[what]()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-marks-"))
    path = folder / "risks.xlsx"
    b.write_register(path, int(sys.argv[2]) if len(sys.argv) > 2 else 2_000)
    store = b.fresh_store(folder, "office.pmo")

    def run(_: int) -> int:
        b.apply_import(store, b.plan_import(store, path))
        return 0
    sorted([0], key=run)  # collected: everything under builtin_sorted


if __name__ == "__main__":
    main()
