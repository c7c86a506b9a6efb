"""Two PMO Desktop processes on one office (a file on a network share opened twice, or one server).

Runs on a SQLite file and on PostgreSQL: no edit is lost, a stale edit is refused, and resolving it
in one process is seen by the other.
"""

import subprocess
import sys
from pathlib import Path

from pmo_desktop.models import errors, records
from pmo_desktop.models.conflicts import Resolution, resolve
from pmo_desktop.models.registers import REGISTERS

import pytest

RISKS = REGISTERS["risks"]
EDITOR = Path(__file__).with_name("editor_process.py")


def start_editor(target: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(EDITOR), target, *map(str, args)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out.strip()


def test_other_process_edit_then_conflict_and_overwrite(store, store_url):
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Base"}).id
    with store.session() as s:
        seen = records.record_values(s, RISKS, rid)
    assert finish(start_editor(store_url, rid, "set-title", "From the other window", seen["version"])) == "saved"
    with pytest.raises(errors.EditConflict) as info:
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Mine"}, expected_version=seen["version"])
    assert info.value.theirs == "From the other window"
    with store.transaction() as s:
        version = resolve(s, RISKS, info.value, Resolution.OVERWRITE)
    # The other process, still holding the old version, is refused in turn and sees ours.
    assert finish(start_editor(store_url, rid, "set-title", "Late", seen["version"])) == "conflict Mine"
    with store.session() as s:
        assert records.record_values(s, RISKS, rid)["title"] == "Mine"
        assert records.record_values(s, RISKS, rid)["version"] == version


def test_two_processes_hammering_one_risk_lose_nothing(store, store_url):
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Shared"}).id
    count = 30
    editors = [start_editor(store_url, rid, "append", mark, count) for mark in "ab"]
    for p in editors:  # both loaded and connected: start them together
        assert p.stdout.readline().strip() == "ready"
    for p in editors:
        p.stdin.write("go\n")
        p.stdin.flush()
    conflicts = [int(finish(p)) for p in editors]
    with store.session() as s:
        notes = records.record_values(s, RISKS, rid)["notes"]
    assert sorted(notes) == sorted("a" * count + "b" * count), (notes, conflicts)
    print(f"conflicts met and retried: {conflicts}")
