"""kill -9 while a new office is made: ``new --demo`` (and so the window's demo office of a first start,
made once and then reused for good). Each run is a real child process killed with SIGKILL at a seeded
random moment once it has begun writing in the folder. Afterwards the name holds nothing or the whole demo —
never an office with half its records, nor a file every later start refuses as no office — and the next
``new`` in that folder leaves no debris.

Fault12: before, the office was made under its own name and filled there, so a kill left a half-made demo
(or a half-made schema) under the demo's name; the window would have reused it at every start."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from test_kill_during_import_and_pack import SEED, kill_when, leftovers, start

from pmo_desktop.models.demo import create_demo


@pytest.fixture(scope="module")
def whole_demo(tmp_path_factory) -> dict[str, int]:
    path = tmp_path_factory.mktemp("whole") / "demo.pmo"
    create_demo(path).close()
    return counts(path)


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("program", "project", "risk", "stakeholder", "benefit", "record_history")}
    finally:
        con.close()


@pytest.mark.parametrize("trial", range(4))
def test_kill_during_new_demo(tmp_path: Path, whole_demo: dict[str, int], trial: int) -> None:
    folder = tmp_path / "offices"
    folder.mkdir()
    target = folder / "demo.pmo"
    delay = random.Random(SEED + trial).uniform(0.0, 0.4)
    proc = start(["new", str(target), "--demo"], folder, tmp_path)
    killed = kill_when(proc, lambda: any(folder.iterdir()), delay)
    if target.exists():  # whole, as the name promises (the kill came after it was complete)
        assert counts(target) == whole_demo, f"killed {delay:.2f} s in: a half-made demo under the name"
    else:
        assert killed
    second = folder / "second.pmo"  # the next office made in that folder clears what the dead one left
    start(["new", str(second)], folder, tmp_path).wait(120)
    assert second.exists() and leftovers(folder) == []
