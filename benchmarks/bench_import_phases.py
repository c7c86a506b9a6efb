"""``bench_import_instructions``' import of N risks with each phase run under a C function of its own, so that one
callgrind count splits it (``callgrind_annotate --inclusive=yes``, each marker's line):

    PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        --callgrind-out-file=/tmp/phases.cg .venv/bin/python benchmarks/bench_import_phases.py [rows]

  ``starmap_next``      header detection (``importer._match_sheet``)
  ``dropwhile_next``    the sheet's decisions before its rows are planned (``importer._prepare``: the mapping,
                        the columns set apart, the keys under the table)
  ``functools_reduce``  the one-step plan of the rows (``Planner.plan_sheet``)
  ``filterfalse_next``  the apply (``importer.apply_import``: ``create_records``, the histories, the executemanys)
  ``get_sheet_by_name`` calamine's read of the sheet (its own symbol)

What is left of the total is the rest of ``plan_import`` (opening and checking the file, the sheet's legends, the
plan's last steps). Each wrapper adds a few hundred instructions; the phases are bench_import's, unchanged. Warm
the cache folder first (one run of ``bench_import_instructions.py``), as for that count."""

from __future__ import annotations

import functools
import itertools
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as b  # noqa: E402

from pmo_desktop.excel import importer, row_planner  # noqa: E402


def _under_starmap(fn: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *a, **k: next(itertools.starmap(lambda: fn(*a, **k), [()]))


def _under_dropwhile(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*a: Any, **k: Any) -> Any:
        out: list[Any] = []
        list(itertools.dropwhile(lambda _: out.append(fn(*a, **k)), [0]))
        return out[0]
    return run


def _under_reduce(fn: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *a, **k: functools.reduce(lambda _x, _y: fn(*a, **k), [0, 0])


def _under_filterfalse(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*a: Any, **k: Any) -> Any:
        out: list[Any] = []
        list(itertools.filterfalse(lambda _: out.append(fn(*a, **k)), [0]))
        return out[0]
    return run


def main() -> None:
    importer._match_sheet = _under_starmap(importer._match_sheet)  # type: ignore[assignment]
    importer._prepare = _under_dropwhile(importer._prepare)  # type: ignore[assignment]
    row_planner.Planner.plan_sheet = _under_reduce(row_planner.Planner.plan_sheet)  # type: ignore[method-assign]
    apply = _under_filterfalse(importer.apply_import)
    folder = Path(tempfile.mkdtemp(prefix="bench-import-phases-"))
    path = folder / "risks.xlsx"
    b.write_register(path, int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    store = b.fresh_store(folder, "office.pmo")

    def run(_: int) -> int:
        apply(store, importer.plan_import(store, path))
        return 0
    sorted([0], key=run)  # collected: everything under builtin_sorted


if __name__ == "__main__":
    main()
