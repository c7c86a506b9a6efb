"""The header search (``importer._match_sheet``) alone, counted by callgrind: the benchmark's risk sheet of 200 rows
searched as a process's first sheet (``cold``), then a second workbook's sheet — another caption, the same headers
in the opposite order, so that no row asked before is asked again — as the same process's next (``warm``) (round
speed60a). What the first costs over the second is what a process pays once: the words files' tables built, the
header tables read from the cache folder, regular expressions compiled at their first use.

    PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        --callgrind-out-file=/tmp/header.cg .venv/bin/python benchmarks/bench_header_marks.py [plain|cold|warm]
    callgrind_annotate --inclusive=yes --threshold=100 /tmp/header.cg | grep -E "$(PYTHONPATH=. \\
        .venv/bin/python benchmarks/bench_header_marks.py names)"

Run it with a ``PMO_DESKTOP_CACHE`` folder warmed by one import beforehand (as ``bench_import_instructions.py``'s
counts are). ``plain``: no marks; the cold search runs under ``starmap_next``, the warm one under
``accumulate_next``. ``cold`` / ``warm``: the same, the phases of ``PHASES`` marked in that search only (the
warm search then runs under ``starmap_next`` and the cold one under none). A marker costs some 1,850 instructions
a call, counted in the phase it marks (``_key``: one a text keyed one by one)."""

from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as b  # noqa: E402
import bench_import_marks as m  # noqa: E402
import openpyxl  # noqa: E402

from pmo_desktop.excel import header_detection as hd  # noqa: E402
from pmo_desktop.excel import importer  # noqa: E402
from pmo_desktop.excel import vocabulary as vc  # noqa: E402
from pmo_desktop.excel.header_detection import ALL_KINDS  # noqa: E402
from pmo_desktop.excel.workbook_reader import DEFAULT_LIMITS, SafeWorkbook  # noqa: E402


def _phases() -> list[tuple[str, str, Any, str]]:
    import re._compiler as compiler  # where ``re`` compiles a pattern it has not cached

    return [
        ("the search of the top rows (``detect_header``)", "sys_call_tracing", importer, "detect_header"),
        ("a row's columns named for a register (``map_header``, its cache)", "_operator_call", hd, "map_header"),
        ("— the same, worked out (``_map_header``)", "builtin_ascii", hd, "_map_header"),
        ("the values under a header judged (``check_values``)", "functools_reduce", hd, "check_values"),
        ("— a stored choice's column named (``_stored_choice_named``: ``header_words`` built)", "builtin_dir", hd,
         "_stored_choice_named"),
        ("a text keyed one by one (``vocabulary._key``)", "takewhile_next", vc, "_key"),
        ("regular expressions compiled (``re._compiler.compile``)", "dropwhile_next", compiler, "compile"),
        ("the header tables read (``_stored_tables``: fingerprint, marshal)", "filterfalse_next", hd,
         "_stored_tables"),
        ("the status reports' looks (``portfolio_report``, ``dated_report``)", "builtin_hex", importer,
         "portfolio_report"),
        ("", "builtin_hex", importer, "dated_report"),
        ("a sheet's level legends (``level_legends``)", "builtin_oct", importer, "level_legends"),
        ("the registers' ceilings (``_score_ceiling``)", "builtin_format", hd, "_score_ceiling"),
    ]


def _mark() -> list[tuple[Any, str, Any]]:
    """Each phase's function run under its marker; returns what was there, to be set back."""
    was = []
    for _what, marker, where, name in _phases():
        was.append((where, name, getattr(where, name)))
        setattr(where, name, m.MARKERS[marker](getattr(where, name)))
    return was


def _books(folder: Path) -> tuple[Path, Path]:
    first = folder / "risks.xlsx"
    b.write_register(first, 200)
    rows = [list(r) for r in openpyxl.load_workbook(first, read_only=True).active.iter_rows(values_only=True)]
    other = openpyxl.Workbook()
    sheet: Any = other.active
    sheet.title = "Risks"
    sheet.append(["Another programme's risks"])
    sheet.append([])
    for row in rows[2:]:
        sheet.append(list(reversed(row + [None] * (len(b.HEADERS) - len(row)))))
    second = folder / "other.xlsx"
    other.save(second)
    return first, second


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "plain"
    if what == "names":
        print("|".join(sorted({marker for _w, marker, _where, _n in _phases()} | {"starmap_next",
                                                                                   "accumulate_next"})))
        return
    books = [SafeWorkbook(p, DEFAULT_LIMITS) for p in _books(Path(tempfile.mkdtemp(prefix="bench-header-")))]
    readers = [book.sheet(book.sheet_names[0]) for book in books]
    found: list[Any] = []

    def search(reader: Any) -> Any:
        return importer._match_sheet(reader, ALL_KINDS, None)

    def cold(_: int) -> int:
        if what == "warm":
            found.append(search(readers[0]))
        else:
            found.append(next(itertools.starmap(lambda: search(readers[0]), [()])))
        return 0

    def warm(_: int) -> int:
        if what == "warm":
            found.append(next(itertools.starmap(lambda: search(readers[1]), [()])))
        else:
            found.append(m.MARKERS["accumulate_next"](search)(readers[1]))
        return 0

    was = _mark() if what == "cold" else []
    sorted([0], key=cold)
    for where, name, function in was:  # the warm search unmarked
        setattr(where, name, function)
    if what == "warm":
        _mark()
    sorted([0], key=warm)
    print([(f.kind.register, f.row, len(f.mapping)) for f in found])


if __name__ == "__main__":
    main()
