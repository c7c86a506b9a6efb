"""Round speed68 (issue 16): header detection's near indexes read from the cache folder a part at a time.

A process's first header detection read the whole tables file kept by round speed53 (``table_cache``), 96 M
instructions of ``marshal.loads``, most of it the near indexes (every register's long headers and their one-letter
deletions), for the fifty-odd look-ups a risk sheet makes of them. They are now kept in parts, by the key's length
and first letter (``table_cache.in_parts``), and a part is read at its first look-up (``PartedIndex``)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from real_world_factory import write_xlsx

from pmo_desktop.excel import header_detection as hd
from pmo_desktop.excel import table_cache

ROOT = Path(__file__).resolve().parents[1]

# One process's header detection of a sheet, and how many entries of the near indexes it then holds read: all of
# them when the tables file is read whole (a register's index keyed by texts), else those of the parts read
_DETECT = r"""
import json, sys
import openpyxl
from pmo_desktop.excel import header_detection as hd
sheet = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True).worksheets[0]
rows = [list(r) for r in sheet.iter_rows(values_only=True)][:30]
m = hd.detect_header(rows, sheet.title)

def held(near):
    if any(k.__class__ is str for k in near):
        return len(near)
    return sum(len(part) for by_first in near.values() for part in by_first.values() if part.__class__ is dict)

tables = hd._stored_tables()
read = sum(held(t["near"]) for t in tables.values())
whole = sum(len(hd._build_near_index(hd.field_keys(k))) for k in hd.ALL_KINDS)
print(json.dumps({"read": read, "whole": whole, "found": [m.kind.register, m.row, sorted(m.mapping.items())]}))
"""

# Long headers, two of them a letter wrong: near look-ups for every register
HEADER = ["Risk ID", "Risk Descripton", "Category", "Risk Owner", "Likelyhood", "Impact", "Mitigation Actions",
          "Status", "Date Identified"]


def _detect(book: Path, cache: str) -> dict:
    env = {**os.environ, "PMO_DESKTOP_CACHE": cache, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _DETECT, str(book)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_first_header_detection_reads_a_part_of_the_kept_tables(tmp_path: Path) -> None:
    """A process's first risk sheet, its tables kept by an earlier process: it reads under a tenth of the near
    indexes' entries (main: all 65,588), and the header is found as when the tables are built in the process and
    not kept."""
    rows = [[f"R-{i:03d}", f"Supplier {i} may deliver late", "Technical", f"Owner {i % 7}", 1 + i % 5,
             1 + i * 3 % 5, "Expedite", "Open", "2024-01-05"] for i in range(1, 41)]
    book = write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": [HEADER, *rows]})
    cache = tmp_path / "cache"
    kept = _detect(book, str(cache))  # builds the tables and keeps them
    again = _detect(book, str(cache))  # reads them back
    built = _detect(book, "")  # built, not kept
    assert again["found"] == kept["found"] == built["found"]
    assert built["found"][0] == "risks"
    assert {"title", "probability"} <= {name for _col, name in built["found"][2]}  # both misspelt headers read
    assert again["read"] < again["whole"] / 10, again


def test_near_look_ups_in_parts_equal_the_whole_index() -> None:
    """For every register: every known header, and each of them with a letter added, dropped or changed, finds
    in the parted index what it finds in the index built whole."""
    rng = random.Random(68)
    for kind in hd.ALL_KINDS:
        whole = hd._build_near_index(hd.field_keys(kind))
        parted = table_cache.PartedIndex(table_cache.in_parts(whole))
        for key in hd.field_keys(kind):
            i = rng.randrange(len(key) + 1)
            letter = rng.choice("aeiosrtnéжß")
            for asked in (key, key[:i] + letter + key[i:], key[:i] + key[i + 1:], key[:i] + letter + key[i + 1:]):
                for probe in hd._probes(asked):
                    assert parted.get(probe) == whole.get(probe), (kind.register, probe)
        assert parted.get("") is None and parted.get("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") is None
