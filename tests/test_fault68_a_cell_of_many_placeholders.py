"""Fault round 68: a cell of many automation placeholders with a word after them — forty "{{ $json.a }}" and
"posted", a workflow's message template filled in part. The rule for rows of unfilled placeholders
(``unfilled_templates``, classes70a) let a "{{" run on to any later "}}", so the cell was tried every way it can be
cut into placeholders, 2^40 of them, before it was found no row of placeholders alone: the import never ended.
Now a "{{" ends at its first "}}", and the row (a word written beside its placeholders) is a record, as the rule
says. Run in a subprocess with a timeout: on main it does not end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]
CELL = "{{ $json.a }}" * 40 + " posted"


def test_the_import_ends_and_the_row_is_a_record(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Issues"
    for row in (["ID", "Issue", "Owner"], ["I-1", "Bot failed to post", "Ann"], [None, CELL, None],
                [None, "{{ $json.title }}", "<<Owner>>"]):
        ws.append(row)
    wb.save(tmp_path / "issues.xlsx")
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PMO_DEBUG", None)
    proc = subprocess.run([sys.executable, "-m", "pmo_desktop", "import", str(office), str(tmp_path / "issues.xlsx"),
                           "--partial", "--create-missing"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    store = Store.open(office)
    try:
        titles = store.engine.connect().exec_driver_sql("SELECT title FROM issue_entry ORDER BY id").scalars().all()
    finally:
        store.close()
    assert titles[0] == "Bot failed to post"
    assert len(titles) == 2 and titles[1].startswith("{{ $json.a }}")  # the row of placeholders alone is skipped
