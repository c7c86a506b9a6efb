"""How well real registers import: every workbook of ../shared/excel-corpus (and generated layouts) into a
fresh office each, measured against benchmarks/corpus_expectations.json.

    /work/main/.venv/bin/python benchmarks/bench_corpus.py [--corpus DIR] [--verbose]

Per file and in total: data rows imported with their fields right / data rows, meaningful columns placed /
meaningful columns, junk records (records no data row explains), time. A row is right when a record of
the expected register holds its identifying text and every meaningful non-empty cell of it is where the
expectation says (a text field holds the text; a scale, choice, date or name field is filled; "keep":
the text is somewhere on the record: notes, description, or its response actions and who does them). A column is placed
when every non-empty cell of it is. The importer runs as a user would: the whole workbook, confirming
the two questions the preview asks when they apply (create the missing projects; import the valid
rows and leave the others).
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from python_calamine import CalamineWorkbook  # noqa: E402
from sqlalchemy import select  # noqa: E402

from pmo_desktop.excel import importer  # noqa: E402
from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.fields import Kind  # noqa: E402
from pmo_desktop.models.program import Person  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.risks import RiskAction  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

EXPECTATIONS = Path(__file__).with_name("corpus_expectations.json")
CORPUS = ROOT.parent / "shared" / "excel-corpus"
COUNTED = ("risks", "stakeholders", "communications", "issues", "benefits")
TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT)


def norm(text: Any) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    return re.sub(r"\W+", "", str(text)).lower()


def bare(header: Any) -> str:
    return norm(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(header or "")))


def read_sheets(path: Path) -> dict[str, list[list]]:
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as fh:
            text = fh.read()
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        return {path.stem: [list(r) for r in csv.reader(text.splitlines(), delimiter=delimiter)]}
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in wb.sheet_names}


@dataclass
class Outcome:
    name: str
    rows: int = 0
    rows_right: int = 0
    columns: int = 0
    columns_placed: int = 0
    junk: int = 0
    seconds: float = 0.0
    error: str = ""
    misses: list[str] = field(default_factory=list)


def office_records(store: Store) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    with store.session() as s:
        ctx = records.load_context(s)
        actions: dict[int, list[str]] = {}
        # an action's text and who does it (an "Actionee" column kept is on the record as its actions' actionee)
        for rid, text, actionee in s.execute(select(RiskAction.risk_id, RiskAction.description, Person.name)
                                             .outerjoin(Person, RiskAction.actionee_id == Person.id)):
            actions.setdefault(rid, []).append(" ".join(x for x in (text, actionee) if x))
        for name in COUNTED:
            reg = REGISTERS[name]
            rows = []
            for row in records.fetch_rows(s, reg, ctx):
                rec = dict(zip(["id", "version", *reg.field_names], row))
                rec["_actions"] = actions.get(rec["id"], []) if name == "risks" else []
                rows.append(rec)
            out[name] = rows
    return out


def cell_ok(reg_name: str, target: str, raw: Any, rec: dict) -> bool:
    reg = REGISTERS[reg_name]
    want = norm(raw)
    if target == "keep":
        text = norm(" ".join(str(x) for k, x in rec.items() if isinstance(x, str) and not k.startswith("_"))
                    + " ".join(rec["_actions"]))
        return want[:40] in text
    value = rec.get(target)
    kind = reg.field(target).kind
    if kind in TEXT_KINDS:
        return want[:40] in norm(value)
    if kind == Kind.CODE:
        return norm(value) == want
    return value not in (None, "", [])


def import_file(store: Store, path: Path) -> str:
    options = {"create_missing": True} if "create_missing" in inspect.signature(
        importer.plan_workbook_import).parameters else {}
    plan = importer.plan_workbook_import(store, path, **options)
    if "partial" in inspect.signature(importer.apply_import).parameters:
        importer.apply_import(store, plan, partial=True)
    else:
        importer.apply_import(store, plan)
    return ""


def measure(path: Path, expect: dict, folder: Path, verbose: bool) -> Outcome:
    out = Outcome(path.name)
    store = Store.create(folder / (path.stem + ".pmo"))
    try:
        t0 = time.perf_counter()
        try:
            import_file(store, path)
        except Exception as e:  # a refusal is a result: no row imported
            out.error = f"{type(e).__name__}: {str(e)[:160]}"
        out.seconds = time.perf_counter() - t0
        office = office_records(store)
    finally:
        store.close()
    sheets = read_sheets(path)
    explained: set[tuple[str, int]] = set()
    for sheet, exp in expect.items():
        reg_name = exp["register"]
        sheet = exp.get("sheet", sheet)
        rows = sheets.get(sheet) or []
        header_row = exp["header_row"]
        header = rows[header_row - 1] if len(rows) >= header_row else []
        col_of: dict[str, int] = {}
        for name in [exp["key"], *exp["columns"]]:
            col_of[name] = next((i for i, h in enumerate(header) if norm(h) == norm(name)),
                                next((i for i, h in enumerate(header) if bare(h) == bare(name)), -1))
        key_col = col_of[exp["key"]]
        key_target = exp["columns"].get(exp["key"], "title")
        by_key = {norm(r.get(key_target))[:60]: r for r in office.get(reg_name, [])}
        data = [r for r in rows[header_row:] if key_col >= 0 and key_col < len(r) and norm(r[key_col])]
        if "filter" in exp:  # one sheet holding several registers (a RAID log): this register's rows
            fcol = next(i for i, h in enumerate(header) if norm(h) == norm(exp["filter"][0]))
            data = [r for r in data if norm(r[fcol]) == norm(exp["filter"][1])]
        data = data[:exp["rows"]]
        out.rows += exp["rows"]
        bad_cols: set[str] = set()
        for r in data:
            rec = by_key.get(norm(r[key_col])[:60])
            if rec is None:
                bad_cols.update(c for c in exp["columns"] if col_of[c] >= 0 and norm(r[col_of[c]]))
                out.misses.append(f"{sheet}: row “{str(r[key_col])[:40]}” not imported")
                continue
            explained.add((reg_name, rec["id"]))
            wrong = [c for c, target in exp["columns"].items()
                     if col_of[c] >= 0 and col_of[c] < len(r) and norm(r[col_of[c]])
                     and not cell_ok(reg_name, target, r[col_of[c]], rec)]
            bad_cols.update(wrong)
            if wrong:
                out.misses.append(f"{sheet}: “{str(r[key_col])[:30]}” wrong: {', '.join(wrong)}")
            else:
                out.rows_right += 1
        out.columns += len(exp["columns"])
        out.columns_placed += sum(1 for c in exp["columns"] if c not in bad_cols and col_of[c] >= 0)
    out.junk = sum(1 for reg_name, recs in office.items() for rec in recs if (reg_name, rec["id"]) not in explained)
    return out


def generated(folder: Path) -> list[tuple[Path, dict]]:
    """Layouts the corpus lacks, written here: (workbook, its expectation)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_layouts import LAYOUTS

    return [layout(folder) for layout in LAYOUTS]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    expectations = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    results: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = [(args.corpus / name, exp) for name, exp in expectations.items() if not name.startswith("_")
                 and (args.corpus / name).exists()]
        files += generated(folder)
        for path, exp in files:
            results.append(measure(path, exp, folder, args.verbose))
    width = max(len(r.name) for r in results)
    print(f"{'file':<{width}}  rows right      columns placed  junk   time  note")
    for r in results:
        print(f"{r.name:<{width}}  {r.rows_right:>4}/{r.rows:<4} {pct(r.rows_right, r.rows):>5}  "
              f"{r.columns_placed:>3}/{r.columns:<3} {pct(r.columns_placed, r.columns):>5}  {r.junk:>4} "
              f"{r.seconds:>6.2f}s  {r.error}")
        if args.verbose:
            for m in r.misses[:12]:
                print("      ", m)
    rows, right = sum(r.rows for r in results), sum(r.rows_right for r in results)
    cols, placed = sum(r.columns for r in results), sum(r.columns_placed for r in results)
    print(f"{'TOTAL':<{width}}  {right:>4}/{rows:<4} {pct(right, rows):>5}  {placed:>3}/{cols:<3} {pct(placed, cols):>5}  "
          f"{sum(r.junk for r in results):>4} {sum(r.seconds for r in results):>6.2f}s")
    return 0


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "—"


if __name__ == "__main__":
    raise SystemExit(main())
