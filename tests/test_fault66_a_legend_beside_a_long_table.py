"""Fault round 66: a status column written in the symbols a legend beside the table explains (classes66b: "🔴 The
bug was reported …", "🟢 Bug fixed in the next release.") was read through the legend only on a sheet of at most
3,000 rows — the legend was looked for where a key under the table is (sheet_keys), which a long sheet skips. A
tracker of 3,500 bugs came in every one Open, the fixed ones too, and the preview said nothing of the legend.
The legend stands in the rows the header search reads, whatever the sheet's length: it is read there."""

from __future__ import annotations

from pathlib import Path

from imported import import_all, rows_of
from real_world_factory import write_xlsx

LEGEND = [["Version", "Status", "Bug ID", "Description"],
          ["2.1", "🔴", 1, "Crash when the map is zoomed out fully", None, "Plugin colour key:", "Version",
           "Status", "Bug ID", "Description"],
          ["2.1", "🟢", 2, "Tooltip shows the wrong unit", None, None, "Release the bug was seen in",
           "🔴 The bug was reported and is not looked at yet.", "Number of the bug", "What goes wrong"],
          ["2.2", "🔴", 3, "Export drops the last line", None, None, None, "🟢 Bug fixed in the next release."]]


def test_the_legend_reads_the_statuses_of_a_long_table_too(sqlite_store, tmp_path: Path) -> None:
    rows = LEGEND + [["2.3", "🟢🔴"[i % 2], i, f"Bug number {i} of the tracker"] for i in range(4, 3_501)]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "tracker.xlsx", {"Arkusz1": rows}))
    statuses = [r["status"] for r in sorted(rows_of(sqlite_store, "issues"), key=lambda r: int(r["code"]))]
    assert len(statuses) == 3_500
    assert statuses == ["Resolved" if i % 2 == 0 else "Open" for i in range(1, 3_501)]  # all "Open" before
    assert "“fixed” read as Resolved (1750 rows)" in plan.sheets[0].note, plan.sheets[0].note
