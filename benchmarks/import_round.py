"""How an import round is measured (issue 12, docs/import-rounds.md): each workbook into a fresh office, one
readable dump per file.

    PYTHONPATH=. /work/main/.venv/bin/python benchmarks/import_round.py FILE... --out DIR

For each FILE: a copy in a temp dir (the rows left out are written beside the workbook, never beside the
original), a fresh office there, and the import ``pmo-desktop import OFFICE FILE --partial --create-missing``
makes — the same parsed arguments and the same planning and applying code the command runs, no second path.
Then DIR/<folder>__<file name>.txt says what the import's report says (sheets read with their register, header row and
every column placed on a field, kept in the notes or left out and why; sheets skipped and why; the sheet notes;
values not placed; each row skipped or left out with its reason; the summary) and lists every record created,
register by register in the order they were stored, with every non-empty stored field (computed ones, which
depend on the day, are left out). Nothing in a dump depends on the day, the temp dir or the run, so two runs'
folders compare with ``diff -r``: that is how a round's first run, its fixes and its held-out set are counted
by hand, and how a change is checked against every earlier round's files.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import sys
import tempfile
import warnings
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from pmo_desktop import cli  # noqa: E402
from pmo_desktop.excel.header_detection import importable_registers  # noqa: E402
from pmo_desktop.excel.importer import apply_import  # noqa: E402
from pmo_desktop.excel.workbook_reader import column_letters  # noqa: E402
from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.program import Person  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.risks import RiskAction  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\n", "\n      ")


def report_lines(plan, result, source: Path) -> list[str]:
    out = ["## Report"]
    for sheet in plan.sheets:
        where = f"{sheet.register}" + (f" (children of {sheet.parent_register})" if sheet.parent_register else "")
        made = " (made by the import)" if sheet.synthetic else ""
        out.append(f"Sheet “{sheet.sheet}” read as {where}{made}, header row {sheet.header_row}, "
                   f"{len(sheet.rows)} rows")
        for col in sorted(set(sheet.mapping) | set(sheet.extras) | set(sheet.ignored)):
            header = sheet.headers[col] if col < len(sheet.headers) else ""
            head = f"  {column_letters(col)} “{header}”"
            if col in sheet.mapping:
                out.append(f"{head} → {sheet.mapping[col]}")
            elif col in sheet.extras:
                out.append(f"{head} → kept in the notes as “{sheet.extras[col]}”")
            else:
                out.append(f"{head} → not imported: {sheet.ignored[col]}")
        if sheet.note:
            out.append(f"  note: {sheet.note}")
        for name, values in sorted(sheet.unplaced.items()):
            shown = ", ".join(f"“{v}” ×{n}" for v, n in sorted(values.items()))
            out.append(f"  not placed in {name}: {shown}")
    for sheet, reason in plan.skipped_sheets:
        out.append(f"Sheet “{sheet}” skipped: {reason}")
    for key, values in sorted(plan.new_choices.items()):
        out.append(f"New {key} values: {', '.join(sorted(values))}")
    for report in plan.reports:
        if report.action.value in ("skip", "error"):
            verb = "left out" if report.action.value == "error" else "skipped"
            line = f"{report.sheet} row {report.row}: {verb}" + (f" {report.code}" if report.code else "")
            out.append(f"{line} — {report.reason}" if report.reason else line)
    summary = result.summary()
    if result.left_out_path is not None:  # the temp dir's name changes each run
        summary = summary.replace(str(result.left_out_path), result.left_out_path.name)
    out.append(summary.replace(str(source.parent), "…"))
    return out


def record_lines(store: Store) -> list[str]:
    out = ["## Records"]
    with store.session() as s:
        ctx = records.load_context(s)
        actions: dict[int, list[str]] = {}
        for rid, text, actionee in s.execute(select(RiskAction.risk_id, RiskAction.description, Person.name)
                                             .outerjoin(Person, RiskAction.actionee_id == Person.id)
                                             .order_by(RiskAction.id)):
            actions.setdefault(rid, []).append(text + (f" [by {actionee}]" if actionee else ""))
        names = ["projects", "people", *importable_registers(), "issue_actions", "benefit_plan",
                 "benefit_measurements"]
        for name in dict.fromkeys(names):
            reg = REGISTERS[name]
            stored = reg.importable_fields
            rows = records.fetch_rows(s, reg, ctx, with_computed=False)
            if not rows:
                continue
            out.append(f"### {name}: {len(rows)}")
            for n, row in enumerate(rows, 1):
                out.append(f"[{n}]")
                for f, value in zip(stored, row[2:]):
                    if value in (None, "", [], 0, False):  # 0 and False: a number or flag never set
                        continue
                    out.append(f"  {f.name}: {_shown(value)}")
                if name == "risks":
                    for text in actions.get(row[0], []):
                        out.append(f"  action: {_shown(text)}")
    return out


def dump_name(path: Path) -> str:
    """"risks.xlsx" of folder "owner" → "owner__risks.xlsx.txt": the workbook keeps its own name for the import
    (rules read it), and workbooks of one name from several sources get a dump each."""
    return f"{path.resolve().parent.name}__{path.name}.txt"


def dump(path: Path, out_dir: Path) -> str:
    data = path.read_bytes()
    lines = [f"# {path.name}", f"sha256 {hashlib.sha256(data).hexdigest()[:16]}"]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        office = Path(tmp) / "office.pmo"
        store = Store.create(str(office))
        try:
            args = cli.build_parser().parse_args(["import", str(office), str(copy), "--partial",
                                                  "--create-missing"])
            try:
                with warnings.catch_warnings(), redirect_stdout(io.StringIO()):
                    warnings.simplefilter("ignore")
                    plan = cli.plan_cli_import(store, args, None)
                    result = apply_import(store, plan, partial=True, translations=None)
                lines += report_lines(plan, result, copy)
            except Exception as e:  # a refusal is the file's outcome, said as the command says it
                lines += ["## Report", f"Refused: {cli.describe_error(e)}"]
            lines += record_lines(store)
        finally:
            store.close()
    text = "\n".join(lines) + "\n"
    (out_dir / dump_name(path)).write_text(text, encoding="utf-8")
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files:
        text = dump(path, args.out)
        counts = [line for line in text.splitlines() if line.startswith("### ")]
        print(f"{path.name}: {', '.join(c[4:] for c in counts) or 'no records'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
