"""Looking at an office this process has open never drops SQLite's locks on it (models/held_files.py).

POSIX drops every lock a process holds on a file when it closes any descriptor of that file. A header read
of the .pmo while this process had it open — the same office opened again in a second window, or given to
import — dropped the shared lock SQLite keeps on it, so another program closing the office took itself
for its last user and deleted the -wal and -shm under this window, which then refused every edit as
"changed by another program". Each test here is that scenario with a real second process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from processes import read_line

from pmo_desktop.excel import workbook_reader
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Another program with the office open: says "ready", closes it when told, says "closed".
OTHER = """
import sys
from pmo_desktop.models.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""

READ = """
import sys
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
store = Store.open(sys.argv[1])
with store.session() as s:
    print(",".join(r[3] for r in records.fetch_rows(s, REGISTERS["projects"])), flush=True)
store.close()
"""


def python(script: str, *args: str, **kwargs) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    return subprocess.Popen([sys.executable, "-c", script, *args], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def add(store: Store, name: str) -> None:
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": name})


def second_window(path: Path) -> None:
    Store.open(path).close()


def given_to_import(path: Path) -> None:
    with pytest.raises(WorkbookError, match="File ▸ Open"):
        workbook_reader.check_file(path, workbook_reader.Limits())


@pytest.mark.parametrize("look", [second_window, given_to_import], ids=["second-window", "given-to-import"])
def test_a_look_at_the_open_office_leaves_other_programs_seeing_it_open(
        tmp_path: Path, look: Callable[[Path], None]) -> None:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    window = Store.open(path)
    try:
        add(window, "First")
        other = python(OTHER, str(path), stdin=subprocess.PIPE)
        assert read_line(other).strip() == "ready"
        look(path)
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        assert read_line(other).strip() == "closed"
        other.communicate(timeout=60)
        # The other program saw this window still holding the office: it left the -wal and -shm in place.
        assert sorted(p.name for p in tmp_path.iterdir()) == ["office.pmo", "office.pmo-shm", "office.pmo-wal"]
        add(window, "Second")  # refused before as "changed by another program"
        reader = python(READ, str(path))
        out, err = reader.communicate(timeout=60)
        assert out.strip() == "First,Second", err
    finally:
        window.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.pmo"]


def descriptors_of(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="lists open descriptors through /proc")
def test_the_descriptors_kept_are_closed_with_the_last_window(tmp_path: Path) -> None:
    """Kept while a store has the office open, closed once none has: the file can then be moved or deleted
    at once (on Windows too), and no descriptor leaks per office opened."""
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    first, second = Store.open(path), Store.open(path)
    add(first, "One")
    first.data_version()
    first.close()
    assert descriptors_of(path)  # the second window still has it open: its locks stay
    second.close()
    assert descriptors_of(path) == []
